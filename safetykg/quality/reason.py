"""OWL RL reasoning: the closure of ontology + lexicon + data, kept apart as the graph of inferred triples.

owlrl computes the closure. What the graph stores is the closure minus what was asserted, without
the trivial triples OWL RL derives for every resource (``x owl:sameAs x``). Queries and shapes that
rely on inference (class membership through rdfs:subClassOf, e.g. an organ of kind 公安部门 being an
org:Organization) read the union of the named graphs, which includes this one.
"""

from collections.abc import Iterable

import owlrl
from rdflib import OWL, RDFS, BNode, Graph, Literal


def _reasoning_input(graphs: Iterable[Graph]) -> Graph:
    """The union, less literal-valued triples whose property has no rdfs:domain: texts, labels and
    citations, which no OWL RL rule draws anything from (the closure is the same, in half the time)."""
    union = Graph()
    for graph in graphs:
        union += graph
    with_domain = set(union.subjects(RDFS.domain, None))
    kept = Graph()
    for triple in union:
        predicate = str(triple[1])
        if (
            isinstance(triple[2], Literal)
            and triple[1] not in with_domain
            and not predicate.startswith((str(OWL), str(RDFS)))
        ):
            continue
        kept.add(triple)
    return kept


def inferred_triples(graphs: Iterable[Graph]) -> Graph:
    """The triples OWL RL adds to the union of ``graphs``."""
    closure = _reasoning_input(graphs)
    asserted = set(closure)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(closure)
    inferred = Graph()
    for triple in closure:
        subject, predicate, obj = triple
        if triple in asserted or isinstance(subject, Literal):
            continue
        if predicate == OWL.sameAs and subject == obj:
            continue
        if isinstance(subject, BNode) or isinstance(obj, BNode):
            continue  # derived from the ontology's own axioms (lists, restrictions), not about the data
        inferred.add(triple)
    return inferred
