"""Deterministic RDF dumps: the same dataset always serialises to the same bytes.

The canonical dump is N-Quads, line-sorted, with blank nodes labelled by content. Every other format
is written by pyoxigraph from that dump in that order, so its bytes are fixed too. JSON-LD carries
its prefixes as an inline context, never a remote one.
"""

import json
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.compare import to_canonical_graph

from safetykg.core.namespaces import PREFIXES

FORMATS = {
    "nq": ("nquads", "application/n-quads"),
    "nt": ("nt", "application/n-triples"),
    "ttl": ("turtle", "text/turtle"),
    "trig": ("trig", "application/trig"),
    "jsonld": ("json-ld", "application/ld+json"),
    "xml": ("xml", "application/rdf+xml"),
}
GRAPH_FORMATS = {"nq", "trig", "jsonld"}  # formats that keep the named graphs; the others merge them


_OX_FORMATS = {
    "nt": ox.RdfFormat.N_TRIPLES,
    "ttl": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}

NamedGraphs = Iterable[tuple[URIRef, Graph]]


def _with_stable_blank_nodes(graph: Graph) -> Graph:
    """Relabel blank nodes (OWL axioms such as owl:AllDisjointClasses use them) by their content."""
    if any(isinstance(term, BNode) for triple in graph for term in triple):
        return to_canonical_graph(graph)
    return graph


def canonical_nquads(graphs: NamedGraphs) -> str:
    lines: set[str] = set()
    for name, graph in graphs:
        for line in _with_stable_blank_nodes(graph).serialize(format="nt").splitlines():
            if line.strip():
                lines.add(f"{line[:-1].rstrip()} <{name}> .")
    return "".join(line + "\n" for line in sorted(lines))


def serialize(nquads: str, fmt: str) -> str:
    """Serialise a canonical N-Quads dump into one of FORMATS, keeping its sorted order."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if fmt == "nq":
        return nquads
    quads = list(ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    if fmt in GRAPH_FORMATS:
        data: list[ox.Quad] | list[ox.Triple] = quads
    else:
        data = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=str)
    output = ox.serialize(data, format=_OX_FORMATS[fmt], prefixes=None if fmt == "nt" else PREFIXES)
    assert output is not None
    text = output.decode("utf-8")
    return _compact_jsonld(text) if fmt == "jsonld" else text


def _compact_iri(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and not iri[len(namespace) :].startswith("/"):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _compact_node(node: object) -> object:
    if isinstance(node, list):
        return [_compact_node(value) for value in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, object] = {}
    for key, value in node.items():
        if key == "@id":
            out[key] = _compact_iri(value)
        elif key == "@type":
            out[key] = [_compact_iri(v) for v in value] if isinstance(value, list) else _compact_iri(value)
        elif key.startswith("@"):
            out[key] = _compact_node(value)
        else:
            out[_compact_iri(key)] = _compact_node(value)
    return out


def _compact_jsonld(expanded: str) -> str:
    """Wrap pyoxigraph's expanded JSON-LD in an inline prefix context and shorten IRIs with it."""
    document = {"@context": PREFIXES, "@graph": _compact_node(json.loads(expanded))}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
