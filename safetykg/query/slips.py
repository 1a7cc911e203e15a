"""Typing slips read through before a question is read: traditional characters, a Chinese label typed with a
character that sounds the same (a pinyin input method's slip), English misspellings and text-speak.

The words are read as the user meant them (``Fixed.text``: simplified, slips corrected), and every character of
them keeps where it was typed, so the evidence shows the user's own words. Only the mechanisms are here; the
words (text-speak, the input method's fuzzy finals, the words never read as slips) are data, ``spelling.toml``
beside ``interpreting.toml``.

- Traditional characters are simplified with OpenCC (``t2s``: characters and phrases, no regional word choices,
  so simplified text stays as it is). A conversion keeps the length of what it converts, or is made one
  character at a time, so each character read stands where one was typed.
- An English word of at least ``MIN_LETTERS`` letters that the interpreter does not know, one edit (an insertion,
  a deletion, a substitution or two letters swapped) from exactly one word it knows (of a label or an asked
  phrase), is read as that word; a word of text-speak (u, wht, pls) is read as its words.
- A Chinese label of two characters or more typed with one character of the same toneless pinyin (or a fuzzy final
  of the input method: an/ang) is read as the label, where no label found covers that character and the label's
  other characters are typed as they are; one slip per label.
- Chinese words written in toneless pinyin (a foreign reader's way: weihuapin, fenguan fuzeren, gong'an bumen) are
  read as those words: Latin words, whole, their syllables (two or more) the readings of the characters of one Chinese
  label (else of one word of an asked phrase or of the wording), the words' breaks and apostrophes between syllables;
  not words the interpreter knows (of an English label or phrase: a place's name), nor words all of the English language.
"""

import itertools
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from safetykg.core.errors import SourceError
from safetykg.core.resources import read_toml

SPELLING_FILE = "spelling.toml"
MIN_LETTERS = 5  # shorter English words are too close to too many others to be read as slips
# a Chinese character that is itself one of the commonest words (是, 之, 向: counted more often than this in jieba's
# dictionary) is typed as it is, not as a slip for another sounding the same (各地是怎么写的: not 地市)
COMMON = 50_000
_ENGLISH = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_CJK_ONLY = re.compile(r"[\u3400-\u9fff]+")
_CJK_RUN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]+")
# a word in pinyin: an apostrophe before a syllable opening with a vowel (gong'an), not an English 's (yibashou's)
_ROMAN = re.compile(r"[A-Za-z]+(?:['’][aeoAEO][A-Za-z]*)*")
MIN_SYLLABLES = 2  # one syllable in pinyin is too many characters' and too many English words' (an, shi, men)
MAX_ROMAN_WORDS = 6  # words in pinyin read as one Chinese word at most (fenguan anquan shengchan fuzeren)


class SpellingError(SourceError):
    """The spelling file is malformed."""


@dataclass(frozen=True)
class Spelling:
    """The words of slips (``spelling.toml``)."""

    shorthand: tuple[tuple[str, str], ...] = ()  # text-speak -> the words it stands for (wht -> what)
    known: tuple[str, ...] = ()  # English words that are no slip, though one edit from a known one
    fuzzy_finals: tuple[tuple[str, str], ...] = ()  # finals an input method takes for each other (ang -> an)
    not_slips: tuple[str, ...] = ()  # Chinese words typed as they are (their characters no slips), jieba lacking them

    @classmethod
    def read(cls, path: Path) -> "Spelling":
        data = read_toml(path, SpellingError)
        shorthand = data.get("shorthand", {})
        finals = data.get("fuzzy_finals", {})
        if not isinstance(shorthand, dict) or not isinstance(finals, dict):
            raise SpellingError(path, 1, "shorthand and fuzzy_finals are tables (word = words)")
        return cls(
            shorthand=tuple((str(k).lower(), str(v).lower()) for k, v in shorthand.items()),
            known=tuple(str(w).lower() for w in data.get("known", [])),
            fuzzy_finals=tuple((str(k), str(v)) for k, v in finals.items()),
            not_slips=tuple(str(w) for w in data.get("not_slips", [])),
        )


@dataclass(frozen=True)
class Fixed:
    """The words as read, each character with where it was typed (``starts``, ``ends``), and the slips read."""

    typed: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    slips: tuple[tuple[str, str], ...] = ()  # (as typed, as read) of each slip read through

    @classmethod
    def as_typed(cls, text: str) -> "Fixed":
        return cls(text, text, tuple(range(len(text))), tuple(range(1, len(text) + 1)))

    def typed_words(self, start: int, end: int) -> str:
        """The words typed where the words read from ``start`` to ``end`` stand."""
        if start >= end or end > len(self.text):
            return self.text[start:end]
        return self.typed[self.starts[start] : self.ends[end - 1]]

    def as_typed_words(self, words: str) -> str:
        """Words of the text read (evidence), said as they were typed: where they first stand, each part of words
        said apart (joined by a space) on its own."""
        if self.text == self.typed:
            return words
        at = self.text.find(words) if words else -1
        if at >= 0:
            return self.typed_words(at, at + len(words))
        if " " in words:
            return " ".join(self.as_typed_words(part) for part in words.split(" "))
        return words

    def swapped(self, swaps: Iterable[tuple[int, str, str, str]]) -> "Fixed":
        """The same, with characters read otherwise (one for one: where, the character read, the words typed and
        the label read)."""
        chars = list(self.text)
        slips = list(self.slips)
        for at, ch, typed, meant in sorted(swaps):
            chars[at] = ch
            slips.append((typed, meant))
        return Fixed(self.typed, "".join(chars), self.starts, self.ends, tuple(slips))


def load_tables() -> None:
    """Load the tables slips are read with (OpenCC's, pypinyin's, jieba's and pyspellchecker's: seconds), as a
    server does while it starts, so that its first question does not wait for them."""
    _converter()
    _pinyin_table()
    _chinese_dictionary()
    _english_words()


@cache
def _converter() -> "object":
    import opencc  # a compiled library: loaded once, when the first text is read

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """The text in simplified characters, one character for each typed (OpenCC ``t2s``)."""
    if not _CJK_RUN.search(text):
        return text
    convert = _converter().convert  # type: ignore[attr-defined]
    whole = str(convert(text))
    if len(whole) == len(text):
        return whole
    out = []  # a phrase converted to another length: its run converted as a whole when that keeps its length,
    # else one character at a time
    last = 0
    for run in _CJK_RUN.finditer(text):
        out.append(text[last : run.start()])
        converted = convert(run.group())
        if len(converted) != len(run.group()):
            converted = "".join(c if len(c := convert(ch)) == 1 else ch for ch in run.group())
        out.append(converted)
        last = run.end()
    out.append(text[last:])
    return "".join(out)


@cache
def _pinyin_table() -> dict[int, str]:
    from pypinyin.pinyin_dict import pinyin_dict  # code point -> its readings, with tones

    return pinyin_dict


@cache
def _chinese_dictionary() -> tuple[frozenset[str], frozenset[str]]:
    """The words of a Chinese dictionary (jieba's, of two characters or more: words typed as they are), and the
    characters that are themselves among its commonest words (counted more than ``COMMON`` times)."""
    from importlib.resources import files

    data = (files("jieba") / "dict.txt").read_text(encoding="utf-8")
    words = frozenset(re.findall(r"^([^ \n]{2,}) ", data, re.M))
    common = frozenset(ch for ch, count in re.findall(r"^([^ \n]) (\d+)", data, re.M) if int(count) > COMMON)
    return words, common


@cache
def _english_words() -> frozenset[str]:
    """The words of an English dictionary (pyspellchecker's frequency list): words typed as they are."""
    from spellchecker import SpellChecker

    return frozenset(SpellChecker().word_frequency.keys())


@cache
def syllables(ch: str, finals: tuple[tuple[str, str], ...] = ()) -> frozenset[str]:
    """The toneless reading of a Chinese character (its first, most common one), a fuzzy final said one way (ang
    as an)."""
    readings = _pinyin_table().get(ord(ch), "")
    out = set()
    for reading in readings.split(",")[:1]:
        plain = "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c))
        plain = plain.replace("ü", "v").strip()
        if not plain:
            continue
        for longer, shorter in finals:
            if plain.endswith(longer):
                plain = plain[: -len(longer)] + shorter
                break
        out.add(plain)
    return frozenset(out)


@cache
def all_syllables(ch: str) -> tuple[str, ...]:
    """Every toneless reading of a Chinese character, its first (most common) first."""
    out: list[str] = []
    for reading in _pinyin_table().get(ord(ch), "").split(","):
        plain = "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c))
        plain = plain.replace("ü", "v").strip()
        if plain and plain not in out:
            out.append(plain)
    return tuple(out)


def _one_edit(typed: str, known: str) -> bool:
    """Whether two different words are one insertion, deletion, substitution or swap of neighbours apart."""
    if typed == known or abs(len(typed) - len(known)) > 1:
        return False
    if len(typed) == len(known):
        diff = [i for i in range(len(typed)) if typed[i] != known[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and typed[diff[0]] == known[diff[1]]
            and typed[diff[1]] == known[diff[0]]
        )
    short, long_ = (typed, known) if len(typed) < len(known) else (known, typed)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


def _deletes(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


@dataclass
class Slips:
    """What the interpreter knows of the words (English words, Chinese labels), indexed once for reading slips."""

    spelling: Spelling
    words: set[str]  # English words of labels and asked phrases: what a misspelling is read as
    known: set[str]  # … and the words typed as they are, never read as slips
    labels: Iterable[str]  # the Chinese labels (normal forms) a homophone slip may be read as
    # Chinese words that may be written in pinyin, by tiers: a reading naming one word of a tier is taken before the
    # words of later tiers (the labels of values, then the words of asked phrases and of the wording)
    romanized: tuple[Iterable[str], ...] = ()
    _near: dict[str, set[str]] = field(default_factory=dict)
    _shorthand: dict[str, str] = field(default_factory=dict)
    _sounds: dict[tuple[str, str, str], list[tuple[str, int]]] | None = None
    _label_list: list[str] = field(default_factory=list)
    _spelled: dict[str, list[tuple[int, int, str, frozenset[int]]]] | None = None

    def __post_init__(self) -> None:
        self._shorthand = dict(self.spelling.shorthand)
        self.known |= set(self.spelling.known) | set(self._shorthand)
        for word in self.words:
            if len(word) >= MIN_LETTERS - 1:  # a word typed with a letter more is as long as the shortest read
                for key in _deletes(word):
                    self._near.setdefault(key, set()).add(word)
        self._label_list = sorted(
            {label for label in self.labels if len(label) >= 2 and _CJK_ONLY.fullmatch(label)}
            - set(self.spelling.not_slips)
        )

    # -- English ------------------------------------------------------------------------------------------------

    def meant(self, word: str) -> str | None:
        """The words an English word typed stands for, when it is text-speak or a misspelling; else None."""
        if word in self._shorthand:  # as written: at least N times is no text-speak
            return self._shorthand[word]
        lower = word.lower()
        if len(lower) < MIN_LETTERS or lower in self.known or not lower.isascii():
            return None
        near = {w for key in _deletes(lower) for w in self._near.get(key, ()) if _one_edit(lower, w)}
        if len(near) != 1 or lower in _english_words():  # a word of the language, typed as it is
            return None
        return near.pop()

    def read(self, text: str) -> Fixed:
        """The text in simplified characters, its Chinese words written in pinyin read in characters and its English
        slips read as the words meant."""
        plain = simplified(text)
        read = self.romanized_words(plain)  # (start, end, the words read) of the text's slips
        for match in _ENGLISH.finditer(plain):
            if any(start < match.end() and match.start() < end for start, end, _ in read):
                continue
            meant = self.meant(match.group())
            if meant is not None:
                read.append((match.start(), match.end(), meant))
        if not read:
            if plain == text:
                return Fixed.as_typed(text)
            return Fixed(text, plain, tuple(range(len(text))), tuple(range(1, len(text) + 1)))
        chars: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        slips: list[tuple[str, str]] = []
        last = 0
        for start, end, meant in sorted(read):
            for i in range(last, start):
                chars.append(plain[i])
                starts.append(i)
                ends.append(i + 1)
            chars += list(meant)
            starts += [start] * len(meant)
            ends += [end] * len(meant)
            slips.append((plain[start:end], meant))
            last = end
        for i in range(last, len(plain)):
            chars.append(plain[i])
            starts.append(i)
            ends.append(i + 1)
        return Fixed(text, "".join(chars), tuple(starts), tuple(ends), tuple(slips))

    # -- Chinese words in pinyin ---------------------------------------------------------------------------------

    def _spellings(self) -> dict[str, list[tuple[int, int, str, frozenset[int]]]]:
        """Toneless pinyin, its syllables run together -> the Chinese words it spells: (tier, how many characters are
        read by a reading not their first, the word, where its syllables break)."""
        if self._spelled is None:
            spelled: dict[str, list[tuple[int, int, str, frozenset[int]]]] = {}
            seen: set[str] = set()
            for tier, words in enumerate(self.romanized):
                for word in sorted(set(words) - seen):
                    seen.add(word)
                    if len(word) < MIN_SYLLABLES or not _CJK_ONLY.fullmatch(word):
                        continue
                    readings = [all_syllables(ch) for ch in word]
                    if not all(readings) or math.prod(map(len, readings)) > 64:
                        readings = [r[:1] for r in readings]
                        if not all(readings):
                            continue
                    for choice in itertools.product(*(list(enumerate(r)) for r in readings)):
                        said = "".join(r for _, r in choice)
                        breaks = frozenset(itertools.accumulate(len(r) for _, r in choice))
                        others = sum(1 for i, _ in choice if i)
                        spelled.setdefault(said, []).append((tier, others, word, breaks))
            self._spelled = spelled
        return self._spelled

    def romanized_words(self, text: str) -> list[tuple[int, int, str]]:
        """Chinese words written in pinyin: (start, end, the Chinese word) for each run of words spelling one, the
        longest run from each word; words the interpreter knows and words all of the English language are English."""
        if not self.romanized:
            return []
        words = list(_ROMAN.finditer(text))
        found: list[tuple[int, int, str]] = []
        i = 0
        while i < len(words):
            taken = None
            for j in range(min(len(words), i + MAX_ROMAN_WORDS), i, -1):
                run = words[i:j]
                if any(text[a.end() : b.start()] not in (" ", "-") for a, b in itertools.pairwise(run)):
                    continue
                meant = self._spelled_as(run)
                if meant is not None:
                    taken = (run[0].start(), run[-1].end(), meant, j)
                    break
            if taken is None:
                i += 1
                continue
            found.append(taken[:3])
            i = taken[3]
        return found

    def _spelled_as(self, run: list[re.Match[str]]) -> str | None:
        """The one Chinese word a run of words spells in pinyin, its breaks (between words, at apostrophes) the breaks
        of its syllables; None when it spells none, or two of one tier as likely."""
        lower = [m.group().lower().replace("’", "'") for m in run]
        if any(w.replace("'", "") in self.known for w in lower) or all(w in _english_words() for w in lower):
            return None
        said, cuts, at = "", set(), 0
        for word in lower:
            for syllable in word.split("'"):
                said += syllable
                at += len(syllable)
                cuts.add(at)
        spelled = [s for s in self._spellings().get(said, ()) if cuts <= s[3]]
        if not spelled:
            return None
        best = min((tier, others) for tier, others, _, _ in spelled)
        words = {word for tier, others, word, _ in spelled if (tier, others) == best}
        return words.pop() if len(words) == 1 else None

    # -- Chinese homophones --------------------------------------------------------------------------------------

    def _index(self) -> dict[tuple[str, str, str], list[tuple[str, int]]]:
        """(a neighbour, which side, a reading) -> the labels and where in them a character so read stands beside
        that neighbour: a slip's candidates, looked up by the character typed and its neighbours."""
        if self._sounds is None:
            finals = self.spelling.fuzzy_finals
            sounds: dict[tuple[str, str, str], list[tuple[str, int]]] = {}
            for label in self._label_list:
                for i, ch in enumerate(label):
                    for reading in syllables(ch, finals):
                        if i > 0:
                            sounds.setdefault(("<", label[i - 1], reading), []).append((label, i))
                        else:
                            sounds.setdefault((">", label[1], reading), []).append((label, i))
            self._sounds = sounds
        return self._sounds

    def homophones(self, typed: str, covered: list[tuple[int, int]]) -> list[tuple[int, str, str, str]]:
        """Characters typed for another of the same sound in a label: (where, the label's character, the words
        typed, the label), where no label found covers the character, the longest label read at each."""
        taken = [False] * len(typed)
        for start, end in covered:
            for i in range(start, end):
                taken[i] = True
        index = None
        swaps: list[tuple[int, str, str, str]] = []
        finals = self.spelling.fuzzy_finals
        used_until = -1
        for at, ch in enumerate(typed):
            if taken[at] or not _CJK_ONLY.fullmatch(ch) or at < used_until:
                continue
            index = index if index is not None else self._index()
            best: dict[str, tuple[int, int, str]] = {}  # the label's character -> (length, start, label)
            for reading in syllables(ch, finals):
                candidates = []
                if at > 0:
                    candidates += index.get(("<", typed[at - 1], reading), [])
                if at + 1 < len(typed):
                    candidates += index.get((">", typed[at + 1], reading), [])
                for label, i in candidates:
                    start = at - i
                    if start < 0 or start + len(label) > len(typed) or label[i] == ch:
                        continue
                    if typed[start:at] != label[:i] or typed[at + 1 : start + len(label)] != label[i + 1 :]:
                        continue
                    if self._not_slip(typed, at) or self._a_word(typed, at, start, start + len(label)):
                        continue
                    if best.get(label[i], (0,))[0] < len(label):
                        best[label[i]] = (len(label), start, label)
            if not best or ch in _chinese_dictionary()[1]:
                continue
            longest = max(length for length, _, _ in best.values())
            meant = [(ch_, s, lab) for ch_, (length, s, lab) in best.items() if length == longest]
            if len(meant) != 1:  # two labels as long, read with different characters: which was meant?
                continue
            label_char, start, label = meant[0]
            swaps.append((at, label_char, typed[start : start + len(label)], label))
            used_until = start + len(label)
        return swaps

    def _not_slip(self, typed: str, at: int) -> bool:
        """Whether the character typed stands in a word the data says is typed as it is (免予 of 免予问责)."""
        for word in self.spelling.not_slips:
            first = typed.find(word, max(0, at - len(word) + 1))
            while 0 <= first <= at:
                if at < first + len(word):
                    return True
                first = typed.find(word, first + 1)
        return False

    @staticmethod
    def _a_word(typed: str, at: int, start: int, end: int) -> bool:
        """Whether the words typed are words of the language as they are: the label's place a word, or the character
        typed a word's with characters beside the label's (实施 after a city: not 市, 工作 of 解释工作: not 施工)."""
        words = _chinese_dictionary()[0]
        if typed[start:end] in words:
            return True
        for size in range(2, 5):
            for first in range(max(0, at - size + 1), at + 1):
                last = first + size
                if last <= len(typed) and (first < start or last > end) and typed[first:last] in words:
                    return True
        return False


def english_words(texts: Iterable[str]) -> set[str]:
    """The English words (lower case, letters only) in the texts."""
    return {w.lower() for text in texts for w in re.findall(r"[A-Za-z]+", text)}
