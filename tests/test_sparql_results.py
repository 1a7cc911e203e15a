"""SPARQL results written by the engine's serializer against the same results written term by term in Python: the
same answer in every format, the same cut at the row cap, a cut at the byte bound ending at a row's end, and the
query's own variable order for SELECT *."""

import csv
import io
import json
import random
import xml.etree.ElementTree as ET
from typing import Any

import pyoxigraph as ox
import pytest

from safetykg.query.sparql_results import (
    SOLUTION_TYPES,
    TRUNCATED_LINK,
    engine_solutions,
    python_solutions,
    render_solutions,
)

EX = "http://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"
# characters that each format must escape or quote, and text that looks like the formats' own row boundaries
PIECES = ["a", "中", "é", '"', "\\", "\n", "\r", "\t", "<", ">", "&", "'", ",", "{", "}", "[", "]", " ", "😀"]
PIECES += ["<result>", "</result>", '},{"', "},{}", '"bindings":[', "\u2028", "\x7f", "?x\t"]
QUERY = "SELECT ?s ?o ?extra WHERE { ?s <http://example.org/p> ?o OPTIONAL { ?s <http://example.org/q> ?extra } }"
KINDS = ["json", "xml", "csv", "tsv"]


@pytest.fixture(scope="module")
def store() -> ox.Store:
    chance = random.Random(20)
    store = ox.Store()
    graph = ox.NamedNode(EX + "g")
    for i in range(120):
        text = "".join(chance.choice(PIECES) for _ in range(chance.randint(0, 9)))
        term: Any = [
            ox.Literal(text),
            ox.Literal(text, language="zh-Hans"),
            ox.Literal(text, datatype=ox.NamedNode(EX + "type")),
            ox.Literal(str(i), datatype=ox.NamedNode(XSD + "integer")),
            ox.BlankNode(f"b{i}"),
            ox.NamedNode(f"{EX}o/{i}"),
        ][i % 6]
        subject = ox.NamedNode(f"{EX}s/{i}")
        store.add(ox.Quad(subject, ox.NamedNode(EX + "p"), term, graph))
        if i % 7 == 0:
            store.add(ox.Quad(subject, ox.NamedNode(EX + "q"), ox.Literal(f"extra {text}"), graph))
    return store


def _solutions(store: ox.Store, query: str = QUERY) -> ox.QuerySolutions:
    result = store.query(query, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    return result


def _rows(body: bytes, kind: str) -> tuple[list[str], list[Any], bool]:
    """The variables, the rows (comparable values) and the truncation mark an answer carries."""
    text = body.decode("utf-8")
    if kind == "json":
        document = json.loads(text)
        rows = [json.dumps(b, sort_keys=True) for b in document["results"]["bindings"]]
        return document["head"]["vars"], rows, document.get("truncated", False)
    if kind == "xml":
        ns = "{http://www.w3.org/2005/sparql-results#}"
        root = ET.fromstring(body)
        head = root.find(ns + "head")
        assert head is not None
        variables = [v.attrib["name"] for v in head.findall(ns + "variable")]
        marked = any(link.attrib["href"] == TRUNCATED_LINK for link in head.findall(ns + "link"))
        # a bare carriage return is read as a line feed (XML's end-of-line handling); the engine writes some as
        # references, which are kept
        results = [
            sorted(
                (b.attrib["name"], ET.tostring(b[0], encoding="unicode").replace("\r\n", "\n").replace("\r", "\n"))
                for b in r.findall(ns + "binding")
            )
            for r in root.iter(ns + "result")
        ]
        return variables, list(results), marked
    if kind == "csv":
        records = list(csv.reader(io.StringIO(text, newline="")))
        return records[0], records[1:], False
    lines = text.split("\n")
    assert lines[-1] == ""
    return [v.removeprefix("?") for v in lines[0].split("\t")], lines[1:-1], False


@pytest.mark.parametrize("kind", KINDS)
def test_the_engine_writes_what_python_writes(store: ox.Store, kind: str) -> None:
    engine, cut = engine_solutions(_solutions(store), kind, 10_000, None)
    python, python_cut = python_solutions(_solutions(store), kind, 10_000, None)
    assert not cut and not python_cut
    assert _rows(engine, kind) == _rows(python, kind)
    assert len(_rows(engine, kind)[1]) == 120
    if kind != "xml":  # the engine escapes some XML whitespace as character references; the rest is byte for byte
        assert engine == python


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("cap", [0, 1, 7, 119, 120, 121])
def test_the_row_cap_cuts_the_engine_answer_where_python_cuts(store: ox.Store, kind: str, cap: int) -> None:
    engine, cut = engine_solutions(_solutions(store), kind, cap, None)
    python, python_cut = python_solutions(_solutions(store), kind, cap, None)
    assert cut is python_cut is (cap < 120)
    variables, rows, marked = _rows(engine, kind)
    assert (variables, rows, marked) == _rows(python, kind)
    assert len(rows) == min(cap, 120)
    assert marked is (cut and kind in ("json", "xml"))
    if kind != "xml":
        assert engine == python


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("share", [0.001, 0.05, 0.3, 0.95])
def test_the_byte_bound_cuts_at_a_rows_end(store: ox.Store, kind: str, share: float) -> None:
    answer = engine_solutions(_solutions(store), kind, 10_000, None)[0]
    whole = _rows(answer, kind)
    bound = int(len(answer) * share)
    body, cut = engine_solutions(_solutions(store), kind, 10_000, bound)
    assert cut
    variables, rows, marked = _rows(body, kind)  # a whole document, every row of it whole
    assert variables == whole[0]
    assert rows == whole[1][: len(rows)]
    assert marked is (kind in ("json", "xml"))
    assert len(body) <= max(bound, 200) + 64  # the head and the mark may pass a tiny bound
    assert len(rows) < len(whole[1])


def test_an_answer_within_the_bound_is_whole(store: ox.Store) -> None:
    whole, _ = engine_solutions(_solutions(store), "json", 10_000, None)
    assert engine_solutions(_solutions(store), "json", 10_000, len(whole)) == (whole, False)


@pytest.mark.parametrize("media_type", list(SOLUTION_TYPES))
def test_select_star_keeps_the_querys_variable_order(store: ox.Store, media_type: str) -> None:
    query = "SELECT * WHERE { ?zeta <http://example.org/p> ?alpha } LIMIT 5"
    rendered = render_solutions(_solutions(store, query), media_type, 3, ["zeta", "alpha"])
    variables, rows, _ = _rows(rendered.body, SOLUTION_TYPES[media_type])
    assert variables == ["zeta", "alpha"]  # the engine's own order is alphabetical
    assert len(rows) == 3 and rendered.truncated
    if SOLUTION_TYPES[media_type] == "csv":
        assert all(row[0].startswith(EX + "s/") for row in rows)


def test_the_empty_answer_and_the_empty_row(store: ox.Store) -> None:
    nothing = engine_solutions(_solutions(store, "SELECT ?x WHERE { FILTER(false) }"), "json", 0, None)
    assert json.loads(nothing[0]) == {"head": {"vars": ["x"]}, "results": {"bindings": []}} and not nothing[1]
    one_empty = engine_solutions(_solutions(store, "SELECT ?x WHERE { }"), "json", 0, None)
    assert json.loads(one_empty[0])["truncated"] is True and one_empty[1]
