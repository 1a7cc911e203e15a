"""A rule as `pdftotext -layout` writes a county's PDF (沙泉县's 办法, tests/rules/shaquan-2052.txt): a form feed before
each page, the issuing office's name as a running head at every page's top (no signature closing the rule), centred
headings and page numbers, hard-wrapped lines; and lists bulleted with a dash pair (——) rather than numbered."""

import pytest

from tests.layout_reading import parse_rule, parse_text

pytestmark = pytest.mark.unit

HEAD = " " * 60 + "中共某县委办公室"
PAGE = " " * 35 + "- {} -"


def _pages(*pages: list[str]) -> str:
    """Pages as pdftotext prints them: the running head at each page's top, a form feed before every page but the
    first, the page number at its foot."""
    out: list[str] = []
    for number, lines in enumerate(pages, start=1):
        out += [("\f" if number > 1 else "") + HEAD, "", *lines, "", PAGE.format(number), ""]
    return "\n".join(out)


BULLETED = _pages(
    [
        " " * 30 + "某县党政领导干部安全生产责任制实施办法",
        "",
        " " * 30 + "第一章　　总　　则",
        "",
        "    第一条　为了落实安全生产责任，制定本办法。",
        "    第二条　乡（镇）党委和政府主要负责人应当：",
        "    ——每季度至少召开1次党委会议，专题研究安全生产",
        "工作；",
        "    ——每月至少组织开展1次安全隐患排查。",
    ],
    [
        "    第三条　县应急管理局应当：",
        "    ——每半年向县人民政府报告1次安全生产工作情况；",
        "    ——组织开展安全生产检查。",
        "    检查结果应当通报。",
        "    第四条　本办法自2052年4月1日起施行。",
    ],
    ["    （本页无正文）"],
)


def test_the_running_head_at_every_page_s_top_is_no_signature_closing_the_rule() -> None:
    # the office's name alone on a line after an article would be a signature; printed at every page's top it is a
    # running head, and the rule goes on after it
    doc = parse_text(BULLETED)
    assert [a.number for a in doc.articles] == [1, 2, 3, 4]
    assert [p.text for p in doc.articles[-1].paragraphs] == ["本办法自2052年4月1日起施行。"]
    assert "中共某县委办公室" in [text for _, text in doc.dropped]
    assert "（本页无正文）" in [text for _, text in doc.dropped]  # a page left without text is no paragraph


def test_entries_bulleted_with_a_dash_pair_are_items_numbered_by_their_place() -> None:
    doc = parse_text(BULLETED)
    second = doc.article(2).paragraphs
    assert second[0].text == "乡（镇）党委和政府主要负责人应当："
    assert [(i.number, i.marker, i.text) for i in second[0].items] == [
        (1, "——", "每季度至少召开1次党委会议，专题研究安全生产工作；"),
        (2, "——", "每月至少组织开展1次安全隐患排查。"),
    ]
    third = doc.article(3).paragraphs
    assert [i.number for i in third[0].items] == [1, 2]  # a new list begins at 1
    assert [p.text for p in third] == ["县应急管理局应当：", "检查结果应当通报。"]  # a paragraph after the list


def test_the_county_s_pdf_text_reads_as_its_twenty_articles() -> None:
    doc = parse_rule("shaquan-2052")
    assert [len(c.articles) for c in doc.chapters] == [3, 4, 6, 2, 3, 2]
    # 第七条's four bulleted entries, and 第八条's after its second paragraph's lead-in (乡（镇）党委和政府主要负责人应当：)
    assert [i.marker for i in doc.article(7).paragraphs[0].items] == ["——"] * 4
    assert [len(p.items) for p in doc.article(8).paragraphs] == [0, 4]
