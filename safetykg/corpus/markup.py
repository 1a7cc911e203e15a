"""A rule received as the HTML source of a web page ("view source" saved as text): its text as a reader of the page
sees it, line by line, each line with the number of the source line it comes from.

Tags are not text: scripts, styles and comments are dropped whole; a line break (<br/>) and the start or end of a
block (a paragraph, a division, a heading, a table's row or cell, a list's item) end a line; other tags are taken
out; character references (&nbsp;, &ldquo;, &#12288;) are the characters they stand for. The source file itself is
kept as it came (docs/reading.md)."""

import html
import re

# tags that say the text is a page's source, not a text: a rule with a few of them is read as markup
_PAGE_TAG = re.compile(r"<(?:p|br|div|span|strong|html|body|td|h[1-6])\b[^<>]*>", re.IGNORECASE)
_PAGE_TAGS_NEEDED = 3
# what is dropped whole, with everything inside it (the line breaks it spans are kept, so numbers still match)
_DROPPED = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<head\b.*?</head\s*>", re.IGNORECASE | re.DOTALL)
_LINE_END = re.compile(r"<br\s*/?>|</?(?:p|div|h[1-6]|tr|td|th|li|ul|ol|table|title)\b[^<>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")


def is_page_source(text: str) -> bool:
    """Whether a text is a web page's source: it has a few of a page's tags."""
    return len(_PAGE_TAG.findall(text, 0, 200_000)) >= _PAGE_TAGS_NEEDED


def page_lines(text: str) -> list[tuple[int, str]]:
    """The page's text as its reader sees it: (source line number, line), in order; lines a tag left empty are
    empty."""
    kept = _DROPPED.sub(lambda dropped: "\n" * dropped.group(0).count("\n"), text)
    lines: list[tuple[int, str]] = []
    for number, line in enumerate(kept.split("\n"), start=1):
        for part in _LINE_END.split(line.rstrip("\r")):
            lines.append((number, html.unescape(_TAG.sub("", part))))
    return lines
