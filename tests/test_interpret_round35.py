"""Ask in words, round 35: an essay set as a task (以…为题，写一篇…的申论文章) is declined, Chinglish degrees of
punishment (*more heavy*, *more light*: 从重, 从轻) ask the aggravating and mitigating circumstances, and *the first
responsible person* (第一责任人) is the principal leader.

Each test reads texts right with the rule and checks that they are not read so with the rule off (its words
emptied, its phrases or label left out).
"""

from dataclasses import replace

from safetykg.query.interpret import Interpreter
from safetykg.query.questions import load_questions
from tests.interpreter_off import declined, place, switched_off

ID = "https://w3id.org/safetykg/id/"
ESSAY = (
    "为题", "申论", "作文", "请写一篇", "请你写", "请撰写一篇", "请起草一篇", "字的文章", "字的短文", "字的论文", "撰写一篇",
    "起草一篇", "写一篇文章", "写篇文章", "write an essay", "write a essay", "an essay on", "an essay about", "word essay",
    "compose an essay", "write an article on", "write an article about",
)  # fmt: skip
HEAVY_LIGHT = (
    "more heavy", "more light", "more heavily", "more lightly", "heavy…light", "light…heavy", "more heavy…more light",
    "more light…more heavy",
)  # fmt: skip
FIRST_RESPONSIBLE = ("first responsible person", "first person responsible")


def test_an_essay_set_as_a_task_is_declined(interpreter: Interpreter) -> None:
    # holdout44: a writing task (以…为题, 申论, write an essay on …) is no question of what the rules say; off (the
    # words left out of out_of_scope), the quoted words are searched for, confidently
    essays = [
        "请以“党政同责、一岗双责”为题，写一篇800字的申论文章。",
        "请以安全生产责任制为题写一篇作文",
        "Write an essay on the Hebei rule's accountability measures.",
    ]
    declined(interpreter, essays, "out-of-scope")
    # … not 写一篇 alone: someone writing asks a question
    asked = interpreter.interpret(
        "河北细则里提到“一岗双责”的条款有哪些？我在写一篇关于领导干部双重责任的短文，需要引用原文。"
    )
    assert asked.confident and asked.question == "provisions-mentioning", asked
    off = switched_off(interpreter, out_of_scope=ESSAY)
    assert any(off.interpret(text).confident for text in essays[:1])


def test_more_heavy_and_more_light_ask_the_aggravating_and_mitigating(
    interpreter_vocabulary: dict, interpreter: Interpreter
) -> None:
    # holdout45: Chinglish 从重/从轻 (*pursue responsibility more heavy … more light*); off (the phrases left out of
    # the question's asked phrases), read confidently as the triggers (*what situation*)
    text = (
        "Hebei rule, what situation will pursue responsibility more heavy, what situation can more light or not pursue?"
    )
    reading = interpreter.interpret(text)
    assert reading.confident and reading.question == "aggravating-and-mitigating", reading
    assert reading.params == place("hebei")
    questions = load_questions()
    question = questions["aggravating-and-mitigating"]
    questions["aggravating-and-mitigating"] = replace(
        question, asked_en=tuple(p for p in question.asked_en if p not in HEAVY_LIGHT)
    )
    assert len(questions["aggravating-and-mitigating"].asked_en) < len(question.asked_en)
    off = Interpreter(interpreter_vocabulary, questions, interpreter.wording)
    wrong = off.interpret(text)
    assert not (wrong.confident and wrong.question == "aggravating-and-mitigating"), wrong


def test_the_first_responsible_person_is_the_principal_leader(
    interpreter_vocabulary: dict, interpreter: Interpreter
) -> None:
    # holdout45: *the first responsible person* (第一责任人) is a label of the principal leader; off (the labels left
    # out of the interpreter_vocabulary), the role is unread and the duties at a level are answered confidently
    text = "Hubei rule, the first responsible person have which duties?"
    reading = interpreter.interpret(text)
    assert reading.confident and reading.question == "duties-of-role", reading
    assert reading.params == {**place("hubei"), "role": ID + "role/principal-leader"}
    without = {**interpreter_vocabulary, "terms": dict(interpreter_vocabulary["terms"])}
    without["terms"]["role"] = [p for p in interpreter_vocabulary["terms"]["role"] if p[0] not in FIRST_RESPONSIBLE]
    assert len(without["terms"]["role"]) < len(interpreter_vocabulary["terms"]["role"])
    off = Interpreter(without, load_questions(), interpreter.wording)
    wrong = off.interpret(text)
    assert not (wrong.confident and wrong.question == "duties-of-role"), wrong
