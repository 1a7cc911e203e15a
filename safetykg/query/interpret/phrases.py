"""Reading a question: its asked phrases found in the text around the values, and each question scored with the
values it takes (a free-text value, a qualifier, a level in a gap, an organ by its place and kind)."""

import itertools
import re
from functools import cache
from typing import Any

from safetykg.query.interpret.readings import Mention, Phrases, Reading, Span
from safetykg.query.interpret.text import (
    _BRACKETED,
    _CJK,
    _CLAUSE_END,
    _GAPS,
    _GLOSS,
    _PUNCTUATION,
    _QUOTED,
    _SENTENCE_END,
    _WORDS,
    LONG_VALUE,
    NEAR,
    _at_boundaries,
    _between_phrases,
    _crossing,
    _generic,
    _occurrences,
    _quoted,
    _without,
    normal,
    stemmed,
)
from safetykg.query.interpret.values import ValueFinder
from safetykg.query.questions import LITERAL_TYPES, Parameter, Question

_TERM_ENDS = set(".。?？!！;；")  # a sentence's end right after words given as they are: the term ends there


class PhraseReader(ValueFinder):
    """Questions read in the text: their phrases and the values each takes."""

    def phrases(
        self, question: Question, text: str, stems: str, where: list[int], mentions: list[Mention] | None = None
    ) -> Phrases:
        """The question's asked phrases found in the (stemmed) text: their weights, spans and captured values,
        and the literal words of each (whether of a phrase with gaps). A gap spans a few words besides the values
        said in it (``mentions``: under what circumstances are Party and government leaders in <place> held
        accountable)."""
        hits: list[tuple[float, Span, dict[str, Span]]] = []
        wording: list[tuple[Span, bool]] = []

        def span(start: int, end: int) -> Span:  # a span of the stemmed text, in the text
            first = where[start] if start < len(where) else len(text)
            last = where[end] if end < len(where) else len(text)
            return Span(first, last, text[first:last])

        values = [m.span for m in mentions or []]
        kinds = {p.type for p in question.parameters}

        def short(pattern: re.Pattern[str], match: re.Match[str], limit: int) -> bool:  # a few words, besides values
            for name in pattern.groupindex:
                if name.startswith(_GAPS) and match.end(name) - match.start(name) > limit:
                    gap = range(match.start(name), match.end(name))
                    inside = sum(1 for i in gap if i < len(where) and any(v.start <= where[i] < v.end for v in values))
                    if len(gap) - inside > limit:
                        return False
            return True

        def worded(pattern: re.Pattern[str], match: re.Match[str]) -> bool:  # its values are words, not 的？
            return all(
                not self._no_words(span(match.start(name), match.end(name)).text)
                for name in pattern.groupindex
                if not name.startswith((_WORDS, _GAPS))
            )

        for weight, pattern, limit, needle in self.cues[question.id]:
            if needle and needle not in stems:
                continue
            match = pattern.search(stems)
            while match and not (short(pattern, match, limit) and worded(pattern, match)):
                match = pattern.search(stems, match.start() + 1)
            # … said again after words where it reads a value's words otherwise (职责 in 负有安全监管职责的部门, then
            # 职责有哪些): the later words are where it is said
            later = match
            while later and _crossing(span(later.start(), later.end()), mentions or [], kinds):
                later = pattern.search(stems, later.start() + 1)
                while later and not (short(pattern, later, limit) and worded(pattern, later)):
                    later = pattern.search(stems, later.start() + 1)
            match = later or match
            if match:
                captured = {
                    name: span(match.start(name), match.end(name))
                    for name in pattern.groupindex
                    if not name.startswith((_WORDS, _GAPS))
                }
                hits.append((weight, span(match.start(), match.end()), captured))
                parts = [name for name in pattern.groupindex if name.startswith(_WORDS)]
                wording += [(span(match.start(name), match.end(name)), len(parts) > 1) for name in parts]
        hits.sort(key=lambda h: -h[0])
        return hits, wording

    def read(
        self,
        question: Question,
        text: str,
        typed: str,
        mentions: list[Mention],
        found: Phrases | None = None,
        others: list[Span] | None = None,
        literals: list[Span] | None = None,
        given: list[Span] | None = None,
    ) -> Reading:
        """A reading of the text as one question. ``found``: its phrases (found here when not given); ``others``:
        the words of the other questions' phrases found (a free-text value holding them is a sentence, not a
        term); ``literals``: words quoted, or Chinese in an English question (a free-text value by themselves);
        ``given``: every such words, labels or not (a value within them is a term, whatever else they say)."""
        if found is None:
            stems, where = stemmed(typed)
            found = self.phrases(question, text, stems, where, mentions)
        hits, wording = found
        kinds = {p.type for p in question.parameters}
        if {"role", "jurisdiction"} <= kinds or ("organ" in kinds and not question.of_posts):
            # a post named with its organ: the post of the organ's place is asked about, not the organ (unless the
            # question answers for the organ's posts)
            mentions = self._posts_organs(typed, mentions)
        if question.against_national:  # the national rule is what it compares with, not a value: its name is words
            # of how the question is asked, which a phrase may end inside (missing from the national rule)
            mentions = [m for m in mentions if not (m.iris("jurisdiction") and m.iris("jurisdiction") <= self.national)]
        # a phrase that begins or ends inside a value's words reads them otherwise (Party committee members:
        # committee members, the safety committee's, begins inside Party committee): not how it is asked
        # … and so is one inside the words of a value of a type it takes none of, neither at their start nor at their
        # end (committee member in the Party committee member in charge of publicity: a post, not the safety
        # committee's members)
        crossing = [h for h in hits if _crossing(h[1], mentions, kinds)]
        if crossing:
            hits, wording = _without((hits, wording), crossing)
        # a label inside longer words of a phrase, or making up a part of a phrase with gaps, is part of how the
        # question is asked, not a value (a rule's short name inside 比…多出, or as a part of a phrase with gaps)
        mentions = [
            m
            for m in mentions
            if not any(
                w.start <= m.span.start
                and m.span.end <= w.end
                and (gapped or w.end - w.start > m.span.end - m.span.start)
                for w, gapped in wording
            )
        ]
        cue = hits[0][0] + 0.25 * sum(h[0] for h in hits[1:3]) if hits else 0.0
        evidence: list[dict[str, Any]] = []
        if hits:
            evidence.append({"text": hits[0][1].text, "param": None, "value": question.id})
        params: dict[str, str] = {}
        used: list[Span] = []
        missing: list[str] = []
        ambiguous: dict[str, list[str]] = {}
        doubts: list[str] = []
        terms: list[Span] = []
        posts: list[Span] = []  # the words that gave the role
        aside: list[tuple[str, str]] = []  # organs named that it takes only for their place, or leaves aside
        # words quoted (or Chinese in an English question) are a free-text parameter's value by themselves, before
        # the labels inside them (“县级以上” is a qualifier, not the county level), whether a phrase of the question
        # captured them (带“县级以上”这一层级) or none captured that parameter
        taken: dict[str, tuple[str, Span]] = {}
        contrasted = self._contrasted(typed)
        counted = self._counted_alike(typed, mentions)
        for parameter in question.parameters:
            if parameter.type in LITERAL_TYPES:
                captured = [h[2][parameter.name] for h in hits if parameter.name in h[2]]
                # … words referring to them captured (which provisions contain it?) stand for words given elsewhere
                if captured and all(
                    normal(c.text).strip("".join(_PUNCTUATION)) in self.wording.referring for c in captured
                ):
                    captured = []
                # … not, for a value qualifying the organs or level asked (``qualifying``) that no phrase captured, words
                # given in examples of what is asked (哪些职责…，比如…“还应包括”的那些: the duties exemplified, not a level)
                literal = next(
                    (
                        lit
                        for lit in literals or []
                        if not any(lit.overlaps(u) for u in used)
                        and (not captured or any(c.start <= lit.start and lit.end <= c.end for c in captured))
                        and not (
                            not captured and parameter.name in self.wording.qualifying and self._exemplified(typed, lit)
                        )
                    ),
                    None,
                )
                if literal is not None:
                    taken[parameter.name] = (literal.text, literal)
                    used.append(literal)
        # values first, then free text: a value at the edge of a captured phrase is not part of it
        for parameter in sorted(question.parameters, key=lambda p: p.type in LITERAL_TYPES):
            if parameter.type in LITERAL_TYPES:
                value = taken.get(parameter.name) or self._free_text(parameter.name, hits, text, used, given)
                framed = value is None and parameter.name in self.wording.qualifying
                # read by where it stands, not captured: other phrases' words in it do not make it a sentence
                if framed:
                    value = self._level_in_gap(text, typed, hits, wording, mentions)
                # … or a range of levels said (县级以上, county level and above): the text's words (in English, its
                # gloss below, or doubtful)
                if framed and value is None:
                    ranges = [r for r in self._level_ranges(typed) if not any(r.overlaps(u) for u in used)]
                    value = (self._range_value(text, ranges[0]), ranges[0]) if len(ranges) == 1 else None
                if value and len(value[0]) > (LONG_VALUE if _CJK.search(value[0]) else 3 * LONG_VALUE):
                    value = None  # a phrase that captured a sentence, not a term
                if (  # words of how another question is asked inside it: a sentence, not a term (unless given as
                    # they are: quoted, or Chinese in an English question)
                    value
                    and not framed
                    and parameter.name not in taken
                    and not _quoted(text, value[1])
                    and not any(g.start <= value[1].start and value[1].end <= g.end for g in given or [])
                    and any(value[1].start <= o.start and o.end <= value[1].end for o in others or [])
                ):
                    value = None
                # English for words of the texts' level phrases (governments with legislative power): those words
                # … or a range of levels said otherwise: the texts' words for it (县这一级以及更往上: 县级以上)
                said_otherwise = framed and value is not None and value[0] != text[value[1].start : value[1].end]
                glossed = value if said_otherwise else None
                glossed = glossed or (
                    self._glossed(typed, value, used) if parameter.name in self.wording.qualifying else None
                )
                value = glossed or value
                given_so = value is not None and any(
                    g.start <= value[1].start and value[1].end <= g.end for g in given or []
                )
                if value and self._doubtful(
                    value[0], literal=parameter.name in taken or _quoted(text, value[1]) or given_so
                ):
                    doubts.append(value[0])
                if value and parameter.name in self.wording.qualifying and not glossed:
                    value = self._qualifier(text, value[1])
                if value:
                    params[parameter.name] = value[0]
                    used.append(value[1])
                    terms.append(value[1])
                    evidence.append({"text": value[1].text, "param": parameter.name, "value": value[0]})
                elif parameter.required:
                    missing.append(parameter.name)
                continue
            candidates = [m for m in mentions if m.iris(parameter.type) and not any(m.span.overlaps(u) for u in used)]
            # values said in parallel clauses opened by one question word (which count as …, which as …; 哪些是…，
            # 哪些是…) are the breakdown asked for, not one of them: an optional parameter of a kind left open
            # … and so are several said as a list in brackets (by type of designation (supervisory, sector
            # authority); 按类型（监管部门、行业主管部门）): the kinds the breakdown has
            # … and so are two said as the ends of a range (from a warning talk up to sanctions, 从约谈到处分: ``ranging``):
            # the values between them asked, not one of them
            if (
                candidates
                and not parameter.required
                and parameter.type not in ("jurisdiction", "organ")
                and (
                    all(any(c.start <= m.span.start and m.span.end <= c.end for c in contrasted) for m in candidates)
                    or self._listed_in_brackets(typed, candidates, parameter.type)
                    or self._ranged(typed, candidates, parameter.type)
                )
            ):
                used += [m.span for m in candidates]
                continue
            iris = list(dict.fromkeys(iri for m in candidates for iri in sorted(m.iris(parameter.type))))
            if parameter.type == "jurisdiction" and not iris:  # "<place>党委": the place of the one organ named
                named = [m for m in mentions if len(m.iris("organ")) == 1 and not any(m.span.overlaps(u) for u in used)]
                found_places = {self.organ_place.get(next(iter(m.iris("organ")))) for m in named}
                if len(found_places) == 1 and None not in found_places:
                    iris, candidates = [str(next(iter(found_places)))], named
                    aside = [(organ, m.span.text) for m in named for organ in m.iris("organ")]
            if parameter.type == "organ" and len(iris) > 1:  # 政府 names many organs: the one of the place named
                places = {
                    iri for m in mentions if not any(m.span.overlaps(u) for u in used) for iri in m.iris("jurisdiction")
                }
                here = [iri for iri in iris if self.organ_place.get(iri) in places]
                if len(here) == 1:
                    iris = here
                    candidates += [m for m in mentions if m.iris("jurisdiction") & places and m not in candidates]
            if parameter.type == "organ" and not iris:
                organ = self._organ_by_parts(mentions, used, typed)
                if organ:
                    iri, spans = organ
                    # … of an organ said as another's (<city>市委的理论学习中心组): the one it belongs to names it
                    owned = self._owned_organ(typed, iri, max(s.end for s in spans), mentions, used)
                    if owned is not None:
                        iri, spans = owned[0], [*spans, owned[1].span]
                    iris, candidates = [iri], []
                    used += spans
                    evidence.append({"text": " ".join(s.text for s in spans), "param": parameter.name, "value": iri})
            # … a kind of organ named by words no organ's label holds (质监局, the old bureau's name), no place said
            # anywhere: of which place? Every organ of the kind, unsettled, as its kind's words would be
            if parameter.type == "organ" and not iris:
                kind_said, every = self._kind_of_no_place(mentions, used)
                if every:
                    ambiguous[parameter.name] = every
                    used += [m.span for m in kind_said]
                    continue
            # an organ said as another's (the <city> Party committee's theory study group, the <kind>'s <place>
            # office): a kind of organ after the organ named, joined to it as its own (``belonging``: 的, 's), is the
            # organ asked about, the place's organ of that kind, not the one it belongs to
            if parameter.type == "organ" and len(iris) == 1 and candidates:
                owned = self._owned_organ(typed, iris[0], max(m.span.end for m in candidates), mentions, used)
                if owned is not None:
                    iris, candidates = [owned[0]], [*candidates, owned[1]]
            if parameter.type == "organ" and len(iris) == 1 and candidates:  # 应急管理部门: the kind's words, one
                # organ's label, but of which place? Every organ of the kind, unless its place is named; unsettled
                # even when the build has one (the place is not said)
                kinds = {kind for m in candidates for kind in m.iris("organ-kind")}
                places_said = {iri for m in mentions for iri in m.iris("jurisdiction")}
                # … or in the organ's own name (民航<place>管理局: the place's, a kind of one organ)
                place = self.organ_place.get(iris[0])
                if place and any(
                    _occurrences(normal(m.span.text), word)
                    for m in candidates
                    for word in self.place_words.get(place, ())
                ):
                    places_said.add(place)
                if all(m.iris("organ-kind") for m in candidates) and self.organ_place.get(iris[0]) not in places_said:
                    iris = sorted({organ for (kind, _), organ in self.organs.items() if kind in kinds} | set(iris))
                    if len(iris) == 1:
                        ambiguous[parameter.name] = iris
                        used += [m.span for m in candidates]
                        continue
            # 民爆物品的生产销售、爆破作业: the broader one; not of roles, where the narrower may say which post the broader
            # names (the vice-mayor, who holds the work safety portfolio) as well as be one of its holders: unsettled
            # several places said (甲省和乙省, City A vs Province B): one said more often than each other is the one
            # asked about (乙省跟甲省不一样，乙省…); else every place's answer, when the place is optional (each place's
            # answer asked side by side); a question that takes one place still has it unsettled
            if parameter.type == "jurisdiction" and len(iris) > 1:
                most = self._said_most(iris, candidates, parameter.type)
                if most is not None:
                    used += [m.span for m in candidates if most not in m.iris(parameter.type)]
                    candidates = [m for m in candidates if most in m.iris(parameter.type)]
                    iris = [most]
                elif self._side_by_side(parameter, candidates):
                    used += [m.span for m in candidates]
                    continue
            # … nor is a place said with a broader one (the national rule and City A) the broader: two places
            if len(iris) > 1 and self._to_broadest(parameter.type):
                broadest = [iri for iri in iris if all(iri == o or iri in self.broader.get(o, ()) for o in iris)]
                iris = broadest or iris
            # a value said apart with words counting times, listed after other words counted alike (看一次、开一次会:
            # a visit and a meeting): one of several values asked, the others unnamed, so unsettled
            if iris and any(m in counted for m in candidates):
                ambiguous[parameter.name] = iris
                used += [m.span for m in candidates]
                continue
            if len(iris) == 1:
                params[parameter.name] = iris[0]
                if parameter.type == "role":
                    posts += [m.span for m in candidates]
                if parameter.type == "organ":  # the place named with an organ is the organ's place
                    place = self.organ_place.get(iris[0])
                    candidates += [m for m in mentions if place in m.iris("jurisdiction") and m not in candidates]
                for m in candidates:
                    used.append(m.span)
                    evidence.append({"text": m.span.text, "param": parameter.name, "value": iris[0]})
            elif len(iris) > 1:
                ambiguous[parameter.name] = iris
                used += [m.span for m in candidates]
            elif parameter.required:
                missing.append(parameter.name)
        # a post's title states its level (分管安全的副县长, the county head): the level of a question that takes the
        # post's role and a level, when no other words give it
        # … and so do the words of a kind of organ no parameter takes said after words confining to a level, the level
        # said in the words of a narrower value (只适用于乡镇政府的职责: the township level), when no post is said
        # … or said of no place near it (the duties a province assigns to township Party committees: every township's, the
        # township level)
        level = next((p.name for p in question.parameters if p.type == "level"), None)
        confined = [(w, typed.rfind(w)) for w in self.wording.level_confining if w in typed]
        place_spans = [m.span for m in mentions if m.iris("jurisdiction")]
        stating = posts or [
            m.span
            for m in mentions
            if m.iris("organ-kind")
            and not m.iris("organ")
            and (
                any(0 <= m.span.start - (at + len(w)) <= LONG_VALUE for w, at in confined)
                or self._of_no_place(m.span, place_spans)
            )
            and not m.iris("level")
            and not any(m.span.overlaps(u) for u in used)
        ]
        if level and stating and level not in params and level not in ambiguous:
            stated = {iri for span in stating for iri in self._level_of(normal(span.text))}
            if len(stated) == 1:
                params[level] = next(iter(stated))
                missing = [name for name in missing if name != level]
                said = next(span for span in stating if self._level_of(normal(span.text)))
                used.append(said)
                evidence.append({"text": said.text, "param": level, "value": params[level]})
        # a post said right after the organ a question answers for with its posts is that organ's (<province>交通运输厅一把手,
        # the transport department's principal leader: how often must the department's posts inspect), and so is one
        # said after it with words making it the organ's own (党委及其主要负责人, the committee and its head: both asked)
        if question.of_posts:
            organs = [
                m
                for m in mentions
                if (m.iris("organ") or m.iris("organ-kind")) and any(m.span.overlaps(u) for u in used)
            ]
            used += [
                m.span
                for m in mentions
                if m.iris("role")
                and not any(m.span.overlaps(u) for u in used)
                and any(self._joined(typed, organ, m) or self._owned(typed, organ, m) for organ in organs)
            ]
        # a level qualifies many things (县委书记, county party chief): never held against a reading; nor is a kind
        # of organ said of no place near it (党委政府, the government): of every place, it names none
        # … unless words making it the place's own stand right before it, the place said before them in its sentence
        # (has <place> given its grain department duties: the place's department)
        # … nor a department's kind said right before a post (公安厅一把手, the 质监局's head): whose post it is, the
        # department's, of which place? — not the Party committee's and government's principal leader
        heads = self._departments_posts(typed, mentions)
        unexplained = [
            m
            for m in mentions
            if not any(m.span.overlaps(u) for u in used)
            and {k for k, _ in m.senses} != {"level"}
            and not (
                _generic(m)
                and self._of_no_place(m.span, place_spans)
                and not self._the_places_own(typed, m.span, place_spans)
                and m.span not in heads
            )
        ]
        unexplained = [m for m in unexplained if not any(m.span.overlaps(h[1]) for h in hits)]
        # … nor are values of one type listed and then asked of each (检查、开会、听汇报，各要多少次): the breakdown asked
        # for, which a question taking no value of their type answers whole
        unexplained = [
            m
            for m in unexplained
            if not (
                {k for k, _ in m.senses} & self._distributed(typed, mentions) and not {k for k, _ in m.senses} & kinds
            )
        ]
        # … nor are several values asked, one of them named (看一次、开一次会), of a type the question takes none of
        unexplained = [m for m in unexplained if not (m in counted and not {k for k, _ in m.senses} & kinds)]
        # … and a kind of organ said between two of its phrases in one sentence (what failings can get a <place> Party
        # committee held to account) is what the question is asked of, not left aside
        unexplained = [m for m in unexplained if not _between_phrases(typed, m.span, hits)]
        # … nor are several places said (甲省、乙省和丙市各自…) by a question that takes no place: it answers for every
        # place side by side, those said among them
        if "jurisdiction" not in kinds and self._places_compared(mentions):
            unexplained = [m for m in unexplained if not {k for k, _ in m.senses} <= {"jurisdiction", "place"}]
        # a department named by its place and kind that the reading leaves aside (a city's emergency management
        # bureau's duties, where the build has no such organ; or one of no organ of the build said as the place's:
        # <place>'s tourism department) is what is asked about: not answered by a question about something else
        left = [
            m.span
            for m in unexplained
            if {k for k, _ in m.senses} <= {"organ", "organ-kind"}
            and not self._indefinite(typed, m.span)  # <place>某县政府: some county's, not the place's department
            and any(
                n.end == m.span.start
                or (n.end + 1 == m.span.start and self._of_the_place(typed[n.end : m.span.start]))
                or (
                    n.end < m.span.start
                    and typed[n.end : m.span.start].strip() in self.wording.joining
                    and not any(
                        (kind, place) in self.organs
                        for kind in m.iris("organ-kind")
                        for place in self._places_at(mentions, n)
                    )
                )
                for n in place_spans
            )
        ]
        # … and so is a department whose post is said (公安厅一把手: the department's head), which the reading leaves aside
        left += [m.span for m in unexplained if m.span in heads and m.span not in left]
        doubts += [span.text for span in left]
        # … and so is an organ of the build named as the place's (<place>'s transport department) that the reading
        # leaves aside, when a reading asked in words takes it (interpret)
        for m in unexplained:
            for n in place_spans:
                if n.end < m.span.start and typed[n.end : m.span.start].strip() in self.wording.joining:
                    places = self._places_at(mentions, n)
                    aside += [
                        (self.organs[(kind, place)], m.span.text)
                        for kind in m.iris("organ-kind")
                        for place in places
                        if (kind, place) in self.organs
                    ]
        score = cue + 0.5 * len(params) - 0.4 * len(unexplained) - 1.0 * len(missing) - 0.5 * len(ambiguous)
        score -= 0.6 * len(doubts)  # a doubtful term is no better than none: a question's own phrases win over it
        return Reading(question.id, params, score, cue, evidence, missing, ambiguous, doubts, terms, aside, used, left)

    @staticmethod
    def _of_no_place(span: Span, places: list[Span]) -> bool:
        """Whether words (a kind of organ) are said of no place near them (township Party committees: every
        township's)."""
        return not any(n.start - NEAR <= span.end and span.start <= n.end + NEAR for n in places)

    def _exemplified(self, typed: str, span: Span) -> bool:
        """Whether words stand in examples set in their sentence: after words giving examples (``illustrating``: 比如,
        such as) that do not open it, with no words ending the examples (``illustrating_end``) between."""
        sentence = max((i + 1 for i, ch in enumerate(typed[: span.start]) if ch in _SENTENCE_END), default=0)
        for word in self.wording.illustrating:
            for start in _occurrences(typed[: span.start], word):
                if start < sentence or not typed[sentence:start].strip() or self._ending_examples(typed, start, word):
                    continue
                between = typed[start + len(word) : span.start]
                if not any(_occurrences(between, end) for end in self.wording.illustrating_end):
                    return True
        return False

    def _departments_posts(self, typed: str, mentions: list[Mention]) -> list[Span]:
        """The words of a department's kind (``department_kinds``) naming no one organ, said right before a post joined to
        it (公安厅一把手, 质监局的局长): whose post it is, the department's own."""
        return [
            m.span
            for m, then in itertools.pairwise(mentions)
            if _generic(m)
            and m.iris("organ-kind") & self.department_kinds
            and then.iris("role")
            and self._joined(typed, m, then)
        ]

    @staticmethod
    def _said_most(iris: list[str], candidates: list[Mention], kind: str) -> str | None:
        """Of several values said, the one said more often than each other (乙省跟甲省不一样，乙省…: 乙省), if any."""
        times = {iri: sum(iri in m.iris(kind) for m in candidates) for iri in iris}
        most = [iri for iri in iris if all(times[iri] > times[o] for o in iris if o != iri)]
        return most[0] if most else None

    @staticmethod
    def _side_by_side(parameter: Parameter, candidates: list[Mention]) -> bool:
        """Whether several places said ask every place's answer side by side: a question whose place is optional, the
        places said apart, each by words naming it alone (initials of two places, HB, say neither: unsettled)."""
        return not parameter.required and all(len(m.iris(parameter.type)) == 1 for m in candidates)

    @staticmethod
    def _to_broadest(kind: str) -> bool:
        """Whether several values of a type said are the broadest of them (民爆物品的生产销售、爆破作业): not organs, roles
        (a narrower post may say which the broader names) nor places (the national rule and City A are two places)."""
        return kind not in ("organ", "role", "jurisdiction")

    @staticmethod
    def _places_compared(mentions: list[Mention]) -> bool:
        """Whether several places are said (甲省和乙市…对照一下), each by words naming it alone: compared, when no one of
        them is asked about."""
        places = [m.iris("jurisdiction") for m in mentions if m.iris("jurisdiction")]
        return len(set().union(*places)) > 1 and all(len(said) == 1 for said in places)

    def _the_places_own(self, typed: str, span: Span, places: list[Span]) -> bool:
        """Whether words are said as a place's own: right after words referring to it as the owner (``possessing``:
        its, 其), the place said before them in the sentence."""
        before = typed[: span.start].rstrip()
        for word in self.wording.possessing:
            at = len(before) - len(word)
            if at >= 0 and before.endswith(word) and _at_boundaries(before, at, word):
                return any(p.end <= at and not _SENTENCE_END & set(typed[p.end : at]) for p in places)
        return False

    def _distributed(self, typed: str, mentions: list[Mention]) -> set[str]:
        """The types of values listed (two or more, of one type, joined by ``listing`` words) and then asked of each by
        words after them in the same sentence (``distributing``: 各要, respectively)."""
        if not self.wording.distributing:
            return set()
        said = [at for word in self.wording.distributing for at in _occurrences(typed, word)]
        types: set[str] = set()
        for first, then in itertools.pairwise(mentions):
            if typed[first.span.end : then.span.start].strip() not in self.wording.listing:
                continue
            shared = {k for k, _ in first.senses} & {k for k, _ in then.senses}
            if shared and any(
                at >= then.span.end and not any(ch in _SENTENCE_END for ch in typed[then.span.end : at]) for at in said
            ):
                types |= shared
        return types

    def _counted_alike(self, typed: str, mentions: list[Mention]) -> list[Mention]:
        """Values said apart with words counting times in them (``label_counting``: 开一次会), listed (``listing``: 、)
        right after other words ending in the same counting words (看一次、开一次会), or right before a few words holding
        counting words (开几次会、查几回): one of several things asked, the others named by no label."""
        found: list[Mention] = []
        if not any(word in typed for word in self.wording.label_counting):
            return found
        for mention in mentions:
            said = normal(mention.span.text)
            before = typed[: mention.span.start].rstrip()
            joint = next((w for w in self.wording.listing if before.endswith(w)), None)
            listed = before[: -len(joint)].rstrip() if joint else ""
            after_alike = joint and any(word in said and listed.endswith(word) for word in self.wording.label_counting)
            # … or listed right before a few words holding counting words, naming no value (开几次会、查几回: a meeting
            # and something else, counted)
            before_other = any(word in said for word in self.wording.label_counting) and self._counted_after(
                typed, mention, mentions
            )
            if after_alike or before_other:
                found.append(mention)
        return found

    def _counted_after(self, typed: str, mention: Mention, mentions: list[Mention]) -> bool:
        """Whether words listed right after a value (``listing``: 、) are a few words up to the clause's end holding
        words counting times (``label_counting``: 查几回) and no value's words."""
        said = normal(mention.span.text)  # a label said apart (开几次会) stands where its first words stand
        end = mention.span.start + len(said) if typed.startswith(said, mention.span.start) else mention.span.end
        after = typed[end:].lstrip()
        joint = next((w for w in self.wording.listing if after.startswith(w)), None)
        if joint is None:
            return False
        start = len(typed) - len(after) + len(joint)
        end = next((i for i in range(start, len(typed)) if typed[i] in _PUNCTUATION), len(typed))
        item = typed[start:end].strip()
        return (
            0 < len(item) <= LONG_VALUE // 2
            and any(word in item for word in self.wording.label_counting)
            and not any(m.span.start < end and start < m.span.end for m in mentions)
        )

    def _contrasted(self, typed: str) -> list[Span]:
        """Parallel clauses asking one question of several values (which count as regulators, which as sector
        authorities; 哪些是监管部门，哪些是行业主管部门): the clauses holding a question word (``contrasting``) when a later
        clause of the sentence opens with it again."""
        clauses: list[Span] = []
        start = 0
        for i, ch in enumerate(typed + "。"):
            if ch in _CLAUSE_END:
                if typed[start:i].strip():
                    clauses.append(Span(start, i, typed[start:i]))
                start = i + 1
        spans: list[Span] = []
        for word in self.wording.contrasting:
            holding = [c for c in clauses if _occurrences(c.text, word)]
            opening = [c for c in holding[1:] if c.text.strip().startswith(word)]
            if opening and not any(_SENTENCE_END & set(typed[holding[0].end : opening[0].start])):
                spans += holding
        # … and values said to hold together (哪些既是监管部门、又是行业主管部门, which are both regulators and sector
        # authorities: ``both``): the words from the first to the end of the clause of the second, in one sentence
        for first, second in self.wording.both:
            for at in _occurrences(typed, first):
                then = next((i for i in _occurrences(typed, second) if i >= at + len(first)), None)
                if then is None or _SENTENCE_END & set(typed[at:then]):
                    continue
                end = next((i for i in range(then, len(typed)) if typed[i] in _CLAUSE_END), len(typed))
                spans.append(Span(at, end, typed[at:end]))
        return spans

    @staticmethod
    def _listed_in_brackets(typed: str, candidates: list[Mention], kind: str) -> bool:
        """Whether values of a type, more than one, are all said in one pair of brackets."""
        if len({iri for m in candidates for iri in m.iris(kind)}) < 2:
            return False
        return any(
            all(match.start(1) <= m.span.start and m.span.end <= match.end(1) for m in candidates)
            for match in _BRACKETED.finditer(typed)
        )

    def _kind_of_no_place(self, mentions: list[Mention], used: list[Span]) -> tuple[list[Mention], list[str]]:
        """The kinds of organ said by words no organ's label holds (质监局), with no place said anywhere, and every organ
        of those kinds in the build: of which place, unsaid."""
        if any(m.iris("jurisdiction") for m in mentions):
            return [], []
        said = [
            m
            for m in mentions
            if m.iris("organ-kind") and not m.iris("organ") and not any(m.span.overlaps(u) for u in used)
        ]
        kinds = {kind for m in said for kind in m.iris("organ-kind")}
        return said, sorted({organ for (kind, _), organ in self.organs.items() if kind in kinds})

    def _ranged(self, typed: str, candidates: list[Mention], kind: str) -> bool:
        """Whether values of a type, two at least, are all said as the ends of one range in a clause: the first right
        after the words opening it (from, 从), the last right after the words closing it (to, up to, 到)."""
        if len({iri for m in candidates for iri in m.iris(kind)}) < 2:
            return False
        for first, second in self.wording.ranging:
            for at in _occurrences(typed, first):
                opened = [
                    m
                    for m in candidates
                    if m.span.start >= at + len(first) and not typed[at + len(first) : m.span.start].strip()
                ]
                if not opened:
                    continue
                closed = [
                    m
                    for m in candidates
                    for to in _occurrences(typed, second)
                    if opened[0].span.end <= to
                    and to + len(second) <= m.span.start
                    and not typed[to + len(second) : m.span.start].strip()
                    and not _CLAUSE_END & set(typed[at : m.span.start])
                ]
                if closed and all(at <= m.span.start and m.span.end <= closed[0].span.end for m in candidates):
                    return True
        return False

    def _no_words(self, value: str) -> bool:
        """Whether a value a phrase captured is nothing but punctuation and the words cut from a value's ends
        (以…的身份出现的: 出现{term} captures 的？, no term)."""
        marks = " " + "".join(_PUNCTUATION)
        typed = normal(value).strip(marks)
        cut = True
        while typed and cut:
            cut = False
            for word in self.wording.term_trim:
                if typed.startswith(word) and _at_boundaries(typed, 0, word):
                    typed, cut = typed[len(word) :].strip(marks), True
                elif typed.endswith(word) and _at_boundaries(typed, len(typed) - len(word), word):
                    typed, cut = typed[: -len(word)].strip(marks), True
                if cut:
                    break
        return not typed

    @staticmethod
    def _places_at(mentions: list[Mention], span: Span) -> set[str]:
        """The places a place's name said there names."""
        return {iri for mention in mentions if mention.span == span for iri in mention.iris("jurisdiction")}

    def _level_ranges(self, typed: str) -> list[Span]:
        """A level's words followed by words making it a range of levels (``level_range``: 县级以上, county level and
        above): the text's own words for the levels, not one level."""
        found: list[Span] = []
        for label in sorted((w for w in self.level_words if w), key=len, reverse=True):
            for start in _occurrences(typed, label):
                end = start + len(label)
                after = len(typed[end:]) - len(typed[end:].lstrip(" "))
                # … in Chinese, words pointing at the level or framing it may stand between (县这一级以及更往上)
                pointed = next((w for w in self._level_pointed() if typed.startswith(w, end)), "")
                after = len(pointed) if pointed and not after else after
                word = next((w for w in self._range_words() if _occurrences(typed[end + after :], w)[:1] == [0]), None)
                if word is None or (after and _CJK.match(word) and not pointed):
                    continue
                span = Span(start, end + after + len(word), typed[start : end + after + len(word)])
                if not any(span.overlaps(f) for f in found):
                    found.append(span)
        return found

    def _glossed_ranges(self, typed: str) -> list[Span]:
        """A range of levels said in English as the texts' range words are glossed (``qualifier_glosses`` of words
        ending in ``level_range``: at or above county level, the range before the level): the text's words for the
        levels, not one level."""
        ranges = [w for w in self.wording.level_range if _CJK.match(w)]
        return [
            Span(start, start + len(gloss), typed[start : start + len(gloss)])
            for words, glosses in self.wording.glosses
            if any(words.endswith(w) for w in ranges)
            for gloss in glosses
            for start in _occurrences(typed, gloss)
            if _at_boundaries(typed, start, gloss)
        ]

    def _level_pointed(self) -> tuple[str, ...]:
        """Words pointing at a level or framing it, said between a level and words making it a range (这一级, 一级, 级),
        longest first."""
        return _level_pointed(self.wording.level_pointing, self.wording.level_framing)

    def _range_words(self) -> tuple[str, ...]:
        """Words making a level a range of levels (``level_range``) and the words saying them otherwise
        (``level_range_variants``: 以及更往上), longest first."""
        return _range_words(self.wording.level_range, self.wording.level_range_variants)

    def _range_value(self, text: str, span: Span) -> str:
        """A range of levels in the texts' own words (``qualifier_glosses``' words: 县级以上): said otherwise, with words
        saying the range otherwise (``level_range_variants``: 县这一级以及更往上) or words pointing at the level between
        (县这一级以上), the texts' words of the same level and range, if any; else the words as said."""
        said = normal(text[span.start : span.end]).strip()
        word = next((w for w in self._range_words() if said.endswith(w)), "")
        canonical = next((c for c, others in self.wording.level_range_variants if word in others), word)
        levels = self._level_of(said[: len(said) - len(word)])
        texts = [words for words, _ in self.wording.glosses if _CJK.match(words) and words.endswith(canonical)]
        same = [words for words in texts if levels and self._level_of(words[: -len(canonical)]) == levels]
        return (
            same[0]
            if len(same) == 1 and (canonical != word or not said.startswith(same[0][: -len(canonical)]))
            else text[span.start : span.end]
        )

    def _doubtful(self, value: str, literal: bool) -> bool:
        """Whether a free-text value looks like no term of the rules: without a Chinese character (the rules are
        Chinese: a bare English word such as "major" is a word of the question), or, unless given as it is
        (quoted, or Chinese in an English question), holding words of a sentence (要, 对, 哪, what …)."""
        typed = normal(value).strip()
        if not _CJK.search(typed):
            return True
        if literal:
            return False
        for word in self.wording.sentence_words:
            if word in typed if _CJK.search(word) else _occurrences(typed, word):
                return True
        return False

    def _free_text(
        self,
        name: str,
        hits: list[tuple[float, Span, dict[str, Span]]],
        text: str,
        used: list[Span],
        given: list[Span] | None = None,
    ) -> tuple[str, Span] | None:
        """The value a phrase captured for a free-text parameter, without quotes, punctuation and the words
        around it that are not the value (interpreting.toml: term_trim); words given as they are (``given``: Chinese
        in an English question) opening it, the rest words of the sentence, are the value by themselves (mentions
        首席安全官 at all: 首席安全官)."""
        for _, _, captured in hits:
            span = captured.get(name)
            if span is None:
                continue
            start, end = span.start, span.end
            quoted = _QUOTED.search(text, start, end)  # words in quotes are the value: 提到了“一岗双责”
            if quoted:
                start, end = quoted.start(1), quoted.end(1)
            # … and, unquoted, the words after a colon in it: those before say where to search (全文检索，所有规定：…)
            else:
                start = self._after_colon(text, start, end)
            changed, after_value = True, False
            while changed and start < end:
                changed = False
                for value in used:  # another parameter's value inside it belongs to that parameter (… in <place>)
                    if value.start < end and value.end > start:
                        if value.start - start >= end - value.end:
                            end = value.start
                        else:
                            start, after_value = value.end, True
                        changed = True
                if start >= end:
                    break
                typed = normal(text[start:end])
                # … and the words naming its rule right after it (``rule_words``: 甲省细则 …) say where to search
                rule = next((w for w in self.wording.rule_words if typed.startswith(w) and len(typed) > len(w)), None)
                if after_value and rule is not None and _at_boundaries(typed, 0, rule):
                    start, after_value, changed = start + len(rule), False, True
                    continue
                gloss = _GLOSS.search(typed)  # words in brackets after a term gloss it: 约谈 (talk)
                if gloss and gloss.start() > 0 and not _quoted(text, Span(start, end, "")):
                    end, changed = start + gloss.start(), True
                    continue
                closing = typed[-1] in _PUNCTUATION and not (typed[-1] in ")）" and ("(" in typed or "（" in typed))
                if typed[0] in _PUNCTUATION or closing:
                    start += 1 if typed[0] in _PUNCTUATION else 0
                    end -= 1 if closing and end - start > 0 else 0
                    changed = True
                    continue
                for word in self.wording.term_trim:
                    if len(typed) > len(word) and typed.endswith(word):
                        end, changed = end - len(word), True
                        break
                    if len(typed) > len(word) and typed.startswith(word):
                        start, changed = start + len(word), True
                        break
            opening = next((g for g in given or [] if g.start == start and g.end < end), None)
            # … and so are they when a sentence ends right after them (Search for 宗教活动场所. Is it …?): the words after
            # are a sentence of their own, not the term's
            if opening is not None and (
                self._sentence_tail(text[opening.end : end]) or text[opening.end : end].lstrip()[:1] in _TERM_ENDS
            ):
                end = opening.end
            if start < end:
                return text[start:end], Span(start, end, text[start:end])
        return None

    @staticmethod
    def _after_colon(text: str, start: int, end: int) -> int:
        """Where the words after the last colon in a captured value begin, when words follow it; else ``start``."""
        colon = max(text.rfind(":", start, end), text.rfind("：", start, end))
        return colon + 1 if colon >= 0 and text[colon + 1 : end].strip() else start

    def _sentence_tail(self, words: str) -> bool:
        """Whether words after a term given as it is are words of the sentence around it, not of the term: no Chinese,
        and no words of a question (``sentence_words``: which, what …, then the words would be a sentence, doubtful)."""
        typed = normal(words)
        return not _CJK.search(typed) and not any(_occurrences(typed, word) for word in self.wording.sentence_words)

    def _level_in_gap(
        self,
        text: str,
        typed: str,
        hits: list[tuple[float, Span, dict[str, Span]]],
        wording: list[tuple[Span, bool]],
        mentions: list[Mention],
    ) -> tuple[str, Span] | None:
        """Words in the gap of a phrase closed by words framing a level (``level_framing``: 适用于…级) that name no
        value: the level in the text's own words (适用于有立法权的那一级政府: 有立法权), without the words ending the gap
        that point at the level (``level_pointing``: 那一) and those cut from a value's ends (term_trim: 的). Not when
        a value is said in the gap (适用于乡镇一级: the level is that value), nor words of a sentence."""
        gaps: list[tuple[int, int]] = []
        for _, phrase, _ in hits:
            own = [w for w, _ in wording if phrase.start <= w.start and w.end <= phrase.end]
            for after in own:
                closing = normal(after.text).strip()
                start = max((w.end for w in own if w.end <= after.start), default=after.start)
                end = after.start
                if start < end and any(closing.startswith(word) for word in self.wording.level_framing):
                    gaps.append((start, end))
        # … and the words after words confining to a level (仅适用于, 限于), up to the organs they qualify or words
        # framing a level (仅适用于有立法权的地方政府: 有立法权), whatever phrase was found
        organs = sorted(m.span.start for m in mentions if m.iris("organ") or m.iris("organ-kind"))
        for word in self.wording.level_confining if hits else ():
            at = typed.find(word)
            while at >= 0:
                start = at + len(word)
                ends = [o for o in organs if o > start]
                ends += [i for w in self.wording.level_framing if (i := typed.find(w, start)) > start]
                if ends and min(ends) - start <= 2 * LONG_VALUE:
                    gaps.append((start, min(ends)))
                at = typed.find(word, at + 1)
        ranges = self._level_ranges(typed) if gaps else []  # a range of levels said in the gap is a value too
        for start, end in gaps:
            if any(m.span.start < end and start < m.span.end for m in mentions):
                continue
            if any(r.start < end and start < r.end for r in ranges):
                continue
            cut = True
            while cut and start < end:
                cut = False
                said = normal(text[start:end])
                for word in (*self.wording.level_pointing, *self.wording.term_trim):
                    if said.rstrip().endswith(word) and len(said.rstrip()) > len(word):
                        end, cut = start + len(said.rstrip()) - len(word), True
                        break
            value = text[start:end].strip()
            if value and _CJK.search(value) and not self._doubtful(value, literal=False):
                return value, Span(start, start + len(value), value)
        return None

    def _glossed(self, typed: str, value: tuple[str, Span] | None, used: list[Span]) -> tuple[str, Span] | None:
        """A qualifier said in English (``qualifier_glosses``: with legislative power, quoted or not): the texts'
        words for it (有立法权), where no other value was given for it."""
        for words, glosses in self.wording.glosses:
            for gloss in glosses:
                if value is not None:
                    if normal(value[0]).strip(" '\"") == gloss:
                        return words, value[1]
                    continue
                for start in _occurrences(typed, gloss):
                    span = Span(start, start + len(gloss), typed[start : start + len(gloss)])
                    if _at_boundaries(typed, start, gloss) and not any(span.overlaps(u) for u in used):
                        return words, span
        return None

    def _qualifier(self, text: str, span: Span) -> tuple[str, Span]:
        """A value qualifying the organs named after it, without them: the words of an organ or a kind of organ that
        end it, and the words joining them (term_trim: 的), are cut (有立法权的人民政府 → 有立法权); never all of it."""
        start, end = span.start, span.end
        cut = True
        while cut:
            cut = False
            typed = normal(text[start:end])
            for word in (*self.organ_words, *self.wording.term_trim):
                if typed.endswith(word):  # the longest words it ends with, unless they are all of it (人民政府)
                    if len(typed) > len(word):
                        end, cut = end - len(word), True
                    break
        return text[start:end], Span(start, end, text[start:end])

    def _of_the_place(self, between: str) -> bool:
        """Whether one character between a place and a kind of organ leaves the organ the place's own: a space or a
        mark, a place's name's end (``place_endings``: 省, 市) or words of belonging (``belonging``: 的); a word of a
        sentence (对, 连) makes the kind of organ what is said of, not the place's department."""
        return not _CJK.match(between) or between in (*self.wording.place_endings, *self.wording.belonging)

    def _indefinite(self, typed: str, span: Span) -> bool:
        """Whether words are said of some one, not a given one: right after words saying so (``indefinite``: 某)."""
        before = typed[: span.start].rstrip()
        return any(
            before.endswith(word) and _at_boundaries(before, len(before) - len(word), word)
            for word in self.wording.indefinite
        )

    def _owned_organ(
        self, typed: str, organ: str, end: int, mentions: list[Mention], used: list[Span]
    ) -> tuple[str, Mention] | None:
        """The organ of a kind said right after the words naming an organ, joined to them by words saying it is its own
        (``belonging``: 的, 's), the organ's place between them or not (<city> Party committee's theory study group;
        the <kind>'s <place> regulatory office): the organ of that kind in the named organ's place, when the build has
        one."""
        place = self.organ_place.get(organ)
        if place is None:
            return None
        for m in sorted(mentions, key=lambda m: m.span.start):
            if m.span.start < end or any(m.span.overlaps(u) for u in used) or not m.iris("organ-kind"):
                continue
            gap = typed[end : m.span.start]
            places = [
                p for p in mentions if end <= p.span.start and p.span.end <= m.span.start and p.iris("jurisdiction")
            ]
            for p in places:
                if place not in p.iris("jurisdiction"):
                    return None
                gap = gap.replace(typed[p.span.start : p.span.end], " ")
            kinds = [kind for kind in m.iris("organ-kind") if (kind, place) in self.organs]
            # … or by nothing, a department right after the organ it is a department of (甲省党委政法委)
            joined = gap.strip() in self.wording.belonging or (
                not gap.strip() and len(kinds) == 1 and self._department_of(organ, kinds[0])
            )
            if joined and len(kinds) == 1 and self.organs[(kinds[0], place)] != organ:
                return self.organs[(kinds[0], place)], m
            return None
        return None

    def _department_of(self, organ: str, kind: str) -> bool:
        """Whether a kind of organ is a kind of the organ's departments (``departments_of``: the categories of an organ
        and of its departments, a Party committee's working departments, a government's departments)."""
        pair = (self.kind_category.get(self.organ_kind.get(organ, ""), ""), self.kind_category.get(kind, ""))
        return pair in self.wording.departments_of

    def _organ_by_parts(
        self, mentions: list[Mention], used: list[Span], typed: str = ""
    ) -> tuple[str, list[Span]] | None:
        """An organ given as a place and a kind (<place> … <kind of department>): the one organ of that kind there;
        of two kinds making organs there, the one said right after the place (<place>公安厅算不算负有安全监管职责的部门:
        the public security department, the designation's words after it)."""
        free = [m for m in mentions if not any(m.span.overlaps(u) for u in used)]
        places = [(m, iri) for m in free for iri in m.iris("jurisdiction")]
        # … not a kind said of some one of it (``indefinite``: <province>某县政府, a county's government there, not the
        # province's)
        kinds = [(m, iri) for m in free for iri in m.iris("organ-kind") if not self._indefinite(typed, m.span)]
        found = [
            (self.organs[(kind, place)], (pm.span, km.span))
            for pm, place in places
            for km, kind in kinds
            if (kind, place) in self.organs
        ]
        if len({organ for organ, _ in found}) > 1:
            found = [
                (organ, (at, kind))
                for organ, (at, kind) in found
                if at.end <= kind.start and typed[at.end : kind.start].strip() in ("", *self.wording.joining)
            ]
        if len({organ for organ, _ in found}) != 1:
            return None
        # … its place said more than once (依某省细则，某省住房和城乡建设厅): the one said nearest its kind
        organ, spans = min(found, key=lambda f: abs(f[1][1].start - f[1][0].end))
        return organ, list(spans)


@cache
def _level_pointed(pointing: tuple[str, ...], framing: tuple[str, ...]) -> tuple[str, ...]:
    """The words pointing at a level or framing it, each framing word with or without a pointing word before it,
    longest first: found once for a wording, not for each level said."""
    return tuple(sorted({p + f for p in ("", *pointing) for f in framing}, key=len, reverse=True))


@cache
def _range_words(level_range: tuple[str, ...], variants: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, ...]:
    """The words making a level a range and their other wordings, longest first: found once for a wording."""
    return tuple(sorted({*level_range, *(w for _, others in variants for w in others)}, key=len, reverse=True))
