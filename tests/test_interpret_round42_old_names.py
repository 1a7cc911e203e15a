"""Ask in words, round 42 (old, renamed and informal names of departments): who held a post in the past asks of a
person; a kind of organ named by words no organ's label holds, no place said, leaves the organ unsettled; two values
said as the ends of a range (from … up to …, 从…到…) are the values between them asked, not one of them; and phrases for
an old organ's counterpart today (现在对应, pre-2018 names), provisions that still say words, and who else regulates
(别的部门也管, 是…管还是…管).

Each test reads texts right with the rule and checks that they are not read so with the rule off (its words emptied,
its phrase left out, its rule of structure switched off on a copy of the interpreter).
"""

from safetykg.query.interpret import Interpreter
from tests.interpreter_off import confidently_read_as, declined, not_read, place, reads, switched_off, without_phrases

ID = "https://w3id.org/safetykg/id/"


def test_who_held_a_post_in_the_past_is_out_of_scope(interpreter: Interpreter) -> None:
    # holdout68: *Who headed AQSIQ before it was merged in 2018?* asks a person's name; off (no words for who held a
    # post), the words of a merger read as the organs renamed or merged, confidently
    texts = [
        "Who headed the work safety bureau before it was merged into emergency management?",
        "Who was the head of the old quality supervision bureau before it was renamed?",
    ]
    declined(interpreter, texts, "out-of-scope")
    past = ("who headed", "who used to head", "who was the head", "who was heading", "who was the director")
    off = switched_off(interpreter, out_of_scope=(*past, "who was the chief"))
    confidently_read_as(off, texts, "organ-changes")


def test_a_kind_of_organ_named_by_no_organs_label_with_no_place_is_unsettled(interpreter: Interpreter) -> None:
    # holdout68: *How often does the 质监局 chief have to do inspections?* — which place's bureau? The organ's
    # frequencies lack only the place, so they stand in the way of every frequency; off (the kind's words left aside,
    # the organ missing), every frequency is read, confidently
    texts = [
        "How often is the 质监局 director required to lead inspections?",
        "How often does the 公安厅 director have to carry out inspections?",
        "质监局的频次要求有哪些",
    ]
    for text in texts:
        reading = interpreter.interpret(text)
        assert not reading.confident, (text, reading)
        assert any(a["question"] == "organ-frequencies" for a in reading.alternatives) or reading.question is None
    off = switched_off(interpreter)
    off._kind_of_no_place = lambda *args: ([], [])  # type: ignore[method-assign]
    confidently_read_as(off, texts, "frequency-requirements")
    # … but with the place said, the organ is the place's (<province>质监局: its frequencies, or the profile)
    said = {"新疆质监局的职责有哪些？": ("organ-profile", {"organ": ID + "organ/xinjiang/quality-supervision"})}
    reads(interpreter, said)


def test_two_values_said_as_the_ends_of_a_range_are_the_range_asked(interpreter: Interpreter) -> None:
    # holdout68: *What accountability measures does <place>'s rule provide, from warning talks up to disciplinary
    # sanctions?* — the measures between them, not one of them; off (no ranging words), two measures: ambiguous
    said = {
        "Which accountability measures does Hubei set out, from warning talks to disciplinary sanctions?": (
            "accountability-measures",
            place("hubei"),
        ),
        "河北的问责方式，从约谈到处分，一共有哪些？": ("accountability-measures", place("hebei")),
    }
    reads(interpreter, said)
    not_read(switched_off(interpreter, ranging=()), said)


def test_phrases_of_an_old_organs_counterpart_still_said_words_and_who_else_regulates(
    interpreter_vocabulary: dict, interpreter: Interpreter
) -> None:
    # holdout68: 卫计委、林业局…现在分别对应哪个部门了 (today's counterpart), *bodies … still go by their pre-2018
    # names* (the old names), *Which provisions still say 安全生产监督管理局* (words still said), 特种设备是质监局管还是别的
    # 部门也管 (who else regulates); off (the phrases left out), none is read so
    cases = [
        (
            "organ-changes",
            "zh",
            {"现在对应", "现在…对应哪个部门", "现在分别对应"},
            {"湖北办法里的安监局、工商局，现在对应哪个部门？": ("organ-changes", place("hubei"))},
        ),
        (
            "organ-changes",
            "en",
            {"pre-2018 name", "pre-reform name"},
            {
                "Which departments in Guiyang's rule are named by their pre-reform names?": (
                    "organ-changes",
                    place("guiyang"),
                )
            },
        ),
        (
            "provisions-mentioning",
            "en",
            {"still say {term}", "still says {term}", "still use {term}", "still uses {term}"},
            {"Which articles still use 质量技术监督局?": ("provisions-mentioning", {"term": "质量技术监督局"})},
        ),
        (
            "departments-regulating-hazard",
            "zh",
            {"别的部门也管", "哪个部门也管", "管还是…管"},
            {
                "河北的烟花爆竹是公安管还是应急部门管？": (
                    "departments-regulating-hazard",
                    {**place("hebei"), "hazard": ID + "domain/fireworks"},
                ),
                "湖北的危险化学品除了应急厅，别的部门也管吗？": (
                    "departments-regulating-hazard",
                    {**place("hubei"), "hazard": ID + "domain/hazardous-chemicals"},
                ),
            },
        ),
    ]
    for qid, lang, phrases, said in cases:
        reads(interpreter, said)
        not_read(without_phrases(interpreter_vocabulary, interpreter, qid, lang, *phrases), said)
