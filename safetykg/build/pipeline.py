"""The build: sources → parsed documents → RDF named graphs → a published snapshot in dist/."""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, VOID

from safetykg.build.publish import write_atomic, write_manifest, write_store
from safetykg.core import iris
from safetykg.core.errors import SourceError
from safetykg.core.resources import DataFolders, Folders, merged_files
from safetykg.core.snapshot import DUMP, PUBLISHED_FORMATS, REPORT_FILES
from safetykg.corpus.catalogue import SourceDocument, load_catalogue, parse_source
from safetykg.corpus.metadata import extract_metadata
from safetykg.corpus.reading import PrintedForms, reading_copy
from safetykg.corpus.model import ParsedDocument
from safetykg.extract.accountability import AccountabilityExtractor
from safetykg.extract.alignment import Aligner
from safetykg.extract.committees import CommitteeReader
from safetykg.extract.duties import DutyExtractor, Extraction
from safetykg.lexicon.vocabulary import Concept, Vocabulary
from safetykg.quality.completeness import Row, completeness_rows
from safetykg.quality.reason import inferred_triples
from safetykg.quality.report import render as render_report
from safetykg.quality.requirements import load_requirements
from safetykg.quality.shapes import completeness_shapes
from safetykg.quality.validate import StructuralViolations, ValidationOutcome, load_shapes, validate
from safetykg.rdf.accountability import AccountabilityGraphWriter
from safetykg.rdf.alignment import write_alignment
from safetykg.rdf.committees import write_committee_seats
from safetykg.rdf.documents import document_graph
from safetykg.rdf.duties import DutyGraphWriter
from safetykg.rdf.export import canonical_nquads, serialize

Progress = Callable[[str], None]


@dataclass
class Paths:
    """Where a build reads from (layered folders: packaged data first, a user's folder over it) and writes to."""

    sources: Folders = field(default_factory=lambda: DataFolders().layers("sources"))
    lexicon: Folders = field(default_factory=lambda: DataFolders().layers("lexicon"))
    ontology: Folders = field(default_factory=lambda: DataFolders().layers("ontology"))
    shapes: Folders = field(default_factory=lambda: DataFolders().layers("shapes"))
    requirements: Folders = field(default_factory=lambda: DataFolders().layers("requirements"))
    dist: Path = field(default_factory=lambda: Path("dist"))

    @classmethod
    def of(cls, data: DataFolders, dist: Path | None = None) -> "Paths":
        return cls(
            data.layers("sources"),
            data.layers("lexicon"),
            data.layers("ontology"),
            data.layers("shapes"),
            data.layers("requirements"),
            dist or Path("dist"),
        )


@dataclass
class BuildResult:
    documents: dict[str, ParsedDocument]
    graphs: dict[URIRef, Graph]
    nquads: str
    extractions: dict[str, Extraction]
    timings: dict[str, float] = field(default_factory=dict)
    validation: ValidationOutcome | None = None
    report_rows: dict[str, list[Row]] = field(default_factory=dict)

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
        parsed = documents[source.id] = parse_source(source)
        sections = sum(len(chapter.sections) for chapter in parsed.chapters)
        progress(
            f"parsed {source.id}: {len(parsed.printed_chapters)} chapters"
            + (f", {sections} sections" if sections else "")
            + f", {len(parsed.articles)} articles"
            + (f" ({len(parsed.dropped)} lines of page furniture dropped)" if parsed.dropped else "")
        )
    timings["parse"] = time.perf_counter() - started

    started = time.perf_counter()
    graphs: dict[URIRef, Graph] = {}
    extractions: dict[str, Extraction] = {}
    ontology_files = merged_files(paths.ontology, "*.ttl")
    if ontology_files:
        graphs[iris.graph("ontology")] = _turtle_graph(ontology_files)
    lexicon_files = merged_files(paths.lexicon, "*.ttl")
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
    accountability, committees = AccountabilityExtractor(vocabulary), CommitteeReader(vocabulary)
    accountability_writer = AccountabilityGraphWriter(vocabulary)
    for source in catalogue.documents:
        meta = extract_metadata(source, documents[source.id], catalogue)
        graph = document_graph(source, documents[source.id], meta, catalogue)
        reading = reading_copy(documents[source.id], source.profile.layout)  # half-width punctuation read full-width
        printed = PrintedForms(documents[source.id], reading, kept=(Concept,))
        extraction = extractor.extract(reading, source.jurisdiction)
        seats = printed.of(committees.read(reading, extraction))
        extraction = printed.of(extraction)
        writer.write(graph, source, extraction)
        accountability_writer.write(graph, source, printed.of(accountability.extract(reading)))
        write_committee_seats(graph, vocabulary, source, seats)
        extractions[source.id] = extraction
        graphs[iris.graph(source.id)] = graph
        progress(f"extracted {source.id}: {len(extraction.duties)} duties, {len(extraction.designations)} designations")
    aligner = Aligner(documents)
    for source in catalogue.documents:
        if source.implements:  # local against national, into the local rule's graph
            national = next(s for s in catalogue.documents if s.id == source.implements)
            found = aligner.align(
                documents[national.id], extractions[national.id], documents[source.id], extractions[source.id]
            )
            write_alignment(graphs[iris.graph(source.id)], source, national, found)
    _describe_graphs(graphs, catalogue.documents)
    timings["extract"] = time.perf_counter() - started

    started = time.perf_counter()
    inferred = inferred_triples(graphs.values(), progress)
    graphs[iris.graph("inferred")] = inferred
    _describe_graphs({iris.graph("inferred"): inferred}, ())
    timings["reason"] = time.perf_counter() - started
    progress(f"reasoned: {len(inferred)} inferred triples")

    started = time.perf_counter()
    nquads = canonical_nquads(graphs.items())
    timings["serialize"] = time.perf_counter() - started

    started = time.perf_counter()
    requirements = load_requirements(paths.requirements)
    baseline = catalogue.baseline()
    shapes = load_shapes(paths.shapes)
    shapes.parse(data=completeness_shapes(list(catalogue.documents), requirements, baseline), format="turtle")
    outcome = validate(nquads, shapes)
    if outcome.structural_violations():
        raise StructuralViolations(outcome.structural_violations())
    union = Graph()
    for graph in graphs.values():
        union += graph
    labels = {iris.slug_of(c.iri): c.short_zh or c.pref_zh for c in vocabulary.in_scheme("jurisdictions")}
    labels_en = {iris.slug_of(c.iri): c.pref_en for c in vocabulary.in_scheme("jurisdictions")}
    sources = list(catalogue.documents)
    report_rows = {
        "zh": completeness_rows(union, sources, outcome, labels, requirements, baseline, "zh"),
        "en": completeness_rows(union, sources, outcome, labels_en, requirements, baseline, "en"),
    }
    timings["validate"] = time.perf_counter() - started
    progress(f"validated: {sum(r.status != 'ok' for r in report_rows['zh'])} completeness findings")

    return BuildResult(documents, graphs, nquads, extractions, timings, outcome, report_rows)


def publish(result: BuildResult, dist: Path, progress: Progress = lambda _: None) -> dict[str, object]:
    """Write the dumps and, last, the manifest."""
    started = time.perf_counter()
    files = {DUMP: result.nquads}
    for fmt in PUBLISHED_FORMATS:
        files[f"safetykg.{fmt}"] = serialize(result.nquads, fmt)
    if result.validation is not None:
        for name, lang, fmt in REPORT_FILES:
            files[name] = render_report(result.report_rows[lang], result.validation, fmt, lang)
    for name, text in files.items():
        write_atomic(dist / name, text)
        progress(f"wrote {dist / name}")
    store = write_store(dist, result.nquads)
    progress(f"wrote {dist / store['path']}/ (the on-disk store)")
    result.timings["publish"] = time.perf_counter() - started
    counts = result.triple_counts()
    return write_manifest(
        dist,
        files,
        {
            "graphs": dict(sorted(counts.items())),
            "triples": sum(counts.values()),
            "store": store,
            "documents": {
                doc_id: {"chapters": len(doc.printed_chapters), "articles": len(doc.articles)}
                for doc_id, doc in result.documents.items()
            },
        },
    )


def build(paths: Paths, progress: Progress = lambda _: None) -> BuildResult:
    result = assemble(paths, progress)
    publish(result, paths.dist, progress)
    return result
