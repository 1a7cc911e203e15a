"""Ask in words, round 43 (accountability and sanctions; administrative levels said in many ways): a kind of organ
after a place with a word of a sentence between (对, 连) is what the place's rule acts on, not the place's department;
an English range of levels said before the level (at or above county level) is the texts' range, not that level; the
levels of the local rules named (provincial and municipal) are every place, the national rule said with them one of
those compared; and *does the pursuing* asks who pursues accountability.

Each test reads texts right with the rule and checks that they are not read so with the rule off (its words emptied,
its phrase left out, its rule of structure switched off on a copy of the interpreter).
"""

from safetykg.query.interpret import Interpreter
from tests.interpreter_off import ID, not_read, place, reads, switched_off, without_phrases


def test_a_kind_of_organ_after_a_place_and_a_word_of_a_sentence_is_not_the_places_department(
    interpreter: Interpreter,
) -> None:
    # holdout70: <province>对党委、政府及其工作部门…问责方式: 党委 was taken for the province's Party committee left aside (one
    # character between), so the measures were doubted; off (any one character between the place's own), declined
    said = {
        "河北对党委和政府可以采取哪些问责方式？": ("accountability-measures", place("hebei")),
        "贵阳连党委、政府都要问责，问责方式有哪些？": ("accountability-measures", place("guiyang")),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._of_the_place = lambda between: True  # type: ignore[method-assign]
    not_read(off, said)
    # … while a place's name's end or 的 between still leaves the department the place's own (甲省 应急管理厅)
    reading = interpreter.interpret("河北省应急管理厅有哪些问责方式？")
    assert not reading.confident, reading


def test_an_english_range_of_levels_said_before_the_level(interpreter: Interpreter) -> None:
    # holdout73: *duties apply only at or above county level*: the texts' 县级以上, not the county level; off (the
    # glosses saying the range before the level left out), the county level alone is read
    said = {
        "Which Hebei duties are meant for governments at or above the county level?": (
            "duties-at-level",
            {**place("hebei"), "qualifier": "县级以上"},
        ),
        "In Hubei, what duties hold only at or below city level?": (
            "duties-at-level",
            {**place("hubei"), "qualifier": "市级及以下"},
        ),
    }
    reads(interpreter, said)
    glosses = tuple(
        (words, tuple(g for g in said_so if not g.startswith("at "))) for words, said_so in interpreter.wording.glosses
    )
    assert glosses != interpreter.wording.glosses
    not_read(switched_off(interpreter, glosses=glosses), said)


def test_the_levels_of_the_local_rules_named_are_every_place(interpreter: Interpreter) -> None:
    # holdout73: *the national, provincial and municipal rules each ask of …*: every rule compared, not the national
    # one; off (the comma listing a place before them left out), the national rule is the place
    said = {
        "How do the national, provincial and municipal rules differ on the duties of the principal leader?": (
            "role-across-jurisdictions",
            {"role": ID + "role/principal-leader"},
        ),
        "Compare the national, provincial and municipal rules on what the deputy in charge of safety must do": (
            "role-across-jurisdictions",
            {"role": ID + "role/deputy-in-charge-of-safety"},
        ),
    }
    reads(interpreter, said)
    not_read(switched_off(interpreter, every_place_listing=()), said)
    # … and not without the levels of the local rules (provincial and municipal) among the words for every place
    levels = ("provincial and", "provincial,")
    not_read(
        switched_off(
            interpreter, every_place=tuple(w for w in interpreter.wording.every_place if not w.startswith(levels))
        ),
        said,
    )
    # … and asked of each rule, with no phrase comparing them, declined rather than the national rule's duties
    reading = interpreter.interpret(
        "What do the national, provincial and municipal rules each require of the principal leader?"
    )
    assert not reading.confident, reading
    # … while a comma ending a clause, no rule named after the words for every place, lists nothing (the national rule
    # is the place asked of)
    reading = interpreter.interpret("按中央规定，地方党政领导在哪些情况下会被问责？")
    assert reading.confident and reading.params == place("china"), reading


def test_who_does_the_pursuing_is_the_accountability_rules(
    interpreter_vocabulary: dict, interpreter: Interpreter
) -> None:
    # holdout70: *who actually does the pursuing when officials are held to account*: read confidently as the
    # triggers (held to account); with *does the pursuing* a phrase of who pursues, it is at least declined, and said
    # without the triggers' words it is read right; off (the phrases left out), not so
    said = {
        "In Hebei, who in fact does the pursuing of accountability?": ("accountability-rules", place("hebei")),
        "Who in Guiyang does the pursuing?": ("accountability-rules", place("guiyang")),
    }
    reads(interpreter, said)
    off = without_phrases(
        interpreter_vocabulary, interpreter, "accountability-rules", "en", "does the pursuing", "who…does the pursuing"
    )
    not_read(off, said)
    reading = interpreter.interpret("In Hebei, who really does the pursuing when a cadre is held to account?")
    assert not reading.confident or reading.question == "accountability-rules", reading
