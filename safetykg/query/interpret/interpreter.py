"""The interpreter: text in, the best reading out, confident only when nothing is missing, doubtful or out of
scope and it leads the next by a clear margin; else up to three readings offered, with what is missing."""

import dataclasses
import math
import re
from typing import Any

from safetykg.core.resources import Folders
from safetykg.query.intent import OUT_OF_SCOPE
from safetykg.query.interpret.phrases import PhraseReader
from safetykg.query.interpret.readings import Asides, Contest, Interpretation, Mention, Phrases, Reading, Span
from safetykg.query.interpret.text import (
    _BRACKETED,
    _CJK,
    _CLAUSE_END,
    _LITERAL,
    _PUNCTUATION,
    _QUOTES,
    _SENTENCE_END,
    ASKED_AS_STRONG,
    MARGIN,
    STRONG,
    SURE,
    _apart,
    _at_boundaries,
    _bare,
    _doubts_only_aside,
    _ends,
    _frames,
    _in_gap,
    _leaves_aside,
    _literals,
    _occurrences,
    _qualifies,
    _qualifies_end,
    _without,
    normal,
    stemmed,
)
from safetykg.query.interpret.wording import Wording, vocabulary_from_store
from safetykg.query.questions import LITERAL_TYPES, Question
from safetykg.query.store import QueryStore


class Interpreter(PhraseReader):
    """Text in, an ``Interpretation`` out (``interpret``)."""

    def interpret(self, text: str) -> Interpretation:
        """The reading of the words as typed: read as meant (simplified, slips read through: ``slips.py``), the
        evidence in the words typed."""
        fixed = self.slips.read(text)
        typed = normal(fixed.text)
        covered = [(m.span.start, m.span.end) for m in self.mentions(fixed.text, typed)]
        swaps = self.slips.homophones(typed, covered)
        if swaps:
            fixed = fixed.swapped(swaps)
        reading = self._interpret(fixed.text)
        if fixed.text != text:
            reading.evidence = [{**e, "text": fixed.as_typed_words(e["text"])} for e in reading.evidence]
        return reading

    def _interpret(self, text: str) -> Interpretation:
        """The steps of a reading: the values said, each question's phrases found and those set aside, each question
        read, the readings ranked, what stands in the best one's way, and the reasons it has no answer."""
        typed = normal(text)
        mentions, found_labels, asides, askers, context = self._values_said(text, typed)
        stems, where = stemmed(typed)
        found = {qid: self.phrases(q, text, stems, where, mentions) for qid, q in self.questions.items()}
        context = self._set_aside(typed, found, found_labels, asides, askers, context)
        given_all = _literals(text, typed)
        unanswered = self._terms_set_aside(text, typed, found, given_all)
        words, literals, given = self._words_given(text, mentions, found, context, given_all)
        readings = [
            self.read(q, text, typed, mentions, found[q.id], [w for qid, w in words if qid != q.id], literals, given)
            for q in self.questions.values()
        ]
        best, readings, within_value = self._ranked(text, typed, readings, found, mentions)
        rivals = self._rivals(best, readings, found, mentions, within_value)
        second = self._second(text, typed, best, readings, rivals, found, mentions)
        reasons = self._reasons(text, typed, best, readings, found, mentions, context, unanswered, second)
        return self._decided(text, best, readings, reasons, second)

    def _values_said(
        self, text: str, typed: str
    ) -> tuple[list[Mention], list[Mention], Asides, list[Mention], list[Span]]:
        """The values said (every label found, those said once, of posts, the asker's own set apart, those of sentences
        of context set aside, levels in a range of levels taken back), every label found, the clauses set aside, the
        asker's own, and the sentences of context."""
        found_labels = self._the_rest(text, typed, self._corrected(typed, self.mentions(text, typed)))
        found_labels = self._parts_of_organs(typed, found_labels)
        asides = self.asides(typed)
        posts = self._one_post(text, typed, self._said_once(text, typed, found_labels, asides))
        askers = self._the_askers_own(typed, posts)
        mentions = [m for m in self._about_the_asker(typed, posts) if m not in askers]
        mentions, context = self._in_context(typed, mentions)  # the sentence that asks, and sentences of context
        # a level's words in a range of levels (县级以上, county level and above) are the text's words, not that level
        ranges = self._level_ranges(typed) if self.wording.level_range else []
        ranges += self._glossed_ranges(typed)  # … and in English as glossed (at or above county level)
        if ranges:
            mentions = [
                Mention(m.span, tuple(s for s in m.senses if s[0] != "level"))
                if any(m.span.overlaps(r) for r in ranges)
                else m
                for m in mentions
            ]
            mentions = [m for m in mentions if m.senses]
        return mentions, found_labels, asides, askers, context

    def _set_aside(
        self,
        typed: str,
        found: dict[str, Phrases],
        found_labels: list[Mention],
        asides: Asides,
        askers: list[Mention],
        context: list[Span],
    ) -> list[Span]:
        """Each question's phrases that are not how it is asked, taken from ``found``; the sentences of context with
        the clauses framing the question."""
        # a phrase beginning inside examples set in the sentence (what conduct, such as lobbying for the unit
        # responsible for an accident, counts as grounds …: not the accident's grade, nor who is responsible) is not
        # how its question is asked
        # … nor is a phrase inside the words of a value said denied (departments that do not have work-safety
        # supervisory duties: not the supervisory designation's question)
        denied = [Span(m.span.start, m.span.end, "") for m in found_labels if self._negated(typed, m)]
        # … nor one beginning inside the asker's own organ or post (I work in <city>'s safety committee office: not the
        # committee; I'm a county-level official …: not the level)
        # … nor one beginning inside a clause saying what the answer is for (for inclusion in the annual report: …)
        purposes = asides.purposes
        # … nor one beginning in a clause saying its words are not wanted (不要只列频次要求, 频次那块不用看)
        dismissed = asides.dismissed
        # … nor one beginning in a clause saying the frame the question is asked in (按照“…”的视角), or in words citing a
        # work in brackets (（参见…）): their words are context
        framed = asides.framing + asides.cited
        context = context + framed
        # … nor one of words spanning places said of organs (coordinates safety work across departments, in each
        # department: not the places compared)
        spanning = self._spanning_organs(typed)

        # … nor one inside a clause setting the case it is asked of (假如…，, suppose … .): what happened, its values
        # still said; unless the question is asked in words outside it too (the case is then of what it asks)
        def in_case(hit: tuple[float, Span, dict[str, Span]]) -> bool:
            return any(s.start <= hit[1].start and hit[1].end <= s.end for s in asides.supposed)

        supposed = [
            Span(s.start, s.end, "")
            for s in asides.supposed
            if any(hits and all(in_case(h) for h in hits) for hits, _ in found.values())
        ]
        for example in [
            *self._examples(typed),
            *spanning,
            *denied,
            *(Span(m.span.start, m.span.end, "") for m in askers),
            *purposes,
            *dismissed,
            *framed,
            *supposed,
        ]:
            whole = example in denied or example in supposed
            for qid, (hits, _) in found.items():
                if example in supposed and not all(in_case(h) for h in hits):
                    continue
                inside = [
                    h
                    for h in hits
                    if example.start <= h[1].start < example.end and (not whole or h[1].end <= example.end)
                ]
                if inside:
                    found[qid] = _without(found[qid], inside)
        # … nor one listed right after organs or kinds of organ named (``listing``: 和, 、, and), capturing nothing and
        # holding no word that asks: it names organs of the list (追究到哪一级党委政府和监管部门: the regulators are
        # held to account with the Party committees and governments, not the departments regulating a hazard asked)
        listed = self._listed_after_organs(typed, found_labels)
        for qid, (hits, _) in found.items() if listed else ():
            inside = [
                h
                for h in hits
                if h[1].start in listed and not h[2] and not self._asking_words(typed[h[1].start : h[1].end])
            ]
            if inside:
                found[qid] = _without(found[qid], inside)
        return context

    def _terms_set_aside(self, text: str, typed: str, found: dict[str, Phrases], given_all: list[Span]) -> list[Span]:
        """Phrases in words to search the texts for, or in quoted words alone, taken from ``found``; the phrases
        capturing words said denied (asked of what no question answers)."""
        # a phrase capturing words asked for, said denied (不含“约谈”的条款, not mentioning …: the provisions without
        # them) asks what no question answers, and the words it captured are still words of the texts, not how another
        # question is asked (provisions that do not mention 终身追责: not the accountability rules)
        unsearched: list[Span] = []
        unanswered: list[Span] = []
        for qid, question in self.questions.items():
            denied_hits = [h for h in found[qid][0] if h[2] and self._negated(typed, Mention(h[1], ()))]
            if denied_hits and any(p.type in LITERAL_TYPES for p in question.parameters):
                unsearched += [value for h in found[qid][0] for value in h[2].values()]
                unanswered += [h[1] for h in denied_hits]
                found[qid] = ([], [])
        searched = self._searched(typed) + unsearched
        # … and so are words in quotes that a phrase asking for words captured (contain the words "safety committee"),
        # or Chinese in an English question that the term captured is (mentions 安全生产委员会 anywhere: _free_text)
        for qid, question in self.questions.items():
            if any(p.type in LITERAL_TYPES for p in question.parameters):
                for hit in found[qid][0]:
                    for name, value in hit[2].items() if not _bare(text, hit) else ():
                        for quoted in _LITERAL.finditer(text, value.start, value.end):
                            group = 1 if quoted.group(1) else 2
                            searched.append(Span(quoted.start(group), quoted.end(group), quoted.group(group)))
                        term = self._free_text(name, [hit], text, [], given_all)
                        if term is not None and any(g == term[1] for g in given_all):
                            searched.append(term[1])
                            searched += self._glossing(text, term[1])
        if searched:  # words to search for are a term, not how another question is asked (搜索述职: not 述职)
            for qid, question in self.questions.items():
                if not any(p.type in LITERAL_TYPES for p in question.parameters):
                    hits = found[qid][0]
                    inside = [h for h in hits if any(s.start <= h[1].start and h[1].end <= s.end for s in searched)]
                    if inside:
                        found[qid] = _without(found[qid], inside)
        # words in quotes alone do not ask to search the texts when a question is asked in words of its own: people
        # quote what they ask about (以“行业主管部门”的身份出现), or a figure of speech (超出…的“自选动作”)
        bare = {qid: [h for h in hits if _bare(text, h)] for qid, (hits, _) in found.items()}
        asked = {qid for qid, (hits, _) in found.items() if len(hits) > len(bare[qid])}
        for qid, (hits, _) in found.items():
            if hits and len(bare[qid]) == len(hits) and asked - {qid}:
                found[qid] = _without(found[qid], hits)
        return unanswered

    def _words_given(
        self, text: str, mentions: list[Mention], found: dict[str, Phrases], context: list[Span], given_all: list[Span]
    ) -> tuple[list[tuple[str, Span]], list[Span], list[Span]]:
        """Each question's words (of its phrases), the words given as free text no label nor phrase holds, and every
        words given outside the sentences of context."""
        words = [(qid, w) for qid, (_, wording) in found.items() for w, _ in wording]
        given = [g for g in given_all if not any(c.start <= g.start and g.end <= c.end for c in context)]
        literals = [  # not a label (a value of its own type), nor one too common to name a value (自治区), nor
            # words of how a question is asked
            lit
            for lit in given
            if not any(m.span == lit for m in mentions)
            and normal(lit.text).strip() not in self.wording.ignored_labels
            # nor the word naming the rule asked of (City A 办法: the measures, no qualifier)
            and normal(lit.text).strip() not in self.wording.rule_words
            and not any(w.start <= lit.start and lit.end <= w.end for _, w in words)
            # nor words unquoted in the gap of a phrase that captures nothing: a gloss of its words (support (保障) duties)
            and not (
                not (lit.start > 0 and text[lit.start - 1] in _QUOTES)
                and any(
                    h[1].start <= lit.start and lit.end <= h[1].end and not h[2] for hs, _ in found.values() for h in hs
                )
            )
            # nor words unquoted holding a phrase of a question asked in words of its own outside them: they gloss
            # how it is asked (when are officials exempt … (尽职照单免责): the exemptions, not a term or qualifier)
            and not (
                not (lit.start > 0 and text[lit.start - 1] in _QUOTES)
                and any(
                    any(lit.start <= h[1].start < lit.end for h in hs) and any(not h[1].overlaps(lit) for h in hs)
                    for hs, _ in found.values()
                )
            )
        ]
        return words, literals, given

    def _ranked(
        self, text: str, typed: str, readings: list[Reading], found: dict[str, Phrases], mentions: list[Mention]
    ) -> tuple[Reading | None, list[Reading], bool]:
        """The readings ranked, the best first; whether the best one is asked only in words inside a value's."""
        # an organ named that a reading takes only for its place (<place>气象部门被认定为何种部门: the place's
        # designations?) or leaves aside (<place>'s transport department … designated as), while a reading asked in
        # words takes the organ itself, is what is asked about
        asked_of = {
            r.params[p.name]
            for r in readings
            if r.cue > 0
            for p in self.questions[r.question].parameters
            if p.type == "organ" and p.name in r.params
        }
        for reading in readings:
            left = [words for organ, words in reading.aside if organ in asked_of]
            reading.doubts += left
            reading.score -= 0.6 * len(left)
        # a reading asked only in words naming an organ, taking no organ (the work safety committee, in a profile of
        # <place>'s committee or in the name of the committee's office), while a reading asked in words of its own
        # takes an organ, is not asked: its words name the organ asked about
        for reading in readings:
            if reading.cue > 0 and self._naming(reading, readings, found, mentions):
                reading.score -= reading.cue
                reading.cue = 0.0
        readings.sort(key=lambda r: (r.cue <= 0, -r.score, r.question))  # a reading asked in words before any other
        best = readings[0] if readings else None
        # a question asked in words that lacks a value it needs, beside the one reading that takes every value
        # said, one of them of a type no other question takes (a province's 综合监管部门是谁: which department, of what
        # hazard? — or the designation type named): the value names its question
        named = [
            r
            for r in readings
            if r.cue <= 0 and not r.missing and not r.ambiguous and not r.doubts and self._telling(r)
        ]
        # … and so does it when the best one is asked only in words inside that value's (哪些部门负有安全监管职责: 职责
        # is a designation's words, not the duties at a level)
        within_value = best is not None and self._inside_values(found[best.question][0], mentions, best.question)
        if (
            best is not None
            and best.cue > 0
            and len(named) == 1
            and ((best.missing and named[0].score > best.score) or within_value)
        ):
            # its value stands for the phrase it lacks, weakly
            best = dataclasses.replace(named[0], cue=0.5)
            readings = [best, *(r for r in readings if r is not named[0])]
        # … and so does it, no question's phrase found, of words said as keywords: values and words for an organ
        # (<place> <hazard> departments: ``pointed``), nothing else, each value taken by that reading
        elif (
            best is not None
            and best.cue <= 0
            and len(named) == 1
            and len(named[0].params) == len(mentions)
            and self._keywords(typed, mentions)
        ):
            best = dataclasses.replace(named[0], cue=0.5)
            readings = [best, *(r for r in readings if r is not named[0])]
        # the next reading, asked in words inside the gap of each of the best one's phrases and in words of its own
        # beside them (哪些情形应当从重追究责任，哪些可以从轻或者减轻: 从重 in the gap of 哪些情形…追究, 从轻 and 减轻 beside
        # it), is what is asked: it reads first (and the phrases around its words no longer stand in its way, below)
        if (
            best is not None
            and best.cue > 0
            and len(readings) > 1
            and self._asked_around(text, best, readings[1], found)
        ):
            best = readings[1]
            readings = [best, readings[0], *readings[2:]]
        return best, readings, within_value

    def _rivals(
        self,
        best: Reading | None,
        readings: list[Reading],
        found: dict[str, Phrases],
        mentions: list[Mention],
        within_value: bool,
    ) -> list[Reading]:
        """The readings after the best one asked in words that are not only the best one's: its rivals."""
        # a reading asked only in words of the best one's phrases (哪一级 of 追责…哪一级, held to account of still…held
        # to account) is how the best is asked, not a rival
        own_words = [w for w, _ in found[best.question][1]] if best is not None and best.cue > 0 else []
        rivals = [
            r
            for r in readings[1:]
            if r.cue > 0
            and not (
                all(any(w.start <= h[1].start and h[1].end <= w.end for w in own_words) for h in found[r.question][0])
                # … unless the best is asked only in its words as well (duties, of an organ or of a level) and scores
                # no more: asked alike and scoring alike, nothing tells them apart
                and not (
                    best is not None
                    and r.score >= best.score
                    and all(
                        any(w.start <= h[1].start and h[1].end <= w.end for w, _ in found[r.question][1])
                        for h in found[best.question][0]
                    )
                )
            )
            and not (within_value and self._inside_values(found[r.question][0], mentions, r.question))
            # … nor is one doubtful only for leaving aside the department the best one takes (<place>的气象部门算不算
            # 负有安全监管职责的部门，职责有哪些: the department's profile, its designation with it), named as the place's or
            # by its place and kind (<province>公安厅厅长多久检查一次: the department's frequencies, not every principal
            # leader's compared, which leaves the department aside)
            and not (best is not None and self._aside_only(r, best))
            # … nor is one each of whose phrases ends the words of one of the best one's, said from before it (不予
            # 追究责任的情形: the best's 不予追究责任 says which 追究责任的情形)
            and not (
                best is not None
                and all(
                    any(b[1].start < h[1].start < b[1].end < h[1].end for b in found[best.question][0])
                    for h in found[r.question][0]
                )
            )
        ]
        return rivals

    @staticmethod
    def _aside_only(reading: Reading, best: Reading) -> bool:
        """Whether a reading is doubtful only for leaving aside the department the best one takes: an organ named as the
        place's (``_doubts_only_aside``), or a department named by its place and kind (``_leaves_aside``)."""
        return _doubts_only_aside(reading, best) or _leaves_aside(reading, best)

    def _second(
        self,
        text: str,
        typed: str,
        best: Reading | None,
        readings: list[Reading],
        rivals: list[Reading],
        found: dict[str, Phrases],
        mentions: list[Mention],
    ) -> float:
        """The score of what stands in the best reading's way: its best rival's, or the best one's own when a reading
        below it may be what the words ask."""
        second = rivals[0].score if rivals else -math.inf
        # a reading each of whose phrases holds in its gap the best one's own phrases (什么情况下…追责 around
        # 从轻处理或者免于追责) asks what those words ask; it does not stand in the way
        if (
            best is not None
            and best.cue > 0
            and len(readings) > 1
            and readings[1].cue > 0
            and not readings[1].missing
            and _frames(found[readings[1].question], [w for w, _ in found[best.question][1]], text, self.wording.means)
        ):
            later = [r.score for r in readings[2:] if r.cue > 0]
            second = max(later) if later else -math.inf
        if best is not None:
            contest = Contest(text, typed, best, readings, rivals, found, mentions)
            checks = (
                self._telling_unasked,
                self._lacking_one_apart,
                self._asked_of_values_unsaid,
                self._against_national,
                self._of_organ_unnamed,
                self._unsettled_close,
                self._in_best_gap,
            )
            if any(check(contest) for check in checks):
                second = max(second, best.score)
        return second

    def _telling_unasked(self, contest: Contest) -> bool:
        """Whether a reading asked in no words scores above the best with a value only its question takes."""
        best = contest.best
        readings = contest.readings
        # a reading without a phrase that scores above the best with a value only its question takes (a measure,
        # a hazard) still stands in its way: which rules … a warning talk — the rules, or the measure?
        return any(r.cue <= 0 and r.score > best.score and self._telling(r) for r in readings[1:])

    def _lacking_one_apart(self, contest: Contest) -> bool:
        """Whether a reading asked in stronger words apart from the best one's, or holding a value the best one's
        question takes none of, lacks only one value of a type the best one leaves open."""
        typed = contest.typed
        best = contest.best
        rivals = contest.rivals
        found = contest.found
        mentions = contest.mentions
        # a reading asked in stronger words than the best, in a sentence of its own, that lacks one value the
        # words do not give of a type the best takes too (干部隐瞒事故会被追责吗？把问责情形列出来: the triggers, of which
        # place? — not every place's accident grades, of 事故…追责 in the sentence before)
        if best.cue > 0 and found[best.question][0]:
            open_types = {p.type for p in self.questions[best.question].parameters if p.name not in best.params}
            for r in rivals:
                needs = {p.type for p in self.questions[r.question].parameters if p.name in r.missing}
                if (
                    r.cue > best.cue
                    and len(r.missing) == 1
                    and needs <= open_types
                    and not r.ambiguous
                    and not r.doubts
                    and _apart(typed, found[best.question][0][0][1], found[r.question][0][0][1])
                ):
                    return True
            # … nor does one asked in words of its own apart from the best one's, holding in them a value of a type
            # the best one's question takes none of, that lacks one value of a type the best one leaves open too
            # (安委会成员单位里，谁负责<hazard>的监管: the departments regulating it, of which place? — not the committee
            # of nothing)
            if any(self._holding_untaken(r, best, open_types, found, mentions) for r in rivals):
                return True
        return False

    def _asked_of_values_unsaid(self, contest: Contest) -> bool:
        """Whether, the best reading taking no value, a reading asked in words about as strong (or in stronger words
        holding the best one's, the words referring to what they never say) lacks only values unsaid."""
        typed = contest.typed
        best = contest.best
        rivals = contest.rivals
        found = contest.found
        mentions = contest.mentions
        # … nor, when the best reading's question takes no value at all (the overview of every rule), does a reading
        # asked in the same sentence in words of its own about as strong (ASKED_AS_STRONG) that lacks only values the
        # words do not give: the words may ask that question, its values unsaid, rather than one of everything (which
        # articles count as local additions: of which place? — not the overview, of "articles count")
        # … and so does one asked in stronger words holding the best one's, when the best reading takes none of the
        # values its question may take and the words refer to what they never say (compare how often each place
        # requires it: compare what? — not every frequency requirement, of "how often" in "how often … each"): the
        # words ask the stronger question of values unsaid
        if best.cue > 0 and found[best.question][0] and not best.params:
            takes_none = not self.questions[best.question].parameters
            for r in rivals:
                if (
                    r.missing
                    and not r.ambiguous
                    and not r.doubts
                    and (
                        r.cue >= ASKED_AS_STRONG * best.cue
                        if takes_none
                        else not mentions
                        and self._referring(typed)
                        and self._asked_around_in_stronger(found[r.question][0], found[best.question][0], r, best)
                    )
                    and not _apart(typed, found[best.question][0][0][1], found[r.question][0][0][1])
                ):
                    return True
        return False

    def _against_national(self, contest: Contest) -> bool:
        """Whether a reading comparing with the national rule, asked in stronger words than the best one that takes
        the national rule's place, lacks only the local place."""
        best = contest.best
        readings = contest.readings
        # … nor does a reading comparing with the national rule, asked in stronger words than the best that takes
        # the national rule's place, lacking the local place (how well has the national rule been taken up at the
        # local level: the national rule is what is compared with, not the place asked about)
        if best.cue > 0 and set(best.params.values()) & self.national:
            for r in readings[1:]:
                if (
                    self.questions[r.question].against_national
                    and r.cue > best.cue
                    and len(r.missing) == 1
                    and not r.ambiguous
                    and not r.doubts
                ):
                    return True
        return False

    def _of_organ_unnamed(self, contest: Contest) -> bool:
        """Whether a reading asked in stronger words lacks only an organ, the words naming a kind of organ and no
        place, or describing one organ."""
        typed = contest.typed
        best = contest.best
        rivals = contest.rivals
        mentions = contest.mentions
        # … nor does a reading asked in stronger words than the best that lacks only an organ, when the words name a
        # kind of organ and no place (what must the public security bureau do, how often must its chief inspect: the
        # bureau of which place? — not every place's frequencies): the words ask it of an organ not named in full
        kinds_said = any(m.iris("organ-kind") for m in mentions) and not any(m.iris("jurisdiction") for m in mentions)
        # … or when the words describe one organ by what it does rather than name it (a profile of the department
        # that holds <place>'s purse strings: which department? — not the place's designations)
        if best.cue > 0 and (kinds_said or self._organ_described(typed, mentions)):
            for r in rivals:
                lacking = [p for p in self.questions[r.question].parameters if p.name in r.missing]
                if (
                    r.cue > best.cue
                    and len(lacking) == 1
                    and lacking[0].type == "organ"
                    and not r.ambiguous
                    and not r.doubts
                ):
                    return True
        return False

    def _unsettled_close(self, contest: Contest) -> bool:
        """Whether a reading with a value unsettled would lead were it settled."""
        best = contest.best
        readings = contest.readings
        mentions = contest.mentions
        # a reading a reading that would lead were its one unsettled value settled (公安部门: of which place?): the
        # words may ask that question of an organ not named in full rather than the best one of nothing
        unsettled = [r for r in readings[1:] if r.cue > 0 and r.ambiguous and not r.missing]
        # … unless only its place is unsettled, several places said, and the best reading's question takes no place:
        # it answers for every place side by side (甲省和乙市…对照一下: the places compared, not one of them asked)
        if not self._takes_place(best.question) and self._places_compared(mentions):
            unsettled = [
                r
                for r in unsettled
                if any(p.type != "jurisdiction" for p in self.questions[r.question].parameters if p.name in r.ambiguous)
            ]
        return any(r.score + 0.5 * len(r.ambiguous) >= best.score for r in unsettled)

    def _in_best_gap(self, contest: Contest) -> bool:
        """Whether a reading's words stand in the gap of the best one's phrase, or qualify its last words."""
        text = contest.text
        typed = contest.typed
        best = contest.best
        readings = contest.readings
        found = contest.found
        mentions = contest.mentions
        # nor does a reading whose words stand in the gap of the best one's phrase (什么情况下可以从轻问责: 从轻 in the
        # gap of 什么情况下…问责), or of another of its phrases when it is asked in words of its own beside them
        # (哪些情形下从重追究责任，哪些情形减轻: 从重 in 哪些情形下…追究, 减轻 beside): the words in the gap may be what is asked
        if best.cue > 0 and found[best.question][0]:
            hits, wording = found[best.question]
            own = [w for w, _ in wording]
            # … also one lacking values of a type the best takes and leaves open, its Chinese words joined right before
            # the last words of the best one's phrase, qualifying them (如果某地发生了事故，哪些情形下要从重追责: 从重 before
            # 追责 of 事故…追责 — heavier accountability, of which place?)
            left_open = {p.type for p in self.questions[best.question].parameters if p.name not in best.params}
            for rival in readings[1:]:
                needed = {p.type for p in self.questions[rival.question].parameters if p.name in rival.missing}
                if rival.cue <= 0 or rival.ambiguous or _leaves_aside(rival, best) or not needed <= left_open:
                    continue
                if self._around(found[rival.question], own, text):
                    continue
                rival_hits, rival_words = found[rival.question]
                beside = any(not any(h[1].overlaps(mine[1]) for mine in hits) for h in rival_hits)
                frames = [  # phrases capturing no free text, nor words of a value it takes: those are what words
                    # before them qualify (哪些部门被认定为负有安全监管职责的部门: the type is what they are designated as,
                    # not how the designations are asked)
                    h[1]
                    for h in (hits if beside else hits[:1])
                    if not h[2] and not any(v.start <= h[1].start and h[1].end <= v.end for v in best.values)
                ]
                rival_words_said = self._not_every_place(best.question, [w for w, _ in rival_words])
                if rival.missing:  # … lacking a value: only words joined right before the phrase's last words
                    values = [m.span for m in mentions]
                    if any(
                        self._qualifying_last(typed, w, phrase, own, values)
                        for phrase in frames
                        for w in rival_words_said
                    ):
                        return True
                elif any(
                    _in_gap(w, phrase, own) or _qualifies(w, phrase, text, own, self.wording.means, best.values)
                    for phrase in frames
                    for w in rival_words_said
                ):
                    return True
        return False

    def _reasons(
        self,
        text: str,
        typed: str,
        best: Reading | None,
        readings: list[Reading],
        found: dict[str, Phrases],
        mentions: list[Mention],
        context: list[Span],
        unanswered: list[Span],
        second: float,
    ) -> list[dict[str, str]]:
        """Why the best reading has no answer (none when it has): words out of scope, a place with no rule or not
        known, words too vague, a value pointed at and unsaid, no question asked, a value missing or doubtful, a
        rival too close."""
        reasons: list[dict[str, str]] = []
        # words out of scope, unless words in scope overlap them (words of the rules: 安全生产法律法规; which post holds
        # a seat, not who a person is: 主任是谁来当) or they are in the words the best reading searches the texts for
        # (提到安全生产法的条款: the rules that cite another law, not what that law says)
        overlapping = [
            Span(start, start + len(word), "") for word in self.wording.in_scope for start in _occurrences(typed, word)
        ]
        labelled = [m.span for m in mentions]  # … and words of a label hold them (the tourism bureau, 文化和旅游厅)
        within = list(best.terms) if best is not None and best.cue > 0 else []
        for word in self.out_of_scope:
            for start in _occurrences(typed, word) if word else []:
                said = Span(start, start + len(word), "")
                if (
                    not any(w.start <= start and start + len(word) <= w.end for w in [*within, *labelled])
                    and not any(said.overlaps(w) for w in overlapping)
                    and not self._asks_designated(typed, start + len(word), mentions)
                ):
                    reasons.append({"reason": "out-of-scope", "detail": text[start : start + len(word)]})
                    break  # said as the question says it, once
        # … and the rules' whole subject left out (除了安全生产, apart from work safety): what else is asked of lies
        # beyond what the rules say; and so do words asked for denied (above)
        for span in [*self._beyond_subject(typed), *unanswered]:
            reasons.append({"reason": "out-of-scope", "detail": text[span.start : span.end]})
        taken = [m.span for m in mentions if m.iris("jurisdiction")] + context
        without_rule = self.places_without_rule(text, typed, taken)
        # … and a place named as places are (遵义市: two characters before 市, 县 …), not one of the corpus's, when the
        # question asked takes a place (a jurisdiction, an organ's): a place with no rule, not every place's answer
        if not without_rule and best is not None and best.cue > 0 and self._takes_place(best.question):
            unknown = self._unknown_places(text, typed, mentions)
            without_rule = [(span, span.text) for span in unknown if not any(span.overlaps(c) for c in context)]
        for span, _ in without_rule:  # named as the question names it
            reasons.append({"reason": "no-rule", "detail": span.text})
        # one word alone, naming no value (frequency?, 频次): too vague to say which question of it is asked
        # … and so are words that are nothing but how questions are asked, naming no value, each of the best reading's
        # phrases one of another question's too, asking (``asking``: how, 几) rather than naming what is listed (how
        # often?, 每季度至少几次？ — not 频次要求): which of them is asked, and of what (how often of what, by whom), the
        # words do not say
        if (
            best is not None
            and not mentions
            and (
                self._one_word(typed) or (self._only_asking(typed, found, best.question) and self._asking_words(typed))
            )
        ):
            reasons.append({"reason": "vague", "detail": text.strip()})
        # words pointing at a value the text never says (this department's leadership, 该部门的频次要求: which one?)
        for span in self._pointed_unsaid(typed, mentions, bool(without_rule)):
            reasons.append({"reason": "unsaid", "detail": text[span.start : span.end]})
        if best is None or best.cue <= 0:
            reasons.append({"reason": "no-question", "detail": ""})
            # … and words referring to a question asked in an earlier turn (还是刚才那个问题, the same question): what
            # is asked is in words not here, so no reading of the words as a whole stands for it
            before = next((w for w in self.wording.asked_before if _occurrences(typed, w)), None)
            if before is not None:
                start = _occurrences(typed, before)[0]
                reasons.append({"reason": "unsaid", "detail": text[start : start + len(before)]})
        else:
            reasons += [{"reason": "missing", "detail": name} for name in best.missing]
            reasons += [  # one value, its place unsaid: missing (say which organ, with its place)
                {"reason": "ambiguous" if len(iris) > 1 else "missing", "detail": name}
                for name, iris in best.ambiguous.items()
            ]
            reasons += [{"reason": "doubtful", "detail": term} for term in best.doubts]
            if best.score - second < MARGIN:
                reasons.append({"reason": "close", "detail": readings[1].question})
        return reasons

    def _decided(
        self, text: str, best: Reading | None, readings: list[Reading], reasons: list[dict[str, str]], second: float
    ) -> Interpretation:
        """The interpretation: the best reading, confident, when nothing stands in its way (or the second opinion's
        reading, sure, when no phrase was found); else up to three readings offered, with the reasons."""
        margin = (best.score - second) if best and second > -math.inf else 1.0
        confidence = round(min(0.99, 0.6 + 0.4 * math.tanh(margin) * min(1.0, best.cue)), 3) if best else 0.0
        heard = (not reasons and confidence < STRONG) or [r["reason"] for r in reasons] == ["no-question"]
        opinion = self.wording.examples.probabilities(text) if heard and self.wording.examples else []
        if opinion and opinion[0][1] >= SURE:  # asked only where it could change the reading
            sure = opinion[0][0]
            if not reasons and confidence < STRONG and best is not None and sure not in (best.question, OUT_OF_SCOPE):
                # a reading not strongly held, of words the second opinion is sure are another question's
                reasons.append({"reason": "close", "detail": sure})
            elif [r["reason"] for r in reasons] == ["no-question"]:
                # no phrase of any question found, and the second opinion is sure which is asked: its reading,
                # when that reading lacks nothing
                chosen = next((r for r in readings if r.question == sure), None)
                if chosen is not None and not (chosen.missing or chosen.ambiguous or chosen.doubts):
                    return Interpretation(chosen.question, chosen.params, True, 0.6, chosen.evidence, [])
        if best is not None and not reasons:
            return Interpretation(best.question, best.params, True, confidence, best.evidence, [])
        alternatives = self._alternatives(readings, best)
        confidence = round(max(0.0, min(0.5, 0.25 + 0.25 * math.tanh(margin))) if best and best.cue > 0 else 0.0, 3)
        evidence = best.evidence if best and best.cue > 0 else []
        return Interpretation(None, {}, False, confidence, evidence, alternatives, reasons)

    def _listed_after_organs(self, typed: str, labels: list[Mention]) -> set[int]:
        """Where words listed right after an organ or a kind of organ named begin: after words listing values
        (``listing``: 和, 、, and) that end no clause (a comma may open another clause)."""
        joints = sorted((w for w in self.wording.listing if not set(w) & _CLAUSE_END), key=len, reverse=True)
        starts: set[int] = set()
        for mention in labels:
            if not {kind for kind, _ in mention.senses} & {"organ", "organ-kind"}:
                continue
            at = mention.span.end + len(typed[mention.span.end :]) - len(typed[mention.span.end :].lstrip())
            joint = next((w for w in joints if typed.startswith(w, at) and _at_boundaries(typed, at, w)), None)
            if joint is not None:
                after = at + len(joint)
                starts.add(after + len(typed[after:]) - len(typed[after:].lstrip()))
        return starts

    def _asking_words(self, typed: str) -> bool:
        """Whether the words hold a word that asks (``asking``: how, what, 几, 多少), a whole word in English."""
        return any(
            _at_boundaries(typed, start, word) for word in self.wording.asking for start in _occurrences(typed, word)
        )

    def _referring(self, typed: str) -> bool:
        """Whether the words hold a word referring to words said elsewhere (``referring``: it, 它)."""
        return any(
            _at_boundaries(typed, start, word) for word in self.wording.referring for start in _occurrences(typed, word)
        )

    @staticmethod
    def _asked_around_in_stronger(
        rival_hits: list[tuple[float, Span, dict[str, Span]]],
        best_hits: list[tuple[float, Span, dict[str, Span]]],
        rival: Reading,
        best: Reading,
    ) -> bool:
        """Whether a reading is asked in stronger words than the best one, each of the best one's phrases inside one
        of its own and shorter (how often … each holds how often): the best asked only in some of the rival's words,
        its values unsaid."""
        return rival.cue > best.cue and all(
            any(
                r[1].start <= b[1].start and b[1].end <= r[1].end and r[1].end - r[1].start > b[1].end - b[1].start
                for r in rival_hits
            )
            for b in best_hits
        )

    def _around(self, rival: Phrases, own: list[Span], text: str) -> bool:
        """Whether each of a reading's phrases holds in its gap the best one's own words (仅…有 around 仅限自治区级的职责有:
        the duties confined to the level are what is asked), so that its words in the gap of the best one's phrase are
        no words qualifying it: it asks what those words ask, as a reading framing them does not stand in the way."""
        return _frames(rival, own, text, self.wording.means)

    def _beyond_subject(self, typed: str) -> list[Span]:
        """Words leaving out (``excepting``, ``excepting_framed``) nothing but the rules' whole subject (``subject``:
        安全生产, work safety), up to the clause's end or words ending what is left out (除了安全生产以外): the question
        asks of what lies beyond it."""
        found = []
        for word in (*self.wording.excepting, *self.wording.excepting_framed):
            for start in _occurrences(typed, word):
                after = start + len(word)
                end = next((i for i in range(after, len(typed)) if typed[i] in _CLAUSE_END), len(typed))
                ends = [i for w in self.wording.excepting_end if (i := typed.find(w, after, end)) >= 0]
                end = min([end, *ends])
                if typed[after:end].strip() in self.wording.subject:
                    found.append(Span(start, end, typed[start:end]))
        return found

    def _takes_place(self, qid: str) -> bool:
        """Whether a question takes a place: a jurisdiction, or an organ (said with its place)."""
        return any(p.type in ("jurisdiction", "organ") for p in self.questions[qid].parameters)

    @staticmethod
    def _only_asking(typed: str, found: dict[str, Phrases], qid: str) -> bool:
        """Whether every word of the text is a word of a question's phrase found (of any question; not a value it
        captured), and each phrase of question ``qid`` found is the same words as a phrase of another question: the
        text says how several questions are asked and nothing else."""
        others = {(h[1].start, h[1].end) for other, (hits, _) in found.items() if other != qid for h in hits}
        if not found[qid][0] or any((h[1].start, h[1].end) not in others for h in found[qid][0]):
            return False
        covered = [False] * len(typed)
        for hits, _ in found.values():
            for _, span, captured in hits:
                for i in range(span.start, span.end):
                    if not any(c.start <= i < c.end for c in captured.values()):
                        covered[i] = True
        return any(covered) and all(
            c or ch in _PUNCTUATION or ch.isspace() for c, ch in zip(covered, typed, strict=True)
        )

    def _one_word(self, typed: str) -> bool:
        """Whether the text is one word and nothing else (frequency?, 频次): no more characters than a word of its
        language has (``vague_length``), with no space inside."""
        words = typed.strip().strip("".join(_CLAUSE_END) + "\"'.…").strip()
        if not words or " " in words:
            return False
        lang = "zh" if _CJK.search(words) else "en"
        most = dict(self.wording.vague_length).get(lang, 0)
        return len(words) <= most and (lang == "zh" or words.isalpha())

    @staticmethod
    def _qualifying_last(typed: str, words: Span, phrase: Span, own: list[Span], values: list[Span]) -> bool:
        """Whether words in the gap of a phrase qualify its last words of its own: Chinese joined right before them
        (从重 before 追责 of 事故…追责), or words ending in those last words whose words before them are neither a value's
        nor the phrase's own (从严追责 ending 事故…追责: 从严 qualifies it; 检查几次 ending 每年…几次: 检查 is an activity)."""
        mine = [o for o in own if phrase.start <= o.start and o.end <= phrase.end]
        last = max(mine, key=lambda o: o.start, default=None)
        if last is not None and words.start < last.start < words.end <= last.end:
            before = Span(words.start, last.start, typed[words.start : last.start])
            if any(v.overlaps(before) for v in [*values, *own]):
                return False
            words = before
        return _qualifies_end(typed, words, phrase, own)

    @staticmethod
    def _asks_designated(typed: str, end: int, mentions: list[Mention]) -> bool:
        """Whether words out of scope ending at ``end`` are right before a designation's type: asking who is
        (谁是行业主管部门) asks which departments are designated so, not a person's name."""
        return any(
            m.iris("designation-type") and m.span.start >= end and typed[end : m.span.start].strip() in ("", "the", "a")
            for m in mentions
        )

    def _pointed_unsaid(self, typed: str, mentions: list[Mention], place_without_rule: bool) -> list[Span]:
        """Words pointing at a value of a type (``pointing`` before words for one of its values, ``pointed``, or a
        label of an organ's kind: this department, 该部门, this public security bureau) when the text says no value
        of that type elsewhere (an organ or a kind of organ; a place): what they point at is unsaid. A label of an
        organ's kind pointed at right after a place is that place's organ of the kind, said."""
        kinds_of = {"organ": {"organ", "organ-kind"}, "jurisdiction": {"jurisdiction", "place"}}
        found = []
        for kind, nouns in self.wording.pointed:
            senses = kinds_of.get(kind, {kind})
            for word in self.wording.pointing:
                for start in _occurrences(typed, word):
                    at = start + len(word)
                    at += len(typed[at:]) - len(typed[at:].lstrip())
                    noun = next((n for n in nouns if typed.startswith(n, at) and _at_boundaries(typed, at, n)), None)
                    label = next(
                        (m for m in mentions if m.span.start == at and kind == "organ" and m.iris("organ-kind")), None
                    )
                    end = at + len(noun) if noun else label.span.end if label else None
                    if end is None:
                        continue
                    # … words for a value of the type said before them point back at those (…的部门，以及上述部门及其
                    # 负责人: the departments asked for), said
                    if noun and self._said_before(typed, start, nouns):
                        continue
                    said = [m for m in mentions if m.span.start != at and {k for k, _ in m.senses} & senses]
                    if label and any(  # a place right before: that place's department of the kind (<place>那个教育厅)
                        m.span.end == start and {k for k, _ in m.senses} & kinds_of["jurisdiction"] for m in mentions
                    ):
                        continue
                    if not said and not (kind == "jurisdiction" and place_without_rule):
                        found.append(Span(start, end, typed[start:end]))
        return found

    def _spanning_organs(self, typed: str) -> list[Span]:
        """Words spanning several of something (``spanning``: across, in each) said right before a word for organs
        (``pointed``: departments, bureaus): what they span is organs, not places."""
        nouns = dict(self.wording.pointed).get("organ", ())
        spans = []
        for word in self.wording.spanning:
            for start in _occurrences(typed, word):
                if not _at_boundaries(typed, start, word):
                    continue
                at = start + len(word)
                at += len(typed[at:]) - len(typed[at:].lstrip())
                if any(typed.startswith(n, at) and _at_boundaries(typed, at, n) for n in nouns):
                    spans.append(Span(start, start + len(word), typed[start : start + len(word)]))
        return spans

    def _organ_described(self, typed: str, mentions: list[Mention]) -> bool:
        """Whether the words say one organ by a word for one (``pointed``: the department, the bureau) described by
        the words after it (``describing``: that, which …), no organ nor kind of organ named: an organ not named."""
        if any(m.iris("organ") or m.iris("organ-kind") for m in mentions):
            return False
        nouns = dict(self.wording.pointed).get("organ", ())
        for noun in nouns:
            for start in _occurrences(typed, noun):
                end = start + len(noun)
                if not _at_boundaries(typed, start, noun) or typed[end : end + 1].isalpha():  # one organ, not several
                    continue
                after = typed[end:].lstrip()
                if any(after.startswith(w) and _at_boundaries(after, 0, w) for w in self.wording.describing):
                    return True
        return False

    def _keywords(self, typed: str, mentions: list[Mention]) -> bool:
        """Whether the words besides the values said are only words for an organ (``pointed``: departments, 部门), at
        least one: keywords typed in a search box, not a sentence."""
        nouns = set(dict(self.wording.pointed).get("organ", ()))
        rest = list(typed)
        for m in mentions:
            rest[m.span.start : m.span.end] = " " * (m.span.end - m.span.start)
        words = [w for w in re.split(r"[\s" + re.escape("".join(_PUNCTUATION)) + r"]+", "".join(rest)) if w]
        return bool(words) and all(w in nouns or (w.endswith("s") and w[:-1] in nouns) for w in words)

    @staticmethod
    def _said_before(typed: str, start: int, nouns: tuple[str, ...]) -> bool:
        """Whether words for a value of a type (``pointed``) are said before a place in the text."""
        return any(_occurrences(typed[:start], noun) for noun in nouns)

    @staticmethod
    def _past_scope(typed: str, end: int) -> int:
        """Where the words to search for end when words saying where to search are set off after the word asking
        to search, up to a colon in the sentence (full-text search, all rules: …): the clause after the colon's end;
        else ``end``, the clause's."""
        stop = next((i for i in range(end, len(typed)) if typed[i] in _SENTENCE_END), len(typed))
        colon = next((i for i in range(end, stop) if typed[i] in ":："), None)
        if colon is None or colon == end:
            return end
        after = colon + 1
        while after < len(typed) and typed[after] == " ":
            after += 1
        return next((i for i in range(after, len(typed)) if typed[i] in _CLAUSE_END), len(typed))

    @staticmethod
    def _glossing(text: str, term: Span) -> list[Span]:
        """The words in brackets right after words searched for, their gloss (contain 每季度 (every quarter): a
        translation of the words searched for, not how the frequencies are asked)."""
        gloss = _BRACKETED.match(text, len(text) - len(text[term.end :].lstrip()))
        return [Span(gloss.start(), gloss.end(), gloss.group())] if gloss else []

    def _searched(self, typed: str) -> list[Span]:
        """The words after a word asking to search the texts (搜索, full-text search for), or which texts hold them (提到:
        哪些条款提到…), to the clause's end."""
        spans = []
        mentioning = set(self.wording.mentioning)
        for word in (*self.wording.searching, *self.wording.mentioning):
            for start in _occurrences(typed, word):
                begin = start + len(word)
                while begin < len(typed) and typed[begin] in ": ":  # 全文检索：容错纠错, full-text search: …
                    begin += 1
                # … words after which they describe what follows (提到的那些单位: the units mentioned) ask for no words
                if word in mentioning and typed.startswith(self.wording.mentioning_describing, begin):
                    continue
                end = next((i for i in range(begin, len(typed)) if typed[i] in _CLAUSE_END), len(typed))
                # … or, the word ending its clause and words saying where to search set off after it up to a colon in
                # the sentence (full-text search, all rules: …; 全文检索，所有规定：…), the words after the colon to the
                # clause's end, the words before it with them (where to search, not how another question is asked)
                if end == begin:
                    end = self._past_scope(typed, end)
                said = typed[begin:end]
                if end > begin and not any(  # a sentence after it (搜索一下哪些部门…) is a question, not a term
                    (w in said) if _CJK.search(w) else _occurrences(said, w) for w in self.wording.sentence_words
                ):
                    spans.append(Span(begin, end, said))
        return spans

    def _asked_around(self, text: str, best: Reading, rival: Reading, found: dict[str, Phrases]) -> bool:
        """Whether the next reading is asked in words inside the gap of each of the best one's phrases (phrases
        with gaps around them) and in words of its own beside them, or in words qualifying each of them (从重 in
        从重追究责任的情形: the circumstances of heavier accountability, not any)."""
        if rival.cue <= 0 or rival.missing or rival.ambiguous or rival.doubts:
            return False
        hits = found[best.question][0]
        rival_hits, rival_words = found[rival.question]
        words = self._not_every_place(best.question, [w for w, _ in rival_words])
        if not _frames(found[best.question], words, text, self.wording.means):
            return False
        beside = any(not any(h[1].overlaps(mine[1]) for mine in hits) for h in rival_hits)
        own = [w for w, _ in found[best.question][1]]
        means = self.wording.means
        # … or in words ending each of them, begun in its gap (什么情况下…从轻、减轻甚至免于追责: 免于追责 ends 什么情况下…追责,
        # holding its last words: when one is exempt from accountability, not when one is held to account)
        return beside or all(
            any(_qualifies(w, h[1], text, own, means) or _ends(w, h[1], own) for w in words) for h in hits
        )

    def _not_every_place(self, qid: str, words: list[Span]) -> list[Span]:
        """Words of another reading's phrases, without words for every place (``every_place``: 各地) when the question
        takes a place: said before its phrase, they say its place (every place), not what else is asked (各地安委会主任
        由谁担任: every place's committee, not a role compared across places)."""
        if not self._takes_place(qid):
            return words
        return [w for w in words if normal(w.text).strip() not in self.wording.every_place]

    def _inside_values(
        self, hits: list[tuple[float, Span, dict[str, Span]]], mentions: list[Mention], question: str
    ) -> bool:
        """Whether each of a question's phrases found stands inside the longer words of a value it cannot take."""
        kinds = {p.type for p in self.questions[question].parameters}
        return bool(hits) and all(
            any(
                m.span.start <= h[1].start
                and h[1].end <= m.span.end
                and m.span.end - m.span.start > h[1].end - h[1].start
                and not {k for k, _ in m.senses} & kinds
                for m in mentions
            )
            for h in hits
        )

    def _holding_untaken(
        self, rival: Reading, best: Reading, open_types: set[str], found: dict[str, Phrases], mentions: list[Mention]
    ) -> bool:
        """Whether a reading, asked in words apart from the best one's, holds in them a value of a type the best one's
        question takes none of, and lacks one value only, of a type the best one leaves open."""
        own = {p.type for p in self.questions[best.question].parameters}
        needs = {p.type for p in self.questions[rival.question].parameters if p.name in rival.missing}
        types = {p.type for p in self.questions[rival.question].parameters if p.name in rival.params} - own
        hits = found[rival.question][0]
        return (
            len(rival.missing) == 1
            and needs <= open_types
            and not rival.ambiguous
            and not rival.doubts
            and any(
                h[1].start <= m.span.start and m.span.end <= h[1].end and {k for k, _ in m.senses} & types
                for h in hits
                for m in mentions
            )
            and not any(h[1].overlaps(b[1]) for h in hits for b in found[best.question][0])
        )

    def _naming(
        self, reading: Reading, readings: list[Reading], found: dict[str, Phrases], mentions: list[Mention]
    ) -> bool:
        """Whether each of a reading's phrases stands inside the words naming an organ or a kind of organ (names
        organs), where the reading takes no organ and another reading, asked in words outside them, takes one."""

        def types(mention: Mention) -> set[str]:  # an organ's, or a kind of organ's
            kinds = {k for k, _ in mention.senses}
            return {"organ"} if kinds & {"organ", "organ-kind"} else set()

        def takes(qid: str) -> set[str]:
            return {p.type for p in self.questions[qid].parameters}

        hits = found[reading.question][0]
        own = takes(reading.question)
        for hit in hits:
            holding = [
                m
                for m in mentions
                if m.span.start <= hit[1].start and hit[1].end <= m.span.end and types(m) and not types(m) & own
            ]
            if not any(
                types(m) & takes(other.question)
                and any(not (m.span.start <= h[1].start and h[1].end <= m.span.end) for h in found[other.question][0])
                for m in holding
                for other in readings
                if other is not reading and other.cue > 0
            ):
                return False
        return bool(hits)

    def _telling(self, reading: Reading) -> bool:
        """Whether a reading has a value of a type that no other question takes."""
        types = {p.name: p.type for p in self.questions[reading.question].parameters}
        return any(self.takers.get(types.get(name, ""), 0) == 1 for name in reading.params)

    def _alternatives(self, readings: list[Reading], best: Reading | None) -> list[dict[str, Any]]:
        """Up to three readings to offer: the best question with each value of a parameter it could not decide,
        else the best few questions with what they found."""
        offered: list[dict[str, Any]] = []
        if best is not None and best.cue > 0 and best.ambiguous:
            name, iris = next(iter(best.ambiguous.items()))
            for iri in iris[:3]:
                offered.append(
                    Reading(best.question, {**best.params, name: iri}, best.score, best.cue, []).as_alternative(0.4)
                )
        for reading in readings:
            if len(offered) >= 3 or reading.cue <= 0:
                break
            if any(o["question"] == reading.question for o in offered):
                continue
            offered.append(reading.as_alternative(max(0.05, min(0.45, 0.2 + 0.1 * reading.score))))
        return offered[:3]


def explain(interpretation: Interpretation, questions: dict[str, Question], wording: Wording, lang: str) -> list[str]:
    """Why an interpretation has no answer, in sentences of a language (interpreting.toml: say, what)."""
    say, what = wording.say.get(lang, {}), wording.what.get(lang, {})
    best = next(iter(interpretation.alternatives), None)
    question = questions.get(best["question"]) if best else None
    title = (question.title_en if lang == "en" else question.title_zh) if question else ""
    types = {p.name: p.type for p in question.parameters} if question else {}
    sentences = []
    for reason in interpretation.missing:
        kind, detail = reason["reason"], reason["detail"]
        if kind in ("missing", "ambiguous"):
            sentence = say.get(kind, "").format(question=title, what=what.get(types.get(detail, ""), detail))
        elif kind == "no-rule":
            sentence = say.get("no_rule", "").format(place=detail)
        elif kind in ("out-of-scope", "doubtful", "unsaid"):
            sentence = say.get(kind.replace("-", "_"), "").format(word=detail)
        else:
            sentence = say.get(kind.replace("-", "_"), "")
        if sentence and sentence not in sentences:
            sentences.append(sentence)
    return sentences


def load_interpreter(store: QueryStore, questions: dict[str, Question], folders: Folders | None = None) -> Interpreter:
    """An interpreter over a store's labels (the CLI's way; the server asks a worker for the vocabulary)."""
    return Interpreter(vocabulary_from_store(store), questions, Wording.load(folders))
