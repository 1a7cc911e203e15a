"""Ask in words, round 43 (hazards and sectors named by their everyday things and places): words listed right after
organs named (党委政府和监管部门), asking nothing, name organs of the list, not how a question is asked; phrases for
which clauses, provisions or articles of a rule mention words; and everyday names of hazards as typed labels (school
buses, 加油站, petrol stations).

Each test reads texts right with the rule and checks that they are not read so with the rule off (its labels left
out, its phrases left out, its rule of structure switched off on a copy of the interpreter).
"""

from safetykg.query.interpret import Interpreter
from tests.interpreter_off import not_read, place, reads, rebuilt_without, switched_off, without_phrases

ID = "https://w3id.org/safetykg/id/"


def test_words_listed_after_organs_name_organs_of_the_list(interpreter: Interpreter) -> None:
    # holdout71: 会追究到哪一级党委政府和监管部门: 监管部门 is held to account with the Party committees and governments,
    # not how the departments regulating a hazard are asked; off, that question stands in the way (a decline)
    said = {
        "假如河北某个矿山出了重大事故，会追究到哪一级党委政府和监管部门？": (
            "accident-grade-accountability",
            place("hebei"),
        ),
        "湖北一家化工厂发生较大事故，会追究到哪一级党委、政府和监管部门？": (
            "accident-grade-accountability",
            place("hubei"),
        ),
        "要是新疆的煤矿出了重大事故，会追究到哪一级党委政府和监管部门？": (
            "accident-grade-accountability",
            place("xinjiang"),
        ),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._listed_after_organs = lambda *args: set()  # type: ignore[method-assign]
    not_read(off, said)
    # … but words listed that ask (and which other departments) are still how their question is asked
    asked = {
        "Hebei's public security department and which other departments regulate fireworks?": (
            "departments-regulating-hazard",
            {**place("hebei"), "hazard": ID + "domain/fireworks"},
        )
    }
    reads(interpreter, asked)


def test_which_clauses_of_a_rule_mention_words(interpreter_vocabulary: dict, interpreter: Interpreter) -> None:
    # holdout71: *Which clauses of the Xinjiang rule mention 特种设备?*: the rule said between *which clauses* and
    # *mention*; off (the phrases left out), only *mention* is found, too weak to hold beside the hazard the words
    # name (the second opinion reads the departments regulating it)
    said = {
        "Which clauses of the Guiyang measures mention 危险化学品?": (
            "provisions-mentioning",
            {**place("guiyang"), "term": "危险化学品"},
        ),
        "Which clauses in Hebei's rule mention 特种设备? I care most about boilers.": (
            "provisions-mentioning",
            {**place("hebei"), "term": "特种设备"},
        ),
    }
    reads(interpreter, said)
    phrases = (
        "which clauses mention {term}",
        "which clauses…mention {term}",
        "which provisions…mention {term}",
        "which articles…mention {term}",
    )
    not_read(without_phrases(interpreter_vocabulary, interpreter, "provisions-mentioning", "en", *phrases), said)


def test_everyday_names_of_hazards(interpreter_vocabulary: dict, interpreter: Interpreter) -> None:
    # holdout71: *xinjiang school buses - who's … responsible for regulating them?* (read as urban public transport,
    # by *buses*, confidently) and 新疆的加油站归哪个部门监管 (no hazard); off (the labels left out), neither is read so
    said = {
        "Who regulates school buses in Hubei?": (
            "departments-regulating-hazard",
            {**place("hubei"), "hazard": ID + "domain/schools"},
        ),
        "湖北的加油站由哪些部门监管？": (
            "departments-regulating-hazard",
            {**place("hubei"), "hazard": ID + "domain/refined-oil-distribution"},
        ),
        "Which departments oversee filling stations in Hebei?": (
            "departments-regulating-hazard",
            {**place("hebei"), "hazard": ID + "domain/refined-oil-distribution"},
        ),
    }
    reads(interpreter, said)
    labels = {"school bus", "school buses", "加油站", "filling station", "filling stations"}
    terms = {
        kind: [pair for pair in pairs if pair[0] not in labels]
        for kind, pairs in interpreter_vocabulary["terms"].items()
    }
    assert sum(map(len, terms.values())) < sum(map(len, interpreter_vocabulary["terms"].values()))
    not_read(rebuilt_without({**interpreter_vocabulary, "terms": terms}, interpreter), said)
