"""The parsed shape of a regulation: documents, chapters (and their 节 sections), articles, paragraphs (款), items (项), sub-items (目).

Plain dataclasses: the parser fills them, the RDF layer reads them; neither knows about the other.
Each node keeps its marker exactly as printed ("第二十二条", "（三）", "1.") and its text after
normalisation (see ``safetykg.corpus.text``), and the source line where it starts.
"""

from dataclasses import dataclass, field

from safetykg.corpus.numerals import inserted_designation


@dataclass
class SubItem:
    number: int
    marker: str
    text: str
    line: int


@dataclass
class Item:
    number: int
    marker: str
    text: str
    line: int
    subitems: list[SubItem] = field(default_factory=list)

    def full_text(self) -> str:
        """The item's text followed by its sub-items (with their markers), one per line."""
        return "\n".join([self.text, *(sub.marker + sub.text for sub in self.subitems)])


@dataclass
class Paragraph:
    number: int
    text: str
    line: int
    items: list[Item] = field(default_factory=list)

    def full_text(self) -> str:
        """The paragraph's lead text followed by its items (with their markers), one per line."""
        lines = [self.text] if self.text else []
        return "\n".join(lines + [item.marker + item.full_text() for item in self.items])


@dataclass
class Article:
    number: int
    marker: str
    line: int
    paragraphs: list[Paragraph] = field(default_factory=list)
    caption: str = ""  # a caption printed after the number, with its brackets (第一条【目的依据】…): not the text
    inserted: int = 0  # 1 for 第九条之一, an article an amendment inserted after 第九条 (number 9); 0 for any other

    @property
    def designation(self) -> str:
        """Its number as written in IRIs: "9", or "9a" for 第九条之一."""
        return inserted_designation(self.number, self.inserted)

    @property
    def title(self) -> str:
        """The caption's words, without their brackets ("" when the article has none)."""
        return self.caption[1:-1]

    def full_text(self) -> str:
        """The article's whole text without its own number: paragraphs, items and sub-items, one per line."""
        return "\n".join(paragraph.full_text() for paragraph in self.paragraphs)


@dataclass
class Section:
    """A 节 inside a chapter; its articles are also the chapter's (articles are numbered across the rule)."""

    number: int
    marker: str
    title: str
    line: int
    articles: list[Article] = field(default_factory=list)


@dataclass
class Chapter:
    """A chapter, or, in a rule printed without chapters, the one implicit chapter (number 0, no marker or title)
    that holds its articles: the graph has no node for it."""

    number: int
    marker: str
    title: str
    line: int
    articles: list[Article] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    @property
    def implicit(self) -> bool:
        return self.number == 0


@dataclass
class Commentary:
    """Non-normative text published with a regulation, such as a press interview."""

    title: str
    text: str
    line: int


@dataclass
class ParsedDocument:
    """One source file split into what precedes the regulation, the regulation, and what follows it."""

    doc_id: str
    preamble: str
    header_fields: dict[str, str]
    chapters: list[Chapter]
    trailing: str
    trailing_line: int | None
    commentary: Commentary | None
    dropped: tuple[tuple[int, str], ...] = ()  # page furniture and running titles removed from the body: (line, text)

    @property
    def printed_chapters(self) -> list[Chapter]:
        """The chapters the text prints (none for a rule without chapters)."""
        return [chapter for chapter in self.chapters if not chapter.implicit]

    @property
    def articles(self) -> list[Article]:
        return [article for chapter in self.chapters for article in chapter.articles]

    def article(self, number: int, inserted: int = 0) -> Article:
        for article in self.articles:
            if (article.number, article.inserted) == (number, inserted):
                return article
        raise KeyError(f"{self.doc_id} has no article {number}")

    def body_text(self) -> str:
        """The regulation rebuilt from its provisions: markers and texts in order, normalised."""
        parts: list[str] = []
        for chapter in self.chapters:
            parts += [chapter.marker, chapter.title]
            openings = {section.articles[0].designation: section for section in chapter.sections if section.articles}
            for article in chapter.articles:
                if article.designation in openings:
                    parts += [openings[article.designation].marker, openings[article.designation].title]
                parts += [article.marker, article.caption]
                for paragraph in article.paragraphs:
                    parts.append(paragraph.text)
                    for item in paragraph.items:
                        parts += [item.marker, item.text]
                        for sub in item.subitems:
                            parts += [sub.marker, sub.text]
        return "".join(parts)
