"""The packaged data, a user's data folder merged over it, and --dist / --data before or after a command."""

import json
import shutil
from pathlib import Path

import pytest

from safetykg.cli import main, parser
from safetykg.core.resources import DataFolderError, DataFolders, data_folders, merged_files, packaged
from safetykg.query.questions import load_questions

OVERVIEW = "regulation-overview"
# a question of the user's own: the articles of one regulation that mention 烟花爆竹 (新疆细则 第二十二条 does)
OWN_QUESTION = """#+ title:
#+   zh: 提及烟花爆竹的条款
#+   en: Provisions mentioning fireworks
#+ description: >
#+   The provisions whose text mentions 烟花爆竹.
#+ params: []
PREFIX skg: <https://w3id.org/safetykg/ontology#>
SELECT ?citation WHERE { ?p skg:citation ?citation ; skg:text ?text . FILTER(CONTAINS(?text, "烟花爆竹")) }
ORDER BY ?citation
"""


def test_the_package_carries_its_data() -> None:
    for kind, example in [
        ("sources", "sources.toml"),
        ("lexicon", "domains.ttl"),
        ("queries", f"{OVERVIEW}.rq"),
        ("ontology", "safetykg.ttl"),
        ("shapes", "structural.ttl"),
    ]:
        assert (packaged(kind) / example).is_file(), kind


def test_a_users_file_adds_to_or_replaces_the_packaged_one(tmp_path: Path) -> None:
    (tmp_path / "queries").mkdir()
    (tmp_path / "queries" / "my-question.rq").write_text(OWN_QUESTION, encoding="utf-8")
    replaced = (packaged("queries") / f"{OVERVIEW}.rq").read_text(encoding="utf-8").replace("法规概览", "我的概览")
    (tmp_path / "queries" / f"{OVERVIEW}.rq").write_text(replaced, encoding="utf-8")
    folders = data_folders(tmp_path, environ={})
    files = merged_files(folders.layers("queries"), "*.rq")
    assert tmp_path / "queries" / "my-question.rq" in files
    assert tmp_path / "queries" / f"{OVERVIEW}.rq" in files
    assert packaged("queries") / f"{OVERVIEW}.rq" not in files
    questions = load_questions(folders.layers("queries"))
    assert set(load_questions()) | {"my-question"} == set(questions)
    assert questions[OVERVIEW].title_zh == "我的概览"


def test_the_environment_names_the_data_folder_and_bad_folders_are_refused(tmp_path: Path) -> None:
    (tmp_path / "lexicon").mkdir()
    assert data_folders(None, {"SAFETYKG_DATA": str(tmp_path)}) == DataFolders(tmp_path.resolve())
    assert data_folders(None, {}) == DataFolders()
    with pytest.raises(DataFolderError, match="does not exist"):
        data_folders(tmp_path / "missing", {})
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(DataFolderError, match="sources/, lexicon/, queries/"):
        data_folders(empty, {})


@pytest.mark.parametrize(
    "argv",
    [
        ["--dist", "X", "--data", "D", "ask", "q"],
        ["ask", "q", "--dist", "X", "--data", "D"],
        ["--data", "D", "ask", "--dist", "X", "q"],
    ],
)
def test_dist_and_data_before_or_after_the_command(argv: list[str]) -> None:
    args = parser().parse_args(argv)
    assert (args.dist, args.data) == ("X", "D")


def test_serve_takes_dist_before_or_after_the_command() -> None:
    assert parser().parse_args(["--dist", "X", "serve"]).dist == "X"
    assert parser().parse_args(["serve", "--dist", "X"]).dist == "X"


def test_ask_answers_a_users_own_question(dist: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "queries").mkdir()
    (tmp_path / "queries" / "my-question.rq").write_text(OWN_QUESTION, encoding="utf-8")
    assert main(["--dist", str(dist), "ask", "my-question", "--data", str(tmp_path), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert "新疆细则 第二十二条第（三）项" in {row["citation"] for row in rows}


def test_a_missing_data_folder_is_a_clear_error(dist: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--dist", str(dist), "--data", str(tmp_path / "nowhere"), "ask", OVERVIEW]) == 2
    assert "nowhere does not exist" in capsys.readouterr().err


def test_build_takes_a_users_sources_over_the_packaged_ones(tmp_path: Path) -> None:
    """A user's catalogue with the national rule alone, its text in the user's folder, built into a dist of its own."""
    (tmp_path / "data" / "sources").mkdir(parents=True)
    catalogue = (packaged("sources") / "sources.toml").read_text(encoding="utf-8")
    national = catalogue.split("\n[[document]]")[1].replace('file = "national-2018.txt"', 'file = "mine.txt"')
    cited = catalogue[catalogue.index("[cited") :]
    (tmp_path / "data" / "sources" / "sources.toml").write_text(
        "[[document]]" + national + "\n" + cited, encoding="utf-8"
    )
    shutil.copy(packaged("sources") / "national-2018.txt", tmp_path / "data" / "sources" / "mine.txt")
    assert main(["build", "--data", str(tmp_path / "data"), "--dist", str(tmp_path / "dist")]) == 0
    manifest = json.loads((tmp_path / "dist" / "manifest.json").read_text(encoding="utf-8"))
    assert list(manifest["documents"]) == ["national-2018"]
