"""Ask in words, round 41 (hypothetical scenarios; officials and workplaces; enterprise readers): a clause setting the
case a question is asked of (假如…，, suppose … .), or telling what happened to someone it introduces (有个…), is not how
a question is asked, unless that question is asked outside it too; an organ of the place asked about, said in such a
sentence before one referring to it (it), is the organ asked about; a kind of organ after words saying some one of it
(某县政府) is no organ of the place before it; a reading lacking a place, its words joined right before the last words
of the best reading's phrase (从重 before 追责 of 事故…追责), stands in its way; words set off by a dash that ask are the
question, not examples; *like* of *and the like* opens no examples; and words asking who is (谁是) right before a
designation's type ask which departments, not a person's name.

Each test reads texts right with the rule and checks that they are not read so with the rule off (its words emptied,
its rule of structure switched off on a copy of the interpreter).
"""

from safetykg.query.interpret import Interpreter
from safetykg.query.interpret.text import _qualifies_end
from tests.interpreter_off import ID, confidently_read_as, declined, not_read, place, reads, switched_off


def test_a_question_asked_only_in_the_case_set_is_not_asked(interpreter: Interpreter) -> None:
    # holdout62: *If a prefecture in <province> racks up a serious accident, does a one-vote veto kick in …* (the
    # accident's grade is the case, the veto the question), *Suppose <province> restructures its agencies. Which
    # departments does its rule designate …* (not the organs' changes); off (no words setting a case), the case's words
    # ask as well, and the readings are close
    said = {
        "If a town in Hebei has a serious accident, does the one-vote veto apply to its leaders?": (
            "accountability-rules",
            place("hebei"),
        ),
        "Suppose Hebei merges two of its bureaus. Which departments does Hebei's rule designate, and as what type "
        "each?": ("designations-by-type", place("hebei")),
        "假如贵阳发生了较大事故，一票否决怎么规定的？": ("accountability-rules", place("guiyang")),
        "要是河北出了重大事故，对领导干部实行一票否决吗？": ("accountability-rules", place("hebei")),
    }
    reads(interpreter, said)
    not_read(switched_off(interpreter, supposing=()), said)
    # … and a case with no question after it asks nothing (holdout62: *If the governor of <province> were replaced
    # tomorrow, who would be the likely successor?* — read, confidently, as the overview of the rules)
    text = "If the mayor of Guiyang were replaced next month, who would take over?"
    assert not interpreter.interpret(text).confident
    assert switched_off(interpreter, supposing=()).interpret(text).confident


def test_a_clause_telling_what_happened_to_someone_is_a_case(interpreter: Interpreter) -> None:
    # holdout62: <city>有个区长因为…要被问责了，<city>那边都有哪些问责方式: the triggers' 要被问责 tells what happened, the
    # measures are asked; off (no words introducing someone), the two are close
    said = {
        "新疆有个副县长因为监管不力要被问责了，新疆那边有哪些问责方式，按轻重排一下？": (
            "accountability-measures",
            place("xinjiang"),
        ),
        "河北有个县长要被问责了，河北有哪些问责方式，从轻到重怎么排？": ("accountability-measures", place("hebei")),
    }
    reads(interpreter, said)
    not_read(switched_off(interpreter, telling=()), said)


def test_an_organ_said_in_the_case_is_the_one_referred_to(interpreter: Interpreter) -> None:
    # holdout62: *Suppose <province>'s finance department gets blamed … What is it designated as, and which duties
    # does <province>'s rule give it?*: the department the question refers to (it), no longer context of a sentence
    # naming a place beside the one asked; off (no words referring), it is context and no organ is asked about
    said = {
        "Suppose Hebei's public security department is criticised. What is it designated as under Hebei's rule?": (
            "organ-profile",
            {"organ": ID + "organ/hebei/public-security"},
        ),
    }
    reads(interpreter, said)
    not_read(switched_off(interpreter, referring=()), said)


def test_a_kind_of_organ_of_some_one_is_no_organ_of_the_place(interpreter: Interpreter) -> None:
    # holdout62: 要是<province>某县政府事故后…，能不能从轻或者减轻追责: some county's government, not the province's own
    # (an organ's profile); off (no words saying some one), the province's government is read
    said = {
        "要是河北某县政府瞒报了事故，哪些情况可以从轻处理？": ("aggravating-and-mitigating", place("hebei")),
        "假如湖北某市政府迟报事故，什么情况下可以从轻处理？": ("aggravating-and-mitigating", place("hubei")),
    }
    reads(interpreter, said)
    off = switched_off(interpreter, indefinite=())
    off._of_the_place = lambda between: True  # type: ignore[method-assign]  # round 43's 某 between, as before it
    not_read(off, said)


def test_a_reading_lacking_a_place_qualifying_the_best_ones_last_words_stands_in_its_way(
    interpreter: Interpreter,
) -> None:
    # holdout62: 如果某地发生了事故，哪些情形下要从重追责 (of which place?) read, confidently, as every place's accident
    # grades (事故…追责); 从重 joined before 追责 asks the aggravating circumstances, lacking a place: declined; off,
    # read so
    texts = ["要是某地发生事故，哪些情形要从重追责？", "如果某地发生了安全事故，哪些情况下要从重追责？"]
    declined(interpreter, texts)
    off = switched_off(interpreter)
    off._qualifying_last = lambda *args: False  # type: ignore[method-assign]
    confidently_read_as(off, texts, "accident-grade-accountability")


def test_words_ending_in_the_best_ones_last_words_qualify_them(interpreter: Interpreter) -> None:
    # beside holdout62 (the round's scenario tuner found it): 出了事故以后，哪些情形下要从严追责 read, confidently, as every
    # place's accident grades: the aggravating phrase 从严追责 ends in 追责, the last words of 事故…追责, so its 从严 was
    # not joined before them; the words before the shared ones qualify them too: declined (of which place?); with only
    # words joined before them (round 41's first rule), read so again
    texts = ["发生事故以后，什么情形下要从严追责？", "事故发生后哪些情形应当从严追责"]
    declined(interpreter, texts)
    off = switched_off(interpreter)
    off._qualifying_last = lambda typed, words, phrase, own, values: _qualifies_end(typed, words, phrase, own)  # type: ignore[method-assign]
    confidently_read_as(off, texts, "accident-grade-accountability")
    # … and with the place said, the aggravating circumstances are that place's, read
    with_place = interpreter.interpret("湖北发生事故后哪些情形要从严追责")
    assert with_place.confident and with_place.question == "aggravating-and-mitigating", with_place


def test_words_set_off_by_a_dash_that_ask_are_no_examples(interpreter: Interpreter) -> None:
    # holdout64: *<province> - which departments supervise construction works, building sites and the like?*: the
    # question after a dash setting its topic, its values asked about; off (the set-off words never ask), examples
    said = {
        "Hebei - which departments supervise construction sites and the like?": (
            "departments-regulating-hazard",
            {**place("hebei"), "hazard": ID + "domain/construction"},
        ),
        "Guiyang - which departments regulate fireworks, firecrackers and the like?": (
            "departments-regulating-hazard",
            {**place("guiyang"), "hazard": ID + "domain/fireworks"},
        ),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._asks = lambda *args: False  # type: ignore[method-assign]
    not_read(off, said)


def test_like_of_and_the_like_opens_no_examples(interpreter: Interpreter) -> None:
    # holdout65: *which departments - finance, HR and the like - are obliged to back up work safety*: the examples end
    # at *and the like*; off (its *like* opening examples), what follows is examples and the support is lost
    said = {
        "Which departments - organisation, publicity and the like - have to back up work safety, and what must they "
        "do?": ("support-obligations", {}),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._ending_examples = lambda *args: False  # type: ignore[method-assign]
    not_read(off, said)


def test_who_is_before_a_designation_type_asks_which_departments(interpreter: Interpreter) -> None:
    # holdout62: 得先弄清谁是行业主管部门——<province>细则认定的行业主管部门有哪些: no person's name asked; off (words asking
    # who is always out of scope), declined
    said = {
        "得先弄清谁是行业主管部门——新疆细则认定的行业主管部门有哪些？": (
            "designations-by-type",
            {**place("xinjiang"), "type": ID + "designation-type/industry-authority"},
        ),
        "先搞清楚谁是负有安全监管职责的部门：湖北办法认定的这类部门有哪些？": (
            "designations-by-type",
            {**place("hubei"), "type": ID + "designation-type/supervisory-department"},
        ),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._asks_designated = lambda *args: False  # type: ignore[method-assign]
    not_read(off, said)
    # … a person's name asked is still out of scope (谁是<province>省长)
    assert not interpreter.interpret("谁是湖北省长？").confident
