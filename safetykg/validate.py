"""Validation: the shapes in shapes/ run on ontology + lexicon + data + inferred triples (pyshacl).

Structural shapes (shapes/structural.ttl) guard the graph's integrity: a violation stops the build.
Completeness shapes (shapes/completeness.ttl, one per jurisdiction and requirement) are findings
about the rules themselves: they go into the report, they do not stop the build.
"""

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyshacl
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from safetykg.iris import SKG


@dataclass(frozen=True)
class Finding:
    focus: str
    shape: str  # the node shape (for a property constraint, the node shape that holds it)
    requirement: str | None  # completeness requirement id; None for a structural shape
    severity: str  # "violation", "warning" or "info"
    message_zh: str
    message_en: str
    path: str | None
    value: str | None


@dataclass
class ValidationOutcome:
    conforms: bool
    report: Graph
    findings: list[Finding]
    seconds: float

    def structural_violations(self) -> list[Finding]:
        return [f for f in self.findings if f.requirement is None and f.severity == "violation"]


class StructuralViolations(Exception):
    """The graph breaks structural shapes; it must not be published."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        lines = [f"{len(findings)} structural violation(s); nothing was published:"]
        lines += [f"  {f.focus}: {f.message_en}" + (f" ({f.value})" if f.value else "") for f in findings[:50]]
        if len(findings) > 50:
            lines.append(f"  … and {len(findings) - 50} more")
        super().__init__("\n".join(lines))


def load_shapes(folder: Path) -> Graph:
    shapes = Graph()
    for path in sorted(folder.glob("*.ttl")):
        shapes.parse(path, format="turtle")
    return shapes


def validate(data_graphs: Iterable[Graph], shapes: Graph) -> ValidationOutcome:
    data = Graph()
    for graph in data_graphs:
        data += graph
    started = time.perf_counter()
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True)
    seconds = time.perf_counter() - started
    assert isinstance(report, Graph)
    return ValidationOutcome(bool(conforms), report, findings(report, shapes), seconds)


def node_shape(shapes: Graph, shape: Node) -> Node:
    """The node shape a property shape (or an sh:or member) belongs to."""
    for predicate in (SH.property, SH["or"]):
        for parent in shapes.subjects(predicate, shape):
            return parent
    for parent in shapes.subjects(RDF.first, shape):  # a member of an sh:or list
        head = parent
        while (previous := next(shapes.subjects(RDF.rest, head), None)) is not None:
            head = previous
        owner = next(shapes.subjects(SH["or"], head), None)
        if owner is not None:
            return node_shape(shapes, owner) if not isinstance(owner, URIRef) else owner
    return shape


def _message(report: Graph, shapes: Graph, result: Node, shape: Node, lang: str) -> str:
    for source in (report.objects(result, SH.resultMessage), shapes.objects(shape, SH.message)):
        for message in source:
            if isinstance(message, Literal) and message.language == lang:
                return str(message)
    fallback = report.value(result, SH.resultMessage)
    return str(fallback) if fallback is not None else ""


def findings(report: Graph, shapes: Graph) -> list[Finding]:
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        source = report.value(result, SH.sourceShape)
        assert source is not None, f"validation result {result} has no source shape"
        shape = node_shape(shapes, source)
        requirement = shapes.value(shape, SKG.requirement) if isinstance(shape, URIRef) else None
        severity = str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1].lower()
        path, value = report.value(result, SH.resultPath), report.value(result, SH.value)
        found.append(
            Finding(
                focus=str(report.value(result, SH.focusNode)),
                shape=str(shape),
                requirement=str(requirement) if requirement is not None else None,
                severity=severity,
                message_zh=_message(report, shapes, result, shape, "zh"),
                message_en=_message(report, shapes, result, shape, "en"),
                path=str(path) if isinstance(path, URIRef) else None,
                value=str(value) if value is not None else None,
            )
        )
    return sorted(found, key=lambda f: (f.shape, f.focus, f.value or ""))
