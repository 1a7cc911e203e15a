"""Ask in words, round 44 (departments' designations and support duties): words saying what examples are of end them
(the finance / HR kind); an organ's budget by its year is a figure the rules do not give (annual budget, 年度预算);
and phrases for provisions where words appear (出现…的条文), duties falling on a post (what falls on …) and departments
with duties over a hazard (duties over …).

Each test reads texts right with the rule and checks that they are not read so with the rule off (its words emptied,
its phrase left out).
"""

import pytest

from safetykg.query.interpret import Interpreter
from tests.interpreter_off import declined, not_read, place, reads, switched_off, without_phrases

ID = "https://w3id.org/safetykg/id/"


def test_words_saying_what_examples_are_of_end_them(interpreter: Interpreter) -> None:
    # holdout74: *which departments carry support obligations … (the finance / HR / publicity kind)*: the bracket's
    # words are examples of the departments, not a sector asked about; off (no *kind*, *sort* among the words ending
    # examples), the finance sector is read, and the departments regulating it
    said = {
        "In Guiyang, which departments have support obligations (the finance or HR sort), and what is each one told "
        "to do?": ("support-obligations", place("guiyang")),
        "In Xinjiang, which departments bear support duties for work safety (the finance / organization kind), and "
        "what are they told to do?": ("support-obligations", place("xinjiang")),
    }
    reads(interpreter, said)
    ends = tuple(w for w in interpreter.wording.illustrating_end if w not in ("kind", "kinds", "sort", "sorts"))
    assert len(ends) < len(interpreter.wording.illustrating_end)
    not_read(switched_off(interpreter, illustrating_end=ends), said)


def test_an_organs_budget_by_its_year_is_out_of_scope(interpreter: Interpreter) -> None:
    # holdout74: *how big is <province>'s education department's annual budget*: a figure, not what the rules say; off
    # (the words left out of scope), nothing says so
    texts = [
        "How big is the Hubei finance department's annual budget?",
        "How large is the Hebei emergency management department's yearly budget?",
        "河北教育厅的年度预算有多大？",
    ]
    declined(interpreter, texts, "out-of-scope")
    off = switched_off(interpreter, out_of_scope=["annual budget", "yearly budget", "年度预算", "年预算"])
    for text in texts:
        with pytest.raises(AssertionError):
            declined(off, [text], "out-of-scope")


def test_phrases_of_words_appearing_duties_falling_on_a_post_and_duties_over_a_hazard(
    interpreter_vocabulary: dict, interpreter: Interpreter
) -> None:
    # holdout74: 凡是出现“行业主管部门”这几个字的条文 (a designation's name in quotes: the provisions holding it, not the
    # designation), *what work-safety duties fall on the Party committee member in charge of …* (the post's duties,
    # not compared across places), *which <region> departments have duties over special equipment safety* (the
    # departments regulating it); off (the phrases left out), none is read so
    cases = [
        (
            "provisions-mentioning",
            "zh",
            {"出现{term}的条款", "出现{term}的条文"},
            {
                "湖北细则里出现“综合监管部门”的条文，都帮我列出来": (
                    "provisions-mentioning",
                    {**place("hubei"), "term": "综合监管部门"},
                )
            },
        ),
        (
            "duties-of-role",
            "en",
            {"fall on", "falls on"},
            {
                "In Hebei, what falls on the Party committee member in charge of publicity?": (
                    "duties-of-role",
                    {**place("hebei"), "role": ID + "role/member-in-charge-of-publicity"},
                ),
                "What work-safety tasks fall on Guiyang's leadership team members?": (
                    "duties-of-role",
                    {**place("guiyang"), "role": ID + "role/leadership-team-member"},
                ),
            },
        ),
        (
            "departments-regulating-hazard",
            "en",
            {"duties over", "duty over"},
            {
                "Which Hubei departments have duties over hazardous chemicals?": (
                    "departments-regulating-hazard",
                    {**place("hubei"), "hazard": ID + "domain/hazardous-chemicals"},
                ),
                "Which Hebei departments have duties over mines?": (
                    "departments-regulating-hazard",
                    {**place("hebei"), "hazard": ID + "domain/mining"},
                ),
            },
        ),
    ]
    for qid, lang, phrases, said in cases:
        reads(interpreter, said)
        not_read(without_phrases(interpreter_vocabulary, interpreter, qid, lang, *phrases), said)
