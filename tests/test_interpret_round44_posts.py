"""Ask in words, round 44 (posts and roles in the leadership team): a working department said right after its Party
committee, or a government department after its government, nothing between (甲省党委政法委), is that department; a
rule's words right after a place opening a searched term (甲省细则 党委常委) say where to search, not what; the head of
the political and legal affairs commission (政法委书记) names the member in charge of political and legal affairs; and
departments that *back up work safety* carry support obligations.

Each test reads texts right with the rule and checks that they are not read so with the rule off (its words emptied,
its labels or phrase left out).
"""

from safetykg.query.interpret import Interpreter
from safetykg.query.questions import load_questions
from tests.interpreter_off import not_read, place, reads, switched_off, without_phrases

ID = "https://w3id.org/safetykg/id/"


def test_a_department_said_right_after_its_committee_or_government(interpreter: Interpreter) -> None:
    # holdout76: <province>党委政法委在安全生产里算什么部门: the commission, not the Party committee it is said after
    # (departments_of); off (no such pairs), the committee or the government is read
    said = {
        "湖北省委宣传部承担哪些安全生产职责": ("organ-profile", {"organ": ID + "organ/hubei/publicity-department"}),
        "河北省政府住建厅被认定为什么部门": (
            "organ-profile",
            {"organ": ID + "organ/hebei/housing-and-urban-rural-development"},
        ),
        "湖北党委政法委承担哪些职责": ("organ-profile", {"organ": ID + "organ/hubei/political-legal-commission"}),
    }
    reads(interpreter, said)
    not_read(switched_off(interpreter, departments_of=()), said)
    # … not a government after its Party committee (党委政府: the two of them, no department of either)
    reading = interpreter.interpret("新疆党委政府承担哪些职责")
    assert not (reading.confident and reading.params.get("organ") == ID + "organ/xinjiang/government"), reading


def test_a_rules_words_after_a_place_opening_a_searched_term(interpreter: Interpreter) -> None:
    # holdout76: <province>细则 党委常委 出现在哪些条款: 细则 is the place's rule, where to search (rule_words); off (no
    # rule words), it is read as words of the term
    said = {
        "湖北办法 一岗双责 出现在哪些条款": ("provisions-mentioning", {**place("hubei"), "term": "一岗双责"}),
        "河北细则中党委常委出现在哪些条款": ("provisions-mentioning", {**place("hebei"), "term": "党委常委"}),
    }
    reads(interpreter, said)
    not_read(switched_off(interpreter, rule_words=()), said)


def test_the_head_of_the_political_and_legal_commission(interpreter_vocabulary: dict, interpreter: Interpreter) -> None:
    # holdout76: *the Party committee member in charge of political and legal affairs (the 政法委书记 post)*: the post
    # that normally holds the charge names it (typed labels), not the principal leader (书记); off (those labels left
    # out), the principal leader or no role
    said = {
        "新疆政法委书记有哪些职责": (
            "duties-of-role",
            {**place("xinjiang"), "role": ID + "role/member-in-charge-of-political-legal-affairs"},
        ),
        "What does Hubei ask of the secretary of the political-legal commission?": (
            "duties-of-role",
            {**place("hubei"), "role": ID + "role/member-in-charge-of-political-legal-affairs"},
        ),
        "Compare the rules on the political and legal affairs commission secretary (政法委书记).": (
            "role-across-jurisdictions",
            {"role": ID + "role/member-in-charge-of-political-legal-affairs"},
        ),
    }
    reads(interpreter, said)
    member = ID + "role/member-in-charge-of-political-legal-affairs"
    terms = {
        kind: [p for p in pairs if not (p[1] == member and ("书记" in p[0] or "secretary" in p[0]))]
        for kind, pairs in interpreter_vocabulary["terms"].items()
    }
    assert len(terms["role"]) < len(interpreter_vocabulary["terms"]["role"])
    not_read(Interpreter({**interpreter_vocabulary, "terms": terms}, load_questions(), interpreter.wording), said)


def test_departments_that_back_up_work_safety(interpreter_vocabulary: dict, interpreter: Interpreter) -> None:
    # holdout76: *the … departments that must back up work safety — what duties do they …*: support obligations, not
    # the duties at a level; off (the phrase left out), not read so
    said = {
        "In Hebei, which departments back up work safety, and what duties do they have?": (
            "support-obligations",
            place("hebei"),
        ),
    }
    reads(interpreter, said)
    off = without_phrases(interpreter_vocabulary, interpreter, "support-obligations", "en", "back up work safety")
    not_read(off, said)
