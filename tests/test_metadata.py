"""Document metadata as the texts state it."""

from rdflib import Literal, URIRef
from rdflib.namespace import SKOS, XSD

from safetykg.build.pipeline import BuildResult
from safetykg.core import iris
from safetykg.core.iris import ELI, SKG


def value(built: BuildResult, doc_id: str, prop: URIRef) -> object:
    return built.graphs[iris.graph(doc_id)].value(iris.regulation(doc_id), prop)


def test_national_in_force_date_from_article_29(built: BuildResult) -> None:
    # 第二十九条 本规定自2018年4月8日起施行。
    assert value(built, "national-2018", ELI.first_date_entry_in_force) == Literal("2018-04-08", datatype=XSD.date)
    assert value(built, "national-2018", SKG.entryIntoForceProvision) == iris.article("national-2018", 29)


def test_rules_without_a_date_keep_their_wording(built: BuildResult) -> None:
    assert str(value(built, "guiyang", SKG.entryIntoForceRule)) == "自下发之日起施行"  # 第二十九条
    assert str(value(built, "hubei", SKG.entryIntoForceRule)) == "自发布之日起施行"  # 第二十条
    assert str(value(built, "hebei", SKG.entryIntoForceRule)) == "自印发之日起施行"  # 第三十一条
    assert value(built, "hebei", ELI.first_date_entry_in_force) is None


def test_xinjiang_header_metadata(built: BuildResult) -> None:
    assert str(value(built, "xinjiang-2018", ELI.number)) == "新党厅字〔2018〕76号"
    assert value(built, "xinjiang-2018", ELI.date_document) == Literal("2018-09-18", datatype=XSD.date)
    # 第八十六条 本细则自2018年9月18日起施行
    assert value(built, "xinjiang-2018", ELI.first_date_entry_in_force) == Literal("2018-09-18", datatype=XSD.date)
    assert str(value(built, "xinjiang-2018", SKG.effectivenessLevel)) == "地方党内法规"


def test_issuers(built: BuildResult) -> None:
    graph = built.graphs[iris.graph("national-2018")]
    issuers = graph.objects(iris.regulation("national-2018"), ELI.passed_by)
    labels = {str(label) for i in issuers for label in graph.objects(i, SKOS.prefLabel) if label.language == "zh"}
    assert labels == {"中共中央办公厅", "国务院办公厅"}
    assert value(built, "guiyang", ELI.passed_by) is None  # the Guiyang text names no issuer


def test_repeals(built: BuildResult) -> None:
    # 河北 第三十一条 …《河北省安全生产“党政同责、一岗双责”暂行规定》同时废止
    hebei = built.graphs[iris.graph("hebei")]
    repealed = hebei.value(iris.regulation("hebei"), ELI.repeals)
    assert Literal("河北省安全生产“党政同责、一岗双责”暂行规定", lang="zh") in set(hebei.objects(repealed, ELI.title))
    # 新疆 第八十六条 …2011年1月26日印发的《新疆维吾尔自治区人民政府安全生产职责规定》（新政发〔2011〕14号）同时废止
    xinjiang = built.graphs[iris.graph("xinjiang-2018")]
    repealed = xinjiang.value(iris.regulation("xinjiang-2018"), ELI.repeals)
    assert str(xinjiang.value(repealed, ELI.number)) == "新政发〔2011〕14号"
    assert xinjiang.value(repealed, ELI.date_document) == Literal("2011-01-26", datatype=XSD.date)
    assert xinjiang.value(repealed, SKG.inCorpus) == Literal(False)


def test_interpreters(built: BuildResult) -> None:
    assert str(value(built, "national-2018", SKG.interpretedBy)) == "应急管理部商中共中央组织部"  # 第二十八条
    assert str(value(built, "guiyang", SKG.interpretedBy)) == "市安全生产综合监管部门商市委组织部"  # 第二十八条
    assert str(value(built, "hebei", SKG.interpretedBy)) == "省安全生产监督管理局商省委组织部"  # 第三十条
    assert str(value(built, "xinjiang-2018", SKG.interpretedBy)) == "自治区党委"  # 第八十五条
    assert str(value(built, "xinjiang-2018", SKG.interpretationWorkBy)).startswith(
        "自治区党委办公厅商自治区安全生产监督管理局"
    )
    assert value(built, "hubei", SKG.interpretedBy) is None  # the Hubei measures name no interpreter


def test_basis_and_citations(built: BuildResult) -> None:
    guiyang = built.graphs[iris.graph("guiyang")]
    basis = set(guiyang.objects(iris.regulation("guiyang"), ELI.based_on))
    notice = iris.cited_document("notice-promulgating-national-2018")
    assert notice in basis  # 第一条 …的通知》（厅字〔2018〕13号）
    assert str(guiyang.value(notice, ELI.number)) == "厅字〔2018〕13号"
    assert guiyang.value(notice, SKG.promulgates) == iris.regulation("national-2018")
    # 第二十四条 cites the CPC accountability regulations
    assert iris.cited_document("cpc-accountability-regulations") in set(
        guiyang.objects(iris.regulation("guiyang"), ELI.cites)
    )
    hebei = built.graphs[iris.graph("hebei")]
    assert iris.regulation("national-2018") in set(hebei.objects(iris.regulation("hebei"), ELI.based_on))
    national = built.graphs[iris.graph("national-2018")]
    law = iris.cited_document("prc-work-safety-law")
    assert Literal("中华人民共和国安全生产法", lang="zh") in set(national.objects(law, ELI.title))


def test_every_local_rule_implements_the_national_one(built: BuildResult) -> None:
    for doc_id in ("guiyang", "hubei", "hebei", "xinjiang-2018"):
        assert value(built, doc_id, SKG.implements) == iris.regulation("national-2018")
    assert value(built, "national-2018", SKG.implements) is None


def test_jurisdictions(built: BuildResult) -> None:
    expected = {
        "national-2018": "china",
        "guiyang": "guiyang",
        "hubei": "hubei",
        "hebei": "hebei",
        "xinjiang-2018": "xinjiang",
    }
    for doc_id, place in expected.items():
        assert value(built, doc_id, ELI.jurisdiction) == iris.jurisdiction(place)
