"""The shape of tests/gold/phrasings-holdout5.yaml, the fifth, strictly blind measurement set of the question interpreter
(fields as in phrasings.md): sixty phrasings, thirty in Chinese and thirty in English, all of part holdout5;
every question and parameter real, every required parameter given unless the entry declines, every concept IRI
one of the lexicon's (an organ's place and kind each); every question asked at least twice and in both languages; at
least twelve declines, six in each language, of every kind; and no phrasing copied from the earlier sets."""

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from safetykg.query.questions import LITERAL_TYPES, Question, parse_question

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "phrasings-holdout5.yaml"
EARLIER_SETS = tuple(
    ROOT / "tests" / "gold" / name
    for name in (
        "phrasings.yaml",
        "phrasings-holdout2.yaml",
        "phrasings-holdout3.yaml",
        "phrasings-holdout4.yaml",
    )
)
QUERIES = ROOT / "safetykg" / "data" / "queries"
LEXICON = ROOT / "safetykg" / "data" / "lexicon"
ID = "https://w3id.org/safetykg/id/"
# where the concepts of each parameter type live (an organ is <place>/<organ kind>, checked part by part)
NAMESPACE = {
    "jurisdiction": "jurisdiction",
    "domain": "domain",
    "role": "role",
    "level": "level",
    "organ-kind": "organ-kind",
    "activity-kind": "activity-kind",
    "designation-type": "designation-type",
    "accountability-measure": "accountability-measure",
}
STYLES = {"formal", "colloquial", "keywords", "abbreviation", "paraphrase"}
DECLINE_STYLES = {"out-of-scope", "ambiguous", "no-rule-place"}

ENTRIES = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
QUESTIONS: dict[str, Question] = {path.stem: parse_question(path) for path in sorted(QUERIES.glob("*.rq"))}


def lexicon_iris() -> set[str]:
    """Every IRI written in the lexicon files, in full (<…>) or with a prefix the file declares."""
    iris: set[str] = set()
    for path in sorted(LEXICON.glob("*.ttl")):
        text = path.read_text(encoding="utf-8")
        prefixes = dict(re.findall(r"@prefix\s+([\w-]*):\s*<([^>]+)>", text))
        iris |= set(re.findall(r"<([^<>\s]+)>", text))
        for prefix, local in re.findall(r"(?<![\w<:/])([A-Za-z][\w-]*):([A-Za-z0-9][\w-]*)", text):
            if prefix in prefixes:
                iris.add(prefixes[prefix] + local)
    return iris


def answered() -> list[dict]:
    return [e for e in ENTRIES if e["expect"] != "decline"]


def declines() -> list[dict]:
    return [e for e in ENTRIES if e["expect"] == "decline"]


def test_the_set_is_sixty_well_formed_entries_of_part_holdout5() -> None:
    assert isinstance(ENTRIES, list)
    assert len(ENTRIES) == 60
    for entry in ENTRIES:
        assert set(entry) <= {"text", "lang", "part", "style", "expect", "why"}, entry
        assert isinstance(entry["text"], str) and entry["text"].strip(), entry
        assert entry["lang"] in {"zh", "en"}, entry
        assert entry["part"] == "holdout5", entry
        if entry["expect"] == "decline":
            assert entry["style"] in DECLINE_STYLES, entry
            assert isinstance(entry.get("why"), str) and entry["why"].strip(), entry
        else:
            assert entry["style"] in STYLES, entry
            assert "why" not in entry, entry
            assert isinstance(entry["expect"], dict) and set(entry["expect"]) == {"question", "params"}, entry
            assert isinstance(entry["expect"]["params"], dict), entry
    texts = Counter(e["text"] for e in ENTRIES)
    assert not [t for t, n in texts.items() if n > 1], "a phrasing is listed twice"


def test_thirty_chinese_and_thirty_english() -> None:
    assert Counter(e["lang"] for e in ENTRIES) == {"zh": 30, "en": 30}


def test_every_question_and_parameter_is_real() -> None:
    for entry in answered():
        qid = entry["expect"]["question"]
        assert qid in QUESTIONS, f"no question {qid!r}: {entry['text']}"
        declared = {p.name for p in QUESTIONS[qid].parameters}
        params = entry["expect"]["params"]
        assert set(params) <= declared, f"{entry['text']}: {sorted(set(params) - declared)} not declared by {qid}"
        missing = [p.name for p in QUESTIONS[qid].parameters if p.required and p.name not in params]
        assert not missing, f"{entry['text']}: {qid} needs {missing}; without them the phrasing is a decline"


def test_every_concept_iri_is_in_the_lexicon() -> None:
    iris = lexicon_iris()
    for entry in answered():
        question = QUESTIONS[entry["expect"]["question"]]
        types = {p.name: p.type for p in question.parameters}
        for name, value in entry["expect"]["params"].items():
            kind = types[name]
            assert isinstance(value, str) and value.strip(), (entry["text"], name)
            if kind in LITERAL_TYPES:
                assert not value.startswith(("http://", "https://")), (entry["text"], name, value)
                continue
            if kind == "organ":
                match = re.fullmatch(re.escape(ID) + r"organ/([\w-]+)/([\w-]+)", value)
                assert match, f"{entry['text']}: {value} is not an organ IRI (organ/<place>/<organ kind>)"
                place, organ_kind = match.groups()
                assert f"{ID}jurisdiction/{place}" in iris, (entry["text"], value)
                assert f"{ID}organ-kind/{organ_kind}" in iris, (entry["text"], value)
                continue
            assert value.startswith(f"{ID}{NAMESPACE[kind]}/"), f"{entry['text']}: {value} is not a {kind}"
            assert value in iris, f"{entry['text']}: {value} is in no lexicon file"


def test_every_question_is_asked_twice_and_in_both_languages() -> None:
    counts = Counter((e["expect"]["question"], e["lang"]) for e in answered())
    for qid in QUESTIONS:
        zh, en = counts[(qid, "zh")], counts[(qid, "en")]
        assert zh >= 1 and en >= 1 and zh + en >= 2, f"{qid}: {zh} zh and {en} en phrasings"


def test_at_least_twelve_declines_six_per_language_of_every_kind() -> None:
    assert len(declines()) >= 12
    langs = Counter(e["lang"] for e in declines())
    assert langs["zh"] >= 6 and langs["en"] >= 6, langs
    styles = {e["style"] for e in declines()}
    assert styles == DECLINE_STYLES, styles


def test_no_phrasing_is_copied_from_an_earlier_set() -> None:
    earlier: set[str] = set()
    for path in EARLIER_SETS:
        if path.exists():
            earlier |= {e["text"].strip() for e in yaml.safe_load(path.read_text(encoding="utf-8"))}
    copied = [e["text"] for e in ENTRIES if e["text"].strip() in earlier]
    assert not copied, f"{len(copied)} phrasing(s) also in an earlier set"
