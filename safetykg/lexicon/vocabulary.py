"""The curated SKOS vocabularies of data/lexicon/, and matching their terms in Chinese text.

Matching is longest-first and non-overlapping: where a longer term covers a shorter one (非煤矿山
over 煤矿), only the longer one counts. A concept may also list ``skg:notWithin`` strings: text in
which its label must not count even when no other concept claims the longer word.

Only ``skos:prefLabel`` and ``skos:altLabel`` are matched in the texts. ``skos:hiddenLabel`` holds what people
type (危化品, 安监部门, mayor): the query layer resolves it, the extractors never see it, so a colloquial form
can never change what is read out of a regulation.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from safetykg.core.iris import SKG
from safetykg.core.resources import Folders, merged_files


@dataclass
class Concept:
    iri: URIRef
    scheme: URIRef | None
    pref_zh: str
    pref_en: str
    alt_zh: list[str] = field(default_factory=list)
    not_within: list[str] = field(default_factory=list)
    broader: list[URIRef] = field(default_factory=list)
    cue_words: list[str] = field(default_factory=list)
    organ_category: URIRef | None = None
    short_zh: str = ""

    @property
    def labels_zh(self) -> list[str]:
        return [self.pref_zh, *self.alt_zh]


@dataclass(frozen=True)
class Match:
    concept: Concept
    start: int
    end: int
    label: str


def _zh(values: Iterable[object]) -> list[str]:
    return sorted(str(v) for v in values if isinstance(v, Literal) and (v.language or "").startswith("zh"))


def _en(values: Iterable[object]) -> str:
    found = sorted(str(v) for v in values if isinstance(v, Literal) and v.language == "en")
    return found[0] if found else ""


class Vocabulary:
    """All concepts of the lexicon, by scheme, with their zh labels ready for matching."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.concepts: dict[URIRef, Concept] = {}
        for iri in sorted(i for i in set(graph.subjects(RDF.type, SKOS.Concept)) if isinstance(i, URIRef)):
            pref = _zh(graph.objects(iri, SKOS.prefLabel))
            scheme = graph.value(iri, SKOS.inScheme)
            category = graph.value(iri, SKG.organCategory)
            self.concepts[iri] = Concept(
                iri=iri,
                scheme=scheme if isinstance(scheme, URIRef) else None,
                pref_zh=pref[0] if pref else "",
                pref_en=_en(graph.objects(iri, SKOS.prefLabel)),
                alt_zh=_zh(graph.objects(iri, SKOS.altLabel)),
                not_within=_zh(graph.objects(iri, SKG.notWithin)),
                broader=sorted(b for b in graph.objects(iri, SKOS.broader) if isinstance(b, URIRef)),
                cue_words=_zh(graph.objects(iri, SKG.cueWord)),
                organ_category=category if isinstance(category, URIRef) else None,
                short_zh=next(iter(_zh(graph.objects(iri, SKG.shortLabel))), ""),
            )

    @classmethod
    def load(cls, folders: Folders) -> "Vocabulary":
        graph = Graph()
        for path in merged_files(folders, "*.ttl"):
            graph.parse(path, format="turtle")
        return cls(graph)

    def in_scheme(self, scheme: str) -> list[Concept]:
        suffix = f"/scheme/{scheme}"
        return [c for c in self.concepts.values() if c.scheme is not None and str(c.scheme).endswith(suffix)]

    def matcher(self, scheme: str) -> "TermMatcher":
        return TermMatcher(self.in_scheme(scheme))

    def narrower_closure(self, iri: URIRef) -> set[URIRef]:
        """The concept and everything below it (skos:broader read downwards)."""
        found = {iri}
        frontier = [iri]
        while frontier:
            current = frontier.pop()
            for concept in self.concepts.values():
                if current in concept.broader and concept.iri not in found:
                    found.add(concept.iri)
                    frontier.append(concept.iri)
        return found


class TermMatcher:
    """Finds concept labels in text: longest match first, no overlaps, notWithin respected."""

    def __init__(self, concepts: Iterable[Concept]) -> None:
        self.entries = sorted(
            ((label, concept) for concept in concepts for label in concept.labels_zh if label),
            key=lambda entry: (-len(entry[0]), entry[0], str(entry[1].iri)),
        )

    def find(self, text: str) -> list[Match]:
        """Every concept whose label the text names; a label two concepts share (森林草原防火: forest and grassland
        fire prevention) names both."""
        taken = [False] * len(text)
        matches: list[Match] = []
        spans: set[tuple[int, int, str]] = set()
        for label, concept in self.entries:
            start = text.find(label)
            while start != -1:
                end = start + len(label)
                shared = (start, end, label) in spans
                if (shared or not any(taken[start:end])) and not _inside_excluded(text, start, end, concept):
                    matches.append(Match(concept, start, end, label))
                    spans.add((start, end, label))
                    for index in range(start, end):
                        taken[index] = True
                start = text.find(label, start + 1)
        return sorted(matches, key=lambda m: m.start)

    def concepts_in(self, text: str) -> list[Concept]:
        seen: dict[URIRef, Concept] = {}
        for match in self.find(text):
            seen.setdefault(match.concept.iri, match.concept)
        return list(seen.values())


def _inside_excluded(text: str, start: int, end: int, concept: Concept) -> bool:
    label = text[start:end]
    for longer in concept.not_within:
        offset = longer.find(label)
        while offset != -1:
            window_start = start - offset
            if window_start >= 0 and text[window_start : window_start + len(longer)] == longer:
                return True
            offset = longer.find(label, offset + 1)
    return False
