"""OWL RL reasoning: the closure of ontology + lexicon + data, kept apart as the graph of inferred triples.

What the graph stores is the closure minus what was asserted, without the trivial triples OWL RL derives for
every resource (``x owl:sameAs x``) and without what the ontology's own axioms (lists, restrictions) give. Queries
and shapes that rely on inference (class membership through rdfs:subClassOf, e.g. an organ of kind 公安部门 being
an org:Organization) read the union of the named graphs, which includes this one.

The closure is computed in two steps, with the same result as owlrl over everything (``owlrl_inferred_triples``,
the reference; tests/test_reasoning.py checks they agree):

1. **The schema**: owlrl over the schema triples only (class and property axioms, with one literal of each
   datatype the data uses). It changes only when the ontology does, so its closure is kept between builds in the
   user's cache folder, keyed by the sha256 of its triples.
2. **The individuals**: the rules OWL RL applies to data, given the schema's closure, to a fixpoint: sub- and
   equivalent properties, inverse, symmetric and transitive properties, domains and ranges, sub- and equivalent
   classes. The ontology uses no construct beyond these on individuals (no restrictions, keys, property chains or
   functional properties): a schema that does is reasoned by owlrl over everything instead.
"""

import hashlib
import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

import owlrl
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.term import Node

Triple = tuple[Node, Node, Node]
SCHEMA_PREDICATES = {
    RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range, OWL.equivalentClass, OWL.equivalentProperty,
    OWL.inverseOf, OWL.disjointWith, OWL.propertyDisjointWith, OWL.members, OWL.distinctMembers, RDF.first,
    RDF.rest,
}  # fmt: skip
# Constructs whose rules reach individuals beyond the second step's: a schema with one is reasoned by owlrl whole.
BEYOND_INSTANCE_RULES = {
    OWL.onProperty, OWL.someValuesFrom, OWL.allValuesFrom, OWL.hasValue, OWL.intersectionOf, OWL.unionOf,
    OWL.complementOf, OWL.oneOf, OWL.propertyChainAxiom, OWL.hasKey, OWL.sameAs, OWL.differentFrom,
}  # fmt: skip
BEYOND_INSTANCE_TYPES = {
    OWL.FunctionalProperty, OWL.InverseFunctionalProperty, OWL.IrreflexiveProperty, OWL.AsymmetricProperty,
    OWL.Restriction,
}  # fmt: skip
_META = (str(OWL), str(RDFS))
CACHE_ENVIRONMENT = "SAFETYKG_CACHE"


def _reasoning_input(graphs: Iterable[Graph]) -> set[Triple]:
    """The union, less literal-valued triples whose property has no rdfs:domain: texts, labels and
    citations, which no OWL RL rule draws anything from (the closure is the same, in half the time)."""
    union: set[Triple] = set()
    for graph in graphs:
        union.update(graph.triples((None, None, None)))
    with_domain = {subject for subject, predicate, _ in union if predicate == RDFS.domain}
    return {
        (subject, predicate, obj)
        for subject, predicate, obj in union
        if not isinstance(obj, Literal) or predicate in with_domain or str(predicate).startswith(_META)
    }


def _graph(triples: Iterable[Triple]) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


def _owlrl(graph: Graph) -> None:
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(graph)


def _published(closure: Iterable[Triple], asserted: set[Triple]) -> Graph:
    """The inferred triples the graph keeps: not asserted, not trivial, not about the ontology's own axioms."""
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


def owlrl_inferred_triples(graphs: Iterable[Graph]) -> Graph:
    """The triples OWL RL adds to the union of ``graphs``, by owlrl over everything (the reference)."""
    asserted = _reasoning_input(graphs)
    closure = _graph(asserted)
    _owlrl(closure)
    return _published(closure, asserted)


def inferred_triples(graphs: Iterable[Graph], progress: Callable[[str], None] = lambda _: None) -> Graph:
    """The triples OWL RL adds to the union of ``graphs``: the schema's closure (kept between builds), then the
    rules on individuals (see the module's docstring)."""
    asserted = _reasoning_input(graphs)
    schema = Graph()
    datatypes: dict[tuple[object, object], Triple] = {}
    for triple in asserted:
        _, predicate, obj = triple
        if predicate in BEYOND_INSTANCE_RULES or (predicate == RDF.type and obj in BEYOND_INSTANCE_TYPES):
            progress("reasoning with owlrl over everything: the schema uses constructs beyond the instance rules")
            closure = _graph(asserted)
            _owlrl(closure)
            return _published(closure, asserted)
        if predicate in SCHEMA_PREDICATES or (predicate == RDF.type and str(obj).startswith(_META)):
            schema.add(triple)
        elif isinstance(obj, Literal):  # owlrl draws datatype facts from the literals it sees: one of each
            kind = (obj.datatype, obj.language)
            if kind not in datatypes or _order(triple) < _order(datatypes[kind]):
                datatypes[kind] = triple
    for triple in datatypes.values():
        schema.add(triple)
    schema_closure = _schema_closure(schema, progress)
    return _published(_individuals(schema_closure, asserted), asserted)


def _order(triple: Triple) -> str:
    return " ".join(term.n3() for term in triple)


def _schema_closure(schema: Graph, progress: Callable[[str], None]) -> set[Triple]:
    """owlrl's closure of the schema, from the cache when the same schema was reasoned before. Blank nodes (the
    lists of owl:AllDisjointClasses) enter the key by their shape; the closure kept is the part about named
    things, which is all the rules on individuals read (and the graph keeps nothing about blank nodes or
    literals as subjects)."""
    shape = sorted(
        " ".join("_" if isinstance(term, BNode) else term.n3() for term in triple)
        for triple in schema
        if any(isinstance(term, BNode) for term in triple)
    )
    named = sorted(
        f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in schema if not isinstance(s, BNode) and not isinstance(o, BNode)
    )
    key = hashlib.sha256("\n".join([*named, "#", *shape]).encode()).hexdigest()
    folder = _cache_folder()
    cached = folder / f"schema-closure-{key}.nt" if folder is not None else None
    if cached is not None and cached.is_file():
        graph = Graph()
        graph.parse(cached, format="nt")
        progress(f"the schema's closure from {cached}")
        return set(graph)
    _owlrl(schema)
    closure = {t for t in schema if isinstance(t[0], URIRef) and not isinstance(t[2], BNode)}
    if cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            temp = cached.with_suffix(f".{os.getpid()}.tmp")
            kept = Graph()
            for triple in closure:
                kept.add(triple)
            kept.serialize(temp, format="nt", encoding="utf-8")
            temp.replace(cached)
        except OSError as err:  # a read-only home: the build goes on, the next one reasons the schema again
            progress(f"the schema's closure was not kept ({err})")
    return closure


def _cache_folder() -> Path | None:
    """Where the schema's closure is kept between builds: $SAFETYKG_CACHE, else the user's cache folder."""
    chosen = os.environ.get(CACHE_ENVIRONMENT)
    if chosen is not None:
        return Path(chosen) if chosen else None  # empty: no cache
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "safetykg"


def _individuals(schema: set[Triple], asserted: set[Triple]) -> set[Triple]:
    """The fixpoint of OWL RL's rules on individuals (prp-spo1, prp-eqp, prp-inv, prp-symp, prp-trp, prp-dom,
    prp-rng, cax-sco, cax-eqc) over the asserted triples, given the schema's closure."""
    supers_class: defaultdict[Node, set[Node]] = defaultdict(set)
    supers_property: defaultdict[Node, set[Node]] = defaultdict(set)
    domains: defaultdict[Node, set[Node]] = defaultdict(set)
    ranges: defaultdict[Node, set[Node]] = defaultdict(set)
    inverse: defaultdict[Node, set[Node]] = defaultdict(set)
    transitive: set[Node] = set()
    symmetric: set[Node] = set()
    for subject, predicate, obj in schema:
        if predicate == RDFS.subClassOf:
            supers_class[subject].add(obj)
        elif predicate == OWL.equivalentClass:
            supers_class[subject].add(obj)
            supers_class[obj].add(subject)
        elif predicate == RDFS.subPropertyOf:
            supers_property[subject].add(obj)
        elif predicate == OWL.equivalentProperty:
            supers_property[subject].add(obj)
            supers_property[obj].add(subject)
        elif predicate == RDFS.domain:
            domains[subject].add(obj)
        elif predicate == RDFS.range:
            ranges[subject].add(obj)
        elif predicate == OWL.inverseOf:
            inverse[subject].add(obj)
            inverse[obj].add(subject)
        elif predicate == RDF.type and obj == OWL.TransitiveProperty:
            transitive.add(subject)
        elif predicate == RDF.type and obj == OWL.SymmetricProperty:
            symmetric.add(subject)
    facts = asserted | schema
    todo = set(facts)
    while todo:
        new: set[Triple] = set()
        for subject, predicate, obj in todo:
            new.update((subject, q, obj) for q in supers_property.get(predicate, ()))
            new.update((subject, RDF.type, d) for d in domains.get(predicate, ()))
            if not isinstance(obj, Literal):
                new.update((obj, q, subject) for q in inverse.get(predicate, ()))
                new.update((obj, RDF.type, r) for r in ranges.get(predicate, ()))
                if predicate in symmetric:
                    new.add((obj, predicate, subject))
            if predicate == RDF.type:
                new.update((subject, RDF.type, d) for d in supers_class.get(obj, ()))
        for prop in transitive:
            new |= _transitive(prop, facts | new)
        todo = new - facts
        facts |= todo
    return facts


def _transitive(prop: Node, facts: set[Triple]) -> set[Triple]:
    pairs: defaultdict[Node, set[Node]] = defaultdict(set)
    for subject, predicate, obj in facts:
        if predicate == prop:
            pairs[subject].add(obj)
    reached: set[Triple] = set()
    for start in pairs:
        stack, seen = list(pairs[start]), set()
        while stack:
            node = stack.pop()
            if node not in seen:
                seen.add(node)
                stack.extend(pairs.get(node, ()))
        reached.update((start, prop, node) for node in seen)
    return reached
