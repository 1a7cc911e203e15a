"""The OCR of a faxed copy read as its rule: the fax machine's header at every page's top, page marks (（第3页）) and
specks at a page's foot, an item broken across two pages (杉口乡's 办法 as a fax gave it, tests/rules/shankou-2047.txt)."""

import pytest

from safetykg.corpus.layout import read_preamble
from tests.layout_reading import LAYOUT, parse_rule

pytestmark = pytest.mark.unit

FAX_HEADER = "2047-04-08 09:42  FROM:0571-46003218  柳塘县杉口乡党政办  TO:0571-46115020  P.004/006"


def test_a_fax_header_a_page_mark_and_specks_are_page_furniture() -> None:
    for line in (FAX_HEADER, "（第3页）", "第12页", "■", "・", "- - - - - - - - - -"):
        assert LAYOUT.is_furniture(line), line
    # a line of the rule that names a time or a page is text
    for line in ("（一）每月至少召开1次会议；", "第三条　本办法自印发之日起施行。", "从8:00起值班。"):
        assert not LAYOUT.is_furniture(line), line


def test_the_fax_s_date_is_not_the_date_of_issue() -> None:
    # the notice is dated 2047年4月3日; the fax that carried it, 2047-04-08, on every page's header
    lines = [
        "中共杉口乡委员会　　　　杉口乡人民政府",
        "2047年4月3日",
        FAX_HEADER,
        "杉口乡党政领导干部安全生产责任制实施办法",
    ]
    assert str(read_preamble(lines, LAYOUT).issued) == "2047-04-03"


def test_the_faxed_copy_reads_as_its_sixteen_articles_with_an_item_across_a_page_break() -> None:
    doc = parse_rule("shankou-2047")
    articles = [article for chapter in doc.chapters for article in chapter.articles]
    assert [article.number for article in articles] == list(range(1, 17))
    # 第五条 (三) runs on after the page's mark and the next page's fax header
    assert articles[4].paragraphs[0].items[2].text == (
        "组织制定本乡安全生产年度工作计划和生产安全事故应急预案，督促各村（社区）和乡属有关单位落实安全生产责任；"
    )
    dropped = {line for _, line in doc.dropped}
    assert {"（第3页）", "（第4页）", "・"} <= dropped
