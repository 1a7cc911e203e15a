"""The search box in Chromium, as a person uses it: from the home page by keyboard, the hits marked, a filter chosen,
a hit followed into the reader; axe-core on the search pages in Chinese and English, on a desktop and a phone.

The expected hits are the lines of the regulation texts that contain the term (tests/test_search.py reads them).
Every test runs under the guards of tests/ui_browser.py: no request to another host, no console error.
"""

import json
import re
from typing import Any
from urllib.parse import quote

import pytest

from tests.test_search import TERM, lines_mentioning, squeezed
from tests.ui_browser import ARTIFACTS, DESKTOP, PHONE, axe_violations, browser_context, browser_page, screenshot

__all__ = ["browser_context", "browser_page"]


@pytest.fixture(autouse=True)
def desktop(browser_page: Any) -> None:
    browser_page.set_viewport_size(DESKTOP)


def test_search_from_the_home_page_by_keyboard_into_the_reader(browser_page: Any, server: str) -> None:
    from playwright.sync_api import expect

    expected = lines_mentioning(TERM)
    browser_page.goto(server + "/")
    for _ in range(30):  # the search box is reached with Tab, as every link of the navigation is
        browser_page.keyboard.press("Tab")
        if browser_page.evaluate("document.activeElement.id") == "site-q":
            break
    assert browser_page.evaluate("document.activeElement.id") == "site-q"
    assert browser_page.get_by_role("search").get_by_label("搜索条文").count() == 1
    browser_page.keyboard.type(TERM)
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url(f"**/search?q={quote(TERM)}")
    hits = browser_page.locator("#hits li.hit")
    assert hits.count() == len(expected) == 7
    for i in range(hits.count()):
        marks = hits.nth(i).locator("mark").all_inner_texts()
        assert marks and set(marks) == {TERM}
    assert browser_page.locator("#q").input_value() == TERM
    screenshot(browser_page, "search-hits-zh")
    # the hit whose line is the third expected one, followed into the reader
    _, article, item, line = expected[2]
    link = hits.locator("a", has_text=re.compile(f"{article}.*第{item}项$"))
    assert link.count() == 1
    href = link.get_attribute("href")
    link.click()
    browser_page.wait_for_url(f"**{href}")
    target = browser_page.locator(":target")
    assert target.get_attribute("id") == href.split("#", 1)[1]
    expect(target).to_be_in_viewport()
    assert TERM in target.inner_text() and squeezed(target.inner_text()).find(squeezed(line)[3:20]) >= 0
    assert _clear_of_the_header(browser_page)


def _clear_of_the_header(page: Any) -> bool:
    """Whether the provision a link landed on starts below the header (not hidden under it)."""
    return bool(
        page.evaluate(
            "document.querySelector(':target').getBoundingClientRect().top >= "
            "document.querySelector('header').getBoundingClientRect().bottom - 1"
        )
    )


def test_a_filter_narrows_the_hits_to_its_count(browser_page: Any, server: str) -> None:
    browser_page.goto(f"{server}/search?q={quote('安全 检查')}")
    total = browser_page.locator("#hits li.hit").count()
    option = (
        browser_page.locator("#facets section.facet").filter(has=browser_page.locator("#facet-domain")).locator("li")
    )
    first = option.first
    count = int(first.locator(".count-of").inner_text())
    assert 0 < count <= total
    first.locator("a").click()
    browser_page.wait_for_url("**domain=*")
    assert browser_page.locator("#hits li.hit").count() == count
    assert browser_page.locator("#facet-domain ~ ul strong[aria-current]").count() == 1
    browser_page.get_by_role("link", name=re.compile("^不限$")).first.click()  # the filter's "any" takes it off
    browser_page.wait_for_url(re.compile(r"/search\?q=[^&]*$"))
    assert browser_page.locator("#hits li.hit").count() == total


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_english_search_keeps_the_language_and_lands_clear_of_the_header(
    browser_page: Any, server: str, size: str
) -> None:
    browser_page.set_viewport_size(PHONE if size == "phone" else DESKTOP)
    browser_page.goto(server + "/compare?lang=en")
    box = browser_page.get_by_role("search").get_by_label("Search the provisions")
    box.fill(TERM)
    box.press("Enter")
    browser_page.wait_for_url("**/search?q=*lang=en")
    assert browser_page.locator("html").get_attribute("lang") == "en"
    link = browser_page.locator("#hits li.hit a").first
    assert "lang=en" in link.get_attribute("href")
    link.click()
    browser_page.wait_for_url("**/read/**lang=en#*")
    assert _clear_of_the_header(browser_page)
    width = browser_page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], width


PAGES = {
    "search-hits": f"/search?q={quote(TERM)}",
    "search-filtered": f"/search?q={quote('安全')}&function=duties",
    "search-empty": "/search",
    "search-not-understood": f"/search?q={quote(TERM)}&organ=nothing-at-all",
    "home": "/",
}


@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_nothing_serious_on_the_search_pages(
    browser_page: Any, server: str, name: str, lang: str, size: str
) -> None:
    browser_page.set_viewport_size(PHONE if size == "phone" else DESKTOP)
    path = PAGES[name]
    response = browser_page.goto(f"{server}{path}{'&' if '?' in path else '?'}lang={lang}")
    assert response.status == (400 if name == "search-not-understood" else 200)
    found = axe_violations(browser_page)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{name}-{lang}-{size}.json").write_text(json.dumps(found, ensure_ascii=False, indent=1))
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']}: " + "; ".join(n["target"] for n in v["nodes"])
        for v in found
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(serious)
    width = browser_page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], width
    if size == "phone" and name == "search-hits":
        screenshot(browser_page, f"search-hits-{lang}-phone")
