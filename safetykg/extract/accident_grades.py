"""Accountability by accident grade: whose responsibility each grade of accident engages (one rule lists them by grade).

"发生一般生产安全责任事故，追究该乡镇党委、政府和该县（市、区）行业、领域监管部门，以及上述党委、政府和
监管部门相关负责人的责任" gives, for one grade, the level of the Party committee and government held
responsible, the level of the supervisory departments, and the leaders as the text names them.
"""

from dataclasses import dataclass

from safetykg.core.iris import slug_of
from safetykg.corpus.passages import Passage
from safetykg.corpus.provisions import ProvisionRef
from safetykg.lexicon.vocabulary import Concept, Vocabulary
from safetykg.lexicon.wording import Wording


@dataclass(frozen=True)
class AccidentGradeRule:
    ref: ProvisionRef
    text: str
    grade: Concept
    party_and_government: str  # "该乡镇党委、政府"
    party_and_government_levels: tuple[Concept, ...]
    supervisory_departments: str  # "该县（市、区）行业、领域监管部门"
    supervisory_levels: tuple[Concept, ...]
    leaders: str | None  # "上述党委、政府和监管部门相关负责人"


def read_accident_grades(vocabulary: Vocabulary, found: list[Passage]) -> list[AccidentGradeRule]:
    grades = {c.pref_zh: c for c in vocabulary.in_scheme("accident-grades")}
    levels = vocabulary.matcher("levels")
    phrases = Wording(vocabulary)
    grade_rule = phrases.phrasings["accident-grade-rule"]  # accountability-phrasings.ttl
    by_slug = {slug_of(c.iri): c for c in vocabulary.in_scheme("levels")}

    def levels_in(text: str) -> tuple[Concept, ...]:
        # the levels lexicon's labels, else a level phrase ("省行业、领域监管部门": the province's departments)
        named = tuple(levels.concepts_in(text))
        return named or tuple(by_slug[slug] for slug in phrases.levels_in("accident-grade", text)[0])

    rules: list[AccidentGradeRule] = []
    for passage in found:
        match = grade_rule.search(passage.text) if phrases.names_function(passage.heading, "accountability") else None
        if match is None:
            continue
        organs, _, leaders = match.group(2).partition("，以及")
        party_and_government, _, departments = organs.partition("和")
        rules.append(
            AccidentGradeRule(
                ref=passage.ref,
                text=passage.text,
                grade=grades[match.group(1)],
                party_and_government=party_and_government,
                party_and_government_levels=levels_in(party_and_government.removeprefix("该")),
                supervisory_departments=departments,
                supervisory_levels=levels_in(departments.removeprefix("该")),
                leaders=leaders or None,
            )
        )
    return rules
