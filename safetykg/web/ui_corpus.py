"""What the published build says the corpus is: its regulations and their jurisdictions, in the order pages show them.

Nothing here names a document or a place: the pages list what ``ui_queries.DOCUMENTS`` finds in the graph.
A document is an ``eli:LegalResource`` with an ``eli:jurisdiction``; the national rule is the one the
others point to with ``skg:implements`` (failing that, the one alone at the highest administrative level).
It comes first; the others follow by their jurisdiction's ``skos:notation``, then its English label, then IRI.
"""

import re
from dataclasses import dataclass, field

from safetykg.web.pages import anchor

Row = dict[str, str]
Labels = dict[str, dict[str, str]]


def natural(text: str) -> tuple[tuple[int, str], ...]:
    """A sort key that puts "2" before "10" (article/2 before article/10)."""
    return tuple((int(p), "") if p.isdigit() else (0, p) for p in re.split(r"(\d+)", text) if p)


@dataclass(frozen=True)
class Document:
    """One regulation of the corpus: its IRI, its key in /read/{key}, short title and jurisdiction."""

    iri: str
    key: str
    short: str
    jurisdiction: str
    national: bool


@dataclass(frozen=True)
class Corpus:
    documents: tuple[Document, ...]
    labels: Labels = field(default_factory=dict)

    @property
    def jurisdictions(self) -> list[str]:
        """The jurisdictions that have a rule, national first, each once."""
        return list(dict.fromkeys(d.jurisdiction for d in self.documents))

    @property
    def national(self) -> Document | None:
        return next((d for d in self.documents if d.national), None)

    @property
    def national_place(self) -> str:
        """The national rule's jurisdiction, or '' when the corpus has no national rule."""
        return self.national.jurisdiction if self.national else ""

    @property
    def national_short(self) -> str:
        return self.national.short if self.national else ""

    @property
    def local_places(self) -> list[str]:
        return [j for j in self.jurisdictions if j != self.national_place]

    def document(self, key: str) -> Document | None:
        return next((d for d in self.documents if d.key == key), None)

    def containing(self, iri: str) -> Document | None:
        """The document an IRI is, or is a part of (by its IRI path)."""
        return next((d for d in self.documents if iri == d.iri or iri.startswith(d.iri + "/")), None)

    def reader_href(self, iri: str) -> str:
        """Where a document or provision is shown in the reader, or '' if it is in none of the documents."""
        doc = self.containing(iri)
        if doc is None:
            return ""
        return f"/read/{doc.key}" + ("" if iri == doc.iri else f"#{anchor(iri)}")


def corpus_from_rows(rows: list[Row], labels: Labels) -> Corpus:
    """The corpus from the rows of ``DOCUMENTS`` (one or more rows per document) and the labels of their IRIs."""
    docs: dict[str, Row] = {}
    implemented: set[str] = set()
    notations: dict[str, list[str]] = {}
    levels: dict[str, list[str]] = {}
    for row in rows:
        found = docs.setdefault(row["doc"], dict(row))
        if row.get("short") and (not found.get("short") or row["short"] < found["short"]):
            found["short"] = row["short"]
        if row.get("implementer") and row["implementer"] != row["doc"]:
            implemented.add(row["doc"])
        if row.get("notation"):
            notations.setdefault(row["jurisdiction"], []).append(row["notation"])
        if row.get("levelNotation"):
            levels.setdefault(row["jurisdiction"], []).append(row["levelNotation"])
    national = implemented & set(docs)
    if not national:  # no rule implements another: the one alone at the highest level, if there is one
        ranked = sorted(
            (min(levels[r["jurisdiction"]], key=natural), d) for d, r in docs.items() if r["jurisdiction"] in levels
        )
        if len(ranked) == 1 or (len(ranked) > 1 and ranked[0][0] != ranked[1][0]):
            national = {ranked[0][1]}

    def order(iri: str) -> tuple[bool, bool, tuple[tuple[int, str], ...], str, str, str]:
        place = docs[iri]["jurisdiction"]
        notation = min(notations.get(place, [""]), key=natural)
        names = labels.get(place, {})
        return (iri not in national, not notation, natural(notation), names.get("en", ""), names.get("zh", ""), iri)

    documents = tuple(
        Document(
            iri=iri,
            key=iri.rstrip("/").rsplit("/", 1)[-1],
            short=docs[iri].get("short") or labels.get(iri, {}).get("zh", "") or iri.rsplit("/", 1)[-1],
            jurisdiction=docs[iri]["jurisdiction"],
            national=iri in national,
        )
        for iri in sorted(docs, key=order)
    )
    return Corpus(documents, labels)
