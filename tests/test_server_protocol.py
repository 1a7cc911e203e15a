"""The SPARQL 1.1 Protocol endpoint, tested against the running server."""

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import httpx
import pytest
from rdflib import Graph

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
ITEMS = """PREFIX skg: <https://w3id.org/safetykg/ontology#>
SELECT ?item ?citation WHERE { ?item a skg:Item ; skg:citation ?citation } ORDER BY ?item LIMIT 3"""
CONSTRUCT = """PREFIX skg: <https://w3id.org/safetykg/ontology#>
CONSTRUCT { ?item skg:citation ?citation } WHERE { ?item a skg:Item ; skg:citation ?citation } LIMIT 5"""


def test_get_post_form_and_post_direct_agree(server: str) -> None:
    by_get = httpx.get(f"{server}/sparql", params={"query": COUNT})
    by_form = httpx.post(f"{server}/sparql", data={"query": COUNT})
    by_direct = httpx.post(
        f"{server}/sparql", content=COUNT.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    values = [r.json()["results"]["bindings"][0]["n"]["value"] for r in (by_get, by_form, by_direct)]
    assert len(set(values)) == 1 and int(values[0]) > 10000


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/html;q=0.9, application/json;q=0.5", "application/json"),
    ],
)
def test_select_result_formats(server: str, accept: str, media: str) -> None:
    response = httpx.get(f"{server}/sparql", params={"query": ITEMS}, headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(media)
    if "json" in media:
        assert len(response.json()["results"]["bindings"]) == 3
    elif "xml" in media:
        results = ET.fromstring(response.text).find("{http://www.w3.org/2005/sparql-results#}results")
        assert results is not None and len(results) == 3
    elif media == "text/csv":
        assert next(csv.reader(io.StringIO(response.text))) == ["item", "citation"]
    else:
        assert response.text.splitlines()[0] == "?item\t?citation"
        assert response.text.splitlines()[1].startswith("<https://w3id.org/safetykg/id/regulation/")


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/ld+json", "json-ld"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_construct_formats(server: str, accept: str, rdflib_format: str) -> None:
    response = httpx.get(f"{server}/sparql", params={"query": CONSTRUCT}, headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    assert len(Graph().parse(data=response.text, format=rdflib_format)) == 5


def test_ask(server: str) -> None:
    query = "ASK { <https://w3id.org/safetykg/id/regulation/xinjiang-2018/article/86> ?p ?o }"
    assert httpx.get(f"{server}/sparql", params={"query": query}).json() == {"head": {}, "boolean": True}


def test_describe(server: str) -> None:
    query = "DESCRIBE <https://w3id.org/safetykg/id/regulation/hebei/article/31>"
    response = httpx.get(f"{server}/sparql", params={"query": query}, headers={"Accept": "text/turtle"})
    assert "本细则自印发之日起施行" in response.text


def test_no_acceptable_format_is_406(server: str) -> None:
    response = httpx.get(f"{server}/sparql", params={"query": ITEMS}, headers={"Accept": "image/png"})
    assert response.status_code == 406 and "application/sparql-results+json" in response.text
    response = httpx.get(f"{server}/sparql", params={"query": CONSTRUCT}, headers={"Accept": "text/csv"})
    assert response.status_code == 406


def test_service_description(server: str) -> None:
    response = httpx.get(f"{server}/sparql", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.text, format="turtle")
    rows = list(
        graph.query(
            "PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> SELECT ?e WHERE { ?s sd:endpoint ?e }"
        )
    )
    assert str(rows[0][0]) == f"{server}/sparql"
    assert "https://w3id.org/safetykg/id/graph/xinjiang-2018" in response.text


@pytest.mark.parametrize(
    "send",
    [
        lambda s: httpx.get(f"{s}/sparql", params={"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}),
        lambda s: httpx.post(f"{s}/sparql", data={"update": "DELETE WHERE { ?s ?p ?o }"}),
        lambda s: httpx.post(f"{s}/sparql", content=b"DROP ALL", headers={"Content-Type": "application/sparql-update"}),
        lambda s: httpx.post(f"{s}/sparql", data={"query": "CLEAR DEFAULT"}),
        lambda s: httpx.get(f"{s}/sparql", params={"query": "LOAD <http://127.0.0.1:9/x>"}),
    ],
)
def test_updates_are_refused_with_403(server: str, send: object) -> None:
    response = send(server)  # type: ignore[operator]
    assert response.status_code == 403 and "read-only" in response.text


def test_client_mistakes_are_4xx_with_a_message(server: str) -> None:
    assert httpx.put(f"{server}/sparql", params={"query": COUNT}).status_code == 405
    two = httpx.get(f"{server}/sparql", params=[("query", COUNT), ("query", COUNT)])
    assert two.status_code == 400 and "exactly one" in two.text
    bad = httpx.get(f"{server}/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert bad.status_code == 400 and "not valid SPARQL" in bad.text and "1:" in bad.text
    wrong = httpx.post(f"{server}/sparql", content=COUNT.encode(), headers={"Content-Type": "text/plain"})
    assert wrong.status_code == 415
    missing = httpx.post(f"{server}/sparql", content=COUNT.encode(), headers={"Content-Type": ""})
    assert missing.status_code in (400, 415)
    utf16 = httpx.post(
        f"{server}/sparql",
        content=COUNT.encode("utf-16"),
        headers={"Content-Type": "application/sparql-query; charset=UTF-16"},
    )
    assert utf16.status_code == 415


def test_results_past_the_row_cap_are_marked_truncated(server: str) -> None:
    # the test server runs with --row-cap 500
    response = httpx.get(f"{server}/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    body = response.json()
    assert len(body["results"]["bindings"]) == 500
    assert body["truncated"] is True and response.headers["safetykg-truncated"] == "true"
    small = httpx.get(f"{server}/sparql", params={"query": ITEMS})
    assert "truncated" not in small.json() and "safetykg-truncated" not in small.headers


def test_protocol_dataset_must_name_graphs_of_this_dataset(server: str) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    own = httpx.get(
        f"{server}/sparql", params={"query": query, "default-graph-uri": "https://w3id.org/safetykg/id/graph/hebei"}
    )
    assert own.status_code == 200 and 1000 < int(own.json()["results"]["bindings"][0]["n"]["value"]) < 5000
    other = httpx.get(f"{server}/sparql", params={"query": query, "default-graph-uri": "http://example.org/g"})
    assert other.status_code == 403
    json.dumps(own.json())


def count_from(base: str, clause: str, pattern: str) -> list[tuple[str, int]]:
    query = f"SELECT ?g (COUNT(*) AS ?n) {clause} WHERE {{ {pattern} }} GROUP BY ?g"
    response = httpx.get(
        f"{base}/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"}
    )
    assert response.status_code == 200, response.text
    return sorted(
        (b.get("g", {}).get("value", ""), int(b["n"]["value"])) for b in response.json()["results"]["bindings"]
    )


def test_from_clauses_choose_the_dataset(server: str, dist: Path) -> None:
    counts = json.loads((dist / "manifest.json").read_text(encoding="utf-8"))["graphs"]
    hubei, hebei = "https://w3id.org/safetykg/id/graph/hubei", "https://w3id.org/safetykg/id/graph/hebei"
    # FROM: the default graph is that graph alone, not the union
    assert count_from(server, f"FROM <{hubei}>", "?s ?p ?o") == [("", counts[hubei])]
    # FROM NAMED: only the graphs named are there for GRAPH ?g, and the default graph is empty
    assert count_from(server, f"FROM NAMED <{hubei}> FROM NAMED <{hebei}>", "GRAPH ?g { ?s ?p ?o }") == [
        (hebei, counts[hebei]),
        (hubei, counts[hubei]),
    ]
    assert count_from(server, f"FROM NAMED <{hubei}>", "?s ?p ?o") == []  # no triples, so no group
