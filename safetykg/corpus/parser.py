"""Parse a rule of the genre into chapters, sections, articles, paragraphs, items and sub-items.

The parser reads the layouts such rules are commonly received in by general rules (see docs/reading.md):
chapters (第一章, titles spaced or not; parts, 第一部分; or 一、总则 on a line of its own, in a rule with no 第N章) with or without 节
sections, or no chapters at all; articles (第一条)
followed by a full-width space, half-width spaces or nothing, their numbers spaced apart or not (第 三 条, as OCR prints them); items （一）, (一) or 一、; sub-items 1., （1）
or ①; lines broken anywhere (newspaper OCR, PDF copies), page furniture and running titles; the text before
the rule and closing matter after it. A source's profile (``SourceProfile``) declares only what is particular
to one file: OCR, artefacts, trailing text (a press interview kept as commentary, or unrelated news dropped).

Line logic: a line starts a new block when it begins with the number that comes next (the next chapter,
section or article; the first or next item; the first or next sub-item under an item) and stands where a
block may start: after a heading, or after a line that ends a sentence (。；：…). Any other line starting with
a text continues the block before it, unless the line before it ends a sentence: then it starts a paragraph
— for OCR sources only when a blank line lies between, and in texts hard-wrapped with indented paragraphs
only when it is indented. A number out of order where a block may start stops the build with file:line.
"""

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from safetykg.core.errors import SourceError
from safetykg.corpus.layout import Layout, running_titles
from safetykg.corpus.markup import is_page_source, page_lines
from safetykg.corpus.model import (
    Article,
    Chapter,
    Commentary,
    Item,
    Paragraph,
    ParsedDocument,
    Section,
    SubItem,
)
from safetykg.corpus.numerals import CHINESE_NUMERAL_CHARS, parse_chinese_numeral, to_chinese_numeral
from safetykg.corpus.pages import footnotes, running_heads
from safetykg.corpus.text import BLOCK_FINAL_PUNCTUATION, close_up_marker, remove_artefacts, remove_markdown, squeeze

_NUM = f"[{CHINESE_NUMERAL_CHARS}]+"
_HEADING_NUM = f"{_NUM}|[0-9０-９]{{1,3}}"  # 第五条, or in digits as some copies print them: 第5条, 第５条
# a chapter: 第一章, or a part (第一部分) where a rule is divided into parts rather than chapters
CHAPTER_HEADING = re.compile(rf"^第({_HEADING_NUM})(?:章|部分)\s*(?P<rest>.*)$")
SECTION_HEADING = re.compile(rf"^第({_HEADING_NUM})节\s*(?P<rest>.*)$")
# an article, or one an amendment inserted after it keeping the others' numbers (第九条之一, 第九条之二)
ARTICLE_HEADING = re.compile(rf"^第({_HEADING_NUM})条(?:之({_NUM}))?\s*(?P<rest>.*)$")
ITEM_MARKER = re.compile(rf"^(?:[（(]({_NUM})[）)]|({_NUM})、)\s*(.*)$")
# an entry of a list bulleted with a dash pair rather than numbered (应当：/ ——每季度至少召开…；/ ——…。): an item,
# numbered by its place in the list
BULLETS = ("——", "－－")
BULLET_MARKER = re.compile(rf"^({'|'.join(BULLETS)})\s*(\S.*)$")
# a chapter headed by its number in words and 、 (一、总则), as some rules with no 第N章 print it: a title with no
# sentence punctuation, on a line of its own, followed by an article's heading
NUMBERED_TITLE = re.compile(rf"^({_NUM})、\s*([^\s。；，：！？]{{1,24}})$")
SUBITEM_MARKER = re.compile(r"^(?:(\d+)(?:[.．、](?!\d)|[)）])|[（(](\d+)[）)]|([①-⑳⑴-⒇⒈-⒛]))\s*(.*)$")
# numbers printed as one character: circled ①, in brackets ⑴, followed by a point ⒈ (each run starts at its 1)
_ONE_CHARACTER_NUMBERS = ("①", "⑴", "⒈")
# items and sub-items printed inline, in their article's line (…职责：（一）…；（二）…；1.…；2.…)
_INLINE_ITEM = re.compile(rf"(?<=[：；。])[（(]({_NUM})[）)]")
_INLINE_SUBITEM = re.compile(r"(?<=[：；])(\d{1,2})[.．、](?!\d)")
# a chapter's or an article's heading inside a line, as a copy that lost its line breaks runs them on
_RUN_ON_HEADING = re.compile(rf"第({_HEADING_NUM})(章|部分|条)")
# a paragraph inside a line, as such a copy marks it: two full-width spaces after a sentence's end
_RUN_ON_PARAGRAPH = re.compile(r"(?<=[。：；])\s*(?=\u3000\u3000)")
# a caption printed in brackets right after an article's number (第一条【目的依据】为了…): the article's title
_CAPTION = re.compile(r"^【[^【】。；，]{1,20}】|^［[^［］。；，]{1,20}］")
# a database's header field: 发文机关：…, or in brackets as a legal database prints them (【发布部门】…)
HEADER_FIELD = re.compile(r"^(?:([\u4e00-\u9fff]{2,6})：|【([\u4e00-\u9fff]{2,6})】)\s*(\S.*)$")
_HEADINGS = ("chapter", "section")
_INDENT = (" ", "\u3000", "\t")


@dataclass(frozen=True)
class SourceProfile:
    """How one source is laid out: the genre's layout (``sources/layout.toml``) and what is particular to the
    file, declared in data/sources/sources.toml, never hard-coded."""

    ocr: bool = False
    artefacts: tuple[str, ...] = ()
    trailing_starts: str | None = None
    trailing_is_commentary: bool = False
    layout: Layout = field(default_factory=Layout)


@dataclass
class _Block:
    kind: str  # chapter | section | article | item | subitem | text
    number: int
    marker: str
    lines: list[str]
    line: int

    @property
    def inserted(self) -> int:
        return _inserted(self.kind, self.marker)

    @property
    def text(self) -> str:
        return squeeze("\n".join(self.lines))

    def ends_sentence(self) -> bool:
        return self.lines[-1].rstrip().endswith(tuple(BLOCK_FINAL_PUNCTUATION))

    def opens(self) -> bool:
        """Whether a block may start right after this one: after a heading, an empty article heading, or a
        sentence's end."""
        return self.kind in _HEADINGS or (self.kind == "article" and not self.text) or self.ends_sentence()


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
    # a web page's source is read as its reader sees it, each line keeping the number of its line in the file
    numbered = page_lines(text) if is_page_source(text) else list(enumerate(text.split("\n"), start=1))
    origin = [number for number, _ in numbered]
    # a number spaced apart by OCR (第 三 条) is closed up: the rule's numbers are found however they are spaced
    lines = [close_up_marker(remove_artefacts(line.rstrip("\r"), profile.artefacts)) for _, line in numbered]
    # a heading decorated as a post prints it (▍第一章　总则, ◆ 第二章 职责 ◆) is read without its marks
    lines = [profile.layout.undecorated(line, is_heading) for line in lines]
    numbered_chapters = _numbered_chapters(path, lines, origin)
    start = numbered_chapters[0] if numbered_chapters else _find_body_start(path, lines, profile.layout)
    end = _find_trailing_start(lines, start, profile)
    preamble_lines = lines[:start]
    dropped = _furniture(lines[:start], lines[start:end], start, profile.layout)
    notes, unmarked = footnotes(lines, start, end, dropped)  # a compiler's notes at a page's foot, and their marks
    dropped |= notes | _editors_notes(lines[start:end], start, profile.layout)
    lines = [unmarked.get(index, line) for index, line in enumerate(lines)]
    body = [(origin[index], lines[index]) for index in range(start, end) if index not in dropped]
    indented = not profile.ocr and _indents_paragraphs([line for _, line in body])
    body = _run_on(body)
    body = [(number, part) for number, line in body for part in _inline_parts(line)]
    blocks = _blocks(body, ocr=profile.ocr, indented=indented, chapters={origin[i] for i in numbered_chapters})
    chapters = _assemble(path, blocks)
    trailing = "\n".join(lines[end:]).strip()
    commentary = None
    if trailing and profile.trailing_is_commentary:
        commentary = _commentary(lines[end:], origin[end], profile)
    return ParsedDocument(
        doc_id=doc_id,
        preamble="\n".join(_clean(line) for line in preamble_lines).strip(),
        header_fields=_header_fields(preamble_lines),
        chapters=chapters,
        trailing=trailing,
        trailing_line=origin[end] if trailing else None,
        commentary=commentary,
        dropped=tuple((origin[index], lines[index].strip()) for index in sorted(dropped)),
    )


def is_heading(text: str) -> bool:
    """Whether a line starts a chapter, a section or an article by its number (第一章, 第一节, 第一条)."""
    return any(pattern.match(text) for pattern in (CHAPTER_HEADING, SECTION_HEADING, ARTICLE_HEADING))


def _clean(line: str) -> str:
    return remove_markdown(line.strip()).strip()


def _find_body_start(path: Path, lines: list[str], layout: Layout) -> int:
    """The line of 第一章, or of 第一条 in a rule without chapters, whichever comes first. A 第一章 ending in a leader
    and a page (……（1）), or followed by the next chapter's heading before any article, is a line of a table of
    contents (目录), not the body."""
    for index, line in enumerate(lines):
        text = _clean(line)
        for pattern in (CHAPTER_HEADING, ARTICLE_HEADING):
            match = pattern.match(text)
            first = match is not None and _heading_number(match.group(1)) == 1
            contents = pattern is CHAPTER_HEADING and (layout.lists_a_page(text) or _lists_contents(lines, index))
            if first and not contents:
                return index
    raise SourceError(path, 1, "no chapter or article heading found; expected a line such as 第一章 总则 or 第一条")


def _numbered_chapters(path: Path, lines: list[str], origin: list[int]) -> list[int]:
    """The lines that head chapters as 一、总则, 二、职责 …, in a rule with no 第N章 heading: lines with a number in
    words, 、 and a title alone, each followed by an article's heading (blank lines aside), the first numbered 一
    and before 第一条. [] for any other rule, where 一、 starts an item. One out of order stops the build."""
    texts = [_clean(line) for line in lines]
    if any(CHAPTER_HEADING.match(text) for text in texts):
        return []
    found: list[tuple[int, int, str]] = []
    for index, text in enumerate(texts):
        match = NUMBERED_TITLE.match(text)
        following = next((later for later in texts[index + 1 :] if later), "") if match else ""
        if match and ARTICLE_HEADING.match(following):
            found.append((index, parse_chinese_numeral(match.group(1)), text))
    first_article = next((i for i, text in enumerate(texts) if ARTICLE_HEADING.match(text)), len(texts))
    if not found or found[0][0] > first_article or found[0][1] != 1:
        return []
    for expected, (index, number, text) in enumerate(found, start=1):
        if number != expected:
            wanted = to_chinese_numeral(expected)
            raise SourceError(
                path, origin[index], f"expected {wanted}、 (chapter {expected}), found {text} (chapter {number})"
            )
    return [index for index, _, _ in found]


def _lists_contents(lines: list[str], chapter: int) -> bool:
    """Whether the chapter heading at the line is a table of contents' entry: followed by another chapter's
    heading before any article, and printed again further on."""
    heading = squeeze(lines[chapter])
    for index, line in enumerate(lines[chapter + 1 :], start=chapter + 1):
        text = _clean(line)
        if ARTICLE_HEADING.match(text):
            return False
        if CHAPTER_HEADING.match(text):
            return any(squeeze(later) == heading for later in lines[index + 1 :])
    return False


def _run_on(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Lines that run the rule on, as a copy that lost its line breaks prints it (第一章　总则第一条　…。第二条　…),
    cut before each chapter or article that starts there: the next one by number, right after a sentence's end, or,
    for a line's first article, right after its chapter's title; and, in such a line, before each paragraph (two
    full-width spaces after a sentence's end). A heading cited in a sentence (依照本办法第十二条) is not cut at. Every
    part keeps its number of line; nothing is dropped."""
    last = {"chapter": 0, "article": 0}
    parts: list[tuple[int, str]] = []
    for number, line in body:
        kind, start_number, _, _ = _candidate(_clean(line))
        if kind in last:
            last[kind] = start_number
        cuts: list[int] = []
        for match in _RUN_ON_HEADING.finditer(line, 1):
            kind = "article" if match.group(2) == "条" else "chapter"
            before = line[: match.start()].rstrip()
            after_title = kind == "article" and not cuts and CHAPTER_HEADING.match(_clean(before)) is not None
            ends_sentence = before.endswith("。") or after_title
            if ends_sentence and _heading_number(match.group(1)) == last[kind] + 1:
                cuts.append(match.start())
                last[kind] += 1
        if not cuts:
            parts.append((number, line))
            continue
        for a, b in itertools.pairwise([0, *cuts, len(line)]):
            parts += [
                (number, paragraph) for paragraph in _RUN_ON_PARAGRAPH.split(line[a:b].rstrip()) if paragraph.strip()
            ]
    return parts


def _inline_parts(line: str) -> list[str]:
    """A line cut where it prints items inline: before each of （一）（二）… when the first follows a colon and the
    others follow in order after a sentence's or clause's end, and likewise before 1. 2. … inside an item. A line
    with fewer than two such items is left whole. Every part keeps the line's indentation; nothing is dropped."""
    cuts = _inline_run(line, _INLINE_ITEM, parse_chinese_numeral)
    if not cuts:
        return [line]
    for start, end in itertools.pairwise([*cuts, len(line)]):
        cuts += [start + cut for cut in _inline_run(line[start:end], _INLINE_SUBITEM, int)]
    indent = line[: len(line) - len(line.lstrip())]
    edges = [0, *sorted(cuts), len(line)]
    return [line[a:b] if a == 0 else indent + line[a:b] for a, b in itertools.pairwise(edges) if line[a:b]]


def _inline_run(text: str, marker: re.Pattern[str], number: Callable[[str], int]) -> list[int]:
    """Where a numbered run 1, 2, 3 … starts in the text, the first right after a colon; [] for fewer than two."""
    cuts: list[int] = []
    for match in marker.finditer(text):
        if number(match.group(1)) == len(cuts) + 1 and (cuts or text[match.start() - 1] == "："):
            cuts.append(match.start())
    return cuts if len(cuts) >= 2 else []


def _find_trailing_start(lines: list[str], start: int, profile: SourceProfile) -> int:
    if profile.trailing_starts:
        for index in range(start, len(lines)):
            if lines[index].strip().startswith(profile.trailing_starts):
                return index
    seen_article = False
    # a running head printed at every page's top (the issuing office's name, as a PDF's text prints it) is no signature
    running = running_titles(lines, [], profile.layout, _is_numbered)
    for index in range(start, len(lines)):
        text = _clean(lines[index])
        # an article starts the line, or runs on inside it (第一章　总则第一条　…, a copy that lost its line breaks)
        seen_article = seen_article or any(match.group(2) == "条" for match in _RUN_ON_HEADING.finditer(text))
        if seen_article and squeeze(text) not in running and profile.layout.is_closing(text):
            return index
        if seen_article and profile.layout.is_document_number(text):
            return _title_above(lines, index)
    return len(lines)


def _title_above(lines: list[str], number: int) -> int:
    """The first line of the title printed right above a document's number: another document begins there (the next
    one in a gazette, 鹤汀市人民政府关于公布…的通知 / 鹤政发〔2048〕4号), its title's lines ending no sentence."""
    first = number
    while first > 0 and _clean(lines[first - 1]) and not _clean(lines[first - 1]).endswith(tuple("。；：;:")):
        first -= 1
    return first


def _furniture(preamble: list[str], body: list[str], start: int, layout: Layout) -> set[int]:
    """Indexes (into the whole file) of the body's page numbers, page counts and running titles, translated lines and
    a compiler's notes on an amendment."""
    titles = running_titles(body, preamble, layout, _is_numbered) | running_heads(preamble + body, layout, _is_numbered)
    return {
        start + offset
        for offset, line in enumerate(body)
        if layout.is_furniture(line)
        or layout.is_translation(line)
        or layout.is_amendment_note(line)
        or (squeeze(line) and squeeze(line) in titles)
    }


def _editors_notes(body: list[str], start: int, layout: Layout) -> set[int]:
    """Indexes (into the whole file) of the lines of an annotated edition's notes: from a line opening with a note's
    caption (【条文主旨】, 【释义】) up to the heading the rule goes on with: a section, or the next chapter or article
    by number (a note may quote a heading, 第十六条规定的…, without ending)."""
    found: set[int] = set()
    last = {"chapter": 0, "article": 0}
    in_note = False
    for offset, line in enumerate(body):
        kind, number, _, _ = _candidate(_clean(line))
        if kind == "section" or (kind in last and (not in_note or number == last[kind] + 1)):
            in_note = False
            last[kind] = number
        elif layout.opens_note(line):
            in_note = True
        if in_note:
            found.add(start + offset)
    return found


def _is_numbered(text: str) -> bool:
    return any(p.match(text) for p in (CHAPTER_HEADING, SECTION_HEADING, ARTICLE_HEADING, ITEM_MARKER, SUBITEM_MARKER))


def _indents_paragraphs(body: list[str]) -> bool:
    """Whether the text is hard-wrapped (as copied from a PDF) and marks its paragraphs by indenting them.

    Hard-wrapped: at least a quarter of its lines stop without punctuation and are followed by plain text.
    Indented: some lines start with spaces, but not nearly all (where every line is indented, it says nothing).
    """
    texts = [line for line in body if line.strip()]
    if len(texts) < 8:
        return False
    wrapped = sum(
        1
        for line, following in itertools.pairwise(texts)
        if not line.rstrip().endswith(tuple(BLOCK_FINAL_PUNCTUATION + "，、）)"))
        and not _is_numbered(_clean(line))
        and not _is_numbered(_clean(following))
    )
    indented = sum(1 for line in texts if line.startswith(_INDENT))
    return wrapped >= len(texts) / 4 and 0 < indented <= 0.8 * len(texts)


def _header_fields(lines: list[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in lines:
        match = HEADER_FIELD.match(line.strip())
        if match:
            fields[match.group(1) or match.group(2)] = match.group(3).strip()
    return fields


def _commentary(lines: list[str], first_line: int, profile: SourceProfile) -> Commentary:
    body = [line.strip() for line in lines]
    if body and profile.trailing_starts and body[0].startswith(profile.trailing_starts):
        body[0] = body[0][len(profile.trailing_starts) :].lstrip("：: ")
    paragraphs = [line for line in body if line]
    return Commentary(title=paragraphs[0], text="\n".join(paragraphs[1:]), line=first_line)


def _heading_number(numeral: str) -> int:
    """A chapter's, section's or article's number, in Chinese numerals or in (half- or full-width) digits."""
    return int(numeral) if numeral.isdigit() else parse_chinese_numeral(numeral)


def _candidate(text: str) -> tuple[str, int, str, str]:
    """What a cleaned line would start, read by its number alone: (kind, number, marker, rest)."""
    for kind, pattern in (("chapter", CHAPTER_HEADING), ("section", SECTION_HEADING), ("article", ARTICLE_HEADING)):
        match = pattern.match(text)
        if match:
            return kind, _heading_number(match.group(1)), text[: match.start("rest")].strip(), match.group("rest")
    match = BULLET_MARKER.match(text)
    if match:
        return "item", 0, match.group(1), match.group(2)  # its number is its place in the list (_blocks)
    match = ITEM_MARKER.match(text)
    if match:
        numeral = match.group(1) or match.group(2)
        return "item", parse_chinese_numeral(numeral), text[: match.start(3)].strip(), match.group(3)
    match = SUBITEM_MARKER.match(text)
    if match:
        digits = match.group(1) or match.group(2)
        number = int(digits) if digits else _one_character_number(match.group(3))
        return "subitem", number, text[: match.start(4)].strip(), match.group(4)
    return "text", 0, "", text


@dataclass
class _Numbers:
    """The numbers that come next, as the blocks are read."""

    chapter: int = 1
    section: int = 1
    article: int = 1
    inserted: int = 1  # the next 之N after the last article

    def expects(self, kind: str, number: int, blocks: list[_Block], inserted: int = 0) -> bool:
        if kind == "chapter":
            return number == self.chapter
        if kind == "section":
            return number == self.section
        if kind == "article":
            return (number, inserted) in ((self.article, 0), (self.article - 1, self.inserted))
        if kind == "item":
            return number == 1 or number == _last_item(blocks) + 1
        return _continues_subitems(blocks, number, "")

    def advance(self, kind: str, number: int, inserted: int = 0) -> None:
        if kind == "chapter":
            self.chapter, self.section = number + 1, 1
        elif kind == "section":
            self.section = number + 1
        elif kind == "article":
            self.article, self.inserted = number + 1, inserted + 1


def _blocks(
    lines: list[tuple[int, str]], ocr: bool, indented: bool, chapters: set[int] | frozenset[int] = frozenset()
) -> list[_Block]:
    """The blocks the lines start; ``chapters`` are the (1-based) numbers of lines that head chapters as 一、总则."""
    blocks: list[_Block] = []
    numbers = _Numbers()
    blank_since_last = False
    for line_number, raw in lines:
        text = _clean(raw)
        if not text:
            blank_since_last = True
            continue
        previous = blocks[-1] if blocks else None
        may_start = previous is None or previous.opens()
        kind, number, marker, rest = _candidate(text)
        if kind == "item" and number == 0:  # a bulleted entry: the next of its list, or the first
            number = _next_bullet(blocks)
        if line_number in chapters:  # 一、总则: a chapter's heading, found by the lines around it
            kind, may_start = "chapter", True
        if kind == "subitem" and may_start:
            kind = _subitem_or_item(blocks, number, marker)
        inserted = _inserted(kind, marker)
        expected = numbers.expects(kind, number, blocks, inserted)
        if kind != "text" and not (may_start and (expected or _strict(kind, marker))):
            kind, number, marker, rest = "text", 0, "", text
        if kind == "text":
            starts = previous is None or (
                previous.ends_sentence()
                and (blank_since_last or not ocr)
                and (not indented or raw.startswith(_INDENT))
                and previous.kind not in _HEADINGS  # a heading's title may wrap; a heading has no paragraphs
                and not (previous.kind == "article" and not previous.text)
            )
        else:
            starts = True
            numbers.advance(kind, number, inserted)
        if starts:
            blocks.append(_Block(kind, number, marker, [rest], line_number))
        else:
            assert previous is not None
            previous.lines.append(text)
        blank_since_last = False
    return blocks


def _inserted(kind: str, marker: str) -> int:
    """1 for an article numbered 第九条之一, 2 for 之二 …; 0 for any other block."""
    match = ARTICLE_HEADING.match(marker) if kind == "article" else None
    return parse_chinese_numeral(match.group(2)) if match and match.group(2) else 0


def _strict(kind: str, marker: str) -> bool:
    """Numbers that always start a block where a block may start, so that one out of order stops the build:
    chapters, sections, articles and full-width （N） items. Other item and sub-item forms out of order are
    text (a line may start with 一、 or 1. in a sentence)."""
    return kind in ("chapter", "section", "article") or (kind == "item" and marker.startswith("（"))


def _next_bullet(blocks: list[_Block]) -> int:
    """The number of a bulleted entry (——…): one after the bulleted entry before it, or 1 where a list begins."""
    for block in reversed(blocks):
        if block.kind == "subitem":
            continue
        return block.number + 1 if block.kind == "item" and block.marker in BULLETS else 1
    return 1


def _last_item(blocks: list[_Block]) -> int:
    for block in reversed(blocks):
        if block.kind == "item":
            return block.number
        if block.kind in ("article", *_HEADINGS):
            return 0
    return 0


def _one_character_number(marker: str) -> int:
    first = max(start for start in _ONE_CHARACTER_NUMBERS if start <= marker)
    return ord(marker) - ord(first) + 1


def _style(marker: str) -> str:
    """How a number is printed: in brackets （1） ⑴, with a closing bracket 1), circled ①, or followed by a point
    1. 1． 1、 ⒈."""
    if marker[:1] in "（(" or "⑴" <= marker[:1] <= "⒇":
        return "bracket"
    if marker[-1:] in ")）":
        return "closing"
    return "circle" if "①" <= marker[:1] <= "⑳" else "point"


def _continues_subitems(blocks: list[_Block], number: int, marker: str) -> bool:
    """A sub-item number counts only right under an item or after sub-item N-1 printed the same way; an item whose
    own number is printed like it (1．) cannot have it as a sub-item."""
    for block in reversed(blocks):
        if block.kind == "subitem":
            return block.number == number - 1 and (not marker or _style(block.marker) == _style(marker))
        if block.kind == "item":
            own_digits = block.marker[:1].isdigit() or block.marker[1:2].isdigit()
            return number == 1 and not (marker and own_digits and _style(block.marker) == _style(marker))
        if block.kind != "text":
            return False
    return False


def _subitem_or_item(blocks: list[_Block], number: int, marker: str) -> str:
    """A number in digits is a sub-item under an item; in an article with no items numbered in words, numbers in
    digits (1． 2． …) are its items (and （1） under them its sub-items)."""
    if _continues_subitems(blocks, number, marker):
        return "subitem"
    for block in reversed(blocks):
        if block.kind == "item":
            in_digits = block.marker[:1].isdigit() or block.marker[1:2].isdigit()
            same = in_digits and _style(block.marker) == _style(marker)
            return "item" if same and number == block.number + 1 else "subitem"
        if block.kind in ("article", *_HEADINGS):
            return "item" if number == 1 and _style(marker) == "point" else "subitem"
    return "subitem"


def _assemble(path: Path, blocks: list[_Block]) -> list[Chapter]:
    chapters: list[Chapter] = []
    section: Section | None = None
    article: Article | None = None
    expected_article = 1
    for index, block in enumerate(blocks):
        if block.kind == "chapter":
            if chapters and chapters[-1].implicit:
                raise SourceError(path, block.line, f"found {block.marker} after articles that stand in no chapter")
            _expect(path, block, len(chapters) + 1, "第{}章", "chapter")
            if chapters and not chapters[-1].articles:
                _no_articles(path, chapters[-1])
            chapters.append(Chapter(block.number, block.marker, block.text, block.line))
            section, article = None, None
        elif block.kind == "section":
            if not chapters or chapters[-1].implicit:
                raise SourceError(
                    path, block.line, f"section {block.marker} stands in no chapter; expected 第N章 first"
                )
            if section is not None and not section.articles:
                raise SourceError(path, section.line, f"section {section.marker} has no articles")
            _expect(path, block, len(chapters[-1].sections) + 1, "第{}节", "section")
            section = Section(block.number, block.marker, block.text, block.line)
            chapters[-1].sections.append(section)
            article = None
        elif block.kind == "article":
            if block.inserted:  # 第九条之一 follows 第九条 (or 之N-1), and the next is 第十条
                _expect_inserted(path, block, article)
            else:
                _expect(path, block, expected_article, "第{}条", "article")
                expected_article += 1
            if not chapters:
                chapters.append(Chapter(0, "", "", block.line))
            caption = _CAPTION.match(block.text)
            text = block.text[caption.end() :] if caption else block.text
            article = Article(
                block.number,
                block.marker,
                block.line,
                caption=caption.group(0) if caption else "",
                inserted=block.inserted,
            )
            article.paragraphs.append(Paragraph(1, text, block.line))
            chapters[-1].articles.append(article)
            if section is not None:
                section.articles.append(article)
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
        if block.number == 1 and paragraph.items:  # a new list after the items: a new paragraph with no lead
            paragraph = Paragraph(len(article.paragraphs) + 1, "", block.line)
            article.paragraphs.append(paragraph)
            expected = 1
        _expect(path, block, expected, "（{}）", "item")
        paragraph.items.append(Item(block.number, block.marker, block.text, block.line))
    elif block.kind == "subitem":
        if not paragraph.items:
            raise SourceError(path, block.line, f"expected an item （一） before the sub-item {block.marker}")
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


def _expect_inserted(path: Path, block: _Block, previous: Article | None) -> None:
    """An inserted article (第九条之一) comes right after the article it is inserted after, or after the one inserted
    before it (第九条之一 before 第九条之二)."""
    if previous is None or (previous.number, previous.inserted + 1) != (block.number, block.inserted):
        after = previous.marker if previous is not None else "no article"
        raise SourceError(
            path,
            block.line,
            f"found {block.marker} after {after}; an inserted article follows the one it is numbered after",
        )


def _no_articles(path: Path, chapter: Chapter) -> None:
    raise SourceError(
        path, chapter.line, f"chapter {chapter.marker} {chapter.title} has no articles; expected at least one 第N条"
    )
