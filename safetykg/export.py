"""Deterministic RDF dumps: the same dataset always serialises to the same bytes.

N-Triples and N-Quads are written line-sorted. The other formats are written from a dataset whose
triples were inserted in that sorted order, so that rdflib's output order is fixed as well.
JSON-LD uses an inline context, never a remote one.
"""

from collections.abc import Iterable

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from safetykg.iris import ELI, ID, ORG, PROV, SKG

FORMATS = {
    "nq": ("nquads", "application/n-quads"),
    "nt": ("nt", "application/n-triples"),
    "ttl": ("turtle", "text/turtle"),
    "trig": ("trig", "application/trig"),
    "jsonld": ("json-ld", "application/ld+json"),
    "xml": ("xml", "application/rdf+xml"),
}
GRAPH_FORMATS = {"nq", "trig", "jsonld"}  # formats that keep the named graphs; the others merge them

PREFIXES = {
    "skg": str(SKG),
    "id": ID,
    "eli": str(ELI),
    "org": str(ORG),
    "prov": str(PROV),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
}

NamedGraphs = Iterable[tuple[URIRef, Graph]]


def canonical_nquads(graphs: NamedGraphs) -> str:
    lines: set[str] = set()
    for name, graph in graphs:
        for line in graph.serialize(format="nt").splitlines():
            if line.strip():
                lines.add(f"{line[:-1].rstrip()} <{name}> .")
    return "".join(line + "\n" for line in sorted(lines))


def _ordered_dataset(nquads: str) -> Dataset:
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True, replace=True)
    dataset.parse(data=nquads, format="nquads")
    return dataset


def serialize(nquads: str, fmt: str) -> str:
    """Serialise a canonical N-Quads dump into one of FORMATS."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if fmt == "nq":
        return nquads
    if fmt == "nt":
        triples = {line.rsplit(" <", 1)[0] + " ." for line in nquads.splitlines()}
        return "".join(line + "\n" for line in sorted(triples))
    dataset = _ordered_dataset(nquads)
    if fmt == "jsonld":
        return dataset.serialize(format="json-ld", context=PREFIXES, auto_compact=True, indent=1, sort_keys=True)
    if fmt == "trig":
        return dataset.serialize(format="trig")
    union = Graph()
    for prefix, namespace in PREFIXES.items():
        union.bind(prefix, namespace, override=True, replace=True)
    for triple in sorted(dataset.triples((None, None, None))):
        union.add(triple)
    return union.serialize(format=FORMATS[fmt][0])
