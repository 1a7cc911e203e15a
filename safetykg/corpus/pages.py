"""Page furniture that changes from page to page: a running head printed on the line of its page number, and a
compiler's footnotes, their texts at a page's foot and their marks in the text.

A collection of documents (汇编) or a journal prints its name and the page number on one line at each page's top
(云溪县安全生产文件汇编（2042）　·57·, on the next page ·58·　云溪县安全生产文件汇编（2042）): the words beside a page
number, the same on two pages or more, make a running head. A compiler's footnote is marked in the text by a circled
number after a word (…实施办法》①，) and printed at the foot of the same page on a line of its own (①该文件已于2040年
修订…): a run of such lines at a page's foot, numbered in order, each of whose marks stands after a word higher on the
page, is the compiler's notes; the notes are dropped as furniture and their marks taken out of the text.
"""

import re
from collections.abc import Callable
from functools import cache

from safetykg.corpus.layout import SENTENCE_PUNCTUATION, Layout
from safetykg.corpus.text import squeeze

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def running_heads(lines: list[str], layout: Layout, is_numbered: Callable[[str], bool]) -> set[str]:
    """The lines (squeezed) that are a running head beside a page number: the same words beside a page number on two
    lines or more, with no sentence punctuation and no number of a chapter, article or item; or words printed alone on
    a line of their own elsewhere (a chapter's heading repeated at a page's top: 第二章　…职责　　6)."""
    beside: dict[str, list[str]] = {}
    alone = {squeeze(line) for line in lines}
    found: set[str] = set()
    for line in lines:
        text = squeeze(line)
        words = _without_page_number(text, layout) or _without_bare_page_number(line, layout)
        if not words:
            continue
        if words in alone:
            found.add(text)
        elif words[-1] not in SENTENCE_PUNCTUATION and "。" not in words and not is_numbered(words):
            beside.setdefault(words, []).append(text)
    return found | {text for texts in beside.values() if len(texts) >= 2 for text in texts}


def _without_bare_page_number(line: str, layout: Layout) -> str | None:
    """The words (squeezed) of a line that starts or ends with a bare page number apart from them by spaces
    (2　《…》释义, 第二章　…职责　　6); None for any other line."""
    if layout.bare_page_number is None:
        return None
    number = layout.bare_page_number.pattern
    text = line.strip()
    match = re.fullmatch(rf"(?:{number})[\s\u3000]+(\S.*)|(.*\S)[\s\u3000]+(?:{number})", text)
    return squeeze(match.group(1) or match.group(2)) if match else None


def _without_page_number(text: str, layout: Layout) -> str | None:
    """The words of a line that starts or ends with a page number (·57·, — 3 —), without it; None for any other."""
    for pattern in layout.page_furniture:
        starting, ending = _anchored(pattern.pattern)
        for match in (starting.match(text), ending.search(text)):
            if match and match.group(0) != text:
                return text[: match.start()] + text[match.end() :]
    return None


@cache
def _anchored(pattern: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(rf"^(?:{pattern})"), re.compile(rf"(?:{pattern})$")


def footnotes(lines: list[str], start: int, end: int, furniture: set[int]) -> tuple[set[int], dict[int, str]]:
    """The compiler's notes between ``start`` and ``end`` (indexes of their lines), and the lines whose marks of
    those notes are taken out (index -> the line without them); pages are the runs of lines between furniture."""
    notes: set[int] = set()
    unmarked: dict[int, str] = {}
    for page in _pages(lines, start, end, furniture):
        run = _notes_at_foot(page, lines)
        if not run:
            continue
        notes.update(page[run:])
        marks = {lines[index].strip()[0] for index in page[run:] if lines[index].strip()[0] in CIRCLED}
        for index in page[:run]:
            line = unmarked.get(index, lines[index])
            indent = len(line) - len(line.lstrip())
            body = line[indent + 1 :]
            kept = line[: indent + 1] + "".join(char for char in body if char not in marks)
            if kept != line:
                unmarked[index] = kept
    return notes, unmarked


def _pages(lines: list[str], start: int, end: int, furniture: set[int]) -> list[list[int]]:
    pages: list[list[int]] = [[]]
    for index in range(start, end):
        if index in furniture:
            pages.append([])
        elif lines[index].strip():
            pages[-1].append(index)
    return [page for page in pages if page]


def _notes_at_foot(page: list[int], lines: list[str]) -> int | None:
    """Where the run of notes at the page's foot starts (a position in ``page``), or None: the earliest line opening
    with a circled number from which on the numbers go up one by one to the page's end (a note may go on over more
    lines), each standing after a word in a line above it on the page."""
    found = None
    for position in range(len(page) - 1, -1, -1):
        if lines[page[position]].strip()[:1] in CIRCLED and _is_run_of_notes(page, position, lines):
            found = position
    return found


def _is_run_of_notes(page: list[int], position: int, lines: list[str]) -> bool:
    texts = [lines[index].strip() for index in page[position:]]
    marks = [text[0] for text in texts if text[0] in CIRCLED]
    numbers = [CIRCLED.index(mark) for mark in marks]
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return False
    above = [lines[index].strip()[1:] for index in page[:position]]
    return all(any(mark in text for text in above) for mark in marks)
