"""Bring your own rule: thirteen rules of the genre the corpus has never seen (tests/rules/), each laid out
differently, added with the documented command ``safetykg add-source`` into a temporary data folder and built.

青岚省 细则 (qinglan-2019): 节 sections, spaced and indented chapter headings, 第二条本细则… with no space,
（1） sub-items. 梧桐市 办法 (wutong-2020): no chapters, half-width spaces after 第N条, (一) items, 1. sub-items.
枫岭县 办法 (fengling-2021, held out): a PDF copy, hard-wrapped, with page numbers, page counts and running titles,
一、 items and ① sub-items. 松禾区 细则 (songhe-2022, held out in round 2): a transmittal notice before it and
closing matter after it, chapter titles on the line after 第N章, 1、 sub-items. 岚溪州 办法 (lanxi-2023, held out
in round 3): a copy of a web page. 禾源市 细则 (heyuan-2024, held out in round 4): a county-level city's, every line
indented. 云溪县 办法 (yunxi-2025, held out in round 5): a Word document pasted as text, a field block, tabs.
石桥镇 办法 (shiqiao-2026, held out in round 6): items numbered 1．, sub-items （1）. 岩川市 细则 (yanchuan-2027, held
out in round 7): a gazette copy with a table of contents. 岚山旗 办法 (lanshan-2028, held out in round 8): a banner's,
items printed inline in their article's line. 墨云自治县 办法 (moyun-2029, held out in round 9): a Markdown export
of a public-account article. 苍岭自治区 细则 (cangling-2030, held out in round 10): a Windows text file (byte-order
mark, CRLF), full-width digits, ⑴ sub-items. 白鹤区 细则 (baihe-2031, held out in round 11): typed with half-width
punctuation, 1) sub-items.
Their structure must match the hand-made gold exactly (tests/gold/rules/).
"""

import hashlib
import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from safetykg.cli import main
from safetykg.core.resources import packaged
from safetykg.corpus.model import ParsedDocument
from tests import rules_gold
from tests.live_server import live_server

RULES = rules_gold.RULES


@pytest.fixture(scope="module")
def added(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("own-rules")
    data, dist = folder / "data", folder / "dist"
    rules_gold.add_and_build(data, dist)
    return data, dist


@pytest.fixture(scope="module")
def parsed(added: tuple[Path, Path]) -> dict[str, ParsedDocument]:
    return rules_gold.parsed_rules(added[0])


@pytest.fixture(scope="module")
def store(added: tuple[Path, Path]) -> ox.Store:
    return rules_gold.open_dump(added[1])


def ask(added: tuple[Path, Path], capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, str]]:
    data, dist = added
    capsys.readouterr()
    assert main(["--dist", str(dist), "--data", str(data), "ask", *args, "--format", "json"]) == 0
    rows: list[dict[str, str]] = json.loads(capsys.readouterr().out)["rows"]
    return rows


# ------------------------------------------------------------------------------------------ the command


def test_the_command_writes_only_into_the_data_folder(added: tuple[Path, Path]) -> None:
    data, _ = added
    for rule in RULES:
        copied = data / "sources" / f"{rule}.txt"
        assert copied.read_bytes() == (rules_gold.TEXTS / f"{rule}.txt").read_bytes()
        assert not (packaged("sources") / f"{rule}.txt").exists()
        assert (data / "lexicon" / f"{rule}.ttl").is_file()


def test_the_catalogue_entry_has_the_checksum_title_and_issuers(added: tuple[Path, Path]) -> None:
    data, _ = added
    catalogue = tomllib.loads((data / "sources" / "sources.toml").read_text(encoding="utf-8"))
    entries = {entry["id"]: entry for entry in catalogue["document"]}
    assert {"national-2018", "guiyang", "hubei", "hebei", "xinjiang-2018", *RULES} == set(entries)
    qinglan = entries["qinglan-2019"]
    text = (rules_gold.TEXTS / "qinglan-2019.txt").read_bytes()
    assert qinglan["sha256"] == hashlib.sha256(text).hexdigest()
    # the preamble: 青岚省党政领导干部安全生产责任制实施细则 / 青委办发〔2019〕12号 / 中共青岚省委办公厅　青岚省人民政府办公厅
    assert qinglan["title"] == "青岚省党政领导干部安全生产责任制实施细则"
    assert [issuer["name"] for issuer in qinglan["issuers"]] == ["中共青岚省委办公厅", "青岚省人民政府办公厅"]
    assert qinglan["short_title"] == "青岚细则" and qinglan["implements"] == "national-2018"
    # 第一条 cites 《青岚省安全生产条例》, which the catalogue did not know: declared for review
    assert "青岚省安全生产条例" in catalogue["cited"]


def test_organs_the_lexicon_lacks_are_drafted_but_sectors_are_not(added: tuple[Path, Path]) -> None:
    data, _ = added
    # 岩川市 art. 12 (六): 市消防救援支队 (a detachment: no organ kind); 石桥镇 art. 8 ¶2 item 5: 医疗机构 is a sector
    # (domains.ttl), not an organ, though it ends as organs' names do (…机构)
    yanchuan = (data / "lexicon" / "yanchuan-2027.ttl").read_text(encoding="utf-8")
    assert '"消防救援支队"@zh' in yanchuan or '"市消防救援支队"@zh' in yanchuan
    assert '"医疗机构"@zh' not in (data / "lexicon" / "shiqiao-2026.ttl").read_text(encoding="utf-8")
    # 白鹤区 art. 10 (七): 区城市管理和综合执法局 is one name (城市管理 names no organ: 和 is inside it), drafted whole but
    # for the district's own ending before it (区: the place); (三) 区公安分局 is a public security bureau's branch
    # (organ-kinds.ttl), and 第十八条's 区委办公室 and 区人民政府办公室 are the general offices: none of them drafted
    baihe = (data / "lexicon" / "baihe-2031.ttl").read_text(encoding="utf-8")
    assert '"城市管理和综合执法局"@zh' in baihe and '"综合执法局"@zh' not in baihe and '"区城市管理' not in baihe
    # 白鹤区 art. 10 (六): 区消防救援大队 is drafted as 消防救援大队, the kind 玉屏县's 县消防救援大队 (art. 10 ¶3), 雾岭林区's
    # 林区消防救援大队 (art. 11 item 4) and 峰林特区's 特区消防救援大队 (art. 10 item 5) are then found as, not drafted again
    drafted = {path.stem: path.read_text(encoding="utf-8") for path in (data / "lexicon").glob("*.ttl")}
    fire_brigades = [stem for stem, rows in drafted.items() if '消防救援大队"@zh' in rows]
    assert len(fire_brigades) == 1 and '"消防救援大队"@zh' in drafted[fire_brigades[0]]
    assert not any(f'"{name}"@zh' in baihe for name in ("区公安分局", "区委办公室", "区人民政府办公室"))
    # 澜湾新区 art. 11 ¶2: 新区党工委党群工作部 (a name ending 工作部) is drafted without the zone's own ending before it
    # (新区: the place); 管委会各工作部门 is not a 工作部, and item 5's 公安澜湾新区分局 is the public security bureau's
    # branch (公安分局, the zone's name inside it)
    lanwan = (data / "lexicon" / "lanwan-2033.ttl").read_text(encoding="utf-8")
    assert '"党工委党群工作部"@zh' in lanwan and '"新区党工委党群工作部"@zh' not in lanwan
    # 洞庭街道 art. 10 ¶2: 街道综合行政执法队 (a law-enforcement team: a name ending 执法队) is drafted, without the level
    # word before it; its 内设机构 (internal units) and 协调解决跨部门… name no organ
    dongting = (data / "lexicon" / "dongting-2034.ttl").read_text(encoding="utf-8")
    assert '"综合行政执法队"@zh' in dongting and "内设机构" not in dongting and "跨部门" not in dongting
    assert '工作部"@zh' not in lanwan.replace("党群工作部", "") and "公安澜湾新区分局" not in lanwan


def test_the_drafted_jurisdictions_know_their_level_and_parents(store: ox.Store) -> None:
    query = """SELECT ?j ?level ?within WHERE {
      ?j <https://w3id.org/safetykg/ontology#administrativeLevel> ?level ;
         <https://w3id.org/safetykg/ontology#within> ?within }"""
    found: dict[str, tuple[str, set[str]]] = {}
    for row in store.query(query, use_default_graph_as_union=True):  # type: ignore[union-attr]
        slug = rules_gold.slug(row["j"].value)
        level, within = found.get(slug, (rules_gold.slug(row["level"].value), set()))
        within.add(rules_gold.slug(row["within"].value))
        found[slug] = (level, within)
    assert found["qinglan"] == ("provincial", {"china"})  # 青岚省: a province, by its name
    assert found["wutong"] == ("city", {"qinglan", "china"})  # --within qinglan
    assert found["fengling"] == ("county", {"wutong", "qinglan", "china"})  # --within wutong
    # 澜湾新区 (--level functional-zone, a level outside the numbered ones): a zone with the townships under it
    assert found["lanwan"] == ("functional-zone", {"qinglan", "china"})
    query = """SELECT ?level WHERE { <https://w3id.org/safetykg/id/jurisdiction/lanwan>
      <https://w3id.org/safetykg/ontology#hasLevel> ?level }"""
    levels = {rules_gold.slug(row["level"].value) for row in store.query(query, use_default_graph_as_union=True)}  # type: ignore[union-attr]
    assert levels == {"functional-zone", "township"}


def test_a_text_that_cannot_be_read_stops_with_file_and_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "broken.txt"
    text.write_text(
        "某市安全生产责任制实施办法\n第一条 甲。\n第三条 丙。\n第四条 本办法自印发之日起施行。\n", encoding="utf-8"
    )
    data = tmp_path / "data"
    code = main(["add-source", str(text), "--id", "broken-2024", "--jurisdiction", "某市", "--data", str(data)])
    assert code == 2
    assert f"{text}:3: expected 第二条 (article 2), found 第三条 (article 3)" in capsys.readouterr().err
    assert not data.exists()  # nothing half-written


def test_it_needs_a_data_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SAFETYKG_DATA", raising=False)
    code = main(["add-source", str(rules_gold.TEXTS / "wutong-2020.txt"), "--id", "x-2020", "--jurisdiction", "梧桐市"])
    assert code == 2 and "--data DIR or SAFETYKG_DATA" in capsys.readouterr().err


def test_an_id_already_in_the_catalogue_is_refused(
    added: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data, _ = added
    before = (data / "sources" / "sources.toml").read_bytes()
    code = main(
        [
            "add-source",
            str(rules_gold.TEXTS / "wutong-2020.txt"),
            "--id",
            "wutong-2020",
            "--jurisdiction",
            "梧桐市",
            "--data",
            str(data),
        ]
    )
    assert code == 2 and "already has a document of that id" in capsys.readouterr().err
    assert (data / "sources" / "sources.toml").read_bytes() == before


# A rule written for these tests (a constructed example, in the genre's words): what its jurisdiction's name tells
_SHORT_RULE = (
    "{name}党政领导干部安全生产责任制实施办法\n"
    "第一条　为了落实安全生产责任，制定本办法。\n"
    "第二条　市委书记、市长是本市安全生产第一责任人。\n"
    "第三条　本办法自印发之日起施行。\n"
)


@pytest.mark.parametrize(
    ("name", "within", "level", "short"),
    [
        ("白桦盟", None, "city", "白桦"),  # a league
        ("雾岭林区", None, "county", "雾岭"),  # a forest district
        ("云杉特区", None, "county", "云杉"),  # a special district
        ("青石矿区", "guiyang", "county", "青石"),  # a mining district
        ("雾河自治旗", None, "county", "雾河"),  # an autonomous banner
        ("银杏乡", "guiyang", "township", "银杏"),  # a township
        ("枫叶民族乡", "guiyang", "township", "枫叶"),  # an ethnic township
        ("巴彦苏木", None, "township", "巴彦"),  # a sumu
        ("禾丰市", "guiyang", "county", "禾丰"),  # a 市 within a city: a county-level city
        ("梧桐市", "guizhou", "city", "梧桐"),  # a 市 within a province: a city, unless --level says otherwise
    ],
)
def test_a_name_s_ending_and_its_parent_draft_its_level(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, within: str | None, level: str, short: str
) -> None:
    """add-source drafts a jurisdiction's level from its name's ending (skg:placeNameEnding, the longest that fits:
    林区, not 区) and its short name without it; a place named like its parent's level or a higher one lies one level
    below its parent (a 市 within a prefecture-level city is a county-level city)."""
    text = tmp_path / "rule.txt"
    text.write_text(_SHORT_RULE.format(name=name), encoding="utf-8")
    args = ["add-source", str(text), "--id", "x-2040", "--jurisdiction", name, "--data", str(tmp_path / "data")]
    assert main([*args, *(["--within", within] if within else [])]) == 0
    assert f"jurisdiction: x ({level}), drafted in the lexicon" in capsys.readouterr().out
    drafted = (tmp_path / "data" / "lexicon" / "x-2040.ttl").read_text(encoding="utf-8")
    assert f'skg:shortLabel "{short}"@zh' in drafted and f"skg:administrativeLevel lvl:{level} ;" in drafted


def test_a_county_level_city_s_city_words_name_its_own_level(tmp_path: Path) -> None:
    """禾丰市 (a constructed example), drafted within a prefecture-level city: its rule's 市委书记、市长 and 本市 name
    the county level, its own. Directly under a province, --level 县级市 says what its name cannot."""
    from safetykg.build.add_source import add_source
    from safetykg.core.resources import DataFolders
    from safetykg.extract.duties import DutyExtractor
    from safetykg.lexicon.vocabulary import Vocabulary

    text = tmp_path / "rule.txt"
    text.write_text(_SHORT_RULE.format(name="禾丰市"), encoding="utf-8")
    added = add_source(text, "hefeng-2040", "禾丰市", tmp_path / "data", within="guiyang")
    assert added.level == "county"
    extractor = DutyExtractor(Vocabulary.load(DataFolders(tmp_path / "data").layers("lexicon")))
    second = next(ref for ref in extractor.extract(added.parsed).provision_levels if ref.article == 2)
    assert extractor.extract(added.parsed).provision_levels[second] == ("city",)  # read without its jurisdiction
    assert extractor.extract(added.parsed, added.jurisdiction).provision_levels[second] == ("county",)
    under_province = add_source(text, "hefeng-2040", "禾丰市", tmp_path / "other", level="县级市", within="guizhou")
    assert under_province.level == "county"


# ------------------------------------------------------------------------------------------ read as the gold


@pytest.mark.parametrize("rule", RULES)
def test_structure_matches_the_gold_exactly(parsed: dict[str, ParsedDocument], rule: str) -> None:
    assert rules_gold.structure_differences(parsed[rule], rules_gold.load_gold(rule)) == []


@pytest.mark.parametrize("rule", RULES)
def test_metadata_matches_the_gold(added: tuple[Path, Path], rule: str) -> None:
    # yunxi-2025 missed its issuers and date when held out (a database's field block), shiqiao-2026 its issuers (in
    # brackets under the title, before 印发), baihe-2031 its first issuer's bracket and its repeal (half-width
    # brackets: (白鹤区委办公室 …, 《…》(白委办发〔2020〕…号)同时废止); all read since
    assert rules_gold.metadata_differences(added[0], rule) == []


def test_page_furniture_is_dropped_and_recorded(parsed: dict[str, ParsedDocument]) -> None:
    doc = parsed["fengling-2021"]
    assert doc.dropped and all(text for _, text in doc.dropped)
    body = doc.body_text()
    for _, text in doc.dropped:
        assert "".join(text.split()) not in body or len(text) > 12  # page numbers and counts are gone from the text


def test_a_gazette_s_page_numbers_and_running_heads_are_dropped(parsed: dict[str, ParsedDocument]) -> None:
    # 赤碧细则 (chibi-2041), the OCR of a gazette: page numbers ·3· … · 5 · … ·9· at each page's foot, and a running
    # head printed in two orders (赤碧市人民政府公报 … 2041年第2期, 2041年第2期 … 赤碧市人民政府公报)
    doc = parsed["chibi-2041"]
    dropped = {"".join(text.split()) for _, text in doc.dropped}
    assert {"·3·", "·5·", "·9·", "赤碧市人民政府公报2041年第2期", "2041年第2期赤碧市人民政府公报"} <= dropped
    assert "公报" not in doc.body_text() and "·" not in doc.body_text()


def test_a_collection_s_running_heads_and_the_compiler_s_notes_are_dropped(parsed: dict[str, ParsedDocument]) -> None:
    # 花坪瑶族乡's 办法 (huaping-2042) as printed in a county's collection: its name and the page number on one line at
    # each page's top (·58·　云溪县安全生产文件汇编（2042）), and the compiler's notes at a page's foot (①该文件已于2040年
    # 修订…) marked after words of 第一条, 第三条 and 第八条
    doc = parsed["huaping-2042"]
    dropped = {"".join(text.split()) for _, text in doc.dropped}
    assert {"·58·云溪县安全生产文件汇编（2042）", "云溪县安全生产文件汇编（2042）·61·"} <= dropped
    assert {
        "①该文件已于2040年修订，修订后的文本见本汇编第3页。",
        "②2041年起，乡安全生产委员会与乡防灾减灾委员会合署办公。",
    } <= dropped
    body = doc.body_text()
    assert not any(mark in body for mark in "①②") and "汇编" not in body and "合署办公" not in body
    assert "实施办法》，进一步压实" in doc.articles[0].paragraphs[0].text
    assert doc.articles[7].paragraphs[0].text.startswith("乡应急管理办公室是全乡安全生产综合监管部门，")


def test_a_bilingual_copy_s_translation_is_dropped_and_recorded(parsed: dict[str, ParsedDocument]) -> None:
    # 渝州细则 (yuzhou-2043), copied from a government's English-language portal: each Chinese line followed by its
    # English translation (Chapter I General Provisions, Article 1 In order to …, (1) …); the Chinese is the rule
    doc = parsed["yuzhou-2043"]
    dropped = [text for _, text in doc.dropped]
    assert "Chapter I General Provisions" in dropped and any(text.startswith("Article 20 ") for text in dropped)
    assert not any(char.isascii() and char.isalpha() for char in doc.body_text())
    assert doc.articles[7].paragraphs[0].items[2].subitems[0].text.startswith("危险化学品生产、储存企业")


def test_the_first_chapter_title_is_read_without_its_spaces(parsed: dict[str, ParsedDocument]) -> None:
    # 第一章　总　则
    assert parsed["qinglan-2019"].chapters[0].title == "总则"
    assert parsed["qinglan-2019"].chapters[1].sections[0].title == "党委领导班子及其成员职责"


# Extraction on the three rules, measured by tests/rules_gold.py: floors at the figures of the last run (see
# docs/adding-a-rule.md), so that a change which loses facts fails here. fengling-2021 is held out.
FLOORS = {  # the last run's figures, rounded down (docs/adding-a-jurisdiction.md)
    "qinglan-2019": {
        "bearers": (0.97, 1.0),
        "domains": (1.0, 1.0),
        "levels": (0.98, 1.0),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "wutong-2020": {
        "bearers": (0.97, 0.94),
        "domains": (1.0, 0.95),
        "levels": (0.98, 1.0),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "fengling-2021": {
        "bearers": (0.96, 0.98),
        "domains": (0.96, 1.0),
        "levels": (1.0, 0.98),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "songhe-2022": {
        "bearers": (0.98, 0.89),
        "domains": (1.0, 1.0),
        "levels": (1.0, 0.98),
        "frequencies": (1.0, 0.95),
        "designations": (1.0, 0.93),
        "measures": (1.0, 1.0),
    },
    "lanxi-2023": {
        "bearers": (0.95, 0.93),
        "domains": (1.0, 1.0),
        "levels": (0.97, 1.0),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "heyuan-2024": {
        "bearers": (0.95, 0.93),
        "domains": (0.96, 1.0),
        "levels": (1.0, 0.98),
        "frequencies": (1.0, 1.0),
        "designations": (0.9, 1.0),
        "measures": (1.0, 1.0),
    },
    "yunxi-2025": {
        "bearers": (0.98, 0.91),
        "domains": (0.91, 0.95),
        "levels": (0.7, 0.97),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "shiqiao-2026": {
        "bearers": (0.93, 0.91),
        "domains": (1.0, 0.96),
        "levels": (1.0, 0.86),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 0.5),
        "measures": (1.0, 1.0),
    },
    "yanchuan-2027": {  # held out in round 7, then tuned on in round 8
        "bearers": (0.98, 1.0),
        "domains": (1.0, 1.0),
        "levels": (1.0, 0.97),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "lanshan-2028": {  # held out in round 8, then tuned on in round 9
        "bearers": (1.0, 0.98),
        "domains": (0.95, 1.0),
        "levels": (1.0, 1.0),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "moyun-2029": {  # held out in round 9 (its held-out figures: docs/adding-a-jurisdiction.md), then tuned on in round 10
        "bearers": (0.98, 0.98),
        "domains": (0.97, 1.0),
        "levels": (1.0, 1.0),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "cangling-2030": {  # held out in round 10 (its held-out figures: docs/adding-a-jurisdiction.md), then tuned on
        "bearers": (0.98, 0.96),
        "domains": (0.97, 1.0),
        "levels": (0.98, 0.96),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "baihe-2031": {  # held out in round 11 (its held-out figures: docs/adding-a-jurisdiction.md), then tuned on in round 12
        "bearers": (1.0, 1.0),
        "domains": (1.0, 1.0),
        "levels": (1.0, 0.94),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "xilin-2032": {  # held out in round 12 (its held-out figures: docs/adding-a-jurisdiction.md), then tuned on in round 13
        "bearers": (0.98, 1.0),
        "domains": (1.0, 1.0),
        "levels": (1.0, 1.0),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "lanwan-2033": {  # held out in round 13, tuned on in round 14 (its gold carries no lead-in level to items)
        "bearers": (0.98, 0.96),
        "domains": (1.0, 1.0),
        "levels": (0.77, 1.0),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "dongting-2034": {  # held out in round 14, then tuned on in round 15
        "bearers": (0.89, 0.83),
        "domains": (1.0, 1.0),
        "levels": (0.9, 1.0),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "yuping-2035": {  # held out in round 15, then tuned on in round 16
        "bearers": (0.96, 0.90),  # round 45 (0.95/0.89 before: 第十一条第二款, 由县安委会办公室…提出)
        "domains": (1.0, 1.0),
        "levels": (0.88, 0.93),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 0.57),
        "measures": (1.0, 1.0),
    },
    "qiandong-2036": {  # held out in round 16, then tuned on in round 17
        "bearers": (0.98, 0.92),
        "domains": (1.0, 1.0),
        "levels": (0.8, 0.96),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 0.75),
    },
    "wuling-2037": {  # held out in round 17, then tuned on in round 18 (docs/adding-a-jurisdiction.md)
        "bearers": (0.94, 0.91),
        "domains": (1.0, 0.89),
        "levels": (0.72, 0.88),
        "frequencies": (0.95, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "shigang-2038": {  # held out in round 19, then tuned on in round 20
        "bearers": (0.97, 0.95),
        "domains": (1.0, 0.94),
        "levels": (0.79, 0.95),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "baiyin-2039": {  # held out in round 21, then tuned on in round 22
        "bearers": (1.0, 0.97),
        "domains": (1.0, 0.96),
        "levels": (0.98, 1.0),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "fenglin-2040": {  # held out in round 23, then tuned on in round 24 (docs/adding-a-jurisdiction.md)
        "bearers": (0.93, 0.90),  # round 45 (0.93/0.89 before: 第十条（七）, 由特区安委会…提出意见)
        "domains": (0.96, 1.0),
        "levels": (0.13, 1.0),  # its gold gives the special district's own bodies no level (the others: county)
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "chibi-2041": {  # held out in round 25, scored once as it came (after the parser's rule for spaced numbers)
        "bearers": (0.96, 0.94),  # round 28: a deputy head in charge of a long list of fields
        "domains": (1.0, 0.96),
        "levels": (1.0, 1.0),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "huaping-2042": {  # held out in round 27 (0.83/0.72, 1.00/0.87 as it came); tuned on in round 28
        "bearers": (0.91, 0.88),
        "domains": (1.0, 1.0),
        "levels": (0.98, 0.98),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "yuzhou-2043": {  # held out in round 29 (its held-out figures: docs/adding-a-jurisdiction.md), tuned on in round 30
        "bearers": (0.97, 0.97),
        "domains": (1.0, 0.96),
        "levels": (1.0, 1.0),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "hadan-2044": {  # held out in round 31 (its held-out figures: docs/adding-a-jurisdiction.md), tuned on in round 32
        "bearers": (1.0, 0.96),
        "domains": (1.0, 1.0),
        "levels": (0.83, 0.96),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "qifeng-2045": {  # held out in round 33 (bearers 0.92/0.96, levels 1.00/0.98); tuned on in round 34
        "bearers": (0.95, 0.98),
        "domains": (1.0, 1.0),
        "levels": (1.0, 1.0),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "liutang-2046": {  # held out in round 35, then tuned on in round 36
        "bearers": (1.0, 0.98),
        "domains": (1.0, 1.0),
        "levels": (1.0, 1.0),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "shankou-2047": {  # held out in round 37 (parser rules only), then tuned on in rounds 38 and 39
        "bearers": (0.95, 0.98),
        "domains": (1.0, 1.0),
        "levels": (1.0, 1.0),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "tanping-2049": {  # held out in round 40, as it came (it parsed with no change); tuned on in round 41
        "bearers": (0.97, 1.0),
        "domains": (1.0, 1.0),
        "levels": (1.0, 1.0),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "heting-2048": {  # held out in round 40 (parser rules only); tuned on in round 41
        "bearers": (1.0, 1.0),
        "domains": (1.0, 1.0),
        "levels": (1.0, 0.98),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "chengyang-2050": {  # held out in round 42 (parser rules only); bearers 1.00/0.95 as scored, 1.00/1.00 with round 41;
        # tuned on in round 43 (levels 0.93/0.88 before)
        "bearers": (1.0, 1.0),
        "domains": (1.0, 1.0),
        "levels": (0.94, 1.0),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "luwan-2051": {  # held out in round 44 (parser rules only: inserted articles, amendment notes and history);
        # tuned on in round 45 (bearers 1.00/0.93, levels 1.00/0.97, measures 1.00/0.67 before)
        "bearers": (1.0, 1.0),
        "domains": (1.0, 1.0),
        "levels": (1.0, 1.0),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
    "shaquan-2052": {  # held out in round 46 (parser rules only: a running head is no signature; —— bullets): the goal
        # met for all six fact types
        "bearers": (0.97, 0.96),
        "domains": (1.0, 1.0),
        "levels": (1.0, 0.97),
        "frequencies": (1.0, 1.0),
        "designations": (1.0, 1.0),
        "measures": (1.0, 1.0),
    },
}


@pytest.mark.parametrize("rule", RULES)
def test_extraction_holds_its_measured_floor(store: ox.Store, rule: str) -> None:
    scores = rules_gold.score_facts(store, rule).scores
    for kind, (precision, recall) in FLOORS[rule].items():
        assert scores[kind].precision >= precision, (kind, scores[kind].extras)
        assert scores[kind].recall >= recall, (kind, scores[kind].misses)


# ------------------------------------------------------------------------------------------ everywhere


def test_its_meeting_frequencies(added: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """青岚细则 第四条第（二）项, read by the frequency question like the five rules'."""
    rows = ask(added, capsys, "frequency-requirements", "role=主要负责人")
    mine = {
        (row["citation"], row["period"], row["minimumCount"])
        for row in rows
        if row["jurisdiction"].endswith("/qinglan")
    }
    # 第四条第（二）项: 省级党委主要负责人每半年至少主持召开1次、市级和县级党委主要负责人每季度至少主持召开1次常委会会议
    assert ("青岚细则 第四条第（二）项", "P6M", "1") in mine
    assert ("青岚细则 第四条第（二）项", "P3M", "1") in mine


def test_every_two_months_is_compared_as_six_a_year(
    added: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """玉屏办法 第五条第（一）项: 县长…每两个月至少1次主持召开县政府常务会议 (a period word the five rules never use)."""
    rows = ask(added, capsys, "compare-frequencies", "activity=召开会议", "role=主要负责人")
    mine = [row for row in rows if row["citation"].endswith("第五条第（一）项") and "玉屏" in row["jurisdictionLabel"]]
    assert [(row["period"], row["minimumCount"], float(row["perYear"])) for row in mine] == [("P2M", "1", 6.0)]


def test_the_comprehensive_supervisor_of_wutong(added: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """梧桐办法 第八条: 应急管理部门是本级政府安全生产综合监督管理部门."""
    rows = ask(added, capsys, "designations-by-type", "jurisdiction=梧桐")
    assert any("第八条" in row["provision"] and "应急管理" in row["departmentLabel"] for row in rows), rows


@pytest.fixture(scope="module")
def server(added: tuple[Path, Path]) -> Iterator[str]:
    data, dist = added
    with live_server(dist, extra_env={"SAFETYKG_DATA": str(data)}) as base:
        yield base


def test_the_reader_shows_sections_and_rules_without_chapters(server: str) -> None:
    qinglan = httpx.get(f"{server}/read/qinglan-2019", timeout=30)
    assert qinglan.status_code == 200
    assert 'id="chapter-2-section-1"' in qinglan.text and "第一节 党委领导班子及其成员职责" in qinglan.text
    wutong = httpx.get(f"{server}/read/wutong-2020", timeout=30)
    assert wutong.status_code == 200 and 'id="article-16"' in wutong.text and 'class="chapter"' not in wutong.text
    fengling = httpx.get(f"{server}/read/fengling-2021", timeout=30)
    assert fengling.status_code == 200 and 'id="article-17"' in fengling.text
    assert "第1页" not in fengling.text and "共7页" not in fengling.text  # page furniture is not text
    # 澜湾新区 prints a caption after each article's number (第一条【目的依据】为了…): the article's title, shown
    # beside its number, not the start of its text
    lanwan = httpx.get(f"{server}/read/lanwan-2033", timeout=30)
    assert lanwan.status_code == 200 and '<span class="art-title" lang="zh">【目的依据】</span>' in lanwan.text
    assert "【目的依据】为了" not in lanwan.text


def test_the_reader_shows_inserted_articles_after_the_one_they_are_numbered_after(server: str) -> None:
    # 芦湾市's consolidated text (tests/rules/luwan-2051.txt): 第九条之一 after 第九条, 第十四条之一 and 之二 after 第十四条
    page = httpx.get(f"{server}/read/luwan-2051", timeout=30)
    assert page.status_code == 200
    anchors = [anchor for anchor in re.findall(r'id="(article-[0-9a-z]+)"', page.text)]
    assert anchors[8:15] == [
        "article-9",
        "article-9a",
        "article-10",
        "article-11",
        "article-12",
        "article-13",
        "article-14",
    ]
    assert anchors[15:18] == ["article-14a", "article-14b", "article-15"]
    assert "第九条之一" in page.text
    assert "〔注：" not in page.text  # the compiler's notes are not text


def test_a_consolidated_text_names_its_first_issue_and_the_amendment(store: ox.Store) -> None:
    # 芦湾市's history: 2048年4月16日…印发　根据2051年3月28日《…关于修改〈…〉的决定》修订
    rows = list(
        store.query(
            """PREFIX eli: <http://data.europa.eu/eli/ontology#>
            SELECT ?issued ?title ?amended WHERE { GRAPH ?g {
              <https://w3id.org/safetykg/id/regulation/luwan-2051> eli:date_document ?issued ; eli:amended_by ?by .
              ?by eli:title ?title ; eli:date_document ?amended } }"""
        )
    )
    assert [(r["issued"].value, r["title"].value, r["amended"].value) for r in rows] == [
        (
            "2048-04-16",
            "中共芦湾市委办公室、芦湾市人民政府办公室关于修改〈芦湾市党政领导干部安全生产责任制实施办法〉的决定",
            "2051-03-28",
        )
    ]


def test_the_compare_page_and_the_completeness_report_take_them_in(server: str, added: tuple[Path, Path]) -> None:
    compare = httpx.get(
        f"{server}/compare", params={"role": "https://w3id.org/safetykg/id/role/principal-leader"}, timeout=30
    ).text
    assert all(name in compare for name in ("青岚", "梧桐", "枫岭"))
    page = httpx.get(f"{server}/completeness", timeout=30).text
    assert all(short in page for short in ("青岚细则", "梧桐办法", "枫岭办法"))
    report = json.loads((added[1] / "validation.json").read_text(encoding="utf-8"))
    documents = {row["document"] for row in report["rows"]}
    assert {"青岚细则", "梧桐办法", "枫岭办法"} <= documents


def test_the_question_form_offers_them(server: str) -> None:
    form = httpx.get(f"{server}/ask/departments-regulating-hazard", timeout=30).text
    assert all(f"/jurisdiction/{slug}" in form for slug in ("qinglan", "wutong", "fengling"))
