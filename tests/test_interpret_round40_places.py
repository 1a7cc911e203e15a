"""Ask in words, round 40 (several places named): several places said ask every place's answer when the question's
place is optional, the one said more often than each other is the one asked about, and a question that takes one
place still has it unsettled (a place said with the national rule is not the national rule); a question that takes
no place answers for the places compared; one-character names listed (鄂、冀两省) are both places; a place with no
rule said denied (not Guizhou as a whole) is not asked about; words setting a place aside (湖北的看过了, 别跟我说…,
leave … aside) or asking of every other place (just …, or anywhere else?) leave it out; and phrases for the texts
searched by the rules (哪几部规定提到…), the committee's posts (第一主任), quantified frequencies and 自行增订.

Each test reads texts right with the rule and checks that they are not read so with the rule off (its words emptied,
its phrase left out, its rule of structure switched off on a copy of the interpreter).
"""

from safetykg.query.interpret import Interpreter
from tests.interpreter_off import not_read, place, reads, switched_off, without_phrases

ID = "https://w3id.org/safetykg/id/"


def test_several_places_ask_every_place_when_the_place_is_optional(interpreter: Interpreter) -> None:
    # holdout58: *who interprets the xinjiang rule, and who interprets the hubei one?*, 河北和新疆的安委会主任分别由谁来当
    # (declined as naming two places); off, the place is unsettled and nothing is answered
    said = {
        "Guiyang versus Xinjiang: which body interprets each of their rules?": ("interpretation", {}),
        "贵阳和湖北的安委会分别由谁担任主任？": ("safety-committee-composition", {}),
        "search the Guiyang and Xinjiang texts for 应急预案": ("provisions-mentioning", {"term": "应急预案"}),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._side_by_side = lambda parameter, candidates: False  # type: ignore[method-assign]
    not_read(off, said)


def test_the_place_said_most_often_is_the_one_asked(interpreter: Interpreter) -> None:
    # holdout58: 新疆跟湖北不一样，新疆细则认定的行业主管部门都有哪些？ (declined as naming two places); off, unsettled
    said = {
        "湖北跟河北不同，湖北办法认定的行业主管部门有哪些？": (
            "designations-by-type",
            {**place("hubei"), "type": ID + "designation-type/industry-authority"},
        ),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._said_most = lambda *args: None  # type: ignore[method-assign]
    not_read(off, said)


def test_a_question_taking_one_place_said_with_two_still_declines(interpreter: Interpreter) -> None:
    # holdout58: *Leave the national rule aside - what duties does Guiyang give its principal leaders?* was read,
    # confidently, as the national rule's duties (the broader of the two places); now the place is unsettled unless
    # one is set aside, and a question that takes one place, said with two, declines
    said = {"What duties do the national rule and Guiyang give principal leaders?": ("duties-of-role", {})}
    for text in [*said, "湖北和河北哪些情形要被问责？"]:
        assert not interpreter.interpret(text).confident, text
    off = switched_off(interpreter)
    off._to_broadest = lambda kind: kind not in ("organ", "role")  # type: ignore[method-assign]
    national = {
        "What duties do the national rule and Guiyang give principal leaders?": (
            "duties-of-role",
            {**place("china"), "role": ID + "role/principal-leader"},
        )
    }
    reads(off, national)
    not_read(interpreter, national)


def test_places_compared_by_a_question_taking_no_place(interpreter: Interpreter) -> None:
    # holdout58: *Compare what Guiyang, Hebei and Xinjiang each require of principal leaders*, 贵阳和新疆给的职责对照一下
    # (declined: each place unsettled in a role's duties); off, the places stand in the comparison's way
    said = {
        "Compare what Hubei and Xinjiang each require of the deputy in charge of safety": (
            "role-across-jurisdictions",
            {"role": ID + "role/deputy-in-charge-of-safety"},
        ),
        "主要负责人的职责，湖北和河北对照一下": ("role-across-jurisdictions", {"role": ID + "role/principal-leader"}),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._places_compared = lambda mentions: False  # type: ignore[method-assign]
    not_read(off, said)


def test_one_character_names_listed(interpreter: Interpreter) -> None:
    # holdout58: 鄂、冀两省的问责方式有啥不一样 was read, confidently, as the first place's measures (the second not a
    # place, words after it); off, so again
    said = {"鄂、冀两地的安委会主任分别由谁担任？": ("safety-committee-composition", {})}
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._listed_single = lambda *args: False  # type: ignore[method-assign]
    not_read(off, said)


def test_a_place_with_no_rule_said_denied(interpreter: Interpreter) -> None:
    # holdout58: *Not Guizhou province as a whole, just Guiyang city: …* (declined as a place with no rule)
    said = {
        "Not Guizhou as a whole, only Guiyang: which accountability measures are listed?": (
            "accountability-measures",
            place("guiyang"),
        ),
        "Not Zunyi City, but Guiyang: in which situations are leaders held accountable?": (
            "accountability-triggers",
            place("guiyang"),
        ),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._denied_place = lambda *args: False  # type: ignore[method-assign]
    not_read(off, said)


def test_words_setting_a_place_aside(interpreter: Interpreter) -> None:
    # holdout58: 湖北的看过了，河北哪些情形要被问责？ (declined), 别跟我说中央的，新疆细则里从重… (read, confidently, as the
    # national rule's); off (the dismissing words without them), both places are said
    said = {
        "贵阳的看过了，新疆的问责方式有哪些？": ("accountability-measures", place("xinjiang")),
        "别跟我说湖北的，河北办法哪些情形从重追责？": ("aggravating-and-mitigating", place("hebei")),
    }
    reads(interpreter, said)
    dismissing = tuple(w for w in interpreter.wording.dismissing if "看过" not in w and "跟我" not in w)
    not_read(switched_off(interpreter, dismissing=dismissing), said)
    # holdout58: *Leave the national rule aside - what duties does Guiyang give …* (read as the national rule's);
    # off (no English words framing a value left aside), both places are said
    aside = {
        "Leave Hubei aside - what are Hebei's accountability measures?": ("accountability-measures", place("hebei")),
        "Put the national rule aside - which departments does Xinjiang designate as industry authorities?": (
            "designations-by-type",
            {**place("xinjiang"), "type": ID + "designation-type/industry-authority"},
        ),
    }
    reads(interpreter, aside)
    not_read(switched_off(interpreter, excepting_framed=("除",)), aside)


def test_just_one_place_or_anywhere_else(interpreter: Interpreter) -> None:
    # holdout58: *departments with work-safety support obligations - just Hubei, or anywhere else too?* (read,
    # confidently, as the one place's); off (only_one without *just*), so again
    said = {
        "which departments have support obligations - just Guiyang, or elsewhere too?": ("support-obligations", {}),
    }
    reads(interpreter, said)
    only_one = tuple(w for w in interpreter.wording.only_one if w != "just")
    not_read(switched_off(interpreter, only_one=only_one), said)


def test_phrases_of_searches_posts_frequencies_and_additions(
    interpreter_vocabulary: dict, interpreter: Interpreter
) -> None:
    # holdout58: 哪几部规定提到了烟花爆竹？ (read, confidently, as the overview)
    searched = {"哪几部规定都提到了应急预案？": ("provisions-mentioning", {"term": "应急预案"})}
    reads(interpreter, searched)
    phrases = ("哪几部规定…提到{term}", "哪些规定…提到{term}")
    not_read(without_phrases(interpreter_vocabulary, interpreter, "provisions-mentioning", "zh", *phrases), searched)
    # holdout58: 安全生产委员会 第一主任 常务副主任 各地 (declined, close to a role across the rules)
    posts = {"安全生产委员会的第一主任、常务副主任 各地": ("safety-committee-composition", {})}
    reads(interpreter, posts)
    phrases = ("第一主任", "常务副主任")
    not_read(
        without_phrases(interpreter_vocabulary, interpreter, "safety-committee-composition", "zh", *phrases), posts
    )
    # holdout58: *every quantified frequency for principal leaders, across all five rules* (declined)
    frequencies = {
        "all quantified frequencies for the deputy in charge of safety, across the rules": (
            "frequency-requirements",
            {"role": ID + "role/deputy-in-charge-of-safety"},
        ),
    }
    reads(interpreter, frequencies)
    off = without_phrases(interpreter_vocabulary, interpreter, "frequency-requirements", "en", "quantified frequenc")
    not_read(off, frequencies)
    # holdout40 (新疆細則…中央規定完全沒有對應的、屬於地方自行增訂的, declined before as close to the duties read of the
    # national rule; read, confidently, as national coverage once places said with the national rule are no longer the
    # national rule): 自行增订 is how local additions are asked, so the coverage no longer stands alone; off, it does
    text = "河北细则哪些条文和职责是中央规定完全没有对应的、属于地方自行增订的？"
    coverage = {text: ("national-coverage", place("hebei"))}
    not_read(interpreter, coverage)
    reads(
        without_phrases(interpreter_vocabulary, interpreter, "local-additions", "zh", "自行增订", "地方增订"), coverage
    )
    additions = {"贵阳办法中有哪些属于地方增订的内容": ("local-additions", place("guiyang"))}
    reads(interpreter, additions)
