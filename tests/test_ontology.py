"""The ontology: labelled, defined, used consistently, and found consistent by a real OWL reasoner (HermiT)."""

import os
import shutil
from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import OWL, RDFS, SKOS

from safetykg.core.iris import SKG
from safetykg.core.resources import packaged

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = packaged("ontology") / "safetykg.ttl"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY)


def test_every_term_has_zh_and_en_labels_and_a_definition(ontology: Graph) -> None:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    terms = {s for kind in kinds for s in ontology.subjects(RDF.type, kind) if str(s).startswith(str(SKG))}
    assert len(terms) > 40
    for term in terms:
        languages = {label.language for label in ontology.objects(term, RDFS.label)}
        assert {"zh", "en"} <= languages, term
        assert any(d.language == "en" for d in ontology.objects(term, SKOS.definition)), term


def test_every_skg_term_used_in_the_data_is_declared(ontology: Graph, dist: Path) -> None:
    data = Graph().parse(dist / "safetykg.ttl")
    used = {p for p in data.predicates() if str(p).startswith(str(SKG))}
    used |= {o for o in data.objects(None, RDF.type) if isinstance(o, URIRef) and str(o).startswith(str(SKG))}
    declared = set(ontology.subjects(RDF.type, None))
    assert used - declared == set()


def java() -> str | None:
    found = shutil.which("java")
    if found is None and os.environ.get("SAFETYKG_REQUIRE_JAVA"):
        pytest.fail("java is required here (HermiT) but not installed")
    return found


def test_hermit_finds_the_ontology_consistent() -> None:
    if java() is None:
        pytest.skip("java not installed: HermiT cannot run")
    from safetykg.quality.consistency import check_consistency

    assert check_consistency([ONTOLOGY]) == []


def test_hermit_finds_ontology_lexicon_and_data_consistent(dist: Path) -> None:
    if java() is None:
        pytest.skip("java not installed: HermiT cannot run")
    from safetykg.quality.consistency import check_consistency

    assert check_consistency([dist / "safetykg.ttl"]) == []
