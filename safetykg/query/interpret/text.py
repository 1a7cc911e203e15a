"""Text the interpreter reads: normalised, stemmed, split into words and phrases, its quoted and bracketed words, and
the asked phrases compiled into patterns (the functions and patterns the readers share)."""

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from safetykg.query.interpret.readings import Mention, Phrases, Reading, Span
from safetykg.query.questions import Question

GAP = "…"  # in an asked phrase: a short gap of any words


_WORDS = "words_"  # the groups of a compiled phrase holding its literal words


_GAPS = "gap_"  # … and its gaps


MAX_GAP = 14  # characters a gap may span, besides the values said in it


MARGIN = 0.3  # how far the best reading must lead the next to be confident


# how likely the second opinion must hold a question to overrule the reading: all but certain, for naive Bayes over
# many overlapping features is far surer than it is right (measured leaving each phrasing set out in turn; see
# docs/asking-in-words.md, "A second opinion")
SURE = 0.9999999


STRONG = 0.8  # a reading held this confidently is not overruled


ASKED_AS_STRONG = 0.9  # a phrase weighing this share of another's is about as strong


GAPPED = 0.85  # a phrase with gaps weighs less than its letters alone would say


NEAR = 6  # characters between a place and a kind of organ said of it (a place name, then a department of it)


SPLIT_GAP = 8  # characters between the halves of a verb and its object said apart (听取…汇报)


SPLIT_WORDS = 3  # words between them in English (hear … reports)


LONG_VALUE = 12  # characters of a free-text value beyond which it looks like a captured sentence, not a term


_LATIN = re.compile(r"[a-z0-9]")


_CJK = re.compile(r"[\u3400-\u9fff]")


_QUOTED = re.compile(r"[“\"「『‘']([^”\"」』’']+)[”\"」』’']")


_CLAUSE = "，。；、？！,.;?!：:\\s"  # what ends a clause: the halves of a split label stand in one


_GLOSS = re.compile(r"\s*[(（][^()（）]*[)）]?\s*$")  # words in brackets ending a value (the bracket may be cut)


_CLAUSE_END = set("，。；？！,;?!：:")


_SENTENCE_END = set("。；？！;?!")


_COMMAS = set(",，")


_SET_OFF = re.compile(  # words set off in dashes (the second may be the sentence's end) or in brackets
    r"(?:\s[-–—]\s|——)([^-–—()（）]+?)(?:\s[-–—](?:\s|$)|——|(?=[?？。!！;；]|$))|[(（]([^()（）]+)[)）]"
)


_BRACKETED = re.compile(r"[(（]([^()（）]*)[)）]")  # words in a pair of brackets


_GAP_STOPS = "。；？！;?!"  # what a phrase's gap does not span: the end of a sentence


_PUNCTUATION = set(" \"'“”‘’「」『』《》?？。.,，!！:：;；、()（）")


def normal(text: str) -> str:
    """Text as compared: NFKC, lower case, curly quotes straight, a hyphen a space (work-safety, work safety).
    One character in, one character out (so positions in the normal text are positions in the text)."""
    out = []
    for ch in text:
        folded = unicodedata.normalize("NFKC", ch).lower()
        folded = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "-": " "}.get(folded, folded)
        out.append(folded if len(folded) == 1 else ch.lower())
    return "".join(" " if ch.isspace() else ch for ch in out)


def _words(data: dict[str, Any], key: str, longest_first: bool = False) -> tuple[str, ...]:
    """A list of words in interpreting.toml, each normalised and stripped; longest first where a longer one must be
    tried before the words it holds."""
    words = [normal(word).strip() for word in data.get(key, [])]
    return tuple(sorted(words, key=len, reverse=True) if longest_first else words)


def _strings(value: object) -> list[str]:
    """The strings in a value of the wording (tuples of strings, of pairs, of pairs of tuples)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (tuple, list)):
        return [s for v in value for s in _strings(v)]
    return []


_ENGLISH_WORD = re.compile(r"[a-z]+")


_SAME = {"which": "what"}


def stem(word: str) -> str:
    """A light English stem, so that a phrase matches its other forms: regulates, regulated, regulating and
    regulation all regulat; authority and authorities authoriti; departments department. Words that ask the
    same are one word (which situations, what situations)."""
    word = _SAME.get(word, word)
    if len(word) <= 3:
        return word
    for suffix, replacement in (("ies", "i"), ("ied", "i"), ("ing", ""), ("ions", ""), ("ion", ""), ("ed", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    else:
        if word.endswith(("sses", "shes", "ches", "xes")):
            word = word[:-2]
        elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word.endswith("y"):
        word = word[:-1] + "i"
    return word


def stemmed(typed: str) -> tuple[str, list[int]]:
    """The normal text with every English word stemmed, and for each of its characters where it stands in the
    text (Chinese and everything else as it is); without brackets, whose words are words of the question too (a
    phrase is read through them: supervisory (regulatory) duties)."""
    out: list[str] = []
    where: list[int] = []
    last = 0

    def keep(start: int, end: int) -> None:
        for i in range(start, end):
            ch = typed[i]
            if ch in _BRACKETS or (ch == " " and out and out[-1] == " "):
                continue
            out.append(ch)
            where.append(i)

    for match in _ENGLISH_WORD.finditer(typed):
        keep(last, match.start())
        word = stem(match.group())
        out.extend(word)
        where += [match.start() + min(i, len(match.group()) - 1) for i in range(len(word))]
        last = match.end()
    keep(last, len(typed))
    return "".join(out), where


def _split_pattern(label: str, counting: tuple[str, ...] = ()) -> re.Pattern[str] | None:
    """How a label of four Chinese characters, or of English words, is said with its halves apart in one clause: a
    few characters between (听取…汇报), or a few words before its last (hear … reports, listen to … reports, a plural
    allowed); and a label of two Chinese characters, a verb and its object, with words counting times between them
    (``counting``: 开几次会 is 开会)."""
    if len(label) == 2 and all(_CJK.match(ch) for ch in label) and counting:
        counts = "|".join(re.escape(word) for word in counting)
        return re.compile(f"(?P<head>{re.escape(label[0])})(?:{counts})(?P<tail>{re.escape(label[1])})")
    if len(label) == 4 and all(_CJK.match(ch) for ch in label):
        gap = f"[^{_CLAUSE}]{{1,{SPLIT_GAP}}}?"
        return re.compile(f"(?P<head>{re.escape(label[:2])}){gap}(?P<tail>{re.escape(label[2:])})")
    words = label.split(" ")
    if len(words) >= 2 and all(re.fullmatch("[a-z]+", w) for w in words) and len(words[-1]) >= 3:
        head = re.escape(" ".join(words[:-1]))
        gap = f"(?: [^{_CLAUSE}]+){{1,{SPLIT_WORDS}}}? "
        return re.compile(f"(?<![a-z0-9])(?P<head>{head}){gap}(?P<tail>{words[-1]})(?:e?s)?(?![a-z0-9])")
    return None


def _best_cover(found: list[Mention]) -> list[Mention]:
    """The mentions that do not overlap and cover the most characters, the fewest of them on a tie (weighted
    interval scheduling over the few labels a question holds)."""
    ordered = sorted(found, key=lambda m: (m.span.end, m.span.start))
    # best[i]: (covered, -count, chosen) using the first i mentions
    best: list[tuple[int, int, tuple[int, ...]]] = [(0, 0, ())]
    for i, mention in enumerate(ordered):
        j = i
        while j > 0 and ordered[j - 1].span.end > mention.span.start:
            j -= 1
        covered, count, chosen = best[j]
        take = (covered + mention.span.end - mention.span.start, count - 1, (*chosen, i))
        best.append(max(best[i], take, key=lambda b: (b[0], b[1])))
    return [ordered[i] for i in best[-1][2]]


_QUOTES = "“\"「『‘'"  # quotes that open words given as they are (brackets may hold a gloss)


_OPENING, _CLOSING = "“\"「『‘'(（", "”\"」』’')）"


_LITERAL = re.compile(
    r"[“\"「『]([^”\"」』]*\S[^”\"」』]*)[”\"」』]|(?<![A-Za-z0-9])[‘']([^’']*\S[^’']*)[’'](?![A-Za-z0-9])"
)


_CJK_RUN = re.compile(r"[\u3400-\u9fff]{2,}")


def _bare(text: str, hit: tuple[float, Span, dict[str, Span]]) -> bool:
    """Whether a phrase found is a value in quotes and nothing else (“{term}”)."""
    _, span, captured = hit
    return bool(captured) and all(
        text[i] in _PUNCTUATION or text[i].isspace()
        for i in range(span.start, span.end)
        if not any(c.start <= i < c.end for c in captured.values())
    )


def _leaves_aside(reading: Reading, best: Reading) -> bool:
    """Whether a reading is doubtful only for leaving aside words the best reading takes as its values (a department
    named by its place and kind: <province>住建厅…每年至少要检查…几次 asks the department's frequencies; a reading of every
    frequency requirement, 至少…次 in the gap of 每年…次, leaves the department aside)."""
    taken = {(v.start, v.end) for v in best.values}
    return (
        bool(reading.left)
        and len(reading.doubts) == len(reading.left)
        and all((span.start, span.end) in taken for span in reading.left)
    )


def _doubts_only_aside(reading: Reading, best: Reading) -> bool:
    """Whether a reading is doubtful only for leaving aside the organ named that the best reading takes as its value
    (<place>的气象部门算不算负有安全监管职责的部门，职责有哪些: the designations of the place leave aside the department
    whose profile is read)."""
    taken = set(best.params.values())
    aside = {words for organ, words in reading.aside if organ in taken}
    return bool(aside) and all(doubt in aside for doubt in reading.doubts)


def _apart(typed: str, one: Span, other: Span) -> bool:
    """Whether two spans stand in different sentences (a sentence's end between them)."""
    first, then = sorted((one, other), key=lambda s: s.start)
    return any(ch in _SENTENCE_END for ch in typed[first.end : then.start])


def _between_phrases(typed: str, span: Span, hits: list[tuple[float, Span, dict[str, Span]]]) -> bool:
    """Whether words stand after one of a question's phrases and before another, in one sentence."""
    return any(
        h[1].end <= span.start
        and span.end <= later[1].start
        and not any(ch in _SENTENCE_END for ch in typed[h[1].end : later[1].start])
        for h in hits
        for later in hits
    )


def _in_gap(words: Span, phrase: Span, own: list[Span]) -> bool:
    """Whether words stand in the gap of a phrase: within it, holding words that are not its own (从严追责 in
    什么情况下要从严追责: 从严 is in the gap of 什么情况…追责)."""
    if not (phrase.start <= words.start and words.end <= phrase.end):
        return False
    return any(not any(o.start <= i < o.end for o in own) for i in range(words.start, words.end))


def _ends(words: Span, phrase: Span, own: list[Span]) -> bool:
    """Whether words end a phrase with gaps, begun in its gap: they hold the phrase's last words of its own and start
    after its first (免于追责 ends 什么情况下…追责)."""
    mine = sorted((o for o in own if phrase.start <= o.start and o.end <= phrase.end), key=lambda o: o.start)
    if len(mine) < 2:
        return False
    last = mine[-1]
    return mine[0].end <= words.start < last.start and words.end == last.end == phrase.end


def _qualifies(
    words: Span,
    phrase: Span,
    text: str,
    own: list[Span] | None = None,
    means: tuple[str, ...] = (),
    values: Sequence[Span] = (),
) -> bool:
    """Whether words qualify a phrase: Chinese joined right before it (从重 before 追究责任的情形, the circumstances of
    heavier accountability, not any circumstances of accountability), or English words saying by what means, right
    after it (``means`` and a verb's -ing form: escape accountability by retiring — the retiring is what is asked), or
    Chinese joined right after it by words saying how it is to be (``means``' Chinese words: 追责要从重), unless those
    joining words are a value's own (``values``: 开几次会有什么不同, where 会 ends the meeting said);
    not words of the phrase's own reading (``own``: a rule's name inside a phrase of that reading is how it is asked)."""
    if any(o.start <= words.start and words.end <= o.end for o in own or []):
        return False
    if words.end == phrase.start and 0 < phrase.start < len(text):
        return bool(_CJK.match(text[phrase.start - 1])) and bool(_CJK.match(text[phrase.start]))
    if 0 < phrase.end < words.start <= phrase.end + 1 and not text[phrase.end : words.start].strip():
        said = normal(text[words.start : words.end])
        return any(re.match(re.escape(word) + r" [a-z]+ing\b", said) for word in means if _LATIN.match(word))
    # … or Chinese said right after it, joined by words saying how it is to be (追责要从重: heavier accountability)
    if 0 < phrase.end <= words.start and _CJK.match(text[phrase.end - 1]) and _CJK.match(text[words.start]):
        # (a value said apart, 开…会, spans its verb: its words, as typed, run on to its object)
        if any(v.start < words.start and phrase.end < max(v.end, v.start + len(v.text)) for v in values):
            return False
        return normal(text[phrase.end : words.start]) in {word for word in means if _CJK.match(word)}
    return False


def _qualifies_end(typed: str, words: Span, phrase: Span, own: list[Span]) -> bool:
    """Whether Chinese words in the gap of a phrase are joined right before its last words of its own, qualifying them
    (从重 before 追责 in 事故，哪些情形下要从重追责: heavier accountability)."""
    mine = sorted((o for o in own if phrase.start <= o.start and o.end <= phrase.end), key=lambda o: o.start)
    return (
        len(mine) >= 2
        and mine[0].end <= words.start
        and words.end == mine[-1].start
        and not any(o.start <= words.start and words.end <= o.end for o in own)
        and bool(_CJK.match(typed[words.end - 1 : words.end]))
        and bool(_CJK.match(typed[mine[-1].start : mine[-1].start + 1]))
    )


def _frames(found: Phrases, words: list[Span], text: str = "", means: tuple[str, ...] = ()) -> bool:
    """Whether each of a reading's phrases (its ``found``) holds some of the words in its gap, or right before it
    qualifying it (with the ``text``): phrases with gaps framing those words (哪些情形…追究 around 从重), or qualified by
    them (从重 before 追究责任的情形), asking nothing besides."""
    hits, wording = found
    if not hits:
        return False
    for _, phrase, _ in hits:
        own = [w for w, _ in wording if phrase.start <= w.start and w.end <= phrase.end]
        mine = [w for w, _ in wording]
        if not any(_in_gap(w, phrase, own) or (text and _qualifies(w, phrase, text, mine, means)) for w in words):
            return False
    return True


def _without(found: Phrases, dropped: list[tuple[float, Span, dict[str, Span]]]) -> Phrases:
    """A question's phrases found without those dropped, and without the words of its phrases they overlap."""
    hits, wording = found
    return [h for h in hits if h not in dropped], [w for w in wording if not any(w[0].overlaps(h[1]) for h in dropped)]


def _crossing(phrase: Span, mentions: list[Mention], kinds: set[str]) -> bool:
    """Whether a phrase reads a value's words otherwise: it begins or ends inside them (Party committee members:
    committee members begins inside Party committee), or stands inside them, at neither end, when they are of no type
    its question takes (committee member in the Party committee member in charge of publicity)."""
    return any(
        phrase.overlaps(m.span)
        and not (phrase.start <= m.span.start and m.span.end <= phrase.end)
        and (
            not (m.span.start <= phrase.start and phrase.end <= m.span.end)
            or (m.span.start < phrase.start and phrase.end < m.span.end and not {k for k, _ in m.senses} & kinds)
        )
        for m in mentions
    )


def _generic(mention: Mention) -> bool:
    """A kind of organ (政府, party committee) that names no one organ: the kind, or the organs of several places."""
    kinds = {k for k, _ in mention.senses}
    return kinds <= {"organ", "organ-kind"} and "organ-kind" in kinds and len(mention.iris("organ")) != 1


def _quoted(text: str, span: Span) -> bool:
    """Whether words stand in quotes or brackets of their own (“有立法权”, (有立法权))."""
    return span.start > 0 and span.end < len(text) and text[span.start - 1] in _OPENING and text[span.end] in _CLOSING


def _literals(text: str, typed: str) -> list[Span]:
    """Words given as they are: in quotes, or Chinese in a question asked in English."""
    found = [Span(m.start(g), m.end(g), m.group(g)) for m in _LITERAL.finditer(text) for g in (1, 2) if m.group(g)]
    if len(_LATIN.findall(typed)) > len(_CJK.findall(typed)):
        found += [Span(m.start(), m.end(), m.group()) for m in _CJK_RUN.finditer(text)]
    kept: list[Span] = []
    for span in sorted(found, key=lambda s: (s.start, s.start - s.end)):
        if not any(span.overlaps(k) for k in kept):
            kept.append(span)
    return kept


_BRACKETS = "()（）[]【】"


# a list of departments beside their type: the separators between its items, and an item that is no label
_LIST_GAP_BEFORE = re.compile(r"(?:[\s、，,/]|和|及|与|等)*\Z")


_LIST_GAP_AFTER = re.compile(r"(?:[\s、，,/：:]|和|及|与|等)*")


_LIST_WORD_BEFORE = re.compile(r"(?<![\u3400-\u9fff])[\u3400-\u9fff]{2,4}\Z")


_LIST_WORD_AFTER = re.compile(r"[\u3400-\u9fff]{2,4}(?![\u3400-\u9fff])")


def _unbracketed(typed: str) -> tuple[str, list[int]]:
    """The text without its brackets (a space where one stood between words, once), and where each of its
    characters stands in the text."""
    flat: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(typed):
        if ch in _BRACKETS:
            continue
        if ch == " " and flat and flat[-1] == " ":
            continue
        flat.append(ch)
        where.append(i)
    return "".join(flat), where


def _forms(label: str) -> tuple[str, ...]:
    """A label and the forms it takes in a sentence: an English label ending in y also as -ies (authority,
    authorities); the plural -s and -es are allowed after any English label where it is found."""
    if label.endswith("y") and _LATIN.match(label[-2:-1] or ""):
        return label, label[:-1] + "ies"
    return (label,)


def _long_enough(label: str) -> bool:
    """A label that can name a value on its own: two Chinese characters, or two letters (a place's initials, XJ: at
    word boundaries, as every English label)."""
    if _CJK.search(label):
        return len(label) >= 2
    return len(label) >= 3 or (len(label) == 2 and label.isascii() and label.isalpha())


def _alone(typed: str, at: int) -> bool:
    """Whether the one character at ``at`` stands alone: the text's start or end, a space or punctuation on each
    side (a province's one-character name said as a word of its own, not a character of other words)."""
    before = typed[at - 1] if at > 0 else " "
    after = typed[at + 1] if at + 1 < len(typed) else " "
    return all(ch.isspace() or ch in _PUNCTUATION for ch in (before, after))


def _occurrences(typed: str, label: str) -> list[int]:
    """Where a label stands in the text: anywhere for Chinese, at word boundaries for Latin letters."""
    found, start = [], typed.find(label)
    while start >= 0:
        if _at_boundaries(typed, start, label):
            found.append(start)
        start = typed.find(label, start + 1)
    return found


_PLURAL = re.compile(r"e?s(?![a-z0-9])")


def _names_a_place(mention: Mention) -> bool:
    """Whether a value said names a place: a jurisdiction or place, or an organ that is one organ (not a kind of organ
    that is several, the Party committee)."""
    kinds = {k for k, _ in mention.senses}
    return bool(kinds & {"jurisdiction", "place"}) or len({v for k, v in mention.senses if k == "organ"}) == 1


def _at_boundaries(typed: str, start: int, label: str) -> bool:
    """Whether a label found at ``start`` is a whole word (or words) where it begins or ends with a Latin letter
    or digit; a plural s may follow it. Chinese has no word boundaries: always true there."""
    end = start + len(label)
    if _LATIN.match(label[0]) and start > 0 and _LATIN.match(typed[start - 1]):
        return False
    if _LATIN.match(label[-1]) and end < len(typed) and _LATIN.match(typed[end]):
        return bool(_PLURAL.match(typed, end))
    return True


def _said(words: str, variants: tuple[tuple[str, tuple[str, ...]], ...], plural: bool = False) -> tuple[str, ...]:
    """Words and their other wordings (interpreting.toml: variants): work safety, production safety … With
    ``plural`` (a label), the English word before words said otherwise may also be plural, as the words after a
    noun they qualify do not change with it (the deputies in charge of, leaders who look after)."""
    said = [words]
    for usual, others in variants:
        if usual in words:
            said += [words.replace(usual, other) for other in others]
    if plural:
        for usual, others in variants:
            for other in (usual, *others):
                said += [form for form in (_plural_before(said_form, other) for said_form in list(said)) if form]
    return tuple(dict.fromkeys(said))


def _plural_before(words: str, after: str) -> str | None:
    """Words with the English word right before ``after`` made plural (deputy in charge of: deputies in charge of)."""
    match = re.search(r"(?<![a-z])([a-z]{3,}) " + re.escape(after) + r"(?![a-z])", words)
    if match is None or not _LATIN.match(after[:1]):
        return None
    noun = match.group(1)
    if noun.endswith("y") and noun[-2] not in "aeiou":
        many = noun[:-1] + "ies"
    elif noun.endswith(("s", "sh", "ch", "x")):
        many = noun + "es"
    else:
        many = noun + "s"
    return words[: match.start(1)] + many + words[match.end(1) :]


def _compile_cues(
    question: Question, variants: tuple[tuple[str, tuple[str, ...]], ...] = ()
) -> list[tuple[float, re.Pattern[str], int, str]]:
    """The question's asked phrases as patterns with their weights, how long a gap may be and, for a phrase
    opening with a value or a gap (tried from every start), its longest words, looked for first: a longer phrase
    weighs more; … is a gap of up to MAX_GAP characters besides the values said in it (twice as many
    at most, checked where it is found); {name} captures a free-text value; Latin words match from a word's start."""
    compiled: dict[str, float] = {}
    limits: dict[str, int] = {}
    needle: dict[str, str] = {}
    for lang in ("zh", "en"):
        for phrase in (said for asked in question.asked(lang) for said in _said(normal(asked).strip(), variants)):
            typed = stemmed(phrase)[0]
            parts = [part for part in re.split(r"(\{\w+\}|" + GAP + ")", typed) if part]
            # a word the stemmer shortened is a whole word, not the start of longer ones: construe (constru) is
            # not in construction (construct); a word left as written may be (accountab, dut, interpret)
            written = [part for part in re.split(r"(\{\w+\}|" + GAP + ")", _unbracketed(phrase)[0]) if part]
            lasts = [re.search(r"[a-z]+$", part) for part in written] if len(written) == len(parts) else []
            whole = [
                i < len(lasts) and (w := lasts[i]) is not None and stem(w.group()) != w.group()
                for i in range(len(parts))
            ]
            pattern = ""
            limit = MAX_GAP if _CJK.search(typed) else 3 * MAX_GAP  # more letters in English than characters in Chinese
            for i, part in enumerate(parts):
                if part == GAP:  # a few words, in one sentence (事故会被问责吗？把追责的情形列一下: not 事故…追责)
                    pattern += f"(?P<{_GAPS}{i}>[^{_GAP_STOPS}]{{0,{2 * limit}}}?)"
                elif re.fullmatch(r"\{\w+\}", part):  # a value: as short as the words after it allow
                    pattern += f"(?P<{part[1:-1]}>.+?)" if i < len(parts) - 1 else f"(?P<{part[1:-1]}>.+)"
                else:
                    pattern += f"(?P<{_WORDS}{i}>{re.escape(part)})" + (r"(?![a-z0-9])" if whole[i] else "")
            if _LATIN.match(typed[:1]):
                pattern = r"(?<![a-z0-9])" + pattern
            letters = len([ch for ch in re.sub(r"\{\w+\}|" + GAP, "", typed) if ch not in _PUNCTUATION])
            per = 0.12 if _CJK.search(typed) else 0.05
            weight = min(1.2, 0.3 + per * letters) * (GAPPED if GAP in typed else 1.0)  # a gap: less specific
            compiled[pattern] = max(weight, compiled.get(pattern, 0.0))  # two phrases alike once stemmed: one
            limits[pattern] = limit
            words = [part for part in parts if part != GAP and not re.fullmatch(r"\{\w+\}", part)]
            needle[pattern] = max(words, key=len) if words and parts[0] not in words else ""
    return [(weight, re.compile(pattern), limits[pattern], needle[pattern]) for pattern, weight in compiled.items()]
