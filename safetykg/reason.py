"""OWL RL reasoning: the closure of ontology + lexicon + data, kept apart as the graph of inferred triples.

owlrl computes the closure. What the graph stores is the closure minus what was asserted, without
the trivial triples OWL RL derives for every resource (``x owl:sameAs x``). Queries and shapes that
rely on inference (class membership through rdfs:subClassOf, e.g. an organ of kind 公安部门 being an
org:Organization) read the union of the named graphs, which includes this one.
"""

from collections.abc import Iterable

import owlrl
from rdflib import OWL, BNode, Graph, Literal


def inferred_triples(graphs: Iterable[Graph]) -> Graph:
    """The triples OWL RL adds to the union of ``graphs``."""
    closure = Graph()
    for graph in graphs:
        closure += graph
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
