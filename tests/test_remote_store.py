"""The remote store without a real server: parameter binding, settings, and how store failures are told.

A small loopback HTTP server stands in for the SPARQL server where a test needs one answer shape.
"""

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar
from urllib.parse import parse_qs

import pyoxigraph as ox
import pytest

from safetykg.query.bindings import with_values
from safetykg.query.questions import answer, load_questions
from safetykg.query.remote import Endpoint, RemoteStore, StoreConfigError, StoreFailed, StoreUnavailable, credentials
from safetykg.web.worker import handle
from tests.live_server import free_port

XSD = "http://www.w3.org/2001/XMLSchema#"
G1, G2 = "https://w3id.org/safetykg/id/graph/a", "https://w3id.org/safetykg/id/graph/b"
NASTY = 'x" } ; DROP ALL # \n { \\ "'


# --- binding parameters in query text ----------------------------------------------------------


def test_a_bound_literal_stays_one_term_whatever_it_holds() -> None:
    query = with_values("SELECT ?x WHERE { }", {ox.Variable("x"): ox.Literal(NASTY, language="zh")})
    rows = list(ox.Store().query(query))  # type: ignore[arg-type]
    assert [row["x"] for row in rows] == [ox.Literal(NASTY, language="zh")]


def test_bindings_open_the_where_group_not_the_construct_template() -> None:
    query = with_values(
        "CONSTRUCT { ?s <urn:p> ?o } WHERE { ?s <urn:q> ?o } # a comment with { braces",
        {ox.Variable("s"): ox.NamedNode("urn:a")},
    )
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:q"), ox.Literal("1")))
    store.add(ox.Quad(ox.NamedNode("urn:b"), ox.NamedNode("urn:q"), ox.Literal("2")))
    assert [str(t) for t in store.query(query)] == ['<urn:a> <urn:p> "1"']  # type: ignore[union-attr]


def test_bindings_are_seen_by_filters_of_the_outer_group() -> None:
    # the idiom of the canned questions' optional parameters: FILTER(!BOUND(?param) || ?actual = ?param)
    store = ox.Store()
    for place in ("urn:hubei", "urn:hebei"):
        store.add(ox.Quad(ox.NamedNode("urn:rule:" + place[4:]), ox.NamedNode("urn:in"), ox.NamedNode(place)))
    query = "SELECT ?rule ?place WHERE { ?rule <urn:in> ?actual FILTER(!BOUND(?place) || ?actual = ?place) }"
    bound = with_values(query, {ox.Variable("place"): ox.NamedNode("urn:hubei")})
    assert [row["rule"].value for row in store.query(bound)] == ["urn:rule:hubei"]  # type: ignore[union-attr]
    assert len(list(store.query(query))) == 2  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "term", [ox.BlankNode("b"), ox.Triple(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c"))]
)
def test_only_iris_and_literals_can_be_bound(term: Any) -> None:
    with pytest.raises(ValueError, match="only be bound to an IRI or a literal"):
        with_values("SELECT ?x WHERE {}", {ox.Variable("x"): term})


def test_a_question_parameter_cannot_change_the_query(store: ox.Store) -> None:
    # provisions-mentioning takes a free string: a value built to close the VALUES block finds nothing
    found = answer(store, load_questions()["provisions-mentioning"], {"term": NASTY})
    assert found.rows == []


# --- settings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.org/sparql", "must be http"),
        ("http:///sparql", "must be http"),
        ("http://dba:secret@127.0.0.1:8890/sparql", "SAFETYKG_STORE_USER"),
    ],
)
def test_a_store_url_is_checked(url: str, message: str) -> None:
    with pytest.raises(StoreConfigError, match=message) as caught:
        Endpoint(url)
    assert "secret" not in str(caught.value)


def test_credentials_come_from_the_environment() -> None:
    assert credentials({}) is None
    assert type(credentials({"SAFETYKG_STORE_USER": "u", "SAFETYKG_STORE_PASSWORD": "p"})).__name__ == "BasicAuth"
    digest = credentials({"SAFETYKG_STORE_USER": "u", "SAFETYKG_STORE_AUTH": "Digest"})
    assert type(digest).__name__ == "DigestAuth"
    with pytest.raises(StoreConfigError, match="basic or digest"):
        credentials({"SAFETYKG_STORE_USER": "u", "SAFETYKG_STORE_AUTH": "kerberos"})


# --- a stand-in SPARQL server ----------------------------------------------------------------


def _select(variables: list[str], bindings: list[dict[str, Any]]) -> bytes:
    return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}).encode()


ANSWERS: dict[str, tuple[int, str, bytes]] = {
    "/error": (500, "text/plain", b"engine exploded at sqldf.c:2316"),
    "/garbage": (200, "application/sparql-results+json", b"{not json"),
    # Virtuoso 7.2 answers ASK as a one-column table
    "/ask-true": (
        200,
        "application/sparql-results+json",
        _select(
            ["__ASK_RETVAL"], [{"__ASK_RETVAL": {"type": "typed-literal", "datatype": XSD + "integer", "value": "1"}}]
        ),
    ),
    "/ask-false": (200, "application/sparql-results+json", _select(["__ASK_RETVAL"], [])),
    "/booleans": (
        200,
        "application/sparql-results+json",
        _select(["b"], [{"b": {"type": "typed-literal", "datatype": XSD + "boolean", "value": v}} for v in ("1", "0")]),
    ),
    "/triples": (200, "text/plain", f'<urn:a> <urn:b> "1"^^<{XSD}boolean> .\n<urn:a> <urn:c> "\\u4E2D" .\n'.encode()),
    "/html": (200, "text/html", b"<html>an error page</html>"),
}


class _Handler(BaseHTTPRequestHandler):
    received: ClassVar[list[dict[str, list[str]]]] = []
    connection: ClassVar[list[str]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        _Handler.received.append(parse_qs(body.decode()))
        _Handler.connection.append(self.headers.get("Connection", ""))
        self.server_version = "Virtuoso/07.20.3229 (Linux)" if self.path == "/virtuoso" else "BaseHTTP/0.6"
        if self.path == "/slow":
            time.sleep(3)
        status, media_type, content = ANSWERS.get(self.path, (200, "application/sparql-results+json", _select([], [])))
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture(scope="module")
def stand_in() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def remote(base: str, path: str, timeout: float = 5.0) -> RemoteStore:
    return RemoteStore(Endpoint(base + path, timeout), graphs=[G1, G2])


def test_the_dataset_is_the_builds_graphs(stand_in: str) -> None:
    _Handler.received.clear()
    store = remote(stand_in, "/sparql")
    list(store.query("SELECT * WHERE { ?s ?p ?o }", use_default_graph_as_union=True))  # type: ignore[arg-type]
    list(store.query("SELECT * WHERE { ?s ?p ?o }", default_graph=[ox.NamedNode(G2)]))  # type: ignore[arg-type]
    list(store.query("SELECT * FROM <urn:g> WHERE { ?s ?p ?o }", base_iri="http://127.0.0.1/sparql"))  # type: ignore[arg-type]
    union, scoped, own = _Handler.received
    assert union["default-graph-uri"] == [G1, G2] and union["named-graph-uri"] == [G1, G2]
    assert scoped["default-graph-uri"] == [G2] and scoped["named-graph-uri"] == [G1, G2]
    assert "default-graph-uri" not in own and own["query"][0].startswith("BASE <http://127.0.0.1/sparql>")


@pytest.mark.parametrize(("path", "after_first"), [("/virtuoso", "close"), ("/sparql", "keep-alive")])
def test_with_virtuoso_each_query_gets_its_own_connection(stand_in: str, path: str, after_first: str) -> None:
    _Handler.connection.clear()
    store = remote(stand_in, path)
    for _ in range(3):
        list(store.query("SELECT * WHERE { ?s ?p ?o }"))  # type: ignore[arg-type]
    assert _Handler.connection == ["keep-alive", after_first, after_first]


def test_a_malformed_query_is_a_syntax_error_before_anything_is_sent(stand_in: str) -> None:
    _Handler.received.clear()
    with pytest.raises(SyntaxError):
        remote(stand_in, "/sparql").query("SELECT * WHERE { ?s ?p")
    assert _Handler.received == []


def test_virtuoso_style_ask_answers_are_read_as_booleans(stand_in: str) -> None:
    assert bool(remote(stand_in, "/ask-true").query("ASK { ?s ?p ?o }")) is True
    assert bool(remote(stand_in, "/ask-false").query("ASK { ?s ?p ?o }")) is False


def test_booleans_written_as_1_and_0_are_read_as_true_and_false(stand_in: str) -> None:
    rows = remote(stand_in, "/booleans").query("SELECT ?b WHERE { ?s ?p ?b }")
    assert [row["b"] for row in rows] == [
        ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")),
        ox.Literal("false", datatype=ox.NamedNode(XSD + "boolean")),
    ]  # type: ignore[union-attr]
    triples = {str(t) for t in remote(stand_in, "/triples").query("CONSTRUCT WHERE { ?s ?p ?o }")}  # type: ignore[union-attr]
    assert triples == {f'<urn:a> <urn:b> "true"^^<{XSD}boolean>', '<urn:a> <urn:c> "中"'}


@pytest.mark.parametrize(
    ("path", "error", "message"),
    [
        ("/error", StoreFailed, "HTTP 500: engine exploded"),
        ("/garbage", StoreFailed, "cannot be read"),
        ("/html", StoreFailed, "as 'text/html'"),
        ("/slow", StoreUnavailable, "did not answer a SELECT query within 0.5 s"),
    ],
)
def test_store_failures_are_told_apart(stand_in: str, path: str, error: type[Exception], message: str) -> None:
    query = "CONSTRUCT WHERE { ?s ?p ?o }" if path == "/html" else "SELECT * WHERE { ?s ?p ?o }"
    started = time.monotonic()
    with pytest.raises(error, match=message):
        list(remote(stand_in, path, timeout=0.5).query(query))  # type: ignore[arg-type]
    assert time.monotonic() - started < 2.5


def test_a_store_nobody_listens_on_is_unavailable() -> None:
    with pytest.raises(StoreUnavailable, match="cannot be reached"):
        RemoteStore(Endpoint(f"http://127.0.0.1:{free_port()}/sparql", 2))  # asks for its graphs at once


class _FailingStore:
    def __init__(self, error: Exception) -> None:
        self.error = error

    def query(self, *_: object, **__: object) -> Any:
        raise self.error

    def quads_for_pattern(self, *_: object) -> Any:
        raise self.error


@pytest.mark.parametrize(("error", "status"), [(StoreUnavailable("timed out"), 503), (StoreFailed("HTTP 500"), 502)])
def test_the_worker_answers_store_failures_as_502_and_503(error: Exception, status: int) -> None:
    job = {
        "op": "sparql",
        "query": "SELECT * WHERE { ?s ?p ?o }",
        "media_type": "application/sparql-results+json",
        "default_graphs": [],
        "named_graphs": [],
        "row_cap": 10,
        "has_dataset": False,
    }
    reply = handle(_FailingStore(error), {}, job)  # type: ignore[arg-type]
    assert (reply["status"], reply["message"]) == (status, str(error))
    assert handle(_FailingStore(error), {}, {"op": "resource", "iri": G1})["status"] == status  # type: ignore[arg-type]
