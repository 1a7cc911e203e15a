"""A consolidated text after an amendment that inserted articles keeping the others' numbers (第九条之一, 第九条之二):
each inserted article is an article of its own after the one it is numbered after, with its own IRI (article/9a),
citation (第九条之一) and place in the reader; one out of order stops the build at its line."""

from datetime import date
from pathlib import Path

import pytest

from safetykg.core.errors import SourceError
from safetykg.corpus.layout import Amendment, read_preamble
from safetykg.corpus.provisions import ProvisionRef
from tests.layout_reading import LAYOUT, parse_text

pytestmark = pytest.mark.unit

AMENDED = """某市党政领导干部安全生产责任制实施办法
第一章　总则
第一条　为了落实安全生产责任，制定本办法。
第二条　本办法适用于市、县两级党政领导干部。
第二条之一　党政主要负责人是本地区安全生产第一责任人。
第二条之二　领导班子其他成员对分管范围内的安全生产工作负领导责任。
第二章　职责
第三条　市委、市政府主要负责人应当履行下列职责：
（一）每季度至少召开1次会议研究安全生产工作；
（二）依照本办法第二条之一的规定履行第一责任人职责。
第三条之一　本办法自2051年1月1日起施行。
"""


def test_inserted_articles_are_articles_of_their_own_after_the_one_they_are_numbered_after() -> None:
    doc = parse_text(AMENDED)
    assert [(a.number, a.inserted, a.designation, a.marker) for a in doc.articles] == [
        (1, 0, "1", "第一条"),
        (2, 0, "2", "第二条"),
        (2, 1, "2a", "第二条之一"),
        (2, 2, "2b", "第二条之二"),
        (3, 0, "3", "第三条"),
        (3, 1, "3a", "第三条之一"),
    ]
    assert doc.article(2, 1).paragraphs[0].text == "党政主要负责人是本地区安全生产第一责任人。"
    assert [a.designation for a in doc.chapters[0].articles] == ["1", "2", "2a", "2b"]
    # an inserted article cited mid-sentence is a citation, not a heading
    assert doc.article(3).paragraphs[0].items[1].text == "依照本办法第二条之一的规定履行第一责任人职责。"


def test_an_inserted_article_has_its_own_iri_and_citation() -> None:
    doc = parse_text(AMENDED)
    ref = ProvisionRef.of("some-rule", doc.article(2, 1))
    assert str(ref.iri).endswith("/regulation/some-rule/article/2a")
    assert ref.citation("某市办法") == "某市办法 第二条之一"
    item = ProvisionRef.of("some-rule", doc.article(3)).item_of(2)
    assert str(item.iri).endswith("/article/3/item/2")
    assert ProvisionRef.of("some-rule", doc.article(2)).article_key != ref.article_key


def test_an_inserted_article_out_of_order_stops_the_build_at_its_line() -> None:
    skipped = AMENDED.replace("第二条之一　党政主要负责人是本地区安全生产第一责任人。\n", "")
    with pytest.raises(SourceError) as raised:
        parse_text(skipped, path=Path("amended.txt"))
    assert "amended.txt:5" in str(raised.value)
    assert "第二条之二" in str(raised.value)


def test_a_compiler_s_note_on_an_amendment_is_not_text_and_is_recorded_as_dropped() -> None:
    # as 芦湾市's consolidated text (tests/rules/luwan-2051.txt) prints them after an amended article: a note ending in
    # no sentence's end, so that the next article's heading would otherwise be read as its text
    noted = AMENDED.replace(
        "第二条之二　", "〔注：本条根据2051年3月28日《某市关于修改〈某市办法〉的决定》增加〕\n第二条之二　"
    ).replace("第三条　", "【注】本条第二款系修订时删除\n第三条　")
    doc = parse_text(noted)
    assert [a.designation for a in doc.articles] == ["1", "2", "2a", "2b", "3", "3a"]
    assert doc.article(2, 1).full_text() == "党政主要负责人是本地区安全生产第一责任人。"
    assert [text for _, text in doc.dropped] == [
        "〔注：本条根据2051年3月28日《某市关于修改〈某市办法〉的决定》增加〕",
        "【注】本条第二款系修订时删除",
    ]
    # a rule's own sentence on amending is text (第十七条　本办法的修改，由…提出。)
    assert not LAYOUT.is_amendment_note("本办法的修改，由市应急管理局提出。")


def test_the_history_under_a_consolidated_text_s_title_names_its_first_issue_and_its_amendments() -> None:
    # 芦湾市's history (tests/rules/luwan-2051.txt): first issued 2048年4月16日, amended 2051年3月28日
    lines = [
        "芦湾市党政领导干部安全生产责任制实施办法",
        "（2048年4月16日中共芦湾市委办公室、芦湾市人民政府办公室印发",
        "根据2051年3月28日《中共芦湾市委办公室、芦湾市人民政府办公室关于修改〈芦湾市党政领导干部安全生产责任制实施办法〉的决定》修订）",
    ]
    facts = read_preamble(lines, LAYOUT)
    assert facts.issued == date(2048, 4, 16)
    assert facts.issuers == ("中共芦湾市委办公室", "芦湾市人民政府办公室")
    assert facts.amendments == (
        Amendment(
            "中共芦湾市委办公室、芦湾市人民政府办公室关于修改〈芦湾市党政领导干部安全生产责任制实施办法〉的决定",
            date(2051, 3, 28),
        ),
    )
