"""The SPARQL 1.1 Service Description of the endpoint, and the VoID description of the dataset."""

from typing import Any

import pyoxigraph as ox

from safetykg.core.namespaces import ID

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
VOID = "http://rdfs.org/ns/void#"
DCTERMS = "http://purl.org/dc/terms/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_RDF_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}


def _serialize(triples: list[ox.Triple], media_type: str, prefixes: dict[str, str]) -> bytes:
    fmt = _RDF_FORMATS[media_type]
    return ox.serialize(triples, format=fmt, prefixes=None if fmt == ox.RdfFormat.N_TRIPLES else prefixes) or b""


def sd(term: str) -> ox.NamedNode:
    return ox.NamedNode(SD + term)


def void(term: str) -> ox.NamedNode:
    return ox.NamedNode(VOID + term)


def service_description(endpoint: str, graphs: list[str], media_type: str) -> bytes:
    service = ox.NamedNode(endpoint)
    dataset, default_graph = ox.BlankNode("dataset"), ox.BlankNode("default")
    triples = [
        ox.Triple(service, RDF_TYPE, sd("Service")),
        ox.Triple(service, sd("endpoint"), service),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        ox.Triple(service, sd("defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), default_graph),
        ox.Triple(default_graph, RDF_TYPE, sd("Graph")),
    ]
    for name in (
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "JSON-LD",
        "N-Triples",
        "RDF_XML",
    ):
        triples.append(ox.Triple(service, sd("resultFormat"), ox.NamedNode(FORMATS + name)))
    for index, graph in enumerate(graphs):
        named = ox.BlankNode(f"named{index}")
        triples += [
            ox.Triple(dataset, sd("namedGraph"), named),
            ox.Triple(named, RDF_TYPE, sd("NamedGraph")),
            ox.Triple(named, sd("name"), ox.NamedNode(graph)),
        ]
    return _serialize(triples, media_type, {"sd": SD, "formats": FORMATS})


def void_description(base: str, manifest: dict[str, Any]) -> bytes:
    dataset = ox.NamedNode(f"{base}/void#safetykg")
    triples = [
        ox.Triple(dataset, RDF_TYPE, void("Dataset")),
        ox.Triple(
            dataset,
            ox.NamedNode(DCTERMS + "title"),
            ox.Literal("safetykg: work-safety responsibility of Party and government leaders", language="en"),
        ),
        ox.Triple(dataset, void("sparqlEndpoint"), ox.NamedNode(f"{base}/sparql")),
        ox.Triple(dataset, void("uriSpace"), ox.Literal(ID)),
        ox.Triple(
            dataset,
            void("triples"),
            ox.Literal(
                str(manifest.get("triples", 0)), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
            ),
        ),
    ]
    for name in manifest.get("files", {}):
        triples.append(ox.Triple(dataset, void("dataDump"), ox.NamedNode(f"{base}/download/{name}")))
    for graph, count in manifest.get("graphs", {}).items():
        subset = ox.NamedNode(graph)
        triples += [
            ox.Triple(dataset, void("subset"), subset),
            ox.Triple(subset, RDF_TYPE, void("Dataset")),
            ox.Triple(
                subset,
                void("triples"),
                ox.Literal(str(count), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
            ),
        ]
    return _serialize(triples, "text/turtle", {"void": VOID, "dcterms": DCTERMS})
