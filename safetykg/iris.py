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
