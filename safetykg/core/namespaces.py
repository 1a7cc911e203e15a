"""The one home of the base IRI: safetykg's namespaces and prefixes as plain strings (no RDF library).

The serving side reads these; the build side mints its RDF terms from them in ``safetykg.core.iris``.
"""

BASE = "https://w3id.org/safetykg/"
ID = BASE + "id/"
ONTOLOGY = BASE + "ontology"
SKG = ONTOLOGY + "#"
GRAPHS = ID + "graph/"
SHAPES = BASE + "shapes#"

ELI = "http://data.europa.eu/eli/ontology#"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"

PREFIXES = {
    "skg": SKG,
    "id": ID,
    "eli": ELI,
    "org": ORG,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
}

SHARED_GRAPHS = ("ontology", "lexicon", "inferred")  # named graphs that are not a document's


def graph_iri(name: str) -> str:
    """A named graph: one per document, plus ``ontology``, ``lexicon`` and ``inferred``."""
    return GRAPHS + name
