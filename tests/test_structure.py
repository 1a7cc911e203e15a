"""The parsed structure of the five regulations, checked against the texts."""

import pytest

from safetykg.corpus.model import ParsedDocument
from safetykg.corpus.numerals import parse_chinese_numeral, to_chinese_numeral

EXPECTED_SHAPE = {
    "national-2018": (6, 29),
    "guiyang": (7, 29),
    "hubei": (5, 20),
    "hebei": (7, 31),
    "xinjiang-2018": (8, 86),
}


@pytest.mark.parametrize(("doc_id", "shape"), EXPECTED_SHAPE.items())
def test_chapter_and_article_counts(docs: dict[str, ParsedDocument], doc_id: str, shape: tuple[int, int]) -> None:
    doc = docs[doc_id]
    assert (len(doc.chapters), len(doc.articles)) == shape
    assert [a.number for a in doc.articles] == list(range(1, shape[1] + 1))


def item_count(doc: ParsedDocument, article: int) -> int:
    return sum(len(p.items) for p in doc.article(article).paragraphs)


def test_xinjiang_article_22_has_seven_items(docs: dict[str, ParsedDocument]) -> None:
    # 第二十二条 公安部门…：（一）消防 … （七）道路交通事故、火灾事故调查处理
    assert item_count(docs["xinjiang-2018"], 22) == 7


def test_hebei_article_5_has_nine_items_despite_ocr(docs: dict[str, ParsedDocument]) -> None:
    # 第五条 各级党委主要负责人安全生产职责主要包括：（一）…（九）支持人大、政协监督安全生产工作
    doc = docs["hebei"]
    assert item_count(doc, 5) == 9
    items = doc.article(5).paragraphs[0].items
    assert items[8].text == "支持人大、政协监督安全生产工作，统筹协调各方面重视支持安全生产工作。"
    # (二) runs across a blank line inside "乡\n\n（镇）": one item, not two
    assert "各类功能区党工委、乡（镇）党委、街道党工委每月至少召开1次党政联席会研究安全生产工作；" in items[1].text


def test_hubei_article_6_has_eleven_items(docs: dict[str, ParsedDocument]) -> None:
    assert item_count(docs["hubei"], 6) == 11


def test_guiyang_article_7_items_and_subitems(docs: dict[str, ParsedDocument]) -> None:
    # 第七条: six fields (社会治理和群团组织, 纪检监察, 组织人事, 宣传, 政法, 统战) with numbered sub-items
    article = docs["guiyang"].article(7)
    assert len(article.paragraphs) == 1
    items = article.paragraphs[0].items
    assert [len(item.subitems) for item in items] == [3, 3, 5, 3, 3, 3]
    assert items[2].subitems[4].text.startswith("在党代表、人大代表候选人推荐提名")


def test_guiyang_item_broken_across_lines_is_one_item(docs: dict[str, ParsedDocument]) -> None:
    # 第六条第（六）项 is printed over two lines, the second starting with “一票否决”
    item = docs["guiyang"].article(6).paragraphs[0].items[5]
    assert item.text.startswith("严格安全准入标准")
    assert "实行重大安全风险“一票否决”，加强产业政策引导" in item.text
    assert item_count(docs["guiyang"], 6) == 9


def test_guiyang_bookmark_artefact_and_tabs_are_gone(docs: dict[str, ParsedDocument]) -> None:
    item = docs["guiyang"].article(18).paragraphs[0].items[2]  # 第十八条第（三）项
    assert item.text.startswith("为生产安全事故或存在其他安全生产违法行为的责任部门")
    assert "bookmark" not in docs["guiyang"].body_text()
    assert "\t" not in docs["guiyang"].body_text()


def test_hebei_ocr_spaces_removed(docs: dict[str, ParsedDocument]) -> None:
    # 第四条: "管 业 务 必 须 管 安 全" in the print
    text = docs["hebei"].article(4).paragraphs[0].text
    assert text.endswith("坚持管行业必须管安全、管业务必须管安全、管生产经营必须管安全。")
    assert " " not in docs["hebei"].body_text()


def test_hebei_article_10_item_keeps_its_second_paragraph(docs: dict[str, ParsedDocument]) -> None:
    # 第十条第（二）项 continues with "对相关生产经营单位…" before （三）: it stays in item (二)
    items = docs["hebei"].article(10).paragraphs[0].items
    assert len(items) == 4
    assert items[1].text.split("\n")[1].startswith("对相关生产经营单位落实安全生产法律法规情况进行监督检查")


def test_hebei_news_is_not_a_provision(docs: dict[str, ParsedDocument]) -> None:
    doc = docs["hebei"]
    assert doc.articles[-1].number == 31
    assert (
        doc.article(31).full_text()
        == "本细则自印发之日起施行，《河北省安全生产“党政同责、一岗双责”暂行规定》同时废止。"
    )
    for news in ("上接第一版", "巡视组", "安比", "王东峰"):
        assert news not in doc.body_text()


def test_xinjiang_second_paragraph_with_its_own_items(docs: dict[str, ParsedDocument]) -> None:
    # 第二十条 第二款: 有立法权的人民政府的安全生产监督管理部门主要负责人的安全生产职责还应包括：（一）（二）
    paragraphs = docs["xinjiang-2018"].article(20).paragraphs
    assert [len(p.items) for p in paragraphs] == [9, 2]
    assert paragraphs[1].text == "有立法权的人民政府的安全生产监督管理部门主要负责人的安全生产职责还应包括："
    # 第十九条: two paragraphs, eight and six items
    assert [len(p.items) for p in docs["xinjiang-2018"].article(19).paragraphs] == [8, 6]


def test_xinjiang_metadata_header_parsed(docs: dict[str, ParsedDocument]) -> None:
    header = docs["xinjiang-2018"].header_fields
    assert header["文号"] == "新党厅字〔2018〕76号"
    assert header["效力级别"] == "地方党内法规"
    assert header["时效性"] == "现行有效"


@pytest.mark.parametrize(
    ("doc_id", "titles"),
    [
        ("national-2018", ["总则", "职责", "考核考察", "表彰奖励", "责任追究", "附则"]),
        ("guiyang", ["总则", "职责", "考核考察", "表彰奖励", "问责", "免责", "附则"]),
        ("hebei", ["总则", "党委、政府领导干部职责", "部门领导干部职责", "考核考察", "表彰奖励", "责任追究", "附则"]),
    ],
)
def test_chapter_titles_kept(docs: dict[str, ParsedDocument], doc_id: str, titles: list[str]) -> None:
    assert [c.title for c in docs[doc_id].chapters] == titles


@pytest.mark.parametrize(
    ("text", "value"), [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("八十六", 86), ("一百零五", 105)]
)
def test_chinese_numerals(text: str, value: int) -> None:
    assert parse_chinese_numeral(text) == value
    assert to_chinese_numeral(value) == text
