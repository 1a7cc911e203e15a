"""A copy whose line breaks were lost, read as its rule: each chapter one line, its articles, paragraphs and items run
on (柳塘县's 办法 as a web page gave it, tests/rules/liutang-2046.txt)."""

import pytest

from tests.layout_reading import parse_rule, parse_text

pytestmark = pytest.mark.unit


def test_articles_and_paragraphs_run_on_in_a_chapter_s_line_are_cut_where_they_start() -> None:
    text = "\n".join(
        [
            "第一章　总则第一条　为了测试，制定本办法。第二条　本办法适用于县委、县政府领导班子成员。"
            "　　乡镇党政领导干部参照本办法执行。",
            "第二章　职责第三条　县委书记的安全生产职责主要包括：（一）每季度至少召开1次会议；（二）依照本办法第二条督促检查。"
            "　　第四条　县长每年至少带队检查2次。",
        ]
    )
    doc = parse_text(text)
    assert [(chapter.number, chapter.title) for chapter in doc.chapters] == [(1, "总则"), (2, "职责")]
    articles = [article for chapter in doc.chapters for article in chapter.articles]
    assert [article.number for article in articles] == [1, 2, 3, 4]
    assert [p.text for p in articles[1].paragraphs] == [
        "本办法适用于县委、县政府领导班子成员。",
        "乡镇党政领导干部参照本办法执行。",
    ]
    # 第二条 cited inside an item is not an article's heading
    assert [item.text for item in articles[2].paragraphs[0].items] == [
        "每季度至少召开1次会议；",
        "依照本办法第二条督促检查。",
    ]


def test_a_heading_cited_in_a_sentence_or_out_of_order_is_text() -> None:
    doc = parse_text(
        "第一章　总则第一条　为了测试，依照本办法第二条制定本办法。第三条规定的事项另行规定。第二条　本办法自印发之日起施行。"
    )
    articles = doc.chapters[0].articles
    assert [article.number for article in articles] == [1, 2]
    assert articles[0].paragraphs[0].text == "为了测试，依照本办法第二条制定本办法。第三条规定的事项另行规定。"


def test_the_run_on_copy_reads_as_its_eighteen_articles_and_its_site_footer_is_closing_matter() -> None:
    doc = parse_rule("liutang-2046")
    assert [len(chapter.articles) for chapter in doc.chapters] == [3, 5, 3, 2, 3, 2]
    last = doc.chapters[-1].articles[-1]
    assert [p.text for p in last.paragraphs] == [
        "本办法自2046年5月1日起施行。2039年印发的《柳塘县安全生产党政同责暂行办法》同时废止。"
    ]
    assert doc.trailing.startswith("主办单位：")
