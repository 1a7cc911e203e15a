"""The one place where safetykg mints IRIs: readable, lower-case ASCII, stable, never random."""

from rdflib import Namespace, URIRef

BASE = "https://w3id.org/safetykg/"
ID = BASE + "id/"
SKG = Namespace(BASE + "ontology#")
ONTOLOGY = URIRef(BASE + "ontology")

ELI = Namespace("http://data.europa.eu/eli/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")


def regulation(doc_id: str) -> URIRef:
    return URIRef(f"{ID}regulation/{doc_id}")


def chapter(doc_id: str, number: int) -> URIRef:
    return URIRef(f"{regulation(doc_id)}/chapter/{number}")


def article(doc_id: str, number: int) -> URIRef:
    return URIRef(f"{regulation(doc_id)}/article/{number}")


def paragraph(doc_id: str, article_number: int, number: int) -> URIRef:
    return URIRef(f"{article(doc_id, article_number)}/paragraph/{number}")


def item(doc_id: str, article_number: int, paragraph_number: int | None, number: int) -> URIRef:
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
    return URIRef(f"{ID}graph/{name}")


def concept(kind: str, slug: str) -> URIRef:
    """A lexicon concept: ``kind`` is domain, organ-kind, role, level, jurisdiction, duty-kind, …"""
    return URIRef(f"{ID}{kind}/{slug}")


def slug_of(iri: URIRef | str) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1]


def organ(jurisdiction_slug: str, organ_kind: URIRef) -> URIRef:
    """An organ scoped to one jurisdiction, e.g. id/organ/xinjiang/public-security."""
    return URIRef(f"{ID}organ/{jurisdiction_slug}/{slug_of(organ_kind)}")


def post(jurisdiction_slug: str, organ_kind: URIRef, role: URIRef) -> URIRef:
    """A post in an organ, e.g. id/post/xinjiang/public-security/principal-leader."""
    return URIRef(f"{ID}post/{jurisdiction_slug}/{slug_of(organ_kind)}/{slug_of(role)}")


def _below_regulation(provision: URIRef) -> str:
    return str(provision).removeprefix(f"{ID}regulation/")


def duty(provision: URIRef, bearer_suffix: str | None = None) -> URIRef:
    """A duty mirrors its provision's path (id/duty/xinjiang-2018/article/22/item/3); a provision
    with several bearers has one duty each, told apart by a suffix."""
    base = f"{ID}duty/{_below_regulation(provision)}"
    return URIRef(base if bearer_suffix is None else f"{base}/{bearer_suffix}")


def designation(provision: URIRef, designation_type: str) -> URIRef:
    return URIRef(f"{ID}designation/{_below_regulation(provision)}/{designation_type}")


def frequency(provision: URIRef, number: int) -> URIRef:
    return URIRef(f"{ID}frequency/{_below_regulation(provision)}/{number}")
