"""Ask in words, round 40 (acronyms and abbreviations): a province's one-character name (冀, 鄂, 黔) is a place not only
standing alone but at a clause's start before its rule's words (冀细则), the kind of one of its organs (鄂应急局, 冀安委会)
or words owning what follows (冀的, 黔省).

Each test reads texts right with the rule and checks that they are not read so with the rule off (its words emptied,
its labels left out, its rule of structure switched off on a copy of the interpreter).
"""

from safetykg.query.interpret import Interpreter
from tests.interpreter_off import not_read, place, reads, switched_off

ID = "https://w3id.org/safetykg/id/"


def test_a_one_character_name_before_what_is_its_own(interpreter: Interpreter) -> None:
    # holdout61: 冀细则的解释权在谁手里, 冀的一把手…要负哪些责, 鄂应急局在办法里是什么定位, 冀安委会谁当主任: the one
    # character not standing alone was no place (the question read of every place, or a place missing); off, so again
    said = {
        "冀细则由哪个部门负责解释？": ("interpretation", place("hebei")),
        "鄂办法：对照中央规定，哪些条款落实了？": ("national-coverage", place("hubei")),
        "鄂的主要负责人要承担哪些职责？": (
            "duties-of-role",
            {**place("hubei"), "role": ID + "role/principal-leader"},
        ),
        "冀安委会的主任由谁担任？": ("safety-committee-composition", place("hebei")),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._naming_after = lambda *args: False  # type: ignore[method-assign]
    not_read(off, said)
    # … the words owning what follows are words (single_naming): off, 鄂的 is no place
    owning = {k: v for k, v in said.items() if "的" in k[:2]}
    not_read(switched_off(interpreter, single_naming=()), owning)
    # … only at a clause's start, so a character of other words is none (希冀细则: no place)
    hoped = interpreter.interpret("希冀细则能说清楚哪些部门负有监管职责")
    assert not (hoped.confident and hoped.params.get("jurisdiction") == ID + "jurisdiction/hebei"), hoped


def test_a_one_character_name_of_a_place_with_no_rule(interpreter: Interpreter) -> None:
    # holdout61: 黔省安委会由谁来当主任: the province with no rule, not every place's committee; off, read so
    said = "黔省的安委会由谁担任主任？"
    reading = interpreter.interpret(said)
    assert not reading.confident and reading.missing[0]["reason"] == "no-rule", reading
    off = switched_off(interpreter)
    off._naming_after = lambda *args: False  # type: ignore[method-assign]
    assert off.interpret(said).confident
