"""Quantified frequencies in duty texts: "每年至少组织召开4次会议" → activity, minimum count, period, level.

Each sentence is scanned for counts (N次) and period words (每年, 每半年, 每季度, 每月, 每两年, and 定期: regularly,
with no period stated).
A count takes the period word before it (or, failing that, after it); a period word that no count
uses is a frequency of its own ("每季度定期组织分析…": once a quarter). The level and the subject
are read from the text between the previous frequency and this one, the activity from the text after it.
"""

import re
from dataclasses import dataclass

from safetykg.corpus.numerals import parse_chinese_numeral
from safetykg.lexicon.wording import ActivityCue, Wording

_SENTENCE = re.compile(r"[^；。]+")
# a count (4次, 至少两次, 一季度一次) and what a frequency's words may hold besides its activity are the lexicon's
# (obligation-phrasings.ttl: count, frequency-own-words)


@dataclass(frozen=True)
class Frequency:
    activity: str  # the words of the text that state the activity
    activity_kind: str
    minimum_count: int
    period: str | None  # ISO 8601 duration; None: regularly (定期), the period unstated
    levels: tuple[str, ...]
    level_text: str | None
    subject: str  # the text's words for who must do it, when the sentence names someone
    offset: int  # where the frequency starts in the duty text


@dataclass
class _Anchor:
    position: int
    end: int
    period: str | None
    count: int | None
    owns_period: bool = True  # False: a count after another in the same period (…4次，其中…不少于2次)


def find_frequencies(text: str, wording: Wording) -> list[Frequency]:
    """The frequencies a provision states; period words, activity cues and level phrases come from the lexicon."""
    found: list[Frequency] = []
    for sentence in _SENTENCE.finditer(text):
        found += _in_sentence(sentence.group(0), sentence.start(), wording)
    return found


def _in_sentence(sentence: str, offset: int, wording: Wording) -> list[Frequency]:
    periods = _periods(sentence, wording)
    anchors: list[_Anchor] = []
    used: set[int] = set()
    for count in wording.phrasings["count"].finditer(sentence):
        stated = [p for p in periods if p[2] is not None] or periods
        before = [p for p in stated if p[0] < count.start()]
        after = [p for p in stated if p[0] > count.start()]
        chosen = before[-1] if before else (after[0] if after else None)
        if chosen is None:
            continue  # a count with no period is not a frequency (e.g. "一年内发生2起")
        used.add(chosen[0])
        owns_period = bool(before) and wording.phrasings["count"].search(sentence, chosen[1], count.start()) is None
        start = chosen[0] if owns_period else count.start()
        anchors.append(_Anchor(start, count.end(), chosen[2], _count(count), owns_period))
    for start, end, period in periods:
        if start not in used:
            anchors.append(_Anchor(start, end, period, None))
    anchors.sort(key=lambda a: a.position)
    results = []
    for index, anchor in enumerate(anchors):
        previous_end = anchors[index - 1].end if index else 0
        next_start = anchors[index + 1].position if index + 1 < len(anchors) else len(sentence)
        lead = sentence[previous_end : anchor.position]
        clause = lead.split("，")[-1]
        kind, words = _activity(
            sentence[anchor.position : next_start],
            sentence[next_start:],
            wording.activity_cues,
            wording.phrasings["frequency-own-words"],
        )
        if kind == "other" and not wording.phrasings["frequency-own-words"].sub("", words) and not anchor.owns_period:
            kind, words = _activity_before(clause, kind, words, wording.activity_cues)
        levels, level_text = wording.levels_in("frequency", clause)
        results.append(
            Frequency(
                activity=words,
                activity_kind=kind,
                minimum_count=anchor.count if anchor.count is not None else 1,
                period=anchor.period,
                levels=levels,
                level_text=level_text,
                subject=wording.phrasings["frequency-subject-end"].split(clause.strip("、，\n"), maxsplit=1)[0].strip(),
                offset=offset + anchor.position,
            )
        )
    return results


def _count(match: re.Match[str]) -> int:
    return int(match.group(1)) if match.group(1) else parse_chinese_numeral(match.group(2) or match.group(3))


def _first_cue(words: str, cues: list[ActivityCue]) -> str | None:
    """The kind whose cue word comes first in the words (the main verb); at one place the longer cue, then the order."""
    best: tuple[int, int, int] | None = None
    kind = None
    for order, cue in enumerate(cues):
        for match in cue.pattern.finditer(words):
            key = (match.start(), -len(match.group(0)), order)
            if best is None or key < best:
                best, kind = key, cue.kind
    return kind


def _periods(sentence: str, wording: Wording) -> list[tuple[int, int, str | None]]:
    """The period words of a sentence; a word without a duration (定期) right after one with it (每年定期) is part of it."""
    found: list[tuple[int, int, str | None]] = []
    for match in wording.period_pattern(with_duration_only=False).finditer(sentence):
        period = wording.periods[match.group(0)]
        if period is None and found and found[-1][2] is not None and match.start() - found[-1][1] <= 1:
            continue
        found.append((match.start(), match.end(), period))
    return found


def _activity_before(clause: str, kind: str, words: str, cues: list[ActivityCue]) -> tuple[str, str]:
    """A count that follows another in the same period names its activity before it (每年至少带队开展4次督查检查，
    其中对危险化学品…的检查不少于2次): the last cue word of its clause."""
    found = [(match.start(), cue.kind) for cue in cues for match in cue.pattern.finditer(clause)]
    return (max(found)[1], clause) if found else (kind, words)


def _activity(segment: str, rest: str, cues: list[ActivityCue], own_words: re.Pattern[str]) -> tuple[str, str]:
    """The activity's kind and words: from this frequency's own words, else, when they name no activity at all
    ("每年至少2次、每季度至少1次召开…"), from the sentence's shared tail."""
    words = segment.split("，")[0].strip()
    head, _, tail = words.rpartition("、")
    if head and not any(cue.pattern.search(tail) for cue in cues):
        words = head  # "…召开2次、县级及以下党委主要负责人": the part after 、 is the next subject
    first = _first_cue(words, cues)
    if first is not None:
        return first, words
    if own_words.sub("", words):
        return "other", words  # "半年跟踪落实和": an activity of its own, not the next one's (年终考核)
    for cue in cues:
        match = cue.pattern.search(rest)
        if match:
            shared = rest[: match.end()].split("，")[0]
            return cue.kind, f"{words}…{shared[-12:]}"
    return "other", words
