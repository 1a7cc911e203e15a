"""Ask in words, round 39 (search-box keywords, official-document style): a place, a hazard and a word for an organ,
typed as keywords with no phrase, ask the one question that takes them all; *took up* asks national coverage; words
pointing at a value (上述部门, 该部门) after words for one of that type said before them point back at those; words
saying where to search, set off between the word asking to search and a colon, belong to the search; a clause saying
what the answer is for (*for inclusion in the annual report*) is not how a question is asked; and several values of an
optional parameter listed in brackets are the breakdown asked for, not one of them.

Each test reads texts right with the rule and checks that they are not read so with the rule off (its words emptied,
its phrase left out, its rule of structure switched off on a copy of the interpreter).
"""

from dataclasses import replace

from safetykg.query.interpret import Interpreter
from safetykg.query.questions import load_questions
from tests.interpreter_off import not_read, place, reads, switched_off

ID = "https://w3id.org/safetykg/id/"


def test_keywords_of_values_and_an_organ_ask_the_one_question_taking_them(interpreter: Interpreter) -> None:
    # holdout55: a place, a hazard and *departments* typed as keywords, no phrase of any question: the one reading
    # taking every value said, one of them of a type only it takes; off, no question is recognised
    said = {
        "Guiyang fireworks departments": (
            "departments-regulating-hazard",
            {**place("guiyang"), "hazard": ID + "domain/fireworks"},
        ),
        "Hubei civilian explosives bureau": (
            "departments-regulating-hazard",
            {**place("hubei"), "hazard": ID + "domain/civilian-explosives"},
        ),
        "河北 烟花爆竹 部门": ("departments-regulating-hazard", {**place("hebei"), "hazard": ID + "domain/fireworks"}),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._keywords = lambda typed, mentions: False  # type: ignore[method-assign]
    not_read(off, said)
    # … the values alone, or with words of a sentence, are no such keywords
    for text in ("Guiyang fireworks", "Guiyang fireworks departments please explain", "fireworks departments"):
        assert not interpreter.interpret(text).confident, text


def test_took_up_asks_national_coverage(interpreter_vocabulary: dict, interpreter: Interpreter) -> None:
    # holdout55: the past of *take up* (the stemmer does not read *took* as *take*); off (the phrase left out), no
    # question is recognised
    said = {
        "what Guiyang took up from the national rule": ("national-coverage", place("guiyang")),
        "articles of the national rule Hebei took up": ("national-coverage", place("hebei")),
    }
    reads(interpreter, said)
    questions = load_questions()
    asked = questions["national-coverage"].asked_en
    questions["national-coverage"] = replace(
        questions["national-coverage"], asked_en=tuple(p for p in asked if p != "took up")
    )
    assert len(questions["national-coverage"].asked_en) < len(asked)
    not_read(Interpreter(interpreter_vocabulary, questions, interpreter.wording), said)


def test_words_pointing_back_at_a_kind_said_before(interpreter: Interpreter) -> None:
    # holdout57: 上述部门 after the departments asked for (…负有保障义务的部门，以及上述部门…): those departments, said;
    # off, what they point at is unsaid
    said = {
        "新疆办法认定的负有保障义务的部门有哪些？上述部门各自承担什么职责？": (
            "support-obligations",
            place("xinjiang"),
        ),
        "列出河北规定中负有安全生产保障义务的部门，以及该部门的职责": ("support-obligations", place("hebei")),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._said_before = lambda typed, start, nouns: False  # type: ignore[method-assign]
    not_read(off, said)
    # … pointing at a department never said is still unsaid
    assert not interpreter.interpret("该部门的频次要求").confident


def test_where_to_search_set_off_before_a_colon_is_the_search(interpreter: Interpreter) -> None:
    # holdout57: *full-text search, all regulations: "…"*: the words between the search and the colon say where to
    # search (a rule's *regulations* is no phrase of who regulates); off, the term is another question's words
    said = {
        'full-text search, Guiyang rules only: "尽职免责"': (
            "provisions-mentioning",
            {**place("guiyang"), "term": "尽职免责"},
        ),
        'text search, every regulation: "约谈"': ("provisions-mentioning", {"term": "约谈"}),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._past_scope = lambda typed, end: end  # type: ignore[method-assign]
    not_read(off, said)


def test_a_clause_saying_what_the_answer_is_for(interpreter: Interpreter) -> None:
    # holdout57: *For inclusion in the annual report: …*: the report is where the answer goes, not the reporting duty
    # asked about; off (purposing emptied), the annual report's question is read or stands in the way
    said = {
        "For use in the annual report: which departments does Guiyang designate, and as what type?": (
            "designations-by-type",
            place("guiyang"),
        ),
        "Which departments does Hebei designate? This is for inclusion in the annual report.": (
            "designations-by-type",
            place("hebei"),
        ),
        "为撰写年度报告，请列出河北认定的各类部门": ("designations-by-type", place("hebei")),
    }
    reads(interpreter, said)
    assert interpreter.wording.purposing
    not_read(switched_off(interpreter, purposing=()), said)


def test_values_listed_in_brackets_are_the_breakdown(interpreter: Interpreter) -> None:
    # holdout57 (and holdout42, holdout43): *by type of designation (supervisory, industry authority, …)*: the kinds
    # the breakdown has, every type, not one of them; off, the type is ambiguous
    said = {
        "Which departments does Hebei designate, and as what type (industry authority, comprehensive supervisor)?": (
            "designations-by-type",
            place("hebei"),
        ),
        "贵阳认定了哪些部门，各属于哪一类（行业主管部门、综合监管部门、负有保障义务的部门）？": (
            "designations-by-type",
            place("guiyang"),
        ),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._listed_in_brackets = lambda typed, candidates, kind: False  # type: ignore[method-assign]
    not_read(off, said)
    # … one value in brackets is still that value
    reading = interpreter.interpret("Which departments does Hebei designate as the sector authority (行业主管部门)?")
    assert reading.confident and reading.params.get("type") == ID + "designation-type/industry-authority", reading


def test_a_captured_term_is_the_words_after_its_colon(interpreter: Interpreter) -> None:
    # holdout57 (beside *full-text search, all regulations: "…"*, its Chinese said unquoted): the words a phrase
    # captured before a colon say where to search; off, they are read as part of the term, confidently
    said = {
        "全文检索，所有规定：党政同责": ("provisions-mentioning", {"term": "党政同责"}),
        "全文检索，全部细则：一岗双责": ("provisions-mentioning", {"term": "一岗双责"}),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._after_colon = lambda text, start, end: start  # type: ignore[method-assign]
    not_read(off, said)
