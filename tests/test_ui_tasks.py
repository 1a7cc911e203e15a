"""Research tasks carried out in Chromium as a person would, the answers checked against the regulation texts;
axe-core on every kind of page, in Chinese and in English.

The expected values are read from safetykg/data/sources/*.txt (the article each comes from is cited beside it),
not from the graph the pages show. Every test runs under the guards of tests/ui_browser.py: no request to another
host, no console error.
"""

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.ui_browser import (
    ARTIFACTS,
    DESKTOP,
    PHONE,
    axe_violations,
    browser_context,
    browser_page,
    screenshot,
)

__all__ = ["browser_context", "browser_page"]
SOURCES = Path(__file__).resolve().parent.parent / "safetykg" / "data" / "sources"
FIREWORKS = "/ask/departments-regulating-hazard?jurisdiction=xinjiang&hazard=fireworks&ask=1"
ARTICLE = re.compile(r"^第([〇一二三四五六七八九十百]+)条[\s　]+(.*)$")
CHAPTER = re.compile(r"^第[〇一二三四五六七八九十百]+章")
ITEM = re.compile(r"^（([〇一二三四五六七八九十]+)）\s*(.*)$")
DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}


@pytest.fixture(autouse=True)
def fresh_language(browser_context: Any) -> None:
    """Each task starts as a new visitor: no language remembered from another test's ?lang=."""
    browser_context.clear_cookies()


# ---- the regulation texts -------------------------------------------------------------------------------------


def rule_text(name: str) -> str:
    """A regulation's text as published, without what the file carries after the rule (Hubei's 答记者问)."""
    text = (SOURCES / f"{name}.txt").read_text(encoding="utf-8")
    return text.split("答记者问", 1)[0].rsplit("\n", 1)[0] if "答记者问" in text else text


def articles(name: str) -> dict[str, list[str]]:
    """Each article of a rule ("第五条") with its lines, the first without its heading, blank lines left out."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in rule_text(name).splitlines():
        line = raw.strip()
        heading = ARTICLE.match(line)
        if heading:
            current = found.setdefault(f"第{heading.group(1)}条", [])
            current.append(heading.group(2))
        elif CHAPTER.match(line):
            current = None
        elif line and current is not None:
            current.append(line)
    return found


def number(numeral: str) -> int:
    """一 → 1, 二十二 → 22, 八十六 → 86 (the numbers of articles and items)."""
    if "十" not in numeral:
        return DIGITS[numeral]
    tens, _, units = numeral.partition("十")
    return (DIGITS[tens] if tens else 1) * 10 + (DIGITS[units] if units else 0)


def squeezed(text: str) -> str:
    return "".join(text.split())


# ---- what the pages show --------------------------------------------------------------------------------------


def answer_rows(page: Any) -> list[dict[str, str]]:
    """The rows of the answer table (#answer) that are shown: each cell's text by its data-col, and the target of
    its link (if it has one) under data-col + "@href"."""
    rows: list[dict[str, str]] = page.evaluate(
        """() => Array.from(document.querySelectorAll("#answer tr"))
            .filter(row => row.querySelector("td") && !row.hidden && row.offsetParent !== null)
            .map(row => Object.fromEntries(Array.from(row.cells).filter(cell => cell.dataset.col).flatMap(cell => {
                const link = cell.querySelector("a");
                const text = [[cell.dataset.col, cell.innerText.trim()]];
                return link ? text.concat([[cell.dataset.col + "@href", link.getAttribute("href")]]) : text;
            })))"""
    )
    return rows


def choose(page: Any, selector: str, starts_with: str) -> None:
    """Pick the option whose visible label starts with the given words, as a person would."""
    labels = page.locator(f"{selector} option").all_inner_texts()
    page.select_option(selector, label=next(text for text in labels if text.startswith(starts_with)))


def chosen(page: Any, selector: str) -> str:
    return page.locator(f"{selector} option:checked").inner_text()


# ---- the tasks --------------------------------------------------------------------------------------------------


def fireworks_items() -> list[tuple[str, str, str, str]]:
    """Xinjiang's items that name 烟花爆竹, as (department, article, item, text): the department is the one whose
    principal leader's duties the article lists. From xinjiang-2018.txt: 第二十条 安全生产监督管理部门 (三),
    第二十二条 公安部门 (三), 第三十一条 质量技术监督部门 (三), 第五十五条 市场监督管理部门 (一)."""
    found = []
    for article, lines in articles("xinjiang-2018").items():
        department = re.split("是|主要负责人", lines[0], maxsplit=1)[0]
        for line in lines[1:]:
            item = ITEM.match(line)
            if item and "烟花爆竹" in item.group(2):
                found.append((department, article, item.group(1), item.group(2)))
    return found


def _name(label: str) -> str:
    """An organ's name without the place a label may add to it (公安部门（新疆）)."""
    return label.split("（", 1)[0]


def test_xinjiang_fireworks_departments_from_a_url_with_slugs(browser_page: Any, server: str) -> None:
    expected = fireworks_items()
    assert {e[1] for e in expected} == {"第二十条", "第二十二条", "第三十一条", "第五十五条"}  # see fireworks_items
    browser_page.goto(server + FIREWORKS)
    # the form shows the choices the slugs stand for
    assert chosen(browser_page, "#p-jurisdiction").startswith("新疆") and "Xinjiang" in chosen(
        browser_page, "#p-jurisdiction"
    )
    assert chosen(browser_page, "#p-hazard").startswith("烟花爆竹")
    assert browser_page.locator("#p-jurisdiction").input_value().endswith("/jurisdiction/xinjiang")
    rows = answer_rows(browser_page)
    assert len(rows) == len(expected), rows
    for department, article, item, text in expected:
        row = next(r for r in rows if _name(r["department"]) == department)
        assert row["provision"].startswith(f"新疆细则 {article}") and row["provision"].endswith(f"第（{item}）项")
        assert squeezed(row["text"]) == squeezed(text)
    for department, article, item, _ in expected:  # each links to the item's page
        href = next(r["provision@href"] for r in rows if _name(r["department"]) == department)
        assert re.fullmatch(
            rf"/id/regulation/xinjiang-2018/article/{number(article[1:-1])}/(paragraph/1/)?item/{number(item)}", href
        )
        assert httpx.get(server + href, headers={"Accept": "text/html"}).status_code == 200
    labels = browser_page.locator('#answer td[data-col="department"]').evaluate_all(
        "cells => cells.map(c => c.dataset.label)"
    )
    assert set(labels) == {"部门"}  # the column's zh label in departments-regulating-hazard.rq


def guiyang_measures() -> list[str]:
    """The measures 贵阳 第十九条 lists: 约谈、通报、诫勉、停职检查、调整职务、责令辞职、降职、免职或者纪律处分."""
    article = "".join(articles("guiyang")["第十九条"])
    listed = re.search(r"[采釆]取(.+?)等方式问责", article)
    assert listed, article
    return re.split("、|或者", listed.group(1))


def test_measures_only_guiyang_lists(browser_page: Any, server: str) -> None:
    browser_page.goto(server + "/ask")
    browser_page.click("#q-accountability-measures a")
    assert browser_page.locator("#p-jurisdiction").input_value() == ""  # the form's defaults: any jurisdiction
    assert browser_page.locator("#p-measure").input_value() == ""
    choose(browser_page, "#p-jurisdiction", "贵阳")
    browser_page.click("#ask-button")
    browser_page.wait_for_selector("#answer")
    assert "jurisdiction=" in browser_page.url and chosen(browser_page, "#p-jurisdiction").startswith("贵阳")
    rows = answer_rows(browser_page)
    listed = guiyang_measures()
    assert {r["place"] for r in rows} == {"贵阳市"}
    assert {r["provision"] for r in rows} == {"贵阳办法 第十九条"}
    measures = {r["measureConcept"] for r in rows}
    assert len(measures) == len(listed) and all(any(m in words for words in listed) for m in measures)
    # only here: a measure of 贵阳 第十九条 that no other of the five texts names; 中央规定 第十九条 lists
    # 通报 … 处分 without 约谈, and no local rule but Guiyang's has the word
    others = "".join(rule_text(name) for name in ("national-2018", "hubei", "hebei", "xinjiang-2018"))
    only = {m for m in measures if m not in others}
    assert only == {"约谈"}
    assert {r["measureConcept"] for r in rows if r["onlyHere"] == "✓"} == only
    screenshot(browser_page, "task-guiyang-measures")


# National articles whose wording has no counterpart anywhere in Hubei's rule, each with the words that show it.
HUBEI_LEAVES_OUT = {
    "第十条": "督查督办",  # 中央规定 第十条: 纳入党委和政府督查督办重要内容
    "第十四条": "拟任人选",  # 第十四条: 考察地方党政领导干部拟任人选时 … 考察其履行安全生产工作职责情况
    "第十五条": "考核情况公开",  # 第十五条: 实行安全生产责任考核情况公开制度
    "第十六条": "显著成绩",  # 第十六条: 作出显著成绩和突出贡献的 … 表彰奖励
    "第十七条": "成绩优秀",  # 第十七条: 考核中成绩优秀的地方党政领导干部
    "第二十七条": "实施细则",  # 第二十七条: 应当根据本规定制定实施细则
}


def test_national_provisions_hubei_leaves_out(browser_page: Any, server: str) -> None:
    national, hubei = articles("national-2018"), articles("hubei")
    browser_page.goto(server + "/ask")
    browser_page.click("#q-national-coverage a")
    if not chosen(browser_page, "#p-jurisdiction").startswith("湖北"):
        choose(browser_page, "#p-jurisdiction", "湖北")
    browser_page.click("#ask-button")
    browser_page.wait_for_selector("#answer")
    rows = answer_rows(browser_page)
    # one row per article of the national rule, with its text
    assert [r["provision"] for r in rows] == [f"中央规定 {a}" for a in national]
    for row in rows:
        assert squeezed(row["text"]) == squeezed("".join(national[row["provision"].split()[1]]))
    left_out = {r["provision"].split()[1] for r in rows if r["takenUp"] == "✗"}
    for article, words in HUBEI_LEAVES_OUT.items():
        assert words in "".join(national[article]) and words not in rule_text("hubei"), article
        assert article in left_out, article
    for row in rows:  # what is taken up names Hubei's provisions, what is left out none
        cited = re.findall(r"湖北办法 (第[一二三四五六七八九十]+条)", row["localCitations"])
        assert (row["takenUp"] == "✓") == bool(cited), row
        assert all(article in hubei for article in cited), row
    # 中央规定 第五条 (一) is taken up nearly word for word by 湖北办法 第五条 (一): 认真贯彻执行党中央以及上级党委…
    first = ITEM.match(national["第五条"][1])
    assert first and squeezed(first.group(2))[:20] in squeezed("".join(hubei["第五条"]))
    assert "湖北办法 第五条" in next(r for r in rows if r["provision"] == "中央规定 第五条")["localCitations"]
    # then filtered as a person would (static/table.js): the facet of 是否落实 (the column's zh label in
    # national-coverage.rq) set to ✗, then the words 考核 typed in the filter box
    browser_page.select_option('select[aria-label="是否落实"]', label="✗")
    shown = answer_rows(browser_page)
    assert {r["provision"].split()[1] for r in shown} == left_out
    assert all(r["takenUp"] == "✗" for r in shown)
    browser_page.fill("main input[type=search]", "考核")
    shown = answer_rows(browser_page)
    assert {r["provision"].split()[1] for r in shown} == {a for a in left_out if "考核" in "".join(national[a])}
    assert {"第十五条", "第十七条"} <= {r["provision"].split()[1] for r in shown}  # 考核情况公开, 考核中成绩优秀
    status = browser_page.locator(".table-tools [role=status]").inner_text()  # 显示 n / 29 行
    assert re.search(rf"\b{len(shown)}\b.*\b{len(rows)}\b", status), status
    screenshot(browser_page, "task-national-coverage-hubei")


def test_hubei_completeness_gaps_open_the_cited_provision(browser_page: Any, server: str) -> None:
    national, hubei = articles("national-2018"), articles("hubei")
    # the gap the first row shows: 中央规定 第五条 gives duties to 地方各级党委主要负责人, 湖北办法 第五条 to
    # 各级党委 (the committee, not its principal leader)
    assert national["第五条"][0].startswith("地方各级党委主要负责人安全生产职责")
    assert hubei["第五条"][0].startswith("各级党委应当履行下列安全生产工作职责")
    assert "解释" not in rule_text("hubei")  # no article says who interprets it (中央规定 第二十八条 does)
    browser_page.goto(server + "/completeness")
    gaps = browser_page.locator(
        '#matrix a.cell.violation[data-place="湖北"], #matrix a.cell.warning[data-place="湖北"]'
    )
    assert gaps.count() >= 6
    details = []
    for i in range(gaps.count()):
        gaps.nth(i).click()
        detail = browser_page.locator(".cell-detail:target")
        assert detail.is_visible()
        text = detail.inner_text()
        cited = re.findall(r"中央规定(第[一二三四五六七八九十]+条)", text)
        assert all(article in national for article in cited), text
        if detail.locator(".cell.violation").count():  # a violation is measured against a national article
            assert cited, text
        details.append(text)
    assert any("解释" in text and "第二十八条" in text for text in details)
    assert any("党委主要负责人" in text and "第五条" in text for text in details)
    # the first gap (党委主要负责人, 中央规定 第五条): its evidence opens 湖北办法 第五条 in the reader
    gaps.first.click()
    evidence = browser_page.locator(".cell-detail:target").get_by_role("link", name="湖北办法 第五条", exact=True)
    assert evidence.get_attribute("href") == "/read/hubei#article-5"
    evidence.click()
    browser_page.wait_for_url("**/read/hubei#article-5")
    target = browser_page.locator(":target")
    assert target.get_attribute("id") == "article-5"
    from playwright.sync_api import expect

    expect(target).to_be_in_viewport()
    assert squeezed(hubei["第五条"][0]) in squeezed(target.inner_text())
    screenshot(browser_page, "task-hubei-evidence")


def _download(page: Any, selector: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.click(selector)
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def test_fireworks_answer_downloads(browser_page: Any, server: str) -> None:
    import openpyxl

    browser_page.goto(server + FIREWORKS)
    answer = httpx.get(server + browser_page.locator("#download-json").get_attribute("href")).json()
    columns, rows = answer["columns"], answer["rows"]
    assert len(rows) == len(fireworks_items())
    table = [columns] + [[row.get(c, "") for c in columns] for row in rows]
    name, data = _download(browser_page, "#download-csv")
    assert name.endswith(".csv") and data.startswith(b"\xef\xbb\xbf")
    assert list(csv.reader(io.StringIO(data.decode("utf-8-sig")))) == table
    name, data = _download(browser_page, "#download-xlsx")
    assert name.endswith(".xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = [["" if value is None else str(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    assert cells == table
    source = squeezed(rule_text("xinjiang-2018"))
    assert all(squeezed(row["text"]) in source for row in rows)  # each text as xinjiang-2018.txt has it


def test_fireworks_answer_in_english_on_a_phone(browser_page: Any, server: str) -> None:
    browser_page.goto(server + FIREWORKS + "&lang=en")
    assert browser_page.locator("html").get_attribute("lang") == "en"
    assert chosen(browser_page, "#p-jurisdiction").startswith("Xinjiang")
    # the en labels of the columns in departments-regulating-hazard.rq
    headers = [h.strip() for h in browser_page.locator("#answer th").all_inner_texts()]
    assert headers == ["Department", "Basis", "Provision", "Text"]
    assert len(answer_rows(browser_page)) == len(fireworks_items())
    browser_page.set_viewport_size(PHONE)
    shown = browser_page.evaluate(
        """() => Array.from(document.querySelectorAll("#answer td")).map(cell => {
            const before = getComputedStyle(cell, "::before");
            return [cell.dataset.label, before.content, before.display, getComputedStyle(cell).display];
        })"""
    )
    assert shown and all(content == json.dumps(label) for label, content, _, _ in shown), shown
    assert all(display == "block" and cell == "block" for _, _, display, cell in shown), shown
    assert {label for label, _, _, _ in shown} == {"Department", "Basis", "Provision", "Text"}
    assert not browser_page.locator("#answer th").first.is_visible()  # the labels stand in for the header row
    width = browser_page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], width
    screenshot(browser_page, "task-fireworks-en-phone")
    browser_page.set_viewport_size(DESKTOP)


# ---- accessibility: axe-core on one page of each kind ---------------------------------------------------------

AXE_PAGES = {
    "home": "/",
    "questions": "/ask",
    "answer": FIREWORKS,
    "reader": "/read/hubei",
    "entity": "/id/organ/xinjiang/public-security",
    "compare": "/compare?role=https%3A%2F%2Fw3id.org%2Fsafetykg%2Fid%2Frole%2Fprincipal-leader",
    "completeness": "/completeness",
    "sparql": "/sparql",
    "downloads": "/download/",
    "not-found": "/no-such-page",
}
# A page whose finding needs a change in the HTML the Python writes is marked here, strict: fixed, it fails.
AXE_KNOWN: dict[tuple[str, str], str] = {}


def _axe_params() -> list[Any]:
    params = []
    for lang in ("zh", "en"):
        for name, path in AXE_PAGES.items():
            reason = AXE_KNOWN.get((name, lang))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(name, path, lang, id=f"{name}-{lang}", marks=marks))
    return params


@pytest.mark.parametrize(("name", "path", "lang"), _axe_params())
def test_axe_finds_nothing_serious(browser_page: Any, server: str, name: str, path: str, lang: str) -> None:
    url = f"{server}{path}{'&' if '?' in path else '?'}lang={lang}"
    response = browser_page.goto(url)
    assert response.status == (404 if name == "not-found" else 200)
    found = axe_violations(browser_page)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{name}-{lang}.json").write_text(json.dumps(found, ensure_ascii=False, indent=1))
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']}: " + "; ".join(n["target"] for n in v["nodes"])
        for v in found
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(serious)
