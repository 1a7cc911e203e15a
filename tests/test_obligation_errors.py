"""Each error the fidelity audit found, by the article that shows it (expected answers read from the texts)."""

from rdflib import RDF, Graph
from rdflib.namespace import ORG

from safetykg.build.pipeline import BuildResult
from safetykg.core import iris
from safetykg.core.iris import SKG
from tests.test_extraction import bearer, duties


def bearers(built: BuildResult, doc_id: str, citation: str) -> set[tuple[str, str | None]]:
    return {bearer(d) for d in duties(built, doc_id, citation)}


def functions(built: BuildResult, doc_id: str, citation: str) -> set[str]:
    return {iris.slug_of(d.chapter_function.iri) for d in duties(built, doc_id, citation) if d.chapter_function}


def graph(built: BuildResult, doc_id: str) -> Graph:
    return built.graphs[iris.graph(doc_id)]


# --- only chapters titled 职责 yielded duties


def test_the_organization_department_vets_candidates_in_every_rule(built: BuildResult) -> None:
    # 党委组织部门在考察…拟任人选时，应当考察其履行安全生产工作职责情况
    for doc_id, article in (
        ("national-2018", "第十四条第一款"),
        ("guiyang", "第十四条"),
        ("hebei", "第十七条第一款"),
        ("xinjiang-2018", "第七十条"),
    ):
        assert ("organization-department", None) in bearers(built, doc_id, article), (doc_id, article)
        assert functions(built, doc_id, article) == {"assessment"}, (doc_id, article)


def test_higher_party_committees_and_governments_give_rewards(built: BuildResult) -> None:
    # 上级党委和政府…给予表彰奖励 / 记功或者嘉奖: 中央规定 第十六、十七条, 贵阳办法 第十七条, 河北细则 第二十条
    for doc_id, article in (
        ("national-2018", "第十六条"),
        ("national-2018", "第十七条"),
        ("guiyang", "第十七条"),
        ("hebei", "第二十条"),
    ):
        assert bearers(built, doc_id, article) == {("party-committee", None), ("government", None)}, (doc_id, article)
        assert functions(built, doc_id, article) == {"rewards"}, (doc_id, article)


def test_yearly_reports_have_their_bearers(built: BuildResult) -> None:
    # 湖北办法 第十七条第一款 各级党委和政府主要负责人应当每年向上一级安全生产委员会提交…报告
    hubei = graph(built, "hubei")
    post = iris.post("hubei", iris.concept("organ-kind", "party-committee"), iris.concept("role", "principal-leader"))
    yearly = [
        f
        for duty in hubei.subjects(SKG.bearer, post)
        if str(duty).startswith(f"{iris.ID}duty/hubei/article/17/")
        for f in hubei.objects(duty, SKG.hasFrequency)
    ]
    assert [str(hubei.value(f, SKG.period)) for f in yearly] == ["P1Y"]
    # 新疆细则 第六十九条第一款 党委、政府应当每年向上级党委、政府提交安全生产工作报告
    xinjiang = graph(built, "xinjiang-2018")
    organ = iris.organ("xinjiang", iris.concept("organ-kind", "party-committee"))
    reports = [
        f
        for duty in xinjiang.subjects(SKG.bearer, organ)
        if str(duty).startswith(f"{iris.ID}duty/xinjiang-2018/article/69/")
        for f in xinjiang.objects(duty, SKG.hasFrequency)
    ]
    assert {str(xinjiang.value(f, SKG.period)) for f in reports} == {"P1Y"}


def test_the_safety_committee_or_its_office_evaluates(built: BuildResult) -> None:
    # 湖北办法 第十七条第二款 各级安全生产委员会应当…进行综合评定; 新疆细则 第六十九条第二款 安全生产委员会办公室应当…
    assert bearers(built, "hubei", "第十七条第二款") == {("safety-committee", None)}
    assert functions(built, "hubei", "第十七条第二款") == {"supervision"}  # 第四章 监督检查
    assert bearers(built, "xinjiang-2018", "第六十九条第二款") == {("safety-committee-office", None)}


def test_hebei_party_committees_and_governments_inspect(built: BuildResult) -> None:
    # 河北细则 第十三条 各级党委、政府负责对本级党政领导干部和下级党委、政府主要负责人…进行监督检查
    assert bearers(built, "hebei", "第十三条") == {("party-committee", None), ("government", None)}


# --- organs named inside an item were dropped


def test_hubei_article_8_names_state_assets_and_committee_member_units(built: BuildResult) -> None:
    # 湖北办法 第八条第一款 …国有资产监督管理部门做到管资产必须管安全…有关安全生产专业委员会成员单位还应当…
    found = bearers(built, "hubei", "第八条第一款")
    assert {("government-department", None), ("state-assets-supervision", None)} <= found
    assert ("specialised-committee-member-units", None) in found
    # the organs exist for Hubei, each its own node
    hubei = graph(built, "hubei")
    node = iris.organ("hubei", iris.concept("organ-kind", "state-assets-supervision"))
    assert (node, SKG.jurisdiction, iris.jurisdiction("hubei")) in hubei


def test_hebei_article_10_departments_are_organs_of_hebei(built: BuildResult) -> None:
    # 河北细则 第十条第（二）项 安全监管、公安、住房城乡建设、交通运输、质监等部门的主要负责人每半年至少带队检查1次
    hebei = graph(built, "hebei")
    for kind in ("safety-supervision-administration", "public-security", "transport", "quality-supervision"):
        post = iris.post("hebei", iris.concept("organ-kind", kind), iris.concept("role", "principal-leader"))
        assert hebei.value(post, ORG.postIn) == iris.organ("hebei", iris.concept("organ-kind", kind)), kind


# --- lists collapsed to a generic head


def test_hubei_article_7_list_is_expanded_and_kept_as_the_group(built: BuildResult) -> None:
    # 湖北办法 第七条 各级组织、宣传、政法、机构编制等对安全生产工作负有保障义务的党委职能部门应当…
    assert bearers(built, "hubei", "第七条") == {
        ("organization-department", None),
        ("publicity-department", None),
        ("political-legal-commission", None),
        ("establishment-office", None),
        ("party-working-organ", None),
    }


def test_hebei_article_12_keeps_the_party_side(built: BuildResult) -> None:
    # 河北细则 第十二条 各级党委、政府其他工作部门的领导干部安全生产职责主要包括：
    assert bearers(built, "hebei", "第十二条第（一）项") == {
        ("party-working-organ", "leading-cadre"),
        ("government-department", "leading-cadre"),
    }


# --- levels ignored the jurisdiction


def test_guiyang_county_level_and_above_has_no_provincial_level(built: BuildResult) -> None:
    # 贵阳办法 第八条 县级以上各级地方政府…: Guiyang is a city; 县级以上 there is the city and its counties
    found = duties(built, "guiyang", "第八条")
    assert len(found) == 12
    assert all(d.level is not None and d.level.levels == ("city", "county") for d in found)


def test_hubei_township_party_committees(built: BuildResult) -> None:
    # 湖北办法 第五条第（三）项 …乡镇党委应当明确1名党委负责同志分管安全生产工作: the item names the township level
    # (its lead-in 各级党委 names none, so the duty of every Party committee keeps no level of its own)
    item = iris.item("hubei", 5, None, 3)
    assert set(graph(built, "hubei").objects(item, SKG.namesLevel)) == {iris.concept("level", "township")}
    assert bearers(built, "hubei", "第五条第（三）项") == {("party-committee", None)}


def test_frequencies_take_their_article_level(built: BuildResult) -> None:
    # 贵阳办法 第八条第（三）项 每季度召开1次安全生产例会, under 第八条's 县级以上各级地方政府: city and county
    guiyang = graph(built, "guiyang")
    frequency = iris.frequency(iris.item("guiyang", 8, None, 3), 1)
    assert set(guiyang.objects(frequency, SKG.appliesAtLevel)) == {
        iris.concept("level", "city"),
        iris.concept("level", "county"),
    }


# --- designations from four regex phrasings


def test_xinjiang_energy_administration_is_designated_twice(built: BuildResult) -> None:
    # 新疆细则 第三十三条 能源管理部门是油气管道保护领域的负有安全监管职责的部门，是能源行业综合管理部门
    found = {
        (iris.slug_of(d.organ_kind.iri), d.type_slug)
        for d in built.extractions["xinjiang-2018"].designations
        if d.ref.article == 33
    }
    assert found == {
        ("energy-administration", "supervisory-department"),
        ("energy-administration", "industry-authority"),
    }


def test_hubei_support_obligations(built: BuildResult) -> None:
    # 湖北办法 第七条 组织、宣传、政法、机构编制等对安全生产工作负有保障义务的党委职能部门; 第八条第二款 人社、财政部门…
    # 还应当对安全生产工作履行必要的保障义务
    found = {
        (d.ref.article, iris.slug_of(d.organ_kind.iri))
        for d in built.extractions["hubei"].designations
        if d.type_slug == "support-obligation"
    }
    assert found == {
        (7, "organization-department"),
        (7, "publicity-department"),
        (7, "political-legal-commission"),
        (7, "establishment-office"),
        (8, "human-resources-social-security"),
        (8, "finance"),
    }
    # and the graph says what kind of department they are
    finance = iris.organ("hubei", iris.concept("organ-kind", "finance"))
    assert (finance, RDF.type, SKG.SupportingDepartment) in graph(built, "hubei")


# --- duty kinds fooled by words inside organ names


def kinds(built: BuildResult, doc_id: str, citation: str) -> set[str | None]:
    return {iris.slug_of(d.kind.iri) if d.kind else None for d in duties(built, doc_id, citation)}


def test_duty_kinds_come_from_the_action_not_from_names(built: BuildResult) -> None:
    # 新疆细则 第七条第（四）项 加强安全生产监督管理部门领导班子和干部队伍建设: staffing, not 监督 (inspection)
    assert kinds(built, "xinjiang-2018", "第七条第（四）项") == {"staffing-and-organisation"}
    # 湖北办法 第七条 组织、宣传、政法、机构编制等…党委职能部门: 宣传 names a department, not publicity work
    assert "publicity-and-training" not in kinds(built, "hubei", "第七条")
    # 新疆细则 第六十一条 按照政府批准的“三定”规定…负责…: 批准 is what the government did, not the duty
    assert "licensing-and-approval" not in kinds(built, "xinjiang-2018", "第六十一条")
