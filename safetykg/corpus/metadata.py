"""Document metadata stated in the texts: entry into force, repeals, interpretation, documents cited.

Each fact keeps the article it was read from, so the graph can cite it.
"""

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import date

from safetykg.core.errors import SourceError
from safetykg.corpus.catalogue import Catalogue, CitedDocument, SourceDocument
from safetykg.corpus.layout import read_around
from safetykg.corpus.model import ParsedDocument

log = logging.getLogger("safetykg.build")

# the patterns of entry into force, repeals, citations and interpretation are the layout's (sources/layout.toml,
# [final_provisions]): source.profile.layout.final_provisions
_HEADER_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


@dataclass(frozen=True)
class Citation:
    cited: CitedDocument | None  # None when the citation names a corpus document
    corpus_id: str | None
    number: str | None
    article: str  # the citing article's designation: "1", or "9a" for 第九条之一
    basis: bool  # cited in the article that states the rule's basis (eli:based_on)


@dataclass(frozen=True)
class Repeal:
    cited: CitedDocument
    number: str | None
    issued: date | None
    article: str  # the repealing article's designation


@dataclass(frozen=True)
class Amended:
    """An amendment of the rule its history names (根据…《…决定》修订): the amending document, and its date."""

    by: CitedDocument | None  # None when the amending document is in the corpus
    corpus_id: str | None
    issued: date


@dataclass(frozen=True)
class DocumentMetadata:
    in_force_date: date | None
    in_force_rule: str | None  # the rule's own wording where it gives no date, e.g. 自印发之日起施行
    in_force_article: str  # the article's designation: "20", or "20a" for 第二十条之一
    issued: date | None
    number: str | None
    header: dict[str, str]
    interpreter: str | None
    interpretation_work: str | None
    interpreter_article: str | None
    citations: tuple[Citation, ...]
    repeals: tuple[Repeal, ...]
    amendments: tuple[Amended, ...] = ()


def extract_metadata(source: SourceDocument, parsed: ParsedDocument, catalogue: Catalogue) -> DocumentMetadata:
    in_force = _entry_into_force(source, parsed)
    interpreter = _interpretation(source, parsed)
    header = parsed.header_fields
    printed = read_around(parsed.preamble, parsed.trailing, source.profile.layout, parsed.header_fields)
    return DocumentMetadata(
        in_force_date=in_force[0],
        in_force_rule=in_force[1],
        in_force_article=in_force[2],
        issued=_header_date(header.get("发文日期")) or printed.issued,
        number=header.get("文号") or printed.number,
        header=dict(header),
        interpreter=interpreter[0],
        interpretation_work=interpreter[1],
        interpreter_article=interpreter[2],
        citations=_citations(source, parsed, catalogue),
        repeals=_repeals(source, parsed, catalogue),
        amendments=tuple(
            Amended(
                *_lookup(source, catalogue, amendment.title, _line_naming(source, amendment.title)), amendment.issued
            )
            for amendment in printed.amendments
        ),
    )


def _entry_into_force(source: SourceDocument, parsed: ParsedDocument) -> tuple[date | None, str | None, str]:
    for article in reversed(parsed.articles):
        text = article.full_text()
        match = _final(source, "in_force_date").search(text)
        if match:
            return date(*map(int, match.groups())), None, article.designation
        rule = _final(source, "in_force_rule").search(text)
        if rule:
            return None, rule.group(0), article.designation
    last = parsed.articles[-1]
    raise SourceError(
        source.file, last.line, "no entry-into-force clause (…起施行) found; expected one in the final provisions"
    )


def _interpretation(source: SourceDocument, parsed: ParsedDocument) -> tuple[str | None, str | None, str | None]:
    """Who interprets the rule, who carries out the concrete interpretation work, and the article that says so.

    "本细则由X负责解释，具体解释工作由Y承担" names both. "本细则具体解释工作由Y承担" names only who does the work:
    Y is the work all the same, and, the rule naming no one else, also the interpreter (as the graph has always
    recorded it)."""
    for article in parsed.articles:
        text = article.full_text()
        if not text.startswith("本") or "解释" not in text:
            continue
        work = _final(source, "interpretation_work").search(text)
        head = _final(source, "interpreter").search(
            text.split("具体解释工作")[0]
        )  # before the work clause, wherever it stands
        worker = work.group(1) if work else None
        return (head.group(1) if head else worker), worker, article.designation
    return None, None, None


def _final(source: SourceDocument, key: str) -> re.Pattern[str]:
    """The layout's pattern of the final provisions named ``key`` (layout.toml [final_provisions])."""
    pattern = source.profile.layout.final_provisions.get(key)
    if pattern is None:
        raise SourceError(source.file, 1, f"the layout states no [final_provisions] {key} (sources/layout.toml)")
    return pattern


def _line_naming(source: SourceDocument, title: str) -> int:
    """The first line of the file that names the document (its title's opening words after 《), or 1."""
    opening = "《" + title[:8]
    lines = source.file.read_text(encoding="utf-8").split("\n")
    return next((number for number, line in enumerate(lines, start=1) if opening in line), 1)


def _header_date(value: str | None) -> date | None:
    if value is None:
        return None
    match = _HEADER_DATE.fullmatch(value)
    return date(*map(int, match.groups())) if match else None


def _lookup(
    source: SourceDocument, catalogue: Catalogue, title: str, line: int
) -> tuple[CitedDocument | None, str | None]:
    for doc in catalogue.documents:
        if doc.title == title:
            return None, doc.id
    if title in catalogue.cited:
        return catalogue.cited[title], None
    undeclared = CitedDocument(title, "cited-" + hashlib.sha256(title.encode("utf-8")).hexdigest()[:12], "")
    log.warning(
        "%s:%d: cited document 《%s》 has no entry in sources.toml [cited]; it gets a node from its title "
        "(id/document/%s), with no English title: declare it to give it a readable slug and one",
        source.file,
        line,
        title,
        undeclared.slug,
    )
    return undeclared, None


def _citations(source: SourceDocument, parsed: ParsedDocument, catalogue: Catalogue) -> tuple[Citation, ...]:
    found: list[Citation] = []
    for article in parsed.articles:
        for match in _final(source, "citation").finditer(article.full_text()):
            cited, corpus_id = _lookup(source, catalogue, match.group(1), article.line)
            basis = (article.number, article.inserted) == (1, 0)
            found.append(Citation(cited, corpus_id, match.group(2), article.designation, basis=basis))
    return tuple(found)


def _repeals(source: SourceDocument, parsed: ParsedDocument, catalogue: Catalogue) -> tuple[Repeal, ...]:
    repeals: list[Repeal] = []
    for article in parsed.articles:
        for match in _final(source, "repeal").finditer(article.full_text()):
            year, month, day, title, number = match.groups()
            cited, _ = _lookup(source, catalogue, title, article.line)
            if cited is None:
                raise SourceError(
                    source.file, article.line, f"《{title}》 is in the corpus; a rule cannot repeal it here"
                )
            issued = date(int(year), int(month), int(day)) if year else None
            repeals.append(Repeal(cited, number, issued, article.designation))
    return tuple(repeals)
