"""The one place where safetykg mints IRIs as RDF terms: readable, lower-case ASCII, stable, never random.

Build-side only (it needs rdflib); the namespaces themselves live in ``safetykg.core.namespaces``.
"""

from rdflib import Namespace, URIRef

from safetykg.core import namespaces
from safetykg.core.namespaces import BASE, ID

SKG = Namespace(namespaces.SKG)
ONTOLOGY = URIRef(namespaces.ONTOLOGY)

ELI = Namespace(namespaces.ELI)
ORG = Namespace(namespaces.ORG)
PROV = Namespace(namespaces.PROV)

__all__ = ["BASE", "ELI", "ID", "ONTOLOGY", "ORG", "PROV", "SKG"]


def regulation(doc_id: str) -> URIRef:
    return URIRef(f"{ID}regulation/{doc_id}")


def chapter(doc_id: str, number: int) -> URIRef:
    return URIRef(f"{regulation(doc_id)}/chapter/{number}")


def section(doc_id: str, chapter_number: int, number: int) -> URIRef:
    """A 节: numbered within its chapter."""
    return URIRef(f"{chapter(doc_id, chapter_number)}/section/{number}")


def article(doc_id: str, number: int | str) -> URIRef:
    """An article by its number, or by its designation ("9a" for 第九条之一, an article inserted by an amendment)."""
    return URIRef(f"{regulation(doc_id)}/article/{number}")


def paragraph(doc_id: str, article_number: int | str, number: int) -> URIRef:
    return URIRef(f"{article(doc_id, article_number)}/paragraph/{number}")


def item(doc_id: str, article_number: int | str, paragraph_number: int | None, number: int) -> URIRef:
    """An item; ``paragraph_number`` is None when the article has one paragraph (cited as 第N条第（K）项)."""
    parent = (
        article(doc_id, article_number)
        if paragraph_number is None
        else paragraph(doc_id, article_number, paragraph_number)
    )
    return URIRef(f"{parent}/item/{number}")


def subitem(item_iri: URIRef, number: int) -> URIRef:
    return URIRef(f"{item_iri}/subitem/{number}")


def commentary(doc_id: str) -> URIRef:
    return URIRef(f"{ID}commentary/{doc_id}-interview")


def cited_document(slug: str) -> URIRef:
    return URIRef(f"{ID}document/{slug}")


def issuer(slug: str) -> URIRef:
    return URIRef(f"{ID}issuer/{slug}")


def jurisdiction(slug: str) -> URIRef:
    return URIRef(f"{ID}jurisdiction/{slug}")


def graph(name: str) -> URIRef:
    """A named graph: one per document, plus ``ontology``, ``lexicon`` and ``inferred``."""
    return URIRef(namespaces.graph_iri(name))


def concept(kind: str, slug: str) -> URIRef:
    """A lexicon concept: ``kind`` is domain, organ-kind, role, level, jurisdiction, duty-kind, …"""
    return URIRef(f"{ID}{kind}/{slug}")


def slug_of(iri: URIRef | str) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1]


def organ(jurisdiction_slug: str, organ_kind: URIRef) -> URIRef:
    """An organ scoped to one jurisdiction, e.g. id/organ/<place>/public-security."""
    return URIRef(f"{ID}organ/{jurisdiction_slug}/{slug_of(organ_kind)}")


def post(jurisdiction_slug: str, organ_kind: URIRef, role: URIRef) -> URIRef:
    """A post in an organ, e.g. id/post/<place>/public-security/principal-leader."""
    return URIRef(f"{ID}post/{jurisdiction_slug}/{slug_of(organ_kind)}/{slug_of(role)}")


def _below_regulation(provision: URIRef) -> str:
    return str(provision).removeprefix(f"{ID}regulation/")


def duty(provision: URIRef, bearer_suffix: str | None = None) -> URIRef:
    """A duty mirrors its provision's path (id/duty/<doc>/article/22/item/3); a provision
    with several bearers has one duty each, told apart by a suffix."""
    base = f"{ID}duty/{_below_regulation(provision)}"
    return URIRef(base if bearer_suffix is None else f"{base}/{bearer_suffix}")


def designation(provision: URIRef, designation_type: str, organ_kind: str | None = None) -> URIRef:
    """A designation of a provision; ``organ_kind`` tells apart several organs the provision designates alike."""
    suffix = f"/{organ_kind}" if organ_kind else ""
    return URIRef(f"{ID}designation/{_below_regulation(provision)}/{designation_type}{suffix}")


def frequency(provision: URIRef, number: int) -> URIRef:
    return URIRef(f"{ID}frequency/{_below_regulation(provision)}/{number}")


def _below_id(node: URIRef) -> str:
    """A node's path below the regulation or id base: <doc>/article/5, duty/<doc>/article/5/item/2."""
    return str(node).removeprefix(f"{ID}regulation/").removeprefix(ID)


def trigger(provision: URIRef) -> URIRef:
    """An accountability trigger (问责情形) mirrors its provision: id/trigger/<national>/article/18/item/1."""
    return URIRef(f"{ID}trigger/{_below_regulation(provision)}")


def measure_listing(provision: URIRef, target: str, measure: URIRef) -> URIRef:
    """A measure a provision lists for a target: id/measure-listing/<doc>/article/9/paragraph/2/organ/notice."""
    return URIRef(f"{ID}measure-listing/{_below_regulation(provision)}/{target}/{slug_of(measure)}")


def circumstance(provision: URIRef) -> URIRef:
    """An aggravating or mitigating circumstance or an exemption: id/circumstance/<doc>/article/13/item/2."""
    return URIRef(f"{ID}circumstance/{_below_regulation(provision)}")


def pursuit(provision: URIRef, number: int) -> URIRef:
    """Who pursues accountability, the n-th statement of a provision: id/pursuit/<national>/article/26/1."""
    return URIRef(f"{ID}pursuit/{_below_regulation(provision)}/{number}")


def veto(provision: URIRef) -> URIRef:
    """A one-vote veto rule: id/veto/<national>/article/20."""
    return URIRef(f"{ID}veto/{_below_regulation(provision)}")


def lifetime_accountability(provision: URIRef) -> URIRef:
    return URIRef(f"{ID}lifetime-accountability/{_below_regulation(provision)}")


def accident_grade_rule(provision: URIRef) -> URIRef:
    """Whose responsibility one accident grade engages: id/accident-grade-rule/<doc>/article/11/paragraph/1/item/1."""
    return URIRef(f"{ID}accident-grade-rule/{_below_regulation(provision)}")


def reporting(provision: URIRef, number: int) -> URIRef:
    """A reporting requirement, the n-th of a provision: id/reporting/<doc>/article/17/paragraph/1/2."""
    return URIRef(f"{ID}reporting/{_below_regulation(provision)}/{number}")


def committee_seat(provision: URIRef, position: str, post_iri: URIRef) -> URIRef:
    """A post's seat in a safety committee: id/committee-seat/<doc>/article/4/paragraph/2/chair/government/principal-leader."""
    holder = str(post_iri).split("/post/", 1)[1].split("/", 1)[1]
    return URIRef(f"{ID}committee-seat/{_below_regulation(provision)}/{position}/{holder}")


def alignment(local: URIRef, national: URIRef | None) -> URIRef:
    """A local article or duty against a national provision, or as a local addition when ``national`` is None:
    id/alignment/<doc>/article/5/to/<national>/article/5, id/alignment/duty/<doc>/article/10/item/1/local-addition."""
    base = f"{ID}alignment/{_below_id(local)}"
    return URIRef(f"{base}/local-addition" if national is None else f"{base}/to/{_below_id(national)}")
