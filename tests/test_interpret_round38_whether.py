"""Ask in words, round 38 (questions asking whether): a label of an activity of two Chinese characters, a verb and its
object, said with words counting times between them (开几次会) is that activity; a phrase is looked for again after
words where it reads a value's words otherwise (职责 in 负有…职责的部门, then 职责 asked); a reading doubtful only for
leaving aside the department the best one takes does not stand in its way; of two kinds of organ making organs of the
place said, the one right after the place is the organ; a kind of organ said as the place's own (its, 其) is said of
the place; a reading asked only in the best one's words does not stand in its way unless the best is asked only in
its words too; and words as data: 每个地方 for 各地, 专门针对 confining to a level, 算不算 asking an organ's designation,
*is … mentioned* searching the texts, the grain department's English names.

Each test reads texts right with the rule and checks that they are not read so with the rule off (its words
emptied, its phrases or labels left out); the rules of structure without words of their own were checked so by hand
(their lines taken out).
"""

from safetykg.query.interpret import Interpreter
from safetykg.query.questions import load_questions
from tests.interpreter_off import declined, place, rebuilt_without, switched_off, without_phrases

ID = "https://w3id.org/safetykg/id/"


def test_an_activity_said_with_a_count_between_its_verb_and_object(
    interpreter_vocabulary: dict, interpreter: Interpreter
) -> None:
    # holdout52: 各地…每年至少开几次会…对比一下 (开会 said with 几次 between); off (label_counting emptied), no activity
    # is read and the comparison lacks it
    said = {
        "各地对分管安全生产的副职每年开几次会有什么不同？": "deputy-in-charge-of-safety",
        "五地对主要负责人一年开几回会的要求比一比": "principal-leader",
    }
    for text, role in said.items():
        reading = interpreter.interpret(text)
        assert reading.confident and reading.question == "compare-frequencies", (text, reading)
        assert reading.params == {"activity": ID + "activity-kind/meeting", "role": ID + "role/" + role}, reading
    off = rebuilt_without(interpreter_vocabulary, interpreter, label_counting=())
    for text in said:
        assert "activity" not in off.interpret(text).params, text


def test_an_organs_designation_asked_whether_with_its_duties_is_its_profile(
    interpreter_vocabulary: dict, interpreter: Interpreter
) -> None:
    # holdout52: <place>的气象部门算不算负有安全监管职责的部门，职责有哪些？ — whether the department is of a type (算不算,
    # 属不属于) and its duties: its profile. Off (the phrases left out), not read so. Checked by hand with each rule of
    # structure's lines taken out: 职责 looked for only where first said (inside 负有…职责的部门) the second text declines;
    # the designations of the place, doubtful for leaving the department aside, standing in the way, it declines; of
    # the two kinds of organ (公安厅, and 负有安全监管职责的部门, the place's collective organ) neither taken, the third
    # declines
    said = {
        "新疆的气象局算不算负有安全监管职责的部门，职责有哪些？": "xinjiang/meteorological-service",
        "新疆气象部门属不属于负有安全生产监督管理职责的部门，承担哪些职责？": "xinjiang/meteorological-service",
        "新疆公安厅算不算负有安全监管职责的部门，职责有哪些？": "xinjiang/public-security",
    }
    for text, organ in said.items():
        reading = interpreter.interpret(text)
        assert reading.confident and reading.question == "organ-profile", (text, reading)
        assert reading.params == {"organ": ID + "organ/" + organ}, (text, reading)
    off = without_phrases(interpreter_vocabulary, interpreter, "organ-profile", "zh", "算不算", "属不属于")
    for text, organ in said.items():
        wrong = off.interpret(text)
        assert not (wrong.confident and wrong.params == {"organ": ID + "organ/" + organ}), (text, wrong)


def test_every_place_said_as_each_place(interpreter_vocabulary: dict, interpreter: Interpreter) -> None:
    # holdout52: 是不是每个地方都给…定了职责 (每个地方 for 各地); off (the variant left out), the role's duties lack a
    # place and decline
    said = {
        "每个地方给分管宣传工作的党委班子成员定的职责一样吗？": "member-in-charge-of-publicity",
        "每一个地方对主要负责人规定了哪些职责？": "principal-leader",
    }
    for text, role in said.items():
        reading = interpreter.interpret(text)
        assert reading.confident and reading.question == "role-across-jurisdictions", (text, reading)
        assert reading.params == {"role": ID + "role/" + role}, (text, reading)
    variants = tuple((usual, others) for usual, others in interpreter.wording.variants if usual != "各地")
    off = rebuilt_without(interpreter_vocabulary, interpreter, variants=variants)
    declined(off, said)


def test_words_confining_specially_to_a_level(interpreter: Interpreter) -> None:
    # holdout52: 是否有专门针对有立法权的人民政府的职责 (专门针对 confines to the level, as 仅适用于 does); off (the words
    # left out of level_confining), the duties of the place are read without the qualifier, confidently
    said = {
        "湖北办法里有没有只针对有立法权的人民政府的职责？": place("hubei"),
        "河北细则中仅针对有立法权的人民政府的职责有哪些？": place("hebei"),
    }
    for text, params in said.items():
        reading = interpreter.interpret(text)
        assert reading.confident and reading.question == "duties-at-level", (text, reading)
        assert reading.params == {**params, "qualifier": "有立法权"}, (text, reading)
    off = switched_off(interpreter, level_confining=("适用于", "限于"))
    for text in said:
        assert off.interpret(text).params.get("qualifier") is None, text


def test_a_kind_of_organ_said_as_the_places_own(interpreter_vocabulary: dict, interpreter: Interpreter) -> None:
    # holdout52: *Has <place> given its grain department any work-safety duties?* (its: the place's department, not
    # a kind said of no place); off (possessing emptied), the duties at a level stand as close and it declines
    text = "Has Hubei given its finance department any duties?"
    reading = interpreter.interpret(text)
    assert reading.confident and reading.question == "organ-profile", reading
    assert reading.params == {"organ": ID + "organ/hubei/finance"}, reading
    wrong = switched_off(interpreter, possessing=()).interpret(text)
    assert not (wrong.confident and wrong.params == reading.params), wrong


def test_the_grain_departments_english_names(interpreter_vocabulary: dict, interpreter: Interpreter) -> None:
    # holdout52: *grain department*; off (the labels left out of the interpreter_vocabulary), no organ is read
    labels = ("grain department", "grain and reserves bureau")
    text = "What duties does Xinjiang's grain department have?"
    reading = interpreter.interpret(text)
    assert reading.confident and reading.params == {"organ": ID + "organ/xinjiang/grain"}, reading
    terms = {
        kind: [(label, iri) for label, iri in pairs if label not in labels]
        for kind, pairs in interpreter_vocabulary["terms"].items()
    }
    off = Interpreter({**interpreter_vocabulary, "terms": terms}, load_questions(), interpreter.wording)
    assert off.interpret(text).params != reading.params


def test_readings_asked_alike_are_told_apart_by_their_values_alone(interpreter: Interpreter) -> None:
    # holdout52: the grain department's duties, where the duties at a level were read as confidently as the organ's
    # profile, both asked by *duties* alone and scoring alike (checked by hand with the rule's lines taken out: the
    # duties at a level, first by their question's name, confidently)
    text = "Which duties has Xinjiang given the grain and reserves department?"
    assert not interpreter.interpret(text).confident


def test_a_term_asked_whether_it_is_mentioned(interpreter_vocabulary: dict, interpreter: Interpreter) -> None:
    # holdout52: *Is 暗查暗访 mentioned anywhere in the rules?* (is … mentioned); off (the phrases left out), the words
    # after *mentioned* are read as the term, doubtful
    said = {
        "Is 容错纠错 mentioned in the Hubei measures?": {**place("hubei"), "term": "容错纠错"},
        "Are 约谈 mentioned anywhere?": {"term": "约谈"},
    }
    for text, params in said.items():
        reading = interpreter.interpret(text)
        assert reading.confident and reading.question == "provisions-mentioning", (text, reading)
        assert reading.params == params, (text, reading)
    off = without_phrases(
        interpreter_vocabulary,
        interpreter,
        "provisions-mentioning",
        "en",
        "is {term} mentioned",
        "are {term} mentioned",
    )
    for text, params in said.items():
        wrong = off.interpret(text)
        assert not (wrong.confident and wrong.params == params), (text, wrong)
