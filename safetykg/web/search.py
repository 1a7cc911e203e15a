"""Full-text search over the provisions of every rule, with filters: the index, matching, ranking, highlighting
and the filters' counts as pure functions (no server; ``web/routes/search.py`` serves them at ``/search``).

What is searched. The provisions the canned question ``provisions-mentioning`` searches, each once, with its own
words: every item and sub-item, and every article and paragraph by its lead text (the words before its items);
an article or paragraph without parts has its whole text as its lead. An article made of paragraphs has no words
of its own (its paragraphs carry them), and an item made of sub-items keeps only the line before them, so that a
term found in a sub-item is one hit, not also one for the item around it (``own_words``, as the reader shows it).

How a query matches. The query is cut at spaces (full-width ones too) into terms; a provision matches when its
own words contain every term. Chinese has no word boundaries, so a term matches anywhere, as a substring. Both
sides are compared folded (NFKC, case-folded, character by character so that a match maps back to the original
characters): ｆ and F, （ and ( are the same.

Ranking. First the provisions with the most occurrences of the terms (every term's non-overlapping occurrences,
added up); among those, the one whose words the matches cover most (the matched characters over all its
characters: a short provision that is mostly the query before a long one that mentions it in passing); then the
reading order (national rule first, as ``ui_corpus`` orders the documents, then by source line).

Filters. Four, combinable (AND across filters), one value each: ``jurisdiction`` (its document's), ``function``
(the ``skg:chapterFunction`` of the duties cited to the provision; failing any, those of its chapter's duties),
``domain`` (``skg:concernsDomain`` of the facts cited to it) and ``organ`` (a cited duty's bearers, a post standing
for its organ, and a cited designation's organ). A value is an IRI, the end of one (``…/organ/<place>/<kind>``
as ``<place>/<kind>``), or its zh or en label; anything else is refused naming the closest values. Each
filter's counts are those of the hits under the query and every *other* filter, so that each count says how many
hits choosing that value instead would give.
"""

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain

from markupsafe import Markup, escape

from safetykg.core.namespaces import SKG
from safetykg.web.ui_corpus import Labels, Row

Span = tuple[int, int]

FACETS = ("jurisdiction", "function", "domain", "organ")
MAX_QUERY = 200  # characters of a query
PART_TYPES = (SKG + "Article", SKG + "Paragraph", SKG + "Item", SKG + "SubItem")
_SPACES = re.compile(r"\s+")


class FilterError(ValueError):
    """A filter's value names nothing the index knows; the message lists the closest known values."""


def fold(text: str) -> tuple[str, tuple[int, ...]]:
    """The text as compared (NFKC, case-folded, one character at a time), and for each of its characters the
    index of the original character it comes from."""
    folded: list[str] = []
    origin: list[int] = []
    for at, char in enumerate(text):
        same = unicodedata.normalize("NFKC", char).casefold()
        folded.append(same)
        origin.extend([at] * len(same))
    return "".join(folded), tuple(origin)


def query_terms(query: str) -> tuple[str, ...]:
    """The terms of a query: folded, cut at spaces, each once, in the order given."""
    folded = unicodedata.normalize("NFKC", query).casefold()
    return tuple(dict.fromkeys(term for term in _SPACES.split(folded) if term))


@dataclass(frozen=True)
class Entry:
    """One provision in the index: its own words (and them folded), where it stands, and its filter values."""

    provision: str
    document: str
    jurisdiction: str
    citation: str
    text: str
    order: tuple[int, int, str]  # the document's rank, the source line, the IRI
    facets: Mapping[str, frozenset[str]]
    folded: str = field(repr=False)
    origin: tuple[int, ...] = field(repr=False)


@dataclass(frozen=True)
class Index:
    entries: tuple[Entry, ...]
    values: Mapping[str, tuple[str, ...]]  # each filter's values found on some provision, in the order shown
    labels: Labels  # zh/en labels of the filters' values
    keys: Mapping[str, str] = field(default_factory=dict)  # a value's IRI -> its shortest unambiguous end

    def key(self, iri: str) -> str:
        """How a value is written in a URL: the shortest end of its IRI that names it alone (see ``resolve``)."""
        return self.keys.get(iri, iri)

    def label(self, iri: str, lang: str) -> str:
        found = self.labels.get(iri, {})
        return found.get(lang) or found.get("zh") or iri.rstrip("/").rsplit("/", 1)[-1]


def own_words(row: Row, parts: Sequence[Row]) -> str:
    """A provision's own words (see the module's docstring): "" for an article of paragraphs, the lead text (or
    the first line) of one with items or sub-items, the whole text of one without parts."""
    if not parts:
        return row.get("lead") or row.get("text", "")
    if any(part.get("type") == SKG + "Paragraph" for part in parts):
        return ""
    return row.get("lead") or row.get("text", "").split("\n", 1)[0]


def build_index(rows: Iterable[Row], documents: Sequence[str], labels: Labels) -> Index:
    """The index from the rows of ``queries/search.rq`` (kind ``provision`` with the words, ``chapter``,
    ``function``, ``domain`` and ``organ`` with a value), the documents in reading order and the values' labels."""
    provisions: dict[str, Row] = {}
    values: dict[str, dict[str, set[str]]] = {kind: {} for kind in ("chapter", "function", "domain", "organ")}
    for row in rows:
        if row["kind"] == "provision":
            provisions.setdefault(row["provision"], row)
        elif row["kind"] in values and row.get("value"):
            values[row["kind"]].setdefault(row["provision"], set()).add(row["value"])
    parts: dict[str, list[Row]] = {}
    for row in provisions.values():
        parts.setdefault(row["parent"], []).append(row)

    def chapter_of(iri: str) -> str:
        for _ in range(len(PART_TYPES) + 1):
            chapters = values["chapter"].get(iri)
            if chapters:
                return min(chapters)
            if iri not in provisions:
                break
            iri = provisions[iri]["parent"]
        return ""

    chapters = {iri: chapter_of(iri) for iri in provisions}
    chapter_functions: dict[str, set[str]] = {}
    for iri, functions in values["function"].items():
        if chapters.get(iri):
            chapter_functions.setdefault(chapters[iri], set()).update(functions)
    rank = {doc: at for at, doc in enumerate(documents)}
    entries = []
    for iri, row in provisions.items():
        text = own_words(row, parts.get(iri, []))
        if not text.strip():
            continue
        folded, origin = fold(text)
        facets = {
            "jurisdiction": frozenset({row["jurisdiction"]}),
            "function": frozenset(values["function"].get(iri) or chapter_functions.get(chapters[iri], set())),
            "domain": frozenset(values["domain"].get(iri, set())),
            "organ": frozenset(values["organ"].get(iri, set())),
        }
        line = int(row["line"]) if row.get("line", "").isdigit() else 0
        order = (rank.get(row["doc"], len(rank)), line, iri)
        entries.append(
            Entry(iri, row["doc"], row["jurisdiction"], row.get("citation", ""), text, order, facets, folded, origin)
        )
    entries.sort(key=lambda entry: entry.order)
    places = list(dict.fromkeys(e.jurisdiction for e in entries))
    found = {
        facet: tuple(
            sorted({v for e in entries for v in e.facets[facet]}, key=lambda v: (labels.get(v, {}).get("zh", v), v))
        )
        for facet in FACETS[1:]
    }
    every = {"jurisdiction": tuple(places), **found}
    return Index(
        tuple(entries), every, labels, {iri: _shortest_end(iri, known) for known in every.values() for iri in known}
    )


def _shortest_end(iri: str, known: Sequence[str]) -> str:
    """The fewest last segments of an IRI that no other of the known IRIs ends with (the IRI when none do)."""
    segments = iri.rstrip("/").split("/")
    for count in range(1, len(segments)):
        end = "/".join(segments[-count:])
        if not any(other != iri and other.endswith("/" + end) for other in known):
            return end
    return iri


@dataclass(frozen=True)
class Hit:
    entry: Entry
    terms: tuple[str, ...]  # folded
    occurrences: int
    coverage: float  # matched characters over all characters

    def rank_key(self) -> tuple[int, float, tuple[int, int, str]]:
        return (-self.occurrences, -self.coverage, self.entry.order)

    @cached_property
    def spans(self) -> tuple[Span, ...]:
        """The matched characters of the entry's (unfolded) text, merged, in order: worked out for a hit shown."""
        origin = self.entry.origin
        return merge(
            (origin[start], origin[end - 1] + 1) for start, end in _folded_spans(self.entry.folded, self.terms)
        )


def _folded_spans(folded: str, terms: Iterable[str]) -> list[Span]:
    found: list[Span] = []
    for term in terms:
        start = folded.find(term)
        while start >= 0:
            found.append((start, start + len(term)))
            start = folded.find(term, start + len(term))
    return found


def match(entry: Entry, terms: Sequence[str]) -> Hit | None:
    """The entry as a hit when its words contain every term (each term's non-overlapping occurrences counted),
    else None."""
    if not terms:
        return None
    counts = [entry.folded.count(term) for term in terms]
    if not all(counts):
        return None
    if len(terms) == 1:
        covered = counts[0] * len(terms[0])  # the occurrences of one term do not overlap
    else:
        covered = sum(end - start for start, end in merge(_folded_spans(entry.folded, terms)))
    return Hit(entry, tuple(terms), sum(counts), covered / max(1, len(entry.folded)))


def merge(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Spans in order, overlapping or touching ones made one."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """The text as HTML with each span in <mark>: every piece of the text escaped, only the marks are markup."""
    pieces: list[Markup] = []
    at = 0
    for start, end in merge(spans):
        pieces += [escape(text[at:start]), Markup("<mark>"), escape(text[start:end]), Markup("</mark>")]
        at = end
    pieces.append(escape(text[at:]))
    return Markup("").join(pieces)


@dataclass(frozen=True)
class Results:
    hits: tuple[Hit, ...]  # ranked
    counts: Mapping[str, tuple[tuple[str, int], ...]]  # per filter: (value, hits with that value), as shown


def search(index: Index, terms: Sequence[str], filters: Mapping[str, str]) -> Results:
    """The hits of the terms under the filters (a filter's value is an IRI, see ``resolve``), ranked, and each
    filter's counts under the query and the other filters."""
    terms = tuple(terms)
    first = terms[0] if terms else ""
    matched = [
        hit for hit in (match(entry, terms) for entry in index.entries if first in entry.folded) if hit is not None
    ]
    chosen = list(filters.items())
    hits = sorted(
        (hit for hit in matched if all(value in hit.entry.facets[f] for f, value in chosen)), key=Hit.rank_key
    )
    counts: dict[str, tuple[tuple[str, int], ...]] = {}
    for facet in FACETS:
        others = [(f, value) for f, value in chosen if f != facet]
        kept = (hit.entry.facets for hit in matched)
        counter = Counter(chain.from_iterable(v[facet] for v in kept if all(value in v[f] for f, value in others)))
        shown = [value for value in index.values[facet] if counter[value] or filters.get(facet) == value]
        if facet != "jurisdiction":  # places keep the corpus's order; the others go by count
            shown.sort(key=lambda value: -counter[value])
        counts[facet] = tuple((value, counter[value]) for value in shown)
    return Results(tuple(hits), counts)


def _normal(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def resolve(index: Index, facet: str, value: str) -> str:
    """The IRI a filter's value names: the IRI itself, the end of one (after a /), or a zh or en label, among the
    values the filter has on some provision. Raises FilterError with the closest values when it names none or
    several."""
    known = index.values[facet]
    if value in known:
        return value
    typed = _normal(value)
    named = {iri for iri in known if iri.endswith("/" + value.strip().strip("/"))} if typed else set()
    named = named or {iri for iri in known for label in index.labels.get(iri, {}).values() if _normal(label) == typed}
    if len(named) == 1:
        return next(iter(named))
    if named:
        listed = ", ".join(f"{index.label(iri, 'zh')} <{iri}>" for iri in sorted(named))
        raise FilterError(f"{facet}={value!r} names several values: {listed}; give one's IRI")
    names = {_normal(label): index.label(iri, "zh") for iri in known for label in index.labels.get(iri, {}).values()}
    close = difflib.get_close_matches(typed, list(names), n=5, cutoff=0.4)
    close += [name for name in sorted(names) if typed and typed in name and name not in close][: 5 - len(close)]
    shown = list(dict.fromkeys(names[name] for name in close)) or [index.label(iri, "zh") for iri in known[:30]]
    which = "closest known values" if close else "known values"
    more = " …" if not close and len(known) > 30 else ""
    raise FilterError(f"no provision has {facet} {value!r}; {which}: {', '.join(shown)}{more}")


def resolve_filters(index: Index, given: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Each given filter's IRI, and for each value that names nothing (or several) the reason."""
    bound: dict[str, str] = {}
    errors: dict[str, str] = {}
    for facet in FACETS:
        if given.get(facet, "").strip():
            try:
                bound[facet] = resolve(index, facet, given[facet].strip())
            except FilterError as err:
                errors[facet] = str(err)
    return bound, errors
