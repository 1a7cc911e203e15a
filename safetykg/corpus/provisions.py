"""A reference to one provision (article, paragraph, item or sub-item): its IRI and its citation."""

from dataclasses import dataclass, replace

from rdflib import URIRef

from safetykg.core import iris
from safetykg.corpus.model import Article
from safetykg.corpus.numerals import inserted_designation, inserted_marker, to_chinese_numeral


@dataclass(frozen=True)
class ProvisionRef:
    """``paragraph`` is None for a one-paragraph article, whose 款 is neither cited nor given an IRI; ``inserted`` is
    1 for 第九条之一 (article 9, inserted after it by an amendment), 0 for any other article."""

    doc_id: str
    article: int
    paragraph: int | None = None
    item: int | None = None
    subitem: int | None = None
    inserted: int = 0

    @classmethod
    def of(cls, doc_id: str, article: Article, paragraph: int | None = None) -> "ProvisionRef":
        """The article, or one of its paragraphs."""
        return cls(doc_id, article.number, paragraph, inserted=article.inserted)

    def item_of(self, item: int) -> "ProvisionRef":
        return replace(self, item=item)

    def subitem_of(self, subitem: int) -> "ProvisionRef":
        return replace(self, subitem=subitem)

    @property
    def article_key(self) -> tuple[int, int]:
        """Its article, told from the articles inserted after it: (9, 0) for 第九条, (9, 1) for 第九条之一."""
        return self.article, self.inserted

    @property
    def article_designation(self) -> str:
        return inserted_designation(self.article, self.inserted)

    @property
    def iri(self) -> URIRef:
        if self.item is None:
            if self.paragraph is None:
                return iris.article(self.doc_id, self.article_designation)
            return iris.paragraph(self.doc_id, self.article_designation, self.paragraph)
        node = iris.item(self.doc_id, self.article_designation, self.paragraph, self.item)
        return node if self.subitem is None else iris.subitem(node, self.subitem)

    def citation(self, short_title: str) -> str:
        """As Chinese legal writing cites it: the short title, then 第二十条第二款第（一）项第1目."""
        text = f"{short_title} 第{to_chinese_numeral(self.article)}条{inserted_marker(self.inserted)}"
        if self.paragraph is not None:
            text += f"第{to_chinese_numeral(self.paragraph)}款"
        if self.item is not None:
            text += f"第（{to_chinese_numeral(self.item)}）项"
        if self.subitem is not None:
            text += f"第{self.subitem}目"
        return text
