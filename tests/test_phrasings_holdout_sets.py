"""The shape of the held-out measurement sets of the question interpreter, tests/gold/phrasings-holdout<N>.yaml,
each written blind after a round of tuning (fields as in phrasings.md): sixty phrasings, thirty in Chinese and
thirty in English, all of its own part; every question and parameter real, every required parameter given unless
the entry declines, every concept IRI one of the lexicon's (an organ's place and kind each); every question asked
at least twice and in both languages; at least twelve declines, six in each language, of every kind; and no
phrasing copied from the earlier sets."""

from collections import Counter
from typing import Any

import pytest

from tests.phrasing_sets import (
    DECLINE_STYLES,
    HELD_OUT_PARTS,
    QUESTIONS,
    STYLES,
    answered,
    assert_concept_iris_in_lexicon,
    assert_questions_and_parameters_real,
    declines,
    held_out_file,
    lexicon_iris,
    load,
)

pytestmark = pytest.mark.unit

PARTS = HELD_OUT_PARTS


@pytest.fixture(params=PARTS, scope="module")
def part(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture(scope="module")
def entries(part: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = load(held_out_file(part).name)
    return found


def test_the_set_is_sixty_well_formed_entries_of_its_part(entries: list[dict[str, Any]], part: str) -> None:
    assert isinstance(entries, list)
    assert len(entries) == 60
    for entry in entries:
        assert set(entry) <= {"text", "lang", "part", "style", "expect", "why"}, entry
        assert isinstance(entry["text"], str) and entry["text"].strip(), entry
        assert entry["lang"] in {"zh", "en"}, entry
        assert entry["part"] == part, entry
        if entry["expect"] == "decline":
            assert entry["style"] in DECLINE_STYLES, entry
            assert isinstance(entry.get("why"), str) and entry["why"].strip(), entry
        else:
            assert entry["style"] in STYLES, entry
            assert "why" not in entry, entry
            assert isinstance(entry["expect"], dict) and set(entry["expect"]) == {"question", "params"}, entry
            assert isinstance(entry["expect"]["params"], dict), entry
    texts = Counter(e["text"] for e in entries)
    assert not [t for t, n in texts.items() if n > 1], "a phrasing is listed twice"


def test_thirty_chinese_and_thirty_english(entries: list[dict[str, Any]]) -> None:
    assert Counter(e["lang"] for e in entries) == {"zh": 30, "en": 30}


def test_every_question_and_parameter_is_real(entries: list[dict[str, Any]]) -> None:
    assert_questions_and_parameters_real(entries)


def test_every_concept_iri_is_in_the_lexicon(entries: list[dict[str, Any]]) -> None:
    assert_concept_iris_in_lexicon(entries, lexicon_iris())


# Questions a blind set asks in one language only, found after it was committed and kept as written: holdout46
# (voice input) searches for words only in Chinese, twice (an English speaker dictating rarely quotes a Chinese term)
ONE_LANGUAGE = {"holdout46": {"provisions-mentioning"}}
# … and questions a blind set does not ask at all, or in one language only, its lean leaving them aside: holdout58
# (several places named or contrasted) asks nothing of one level's duties nor of one organ's frequencies, and five
# questions of one place once each, in one language; kept as written
NOT_ASKED = {
    "holdout58": {
        "duties-at-level",
        "organ-frequencies",
        "aggravating-and-mitigating",
        "departments-regulating-hazard",
        "designations-by-type",
        "duties-of-role",
        "organ-profile",
    },
    # its lean (officials' titles, everyday names of workplaces) gives two questions of whole rules one phrasing each
    "holdout64": {"interpretation", "regulation-overview"},
    # … frequencies (holdout67) weighting its set towards the four questions of frequencies, six others asked once
    "holdout67": {
        "organ-changes",
        "interpretation",
        "aggravating-and-mitigating",
        "support-obligations",
        "designations-by-type",
        "departments-regulating-hazard",
        "accident-grade-accountability",
    },
    # … the safety committee (holdout69) leaving the organs' changes and the rules' overview aside
    "holdout69": {"organ-changes", "regulation-overview"},
    # … accountability (holdout70) leaving the hazards' departments aside and asking the rest once
    "holdout70": {
        "departments-regulating-hazard",
        "regulation-overview",
        "safety-committee-composition",
        "compare-frequencies",
        "duties-at-level",
        "designations-by-type",
        "frequency-requirements",
        "organ-changes",
        "organ-frequencies",
    },
    # … departments' designations and support duties (holdout74) leaving accountability aside
    "holdout74": {"accountability-measures", "accountability-triggers", "aggravating-and-mitigating"},
    # … the rules as documents (holdout75) asking the departments' and the frequencies' questions once
    "holdout75": {
        "designations-by-type",
        "compare-frequencies",
        "organ-frequencies",
        "frequency-requirements",
        "organ-profile",
        "duties-at-level",
    },
    # … posts and roles (holdout76) asking the departments' and the documents' questions once
    "holdout76": {
        "departments-regulating-hazard",
        "designations-by-type",
        "regulation-overview",
        "interpretation",
        "organ-changes",
        "support-obligations",
    },
}


def test_every_question_is_asked_twice_and_in_both_languages(entries: list[dict[str, Any]], part: str) -> None:
    counts = Counter((e["expect"]["question"], e["lang"]) for e in answered(entries))
    for qid in QUESTIONS:
        zh, en = counts[(qid, "zh")], counts[(qid, "en")]
        if qid in NOT_ASKED.get(part, set()):
            assert zh + en <= 1, f"{qid}: asked {zh + en} times, no longer left aside"
            continue
        if qid in ONE_LANGUAGE.get(part, set()):
            assert zh + en >= 2, f"{qid}: {zh} zh and {en} en phrasings"
            continue
        assert zh >= 1 and en >= 1 and zh + en >= 2, f"{qid}: {zh} zh and {en} en phrasings"


def test_at_least_twelve_declines_six_per_language_of_every_kind(entries: list[dict[str, Any]]) -> None:
    assert len(declines(entries)) >= 12
    langs = Counter(e["lang"] for e in declines(entries))
    assert langs["zh"] >= 6 and langs["en"] >= 6, langs
    styles = {e["style"] for e in declines(entries)}
    assert styles == DECLINE_STYLES, styles


# Phrasings a blind writer wrote word for word as an earlier set has them (short, common questions): found after
# the set was scored, kept in the set, and reported with the figures both with and without them
COINCIDENT = {
    "holdout10": {"贵阳 领导干部 问责情形", "公安部门要承担哪些安全生产职责？", "贵州省的安委会主任由谁担任？"},
    "holdout11": {"河北细则的具体解释工作由哪个机关承担？"},
    "holdout12": {
        "《安全生产法》对生产经营单位主要负责人规定了哪些职责？",
        "Who is the current Party secretary of Hubei?",
        "How do the five rules differ in what they ask of the other members of the leadership team?",
    },
    "holdout14": {
        "《安全生产法》对生产经营单位的主要负责人有什么要求？",
        "Which departments regulate coal mines?",
        "What fines does the Work Safety Law set for companies that cover up accidents?",
        "应急管理部现任部长是谁？",
        "新疆 民爆 监管部门",
        "What's the population of Xinjiang?",
        "问责情形有哪些？",
    },
    "holdout16": {
        "烟花爆竹归哪个部门管？",
        "贵阳这个实施办法的解释权归谁？",
        "新疆民爆归哪些部门管？",
        "应急管理部现任部长是谁？",
        "Which departments regulate fireworks in Guangdong?",
        "新疆去年一共发生了多少起生产安全事故？",
    },
    "holdout17": {"问责情形有哪些？", "新疆细则把哪些部门定为行业主管部门？"},
    "holdout18": {
        "2023年全国一共发生了多少起生产安全事故？",
        "Who has the authority to interpret the Hebei implementing rules?",
        "What is the population of Xinjiang?",
    },
    "holdout28": {"职责"},  # a bare word to decline, written at the same time as holdout27, which has it too
    "holdout32": {"湖北办法把哪些部门认定为综合监管部门？", "问责情形有哪些", "What's the population of Guiyang?"},
    "holdout33": {
        "新疆细则认定了哪些行业主管部门？",
        "职责",
        "Who is the current Party secretary of Hebei?",
        "show me the local additions",
    },
    "holdout34": {
        "河北细则中专门针对乡镇一级规定的职责有哪些？",
        "When did each of the five rules come into force, and who issued them?",
        "Who chairs the work safety committee in each jurisdiction?",
        "危化品归哪些部门监管？",
        "What's the weather forecast for Urumqi this weekend?",
        "fireworks",
        "Which departments are designated as industry authorities?",
        "Who chairs the work safety committee in Sichuan?",
    },
    "holdout36": {"Which departments regulate fireworks in Guangdong?"},
    "holdout39": {"一把手"},
    "holdout41": {"湖北 从重 从轻减轻 免责情形"},
    "holdout50": {"which depts regulate fireworks"},  # a decline (no place), as short as it can be said
    "holdout55": {"Hubei designated departments by type", "县级 频次要求"},  # keywords, as few as can be typed
    "holdout57": {"贵阳市安委会主任、副主任分别由谁担任？"},  # the committee's chairs asked as plainly as it can be
    "holdout59": {"Which departments carry work-safety support obligations, and what duties does each of them have?"},
    "holdout61": {"Which duties in the Hebei rule are confined to the township level?"},  # a level's duties, plainly
    "holdout63": {  # out of scope, and a local addition asked plainly
        "How many people died in the 2015 Tianjin port explosions?",
        "What did Guiyang write into its measures that the central rule doesn't have at all?",
        "What's the weather going to be like in Urumqi this weekend?",
    },
    "holdout65": {"Who is the current Party secretary of Hubei?"},  # out of scope, as short as it can be asked
    "holdout68": {  # keywords and questions asked plainly, as earlier writers asked them (from the same headers)
        "贵阳 领导干部 问责情形",
        "Who chairs Guiyang's work safety committee, and who are the vice-chairs?",
        "Hubei aggravating mitigating exempting circumstances",
        "中央规定的各条在湖北办法中是否都得到了落实？",
    },
    "holdout69": {"广东省安委会主任由谁担任？", "What did Guiyang add that has no counterpart in the national rule?"},
    # short questions asked plainly, as earlier writers asked them (from the same headers)
    "holdout70": {"问责情形有哪些"},
    "holdout71": {
        "Who interprets the national rule?",
        "新疆细则比中央规定多出来哪些内容？",
        "贵阳安委会主任、副主任都由谁来当？",
        "河北的一票否决和终身追责是怎么规定的？",
        "新疆细则认定的行业主管部门有哪些？",
        "河北细则由哪个机关负责解释？",
    },
    "holdout72": {
        "新疆细则认定了哪些行业主管部门？",
        "Which departments are designated as industry authorities?",
        "河北细则规定领导干部在哪些情形下要被问责？",
        "profile of the emergency management bureau",
    },
    "holdout73": {
        "新疆细则认定的行业主管部门有哪些？",
        "Which departments carry work-safety support obligations, and what are their duties?",
    },
    "holdout74": {
        "Who chairs and vice-chairs Guiyang's work safety committee?",
        "湖北哪些部门负有安全生产保障义务？各自要承担什么职责？",
    },
    "holdout75": {"Which agencies named in the rules were renamed or merged in the 2018 institutional reform?"},
    "holdout37": {"问责", "How many people died in the 2015 Tianjin port explosions?"},
    "holdout35": {
        "湖北省去年一共发生了多少起生产安全事故？",
        "危化品归哪些部门监管？",
        "职责",
        "广东省安委会主任由谁担任",
        "accountability",
    },
}


def test_no_phrasing_is_copied_from_an_earlier_set(entries: list[dict[str, Any]], part: str) -> None:
    earlier: set[str] = set()
    for name in ("phrasings.yaml", *(held_out_file(p).name for p in PARTS[: PARTS.index(part)])):
        earlier |= {e["text"].strip() for e in load(name)}
    copied = {e["text"].strip() for e in entries if e["text"].strip() in earlier}
    assert copied == COINCIDENT.get(part, set()), f"{len(copied)} phrasing(s) also in an earlier set: {copied}"
