"""Whitespace and OCR normalisation of regulation text: the one definition the parser and its tests share.

The documented rule: whitespace (spaces, tabs, U+3000 ideographic spaces, line breaks) is not part of
Chinese regulation text, so every run of it is removed — except between two ASCII letters or digits,
where it becomes one space. This undoes newspaper OCR ("管 业 务 必 须 管 安 全") and the separators
after article and item numbers, and changes nothing else.
"""

import re

from safetykg.corpus.numerals import CHINESE_NUMERAL_CHARS

_WHITESPACE_RUN = re.compile(r"\s+")
_ASCII_WORD_CHAR = re.compile(r"[A-Za-z0-9]")


def squeeze(text: str) -> str:
    """Remove whitespace from Chinese text, keeping one space between two ASCII letters or digits."""

    def replace(match: re.Match[str]) -> str:
        start, end = match.span()
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        if _ASCII_WORD_CHAR.fullmatch(before or "-") and _ASCII_WORD_CHAR.fullmatch(after or "-"):
            return " "
        return ""

    return _WHITESPACE_RUN.sub(replace, text)


def remove_artefacts(line: str, artefacts: tuple[str, ...]) -> str:
    """Drop word-processor artefacts such as "[bookmark: _GoBack]" that are not regulation text."""
    for artefact in artefacts:
        line = line.replace(artefact, "")
    return line


_MARKDOWN_LINE_MARK = re.compile(r"^(?:#+|>)\s*")  # a heading's # (# 第一章　总则), a quotation's >
_MARKDOWN_EMPHASIS = re.compile(r"\*\*")  # **第一条**: bold, as a Markdown export marks article numbers


_GAP = r"[ \t\u3000\u00a0]*"
_DIGIT = f"[{CHINESE_NUMERAL_CHARS}0-9０-９]"
# a number at a line's start spaced apart by OCR: 第 三 条, 第 一 章, 第 一 部 分, （ 四 ）
_SPACED_MARKER = re.compile(
    rf"^({_GAP})(第(?:{_GAP}{_DIGIT})+{_GAP}(?:章|节|条|部{_GAP}分)|[（(]{_GAP}[{CHINESE_NUMERAL_CHARS}]+{_GAP}[）)])"
)


def close_up_marker(line: str) -> str:
    """A line whose number at its start is spaced apart, as OCR prints it (第 三 条, （ 四 ）), with the number closed
    up (第三条, （四）); its indentation and every other character stay as they are."""
    match = _SPACED_MARKER.match(line)
    if match is None:
        return line
    return match.group(1) + _WHITESPACE_RUN.sub("", match.group(2)) + line[match.end() :]


def remove_markdown(line: str) -> str:
    """Drop the Markdown marks some sources carry (a copy exported from a web page or an article): a leading heading
    or quotation mark ("# 第一章　总则", "> 编者按：…") and bold marks ("**第一条**"); the words stay."""
    return _MARKDOWN_EMPHASIS.sub("", _MARKDOWN_LINE_MARK.sub("", line))


BLOCK_FINAL_PUNCTUATION = "。；：！？;:"
