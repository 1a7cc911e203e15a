"""Ask in words, round 40 (numbers, and researchers' hedged sentences): words in brackets right after words searched
for gloss them (contain 每半年 (every half year)), not how another question is asked; and how many times words
appear (“…”在…出现了几次) is a search of the texts.

Each test reads texts right with the rule and checks that they are not read so with the rule off (its phrases left
out, its rule of structure switched off on a copy of the interpreter).
"""

from safetykg.query.interpret import Interpreter
from tests.interpreter_off import not_read, place, reads, switched_off, without_phrases


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
