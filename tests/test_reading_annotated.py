"""An annotated edition (条文释义本) read as its rule: the editors' notes after each article, a book's running heads with
bare page numbers, a foreword citing another rule's number, an afterword (栖凤市's 办法 as printed with its 释义,
tests/rules/qifeng-2045.txt)."""

import pytest

from safetykg.corpus.layout import read_preamble
from safetykg.corpus.pages import running_heads
from tests.layout_reading import LAYOUT, parse_rule, parse_text

pytestmark = pytest.mark.unit


def test_an_editor_s_note_runs_from_its_caption_to_the_next_article() -> None:
    text = "\n".join(
        [
            "第一章　总则",
            "第一条　为了测试，制定本办法。",
            "【条文主旨】本条是关于立法目的的规定。",
            "【释义】",
            "本条规定了目的，有以下几点：",
            "（一）加强领导；",
            "（二）健全责任制。",
            "第三条规定的内容与本条相衔接。",  # a note quoting another article's heading does not end it
            "第二条　市长每季度至少召开1次会议研究安全生产工作。",
            "【释义】也就是说，一年至少四次。",
        ]
    )
    doc = parse_text(text)
    articles = [article for chapter in doc.chapters for article in chapter.articles]
    assert [article.number for article in articles] == [1, 2]
    assert [p.text for p in articles[0].paragraphs] == ["为了测试，制定本办法。"]
    assert not articles[0].paragraphs[0].items
    assert [p.text for p in articles[1].paragraphs] == ["市长每季度至少召开1次会议研究安全生产工作。"]
    dropped = [line for _, line in doc.dropped]
    assert "【条文主旨】本条是关于立法目的的规定。" in dropped and "第三条规定的内容与本条相衔接。" in dropped


def test_a_book_s_running_head_with_a_bare_page_number_and_a_chapter_heading_repeated_at_a_page_s_top() -> None:
    lines = [
        "2　《栖凤市党政领导干部安全生产责任制实施办法》释义",
        "　　　　第二章　党委领导班子及其成员职责",
        "第五条　市委主要负责人履行下列安全生产职责：",
        "4　《栖凤市党政领导干部安全生产责任制实施办法》释义",
        "第二章　党委领导班子及其成员职责　　6",
    ]

    def numbered(text: str) -> bool:
        return text.startswith("第")

    assert running_heads(lines, LAYOUT, numbered) == {
        "2《栖凤市党政领导干部安全生产责任制实施办法》释义",
        "4《栖凤市党政领导干部安全生产责任制实施办法》释义",
        "第二章党委领导班子及其成员职责6",
    }
    # one line with a number at its end, its words printed nowhere else, is text
    assert running_heads(["市长每年至少督查检查 2", "第五条　…"], LAYOUT, numbered) == set()


def test_a_number_in_brackets_after_a_cited_title_is_that_document_s_number() -> None:
    # the foreword of 栖凤市's annotated edition cites the province's rule with its number before the rule's own
    lines = [
        "《实施办法》以《青岚省党政领导干部安全生产责任制实施细则》（青委办发〔2019〕12号）为依据。",
        "栖凤市党政领导干部安全生产责任制实施办法",
        "（中共栖凤市委办公室　栖凤市人民政府办公室",
        "2045年3月18日印发　栖办发〔2045〕7号）",
    ]
    assert read_preamble(lines, LAYOUT).number == "栖办发〔2045〕7号"
    # spaces around the brackets are closed up
    assert read_preamble(["青委办发 〔2019〕 12号"], LAYOUT).number == "青委办发〔2019〕12号"


def test_the_annotated_edition_reads_as_its_twenty_articles_with_no_note_in_them() -> None:
    doc = parse_rule("qifeng-2045")
    chapters = doc.chapters
    assert [chapter.number for chapter in chapters] == [1, 2, 3, 4, 5, 6, 7]
    articles = [article for chapter in chapters for article in chapter.articles]
    assert [article.number for article in articles] == list(range(1, 21))
    texts = [article.full_text() for article in articles]
    assert not any("释义" in text or "条文主旨" in text or "也就是说" in text for text in texts)
    # 第八条 (三) is broken by a page's foot (· 7 ·) and the next page's running head; it reads on as one item
    item = articles[7].paragraphs[0].items[2]
    assert item.text == (
        "每季度至少主持召开1次市政府常务会议研究安全生产工作，定期听取市政府其他副市长履行安全生产职责情况的汇报，"
        "每年至少带队开展2次安全生产督查检查；"
    )
    # the book's afterword (后　　记) after the last article's notes is closing matter, not the rule's
    assert doc.trailing.startswith("后")
    assert "后" not in texts[-1]
