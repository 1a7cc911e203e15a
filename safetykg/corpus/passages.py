"""Every provision of a parsed document with its own words, and the chapter it sits in (or, in a rule without
chapters, the article that says what it is for).

A passage is a paragraph's lead text, an item's own text (without its sub-items) or a sub-item: the
smallest units a provision is cited by. The accountability, committee and alignment readers walk them.
"""

import re
from dataclasses import dataclass

from safetykg.corpus.model import Article, Chapter, ParsedDocument
from safetykg.corpus.provisions import ProvisionRef

_SENTENCE = re.compile(r"[^。；]+")


def heading(chapter: Chapter, article: Article) -> str:
    """The words that say what a provision is for: its chapter's title, or, in a rule without chapters, its
    article's words before any items (第三条 县委主要负责人安全生产职责：…)."""
    return article.paragraphs[0].text if chapter.implicit else chapter.title


@dataclass(frozen=True)
class Passage:
    ref: ProvisionRef
    text: str
    chapter: Chapter
    article: Article
    has_parts: bool  # a paragraph with items, or an item with sub-items

    @property
    def heading(self) -> str:
        """The words that say what its provision is for (what a chapter function is read from)."""
        return heading(self.chapter, self.article)


def passages(doc: ParsedDocument) -> list[Passage]:
    """The document's passages in reading order."""
    found: list[Passage] = []
    for chapter in doc.chapters:
        for article in chapter.articles:
            single = len(article.paragraphs) == 1
            for paragraph in article.paragraphs:
                ref = ProvisionRef.of(doc.doc_id, article, None if single else paragraph.number)
                if paragraph.text:
                    found.append(Passage(ref, paragraph.text, chapter, article, bool(paragraph.items)))
                for item in paragraph.items:
                    item_ref = ref.item_of(item.number)
                    found.append(Passage(item_ref, item.text, chapter, article, bool(item.subitems)))
                    for sub in item.subitems:
                        sub_ref = item_ref.subitem_of(sub.number)
                        found.append(Passage(sub_ref, sub.text, chapter, article, False))
    return found


def sentences(text: str) -> list[str]:
    """The text cut at 。 and ；, each piece exactly as written."""
    return [match.group(0) for match in _SENTENCE.finditer(text)]
