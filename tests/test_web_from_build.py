"""The web pages list documents and jurisdictions from the published build, never from code.

One test reads the web package's source for names of the corpus's documents and places and for the
base IRI; the others ask the live server's /sparql what the graph holds and check that the home page,
the question forms, the compare page and the reader list exactly that.
"""

import re
from html import unescape
from pathlib import Path

import httpx
import pytest

from safetykg.core.namespaces import BASE

WEB = Path(__file__).resolve().parent.parent / "safetykg" / "web"
# Document ids, jurisdiction slugs and names of the corpus, and the base IRI: none belongs in the web code.
FORBIDDEN = (
    "national-2018",
    "xinjiang",
    "guiyang",
    "hubei",
    "hebei",
    "china",
    "guizhou",
    "uygur",
    "uyghur",
    "贵阳",
    "湖北",
    "河北",
    "新疆",
    "贵州",
    "中国",
    "中央规定",
    "https://w3id.org/safetykg",
)
PREFIXES = (
    "PREFIX eli: <http://data.europa.eu/eli/ontology#>\n"
    "PREFIX skg: <https://w3id.org/safetykg/ontology#>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
)
NO_RULE_PLACE = "贵州省"  # in the lexicon as the parent of a city, with no rule of its own


def test_web_code_names_no_document_place_or_base_iri() -> None:
    found = []
    for path in sorted(WEB.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            lowered = line.lower()
            found += [
                f"{path.relative_to(WEB.parent.parent)}:{number}: {word!r}" for word in FORBIDDEN if word in lowered
            ]
    assert not found, "the web code names what the build should tell it:\n" + "\n".join(found)


def sparql(server: str, query: str) -> list[dict[str, str]]:
    reply = httpx.get(
        f"{server}/sparql", params={"query": PREFIXES + query}, headers={"Accept": "application/sparql-results+json"}
    )
    reply.raise_for_status()
    return [{k: v["value"] for k, v in row.items()} for row in reply.json()["results"]["bindings"]]


def local(iri: str) -> str:
    return "/" + iri.removeprefix(BASE)


def element(html: str, element_id: str) -> str:
    """The inner HTML of the element with that id (elements of that tag are not nested in these pages)."""
    match = re.search(rf'<(\w+)[^>]*\bid="{re.escape(element_id)}"[^>]*>(.*?)</\1>', html, re.S)
    assert match, f"no element #{element_id}"
    return match.group(2)


def links(fragment: str) -> list[tuple[str, str]]:
    return [
        (unescape(h), unescape(re.sub("<[^>]+>", "", t)))
        for h, t in re.findall(r'<a[^>]*href="([^"]*)"[^>]*>(.*?)</a>', fragment, re.S)
    ]


@pytest.fixture(scope="module")
def documents(server: str) -> list[dict[str, str]]:
    """Every regulation of the graph with its jurisdiction, short title and whether local rules implement it."""
    rows = sparql(
        server,
        """SELECT DISTINCT ?doc ?jurisdiction ?short ?national WHERE {
  ?doc a eli:LegalResource ; eli:jurisdiction ?jurisdiction ; eli:title_short ?short .
  OPTIONAL { ?local skg:implements ?doc . BIND(true AS ?national) }
}""",
    )
    assert len({r["doc"] for r in rows}) == 5
    return rows


@pytest.fixture(scope="module")
def places(documents: list[dict[str, str]]) -> set[str]:
    return {r["jurisdiction"] for r in documents}


def national(documents: list[dict[str, str]]) -> dict[str, str]:
    (row,) = {r["doc"]: r for r in documents if r.get("national")}.values()
    return row


def test_home_lists_the_places_with_a_rule(server: str, documents: list[dict[str, str]], places: set[str]) -> None:
    html = httpx.get(server + "/").text
    listed = links(element(html, "places"))
    assert {href for href, _ in listed} == {local(p) for p in places} and len(listed) == len(places)
    assert listed[0][0] == local(national(documents)["jurisdiction"])  # the national one first
    assert NO_RULE_PLACE not in element(html, "places")
    counts = element(html, "counts")
    assert re.search(rf'<span class="count">{len(places)}</span>\s*地区', counts), counts
    intro = unescape(element(html, "intro"))
    assert f"{len(documents)}部" in intro
    assert all(r["short"] in intro for r in documents)
    english = unescape(element(httpx.get(server + "/?lang=en").text, "intro"))
    assert english.startswith(f"{len({r['doc'] for r in documents})} regulations")
    cards = links(element(html, "regulations"))
    assert {href for href, _ in cards if href.startswith("/read/")} == {
        "/read/" + r["doc"].rsplit("/", 1)[-1] for r in documents
    }


def test_question_forms_offer_only_places_with_a_rule(server: str, places: set[str]) -> None:
    unruled = {
        r["place"]
        for r in sparql(
            server,
            """SELECT ?place WHERE { ?place a skg:Jurisdiction FILTER NOT EXISTS { [] eli:jurisdiction ?place } }""",
        )
    }
    assert unruled, "the lexicon has a place without a rule (the parent of a city): the test checks it is left out"
    asked = [
        q["id"]
        for q in httpx.get(server + "/questions").json()
        if any(p["type"] == "jurisdiction" for p in q["parameters"])
    ]
    assert asked
    for qid in asked:
        html = httpx.get(f"{server}/ask/{qid}").text
        for select in re.findall(r'<select name="(\w+)" id="p-\w+">(.*?)</select>', html, re.S):
            options = dict(re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select[1]))
            if not any(value in places | unruled for value in options):
                continue  # not a jurisdiction parameter
            offered = {value for value in options if value}
            assert offered == places, (qid, select[0])
            assert not any(NO_RULE_PLACE in unescape(text) for text in options.values()), (qid, select[0])


def test_compare_has_a_column_per_place_with_a_rule(
    server: str, documents: list[dict[str, str]], places: set[str]
) -> None:
    role = BASE + "id/role/principal-leader"
    html = httpx.get(server + "/compare", params={"role": role}).text
    grid = html[html.index('id="compare"') :]
    columns = [unescape(p) for p in re.findall(r'<section data-place="([^"]+)">', grid)]
    assert set(columns) == places and len(columns) == len(places)
    assert columns[0] == national(documents)["jurisdiction"]
    assert NO_RULE_PLACE not in html


def test_reader_switcher_lists_the_regulations_by_short_title(server: str, documents: list[dict[str, str]]) -> None:
    shorts = {r["doc"].rsplit("/", 1)[-1]: r["short"] for r in documents}
    first = national(documents)["doc"].rsplit("/", 1)[-1]
    opened = httpx.get(server + "/read", follow_redirects=False)
    assert opened.status_code in (302, 303, 307) and opened.headers["location"] == f"/read/{first}"
    for key, short in shorts.items():
        reply = httpx.get(f"{server}/read/{key}")
        assert reply.status_code == 200, key
        switcher = element(reply.text, "switcher")
        others = dict(links(switcher))
        assert others == {f"/read/{k}": s for k, s in shorts.items() if k != key}
        assert f'<strong lang="zh">{short}</strong>' in switcher
        entries = [unescape(t) for t in re.findall(r">([^<>]+)</(?:a|strong)>", switcher)]
        assert entries[0] == shorts[first]  # the national rule first
    assert httpx.get(f"{server}/read/no-such-rule").status_code == 404


def test_editor_example_is_about_a_local_place_of_the_build(
    server: str, documents: list[dict[str, str]], places: set[str]
) -> None:
    html = httpx.get(server + "/sparql", headers={"Accept": "text/html"}).text
    query = unescape(re.search(r'<textarea id="query"[^>]*>(.*?)</textarea>', html, re.S).group(1))  # type: ignore[union-attr]
    named = set(re.findall(r"<([^<>\s]+)>", query)) & places
    assert len(named) == 1 and named != {national(documents)["jurisdiction"]}
    reply = httpx.get(
        f"{server}/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"}
    )
    assert reply.status_code == 200 and reply.json()["results"]["bindings"]
