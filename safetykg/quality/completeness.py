"""The completeness rows for reviewers: jurisdiction × requirement, with status, message, national article
and evidence. Rendering them (JSON, CSV, Markdown, HTML, SVG, Turtle) is ``safetykg.quality.report``'s job."""

from dataclasses import dataclass
from typing import Literal as Literal_

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import ORG, RDFS, SKOS
from rdflib.paths import MulPath
from rdflib.term import Node

from safetykg.core import iris
from safetykg.core.iris import ELI, SKG
from safetykg.core.namespaces import SHAPES
from safetykg.corpus.catalogue import SourceDocument
from safetykg.quality.requirements import Requirement, national_article_label, requirements_for
from safetykg.quality.validate import ValidationOutcome

ONE_OR_MORE: Literal_["+"] = "+"


@dataclass(frozen=True)
class Row:
    jurisdiction: str
    document: str
    requirement: str
    requirementLabel: str  # the report's field names are a contract (camelCase)
    status: str
    message: str
    nationalArticle: str
    evidence: list[str]
    explanation: str


def _citation(graph: Graph, node: Node) -> str:
    value = graph.value(node, SKG.citation)
    return str(value) if value is not None else str(node)


def _line(graph: Graph, node: Node) -> int:
    value = graph.value(node, SKG.sourceLine)
    return int(value) if isinstance(value, Literal) else 0


def _role_duties(graph: Graph, place: URIRef, requirement: Requirement, organ_only: bool) -> list[str]:
    role = iris.concept("role", requirement.role or "")
    kind = iris.concept("organ-kind", requirement.organ_kind or "")
    function = iris.concept("chapter-function", requirement.chapter_function) if requirement.chapter_function else None
    sources: list[Node] = []
    for duty in graph.subjects(SKG.jurisdiction, place):
        if (duty, RDF.type, SKG.Duty) not in graph:
            continue
        if function is not None and (duty, SKG.chapterFunction, function) not in graph:
            continue
        bearer = graph.value(duty, SKG.bearer)
        if organ_only:
            matches = (bearer, RDF.type, SKG.Organ) in graph and graph.value(bearer, SKG.organKind) == kind
        else:
            matches = (
                graph.value(bearer, ORG.role) == role
                and graph.value(graph.value(bearer, ORG.postIn), SKG.organKind) == kind
            )
        source = graph.value(duty, SKG.source)
        if matches and source is not None:
            sources.append(source)
    return [_citation(graph, s) for s in sorted(set(sources), key=lambda s: _line(graph, s))]


def _deferred(graph: Graph, document: URIRef, lang: str) -> str:
    """Documents outside the corpus that the rule's articles cite: where its missing parts may be."""
    cited = []
    for article in graph.subjects(MulPath(ELI.is_part_of, ONE_OR_MORE), document):
        for target in graph.objects(article, ELI.cites):
            if graph.value(target, SKG.inCorpus) == Literal(False):
                title = next(
                    (str(t) for t in graph.objects(target, ELI.title) if isinstance(t, Literal) and t.language == "zh"),
                    str(target),
                )
                cited.append((_line(graph, article), _citation(graph, article), title))
    if not cited:
        return ""
    parts = [f"{citation}《{title}》" for _, citation, title in sorted(set(cited))]
    if lang == "zh":
        return "；该规定引用的" + "、".join(parts) + "不在语料中"
    return "; it refers to " + ", ".join(parts) + ", which is not in the corpus"


def _label(graph: Graph, node: Node, lang: str) -> str:
    labels = [
        str(v)
        for p in (SKOS.prefLabel, RDFS.label)
        for v in graph.objects(node, p)
        if isinstance(v, Literal) and v.language == lang
    ]
    return labels[0] if labels else str(node)


def _evidence_and_explanation(
    graph: Graph, source: SourceDocument, requirement: Requirement, status: str, lang: str, values: list[str]
) -> tuple[list[str], str]:
    document, place = iris.regulation(source.id), iris.jurisdiction(source.jurisdiction)
    if requirement.local_check:
        failing = sorted({_label(graph, URIRef(v), lang) for v in values})
        if not failing:
            return [], ""
        if lang == "zh":
            return failing, "涉及：" + "、".join(failing)
        return failing, "concerns: " + ", ".join(failing)
    if requirement.role:
        if status == "ok":
            return _role_duties(graph, place, requirement, organ_only=False), ""
        organ_duties = _role_duties(graph, place, requirement, organ_only=True)
        if organ_duties:
            if lang == "zh":
                why = f"该规定把职责赋予机关本身而非岗位（如{organ_duties[0]}）"
            else:
                why = f"the rule gives these duties to the organ itself, not to posts (e.g. {organ_duties[0]})"
            return organ_duties, why + _deferred(graph, document, lang)
        return [], _deferred(graph, document, lang).lstrip("；; ")
    if requirement.node_class is not None:
        nodes = [n for n in graph.subjects(SKG.jurisdiction, place) if (n, RDF.type, requirement.node_class) in graph]
        provisions = {p for p in (graph.value(n, SKG.source) for n in nodes) if p is not None}
        evidence = [_citation(graph, p) for p in sorted(provisions, key=lambda p: _line(graph, p))]
        return evidence, "" if evidence else (
            "全文没有写明该事项的条款" if lang == "zh" else "no article of the text states it"
        )
    provision = {"interpreter": SKG.interpretationProvision, "entry-into-force": SKG.entryIntoForceProvision}.get(
        requirement.id
    )
    value = graph.value(document, provision) if provision is not None else None
    if value is None:
        return [], ("全文没有写明该事项的条款" if lang == "zh" else "no article of the text states it")
    stated = graph.value(document, requirement.property) if requirement.property else None
    stated = stated or (graph.value(document, requirement.alternative) if requirement.alternative else None)
    return [_citation(graph, value) + (f"：{stated}" if stated is not None else "")], ""


def completeness_rows(
    graph: Graph,
    sources: list[SourceDocument],
    outcome: ValidationOutcome,
    jurisdiction_labels: dict[str, str],
    requirements: tuple[Requirement, ...],
    baseline: SourceDocument | None,
    lang: str = "zh",
) -> list[Row]:
    by_shape = {(f.shape, f.focus): f for f in outcome.findings if f.requirement is not None}
    values: dict[tuple[str, str], list[str]] = {}
    for f in outcome.findings:
        if f.requirement is not None and f.value:
            values.setdefault((f.shape, f.focus), []).append(f.value)
    rows = []
    for source in sources:
        for requirement in requirements_for(requirements, source):
            shape = f"{SHAPES}{source.id}--{requirement.id}"
            finding = by_shape.get((shape, str(iris.regulation(source.id))))
            status = finding.severity if finding else "ok"
            message = (finding.message_zh if lang == "zh" else finding.message_en) if finding else ""
            key = (shape, str(iris.regulation(source.id)))
            evidence, explanation = _evidence_and_explanation(
                graph, source, requirement, status, lang, values.get(key, [])
            )
            rows.append(
                Row(
                    jurisdiction=jurisdiction_labels.get(source.jurisdiction, source.jurisdiction),
                    document=source.short_title if lang == "zh" else source.short_title_en,
                    requirement=requirement.id,
                    requirementLabel=requirement.label_zh if lang == "zh" else requirement.label_en,
                    status=status,
                    message=message,
                    nationalArticle=national_article_label(requirement.national_article, lang, baseline)
                    if requirement.national_article and baseline
                    else "",
                    evidence=evidence,
                    explanation=explanation,
                )
            )
    return rows
