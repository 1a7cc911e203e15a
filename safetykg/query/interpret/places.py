"""Places: the places said that have no rule in the corpus (by name, by one character naming what is theirs), places
named as places are but not known (a name before 市 or *City*, initials), and a value said denied (not the one asked)."""

import re

from safetykg.query.interpret.indexes import Indexes
from safetykg.query.interpret.readings import Mention, Span
from safetykg.query.interpret.text import _CJK, _CLAUSE_END, _PUNCTUATION, _alone, _at_boundaries, _occurrences

_INITIALS = re.compile(r"(?<![A-Za-z])[A-Z]{2,4}(?![A-Za-z])")  # initials written in capitals (ZJ, QH)


class PlaceFinder(Indexes):
    """Places with no rule and places not known, and the denial that keeps a value from being the one asked."""

    def places_without_rule(self, text: str, typed: str, taken: list[Span]) -> list[tuple[Span, str]]:
        """Places said that have no rule in the corpus (by a name, or by one character alone or naming what is its own),
        outside the spans already taken and not said denied: each once, by its longest name, with its name as shown."""
        found = []
        for label, shown in self.without_rule.items():
            for start in _occurrences(typed, label):
                span = Span(start, start + len(label), text[start : start + len(label)])
                if not any(span.overlaps(t) for t in taken):
                    found.append((span, shown))
        for start, ch in enumerate(typed):
            if ch in self.single_without_rule and (_alone(typed, start) or self._naming_after(typed, start)):
                span = Span(start, start + 1, text[start])
                if not any(span.overlaps(t) for t in taken):
                    found.append((span, self.single_without_rule[ch]))
        # … not one said denied (not Province A as a whole, just City B): not the place asked about
        found = [(span, shown) for span, shown in found if not self._denied_place(typed, span)]
        found.sort(key=lambda f: (f[0].start - f[0].end, f[0].start))  # the longest name of a place, once
        kept: list[tuple[Span, str]] = []
        for span, shown in found:
            if not any(span.overlaps(k) for k, _ in kept):
                kept.append((span, shown))
        return kept

    def _naming_after(self, typed: str, at: int) -> bool:
        """Whether a place's one character at ``at``, at a clause's start (the text's start, a space or punctuation
        before it), is said before words naming what is the place's: its rule (rule_words: 甲细则), the kind of one
        of its organs (甲公安厅, 甲安委会) or words owning what follows (single_naming: 甲省, 甲的)."""
        if at > 0 and not (typed[at - 1].isspace() or typed[at - 1] in _PUNCTUATION):
            return False
        rest = typed[at + 1 :]
        if any(rest.startswith(w) for w in (*self.wording.single_naming, *self.wording.rule_words) if _CJK.match(w)):
            return True
        return any(
            rest.startswith(label) and any(k == "organ-kind" for k, _ in self.labels[label])
            for label in self.by_first.get(rest[:1], ())
        )

    def _unknown_places(self, text: str, typed: str, mentions: list[Mention]) -> list[Span]:
        """Places named as places are named, not among the corpus's (遵义市安委会…): two or three Chinese characters, none a
        word of a sentence (``not_in_place_names``: 的, 副, 各 …) nor of a value found, before a word ending a place's
        name (``place_endings``: 市, 县 …; not a level, 市级), at a clause's start, after a place said or
        after words leading to a place (``place_leading``: 在, 对)."""
        found = []
        places = [m.span for m in mentions if m.iris("jurisdiction") or m.iris("place")]
        for ending in self.wording.place_endings:
            for at in _occurrences(typed, ending):
                if any(len(w) > len(ending) and typed.startswith(w, at) for w in self.level_words):
                    continue  # a level (市级, 县一级), not a place's name
                for start in (at - 2, at - 3):  # 遵义市, 六盘水市
                    end = at + len(ending)
                    name = typed[start:at]
                    if start < 0 or not all(
                        _CJK.match(ch) and ch not in self.wording.not_in_place_names for ch in name
                    ):
                        break
                    if typed[start:end] in self.labels or typed[start:end] in self.wording.ignored_labels:
                        break
                    if any(m.span.start < at and start < m.span.end for m in mentions):
                        break
                    before = typed[:start].rstrip()
                    if (
                        not before
                        or before[-1] in _CLAUSE_END
                        or any(p.end == len(before) for p in places)
                        or before.endswith(self.wording.place_leading)
                    ):
                        found.append(Span(start, end, text[start:end]))
                        break
        # … and in English, a name written with a capital before such a word (Zunyi City), none of the words that are
        # no name (``not_place_names``: which, each, the …)
        for ending in self.wording.place_endings_en:
            for at in _occurrences(typed, " " + ending):
                end = at + 1 + len(ending)
                if not _at_boundaries(typed, at + 1, ending):
                    continue
                start = at
                while start > 0 and text[start - 1].isalpha() and text[start - 1].isascii():
                    start -= 1
                name = typed[start:at]
                if (
                    start == at
                    or not text[start].isupper()
                    or name in self.wording.not_place_names
                    or any(m.span.overlaps(Span(start, at, "")) for m in mentions)
                ):
                    continue
                found.append(Span(start, end, text[start:end]))
        found += self._unknown_initials(text, typed, mentions)
        # … not one said denied (not Province A as a whole, just City B): not the place asked about
        return [span for span in found if not self._denied_place(typed, span)]

    def _unknown_initials(self, text: str, typed: str, mentions: list[Mention]) -> list[Span]:
        """Initials no label holds as a word (two to four capitals: ZJ, QH), naming what is their own: before 's or words owning
        what follows (``single_naming``: 的), a rule's words (``rule_words``) or an organ's kind (ZJ's rule, QH的安委会,
        ZJ 办法): a place not known, not every place's answer."""
        found = []
        for initials in _INITIALS.finditer(text):
            start, end = initials.span()
            if typed[start:end] in self.label_words or any(m.span.overlaps(Span(start, end, "")) for m in mentions):
                continue
            rest = typed[end:].lstrip()
            owning = (*self.wording.single_naming, *self.wording.rule_words)
            if (
                rest.startswith(("'s", "’s"))
                or any(rest.startswith(w) and _at_boundaries(rest, 0, w) for w in owning)
                or any(
                    rest.startswith(label)
                    and _at_boundaries(rest, 0, label)
                    and any(k == "organ-kind" for k, _ in self.labels[label])
                    for label in self.by_first.get(rest[:1], ())
                )
            ):
                found.append(Span(start, end, text[start:end]))
        return found

    def _denied_place(self, typed: str, span: Span) -> bool:
        """Whether a place with no rule is said denied (not Province A as a whole, just City B): not the one asked."""
        return self._negated(typed, Mention(span, ()))

    def _negated(self, typed: str, mention: Mention) -> bool:
        """Whether a value is said denied: right after words that deny it (``negating``: 不负有安全生产监管职责的部门,
        departments that do not have work-safety supervisory duties), it is what the departments asked about are
        not, so no value of the question."""
        before = typed[: mention.span.start].rstrip()
        if any(before.endswith(word) for word in self.wording.whether):  # 有无约谈: asks whether, denies nothing
            return False
        for word in self.wording.negating:
            at = len(before) - len(word)
            if before.endswith(word) and _at_boundaries(before, at, word):
                # … nor does a Chinese verb said and denied (有没有约谈, 是不是综合监管部门: whether it is)
                verb = typed[at + 1 : at + 2]
                return not (at > 0 and _CJK.match(word) and before[at - 1] == verb)
        return False
