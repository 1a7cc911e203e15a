"""A rule copied out of a government gazette (政府公报) read as its rule: the issue's masthead and contents, the rule's
own contents with dot leaders and pages, running heads and page feet (· 18 ·) breaking sentences mid-word, and the
gazette's next document printed right after the rule's last article (鹤汀市's 办法, tests/rules/heting-2048.txt)."""

import pytest

from tests.layout_reading import LAYOUT, last_article_and_after, parse_rule, parse_text

pytestmark = pytest.mark.unit

CONTENTS = "第一章　总　　则…………………………………………………………（1）"


def test_a_contents_entry_ends_in_a_leader_and_a_page() -> None:
    for line in (CONTENTS, "第二章　职　　责……………（3）", "第三章　考核 ........ 12", "第四章　附则⋯⋯⋯⋯5"):
        assert LAYOUT.lists_a_page(line), line
    # a heading of the body, and a sentence with an ellipsis, are not
    for line in ("第一章　总　　则", "第一条　每季度至少召开1次会议……", "（三）……等工作。"):
        assert not LAYOUT.lists_a_page(line), line


def test_the_body_starts_after_contents_whose_entries_list_their_pages() -> None:
    # the entries, with their leaders, are never printed again as they stand: the body's heading has no page
    text = "\n".join(
        [
            "某市办法",
            "目　　录",
            CONTENTS,
            "第二章　附　　则…………………………………………………………（3）",
            "",
            "第一章　总　　则",
            "第一条　为了落实安全生产责任，制定本办法。",
            "第二章　附　　则",
            "第二条　本办法自印发之日起施行。",
        ]
    )
    doc = parse_text(text)
    assert [(c.number, c.title) for c in doc.chapters] == [(1, "总则"), (2, "附则")]
    assert "目　　录" in doc.preamble and CONTENTS in doc.preamble


def test_a_document_after_the_rule_with_its_title_and_number_is_not_the_rule() -> None:
    paragraphs, after = last_article_and_after(
        [
            "第一条　为了落实安全生产责任，制定本办法。",
            "第二条　本办法自2048年4月1日起施行。",
            "",
            "某市人民政府关于公布第三批",
            "市级项目名录的通知",
            "某政发〔2048〕4号",
            "",
            "各县（市、区）人民政府：",
            "　　现将名录予以公布。",
        ]
    )
    assert paragraphs == ["本办法自2048年4月1日起施行。"]
    assert after.startswith("某市人民政府关于公布第三批\n市级项目名录的通知\n某政发〔2048〕4号")


def test_the_gazette_copy_reads_as_its_eighteen_articles() -> None:
    doc = parse_rule("heting-2048")
    articles = doc.articles
    assert [article.number for article in articles] == list(range(1, 19))
    # 第三条第二款 runs on across the page's foot (· 18 ·) and the next page's running head (市州文件), mid-word
    assert articles[2].paragraphs[1].text == (
        "市、县（市、区）党委和政府主要负责人是本地区安全生产第一责任人，对本地区安全生产工作负总责；"
        "班子其他成员对分管范围内的安全生产工作负领导责任。"
    )
    # 第十八条 ends the rule: the gazette's next notice (鹤政发〔2048〕4号) is not its text
    assert len(articles[17].paragraphs) == 1
    assert doc.trailing.startswith("鹤汀市人民政府关于公布第三批市级")
