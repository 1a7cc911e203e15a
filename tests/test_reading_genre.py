"""How the extraction reads wording that rules of the genre use and the five packaged texts do not, checked on the
test rules' own provisions (tests/rules/, gold in tests/gold/rules/): each test names the article it reads."""

import datetime
import functools
from pathlib import Path

import pytest

from safetykg.build.add_source import _unknown_organs
from safetykg.core.resources import packaged
from safetykg.corpus.layout import load_layout, read_around
from safetykg.corpus.markup import is_page_source, page_lines
from safetykg.corpus.model import ParsedDocument
from safetykg.corpus.parser import SourceProfile, parse_document
from safetykg.corpus.provisions import ProvisionRef
from safetykg.corpus.reading import PrintedForms, reading_copy, reading_form
from safetykg.extract.accountability import AccountabilityExtractor
from safetykg.extract.bearers import BearerReader
from safetykg.extract.duties import DutyExtractor
from safetykg.extract.frequency import find_frequencies
from safetykg.extract.obligations import ObligationReader
from safetykg.lexicon.vocabulary import Vocabulary

RULES = Path(__file__).resolve().parent / "rules"


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary.load(packaged("lexicon"))


@pytest.fixture(scope="module")
def obligations(vocabulary: Vocabulary) -> ObligationReader:
    return ObligationReader(BearerReader(vocabulary))


@functools.cache
def _rule(rule: str) -> ParsedDocument:
    """A test rule parsed as add-source parses it (the packaged layout), once per run."""
    path = RULES / f"{rule}.txt"
    layout = load_layout(packaged("sources") / "layout.toml")
    return parse_document(rule, path, path.read_text(encoding="utf-8"), SourceProfile(layout=layout))


@pytest.fixture(scope="module")
def town_rule() -> ParsedDocument:
    return _rule("shiqiao-2026")


def _measures(vocabulary: Vocabulary, doc: ParsedDocument, ref: ProvisionRef) -> set[str]:
    """The accountability measures the provision lists, by slug."""
    found = AccountabilityExtractor(vocabulary).extract(doc).measures
    return {str(m.measure.iri).rsplit("/", 1)[-1] for m in found if m.ref == ref}


def _paragraph(doc: ParsedDocument, article: int, paragraph: int) -> str:
    return next(a for a in doc.articles if a.number == article).paragraphs[paragraph - 1].text


def _bearers(reader: ObligationReader, text: str) -> set[tuple[str, str]]:
    return {
        (b.organ_kind.iri.rsplit("/", 1)[-1], b.role.iri.rsplit("/", 1)[-1] if b.role else "")
        for obligee in reader.read(text, [])
        for b in obligee.bearers
    }


def test_a_remark_after_the_name_leaves_the_subject(obligations: ObligationReader, town_rule: ParsedDocument) -> None:
    """Art. 4 ¶1: 镇应急管理办公室（挂镇安全生产监督管理办公室牌子）是…机构，对…实施综合监督管理 obliges the office."""
    assert ("emergency-management", "") in _bearers(obligations, _paragraph(town_rule, 4, 1))


def test_doing_ones_part_by_duty_obliges(obligations: ObligationReader, town_rule: ParsedDocument) -> None:
    """Art. 4 ¶2: 镇派出所、镇综治中心、镇司法所按照各自职责做好安全生产相关工作 obliges the police station and the
    justice office (the lexicon's grassroots units of public security and judicial administration)."""
    found = _bearers(obligations, _paragraph(town_rule, 4, 2))
    assert {("public-security", ""), ("justice-administration", "")} <= found


def test_putting_into_the_assessment_and_interviewing_oblige(
    obligations: ObligationReader, town_rule: ParsedDocument
) -> None:
    """Art. 11: 镇党委、镇政府将安全生产工作纳入…综合考核 (¶1); 由镇党委书记或者镇长对其主要负责人进行约谈 (¶2)."""
    assert {("party-committee", ""), ("government", "")} <= _bearers(obligations, _paragraph(town_rule, 11, 1))
    interview = _bearers(obligations, _paragraph(town_rule, 11, 2))
    assert {("party-committee", "principal-leader"), ("government", "principal-leader")} <= interview


def test_the_member_in_charge_of_organization_work(obligations: ObligationReader, town_rule: ParsedDocument) -> None:
    """Art. 12 ¶2: 分管组织工作的镇党委委员…应当考察… is the Party committee's member in charge of organization."""
    found = _bearers(obligations, _paragraph(town_rule, 12, 2))
    assert found == {("party-committee", "member-in-charge-of-organization-and-personnel")}


def test_measures_given_and_measures_a_body_takes_outside_the_chapter(
    vocabulary: Vocabulary, town_rule: ParsedDocument
) -> None:
    """Art. 14 ¶1: 需要给予调整职务、免职或者党纪政务处分的 lists three measures; art. 11 ¶2 (assessment chapter): 由镇党委书记
    或者镇长…进行约谈 is the measure 约谈."""
    measures = AccountabilityExtractor(vocabulary).extract(town_rule).measures
    by_article: dict[int, set[str]] = {}
    for listing in measures:
        by_article.setdefault(listing.ref.article, set()).add(str(listing.measure.iri).rsplit("/", 1)[-1])
    assert {"post-adjustment", "removal", "sanction", "interview"} <= by_article[14]
    assert by_article[11] == {"interview"}


def test_items_name_the_levels_of_their_lead_in(vocabulary: Vocabulary, town_rule: ParsedDocument) -> None:
    """Art. 13: 镇党政领导干部和镇直各站所…有下列情形之一的，…追究责任： — each item (1．未按本办法规定履行…) is about the
    town's leaders, so it names the township level though its own words name none; art. 1 (全镇) names none."""
    levels = DutyExtractor(vocabulary).extract(town_rule).provision_levels
    for item in range(1, 6):
        assert levels[ProvisionRef("shiqiao-2026", 13, None, item)] == ("township",)
    assert ProvisionRef("shiqiao-2026", 1) not in levels


def _rule_paragraph(rule: str, article: int, paragraph: int) -> str:
    return _paragraph(_rule(rule), article, paragraph)


def test_the_other_members_of_a_named_standing_committee(obligations: ObligationReader) -> None:
    """禾源市 art. 7 ¶1: 市委常委会其他成员按照职责分工，…每年至少参加1次安全生产督查检查 obliges the other members of the
    Party committee (常委会 is part of the role's name, not the organ obliged)."""
    found = _bearers(obligations, _rule_paragraph("heyuan-2024", 7, 1))
    assert found == {("party-committee", "other-leadership-members")}


def test_assisting_in_directing_obliges_the_deputy(obligations: ObligationReader) -> None:
    """岚溪州 art. 8: 分管安全生产工作的副州长、副县（市）长协助州长、县（市）长统筹推进本地区安全生产工作，主要职责：
    obliges the deputies in charge of safety itself; 青岚省 art. 3 ¶2: 政府分管安全生产工作的副职协助主要负责人统筹抓好…."""
    assert ("government", "deputy-in-charge-of-safety") in _bearers(obligations, _rule_paragraph("lanxi-2023", 8, 1))
    assert ("government", "deputy-in-charge-of-safety") in _bearers(obligations, _rule_paragraph("qinglan-2019", 3, 2))


def test_a_county_s_departments_and_head_name_the_county_level(vocabulary: Vocabulary) -> None:
    """云溪县 art. 12 ¶1: 县应急管理局是全县安全生产综合监管部门，…监督检查县直有关部门和各乡镇… names the county level
    (县X局, 县直) and the township level (各乡镇); art. 8: 分管安全生产工作的
    副县长协助县长… names it too (县长), and its items carry it."""
    doc = _rule("yunxi-2025")
    levels = DutyExtractor(vocabulary).extract(doc).provision_levels
    assert levels[ProvisionRef("yunxi-2025", 12, 1)] == ("county", "township")
    assert levels[ProvisionRef("yunxi-2025", 8)] == ("county",)
    assert levels[ProvisionRef("yunxi-2025", 8, None, 2)] == ("county",)


def test_a_second_count_in_the_same_year_names_its_activity_before_it(vocabulary: Vocabulary) -> None:
    """松禾区 art. 6 item 5: 每年至少带队开展4次安全生产督查检查，其中对危险化学品、烟花爆竹等领域的检查不少于2次 — two
    yearly inspection counts; 石桥镇 art. 9 ¶1 item 2: 每月至少组织开展1次安全隐患排查 is an inspection too."""
    wording = BearerReader(vocabulary).wording
    songhe = _rule_item("songhe-2022", 6, 1, 5)
    assert {(f.period, f.minimum_count, f.activity_kind) for f in find_frequencies(songhe, wording)} == {
        ("P1Y", 4, "inspection"),
        ("P1Y", 2, "inspection"),
    }
    town = _rule_item("shiqiao-2026", 9, 1, 2)
    assert [(f.period, f.minimum_count, f.activity_kind) for f in find_frequencies(town, wording)] == [
        ("P1M", 1, "inspection")
    ]


def _rule_item(rule: str, article: int, paragraph: int, item: int) -> str:
    return next(a for a in _rule(rule).articles if a.number == article).paragraphs[paragraph - 1].items[item - 1].text


def _duty_bearers(vocabulary: Vocabulary, rule: str, ref: ProvisionRef) -> set[tuple[str, str]]:
    duties = DutyExtractor(vocabulary).extract(_rule(rule)).duties
    return {
        (
            str(d.bearer.organ_kind.iri).rsplit("/", 1)[-1],
            str(d.bearer.role.iri).rsplit("/", 1)[-1] if d.bearer.role else "",
        )
        for d in duties
        if d.ref == ref
    }


def test_a_committee_working_under_the_party_committee_and_government(vocabulary: Vocabulary) -> None:
    """岩川市 art. 10: 市、县（市、区）安委会在本级党委、政府领导下，统筹协调… obliges the safety committee (and its
    office), not the Party committee and government it works under."""
    found = _duty_bearers(vocabulary, "yanchuan-2027", ProvisionRef("yanchuan-2027", 10))
    assert ("safety-committee", "") in found
    assert not {("party-committee", ""), ("government", "")} & found


def test_a_paragraph_naming_its_own_actor_in_a_duty_chapter(vocabulary: Vocabulary) -> None:
    """岩川市 art. 12 ¶2: 前款未列明的其他行业领域，由市政府按照业务相近的原则确定安全生产监管部门 obliges the government,
    not the 市有关部门 whose duties the article's first paragraph lists."""
    found = _duty_bearers(vocabulary, "yanchuan-2027", ProvisionRef("yanchuan-2027", 12, 2))
    assert found == {("government", "")}


def test_a_department_named_with_and_in_a_list(vocabulary: Vocabulary) -> None:
    """岩川市 art. 13 ¶1: 市教育局、市卫生健康委、市文化和旅游局等部门 — the culture and tourism department, not also a
    tourism department (travel words after 和); 学校、医疗机构和旅游经营单位 are its domains."""
    found = _duty_bearers(vocabulary, "yanchuan-2027", ProvisionRef("yanchuan-2027", 13, 1))
    assert found == {("education", ""), ("health-commission", ""), ("culture-and-tourism", "")}


def test_departments_listed_after_in_charge_of_are_no_domains(vocabulary: Vocabulary) -> None:
    """岚溪州 art. 9 ¶2: 分管交通运输、住房和城乡建设、…等部门的政府领导班子成员 … 做好道路交通、建筑施工…等领域的安全: the
    listed departments are organs; the domains are the sectors named after them."""
    reader = BearerReader(vocabulary)
    text = _paragraph(_rule("lanxi-2023"), 9, 2)
    domains = {
        str(c.iri).rsplit("/", 1)[-1] for c in reader.domains_outside_organs(vocabulary.matcher("domains"), text)
    }
    assert "transport" not in domains and {"road-traffic", "construction"} <= domains


def test_a_banner_s_words(vocabulary: Vocabulary, obligations: ObligationReader) -> None:
    """岚山旗 (a banner, county level): art. 9, 苏木乡镇党委书记、苏木达（镇长）是本苏木乡镇安全生产第一责任人 obliges the
    township's Party secretary and its head (苏木达) and names the township level (苏木); art. 13, 旗直各部门主要负责人
    are the principal leaders of the banner's government departments; art. 5's items carry the county level of
    旗委书记."""
    doc = _rule("lanshan-2028")
    assert _bearers(obligations, _paragraph(doc, 9, 1)) == {
        ("party-committee", "principal-leader"),
        ("government", "principal-leader"),
    }
    assert _bearers(obligations, _paragraph(doc, 13, 1)) == {("government-department", "principal-leader")}
    levels = DutyExtractor(vocabulary).extract(doc).provision_levels
    assert levels[ProvisionRef("lanshan-2028", 9)] == ("township",)
    assert levels[ProvisionRef("lanshan-2028", 5, None, 2)] == ("county",)


def test_an_office_set_up_in_a_bureau_and_a_quoted_slogan(obligations: ObligationReader) -> None:
    """岚山旗 art. 10 ¶2: 旗安委会办公室设在旗应急管理局，承担旗安委会日常工作 obliges the office, not the bureau it sits
    in; art. 12 ¶1: 旗直有关部门按照“管行业必须管安全…”的要求，分别履行下列安全生产职责： — 必须 inside the quoted slogan
    obliges no one, and the lead-in only opens its list."""
    doc = _rule("lanshan-2028")
    assert _bearers(obligations, _paragraph(doc, 10, 2)) == {("safety-committee-office", "")}
    lead_in = _paragraph(doc, 12, 1)
    assert _bearers(obligations, obligations.without_list_intro(lead_in)) == set()


def test_measures_listed_before_a_semicolon_and_after_a_condition(vocabulary: Vocabulary) -> None:
    """墨云自治县 art. 16 ¶1: 采取约谈、通报批评、诫勉、停职检查、调整职务、责令辞职、降职、免职等方式； lists eight measures
    (no 问责 after 等方式); art. 13 item 3 (assessment chapter): 对考核不合格的，约谈其主要负责人 is the measure 约谈."""
    measures = AccountabilityExtractor(vocabulary).extract(_rule("moyun-2029")).measures
    found: dict[ProvisionRef, set[str]] = {}
    for listing in measures:
        found.setdefault(listing.ref, set()).add(str(listing.measure.iri).rsplit("/", 1)[-1])
    assert {"interview", "notice", "admonition", "suspension-for-examination", "post-adjustment"} <= found[
        ProvisionRef("moyun-2029", 16, 1)
    ]
    assert {"ordered-resignation", "demotion", "removal"} <= found[ProvisionRef("moyun-2029", 16, 1)]
    assert found[ProvisionRef("moyun-2029", 13, None, 3)] == {"interview"}


def test_the_standard_followed_obliges_no_one_and_items_name_their_department(
    vocabulary: Vocabulary, obligations: ObligationReader
) -> None:
    """墨云自治县 art. 10: 县直有关部门按照管行业必须管安全…的要求，分别履行下列安全生产职责： — 必须 in the standard
    followed obliges no one (the lead-in opens its list); item 9, 县民族宗教事务局指导宗教活动场所落实消防安全措施, is the
    duty of the department it opens with, not of 县直有关部门. 枫岭县 art. 10 ¶2: 县教育、民政、…等行业主管部门，按照管行业
    必须管安全的要求，抓好本行业领域安全生产工作 obliges those departments (抓好本行业…)."""
    doc = _rule("moyun-2029")
    lead_in = _paragraph(doc, 10, 1)
    assert _bearers(obligations, obligations.without_list_intro(lead_in)) == set()
    found = _duty_bearers(vocabulary, "moyun-2029", ProvisionRef("moyun-2029", 10, 1, 9))
    assert found == {("ethnic-religious-affairs", "")}
    sectors = _bearers(obligations, _paragraph(_rule("fengling-2021"), 10, 2))
    assert {("education", ""), ("civil-affairs", ""), ("commerce", "")} <= sectors


def test_a_region_s_words_and_counts_in_words(vocabulary: Vocabulary, obligations: ObligationReader) -> None:
    """苍岭自治区 art. 6: 自治区人民政府分管安全生产工作的副主席协助自治区主席… obliges the deputy in charge of safety (副主席
    is a government's deputy head); art. 8: 地（州、市）、县（市、区）党委书记… names the city and county levels. A count in words, as 墨云自治县 and 苍岭自治区
    write some (每年至少两次), is that count (and 一次性 is none)."""
    doc = _rule("cangling-2030")
    assert ("government", "deputy-in-charge-of-safety") in _bearers(obligations, _paragraph(doc, 6, 1))
    levels = DutyExtractor(vocabulary).extract(doc).provision_levels
    assert {"city", "county"} <= set(levels[ProvisionRef("cangling-2030", 8, 1)])
    wording = BearerReader(vocabulary).wording
    counts = [
        (f.period, f.minimum_count) for f in find_frequencies("每年至少开展两次督查，一次性告知整改要求", wording)
    ]
    assert counts == [("P1Y", 2)]


def test_village_bodies_and_their_heads(obligations: ObligationReader) -> None:
    """石桥镇 art. 9 ¶1: 各村（社区）党组织书记、村（居）委会主任对本村（社区）安全生产工作负责 obliges the heads of the
    village Party organizations and of the villagers' committees (organ kinds and post titles of the lexicon)."""
    found = _bearers(obligations, _paragraph(_rule("shiqiao-2026"), 9, 1))
    assert found == {("village-party-organization", "principal-leader"), ("villagers-committee", "principal-leader")}


def test_half_width_punctuation_is_read_as_full_width_and_texts_stay_as_printed(vocabulary: Vocabulary) -> None:
    """白鹤区 is typed with half-width punctuation. Art. 13: 区委、区政府对各街道和区直各部门实行安全生产责任考核,…并按照
    下列规定执行: — its items are the Party committee's and the government's (the half-width colon ends a lead-in),
    and item 3, 对年度考核不合格的街道和部门,约谈其主要负责人,并责令作出书面检查, lists the measures 约谈 and 书面检查.
    What extraction finds is given back as printed: the duty texts keep their half-width commas."""
    printed = _rule("baihe-2031")
    reading = reading_copy(printed, load_layout(packaged("sources") / "layout.toml"))
    assert reading.article(13).paragraphs[0].text.endswith("：") and printed.article(13).paragraphs[0].text.endswith(
        ":"
    )
    extraction = DutyExtractor(vocabulary).extract(reading)
    item = ProvisionRef("baihe-2031", 13, None, 1)
    bearers = {str(d.bearer.organ_kind.iri).rsplit("/", 1)[-1] for d in extraction.duties if d.ref == item}
    assert bearers == {"party-committee", "government"}
    measures = AccountabilityExtractor(vocabulary).extract(reading).measures
    listed = {
        str(m.measure.iri).rsplit("/", 1)[-1] for m in measures if m.ref == ProvisionRef("baihe-2031", 13, None, 3)
    }
    assert listed == {"interview", "written-examination"}
    as_printed = PrintedForms(printed, reading).of(extraction)
    texts = {d.text for d in as_printed.duties if d.ref.article == 13}
    assert texts and all("，" not in text and "：" not in text for text in texts)
    assert any("," in text for text in texts)


def test_an_untitled_member_beside_a_titled_one(obligations: ObligationReader) -> None:
    """白鹤区 art. 7: 区委常委会其他成员和其他副区长对分管领域安全生产工作负直接领导责任 obliges both the other members of
    the Party committee (no post title) and the government's other deputies (a post title, 其他副区长)."""
    found = _bearers(obligations, "区委常委会其他成员和其他副区长对分管领域安全生产工作负直接领导责任。")
    assert found == {("party-committee", "other-leadership-members"), ("government", "other-leadership-members")}


def test_a_name_s_bracketed_short_form_and_the_body_it_works_under(vocabulary: Vocabulary) -> None:
    """白鹤区 art. 8 ¶1: 区安全生产委员会(以下简称区安委会)在区委、区政府领导下,统筹协调… obliges the committee, not the
    Party committee and government it works under; art. 10 ¶2: 区委宣传部、区财政局是负有安全生产保障义务的部门 names the
    propaganda department and the finance bureau (区委 qualifies 宣传部)."""
    reading = reading_copy(_rule("baihe-2031"), load_layout(packaged("sources") / "layout.toml"))
    duties = DutyExtractor(vocabulary).extract(reading).duties

    def kinds(ref: ProvisionRef) -> set[str]:
        return {str(d.bearer.organ_kind.iri).rsplit("/", 1)[-1] for d in duties if d.ref == ref}

    assert kinds(ProvisionRef("baihe-2031", 8, 1)) == {"safety-committee"}
    assert kinds(ProvisionRef("baihe-2031", 10, 2)) == {"publicity-department", "finance"}


def test_the_reading_form_changes_only_punctuation_next_to_chinese() -> None:
    """白鹤区 art. 1 prints "党政同责、一岗双责" with straight quotes and 责任,推动 with a half-width comma: read as “…” and ，;
    a time (8:30), a number (1,000) and an odd straight quote are left as printed; the reading form is as long as the text."""
    layout = load_layout(packaged("sources") / "layout.toml")
    assert (
        reading_form('安全生产责任,推动"党政同责、一岗双责"落到实处', layout)
        == "安全生产责任，推动“党政同责、一岗双责”落到实处"
    )
    for text in ("上午8:30开会", "不少于1,000元", '他说"好'):
        assert reading_form(text, layout) == text
    assert len(reading_form("(以下简称区安委会)", layout)) == len("(以下简称区安委会)")


def test_a_prefecture_s_organs_and_posts(vocabulary: Vocabulary, obligations: ObligationReader) -> None:
    """锡林地区 (a prefecture, 地区) art. 3 ¶1: 地委书记、行署专员是本地安全生产第一责任人 names the heads of the Party
    committee (地委) and of the government (行署, its head 专员); art. 8: 分管安全生产工作的副专员 is the deputy in charge
    of safety; art. 9: 其他副专员 are the government's other members; art. 7 ¶2: 分管宣传工作的地委常委 is the member in
    charge of publicity; and their organs' words (地委, 行署, 副专员, 地区X局) name the city level."""
    doc = _rule("xilin-2032")
    assert _bearers(obligations, _paragraph(doc, 3, 1)) >= {
        ("party-committee", "principal-leader"),
        ("government", "principal-leader"),
    }
    assert ("government", "deputy-in-charge-of-safety") in _bearers(obligations, _paragraph(doc, 8, 1))
    assert _bearers(obligations, _paragraph(doc, 9, 1)) == {("government", "other-leadership-members")}
    assert ("party-committee", "member-in-charge-of-publicity") in _bearers(obligations, _paragraph(doc, 7, 2))
    levels = DutyExtractor(vocabulary).extract(doc).provision_levels
    assert levels[ProvisionRef("xilin-2032", 9, None)] == ("city",)
    assert "city" in levels[ProvisionRef("xilin-2032", 10, 1, 1)]  # 地区应急管理局…


def test_organs_listed_before_their_common_noun_and_both_measures_of_a_clause(
    vocabulary: Vocabulary, obligations: ObligationReader
) -> None:
    """锡林地区 art. 10 ¶2: 地委组织部、宣传部、政法委和地委机构编制委员会办公室等部门对安全生产工作负有保障义务 obliges the
    four organs it lists; art. 15 ¶2: 应当责令其作出书面检查，并予以通报 lists two measures; art. 13 ¶2: 在规定期限内 is no
    frequency (定期 inside 规定期限 is not 'regularly')."""
    doc = _rule("xilin-2032")
    assert _bearers(obligations, _paragraph(doc, 10, 2)) == {
        ("organization-department", ""),
        ("publicity-department", ""),
        ("political-legal-commission", ""),
        ("establishment-office", ""),
    }
    listed = _measures(vocabulary, doc, ProvisionRef("xilin-2032", 15, 2))
    assert {"written-examination", "notice"} <= listed
    wording = BearerReader(vocabulary).wording
    assert find_frequencies(_paragraph(doc, 13, 2), wording) == []


def test_triggers_listed_before_pursuing_responsibility_and_a_label_naming_two_domains(vocabulary: Vocabulary) -> None:
    """白鹤区 art. 15: 党政领导干部有下列情形之一的,依规依纪依法追究责任: lists triggers (追究责任, not only 问责), and item 3,
    在城镇燃气、危险化学品等重点领域安全监管中失职失责, concerns those two domains. 森林草原防火 (岚山旗 art. 11) names both
    forest and grassland fire prevention (one label the lexicon gives two concepts)."""
    layout = load_layout(packaged("sources") / "layout.toml")
    triggers = AccountabilityExtractor(vocabulary).extract(reading_copy(_rule("baihe-2031"), layout)).triggers
    by_ref = {t.ref: {str(d.iri).rsplit("/", 1)[-1] for d in t.domains} for t in triggers}
    assert [t.ref.item for t in triggers if t.ref.article == 15] == [1, 2, 3, 4, 5]
    assert by_ref[ProvisionRef("baihe-2031", 15, None, 3)] == {"urban-gas", "hazardous-chemicals"}
    domains = vocabulary.matcher("domains").concepts_in("加强森林草原防火工作")
    assert {str(d.iri).rsplit("/", 1)[-1] for d in domains} == {"forest-fire-prevention", "grassland-fire-prevention"}


def test_an_article_s_caption_is_its_title_not_its_text() -> None:
    """澜湾新区 art. 1: 第一条【目的依据】为了全面落实… — the caption in brackets is the article's title; its text starts at
    为了, and the caption is kept (the rule rebuilt from its provisions prints it after the number)."""
    doc = _rule("lanwan-2033")
    first = doc.article(1)
    assert first.caption == "【目的依据】" and first.title == "目的依据"
    assert first.paragraphs[0].text.startswith("为了全面落实")
    assert "第一条【目的依据】为了全面落实" in doc.body_text()


def test_a_zone_s_organs_and_posts(vocabulary: Vocabulary, obligations: ObligationReader) -> None:
    """澜湾新区 (a new area) art. 3: 新区党工委书记、新区管委会主任是新区安全生产第一责任人…；党工委其他委员和管委会其他副主任
    对分管行业领域的安全生产工作负领导责任 names the heads and the other members of the Party working committee and of the
    management committee (post titles); art. 11 item 5: 公安澜湾新区分局负责道路交通安全管理 is the public security
    bureau's (a place's name inside an organ's name); art. 13 ¶2: 由新区安全生产委员会予以通报，并约谈其主要负责人 obliges
    the safety committee and lists two measures."""
    doc = _rule("lanwan-2033")
    assert _bearers(obligations, _paragraph(doc, 3, 1)) == {
        ("party-working-committee", "principal-leader"),
        ("management-committee", "principal-leader"),
        ("party-working-committee", "other-leadership-members"),
        ("management-committee", "other-leadership-members"),
    }
    item = doc.article(11).paragraphs[0].items[4].text
    assert ("public-security", "") in _bearers(obligations, item.replace("澜湾新区", "贵阳"))  # a place of the lexicon
    assert _bearers(obligations, _paragraph(doc, 13, 2)) == {("safety-committee", "")}
    listed = _measures(vocabulary, doc, ProvisionRef("lanwan-2033", 13, 2))
    assert listed == {"notice", "interview"}


def test_a_document_s_title_names_no_level(vocabulary: Vocabulary) -> None:
    """澜湾新区 art. 19: …《澜湾新区安全生产责任制暂行办法》（…）同时废止 — the 新区 inside a repealed document's title is no
    level of the provision; art. 4, 新区安全生产委员会在新区党工委、新区管委会领导下…, is at the zone's level."""
    levels = DutyExtractor(vocabulary).extract(_rule("lanwan-2033")).provision_levels
    assert ProvisionRef("lanwan-2033", 19, None) not in levels
    assert levels[ProvisionRef("lanwan-2033", 4, None)] == ("functional-zone",)


def test_a_signature_after_the_rule_gives_its_issuers_and_date() -> None:
    """洞庭街道 prints no preamble but its title; after 第十八条 it signs 中共洞庭街道工作委员会　洞庭街道办事处 and
    二〇三四年三月十日: closing matter, not a paragraph of art. 18, and the issuers and the date of issue are read
    from it."""
    doc = _rule("dongting-2034")
    assert len(doc.article(18).paragraphs) == 1 and "洞庭街道办事处" in doc.trailing
    facts = read_around(doc.preamble, doc.trailing, load_layout(packaged("sources") / "layout.toml"))
    assert facts.issuers == ("中共洞庭街道工作委员会", "洞庭街道办事处")
    assert facts.issued == datetime.date(2034, 3, 10)


def test_a_sub_district_s_posts_and_its_community_bodies(vocabulary: Vocabulary, obligations: ObligationReader) -> None:
    """洞庭街道 art. 3 ¶2: 分管安全生产工作的办事处副主任负综合监管领导责任；党工委副书记、其他办事处副主任和党工委委员…负直接
    领导责任 names the deputy in charge of safety and the other members of the Party working committee and of the office
    (post titles); art. 11 ¶1: 社区党组织、社区居民委员会…主要职责包括： — two organs of one kind, both obliged by its
    items; art. 14 ¶2: 组织处理包括停职检查、调整职务、责令辞职、降职、免职 lists those measures."""
    doc = _rule("dongting-2034")
    assert _bearers(obligations, _paragraph(doc, 3, 2)) == {
        ("party-working-committee", "principal-leader"),
        ("government", "principal-leader"),
        ("government", "deputy-in-charge-of-safety"),
        ("party-working-committee", "other-leadership-members"),
        ("government", "other-leadership-members"),
    }
    duties = DutyExtractor(vocabulary).extract(doc).duties
    item = ProvisionRef("dongting-2034", 11, 1, 1)
    kinds = {str(d.bearer.organ_kind.iri).rsplit("/", 1)[-1] for d in duties if d.ref == item}
    assert kinds == {"village-party-organization", "villagers-committee"}
    listed = _measures(vocabulary, doc, ProvisionRef("dongting-2034", 14, 2))
    assert {"suspension-for-examination", "post-adjustment", "ordered-resignation", "demotion", "removal"} <= listed


def test_a_policy_document_s_register(vocabulary: Vocabulary, obligations: ObligationReader) -> None:
    """玉屏县 writes as a policy document: art. 4 item 2 一季度一次听取…汇报 and item 5 半年一次带队督导检查 are once a
    quarter and once a half year (a count in words after its period; 第一季度 is no period); art. 10 ¶2 names three
    industry authorities in one sentence (…，县教育局是学校安全的行业主管部门: each clause its own subject); art. 10 ¶3
    由县市场监督管理局履行特种设备安全监管职责 obliges that bureau; art. 11 …按照职责分工配合 obliges those who cooperate."""
    doc = _rule("yuping-2035")
    wording = BearerReader(vocabulary).wording
    items = doc.article(4).paragraphs[0].items
    assert [(f.period, f.minimum_count) for f in find_frequencies(items[1].text, wording)] == [("P3M", 1)]
    assert [(f.period, f.minimum_count) for f in find_frequencies(items[4].text, wording)] == [("P6M", 1)]
    assert find_frequencies("第一季度完成排查。", wording) == []
    designations = DutyExtractor(vocabulary).extract(doc).designations
    authorities = {
        str(d.organ_kind.iri).rsplit("/", 1)[-1]
        for d in designations
        if d.ref == ProvisionRef("yuping-2035", 10, 2) and d.type_slug == "industry-authority"
    }
    assert authorities == {"transport", "housing-and-urban-rural-development", "education"}
    assert ("market-regulation", "") in _bearers(obligations, _paragraph(doc, 10, 3))
    cooperating = _bearers(obligations, doc.article(11).paragraphs[0].text)
    assert {("public-security", ""), ("transport", ""), ("market-regulation", "")} <= cooperating


def test_a_policy_document_s_modal_verbs_oblige(obligations: ObligationReader) -> None:
    """玉屏县 art. 8 ¶1: 县委组织部负责…；县委宣传部牵头做好…；县委政法委要将安全生产纳入… obliges all three (要 and 牵头 as a
    policy document writes its duties); 主要, 重要, 需要 and 要求 oblige no one."""
    found = _bearers(obligations, _paragraph(_rule("yuping-2035"), 8, 1))
    assert found >= {("organization-department", ""), ("publicity-department", ""), ("political-legal-commission", "")}
    assert _bearers(obligations, "县应急管理局的主要职责和重要要求见附件。") == set()


def test_a_legal_database_s_bracketed_fields() -> None:
    """黔东苗族侗族自治州 is copied from a legal database: 【发布部门】…；…, 【发文字号】…, 【发布日期】2036.04.02 before the
    title are its issuers, number and date of issue (not 【实施日期】, the last date before the rule), and 【法宝引证码】…
    after art. 20 is closing matter, not a paragraph of it."""
    doc = _rule("qiandong-2036")
    facts = read_around(doc.preamble, doc.trailing, load_layout(packaged("sources") / "layout.toml"), doc.header_fields)
    assert facts.issuers == ("中共黔东苗族侗族自治州委员会办公室", "黔东苗族侗族自治州人民政府办公室")
    assert facts.number == "黔东党办发〔2036〕8号" and facts.issued == datetime.date(2036, 4, 2)
    assert len(doc.article(20).paragraphs) == 1 and "法宝引证码" in doc.trailing


def test_designations_by_为_and_measures_listed_as_the_ways_of_accountability(vocabulary: Vocabulary) -> None:
    """黔东苗族侗族自治州 art. 9 ¶3: 州教育局、州文化和旅游局、州卫生健康局…为本系统本行业的行业主管部门 designates them (为 as
    是); art. 14 ¶1: 对党政领导干部的问责方式包括：通报批评、诫勉谈话、停职检查、责令辞职、免职 lists five measures."""
    doc = _rule("qiandong-2036")
    designations = DutyExtractor(vocabulary).extract(doc).designations
    authorities = {
        str(d.organ_kind.iri).rsplit("/", 1)[-1] for d in designations if d.ref == ProvisionRef("qiandong-2036", 9, 3)
    }
    assert {"education", "culture-and-tourism", "health-commission"} <= authorities
    listed = _measures(vocabulary, doc, ProvisionRef("qiandong-2036", 14, 1))
    assert listed == {"notice", "admonition", "suspension-for-examination", "ordered-resignation", "removal"}


# ------------------------------------------------------------------ kinds of jurisdiction no test rule is of
# The organ and post words and the level phrases of leagues (盟), forest districts (林区), special districts (特区),
# mining districts (矿区) and townships (乡, 民族乡) are general knowledge of Chinese administration, in the lexicon
# before any rule of such a place is read. The rules below are constructed examples written for these tests, in the
# genre's words; no test rule (tests/rules/) is of these kinds.

_NUMERALS = "一二三四五六七八九十"


def _constructed(doc_id: str, *articles: str) -> ParsedDocument:
    """A short rule written for a test: a title and one article per text, parsed as add-source parses a rule."""
    lines = [
        "雾岭党政领导干部安全生产责任制实施办法",
        *(f"第{_NUMERALS[n]}条　{text}" for n, text in enumerate(articles)),
    ]
    layout = load_layout(packaged("sources") / "layout.toml")
    return parse_document(doc_id, Path(f"{doc_id}.txt"), "\n".join(lines) + "\n", SourceProfile(layout=layout))


def _read(
    vocabulary: Vocabulary, doc: ParsedDocument
) -> tuple[dict[int, set[tuple[str, str]]], dict[int, tuple[str, ...]]]:
    """Each article's bearers (organ kind, role) and the levels it names, by article number."""
    extraction = DutyExtractor(vocabulary).extract(doc)
    bearers: dict[int, set[tuple[str, str]]] = {}
    for duty in extraction.duties:
        role = str(duty.bearer.role.iri).rsplit("/", 1)[-1] if duty.bearer.role else ""
        bearers.setdefault(duty.ref.article, set()).add((str(duty.bearer.organ_kind.iri).rsplit("/", 1)[-1], role))
    levels = {ref.article: found for ref, found in extraction.provision_levels.items() if ref.paragraph is None}
    return bearers, levels


def test_a_league_s_organs_posts_and_levels(vocabulary: Vocabulary, obligations: ObligationReader) -> None:
    """A league (盟, a prefecture-level place of Inner Mongolia) has a Party committee (盟委) whose secretary and members
    are 盟委书记 and 盟委委员, an administrative office (盟行政公署, 行署) headed by the 盟长 with 副盟长 deputies, and
    its departments (盟直部门): all at the city level; the banners and counties under it (旗县市区) are at the county
    level. Constructed examples, not from any rule."""
    doc = _constructed(
        "league",
        "盟委书记、盟长是本盟安全生产第一责任人，对本盟安全生产工作负全面领导责任。",
        "分管安全生产工作的副盟长协助盟长抓好安全生产工作，负综合监管领导责任。",
        "其他副盟长对分管行业领域的安全生产工作负领导责任。",
        "盟行政公署每季度至少召开1次常务会议研究安全生产工作。",
        "盟直各部门主要负责人对本部门安全生产工作负全面领导责任。",
        "各旗县市区党委和政府应当落实本地区安全生产属地管理责任。",
    )
    bearers, levels = _read(vocabulary, doc)
    assert bearers[1] == {("party-committee", "principal-leader"), ("government", "principal-leader")}
    assert ("government", "deputy-in-charge-of-safety") in bearers[2]
    assert bearers[3] == {("government", "other-leadership-members")}
    assert bearers[4] == {("government", "")}
    assert bearers[5] == {("government-department", "principal-leader")}
    assert [levels[n] for n in range(1, 6)] == [("city",)] * 5
    assert levels[6] == ("county",)
    (obligee,) = obligations.read("盟行署主要负责人每半年至少主持召开1次安全生产委员会全体会议。", [])
    assert obligee.levels == ("city",) and obligee.bearers[0].organ_kind.iri.endswith("/government")
    # 民盟 (a democratic party) and 联盟 (an alliance) are no league
    assert BearerReader(vocabulary).wording.all_levels_in("provision", "民盟委员和产业联盟市场主体") == ()


def test_a_forest_district_s_organs_posts_and_levels(vocabulary: Vocabulary) -> None:
    """A forest district (林区, a county-level place directly under a province) has a Party committee (林区党委,
    林区委) and a government (林区人民政府) whose head is titled 区长 (林区长 in some texts) with deputies (副区长,
    副林区长), and its departments (林区直部门): all at the county level; its forest farms (林场) are state farms, a
    functional zone. A forest area (林区、牧区: where fires are watched) or a state forest area (国有林区) is no
    jurisdiction. Constructed examples, not from any rule."""
    doc = _constructed(
        "forest",
        "林区党委书记、区长是本林区安全生产第一责任人。",
        "分管安全生产工作的副林区长负综合监管领导责任。",
        "林区党委每半年至少召开1次常委会会议研究安全生产工作。",
        "林区人民政府每季度至少召开1次常务会议研究安全生产工作。",
        "林区直各部门主要负责人对本部门安全生产工作负全面领导责任。",
        "其他副林区长对分管行业领域的安全生产工作负领导责任。",
        "各林场应当落实安全生产主体责任。",
    )
    bearers, levels = _read(vocabulary, doc)
    assert bearers[1] == {("party-committee", "principal-leader"), ("government", "principal-leader")}
    assert bearers[2] == {("government", "deputy-in-charge-of-safety")}
    assert bearers[3] == {("party-committee", "")}
    assert bearers[4] == {("government", "")}
    assert bearers[5] == {("government-department", "principal-leader")}
    assert bearers[6] == {("government", "other-leadership-members")}
    assert [levels[n] for n in range(1, 7)] == [("county",)] * 6
    assert levels[7] == ("functional-zone",)
    wording = BearerReader(vocabulary).wording
    assert wording.all_levels_in("provision", "每年防火期前至少组织1次林区、牧区火灾隐患排查") == ()
    assert wording.all_levels_in("provision", "重点国有林区党委") == ()


def test_a_special_and_a_mining_district_s_organs_posts_and_levels(vocabulary: Vocabulary) -> None:
    """A special district (特区) and a mining district (矿区) are county-level places: 特区党委 (特区委), 特区人民政府,
    its head the 区长 (特区长) and his deputies (副特区长), its departments (特区直部门); 矿区党委 or 矿区区委, 矿区人民政府,
    矿区区长. Constructed examples, not from any rule."""
    doc = _constructed(
        "special",
        "特区党委书记、特区长是本特区安全生产第一责任人。",
        "分管安全生产工作的副特区长负综合监管领导责任。",
        "特区直各部门主要负责人对本部门安全生产工作负全面领导责任。",
        "矿区党委每半年至少听取1次安全生产工作汇报。",
        "矿区区委书记、矿区区长是本区安全生产第一责任人。",
        "矿区人民政府每季度至少研究1次安全生产工作。",
    )
    bearers, levels = _read(vocabulary, doc)
    assert bearers[1] == {("party-committee", "principal-leader"), ("government", "principal-leader")}
    assert bearers[2] == {("government", "deputy-in-charge-of-safety")}
    assert bearers[3] == {("government-department", "principal-leader")}
    assert bearers[4] == {("party-committee", "")}
    assert bearers[5] == {("party-committee", "principal-leader"), ("government", "principal-leader")}
    assert bearers[6] == {("government", "")}
    assert [levels[n] for n in range(1, 7)] == [("county",)] * 6


def test_a_township_s_and_an_ethnic_township_s_organs_posts_and_levels(
    vocabulary: Vocabulary, obligations: ObligationReader
) -> None:
    """A township (乡) and an ethnic township (民族乡) have a Party committee (乡党委), a government (乡人民政府) headed by
    the 乡长 with 副乡长 deputies, as a town (镇) has: all at the township level. Constructed examples, not from any
    rule."""
    doc = _constructed(
        "township",
        "乡党委书记、乡长是本乡安全生产第一责任人。",
        "分管安全生产工作的副乡长负综合监管领导责任。",
        "乡人民政府每季度至少研究1次安全生产工作。",
        "民族乡党委书记、民族乡乡长是本乡安全生产第一责任人。",
    )
    bearers, levels = _read(vocabulary, doc)
    assert bearers[1] == bearers[4] == {("party-committee", "principal-leader"), ("government", "principal-leader")}
    assert bearers[2] == {("government", "deputy-in-charge-of-safety")}
    assert bearers[3] == {("government", "")}
    assert [levels[n] for n in range(1, 5)] == [("township",)] * 4
    (obligee,) = obligations.read("民族乡人民政府应当落实安全生产属地管理责任。", [])
    assert obligee.levels == ("township",)


def test_a_title_broken_over_two_lines_and_chapters_headed_一_总则() -> None:
    """雾岭办法 prints 附件, then its title over two lines (雾岭林区党政领导干部 / 安全生产责任制实施办法), and heads its
    chapters 一、总则 … 六、附则 with no 第N章; 第五条 opens chapter 二、党委和政府领导干部职责."""
    doc = _rule("wuling-2037")
    facts = read_around(doc.preamble, doc.trailing, load_layout(packaged("sources") / "layout.toml"), doc.header_fields)
    assert facts.title == "雾岭林区党政领导干部安全生产责任制实施办法"
    assert facts.issued == datetime.date(2037, 5, 26)  # 印发, the later of the two dates under the title
    assert [(chapter.marker, chapter.title) for chapter in doc.chapters][:2] == [
        ("一、", "总则"),
        ("二、", "党委和政府领导干部职责"),
    ]
    assert len(doc.chapters) == 6 and doc.chapters[1].articles[0].number == 5


# ------------------------------------------------------------------ round 18, tuned on 雾岭林区 (wuling-2037)


def _bearers_by_provision(vocabulary: Vocabulary, doc: ParsedDocument) -> dict[ProvisionRef, set[tuple[str, str]]]:
    """Each provision's duty bearers (organ kind, role), by provision."""
    found: dict[ProvisionRef, set[tuple[str, str]]] = {}
    for duty in DutyExtractor(vocabulary).extract(doc).duties:
        role = str(duty.bearer.role.iri).rsplit("/", 1)[-1] if duty.bearer.role else ""
        found.setdefault(duty.ref, set()).add((str(duty.bearer.organ_kind.iri).rsplit("/", 1)[-1], role))
    return found


def test_departments_named_by_their_fuller_names(vocabulary: Vocabulary) -> None:
    """雾岭办法 art. 11 ¶1: 林区林业管理局是林业行业主管部门 (item 2), 林区经济和信息化局是工业行业主管部门 (item 6),
    林区自然资源和规划局…；林区水利和湖泊局… (item 7) name the forestry, industry and information technology,
    natural resources and water resources departments (organ-kinds.ttl labels)."""
    doc = _rule("wuling-2037")
    bearers = _bearers_by_provision(vocabulary, doc)
    assert bearers[ProvisionRef("wuling-2037", 11, 1, 2)] == {("forestry", "")}
    assert bearers[ProvisionRef("wuling-2037", 11, 1, 7)] == {("natural-resources", ""), ("water-resources", "")}
    authorities = {
        (d.ref.item, str(d.organ_kind.iri).rsplit("/", 1)[-1])
        for d in DutyExtractor(vocabulary).extract(doc).designations
        if d.type_slug == "industry-authority"
    }
    assert {(2, "forestry"), (6, "industry-and-information-technology")} <= authorities


def test_a_state_forest_farm_its_heads_and_forest_protection(vocabulary: Vocabulary) -> None:
    """雾岭办法 art. 14 ¶1: 各国有林场…负主体责任。林场党组织书记、场长是本场安全生产第一责任人…；其他班子成员… — the
    farm (a functional zone's management body, as 国有农（林）场…等各类功能区管理机构 in the Hubei rule), its heads and its
    other members; art. 13 ¶3: 护林防火 is forest fire prevention."""
    doc = _rule("wuling-2037")
    bearers = _bearers_by_provision(vocabulary, doc)
    assert bearers[ProvisionRef("wuling-2037", 14, 1)] == {
        ("functional-zone-management-body", ""),
        ("functional-zone-management-body", "principal-leader"),
        ("functional-zone-management-body", "other-leadership-members"),
    }
    duties = DutyExtractor(vocabulary).extract(doc).duties
    domains = {
        str(c.iri).rsplit("/", 1)[-1] for d in duties if d.ref == ProvisionRef("wuling-2037", 13, 3) for c in d.domains
    }
    assert "forest-fire-prevention" in domains


def test_the_discipline_secretary_and_a_deputy_head_in_charge_of_a_field(vocabulary: Vocabulary) -> None:
    """雾岭办法 art. 7 item 4: 林区党委常委、纪委书记、监委主任负责… is the Party committee member in charge of discipline
    inspection; art. 9 item 3: 分管森林防火工作的副林区长…每月至少带队检查一次 is a deputy head in charge of a field
    (post-titles.ttl), beside the other deputy heads of the lead-in."""
    bearers = _bearers_by_provision(vocabulary, _rule("wuling-2037"))
    assert bearers[ProvisionRef("wuling-2037", 7, None, 4)] == {
        ("party-committee", "member-in-charge-of-discipline-inspection")
    }
    assert ("government", "member-in-charge-of-field") in bearers[ProvisionRef("wuling-2037", 9, None, 3)]
    assert ("government", "") not in bearers[ProvisionRef("wuling-2037", 9, None, 3)]


def test_organs_listed_with_their_place_words_and_a_paragraph_naming_their_heads(vocabulary: Vocabulary) -> None:
    """雾岭办法 art. 10 ¶1: 林区党委工作机关、林区政府工作部门 — both organs, the place word (林区) repeated after 、; ¶2:
    各部门主要负责人是本部门安全生产第一责任人… obliges the heads of both, not the organs themselves."""
    bearers = _bearers_by_provision(vocabulary, _rule("wuling-2037"))
    assert bearers[ProvisionRef("wuling-2037", 10, 1)] == {("party-working-organ", ""), ("government-department", "")}
    assert bearers[ProvisionRef("wuling-2037", 10, 2)] == {
        ("party-working-organ", "principal-leader"),
        ("government-department", "principal-leader"),
    }


def test_what_must_be_set_up_and_who_is_held_accountable_bear_nothing(vocabulary: Vocabulary) -> None:
    """雾岭办法 art. 13 ¶2: 乡镇应当设立应急管理办公室… — the office it sets up is no bearer (the township Party committee
    and government of ¶1 are); art. 16: …领导干部…有下列情形之一的，应当依规依纪依法予以问责： — its items are
    circumstances, the leaders they are about bear none of them."""
    bearers = _bearers_by_provision(vocabulary, _rule("wuling-2037"))
    assert bearers[ProvisionRef("wuling-2037", 13, 2)] == {("party-committee", ""), ("government", "")}
    assert not any(ref.article == 16 for ref in bearers)


def test_measures_named_by_their_items_headings(vocabulary: Vocabulary) -> None:
    """雾岭办法 art. 17 ¶1: …采取下列方式问责：（一）通报。在一定范围内通报批评…；（二）约谈、诫勉。对其进行约谈… — each
    item's heading names its measures."""
    doc = _rule("wuling-2037")
    assert _measures(vocabulary, doc, ProvisionRef("wuling-2037", 17, 1, 1)) == {"notice"}
    assert _measures(vocabulary, doc, ProvisionRef("wuling-2037", 17, 1, 2)) == {"interview", "admonition"}


def test_a_remark_on_who_holds_the_post_an_action_by_the_list_and_a_task_given_by_由(vocabulary: Vocabulary) -> None:
    """雾岭办法 art. 8: 林区政府分管安全生产工作的副林区长原则上由…担任，协助林区长… — 原则上 ends the subject, and the
    deputy assists; item 2: 按照下列要求组织研判安全生产形势： is a duty of its own, besides its sub-items; art. 11 ¶2:
    …，由林区安委会按照业务相近、便于监管的原则，明确负有安全生产监管职责的部门 obliges the committee, not the
    departments it names."""
    bearers = _bearers_by_provision(vocabulary, _rule("wuling-2037"))
    deputy = {("government", "deputy-in-charge-of-safety")}
    assert bearers[ProvisionRef("wuling-2037", 8)] == deputy
    assert bearers[ProvisionRef("wuling-2037", 8, None, 2)] == deputy
    assert bearers[ProvisionRef("wuling-2037", 11, 2)] == {("safety-committee", "")}


def test_a_web_page_s_source_is_read_as_its_reader_sees_it() -> None:
    """石岗细则 is the HTML source of a web page: 第九条's items stand in the article's own <p>, split by <br/>; 第十三条's
    three paragraphs are one <p> split by <br/> and &#12288;; entities are their characters (&ldquo;一岗双责&rdquo;);
    every provision keeps the number of its line in the file, and 附件下载 after 第二十条 is closing matter."""
    doc = _rule("shigang-2038")
    assert len(doc.chapters) == 5 and len(doc.articles) == 20
    ninth = doc.articles[8]
    assert ninth.line == 76 and ninth.paragraphs[0].text.endswith("其安全生产职责主要包括：")
    assert len(ninth.paragraphs[0].items) > 1 and ninth.paragraphs[0].items[0].line == 77
    thirteenth = doc.articles[12]
    assert len(thirteenth.paragraphs) == 3 and thirteenth.paragraphs[1].text.startswith("驻区国有煤矿企业主要负责人")
    assert all("&" not in a.full_text() and "<" not in a.full_text() for a in doc.articles)
    assert "“党政同责、一岗双责”" in doc.articles[19].paragraphs[0].text
    assert len(doc.articles[19].paragraphs) == 1 and doc.trailing.startswith("附件下载：") and doc.trailing_line == 128


def test_a_page_s_scripts_styles_and_comments_are_dropped_and_its_lines_keep_their_numbers() -> None:
    page = '<html><head>\n<title>关于印发…的通知</title>\n</head>\n<body><script>\nvar a = "第一条";\n</script>\n'
    page += "<!-- 正文\n开始 --><p>第一条&nbsp;为了测试。<br/>第二款&#12288;内容。</p>\n</body></html>"
    assert is_page_source(page) and not is_page_source("第一条 年满18周岁<18>的，适用本办法。")
    text = [(number, line) for number, line in page_lines(page) if line.strip()]
    assert text == [(8, "第一条\xa0为了测试。"), (8, "第二款\u3000内容。")]


def test_sub_items_are_the_duties_of_the_department_their_item_names(vocabulary: Vocabulary) -> None:
    """石岗细则 art. 12: 区政府有关部门按照下列分工履行…职责：（二）区能源局是全区煤矿行业主管部门，…履行下列职责：1. 每月
    至少组织1次… — the sub-items are the energy bureau's, not the lead-in's departments'."""
    bearers = _bearers_by_provision(vocabulary, _rule("shigang-2038"))
    for subitem in (1, 2, 3):
        assert bearers[ProvisionRef("shigang-2038", 12, None, 2, subitem)] == {("energy-administration", "")}


def test_a_member_of_a_list_joined_by_和_and_the_other_departments_concerned(vocabulary: Vocabulary) -> None:
    """石岗细则 art. 11 ¶2: 区委组织部、…、区委编办和区财政局、…等部门对安全生产工作负有保障义务 — 区委编办和区财政局 is two
    members (the establishment office and the finance bureau), not the Party committee; art. 12 item 9: 区政府其他有关
    部门…负责本行业（领域）的安全生产工作 is the government's working departments."""
    bearers = _bearers_by_provision(vocabulary, _rule("shigang-2038"))
    assert ("party-committee", "") not in bearers[ProvisionRef("shigang-2038", 11, 2)]
    assert {("establishment-office", ""), ("finance", "")} <= bearers[ProvisionRef("shigang-2038", 11, 2)]
    assert bearers[ProvisionRef("shigang-2038", 12, None, 9)] == {("government-department", "")}


def test_the_other_members_are_of_the_organs_whose_heads_were_named(obligations: ObligationReader) -> None:
    """石岗细则 art. 11 ¶1: 区委工作机关、区政府工作部门应当…。各部门（单位）主要负责人…负全面领导责任，领导班子其他成员…
    抓好… — the other members are the departments' (units'), whose heads the sentence before named."""
    found = _bearers(obligations, _rule_paragraph("shigang-2038", 11, 1))
    assert ("departments-and-units", "other-leadership-members") in found
    assert ("government-department", "other-leadership-members") not in found


def test_a_department_stated_to_be_a_supervisory_department(vocabulary: Vocabulary) -> None:
    """石岗细则 art. 12: （一）区应急管理局是…综合监管部门，也是非煤矿山…的安全生产监管部门; （四）区公安分局是道路交通安全…
    的监管部门; （七）区市场监督管理局是特种设备安全监管部门 — 监管部门 after 是 designates; art. 5 item 5: 加强区应急管理局等
    安全生产监管部门领导班子建设 designates nothing."""
    found = {
        (d.ref.article, d.ref.item, str(d.organ_kind.iri).rsplit("/", 1)[-1])
        for d in DutyExtractor(vocabulary).extract(_rule("shigang-2038")).designations
        if d.type_slug == "supervisory-department"
    }
    assert found == {(12, 1, "emergency-management"), (12, 4, "public-security"), (12, 7, "market-regulation")}


def test_done_by_the_agent_after_由_and_a_periodic_notice(vocabulary: Vocabulary) -> None:
    """石岗细则 art. 13 ¶1: 联席会议由分管安全生产工作的副区长召集 obliges the deputy, not the joint conference; art. 17 ¶1:
    需要给予党纪政务处分的，由纪检监察机关依规依纪依法给予党纪政务处分 obliges the discipline organs; art. 15 ¶3: 区安委会
    办公室每季度对…进行通报 obliges the office; art. 4 ¶2: 区安全生产委员会（以下简称区安委会）在区委、区政府领导下统筹协调
    全区安全生产工作 obliges the committee."""
    bearers = _bearers_by_provision(vocabulary, _rule("shigang-2038"))
    assert ("government", "deputy-in-charge-of-safety") in bearers[ProvisionRef("shigang-2038", 13, 1)]
    assert ("joint-conference", "") not in bearers[ProvisionRef("shigang-2038", 13, 1)]
    assert bearers[ProvisionRef("shigang-2038", 17, 1)] == {("discipline-inspection-supervision", "")}
    assert bearers[ProvisionRef("shigang-2038", 15, 3)] == {("safety-committee-office", "")}
    assert ("safety-committee", "") in bearers[ProvisionRef("shigang-2038", 4, 2)]


def test_an_order_after_a_condition_and_municipal_works(vocabulary: Vocabulary) -> None:
    """石岗细则 art. 17 ¶2: …；情节严重的，责令作出书面检查 is the measure 责令作出书面检查; art. 12 item 6: 房屋建筑和市政
    工程施工 is housing and municipal construction."""
    doc = _rule("shigang-2038")
    assert "written-examination" in _measures(vocabulary, doc, ProvisionRef("shigang-2038", 17, 2))
    extraction = DutyExtractor(vocabulary).extract(doc)
    domains = {
        str(c.iri).rsplit("/", 1)[-1]
        for d in extraction.duties
        if d.ref == ProvisionRef("shigang-2038", 12, None, 6)
        for c in d.domains
    }
    assert "housing-and-municipal-construction" in domains and "construction" not in domains


def test_an_attachment_after_the_rule_and_a_signature_at_the_end() -> None:
    """白音办法 ends 第二十条 with its entry into force; then 附件 alone on a line and a list of names (closing matter, not
    a paragraph of 第二十条), and at the very end 抄送：… and 中共白音盟委员会办公室　2039年6月3日印发, which give its
    issuer and date (its preamble has only the document number)."""
    doc = _rule("baiyin-2039")
    last = doc.articles[-1]
    assert last.number == 20 and len(last.paragraphs) == 1 and doc.trailing.startswith("附件")
    facts = read_around(doc.preamble, doc.trailing, load_layout(packaged("sources") / "layout.toml"), doc.header_fields)
    assert facts.issuers == ("中共白音盟委员会办公室",) and facts.issued == datetime.date(2039, 6, 3)


def _domains_of(vocabulary: Vocabulary, doc: ParsedDocument, ref: ProvisionRef) -> set[str]:
    """The domains of a provision's duties, by slug."""
    return {
        str(c.iri).rsplit("/", 1)[-1]
        for d in DutyExtractor(vocabulary).extract(doc).duties
        if d.ref == ref
        for c in d.domains
    }


def test_a_merged_culture_tourism_and_sports_bureau_and_its_events(vocabulary: Vocabulary) -> None:
    """白音办法 art. 10 item 7: 盟文化旅游体育局是旅游行业主管部门，指导…那达慕等大型群众性文化体育活动的安全管理工作 —
    the culture and tourism department (not sports) is the authority, and the events are large public events
    (not sports); art. 12 ¶1: 农牧业机械 is agricultural machinery (organ-kinds.ttl, domains.ttl labels)."""
    doc = _rule("baiyin-2039")
    ref = ProvisionRef("baiyin-2039", 10, 1, 7)
    assert _bearers_by_provision(vocabulary, doc)[ref] == {("culture-and-tourism", "")}
    domains = _domains_of(vocabulary, doc, ref)
    assert "large-public-events" in domains and "sports" not in domains
    designated = {
        (str(d.organ_kind.iri).rsplit("/", 1)[-1], d.type_slug)
        for d in DutyExtractor(vocabulary).extract(doc).designations
        if d.ref == ref
    }
    assert designated == {("culture-and-tourism", "industry-authority")}
    assert "agricultural-machinery" in _domains_of(vocabulary, doc, ProvisionRef("baiyin-2039", 12, 1))


def test_the_post_a_subject_holds_is_no_actor(vocabulary: Vocabulary) -> None:
    """白音办法 art. 5 item 6: 担任盟安全生产委员会主任，领导…，每年至少带队开展2次… and art. 6 item 2: 担任盟安全生产
    委员会常务副主任，负责… are the duties of the lead-in's 盟长 and 副盟长 (担任 ends the subject, as 协助 does); 石岗细则
    art. 8: 副区长（原则上由区委常委担任）协助… — 担任 inside the bracketed remark ends nothing."""
    bearers = _bearers_by_provision(vocabulary, _rule("baiyin-2039"))
    assert bearers[ProvisionRef("baiyin-2039", 5, None, 6)] == {("government", "principal-leader")}
    assert bearers[ProvisionRef("baiyin-2039", 6, None, 2)] == {("government", "deputy-in-charge-of-safety")}
    shigang = _bearers_by_provision(vocabulary, _rule("shigang-2038"))
    assert shigang[ProvisionRef("shigang-2038", 8)] == {("government", "deputy-in-charge-of-safety")}


def test_the_post_an_organ_must_designate_is_no_bearer(vocabulary: Vocabulary) -> None:
    """白音办法 art. 12 ¶1: 苏木乡镇党委和政府应当明确1名班子成员分管安全生产工作，… obliges the Party committee and the
    government, not a deputy in charge of safety (the post they must designate)."""
    bearers = _bearers_by_provision(vocabulary, _rule("baiyin-2039"))
    assert bearers[ProvisionRef("baiyin-2039", 12, 1)] == {("party-committee", ""), ("government", "")}


def test_an_administrative_office_sets_up_a_system_and_reports_every_year(vocabulary: Vocabulary) -> None:
    """白音办法 art. 13: 盟委、行署建立安全生产考核和巡查制度 (行署, the administrative office, sets it up); art. 14:
    旗县市党委和政府每年1月底前向盟委、行署书面报告… (a yearly report to a higher body obliges its subject)."""
    bearers = _bearers_by_provision(vocabulary, _rule("baiyin-2039"))
    assert bearers[ProvisionRef("baiyin-2039", 13)] == {("party-committee", ""), ("government", "")}
    assert {("party-committee", ""), ("government", "")} <= bearers[ProvisionRef("baiyin-2039", 14)]


def test_members_among_the_standing_committee_by_the_field_they_oversee(vocabulary: Vocabulary) -> None:
    """白音办法 art. 8 ¶2: 前款规定的盟委常委中，分管组织工作的，应当…；分管宣传工作的，应当… obliges the members in charge
    of organization and of publicity (a role before 的 is a subject, not a condition), not the Party committee."""
    bearers = _bearers_by_provision(vocabulary, _rule("baiyin-2039"))
    assert bearers[ProvisionRef("baiyin-2039", 8, 2)] == {
        ("party-committee", "member-in-charge-of-organization-and-personnel"),
        ("party-committee", "member-in-charge-of-publicity"),
    }


def test_banners_counties_and_cities_a_league_committee_and_chemical_parks(vocabulary: Vocabulary) -> None:
    """白音办法 art. 11 items 2 and 5: 旗县市政府… is the county level, not the city's (市政府 inside 旗县市政府); art. 10 ¶2:
    盟安全生产委员会… is the league's (city) level; art. 10 item 5: 化工园区安全整治 names a kind of park, no level."""
    levels = DutyExtractor(vocabulary).extract(_rule("baiyin-2039")).provision_levels
    assert levels[ProvisionRef("baiyin-2039", 11, None, 2)] == ("county",)
    assert levels[ProvisionRef("baiyin-2039", 11, None, 5)] == ("county",)
    assert levels[ProvisionRef("baiyin-2039", 10, 2)] == ("city",)
    assert levels[ProvisionRef("baiyin-2039", 10, 1, 5)] == ("city",)


def test_drafting_reads_a_name_on_to_its_last_ending_and_not_after_该(vocabulary: Vocabulary) -> None:
    """白音办法 art. 17: …由盟安全生产委员会办公室约谈该部门主要负责人 drafts no organ: the name runs on from 委员会 to
    办公室 (the committee's office, which the lexicon has), and 该部门 (that department) names none (layout.toml)."""
    layout = load_layout(packaged("sources") / "layout.toml")
    drafted = _unknown_organs(reading_copy(_rule("baiyin-2039"), layout), vocabulary, layout.organ_names)
    assert not any("约谈" in name or name.endswith("该部门") for name in drafted)


def test_an_item_opens_with_a_department_after_a_places_longer_ending(vocabulary: Vocabulary) -> None:
    """峰林细则 art. 10 items 1 and 2: 特区有关部门按照下列分工…：（一）特区应急管理局是…，指导协调…; （二）特区能源局是…，并按照
    下列要求…：1. 每月至少… are the emergency management and energy bureaus' (特区, a place's two-letter ending, before
    the name, as 县 before 县公安局), not the lead-in's departments."""
    bearers = _bearers_by_provision(vocabulary, _rule("fenglin-2040"))
    assert bearers[ProvisionRef("fenglin-2040", 10, None, 1)] == {("emergency-management", "")}
    assert bearers[ProvisionRef("fenglin-2040", 10, None, 2)] == {("energy-administration", "")}
    assert bearers[ProvisionRef("fenglin-2040", 10, None, 2, 1)] == {("energy-administration", "")}


def test_an_item_headed_by_a_post_and_a_colon(vocabulary: Vocabulary) -> None:
    """花坪办法 art. 7 ¶1: 乡党委、乡人民政府班子其他成员…并履行下列职责：（一）乡纪委书记：支持配合…；（二）乡党委组织委员：
    把安全生产纳入…；（三）乡党委宣传委员：组织开展…；（四）其他副乡长：抓好… — each item is the duty of the post its
    heading names (obligation-phrasings.ttl item-heading, post-titles.ttl), not of 乡纪委 or the lead-in's members."""
    bearers = _bearers_by_provision(vocabulary, _rule("huaping-2042"))
    assert bearers[ProvisionRef("huaping-2042", 7, 1, 1)] == {
        ("party-committee", "member-in-charge-of-discipline-inspection")
    }
    assert bearers[ProvisionRef("huaping-2042", 7, 1, 2)] == {
        ("party-committee", "member-in-charge-of-organization-and-personnel")
    }
    assert bearers[ProvisionRef("huaping-2042", 7, 1, 3)] == {("party-committee", "member-in-charge-of-publicity")}
    assert bearers[ProvisionRef("huaping-2042", 7, 1, 4)] == {("government", "other-leadership-members")}


def test_a_village_party_branch_and_its_secretary(vocabulary: Vocabulary) -> None:
    """花坪办法 art. 10: 村党支部、村民委员会履行本村安全生产属地管理职责：（一）村党支部书记、村民委员会主任是本村安全生产
    第一责任人… — the village Party branch is the village Party organization, its secretary that organization's principal
    leader (organ-kinds.ttl, post-titles.ttl), beside the villagers' committee."""
    bearers = _bearers_by_provision(vocabulary, _rule("huaping-2042"))
    assert bearers[ProvisionRef("huaping-2042", 10, None, 1)] == {
        ("village-party-organization", "principal-leader"),
        ("villagers-committee", "principal-leader"),
    }
    assert bearers[ProvisionRef("huaping-2042", 10, None, 2)] == {
        ("village-party-organization", ""),
        ("villagers-committee", ""),
    }


def test_a_township_forestry_station_and_forest_fire_fighting(vocabulary: Vocabulary) -> None:
    """花坪办法 art. 9 item 2: 乡林业站负责森林防火日常工作… is the forestry station's, a forestry organ (organ-kinds.ttl);
    art. 5 item 4: 健全…森林扑火半专业队伍 concerns forest fire prevention (domains.ttl)."""
    doc = _rule("huaping-2042")
    assert _bearers_by_provision(vocabulary, doc)[ProvisionRef("huaping-2042", 9, None, 2)] == {("forestry", "")}
    assert "forest-fire-prevention" in _domains_of(vocabulary, doc, ProvisionRef("huaping-2042", 5, None, 4))


def test_a_deputy_head_in_charge_of_a_long_list_of_fields(vocabulary: Vocabulary) -> None:
    """赤碧细则 art. 9 item 3: 分管交通运输、住房城乡建设、水利、农业农村等工作的副市长，每年至少带队开展4次… is the
    duty of the deputy mayors in charge of those fields, however many the list names (post-titles.ttl), not of the
    government."""
    bearers = _bearers_by_provision(vocabulary, _rule("chibi-2041"))
    assert bearers[ProvisionRef("chibi-2041", 9, None, 3)] == {("government", "member-in-charge-of-field")}


def test_drafting_a_service_centre(vocabulary: Vocabulary) -> None:
    """花坪办法 art. 9 item 3: 乡农业综合服务中心负责农业机械、农药和农村沼气安全工作 — add-source drafts the township's
    service centre as an organ (a name ending 服务中心, layout.toml [organ_names])."""
    layout = load_layout(packaged("sources") / "layout.toml")
    drafted = _unknown_organs(reading_copy(_rule("huaping-2042"), layout), vocabulary, layout.organ_names)
    assert "乡农业综合服务中心" in drafted


def test_drafting_a_township_s_school_and_health_centre(vocabulary: Vocabulary) -> None:
    """杉口办法 art. 11 ¶2: 乡中心学校负责…；乡卫生院负责… — add-source drafts the township's central school and health
    centre, whole names after the place's ending (layout.toml [organ_names] whole_names), as 花坪办法 art. 9 item 5's
    乡中心学校, so the paragraph is theirs and not the police station's and the law-enforcement team's of ¶1."""
    layout = load_layout(packaged("sources") / "layout.toml")
    drafted = _unknown_organs(reading_copy(_rule("shankou-2047"), layout), vocabulary, layout.organ_names)
    assert {"乡中心学校", "乡卫生院"} <= set(drafted)
    assert "乡中心学校" in _unknown_organs(reading_copy(_rule("huaping-2042"), layout), vocabulary, layout.organ_names)


def test_the_whole_township_s_bodies_are_no_organ_to_draft(vocabulary: Vocabulary) -> None:
    """杉口办法 art. 11 ¶2: 乡卫生院负责全乡医疗卫生机构安全管理工作 — 全乡医疗卫生机构 (all the township's medical
    institutions, the sector the health centre oversees) is no organ add-source drafts (layout.toml [organ_names]
    whole_place), so its words are read as the healthcare domain."""
    layout = load_layout(packaged("sources") / "layout.toml")
    drafted = _unknown_organs(reading_copy(_rule("shankou-2047"), layout), vocabulary, layout.organ_names)
    assert not any(name.startswith("全乡") or "医疗卫生机构" in name for name in drafted)


def test_every_school_term_is_a_period_word(vocabulary: Vocabulary, obligations: ObligationReader) -> None:
    """杉口办法 art. 11 ¶2: 每学期至少组织开展1次校园安全检查 is a frequency, once a school term, a period word with no
    fixed duration (periods.ttl, as 定期), beside 每季度至少开展1次消防安全检查."""
    found = find_frequencies(_paragraph(_rule("shankou-2047"), 11, 2), obligations.wording)
    assert [(f.period, f.minimum_count, f.activity_kind) for f in found] == [
        (None, 1, "inspection"),
        ("P3M", 1, "inspection"),
    ]


def test_a_municipality_s_departments_by_their_commission_names(vocabulary: Vocabulary) -> None:
    """渝州细则 art. 11 ¶1 items 2–4: 市交通运输委员会负责…, 市住房城乡建设委员会负责…, 市经济信息委负责… are the transport,
    housing and urban-rural development, and industry and information technology departments (a municipality's
    commissions, 委员会 and 委, and their short forms: organ-kinds.ttl labels); ¶1 designates the three supervisory
    departments; art. 12: 市人力社保局 is the human resources and social security department. add-source drafts none
    of the four as a new kind."""
    doc = _rule("yuzhou-2043")
    bearers = _bearers_by_provision(vocabulary, doc)
    assert bearers[ProvisionRef("yuzhou-2043", 11, 1, 2)] == {("transport", "")}
    assert bearers[ProvisionRef("yuzhou-2043", 11, 1, 3)] == {("housing-and-urban-rural-development", "")}
    assert bearers[ProvisionRef("yuzhou-2043", 11, 1, 4)] == {("industry-and-information-technology", "")}
    assert ("human-resources-social-security", "") in bearers[ProvisionRef("yuzhou-2043", 12)]
    designated = {
        str(d.organ_kind.iri).rsplit("/", 1)[-1]
        for d in DutyExtractor(vocabulary).extract(doc).designations
        if d.ref == ProvisionRef("yuzhou-2043", 11, 1) and d.type_slug == "supervisory-department"
    }
    assert {"transport", "housing-and-urban-rural-development", "industry-and-information-technology"} <= designated
    layout = load_layout(packaged("sources") / "layout.toml")
    drafted = _unknown_organs(reading_copy(doc, layout), vocabulary, layout.organ_names)
    assert not any(word in name for name in drafted for word in ("交通运输委", "建设委", "经济信息委", "人力社保"))
    # the short forms, and 提交委员会 (to submit to a committee) names no transport department
    organs = BearerReader(vocabulary).organs
    named = {str(m.concept.iri).rsplit("/", 1)[-1] for m in organs.find("市交委、市住建委、市经信局、市人社局")}
    assert named == {
        "transport",
        "housing-and-urban-rural-development",
        "industry-and-information-technology",
        "human-resources-social-security",
    }
    assert not any(str(m.concept.iri).endswith("/transport") for m in organs.find("提交委员会审议"))


def test_a_municipality_s_districts_and_counties(vocabulary: Vocabulary) -> None:
    """渝州细则 art. 2: 本细则适用于市和区县党委…, art. 3 ¶2: 市和区县党委、政府主要负责人…, art. 14: 区县党委和政府应当
    履行下列安全生产职责：… — a municipality's districts and counties (区县) are its county level, and 市 named with them
    (市和区县) is the municipality's own level (city words, read as the provincial level in a municipality directly
    under the central government: the jurisdiction's level, levels.ttl placeNameEnding); 自治区县级以上 is no 区县."""
    levels = DutyExtractor(vocabulary).extract(_rule("yuzhou-2043")).provision_levels
    assert levels[ProvisionRef("yuzhou-2043", 2, 1)] == ("city", "county")
    assert levels[ProvisionRef("yuzhou-2043", 3, 2)] == ("city", "county")
    assert levels[ProvisionRef("yuzhou-2043", 14)] == ("county",)
    assert levels[ProvisionRef("yuzhou-2043", 14, None, 2)] == ("county",)
    wording = BearerReader(vocabulary).wording
    assert wording.all_levels_in("provision", "本细则适用于自治区县级以上各级党委") == ("provincial", "city", "county")


def test_duties_allotted_by_an_organ_are_that_organ_s(vocabulary: Vocabulary) -> None:
    """渝州细则 art. 13 ¶2: 区县党委和政府工作部门的安全生产职责，由区县党委和政府参照本章规定确定 — a subject that ends
    with no actor's name (the departments' duties) names what the clause allots; the organ after 由 determines it
    (extract/duties.py), not the departments."""
    bearers = _bearers_by_provision(vocabulary, _rule("yuzhou-2043"))
    assert bearers[ProvisionRef("yuzhou-2043", 13, 2)] == {("party-committee", ""), ("government", "")}


def test_a_development_and_reform_commission_and_the_people_s_government_s_departments(vocabulary: Vocabulary) -> None:
    """哈丹办法 art. 11 ¶2: 旗发展和改革委员会、旗财政局是负有安全生产保障义务的部门 — 发展和改革委员会 (the commission's
    full name, like 发展和改革局) is the development and reform department (organ-kinds.ttl labels), designated and
    obliged, and add-source drafts no new kind for it; ¶1: 旗人民政府工作部门主要负责人 are the principal leaders of the
    government's departments (人民政府工作部门, a label of government-department), not of a shorter drafted kind."""
    doc = _rule("hadan-2044")
    bearers = _bearers_by_provision(vocabulary, doc)
    assert bearers[ProvisionRef("hadan-2044", 11, 2)] == {("development-and-reform", ""), ("finance", "")}
    assert ("government-department", "principal-leader") in bearers[ProvisionRef("hadan-2044", 11, 1)]
    layout = load_layout(packaged("sources") / "layout.toml")
    drafted = _unknown_organs(reading_copy(doc, layout), vocabulary, layout.organ_names)
    assert not any("发展和改革" in name for name in drafted)
    organs = BearerReader(vocabulary).organs
    named = {str(m.concept.iri).rsplit("/", 1)[-1] for m in organs.find("县人民政府工作部门")}
    assert named == {"government-department"}


def test_a_warning_talk_a_body_should_hold(vocabulary: Vocabulary) -> None:
    """哈丹办法 art. 17 ¶2: 旗安全生产委员会对发生较大生产安全事故的苏木乡镇，应当约谈其党委和人民政府主要负责人，并在全旗
    范围内通报 — 对…的X，应当约谈… names the measures as 对…的X，约谈… does (accountability-phrasings.ttl measure-clause)."""
    listed = _measures(vocabulary, _rule("hadan-2044"), ProvisionRef("hadan-2044", 17, 2))
    assert listed == {"interview", "notice"}


def test_a_banner_s_or_county_s_safety_committee_names_the_county_level(vocabulary: Vocabulary) -> None:
    """哈丹办法 art. 17 ¶2: 旗安全生产委员会对…应当约谈… and 墨云办法 art. 18: 本办法由县安委会办公室负责解释 — a banner's or a
    county's safety committee is a county-level body, as a district's (区安委会) is (level-phrases.ttl provision-09)."""
    levels = DutyExtractor(vocabulary).extract(_rule("hadan-2044")).provision_levels
    assert "county" in levels[ProvisionRef("hadan-2044", 17, 2)]
    wording = BearerReader(vocabulary).wording
    assert wording.all_levels_in("provision", "本办法由县安委会办公室负责解释") == ("county",)
    assert wording.all_levels_in("provision", "旗安全生产委员会每季度至少召开1次全体会议") == ("county",)


def test_a_discipline_body_acting_by_the_rules_the_discipline_and_the_law(vocabulary: Vocabulary) -> None:
    """栖凤办法 art. 7: 市纪委监委依规依纪依法对党政领导干部履行安全生产职责情况进行监督 — 依规依纪依法 ends the subject as 依法
    does (obligation-phrasings.ttl subject-end): the commission bears the duty, and the cadres it supervises are no
    post of it."""
    bearers = _bearers_by_provision(vocabulary, _rule("qifeng-2045"))
    assert bearers[ProvisionRef("qifeng-2045", 7)] == {("discipline-inspection-supervision", "")}


def test_a_city_s_discipline_inspection_commission_names_the_city_level(vocabulary: Vocabulary) -> None:
    """栖凤办法 art. 7: 市纪委监委… — a city's discipline inspection commission (市纪委, 市监委) is a city body, as 市委 is
    (level-phrases.ttl provision-08)."""
    levels = DutyExtractor(vocabulary).extract(_rule("qifeng-2045")).provision_levels
    assert levels[ProvisionRef("qifeng-2045", 7)] == ("city",)
    wording = BearerReader(vocabulary).wording
    assert wording.all_levels_in("provision", "市监委依法开展监督") == ("city",)


def test_an_item_that_opens_with_a_post_by_its_title_is_that_post_s(vocabulary: Vocabulary) -> None:
    """栖凤办法 art. 10: 市政府其他副市长…履行下列安全生产职责：（三）分管住房和城乡建设、交通运输工作的副市长，还应当督促指导…
    — an item that opens with a post named by its title names its own actor (extract/duties.py), as one opening with
    organs does: that deputy mayor bears it, not every member the lead-in names."""
    bearers = _bearers_by_provision(vocabulary, _rule("qifeng-2045"))
    assert bearers[ProvisionRef("qifeng-2045", 10, None, 3)] == {("government", "member-in-charge-of-field")}


def test_the_bearer_s_own_department_is_no_organ_to_draft(vocabulary: Vocabulary) -> None:
    """柳塘办法 art. 10 item 1: 县直各部门主要负责人…职责主要包括：（一）健全本部门安全生产责任体系… — 本部门 is the bearer's own
    department, no organ's name: add-source drafts no kind for it (layout.toml [organ_names] not_names), so the item
    keeps its lead-in's bearer, the principal leaders of the county's departments."""
    doc = _rule("liutang-2046")
    layout = load_layout(packaged("sources") / "layout.toml")
    drafted = _unknown_organs(reading_copy(doc, layout), vocabulary, layout.organ_names)
    assert not any(name.endswith(("本部门", "本机关", "本机构")) for name in drafted)
    bearers = _bearers_by_provision(vocabulary, doc)
    assert bearers[ProvisionRef("liutang-2046", 10, None, 1)] == {("government-department", "principal-leader")}


def test_a_county_s_supervision_commission_names_the_county_level(vocabulary: Vocabulary) -> None:
    """柳塘办法 art. 15 and 云溪办法 art. 15 ¶1: 涉嫌职务违法犯罪的，由县监察委员会依法调查处置 — the county's supervision
    commission (and 县纪委监委) is a county body and names the county level (level-phrases.ttl)."""
    levels = DutyExtractor(vocabulary).extract(_rule("liutang-2046")).provision_levels
    assert levels[ProvisionRef("liutang-2046", 15)] == ("county",)
    levels = DutyExtractor(vocabulary).extract(_rule("yunxi-2025")).provision_levels
    assert levels[ProvisionRef("yunxi-2025", 15, 1)] == ("county",)


def test_the_class_a_designation_names_is_no_bearer_beside_its_departments(vocabulary: Vocabulary) -> None:
    """柳塘办法 art. 9 ¶2–3: 县公安局、县交通运输局…等是负有安全生产监督管理职责的部门，…实施监督管理; 县教育局…等是本行业领域的
    行业主管部门，应当… — the departments named before the copula are the bearers, the class after it (是/为…部门,
    obligation-phrasings.ttl designation-organs) says what they are and is no bearer of its own (黔东 art. 9 ¶3
    …为本系统本行业的行业主管部门 likewise)."""
    bearers = _bearers_by_provision(vocabulary, _rule("liutang-2046"))
    assert bearers[ProvisionRef("liutang-2046", 9, 2)] == {
        ("public-security", ""),
        ("transport", ""),
        ("housing-and-urban-rural-development", ""),
        ("market-regulation", ""),
    }
    assert bearers[ProvisionRef("liutang-2046", 9, 3)] == {
        ("education", ""),
        ("agriculture-and-rural-affairs", ""),
        ("culture-and-tourism", ""),
    }
    bearers = _bearers_by_provision(vocabulary, _rule("qiandong-2036"))
    assert ("industry-authorities", "") not in bearers[ProvisionRef("qiandong-2036", 9, 3)]


def test_an_agent_alone_in_its_clause_acts_in_the_clauses_after_it(obligations: ObligationReader) -> None:
    """…未履行…职责的，由乡党委、乡人民政府视情节轻重，采取通报批评、约谈…等方式问责: the clause 由X视情节轻重 names the
    agent of the clause after it (round 38, 杉口乡 art. 14); the defaulters before it are the condition, not the agent."""
    text = (
        "村（社区）、乡属单位及其负责人未履行或者未正确履行安全生产职责的，由乡党委、乡人民政府视情节轻重，"
        "采取通报批评、约谈、诫勉谈话、组织处理等方式问责。"
    )
    assert _bearers(obligations, text) == {("party-committee", ""), ("government", "")}


def test_a_township_s_own_units_school_and_health_centre_name_the_township_level(vocabulary: Vocabulary) -> None:
    """杉口乡办法 art. 2 ¶2 (乡属站所、中心的负责人…参照本办法执行) and art. 11 ¶2 (乡中心学校…；乡卫生院…): the township's own
    units (乡属), its central school and its health centre are township bodies (level-phrases.ttl, round 38)."""
    levels = DutyExtractor(vocabulary).extract(_rule("shankou-2047")).provision_levels
    assert levels[ProvisionRef("shankou-2047", 2, 2)] == ("township",)
    assert levels[ProvisionRef("shankou-2047", 11, 2)] == ("township",)


def test_departments_acting_as_a_designation_type_are_designated(vocabulary: Vocabulary) -> None:
    """檀坪办法 art. 11 ¶2: 县教育局、县卫生健康局、县农业农村局、县水务局作为行业主管部门，应当… — organs, then 作为 right before a
    designation type's label (obligation-phrasings.ttl designation-as), are designated as it, as after 是 or 为 (round 41);
    the copula itself still leaves 作为 out (把安全生产作为…, 作为重要内容)."""
    designated = {
        (str(d.organ_kind.iri).rsplit("/", 1)[-1], d.type_slug)
        for d in DutyExtractor(vocabulary).extract(_rule("tanping-2049")).designations
        if d.ref == ProvisionRef("tanping-2049", 11, 2)
    }
    assert {
        ("education", "industry-authority"),
        ("health-commission", "industry-authority"),
        ("agriculture-and-rural-affairs", "industry-authority"),
    } <= designated


def test_holding_to_account_by_named_bodies_obliges_them(vocabulary: Vocabulary) -> None:
    """鹤汀办法 art. 14 (…存在下列情形之一的，由纪检监察机关、组织部门按照干部管理权限依规依纪依法进行问责：) and art. 16 item 3
    (…的，由有关党委、纪检监察机关依规依纪依法追究有关党政领导干部的责任，…): 由X…进行问责 and 由X…追究…责任 oblige the bodies
    named after 由 (obligation-phrasings.ttl allocation, round 41); the cases listed under art. 14 oblige no one."""
    bearers = _bearers_by_provision(vocabulary, _rule("heting-2048"))
    assert bearers[ProvisionRef("heting-2048", 14)] == {
        ("discipline-inspection-supervision", ""),
        ("organization-department", ""),
    }
    assert bearers[ProvisionRef("heting-2048", 16, None, 3)] == {
        ("party-committee", ""),
        ("discipline-inspection-supervision", ""),
    }
    assert ProvisionRef("heting-2048", 14, None, 1) not in bearers


def test_fields_under_one_charge_name_a_post_each_and_the_urged_are_no_actors(vocabulary: Vocabulary) -> None:
    """鹤汀办法 art. 7 ¶2: 分管组织人事、宣传、政法工作的市委领导班子成员，分别督促指导组织、宣传、政法部门将安全生产纳入… — the
    fields listed under one 分管…工作的 are each a post of its own (obligation-phrasings.ttl shared-charge; post-titles.ttl
    …委领导班子成员), not one member of the leadership team; and 督促 ends a subject (subject-end), so the departments
    urged are no actors of the clause (round 41)."""
    bearers = _bearers_by_provision(vocabulary, _rule("heting-2048"))
    assert bearers[ProvisionRef("heting-2048", 7, 2)] == {
        ("party-committee", "member-in-charge-of-organization-and-personnel"),
        ("party-committee", "member-in-charge-of-publicity"),
        ("party-committee", "member-in-charge-of-political-legal-affairs"),
    }


def test_other_members_beside_titled_posts_are_of_their_teams(vocabulary: Vocabulary) -> None:
    """鹤汀办法 art. 8 ¶1: 县（市、区）委书记、县（市、区）长、分管安全生产工作的副县（市、区）长和其他领导班子成员，参照…履行… —
    a role named beside titled posts with no organ of its own (其他领导班子成员) is of the titled posts' organs, the Party
    committee's and the government's; a titled post's own role (分管安全生产工作) is not spread to them (round 41)."""
    bearers = _bearers_by_provision(vocabulary, _rule("heting-2048"))
    assert bearers[ProvisionRef("heting-2048", 8, 1)] == {
        ("party-committee", "principal-leader"),
        ("government", "principal-leader"),
        ("government", "deputy-in-charge-of-safety"),
        ("party-committee", "other-leadership-members"),
        ("government", "other-leadership-members"),
    }


def test_a_place_s_party_and_government_cadres_name_its_level(vocabulary: Vocabulary) -> None:
    """檀坪办法 art. 3 ¶1: 县党政领导干部应当坚持… — the county's Party and government cadres are at the county level, as
    县委 and 县人民政府 are (level-phrases.ttl, 县党政; 市党政, 州党政 and 盟党政 the city level) (round 41)."""
    duties = DutyExtractor(vocabulary).extract(_rule("tanping-2049")).duties
    levels = {d.level.levels if d.level else () for d in duties if d.ref == ProvisionRef("tanping-2049", 3, 1)}
    assert levels == {("county",)}
    assert BearerReader(vocabulary).wording.levels_in("bearer", "市党政领导干部应当…")[0] == ("city",)


def test_a_province_s_committee_and_office_name_the_provincial_level(vocabulary: Vocabulary) -> None:
    """澄阳细则 art. 17 (…并报省安全生产委员会办公室备案) and art. 18 (本细则由省安全生产委员会办公室负责解释): the province's
    safety committee and its office are provincial bodies, as its departments, bureaus and 厅 are (level-phrases.ttl
    provision-05, round 43)."""
    levels = DutyExtractor(vocabulary).extract(_rule("chengyang-2050")).provision_levels
    assert levels[ProvisionRef("chengyang-2050", 17)] == ("provincial", "city")
    assert levels[ProvisionRef("chengyang-2050", 18)] == ("provincial",)
    wording = BearerReader(vocabulary).wording
    assert wording.all_levels_in("provision", "报省安委会备案") == ("provincial",)
