"""Canned questions over HTTP, linked data by content negotiation, downloads, VoID, OpenAPI and clients."""

import json
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, SPARQLWrapper

from safetykg.query.questions import answer, load_questions

ITEM = "https://w3id.org/safetykg/id/regulation/xinjiang-2018/article/22/item/3"


def test_questions_list(server: str) -> None:
    listed = httpx.get(f"{server}/questions").json()
    assert {q["id"] for q in listed} == set(load_questions())
    first = next(q for q in listed if q["id"] == "departments-regulating-hazard")
    assert first["title"]["en"] and [p["name"] for p in first["parameters"]] == ["jurisdiction", "hazard"]
    assert first["parameters"][0]["example"] == "新疆"


def test_question_over_http_matches_the_cli(server: str, store: object) -> None:
    params = {"jurisdiction": "Xinjiang", "hazard": "fireworks"}
    over_http = httpx.get(f"{server}/questions/departments-regulating-hazard", params=params).json()
    local = answer(store, load_questions()["departments-regulating-hazard"], params)  # type: ignore[arg-type]
    assert over_http["rows"] == local.rows and over_http["columns"] == local.columns
    # 新疆细则 第二十条、第二十二条、第三十一条、第五十五条
    assert {r["departmentLabel"] for r in over_http["rows"]} == {
        "安全生产监督管理部门",
        "公安部门",
        "质量技术监督部门",
        "市场监督管理部门",
    }


def test_question_as_csv_and_html(server: str) -> None:
    params = {"jurisdiction": "新疆", "hazard": "烟花爆竹"}
    csv_bytes = httpx.get(
        f"{server}/questions/departments-regulating-hazard", params={**params, "format": "csv"}
    ).content
    assert csv_bytes.startswith(b"\xef\xbb\xbf")  # the byte-order mark a spreadsheet needs to read UTF-8
    assert csv_bytes.decode("utf-8-sig").splitlines()[0].startswith("department,departmentLabel")
    html = httpx.get(
        f"{server}/questions/departments-regulating-hazard", params=params, headers={"Accept": "text/html"}
    ).text
    assert "新疆细则 第二十二条第（三）项" in html and 'href="/id/regulation/xinjiang-2018/article/22/item/3"' in html


def test_question_errors(server: str) -> None:
    unknown = httpx.get(
        f"{server}/questions/departments-regulating-hazard", params={"jurisdiction": "火星", "hazard": "烟花爆竹"}
    )
    assert unknown.status_code == 400 and "unknown jurisdiction" in unknown.text and "xinjiang" in unknown.text
    missing = httpx.get(f"{server}/questions/departments-regulating-hazard", params={"jurisdiction": "新疆"})
    assert missing.status_code == 422
    assert httpx.get(f"{server}/questions/no-such-question").status_code == 404


def test_openapi_lists_every_question_and_parameter(server: str) -> None:
    spec = httpx.get(f"{server}/openapi.json").json()
    for question in load_questions().values():
        operation = spec["paths"][f"/questions/{question.id}"]["get"]
        names = {p["name"] for p in operation["parameters"]}
        assert {p.name for p in question.parameters} <= names
        required = {p["name"] for p in operation["parameters"] if p.get("required")}
        assert required == {p.name for p in question.parameters if p.required}
    assert httpx.get(f"{server}/docs").status_code == 200


@pytest.mark.parametrize(
    ("accept", "fmt"), [("text/turtle", "turtle"), ("application/ld+json", "json-ld"), ("application/n-triples", "nt")]
)
def test_linked_data_for_machines(server: str, accept: str, fmt: str) -> None:
    response = httpx.get(ITEM.replace("https://w3id.org/safetykg", server), headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    graph = Graph().parse(data=response.text, format=fmt)
    citation = URIRef("https://w3id.org/safetykg/ontology#citation")
    assert (URIRef(ITEM), citation, Literal("新疆细则 第二十二条第（三）项", lang="zh")) in graph


def test_linked_data_for_people(server: str) -> None:
    html = httpx.get(ITEM.replace("https://w3id.org/safetykg", server), headers={"Accept": "text/html"}).text
    assert "监督放射性物品、危险化学品和烟花爆竹的公共安全管理" in html  # the provision's text
    assert 'href="/id/regulation/xinjiang-2018/article/22"' in html  # the article around it
    assert 'href="/id/duty/xinjiang-2018/article/22/item/3"' in html  # the duty extracted from it
    organ = httpx.get(f"{server}/id/organ/xinjiang/public-security", headers={"Accept": "text/html"}).text
    assert "公安部门" in organ


def test_every_kind_of_minted_iri_resolves(server: str) -> None:
    for path in (
        "regulation/hubei",
        "regulation/guiyang/article/7/item/3/subitem/5",
        "commentary/hubei-interview",
        "document/prc-work-safety-law",
        "post/xinjiang/public-security/principal-leader",
        "designation/xinjiang-2018/article/22/supervisory-department",
        "frequency/guiyang/article/5/item/2/2",
        "domain/fireworks",
        "jurisdiction/xinjiang",
        "graph/hebei",
    ):
        assert httpx.get(f"{server}/id/{path}", headers={"Accept": "text/turtle"}).status_code == 200, path
    assert httpx.get(f"{server}/id/regulation/atlantis").status_code == 404
    assert httpx.get(f"{server}/ontology").status_code == 200


def test_downloads_and_void(server: str, dist: Path) -> None:
    manifest = json.loads((dist / "manifest.json").read_text())
    for name in manifest["files"]:
        response = httpx.get(f"{server}/download/{name}")
        assert response.status_code == 200 and len(response.content) == manifest["files"][name]["bytes"]
    assert httpx.get(f"{server}/download/..%2fmanifest.json").status_code == 404
    void = Graph().parse(data=httpx.get(f"{server}/void").text, format="turtle")
    dumps = {str(o) for o in void.objects(None, URIRef("http://rdfs.org/ns/void#dataDump"))}
    assert f"{server}/download/safetykg.nq" in dumps


def test_validation_report(server: str) -> None:
    html = httpx.get(f"{server}/validation", headers={"Accept": "text/html"})
    assert html.status_code == 200 and "湖北" in html.text
    rows = httpx.get(f"{server}/validation", params={"lang": "en"}, headers={"Accept": "application/json"}).json()[
        "rows"
    ]
    hubei = next(r for r in rows if r["requirement"] == "party-secretary" and r["document"] == "Hubei measures")
    assert hubei["status"] == "violation" and hubei["nationalArticle"] == "national rule Art. 5"
    assert httpx.get(f"{server}/validation", params={"format": "svg"}).text.startswith("<svg")
    assert httpx.get(f"{server}/validation", headers={"Accept": "image/png"}).status_code == 406


def test_sparqlwrapper_client(server: str) -> None:
    client = SPARQLWrapper(f"{server}/sparql")
    client.setQuery(
        "PREFIX skg: <https://w3id.org/safetykg/ontology#> SELECT ?c WHERE { <" + ITEM + "> skg:citation ?c }"
    )
    client.setReturnFormat(JSON)
    result = client.query().convert()
    assert result["results"]["bindings"][0]["c"]["value"] == "新疆细则 第二十二条第（三）项"  # type: ignore[index,call-overload]


def test_rdflib_sparqlstore_client(server: str) -> None:
    graph = Graph(store=SPARQLStore(f"{server}/sparql", returnFormat="json"))
    rows = list(
        graph.query(
            "PREFIX skg: <https://w3id.org/safetykg/ontology#> SELECT ?c WHERE { <" + ITEM + "> skg:citation ?c }"
        )
    )
    assert str(rows[0][0]) == "新疆细则 第二十二条第（三）项"
