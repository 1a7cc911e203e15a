"""Ask in words, round 36: a value corrected as it is said, of any type (烟花爆竹 哦不 民爆物品, *admonition no sorry
demotion*) is the one corrected to; the national rule named as what a rule is compared with (比中央规定多) is not the
place asked; a place asked whether it is the only one, or said the only one in a claim reported, is one of the places
asked of; the rules ranked by strictness are declined; a phrase inside a value's words it takes nothing of is not how
a question is asked; values said to hold together (既是…又是) are the breakdown asked for; and asked phrases for the
chapters counted, the national articles left untouched, a 提法, *the only jurisdiction that* and an organ's
designation and duties asked together.

Each test reads texts right with the rule and checks that they are not read so with the rule off (its words
emptied, its phrases left out); the one rule of structure without words of its own was checked so by hand (its lines
taken out).
"""

from dataclasses import replace

import pytest

from safetykg.query.interpret import Interpreter
from safetykg.query.questions import load_questions
from tests.interpreter_off import declined, not_read, place, rebuilt_without, switched_off

ID = "https://w3id.org/safetykg/id/"
RANKING = (
    "最狠", "最严厉", "排个名", "排名", "排排名", "哪家最严", "哪个最严", "哪部最严", "哪一部最严", "is the toughest",
    "the toughest on", "toughest on", "is the strictest", "the strictest on", "strictest on", "is the harshest",
    "the harshest on", "harshest on", "is the most lenient", "rank the rules", "rank the five", "rank the jurisdictions",
    "rank the places", "league table",
)  # fmt: skip


def test_a_value_corrected_as_it_is_said_is_the_one_corrected_to(
    interpreter_vocabulary: dict, interpreter: Interpreter
) -> None:
    # holdout46: spoken corrections of a hazard, a measure, an activity and a place, with words of speech around the
    # correcting words (哦不, 啊不是 是, no sorry, er sorry i mean); off (the correcting words emptied), the value
    # corrected away is read, or the two are ambiguous; with the words of speech and of saying again emptied
    # (correcting_filler, correcting_resaying), the corrections said with them are not read
    said = {
        "新疆 烟花爆竹 哦不 民爆物品 归哪些部门管": (
            "departments-regulating-hazard",
            {**place("xinjiang"), "hazard": ID + "domain/civilian-explosives"},
        ),
        "is admonition no sorry demotion listed as an accountability measure like which places list it": (
            "accountability-measures",
            {"measure": ID + "accountability-measure/demotion"},
        ),
        "那个 主要负责人 召开会议 啊不是 是督查检查 各地要求一年几次 并排对比一下": (
            "compare-frequencies",
            {"activity": ID + "activity-kind/inspection", "role": ID + "role/principal-leader"},
        ),
        "贵阳的 不对 是新疆的 问责方式都有哪些": ("accountability-measures", place("xinjiang")),
        "what are the duties of the principal leader in hebei er sorry i mean hubei": (
            "duties-of-role",
            {**place("hubei"), "role": ID + "role/principal-leader"},
        ),
    }
    for text, (question, params) in said.items():
        reading = interpreter.interpret(text)
        assert reading.confident and reading.question == question and reading.params == params, (text, reading)
    off = rebuilt_without(interpreter_vocabulary, interpreter, correcting=())
    for text, (_, params) in said.items():
        wrong = off.interpret(text)
        assert not (wrong.confident and wrong.params == params), (text, wrong)
    spoken = rebuilt_without(interpreter_vocabulary, interpreter, correcting_filler=(), correcting_resaying=())
    for text in list(said)[:1] + list(said)[2:]:  # … all but the one said with no such words (no sorry)
        wrong = spoken.interpret(text)
        assert not (wrong.confident and wrong.params == said[text][1]), (text, wrong)


def test_a_value_denied_after_the_one_meant_is_not_a_correction(interpreter: Interpreter) -> None:
    # a place denied after 不是 right before it (河北的，不是湖北的) is no correction: the words after 不是 say no value
    # again, so the first place stands and the second is denied
    reading = interpreter.interpret("河北的，不是湖北的，问责方式有哪些？")
    assert reading.confident and reading.params == place("hebei"), reading


def test_the_national_rule_compared_with_is_not_the_place_asked(
    interpreter_vocabulary: dict, interpreter: Interpreter
) -> None:
    # holdout47: 比中央规定多 (more than the national rule) and *compare … with the national one's*; off (comparing and
    # comparing_joining emptied), the national rule is read as the place asked, confidently
    text = "报道称河北的问责情形比中央规定多，河北细则究竟列了哪些应当问责的情形？"
    reading = interpreter.interpret(text)
    assert reading.confident and reading.question == "accountability-triggers", reading
    assert reading.params == place("hebei")
    local = "Compare the local rule's list of accountability triggers with the national one's."
    assert not interpreter.interpret(local).confident  # which local rule? not the national one's triggers
    off = rebuilt_without(interpreter_vocabulary, interpreter, comparing=(), comparing_joining=())
    wrong = off.interpret(local)
    assert wrong.confident and wrong.params == place("china"), (local, wrong)
    # … and, the place said more often than the other switched off too (round 40: Hebei, said twice, is the place
    # asked, and a place said with the national rule is no longer the national rule), the text is not read as Hebei's
    off._said_most = lambda *args: None  # type: ignore[method-assign]
    not_read(off, {text: ("accountability-triggers", place("hebei"))})


def test_a_place_asked_whether_it_is_the_only_one_is_one_of_everyplace(
    interpreter_vocabulary: dict, interpreter: Interpreter
) -> None:
    # holdout47: 是不是只有<place>… and *a source says only <place> …*: the claim is checked against every place;
    # off (only_one_whether and claiming emptied), the place is read as the one asked, confidently
    asked = {
        "是不是只有河北让党委书记挂帅、出任安委会第一主任？": ("safety-committee-composition", {}),
        "A source says only Hebei talks about unannounced spot checks (暗查暗访). Which provisions actually mention "
        "暗查暗访?": ("provisions-mentioning", {"term": "暗查暗访"}),
    }
    for text, (question, params) in asked.items():
        reading = interpreter.interpret(text)
        assert reading.confident and reading.question == question and reading.params == params, (text, reading)
    # … and a place asked of only (which sanctions does only <place> have) is still the place asked
    off = rebuilt_without(interpreter_vocabulary, interpreter, only_one_whether=(), claiming=())
    for text, (_, params) in asked.items():
        wrong = off.interpret(text)
        assert wrong.confident and wrong.params != params, (text, wrong)


def test_the_rules_ranked_by_strictness_are_declined(interpreter: Interpreter) -> None:
    # holdout47: no question ranks the places; off (the words left out of out_of_scope), the veto provisions and the
    # principal leader across the rules are answered confidently
    ranked = [
        "五地的一票否决条款，哪家最狠？给排个名",
        "Overall, which of the five rules is the toughest on Party secretaries?",
    ]
    declined(interpreter, ranked, "out-of-scope")
    # … not the measures of one rule ordered by severity
    ordered = interpreter.interpret(
        "What penalties can Xinjiang's rules impose on officials who fall short, from the mildest to the toughest?"
    )
    assert ordered.confident and ordered.question == "accountability-measures", ordered
    off = switched_off(interpreter, out_of_scope=RANKING)
    assert len(off.out_of_scope) < len(interpreter.out_of_scope)
    assert all(off.interpret(text).confident for text in ranked)


def test_a_phrase_inside_a_value_it_takes_nothing_of_is_not_how_it_is_asked(interpreter: Interpreter) -> None:
    # holdout47: *committee member* inside *the Party committee member in charge of publicity* (a post) is not the
    # safety committee's members asked; without the rule (checked by taking its lines out) both are read as the
    # committee's composition, confidently
    for text in (
        "Which jurisdictions spell out duties for the Party committee member in charge of publicity?",
        "Is Guiyang the only jurisdiction that spells out duties for the Party committee member in charge of publicity?",
    ):
        reading = interpreter.interpret(text)
        assert not (reading.confident and reading.question == "safety-committee-composition"), (text, reading)


@pytest.mark.parametrize(
    ("text", "question", "params", "lang", "phrases"),
    [
        ("五部规定里哪一部条文最多？各分了几章？", "regulation-overview", {}, "zh", ("条文最多", "分了几章", "几章")),
        (
            "Any article of the national rule that Hubei's measures leave untouched?",
            "national-coverage",
            place("hubei"),
            "en",
            ("leave untouched", "leaves untouched", "left untouched"),
        ),
        (
            "“尽职照单免责”这个提法，除了湖北，还有哪些规定的条款里出现过？",
            "provisions-mentioning",
            {"term": "尽职照单免责"},
            "zh",
            ("{term}这个提法", "{term}的提法", "{term}这一提法", "条款里出现过", "出现过{term}"),
        ),
        (
            "Is Guiyang the only jurisdiction that spells out duties for the Party committee member in charge of "
            "publicity?",
            "role-across-jurisdictions",
            {"role": ID + "role/member-in-charge-of-publicity"},
            "en",
            ("the only jurisdiction that", "the only jurisdiction to"),
        ),
        (
            "tell me about the hubei organization department no wait the finance department what is it designated as "
            "and what duties does it have",
            "organ-profile",
            {"organ": ID + "organ/hubei/finance"},
            "en",
            ("designated as and what", "designated as, and what", "designated as and…duties"),
        ),
        (
            "河北的规定有哪一些问责方式？请从轻的到重的排一下。",
            "accountability-measures",
            place("hebei"),
            "zh",
            ("从轻的到重的", "由轻的到重的", "从轻的到重", "由轻至重", "从轻至重"),
        ),
    ],
)
def test_asked_phrases_of_round_36(
    interpreter_vocabulary: dict,
    interpreter: Interpreter,
    text: str,
    question: str,
    params: dict[str, str],
    lang: str,
    phrases: tuple[str, ...],
) -> None:
    # holdout47: the chapters and articles counted (the overview), the national articles left untouched (the
    # national coverage), a term's 提法 found in provisions, a post's duties checked against every place (the only
    # jurisdiction that …: the role across the jurisdictions), an organ's designation and duties asked together (its
    # profile; the organ corrected as it is said), and (holdout45) the measures ordered 从轻的到重的 (not the
    # mitigating circumstances); off (the phrases left out), not read so
    reading = interpreter.interpret(text)
    assert reading.confident and reading.question == question and reading.params == params, reading
    questions = load_questions()
    field = f"asked_{lang}"
    asked = getattr(questions[question], field)
    questions[question] = replace(questions[question], **{field: tuple(p for p in asked if p not in phrases)})
    assert len(getattr(questions[question], field)) < len(asked)
    off = Interpreter(interpreter_vocabulary, questions, interpreter.wording)
    wrong = off.interpret(text)
    assert not (wrong.confident and wrong.question == question and wrong.params == params), wrong


def test_values_said_to_hold_together_are_the_breakdown_asked_for(
    interpreter_vocabulary: dict, interpreter: Interpreter
) -> None:
    # holdout47: 哪些既是<type>、又是<type>: the departments of both types, every type asked for; off (both emptied),
    # the two types are ambiguous
    text = "新疆认定的部门里，哪些既是负有安全监管职责的部门、又是行业主管部门？"
    reading = interpreter.interpret(text)
    assert reading.confident and reading.question == "designations-by-type", reading
    assert reading.params == place("xinjiang")
    off = rebuilt_without(interpreter_vocabulary, interpreter, both=())
    assert not off.interpret(text).confident


def test_the_four_local_rules_are_everyplace(interpreter_vocabulary: dict, interpreter: Interpreter) -> None:
    # holdout44: the national rule said with *the four local rules* is one of the places compared; off (the words
    # left out of every_place), the national rule's duties of the role and the role across them are close
    text = "Compare the duties that the national rule and the four local rules give to principal leaders."
    reading = interpreter.interpret(text)
    assert reading.confident and reading.question == "role-across-jurisdictions", reading
    assert reading.params == {"role": ID + "role/principal-leader"}
    every = tuple(w for w in interpreter.wording.every_place if w not in ("the four local", "four local"))
    assert len(every) < len(interpreter.wording.every_place)
    assert not rebuilt_without(interpreter_vocabulary, interpreter, every_place=every).interpret(text).confident
