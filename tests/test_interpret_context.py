"""Ask in words, with context around the question (round 34): the sentence that asks gives the values, background
sentences around it (我在比较…, 听说…, I know…, My earlier work covered…) do not; and a legal professional's wording
(a rule named by its document number, a province's department named in full, the city's Party committee).

Each test reads texts right with the rule and checks that they are not read so with the rule off (its words emptied).
"""

from dataclasses import replace

import pyoxigraph as ox
import pytest

from safetykg.query.interpret import Interpreter, Wording, vocabulary_from_store
from safetykg.query.questions import load_questions
from tests.interpreter_off import place, switched_off

ID = "https://w3id.org/safetykg/id/"


@pytest.fixture(scope="module")
def alone(store: ox.Store) -> Interpreter:
    """The interpreter without its second opinion."""
    return Interpreter(vocabulary_from_store(store), load_questions(), replace(Wording.load(), examples=None))


def _reads(interpreter: Interpreter, text: str, question: str, params: dict[str, str]) -> None:
    reading = interpreter.interpret(text)
    assert reading.confident and reading.question == question, (text, reading)
    assert reading.params == params, text


def _not_read(interpreter: Interpreter, text: str, question: str, params: dict[str, str]) -> None:
    reading = interpreter.interpret(text)
    assert not reading.confident or reading.question != question or reading.params != params, text


def test_the_places_of_the_sentence_that_asks_are_the_questions(alone: Interpreter) -> None:
    # holdout42: places named in a sentence before the one that asks (a question mark, words that ask: 请问, 哪,
    # which) are context when the sentence that asks names its own; off (asking emptied), two places, or the
    # national rule read confidently as the place asked about
    for text, question, params in (
        (
            "我一直在看河北细则。那么湖北办法里，哪些情形要追究领导干部的责任？",
            "accountability-triggers",
            place("hubei"),
        ),
        ("湖北办法我读过了。新疆细则由哪个机关负责解释？", "interpretation", place("xinjiang")),
        (
            "Last month I went through Hebei's rule. Which accountability measures does the Guiyang rule list?",
            "accountability-measures",
            place("guiyang"),
        ),
        (
            "I've already read what the national rule says about the principal leader. What duties does the Hubei "
            "rule give to the principal leader?",
            "duties-of-role",
            {**place("hubei"), "role": ID + "role/principal-leader"},
        ),
    ):
        _reads(alone, text, question, params)
        _not_read(switched_off(alone, asking=()), text, question, params)
    # … a place said in the background only is still the question's when the sentence that asks names none
    _reads(alone, "我一直在看河北细则。哪些情形要追究领导干部的责任？", "accountability-triggers", place("hebei"))


def test_a_sentence_saying_it_gives_background_is_context(alone: Interpreter) -> None:
    # holdout42 (if I remember the press interview correctly: not the measure 约谈): a sentence not ending in a
    # question mark with words saying it gives background (background: 听说, I remember, already) is context, its
    # values too, also when it holds words that ask (I've already read what …); off, read with its values
    for text, question, params in (
        (
            "Guiyang's rule is strict on meetings, if I remember the interview with its author correctly. Which "
            "accountability measures does the Guiyang rule list?",
            "accountability-measures",
            place("guiyang"),
        ),
        ("听说贵阳的规定对约谈写得很细。贵阳办法规定了哪些问责方式？", "accountability-measures", place("guiyang")),
        (
            "I've already read what the national rule says about the principal leader. What duties does the Hubei "
            "rule give to the principal leader?",
            "duties-of-role",
            {**place("hubei"), "role": ID + "role/principal-leader"},
        ),
    ):
        _reads(alone, text, question, params)
        _not_read(switched_off(alone, background=()), text, question, params)


def test_values_of_context_referred_to_by_the_sentence_that_asks_are_kept(alone: Interpreter) -> None:
    # a sentence that asks referring to what the background said (它, it: referring) takes its values, not its
    # places' rivals; off, the hazard is missing
    for text in (
        "听说新疆对烟花爆竹管得很严。哪些部门负责它的监管？",
        "I read that Xinjiang covers fireworks. Which departments regulate it there?",
    ):
        params = {**place("xinjiang"), "hazard": ID + "domain/fireworks"}
        _reads(alone, text, "departments-regulating-hazard", params)
        _not_read(switched_off(alone, referring=()), text, "departments-regulating-hazard", params)


def test_a_term_referred_to_is_the_words_given_elsewhere(alone: Interpreter) -> None:
    # holdout42 (The phrase 失职追责 keeps coming up … Which provisions of the Guiyang rule contain it?): a free-text
    # value captured as words referring (it) is the words given as they are elsewhere; off, "it" is doubtful
    text = "I keep hearing 一岗双责. Which Hubei provisions mention it?"
    params = {**place("hubei"), "term": "一岗双责"}
    _reads(alone, text, "provisions-mentioning", params)
    _not_read(switched_off(alone, referring=()), text, "provisions-mentioning", params)
    assert not alone.interpret("Which provisions mention it?").confident  # … and none given: still doubtful


def test_a_departments_place_said_twice_is_one_organ(alone: Interpreter) -> None:
    # holdout43 (依河北细则，河北省住房和城乡建设厅…; 新疆维吾尔自治区教育厅在新疆细则中…): a department named by its place and
    # kind is that place's organ however many times the place is said (the nearest to the kind is its place); checked
    # to fail with the organs found counted by place said rather than by organ (round 33's _organ_by_parts)
    for text, question, organ in (
        (
            "依河北细则，河北省住房和城乡建设厅每年要带队检查几次？",
            "organ-frequencies",
            "hebei/housing-and-urban-rural-development",
        ),
        ("新疆维吾尔自治区教育厅在新疆细则中被认定为何种部门？", "organ-profile", "xinjiang/education"),
        (
            "Checklist for the Guiyang municipal Party committee: every frequency requirement the Guiyang measures "
            "impose on it.",
            "organ-frequencies",
            "guiyang/party-committee",
        ),
    ):
        _reads(alone, text, question, {"organ": ID + "organ/" + organ})


def test_a_rule_named_by_its_document_number_names_itsplace(store: ox.Store, alone: Interpreter) -> None:
    # holdout43 (新党厅字〔2018〕76号细则中…): a rule's document number in the build (eli:number, its own or its
    # promulgating notice's) names the rule's place; off (the numbers left out of the vocabulary), the place is missing
    text = "新党厅字〔2018〕76号细则中，哪些职责限定适用于自治区级？"
    params = {**place("xinjiang"), "level": ID + "level/provincial"}
    _reads(alone, text, "duties-at-level", params)
    _reads(
        alone,
        "厅字〔2018〕13号规定里哪些职责限定于县级？",
        "duties-at-level",
        {**place("china"), "level": ID + "level/county"},
    )
    vocabulary = vocabulary_from_store(store)
    vocabulary["terms"]["jurisdiction"] = [p for p in vocabulary["terms"]["jurisdiction"] if "〔" not in p[0]]
    off = Interpreter(vocabulary, load_questions(), replace(Wording.load(), examples=None))
    _not_read(off, text, "duties-at-level", params)


def test_local_additions_asked_as_a_legal_professional_asks(store: ox.Store, alone: Interpreter) -> None:
    # holdout43 (…在中央《规定》中找不到对应内容，属于地方自行增设？): 自行增设 and 中央…中找不到对应 ask the local additions;
    # off (the phrases taken from the question), not read so; and the other direction stays the national coverage
    asked = ("自行增设", "地方增设", "自己增设", "中央…中找不到对应", "中央…中没有对应", "中央…中无对应")
    asked += ("中央规定里…找不到对应", "中央规定里…没有对应", "中央规定里…无对应")  # round 40: 里 for 中
    questions = load_questions()
    q = questions["local-additions"]
    questions["local-additions"] = replace(q, asked_zh=tuple(p for p in q.asked_zh if p not in asked))
    off = Interpreter(vocabulary_from_store(store), questions, alone.wording)
    for text, slug in (
        ("湖北办法里哪些条款属于自行增设？", "hubei"),
        ("河北细则中有哪些职责在中央《规定》中找不到对应内容？", "hebei"),
    ):
        _reads(alone, text, "local-additions", place(slug))
        _not_read(off, text, "local-additions", place(slug))
    _reads(alone, "中央规定哪些条款在湖北办法里找不到对应？", "national-coverage", place("hubei"))
