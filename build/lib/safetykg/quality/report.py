"""The validation report in each of its formats: JSON, CSV, Markdown, HTML, an SVG heatmap, or the SHACL
report graph as Turtle, rendered from the completeness rows."""

import csv
import io
import json
from dataclasses import asdict
from html import escape

from rdflib import URIRef

from safetykg.core.snapshot import REPORT_FORMATS
from safetykg.quality.completeness import Row
from safetykg.quality.validate import ValidationOutcome
from safetykg.rdf.export import canonical_nquads, serialize

STATUS_COLOURS = {"ok": "#2e7d32", "warning": "#f9a825", "violation": "#c62828"}


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
