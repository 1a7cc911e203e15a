"""Ask in words, round 39 (negation and exception): English words leaving values out leave out the value right after
them and those listed with it, not every value of their clause; a range of levels runs downwards too (县级及以下, county
level and below); the rules' whole subject left out (除了安全生产) asks of what lies beyond them; a clause saying its
words are not wanted (开会那块不用看, 不要只列频次要求) is left out of what is asked; a phrase asking for words said denied
(不含“约谈”的条款) asks what no question answers; a reading whose phrases frame the best one's words does not stand in its
way from the best one's gap; and phrases for who else regulates (还有谁管), a name no longer used (不叫这个名) and provisions
holding words (含…的条款).

Each test reads texts right with the rule and checks that they are not read so with the rule off (its words emptied,
its phrase left out, its rule of structure switched off on a copy of the interpreter).
"""

from safetykg.query.interpret import Interpreter
from tests.interpreter_off import confidently_read_as, declined, not_read, place, reads, switched_off, without_phrases

ID = "https://w3id.org/safetykg/id/"


def test_english_words_leaving_out_a_value_leave_out_only_it_and_its_list(interpreter: Interpreter) -> None:
    # holdout54: *which departments other than the public security organs have duties concerning fireworks*: the
    # fireworks are asked about, not left out with the public security organs; off (every value of the clause left
    # out, as before), the hazard is lost and the duties at a level are read
    said = {
        "In Hubei, which departments other than the emergency management departments have duties about hazardous "
        "chemicals?": (
            "departments-regulating-hazard",
            {**place("hubei"), "hazard": ID + "domain/hazardous-chemicals"},
        ),
        "Which Hebei departments besides public security have responsibilities for civil explosives?": (
            "departments-regulating-hazard",
            {**place("hebei"), "hazard": ID + "domain/civilian-explosives"},
        ),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._listed_after = lambda *args: True  # type: ignore[method-assign]
    not_read(off, said)
    # … and values listed with the first are left out with it (excepting_listing: and, or); off, the second is asked
    listed = {
        "What does Hubei require of leadership members other than the principal leader and the deputy in charge of "
        "safety?": ("duties-of-role", {**place("hubei"), "role": ID + "role/other-leadership-members"})
    }
    reads(interpreter, listed)
    not_read(switched_off(interpreter, excepting_listing=()), listed)


def test_words_leaving_a_value_out_or_aside(interpreter: Interpreter) -> None:
    # holdout54: *designate as having work-safety supervisory duties, leaving out the industry authorities*; off (the
    # excepting words without leaving out, leaving aside), both types are named
    said = {
        "What duties does Hebei give the leadership team members, leaving aside the principal leader?": (
            "duties-of-role",
            {**place("hebei"), "role": ID + "role/leadership-team-member"},
        ),
    }
    reads(interpreter, said)
    excepting = tuple(w for w in interpreter.wording.excepting if not w.startswith(("leav", "setting", "not ")))
    assert len(excepting) < len(interpreter.wording.excepting)
    not_read(switched_off(interpreter, excepting=excepting), said)


def test_a_range_of_levels_downwards(interpreter: Interpreter) -> None:
    # holdout54: *duties that only apply at county level and below*: the text's words for the levels (县级及以下), as
    # 县级以上 is; off (level_range and the glosses without them), the county level alone
    said = {
        "河北细则里县级及以下适用的职责有哪些": ("duties-at-level", {**place("hebei"), "qualifier": "县级及以下"}),
        "Which Hebei duties are for the county level or below?": (
            "duties-at-level",
            {**place("hebei"), "qualifier": "县级及以下"},
        ),
    }
    reads(interpreter, said)
    downwards = ("以下", "below", "lower")
    off = switched_off(
        interpreter,
        level_range=tuple(w for w in interpreter.wording.level_range if not any(d in w for d in downwards)),
        glosses=tuple(g for g in interpreter.wording.glosses if "以下" not in g[0]),
    )
    not_read(off, said)


def test_the_rules_whole_subject_left_out_is_out_of_scope(interpreter: Interpreter) -> None:
    # holdout54: 除了安全生产，<province>省委还管哪些事 asks what the rules do not say; off (no words for their subject),
    # the committee's profile
    texts = [
        "Besides work safety, what does Hubei's Party committee handle?",
        "除了安全工作之外，贵阳市委还负责什么？",
        "除安全外，新疆公安厅还管什么？",
    ]
    declined(interpreter, texts, "out-of-scope")
    off = switched_off(interpreter, subject=())
    for text in texts:
        assert off.interpret(text).confident, text
    # … a value named by words holding them is no subject left out (除了安全生产委员会: the committee)
    reading = interpreter.interpret("除了安全生产委员会，湖北还有哪些议事机构？")
    assert not any(r["reason"] == "out-of-scope" for r in reading.missing), reading


def test_a_clause_saying_its_words_are_not_wanted(interpreter: Interpreter) -> None:
    # holdout54: 开会那块不用看, 负有安全监管职责的部门就不用列了, 一把手的就不用说了, 不要只列频次要求: the values and phrases
    # of the clause are left out of what is asked; off (no dismissing words), they are read as asked
    said = {
        "湖北认定的行业主管部门有哪些？负有安全监管职责的部门不必列了": (
            "designations-by-type",
            {**place("hubei"), "type": ID + "designation-type/industry-authority"},
        ),
        "贵阳分管安全生产的负责人有哪些职责？主要负责人的不用看了": (
            "duties-of-role",
            {**place("guiyang"), "role": ID + "role/deputy-in-charge-of-safety"},
        ),
        "新疆公安厅被认定为何种部门、哪些岗位承担职责？不要只列频次要求": (
            "organ-profile",
            {"organ": ID + "organ/xinjiang/public-security"},
        ),
        "各地对主要负责人组织开会的次数要求有什么不同？检查那部分先不看": (
            "compare-frequencies",
            {"activity": ID + "activity-kind/meeting", "role": ID + "role/principal-leader"},
        ),
    }
    reads(interpreter, said)
    not_read(switched_off(interpreter, dismissing=()), said)


def test_words_asked_for_denied_are_not_searched(interpreter: Interpreter) -> None:
    # holdout54 (含“不予追究”的条款): said denied (不包含, not containing), the words are asked missing from the texts, which
    # no question answers; off (no negating words), they are searched for
    texts = ["不包含“约谈”的条款", "没有提到“不予追究”的条款", "provisions not containing the words 党政同责"]
    declined(interpreter, texts)
    off = switched_off(interpreter, negating=())
    confidently_read_as(off, texts, "provisions-mentioning")
    # … nor, so denied, are they how another question is asked (终身追责: not the accountability rules)
    assert not interpreter.interpret("Which provisions do not mention 终身追责?").confident
    # … but asked whether (有没有提到), they are searched for
    reading = interpreter.interpret("有没有提到“约谈”的条款")
    assert reading.confident and reading.params == {"term": "约谈"}, reading


def test_words_asked_for_denied_by_a_contracted_not_or_never_are_not_searched(interpreter: Interpreter) -> None:
    # the fifty-fourth set's tuner, beside it: *don't contain* was no word denying, so the words were searched for,
    # confidently (negating: don't, doesn't, never); off (the contracted forms and never left out), searched again
    texts = ["provisions that don't contain the words 一岗双责", "Which articles never mention 党政同责?"]
    declined(interpreter, texts)
    plain = ("don't", "doesn't", "didn't", "never")
    off = switched_off(interpreter, negating=tuple(w for w in interpreter.wording.negating if w not in plain))
    confidently_read_as(off, texts, "provisions-mentioning")


def test_a_reading_framing_the_best_ones_words_does_not_stand_in_its_way(interpreter: Interpreter) -> None:
    # holdout54: 不是对各级一概适用、而是仅限自治区级的职责有哪些: 仅 stands in the gap of the duties' 级…职责, but the local
    # additions' 仅…有 frames 级的职责 in its own gap: not a rival; off, the two are close
    said = {
        "湖北办法中，不是各级都适用、而是仅限市级的职责有哪些？": (
            "duties-at-level",
            {**place("hubei"), "level": ID + "level/city"},
        ),
        "河北细则里不是对各级通用、而是仅限县级的职责有哪些？": (
            "duties-at-level",
            {**place("hebei"), "level": ID + "level/county"},
        ),
    }
    reads(interpreter, said)
    off = switched_off(interpreter)
    off._around = lambda *args: False  # type: ignore[method-assign]
    not_read(off, said)


def test_phrases_of_who_else_regulates_names_no_longer_used_and_words_held(
    interpreter_vocabulary: dict, interpreter: Interpreter
) -> None:
    # holdout54: 除了应急管理部门，还有谁管危险化学品 (still asked: 还有谁管), 哪些现在已经不叫这个名了 (names no longer used),
    # 含“不予追究”的条款 (provisions holding words, another question's words in quotes); off (the phrases left out), none
    # is read so
    cases = [
        (
            "departments-regulating-hazard",
            {"谁管", "还有谁管", "还有哪些部门管"},
            {
                "河北除了公安部门，还有谁管烟花爆竹？": (
                    "departments-regulating-hazard",
                    {**place("hebei"), "hazard": ID + "domain/fireworks"},
                )
            },
        ),
        (
            "organ-changes",
            {"不叫这个名", "不叫这个名字", "已经不叫", "不再叫", "现在不叫", "换了名字", "改了名"},
            {"河北细则里的哪些部门现在已经不叫这个名字了？": ("organ-changes", place("hebei"))},
        ),
        (
            "provisions-mentioning",
            {"含{term}的条款", "含{term}的条文"},
            {
                "含“一票否决”的条文": ("provisions-mentioning", {"term": "一票否决"}),
                "含“从轻处理”的条款": ("provisions-mentioning", {"term": "从轻处理"}),
            },
        ),
    ]
    for qid, phrases, said in cases:
        reads(interpreter, said)
        not_read(without_phrases(interpreter_vocabulary, interpreter, qid, "zh", *phrases), said)
