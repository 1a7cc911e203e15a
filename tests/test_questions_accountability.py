"""The canned questions of issue 4 (accountability, committees, local against national), checked against named articles."""

import pyoxigraph as ox
import pytest

from safetykg.corpus.model import ParsedDocument
from safetykg.query.questions import answer, load_questions

QUESTIONS = load_questions()
NATIONAL_MEASURES = {"通报", "诫勉", "停职检查", "调整职务", "责令辞职", "降职", "免职", "处分"}


def ask(store: ox.Store, question: str, **values: str) -> list[dict[str, str]]:
    return answer(store, QUESTIONS[question], values).rows


def test_the_questions_of_issue_4_exist_with_examples() -> None:
    assert set(QUESTIONS) >= {
        "regulation-overview",
        "accountability-measures",
        "accountability-triggers",
        "aggravating-and-mitigating",
        "accountability-rules",
        "safety-committee-composition",
        "accident-grade-accountability",
        "local-additions",
        "national-coverage",
        "compare-frequencies",
    }


# ---------------------------------------------------------------- regulation-overview


def test_regulation_overview(store: ox.Store) -> None:
    rows = ask(store, "regulation-overview")
    assert rows[0]["citation"] == "中央规定"  # the national rule first
    by = {row["citation"]: row for row in rows}
    assert {c: (int(r["chapters"]), int(r["articles"])) for c, r in by.items()} == {
        "中央规定": (6, 29),
        "贵阳办法": (7, 29),
        "湖北办法": (5, 20),
        "河北细则": (7, 31),
        "新疆细则": (8, 86),
    }
    # 中央规定 第二十八条 本规定由应急管理部商中共中央组织部解释; 第二十九条 自2018年4月8日起施行
    national = by["中央规定"]
    assert (national["interpreter"], national["interpretationCitation"]) == (
        "应急管理部商中共中央组织部",
        "中央规定 第二十八条",
    )
    assert national["inForce"] == "2018-04-08" and national["level"] == "国家级"
    assert set(national["issuers"].split("; ")) == {"中共中央办公厅", "国务院办公厅"}
    assert "implements" not in national
    # 新疆细则: 新党厅字〔2018〕76号; 第八十五条 由自治区党委负责解释; 第八十六条 废止 新政发〔2011〕14号
    xinjiang = by["新疆细则"]
    assert xinjiang["number"] == "新党厅字〔2018〕76号" and xinjiang["interpreter"] == "自治区党委"
    assert xinjiang["repeals"] == "新疆维吾尔自治区人民政府安全生产职责规定"
    assert xinjiang["implements"].endswith("/regulation/national-2018")
    # 河北细则 第三十条 具体解释工作由省安全生产监督管理局商省委组织部承担; 第三十一条 自印发之日起施行
    assert by["河北细则"]["interpretationCitation"] == "河北细则 第三十条"
    assert by["河北细则"]["inForceRule"] == "自印发之日起施行"
    # 湖北办法 names no interpreter; 第一条 依据《中华人民共和国安全生产法》…《中国共产党问责条例》
    assert "interpreter" not in by["湖北办法"]
    assert set(by["湖北办法"]["basis"].split("; ")) == {"中华人民共和国安全生产法", "中国共产党问责条例"}
    assert by["贵阳办法"]["level"] == "市级" and by["贵阳办法"]["inForceRule"] == "自下发之日起施行"


# ---------------------------------------------------------------- accountability-measures


def test_only_guiyang_lists_interviews(store: ox.Store) -> None:
    # 贵阳办法 第十九条 …釆取约谈、通报、诫勉、停职检查、调整职务、责令辞职、降职、免职或者纪律处分等方式问责
    rows = ask(store, "accountability-measures", measure="约谈")
    assert [(r["placeLabel"], r["citation"], r["onlyHere"]) for r in rows] == [("贵阳市", "贵阳办法 第十九条", "true")]


def test_measures_each_jurisdiction_lists(store: ox.Store) -> None:
    rows = ask(store, "accountability-measures")
    listed: dict[str, set[str]] = {}
    for row in rows:
        listed.setdefault(row["placeLabel"], set()).add(row["measureLabel"])
    # 中央规定 第十九条, 河北细则 第二十二条, 新疆细则 第七十五条: the same eight
    assert listed["中国"] == listed["河北省"] == listed["新疆维吾尔自治区"] == NATIONAL_MEASURES
    assert listed["贵阳市"] == NATIONAL_MEASURES | {"约谈"}  # 纪律处分 is 处分
    assert listed["湖北省"] == NATIONAL_MEASURES | {"责令作出书面检查"}
    only = {(r["measureLabel"], r["placeLabel"]) for r in rows if r["onlyHere"] == "true"}
    assert only == {("约谈", "贵阳市"), ("责令作出书面检查", "湖北省")}
    assert {r["listedIn"] for r in rows if r["measureLabel"] == "通报"} == {"5"}


def test_hubei_lists_measures_for_organs_and_for_their_leaders(store: ox.Store) -> None:
    # 湖北办法 第九条第二款: 对各级党委和政府及其工作部门可以采取责令作出书面检查并切实整改、责令整改并在一定范围内通报
    # 等方式问责；对…主要负责人可以采取通报、诫勉、停职检查、调整职务、责令辞职、免职、降职或者处分等方式予以问责
    rows = ask(store, "accountability-measures", jurisdiction="湖北")
    assert {r["citation"] for r in rows} == {"湖北办法 第九条第二款"}
    organ = [r["measureLabel"] for r in rows if r["target"].endswith("/organ")]
    individual = [r["measureLabel"] for r in rows if r["target"].endswith("/individual")]
    assert organ == ["责令作出书面检查", "通报"]
    # ordered by severity, whatever order the text gives (免职、降职 in Hubei)
    assert individual == ["通报", "诫勉", "停职检查", "调整职务", "责令辞职", "降职", "免职", "处分"]
    assert [int(r["severityRank"]) for r in rows if r["target"].endswith("/individual")] == [3, 4, 5, 6, 7, 8, 9, 10]


def test_xinjiang_circulates_a_notice_about_departments(store: ox.Store) -> None:
    # 新疆细则 第七十五条第二款 对存在本细则第七十四条情形的部门（单位），应当予以通报。
    rows = ask(store, "accountability-measures", jurisdiction="新疆")
    organ = [(r["measureLabel"], r["citation"]) for r in rows if r["target"].endswith("/organ")]
    assert organ == [("通报", "新疆细则 第七十五条第二款")]


# ---------------------------------------------------------------- accountability-triggers


@pytest.mark.parametrize(
    ("jurisdiction", "doc_id", "article", "citation"),
    [
        ("中国", "national-2018", 18, "中央规定 第十八条"),
        ("贵阳", "guiyang", 18, "贵阳办法 第十八条"),
        ("河北", "hebei", 21, "河北细则 第二十一条"),
        ("新疆", "xinjiang-2018", 74, "新疆细则 第七十四条"),
    ],
)
def test_triggers_item_by_item(
    store: ox.Store, docs: dict[str, ParsedDocument], jurisdiction: str, doc_id: str, article: int, citation: str
) -> None:
    items = docs[doc_id].article(article).paragraphs[0].items
    rows = ask(store, "accountability-triggers", jurisdiction=jurisdiction)
    assert [r["text"] for r in rows] == [item.text for item in items]
    assert [r["citation"] for r in rows] == [f"{citation}第{item.marker}项" for item in items]
    assert [int(r["number"]) for r in rows] == list(range(1, len(items) + 1))


def test_trigger_counts_and_local_triggers(store: ox.Store) -> None:
    counts = {
        j: len(ask(store, "accountability-triggers", jurisdiction=j)) for j in ("中国", "贵阳", "湖北", "河北", "新疆")
    }
    assert counts == {"中国": 5, "贵阳": 7, "湖北": 1, "河北": 7, "新疆": 5}
    # 贵阳办法 第十八条第（三）项: only Guiyang makes interceding for those responsible a trigger
    guiyang = ask(store, "accountability-triggers", jurisdiction="贵阳")
    assert guiyang[2]["text"].startswith(
        "为生产安全事故或存在其他安全生产违法行为的责任部门（单位）、责任人员说情、打招呼"
    )
    # 湖北办法 第九条第一款: organs whose duties are not performed
    (hubei,) = ask(store, "accountability-triggers", jurisdiction="湖北")
    assert hubei["citation"] == "湖北办法 第九条第一款"
    assert hubei["text"].startswith("各级党委和政府及其工作部门履行本办法第二章所规定职责不到位的")


# ---------------------------------------------------------------- aggravating-and-mitigating


def kinds(rows: list[dict[str, str]]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for row in rows:
        found.setdefault(row["kind"].rsplit("#", 1)[1], []).append(row["citation"])
    return found


def test_hubei_lists_eight_aggravating_situations_the_national_rule_one(store: ox.Store) -> None:
    national = kinds(ask(store, "aggravating-and-mitigating", jurisdiction="中国"))
    assert national == {
        "AggravatingCircumstance": ["中央规定 第二十一条"],
        "MitigatingCircumstance": ["中央规定 第二十二条"],
        "Exemption": ["中央规定 第二十三条"],
    }
    hubei = kinds(ask(store, "aggravating-and-mitigating", jurisdiction="湖北"))
    assert hubei["AggravatingCircumstance"] == [f"湖北办法 第十三条第（{n}）项" for n in "一二三四五六七八"]
    assert hubei["MitigatingCircumstance"] == [f"湖北办法 第十二条第（{n}）项" for n in "一二三"]
    # 湖北办法 has no 不予追究 article; 第三条第四款 states 尽职照单免责
    assert hubei["Exemption"] == ["湖北办法 第三条第四款"]


def test_guiyang_hebei_and_xinjiang_circumstances(store: ox.Store) -> None:
    guiyang = kinds(ask(store, "aggravating-and-mitigating", jurisdiction="贵阳"))
    assert guiyang["AggravatingCircumstance"] == [f"贵阳办法 第二十一条第（{n}）项" for n in "一二三四"]
    assert guiyang["MitigatingCircumstance"] == ["贵阳办法 第二十五条"]  # in the chapter 免责
    assert guiyang["Exemption"] == ["贵阳办法 第二十六条"]
    assert kinds(ask(store, "aggravating-and-mitigating", jurisdiction="河北")) == {
        "AggravatingCircumstance": ["河北细则 第二十四条"],
        "MitigatingCircumstance": ["河北细则 第二十五条"],
        "Exemption": ["河北细则 第二十六条"],
    }
    xinjiang = kinds(ask(store, "aggravating-and-mitigating", jurisdiction="新疆"))
    assert xinjiang["Exemption"] == ["新疆细则 第四条第三款", "新疆细则 第七十九条"]  # 尽职照单免责; 不予追究


# ---------------------------------------------------------------- accountability-rules


def aspects(rows: list[dict[str, str]], aspect: str) -> list[dict[str, str]]:
    return [row for row in rows if row["aspect"] == aspect]


def test_who_pursues_accountability(store: ox.Store) -> None:
    # 中央规定 第二十六条 由纪检监察机关、组织人事部门和安全生产监管部门按照权限和职责分别负责
    national = aspects(ask(store, "accountability-rules", jurisdiction="中国"), "pursuit")
    by = {r["citation"]: set(r["detail"].split("; ")) for r in national}
    assert by["中央规定 第二十六条"] == {"纪检监察机关", "组织部门", "安全生产监督管理部门"}
    assert by["中央规定 第十九条"] == {"纪检监察机关"}  # 涉嫌职务违法犯罪的，由监察机关依法调查处置
    # 湖北办法 第十四条第一款 由上一级安全生产委员会…会同相关部门进行调查
    hubei = aspects(ask(store, "accountability-rules", jurisdiction="湖北"), "pursuit")
    assert ("湖北办法 第十四条第一款", "安全生产委员会") in {(r["citation"], r["detail"]) for r in hubei}


def test_lifetime_accountability_everywhere_but_hubei(store: ox.Store) -> None:
    rows = aspects(ask(store, "accountability-rules"), "lifetime")
    assert {r["citation"] for r in rows} == {
        "中央规定 第二十四条",
        "贵阳办法 第二十二条",
        "河北细则 第二十七条",
        "新疆细则 第八十条",
    }
    assert all("不论是否" in r["text"] and r["detail"].endswith("后果严重的") for r in rows)


def test_one_vote_veto_rules_and_effects(store: ox.Store) -> None:
    rows = aspects(ask(store, "accountability-rules"), "veto")
    by = {r["citation"]: r for r in rows}
    # 中央规定 第二十条: 取消考核评优和评选各类先进资格，不得晋升职务、级别或者重用任职
    assert set(by["中央规定 第二十条"]["effects"].split("; ")) == {
        "取消考核评优和评选各类先进资格",
        "不得晋升职务、级别或者重用任职",
    }
    # 贵阳办法 第二十条 adds: 受到责令辞职以上问责处理的…一年内不得重新担任与其原任职务相当的领导职务
    assert "一年内不得重新担任与其原任职务相当的领导职务" in by["贵阳办法 第二十条"]["effects"]
    # 河北细则 第六条第（八）项 高危项目审批重大安全风险“一票否决”; 新疆细则 第八条第（五）项 重特大事故“一票否决”
    assert by["河北细则 第六条第（八）项"]["detail"] == "重大安全风险一票否决"
    assert by["新疆细则 第八条第（五）项"]["detail"] == "创建考核重特大事故一票否决"
    assert by["湖北办法 第五条第（四）项"]["detail"] == "领导干部考核评优一票否决"


def test_reporting_duties(store: ox.Store) -> None:
    # 湖北办法 第十七条第一款: 每年向上一级安全生产委员会 / 本级安全生产委员会提交安全生产工作履职情况报告
    hubei = aspects(ask(store, "accountability-rules", jurisdiction="湖北"), "reporting")
    assert [(r["citation"], r["detail"], r["recipients"], r["period"]) for r in hubei] == [
        ("湖北办法 第十七条第一款", "报告", "上一级安全生产委员会", "P1Y"),
        ("湖北办法 第十七条第一款", "报告", "本级安全生产委员会", "P1Y"),
    ]
    # 述职: 中央规定 第十三条第二款, 贵阳办法 第十三条, 河北细则 第十六条第二款, 新疆细则 第五条第（六）项 and 第六十九条第一款
    everywhere = aspects(ask(store, "accountability-rules"), "reporting")
    debriefing = {r["citation"] for r in everywhere if r["detail"] == "述职"}
    assert debriefing == {
        "中央规定 第十三条第二款",
        "贵阳办法 第十三条",
        "河北细则 第十六条第二款",
        "新疆细则 第五条第（六）项",
        "新疆细则 第六十九条第一款",
    }
    # 河北细则 第九条第（六）项 每年向本级党委、政府主要负责人报告…并报上一级安全生产委员会备案
    hebei = {r["citation"]: r for r in everywhere if r["citation"].startswith("河北细则 第九条")}
    assert hebei["河北细则 第九条第（六）项"]["period"] == "P1Y"
    assert "上一级安全生产委员会" in hebei["河北细则 第九条第（六）项"]["recipients"]


def test_who_interprets_each_rule(store: ox.Store) -> None:
    rows = aspects(ask(store, "accountability-rules"), "interpretation")
    assert {r["citation"]: r["detail"] for r in rows} == {
        "中央规定 第二十八条": "应急管理部商中共中央组织部",
        "贵阳办法 第二十八条": "市安全生产综合监管部门商市委组织部",
        "河北细则 第三十条": "省安全生产监督管理局商省委组织部",
        "新疆细则 第八十五条": "自治区党委",
    }


# ---------------------------------------------------------------- safety-committee-composition


def seats(store: ox.Store, jurisdiction: str) -> set[tuple[str, str, str]]:
    rows = ask(store, "safety-committee-composition", jurisdiction=jurisdiction)
    return {(r["positionLabel"], r["postLabel"], r["citation"]) for r in rows}


def test_guiyang_committee(store: ox.Store) -> None:
    # 贵阳办法 第四条第二款 各级党委、政府主要负责人担任本级安委会主任；各级政府分管安全生产工作的负责人担任本级安委会
    # 常务副主任，其他班子成员担任副主任。
    article_4 = {s for s in seats(store, "贵阳") if s[2] == "贵阳办法 第四条第二款"}
    assert article_4 == {
        ("安全生产委员会主任", "党委主要负责人", "贵阳办法 第四条第二款"),
        ("安全生产委员会主任", "政府主要负责人", "贵阳办法 第四条第二款"),
        ("安委会常务副主任", "政府分管安全生产工作的负责人", "贵阳办法 第四条第二款"),
        ("安全生产委员会副主任", "政府班子其他成员", "贵阳办法 第四条第二款"),
    }


def test_hebei_committee_has_a_first_chair_at_city_level_and_below(store: ox.Store) -> None:
    # 河北细则 第四条第二款 市级及以下各级党委书记任安全生产委员会第一主任，各级政府主要负责人任安全生产委员会主任
    rows = ask(store, "safety-committee-composition", jurisdiction="河北")
    titles = [
        (r["positionLabel"], r["postLabel"], r.get("levelQualifier")) for r in rows if r["positionKind"] == "title"
    ]
    assert titles == [
        ("安全生产委员会第一主任", "党委主要负责人", "市级及以下"),
        ("安全生产委员会主任", "政府主要负责人", None),
    ]
    first_chairs = [r for r in ask(store, "safety-committee-composition") if r["position"].endswith("/first-chair")]
    assert {r["citation"] for r in first_chairs} == {"河北细则 第四条第二款"}  # only Hebei


def test_hubei_committee(store: ox.Store) -> None:
    # 湖北办法 第六条第（四）项 地方各级安全生产委员会主任应当由政府主要负责人担任，政府其他副职担任安全生产委员会副主任
    assert seats(store, "湖北") == {
        ("安全生产委员会主任", "政府主要负责人", "湖北办法 第六条第（四）项"),
        ("安全生产委员会副主任", "政府班子其他成员", "湖北办法 第六条第（四）项"),
    }


def test_xinjiang_gives_leadership_of_the_committee_without_titles(store: ox.Store) -> None:
    # 新疆细则 第十五条第（八）项 领导本地区安全生产委员会工作; 第十六条第（三）项 负责领导安全生产委员会日常工作
    rows = ask(store, "safety-committee-composition", jurisdiction="新疆")
    assert {r["positionKind"] for r in rows} == {"function"}
    assert seats(store, "新疆") == {
        ("领导安全生产委员会工作", "政府主要负责人", "新疆细则 第十五条第（八）项"),
        ("负责领导安全生产委员会日常工作", "政府分管安全生产工作的负责人", "新疆细则 第十六条第（三）项"),
    }


# ---------------------------------------------------------------- accident-grade-accountability


def test_hubei_accident_grade_table(store: ox.Store) -> None:
    # 湖北办法 第十一条第一款 （一）一般: 乡镇党委、政府和县（市、区）监管部门 （二）较大: 县与市（州）（三）重大: 市（州）与省
    rows = ask(store, "accident-grade-accountability")
    assert [(r["gradeLabel"], r["partyAndGovernmentLevel"], r["supervisoryLevel"], r["citation"]) for r in rows] == [
        ("一般", "乡镇", "县级", "湖北办法 第十一条第一款第（一）项"),
        ("较大", "县级", "市级", "湖北办法 第十一条第一款第（二）项"),
        ("重大", "市级", "省级", "湖北办法 第十一条第一款第（三）项"),
    ]
    assert rows[0]["partyAndGovernment"] == "该乡镇党委、政府"
    assert rows[2]["supervisoryDepartments"] == "省行业、领域监管部门"
    assert {r["leaders"] for r in rows} == {"上述党委、政府和监管部门相关负责人"}
    assert ask(store, "accident-grade-accountability", jurisdiction="河北") == []


# ---------------------------------------------------------------- local-additions and national-coverage


def test_local_additions_of_hebei_are_the_department_articles(store: ox.Store) -> None:
    # 河北细则 第三章 部门领导干部职责 (第十条至第十二条): the national rule gives departments no duties
    rows = ask(store, "local-additions", jurisdiction="河北")
    articles = {r["citation"] for r in rows if r["level"] == "article"}
    assert articles == {"河北细则 第十条", "河北细则 第十一条", "河北细则 第十二条"}
    duties = {r["citation"] for r in rows if r["level"] == "duty"}
    assert "河北细则 第十条第（二）项" in duties and "河北细则 第五条第（一）项" not in duties


def test_local_additions_of_xinjiang_include_every_department(store: ox.Store) -> None:
    rows = ask(store, "local-additions", jurisdiction="新疆")
    articles = {r["citation"] for r in rows if r["level"] == "article"}
    # 第七条至第十四条 Party departments, 第十八条至第六十四条 departments and mass organizations, 第八十三条
    assert {"新疆细则 第七条", "新疆细则 第二十二条", "新疆细则 第六十二条", "新疆细则 第八十三条"} <= articles
    assert "新疆细则 第七十四条" not in articles and "新疆细则 第五条" not in articles


def test_national_coverage_in_hubei(store: ox.Store) -> None:
    rows = ask(store, "national-coverage", jurisdiction="湖北")
    assert len(rows) == 29
    left_out = {r["citation"] for r in rows if r["takenUp"] == "false"}
    # 湖北办法 has no chapter on rewards (第十六、十七条), no exemption (第二十三条), no lifetime accountability
    # (第二十四条) and names no interpreter (第二十八条)
    assert {
        "中央规定 第十六条",
        "中央规定 第十七条",
        "中央规定 第二十三条",
        "中央规定 第二十四条",
        "中央规定 第二十八条",
    } <= left_out
    by = {r["citation"]: r for r in rows}
    assert (
        by["中央规定 第十九条"]["takenUp"] == "true" and "湖北办法 第九条" in by["中央规定 第十九条"]["localCitations"]
    )


def test_guiyang_takes_up_every_national_article(store: ox.Store) -> None:
    rows = ask(store, "national-coverage", jurisdiction="贵阳")
    assert len(rows) == 29 and all(r["takenUp"] == "true" for r in rows)
    by = {r["citation"]: r for r in rows}
    # 贵阳办法 第二十二条 repeats 中央规定 第二十四条 (lifetime accountability) word for word
    assert "贵阳办法 第二十二条" in by["中央规定 第二十四条"]["localCitations"]
    assert by["中央规定 第二十四条"]["relations"] == "照搬"


def test_hebei_has_no_article_on_implementing_rules_below(store: ox.Store) -> None:
    # 中央规定 第二十七条 各省…应当根据本规定制定实施细则: 河北细则 has no counterpart for its own lower levels
    rows = ask(store, "national-coverage", jurisdiction="河北")
    assert [r["citation"] for r in rows if r["takenUp"] == "false"] == ["中央规定 第二十七条"]


# ---------------------------------------------------------------- compare-frequencies


def test_meetings_convened_by_principal_leaders(store: ox.Store) -> None:
    rows = ask(store, "compare-frequencies", activity="召开会议", role="主要负责人")
    found = {
        (r["jurisdictionLabel"], r["levelLabel"], r["postLabel"], r["minimumCount"], r["period"], r["citation"])
        for r in rows
    }
    # 贵阳办法 第五条第（二）项 市级党委主要负责人每年至少组织召开2次、县级及以下党委主要负责人每年至少组织召开4次会议
    assert ("贵阳市", "市级", "党委主要负责人", "2", "P1Y", "贵阳办法 第五条第（二）项") in found
    assert ("贵阳市", "县级", "党委主要负责人", "4", "P1Y", "贵阳办法 第五条第（二）项") in found
    # 河北细则 第五条第（二）项 每半年至少主持召开1次党委常委会; 新疆细则 第五条第（二）项 每年至少主持召开1次党委常委会会议
    assert ("河北省", "未规定", "党委主要负责人", "1", "P6M", "河北细则 第五条第（二）项") in found
    assert ("新疆维吾尔自治区", "未规定", "党委主要负责人", "1", "P1Y", "新疆细则 第五条第（二）项") in found
    # 新疆细则 第十五条第（二）项 每半年至少主持召开1次政府常务会议, under 第十五条's 县级以上各级政府主要负责人
    for level in ("省级", "市级", "县级"):
        assert ("新疆维吾尔自治区", level, "政府主要负责人", "1", "P6M", "新疆细则 第十五条第（二）项") in found
    per_year = {(r["jurisdictionLabel"], r["levelLabel"], r["postLabel"]): float(r["perYear"]) for r in rows}
    # 河北细则 第五条第（二）项's second sentence: 各类功能区党工委、乡（镇）党委、街道党工委每月至少召开1次党政联席会 —
    # the committees themselves hold it, not their principal leaders
    assert ("河北省", "乡镇", "党委主要负责人") not in per_year
    meetings = ask(store, "organ-frequencies", organ="党工委（河北）")
    assert any(r["period"] == "P1M" and r["citation"] == "河北细则 第五条第（二）项" for r in meetings)
    # side by side: levels in order (city before county before township), unspecified last
    order = [r["levelLabel"] for r in rows]
    assert order.index("市级") < order.index("县级") < order.index("乡镇") < order.index("未规定")
