"""The canned questions on obligations (issue 16, item 7): duties by level, an organ's frequencies, who interprets
each rule, departments with support obligations, organ profiles with chapter functions. Every expected answer is
read from the regulation texts, and each test names the articles it checks."""

import pyoxigraph as ox

from safetykg.corpus.catalogue import Catalogue, parse_source
from safetykg.corpus.metadata import extract_metadata
from safetykg.query.questions import answer, load_questions

QUESTIONS = load_questions()


def ask(store: ox.Store, question: str, **values: str) -> list[dict[str, str]]:
    return answer(store, QUESTIONS[question], values).rows


def article_of(citation: str) -> int:
    from safetykg.corpus.numerals import parse_chinese_numeral

    return parse_chinese_numeral(citation.split("第", 1)[1].split("条", 1)[0])


def test_the_questions_of_issue_16_exist_with_examples() -> None:
    assert set(QUESTIONS) >= {
        "duties-at-level",
        "organ-frequencies",
        "interpretation",
        "support-obligations",
        "organ-profile",
        "duties-of-role",
    }
    level = {p.name: p for p in QUESTIONS["duties-at-level"].parameters}
    assert (level["jurisdiction"].required, level["level"].required, level["qualifier"].required) == (
        True,
        False,
        False,
    )
    assert (level["level"].type, level["qualifier"].type) == ("level", "string")


# ---------------------------------------------------------------- duties-at-level


def test_xinjiang_duties_of_governments_with_legislative_power(store: ox.Store) -> None:
    """新疆细则 第二十条第二款: 有立法权的人民政府的安全生产监督管理部门主要负责人的安全生产职责还应包括：（一）组织起草
    安全生产中长期立法规划…（二）管理安全生产标准化技术委员会…"""
    rows = ask(store, "duties-at-level", jurisdiction="新疆", qualifier="有立法权")
    assert [r["citation"] for r in rows] == [
        "新疆细则 第二十条第二款第（一）项",
        "新疆细则 第二十条第二款第（二）项",
    ]
    assert {r["bearerLabel"] for r in rows} == {"安全生产监督管理部门主要负责人"}
    assert {r["qualifiers"] for r in rows} == {"有立法权的人民政府"}
    assert rows[0]["text"].startswith("组织起草安全生产中长期立法规划")
    assert all("省级" in r["levels"].split("; ") for r in rows)  # the autonomous region's government has that power


def test_xinjiang_duties_at_the_autonomous_region_level(store: ox.Store) -> None:
    """新疆细则 第十五条, 第十六条, 第十七条 (县级以上各级政府…), 第六十五条, 第六十七条 (县级以上各级党委、政府…),
    第二十条第二款 (有立法权的人民政府), the paragraphs 自治区…主要负责人的安全生产职责还应包括 of 第二十一条, 第二十四条,
    第三十二条, 第三十三条, 第三十九条, 第四十一条, 第五十一条, 第五十九条, 第六十二条, and 第八十四条 (自治区各部门),
    第八十五条 (自治区党委…解释). Not 第五条 (各级党委主要负责人: every level alike) nor 第十八条 (各部门（单位）)."""
    rows = ask(store, "duties-at-level", jurisdiction="新疆", level="自治区级")
    articles = {article_of(r["citation"]) for r in rows}
    assert articles == {15, 16, 17, 20, 21, 24, 32, 33, 39, 41, 51, 59, 62, 65, 67, 84, 85}
    finance = [r for r in rows if r["citation"] == "新疆细则 第五十一条第二款"]
    # 自治区财政厅主要负责人的安全生产职责还应包括：组织实施安全生产专项资金、工伤预防资金的提取和使用监督工作
    assert [(r["bearerLabel"], r["qualifiers"]) for r in finance] == [("财政部门主要负责人", "自治区")]
    assert "工伤预防资金" in finance[0]["text"]
    county_and_up = [r for r in rows if r["citation"] == "新疆细则 第十五条第（二）项"]
    # the duty, and its frequency (每半年至少主持召开1次政府常务会议), which takes the article's 县级以上 too
    assert [set(r["levels"].split("; ")) for r in county_and_up] == [{"县级", "市级", "省级"}] * 2
    assert sorted(bool(r.get("frequency")) for r in county_and_up) == [False, True]
    # the same by the level's English label or its IRI
    assert ask(store, "duties-at-level", jurisdiction="Xinjiang", level="provincial") == rows
    by_iri = ask(store, "duties-at-level", jurisdiction="新疆", level="https://w3id.org/safetykg/id/level/provincial")
    assert by_iri == rows


def test_xinjiang_gives_townships_no_duty_of_their_own(store: ox.Store) -> None:
    """新疆细则 第二条第二款: 乡镇（街道）…的党政领导干部，参照本细则执行 — no duty of the rule is a township's."""
    assert ask(store, "duties-at-level", jurisdiction="新疆", level="乡镇") == []


def test_hebei_township_frequencies(store: ox.Store) -> None:
    """河北细则 第五条第（二）项 各类功能区党工委、乡（镇）党委、街道党工委每月至少召开1次党政联席会; 第（三）项 …乡（镇）
    党委、街道党工委主要负责人每月至少带队检查1次; 第六条第（三）项 …乡（镇）政府、街道办事处主要负责人每月至少带队检查
    1次. Township duties are these monthly ones."""
    rows = ask(store, "duties-at-level", jurisdiction="河北", level="乡镇")
    assert {r["citation"] for r in rows} == {
        "河北细则 第五条第（二）项",
        "河北细则 第五条第（三）项",
        "河北细则 第六条第（三）项",
    }
    activities = {(r["citation"], r["activity"]) for r in rows if "activity" in r}
    assert activities == {
        ("河北细则 第五条第（二）项", "每月至少召开1次党政联席会研究安全生产工作"),
        ("河北细则 第五条第（三）项", "每月至少带队检查1次安全生产工作"),
        ("河北细则 第六条第（三）项", "每月至少带队检查1次安全生产工作"),
    }
    inspections = {r["bearerLabel"] for r in rows if r["citation"] == "河北细则 第六条第（三）项"}
    assert "政府主要负责人" in inspections
    assert all("乡镇" in r["levels"].split("; ") for r in rows)
    assert ask(store, "duties-at-level", jurisdiction="Hebei", level="township") == rows


def test_hebei_county_frequencies_by_the_text_s_words(store: ox.Store) -> None:
    """河北细则 第五条第（三）项 县（市、区）党委主要负责人每季度至少调研1次; 第六条第（三）项 县（市、区）政府主要负责人每季度
    至少带队检查1次: the qualifier finds the text's own words."""
    rows = ask(store, "duties-at-level", jurisdiction="河北", qualifier="县（市、区）")
    assert {(r["citation"], r["activity"]) for r in rows} == {
        ("河北细则 第五条第（三）项", "每季度至少调研1次安全生产工作"),
        ("河北细则 第六条第（三）项", "每季度至少带队检查1次安全生产工作"),
    }
    assert {r["levels"] for r in rows} == {"县级"}
    both = ask(store, "duties-at-level", jurisdiction="河北", level="县级", qualifier="县（市、区）")
    assert both == rows
    assert ask(store, "duties-at-level", jurisdiction="河北", level="乡镇", qualifier="县（市、区）") == []


def test_duties_at_level_without_a_level_lists_every_level_bound_duty(store: ox.Store) -> None:
    """With neither level nor qualifier: every duty of the rule that names a level, e.g. 新疆细则 第十六条 (县级以上)
    and 第二十条第二款 (有立法权的人民政府), but not 第五条 (各级党委主要负责人)."""
    rows = ask(store, "duties-at-level", jurisdiction="新疆")
    articles = {article_of(r["citation"]) for r in rows}
    assert {16, 20} <= articles and 5 not in articles and 18 not in articles
    assert all(r.get("levels") or r.get("qualifiers") for r in rows)


def test_a_qualifier_is_bound_not_pasted(store: ox.Store) -> None:
    assert ask(store, "duties-at-level", jurisdiction="新疆", qualifier='") } DROP ALL #') == []


# ---------------------------------------------------------------- organ-frequencies

POLICE_HEBEI = {
    # 河北细则 第十条第（二）项 安全监管、公安…等部门的主要负责人每半年至少带队检查1次安全生产工作，每半年至少专题研究1次
    ("河北细则 第十条第（二）项", "公安部门主要负责人", "督查检查", "每半年至少带队检查1次安全生产工作", "1", "P6M"),
    ("河北细则 第十条第（二）项", "公安部门主要负责人", "专题研究", "每半年至少专题研究1次安全生产工作", "1", "P6M"),
    # 第十条第（三）项 安全监管、公安…等部门的分管安全生产的负责人每季度至少带队检查1次安全生产工作，每季度至少组织研究1次
    (
        "河北细则 第十条第（三）项",
        "公安部门分管安全生产工作的负责人",
        "督查检查",
        "每季度至少带队检查1次安全生产工作",
        "1",
        "P3M",
    ),
    (
        "河北细则 第十条第（三）项",
        "公安部门分管安全生产工作的负责人",
        "专题研究",
        "每季度至少组织研究1次安全生产工作",
        "1",
        "P3M",
    ),
}


def frequencies(rows: list[dict[str, str]]) -> set[tuple[str, ...]]:
    keys = ("citation", "holderLabel", "activityKind", "activity", "minimumCount", "period")
    return {tuple(r[k] for k in keys) for r in rows}


def test_frequencies_of_the_hebei_public_security_department(store: ox.Store) -> None:
    """河北细则 第十条第（二）项 and 第（三）项: what the principal leader and the deputy in charge of safety of 公安部门 must
    do every half year and every quarter."""
    rows = ask(store, "organ-frequencies", organ="公安部门（河北）")
    assert frequencies(rows) >= POLICE_HEBEI
    assert {r["citation"] for r in rows} == {"河北细则 第十条第（二）项", "河北细则 第十条第（三）项"}
    inspection = next(r for r in rows if r["activity"] == "每半年至少带队检查1次安全生产工作")
    assert inspection["subject"] == "安全监管、公安、住房城乡建设、交通运输、质监等部门的主要负责人"
    assert inspection["holder"].endswith("/post/hebei/public-security/principal-leader")
    # the organ typed as place + department
    assert ask(store, "organ-frequencies", organ="河北省公安厅") == rows


def test_the_other_departments_meetings_are_not_the_police_s(store: ox.Store) -> None:
    """河北细则 第十条第（二）项: 其他部门主要负责人每半年至少主持召开1次党委（党组）会议 binds the departments *other than*
    安全监管、公安、住房城乡建设、交通运输、质监: 公安部门's posts have exactly the four frequencies above."""
    assert frequencies(ask(store, "organ-frequencies", organ="公安部门（河北）")) == POLICE_HEBEI


def test_frequencies_of_the_hebei_governments(store: ox.Store) -> None:
    """河北细则 第六条第（二）项 每季度至少主持召开1次政府常务会议; 第（三）项 各市…政府主要负责人每半年、县（市、区）每季度、
    乡（镇）每月至少带队检查1次; 第（五）项 每半年对清单落实情况组织检查考核; 第九条第（四）项 (其他领导干部) 每季度组织分析
    安全生产形势, 第（六）项 每年…报告; 第十四条 每两年…进行1次安全生产巡查; 第十五条 每年对下级党委、政府…全面评价."""
    rows = ask(store, "organ-frequencies", organ="政府（河北）")
    stated = {(r["citation"], r["holderLabel"], r["minimumCount"], r["period"]) for r in rows if r["period"] != "定期"}
    assert stated == {
        ("河北细则 第六条第（二）项", "政府主要负责人", "1", "P3M"),
        ("河北细则 第六条第（三）项", "政府主要负责人", "1", "P6M"),
        ("河北细则 第六条第（三）项", "政府主要负责人", "1", "P3M"),
        ("河北细则 第六条第（三）项", "政府主要负责人", "1", "P1M"),
        ("河北细则 第六条第（五）项", "政府主要负责人", "1", "P6M"),
        ("河北细则 第九条第（四）项", "政府班子其他成员", "1", "P3M"),
        ("河北细则 第九条第（六）项", "政府班子其他成员", "1", "P1Y"),
        ("河北细则 第十四条", "政府", "1", "P2Y"),
        ("河北细则 第十五条", "政府", "1", "P1Y"),
    }
    levels = {r["period"]: r.get("levels") for r in rows if r["citation"] == "河北细则 第六条第（三）项"}
    assert levels == {"P6M": "市级", "P3M": "县级", "P1M": "乡镇; 功能区"}
    assert {r["activityKind"] for r in rows if r["citation"] == "河北细则 第十四条"} == {"巡查"}


# ---------------------------------------------------------------- interpretation


def test_who_interprets_each_rule_and_who_does_the_work(store: ox.Store) -> None:
    """中央规定 第二十八条 本规定由应急管理部商中共中央组织部解释; 贵阳办法 第二十八条 本实施办法由市安全生产综合监管部门商
    市委组织部解释; 河北细则 第三十条 本细则具体解释工作由省安全生产监督管理局商省委组织部承担; 新疆细则 第八十五条 本细则由
    自治区党委负责解释，具体解释工作由自治区党委办公厅商自治区安全生产监督管理局、自治区党委组织部、编办承担; 湖北办法
    names neither (第二十条 says only when it takes effect)."""
    rows = {r["regulationCitation"]: r for r in ask(store, "interpretation")}
    assert next(iter(rows)) == "中央规定"  # the national rule first
    got = {c: (r.get("interpreter"), r.get("interpretationWork"), r.get("citation")) for c, r in rows.items()}
    assert got == {
        "中央规定": ("应急管理部商中共中央组织部", None, "中央规定 第二十八条"),
        "贵阳办法": ("市安全生产综合监管部门商市委组织部", None, "贵阳办法 第二十八条"),
        # names no interpreter of its own: the body doing the work is taken as the interpreter too
        "河北细则": ("省安全生产监督管理局商省委组织部", "省安全生产监督管理局商省委组织部", "河北细则 第三十条"),
        "新疆细则": (
            "自治区党委",
            "自治区党委办公厅商自治区安全生产监督管理局、自治区党委组织部、编办",
            "新疆细则 第八十五条",
        ),
        "湖北办法": (None, None, None),
    }
    assert rows["河北细则"]["text"] == "本细则具体解释工作由省安全生产监督管理局商省委组织部承担。"


def test_interpretation_of_one_rule(store: ox.Store) -> None:
    """河北细则 第三十条, asked for Hebei alone."""
    rows = ask(store, "interpretation", jurisdiction="河北")
    assert [(r["regulationCitation"], r["interpretationWork"]) for r in rows] == [
        ("河北细则", "省安全生产监督管理局商省委组织部")
    ]


def test_interpretation_work_is_read_as_work_in_both_wordings(catalogue: Catalogue) -> None:
    """新疆细则 第八十五条 (由自治区党委负责解释，具体解释工作由…承担) and 河北细则 第三十条 (具体解释工作由…承担, no
    interpreter named): who does the work is the work in both; the interpreter is the named one, else the worker."""
    documents = {doc.id: doc for doc in catalogue.documents}
    read = {}
    for doc_id in ("hebei", "xinjiang-2018", "national-2018"):
        meta = extract_metadata(documents[doc_id], parse_source(documents[doc_id]), catalogue)
        read[doc_id] = (meta.interpreter, meta.interpretation_work, meta.interpreter_article)
    assert read == {
        "hebei": ("省安全生产监督管理局商省委组织部", "省安全生产监督管理局商省委组织部", "30"),
        "xinjiang-2018": ("自治区党委", "自治区党委办公厅商自治区安全生产监督管理局、自治区党委组织部、编办", "85"),
        "national-2018": ("应急管理部商中共中央组织部", None, "28"),  # 第二十八条 names no separate work
    }


# ---------------------------------------------------------------- support-obligations

HUBEI_SUPPORT = {
    # 湖北办法 第七条 各级组织、宣传、政法、机构编制等对安全生产工作负有保障义务的党委职能部门…
    ("组织部门", "湖北办法 第七条"),
    ("宣传部门", "湖北办法 第七条"),
    ("政法部门", "湖北办法 第七条"),
    ("机构编制部门", "湖北办法 第七条"),
    # 第八条第二款 各级人社、财政部门除履行前款规定的相应责任外，还应当对安全生产工作履行必要的保障义务
    ("人力资源和社会保障部门", "湖北办法 第八条第二款"),
    ("财政部门", "湖北办法 第八条第二款"),
}


def test_hubei_departments_with_support_obligations(store: ox.Store) -> None:
    """湖北办法 第七条 and 第八条第二款 designate six departments as carrying support obligations, and oblige each."""
    rows = ask(store, "support-obligations", jurisdiction="湖北")
    designations = {(r["departmentLabel"], r["citation"]) for r in rows if r["aspect"] == "designation"}
    assert designations == HUBEI_SUPPORT
    duties = {(r["departmentLabel"], r["citation"], r["chapterFunction"]) for r in rows if r["aspect"] != "designation"}
    # both articles stand in 第二章 安全生产工作职责
    assert duties == {(department, citation, "职责") for department, citation in HUBEI_SUPPORT}
    finance = next(r for r in rows if r["departmentLabel"] == "财政部门" and r["aspect"] == "organ duty")
    assert finance["text"] == "各级人社、财政部门除履行前款规定的相应责任外，还应当对安全生产工作履行必要的保障义务。"


def test_only_hubei_designates_support_obligations(store: ox.Store) -> None:
    """No other rule calls departments 负有保障义务 (中央规定 第七条, 河北细则 第七条 and 第十二条 speak of 支持保障 as
    other leaders' or departments' work, not as a designation)."""
    rows = ask(store, "support-obligations")
    assert {r["placeLabel"] for r in rows} == {"湖北省"}
    assert {(r["departmentLabel"], r["citation"]) for r in rows if r["aspect"] == "designation"} == HUBEI_SUPPORT
    assert ask(store, "support-obligations", jurisdiction="新疆") == []


# ---------------------------------------------------------------- organ-profile, duties-of-role: chapter functions


def test_profile_of_the_hebei_public_security_department(store: ox.Store) -> None:
    """河北细则 第十条第（二）项 (the principal leader of 安全监管、公安…等部门) and 第（三）项 (their deputies in charge of
    safety), in 第三章 部门领导干部职责."""
    rows = ask(store, "organ-profile", organ="公安部门（河北）")
    duties = {(r["aspect"], r["holderLabel"], r["citation"], r["chapterFunction"]) for r in rows}
    assert duties == {
        ("post duty", "公安部门主要负责人", "河北细则 第十条第（二）项", "职责"),
        ("post duty", "公安部门分管安全生产工作的负责人", "河北细则 第十条第（三）项", "职责"),
    }


def test_profile_of_the_hebei_organisation_department(store: ox.Store) -> None:
    """河北细则 第十七条第一款 党委组织部门在考察党政领导干部拟任人选时，应当考察其履行安全生产工作职责情况 (第四章 考核考察);
    第二十九条 由纪检监察机关、组织人事部门和安全生产监管部门按照权限和职责分别负责 (第六章 责任追究)."""
    rows = ask(store, "organ-profile", organ="组织部门（河北）")
    assert [(r["aspect"], r["citation"], r["chapterFunction"]) for r in rows] == [
        ("organ duty", "河北细则 第十七条第一款", "考核考察"),
        ("organ duty", "河北细则 第二十九条", "责任追究"),
    ]
    assert "domains" in QUESTIONS["organ-profile"].query  # the existing columns stay


def test_organ_profile_answers_for_every_obliged_organ(store: ox.Store) -> None:
    """Every organ that bears a duty, itself or through a post, has a profile with all those duties, asked by its
    label with the jurisdiction (公安部门（河北）, 组织部门（河北）, …)."""
    query = """PREFIX skg: <https://w3id.org/safetykg/ontology#> PREFIX org: <http://www.w3.org/ns/org#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?label ?citation WHERE {
      ?duty a skg:Duty ; skg:bearer ?bearer ; skg:citation ?citation .
      { ?bearer a skg:Organ BIND(?bearer AS ?organ) } UNION { ?bearer org:postIn ?organ }
      ?organ rdfs:label ?label . FILTER(LANG(?label) = "zh")
    }"""
    solutions = store.query(query, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    obliged: dict[str, set[str]] = {}
    for row in solutions:
        obliged.setdefault(row["label"].value, set()).add(row["citation"].value)
    assert {"公安部门（河北）", "组织部门（河北）", "财政部门（湖北）"} <= set(obliged)
    for label, citations in obliged.items():
        rows = ask(store, "organ-profile", organ=label)
        assert {r["citation"] for r in rows if r["aspect"] != "designation"} == citations, label


def test_duties_of_role_name_the_chapter_function(store: ox.Store) -> None:
    """湖北办法 第三条第一款 (总则: 党委和政府主要负责人是本地区安全生产第一责任人) and 第十七条第一款 (第四章 监督检查: 各级
    党委和政府主要负责人应当每年向上一级安全生产委员会提交…履职情况报告)."""
    rows = ask(store, "duties-of-role", jurisdiction="湖北", role="主要负责人")
    functions = {(r["postLabel"], r["citation"], r["chapterFunction"]) for r in rows}
    assert ("党委主要负责人", "湖北办法 第三条第一款", "总则") in functions
    assert ("政府主要负责人", "湖北办法 第十七条第一款", "监督检查") in functions
    assert ("负有安全生产监管职责的部门主要负责人", "湖北办法 第十七条第一款", "监督检查") in functions
    # 贵阳办法 第五条: the Party secretary's duties stand in the chapter on duties
    guiyang = ask(store, "duties-of-role", jurisdiction="贵阳", role="主要负责人")
    assert {r["chapterFunction"] for r in guiyang if r["citation"].startswith("贵阳办法 第五条")} == {"职责"}
