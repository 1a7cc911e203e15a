"""Ask in words, round 38: a memo asked of what a rule says (can you draft a short memo on <province>'s rule …) is the
answer written up, in scope, not a task of writing; a frequency compared *in each* place is asked so as the role across
the places is; and words given as they are (Chinese in an English question) opening a captured term, the rest words of
the sentence (*mentions 首席安全官 at all*, *containing the word 述职 and paste …*), are the term by themselves.

Each test reads texts right with the rule and checks that they are not read so with the rule off (its words emptied,
its phrase left out, its rule of structure switched off on a copy of the interpreter).
"""

from dataclasses import replace

from safetykg.query.interpret import Interpreter
from safetykg.query.questions import load_questions
from tests.interpreter_off import declined, place, switched_off

ID = "https://w3id.org/safetykg/id/"


def test_a_memo_on_what_a_rule_says_is_in_scope(interpreter: Interpreter) -> None:
    # holdout51: a short memo asked on a province's rule, its accountability covered; off (in_scope without the memo's
    # words), *can you draft* is a task of writing, out of scope
    said = {
        "Could you draft a short memo on Xinjiang's rules about lifetime accountability and the one-vote veto?": (
            "accountability-rules",
            place("xinjiang"),
        ),
        "帮我写一份备忘录：贵阳办法里一票否决是怎么规定的？": ("accountability-rules", place("guiyang")),
    }
    for text, (question, params) in said.items():
        reading = interpreter.interpret(text)
        assert reading.confident and reading.question == question and reading.params == params, (text, reading)
    in_scope = tuple(w for w in interpreter.wording.in_scope if "memo" not in w and "备忘录" not in w)
    assert len(in_scope) < len(interpreter.wording.in_scope)
    off = switched_off(interpreter, in_scope=in_scope)
    declined(off, said)
    # … a task of writing is still out of scope
    for text in ("Can you draft a speech for my county's safety meeting?", "帮我写一份年终述职报告"):
        assert not interpreter.interpret(text).confident, text


def test_a_frequency_compared_in_each_place(interpreter_vocabulary: dict, interpreter: Interpreter) -> None:
    # holdout50: how often a post must do something *in each place*: the frequencies compared, not the role across
    # the places (its *in each* in the gap of *how often…each*); off (the phrase left out), the two are close
    text = "just curious how often the principal leader has to go on inspections in each place"
    params = {"activity": ID + "activity-kind/inspection", "role": ID + "role/principal-leader"}
    reading = interpreter.interpret(text)
    assert reading.confident and reading.question == "compare-frequencies" and reading.params == params, reading
    questions = load_questions()
    asked = questions["compare-frequencies"].asked_en
    questions["compare-frequencies"] = replace(
        questions["compare-frequencies"], asked_en=tuple(p for p in asked if p != "in each")
    )
    assert len(questions["compare-frequencies"].asked_en) < len(asked)
    wrong = Interpreter(interpreter_vocabulary, questions, interpreter.wording).interpret(text)
    assert not (wrong.confident and wrong.question == "compare-frequencies" and wrong.params == params), wrong


def test_chinese_given_opening_a_captured_term_is_the_term(interpreter: Interpreter) -> None:
    # holdout50, holdout51: Chinese in an English question, then English words of the sentence, captured by a search
    # phrase: the Chinese is the term (a role's label, or a phrase of another question, searched for as it is); off
    # (the rule switched off), the English words join the term, or the other question is read
    said = {
        "show me every provision that mentions 安全生产委员会 anywhere": "安全生产委员会",
        "Pull out all articles containing the word 终身追责 and put them in a spreadsheet.": "终身追责",
    }
    for text, term in said.items():
        reading = interpreter.interpret(text)
        assert reading.confident and reading.question == "provisions-mentioning", (text, reading)
        assert reading.params == {"term": term}, (text, reading)
    off = switched_off(interpreter)
    off._sentence_tail = lambda words: False  # type: ignore[method-assign]
    for text, term in said.items():
        wrong = off.interpret(text)
        assert not (wrong.confident and wrong.params == {"term": term}), (text, wrong)
    # … unless the words after it ask a question (find 烟花爆竹 regulators in which place: a sentence, doubtful)
    assert not interpreter.interpret("find 烟花爆竹 regulators in which place").confident
