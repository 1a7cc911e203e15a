"""Accountability and committee extraction: every node cites its provision and keeps words the provision has."""

from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef

from safetykg.build.pipeline import BuildResult
from safetykg.core import iris
from safetykg.core.iris import SKG
from safetykg.core.resources import packaged
from safetykg.corpus.passages import passages
from safetykg.extract.accountability import Accountability, AccountabilityExtractor
from safetykg.lexicon.vocabulary import Vocabulary

ROOT = Path(__file__).resolve().parent.parent
CLASSES = (
    SKG.AccountabilityTrigger,
    SKG.MeasureListing,
    SKG.AggravatingCircumstance,
    SKG.MitigatingCircumstance,
    SKG.Exemption,
    SKG.PursuitRule,
    SKG.VetoRule,
    SKG.LifetimeAccountability,
    SKG.AccidentGradeRule,
    SKG.ReportingRequirement,
    SKG.CommitteeSeat,
)
# literal properties whose values must be words of the node's own text
WORDS_OF_THE_TEXT = (
    SKG.vetoEffect,
    SKG.condition,
    SKG.engagedPartyAndGovernment,
    SKG.engagedSupervisoryDepartments,
    SKG.engagedLeaders,
    SKG.recipientText,
)


@pytest.fixture(scope="module")
def graph(built: BuildResult) -> Graph:
    union = Graph()
    for name, part in built.graphs.items():
        if name != iris.graph("ontology"):
            union += part
    return union


@pytest.fixture(scope="module")
def found(built: BuildResult) -> dict[str, Accountability]:
    extractor = AccountabilityExtractor(Vocabulary.load(packaged("lexicon")))
    return {doc_id: extractor.extract(doc) for doc_id, doc in built.documents.items()}


def test_every_node_cites_its_provision_and_keeps_its_words(graph: Graph) -> None:
    counted = 0
    for kind in CLASSES:
        for node in graph.subjects(RDF.type, kind):
            counted += 1
            provision = graph.value(node, SKG.source)
            assert isinstance(provision, URIRef) and graph.value(provision, SKG.citation) == graph.value(
                node, SKG.citation
            ), node
            assert graph.value(node, SKG.jurisdiction) is not None, node
            text = graph.value(node, SKG.text)
            provision_text = graph.value(provision, SKG.text)
            assert isinstance(text, Literal) and text.language == "zh", node
            assert str(text) in str(provision_text), node  # nothing invented: the provision says it
            for prop in WORDS_OF_THE_TEXT:
                for value in graph.objects(node, prop):
                    assert str(value) in str(text), (node, prop)
    assert counted > 150


def test_measures_come_from_the_measure_lexicon_ranked_by_severity(graph: Graph) -> None:
    ranks = {}
    for listing in graph.subjects(RDF.type, SKG.MeasureListing):
        measure = graph.value(listing, SKG.measure)
        ranks[iris.slug_of(measure)] = int(graph.value(measure, SKG.severityRank))  # type: ignore[arg-type]
        assert graph.value(listing, SKG.measureTarget) in {
            iris.concept("accountability-target", "individual"),
            iris.concept("accountability-target", "organ"),
        }
    assert sorted(ranks, key=ranks.__getitem__) == [
        "interview",
        "written-examination",
        "notice",
        "admonition",
        "suspension-for-examination",
        "post-adjustment",
        "ordered-resignation",
        "demotion",
        "removal",
        "sanction",
    ]


def test_guiyang_discipline_sanction_is_a_sanction(found: dict[str, Accountability]) -> None:
    # 贵阳办法 第十九条 …或者纪律处分等方式问责: 纪律处分 is the lexicon's 处分
    measures = [m.measure.pref_zh for m in found["guiyang"].measures]
    assert measures[0] == "约谈" and measures[-1] == "处分"


def test_circumstances_are_items_where_the_article_lists_them(found: dict[str, Accountability]) -> None:
    hubei = [(c.kind, c.ref.article, c.ref.item) for c in found["hubei"].circumstances]
    assert hubei.count(("aggravating", 13, None)) == 0  # the lead "…从重追究责任：" is not one
    assert [item for kind, article, item in hubei if kind == "aggravating"] == list(range(1, 9))


def test_nothing_is_found_outside_the_text(found: dict[str, Accountability], built: BuildResult) -> None:
    for doc_id, accountability in found.items():
        texts = {p.ref: p.text for p in passages(built.documents[doc_id])}
        for trigger in accountability.triggers:
            assert texts[trigger.ref] == trigger.text
        for pursuit in accountability.pursuits:
            assert pursuit.clause in texts[pursuit.ref]
        for listing in accountability.measures:
            assert listing.clause in texts[listing.ref]
            assert any(label in listing.clause for label in listing.measure.labels_zh)


def test_organs_pursuing_accountability_are_the_jurisdictions_organs(graph: Graph) -> None:
    rule = URIRef(f"{iris.ID}pursuit/national-2018/article/26/1")
    organs = set(graph.objects(rule, SKG.pursuedBy))
    assert organs == {
        iris.organ("china", iris.concept("organ-kind", slug))
        for slug in (
            "discipline-inspection-supervision",
            "organization-department",
            "safety-supervision-administration",
        )
    }
    for organ in organs:
        assert graph.value(organ, SKG.jurisdiction) == iris.jurisdiction("china")


def test_committee_seats_are_held_by_the_same_posts_that_bear_duties(graph: Graph) -> None:
    # 贵阳办法 第四条第二款 and 第八条: the government leader in charge of work safety is executive vice-chair
    # and bears the duties of 第八条 — one post node
    post = iris.post(
        "guiyang", iris.concept("organ-kind", "government"), iris.concept("role", "deputy-in-charge-of-safety")
    )
    assert (post, SKG.committeeRole, iris.concept("role", "executive-vice-chair")) in graph
    assert any(graph.subjects(SKG.bearer, post))
    committee = iris.organ("guiyang", iris.concept("organ-kind", "safety-committee"))
    assert (committee, RDF.type, SKG.SafetyCommittee) in graph
