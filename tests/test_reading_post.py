"""A rule reposted in a WeChat official-account article, copied as text from a phone, read as its rule: the post's
headline, account line and intro before it, [图片] and emoji lines between its parts, chapter and section headings
decorated (▍, ◆ … ◆, 【…】, — … —, ●), and the post's footer after it (澄阳省's 细则, tests/rules/chengyang-2050.txt)."""

import pytest

from safetykg.corpus.layout import read_preamble
from safetykg.corpus.parser import is_heading
from tests.layout_reading import LAYOUT, last_article_and_after, parse_rule

pytestmark = pytest.mark.unit


def test_the_marks_decorating_a_heading_are_not_its_words() -> None:
    for decorated, heading in (
        ("▍第一章　总则", "第一章　总则"),
        ("◆ 第二章 安全生产职责 ◆", "第二章 安全生产职责"),
        ("【第三章　考核考察】", "第三章　考核考察"),
        ("— 第五章　附则 —", "第五章　附则"),
        ("● 第一节　党委领导干部职责", "第一节　党委领导干部职责"),
    ):
        assert LAYOUT.undecorated(decorated, is_heading) == heading
    # marks around words that are no heading stay: an editor's caption, a list's bullet, a bracketed title
    for line in ("【释义】本条是关于…的规定。", "● 各级党委", "【重磅】全文发布"):
        assert LAYOUT.undecorated(line, is_heading) == line


def test_a_picture_s_place_and_a_line_of_emoji_are_page_furniture() -> None:
    for line in ("[图片]", "【图片】", "[image]", "🔥🔥🔥", "👇👇👇", "📌 📌 📌"):
        assert LAYOUT.is_furniture(line), line
    for line in ("（一）每季度至少召开1次会议🔥", "第一条　[图片]见附件。"):
        assert not LAYOUT.is_furniture(line), line


def test_a_date_before_the_issuers_in_a_bracketed_line_is_not_their_name() -> None:
    lines = ["澄阳省党政领导干部安全生产责任制实施细则", "（2050年3月5日中共澄阳省委办公厅　澄阳省人民政府办公厅印发）"]
    assert read_preamble(lines, LAYOUT).issuers == ("中共澄阳省委办公厅", "澄阳省人民政府办公厅")


def test_a_post_s_footer_after_the_last_article_is_closing_matter() -> None:
    paragraphs, after = last_article_and_after(
        [
            "第一条　为了落实责任，制定本办法。",
            "第二条　本办法自印发之日起施行。",
            "",
            "来源：某省应急管理厅",
            "编辑：张三",
        ]
    )
    assert paragraphs == ["本办法自印发之日起施行。"]
    assert after.startswith("来源：某省应急管理厅")


def test_the_post_reads_as_its_nineteen_articles_in_three_sections() -> None:
    doc = parse_rule("chengyang-2050")
    assert [(c.number, c.title) for c in doc.chapters] == [
        (1, "总则"),
        (2, "安全生产职责"),
        (3, "考核考察"),
        (4, "责任追究"),
        (5, "附则"),
    ]
    assert [(s.number, s.title) for s in doc.chapters[1].sections] == [
        (1, "党委领导干部职责"),
        (2, "政府领导干部职责"),
        (3, "有关部门和机构职责"),
    ]
    articles = doc.articles
    assert [article.number for article in articles] == list(range(1, 20))
    # 第十九条 ends the rule: the post's footer (来源：…, 往期推荐 citing 《…办法》第三条) is not its text
    assert len(articles[18].paragraphs) == 1
    assert doc.trailing.startswith("来源：")
