"""The reading copy of a parsed rule: what extraction reads, and how what it finds is given back as printed.

Some copies of a rule are typed with half-width punctuation ("," ";" ":" "(" ")" and straight quotes) where the genre
prints full-width marks. Extraction's rules and its wording data are written for the full-width marks, so it reads a
copy in which each half-width mark next to a Chinese character stands as its full-width form (one character for one,
``[reading]`` in ``sources/layout.toml``), and straight double quotes as opening and closing in turn. The provisions
keep their text as printed; :class:`PrintedForms` gives every text extraction found back in its printed form, by
its place in the article it comes from.
"""

import dataclasses
import re
from typing import TypeVar

from safetykg.corpus.layout import Layout
from safetykg.corpus.model import Article, Chapter, Item, Paragraph, ParsedDocument, Section, SubItem

T = TypeVar("T")

# A Chinese character, CJK punctuation or a full-width form: what a half-width mark must stand next to be read full-width.
_CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’]")


def reading_form(text: str, layout: Layout) -> str:
    """``text`` with its half-width punctuation read as full-width where it stands next to a Chinese character; as
    long as ``text``, character for character."""
    marks = layout.full_width
    if not marks and not layout.quotes:
        return text
    chars = list(text)
    for position, char in enumerate(chars):
        if char in marks and _next_to_chinese(text, position):
            chars[position] = marks[char]
    if layout.quotes and text.count('"') % 2 == 0:
        opening, closing = layout.quotes
        turn = 0
        for position, char in enumerate(chars):
            if char == '"':
                chars[position] = (opening, closing)[turn]
                turn = 1 - turn
    return "".join(chars)


def _next_to_chinese(text: str, position: int) -> bool:
    before = text[position - 1] if position > 0 else ""
    after = text[position + 1] if position + 1 < len(text) else ""
    return bool(_CHINESE.match(before) or _CHINESE.match(after))


def reading_copy(document: ParsedDocument, layout: Layout) -> ParsedDocument:
    """A copy of ``document`` whose provision texts are in their reading form (the document itself when nothing
    differs)."""

    def sub(node: SubItem) -> SubItem:
        return dataclasses.replace(node, text=reading_form(node.text, layout))

    def item(node: Item) -> Item:
        return dataclasses.replace(node, text=reading_form(node.text, layout), subitems=[sub(s) for s in node.subitems])

    def paragraph(node: Paragraph) -> Paragraph:
        return dataclasses.replace(node, text=reading_form(node.text, layout), items=[item(i) for i in node.items])

    articles: dict[str, Article] = {}

    def article(node: Article) -> Article:
        if node.designation not in articles:
            articles[node.designation] = dataclasses.replace(node, paragraphs=[paragraph(p) for p in node.paragraphs])
        return articles[node.designation]

    def section(node: Section) -> Section:
        return dataclasses.replace(node, articles=[article(a) for a in node.articles])

    def chapter(node: Chapter) -> Chapter:
        return dataclasses.replace(
            node, articles=[article(a) for a in node.articles], sections=[section(s) for s in node.sections]
        )

    copy = dataclasses.replace(document, chapters=[chapter(c) for c in document.chapters])
    same = all(a.full_text() == b.full_text() for a, b in zip(document.articles, copy.articles, strict=True))
    return document if same else copy


class PrintedForms:
    """Gives texts found in a reading copy back as the rule prints them. Objects of ``kept`` types (the lexicon's
    concepts, whose labels are the lexicon's words, not the rule's) are left as they are."""

    def __init__(self, printed: ParsedDocument, reading: ParsedDocument, kept: tuple[type, ...] = ()) -> None:
        pairs = zip(printed.articles, reading.articles, strict=True)
        self._articles = [(a.full_text(), b.full_text()) for a, b in pairs if a.full_text() != b.full_text()]
        self._kept = kept

    def text(self, found: str) -> str:
        """``found`` as printed: the words at its place in the article of the reading copy it comes from."""
        for printed, reading in self._articles:
            position = reading.find(found)
            if position >= 0:
                as_printed = printed[position : position + len(found)]
                return found if as_printed == found else as_printed
        return found

    def of(self, value: T) -> T:
        """``value`` (extraction's results: dataclasses, lists, tuples, dicts, texts) with every text as printed;
        the very same object where nothing changes."""
        if not self._articles:
            return value
        return self._walk(value)

    def _walk(self, value: T) -> T:
        if isinstance(value, self._kept):
            return value
        if isinstance(value, str):
            return self.text(value)  # type: ignore[return-value]
        if isinstance(value, list | tuple):
            walked = [self._walk(element) for element in value]
            if all(a is b for a, b in zip(walked, value, strict=True)):
                return value
            if isinstance(value, list):
                return walked  # type: ignore[return-value]
            return tuple(walked) if type(value) is tuple else type(value)(*walked)  # type: ignore[return-value]
        if isinstance(value, dict):
            pairs = {key: self._walk(element) for key, element in value.items()}
            return value if all(pairs[key] is value[key] for key in value) else type(value)(pairs)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {}
            for field in dataclasses.fields(value):
                current = getattr(value, field.name)
                walked = self._walk(current)
                if walked is not current:
                    changes[field.name] = walked
            return dataclasses.replace(value, **changes) if changes else value
        return value
