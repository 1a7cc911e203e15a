"""Quantified frequencies in duty texts: "每年至少组织召开4次会议" → activity, minimum count, period, level.

Each sentence is scanned for counts (N次) and period words (每年, 每半年, 每季度, 每月, 每两年).
A count takes the period word before it (or, failing that, after it); a period word that no count
uses is a frequency of its own ("每季度定期组织分析…": once a quarter). The level and the subject
are read from the text between the previous frequency and this one, the activity from the text after it.
"""

import re
from dataclasses import dataclass

PERIODS = {"每两年": "P2Y", "每半年": "P6M", "每季度": "P3M", "每年": "P1Y", "每月": "P1M"}
_PERIOD = re.compile("|".join(sorted(PERIODS, key=len, reverse=True)))
_COUNT = re.compile(r"(\d+)\s*次")
_SENTENCE = re.compile(r"[^；。]+")
_SUBJECT_END = re.compile(r"每|至少|不少于|应当|开展|组织|参加|主持|召开|带队|听取|安排|对")

# (pattern, activity kind slug); the first that matches after the anchor wins.
ACTIVITIES: tuple[tuple[str, str], ...] = (
    ("召开|会议|例会|联席会", "meeting"),
    ("集中学习|学习", "study"),
    ("培训", "training"),
    ("巡查", "inspection-tour"),
    ("检查|督查|督导", "inspection"),
    ("调研", "field-research"),
    ("听取|汇报", "hearing-reports"),
    ("分析", "situation-analysis"),
    ("考核|评价", "assessment"),
    ("报告|提交", "reporting"),
    ("公布|通报", "disclosure"),
    ("研究", "deliberation"),
)
_ACTIVITY = [(re.compile(pattern), slug) for pattern, slug in ACTIVITIES]

# (pattern, level slugs); the phrase is kept as written, the levels make jurisdictions comparable.
LEVELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"县级及以下", ("county", "township")),
    (r"各市（含定州、辛集市）[^，、]*?雄安新区[^，、]*?", ("city",)),
    (r"各市（含定州、辛集市）", ("city",)),
    (r"市、县", ("city", "county")),
    (r"市级", ("city",)),
    (r"县（市、区）", ("county",)),
    (r"县级", ("county",)),
    (r"各类功能区[^，]*?乡（镇）[^，]*?街道[^，]*?", ("functional-zone", "township")),
    (r"乡（镇）|乡镇|街道", ("township",)),
    (r"自治区", ("provincial",)),
)
_LEVEL = [(re.compile(pattern), levels) for pattern, levels in LEVELS]


@dataclass(frozen=True)
class Frequency:
    activity: str  # the words of the text that state the activity
    activity_kind: str
    minimum_count: int
    period: str  # ISO 8601 duration
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


def find_frequencies(text: str) -> list[Frequency]:
    found: list[Frequency] = []
    for sentence in _SENTENCE.finditer(text):
        found += _in_sentence(sentence.group(0), sentence.start())
    return found


def _in_sentence(sentence: str, offset: int) -> list[Frequency]:
    periods = [(m.start(), m.end(), PERIODS[m.group(0)]) for m in _PERIOD.finditer(sentence)]
    anchors: list[_Anchor] = []
    used: set[int] = set()
    for count in _COUNT.finditer(sentence):
        before = [p for p in periods if p[0] < count.start()]
        after = [p for p in periods if p[0] > count.start()]
        chosen = before[-1] if before else (after[0] if after else None)
        if chosen is None:
            continue  # a count with no period is not a frequency (e.g. "一年内发生2起")
        used.add(chosen[0])
        owns_period = bool(before) and _COUNT.search(sentence, chosen[1], count.start()) is None
        start = chosen[0] if owns_period else count.start()
        anchors.append(_Anchor(start, count.end(), chosen[2], int(count.group(1))))
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
        kind, words = _activity(sentence[anchor.position : next_start], sentence[next_start:])
        levels, level_text = _levels(clause)
        assert anchor.period is not None
        results.append(
            Frequency(
                activity=words,
                activity_kind=kind,
                minimum_count=anchor.count if anchor.count is not None else 1,
                period=anchor.period,
                levels=levels,
                level_text=level_text,
                subject=_SUBJECT_END.split(clause.strip("、，\n"), maxsplit=1)[0].strip(),
                offset=offset + anchor.position,
            )
        )
    return results


def _activity(segment: str, rest: str) -> tuple[str, str]:
    """The activity's kind and words: from this frequency's own words, else from the sentence's shared tail."""
    words = segment.split("，")[0].strip()
    head, _, tail = words.rpartition("、")
    if head and not any(pattern.search(tail) for pattern, _ in _ACTIVITY):
        words = head  # "…召开2次、县级及以下党委主要负责人": the part after 、 is the next subject
    for pattern, slug in _ACTIVITY:
        if pattern.search(words):
            return slug, words
    for pattern, slug in _ACTIVITY:
        match = pattern.search(rest)
        if match:
            shared = rest[: match.end()].split("，")[0]
            return slug, f"{words}…{shared[-12:]}"
    return "other", words


def _levels(clause: str) -> tuple[tuple[str, ...], str | None]:
    for pattern, levels in _LEVEL:
        match = pattern.search(clause)
        if match:
            return levels, match.group(0)
    return (), None
