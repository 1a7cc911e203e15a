"""Questions in words typed into the search box, in Chromium: the reading shown as chips above its answer, one
click to change the jurisdiction, and no answer for a question out of scope.

Expected answers from the rules: 新疆细则 第二十二条第（三）项 gives 公安部门 the public security of 烟花爆竹
(its 运输、燃放环节), and 第二十条第一款第（三）项 gives 安全生产监督管理部门 the permits of the 烟花爆竹 field.
Every test runs under the guards of tests/ui_browser.py: no request to another host, no console error.
"""

from typing import Any

import pytest

from tests.ui_browser import DESKTOP, axe_violations, browser_context, browser_page, screenshot

__all__ = ["browser_context", "browser_page"]


@pytest.fixture(autouse=True)
def desktop(browser_page: Any) -> None:
    browser_page.set_viewport_size(DESKTOP)


def ask(page: Any, server: str, words: str, lang: str = "zh") -> None:
    page.goto(server + ("/" if lang == "zh" else "/?lang=en"))
    page.get_by_role("search").get_by_role("searchbox").fill(words)
    page.get_by_role("search").get_by_role("searchbox").press("Enter")
    page.wait_for_selector("#interpretation")


def test_a_question_in_chinese_is_answered_with_its_articles(browser_page: Any, server: str) -> None:
    ask(browser_page, server, "新疆哪些部门负责烟花爆竹监管？")
    chips = browser_page.locator("#chips").inner_text()
    assert "新疆维吾尔自治区" in chips and "烟花爆竹" in chips
    answer = browser_page.locator("#reading-answer #answer").inner_text()
    assert "公安部门（新疆）" in answer and "新疆细则 第二十二条第（三）项" in answer
    assert "新疆细则 第二十条第一款第（三）项" in answer
    assert not axe_violations(browser_page)
    screenshot(browser_page, "search-question-zh")
    # one click changes the jurisdiction: the same question asked of another place
    browser_page.locator("#chips .chip-others a", has_text="湖北省").click()
    browser_page.wait_for_selector("#interpretation")
    assert "湖北省" in browser_page.locator("#chips .chip-value").first.inner_text()
    assert "新疆细则" not in browser_page.locator("#reading-answer").inner_text()


def test_a_question_in_english(browser_page: Any, server: str) -> None:
    ask(browser_page, server, "which departments regulate fireworks in Xinjiang?", "en")
    assert "Departments regulating a hazard" in browser_page.locator("#interpretation .reading").inner_text()
    answer = browser_page.locator("#reading-answer #answer").inner_text()
    assert "新疆细则 第二十二条第（三）项" in answer
    assert not axe_violations(browser_page)
    screenshot(browser_page, "search-question-en")


def test_a_question_out_of_scope_gets_no_answer(browser_page: Any, server: str) -> None:
    ask(browser_page, server, "湖北省的GDP是多少？")
    assert browser_page.locator("#reading-answer").count() == 0
    said = browser_page.locator("#reading-none").inner_text()
    assert "“GDP”" in said
    assert not axe_violations(browser_page)
