"""The shape of tests/gold/phrasings.yaml, the measurement set of the question interpreter (see phrasings.md):
enough phrasings, as many in Chinese as in English, every question and parameter real, every concept IRI one of
the lexicon's, every question asked often enough in both languages, enough declines, and a fixed holdout part."""

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from safetykg.query.questions import LITERAL_TYPES, Question, parse_question

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "phrasings.yaml"
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


LEXICON_IRIS = lexicon_iris()


def answered() -> list[dict]:
    return [e for e in ENTRIES if e["expect"] != "decline"]


def test_the_set_is_a_list_of_well_formed_entries() -> None:
    assert isinstance(ENTRIES, list)
    for entry in ENTRIES:
        assert set(entry) <= {"text", "lang", "part", "style", "expect", "why"}, entry
        assert isinstance(entry["text"], str) and entry["text"].strip(), entry
        assert entry["lang"] in {"zh", "en"}, entry
        assert entry["part"] in {"tune", "holdout"}, entry
        if entry["expect"] == "decline":
            assert entry["style"] in DECLINE_STYLES, entry
            assert isinstance(entry.get("why"), str) and entry["why"].strip(), entry
        else:
            assert entry["style"] in STYLES, entry
            assert isinstance(entry["expect"], dict) and set(entry["expect"]) <= {"question", "params"}, entry
    texts = Counter(e["text"] for e in ENTRIES)
    assert not [t for t, n in texts.items() if n > 1], "a phrasing is listed twice"


def test_enough_phrasings_half_chinese_half_english() -> None:
    assert len(ENTRIES) >= 220
    langs = Counter(e["lang"] for e in ENTRIES)
    assert abs(langs["zh"] - langs["en"]) <= 10, langs


def test_every_question_and_parameter_is_real() -> None:
    for entry in answered():
        qid = entry["expect"]["question"]
        assert (QUERIES / f"{qid}.rq").is_file(), f"no question {qid!r}: {entry['text']}"
        declared = {p.name for p in QUESTIONS[qid].parameters}
        params = entry["expect"].get("params") or {}
        assert set(params) <= declared, f"{entry['text']}: {sorted(set(params) - declared)} not declared by {qid}"
        missing = [p.name for p in QUESTIONS[qid].parameters if p.required and p.name not in params]
        assert not missing, f"{entry['text']}: {qid} needs {missing}; without them the phrasing is a decline"


def test_every_concept_iri_is_in_the_lexicon() -> None:
    for entry in answered():
        question = QUESTIONS[entry["expect"]["question"]]
        types = {p.name: p.type for p in question.parameters}
        for name, value in (entry["expect"].get("params") or {}).items():
            kind = types[name]
            assert isinstance(value, str) and value.strip(), (entry["text"], name)
            if kind in LITERAL_TYPES:
                assert not value.startswith(("http://", "https://")), (entry["text"], name, value)
                continue
            if kind == "organ":
                match = re.fullmatch(re.escape(ID) + r"organ/([\w-]+)/([\w-]+)", value)
                assert match, f"{entry['text']}: {value} is not an organ IRI (organ/<place>/<organ kind>)"
                place, organ_kind = match.groups()
                assert f"{ID}jurisdiction/{place}" in LEXICON_IRIS, (entry["text"], value)
                assert f"{ID}organ-kind/{organ_kind}" in LEXICON_IRIS, (entry["text"], value)
                continue
            assert value.startswith(f"{ID}{NAMESPACE[kind]}/"), f"{entry['text']}: {value} is not a {kind}"
            assert value in LEXICON_IRIS, f"{entry['text']}: {value} is in no lexicon file"


def test_every_question_is_asked_often_in_both_languages() -> None:
    counts = Counter((e["expect"]["question"], e["lang"]) for e in answered())
    for qid in QUESTIONS:
        zh, en = counts[(qid, "zh")], counts[(qid, "en")]
        assert zh >= 3 and en >= 3 and zh + en >= 6, f"{qid}: {zh} zh and {en} en phrasings"


def test_enough_declines_in_both_languages() -> None:
    declines = [e for e in ENTRIES if e["expect"] == "decline"]
    assert len(declines) >= 40
    langs = Counter(e["lang"] for e in declines)
    assert abs(langs["zh"] - langs["en"]) <= 6, langs


def test_the_holdout_part_is_fifty_phrasings_twenty_five_per_language() -> None:
    holdout = [e for e in ENTRIES if e["part"] == "holdout"]
    assert len(holdout) == 50
    assert Counter(e["lang"] for e in holdout) == {"zh": 25, "en": 25}
    assert sum(e["expect"] == "decline" for e in holdout) >= 8
