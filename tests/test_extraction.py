"""Organs, posts, duties, designations, levels and frequencies, checked against named articles."""

from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import ORG

from safetykg.build.pipeline import BuildResult
from safetykg.core import iris
from safetykg.core.iris import SKG
from safetykg.core.resources import packaged
from safetykg.extract.duties import Duty
from safetykg.lexicon.vocabulary import Vocabulary

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary.load(packaged("lexicon"))


def duties(built: BuildResult, doc_id: str, citation_prefix: str) -> list[Duty]:
    short = {
        "national-2018": "中央规定",
        "guiyang": "贵阳办法",
        "hubei": "湖北办法",
        "hebei": "河北细则",
        "xinjiang-2018": "新疆细则",
    }[doc_id]
    return [
        d for d in built.extractions[doc_id].duties if d.ref.citation(short).startswith(f"{short} {citation_prefix}")
    ]


def bearer(duty: Duty) -> tuple[str, str | None]:
    return iris.slug_of(duty.bearer.organ_kind.iri), iris.slug_of(duty.bearer.role.iri) if duty.bearer.role else None


def in_duty_chapter(built: BuildResult, doc_id: str) -> list[Duty]:
    return [
        d
        for d in built.extractions[doc_id].duties
        if d.chapter_function is not None and iris.slug_of(d.chapter_function.iri) == "duties"
    ]


def test_duty_counts_follow_the_items(built: BuildResult) -> None:
    # 中央规定 第五、六、八条 six items each, 第七条 one paragraph, 第九条 five items
    assert len(in_duty_chapter(built, "national-2018")) == 6 + 6 + 1 + 6 + 5
    # 贵阳办法 第五条 7, 第六条 9, 第七条 lead + 20 sub-items, 第八条 12, 第九条 7, and 第五条第（六）项's second
    # sentence: 市、县党委理论学习中心组每年至少安排1次…集中学习 (the theory study group, a bearer of its own)
    assert len(in_duty_chapter(built, "guiyang")) == 7 + 9 + 1 + 20 + 12 + 7 + 1


def test_duties_outside_the_duty_chapters_have_bearers(built: BuildResult) -> None:
    # 中央规定 第十四条第一款 党委组织部门…应当考察; 第十六条 上级党委和政府应当…给予表彰奖励;
    # 第二十六条 由纪检监察机关、组织人事部门和安全生产监管部门…分别负责
    assert {bearer(d) for d in duties(built, "national-2018", "第十四条第一款")} == {("organization-department", None)}
    assert {bearer(d) for d in duties(built, "national-2018", "第十六条")} == {
        ("party-committee", None),
        ("government", None),
    }
    assert {bearer(d) for d in duties(built, "national-2018", "第二十六条")} == {
        ("discipline-inspection-supervision", None),
        ("organization-department", None),
        ("safety-supervision-administration", None),
    }
    functions = {
        iris.slug_of(d.chapter_function.iri) for d in duties(built, "national-2018", "第十六条") if d.chapter_function
    }
    assert functions == {"rewards"}  # 第四章 表彰奖励
    # 湖北办法 第十七条 (第四章 监督检查): the annual report of principal leaders, the safety committee's evaluation
    assert {bearer(d) for d in duties(built, "hubei", "第十七条第一款")} == {
        ("party-committee", "principal-leader"),
        ("government", "principal-leader"),
        ("supervisory-departments", "principal-leader"),
    }
    assert {bearer(d) for d in duties(built, "hubei", "第十七条第二款")} == {("safety-committee", None)}
    # 新疆细则 第六十九条第二款 安全生产委员会办公室应当…综合评定; 第七十条 党委组织部门…应当考察
    assert {bearer(d) for d in duties(built, "xinjiang-2018", "第六十九条第二款")} == {
        ("safety-committee-office", None)
    }
    assert {bearer(d) for d in duties(built, "xinjiang-2018", "第七十条")} >= {("organization-department", None)}
    # 河北细则 第十三条 各级党委、政府负责对本级党政领导干部…进行监督检查
    assert {bearer(d) for d in duties(built, "hebei", "第十三条")} == {("party-committee", None), ("government", None)}


def test_conditions_and_permissions_oblige_no_one(built: BuildResult) -> None:
    # 中央规定 第十八条: the circumstances that trigger accountability; 第二十二条 可以从轻、减轻
    assert duties(built, "national-2018", "第十八条") == []
    assert duties(built, "national-2018", "第二十二条") == []
    # 河北细则 第二十七条 党政领导干部对…负有领导责任且…的，…都应当严格追究其责任: the cadres are pursued, not obliged
    assert duties(built, "hebei", "第二十七条") == []


def test_hubei_binds_organs_not_posts(built: BuildResult) -> None:
    # 湖北办法 第二条: 各级党委和政府及其工作部门负责人履行个人安全生产职责的，依照…细则 — not in this rule:
    # its chapter on duties binds organs only
    assert all(d.bearer.role is None for d in in_duty_chapter(built, "hubei"))
    assert {bearer(d) for d in duties(built, "hubei", "第五条")} == {("party-committee", None)}
    # 第六条 各级政府应当…; its item （四） adds: 各级安全生产委员会在本级政府直接领导下，负责…组织协调…
    assert {bearer(d) for d in duties(built, "hubei", "第六条")} == {("government", None), ("safety-committee", None)}
    assert {bearer(d) for d in duties(built, "hubei", "第六条第（四）项")} == {
        ("government", None),
        ("safety-committee", None),
    }
    # 第八条第二款 各级人社、财政部门: two organs, one duty each
    assert {bearer(d) for d in duties(built, "hubei", "第八条第二款")} == {
        ("human-resources-social-security", None),
        ("finance", None),
    }


def test_hebei_article_10_items_name_their_own_posts(built: BuildResult) -> None:
    found: dict[int | None, set[tuple[str, str | None]]] = {}
    for duty in duties(built, "hebei", "第十条"):
        found.setdefault(duty.ref.item, set()).add(bearer(duty))
    named = ("safety-supervision-administration", "public-security", "housing-and-urban-rural-development")
    named += ("transport", "quality-supervision")  # 安全监管、公安、住房城乡建设、交通运输、质监等部门
    assert found == {
        1: {("supervisory-departments", "leading-cadre")},  # 各级政府负有安全生产监管职责部门的领导干部
        # （二）主要负责人对本部门…; its second paragraph: 安全监管、公安…等部门的主要负责人每半年至少带队检查1次
        2: {("supervisory-departments", "principal-leader")} | {(kind, "principal-leader") for kind in named},
        # （三）分管安全生产工作负责人…; 安全监管、公安…等部门的分管安全生产的负责人每季度至少带队检查1次
        3: {("supervisory-departments", "deputy-in-charge-of-safety")}
        | {(kind, "deputy-in-charge-of-safety") for kind in named},
        4: {("supervisory-departments", "other-leadership-members")},  # （四）其他负责人…
    }


def test_guiyang_article_7_sub_items_are_duties_of_the_member_in_charge(built: BuildResult) -> None:
    # 第七条第（二）项 分管纪检监察工作的党委班子成员职责：1. 2. 3.
    found = duties(built, "guiyang", "第七条第（二）项")
    assert [d.ref.subitem for d in found] == [1, 2, 3]
    assert {bearer(d) for d in found} == {("party-committee", "member-in-charge-of-discipline-inspection")}
    # the article's own sentence is a duty of the other members: 每年至少参加1次安全生产督查检查或调研
    lead = [d for d in duties(built, "guiyang", "第七条") if d.ref.item is None]
    assert [bearer(d) for d in lead] == [("party-committee", "other-leadership-members")]


def test_xinjiang_department_paragraphs(built: BuildResult) -> None:
    # 第十八条第二款 各部门（单位）分管安全工作的负责人…; 第三款 各部门（单位）领导班子成员…
    assert [bearer(d) for d in duties(built, "xinjiang-2018", "第十八条第二款")] == [
        ("departments-and-units", "deputy-in-charge-of-safety")
    ]
    assert [bearer(d) for d in duties(built, "xinjiang-2018", "第十八条第三款")] == [
        ("departments-and-units", "leadership-team-member")
    ]
    # 第二十二条 公安部门…其主要负责人的安全生产职责主要包括：（一）–（七）
    assert {bearer(d) for d in duties(built, "xinjiang-2018", "第二十二条")} == {
        ("public-security", "principal-leader")
    }
    assert len(duties(built, "xinjiang-2018", "第二十二条")) == 7


def test_level_qualifiers(built: BuildResult) -> None:
    # 中央规定 第六条 县级以上地方各级政府主要负责人
    levels = {d.level.levels for d in duties(built, "national-2018", "第六条") if d.level}
    assert levels == {("provincial", "city", "county")}
    # 新疆细则 第二十一条第二款 自治区经济和信息化委员会主要负责人的安全生产职责还应包括：
    (extra,) = duties(built, "xinjiang-2018", "第二十一条第二款")
    assert extra.level is not None and extra.level.levels == ("provincial",)
    assert bearer(extra) == ("industry-and-information-technology", "principal-leader")


def test_designations_of_xinjiang(built: BuildResult) -> None:
    found = {
        (d.ref.article, iris.slug_of(d.organ_kind.iri), d.type_slug, frozenset(iris.slug_of(c.iri) for c in d.domains))
        for d in built.extractions["xinjiang-2018"].designations
    }
    # 第二十二条 公安部门是消防、道路交通和危险物品公共安全领域的负有安全监管职责的部门
    assert (
        22,
        "public-security",
        "supervisory-department",
        frozenset({"fire-protection", "road-traffic", "hazardous-materials"}),
    ) in found
    # 第二十条 安全生产监督管理部门是安全生产的综合监管部门
    assert (20, "safety-supervision-administration", "comprehensive-supervisor", frozenset()) in found
    # 第三十九条 教育部门是教育行业主管部门
    assert (39, "education", "industry-authority", frozenset({"schools"})) in found
    # 第二十条至第六十一条: every department designated in Arts 21–38 is a supervisory department
    supervisory = {a for a, _, t, _ in found if t == "supervisory-department"}
    assert supervisory == set(range(21, 39))


def test_term_matching_counts_synonyms_and_skips_longer_words(vocabulary: Vocabulary) -> None:
    matcher = vocabulary.matcher("domains")
    slugs = lambda text: [iris.slug_of(c.iri) for c in matcher.concepts_in(text)]  # noqa: E731
    assert slugs("组织实施职责范围内的非煤矿山、危险化学品、烟花爆竹领域的安全生产许可") == [
        "non-coal-mines",
        "hazardous-chemicals",
        "fireworks",
    ]
    assert slugs("民爆物品生产销售领域") == slugs("民用爆炸物品生产、销售环节") == ["civilian-explosives"]
    assert slugs("监督、指导焰火晚会、灯会") == ["large-public-events"]


def test_graph_links(built: BuildResult) -> None:
    graph = Graph()
    for name, part in built.graphs.items():
        if name != iris.graph("ontology"):
            graph += part
    duties_seen = 0
    for duty in graph.subjects(RDF.type, SKG.Duty):
        duties_seen += 1
        bearers = list(graph.objects(duty, SKG.bearer))
        assert len(bearers) == 1, duty
        source = graph.value(duty, SKG.source)
        assert isinstance(source, URIRef) and graph.value(source, SKG.citation) is not None, duty
        assert (bearers[0], RDF.type, SKG.Post) in graph or (bearers[0], RDF.type, SKG.Organ) in graph
    assert duties_seen == sum(len(e.duties) for e in built.extractions.values())
    post = iris.post(
        "xinjiang", iris.concept("organ-kind", "public-security"), iris.concept("role", "principal-leader")
    )
    organ = graph.value(post, ORG.postIn)
    assert organ == iris.organ("xinjiang", iris.concept("organ-kind", "public-security"))
    assert graph.value(organ, SKG.jurisdiction) == iris.jurisdiction("xinjiang")
    assert (organ, RDF.type, SKG.SupervisoryDepartment) in graph  # designated by 第二十二条
