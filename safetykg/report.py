"""The validation report for reviewers: jurisdiction × requirement rows with status, message,
national article and evidence, as JSON, CSV, Markdown, HTML, SVG heatmap, or the SHACL report graph."""

import csv
import io
import json
from dataclasses import asdict, dataclass
from html import escape
from typing import Literal as Literal_

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import ORG, RDFS, SKOS
from rdflib.paths import MulPath
from rdflib.term import Node

from safetykg import iris
from safetykg.export import canonical_nquads, serialize
from safetykg.iris import ELI, SKG
from safetykg.requirements import REQUIREMENTS, Requirement, national_article_label
from safetykg.sources import SourceDocument
from safetykg.validate import ValidationOutcome

REPORT_FORMATS = ("json", "csv", "md", "html", "svg", "ttl")
ONE_OR_MORE: Literal_["+"] = "+"
STATUS_COLOURS = {"ok": "#2e7d32", "warning": "#f9a825", "violation": "#c62828"}


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
    sources: list[Node] = []
    for duty in graph.subjects(SKG.jurisdiction, place):
        if (duty, RDF.type, SKG.Duty) not in graph:
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
    lang: str = "zh",
) -> list[Row]:
    by_shape = {(f.shape, f.focus): f for f in outcome.findings if f.requirement is not None}
    values: dict[tuple[str, str], list[str]] = {}
    for f in outcome.findings:
        if f.requirement is not None and f.value:
            values.setdefault((f.shape, f.focus), []).append(f.value)
    rows = []
    for source in sources:
        for requirement in REQUIREMENTS:
            shape = f"https://w3id.org/safetykg/shapes#{source.id}--{requirement.id}"
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
                    nationalArticle=national_article_label(requirement.national_article, lang)
                    if requirement.national_article
                    else "",
                    evidence=evidence,
                    explanation=explanation,
                )
            )
    return rows


def render(rows: list[Row], outcome: ValidationOutcome, fmt: str, lang: str = "zh") -> str:
    if fmt == "json":
        return (
            json.dumps({"conforms": outcome.conforms, "rows": [asdict(r) for r in rows]}, ensure_ascii=False, indent=1)
            + "\n"
        )
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(
            ["jurisdiction", "requirement", "status", "message", "nationalArticle", "evidence", "explanation"]
        )
        writer.writerows(
            [
                r.jurisdiction,
                r.requirement,
                r.status,
                r.message,
                r.nationalArticle,
                "；".join(r.evidence),
                r.explanation,
            ]
            for r in rows
        )
        return buffer.getvalue()
    if fmt == "md":
        return _markdown(rows, lang)
    if fmt == "html":
        return _html(rows, lang)
    if fmt == "svg":
        return heatmap_svg(rows)
    if fmt == "ttl":  # blank nodes labelled by content, triples sorted: the same report gives the same bytes
        return serialize(canonical_nquads([(URIRef("urn:safetykg:validation-report"), outcome.report)]), "ttl")
    raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(REPORT_FORMATS)}")


def _matrix(rows: list[Row]) -> tuple[list[str], list[str], dict[tuple[str, str], Row]]:
    places = list(dict.fromkeys(r.jurisdiction for r in rows))
    requirements = list(dict.fromkeys(r.requirementLabel for r in rows))
    return places, requirements, {(r.jurisdiction, r.requirementLabel): r for r in rows}


SYMBOLS = {"ok": "✓", "warning": "⚠", "violation": "✗"}


def _markdown(rows: list[Row], lang: str) -> str:
    places, requirements, cells = _matrix(rows)
    out = [
        "| " + ("要求" if lang == "zh" else "requirement") + " | " + " | ".join(places) + " |",
        "|---|" + "---|" * len(places),
    ]
    for requirement in requirements:
        out.append(f"| {requirement} | " + " | ".join(SYMBOLS[cells[(p, requirement)].status] for p in places) + " |")
    out.append("")
    for row in rows:
        if row.status != "ok":
            out.append(
                f"- **{row.jurisdiction} · {row.requirementLabel}** ({row.status}): {row.message}"
                + (f" — {row.explanation}" if row.explanation else "")
            )
    return "\n".join(out) + "\n"


def _html(rows: list[Row], lang: str) -> str:
    places, requirements, cells = _matrix(rows)
    head = "".join(f"<th>{escape(p)}</th>" for p in places)
    body = []
    for requirement in requirements:
        tds = []
        for place in places:
            row = cells[(place, requirement)]
            detail = escape(row.message or "；".join(row.evidence[:3]))
            tds.append(
                f'<td style="background:{STATUS_COLOURS[row.status]};color:#fff" title="{detail}">{SYMBOLS[row.status]} {escape(row.status)}</td>'
            )
        body.append(f"<tr><th>{escape(requirement)}</th>{''.join(tds)}</tr>")
    details = "".join(
        f"<li><b>{escape(r.jurisdiction)} · {escape(r.requirementLabel)}</b> — {escape(r.status)}: {escape(r.message or '')} {escape(r.explanation)}"
        f"<br><small>{escape('；'.join(r.evidence[:5]))}</small></li>"
        for r in rows
    )
    title = "完整性检查" if lang == "zh" else "Completeness"
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f"<h1>{title}</h1><table border=1 cellpadding=4><tr><th></th>{head}</tr>{''.join(body)}</table><ul>{details}</ul></body></html>\n"
    )


def heatmap_svg(rows: list[Row]) -> str:
    places, requirements, cells = _matrix(rows)
    cell_w, cell_h, left, top = 110, 28, 260, 40
    width, height = left + cell_w * len(places) + 10, top + cell_h * len(requirements) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="13">'
    ]
    for i, place in enumerate(places):
        parts.append(
            f'<text x="{left + i * cell_w + cell_w / 2}" y="{top - 12}" text-anchor="middle">{escape(place)}</text>'
        )
    for j, requirement in enumerate(requirements):
        y = top + j * cell_h
        parts.append(f'<text x="{left - 8}" y="{y + 19}" text-anchor="end">{escape(requirement)}</text>')
        for i, place in enumerate(places):
            row = cells[(place, requirement)]
            parts.append(
                f'<rect x="{left + i * cell_w}" y="{y}" width="{cell_w - 2}" height="{cell_h - 2}" fill="{STATUS_COLOURS[row.status]}">'
                f"<title>{escape(row.message or row.status)}</title></rect>"
                f'<text x="{left + i * cell_w + cell_w / 2}" y="{y + 19}" text-anchor="middle" fill="#fff">{SYMBOLS[row.status]}</text>'
            )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
