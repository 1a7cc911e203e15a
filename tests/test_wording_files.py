"""The interpreter's word files (interpreting.toml, spelling.toml) in a user's data folder: read alike, and a file
that cannot be read is an error naming the file and the line, never a traceback."""

from pathlib import Path

import pytest

from safetykg.cli import main
from safetykg.query.interpret import InterpretingError, Wording
from safetykg.query.slips import Spelling, SpellingError


def data_folder(tmp_path: Path, name: str, text: str) -> Path:
    queries = tmp_path / "data" / "queries"
    queries.mkdir(parents=True)
    (queries / name).write_text(text, encoding="utf-8")
    return tmp_path / "data"


def test_a_list_of_words_is_read_normalised_stripped_and_longest_first_where_it_must_be(tmp_path: Path) -> None:
    path = data_folder(tmp_path, "interpreting.toml", 'term_trim = ["的", "的条款"]\nmeans = [" By ", "要"]\n')
    wording = Wording.read(path / "queries" / "interpreting.toml")
    assert wording.term_trim == ("的条款", "的")  # tried longest first: 的条款 before the 的 it holds
    assert wording.means == ("by", "要")  # said in order, normalised and stripped


def test_words_the_interpreter_does_not_have_are_an_error_naming_them(tmp_path: Path) -> None:
    path = data_folder(tmp_path, "interpreting.toml", 'out_of_scop = ["GDP"]\n')
    with pytest.raises(InterpretingError, match="out_of_scop") as caught:
        Wording.read(path / "queries" / "interpreting.toml")
    assert caught.value.path.name == "interpreting.toml"


def test_a_wording_file_that_is_not_toml_stops_the_cli_with_its_file_and_line(
    tmp_path: Path, dist: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = data_folder(tmp_path, "interpreting.toml", 'out_of_scope = ["GDP"]\nmeans = ["by"\n')
    code = main(["interpret", "--data", str(data), "--dist", str(dist), "新疆烟花爆竹"])
    err = capsys.readouterr().err
    assert code == 2
    assert "interpreting.toml:" in err and "not valid TOML" in err and "Traceback" not in err


def test_a_spelling_file_that_is_not_toml_is_an_error_with_its_line(tmp_path: Path) -> None:
    path = data_folder(tmp_path, "spelling.toml", 'known = ["hazmat"]\n\nshorthand = {\n')
    with pytest.raises(SpellingError, match="not valid TOML") as caught:
        Spelling.read(path / "queries" / "spelling.toml")
    assert caught.value.line == 3


def test_a_spelling_file_whose_tables_are_lists_is_an_error(tmp_path: Path) -> None:
    path = data_folder(tmp_path, "spelling.toml", 'shorthand = ["ajj"]\n')
    with pytest.raises(SpellingError, match="shorthand and fuzzy_finals are tables"):
        Spelling.read(path / "queries" / "spelling.toml")
