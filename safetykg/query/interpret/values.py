"""Finding values in the text: every label found (longest first), and the context that keeps a value from being the
one asked (a value corrected, compared with, denied, said of the asker, listed as an example, ...)."""

import itertools
import re

from safetykg.query.interpret.places import PlaceFinder
from safetykg.query.interpret.readings import Asides, Mention, Span
from safetykg.query.interpret.text import (
    _BRACKETED,
    _BRACKETS,
    _CJK,
    _CLAUSE,
    _CLAUSE_END,
    _COMMAS,
    _LATIN,
    _LIST_GAP_AFTER,
    _LIST_GAP_BEFORE,
    _LIST_WORD_AFTER,
    _LIST_WORD_BEFORE,
    _PUNCTUATION,
    _SENTENCE_END,
    _SET_OFF,
    LONG_VALUE,
    _alone,
    _at_boundaries,
    _best_cover,
    _names_a_place,
    _occurrences,
    _unbracketed,
)


class ValueFinder(PlaceFinder):
    """Values in the text, and the context that sets some of them aside."""

    def mentions(self, text: str, typed: str) -> list[Mention]:
        """The labels found in the text: of the ways to read it as labels that do not overlap, the one covering
        the most characters, then with the fewest labels (<city>市委: <city> + 市委 rather than <city>市 alone)."""
        found: list[Mention] = []
        for start in range(len(typed)):
            for label in self.by_first.get(typed[start], ()):
                if (
                    typed.startswith(label, start)
                    and _at_boundaries(typed, start, label)
                    # … not where its last character begins words that take it (安全会被问责: 会被问责, not 安全会)
                    and not any(typed.startswith(w, start + len(label) - 1) for w in self.wording.label_breaking)
                ):
                    span = Span(start, start + len(label), text[start : start + len(label)])
                    found.append(Mention(span, tuple(sorted(self.labels[label]))))
        if any(ch in _BRACKETS for ch in typed):  # words in brackets are words of the question too: a label read
            # through them (the overall (comprehensive) work-safety supervisor)
            flat, where = _unbracketed(typed)
            for start in range(len(flat)):
                for label in self.by_first.get(flat[start], ()):
                    end = start + len(label)
                    if flat.startswith(label, start) and _at_boundaries(flat, start, label):
                        first, last = where[start], where[end - 1] + 1
                        if last - first != len(label):  # through a bracket (found as it stands otherwise)
                            span = Span(first, last, text[first:last])
                            found.append(Mention(span, tuple(sorted(self.labels[label]))))
        pointed = [
            (at + len(joint), at + len(joint) + len(word))
            for joint in self.wording.label_pointing_after
            for word in self.wording.label_pointing
            for at in _occurrences(typed, joint + word)
        ]
        if pointed:  # a label read through words pointing after its 的 (分管安全的那位副职: 分管安全的副职)
            keep = [i for i in range(len(typed)) if not any(a <= i < b for a, b in pointed)]
            flat = "".join(typed[i] for i in keep)
            for start in range(len(flat)):
                for label in self.by_first.get(flat[start], ()):
                    end = start + len(label)
                    if flat.startswith(label, start) and _at_boundaries(flat, start, label):
                        first, last = keep[start], keep[end - 1] + 1
                        if last - first != len(label):  # through the pointing words
                            span = Span(first, last, text[first:last])
                            found.append(Mention(span, tuple(sorted(self.labels[label]))))
        for start, ch in enumerate(typed):
            if ch in self.single and (
                _alone(typed, start) or self._naming_after(typed, start) or self._listed_single(typed, start)
            ):
                found.append(Mention(Span(start, start + 1, text[start]), tuple(sorted(self.single[ch]))))
        chosen = _best_cover(found)
        # a label said apart where its verb is no other value's words, and its object none but a shorter label of
        # an activity, which it stands for (hear … reports: hearing reports, not reporting; 听取…报告 is 听取汇报)
        for pattern, label in self.split:
            for match in pattern.finditer(typed):
                head = Span(match.start("head"), match.end("head"), text[match.start() : match.end()])
                tail = Span(match.start("tail"), match.end(), "")
                if any(m.span.overlaps(head) for m in chosen):
                    continue
                within = [m for m in chosen if m.span.overlaps(tail)]
                if all(
                    tail.start <= m.span.start
                    and m.span.end <= tail.end
                    and {k for k, _ in m.senses} == {"activity-kind"}
                    for m in within
                ):
                    chosen = [m for m in chosen if m not in within]
                    chosen.append(Mention(head, tuple(sorted(self.labels[label]))))
        return sorted(chosen, key=lambda m: m.span.start)

    def _parts_of_organs(self, typed: str, mentions: list[Mention]) -> list[Mention]:
        """A kind of organ said after the English words naming a part of it (``parts_of``: office, and ``parting``: of
        the), a place between them or not (the office of <place>'s safety committee, the office of the <place> safety
        committee), is the part's kind: the organ asked of is the part, not the kind it is part of (nor an organ of
        that kind named)."""
        places = [m for m in mentions if m.iris("jurisdiction")]
        kept = []
        for mention in mentions:
            kinds = mention.iris("organ-kind") | {self.organ_kind[organ] for organ in mention.iris("organ")}
            parts = [part for iri in sorted(kinds) for part in self.parts_of.get(iri, ())]
            before = typed[: mention.span.start].rstrip()
            for place in places:  # the place between, its own (``belonging``: 's) or not
                gap = typed[place.span.end : mention.span.start].strip()
                if place.span.end <= mention.span.start and (not gap or gap in self.wording.belonging):
                    before = typed[: place.span.start].rstrip()
            said = {
                kind
                for head, kind in parts
                for joining in self.wording.parting
                if before.endswith(f"{head} {joining}")
                and _at_boundaries(before, len(before) - len(head) - len(joining) - 1, head)
            }
            if said:
                senses = [s for s in mention.senses if s[0] not in ("organ", "organ-kind")]
                senses += [("organ-kind", kind) for kind in said]
                mention = Mention(mention.span, tuple(sorted(senses)))
            kept.append(mention)
        return kept

    def _the_rest(self, text: str, typed: str, mentions: list[Mention]) -> list[Mention]:
        """A role said with other roles left out (the leadership members other than the top leader, 除了主要负责人以外
        的班子成员) is the rest of it: the role named by words for the rest (``rest``: other, 其他) and its words, when
        they are a label (other leadership members, 其他班子成员). English names the group before the words leaving
        out (its words up to them), Chinese after the words ending what is left out (以外, and 的)."""
        if not self.wording.rest:
            return mentions
        kept = list(mentions)
        for word in (*self.wording.excepting, *self.wording.excepting_framed):
            for start in _occurrences(typed, word):
                after = start + len(word)
                clause_end = next((i for i in range(after, len(typed)) if typed[i] in _CLAUSE_END), len(typed))
                roles = [m for m in kept if after <= m.span.start and m.span.end <= clause_end and m.iris("role")]
                group: tuple[Mention, int] | None = None
                before = [m for m in kept if m.span.end <= start and m.iris("role")]
                opening = not typed[:start].rstrip() or typed[:start].rstrip()[-1] in _CLAUSE_END
                if _LATIN.match(word) and opening and roles:  # apart from the top leader, … the team members
                    then = [m for m in kept if m.span.start > clause_end and m.iris("role")]
                    sentence = next((i for i in range(clause_end, len(typed)) if typed[i] in _SENTENCE_END), len(typed))
                    group = (then[0], then[0].span.end) if then and then[0].span.end <= sentence else None
                elif _LATIN.match(word):  # the leadership members other than …
                    said = typed[before[-1].span.start : start].rstrip() if before and roles else ""
                    if (
                        said
                        and len(said.split()) - len(before[-1].span.text.split()) <= 2
                        and not set(said) & _CLAUSE_END
                    ):
                        group = before[-1], before[-1].span.start + len(said)
                    elif roles:  # the members who are neither …: words naming the group only with words for the rest
                        unnamed = self._rest_unnamed(text, typed, start, kept)
                        if unnamed is not None:
                            kept = [*(m for m in kept if not m.span.overlaps(unnamed.span)), unnamed]
                            kept.sort(key=lambda m: m.span.start)
                        continue
                else:  # 除了主要负责人以外的班子成员
                    ends = sorted(
                        i + len(end)
                        for end in self.wording.excepting_end
                        if (i := typed.find(end, after, clause_end)) >= 0
                        and any(m.span.end <= i for m in roles)
                        and not typed[max(m.span.end for m in roles if m.span.end <= i) : i].strip()
                    )
                    if ends:
                        at = ends[0] + (1 if typed[ends[0] : ends[0] + 1] == "的" else 0)
                        if typed[at : at + 1] in _CLAUSE_END - _SENTENCE_END:  # 除主要负责人外，…班子成员
                            sentence = next((i for i in range(at, len(typed)) if typed[i] in _SENTENCE_END), len(typed))
                            then = [m for m in kept if at < m.span.start and m.span.end <= sentence and m.iris("role")]
                            at = then[0].span.start if then else at
                        group = next(((m, m.span.end) for m in kept if m.span.start == at and m.iris("role")), None)
                if group is None:
                    continue
                mention, end = group
                senses = self._rest_of(typed[mention.span.start : end])
                if senses:
                    span = Span(mention.span.start, end, text[mention.span.start : end])
                    kept[kept.index(mention)] = Mention(span, tuple(sorted(senses)))
                    kept = [m for m in kept if m.span == span or not m.span.overlaps(span)]
        return kept

    def _listed_single(self, typed: str, at: int) -> bool:
        """Whether a one-character name ends a list of them (甲、乙两省: the second after the first and a word listing
        them, ``listing``), the first standing alone before it: a name said as a word of its own, words after it."""
        before = typed[at - 1] if at > 0 else ""
        return (
            before in self.wording.listing
            and len(before) == 1
            and at >= 2
            and typed[at - 2] in self.single
            and (at == 2 or typed[at - 3].isspace() or typed[at - 3] in _PUNCTUATION)
        )

    def _rest_of(self, said: str) -> set[tuple[str, str]]:
        """The role named by words for the rest (``rest``: other, 其他) before the words of a group, when they are a
        label (other leadership members, 其他班子成员), a plural s said or not."""
        for other in self.wording.rest:
            label = f"{other} {said}" if _LATIN.match(said[:1]) else f"{other}{said}"
            plural = ("s", "es") if _LATIN.match(label[-1]) else ()
            forms = (label, *(label + p for p in plural), *(label[: -len(p)] for p in plural if label.endswith(p)))
            senses = {(k, iri) for form in forms for k, iri in self.labels.get(form, ()) if k == "role"}
            if senses:
                return senses
        return set()

    def _rest_unnamed(self, text: str, typed: str, at: int, mentions: list[Mention]) -> Mention | None:
        """A group said in English words that name a role only with words for the rest before them (the members who are
        neither …: other members), ending at most two words before the words leaving roles out at ``at``: that
        role, the nearest such words (the most of them) said in the clause, none of them a value."""
        clause = max((i + 1 for i, ch in enumerate(typed[:at]) if ch in _CLAUSE_END), default=0)
        words = list(re.finditer(r"[a-z]+", typed[clause:at]))[-5:]
        for last in range(len(words) - 1, max(-1, len(words) - 4), -1):
            for first in range(max(0, last - 3), last + 1):
                start, end = clause + words[first].start(), clause + words[last].end()
                span = Span(start, end, text[start:end])
                if any(m.span.overlaps(span) for m in mentions):
                    continue
                senses = self._rest_of(typed[start:end])
                if senses:
                    return Mention(span, tuple(sorted(senses)))
        return None

    def asides(self, typed: str) -> Asides:
        """The clauses of the question whose words are not what it asks (``Asides``)."""
        return Asides(
            self._purposes(typed),
            self._dismissed(typed),
            self._cited(typed),
            self._framing(typed),
            self._supposed(typed),
        )

    def _said_once(self, text: str, typed: str, mentions: list[Mention], asides: Asides) -> list[Mention]:
        """The values the question asks about: not those of a clause after words that leave them out (the deputies
        other than the head), nor a value said again after words that restate (the rest of the team, i.e. …), nor
        examples of a value said before them (行业主管部门……像教育、民政那种) or set off in commas (departments, such as
        finance, …), nor departments listed beside the type they are examples of (人社、财政、宣传等保障义务部门), nor a
        place said together with every place (中央和各地, the national rule and the local ones: the places compared),
        nor a value said denied (不负有安全生产监管职责的部门: what the departments asked about are not)."""
        kept: list[Mention] = []
        listed = self._listed_with_type(typed, mentions)
        set_off = self._set_off_examples(text, typed) + self._examples(typed, in_commas=True)
        dismissed = asides.dismissed + asides.cited
        purposes = asides.purposes

        def purposed(m: Mention) -> bool:
            return any(p.start <= m.span.start and m.span.end <= p.end for p in purposes)

        for mention in mentions:
            # a value in a clause saying what the answer is for (for a paper on sanctions, …) yields to a value of its
            # type said in the question (… list demotion as a measure?): the question's, not the paper's
            kinds = {k for k, _ in mention.senses}
            if purposed(mention) and any(
                not purposed(m) and kinds & {k for k, _ in m.senses} for m in mentions if m is not mention
            ):
                continue
            if self._illustrating(typed, mention, kept) or mention in listed or self._with_every_place(typed, mention):
                continue
            if any(a.start <= mention.span.start and mention.span.end <= a.end for a in set_off):
                continue
            if any(d.start <= mention.span.start and mention.span.end <= d.end for d in dismissed):
                continue
            before = typed[: mention.span.start]
            clause = re.split(f"[{_CLAUSE.replace(chr(92) + 's', '')}]", before)[-1]
            left_out = [(s + len(word), word) for word in self.wording.excepting for s in _occurrences(clause, word)]
            if left_out and not any(end in clause[max(left_out)[0] :] for end in self.wording.excepting_end):
                at, word = max(left_out)
                if not _LATIN.match(word) or self._listed_after(
                    typed, mentions, len(before) - len(clause) + at, mention
                ):
                    continue
            if self._compared_with(typed, mention):  # 比中央的多: the national rule compared with
                continue
            if self._framed_out(typed, mention):  # 除主要负责人之外
                continue
            if self._negated(typed, mention) and not self._corrected_to(
                typed, mention
            ):  # 不负有…职责, not 哦不 <value>
                continue
            kinds = {k for k, _ in mention.senses if k != "place"}
            restated = [s for word in self.wording.restating for s in _occurrences(before, word)]
            if restated and any(m.span.end <= max(restated) and kinds & {k for k, _ in m.senses} for m in kept):
                continue
            kept.append(mention)
        return kept

    def _dismissed(self, typed: str) -> list[Span]:
        """Clauses saying their words are not wanted (``dismissing``), ending in such words (开会那块不用看, 一把手的就不用说了)
        or opening with them (不要只列频次要求): the words of the clause besides them, left out of what is asked."""
        found: list[Span] = []
        start = 0
        for i, ch in enumerate(typed + "。"):
            if ch not in _CLAUSE_END:
                continue
            clause = typed[start:i]
            said = clause.rstrip()
            opening = len(clause) - len(clause.lstrip())
            for word in self.wording.dismissing:
                if said.endswith(word) and _at_boundaries(said, len(said) - len(word), word):
                    found.append(
                        Span(start, start + len(said) - len(word), typed[start : start + len(said) - len(word)])
                    )
                    break
                if said[opening:].startswith(word) and _at_boundaries(said, opening, word):
                    found.append(Span(start + opening + len(word), i, typed[start + opening + len(word) : i]))
                    break
            start = i + 1
        return [span for span in found if span.text.strip()]

    def _listed_after(self, typed: str, mentions: list[Mention], at: int, mention: Mention) -> bool:
        """Whether a value is the first said after English words leaving values out (ending at ``at``), or listed
        with it (``excepting_listing``: and, or): what they leave out, not the values said after it in their clause
        (departments other than the public security organs have duties concerning fireworks: fireworks is asked)."""
        after = [m for m in mentions if m.span.start >= at]
        if not after or after[0] == mention:
            return bool(after)
        for first, then in itertools.pairwise(after):
            if typed[first.span.end : then.span.start].strip() not in ("", *self.wording.excepting_listing):
                return False
            if then == mention:
                return True
        return False

    def _corrected(self, typed: str, mentions: list[Mention]) -> list[Mention]:
        """Values corrected as they are said (<place>的 不对 <place>的; <place>, no wait, <place>; <hazard> 哦不 <hazard>;
        <measure> no sorry <measure>): a value followed by words correcting it (``correcting``), set off by a space or
        punctuation before them, then by another value of a type in common, is not meant; the later one is. Words of
        speech may be said with them (``correcting_filler``: 哦, er, uh), words after the first value that are its own
        (``correcting_after``: 的, 's) before them; after them, a space or punctuation, or words saying the value again
        (``correcting_resaying``: 是, i mean, the), so that a value denied after 不是 (甲省的，不是乙省的) is not read so."""
        if not self.wording.correcting:
            return mentions

        def kinds(mention: Mention) -> set[str]:  # a place is a jurisdiction's, with a rule or not
            return {"jurisdiction" if k == "place" else k for k, _ in mention.senses}

        dropped: list[Mention] = []
        for first, then in itertools.pairwise(mentions):
            if not kinds(first) & kinds(then):
                continue
            gap = typed[first.span.end : then.span.start]
            own = next((w for w in self.wording.correcting_after if gap.startswith(w)), "")
            gap = gap[len(own) :]
            if not gap or gap[0] not in _PUNCTUATION:
                continue
            if self._correcting_words(gap):
                dropped.append(first)
        return [m for m in mentions if m not in dropped]

    def _compared_with(self, typed: str, mention: Mention) -> bool:
        """Whether the national rule is named as what a place's rule is compared with, not the place asked about:
        right after words comparing with it (``comparing``: 比中央的多, more than the national rule), or after words
        joining it (``comparing_joining``: 与, with) in a clause saying a comparison (``comparing_verbs``: 与中央的
        相比, compare … with the national one's)."""
        if not mention.iris("jurisdiction") or not mention.iris("jurisdiction") <= self.national:
            return False
        before = typed[: mention.span.start].rstrip()
        if before.endswith("the") and _at_boundaries(before, len(before) - 3, "the"):
            before = before[:-3].rstrip()
        if any(before.endswith(w) and _at_boundaries(before, len(before) - len(w), w) for w in self.wording.comparing):
            return True
        if not any(
            before.endswith(w) and _at_boundaries(before, len(before) - len(w), w)
            for w in self.wording.comparing_joining
        ):
            return False
        start = max((i + 1 for i, ch in enumerate(before) if ch in _CLAUSE_END), default=0)
        end = next((i for i in range(mention.span.end, len(typed)) if typed[i] in _CLAUSE_END), len(typed))
        return any(_occurrences(typed[start:end], w) for w in self.wording.comparing_verbs)

    def _corrected_to(self, typed: str, mention: Mention) -> bool:
        """Whether a value is said right after words correcting the one before it (烟花爆竹 哦不 民爆物品, Province A uh no
        Province B): the value corrected to, not one denied."""
        before = typed[: mention.span.start]
        return any(
            before[i] in _PUNCTUATION and self._correcting_words(before[i:])
            for i in range(len(before) - 1, max(-1, len(before) - LONG_VALUE), -1)
        )

    def _correcting_words(self, gap: str) -> bool:
        """Whether the words between two values correct the first: words correcting it, words of speech and
        punctuation, and at the end punctuation or words saying the value again."""
        corrected, at, last = False, 0, {"punctuation"}
        roles: dict[str, set[str]] = {}
        for role, said in (
            ("correcting", self.wording.correcting),
            ("filler", self.wording.correcting_filler),
            ("resaying", self.wording.correcting_resaying),
        ):
            for w in said:
                roles.setdefault(w, set()).add(role)
        ordered = sorted(roles, key=len, reverse=True)
        while at < len(gap):
            if gap[at] in _PUNCTUATION:
                at, last = at + 1, {"punctuation"}
                continue
            word = next((w for w in ordered if gap.startswith(w, at) and _at_boundaries(gap, at, w)), None)
            if word is None:
                return False
            corrected = corrected or "correcting" in roles[word]
            at, last = at + len(word), roles[word]
        return corrected and bool(last & {"punctuation", "resaying"})

    def _about_the_asker(self, typed: str, mentions: list[Mention]) -> list[Mention]:
        """Values said in a clause opening the text with words saying who asks (``introducing``: 我们是做化工的，…; we
        are a chemical plant, …) are not what is asked when a value of the same kind is said after it (…危化品归哪些部门
        监管: the hazardous chemicals, not the chemical industry)."""
        end = self._introduction_end(typed)
        if end is None:
            return mentions
        later = {k for m in mentions if m.span.start >= end for k, _ in m.senses}
        # … but the asker's place is kept when the question says the rule is theirs (``ours``: I'm in <province>. Which
        # parts of our rules have no counterpart in the national rule?)
        if any(_occurrences(typed[end:], w) for w in self.wording.ours):
            later -= {"jurisdiction"}
        return [m for m in mentions if m.span.end > end or not ({k for k, _ in m.senses} & later - {"place"})]

    def _introduction_end(self, typed: str) -> int | None:
        """Where a clause opening the text with words saying who asks (``introducing``) ends: at the first end of a
        clause or of a sentence (I'm a county-level official in City A. Which duties …); None when none opens it."""
        opening = typed.lstrip()
        if not any(opening.startswith(word) and _at_boundaries(opening, 0, word) for word in self.wording.introducing):
            return None
        sentences = self._sentences(typed)
        first = sentences[0].end if sentences else len(typed)
        return min(next((i for i, ch in enumerate(typed) if ch in _CLAUSE_END), len(typed)), first)

    def _the_askers_own(self, typed: str, mentions: list[Mention]) -> list[Mention]:
        """The asker's own organ and post, said in a clause opening the text saying who asks (我在<省>应急厅管危化品这
        一块，…; I'm from <province>'s market regulation bureau. …): background, not values asked about — the organs
        and kinds of organ said beside a place in the clause (the place is kept: the one the rule asked of needs,
        按我们自治区的细则), and the roles and levels, unless the question after it refers to the asker's organ or post
        (``own_post``: what people in my position must do, 我们厅…是什么定位), and a level said after as theirs (our city's measures).
        Only when a question follows the clause."""
        end = self._introduction_end(typed)
        if end is None or not typed[end:].strip(" ，。；？！,;?!.:：\"'"):
            return []
        opening = [m for m in mentions if m.span.end <= end]
        if not any({k for k, _ in m.senses} & {"jurisdiction", "place"} for m in opening):
            return []
        refers = any(_occurrences(typed[end:], w) for w in self.wording.own_post)
        # … and a level said as the asker's own (``ours`` right before it: our city's measures) is their place
        own = [
            m
            for m in mentions
            if m.span.start >= end
            and {k for k, _ in m.senses} == {"level"}
            and any(
                (before := typed[: m.span.start].rstrip()).endswith(w)
                and _at_boundaries(typed, len(before) - len(w), w)
                for w in self.wording.ours
            )
        ]
        for m in opening:
            kinds = {k for k, _ in m.senses}
            if not refers and (kinds <= {"organ", "organ-kind"} or kinds <= {"role", "level"}):
                own.append(m)
        return own

    def _sentences(self, typed: str) -> list[Span]:
        """The text's sentences: each up to an end of a sentence (。？！；, ?!;, or a full stop before a space or
        the end, not of words it ends no sentence in: ``not_ending``, e.g.), with the brackets and quotes closing it."""
        spans, start = [], 0
        for i, ch in enumerate(typed):
            full_stop = (
                ch == "."
                and typed[i + 1 : i + 2] in ("", " ", ")", '"', "'")
                and not any(
                    typed[: i + 1].endswith(w) and _at_boundaries(typed, i + 1 - len(w), w)
                    for w in self.wording.not_ending
                )
            )
            if ch in _SENTENCE_END or full_stop:
                end = i + 1
                while end < len(typed) and typed[end] in ")）\"'”":
                    end += 1
                if typed[start:end].strip(" \"'()（）"):
                    spans.append(Span(start, end, typed[start:end]))
                start = end
        if typed[start:].strip(" \"'()（）"):
            spans.append(Span(start, len(typed), typed[start:]))
        return spans

    def _in_context(self, typed: str, mentions: list[Mention]) -> tuple[list[Mention], list[Span]]:
        """The values of the sentence that asks, in a text of several sentences: a sentence asks when it ends in a
        question mark, or, not saying it gives background (``background``: 听说, 之前, I know, earlier …), holds words
        that ask (``asking``: 请问, 哪, what, give me …). When a sentence that asks names a place (a jurisdiction, a
        place, an organ), a place named only in the other sentences is context, not the one asked about (我在比较甲省
        和乙省…。请问甲省办法里…？: 甲省), and so is every value of a sentence naming a place not asked about (the
        national rule has duties "at county level and above". In the rule of a place, …?) or saying it gives
        background (… if I remember the press interview correctly. Which measures …?: not the interview), a place
        of such a sentence kept when no sentence that asks names one, and its other values when the sentence that
        asks refers to them (``referring``: 它, it). Returns the values kept and the sentences
        that are context (places with no rule, words given as they are, in them are context too)."""
        if not self.wording.asking or not any(ch in _SENTENCE_END or ch == "." for ch in typed):
            return mentions, []
        sentences = self._sentences(typed)
        if len(sentences) < 2:
            return mentions, []
        asking, marked = [], []
        for sentence in sentences:
            words = sentence.text
            if words.rstrip(" )）\"'”").endswith(("?", "？")):
                asking.append(sentence)
            elif any(_occurrences(words, w) for w in self.wording.background):
                marked.append(sentence)
            elif any(_occurrences(words, w) for w in self.wording.asking):
                asking.append(sentence)
        if not asking:
            return mentions, []

        def within(mention: Mention, spans: list[Span]) -> bool:
            return any(s.start <= mention.span.start and mention.span.end <= s.end for s in spans)

        placed = [m for m in mentions if {k for k, _ in m.senses} & {"jurisdiction", "place", "organ"}]
        # … a kind of organ said of no place, which is several organs (which levels of Party committee …), names none
        asked = {m.senses for m in placed if within(m, asking) and _names_a_place(m)}
        context = list(marked)
        # … but the asker's place, said in a sentence opening the text saying who asks, is the place asked about when
        # the sentence that asks says the rule is theirs (``ours``: I'm in <province>'s legal affairs office. Which
        # parts of our detailed rules have no counterpart in the national rule?)
        introduction = self._introduction_end(typed)
        if (
            introduction is not None
            and introduction >= sentences[0].end - 1
            and any(_occurrences(s.text, w) for s in asking for w in self.wording.ours)
        ):
            asking = [s for s in asking if s != sentences[0]]
            placed = [m for m in placed if not within(m, [sentences[0]])]
            if not asking:
                return mentions, []
        # … its other values kept when the sentence that asks refers to them (… 它排第几？, which regulate it?)
        refers = any(_occurrences(s.text, w) for s in asking for w in self.wording.referring)
        # … and the national rule, the only place the sentence that asks names while it refers to values before it, is
        # what the place said before is compared with, not a place asked about (City A went beyond the national
        # template; which of its articles have no counterpart in the national provisions?: City A)
        if refers and self._compared_back(asked, placed, asking):
            asked = set()
        if asked:  # … and the sentences naming a place not asked about (one with no rule too: 我们区)
            unruled = [span for span, _ in self.places_without_rule(typed, typed, [m.span for m in mentions])]
            context += [
                s
                for s in sentences
                if s not in asking
                and s not in marked
                and (
                    any(within(m, [s]) and m.senses not in asked for m in placed)
                    or any(s.start <= u.start and u.end <= s.end for u in unruled)
                )
            ]
        # … and so, referred to, is an organ of the place the sentence that asks names (Suppose <province>'s finance
        # department is blamed. What is it designated as under <province>'s rule?: that department)
        places_asked = {iri for senses in asked for kind, iri in senses if kind == "jurisdiction"}

        def organ_asked(m: Mention) -> bool:
            return {k for k, _ in m.senses} <= {"organ", "organ-kind"} and any(
                str(self.organ_place.get(iri)) in places_asked for iri in m.iris("organ")
            )

        def referred(m: Mention) -> bool:  # … the organ, or the place owning it right before it
            if not refers or not within(m, context):
                return False
            then = next((o for o in mentions if o.span.start >= m.span.end), None)
            return organ_asked(m) or (
                m.iris("jurisdiction") <= places_asked
                and bool(m.iris("jurisdiction"))
                and then is not None
                and organ_asked(then)
                and typed[m.span.end : then.span.start].strip() in ("", "'s", "的")
            )

        kept = [
            m
            for m in mentions
            if not within(m, context) or (m not in placed and refers) or (m in placed and not asked) or referred(m)
        ]
        if asked:
            kept = [m for m in kept if m not in placed or within(m, asking) or m.senses in asked or referred(m)]
        return kept, context

    def _compared_back(
        self, asked: set[tuple[tuple[str, str], ...]], placed: list[Mention], asking: list[Span]
    ) -> bool:
        """Whether the places a sentence that asks names are the national rule only, and another sentence names a
        place that is not."""
        national = [m for m in placed if m.senses in asked]
        return (
            bool(national)
            and all(m.iris("jurisdiction") and m.iris("jurisdiction") <= self.national for m in national)
            and any(
                m.iris("jurisdiction") - self.national
                for m in placed
                if not any(s.start <= m.span.start and m.span.end <= s.end for s in asking)
            )
        )

    def _set_off_examples(self, text: str, typed: str) -> list[Span]:
        """Words set off in dashes or brackets that end in words ending examples (departments expected to back up
        work safety - finance, HR, organization and the like -; 部门（财政、人社等）): examples of what is said
        before them, not values of their own."""
        spans = []
        for match in _SET_OFF.finditer(text):  # the dashes are spaces in the normal text
            group = 1 if match.group(1) else 2
            said = typed[match.start(group) : match.end(group)].strip()
            words = said.rstrip(".")
            if self._asks(words):  # … not the question itself, after words setting its topic
                continue
            if any(  # … or in an ellipsis (sector authority, supervisor, ...)
                (words.endswith(end) and (_CJK.search(end) or _occurrences(words, end))) or said.endswith(end)
                for end in self.wording.illustrating_end
            ):
                spans.append(Span(match.start(group), match.end(group), match.group(group)))
        return spans

    def _framed_out(self, typed: str, mention: Mention) -> bool:
        """Whether a value stands between words leaving out only up to an end (``excepting_framed`` … ``excepting_end``:
        除主要负责人之外) in one clause."""
        clause = re.split(f"[{_CLAUSE.replace(chr(92) + 's', '')}]", typed[: mention.span.start])[-1]
        rest = typed[mention.span.end :]
        rest = rest[: next((i for i, ch in enumerate(rest) if ch in _CLAUSE_END), len(rest))]
        framed = any(word in clause for word in self.wording.excepting_framed)
        ends = self.wording.excepting_end
        return framed and any(rest.startswith(end) or (len(end) > 1 and end in rest) for end in ends)

    def _with_every_place(self, typed: str, mention: Mention) -> bool:
        """Whether a place is said together with every place: joined to words for them (``every_place``) by words
        joining the two (``every_place_joining``), after words naming its rule (``rule_words``) or not."""
        if not mention.iris("jurisdiction"):
            return False
        after = typed[mention.span.end :].lstrip()
        # … or asked whether it is the only one (是不是只有<place>一家, is <place> the only one) in a question saying every
        # place (五部规定里): one of the places compared, an answer asked for
        before = typed[: mention.span.start].rstrip()
        only = next(
            (
                w
                for w in self.wording.only_one
                if before.endswith(w) and _at_boundaries(before, len(before) - len(w), w)
            ),
            None,
        )
        if only is not None or any(
            after.startswith(w) and _at_boundaries(after, 0, w) for w in self.wording.only_one_after
        ):
            if any(_occurrences(typed, word) for word in self.wording.every_place):
                return True
            # … or asked whether it is (是不是只有<place>, is <place> the only jurisdiction that …), or said in a claim
            # reported (报道称只有<place>…, a source says only <place> …): every place is asked of, to check it
            asking = before[: len(before) - len(only)].rstrip() if only else before
            if any(
                asking.endswith(w) and _at_boundaries(asking, len(asking) - len(w), w)
                for w in self.wording.only_one_whether
            ):
                return True
            start = max((i + 1 for i, ch in enumerate(before) if ch in _SENTENCE_END or ch == "."), default=0)
            if any(_occurrences(before[start:], w) for w in self.wording.claiming):
                return True
        for word in self.wording.rule_words:
            if after.startswith(word) and _at_boundaries(after, 0, word):
                after = after[len(word) :].lstrip()
                break
        for joining in self.wording.every_place_joining:
            if after.startswith(joining) and _at_boundaries(after, 0, joining):
                rest = after[len(joining) :].lstrip()
                return any(rest.startswith(word) and _at_boundaries(rest, 0, word) for word in self.wording.every_place)
        # … or listed before them (the national, provincial and municipal rules), they named as rules right after
        for listing in self.wording.every_place_listing:
            if after.startswith(listing):
                rest = after[len(listing) :].lstrip()
                for word in self.wording.every_place:
                    if rest.startswith(word) and _at_boundaries(rest, 0, word):
                        named = rest[len(word) :].lstrip()
                        return any(named.startswith(r) and _at_boundaries(named, 0, r) for r in self.wording.rule_words)
        return False

    def _illustrating(self, typed: str, mention: Mention, kept: list[Mention]) -> bool:
        """Whether a value is an example of one said before it: after words that give examples (像, such as: the
        ``illustrating`` words), in the same sentence and before words that end the examples (那种), with a type
        in common with a value said before those words (special equipment like boilers)."""
        kinds = {k for k, _ in mention.senses if k != "place"}
        sentence = max((i + 1 for i, ch in enumerate(typed[: mention.span.start]) if ch in _SENTENCE_END), default=0)
        for word in self.wording.illustrating:
            for start in _occurrences(typed[: mention.span.start], word):
                if start < sentence:
                    continue
                between = typed[start + len(word) : mention.span.start]
                if any(_occurrences(between, end) for end in self.wording.illustrating_end):
                    continue
                if any(m.span.end <= start and kinds & {k for k, _ in m.senses} for m in kept):
                    return True
        return False

    def _listed_with_type(self, typed: str, mentions: list[Mention]) -> list[Mention]:
        """Kinds of organ listed right before or after a designation type, a few words apart with nothing but
        separators between them (人社 财政 组织 宣传 保障义务部门, 教育、民政等行业主管部门): the departments
        of that type given as examples, not what is asked about. Words of the list that are no label (组织) are
        items too; a list has two items at least."""
        organs = {m.span: m for m in mentions if {k for k, _ in m.senses} <= {"organ", "organ-kind"}}
        others = [m.span for m in mentions if m.span not in organs]
        listed: list[Mention] = []
        for anchor in (m for m in mentions if m.iris("designation-type")):
            for step in (-1, 1):
                items: list[Mention | None] = []
                at = anchor.span.start if step < 0 else anchor.span.end
                while True:
                    gap = _LIST_GAP_BEFORE.search(typed, 0, at) if step < 0 else _LIST_GAP_AFTER.match(typed, at)
                    if gap is None or (gap.end() == gap.start() and items):
                        break
                    at = gap.start() if step < 0 else gap.end()
                    item = next((m for span, m in organs.items() if (span.end if step < 0 else span.start) == at), None)
                    if item is not None:
                        items.append(item)
                        at = item.span.start if step < 0 else item.span.end
                        continue
                    word = _LIST_WORD_BEFORE.search(typed, 0, at) if step < 0 else _LIST_WORD_AFTER.match(typed, at)
                    if word is None or any(Span(word.start(), word.end(), "").overlaps(o) for o in others):
                        break
                    items.append(None)
                    at = word.start() if step < 0 else word.end()
                if len(items) >= 2:
                    listed += [item for item in items if item is not None]
        return listed

    def _joined(self, typed: str, first: Mention, then: Mention, alternatives: bool = False) -> bool:
        """Whether two values are said as the words of one post: nothing but joining words between them (with
        ``alternatives``, also words naming one post otherwise: 副省长或副市长, vice-governor or vice-mayor; or words
        listing them, when they are one post's titles at two levels: 分管安全生产的副省长、副市长)."""
        between = typed[first.span.end : then.span.start].strip()
        return first.span.end <= then.span.start and (
            between in ("", *self.wording.joining)
            or (alternatives and between in self.wording.alternatives)
            or (alternatives and between in self.wording.listing and self._two_levels(typed, first, then))
        )

    def _within(self, typed: str, group: Mention, post: Mention) -> bool:
        """Whether a post is said as one of a group of posts said before it in its clause (``within``: 领导班子中专门抓安全的
        那位副职, 班子里分工抓安全的副手): words saying so right after the group, then a few words naming no value, and a
        post more specific than the group (further down the lexicon's hierarchy, skos:broader)."""
        between = typed[group.span.end : post.span.start]
        return (
            any(between.startswith(word) for word in self.wording.within)
            and len(between) <= LONG_VALUE
            and not _PUNCTUATION & set(between)
            and self._depth(post) > self._depth(group)
        )

    def _depth(self, mention: Mention) -> int:
        """How far down the lexicon's hierarchy (skos:broader) a value said is: its most specific sense's depth."""
        return max(len(self.broader.get(iri, ())) for _, iri in mention.senses)

    def _owned(self, typed: str, organ: Mention, post: Mention) -> bool:
        """Whether a post is said after an organ with nothing but words making it the organ's own between them
        (``owning``: 及其, and its)."""
        between = typed[organ.span.end : post.span.start].strip()
        return organ.span.end <= post.span.start and between in self.wording.owning

    def _two_levels(self, typed: str, first: Mention, then: Mention) -> bool:
        """Whether the second of two posts is the first one's title at another level (副省长 then 副市长: 副…长 of the
        province, then of the city): each states a level, not the same, and its words without the level's end the
        first one's words without theirs."""
        words = [typed[m.span.start : m.span.end] for m in (first, then)]
        levels = [self._level_of(w) for w in words]
        if not all(levels) or levels[0] == levels[1]:
            return False
        labels = sorted((label for label in self.level_words if label), key=len, reverse=True)
        bare = []
        for w in words:
            for label in labels:
                w = w.replace(label, "")
            bare.append(w.strip())
        return bool(bare[1]) and bare[0].endswith(bare[1])

    def _one_post(self, text: str, typed: str, mentions: list[Mention]) -> list[Mention]:
        """Two roles said as one post (分管组织人事工作的常委, 分管安全生产的领导班子成员), or as one post's names in different
        places (分管安全的副省长或副市长, the vice-governor or vice-mayor holding the safety portfolio: what qualifies one
        qualifies both): the more specific of them, the one further down the lexicon's hierarchy (skos:broader);
        one value, over the words of both. So is a post listed right after such a post whose less specific words name
        the same role (分管安全生产的副局长、副厅长: the deputies of a bureau and of a department, both in charge of safety):
        what qualifies the first qualifies it too (``_listed_alike``)."""
        kept: list[Mention] = []
        beneath: dict[Span, tuple[tuple[str, str], ...]] = {}  # a post said as one -> the senses of its broader words
        for mention in mentions:
            kept.append(mention)
            while len(kept) > 1:
                last, then = kept[-2], kept[-1]
                if not ({k for k, _ in last.senses} == {"role"} == {k for k, _ in then.senses}):
                    break
                start, end = last.span.start, then.span.end
                if self._listed_alike(typed, last, then, beneath.get(last.span)):
                    kept[-2:] = [Mention(Span(start, end, text[start:end]), last.senses)]
                    beneath[kept[-1].span] = then.senses
                    continue
                if not (self._joined(typed, last, then, alternatives=True) or self._within(typed, last, then)):
                    break
                depth = [self._depth(m) for m in (last, then)]
                if depth[0] == depth[1]:
                    break
                post, broader = (last, then) if depth[0] > depth[1] else (then, last)
                kept[-2:] = [Mention(Span(start, end, text[start:end]), post.senses)]
                beneath[kept[-1].span] = broader.senses
        return kept

    def _listed_alike(
        self, typed: str, last: Mention, then: Mention, beneath: tuple[tuple[str, str], ...] | None
    ) -> bool:
        """Whether a post is listed right after a post said as one of two roles (``listing`` words between them), naming
        the same role as the first one's less specific words (分管安全生产的副局长、副厅长: 副厅长 as 副局长)."""
        between = typed[last.span.end : then.span.start].strip()
        return (
            beneath is not None
            and last.span.end <= then.span.start
            and between in self.wording.listing
            and set(then.senses) == set(beneath)
        )

    def _posts_organs(self, typed: str, mentions: list[Mention]) -> list[Mention]:
        """An organ or a kind of organ said right before a post (<city>市委里…的常委, <province>政府分管安全的副省长) is whose
        post it is, not a value of its own: the post is what is asked about; the one organ named still gives its
        place. So are organs listed before such an organ (党委、政府一把手: the top leaders of both)."""
        whose: set[int] = set()
        for i in range(len(mentions) - 2, -1, -1):
            mention, then = mentions[i], mentions[i + 1]
            if not {k for k, _ in mention.senses} & {"organ", "organ-kind"}:
                continue
            if (then.iris("role") and self._joined(typed, mention, then)) or (
                i + 1 in whose
                and mention.span.end <= then.span.start
                and typed[mention.span.end : then.span.start].strip() in self.wording.listing
            ):
                whose.add(i)
        kept: list[Mention] = []
        for i, mention in enumerate(mentions):
            if i not in whose:
                kept.append(mention)
                continue
            senses = {(k, iri) for k, iri in mention.senses if k not in ("organ", "organ-kind")}
            places = {self.organ_place.get(iri) for iri in mention.iris("organ")}
            if len(places) == 1 and None not in places:
                senses.add(("jurisdiction", str(next(iter(places)))))
            if senses:
                kept.append(Mention(mention.span, tuple(sorted(senses))))
        return kept

    def _level_of(self, words: str) -> set[str]:
        """The levels whose labels a post's words hold (副县长: 县, the county level; county head: county)."""
        return {iri for label, iris in self.level_words.items() if label and _occurrences(words, label) for iri in iris}

    def _purposes(self, typed: str) -> list[Span]:
        """Clauses saying what the answer is for (``purposing``: for inclusion in the annual report, 为写入年度报告): from
        those words to the clause's end."""
        spans = []
        for word in self.wording.purposing:
            for start in _occurrences(typed, word):
                end = next((i for i in range(start + len(word), len(typed)) if typed[i] in _CLAUSE_END), len(typed))
                spans.append(Span(start, end, typed[start:end]))
        return spans

    def _framing(self, typed: str) -> list[Span]:
        """Clauses saying the frame a question is asked in, ending in words that say so (``framing``: 按照“…”的视角,
        in line with the … thesis), with words in brackets right after them: from the clause's start."""
        spans = []
        for word in self.wording.framing:
            for start in _occurrences(typed, word):
                end = start + len(word)
                bracket = _BRACKETED.match(typed, len(typed) - len(typed[end:].lstrip()))
                end = bracket.end() if bracket else end
                if end < len(typed) and typed[end] not in _CLAUSE_END:
                    continue  # the clause goes on: the words are not its end
                begin = max((i + 1 for i in range(start) if typed[i] in _CLAUSE_END), default=0)
                spans.append(Span(begin, end, typed[begin:end]))
        return spans

    def _supposed(self, typed: str) -> list[Span]:
        """Clauses setting the case a question is asked of, opening a sentence with words that say so (``supposing``:
        假如…，, suppose … .): from those words to the clause's end (a full stop too), when a clause follows."""
        spans = []
        for word in self.wording.supposing:
            for start in _occurrences(typed, word):
                opening = typed[:start].rstrip()
                if (opening and opening[-1] not in _SENTENCE_END and opening[-1] != ".") or not _at_boundaries(
                    typed, start, word
                ):
                    continue
                end = next(
                    (
                        i
                        for i in range(start + len(word), len(typed))
                        if typed[i] in _CLAUSE_END or (typed[i] == "." and typed[i + 1 : i + 2] in ("", " "))
                    ),
                    len(typed),
                )
                if typed[end + 1 :].strip():
                    spans.append(Span(start, end, typed[start:end]))
        # … or a clause telling what happened to someone it introduces (``telling``: 有个, 有一位) before the sentence
        # goes on, asking nothing itself (<city>有个区长…要被问责了，…有哪些问责方式？)
        begin = 0
        for i, ch in enumerate(typed):
            if ch not in _CLAUSE_END:
                continue
            clause = typed[begin:i]
            if (
                ch not in _SENTENCE_END
                and any(word in clause for word in self.wording.telling)
                and not any(_occurrences(clause, word) for word in self.wording.asking)
                and typed[i + 1 :].strip()
            ):
                spans.append(Span(begin, i, clause))
            begin = i + 1
        return spans

    def _cited(self, typed: str) -> list[Span]:
        """Words in brackets citing a work (``citing``: （参见Brady, 2008）, (cf. Heilmann 2008)): the brackets."""
        return [
            Span(m.start(), m.end(), m.group())
            for m in _BRACKETED.finditer(typed)
            if any(
                _at_boundaries(m.group(1).lstrip(), 0, w) and m.group(1).lstrip().startswith(w)
                for w in self.wording.citing
            )
        ]

    def _asks(self, words: str) -> bool:
        """Whether words set off in dashes ask (``asking``: <place> - which departments supervise building sites and the
        like?): the question itself after words setting its topic, not examples."""
        return any(_occurrences(words, word) for word in self.wording.asking)

    def _ending_examples(self, typed: str, start: int, word: str) -> bool:
        """Whether words giving examples at ``start`` are inside words ending them (*like* of *and the like*: the
        examples end there, they do not begin)."""
        return any(
            e <= start and start + len(word) <= e + len(end)
            for end in self.wording.illustrating_end
            if len(end) > len(word)
            for e in _occurrences(typed, end)
        )

    def _examples(self, typed: str, in_commas: bool = False) -> list[Span]:
        """Examples set in a sentence: the words after words giving examples (``illustrating``: such as, 比如), not
        opening the sentence, up to words ending the examples (那种) or the clause's end, with the sentence going on
        after them; ``in_commas``, only those set off in commas, a clause of their own (departments, such as finance
        or human resources, are …; 哪些部门，比如财政、人社，负有…)."""
        spans = []
        for word in self.wording.illustrating:
            for start in _occurrences(typed, word):
                opening = typed[:start].rstrip()
                if not opening or opening[-1] in _SENTENCE_END:
                    continue
                if self._ending_examples(typed, start, word):  # … not *like* of *and the like*
                    continue
                begin = start + len(word)
                ends = [
                    i + len(end)
                    for end in self.wording.illustrating_end
                    if (i := next((i for i in _occurrences(typed, end) if i >= begin), -1)) >= 0
                ]
                stop = next((i for i in range(begin, len(typed)) if typed[i] in _CLAUSE_END), len(typed))
                end = min([*ends, stop])
                goes_on = typed[end:].lstrip(",:，： ")
                if in_commas and not (opening[-1] in _COMMAS and typed[end:].lstrip()[:1] in _COMMAS):
                    continue
                if end > begin and goes_on and (end < stop or typed[stop] not in _SENTENCE_END):
                    spans.append(Span(begin, end, typed[begin:end]))
        return spans
