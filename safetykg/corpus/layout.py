"""How rules of the genre are laid out beyond their numbering: page furniture, running titles, closing matter,
and what the text before the rule states (title, document number, date, issuers).

The knowledge is data (``sources/layout.toml``, which a user's data folder may replace); this module reads it
and applies it to lines.
"""

import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from safetykg.core.errors import SourceError
from safetykg.core.resources import packaged, read_toml
from safetykg.corpus.numerals import parse_chinese_numeral
from safetykg.corpus.text import squeeze

LAYOUT_FILE = "layout.toml"
# [final_provisions]: the patterns metadata.py reads the final provisions with; a layout.toml states them all
FINAL_PROVISIONS = ("in_force_date", "in_force_rule", "repeal", "citation", "interpreter", "interpretation_work")
_PACKAGED = packaged("sources") / LAYOUT_FILE
SENTENCE_PUNCTUATION = "。；：！？;:，,、"
_BRACKET_SPACES = re.compile(r"\s*([〔［【（(\[〕］】）)\]])\s*")


@dataclass(frozen=True)
class Layout:
    page_furniture: tuple[re.Pattern[str], ...] = ()
    running_title_repeats: int = 3
    translation: tuple[re.Pattern[str], ...] = ()  # a line of the body in another language: a translation, not text
    amendment_notes: tuple[re.Pattern[str], ...] = ()  # a compiler's note on an amendment (〔注：本条…修订〕): not text
    bare_page_number: re.Pattern[str] | None = None  # a page number beside a running head, apart by spaces (2　…释义)
    editors_notes: tuple[re.Pattern[str], ...] = ()  # captions opening an editor's note after an article (【释义】)
    contents_leader: re.Pattern[str] | None = None  # the dots and page ending a table of contents' entry (……（1）)
    heading_ornaments: re.Pattern[str] | None = None  # marks decorating a heading (▍第一章, ◆ 第二章 职责 ◆)
    closing_starts: tuple[str, ...] = ()
    closing_patterns: tuple[re.Pattern[str], ...] = ()
    number: re.Pattern[str] | None = None
    date: re.Pattern[str] | None = None
    date_in_words: re.Pattern[str] | None = None  # a date in Chinese numerals (二〇三四年三月十日)
    amendment: re.Pattern[str] | None = None  # 根据…《…决定》修订 in a consolidated text's history: date, title
    draft: re.Pattern[str] | None = None  # a draft's mark before the rule (（征求意见稿）): not issued yet
    title_endings: tuple[str, ...] = ()
    issuer_endings: tuple[str, ...] = field(default=())
    issuing_verbs: tuple[str, ...] = field(default=())
    issuer_fields: tuple[str, ...] = ()
    number_fields: tuple[str, ...] = ()
    date_fields: tuple[str, ...] = ()
    organ_names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # [organ_names]: what add-source drafts from
    full_width: dict[str, str] = field(default_factory=dict)  # [reading]: half-width punctuation read as full-width
    quotes: tuple[str, ...] = ()  # [reading]: the opening and closing quotes straight double quotes are read as
    # [final_provisions]: entry into force, repeals, citations, interpretation (FINAL_PROVISIONS); none in an empty layout
    final_provisions: dict[str, re.Pattern[str]] = field(default_factory=dict)

    def is_furniture(self, line: str) -> bool:
        return _whole_line_matches(line, self.page_furniture)

    def is_translation(self, line: str) -> bool:
        return _whole_line_matches(line, self.translation)

    def is_amendment_note(self, line: str) -> bool:
        return _whole_line_matches(line, self.amendment_notes)

    def opens_note(self, line: str) -> bool:
        """Whether the line starts with the caption of an editor's note (【条文主旨】…, 【释义】)."""
        text = line.strip()
        return any(pattern.match(text) for pattern in self.editors_notes)

    def lists_a_page(self, line: str) -> bool:
        """Whether the line ends as a table of contents' entry does: a leader of dots and a page (第一章　总则……（1）)."""
        text = line.strip()
        return self.contents_leader is not None and any(
            match.end() == len(text) for match in self.contents_leader.finditer(text)
        )

    def undecorated(self, line: str, is_heading: Callable[[str], bool]) -> str:
        """The line without the marks decorating it (▍, ◆ … ◆, 【…】, — … —) where what they surround is a heading
        (``is_heading``); any other line as it is."""
        if self.heading_ornaments is None:
            return line
        ornament = self.heading_ornaments.pattern
        match = re.fullmatch(f"({ornament})?(.*?)({ornament})?", line.strip())
        if match is None or not (match.group(1) or match.group(3)):
            return line
        words = match.group(2)
        return words if words and is_heading(words) else line

    def is_document_number(self, line: str) -> bool:
        """Whether the line is a document's number alone (鹤政发〔2048〕4号), as under a document's title."""
        text = line.strip()
        return bool(text) and self.number is not None and self.number.fullmatch(text) is not None

    def is_closing(self, line: str) -> bool:
        text = line.strip()
        return bool(text) and (
            text.startswith(self.closing_starts) or any(pattern.fullmatch(text) for pattern in self.closing_patterns)
        )


def _whole_line_matches(line: str, patterns: tuple[re.Pattern[str], ...]) -> bool:
    text = line.strip()
    return bool(text) and any(pattern.fullmatch(text) for pattern in patterns)


def load_layout(path: Path | None) -> Layout:
    """The layout of ``path`` (a layout.toml), or an empty layout when there is none. The final provisions' patterns it
    does not state ([final_provisions]) are the packaged layout's: the rules of the genre word them alike."""
    if path is None:
        return Layout(final_provisions=_packaged_final_provisions())
    data = read_toml(path)

    def patterns(values: list[str], key: str) -> tuple[re.Pattern[str], ...]:
        try:
            return tuple(re.compile(value) for value in values)
        except re.error as err:
            raise SourceError(path, 1, f"{key}: {err.pattern!r} is not a regular expression: {err}") from err

    preamble, reading = data.get("preamble", {}), data.get("reading", {})
    full_width = {str(key): str(value) for key, value in reading.get("full_width", {}).items()}
    quotes = tuple(str(quote) for quote in reading.get("quotes", ()))
    bad = [key for key, value in full_width.items() if len(key) != 1 or len(value) != 1]
    if bad or len(quotes) not in (0, 2) or any(len(quote) != 1 for quote in quotes):
        message = "[reading]: full_width maps one character to one, and quotes are two characters (opening, closing)"
        raise SourceError(path, 1, message)
    final = data.get("final_provisions", {})
    unknown = sorted(set(final) - set(FINAL_PROVISIONS))
    if unknown:
        raise SourceError(
            path, 1, f"[final_provisions]: unknown {', '.join(unknown)}; expected {', '.join(FINAL_PROVISIONS)}"
        )
    own = {key: patterns([value], f"final_provisions.{key}")[0] for key, value in final.items()}
    if len(own) < len(FINAL_PROVISIONS):
        if path == _PACKAGED:
            missing = ", ".join(key for key in FINAL_PROVISIONS if key not in own)
            raise SourceError(path, 1, f"[final_provisions] lacks {missing}: the packaged layout states them all")
        own = {**_packaged_final_provisions(), **own}
    return Layout(
        page_furniture=patterns(data.get("page_furniture", []), "page_furniture"),
        running_title_repeats=int(data.get("running_title_repeats", 3)),
        translation=patterns(data.get("translation", []), "translation"),
        amendment_notes=patterns(data.get("amendment_notes", []), "amendment_notes"),
        bare_page_number=(
            patterns([data["bare_page_number"]], "bare_page_number")[0] if "bare_page_number" in data else None
        ),
        editors_notes=patterns(data.get("editors_notes", []), "editors_notes"),
        contents_leader=(
            patterns([data["contents_leader"]], "contents_leader")[0] if "contents_leader" in data else None
        ),
        heading_ornaments=(
            patterns([data["heading_ornaments"]], "heading_ornaments")[0] if "heading_ornaments" in data else None
        ),
        closing_starts=tuple(data.get("closing_starts", ())),
        closing_patterns=patterns(data.get("closing_patterns", []), "closing_patterns"),
        number=patterns([preamble["number"]], "preamble.number")[0] if "number" in preamble else None,
        date=patterns([preamble["date"]], "preamble.date")[0] if "date" in preamble else None,
        date_in_words=(
            patterns([preamble["date_in_words"]], "preamble.date_in_words")[0] if "date_in_words" in preamble else None
        ),
        draft=patterns([preamble["draft"]], "preamble.draft")[0] if "draft" in preamble else None,
        amendment=patterns([preamble["amendment"]], "preamble.amendment")[0] if "amendment" in preamble else None,
        title_endings=tuple(preamble.get("title_endings", ())),
        issuer_endings=tuple(sorted(preamble.get("issuer_endings", ()), key=len, reverse=True)),
        issuing_verbs=tuple(sorted(preamble.get("issuing_verbs", ()), key=len, reverse=True)),
        issuer_fields=tuple(preamble.get("issuer_fields", ())),
        number_fields=tuple(preamble.get("number_fields", ())),
        date_fields=tuple(preamble.get("date_fields", ())),
        organ_names={key: tuple(words) for key, words in data.get("organ_names", {}).items()},
        full_width=full_width,
        quotes=quotes,
        final_provisions=own,
    )


@functools.cache
def _packaged_final_provisions() -> dict[str, re.Pattern[str]]:
    return load_layout(_PACKAGED).final_provisions


def running_titles(body: list[str], preamble: list[str], layout: Layout, is_numbered: object) -> set[str]:
    """Lines of the body that are running titles: repeated, unpunctuated, unnumbered (``is_numbered(line)``)."""
    counts: dict[str, int] = {}
    for line in body:
        text = squeeze(line)
        if text:
            counts[text] = counts.get(text, 0) + 1
    before = {squeeze(line) for line in preamble if squeeze(line)}
    found = set()
    for text, count in counts.items():
        if text[-1] in SENTENCE_PUNCTUATION or "。" in text or is_numbered(text):  # type: ignore[operator]
            continue
        if count >= layout.running_title_repeats or (text in before and len(text) >= 6):
            found.add(text)
    return found


@dataclass(frozen=True)
class Amendment:
    """An amendment a consolidated text's history names: the amending document's title and its date."""

    title: str
    issued: date


@dataclass(frozen=True)
class PreambleFacts:
    """What the text before the rule states: its title, number, date of issue and issuers, as printed, and the
    amendments its history names."""

    title: str | None
    number: str | None
    issued: date | None
    issuers: tuple[str, ...]
    amendments: tuple[Amendment, ...] = ()


def read_preamble(lines: list[str], layout: Layout, fields: dict[str, str] | None = None) -> PreambleFacts:
    """What the text before the rule states; a database's header fields (发文机关：…, 发文字号：…, 发布日期：…), where
    it has them, name the issuers, the number and the date of issue. Page furniture (a fax machine's header with its
    date, a page number) states none of them."""
    fields = fields or {}
    lines = [line for line in lines if not layout.is_furniture(line)]
    texts = [squeeze(line) for line in lines if squeeze(line)]
    number = next((squeeze(fields[name]) for name in layout.number_fields if fields.get(name)), None)
    issued = next((_date(fields[name], layout) for name in layout.date_fields if fields.get(name)), None)
    for line in lines:
        if layout.number is not None and number is None:
            number = _own_number(line, layout)
    amendments = _amendments(texts, layout)
    if issued is None and layout.date is not None:
        for text in texts:  # an amendment's date is not the rule's date of issue
            issued = _date(layout.amendment.sub("", text) if layout.amendment else text, layout, last=True) or issued
    named = next((fields[name] for name in layout.issuer_fields if fields.get(name)), None)
    issuers = tuple(i for i in re.split(r"[、，,；;\s]+", named) if i) if named else _issuers(lines, layout)
    return PreambleFacts(_title(lines, layout), number, issued, issuers, amendments)


def _amendments(texts: list[str], layout: Layout) -> tuple[Amendment, ...]:
    """The amendments a consolidated text's history names (根据2051年3月28日《…的决定》修订), in order."""
    if layout.amendment is None:
        return ()
    found = []
    for match in layout.amendment.finditer("".join(texts)):
        year, month, day, title = match.groups()
        found.append(Amendment(title, date(int(year), int(month), int(day))))
    return tuple(found)


def _own_number(text: str, layout: Layout) -> str | None:
    """The first document number a line prints that is not a cited document's: a number in brackets right after a
    title in 《》 (…《青岚省…实施细则》（青委办发〔2019〕12号）…, as a foreword cites the rule implemented) is that
    document's."""
    assert layout.number is not None
    # spaces around brackets are closed up (青委办发 〔2019〕 12号); others stay, so a number does not run on into the
    # words before it (…日印发　栖办发〔2045〕7号)
    text = _BRACKET_SPACES.sub(r"\1", text.strip())
    citation = layout.final_provisions.get("citation")
    cited = [match.span(2) for match in citation.finditer(text) if match.group(2)] if citation else []
    for found in layout.number.finditer(text):
        if not any(start <= found.start() and found.end() <= end for start, end in cited):
            return found.group(0).replace(" ", "")
    return None


def read_around(preamble: str, trailing: str, layout: Layout, fields: dict[str, str] | None = None) -> PreambleFacts:
    """What the text around the rule states: the preamble's facts, and the issuers and date of a signature after the
    rule where the preamble states none: the first run of up to three closing lines that names any (right after the
    rule: 中共洞庭街道工作委员会　洞庭街道办事处 / 二〇三四年三月十日; or at the end, after an attachment: 抄送：… /
    中共白音盟委员会办公室　2039年6月3日印发)."""
    printed = read_preamble(preamble.split("\n"), layout, fields)
    if layout.draft is not None and layout.draft.search(squeeze(preamble)):
        # a draft for comment (…（征求意见稿）) has not been issued: the dates and bodies around it are the notice's
        return PreambleFacts(printed.title, printed.number, None, (), printed.amendments)
    if printed.issuers and printed.issued:
        return printed
    lines = [line for line in trailing.split("\n") if line.strip()]
    runs = [list(run) for closing, run in itertools.groupby(lines, layout.is_closing) if closing]
    for run in runs:
        signed = read_preamble(run[:3], layout)
        if signed.issuers or signed.issued:
            return PreambleFacts(
                printed.title,
                printed.number,
                printed.issued or signed.issued,
                printed.issuers or signed.issuers,
                printed.amendments,
            )
    return printed


def _date(text: str, layout: Layout, last: bool = False) -> date | None:
    """The first (or last) valid date the text prints, in digits or in Chinese numerals (二〇三四年三月十日)."""
    found = None
    for pattern, read in ((layout.date, int), (layout.date_in_words, _number_in_words)):
        for match in pattern.finditer(text) if pattern is not None else ():
            try:
                found = date(*map(read, match.groups()))
            except ValueError:
                continue
            if not last:
                return found
    return found


def _number_in_words(text: str) -> int:
    """二〇三四 (a year, digit by digit) or 十 / 二十三 (a month or day) as a number."""
    digits = "〇一二三四五六七八九"
    if len(text) == 4 and all(char in digits + "零" for char in text):
        return int("".join(str(digits.index(char)) if char in digits else "0" for char in text))
    return parse_chinese_numeral(text)


def _title(lines: list[str], layout: Layout) -> str | None:
    """The first line ending as a title of the genre ends, or else the first two lines that do together. A title
    broken over two lines with no blank line between (雾岭林区党政领导干部 / 安全生产责任制实施办法) is read whole: the
    line before the one that ends as a title is its start when it is a title's words too (no punctuation, no
    digits, not closing matter such as 附件, not a title of its own)."""
    texts = [squeeze(line) for line in lines]
    lines_of = [index for index, text in enumerate(texts) if text]
    singles = [texts[index] for index in lines_of]
    pairs = [first + second for first, second in itertools.pairwise(singles)]
    for position, candidate in enumerate(singles + pairs):
        cleaned = _title_in(candidate, layout)
        if cleaned is None:
            continue
        index = lines_of[position] if position < len(singles) else -1
        before = texts[index - 1] if index > 0 else ""
        if cleaned == candidate and _starts_title(before, layout) and _title_in(before + candidate, layout):
            return before + candidate
        return cleaned
    return None


def _title_in(text: str, layout: Layout) -> str | None:
    cleaned = text.rsplit("《", 1)[-1].strip("《》")  # 关于印发《…办法》的通知 names the rule too
    if cleaned and cleaned.endswith(layout.title_endings) and not re.search(r"〔|。|\d", cleaned):
        return cleaned
    return None


def _starts_title(text: str, layout: Layout) -> bool:
    """Whether a line could be a title's first words: unpunctuated, no digits, not closing matter (附件), not a
    title of its own."""
    return (
        len(text) >= 4
        and not re.search(r"[\d，。：；、（）()《》〔〕]", text)
        and not layout.is_closing(text)
        and not text.endswith(layout.title_endings)
    )


def _issuers(lines: list[str], layout: Layout) -> tuple[str, ...]:
    """The issuing bodies the lines name: words ending as their names end, each alone or in a list before an issuing
    verb ((2026年3月10日中共石桥镇委员会、石桥镇人民政府印发))."""
    found: list[str] = []
    for line in lines:
        for word in re.split(r"[\s\u3000]+", line.strip()):
            for name in _issuing_list(word, layout) or [_after_date(word.strip("（）()"), layout)]:
                plain = not any(mark in name for mark in "，。：；《》〔")
                if plain and 3 <= len(name) <= 30 and name.endswith(layout.issuer_endings) and name not in found:
                    found.append(name)
    return tuple(found)


def _issuing_list(word: str, layout: Layout) -> list[str]:
    """The names listed before an issuing verb at the end of a word, after any date: [] when it ends with none."""
    bare = word.strip("（）()")
    verb = next((verb for verb in layout.issuing_verbs if bare.endswith(verb)), None)
    if verb is None:
        return []
    return [name for name in _after_date(bare.removesuffix(verb), layout).split("、") if name]


def _after_date(words: str, layout: Layout) -> str:
    """The words after the last date in them (2050年3月5日中共澄阳省委办公厅: 中共澄阳省委办公厅), or all of them."""
    dates = list(layout.date.finditer(words)) if layout.date is not None else []
    return words[dates[-1].end() :].removeprefix("日") if dates else words
