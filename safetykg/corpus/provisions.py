"""A reference to one provision (article, paragraph, item or sub-item): its IRI and its citation."""

from dataclasses import dataclass

from rdflib import URIRef

from safetykg.core import iris
from safetykg.corpus.numerals import to_chinese_numeral


@dataclass(frozen=True)
class ProvisionRef:
    """``paragraph`` is None for a one-paragraph article, whose 款 is neither cited nor given an IRI."""

    doc_id: str
    article: int
    paragraph: int | None = None
    item: int | None = None
    subitem: int | None = None

    @property
    def iri(self) -> URIRef:
        if self.item is None:
            if self.paragraph is None:
                return iris.article(self.doc_id, self.article)
            return iris.paragraph(self.doc_id, self.article, self.paragraph)
        node = iris.item(self.doc_id, self.article, self.paragraph, self.item)
        return node if self.subitem is None else iris.subitem(node, self.subitem)

    def citation(self, short_title: str) -> str:
        """As Chinese legal writing cites it: the short title, then 第二十条第二款第（一）项第1目."""
        text = f"{short_title} 第{to_chinese_numeral(self.article)}条"
        if self.paragraph is not None:
            text += f"第{to_chinese_numeral(self.paragraph)}款"
        if self.item is not None:
            text += f"第（{to_chinese_numeral(self.item)}）项"
        if self.subitem is not None:
            text += f"第{self.subitem}目"
        return text
