"""Ask in words, round 43 (heads and deputies of government departments): a post said right after a department's kind
(公安厅一把手, 质监局局长) is the department's own head, not the Party committee's and government's principal leader; a
reading doubtful only for leaving aside the department the best one takes, named by its place and kind, does not stand
in its way; a department's deputy heads (副厅长, 副局长) are leadership-team members, and one post's names listed after
words qualifying the first (分管安全生产的副局长、副厅长) are qualified alike; and quoted words in examples of what is
asked do not qualify the level asked.

Each test reads texts right with the rule and checks that they are not read so with the rule off (its words emptied,
its labels left out, its rule of structure switched off on a copy of the interpreter).
"""

from safetykg.query.interpret import Interpreter
from safetykg.query.interpret.text import _doubts_only_aside
from tests.interpreter_off import ID, not_read, place, reads, rebuilt_without, switched_off


def test_a_post_said_after_a_departments_kind_is_the_departments_head(
    interpreter_vocabulary: dict, interpreter: Interpreter
) -> None:
    # beside holdout72: 质监局一把手多久要检查一次 and 公安厅一把手多久要检查一次 (no place) were read as the principal
    # leaders' inspections compared: the head of a department of which place? Declined, not every principal leader
    unplaced = {
        "住建厅一把手每年要检查几次": (
            "compare-frequencies",
            {"activity": ID + "activity-kind/inspection", "role": ID + "role/principal-leader"},
        ),
        "交通运输厅厅长多久带队检查一次": (
            "compare-frequencies",
            {"activity": ID + "activity-kind/inspection", "role": ID + "role/principal-leader"},
        ),
    }
    for text in unplaced:
        assert not interpreter.interpret(text).confident, text
    # off (no category of a kind of organ is a department's), the principal leaders' inspections compared
    reads(rebuilt_without(interpreter_vocabulary, interpreter, departments=()), unplaced)
    # … with the place said, the department's own frequencies, as before
    reads(
        interpreter,
        {"河北交通运输厅一把手多久检查一次": ("organ-frequencies", {"organ": ID + "organ/hebei/transport"})},
    )
    # … and a Party committee's or government's principal leader is still the principal leader
    reads(
        interpreter,
        {
            "党委政府一把手多久要检查一次": (
                "compare-frequencies",
                {"activity": ID + "activity-kind/inspection", "role": ID + "role/principal-leader"},
            )
        },
    )


def test_a_reading_leaving_aside_the_department_the_best_takes_is_no_rival(interpreter: Interpreter) -> None:
    # holdout72: 河北省公安厅厅长每隔多久…检查: the department's frequencies, where the principal leaders' inspections
    # compared, which leave the department named by its place and kind aside, stood too close
    said = {
        "新疆公安厅厅长每隔多久要带队搞一次安全生产检查": (
            "organ-frequencies",
            {"organ": ID + "organ/xinjiang/public-security"},
        ),
        "湖北应急管理厅厅长每隔多久要带队搞一次安全生产检查": (
            "organ-frequencies",
            {"organ": ID + "organ/hubei/emergency-management"},
        ),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._aside_only = lambda reading, best: _doubts_only_aside(reading, best)  # type: ignore[method-assign]
    not_read(off, said)


def test_a_departments_deputy_heads_are_leadership_team_members(
    interpreter_vocabulary: dict, interpreter: Interpreter
) -> None:
    # holdout72: 分管安全生产的副局长、副厅长们…频次要求: 副局长 read as 局长 inside it, the principal leader; the labels
    # 副厅长 and 副局长 (typed-labels.ttl) make them deputies, members of the leadership team
    said = {
        "湖北副厅长的安全生产职责": ("duties-of-role", {**place("hubei"), "role": ID + "role/leadership-team-member"}),
        "河北的副局长要履行哪些安全生产职责": (
            "duties-of-role",
            {**place("hebei"), "role": ID + "role/leadership-team-member"},
        ),
    }
    reads(interpreter, said)
    terms = dict(interpreter_vocabulary["terms"])
    terms["role"] = [[label, iri] for label, iri in terms["role"] if label not in ("副厅长", "副局长")]
    assert len(terms["role"]) < len(interpreter_vocabulary["terms"]["role"])
    without = Interpreter({**interpreter_vocabulary, "terms": terms}, interpreter.questions, interpreter.wording)
    not_read(without, said)


def test_one_posts_names_listed_after_words_qualifying_the_first(interpreter: Interpreter) -> None:
    # holdout72: 分管安全生产的副局长、副厅长们: both in charge of safety, not the deputy and the team members unsettled
    said = {
        "分管安全生产的副厅长、副局长每年要检查几次": (
            "compare-frequencies",
            {"activity": ID + "activity-kind/inspection", "role": ID + "role/deputy-in-charge-of-safety"},
        ),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._listed_alike = lambda *args: False  # type: ignore[method-assign]
    not_read(off, said)


def test_quoted_words_in_examples_do_not_qualify_the_level(interpreter: Interpreter) -> None:
    # holdout72: 新疆细则中哪些职责是专门针对自治区级的，比如…主要负责人“还应包括”的那些: the quoted words were read as
    # the level's qualifier, confidently; words in examples of the duties asked are no qualifier (declined)
    said = {
        "河北细则里哪些职责只针对省级，比如有的厅主要负责人“还应当”的那些？": (
            "duties-at-level",
            {**place("hebei"), "level": ID + "level/provincial", "qualifier": "还应当"},
        ),
        "湖北细则中哪些职责专门针对市级的，比如某个局的主要负责人“另行规定”的那些？": (
            "duties-at-level",
            {**place("hubei"), "level": ID + "level/city", "qualifier": "另行"},
        ),
    }
    not_read(interpreter, said)
    for text in said:
        assert not interpreter.interpret(text).confident, text
    off = switched_off(interpreter)
    off._exemplified = lambda *args: False  # type: ignore[method-assign]
    reads(off, said)
