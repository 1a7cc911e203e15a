"""Ask in words, round 41 (paraphrase, Chinese): everyday names of a hazard, a measure, an activity, a post and what two
kinds of department do (炮仗, 礼花, 递辞呈, 蹲点, 抓安全的副职, 管治安, 管市场秩序: typed labels); a post said as one of a group
of posts said before it (领导班子中…的副职: ``within``); a value counted, listed before other words counted (开几次会、查几回:
one of several things asked); and a range of levels said otherwise (县这一级以及更往上: ``level_range_variants``, with
words pointing at the level between), the texts' words for it.

Each test reads texts right with the rule and checks that they are not read so with the rule off (its labels left out,
its words emptied, its rule of structure switched off on a copy of the interpreter).
"""

from safetykg.query.interpret import Interpreter
from safetykg.query.questions import load_questions
from tests.interpreter_off import not_read, place, reads, switched_off

ID = "https://w3id.org/safetykg/id/"


def _without_labels(vocabulary: dict, interpreter: Interpreter, *labels: str) -> Interpreter:
    """A new interpreter over the same labels but the given ones."""
    terms = {kind: [p for p in pairs if p[0] not in labels] for kind, pairs in vocabulary["terms"].items()}
    assert sum(map(len, terms.values())) < sum(map(len, vocabulary["terms"].values())), labels
    return Interpreter({**vocabulary, "terms": terms}, load_questions(), interpreter.wording)


def test_everyday_names_of_concepts(interpreter_vocabulary: dict, interpreter: Interpreter) -> None:
    # holdout63 (paraphrase): 过年放的炮仗、礼花 (fireworks), 让领导自己递辞呈 (ordered resignation; read confidently as the
    # measures of no measure), 下基层蹲点 (field research; read confidently as the role across the rules), 分工抓安全的那位
    # 副职 (the deputy in charge of safety), 管治安、户籍的那个厅 (public security) and 管市场秩序、查假冒伪劣的部门 (market
    # regulation); off (the labels left out), none is read so
    said = {
        "湖北春节燃放的炮仗归哪些部门监管？": (
            "departments-regulating-hazard",
            {**place("hubei"), "hazard": ID + "domain/fireworks"},
        ),
        "河北那边逢年过节放的礼花由哪些部门管？": (
            "departments-regulating-hazard",
            {**place("hebei"), "hazard": ID + "domain/fireworks"},
        ),
        "新疆细则里有没有让干部递交辞呈这种问责方式？": (
            "accountability-measures",
            {**place("xinjiang"), "measure": ID + "accountability-measure/ordered-resignation"},
        ),
        "各地对主要负责人下基层蹲点的次数要求对照一下": (
            "compare-frequencies",
            {"activity": ID + "activity-kind/field-research", "role": ID + "role/principal-leader"},
        ),
        "湖北办法里专门抓安全生产的副职有哪些职责？": (
            "duties-of-role",
            {**place("hubei"), "role": ID + "role/deputy-in-charge-of-safety"},
        ),
        "新疆管治安的那个厅在安全生产上被认定为什么部门？": (
            "organ-profile",
            {"organ": ID + "organ/xinjiang/public-security"},
        ),
        "新疆管市场秩序的那个局被认定为什么部门，职责有哪些？": (
            "organ-profile",
            {"organ": ID + "organ/xinjiang/market-regulation"},
        ),
    }
    reads(interpreter, said)
    labels = (
        "炮仗",
        "礼花",
        "辞呈",
        "蹲点",
        "蹲点调研",
        "下基层调研",
        "抓安全生产的副职",
        "抓安全的副职",
        "管治安",
        "管市场秩序",
    )
    not_read(_without_labels(interpreter_vocabulary, interpreter, *labels), said)


def test_a_post_said_as_one_of_a_group_of_posts(interpreter: Interpreter) -> None:
    # holdout63: 领导班子中专门分工抓安全的那位副职, 班子里分工抓安全生产的那位副手: the deputy, one of the team; off (no words
    # saying so), the team and the deputy are two roles, unsettled
    said = {
        "新疆细则里，领导班子中具体分管安全生产的副职有哪些职责？": (
            "duties-of-role",
            {**place("xinjiang"), "role": ID + "role/deputy-in-charge-of-safety"},
        ),
        "贵阳班子里专门分管安全的副手有哪些职责？": (
            "duties-of-role",
            {**place("guiyang"), "role": ID + "role/deputy-in-charge-of-safety"},
        ),
    }
    reads(interpreter, said)
    not_read(switched_off(interpreter, within=()), said)


def test_a_value_counted_before_other_words_counted(interpreter: Interpreter) -> None:
    # holdout63: 一年到头至少得开几次会、查几回: meetings and something else, so not the comparison of meetings alone; off
    # (only a value listed after words counted alike), the two readings are close
    said = {
        "市长一年至少开几次会、查几回？": (
            "frequency-requirements",
            {"role": ID + "role/principal-leader", "level": ID + "level/city"},
        ),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._counted_after = lambda *args: False  # type: ignore[method-assign]
    not_read(off, said)


def test_a_range_of_levels_said_otherwise(interpreter: Interpreter) -> None:
    # holdout63: 限定县这一级以及更往上的党委政府: the texts' 县级以上 (read confidently as every duty at a level); off (no
    # words saying a range otherwise), the qualifier is lost
    said = {
        "新疆细则里只适用于市这一级以及更往上的职责有哪些？": (
            "duties-at-level",
            {**place("xinjiang"), "qualifier": "市级以上"},
        ),
        "湖北办法中限于县一级以及更往下的职责": ("duties-at-level", {**place("hubei"), "qualifier": "县级及以下"}),
    }
    reads(interpreter, said)
    not_read(switched_off(interpreter, level_range_variants=()), said)
    # … and the texts' range words with words pointing at the level between (县这一级以上); off, the words as said
    pointed = {"河北细则中只适用于县这一级以上的职责": ("duties-at-level", {**place("hebei"), "qualifier": "县级以上"})}
    reads(interpreter, pointed)
    off = switched_off(interpreter)
    off._level_pointed = lambda: []  # type: ignore[method-assign]
    not_read(off, pointed)
