"""The build: sources → parsed documents → RDF named graphs → a published snapshot in dist/."""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, VOID

from safetykg import iris
from safetykg.duties import DutyExtractor, Extraction
from safetykg.errors import SourceError
from safetykg.export import canonical_nquads, serialize
from safetykg.lexicon import Vocabulary
from safetykg.metadata import extract_metadata
from safetykg.model import ParsedDocument
from safetykg.publish import write_atomic, write_manifest
from safetykg.rdf_documents import document_graph
from safetykg.rdf_duties import DutyGraphWriter
from safetykg.sources import SourceDocument, load_catalogue, parse_source

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DUMP = "safetykg.nq"
PUBLISHED_FORMATS = ("ttl", "jsonld")

Progress = Callable[[str], None]


@dataclass
class Paths:
    sources: Path = PROJECT_ROOT / "data" / "sources"
    lexicon: Path = PROJECT_ROOT / "data" / "lexicon"
    ontology: Path = PROJECT_ROOT / "ontology"
    dist: Path = PROJECT_ROOT / "dist"


@dataclass
class BuildResult:
    documents: dict[str, ParsedDocument]
    graphs: dict[URIRef, Graph]
    nquads: str
    extractions: dict[str, Extraction]
    timings: dict[str, float] = field(default_factory=dict)

    def triple_counts(self) -> dict[str, int]:
        return {str(name): len(graph) for name, graph in self.graphs.items()}


def _turtle_graph(files: list[Path]) -> Graph:
    graph = Graph()
    for path in files:
        graph.parse(path, format="turtle")
    return graph


def _describe_graphs(graphs: dict[URIRef, Graph], documents: tuple[SourceDocument, ...]) -> None:
    """Each named graph says what it is, in itself, so that its IRI dereferences like any other."""
    sources = {iris.graph(doc.id): doc for doc in documents}
    for name, graph in graphs.items():
        graph.add((name, RDF.type, VOID.Dataset))
        if name in sources:
            graph.add((name, DCTERMS.source, iris.regulation(sources[name].id)))
            graph.add((name, RDFS.label, Literal(f"{sources[name].short_title} 的命名图", lang="zh")))
            graph.add((name, RDFS.label, Literal(f"named graph of {sources[name].title_en}", lang="en")))
        else:
            slug = iris.slug_of(name)
            graph.add((name, RDFS.label, Literal(f"named graph: {slug}", lang="en")))


def assemble(paths: Paths, progress: Progress = lambda _: None) -> BuildResult:
    """Parse and convert everything in memory; nothing is written."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    catalogue = load_catalogue(paths.sources)
    documents: dict[str, ParsedDocument] = {}
    for source in catalogue.documents:
        documents[source.id] = parse_source(source)
        progress(
            f"parsed {source.id}: {len(documents[source.id].chapters)} chapters, {len(documents[source.id].articles)} articles"
        )
    timings["parse"] = time.perf_counter() - started

    started = time.perf_counter()
    graphs: dict[URIRef, Graph] = {}
    extractions: dict[str, Extraction] = {}
    ontology_files = sorted(paths.ontology.glob("*.ttl"))
    if ontology_files:
        graphs[iris.graph("ontology")] = _turtle_graph(ontology_files)
    lexicon_files = sorted(paths.lexicon.glob("*.ttl"))
    if lexicon_files:
        graphs[iris.graph("lexicon")] = _turtle_graph(lexicon_files)
    vocabulary = Vocabulary(graphs.get(iris.graph("lexicon"), Graph()))
    for source in catalogue.documents:
        if iris.jurisdiction(source.jurisdiction) not in vocabulary.concepts:
            known = ", ".join(sorted(iris.slug_of(c.iri) for c in vocabulary.in_scheme("jurisdictions")))
            message = (
                f"jurisdiction {source.jurisdiction!r} of {source.id} is not in the lexicon; expected one of: {known}"
            )
            raise SourceError(catalogue.path, 1, message)
    extractor, writer = DutyExtractor(vocabulary), DutyGraphWriter(vocabulary)
    for source in catalogue.documents:
        meta = extract_metadata(source, documents[source.id], catalogue)
        graph = document_graph(source, documents[source.id], meta, catalogue)
        extraction = extractor.extract(documents[source.id])
        writer.write(graph, source, extraction)
        extractions[source.id] = extraction
        graphs[iris.graph(source.id)] = graph
        progress(f"extracted {source.id}: {len(extraction.duties)} duties, {len(extraction.designations)} designations")
    _describe_graphs(graphs, catalogue.documents)
    timings["extract"] = time.perf_counter() - started

    started = time.perf_counter()
    nquads = canonical_nquads(graphs.items())
    timings["serialize"] = time.perf_counter() - started
    return BuildResult(documents, graphs, nquads, extractions, timings)


def publish(result: BuildResult, dist: Path, progress: Progress = lambda _: None) -> dict[str, object]:
    """Write the dumps and, last, the manifest."""
    started = time.perf_counter()
    files = {DUMP: result.nquads}
    for fmt in PUBLISHED_FORMATS:
        files[f"safetykg.{fmt}"] = serialize(result.nquads, fmt)
    for name, text in files.items():
        write_atomic(dist / name, text)
        progress(f"wrote {dist / name}")
    result.timings["publish"] = time.perf_counter() - started
    counts = result.triple_counts()
    return write_manifest(
        dist,
        files,
        {
            "graphs": dict(sorted(counts.items())),
            "triples": sum(counts.values()),
            "documents": {
                doc_id: {"chapters": len(doc.chapters), "articles": len(doc.articles)}
                for doc_id, doc in result.documents.items()
            },
        },
    )


def build(paths: Paths, progress: Progress = lambda _: None) -> BuildResult:
    result = assemble(paths, progress)
    publish(result, paths.dist, progress)
    return result
