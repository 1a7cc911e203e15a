"""Full-text search: the pure functions of safetykg/web/search.py on a small made-up index (what is a provision's
own words, folding, several terms, ranking, highlighting that escapes, filters and their counts, resolving a
filter's value), then /search on the built corpus, its expected hits read from safetykg/data/sources/*.txt."""

import re
import statistics
import tomllib
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from safetykg.core.namespaces import ID, SKG
from safetykg.web.search import (
    FilterError,
    Index,
    build_index,
    fold,
    highlight,
    match,
    merge,
    own_words,
    query_terms,
    resolve,
    search,
)

SOURCES = Path(__file__).resolve().parent.parent / "safetykg" / "data" / "sources"
BROWSER = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
TERM = "危险化学品"

# ---- a made-up corpus: two documents, a few provisions ---------------------------------------------------------

A, B = f"{ID}regulation/a", f"{ID}regulation/b"
HERE, THERE = f"{ID}jurisdiction/here", f"{ID}jurisdiction/there"
DUTIES, GENERAL = f"{ID}chapter-function/duties", f"{ID}chapter-function/general"
FIRE, WATER = f"{ID}domain/fire", f"{ID}domain/water"
POLICE_HERE, POLICE_THERE = f"{ID}organ/here/police", f"{ID}organ/there/police"
LABELS = {
    HERE: {"zh": "此地", "en": "Here"},
    THERE: {"zh": "彼地", "en": "There"},
    DUTIES: {"zh": "职责", "en": "duties"},
    GENERAL: {"zh": "总则", "en": "general"},
    FIRE: {"zh": "消防", "en": "fire"},
    WATER: {"zh": "水利", "en": "water"},
    POLICE_HERE: {"zh": "公安部门（此地）", "en": "police (Here)"},
    POLICE_THERE: {"zh": "公安部门（彼地）", "en": "police (There)"},
}


def provision(iri: str, kind: str, parent: str, doc: str, line: int, text: str, lead: str = "") -> dict[str, str]:
    row = {
        "kind": "provision",
        "provision": iri,
        "type": SKG + kind,
        "parent": parent,
        "doc": doc,
        "jurisdiction": HERE if doc == A else THERE,
        "citation": iri.rsplit("/regulation/", 1)[-1],
        "line": str(line),
        "text": text,
    }
    return {**row, "lead": lead} if lead else row


def fact(kind: str, iri: str, value: str) -> dict[str, str]:
    return {"kind": kind, "provision": iri, "value": value}


A1, A2, A3 = f"{A}/article/1", f"{A}/article/2", f"{A}/article/3"
B1 = f"{B}/article/1"
ROWS = [
    # document a, chapter 1: article 1 with two items (the second with two sub-items), article 2 of paragraphs
    provision(
        A1,
        "Article",
        f"{A}/chapter/1",
        A,
        10,
        "消防部门职责包括：\n（一）消防\n（二）水利：\n1.防汛\n2.抗旱",
        "消防部门职责包括：",
    ),
    provision(f"{A1}/item/1", "Item", A1, A, 11, "（一）消防安全检查"),
    provision(f"{A1}/item/2", "Item", A1, A, 12, "（二）水利安全：\n1.防汛安全\n2.抗旱"),
    provision(f"{A1}/item/2/subitem/1", "SubItem", f"{A1}/item/2", A, 13, "防汛安全"),
    provision(f"{A1}/item/2/subitem/2", "SubItem", f"{A1}/item/2", A, 14, "抗旱"),
    provision(A2, "Article", f"{A}/chapter/1", A, 20, "第一款安全。\n第二款 <b>安全</b> & 安全生产。"),
    provision(f"{A2}/paragraph/1", "Paragraph", A2, A, 20, "第一款安全。", "第一款安全。"),
    provision(
        f"{A2}/paragraph/2",
        "Paragraph",
        A2,
        A,
        21,
        "第二款 <b>安全</b> & 安全生产。",
        "第二款 <b>安全</b> & 安全生产。",
    ),
    # document a, chapter 2: one article without parts
    provision(
        A3,
        "Article",
        f"{A}/chapter/2",
        A,
        30,
        "总则：安全第一，ＰＯＬＩＣＥ（警）。",
        "总则：安全第一，ＰＯＬＩＣＥ（警）。",
    ),
    # document b: one article
    provision(B1, "Article", f"{B}/chapter/1", B, 5, "消防安全，消防安全，消防。", "消防安全，消防安全，消防。"),
    fact("chapter", A1, f"{A}/chapter/1"),
    fact("chapter", A2, f"{A}/chapter/1"),
    fact("chapter", A3, f"{A}/chapter/2"),
    fact("chapter", B1, f"{B}/chapter/1"),
    fact("function", f"{A1}/item/1", DUTIES),  # a duty cited to the item; the rest of chapter 1 inherits it
    fact("function", A3, GENERAL),
    fact("domain", f"{A1}/item/1", FIRE),
    fact("domain", f"{A1}/item/2/subitem/1", WATER),
    fact("domain", B1, FIRE),
    fact("organ", f"{A1}/item/1", POLICE_HERE),
    fact("organ", B1, POLICE_THERE),
]


@pytest.fixture(scope="module")
def index() -> Index:
    return build_index(ROWS, [A, B], LABELS)


def found(index: Index, query: str, **filters: str) -> list[str]:
    return [hit.entry.provision for hit in search(index, query_terms(query), filters).hits]


# ---- what is searched ------------------------------------------------------------------------------------------


def test_each_provision_is_searched_by_its_own_words(index: Index) -> None:
    words = {entry.provision: entry.text for entry in index.entries}
    assert A2 not in words  # an article of paragraphs: its paragraphs carry its words
    assert words[A1] == "消防部门职责包括："  # the lead text, not the items below it
    assert words[f"{A1}/item/2"] == "（二）水利安全："  # an item with sub-items: its line before them
    assert words[f"{A1}/item/2/subitem/1"] == "防汛安全"
    assert own_words({"text": "x\ny"}, []) == "x\ny"


def test_a_term_in_a_sub_item_is_one_hit_not_two(index: Index) -> None:
    assert found(index, "防汛") == [f"{A1}/item/2/subitem/1"]


def test_substrings_match_and_the_query_is_folded() -> None:
    assert query_terms("  安全　生产 安全 ") == ("安全", "生产")  # a full-width space separates, each term once
    assert query_terms("ＰＯＬＩＣＥ （警）") == ("police", "(警)")
    folded, origin = fold("ＡＢ（警）")
    assert folded == "ab(警)" and origin == (0, 1, 2, 3, 4)


def test_full_width_and_case_match_and_map_back_to_the_original(index: Index) -> None:
    assert found(index, "police (警)") == [A3]
    hit = match(next(e for e in index.entries if e.provision == A3), query_terms("Police"))
    assert hit is not None and [hit.entry.text[start:end] for start, end in hit.spans] == ["ＰＯＬＩＣＥ"]


# ---- several terms and ranking ---------------------------------------------------------------------------------


def test_every_term_must_match(index: Index) -> None:
    assert set(found(index, "安全")) > set(found(index, "安全 消防"))
    assert found(index, "消防 检查") == [f"{A1}/item/1"]
    assert found(index, "消防 不在其中") == []


def test_most_occurrences_first_then_coverage_then_reading_order(index: Index) -> None:
    # twice: 消防安全，消防安全… (4 of 13 characters matched) before 第二款 <b>安全</b> & 安全生产 (4 of 21); then once,
    # by the share matched: 防汛安全 (2 of 4), 第一款安全。 (2 of 6), （二）水利安全： (2 of 8), （一）消防安全检查 (2 of 9), 总则… (2 of 18)
    item, sub = f"{A1}/item", f"{A1}/item/2/subitem/1"
    expected = [B1, f"{A2}/paragraph/2", sub, f"{A2}/paragraph/1", f"{item}/2", f"{item}/1", A3]
    assert found(index, "安全") == expected
    hits = search(index, query_terms("安全"), {}).hits
    assert [hit.occurrences for hit in hits] == [2, 2, 1, 1, 1, 1, 1]
    assert hits[2].coverage == 0.5


def test_equal_hits_keep_the_reading_order(index: Index) -> None:
    # 消防 three times in document b; once in 2 of 9 characters both in article 1's lead and in its item (1)
    assert found(index, "消防") == [B1, A1, f"{A1}/item/1"]
    same = build_index(
        [{**r, "text": "安全", "lead": "安全"} if r["kind"] == "provision" else r for r in ROWS], [B, A], {}
    )
    assert found(same, "安全")[0] == B1  # the document order given comes first


# ---- highlighting ----------------------------------------------------------------------------------------------


def test_highlight_escapes_everything_but_the_marks() -> None:
    text = '<script>alert("x")</script> & 危险化学品 <b>'
    html = str(highlight(text, [(text.index("危险"), text.index("危险") + 5)]))
    assert html == "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; <mark>危险化学品</mark> &lt;b&gt;"
    assert re.sub(r"</?mark>", "", html).count("<") == 0
    assert unescape(re.sub(r"</?mark>", "", html)) == text


def test_markup_in_the_text_is_found_as_text_and_escaped_inside_the_mark(index: Index) -> None:
    hits = search(index, query_terms("<b>"), {}).hits
    assert [h.entry.provision for h in hits] == [f"{A2}/paragraph/2"]
    assert str(highlight(hits[0].entry.text, hits[0].spans)).count("<mark>&lt;b&gt;</mark>") == 1
    amp = search(index, query_terms("&"), {}).hits[0]
    assert "<mark>&amp;</mark>" in str(highlight(amp.entry.text, amp.spans))


def test_overlapping_terms_are_one_mark(index: Index) -> None:
    assert merge([(5, 7), (0, 2), (1, 3), (3, 4)]) == ((0, 4), (5, 7))
    hit = search(index, query_terms("安全 安全生产"), {}).hits[0]
    html = str(highlight(hit.entry.text, hit.spans))
    assert "<mark>安全生产</mark>" in html and "<mark>安全</mark>" in html and "</mark><mark>" not in html


# ---- filters ---------------------------------------------------------------------------------------------------


def test_filters_combine(index: Index) -> None:
    assert found(index, "消防", jurisdiction=THERE) == [B1]
    assert found(index, "消防", domain=FIRE) == [B1, f"{A1}/item/1"]
    assert found(index, "消防", domain=FIRE, jurisdiction=HERE) == [f"{A1}/item/1"]
    assert found(index, "消防", organ=POLICE_HERE) == [f"{A1}/item/1"]
    assert found(index, "消防", organ=POLICE_HERE, jurisdiction=THERE) == []


def test_the_chapter_function_comes_from_the_duties_or_else_the_chapter(index: Index) -> None:
    assert found(index, "安全", function=GENERAL) == [A3]
    # paragraph 2 of article 2 and the sub-item have no duty of their own: chapter 1's duties say "duties"
    assert set(found(index, "安全", function=DUTIES)) == {
        f"{A2}/paragraph/2",
        f"{A2}/paragraph/1",
        f"{A1}/item/1",
        f"{A1}/item/2",
        f"{A1}/item/2/subitem/1",
    }


def test_each_filters_counts_leave_out_its_own_choice(index: Index) -> None:
    results = search(index, query_terms("消防"), {"jurisdiction": THERE})
    assert [h.entry.provision for h in results.hits] == [B1]
    assert dict(results.counts["jurisdiction"]) == {HERE: 2, THERE: 1}  # what choosing the other place would give
    assert dict(results.counts["domain"]) == {FIRE: 1}  # under the chosen place
    assert dict(results.counts["organ"]) == {POLICE_THERE: 1}
    assert [value for value, _ in results.counts["jurisdiction"]] == [HERE, THERE]  # places in the corpus's order


def test_a_value_is_an_iri_its_end_or_a_label(index: Index) -> None:
    assert resolve(index, "jurisdiction", THERE) == THERE
    assert resolve(index, "jurisdiction", "there") == THERE
    assert resolve(index, "jurisdiction", "彼地") == THERE
    assert resolve(index, "organ", "here/police") == POLICE_HERE
    assert resolve(index, "organ", "公安部门（此地）") == POLICE_HERE
    assert resolve(index, "organ", "公安部门(此地)") == POLICE_HERE  # folded like the text
    assert resolve(index, "domain", "Fire") == FIRE
    assert index.key(POLICE_HERE) == "here/police" and index.key(FIRE) == "fire"  # shortest unambiguous end


def test_an_unknown_or_ambiguous_value_names_the_closest(index: Index) -> None:
    with pytest.raises(FilterError, match=r"closest known values: 公安部门（此地）"):
        resolve(index, "organ", "公安部门（此）")
    with pytest.raises(FilterError, match="names several values"):
        resolve(index, "organ", "police")
    with pytest.raises(FilterError, match="no provision has domain 'nothing'"):
        resolve(index, "domain", "nothing")


# ---- the expected answer, from the regulation texts -----------------------------------------------------------

ARTICLE = re.compile(r"^(第[〇一二三四五六七八九十百]+条)[\s　]")
ITEM = re.compile(r"^(（[〇一二三四五六七八九十]+）)")


def documents() -> list[dict[str, str]]:
    return tomllib.loads((SOURCES / "sources.toml").read_text(encoding="utf-8"))["document"]


def lines_mentioning(term: str) -> list[tuple[dict[str, str], str, str, str]]:
    """Every line of every rule (up to a press interview after it) that contains the term, as (the document's
    catalogue entry, its article, its item or "", the line)."""
    found = []
    for doc in documents():
        text = (SOURCES / doc["file"]).read_text(encoding="utf-8").split("答记者问", 1)[0]
        article = ""
        for raw in text.splitlines():
            line = raw.strip()
            heading = ARTICLE.match(line)
            article = heading.group(1) if heading else article
            if term in line:
                item = ITEM.match(line)
                found.append((doc, article, item.group(1) if item else "", line))
    return found


def squeezed(text: str) -> str:
    return "".join(text.split())


def test_the_hits_are_the_lines_of_the_texts_that_mention_the_term(server: str) -> None:
    expected = lines_mentioning(TERM)
    places = {doc["jurisdiction"] for doc, _, _, _ in expected}
    assert len(expected) == 7 and len(places) == 1  # seven items, all of one rule (xinjiang-2018.txt)
    answer = httpx.get(server + "/search", params={"q": TERM}, headers={"Accept": "application/json"}).json()
    hits = answer["hits"]
    assert answer["total"] == len(hits) == len(expected)
    for doc, article, item, line in expected:
        cited = [h for h in hits if h["citation"].startswith(f"{doc['short_title']} {article}")]
        cited = [h for h in cited if h["citation"].endswith(f"第{item}项")] if item else cited
        assert len(cited) == 1, (article, item, [h["citation"] for h in hits])
        hit = cited[0]
        assert squeezed(hit["text"]) in squeezed(line)
        assert hit["jurisdiction"] == f"{ID}jurisdiction/{doc['jurisdiction']}"
        assert hit["reader"].startswith(f"/read/{doc['id']}#article-")
        assert [hit["text"][s:e] for s, e in hit["matches"]] == [TERM] * line.count(TERM)
    assert [h["occurrences"] for h in hits] == sorted((h["occurrences"] for h in hits), reverse=True)
    assert hits[0]["occurrences"] == max(line.count(TERM) for *_, line in expected) == 2


def test_the_page_marks_every_hit_and_links_into_the_reader(server: str) -> None:
    expected = lines_mentioning(TERM)
    page = httpx.get(server + "/search", params={"q": TERM}, headers=BROWSER)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    hits = re.findall(r'<li class="hit">(.*?)</li>', page.text, re.S)
    assert len(hits) == len(expected)
    for hit in hits:
        assert f"<mark>{TERM}</mark>" in hit
        href = unescape(re.search(r'<a href="([^"]+)"', hit).group(1))
        path, _, fragment = href.partition("#")
        assert path.startswith("/read/") and fragment
        reader = httpx.get(server + path, headers=BROWSER)
        assert reader.status_code == 200 and f'id="{fragment}"' in reader.text
    assert '<section id="hits"' in page.text and '<aside id="facets"' in page.text


def test_json_by_accept_or_format(server: str) -> None:
    by_accept = httpx.get(server + "/search", params={"q": TERM}, headers={"Accept": "application/json"})
    by_format = httpx.get(server + "/search", params={"q": TERM, "format": "json"}, headers=BROWSER)
    assert by_accept.headers["content-type"] == by_format.headers["content-type"] == "application/json"
    assert by_accept.json() == by_format.json()
    assert set(by_accept.json()["facets"]) == {"jurisdiction", "function", "domain", "organ"}
    assert httpx.get(server + "/search", params={"q": TERM, "format": "xml"}).status_code == 400
    assert httpx.get(server + "/search", params={"q": TERM}, headers={"Accept": "image/png"}).status_code == 406


def test_search_answers_warm_in_well_under_100_ms(server: str) -> None:
    httpx.get(server + "/search", params={"q": TERM})  # the index is fetched once
    for query in (TERM, "安全 生产", "的"):
        timings = []
        for _ in range(5):
            answer = httpx.get(server + "/search", params={"q": query}, headers=BROWSER)
            timings.append(float(re.search(r"app;dur=([0-9.]+)", answer.headers["server-timing"]).group(1)))
        assert statistics.median(timings) < 100, (query, timings)


# ---- filters on the server -------------------------------------------------------------------------------------


def search_json(server: str, **params: str) -> dict:
    answer = httpx.get(server + "/search", params={"format": "json", **params})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_each_filters_counts_are_what_choosing_it_gives(server: str) -> None:
    query = "安全 检查"
    everything = search_json(server, q=query)
    assert len({h["jurisdiction"] for h in everything["hits"]}) > 1
    for facet in ("jurisdiction", "function", "domain", "organ"):
        values = everything["facets"][facet]
        assert values, facet
        for value in values[:3]:
            chosen = search_json(server, q=query, **{facet: value["key"]})
            assert chosen["total"] == value["count"], (facet, value)
            assert chosen["filters"] == {facet: value["value"]}
            assert {h["provision"] for h in chosen["hits"]} <= {h["provision"] for h in everything["hits"]}


def test_filters_combine_and_take_labels(server: str) -> None:
    query = "安全"
    places = search_json(server, q=query)["facets"]["jurisdiction"]
    place = places[-1]
    by_label = search_json(server, q=query, jurisdiction=place["label"]["zh"])
    assert by_label["total"] == place["count"] and by_label["filters"]["jurisdiction"] == place["value"]
    assert search_json(server, q=query, jurisdiction=place["value"])["total"] == place["count"]
    domain = by_label["facets"]["domain"][0]
    both = search_json(server, q=query, jurisdiction=place["key"], domain=domain["key"])
    assert both["total"] == domain["count"] and all(h["jurisdiction"] == place["value"] for h in both["hits"])
    mentioning = lines_mentioning(TERM)[0][0]["jurisdiction"]
    elsewhere = next(doc["jurisdiction"] for doc in documents() if doc["jurisdiction"] != mentioning)
    assert search_json(server, q=TERM, jurisdiction=mentioning)["total"] == len(lines_mentioning(TERM))
    assert search_json(server, q=TERM, jurisdiction=elsewhere)["total"] == 0


def test_links_on_the_page_answer(server: str) -> None:
    """Every link of a search page that has filters chosen and several pages: the filters, the pages, the reader."""
    query = "安全"
    place = search_json(server, q=query)["facets"]["jurisdiction"][0]["key"]
    for lang in ("zh", "en"):
        page = httpx.get(server + "/search", params={"q": query, "jurisdiction": place, "lang": lang}, headers=BROWSER)
        assert page.status_code == 200
        links = {unescape(h).split("#", 1)[0] for h in re.findall(r'href="(/(?:search|read)[^"]*)"', page.text)}
        assert any("page=2" in link for link in links) and any(link.startswith("/read/") for link in links)
        for link in sorted(links):
            answer = httpx.get(server + link, headers=BROWSER, follow_redirects=True)  # /read: the first rule
            assert answer.status_code == 200, link
            in_json = "format=json" in link  # the JSON form is the same whatever the language
            assert lang == "zh" or in_json or "lang=en" in urlsplit(link).query, link


# ---- the page's edges ------------------------------------------------------------------------------------------


def test_an_empty_query_is_the_empty_page_with_a_hint(server: str) -> None:
    for params in ({}, {"q": "  "}):
        page = httpx.get(server + "/search", params=params, headers=BROWSER)
        assert page.status_code == 200
        assert 'class="search-hint"' in page.text and 'class="hit"' not in page.text


def test_every_page_has_the_search_box(server: str) -> None:
    for path in ("/", "/read", "/compare?lang=en", "/no-such-page"):
        page = httpx.get(server + path, headers=BROWSER, follow_redirects=True)
        form = re.search(r'<form class="site-search" role="search" action="/search".*?</form>', page.text, re.S)
        assert form is not None, path
        assert '<label class="visually-hidden" for="site-q">' in form.group(0) and 'name="q"' in form.group(0)
        assert ('name="lang" value="en"' in form.group(0)) == ("lang=en" in path)


def test_a_query_over_200_characters_is_refused(server: str) -> None:
    long = "安" * 201
    page = httpx.get(server + "/search", params={"q": long}, headers=BROWSER)
    assert page.status_code == 400 and "201" in page.text and "200" in page.text and 'role="alert"' in page.text
    answer = httpx.get(server + "/search", params={"q": long, "format": "json"})
    assert answer.status_code == 400 and "201 characters" in answer.json()["error"]
    assert httpx.get(server + "/search", params={"q": "安" * 200, "format": "json"}).status_code == 200


def test_an_unknown_filter_value_is_a_400_naming_the_closest(server: str) -> None:
    organ = search_json(server, q=TERM)["facets"]["organ"][0]["label"]["zh"]
    page = httpx.get(server + "/search", params={"q": TERM, "organ": organ[:-1] + "X"}, headers=BROWSER)
    assert page.status_code == 400
    alert = page.text.split('role="alert"', 1)[1].split("</div>", 1)[0]
    assert "closest known values" in alert and organ in alert
    answer = httpx.get(server + "/search", params={"q": TERM, "domain": "no-such-domain", "format": "json"})
    assert answer.status_code == 400 and "domain" in answer.json()["error"]
    twice = httpx.get(server + "/search", params=[("q", TERM), ("organ", "a"), ("organ", "b")])
    assert twice.status_code == 400


def test_the_query_is_shown_escaped(server: str) -> None:
    page = httpx.get(server + "/search", params={"q": '<img src=x onerror="alert(1)">'}, headers=BROWSER)
    assert page.status_code == 200 and "<img" not in page.text and "&lt;img" in page.text
