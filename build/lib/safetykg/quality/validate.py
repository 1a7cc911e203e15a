"""Validation: the shapes in shapes/ run on ontology + lexicon + data + inferred triples.

The build validates with rudof (pyrudof, Rust), which takes under a second here; the tests run the
same shapes on the same data with pyshacl as a second opinion and require the same findings.

Structural shapes (shapes/structural.ttl) guard the graph's integrity: a violation stops the build.
Completeness shapes (shapes/completeness.ttl, one per jurisdiction and requirement) are findings
about the rules themselves: they go into the report, they do not stop the build.
"""

import time
from collections.abc import Iterable
from dataclasses import dataclass

import pyrudof
import pyshacl
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from safetykg.core.errors import SafetykgError
from safetykg.core.iris import SKG
from safetykg.core.resources import Folders, merged_files


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


class StructuralViolations(SafetykgError):
    """The graph breaks structural shapes; it must not be published."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        lines = [f"{len(findings)} structural violation(s); nothing was published:"]
        lines += [f"  {f.focus}: {f.message_en}" + (f" ({f.value})" if f.value else "") for f in findings[:50]]
        if len(findings) > 50:
            lines.append(f"  … and {len(findings) - 50} more")
        super().__init__("\n".join(lines))


def load_shapes(folders: Folders) -> Graph:
    shapes = Graph()
    for path in merged_files(folders, "*.ttl"):
        shapes.parse(path, format="turtle")
    return shapes


def validate(nquads: str, shapes: Graph) -> ValidationOutcome:
    """Validate the dataset (N-Quads; every named graph counts) against the shapes with rudof."""
    started = time.perf_counter()
    shapes = _name_blank_shapes(shapes)  # so that the engine's report names every shape exactly
    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    rudof.read_data(nquads, format=pyrudof.RDFFormat.NQuads)
    rudof.read_shacl(shapes.serialize(format="turtle"))
    result = rudof.validate_shacl()
    report = Graph().parse(
        data=rudof.serialize_shacl_validation_results(format=pyrudof.ResultShaclValidationFormat.Turtle),
        format="turtle",
    )
    report = _top_level_results(report, shapes)
    seconds = time.perf_counter() - started
    return ValidationOutcome(bool(result.conforms), report, findings(report, shapes), seconds)


_PATH_EXPRESSIONS = {SH.inversePath, SH.alternativePath, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath}


def _name_blank_shapes(shapes: Graph) -> Graph:
    """Give blank-node shapes IRIs (path expressions and RDF lists stay blank, as SHACL requires).
    The names are arbitrary; they appear only on nested shapes, whose results the report drops, so
    the published report stays the same from build to build (every top-level shape here is named)."""
    names: dict[Node, URIRef] = {}
    for subject, predicate, _ in shapes:
        is_shape = str(predicate).startswith(str(SH)) and predicate not in _PATH_EXPRESSIONS
        if isinstance(subject, BNode) and is_shape and (subject, RDF.first, None) not in shapes:
            names.setdefault(subject, URIRef(f"urn:safetykg:shape:{subject}"))
    named = Graph()
    for s, p, o in shapes:
        named.add((names.get(s, s), p, names.get(o, o)))
    return named


def _shape_messages(shapes: Graph, source: Node) -> list[Node]:
    """The messages of the constraint that failed, or else of the node shape that holds it."""
    return list(shapes.objects(source, SH.message)) or list(shapes.objects(node_shape(shapes, source), SH.message))


def _top_level_results(report: Graph, shapes: Graph) -> Graph:
    """The report without the results of nested shapes, which the top-level results already cover."""
    kept = Graph()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        source = report.value(result, SH.sourceShape)
        if source is None or not _is_top_level(shapes, source):
            continue
        for triple in report.triples((None, SH.result, result)):
            kept.add(triple)
        frontier: list[Node] = [result]
        while frontier:
            node = frontier.pop()
            for triple in report.triples((node, None, None)):
                if (node == result and triple[1] == SH.resultMessage) or triple[1] == SH.detail:
                    continue  # the engine's wording and nested details name internal shapes; the shape's messages replace them
                kept.add(triple)
                if isinstance(triple[2], BNode):
                    frontier.append(triple[2])
        for message in _shape_messages(shapes, source):
            kept.add((result, SH.resultMessage, message))
    for report_node in report.subjects(RDF.type, SH.ValidationReport):
        kept.add((report_node, RDF.type, SH.ValidationReport))
        kept += report.triples((report_node, SH.conforms, None))
    return kept


def validate_with_pyshacl(data_graphs: Iterable[Graph], shapes: Graph) -> ValidationOutcome:
    """The same validation with pyshacl, the second opinion."""
    data = Graph()
    for graph in data_graphs:
        data += graph
    started = time.perf_counter()
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True)
    seconds = time.perf_counter() - started
    assert isinstance(report, Graph)
    return ValidationOutcome(bool(conforms), report, findings(report, shapes), seconds)


def node_shape(shapes: Graph, shape: Node) -> Node:
    """The node shape that holds a constraint: up through sh:property, sh:or lists and nested shapes."""
    for _ in range(12):
        if (shape, RDF.type, SH.NodeShape) in shapes and (None, SH.property, shape) not in shapes:
            return shape
        parent = next(shapes.subjects(SH.property, shape), None) or next(shapes.subjects(SH["or"], shape), None)
        if parent is None:
            for nesting in (SH["not"], SH.node, SH.qualifiedValueShape):
                parent = parent or next(shapes.subjects(nesting, shape), None)
        if parent is None and (head := next(shapes.subjects(RDF.first, shape), None)) is not None:
            while (previous := next(shapes.subjects(RDF.rest, head), None)) is not None:
                head = previous
            parent = head
        if parent is None:
            return shape
        shape = parent
    return shape


def _nested(shapes: Graph, shape: Node) -> bool:
    return any((None, p, shape) in shapes for p in (SH["not"], SH.node, SH.qualifiedValueShape, RDF.first))


def _is_top_level(shapes: Graph, shape: Node) -> bool:
    """A node shape of its own, or a constraint directly on one — not a shape nested inside sh:or,
    sh:not, sh:node or a qualified shape (some engines also report those inner results; the
    top-level result already covers them)."""
    if (shape, RDF.type, SH.NodeShape) in shapes and not _nested(shapes, shape):
        return True
    return any(not _nested(shapes, parent) for parent in shapes.subjects(SH.property, shape))


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
        if not _is_top_level(shapes, source):
            continue
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
