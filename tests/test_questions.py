"""Every canned question answers correctly from the built graph, with citations; the CLI works as described."""

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from safetykg.cli import main
from safetykg.query.questions import QuestionError, answer, load_questions

QUESTIONS = load_questions()


def ask(store: ox.Store, question: str, **values: str) -> list[dict[str, str]]:
    return answer(store, QUESTIONS[question], values).rows


def test_every_question_has_titles_and_typed_parameters_with_examples() -> None:
    assert set(QUESTIONS) >= {
        "departments-regulating-hazard",
        "duties-of-role",
        "role-across-jurisdictions",
        "organ-profile",
        "provisions-mentioning",
        "frequency-requirements",
    }
    for question in QUESTIONS.values():
        assert question.title_zh and question.title_en and question.description
        for parameter in question.parameters:
            assert parameter.type and parameter.example


@pytest.mark.parametrize("question", sorted(QUESTIONS))
def test_every_question_answers_its_own_example(store: ox.Store, question: str) -> None:
    examples = {p.name: p.example for p in QUESTIONS[question].parameters if p.required}
    assert ask(store, question, **examples), f"{question} gives no answer for its example {examples}"


def test_fireworks_in_xinjiang(store: ox.Store) -> None:
    # 新疆细则 第二十条、第二十二条、第三十一条、第五十五条
    rows = ask(store, "departments-regulating-hazard", jurisdiction="新疆", hazard="烟花爆竹")
    assert {row["departmentLabel"] for row in rows} == {
        "安全生产监督管理部门",
        "公安部门",
        "质量技术监督部门",
        "市场监督管理部门",
    }
    assert {row["citation"] for row in rows} == {
        "新疆细则 第二十条第一款第（三）项",
        "新疆细则 第二十二条第（三）项",
        "新疆细则 第三十一条第（三）项",
        "新疆细则 第五十五条第（一）项",
    }
    assert all("烟花爆竹" in row["text"] for row in rows)
    assert set(rows[0]) >= {"department", "departmentLabel", "provision", "citation", "text"}


@pytest.mark.parametrize(
    ("jurisdiction", "hazard"),
    [
        ("Xinjiang", "fireworks"),
        ("新疆维吾尔自治区", "烟花爆竹"),
        ("https://w3id.org/safetykg/id/jurisdiction/xinjiang", "https://w3id.org/safetykg/id/domain/fireworks"),
    ],
)
def test_parameters_as_zh_en_alternative_labels_or_iris(store: ox.Store, jurisdiction: str, hazard: str) -> None:
    rows = ask(store, "departments-regulating-hazard", jurisdiction=jurisdiction, hazard=hazard)
    assert len({row["department"] for row in rows}) == 4


def test_a_hazard_includes_its_narrower_domains(store: ox.Store) -> None:
    # 危险物品 covers 烟花爆竹, 危险化学品, 民用爆炸物品: 第二十二条 designates 公安部门 for 危险物品 itself
    labels = {
        row["departmentLabel"]
        for row in ask(store, "departments-regulating-hazard", jurisdiction="新疆", hazard="危险物品")
    }
    assert {"公安部门", "质量技术监督部门", "市场监督管理部门", "工业和信息化部门", "安全生产监督管理部门"} <= labels


def test_unknown_value_lists_the_closest_known_values(store: ox.Store) -> None:
    with pytest.raises(QuestionError, match=r"closest known values: .*新疆"):
        ask(store, "departments-regulating-hazard", jurisdiction="新彊", hazard="烟花爆竹")


def test_missing_and_unknown_parameters_are_reported(store: ox.Store) -> None:
    with pytest.raises(QuestionError, match="needs hazard"):
        ask(store, "departments-regulating-hazard", jurisdiction="新疆")
    with pytest.raises(QuestionError, match="has no parameter colour"):
        ask(store, "departments-regulating-hazard", jurisdiction="新疆", hazard="烟花爆竹", colour="red")


def test_duties_of_the_guiyang_party_secretary(store: ox.Store) -> None:
    # 贵阳办法 第四条第一款 各级党委、政府主要负责人是本地区安全生产第一责任人;
    # 第五条 各级党委主要负责人安全生产主要职责：（一）–（七）
    rows = [
        r
        for r in ask(store, "duties-of-role", jurisdiction="贵阳", role="主要负责人")
        if r["postLabel"] == "党委主要负责人"
    ]
    assert [r["citation"] for r in rows] == ["贵阳办法 第四条第一款"] + [
        f"贵阳办法 第五条第（{n}）项" for n in "一二三四五六七"
    ]


def test_role_across_jurisdictions_shows_all_that_have_it(store: ox.Store) -> None:
    # the government leader in charge of work safety: 中央规定 第八条, 贵阳办法 第八条, 河北细则 第八条, 新疆细则 第十六条
    rows = ask(store, "role-across-jurisdictions", role="分管安全生产工作的负责人")
    by_place: dict[str, set[str]] = {}
    for row in rows:
        by_place.setdefault(row["jurisdictionLabel"], set()).add(row["citation"].split(" ")[1][:5])
    assert any(c.startswith("第八条") for c in by_place["中国"])
    assert any(c.startswith("第十六条") for c in by_place["新疆维吾尔自治区"])
    assert any(c.startswith("第八条") for c in by_place["贵阳市"])
    assert "湖北省" not in by_place  # Hubei's measures bind organs, not posts (第二条)


def test_organ_profile_of_xinjiang_public_security(store: ox.Store) -> None:
    rows = ask(store, "organ-profile", organ="公安部门（新疆）")
    designations = [r for r in rows if r["aspect"] == "designation"]
    # 第二十二条 公安部门是消防、道路交通和危险物品公共安全领域的负有安全监管职责的部门
    assert [r["citation"] for r in designations] == ["新疆细则 第二十二条"]
    assert set(designations[0]["domains"].split("; ")) == {"消防", "道路交通", "危险物品"}
    duties = [r for r in rows if r["aspect"] == "post duty"]
    assert len(duties) == 7 and {r["holderLabel"] for r in duties} == {"公安部门主要负责人"}


def test_provisions_mentioning_a_term_in_one_jurisdiction(store: ox.Store) -> None:
    rows = ask(store, "provisions-mentioning", term="一票否决", jurisdiction="河北")
    # 河北细则 第五条第（七）项, 第六条第（八）项, 第二十三条
    assert {r["citation"] for r in rows} == {
        "河北细则 第五条第（七）项",
        "河北细则 第六条第（八）项",
        "河北细则 第二十三条",
    }
    everywhere = ask(store, "provisions-mentioning", term="一票否决")
    assert len({r["jurisdiction"] for r in everywhere}) == 5


def test_how_often_county_party_secretaries_convene_meetings(store: ox.Store) -> None:
    rows = ask(store, "frequency-requirements", role="principal-leader", level="county")
    meetings = {(r["citation"], r["minimumCount"], r["period"]) for r in rows if r["activityKind"] == "召开会议"}
    # 贵阳办法 第五条第（二）项: 县级及以下党委主要负责人每年至少组织召开4次会议; 第六条第（四）项 the same for governments
    assert ("贵阳办法 第五条第（二）项", "4", "P1Y") in meetings
    assert ("贵阳办法 第六条第（四）项", "4", "P1Y") in meetings


def test_hebei_standing_committee_meets_every_half_year(store: ox.Store) -> None:
    # 河北细则 第五条第（二）项: 每半年至少主持召开1次党委常委会研究安全生产工作
    rows = [r for r in ask(store, "frequency-requirements") if r["citation"] == "河北细则 第五条第（二）项"]
    first = rows[0]
    assert (first["activityKind"], first["minimumCount"], first["period"]) == ("召开会议", "1", "P6M")
    assert first["bearerRole"].endswith("/role/principal-leader")


def test_ask_cli_json_and_errors(dist: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "--dist",
                str(dist),
                "ask",
                "departments-regulating-hazard",
                "jurisdiction=新疆",
                "hazard=fireworks",
                "--format",
                "json",
            ]
        )
        == 0
    )
    document = json.loads(capsys.readouterr().out)
    assert len(document["rows"]) == 4 and document["params"] == {"jurisdiction": "新疆", "hazard": "fireworks"}
    assert main(["--dist", str(dist), "ask", "departments-regulating-hazards"]) == 2
    assert "did you mean departments-regulating-hazard" in capsys.readouterr().err
    assert (
        main(["--dist", str(dist), "ask", "departments-regulating-hazard", "jurisdiction=火星", "hazard=烟花爆竹"]) == 2
    )
    assert "unknown jurisdiction" in capsys.readouterr().err


def test_parameters_are_bound_not_pasted(store: ox.Store) -> None:
    # a value that would break out of a string in pasted SPARQL finds nothing instead
    assert ask(store, "provisions-mentioning", term='") } DROP ALL #') == []


def test_a_place_without_a_rule_is_not_a_jurisdiction_value(store: ox.Store) -> None:
    """Guizhou is in the lexicon as Guiyang's parent, but no rule of the corpus is Guizhou's: asking for it is a
    mistake named as such, not an empty answer."""
    with pytest.raises(QuestionError, match="贵州"):
        answer(store, QUESTIONS["departments-regulating-hazard"], {"jurisdiction": "贵州", "hazard": "烟花爆竹"})


def test_organ_changes_names_the_text_s_organs_with_today_s(store: ox.Store) -> None:
    """新疆细则 第二十三条 (环境保护部门), 第二十七条 (农业部门) and 第三十一条 (质量技术监督部门) name organs the 2018
    institutional reform renamed or merged: today 生态环境部门, 农业农村部门 and 市场监督管理部门."""
    result = answer(store, QUESTIONS["organ-changes"], {"jurisdiction": "新疆"})
    rows = {row["organLabel"]: row for row in result.rows}
    assert rows["环境保护部门"]["todayLabel"] == "生态环境部门"
    assert rows["环境保护部门"]["citation"] == "新疆细则 第二十三条"
    assert rows["农业部门"]["todayLabel"] == "农业农村部门" and rows["农业部门"]["citation"] == "新疆细则 第二十七条"
    assert rows["质量技术监督部门"]["todayLabel"] == "市场监督管理部门"
    assert all(row["date"] == "2018-03-17" for row in result.rows)
    assert "应急管理部门" not in rows  # named by its 2018 name already: nothing changed


def test_organ_changes_without_a_jurisdiction_covers_every_rule(store: ox.Store) -> None:
    """河北细则 第二十九条 names 安全生产监督管理部门 (now 应急管理部门), 第十条第（二）项 质监 (now 市场监督管理部门)."""
    result = answer(store, QUESTIONS["organ-changes"], {})
    hebei = [row for row in result.rows if row["jurisdictionLabel"] == "河北省"]
    assert sorted((row["organLabel"], row["todayLabel"]) for row in hebei) == [
        ("安全生产监督管理部门", "应急管理部门"),
        ("质量技术监督部门", "市场监督管理部门"),
    ]


def article_of(citation: str) -> int:
    from safetykg.corpus.numerals import parse_chinese_numeral

    return parse_chinese_numeral(citation.split("第", 1)[1].split("条", 1)[0])


def test_designations_by_type_xinjiang_supervisory_departments(store: ox.Store) -> None:
    """新疆细则 第二十一条 to 第三十八条 each designate one department 负有安全监管职责的部门: 18 of them."""
    result = answer(
        store, QUESTIONS["designations-by-type"], {"jurisdiction": "新疆", "type": "负有安全监管职责的部门"}
    )
    assert sorted(article_of(row["provision"]) for row in result.rows) == list(range(21, 39))
    police = next(row for row in result.rows if row["departmentLabel"] == "公安部门")
    assert (
        police["provision"] == "新疆细则 第二十二条" and "烟花爆竹" not in police["domains"]
    )  # 第二十二条 names 危险物品


def test_designations_by_type_xinjiang_industry_authorities_only(store: ox.Store) -> None:
    """新疆细则 第三十九条 to 第四十七条 designate nine 行业主管部门 that are not also supervisory departments."""
    result = answer(store, QUESTIONS["designations-by-type"], {"jurisdiction": "新疆", "type": "industry-authority"})
    late = [row for row in result.rows if 39 <= article_of(row["provision"]) <= 47]
    assert sorted(article_of(row["provision"]) for row in late) == list(range(39, 48))
    assert {row["typeLabel"] for row in result.rows} == {"行业主管部门"}


def test_compare_frequencies_knows_every_period_word() -> None:
    """Every period in lexicon/periods.ttl with a duration has its count per year in compare-frequencies: the
    question's table of periods is a join, so a period it lacked would drop that frequency from the comparison."""
    root = Path(__file__).resolve().parents[1] / "safetykg" / "data"
    durations = set(re.findall(r'skg:duration "(P\w+)"', (root / "lexicon" / "periods.ttl").read_text("utf-8")))
    query = (root / "queries" / "compare-frequencies.rq").read_text("utf-8")
    table = re.search(r"VALUES \(\?period \?perPeriod\) \{([^}]*)\}", query)
    assert table is not None
    assert durations and durations <= set(re.findall(r'"(P\w+)"', table.group(1)))
