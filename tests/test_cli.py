"""The command line: build, export and sparql as a user runs them."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from safetykg.cli import main
from tests.live_server import free_port

QUERY = """PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX skg: <https://w3id.org/safetykg/ontology#>
SELECT ?citation ?text WHERE {
  ?item skg:citation ?citation ; skg:text ?text ; eli:is_part_of <https://w3id.org/safetykg/id/regulation/xinjiang-2018/article/22> .
} ORDER BY ?citation"""


def test_sparql_json(dist: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--dist", str(dist), "sparql", QUERY, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["results"]["bindings"]
    # 新疆细则 第二十二条 has seven items
    assert len(rows) == 7
    assert rows[0]["citation"] == {"type": "literal", "value": "新疆细则 第二十二条第（一）项", "xml:lang": "zh"}


def test_sparql_csv_from_file(dist: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    query_file = tmp_path / "q.rq"
    query_file.write_text(QUERY, encoding="utf-8")
    assert main(["--dist", str(dist), "sparql", "--file", str(query_file), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["citation", "text"] and len(rows) == 8


def test_sparql_table(dist: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--dist", str(dist), "sparql", QUERY]) == 0
    out = capsys.readouterr().out
    assert "新疆细则 第二十二条第（三）项" in out and out.rstrip().endswith("(7 rows)")


def test_sparql_syntax_error_is_reported(dist: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--dist", str(dist), "sparql", "SELECT WHERE {"]) == 2
    assert "not valid SPARQL" in capsys.readouterr().err


def test_export_to_stdout_and_file(dist: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--dist", str(dist), "export", "--format", "nt"]) == 0
    out = capsys.readouterr().out
    assert "<https://w3id.org/safetykg/id/regulation/hebei/article/31>" in out
    target = tmp_path / "out.jsonld"
    assert main(["--dist", str(dist), "export", "--format", "jsonld", "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["@context"]["eli"] == "http://data.europa.eu/eli/ontology#"


def test_build_reports_what_it_built(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--dist", str(tmp_path / "dist"), "build"]) == 0
    out = capsys.readouterr().out
    assert "built 5 documents" in out and "xinjiang-2018" in out and "triples per named graph" in out


def _modules_after(dist: Path, *argv: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``safetykg ARGV`` (which must succeed)."""
    code = (
        "import sys\n"
        "from safetykg.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "--dist", str(dist), *argv], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return set(done.stderr.split())


def test_a_canned_question_loads_neither_the_interpreter_nor_the_remote_store(dist: Path) -> None:
    """Each command imports what it uses: asked by its id, a question needs no interpreter of words, and with no
    --store no remote store and no HTTP client (the server's start pays for none of them either)."""
    loaded = _modules_after(dist, "ask", "departments-regulating-hazard", "jurisdiction=新疆", "hazard=烟花爆竹")
    assert "safetykg.query.questions" in loaded  # it did answer
    assert not loaded & {"safetykg.query.interpret", "safetykg.query.remote", "httpx", "fastapi", "uvicorn"}
    in_words = _modules_after(dist, "interpret", "新疆哪些部门负责烟花爆竹安全")
    assert "safetykg.query.interpret" in in_words  # the check above can fail


def test_a_remote_store_that_cannot_be_reached_exits_3(dist: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """StoreUnavailable is caught by main (exit code 3) although the remote store's module is imported only by the
    command that names a store."""
    port = free_port()  # nothing listens there
    argv = ["--dist", str(dist), "sparql", "ASK {}", "--store", f"http://127.0.0.1:{port}/sparql", "--timeout", "2"]
    assert main(argv) == 3
    assert "error:" in capsys.readouterr().err
