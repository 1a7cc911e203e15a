"""The W3C SPARQL 1.1 test suites that apply to this endpoint, run against a live server.

The protocol manifest's requests are sent as written (with /sparql/ mapped to /sparql), against a
server loaded with the manifest's own data under the graph names it gives. Its update tests must be
refused: the endpoint is read-only. The service-description and JSON / CSV / TSV result-format
tests run too. The test files are read from ../shared/w3c-rdf-tests (never copied into the project).
"""

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDFS

from tests.live_server import live_server

SUITE = Path(__file__).resolve().parent.parent.parent / "shared" / "w3c-rdf-tests" / "sparql11"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
QT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-query#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")

pytestmark = pytest.mark.skipif(not SUITE.exists(), reason=f"W3C SPARQL 1.1 tests not found at {SUITE}")


def _manifest(name: str) -> Graph:
    path = SUITE / name / "manifest.ttl"
    return Graph().parse(path, format="turtle", publicID=path.as_uri())


def _entries(graph: Graph) -> list[URIRef]:
    manifest = next(graph.subjects(RDF.type, MF.Manifest))
    return [e for e in Collection(graph, graph.value(manifest, MF.entries)) if isinstance(e, URIRef)]


def _result_graph_name(folder: str, data: str) -> str:
    return f"urn:w3c-sparql11:{folder}:{data}"


@pytest.fixture(scope="module")
def w3c_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server holding the protocol data under its kasei.us names, and each result-format test's data."""
    dist = tmp_path_factory.mktemp("w3c-dist")
    quads: list[str] = []
    graphs: dict[str, int] = {}
    protocol = _manifest("protocol")
    for data in set(protocol.objects(None, UT.graphData)):
        graph_name = str(protocol.value(data, RDFS.label))
        triples = Graph().parse(protocol.value(data, UT.graph), format="nt")
        graphs[graph_name] = len(triples)
        quads += [f"{s.n3()} {p.n3()} {o.n3()} <{graph_name}> ." for s, p, o in triples]
    for folder in ("json-res", "csv-tsv-res"):
        for path in sorted((SUITE / folder).glob("data*.ttl")):
            name = _result_graph_name(folder, path.name)
            triples = Graph().parse(path, format="turtle")
            graphs[name] = len(triples)
            quads += [f"{s.n3()} {p.n3()} {o.n3()} <{name}> ." for s, p, o in triples]
    (dist / "safetykg.nq").write_text("\n".join(quads) + "\n", encoding="utf-8")
    # data0.rdf is named by the protocol tests but holds no triples: declare it as an (empty) graph of this dataset
    declared = ["http://kasei.us/2009/09/sparql/data/data0.rdf"]
    (dist / "manifest.json").write_text(
        json.dumps({"graphs": graphs, "declared_graphs": declared, "files": {}, "triples": len(quads)})
    )
    with live_server(dist) as base:
        yield base


def _protocol_cases() -> list[tuple[str, URIRef]]:
    if not SUITE.exists():
        return []
    graph = _manifest("protocol")
    return [(str(entry).rsplit("#", 1)[-1], entry) for entry in _entries(graph)]


def _send(base: str, graph: Graph, request: URIRef) -> httpx.Response:
    path = str(graph.value(request, HT.absolutePath)).replace("/sparql/", "/sparql", 1)
    headers = {}
    header_list = graph.value(request, HT.headers)
    if header_list is not None:
        for header in Collection(graph, header_list):
            headers[str(graph.value(header, HT.fieldName))] = str(graph.value(header, HT.fieldValue))
    body = graph.value(request, HT.body)
    content = None
    if body is not None:
        encoding = str(graph.value(body, CNT.characterEncoding) or "UTF-8")
        content = str(graph.value(body, CNT.chars)).encode(encoding.lower())
    return httpx.request(
        str(graph.value(request, HT.methodName)), base + path, headers=headers, content=content, timeout=30
    )


def _is_update(graph: Graph, request: URIRef) -> bool:
    path = str(graph.value(request, HT.absolutePath))
    body = graph.value(request, HT.body)
    chars = str(graph.value(body, CNT.chars)) if body is not None else ""
    header_list = graph.value(request, HT.headers)
    content_types = (
        [str(graph.value(h, HT.fieldValue)) for h in Collection(graph, header_list)] if header_list is not None else []
    )
    return "update=" in path or chars.startswith("update=") or any("sparql-update" in c for c in content_types)


@pytest.mark.parametrize(("name", "entry"), _protocol_cases(), ids=[c[0] for c in _protocol_cases()])
def test_protocol(w3c_server: str, name: str, entry: URIRef) -> None:
    graph = _manifest("protocol")
    action = graph.value(entry, MF.action)
    for request in Collection(graph, graph.value(action, HT.requests)):
        response = _send(w3c_server, graph, request)
        expected = graph.value(request, HT.resp)
        if name.startswith("update_") and _is_update(graph, request):
            # a read-only endpoint refuses every update, whatever the manifest expects of a writable one
            assert response.status_code == 403, response.text
            continue
        if name.startswith("update_"):
            assert response.status_code == 200  # the query after a (refused) update still answers
            continue
        statuses = {str(s).rsplit("#StatusCode", 1)[-1] for s in graph.objects(expected, MF.expectedStatus)}
        assert f"{str(response.status_code)[0]}xx" in statuses, f"{response.status_code}: {response.text}"
        boolean = graph.value(expected, MF.expectedBoolean)
        if boolean is not None:
            assert response.json()["boolean"] is bool(Literal(boolean).toPython())
        result_format = str(graph.value(expected, MF.expectedFormat) or "")
        if result_format == "tabular":
            assert "results" in response.json() or response.headers["content-type"].startswith(("text/csv", "text/tab"))
        elif result_format == "RDF":
            Graph().parse(
                data=response.text, format="turtle" if "turtle" in response.headers["content-type"] else "json-ld"
            )


def test_service_description_has_endpoint_triple_and_returns_rdf(w3c_server: str) -> None:
    # service-description/manifest.ttl: returns-rdf, has-endpoint-triple, conforms-to-schema
    response = httpx.get(f"{w3c_server}/sparql", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.text, format="turtle")
    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    services = list(graph.subjects(RDF.type, sd.Service))
    assert len(services) == 1
    assert graph.value(services[0], sd.endpoint) == URIRef(f"{w3c_server}/sparql")
    assert (services[0], sd.supportedLanguage, sd.SPARQL11Query) in graph
    dataset = graph.value(services[0], sd.defaultDataset)
    assert (dataset, RDF.type, sd.Dataset) in graph


def _result_cases(folder: str) -> list[tuple[str, str, str, str]]:
    if not SUITE.exists():
        return []
    graph = _manifest(folder)
    cases = []
    for entry in _entries(graph):
        action = graph.value(entry, MF.action)
        query, data, result = graph.value(action, QT.query), graph.value(action, QT.data), graph.value(entry, MF.result)
        cases.append(
            (
                str(entry).rsplit("#", 1)[-1],
                Path(str(query).removeprefix("file://")).name,
                Path(str(data).removeprefix("file://")).name,
                Path(str(result).removeprefix("file://")).name,
            )
        )
    return cases


def _blank(value: str) -> str:
    return re.sub(r"_:\S+", "_:b", value)


# pyoxigraph stores literals by value: "1.0E6"^^xsd:double comes back as "1000000", and
# xsd:negativeInteger as xsd:integer, so the two tests over data2.ttl cannot match byte for byte.
ENGINE_CANONICALISES_LITERALS = {"csv03", "tsv03"}


def _csv_tsv_params() -> list[object]:
    return [
        pytest.param(
            *case,
            id=case[0],
            marks=[pytest.mark.xfail(reason="the engine canonicalises literal lexical forms", strict=True)]
            if case[0] in ENGINE_CANONICALISES_LITERALS
            else [],
        )
        for case in _result_cases("csv-tsv-res")
    ]


@pytest.mark.parametrize(("name", "query", "data", "result"), _csv_tsv_params())
def test_csv_tsv_results(w3c_server: str, name: str, query: str, data: str, result: str) -> None:
    folder = SUITE / "csv-tsv-res"
    accept = "text/csv" if result.endswith(".csv") else "text/tab-separated-values"
    graph_uri = quote(_result_graph_name("csv-tsv-res", data), safe="")
    response = httpx.post(
        f"{w3c_server}/sparql?default-graph-uri={graph_uri}",
        content=(folder / query).read_bytes(),
        headers={"Content-Type": "application/sparql-query", "Accept": accept},
    )
    expected = (folder / result).read_text(encoding="utf-8")
    if accept == "text/csv":
        got_rows = [[_blank(v) for v in row] for row in csv.reader(io.StringIO(response.text))]
        want_rows = [[_blank(v) for v in row] for row in csv.reader(io.StringIO(expected))]
    else:
        got_rows = [[_blank(v) for v in line.split("\t")] for line in response.text.splitlines()]
        want_rows = [[_blank(v) for v in line.split("\t")] for line in expected.splitlines()]
    assert got_rows[0] == want_rows[0]
    assert sorted(got_rows[1:]) == sorted(want_rows[1:])


@pytest.mark.parametrize(
    ("name", "query", "data", "result"), _result_cases("json-res"), ids=[c[0] for c in _result_cases("json-res")]
)
def test_json_results(w3c_server: str, name: str, query: str, data: str, result: str) -> None:
    folder = SUITE / "json-res"
    graph_uri = quote(_result_graph_name("json-res", data), safe="")
    response = httpx.post(
        f"{w3c_server}/sparql?default-graph-uri={graph_uri}",
        content=(folder / query).read_bytes(),
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    got, want = response.json(), json.loads((folder / result).read_text(encoding="utf-8"))
    if "boolean" in want:
        assert got == {"head": {}, "boolean": want["boolean"]}
        return
    assert got["head"]["vars"] == want["head"]["vars"]

    def canonical(bindings: list[dict[str, dict[str, str]]]) -> list[str]:
        return sorted(
            json.dumps(
                {k: {**v, "value": "_" if v["type"] == "bnode" else v["value"]} for k, v in b.items()}, sort_keys=True
            )
            for b in bindings
        )

    assert canonical(got["results"]["bindings"]) == canonical(want["results"]["bindings"])
