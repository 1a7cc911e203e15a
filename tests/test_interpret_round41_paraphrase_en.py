"""Ask in words, round 41 (paraphrase, English): a reading asked in stronger words holding the best one's phrase stands
in the way of a best that takes no value said, the words referring to what they never say (compare how often each
place requires it: of what?); one organ described
by what it does rather than named (the department that …) leaves the organ unsaid; words spanning several places said
of organs (across departments) do not compare places; the political and legal member named by the organs of the
field (police, courts and prosecutors); the power to make laws glossing 有立法权; and phrases for departments that
answer for a hazard, measures ranked by how harsh, who gets to go after officials, and classifying departments.

Each test reads texts right with the rule (or declines them) and checks that they are not so with the rule off (its
words emptied, its rule of structure switched off on a copy of the interpreter).
"""

from safetykg.query.interpret import Interpreter
from safetykg.query.questions import load_questions
from tests.interpreter_off import (
    ID,
    confidently_read_as,
    declined,
    not_read,
    place,
    reads,
    switched_off,
    without_phrases,
)


def test_stronger_words_holding_the_best_ones_stand_in_the_way_of_nothing_said(interpreter: Interpreter) -> None:
    # holdout63: *compare how often each place requires it*: compare what? Nothing said, *it* refers to words never
    # said; the comparison's how often … each holds every frequency requirement's how often, and the comparison lacks
    # its activity and role; off, every frequency requirement is read, confidently
    texts = [
        "Compare how often each jurisdiction asks for them.",
        "How often, in each place, is it required?",
        "How many times a year must each jurisdiction do it?",
    ]
    declined(interpreter, texts)
    off = switched_off(interpreter)
    off._asked_around_in_stronger = lambda *args: False  # type: ignore[method-assign]
    confidently_read_as(off, texts, "frequency-requirements")
    # … the values said, the comparison is read
    reading = interpreter.interpret("Compare how often each place requires meetings of the principal leaders.")
    assert reading.confident and reading.question == "compare-frequencies", reading


def test_one_organ_described_not_named_is_unsaid(interpreter: Interpreter) -> None:
    # holdout63: *a profile of the department that holds <place>'s purse strings: what it is designated as*: which
    # department? Not the place's designations, of "designated as"; off (no words describing), those are read
    text = "What is the bureau that keeps Xinjiang's accounts designated as, and what must it do?"
    assert not interpreter.interpret(text).confident
    reading = switched_off(interpreter, describing=()).interpret(text)
    assert reading.confident and reading.question == "designations-by-type", reading
    # … the organ named, its profile is read
    reading = interpreter.interpret("What is Hubei's finance department designated as, and what must it do?")
    assert reading.confident and reading.question == "organ-profile", reading


def test_words_spanning_organs_do_not_compare_places(interpreter: Interpreter) -> None:
    # holdout63: *the body that coordinates safety work across departments*: across departments, not across the
    # places; off (no spanning words), the team members' duties across the places are read
    texts = [
        "Who are the deputies that coordinate safety across departments?",
        "How do the leadership team members share duties across departments?",
    ]
    declined(interpreter, texts)
    off = switched_off(interpreter, spanning=())
    confidently_read_as(off, texts, "role-across-jurisdictions")
    # … across the places, they are compared
    reading = interpreter.interpret("What duties do the principal leaders have across jurisdictions?")
    assert reading.confident and reading.question == "role-across-jurisdictions", reading


def test_the_political_and_legal_member_named_by_the_organs_in_the_field(
    interpreter_vocabulary: dict, interpreter: Interpreter
) -> None:
    # holdout63: *the Party committee member who oversees the police, courts and prosecutors*: the organs of political
    # and legal affairs (政法) name the member in charge of them (typed labels; who oversees: variants); off (those
    # labels left out), no role is read
    said = {
        "Compare across the jurisdictions the duties of the Party committee member who oversees police, courts and "
        "prosecutors.": (
            "role-across-jurisdictions",
            {"role": ID + "role/member-in-charge-of-political-legal-affairs"},
        ),
        "What must Hubei's Party committee member in charge of the police, courts and prosecutors do?": (
            "duties-of-role",
            {**place("hubei"), "role": ID + "role/member-in-charge-of-political-legal-affairs"},
        ),
    }
    reads(interpreter, said)
    terms = {
        kind: [pair for pair in pairs if "prosecutors" not in pair[0] and "procuratorates" not in pair[0]]
        for kind, pairs in interpreter_vocabulary["terms"].items()
    }
    assert len(terms["role"]) < len(interpreter_vocabulary["terms"]["role"])
    not_read(Interpreter({**interpreter_vocabulary, "terms": terms}, load_questions(), interpreter.wording), said)


def test_the_power_to_make_laws_is_legislative_power(interpreter: Interpreter) -> None:
    # holdout63: *governments that have the power to make local laws*: 有立法权 in English (qualifier_glosses); off
    # (those glosses left out), not that qualifier
    said = {
        "In Hubei, which duties apply only to governments with the power to make laws?": (
            "duties-at-level",
            {**place("hubei"), "qualifier": "有立法权"},
        ),
        "Which Guiyang duties are for governments having law-making powers?": (
            "duties-at-level",
            {**place("guiyang"), "qualifier": "有立法权"},
        ),
    }
    reads(interpreter, said)
    glosses = tuple(
        (words, tuple(g for g in said_so if "make" not in g and "making" not in g))
        for words, said_so in interpreter.wording.glosses
    )
    assert glosses != interpreter.wording.glosses
    not_read(switched_off(interpreter, glosses=glosses), said)


def test_phrases_of_answering_for_harshness_going_after_and_classifying(
    interpreter_vocabulary: dict, interpreter: Interpreter
) -> None:
    # holdout63: *which <place> departments answer for …* (who regulates), *ranked by how harsh it is* (the measures by
    # severity), *who gets to go after officials … still on the hook years after they move on* (the accountability
    # rules), *how does <place>'s rule classify its departments* (the designations); off (the phrases left out), none is
    # read so
    cases = [
        (
            "departments-regulating-hazard",
            {"departments answer for", "department answers for"},
            {
                "Which Hubei departments answer for fireworks?": (
                    "departments-regulating-hazard",
                    {**place("hubei"), "hazard": ID + "domain/fireworks"},
                ),
                "Which Guiyang departments answer for civil explosives?": (
                    "departments-regulating-hazard",
                    {**place("guiyang"), "hazard": ID + "domain/civilian-explosives"},
                ),
            },
        ),
        (
            "accountability-measures",
            {"by how harsh", "by how severe"},
            {
                "What can Hubei impose on a negligent cadre, ordered by how harsh it is?": (
                    "accountability-measures",
                    place("hubei"),
                ),
                "What can Guiyang do to a negligent cadre, by how harsh each is?": (
                    "accountability-measures",
                    place("guiyang"),
                ),
            },
        ),
        (
            "accountability-rules",
            {"who gets to go after", "still on the hook", "years after"},
            {
                "In Hebei, who gets to go after negligent officials?": ("accountability-rules", place("hebei")),
                "Are Guiyang officials still on the hook once they retire?": ("accountability-rules", place("guiyang")),
                "In Hubei, can a cadre be pursued years after an accident?": ("accountability-rules", place("hubei")),
            },
        ),
        (
            "designations-by-type",
            {"classif…departments"},
            {
                "How does Guiyang classify the departments?": ("designations-by-type", place("guiyang")),
                "How does Hebei's rule classify its departments?": ("designations-by-type", place("hebei")),
            },
        ),
    ]
    for qid, phrases, said in cases:
        reads(interpreter, said)
        not_read(without_phrases(interpreter_vocabulary, interpreter, qid, "en", *phrases), said)
