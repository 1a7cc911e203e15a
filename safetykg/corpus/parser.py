"""Parse a regulation's source text into chapters, articles, paragraphs, items and sub-items.

The parser copes with each source as given, steered only by its declared profile (``SourceProfile``):
newspaper OCR (lines wrapped anywhere, blank lines inside sentences), word-processor artefacts,
Markdown heading marks, a metadata header, and non-regulation text after the regulation
(a press interview kept as commentary, or unrelated news dropped).

Line logic: a line starts a new block when it begins with a structural marker (第N章, 第N条, （N）,
or N. under an item), or when the line before it ends a sentence (。；： …) — for OCR sources only
if a blank line lies between. Any other line continues the block before it.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from safetykg.core.errors import SourceError
from safetykg.corpus.model import (
    Article,
    Chapter,
    Commentary,
    Item,
    Paragraph,
    ParsedDocument,
    SubItem,
)
from safetykg.corpus.numerals import CHINESE_NUMERAL_CHARS, parse_chinese_numeral, to_chinese_numeral
from safetykg.corpus.text import BLOCK_FINAL_PUNCTUATION, remove_artefacts, remove_markdown_heading, squeeze

_NUM = f"[{CHINESE_NUMERAL_CHARS}]+"
CHAPTER_HEADING = re.compile(rf"^第({_NUM})章(?:\s+|$)(.*)$")
ARTICLE_HEADING = re.compile(rf"^第({_NUM})条(?:\s+|$)(.*)$")
ITEM_MARKER = re.compile(rf"^（({_NUM})）\s*(.*)$")
SUBITEM_MARKER = re.compile(r"^(\d+)[.．、](?!\d)\s*(.*)$")
HEADER_FIELD = re.compile(r"^([\u4e00-\u9fff]{2,6})：\s*(\S.*)$")


@dataclass(frozen=True)
class SourceProfile:
    """How one source is laid out: declared in data/sources/sources.toml, never hard-coded."""

    ocr: bool = False
    artefacts: tuple[str, ...] = ()
    trailing_starts: str | None = None
    trailing_is_commentary: bool = False


@dataclass
class _Block:
    kind: str  # chapter | article | item | subitem | text
    number: int
    marker: str
    lines: list[str]
    line: int

    @property
    def text(self) -> str:
        return squeeze("\n".join(self.lines))


def read_source(path: Path) -> str:
    """Read a source as UTF-8, failing with the line of the first undecodable byte."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise SourceError(path, line, f"not UTF-8 (byte 0x{data[err.start]:02x}); expected UTF-8 text") from err
    if not text.strip():
        raise SourceError(path, 1, "file is empty; expected a regulation text with chapters and articles")
    return text


def parse_document(doc_id: str, path: Path, text: str, profile: SourceProfile) -> ParsedDocument:
    """Split a source into preamble, regulation and trailing text, and parse the regulation."""
    lines = [remove_artefacts(line.rstrip("\r"), profile.artefacts) for line in text.split("\n")]
    start = _find_body_start(path, lines)
    end = _find_trailing_start(lines, start, profile)
    preamble_lines = lines[:start]
    blocks = _blocks(lines[start:end], first_line=start + 1, ocr=profile.ocr)
    chapters = _assemble(path, blocks)
    trailing = "\n".join(lines[end:]).strip()
    commentary = None
    if trailing and profile.trailing_is_commentary:
        commentary = _commentary(lines[end:], end + 1, profile)
    return ParsedDocument(
        doc_id=doc_id,
        preamble="\n".join(_clean(line) for line in preamble_lines).strip(),
        header_fields=_header_fields(preamble_lines),
        chapters=chapters,
        trailing=trailing,
        trailing_line=end + 1 if trailing else None,
        commentary=commentary,
    )


def _clean(line: str) -> str:
    return remove_markdown_heading(line.strip()).strip()


def _find_body_start(path: Path, lines: list[str]) -> int:
    for index, line in enumerate(lines):
        if CHAPTER_HEADING.match(_clean(line)):
            return index
    raise SourceError(path, 1, "no chapter heading found; expected a line such as 第一章 总则")


def _find_trailing_start(lines: list[str], start: int, profile: SourceProfile) -> int:
    if profile.trailing_starts:
        for index in range(start, len(lines)):
            if lines[index].strip().startswith(profile.trailing_starts):
                return index
    return len(lines)


def _header_fields(lines: list[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in lines:
        match = HEADER_FIELD.match(line.strip())
        if match:
            fields[match.group(1)] = match.group(2).strip()
    return fields


def _commentary(lines: list[str], first_line: int, profile: SourceProfile) -> Commentary:
    body = [line.strip() for line in lines]
    if body and profile.trailing_starts and body[0].startswith(profile.trailing_starts):
        body[0] = body[0][len(profile.trailing_starts) :].lstrip("：: ")
    paragraphs = [line for line in body if line]
    return Commentary(title=paragraphs[0], text="\n".join(paragraphs[1:]), line=first_line)


def _classify(text: str) -> tuple[str, int, str, str]:
    """Return (kind, number, marker, rest) for a cleaned line."""
    for kind, pattern in (("chapter", CHAPTER_HEADING), ("article", ARTICLE_HEADING), ("item", ITEM_MARKER)):
        match = pattern.match(text)
        if match:
            number = parse_chinese_numeral(match.group(1))
            marker = {"chapter": "第{}章", "article": "第{}条", "item": "（{}）"}[kind].format(match.group(1))
            return kind, number, marker, match.group(2)
    match = SUBITEM_MARKER.match(text)
    if match:
        return "subitem", int(match.group(1)), text[: match.start(2)].strip(), match.group(2)
    return "text", 0, "", text


def _blocks(lines: list[str], first_line: int, ocr: bool) -> list[_Block]:
    blocks: list[_Block] = []
    blank_since_last = False
    for offset, raw in enumerate(lines):
        text = _clean(raw)
        if not text:
            blank_since_last = True
            continue
        kind, number, marker, rest = _classify(text)
        previous = blocks[-1] if blocks else None
        ends_sentence = previous is not None and previous.lines[-1].rstrip().endswith(tuple(BLOCK_FINAL_PUNCTUATION))
        if kind == "subitem" and not _continues_subitems(blocks, number):
            kind, number, marker, rest = "text", 0, "", text
        starts_block = kind != "text" or previous is None or (ends_sentence and (blank_since_last or not ocr))
        if previous is not None and previous.kind == "chapter" and kind == "text":
            starts_block = False  # a chapter title never wraps onto a paragraph: treat as title text
        if starts_block:
            blocks.append(_Block(kind, number, marker, [rest], first_line + offset))
        else:
            assert previous is not None
            previous.lines.append(text)
        blank_since_last = False
    return blocks


def _continues_subitems(blocks: list[_Block], number: int) -> bool:
    """A line "N." is a sub-item only right under an item or after sub-item N-1."""
    for block in reversed(blocks):
        if block.kind == "subitem":
            return block.number == number - 1
        if block.kind == "item":
            return number == 1
        if block.kind != "text":
            return False
    return False


def _assemble(path: Path, blocks: list[_Block]) -> list[Chapter]:
    chapters: list[Chapter] = []
    article: Article | None = None
    expected_article = 1
    for index, block in enumerate(blocks):
        if block.kind == "chapter":
            _expect(path, block, len(chapters) + 1, "第{}章", "chapter")
            if chapters and not chapters[-1].articles:
                _no_articles(path, chapters[-1])
            chapters.append(Chapter(block.number, block.marker, block.text, block.line))
            article = None
        elif block.kind == "article":
            _expect(path, block, expected_article, "第{}条", "article")
            expected_article += 1
            article = Article(block.number, block.marker, block.line)
            article.paragraphs.append(Paragraph(1, block.text, block.line))
            chapters[-1].articles.append(article)
        elif article is None:
            raise SourceError(
                path, block.line, f"expected an article heading 第{to_chinese_numeral(expected_article)}条, found text"
            )
        else:
            _attach(path, article, block, blocks[index + 1] if index + 1 < len(blocks) else None)
    if chapters and not chapters[-1].articles:
        _no_articles(path, chapters[-1])
    return chapters


def _attach(path: Path, article: Article, block: _Block, following: _Block | None) -> None:
    paragraph = article.paragraphs[-1]
    if block.kind == "item":
        expected = paragraph.items[-1].number + 1 if paragraph.items else 1
        _expect(path, block, expected, "（{}）", "item")
        paragraph.items.append(Item(block.number, block.marker, block.text, block.line))
    elif block.kind == "subitem":
        item = paragraph.items[-1]
        item.subitems.append(SubItem(block.number, block.marker, block.text, block.line))
    elif (
        paragraph.items
        and following is not None
        and following.kind == "item"
        and following.number == paragraph.items[-1].number + 1
    ):
        # Text between item (N) and item (N+1) is a further paragraph of item (N), not of the article.
        paragraph.items[-1].text += "\n" + block.text
    else:
        article.paragraphs.append(Paragraph(len(article.paragraphs) + 1, block.text, block.line))


def _expect(path: Path, block: _Block, expected: int, template: str, what: str) -> None:
    if block.number != expected:
        wanted = template.format(to_chinese_numeral(expected))
        raise SourceError(
            path, block.line, f"expected {wanted} ({what} {expected}), found {block.marker} ({what} {block.number})"
        )


def _no_articles(path: Path, chapter: Chapter) -> None:
    raise SourceError(
        path, chapter.line, f"chapter {chapter.marker} {chapter.title} has no articles; expected at least one 第N条"
    )
