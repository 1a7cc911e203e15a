"""The build's reasoning: the schema's closure with the rules on individuals gives exactly owlrl's closure over
everything (the sha256 of the canonical inferred graph is the same), reasoned or read from the cache."""

import hashlib
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from safetykg.build.pipeline import BuildResult
from safetykg.quality import reason

INFERRED = "https://w3id.org/safetykg/id/graph/inferred"


def _digest(graph: Graph) -> str:
    return hashlib.sha256("\n".join(sorted(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in graph)).encode()).hexdigest()


@pytest.fixture(scope="module")
def asserted(built: BuildResult) -> list[Graph]:
    return [graph for name, graph in built.graphs.items() if str(name) != INFERRED]


def test_the_two_step_closure_is_owlrls(
    asserted: list[Graph], built: BuildResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(reason.CACHE_ENVIRONMENT, "")  # reasoned, not read from a cache
    reference = reason.owlrl_inferred_triples(asserted)
    assert len(reference) > 5000
    assert _digest(reason.inferred_triples(asserted)) == _digest(reference)
    published = built.graphs[URIRef(INFERRED)]  # the build's inferred graph: owlrl's, and the graph's description
    assert set(reference) <= set(published) and len(published) - len(reference) < 20


def test_the_schemas_closure_from_the_cache_gives_the_same(
    asserted: list[Graph], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(reason.CACHE_ENVIRONMENT, str(tmp_path))
    said: list[str] = []
    first = reason.inferred_triples(asserted, said.append)
    assert list(tmp_path.glob("schema-closure-*.nt")) and not any("from" in s for s in said)
    second = reason.inferred_triples(asserted, said.append)
    assert any("the schema's closure from" in s for s in said)
    assert _digest(first) == _digest(second)


def test_a_schema_beyond_the_instance_rules_is_reasoned_whole() -> None:
    """A functional property makes owl:sameAs between individuals: owlrl reasons such a schema whole."""
    from rdflib import OWL, RDF, Namespace

    ex = Namespace("urn:example:")
    graph = Graph()
    graph.add((ex.p, RDF.type, OWL.FunctionalProperty))
    graph.add((ex.a, ex.p, ex.b))
    graph.add((ex.a, ex.p, ex.c))
    said: list[str] = []
    inferred = reason.inferred_triples([graph], said.append)
    assert any("owlrl over everything" in s for s in said)
    assert (ex.b, OWL.sameAs, ex.c) in inferred
