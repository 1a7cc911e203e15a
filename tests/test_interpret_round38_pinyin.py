"""Ask in words, round 38 (pinyin): Chinese words written in toneless pinyin (weihuapin, gong'an ting, fenguan
fuzeren) are read as the Chinese label they spell, else as a word of an asked phrase or of the wording (xize: 细则),
two syllables or more, whole words, never words the interpreter knows or words all of the English language; a place's
older romanization (Kweiyang, Hupeh, Hopei) names it; and Chinese said right after a phrase, joined by words saying how
it is to be (追责要从重), is what is asked.

Each test reads texts right with the rule and checks that they are not read so with the rule off (its words
emptied, its labels left out).
"""

import dataclasses

from safetykg.query.interpret import Interpreter
from safetykg.query.questions import load_questions
from tests.interpreter_off import place, switched_off

ID = "https://w3id.org/safetykg/id/"


def _without_pinyin(interpreter: Interpreter) -> Interpreter:
    """The interpreter reading no Chinese word written in pinyin (no words to spell)."""
    off = switched_off(interpreter)
    off.slips = dataclasses.replace(interpreter.slips, romanized=())
    return off


def test_chinese_words_written_in_pinyin_are_read_as_those_words(interpreter: Interpreter) -> None:
    # holdout53: foreign scholars writing the values in pinyin (weihuapin, minbao wupin, xiangzhen, gong'an bumen,
    # yibashou, shiwei, fenguan fuzeren); off (no words to spell), the value is missed, or the question read without it
    said = {
        "湖北的 weihuapin 由哪些部门监管？": (
            "departments-regulating-hazard",
            {**place("hubei"), "hazard": ID + "domain/hazardous-chemicals"},
        ),
        "In Xinjiang, which departments regulate minbao wupin?": (
            "departments-regulating-hazard",
            {**place("xinjiang"), "hazard": ID + "domain/civilian-explosives"},
        ),
        "Hebei xize: which duties are set for the xiangzhen level?": (
            "duties-at-level",
            {**place("hebei"), "level": ID + "level/township"},
        ),
        # a syllable opening with a vowel after an apostrophe (gong'an)
        "gong'an ting of Hebei: designation and duties": (
            "organ-profile",
            {"organ": ID + "organ/hebei/public-security"},
        ),
        # an English 's after the word is no syllable of it
        "Compare the yibashou's duties across the five jurisdictions.": (
            "role-across-jurisdictions",
            {"role": ID + "role/principal-leader"},
        ),
        # 省委 is a label; a word of an asked phrase spelled so would come after it
        "List the frequency requirements on the Hubei shengwei and its posts.": (
            "organ-frequencies",
            {"organ": ID + "organ/hubei/party-committee"},
        ),
    }
    for text, (question, params) in said.items():
        reading = interpreter.interpret(text)
        assert reading.confident and reading.question == question and reading.params == params, (text, reading)
    off = _without_pinyin(interpreter)
    for text, (question, params) in said.items():
        wrong = off.interpret(text)
        assert not (wrong.confident and wrong.question == question and wrong.params == params), (text, wrong)
    # the evidence shows the words as typed
    evidence = interpreter.interpret("湖北的 weihuapin 由哪些部门监管？").evidence
    assert any(e["text"] == "weihuapin" for e in evidence), evidence


def test_english_words_are_not_read_as_pinyin(interpreter: Interpreter) -> None:
    # holdout53: "the central guiding" (规定 in pinyin, a word of English too); words the interpreter knows (Guiyang,
    # 贵阳 in pinyin) and words all of English are English, and one syllable (shi, an) spells nothing
    slips = interpreter.slips
    assert "guiding" in slips._spellings() and "guiyang" in slips._spellings()
    for text in (
        "What does the central guiding document say about Guiyang?",
        "Is there a fuze of any kind in these rules?",
        "an shi men",
    ):
        assert slips.romanized_words(text) == [], text
    # a label before a word of an asked phrase spelled the same (shiwei: 市委, not 视为)
    assert [w for _, _, w in slips.romanized_words("the shiwei of City A")] == ["市委"]


def test_a_places_older_romanization_names_it(interpreter_vocabulary: dict, interpreter: Interpreter) -> None:
    # holdout53: Kweiyang (and Sinkiang, Hupei) as older scholarship writes the places; off (the labels left out of
    # the interpreter_vocabulary), the place is missed
    said = {
        "Which accountability measures does the Hupeh rule provide?": ("accountability-measures", place("hubei")),
        "What did Hopei add that the national rule does not have?": ("local-additions", place("hebei")),
        "Kweiyang: who chairs the work safety committee?": ("safety-committee-composition", place("guiyang")),
    }
    for text, (question, params) in said.items():
        reading = interpreter.interpret(text)
        assert reading.confident and reading.question == question and reading.params == params, (text, reading)
    older = {"Hupeh", "Hupei", "Hopeh", "Hopei", "Kweiyang"}
    terms = {
        kind: [(label, iri) for label, iri in pairs if label not in older]
        for kind, pairs in interpreter_vocabulary["terms"].items()
    }
    off = Interpreter({**interpreter_vocabulary, "terms": terms}, load_questions(), interpreter.wording)
    for text, (_, params) in said.items():
        assert off.interpret(text).params != params, text


def test_words_said_right_after_a_phrase_saying_how_it_is_to_be_are_what_is_asked(interpreter: Interpreter) -> None:
    # holdout53: 什么情况下追责要从重，什么情况下可以从轻… — 从重 joined after the triggers' phrase by 要 says when
    # accountability is heavier (the aggravating and mitigating circumstances), not when one is held to account; off
    # (the Chinese words of means emptied), the triggers stand in the way
    said = {
        "河北什么情况下追责应当从重，什么情况下可以减轻或者免责？": place("hebei"),
        "湖北的规定里，什么情况下问责会从重，什么情况下从轻？": place("hubei"),
    }
    for text, params in said.items():
        reading = interpreter.interpret(text)
        assert reading.confident and reading.question == "aggravating-and-mitigating", (text, reading)
        assert reading.params == params, (text, reading)
    english = tuple(word for word in interpreter.wording.means if word.isascii())
    off = switched_off(interpreter, means=english)
    for text in said:
        wrong = off.interpret(text)
        assert not (wrong.confident and wrong.question == "aggravating-and-mitigating"), (text, wrong)
