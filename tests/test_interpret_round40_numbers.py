"""Ask in words, round 40 (numbers, and researchers' hedged sentences): words in brackets right after words searched
for gloss them (contain 每半年 (every half year)), not how another question is asked; and how many times words
appear (“…”在…出现了几次) is a search of the texts.

Each test reads texts right with the rule and checks that they are not read so with the rule off (its phrases left
out, its rule of structure switched off on a copy of the interpreter).
"""

from safetykg.query.interpret import Interpreter
from tests.interpreter_off import ID, not_read, place, reads, switched_off, without_phrases


def test_words_in_brackets_after_words_searched_for_gloss_them(interpreter: Interpreter) -> None:
    # holdout59: *Which provisions contain 每季度 (every quarter)?*: the English in brackets translates the words
    # searched for; off (the gloss not taken with them), its frequency words stand in the search's way
    said = {
        "Which provisions contain 每半年 (every half year)?": ("provisions-mentioning", {"term": "每半年"}),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._glossing = lambda *args: []  # type: ignore[method-assign]
    not_read(off, said)


def test_how_many_times_words_appear_is_a_search(interpreter_vocabulary: dict, interpreter: Interpreter) -> None:
    # holdout59: “一票否决”在河北细则里出现了几次: the quoted words are searched for, not the accountability rules
    # they name; off (the phrases left out), the quoted words alone ask nothing beside those rules
    said = {
        "“终身追责”在贵阳办法中一共出现几次": ("provisions-mentioning", {**place("guiyang"), "term": "终身追责"}),
        "“约谈”一词在湖北规定中出现过多少次？": ("provisions-mentioning", {**place("hubei"), "term": "约谈"}),
        "“尽职免责”出现过几次？": ("provisions-mentioning", {"term": "尽职免责"}),
    }
    reads(interpreter, said)
    phrases = [p for p in interpreter.questions["provisions-mentioning"].asked_zh if "出现" in p and "次" in p]
    assert len(phrases) == 10
    not_read(without_phrases(interpreter_vocabulary, interpreter, "provisions-mentioning", "zh", *phrases), said)


def test_no_counterpart_in_the_national_rule_said_with_a_gap(
    interpreter_vocabulary: dict, interpreter: Interpreter
) -> None:
    # holdout59 and holdout60: 中央规定里根本找不到对应的: the national rule, then words saying no counterpart is found
    # in it (中央规定里…找不到对应, 没有对应, 无对应), are local additions; off (the phrases left out), not read so
    said = {
        "贵阳办法有哪些条款和职责在中央规定里压根找不到对应？": ("local-additions", place("guiyang")),
        "湖北规定中哪些条款和职责，中央规定里都没有对应的？": ("local-additions", place("hubei")),
    }
    reads(interpreter, said)
    phrases = ("中央规定里…找不到对应", "中央规定里…没有对应", "中央规定里…无对应")
    not_read(without_phrases(interpreter_vocabulary, interpreter, "local-additions", "zh", *phrases), said)


def test_the_national_rule_a_place_said_before_is_compared_with(interpreter: Interpreter) -> None:
    # holdout60: *Guiyang went beyond the national template; which of its articles … have no counterpart … in the
    # national provisions?*: the sentence that asks names only the national rule and refers back (its) to the place of
    # the sentence before, which is asked about; off, that place is context and the question lacks it
    said = {
        "Hubei went beyond the national rules. Which of its provisions have no counterpart in the national regulation?": (
            "local-additions",
            place("hubei"),
        ),
        "Xinjiang seems to go further than the national template; which of its duties have no counterpart in the "
        "national provisions?": ("local-additions", place("xinjiang")),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._compared_back = lambda *args: False  # type: ignore[method-assign]
    not_read(off, said)


def test_a_clause_saying_the_frame_of_the_question_is_context(interpreter: Interpreter) -> None:
    # holdout60: 按照“政策再创新”的视角, 在“失职追责”的分析框架下: the words quoted in a clause saying the frame the
    # question is asked in are not a term asked about (a qualifier, words to search for); off (framing emptied), they are
    # (since the places' rules of round 40, a place's local additions asked so read right without it: triggers here)
    said = {
        "在“压力传导”的分析框架下，想逐项看一下河北细则所列的追究领导干部责任的情形。": (
            "accountability-triggers",
            place("hebei"),
        ),
    }
    reads(interpreter, said)
    not_read(switched_off(interpreter, framing=()), said)


def test_words_in_brackets_citing_a_work_are_context(interpreter: Interpreter) -> None:
    # holdout60: （参见Brady, 2008 关于宣传国家的论述）: a reference in brackets names no place (国家) nor asks a question;
    # off (citing emptied), its values stand in the way
    said = {
        "各地规定分别给分管宣传工作的党委班子成员安排了哪些职责（参见Tsai, 2007 对国家能力的论述）？": (
            "role-across-jurisdictions",
            {"role": ID + "role/member-in-charge-of-publicity"},
        ),
        "新疆细则里有哪些追究责任的情形（参照中央规定的写法）？": ("accountability-triggers", place("xinjiang")),
    }
    reads(interpreter, said)
    not_read(switched_off(interpreter, citing=()), said)


def test_values_of_a_clause_saying_what_the_answer_is_for_yield(interpreter: Interpreter) -> None:
    # holdout60: *For a paper on the severity ladder of sanctions, … list demotion (降职) as an accountability
    # measure*: the paper's subject (sanctions) is not the measure asked about; off (purposing emptied), the two
    # measures stand side by side
    said = {
        "For a paper on sanctions, do the Hebei rules list demotion as an accountability measure?": (
            "accountability-measures",
            {**place("hebei"), "measure": ID + "accountability-measure/demotion"},
        ),
    }
    reads(interpreter, said)
    # … a value of no other type said in the question is still said (the place)
    reads(
        interpreter,
        {
            "For a study of Hubei, which accountability measures does it list?": (
                "accountability-measures",
                place("hubei"),
            )
        },
    )
    not_read(switched_off(interpreter, purposing=()), said)
