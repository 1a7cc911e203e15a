"""Ask in words, round 41 (places not known): initials no label holds (ZJ, QH) naming what is their own (ZJ's rule,
QH的安委会) are a place not known, and a province's one-character name of a place with no rule (粤, 桂, 沪) is that
place when it names what is its own (粤办法, 桂安委会), as the corpus's own one-character names are (round 40). Both
were read as every place's answer when the question's place is optional: a confident wrong answer.

Each test checks that the text declines, naming the words, and that with the rule off (its method switched off, or
its names left out of the wording) it is read confidently again.
"""

from safetykg.query.interpret import Interpreter
from tests.interpreter_off import rebuilt_without, switched_off


def declined_for(interpreter: Interpreter, text: str, words: str) -> None:
    reading = interpreter.interpret(text)
    assert not reading.confident and {"reason": "no-rule", "detail": words} in reading.missing, (text, reading)


def test_initials_no_label_holds_naming_what_is_their_own(interpreter: Interpreter) -> None:
    # holdout61 (round 39's interpreter): *What accountability measures does SH's rule list?* was read of every place;
    # initials of a place no name list holds were so still
    said = {
        "Which accountability measures does ZJ's rule list?": "ZJ",
        "QH的安委会由谁当主任？": "QH",
        "In the YN rules, how is an accident's grade tied to accountability?": "YN",
        "GX 办法里规定了哪些问责方式": "GX",
    }
    for text, words in said.items():
        declined_for(interpreter, text, words)
    off = switched_off(interpreter)
    off._unknown_initials = lambda *args: []  # type: ignore[method-assign]
    for text in said:
        assert off.interpret(text).confident, text


def test_initials_a_label_holds_are_its_value(interpreter: Interpreter) -> None:
    # initials the lexicon knows (XJ: Xinjiang; PSB: the public security organ) are their value, never a place not
    # known: XJ安委办 (Xinjiang's safety committee office) asks its profile
    reading = interpreter.interpret("XJ安委办要干哪些事？")
    assert reading.confident and reading.question == "organ-profile", reading
    assert reading.params == {"organ": "https://w3id.org/safetykg/id/organ/xinjiang/safety-committee-office"}


def test_initials_not_naming_what_is_their_own_are_words(interpreter: Interpreter) -> None:
    # capitals not before a rule's words, an organ's kind, 's or 的 are no place (ID in a sentence about the output)
    reading = interpreter.interpret("ID only please: which accountability measures does the national rule list?")
    assert "no-rule" not in {m["reason"] for m in reading.missing}, reading


def test_one_character_name_of_a_place_with_no_rule(interpreter: Interpreter, interpreter_vocabulary: dict) -> None:
    # a province with no rule by its one-character name (other_places), naming what is its own: that place; off (the
    # one-character names left out of the wording), every place's answer is read
    said = {
        "桂安委会谁当主任？": "桂",
        "粤办法规定了哪些问责方式？": "粤",
        "沪的问责方式有哪些": "沪",
    }
    for text, words in said.items():
        declined_for(interpreter, text, words)
    longer = tuple(p for p in interpreter.wording.other_places if len(p[0]) > 1)
    assert len(longer) < len(interpreter.wording.other_places)
    off = rebuilt_without(interpreter_vocabulary, interpreter, other_places=longer)  # type: ignore[arg-type]
    for text in said:
        assert off.interpret(text).confident, text


def test_one_character_name_inside_other_words_is_no_place(interpreter: Interpreter) -> None:
    # … only standing alone or at a clause's start: 台 in 台账, 苏 in 复苏 name no place
    for text in ("没建台账的问责方式有哪些", "经济复苏办法里规定了哪些问责方式"):
        reading = interpreter.interpret(text)
        assert "no-rule" not in {m["reason"] for m in reading.missing}, (text, reading)
