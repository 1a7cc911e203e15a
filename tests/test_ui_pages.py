"""The web interface in headless Chromium: each page, the question form, reader, compare, completeness, editor."""

from typing import Any

import httpx

from tests.ui_browser import DESKTOP, PHONE, browser_context, browser_page, screenshot

__all__ = ["browser_context", "browser_page"]
FIREWORKS_DEPARTMENTS = {"安全生产监督管理部门", "公安部门", "质量技术监督部门", "市场监督管理部门"}
PAGES = {
    "home": "/",
    "questions": "/ask",
    "answer": "/ask/departments-regulating-hazard?jurisdiction=xinjiang&hazard=fireworks&ask=1",
    "reader": "/read/xinjiang-2018",
    "reader-hubei": "/read/hubei",
    "organ": "/id/organ/xinjiang/public-security",
    "domain": "/id/domain/fireworks",
    "jurisdiction": "/id/jurisdiction/hubei",
    "compare": "/compare?role=https%3A%2F%2Fw3id.org%2Fsafetykg%2Fid%2Frole%2Fprincipal-leader",
    "completeness": "/completeness",
    "sparql": "/sparql",
}


def choose(page: Any, selector: str, starts_with: str) -> None:
    """Pick the option whose visible label starts with the given words, as a person would."""
    labels = page.locator(f"{selector} option").all_inner_texts()
    page.select_option(selector, label=next(text for text in labels if text.startswith(starts_with)))


def test_home_shows_what_is_inside(browser_page: Any, server: str) -> None:
    browser_page.goto(server + "/")
    assert browser_page.locator("#regulations li").count() == 5
    counts = browser_page.locator("#counts").inner_text()
    for kind in ("Duty", "Post"):  # the home page's counts are the graph's
        query = f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a <https://w3id.org/safetykg/ontology#{kind}> }}"
        reply = httpx.get(
            server + "/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"}
        )
        assert reply.json()["results"]["bindings"][0]["n"]["value"] in counts, kind
    assert "86" in browser_page.locator("#regulations").inner_text()  # Xinjiang's articles
    screenshot(browser_page, "home")


def test_departments_regulating_fireworks_in_xinjiang(browser_page: Any, server: str) -> None:
    browser_page.goto(server + "/ask")
    browser_page.click("#q-departments-regulating-hazard a")
    choose(browser_page, "#p-jurisdiction", "河北")  # change it, then choose Xinjiang as a user would
    choose(browser_page, "#p-jurisdiction", "新疆")
    choose(browser_page, "#p-hazard", "烟花爆竹")
    browser_page.click("#ask-button")
    browser_page.wait_for_selector("#answer")
    departments = set(browser_page.locator('#answer td[data-col="department"]').all_inner_texts())
    assert {d.split("（")[0] for d in departments} == FIREWORKS_DEPARTMENTS
    links = browser_page.locator('#answer td[data-col="provision"] a')
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(hrefs) >= 4 and all(h.startswith("/id/regulation/xinjiang-2018/") for h in hrefs)
    for href in hrefs:
        assert httpx.get(server + href, headers={"Accept": "text/html"}).status_code == 200
    assert browser_page.locator("#download-csv").get_attribute("href").endswith("format=csv")
    assert "SELECT" in browser_page.locator("#sparql pre").text_content()
    screenshot(browser_page, "questions-answer")
    browser_page.locator('#answer td[data-col="provision"] a', has_text="第二十二条").first.click()
    browser_page.wait_for_selector(".text")
    assert "烟花爆竹" in browser_page.locator(".text").inner_text()


def test_reader_anchors_and_extracted_facts(browser_page: Any, server: str) -> None:
    browser_page.goto(server + "/read/xinjiang-2018#article-22-item-3")
    item = browser_page.locator("#article-22-item-3")
    assert "烟花爆竹" in item.inner_text()
    facts = item.locator(".facts").inner_text()
    assert "公安部门" in facts and "烟花爆竹" in facts
    assert browser_page.locator("#article-20-paragraph-2-item-1").count() == 1
    screenshot(browser_page, "reader")
    browser_page.goto(server + "/read/hubei")
    commentary = browser_page.locator("aside.commentary")
    assert "答记者问" in commentary.inner_text()
    assert browser_page.locator(".reader aside").count() == 0  # the commentary is not among the provisions


def test_entity_pages(browser_page: Any, server: str) -> None:
    browser_page.goto(server + "/id/organ/xinjiang/public-security")
    assert "新疆" in browser_page.locator("#duties h3").first.inner_text()
    assert browser_page.locator("#duties li").count() >= 7
    assert "公安部门" in browser_page.locator("#designations").inner_text()
    screenshot(browser_page, "entity-organ")
    browser_page.goto(server + "/id/domain/fireworks")
    assert browser_page.locator("#duties li").count() >= 4
    browser_page.goto(server + "/id/role/principal-leader")
    places = browser_page.locator("#duties h3").all_inner_texts()
    # grouped by jurisdiction; Hubei's chapter on duties binds organs, but its 第十七条第一款 (监督检查) obliges the
    # principal leaders of Party committees and governments to report every year
    assert len(places) == 5
    browser_page.goto(server + "/id/jurisdiction/hubei")
    assert browser_page.locator("#organs li").count() >= 5


def test_compare_an_organ_kind_and_a_role(browser_page: Any, server: str) -> None:
    browser_page.goto(server + "/compare")
    choose(browser_page, "#c-organKind", "公安部门")
    browser_page.click("form.ask button")
    browser_page.wait_for_selector("#compare")
    assert browser_page.locator("#compare > section").count() == 5
    assert browser_page.locator("#compare .duty").count() >= 7
    browser_page.goto(server + PAGES["compare"])
    assert browser_page.locator("#compare .tag.add").count() > 0  # local additions and measures not national
    assert browser_page.locator("#compare .tag.hl").count() > 0  # frequencies that differ from the national rule
    screenshot(browser_page, "compare")


def test_completeness_matrix_shows_hubei_gaps(browser_page: Any, server: str) -> None:
    browser_page.goto(server + "/completeness")
    hubei = browser_page.locator('#matrix a.cell.violation[data-place="湖北"]')
    assert hubei.count() == 5
    assert browser_page.locator('#matrix a.cell.warning[data-place="湖北"]').count() == 2
    hubei.first.click()
    detail = browser_page.locator(".cell-detail:target")
    assert detail.is_visible()
    assert "湖北" in detail.inner_text() and "中央规定" in detail.inner_text()
    screenshot(browser_page, "completeness")


def test_sparql_editor_runs_a_query(browser_page: Any, server: str) -> None:
    browser_page.goto(server + "/sparql")
    assert browser_page.locator("#editor .kw").count() > 0  # highlighted
    browser_page.select_option("#examples", "duties-per-jurisdiction")
    browser_page.click("#run")
    browser_page.wait_for_selector("#result-table .result-row")
    assert browser_page.locator("#result-table .result-row").count() == 5
    browser_page.fill("#query", "SELECT ?s WHERE { ?s a <https://w3id.org/safetykg/ontology#Jurisdiction> }")
    browser_page.click("#run")
    from playwright.sync_api import expect  # not wait_for_function: it evals, which the page's policy forbids

    expect(browser_page.locator("#result-table .result-row")).to_have_count(6)
    assert "jurisdiction/" in browser_page.locator("#result-table").inner_text()
    screenshot(browser_page, "sparql")


def test_language_switch(browser_page: Any, server: str) -> None:
    browser_page.goto(server + "/")
    assert browser_page.locator("html").get_attribute("lang") == "zh"
    browser_page.click("#lang-switch")
    browser_page.wait_for_load_state()
    assert browser_page.locator("html").get_attribute("lang") == "en"
    assert "What is inside" in browser_page.locator("main").inner_text()
    browser_page.click('nav a[href^="/completeness"]')  # every link keeps the language: the URL carries it
    browser_page.wait_for_load_state()
    assert browser_page.url.endswith("/completeness?lang=en")
    assert browser_page.locator("html").get_attribute("lang") == "en"
    assert "Hubei" in browser_page.locator("#matrix").inner_text()
    screenshot(browser_page, "completeness-en")
    browser_page.click("#lang-switch")
    assert browser_page.locator("html").get_attribute("lang") == "zh"
    browser_page.goto(server + "/read/hubei")  # nothing but the URL says the language: no cookie
    assert browser_page.locator("html").get_attribute("lang") == "zh"


def test_phone_screen_has_no_horizontal_overflow(browser_page: Any, server: str) -> None:
    browser_page.set_viewport_size(PHONE)
    overflowing = {}
    for name, path in PAGES.items():
        browser_page.goto(server + path)
        width = browser_page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if width[0] > width[1]:
            overflowing[name] = width
        screenshot(browser_page, f"phone-{name}")
    browser_page.set_viewport_size(DESKTOP)
    assert not overflowing, overflowing
