"""Structural shapes against valid and invalid example graphs, and a second SHACL engine's opinion."""

import re
from pathlib import Path

import pyrudof
import pyshacl
import pytest
from rdflib import RDF, BNode, Graph, URIRef
from rdflib.namespace import SH

from safetykg.core.resources import packaged
from safetykg.corpus.catalogue import load_catalogue
from safetykg.quality.requirements import load_requirements
from safetykg.quality.shapes import completeness_shapes
from safetykg.quality.validate import node_shape

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = Path(__file__).parent / "shapes"
STRUCTURAL = Graph().parse(packaged("shapes") / "structural.ttl")
SHAPES = sorted(str(s).rsplit("#", 1)[1] for s in STRUCTURAL.subjects(RDF.type, SH.NodeShape))


def only(shapes: Graph, name: str) -> Graph:
    """The shape and everything it reaches (its property shapes and their blank nodes)."""
    subset, frontier = Graph(), [URIRef(f"https://w3id.org/safetykg/shapes#{name}")]
    seen: set[object] = set()
    while frontier:
        node = frontier.pop()
        if node in seen:
            continue
        seen.add(node)
        for triple in shapes.triples((node, None, None)):
            subset.add(triple)
            if isinstance(triple[2], BNode) or str(triple[2]).startswith(f"https://w3id.org/safetykg/shapes#{name}"):
                frontier.append(triple[2])
    return subset


def by_pyshacl(data: Graph, shapes: Graph) -> set[tuple[str, str]]:
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True)
    assert isinstance(report, Graph)
    found = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        source = report.value(result, SH.sourceShape)
        assert source is not None
        found.add((str(report.value(result, SH.focusNode)), str(node_shape(shapes, source)).rsplit("#", 1)[1]))
    return found


def by_pyrudof(data: Graph, shapes: Graph) -> set[tuple[str, str]]:
    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    rudof.read_data(data.serialize(format="turtle"))
    rudof.read_shacl(shapes.serialize(format="turtle"))
    report = rudof.validate_shacl()
    found = set()
    for entry in report.violations:
        shape = str(entry.source_shape).rsplit("#", 1)[-1]
        shape = re.sub(r"^(\w+Shape)-.*$", r"\1", re.sub(r"--(duty|stated)$", "", shape))
        found.add((str(entry.focus_node), shape))
    return found


@pytest.mark.parametrize("shape", SHAPES)
def test_valid_example_conforms(shape: str) -> None:
    data = Graph().parse(EXAMPLES / f"valid.{shape}.ttl")
    shapes = only(STRUCTURAL, shape)
    assert by_pyshacl(data, shapes) == set()
    assert by_pyrudof(data, shapes) == set()


@pytest.mark.parametrize("shape", SHAPES)
def test_invalid_example_violates_that_shape_in_both_engines(shape: str) -> None:
    data = Graph().parse(EXAMPLES / f"invalid.{shape}.ttl")
    shapes = only(STRUCTURAL, shape)
    found = by_pyshacl(data, shapes)
    assert found and {s for _, s in found} == {shape}
    assert by_pyrudof(data, shapes) == found


def test_every_structural_shape_has_both_examples_and_messages_in_zh_and_en() -> None:
    assert len(SHAPES) == 10
    for shape in SHAPES:
        assert (EXAMPLES / f"valid.{shape}.ttl").exists() and (EXAMPLES / f"invalid.{shape}.ttl").exists()
    for message_holder in set(STRUCTURAL.subjects(SH.message, None)):
        assert {m.language for m in STRUCTURAL.objects(message_holder, SH.message)} == {"zh", "en"}  # type: ignore[attr-defined]


def test_both_engines_agree_on_the_built_graph(dist: Path) -> None:
    data = Graph().parse(dist / "safetykg.ttl")
    catalogue = load_catalogue(packaged("sources"))
    written = completeness_shapes(
        list(catalogue.documents), load_requirements(packaged("requirements")), catalogue.baseline()
    )
    shapes = Graph().parse(packaged("shapes") / "structural.ttl").parse(data=written, format="turtle")
    by_one, by_other = by_pyshacl(data, shapes), by_pyrudof(data, shapes)
    assert by_one == by_other
    assert {focus.rsplit("/", 1)[-1] for focus, _ in by_one} == {
        "hubei"
    }  # the only findings: Hubei's (see test_completeness.py)
