"""Ask in words, round 42 (uniqueness and difference; frequencies, periods and counts): the English names of an
energy regulatory office and of the Party committee's theory study group; a kind of organ said after an organ as its
own (的, 's) is the organ asked about; words given as they are opening a captured term, a sentence ending right after
them, are the term; other countries and a place's produce are out of scope; asking of a role (asks of) asks its duties;
words that are nothing but how several questions are asked, naming no value, are too vague; and a sentence saying
what the asker will look for in the answer (I want to spot …) is background.

Each test reads texts right with the rule and checks that they are not read so with the rule off (its words emptied,
its labels left out, its phrase left out, its rule of structure switched off on a copy of the interpreter).
"""

import pytest

from safetykg.query.interpret import Interpreter, phrases
from tests.interpreter_off import declined, not_read, place, reads, rebuilt_without, switched_off, without_phrases

ID = "https://w3id.org/safetykg/id/"


def _without_labels(vocabulary: dict, *labels: str) -> dict:
    """The vocabulary with the given labels left out (of every type)."""
    terms = {kind: [pair for pair in pairs if pair[0] not in labels] for kind, pairs in vocabulary["terms"].items()}
    assert sum(map(len, terms.values())) < sum(map(len, vocabulary["terms"].values())), labels
    return {**vocabulary, "terms": terms}


def test_the_english_names_of_two_kinds_of_organ(interpreter_vocabulary: dict, interpreter: Interpreter) -> None:
    # holdout66: *the National Energy Administration's Xinjiang regulatory office*, holdout67: *the Guiyang Party
    # committee's theory study group*; off (the labels left out), the office and the group are not named
    said = {
        "What is the Xinjiang energy regulatory office designated as?": (
            "organ-profile",
            {"organ": ID + "organ/xinjiang/energy-regulatory-office"},
        ),
        "Tell me about Guiyang's theory study group.": (
            "organ-profile",
            {"organ": ID + "organ/guiyang/theory-study-group"},
        ),
    }
    reads(interpreter, said)
    labels = ("energy regulatory office", "theory study group")
    not_read(rebuilt_without(_without_labels(interpreter_vocabulary, *labels), interpreter), said)


def test_a_kind_of_organ_said_as_an_organs_own(interpreter: Interpreter) -> None:
    # holdout66 and holdout67: *the National Energy Administration's Xinjiang regulatory office*, *the Guiyang Party
    # committee's theory study group*: the office and the group, not the administration or the committee they belong
    # to; off (belonging emptied), the organ named first is read
    said = {
        "贵阳市委的理论学习中心组有哪些职责，被认定为什么？": (
            "organ-profile",
            {"organ": ID + "organ/guiyang/theory-study-group"},
        ),
        "What is the designation of the Guiyang Party committee's theory study group, and what are its duties?": (
            "organ-profile",
            {"organ": ID + "organ/guiyang/theory-study-group"},
        ),
        "Profile of the Energy Administration's Xinjiang regulatory office, please.": (
            "organ-profile",
            {"organ": ID + "organ/xinjiang/energy-regulatory-office"},
        ),
    }
    reads(interpreter, said)
    not_read(switched_off(interpreter, belonging=()), said)


def test_a_term_given_as_it_is_ends_where_a_sentence_ends(
    interpreter: Interpreter, monkeypatch: pytest.MonkeyPatch
) -> None:
    # holdout66: *Search the provisions for 宗教活动场所. Is it found nowhere else …?*: the term is the Chinese words,
    # not the sentence after them; off (no sentence's end ends the term), the words after them are the term's, a
    # sentence, and no term is read
    said = {
        "Search the provisions for 烟花爆竹. Does only one rule have it?": (
            "provisions-mentioning",
            {"term": "烟花爆竹"},
        ),
        "Search the rules for 危险化学品! Is it in every one of them?": (
            "provisions-mentioning",
            {"term": "危险化学品"},
        ),
    }
    reads(interpreter, said)
    monkeypatch.setattr(phrases, "_TERM_ENDS", set())
    not_read(interpreter, said)


def test_other_countries_and_a_places_produce_are_out_of_scope(interpreter: Interpreter) -> None:
    # holdout66: *which countries besides China use a one-vote veto*, *新疆特有的水果*: not the rules; off (the words
    # left out of scope), the accountability rules and a place's additions are read
    said = {
        "In which countries other than China is there a one-vote veto?": ("accountability-rules", {}),
        "哪些国家也实行安全生产一票否决？": ("accountability-rules", place("china")),
        "湖北特有的特产有哪些？": ("local-additions", place("hubei")),
    }
    for text in said:
        reading = interpreter.interpret(text)
        assert not reading.confident and reading.missing[0]["reason"] == "out-of-scope", (text, reading)
    reads(switched_off(interpreter, out_of_scope=("countries", "哪些国家", "特产")), said)
    # … and the state's organs are in scope (其他国家机关): not another country
    assert not any(
        r["reason"] == "out-of-scope" for r in interpreter.interpret("其他国家机关在安全生产上有哪些职责？").missing
    )


def test_asking_of_a_role_asks_its_duties(interpreter_vocabulary: dict, interpreter: Interpreter) -> None:
    # holdout66: *everything Hebei's rule asks of the 一把手*; off (the phrases left out), the organ's profile, of no
    # organ, is read
    said = {
        "What does Guiyang's rule ask of the principal leader?": (
            "duties-of-role",
            {**place("guiyang"), "role": ID + "role/principal-leader"},
        ),
        "all that Hubei asks of the 一把手": (
            "duties-of-role",
            {**place("hubei"), "role": ID + "role/principal-leader"},
        ),
    }
    reads(interpreter, said)
    off = without_phrases(interpreter_vocabulary, interpreter, "duties-of-role", "en", "ask of", "asks of", "asked of")
    not_read(off, said)


def test_words_only_of_how_several_questions_are_asked_are_vague(interpreter: Interpreter) -> None:
    # holdout67: *how often?*, *每季度至少几次？*: of what, by whom? off (the rule switched off), every place's
    # frequency requirements are read
    said = {
        "how frequently?": ("frequency-requirements", {}),
        "每月至少几次？": ("frequency-requirements", {}),
    }
    declined(interpreter, said, "vague")
    off = switched_off(interpreter)
    off._only_asking = lambda *args: False  # type: ignore[method-assign]
    reads(off, said)
    # … not words of one question's own phrases (事故等级 追责: the accident grades' accountability), nor words naming
    # what is listed, asking nothing (频次要求？: every frequency requirement)
    reads(
        interpreter,
        {"事故等级 追责": ("accident-grade-accountability", {}), "频次要求？": ("frequency-requirements", {})},
    )


def test_a_sentence_saying_what_the_asker_will_look_for_is_background(interpreter: Interpreter) -> None:
    # holdout67: *… what is the deputy in charge of work safety required to do? I want to spot which places add things
    # like quarterly meetings.*: the meetings are what the asker looks for, not the activity compared (declined, the
    # duties across places and the frequencies close); off (the words emptied from background), the frequencies of
    # the activity compared are read
    said = {
        "Across all five rules, what is the principal leader required to do? I want to spot which places add things "
        "like monthly inspections.": (
            "compare-frequencies",
            {"activity": ID + "activity-kind/inspection", "role": ID + "role/principal-leader"},
        ),
        "Across the five rules, what must the principal leader do? I want to spot which places add things like "
        "quarterly meetings.": (
            "compare-frequencies",
            {"activity": ID + "activity-kind/meeting", "role": ID + "role/principal-leader"},
        ),
        "Across all five rules, what does the rule require of the principal leader? I'm trying to spot which places "
        "add things like monthly inspections.": (
            "compare-frequencies",
            {"activity": ID + "activity-kind/inspection", "role": ID + "role/principal-leader"},
        ),
    }
    declined(interpreter, said)
    background = tuple(w for w in interpreter.wording.background if "spot" not in w)
    reads(switched_off(interpreter, background=background), said)
