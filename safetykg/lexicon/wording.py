"""What the lexicon knows about wording, ready for the extractors: level phrases, each jurisdiction's levels,
period words, activity cues, role priority, the organs posts belong to, obligation and accountability phrasings, chapter functions
and actor groups.

Everything here is read from the lexicon's Turtle (``data/lexicon/level-phrases.ttl``, ``jurisdictions.ttl``,
``periods.ttl``, ``activity-kinds.ttl``, ``roles.ttl``, ``organ-kinds.ttl``, ``obligation-phrasings.ttl``,
``accountability-phrasings.ttl``, ``chapter-functions.ttl``, ``actor-groups.ttl``); this module is the one reader of those annotations, and the
extractors hold no tables of their own.
"""

import re
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

from safetykg.core.iris import SKG, slug_of
from safetykg.lexicon.vocabulary import Concept, Vocabulary

READINGS = ("frequency", "bearer", "committee", "accident-grade", "provision")
PHRASING_ROLES = ("obligation", "agent", "subject-end", "opener", "list-intro", "not-binding", "condition")
# roles stated by one phrasing each, read whole (the readers take its groups by number): each scheme's file must state
# every one of its roles once
SINGLE_PHRASING_ROLES = {
    "obligation-phrasings": (
        "standard",
        "copula",
        "designation-as",
        "designation-subject",
        "by-the-list",
        "item-heading",
        "common-noun-end",
        "determiner",
        "frequency-subject-end",
        "to-committee",
        "report-recipient",
        "short-name-list",
        "designation-organs",
        "overseen",
        "shared-charge",
        "member-conjunction",
        "count",
        "frequency-own-words",
        "reported-to",
        "committee",
        "committee-holder-first",
        "committee-title-first",
        "debriefing",
        "report-verb",
    ),
    "accountability-phrasings": (
        "trigger-lead",
        "trigger-paragraph",
        "not-a-trigger",
        "measure-clause",
        "measure-list",
        "person",
        "pursuit",
        "lifetime",
        "accident-grade-rule",
        "aggravating",
        "mitigating",
        "exemption",
        "exemption-anywhere",
        "veto",
        "veto-effect-from",
        "veto-effect-clause",
    ),
}


@dataclass(frozen=True)
class LevelPhrase:
    pattern: re.Pattern[str]
    levels: tuple[str, ...]  # level slugs (county, township, …), in the lexicon's order of the levels


@dataclass(frozen=True)
class PostTitle:
    pattern: re.Pattern[str]
    organ: str  # organ-kind IRI
    role: str | None  # role IRI, or None when the title names only the organ


@dataclass(frozen=True)
class ActorGroup:
    label: str
    members: tuple[str, ...]  # organ-kind or role IRIs
    only_alone: bool  # counts only when the phrase names no organ of its own


@dataclass(frozen=True)
class ActivityCue:
    kind: str  # the activity kind's slug
    pattern: re.Pattern[str]  # any of its cue words


class Wording:
    """The wording knowledge of one lexicon."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        graph = vocabulary.graph
        self._level_rank = {
            str(c.iri): int(str(graph.value(c.iri, SKOS.notation) or 99)) for c in vocabulary.in_scheme("levels")
        }
        self._rank_of_slug = {slug_of(URIRef(iri)): rank for iri, rank in self._level_rank.items()}
        # every ending of place names (县, 林区, 自治旗 …: skg:placeNameEnding), which may stand for the place before an
        # organ's name; the one-letter ones (省, 市, 县, 区 …) also stand for the place elsewhere
        self.place_words = frozenset(
            str(ending)
            for concept in vocabulary.in_scheme("levels")
            for ending in graph.objects(concept.iri, SKG.placeNameEnding)
        )
        self.place_endings = frozenset(word for word in self.place_words if len(word) == 1)
        phrases: dict[str, list[tuple[int, LevelPhrase]]] = {reading: [] for reading in READINGS}
        for concept in vocabulary.in_scheme("level-phrases"):
            reading = str(graph.value(concept.iri, SKG.readIn) or "")
            if reading not in phrases:
                raise ValueError(f"{concept.iri}: skg:readIn must be one of {', '.join(READINGS)}, got {reading!r}")
            levels = sorted(
                (str(level) for level in graph.objects(concept.iri, SKG.coversLevel)),
                key=lambda iri: self._level_rank.get(iri, 99),
            )
            phrase = LevelPhrase(re.compile(str(graph.value(concept.iri, SKG.pattern))), tuple(map(slug_of, levels)))
            phrases[reading].append((_order(graph.value(concept.iri, SKG.order)), phrase))
        self._phrases = {
            reading: [p for _, p in sorted(found, key=lambda x: x[0])] for reading, found in phrases.items()
        }
        self.periods: dict[str, str | None] = {}
        guarded: dict[
            str, str
        ] = {}  # a period word and its pattern, not inside the words it is part of (skg:notWithin)
        for concept in vocabulary.in_scheme("periods"):
            duration = graph.value(concept.iri, SKG.duration)
            for label in concept.labels_zh:
                self.periods[label] = str(duration) if duration is not None else None
                guarded[label] = _not_within(label, concept.not_within)
        self._period_patterns = {
            only: re.compile(
                "|".join(
                    guarded[word]
                    for word in sorted(self.periods, key=len, reverse=True)
                    if self.periods[word] is not None or not only
                )
            )
            for only in (True, False)
        }
        cues = []
        for concept in vocabulary.in_scheme("activity-kinds"):
            if concept.cue_words:
                words = "|".join(re.escape(w) for w in sorted(concept.cue_words, key=len, reverse=True))
                cues.append(
                    (_order(graph.value(concept.iri, SKG.order)), ActivityCue(slug_of(concept.iri), re.compile(words)))
                )
        self.activity_cues = [cue for _, cue in sorted(cues, key=lambda x: x[0])]
        self.role_priority = {
            str(c.iri): int(priority)
            for c in vocabulary.in_scheme("roles")
            if isinstance(priority := graph.value(c.iri, SKG.priority), Literal)
        }
        self.jurisdiction_levels = {
            str(c.iri): tuple(
                slug_of(str(level))
                for level in sorted(graph.objects(c.iri, SKG.hasLevel), key=lambda i: self._level_rank.get(str(i), 99))
            )
            for c in vocabulary.in_scheme("jurisdictions")
        }
        # a place named like another level (禾源市, a county-level city): its texts' 市 words mean its own level
        self.jurisdiction_aliases: dict[str, dict[str, str]] = {}
        endings = {
            str(ending): slug_of(str(c.iri))
            for c in vocabulary.in_scheme("levels")
            for ending in graph.objects(c.iri, SKG.placeNameEnding)
        }
        for c in vocabulary.in_scheme("jurisdictions"):
            stated = graph.value(c.iri, SKG.administrativeLevel)
            matching = sorted((e for e in endings if c.pref_zh.endswith(e)), key=len, reverse=True)  # 自治区, not 区
            named = endings[matching[0]] if matching else None
            if stated is not None and named is not None and named != slug_of(str(stated)):
                self.jurisdiction_aliases[str(c.iri)] = {named: slug_of(str(stated))}
        patterns: dict[str, list[str]] = {role: [] for role in PHRASING_ROLES}
        single: dict[str, list[str]] = {}
        self.phrasing_names: dict[str, str] = {}  # a phrasing stated once: its zh prefLabel, by its role
        for scheme, roles in SINGLE_PHRASING_ROLES.items():
            allowed = (*PHRASING_ROLES, *roles) if scheme == "obligation-phrasings" else roles
            single.update((role, []) for role in roles)
            for concept in vocabulary.in_scheme(scheme):
                role = str(graph.value(concept.iri, SKG.phrasingRole) or "")
                if role not in allowed:
                    raise ValueError(
                        f"{concept.iri}: skg:phrasingRole must be one of {', '.join(allowed)}, got {role!r}"
                    )
                (patterns if role in patterns else single)[role].append(str(graph.value(concept.iri, SKG.pattern)))
                if role in single:
                    self.phrasing_names[role] = concept.pref_zh
            for role in roles:
                if len(single[role]) != 1:
                    raise ValueError(
                        f"the lexicon's {scheme} ({scheme}.ttl) must state one phrasing of skg:phrasingRole {role!r}, "
                        f"found {len(single[role])}"
                    )
        self.phrasings = {
            role: re.compile("|".join(f"(?:{p})" for p in found) or "(?!)") for role, found in patterns.items()
        }
        self.phrasings.update((role, re.compile(found[0])) for role, found in single.items())
        functions = []
        for concept in vocabulary.in_scheme("chapter-functions"):
            functions.append((_order(graph.value(concept.iri, SKG.order)), concept))
        self.chapter_functions = [concept for _, concept in sorted(functions, key=lambda x: x[0])]
        self._functions = {slug_of(concept.iri): concept for concept in self.chapter_functions}
        self.actor_groups = [
            ActorGroup(
                label,
                tuple(sorted(str(member) for member in graph.objects(c.iri, SKG.groupOf))),
                bool(graph.value(c.iri, SKG.onlyAlone)),
            )
            for c in vocabulary.in_scheme("actor-groups")
            for label in c.labels_zh
        ]
        self.working_organs = {
            str(c.iri): str(target)
            for c in vocabulary.in_scheme("organ-kinds")
            if isinstance(target := graph.value(c.iri, SKG.workingOrgan), URIRef)
        }
        titles: list[tuple[int, PostTitle]] = []
        for c in vocabulary.in_scheme("post-titles"):
            named_role = graph.value(c.iri, SKG.titleRole)
            title = PostTitle(
                re.compile(str(graph.value(c.iri, SKG.pattern))),
                str(graph.value(c.iri, SKG.titleOrgan)),
                str(named_role) if named_role is not None else None,
            )
            titles.append((_order(graph.value(c.iri, SKG.order)), title))
        self.post_titles = [title for _, title in sorted(titles, key=lambda pair: pair[0])]
        self.post_organs = {
            str(c.iri): str(target)
            for c in vocabulary.in_scheme("organ-kinds")
            if isinstance(target := graph.value(c.iri, SKG.postsBelongTo), URIRef)
        }

    def level_phrases(self, reading: str) -> list[LevelPhrase]:
        """The level phrases one reading tries, in order."""
        return self._phrases[reading]

    def levels_in(self, reading: str, text: str) -> tuple[tuple[str, ...], str | None]:
        """The levels and the words of the first of the reading's phrases found in the text, or ((), None)."""
        for phrase in self._phrases[reading]:
            match = phrase.pattern.search(text)
            if match:
                return phrase.levels, match.group(0)
        return (), None

    def within(self, jurisdiction: str, levels: tuple[str, ...]) -> tuple[str, ...]:
        """The levels that exist in a jurisdiction's hierarchy (skg:hasLevel); all of them when it declares none.
        In a place named like another level (禾源市, a county-level city), that level's words mean its own level."""
        aliases = self.jurisdiction_aliases.get(jurisdiction, {})
        levels = tuple(dict.fromkeys(aliases.get(level, level) for level in levels))
        own = self.jurisdiction_levels.get(jurisdiction)
        return tuple(level for level in levels if level in own) if own else levels

    def all_levels_in(self, reading: str, text: str) -> tuple[str, ...]:
        """Every level the reading's phrases name anywhere in the text (non-overlapping, first phrase first)."""
        return self.all_levels_and_words(reading, text)[0]

    def all_levels_and_words(self, reading: str, text: str) -> tuple[tuple[str, ...], list[str]]:
        """Every level the reading's phrases name anywhere in the text, and the words that name them, in order."""
        taken = [False] * len(text)
        found: list[str] = []
        words: list[tuple[int, str]] = []
        for phrase in self._phrases[reading]:
            for match in phrase.pattern.finditer(text):
                if match.end() > match.start() and not any(taken[match.start() : match.end()]):
                    taken[match.start() : match.end()] = [True] * (match.end() - match.start())
                    found += [level for level in phrase.levels if level not in found]
                    words.append((match.start(), match.group(0)))
        return self.ranked(tuple(found)), [word for _, word in sorted(words)]

    def ranked(self, levels: tuple[str, ...]) -> tuple[str, ...]:
        """The levels once each, highest first."""
        return tuple(sorted(dict.fromkeys(levels), key=lambda slug: self._rank_of_slug.get(slug, 99)))

    def chapter_function(self, *texts: str) -> Concept | None:
        """The function of the first text (a chapter title, then an article's words) that has one's cue word."""
        for text in texts:
            for concept in self.chapter_functions:
                if any(cue in text for cue in concept.cue_words):
                    return concept
        return None

    def names_function(self, text: str, function: str) -> bool:
        """Whether the text (a chapter's title, or, in a rule without chapters, an article's words) has a cue word of
        the chapter function ``function`` (its slug: duties, accountability …) anywhere in it."""
        concept = self._functions.get(function)
        if concept is None:
            raise KeyError(f"the lexicon's chapter-functions (chapter-functions.ttl) has no function {function!r}")
        return any(cue in text for cue in concept.cue_words)

    def period_pattern(self, with_duration_only: bool = True) -> re.Pattern[str]:
        """Any period word, longest first; by default only those that state a duration."""
        return self._period_patterns[with_duration_only]


def _not_within(word: str, phrases: list[str]) -> str:
    """A pattern for ``word`` that does not match it inside the phrases given (定期, not in 规定期限): the words
    before it in such a phrase may not precede it, or, where none do, the words after it may not follow it."""
    pattern = re.escape(word)
    for phrase in phrases:
        position = phrase.find(word)
        if position > 0:
            pattern = f"(?<!{re.escape(phrase[:position])})" + pattern
        elif position == 0 and len(phrase) > len(word):
            pattern += f"(?!{re.escape(phrase[len(word) :])})"
    return pattern


def _order(value: object) -> int:
    return int(str(value)) if value is not None else 1_000_000
