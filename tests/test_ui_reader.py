"""The reader (/read/{doc}): in Chromium as a person reads it, and over HTTP for its header and jumps.

The expected values are read from the regulation texts, safetykg/data/sources/*.txt (the article or preamble line
each comes from is named beside it), never from the graph the page shows. The browser tests run under the guards
of tests/ui_browser.py: no request to another host, no console error.
"""

import json
import re
from difflib import SequenceMatcher
from html import unescape
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.ui_browser import ARTIFACTS, DESKTOP, PHONE, axe_violations, browser_context, browser_page, screenshot

__all__ = ["browser_context", "browser_page"]
SOURCES = Path(__file__).resolve().parent.parent / "safetykg" / "data" / "sources"
XINJIANG, NATIONAL = "xinjiang-2018", "national-2018"
NUMERAL = "〇一二三四五六七八九十百"
ARTICLE = re.compile(rf"^(第[{NUMERAL}]+条)[\s　]+(.*)$")
CHAPTER = re.compile(rf"^(第[{NUMERAL}]+章)[\s　]*(.*)$")
ITEM = re.compile(rf"^（([{NUMERAL}]+)）\s*(.*)$")
DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}


# ---- the regulation texts -------------------------------------------------------------------------------------


def source(name: str) -> str:
    return (SOURCES / f"{name}.txt").read_text(encoding="utf-8")


def outline(name: str) -> tuple[list[tuple[str, list[str]]], dict[str, list[str]]]:
    """A rule's chapters in order ("第一章总则", with the numbers of their articles) and its articles ("第五条") with
    their lines, the first without its number; blank lines and the "# " of a legal-database copy left out."""
    chapters: list[tuple[str, list[str]]] = []
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in source(name).splitlines():
        line = raw.strip().removeprefix("#").strip()
        heading, chapter = ARTICLE.match(line), CHAPTER.match(line)
        if heading:
            current = found.setdefault(heading.group(1), [heading.group(2)])
            if chapters:
                chapters[-1][1].append(heading.group(1))
        elif chapter:
            chapters.append((squeezed(chapter.group(1) + chapter.group(2)), []))
            current = None
        elif line and current is not None:
            current.append(line)
    return chapters, found


def preamble(name: str) -> str:
    """What a text prints before its first chapter."""
    text = source(name)
    return text[: re.search(rf"^[#\s]*第[{NUMERAL}]+章", text, re.M).start()]  # type: ignore[union-attr]


def number(numeral: str) -> int:
    """一 → 1, 二十二 → 22, 八十六 → 86."""
    if "十" not in numeral:
        return DIGITS[numeral]
    tens, _, units = numeral.partition("十")
    return (DIGITS[tens] if tens else 1) * 10 + (DIGITS[units] if units else 0)


def anchor(article: str) -> str:
    """第二十二条 → article-22 (the reader's anchor of an article)."""
    return f"article-{number(article[1:-1])}"


def squeezed(text: str) -> str:
    return "".join(text.split())


def iso(words: str) -> str:
    """2018年09月18日 or 2018年9月18日 → 2018-09-18."""
    year, month, day = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", words).groups()  # type: ignore[union-attr]
    return f"{year}-{int(month):02d}-{int(day):02d}"


# ---- the page as HTML -----------------------------------------------------------------------------------------


def header(html: str) -> dict[str, list[dict[str, str]]]:
    """The reader's header fields by name (data-field): each value's text, its link and the date it carries."""
    fields: dict[str, list[dict[str, str]]] = {}
    block = re.search(r'<dl class="doc-meta" id="doc-meta">(.*?)</dl>', html, re.S)
    assert block, "no header"
    for name, dd in re.findall(r'<div data-field="([^"]+)"><dt>[^<]*</dt><dd>(.*?)</dd></div>', block.group(1), re.S):
        values = re.findall(r'<span class="value"[^>]*>(.*?)</span>(?=<span class="value"|$)', dd, re.S)
        fields[name] = [
            {
                "text": unescape(re.sub(r"<[^>]+>", "", value)),
                "href": unescape(_attribute(value, "href")),
                "date": _attribute(value, "datetime"),
            }
            for value in values
        ]
    return fields


def _attribute(html: str, name: str) -> str:
    """The value of the first attribute of that name in a piece of HTML, or ''."""
    found = re.search(rf'{name}="([^"]*)"', html)
    return found.group(1) if found else ""


def first_text(values: list[dict[str, str]]) -> str:
    """A value's own words, without the note or provision that follows them."""
    return values[0]["text"].split("（")[0].split(" ")[0]


# ---- the header: what the texts' preambles and final articles state -------------------------------------------


def test_xinjiang_header_is_its_preamble(server: str) -> None:
    stated = dict(re.findall(r"^(\S+?)：\s*(.+?)\s*$", preamble(XINJIANG), re.M))
    assert set(stated) >= {"时效性", "发文机关", "文号", "发文日期", "施行日期", "效力级别"}  # the database's header
    fields = header(httpx.get(f"{server}/read/{XINJIANG}").text)
    assert [v["text"] for v in fields["number"]] == [stated["文号"]]
    issuers = [v["text"] for v in fields["issuer"]]  # two bodies, which the header prints as one line
    assert len(issuers) == 2 and stated["发文机关"] in ("".join(issuers), "".join(reversed(issuers)))
    assert all(v["href"].startswith("/id/") for v in fields["issuer"])
    assert fields["dateDocument"][0]["date"] == iso(stated["发文日期"])
    assert fields["inForce"][0]["date"] == iso(stated["施行日期"])
    assert [v["text"] for v in fields["level"]] == [stated["效力级别"]]
    assert [v["text"] for v in fields["status"]] == [stated["时效性"]]
    # 第八十六条: 本细则自2018年9月18日起施行，2011年1月26日印发的《…职责规定》（新政发〔2011〕14号）同时废止。
    final = "".join(outline(XINJIANG)[1]["第八十六条"])
    said = re.search(r"自(\d+年\d+月\d+日)起施行，(\d+年\d+月\d+日)印发的《(.+?)》（(.+?)）同时废止", final)
    assert said, final
    assert fields["inForce"][0]["date"] == iso(said.group(1))
    assert fields["inForce"][0]["href"] == "#article-86"  # the article that says so
    repealed = fields["repeals"][0]
    assert repealed["text"].startswith(said.group(3)) and said.group(4) in repealed["text"]
    assert "2011年1月26日" in repealed["text"] and iso(said.group(2)) == "2011-01-26"
    # the rule it implements, as its title names it: 新疆维吾尔自治区实施《地方党政领导干部安全生产责任制规定》细则
    implemented = re.search(r"《(.+?)》", source(XINJIANG).splitlines()[0])
    assert implemented and [v["text"] for v in fields["implements"]] == [implemented.group(1)]
    assert fields["implements"][0]["href"] == f"/read/{NATIONAL}"


def test_national_header_is_its_dateline_and_final_article(server: str) -> None:
    fields = header(httpx.get(f"{server}/read/{NATIONAL}").text)
    # 新华社北京4月18日电 近日，中共中央办公厅、国务院办公厅印发了《地方党政领导干部安全生产责任制规定》
    dateline = re.search(r"电\s*近日，(.+?)印发了《", preamble(NATIONAL))
    assert dateline and sorted(v["text"] for v in fields["issuer"]) == sorted(dateline.group(1).split("、"))
    assert fields["datePublication"][0]["date"].endswith("-04-18")  # 新华社北京4月18日电
    # 第二十九条: 本规定自2018年4月8日起施行。
    force = re.search(r"自(\d+年\d+月\d+日)起施行", "".join(outline(NATIONAL)[1]["第二十九条"]))
    assert force and fields["inForce"][0]["date"] == iso(force.group(1))
    # what the text does not state is not shown: no document number, no level, nothing it implements or repeals
    assert not re.search(r"〔\d{4}〕\d+号", source(NATIONAL)) and "效力级别" not in source(NATIONAL)
    assert not {"number", "level", "status", "implements", "repeals"} & set(fields)


def test_hebei_and_guiyang_headers_show_what_their_texts_state(server: str) -> None:
    hebei = header(httpx.get(f"{server}/read/hebei").text)
    # the newspaper's headline: 省委办公厅省政府办公厅印发
    issuers = [v["text"] for v in hebei["issuer"]]
    assert preamble("hebei").split()[0].removesuffix("印发") in ("".join(issuers), "".join(reversed(issuers)))
    # 第三十一条: 本细则自印发之日起施行，《河北省安全生产“党政同责、一岗双责”暂行规定》同时废止。
    final = squeezed("".join(outline("hebei")[1]["第三十一条"]))
    said = re.search(r"本细则(自.+?施行)，《(.+?)》同时废止", final)
    assert said, final
    assert first_text(hebei["inForce"]) == said.group(1) and not hebei["inForce"][0]["date"]  # no date stated
    assert squeezed(hebei["repeals"][0]["text"]).startswith(said.group(2))
    assert "number" not in hebei and "dateDocument" not in hebei  # the newspaper prints no number or date
    guiyang = header(httpx.get(f"{server}/read/guiyang").text)
    # 第二十九条: 本实施办法自下发之日起施行。 The text names no issuer, and none is shown.
    force = re.search(r"(自.+?施行)", "".join(outline("guiyang")[1]["第二十九条"]))
    assert force and first_text(guiyang["inForce"]) == force.group(1)
    assert "issuer" not in guiyang and "number" not in guiyang


def test_every_article_is_a_heading_with_its_anchor(server: str) -> None:
    for name in (XINJIANG, NATIONAL):
        html = httpx.get(f"{server}/read/{name}").text
        shown = re.findall(
            r'<div class="prov article" id="(article-\d+)">\s*<h3 class="art-head"><a [^>]*>([^<]+)</a>', html
        )
        assert shown == [(anchor(article), article) for article in outline(name)[1]], name
        chapters = re.findall(r'<section class="chapter" id="chapter-\d+"[^>]*><h2 [^>]*>([^<]+)</h2>', html)
        assert [squeezed(unescape(c)) for c in chapters] == [c for c, _ in outline(name)[0]], name


# ---- jumping to an article ------------------------------------------------------------------------------------


@pytest.mark.parametrize("asked", ["22", "第二十二条", "二十二", "２２", " 22 ", "Art. 22", "第22条"])
def test_the_jump_goes_to_an_article(server: str, asked: str) -> None:
    assert "第二十二条" in outline(XINJIANG)[1]
    reply = httpx.get(f"{server}/read/{XINJIANG}", params={"article": asked}, follow_redirects=False)
    assert reply.status_code == 303 and reply.headers["location"] == f"/read/{XINJIANG}#article-22"


def test_the_jump_keeps_the_language_and_finds_items(server: str) -> None:
    reply = httpx.get(f"{server}/read/{XINJIANG}", params={"article": "22", "lang": "en"}, follow_redirects=False)
    assert reply.headers["location"] == f"/read/{XINJIANG}?lang=en#article-22"
    reply = httpx.get(f"{server}/read/{XINJIANG}", params={"article": "article-22-item-3"}, follow_redirects=False)
    assert reply.headers["location"] == f"/read/{XINJIANG}#article-22-item-3"
    # /read opens the national rule with what was asked, which then jumps
    first = httpx.get(f"{server}/read", params={"article": "5"}, follow_redirects=False)
    assert first.status_code == 307 and first.headers["location"] == f"/read/{NATIONAL}?article=5"
    then = httpx.get(server + first.headers["location"], follow_redirects=False)
    assert then.status_code == 303 and then.headers["location"] == f"/read/{NATIONAL}#article-5"


def test_an_article_the_rule_does_not_have_is_said_beside_the_jump_box(server: str) -> None:
    count = len(outline(XINJIANG)[1])
    assert count == 86  # 第八十六条 is the last
    reply = httpx.get(f"{server}/read/{XINJIANG}", params={"article": "999"})
    assert reply.status_code == 404
    said = re.search(r'<p id="jump-error"[^>]*>(.*?)</p>', reply.text, re.S)
    assert said and "999" in said.group(1) and str(count) in said.group(1)
    assert 'value="999"' in reply.text and 'aria-invalid="true"' in reply.text
    assert httpx.get(f"{server}/read/{XINJIANG}", params={"article": ""}).status_code == 200


def test_a_warm_reader_answers_within_150_ms(server: str) -> None:
    """The largest rule: fetched once, then served from what the UI keeps (the best of five, by Server-Timing)."""
    with httpx.Client(base_url=server, timeout=60) as client:
        assert client.get(f"/read/{XINJIANG}").status_code == 200
        times = [float(client.get(f"/read/{XINJIANG}").headers["server-timing"].split("dur=")[1]) for _ in range(5)]
    assert min(times) < 150, times


# ---- in Chromium ----------------------------------------------------------------------------------------------


def test_xinjiang_article_22_with_its_facts(browser_page: Any, server: str) -> None:
    """新疆细则 第二十二条 names 公安部门 and lists its principal leader's duties, item by item; no national article
    names 公安部门, so it is a local addition with no counterpart."""
    lines = outline(XINJIANG)[1]["第二十二条"]
    department = lines[0].split("是", 1)[0]
    assert department == "公安部门" and "其主要负责人的安全生产职责" in lines[0]
    assert department not in source(NATIONAL)
    browser_page.goto(f"{server}/read/{XINJIANG}#article-22")
    article = browser_page.locator("#article-22")
    assert browser_page.evaluate("document.querySelector(':target').id") == "article-22"
    assert article.locator("h3").inner_text().startswith("第二十二条")
    assert squeezed(article.locator(":scope > .row .body").inner_text()) == squeezed(lines[0])
    items = [ITEM.match(line) for line in lines[1:]]
    assert all(items) and len(items) == 7
    for item in items:
        assert item
        shown = browser_page.locator(f"#article-22-item-{number(item.group(1))}")
        assert squeezed(shown.locator(".body").inner_text()).removeprefix("¶") == squeezed(line_of(item))
        bearers = shown.locator(".facts a.bearer")
        assert bearers.count() == 1 and f"{department}主要负责人" in bearers.inner_text()  # 其主要负责人
        assert bearers.get_attribute("href").startswith("/id/post/")
    # (三) 监督放射性物品、危险化学品和烟花爆竹的公共安全管理: each of these is a domain of the item, linked
    third = next(item for item in items if item and item.group(1) == "三")
    named = re.search(r"监督(.+?)的公共安全管理", third.group(2))
    assert named
    domains = browser_page.locator("#article-22-item-3 .facts a.domain")
    shown_domains = set(domains.all_inner_texts())
    assert set(re.split("、|和", named.group(1))) <= shown_domains, shown_domains
    assert all(
        href.startswith("/id/domain/") for href in domains.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    )
    size = browser_page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('#article-22-item-3 .facts a')).fontSize)"
    )
    assert size >= 14, size  # facts in readable type
    # a local addition: marked, with no national article beside it
    addition = article.locator(":scope > .align .counterpart.addition")
    assert addition.is_visible() and article.locator(":scope > .align .counterpart a").count() == 0
    screenshot(browser_page, "reader-article-22")


def line_of(item: Any) -> str:
    return f"（{item.group(1)}）{item.group(2)}"


def test_xinjiang_article_78_beside_its_national_counterpart(browser_page: Any, server: str) -> None:
    """新疆细则 第七十八条 restates 中央规定 第二十二条 (on 主动采取补救措施), adding nothing and leaving out 地方:
    the reader shows the national article beside it, the two texts side by side, and marks what differs."""
    local = "".join(outline(XINJIANG)[1]["第七十八条"])
    national = "".join(outline(NATIONAL)[1]["第二十二条"])
    assert SequenceMatcher(None, local, national).ratio() > 0.9
    only_national = [
        national[j1:j2]
        for op, _, _, j1, j2 in SequenceMatcher(None, local, national).get_opcodes()
        if op in ("insert", "replace")
    ]
    only_local = [
        local[i1:i2]
        for op, i1, i2, _, _ in SequenceMatcher(None, local, national).get_opcodes()
        if op in ("delete", "replace")
    ]
    assert only_national == ["地方"] and only_local == []
    browser_page.goto(f"{server}/read/{XINJIANG}#article-78")
    article = browser_page.locator("#article-78")
    counterpart = article.locator(".counterpart a")
    assert counterpart.inner_text() == "中央规定 第二十二条"
    assert counterpart.get_attribute("href") == f"/read/{NATIONAL}#article-22"
    similarity = float(article.locator(".counterpart .sim").inner_text().split()[-1])
    assert 0.8 <= similarity <= 1
    mine, theirs = article.locator(".pair .this .pair-text"), article.locator(".pair .that .pair-text")
    assert not mine.is_visible()  # closed until asked for
    article.locator("details.side-by-side summary").click()
    assert mine.is_visible() and theirs.is_visible()
    assert squeezed(mine.inner_text()) == squeezed(local)
    assert squeezed(theirs.inner_text()) == squeezed(national)
    left, right = mine.bounding_box(), theirs.bounding_box()
    assert abs(left["y"] - right["y"]) < 2 and right["x"] >= left["x"] + left["width"]  # side by side
    assert theirs.locator("mark").all_inner_texts() == only_national and mine.locator("mark").count() == 0
    screenshot(browser_page, "reader-side-by-side")
    counterpart.click()  # to the national article, which lists 第七十八条 among the local articles taking it up
    browser_page.wait_for_url(f"**/read/{NATIONAL}#article-22")
    taken = browser_page.locator("#article-22 .taken-up a", has_text="新疆细则 第七十八条")
    assert taken.get_attribute("href") == f"/read/{XINJIANG}#article-78"


def test_the_national_rule_names_who_leaves_an_article_out(browser_page: Any, server: str) -> None:
    """中央规定 第十五条 (实行安全生产责任考核情况公开制度): no words of it in 湖北办法, which the reader says."""
    assert "考核情况公开" in "".join(outline(NATIONAL)[1]["第十五条"]) and "考核情况公开" not in source("hubei")
    browser_page.goto(f"{server}/read/{NATIONAL}#article-15")
    assert "湖北办法" in browser_page.locator("#article-15 .taken-up a.rel.add").all_inner_texts()


def test_the_contents_link_to_every_chapter_and_article(browser_page: Any, server: str) -> None:
    chapters, articles = outline(XINJIANG)
    browser_page.goto(f"{server}/read/{XINJIANG}")
    toc = browser_page.locator("#toc")
    assert toc.is_visible() and not browser_page.locator("#toc-narrow").is_visible()
    assert [squeezed(c) for c in toc.locator(":scope > ol > li > a").all_inner_texts()] == [c for c, _ in chapters]
    hrefs = toc.locator(".toc-articles a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert hrefs == ["#" + anchor(article) for article in articles]
    for (_, listed), chapter in zip(chapters, toc.locator(":scope > ol > li").all(), strict=True):
        assert chapter.locator(".toc-articles a").evaluate_all("as => as.map(a => a.title)") == listed
    # each link's target is that article, its number its heading
    headings = browser_page.evaluate(
        "hrefs => hrefs.map(h => document.querySelector(h).querySelector('h3').textContent.trim())", hrefs
    )
    assert headings == list(articles)
    toc.get_by_role("link", name="55", exact=True).click()
    browser_page.wait_for_url(f"**/read/{XINJIANG}#article-55")
    from playwright.sync_api import expect

    expect(browser_page.locator("#article-55 h3")).to_be_in_viewport()
    expect(toc.locator("h2")).to_be_in_viewport()  # the contents stay beside the text (sticky)


def test_the_jump_box_goes_to_an_article(browser_page: Any, server: str) -> None:
    from playwright.sync_api import expect

    articles = outline(XINJIANG)[1]
    browser_page.goto(f"{server}/read/{XINJIANG}")
    browser_page.fill("#jump-to", "第五十五条")
    browser_page.press("#jump-to", "Enter")
    browser_page.wait_for_url(f"**/read/{XINJIANG}#article-55")
    target = browser_page.locator(":target")
    assert target.get_attribute("id") == "article-55"
    expect(target.locator("h3")).to_be_in_viewport()
    assert squeezed(articles["第五十五条"][0]) in squeezed(target.inner_text())
    browser_page.fill("#jump-to", "22")
    browser_page.click("#jump button")
    browser_page.wait_for_url(f"**/read/{XINJIANG}#article-22")
    assert browser_page.locator(":target").get_attribute("id") == "article-22"
    with browser_page.expect_navigation() as navigation:
        browser_page.fill("#jump-to", "999")
        browser_page.press("#jump-to", "Enter")
    assert navigation.value.status == 404
    assert browser_page.locator("#jump-error").is_visible()
    assert str(len(articles)) in browser_page.locator("#jump-error").inner_text()
    assert browser_page.locator("#jump-to").input_value() == "999"


def test_on_a_phone_the_reader_is_one_column(browser_page: Any, server: str) -> None:
    browser_page.set_viewport_size(PHONE)
    try:
        browser_page.goto(f"{server}/read/{XINJIANG}#article-22-item-3")
        width = browser_page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1], width
        columns = browser_page.evaluate(
            "getComputedStyle(document.querySelector('#article-22-item-3 .row')).gridTemplateColumns.split(' ').length"
        )
        assert columns == 1
        assert not browser_page.locator("#toc").is_visible()
        contents = browser_page.locator("#toc-narrow")
        assert contents.is_visible()
        contents.locator("summary").click()
        assert contents.locator(".toc-articles a").count() == len(outline(XINJIANG)[1])
        screenshot(browser_page, "reader-phone")
    finally:
        browser_page.set_viewport_size(DESKTOP)


# ---- accessibility --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "viewport"), [("zh", DESKTOP), ("en", DESKTOP), ("zh", PHONE)], ids=["zh", "en", "zh-phone"]
)
def test_axe_finds_nothing_serious_on_the_reader(
    browser_page: Any, server: str, lang: str, viewport: dict[str, int]
) -> None:
    browser_page.set_viewport_size(viewport)
    try:
        assert browser_page.goto(f"{server}/read/{XINJIANG}?lang={lang}").status == 200
        browser_page.locator("#article-78 details.side-by-side summary").click()  # a comparison open, checked too
        if viewport == PHONE:
            browser_page.locator("#toc-narrow summary").click()
        found = axe_violations(browser_page)
    finally:
        browser_page.set_viewport_size(DESKTOP)
    ARTIFACTS.mkdir(exist_ok=True)
    name = f"axe-reader-{lang}-{viewport['width']}"
    (ARTIFACTS / f"{name}.json").write_text(json.dumps(found, ensure_ascii=False, indent=1))
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']}: " + "; ".join(n["target"] for n in v["nodes"][:5])
        for v in found
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(serious)
