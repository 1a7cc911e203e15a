"""Ask in words, round 40 (acronyms and abbreviations): a province's one-character name (冀, 鄂, 黔) is a place not only
standing alone but at a clause's start before its rule's words (冀细则), the kind of one of its organs (鄂应急局, 冀安委会)
or words owning what follows (冀的, 黔省); what an organ does (干哪些事) asks its profile; initials standing for one place
with no rule (SH) are that place, initials of two places (HB) are ambiguous; and *dep.* is a deputy.

Each test reads texts right with the rule and checks that they are not read so with the rule off (its words emptied,
its labels left out, its rule of structure switched off on a copy of the interpreter).
"""

from safetykg.query.interpret import Interpreter
from safetykg.query.questions import load_questions
from tests.interpreter_off import not_read, place, reads, rebuilt_without, switched_off, without_phrases

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


def test_an_organ_asked_what_it_does(interpreter: Interpreter, interpreter_vocabulary: dict) -> None:
    # holdout61: XJ安委办要干哪些事: what an organ does (干哪些事, 做哪些事, 干什么) asks its profile, as 做什么 does; off
    # (the phrases left out of the profile), only the duties of a post are asked so, and no post is named
    said = {
        "新疆公安厅要做哪些事": ("organ-profile", {"organ": ID + "organ/xinjiang/public-security"}),
        "XJ安委办平时都干些什么？": ("organ-profile", {"organ": ID + "organ/xinjiang/safety-committee-office"}),
    }
    reads(interpreter, said)
    phrases = ("干哪些事", "做哪些事", "干什么", "干些什么", "做些什么")
    not_read(without_phrases(interpreter_vocabulary, interpreter, "organ-profile", "zh", *phrases), said)


def test_initials_of_a_place_with_no_rule(interpreter: Interpreter, interpreter_vocabulary: dict) -> None:
    # holdout61: *What accountability measures does SH's rule list?*: initials standing for one place with no rule
    # (other_places) are that place, so no answer; off, every place's answer is read
    said = "Which accountability measures are in SH's rule?"
    reading = interpreter.interpret(said)
    assert not reading.confident and reading.missing[0]["reason"] == "no-rule", reading
    others = tuple(p for p in interpreter.wording.other_places if p[0] != "sh")
    assert len(others) < len(interpreter.wording.other_places)
    off = rebuilt_without(interpreter_vocabulary, interpreter, other_places=others)  # type: ignore[arg-type]
    off._unknown_initials = lambda *args: []  # type: ignore[method-assign]  # round 41: initials no label holds
    assert off.interpret(said).confident


def test_initials_of_two_places(interpreter: Interpreter, interpreter_vocabulary: dict) -> None:
    # holdout61: *HB 办法: depts with support obligations*, HB办法里…分别追到哪一级: initials of two places (HB) are
    # given to both, so ambiguous, never one of them nor every place; off (the labels left out), every place's answer
    said = {
        "HB rules: which departments have support obligations?": ("support-obligations", {}),
        "HB办法的解释权归谁": ("interpretation", {}),
    }
    for text in said:
        reading = interpreter.interpret(text)
        assert not reading.confident, reading
        places = {a["params"].get("jurisdiction") for a in reading.alternatives}
        assert {ID + "jurisdiction/hubei", ID + "jurisdiction/hebei"} <= places, reading
    without = {**interpreter_vocabulary, "terms": dict(interpreter_vocabulary["terms"])}
    without["terms"]["jurisdiction"] = [p for p in interpreter_vocabulary["terms"]["jurisdiction"] if p[0] != "HB"]
    assert len(without["terms"]["jurisdiction"]) < len(interpreter_vocabulary["terms"]["jurisdiction"])
    reads(Interpreter(without, load_questions(), interpreter.wording), said)


def test_an_abbreviated_deputy(interpreter: Interpreter, interpreter_vocabulary: dict) -> None:
    # holdout61: *GY: what are the duties of the dep. in charge of work safety?*: *dep.* is a deputy (variants); off,
    # the duties at the level were read
    said = {
        "What must the dep. in charge of safety do in Hebei?": (
            "duties-of-role",
            {**place("hebei"), "role": ID + "role/deputy-in-charge-of-safety"},
        ),
        "Xinjiang: duties of the dep. mayor in charge of work safety": (
            "duties-of-role",
            {**place("xinjiang"), "role": ID + "role/deputy-in-charge-of-safety"},
        ),
    }
    reads(interpreter, said)
    variants = tuple(v for v in interpreter.wording.variants if v[0] != "deputy")
    assert len(variants) < len(interpreter.wording.variants)
    not_read(rebuilt_without(interpreter_vocabulary, interpreter, variants=variants), said)
