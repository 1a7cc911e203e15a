"""Ask in words, round 41 (paraphrase, English): a reading asked in stronger words holding the best one's phrase stands
in the way of a best that takes no value said (compare how often each place requires it: of what?); one organ described
by what it does rather than named (the department that …) leaves the organ unsaid; words spanning several places said
of organs (across departments) do not compare places.

Each test reads texts right with the rule (or declines them) and checks that they are not so with the rule off (its
words emptied, its rule of structure switched off on a copy of the interpreter).
"""

from safetykg.query.interpret import Interpreter
from tests.interpreter_off import switched_off


def test_stronger_words_holding_the_best_ones_stand_in_the_way_of_nothing_said(interpreter: Interpreter) -> None:
    # holdout63: *compare how often each place requires it*: compare what? The comparison's how often … each holds
    # every frequency requirement's how often, and the comparison lacks its activity and role; off, every frequency
    # requirement is read, confidently
    texts = [
        "Compare how often each jurisdiction asks for that.",
        "How often, in each place, is it required?",
        "How many times a year must each jurisdiction do it?",
    ]
    for text in texts:
        assert not interpreter.interpret(text).confident, text
    off = switched_off(interpreter)
    off._asked_around_in_stronger = lambda *args: False  # type: ignore[method-assign]
    for text in texts:
        reading = off.interpret(text)
        assert reading.confident and reading.question == "frequency-requirements", (text, reading)
    # … the values said, the comparison is read
    reading = interpreter.interpret("Compare how often each place requires meetings of the principal leaders.")
    assert reading.confident and reading.question == "compare-frequencies", reading


def test_one_organ_described_not_named_is_unsaid(interpreter: Interpreter) -> None:
    # holdout63: *a profile of the department that holds <place>'s purse strings: what it is designated as*: which
    # department? Not the place's designations, of "designated as"; off (no words describing), those are read
    text = "What is the bureau that keeps Xinjiang's accounts designated as, and what must it do?"
    assert not interpreter.interpret(text).confident
    reading = switched_off(interpreter, describing=()).interpret(text)
    assert reading.confident and reading.question == "designations-by-type", reading
    # … the organ named, its profile is read
    reading = interpreter.interpret("What is Hubei's finance department designated as, and what must it do?")
    assert reading.confident and reading.question == "organ-profile", reading


def test_words_spanning_organs_do_not_compare_places(interpreter: Interpreter) -> None:
    # holdout63: *the body that coordinates safety work across departments*: across departments, not across the
    # places; off (no spanning words), the team members' duties across the places are read
    texts = [
        "Who are the deputies that coordinate safety across departments?",
        "How do the leadership team members share duties across departments?",
    ]
    for text in texts:
        assert not interpreter.interpret(text).confident, text
    off = switched_off(interpreter, spanning=())
    for text in texts:
        reading = off.interpret(text)
        assert reading.confident and reading.question == "role-across-jurisdictions", (text, reading)
    # … across the places, they are compared
    reading = interpreter.interpret("What duties do the principal leaders have across jurisdictions?")
    assert reading.confident and reading.question == "role-across-jurisdictions", reading
