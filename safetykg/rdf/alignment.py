"""Local against national as RDF: one skg:Alignment per local article or duty and national provision.

An alignment names the local side (skg:alignedFrom: an article, or a duty), the national provision
(skg:alignedTo, absent for a local addition), the relation, the similarity and score, and the method.
National articles and duty provisions that the local rule does not take up get skg:notTakenUpBy.
"""

from decimal import Decimal

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from safetykg.core import iris
from safetykg.core.iris import SKG
from safetykg.corpus.catalogue import SourceDocument
from safetykg.corpus.provisions import ProvisionRef
from safetykg.extract.alignment import AlignmentResult, Link
from safetykg.rdf.documents import zh
from safetykg.rdf.duties import duty_node

METHOD = URIRef(f"{iris.ID}alignment-method/char-bigram-tfidf")


def write_alignment(g: Graph, source: SourceDocument, national: SourceDocument, result: AlignmentResult) -> None:
    for ref, links in result.articles.items():
        for link in links:
            _alignment(g, source, national, ref.iri, ref, link, "article")
    for duty, links in result.duties:
        duty_iri = duty_node(duty)
        for link in links:
            _alignment(g, source, national, duty_iri, duty.ref, link, "duty")
    regulation = iris.regulation(source.id)
    for ref in result.not_taken_up:
        g.add((ref.iri, SKG.notTakenUpBy, regulation))


def _alignment(
    g: Graph,
    source: SourceDocument,
    national_source: SourceDocument,
    local: URIRef,
    ref: ProvisionRef,
    link: Link,
    level: str,
) -> None:
    national = link.national.iri if link.national is not None else None
    node = iris.alignment(local, national)
    g.add((node, RDF.type, SKG.Alignment))
    g.add((node, SKG.alignedFrom, local))
    if national is not None:
        g.add((node, SKG.alignedTo, national))
    g.add((node, SKG.alignmentRelation, iris.concept("alignment-relation", link.relation)))
    g.add((node, SKG.alignmentLevel, Literal(level)))
    g.add((node, SKG.similarity, Literal(Decimal(str(link.similarity)))))
    g.add((node, SKG.alignmentScore, Literal(Decimal(str(link.score)))))
    if national is not None:
        g.add((node, SKG.bigramCoverage, Literal(Decimal(str(link.coverage)))))
        g.add((node, SKG.bigramNovelty, Literal(Decimal(str(link.novelty)))))
    g.add((node, SKG.alignmentMethod, METHOD))
    g.add((node, SKG.source, ref.iri))
    g.add((node, SKG.citation, zh(ref.citation(source.short_title))))
    g.add((node, SKG.jurisdiction, iris.jurisdiction(source.jurisdiction)))
    target = "地方新增" if link.national is None else link.national.citation(national_source.short_title)
    g.add((node, RDFS.label, zh(f"{ref.citation(source.short_title)} → {target}")))
