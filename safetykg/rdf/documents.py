"""The documents as RDF: ELI resources and subdivisions with their exact texts, metadata and citations."""

from datetime import date

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from safetykg.core import iris
from safetykg.core.iris import ELI, ORG, SKG
from safetykg.corpus.catalogue import Catalogue, CitedDocument, SourceDocument
from safetykg.corpus.metadata import DocumentMetadata
from safetykg.corpus.model import Article, ParsedDocument
from safetykg.corpus.numerals import to_chinese_numeral
from safetykg.corpus.provisions import ProvisionRef


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def en(text: str) -> Literal:
    return Literal(text, lang="en")


def _date(value: date) -> Literal:
    return Literal(value.isoformat(), datatype=XSD.date)


def document_graph(
    source: SourceDocument, parsed: ParsedDocument, meta: DocumentMetadata, catalogue: Catalogue
) -> Graph:
    """All triples of one document: its metadata, its subdivisions and the documents it cites."""
    g = Graph()
    doc = iris.regulation(source.id)
    _metadata(g, doc, source, parsed, meta, catalogue)
    for chapter in parsed.chapters:
        if chapter.implicit:  # a rule printed without chapters: its articles are parts of the rule itself
            for article in chapter.articles:
                _article(g, source, article, doc)
            continue
        node = iris.chapter(source.id, chapter.number)
        citation = f"{source.short_title} {chapter.marker}"
        _subdivision(g, node, doc, SKG.Chapter, chapter.number, chapter.marker, citation, chapter.line)
        g.add((node, ELI.title, zh(chapter.title)))
        parents = {}
        for section in chapter.sections:
            part = iris.section(source.id, chapter.number, section.number)
            cited = f"{citation}{section.marker}"
            _subdivision(g, part, node, SKG.Section, section.number, section.marker, cited, section.line)
            g.add((part, ELI.title, zh(section.title)))
            parents.update({article.designation: part for article in section.articles})
        for article in chapter.articles:
            _article(g, source, article, parents.get(article.designation, node))
    if parsed.commentary is not None:
        note = iris.commentary(source.id)
        g.add((note, RDF.type, SKG.Commentary))
        g.add((note, DCTERMS.title, zh(parsed.commentary.title)))
        g.add((note, RDFS.label, zh(parsed.commentary.title)))
        g.add((note, SKG.text, zh(parsed.commentary.text)))
        g.add((note, SKG.commentaryOn, doc))
        g.add((note, SKG.sourceLine, Literal(parsed.commentary.line)))
    return g


def _metadata(
    g: Graph, doc: URIRef, source: SourceDocument, parsed: ParsedDocument, meta: DocumentMetadata, catalogue: Catalogue
) -> None:
    g.add((doc, RDF.type, ELI.LegalResource))
    for literal in (zh(source.title), en(source.title_en)) if source.title_en else (zh(source.title),):
        g.add((doc, ELI.title, literal))
        g.add((doc, RDFS.label, literal))
    g.add((doc, ELI.title_short, zh(source.short_title)))
    g.add((doc, ELI.jurisdiction, iris.jurisdiction(source.jurisdiction)))
    g.add((doc, SKG.sourceFile, Literal(f"data/sources/{source.file.name}")))
    g.add((doc, SKG.sha256, Literal(source.sha256)))
    g.add((doc, DCTERMS.source, Literal(source.origin)))
    if parsed.preamble:
        g.add((doc, SKG.publicationNote, zh(parsed.preamble)))
    for issuer in source.issuers:
        node = iris.issuer(issuer.slug)
        g.add((doc, ELI.passed_by, node))
        g.add((node, RDF.type, ORG.Organization))
        g.add((node, SKOS.prefLabel, zh(issuer.name)))
        if issuer.name_en:
            g.add((node, SKOS.prefLabel, en(issuer.name_en)))
        g.add((node, RDFS.label, zh(issuer.name)))
    if meta.number:
        g.add((doc, ELI.number, Literal(meta.number)))
    if meta.issued:
        g.add((doc, ELI.date_document, _date(meta.issued)))
    if source.published:
        g.add((doc, ELI.date_publication, _date(date.fromisoformat(source.published))))
    if meta.in_force_date:
        g.add((doc, ELI.first_date_entry_in_force, _date(meta.in_force_date)))
    if meta.in_force_rule:
        g.add((doc, SKG.entryIntoForceRule, zh(meta.in_force_rule)))
    g.add((doc, SKG.entryIntoForceProvision, iris.article(source.id, meta.in_force_article)))
    if "时效性" in meta.header:
        g.add((doc, SKG.validityStatus, zh(meta.header["时效性"])))
    if "效力级别" in meta.header:
        g.add((doc, SKG.effectivenessLevel, zh(meta.header["效力级别"])))
    if "发文机关" in meta.header:
        g.add((doc, SKG.issuerAsPrinted, zh(meta.header["发文机关"])))
    interpreter = meta.interpreter or meta.interpretation_work
    if interpreter and meta.interpreter_article is not None:
        g.add((doc, SKG.interpretedBy, zh(interpreter)))
        if meta.interpreter and meta.interpretation_work:
            g.add((doc, SKG.interpretationWorkBy, zh(meta.interpretation_work)))
        g.add((doc, SKG.interpretationProvision, iris.article(source.id, meta.interpreter_article)))
    if source.implements:
        g.add((doc, SKG.implements, iris.regulation(source.implements)))
    for citation in meta.citations:
        target = iris.regulation(citation.corpus_id) if citation.corpus_id else _cited(g, citation.cited, catalogue)
        g.add((doc, ELI.based_on if citation.basis else ELI.cites, target))
        g.add((iris.article(source.id, citation.article), ELI.based_on if citation.basis else ELI.cites, target))
        if citation.number:
            g.add((target, ELI.number, Literal(citation.number)))
    for amended in meta.amendments:  # a consolidated text: the documents that amended it, with their dates
        target = iris.regulation(amended.corpus_id) if amended.corpus_id else _cited(g, amended.by, catalogue)
        g.add((doc, ELI.amended_by, target))
        g.add((target, ELI.date_document, _date(amended.issued)))
    for repeal in meta.repeals:
        target = _cited(g, repeal.cited, catalogue)
        g.add((doc, ELI.repeals, target))
        g.add((doc, SKG.repealProvision, iris.article(source.id, repeal.article)))
        if repeal.number:
            g.add((target, ELI.number, Literal(repeal.number)))
        if repeal.issued:
            g.add((target, ELI.date_document, _date(repeal.issued)))


def _cited(g: Graph, cited: CitedDocument | None, catalogue: Catalogue) -> URIRef:
    assert cited is not None
    node = iris.cited_document(cited.slug)
    g.add((node, RDF.type, ELI.LegalResource))
    g.add((node, ELI.title, zh(cited.title)))
    if cited.title_en:
        g.add((node, ELI.title, en(cited.title_en)))
    g.add((node, RDFS.label, zh(cited.title)))
    g.add((node, SKG.inCorpus, Literal(False)))
    if cited.promulgates:
        g.add((node, SKG.promulgates, iris.regulation(cited.promulgates)))
    return node


def _subdivision(
    g: Graph, node: URIRef, parent: URIRef, kind: URIRef, ordinal: int, marker: str, citation: str, line: int
) -> None:
    g.add((node, RDF.type, ELI.LegalResourceSubdivision))
    g.add((node, RDF.type, kind))
    g.add((node, ELI.is_part_of, parent))
    g.add((parent, ELI.has_part, node))
    g.add((node, SKG.ordinal, Literal(ordinal)))
    g.add((node, ELI.number, zh(marker)))
    g.add((node, SKG.citation, zh(citation)))
    g.add((node, RDFS.label, zh(citation)))
    g.add((node, SKG.sourceLine, Literal(line)))


def _article(g: Graph, source: SourceDocument, article: Article, chapter: URIRef) -> None:
    ref = ProvisionRef.of(source.id, article)
    node = ref.iri
    _subdivision(
        g, node, chapter, SKG.Article, article.number, article.marker, ref.citation(source.short_title), article.line
    )
    g.add((node, SKG.text, zh(article.full_text())))
    if article.inserted:  # 第九条之一: ordinal 9, inserted 1
        g.add((node, SKG.inserted, Literal(article.inserted)))
    if article.title:
        g.add((node, ELI.title, zh(article.title)))
    single = len(article.paragraphs) == 1
    for paragraph in article.paragraphs:
        paragraph_ref = ProvisionRef.of(source.id, article, None if single else paragraph.number)
        parent = paragraph_ref.iri
        if not single:
            marker = f"第{to_chinese_numeral(paragraph.number)}款"
            citation = paragraph_ref.citation(source.short_title)
            _subdivision(g, parent, node, SKG.Paragraph, paragraph.number, marker, citation, paragraph.line)
            g.add((parent, SKG.text, zh(paragraph.full_text())))
        g.add((parent, SKG.leadText, zh(paragraph.text)))
        for item in paragraph.items:
            item_ref = paragraph_ref.item_of(item.number)
            _subdivision(
                g,
                item_ref.iri,
                parent,
                SKG.Item,
                item.number,
                item.marker,
                item_ref.citation(source.short_title),
                item.line,
            )
            g.add((item_ref.iri, SKG.text, zh(item.full_text())))
            for sub in item.subitems:
                sub_ref = item_ref.subitem_of(sub.number)
                citation = sub_ref.citation(source.short_title)
                _subdivision(g, sub_ref.iri, item_ref.iri, SKG.SubItem, sub.number, sub.marker, citation, sub.line)
                g.add((sub_ref.iri, SKG.text, zh(sub.text)))
