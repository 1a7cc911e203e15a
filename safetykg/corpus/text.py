"""Whitespace and OCR normalisation of regulation text: the one definition the parser and its tests share.

The documented rule: whitespace (spaces, tabs, U+3000 ideographic spaces, line breaks) is not part of
Chinese regulation text, so every run of it is removed — except between two ASCII letters or digits,
where it becomes one space. This undoes newspaper OCR ("管 业 务 必 须 管 安 全") and the separators
after article and item numbers, and changes nothing else.
"""

import re

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


def remove_markdown(line: str) -> str:
    """Drop the Markdown marks some sources carry (a copy exported from a web page or an article): a leading heading
    or quotation mark ("# 第一章　总则", "> 编者按：…") and bold marks ("**第一条**"); the words stay."""
    return _MARKDOWN_EMPHASIS.sub("", _MARKDOWN_LINE_MARK.sub("", line))


BLOCK_FINAL_PUNCTUATION = "。；：！？;:"
