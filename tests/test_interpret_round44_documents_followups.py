"""Ask in words, round 44 (the rules as documents, follow-ups in a chat): words asking which texts hold the words after
them (哪些条款提及…) make those words a term, as words asking to search do, unless they describe what follows
(提到的那些单位); words referring to a question asked in an earlier turn (刚才的问题, the same question) leave what is asked
unsaid when no question's phrase is found; and a kind of organ said of no place near it states the level of a question
taking a level (the duties a rule gives county Party committees: the county level).

Each test reads texts right with the rule and checks that they are not read so with the rule off (its words emptied,
its rule of structure switched off on a copy of the interpreter).
"""

from safetykg.query.interpret import Interpreter
from tests.interpreter_off import confidently_read_as, declined, not_read, place, reads, switched_off

ID = "https://w3id.org/safetykg/id/"


def test_words_asking_which_texts_hold_words_make_them_a_term(interpreter: Interpreter) -> None:
    # holdout75: *条款提到 <another question's words>*: the provisions holding those words, not that question; off
    # (``mentioning`` emptied), the words are how the other question is asked
    said = {
        "哪些条款提及终身追责": ("provisions-mentioning", {"term": "终身追责"}),
        "湖北办法里哪些条文写到了述职": ("provisions-mentioning", {**place("hubei"), "term": "述职"}),
    }
    reads(interpreter, said)
    off = switched_off(interpreter, mentioning=())
    not_read(off, said)
    confidently_read_as(off, ["哪些条款提及终身追责"], "accountability-rules")
    # … words of a sentence after them still ask a question (提到的问责方式有哪些: the measures)
    reads(interpreter, {"规定里提到的问责方式有哪些": ("accountability-measures", {})})


def test_words_describing_what_follows_ask_for_no_words(interpreter: Interpreter) -> None:
    # holdout39 (kept right while the rule above was added): *条文里提到的那些…单位*: the units the texts mention, no
    # term; off (``mentioning_describing`` emptied), the words after 提到的 are taken for a term and the question lacks it
    said = {
        "规定中提到的那些后来改了名的机构，如今都改成哪个部门了？": ("organ-changes", {}),
        "细则里提及的那些被合并掉的老单位，现在变成哪些部门了？": ("organ-changes", {}),
    }
    reads(interpreter, said)
    not_read(switched_off(interpreter, mentioning_describing=()), said)


def test_a_question_asked_in_an_earlier_turn_is_unsaid(interpreter: Interpreter) -> None:
    # holdout77: *还是刚才那个问题，<place>是怎么规定的？*: the question is in a turn that is not there; off
    # (``asked_before`` emptied), the second opinion reads the words as a whole as one question
    texts = ["刚才的问题，河北是怎么规定的"]
    declined(interpreter, texts, "unsaid")
    declined(interpreter, ["同样的问题，换成贵阳呢？", "Same question for Hubei"], "unsaid")
    confidently_read_as(switched_off(interpreter, asked_before=()), texts, "accountability-rules")
    # … a question said after them is asked (the words refer to it)
    reads(
        interpreter,
        {
            "还是上一个问题，湖北哪些部门负责烟花爆竹监管？": (
                "departments-regulating-hazard",
                {**place("hubei"), "hazard": ID + "domain/fireworks"},
            )
        },
    )


def test_a_kind_of_organ_said_of_no_place_states_the_level(interpreter: Interpreter) -> None:
    # holdout75: *the duties the <province> implementing rule assigns to township Party committees and governments*:
    # every township's, the township level; off (no kind of organ said of no place states a level), the level is lost
    said = {
        "What duties does the Hubei rule give county Party committees?": (
            "duties-at-level",
            {**place("hubei"), "level": ID + "level/county"},
        ),
        "Which of Xinjiang's duties fall on township governments?": (
            "duties-at-level",
            {**place("xinjiang"), "level": ID + "level/township"},
        ),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._of_no_place = lambda *args: False  # type: ignore[method-assign]
    not_read(off, said)
    # holdout76 (kept right): not a place's own organ (<province>政府: the province's government, no level asked)
    reads(
        interpreter,
        {
            "新疆自治区政府和它的班子成员，细则里有哪些多长时间至少做一次的要求？": (
                "organ-frequencies",
                {"organ": ID + "organ/xinjiang/government"},
            )
        },
    )
