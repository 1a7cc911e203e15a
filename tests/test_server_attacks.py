"""Attacks on the public endpoint: each is refused or contained, the server answers afterwards,
and a listener on a loopback port never receives a request."""

import re
import socket
import threading
from collections.abc import Iterator
from urllib.parse import quote

import httpx
import pytest

from safetykg.query import sparql_grammar
from safetykg.query.guard import QueryRefused, unescape


class Listener:
    """A TCP listener on a loopback port that counts the connections it receives."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.running = False
        self.thread.join(2)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    item = Listener()
    yield item
    item.close()


def still_answers(server: str) -> None:
    response = httpx.get(f"{server}/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
    assert response.status_code == 200 and response.json()["boolean"] is True


def query(server: str, text: str, **headers: str) -> httpx.Response:
    return httpx.post(
        f"{server}/sparql",
        content=text.encode("utf-8"),
        headers={"Content-Type": "application/sparql-query", **headers},
        timeout=60,
    )


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE { SERVICE <http://169.254.169.254/latest/meta-data/> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { service silent <http://127.0.0.1:{port}/> { ?s ?p ?o } }",
        "SELECT * FROM <file:///etc/hostname> WHERE { ?s ?p ?o }",
        "SELECT * FROM <http://127.0.0.1:{port}/> WHERE { ?s ?p ?o }",
        "SELECT * FROM NAMED <http://127.0.0.1:{port}/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
        "PREFIX x: <http://127.0.0.1:{port}/> SELECT * FROM x:g WHERE { ?s ?p ?o }",
        "LOAD <http://127.0.0.1:{port}/data.ttl>",
    ],
)
def test_no_outbound_requests_and_no_files(server: str, listener: Listener, template: str) -> None:
    response = query(server, template.replace("{port}", str(listener.port)))
    assert response.status_code == 403, response.text
    assert listener.connections == 0
    still_answers(server)


# Each of these made the engine call the listener through the former, keyword-searching guard, or would
# make it call through a guard that read SPARQL's tokens less exactly than its grammar (see the test names).
SERVICE_SPELLINGS = {
    "dot-after-variable": "SELECT * WHERE { ?s ?p ?o.SERVICE SILENT <{url}> { ?a ?b ?c } } LIMIT 1",
    "dot-after-boolean": "SELECT * WHERE { ?s ?p true.SERVICE SILENT <{url}> { ?a ?b ?c } }",
    "dot-after-language-tag": 'SELECT * WHERE { ?s ?p "x"@en.SERVICE SILENT <{url}> { ?a ?b ?c } }',
    "comment-ended-by-cr": "SELECT * WHERE { ?s ?p ?o # c\rSERVICE SILENT <{url}> { ?a ?b ?c } }",
    "in-sub-select": "SELECT * WHERE { { SELECT * WHERE { SERVICE SILENT <{url}> { ?a ?b ?c } } } }",
    "in-filter-exists": "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE SILENT <{url}> { ?a ?b ?c } } }",
    "in-optional-minus-union": "SELECT * WHERE { { } UNION { OPTIONAL { MINUS { SERVICE SILENT <{url}> {} } } } }",
    "no-word-boundary-after-true": "SELECT * WHERE { ?s ?p trueSERVICE SILENT <{url}> { } }",
    "no-word-boundary-before-silent": "SELECT * WHERE { SERVICESILENT<{url}> { } }",
    "number-then-keyword": "SELECT * WHERE { ?s ?p 1SERVICE SILENT <{url}> { } }",
    "less-than-read-as-operator": "PREFIX : <{url}> SELECT * WHERE { ?s ?p ?x FILTER(?x<3)SERVICE:a#>\n{} }",
    "empty-prefix-glued": "PREFIX : <{url}> SELECT * WHERE { SERVICE:a {} }",
    "relative-iri-steered-by-host": "SELECT * WHERE { SERVICE SILENT <x> { ?a ?b ?c } }",
}


@pytest.mark.parametrize("name", list(SERVICE_SPELLINGS))
def test_service_in_every_spelling_is_refused_and_calls_nobody(server: str, listener: Listener, name: str) -> None:
    text = SERVICE_SPELLINGS[name].replace("{url}", f"http://127.0.0.1:{listener.port}/x")
    response = query(server, text, Host=f"127.0.0.1:{listener.port}")
    assert response.status_code in (400, 403), (response.status_code, response.text)
    assert listener.connections == 0
    still_answers(server)


def test_escapes_are_read_once_by_guard_and_engine_alike(server: str, listener: Listener) -> None:
    """With its \\u escapes applied, this is one long string and no SERVICE (SPARQL 1.1 section 19.2); the engine,
    which applies escapes only inside strings, read the raw text as a SERVICE call between two strings. The
    engine now runs the unescaped text the guard read: a plain query, answered, and nobody called."""
    url = f"http://127.0.0.1:{listener.port}/x"
    text = f"ASK {{ ?s ?p ?o FILTER(?o != '\\u0027') SERVICE <{url}> {{}} FILTER(?o != '\\u0027') }}"
    response = query(server, text, Accept="application/sparql-results+json")
    assert response.status_code == 200 and response.json()["boolean"] is True, response.text
    assert listener.connections == 0


def test_protocol_graph_pointing_elsewhere_is_refused(server: str, listener: Listener) -> None:
    response = httpx.get(
        f"{server}/sparql", params={"query": "ASK {}", "default-graph-uri": f"http://127.0.0.1:{listener.port}/"}
    )
    assert response.status_code == 403 and listener.connections == 0


def test_jsonld_body_with_remote_context_is_not_read(server: str, listener: Listener) -> None:
    body = f'{{"@context": "http://127.0.0.1:{listener.port}/context.jsonld", "@id": "urn:x"}}'
    response = httpx.post(f"{server}/sparql", content=body, headers={"Content-Type": "application/ld+json"})
    assert response.status_code == 415 and listener.connections == 0
    still_answers(server)


def test_deep_nesting_is_refused_before_the_engine(server: str) -> None:
    text = "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000
    response = query(server, text)
    assert response.status_code == 400 and "nests deeper than 64" in response.text
    deep_expression = "SELECT (" + "(" * 5000 + "1" + ")" * 5000 + " AS ?x) WHERE {}"
    assert query(server, deep_expression).status_code == 400
    still_answers(server)


def test_exponential_regex_is_contained(server: str) -> None:
    text = 'SELECT ?x WHERE { BIND("' + "a" * 5000 + '!" AS ?x) FILTER(REGEX(?x, "^(a+)+$")) }'
    response = query(server, text)
    assert response.status_code in (200, 503)
    still_answers(server)


def test_huge_limit(server: str) -> None:
    response = query(server, "SELECT * WHERE { ?s ?p ?o } LIMIT 99999999999999999999")
    assert response.status_code in (200, 400), response.text
    if response.status_code == 200:
        assert response.json()["truncated"] is True
    still_answers(server)


def test_lone_surrogates(server: str) -> None:
    escaped = query(server, 'SELECT * WHERE { ?s ?p "\\uD800" }')
    assert escaped.status_code == 400 and "surrogate" in escaped.text
    raw = httpx.post(
        f"{server}/sparql",
        content=b'SELECT * WHERE { ?s ?p "\xed\xa0\x80" }',
        headers={"Content-Type": "application/sparql-query"},
    )
    assert raw.status_code == 400 and "not UTF-8" in raw.text
    by_get = httpx.get(f"{server}/sparql?query=" + quote('ASK { ?s ?p "x" }') + "%ED%A0%80")
    assert by_get.status_code in (200, 400)
    still_answers(server)


@pytest.mark.parametrize(
    ("text", "refusal"),
    [
        ('ASK { ?s ?p "\ud800" }', "lone surrogate U+D800 at character 13"),  # as a client's own text holds it
        ('ASK { ?s ?p "ok\udfff" }', "lone surrogate U+DFFF at character 15"),
        ('ASK { ?s ?p "\\uDBFF" }', "invalid code point escape \\uDBFF (a lone surrogate) at character 13"),
        ('ASK { ?s ?p "\\U00110000" }', "invalid code point escape \\U00110000 (beyond U+10FFFF) at character 13"),
    ],
)
def test_the_guard_refuses_lone_surrogates_where_they_stand(text: str, refusal: str) -> None:
    with pytest.raises(QueryRefused) as refused:
        unescape(text)
    assert refused.value.status == 400 and refused.value.message == refusal


def test_the_guard_applies_escapes_and_keeps_other_text() -> None:
    assert unescape('ASK { ?s ?p "\\u0041\\U0001F600\U0001f600" }') == 'ASK { ?s ?p "A\U0001f600\U0001f600" }'
    assert unescape("ASK { ?s ?p ?o }") == "ASK { ?s ?p ?o }"


@pytest.mark.parametrize(
    "body",
    [
        sparql_grammar._BASE,
        sparql_grammar._CHARS + ".:",
        sparql_grammar._CHARS_U + "0-9",
        sparql_grammar._VARNAME_TAIL,
        "a-",
        "\\-a",
        "x\\]y\\\\",
        "\U0010ffff",
    ],
)
def test_the_grammar_s_name_classes_hold_the_characters_their_bodies_say(body: str) -> None:
    """The grammar writes each class of name characters as the class of the others (``char_class``, compiled five
    times faster): every code point is in the one exactly when it is in the class as written."""
    written, complement = re.compile(f"[{body}]"), re.compile(sparql_grammar.char_class(body))
    differing = [c for c in range(0x110000) if bool(written.fullmatch(chr(c))) != bool(complement.fullmatch(chr(c)))]
    assert differing == []


def test_updates_by_get_and_post(server: str, listener: Listener) -> None:
    update = f"LOAD <http://127.0.0.1:{listener.port}/x> ; INSERT DATA {{ <urn:a> <urn:b> <urn:c> }}"
    assert httpx.get(f"{server}/sparql", params={"update": update}).status_code == 403
    assert httpx.post(f"{server}/sparql", data={"update": update}).status_code == 403
    assert (
        httpx.post(
            f"{server}/sparql", content=update.encode(), headers={"Content-Type": "application/sparql-update"}
        ).status_code
        == 403
    )
    assert listener.connections == 0
    ask = httpx.get(f"{server}/sparql", params={"query": "ASK { <urn:a> <urn:b> <urn:c> }"})
    assert ask.json()["boolean"] is False


def test_a_200_mb_body_is_refused(server: str) -> None:
    size = 200 * 1024 * 1024

    def chunks() -> Iterator[bytes]:
        block = b"#" * (1024 * 1024)
        for _ in range(200):
            yield block

    try:
        response = httpx.post(
            f"{server}/sparql",
            content=chunks(),
            headers={"Content-Type": "application/sparql-query", "Content-Length": str(size)},
            timeout=60,
        )
        assert response.status_code == 413
    except (httpx.WriteError, httpx.RemoteProtocolError, httpx.ReadError):
        pass  # the server answered 413 and closed the connection before the body was sent
    still_answers(server)


def test_unknown_accept(server: str) -> None:
    response = httpx.get(
        f"{server}/sparql",
        params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"},
        headers={"Accept": "application/x-unknown"},
    )
    assert response.status_code == 406


@pytest.mark.parametrize(
    "value",
    [
        '新疆" } UNION { ?s ?p ?o } #',
        "\\u0022) } #",
        "https://w3id.org/safetykg/id/jurisdiction/xinjiang> } #",
        "<urn:x>",
        "'; DROP ALL; '",
    ],
)
def test_injection_through_question_parameters(server: str, listener: Listener, value: str) -> None:
    response = httpx.get(
        f"{server}/questions/departments-regulating-hazard", params={"jurisdiction": value, "hazard": "烟花爆竹"}
    )
    assert response.status_code == 400 and "unknown jurisdiction" in response.text
    term = httpx.get(f"{server}/questions/provisions-mentioning", params={"term": value})
    assert term.status_code == 200 and term.json()["rows"] == []
    assert listener.connections == 0
    still_answers(server)


@pytest.mark.parametrize(
    "path",
    [
        "/id/..%2f..%2fetc%2fpasswd",
        "/id/%2e%2e/%2e%2e/etc/passwd",
        "/id/regulation/%00",
        "/id/regulation/../../../etc/passwd",
        "/id/regulation/hebei%00.ttl",
        "/id/regulation/..%2f..%2f..%2fpyproject.toml",
    ],
)
def test_path_traversal_under_id(server: str, path: str) -> None:
    response = httpx.get(server + path)
    assert response.status_code == 404
    assert "root:" not in response.text and "[project]" not in response.text
