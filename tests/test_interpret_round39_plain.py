"""Ask in words, round 39 (plain words of grassroots workers): a group named only with words for the rest (the members
who are neither … nor …: other leadership members) is that role, *neither* and *nor* leaving out the values after
them; a value said apart with words counting times, listed after other words counted alike (看一次、开一次会), is one of
several asked, unsettled, and held against no question; the equipment of a workplace is out of scope; and phrases
and words said otherwise for *the job of holding … to account*, 谁管, *on the hook for* an organ, *supposed to handle*,
*say anything about*, *find anywhere in* and 管些啥.

Each test reads texts right with the rule and checks that they are not read so with the rule off (its words emptied,
its phrase left out, its rule of structure switched off on a copy of the interpreter).
"""

from safetykg.query.interpret import Interpreter
from tests.interpreter_off import declined, place, rebuilt_without, switched_off, without_phrases

ID = "https://w3id.org/safetykg/id/"


def right(reading, question: str, params: dict[str, str]) -> bool:  # type: ignore[no-untyped-def]
    return bool(reading.confident and reading.question == question and reading.params == params)


def test_a_group_named_only_with_words_for_the_rest(interpreter: Interpreter) -> None:
    # holdout56: *the leaders who are neither the top boss nor the safety deputy*: other leaders, not the safety
    # deputy (read so, confidently, before the round); off (neither and nor not leaving out), the deputy is read, and
    # off (the group's words not read with words for the rest), the role is missing
    said = {
        "In Hebei, what are the members who are neither the principal leader nor the deputy in charge of safety "
        "expected to handle?": ("duties-of-role", {**place("hebei"), "role": ID + "role/other-leadership-members"}),
        "In Guiyang, what must leaders other than the principal leader do?": (
            "duties-of-role",
            {**place("guiyang"), "role": ID + "role/other-leadership-members"},
        ),
    }
    for text, (question, params) in said.items():
        assert right(interpreter.interpret(text), question, params), (text, interpreter.interpret(text))
    excepting = tuple(w for w in interpreter.wording.excepting if w not in ("neither", "nor"))
    assert len(excepting) == len(interpreter.wording.excepting) - 2
    first = next(iter(said))
    off = switched_off(interpreter, excepting=excepting)
    wrong = off.interpret(first)
    assert not right(wrong, *said[first]), wrong
    unnamed = switched_off(interpreter)
    unnamed._rest_unnamed = lambda *args: None  # type: ignore[method-assign]
    for text, (question, params) in said.items():
        assert not right(unnamed.interpret(text), question, params), text
    # … and a value after *neither* or *nor* is no value asked of
    assert not interpreter.interpret(
        "In Hebei, what must neither the chief safety officer nor the others do?"
    ).confident


def test_activities_counted_alike_are_several_asked(interpreter: Interpreter) -> None:
    # holdout56: 书记县长多久得下来查一次、开一次会: every frequency of the post at its level, not the meetings compared
    # across places (read so, confidently, before the round); off, the meeting is the one activity asked
    text = "乡里的书记乡长多久要下去看一次、开一次会？"
    params = {"role": ID + "role/principal-leader", "level": ID + "level/township"}
    assert right(interpreter.interpret(text), "frequency-requirements", params), interpreter.interpret(text)
    off = switched_off(interpreter)
    off._counted_alike = lambda typed, mentions: []  # type: ignore[method-assign]
    wrong = off.interpret(text)
    assert not right(wrong, "frequency-requirements", params), wrong
    assert wrong.confident and wrong.question == "compare-frequencies", wrong
    # … one activity counted is still the one asked
    reading = interpreter.interpret("一把手多久开一次会？")
    assert reading.confident and reading.question == "compare-frequencies", reading


def test_the_equipment_of_a_workplace_is_out_of_scope(interpreter: Interpreter) -> None:
    # holdout56: how often a workshop's fire extinguishers are replaced (read, confidently, as every frequency
    # requirement before the round); off (the words left out), the frequencies are read
    said = {
        "工厂里的安全帽多久换一次？": "安全帽",
        "How often must the fire extinguishers on a site be checked?": "fire extinguisher",
    }
    declined(interpreter, said)
    off = switched_off(interpreter, out_of_scope=said.values())
    for text in said:
        assert off.interpret(text).confident, text
    # … unless searched for in the texts
    reading = interpreter.interpret("提到安全帽的条款")
    assert reading.confident and reading.params == {"term": "安全帽"}, reading


def test_phrases_of_plain_words(interpreter_vocabulary: dict, interpreter: Interpreter) -> None:
    # holdout56: *who … does the job of holding officials to account*, 卖烟花炮仗 谁管, an organ *on the hook for*,
    # *supposed to handle*, *say anything about* <term>: each read with its phrase, not without it
    said = [
        (
            "In Hubei, which body has the job of holding leading cadres accountable?",
            ("accountability-rules", place("hubei")),
            ("accountability-rules", "en", "job of holding…to account", "job of holding…accountable"),
        ),
        (
            "湖北 危化品 谁管",
            (
                "departments-regulating-hazard",
                {**place("hubei"), "hazard": ID + "domain/hazardous-chemicals"},
            ),
            ("departments-regulating-hazard", "zh", "谁管"),
        ),
        (
            "What is Hubei's emergency management department on the hook for?",
            ("organ-profile", {"organ": ID + "organ/hubei/emergency-management"}),
            ("organ-profile", "en", "on the hook for"),
        ),
        (
            "What is Guiyang's safety deputy expected to handle?",
            ("duties-of-role", {**place("guiyang"), "role": ID + "role/deputy-in-charge-of-safety"}),
            ("duties-of-role", "en", "supposed to handle", "expected to handle", "meant to handle"),
        ),
        (
            "Does the Guiyang text say anything about 危险化学品?",
            ("provisions-mentioning", {**place("guiyang"), "term": "危险化学品"}),
            (
                "provisions-mentioning",
                "en",
                "say anything about {term}",
                "says anything about {term}",
                "said anything about {term}",
            ),
        ),
    ]
    for text, (question, params), (qid, lang, *phrases) in said:
        assert right(interpreter.interpret(text), question, params), (text, interpreter.interpret(text))
        off = without_phrases(interpreter_vocabulary, interpreter, qid, lang, *phrases)
        assert not right(off.interpret(text), question, params), text


def test_words_said_otherwise_in_plain_speech(interpreter_vocabulary: dict, interpreter: Interpreter) -> None:
    # holdout56: *you won't find anywhere in the central one* (local additions), 都管些啥 (an organ's profile); off (the
    # variant left out), neither is read
    said = {
        "What does Guiyang have that you can't find anywhere in the national rule?": (
            "local-additions",
            place("guiyang"),
            "find in",
        ),
        "河北的公安厅在安全生产这块管些啥": (
            "organ-profile",
            {"organ": ID + "organ/hebei/public-security"},
            "些什么",
        ),
    }
    for text, (question, params, variant) in said.items():
        assert right(interpreter.interpret(text), question, params), (text, interpreter.interpret(text))
        variants = tuple(v for v in interpreter.wording.variants if v[0] != variant)
        assert len(variants) == len(interpreter.wording.variants) - 1
        off = rebuilt_without(interpreter_vocabulary, interpreter, variants=variants)  # type: ignore[arg-type]
        assert not right(off.interpret(text), question, params), text
