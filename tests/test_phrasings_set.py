"""The shape of tests/gold/phrasings.yaml, the measurement set of the question interpreter (see phrasings.md):
enough phrasings, as many in Chinese as in English, every question and parameter real, every concept IRI one of
the lexicon's, every question asked often enough in both languages, enough declines, and a fixed holdout part."""

from collections import Counter

import pytest

from tests.phrasing_sets import (
    DECLINE_STYLES,
    QUESTIONS,
    STYLES,
    answered,
    assert_concept_iris_in_lexicon,
    assert_questions_and_parameters_real,
    declines,
    lexicon_iris,
    load,
)

pytestmark = pytest.mark.unit

ENTRIES = load("phrasings.yaml")


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
    assert_questions_and_parameters_real(ENTRIES)


def test_every_concept_iri_is_in_the_lexicon() -> None:
    assert_concept_iris_in_lexicon(ENTRIES, lexicon_iris())


def test_every_question_is_asked_often_in_both_languages() -> None:
    counts = Counter((e["expect"]["question"], e["lang"]) for e in answered(ENTRIES))
    for qid in QUESTIONS:
        zh, en = counts[(qid, "zh")], counts[(qid, "en")]
        assert zh >= 3 and en >= 3 and zh + en >= 6, f"{qid}: {zh} zh and {en} en phrasings"


def test_enough_declines_in_both_languages() -> None:
    assert len(declines(ENTRIES)) >= 40
    langs = Counter(e["lang"] for e in declines(ENTRIES))
    assert abs(langs["zh"] - langs["en"]) <= 6, langs


def test_the_holdout_part_is_fifty_phrasings_twenty_five_per_language() -> None:
    holdout = [e for e in ENTRIES if e["part"] == "holdout"]
    assert len(holdout) == 50
    assert Counter(e["lang"] for e in holdout) == {"zh": 25, "en": 25}
    assert sum(e["expect"] == "decline" for e in holdout) >= 8
