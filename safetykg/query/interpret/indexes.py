"""The interpreter's indexes over the build's labels and its wording: labels by their normal form, the halves of an
activity said apart, the words of organs and levels, places without a rule, the questions' compiled cues, typing
slips (about a second to make: the server makes them in a thread once it has started)."""

import dataclasses
import re
from typing import Any

from safetykg.query.interpret.text import (
    _CJK,
    GAP,
    _compile_cues,
    _forms,
    _long_enough,
    _said,
    _split_pattern,
    _strings,
    normal,
)
from safetykg.query.interpret.wording import Wording
from safetykg.query.questions import Question
from safetykg.query.slips import Slips, english_words


class Indexes:
    """The interpreter's indexes, made once from the build's labels (``vocabulary``), the questions and the wording."""

    def __init__(self, vocabulary: dict[str, Any], questions: dict[str, Question], wording: Wording) -> None:
        self.questions, self.wording = questions, wording
        ignored = set(wording.ignored_labels)
        self.labels: dict[str, set[tuple[str, str]]] = {}  # normal label -> {(type, IRI)}
        # labels of one Chinese character (a province's one-character name): inside other words as often as not,
        # so a value only where it stands alone (``_alone``)
        self.single: dict[str, set[tuple[str, str]]] = {}
        for kind, pairs in vocabulary["terms"].items():
            for label, iri in pairs:
                key = normal(label).strip()
                if key in ignored:
                    continue
                if not _long_enough(key):
                    if len(key) == 1 and _CJK.match(key):  # one character: a value only standing alone (below)
                        self.single.setdefault(key, set()).add((kind, iri))
                    continue
                for form in _forms(key):
                    for said in _said(form, wording.variants, plural=True):
                        self.labels.setdefault(said, set()).add((kind, iri))
        # a verb and its object said apart (听取几次安全生产汇报, 召开一次会议, hear work-safety reports): a label of an
        # activity of four Chinese characters or of English words, its halves (English: its last word and the words
        # before) a few characters (words) apart; one of two characters, words counting times between (开几次会)
        self.split: list[tuple[re.Pattern[str], str]] = [
            (pattern, label)
            for label, senses in self.labels.items()
            if {k for k, _ in senses} == {"activity-kind"}
            and (pattern := _split_pattern(label, wording.label_counting)) is not None
        ]
        # the Chinese words naming an organ or a kind of organ, longest first (a qualifier's value ends before them)
        self.organ_words = sorted(
            (
                label
                for label, senses in self.labels.items()
                if _CJK.search(label) and {"organ", "organ-kind"} & {k for k, _ in senses}
            ),
            key=len,
            reverse=True,
        )
        # English labels of a kind of organ naming it as a part of another kind (office of the work safety committee):
        # the other kind -> (the part's words before ``parting``: office; the part's kind)
        self.parts_of: dict[str, list[tuple[str, str]]] = {}
        for label, senses in self.labels.items():
            kinds = {iri for k, iri in senses if k == "organ-kind"}
            for joining in wording.parting if kinds and not _CJK.search(label) else ():
                head, _, rest = label.partition(f" {joining} ")
                for whole in {iri for k, iri in self.labels.get(rest, ()) if k == "organ-kind"} - kinds if head else ():
                    self.parts_of.setdefault(whole, []).extend((head, kind) for kind in sorted(kinds))
        self.by_first: dict[str, list[str]] = {}  # first character -> the labels starting with it
        for label in self.labels:
            self.by_first.setdefault(label[0], []).append(label)
        # every label of a level, also those too common to name a value on their own (县 of 副县长)
        self.level_words: dict[str, set[str]] = {}
        for label, iri in vocabulary["terms"].get("level", []):
            self.level_words.setdefault(normal(label).strip(), set()).add(iri)
        self.organs = {(kind, place): organ for organ, kind, place in vocabulary.get("organs", [])}
        self.place_words: dict[str, list[str]] = {}  # a place -> its labels (an organ's own name may hold one)
        for label, iri in vocabulary["terms"].get("jurisdiction", []):
            if _long_enough(normal(label).strip()):
                self.place_words.setdefault(iri, []).append(normal(label).strip())
        self.organ_place = {organ: place for organ, _, place in vocabulary.get("organs", [])}
        self.organ_kind = {organ: kind for organ, kind, _ in vocabulary.get("organs", [])}
        self.broader: dict[str, set[str]] = {}  # a concept -> every concept broader than it
        for narrower, broader in vocabulary.get("broader", []):
            self.broader.setdefault(narrower, set()).add(broader)
        for _ in range(4):  # the few steps of the lexicon's hierarchies
            for above in self.broader.values():
                above |= {b for a in list(above) for b in self.broader.get(a, ())}
        # the kinds of organ of one department (their category one of ``departments``: a 公安厅, a 质监局), whose posts are
        # the department's own (its 一把手 is its head, not the Party committee's and government's principal leader)
        self.kind_category = {kind: category.rsplit("#", 1)[-1] for kind, category in vocabulary.get("categories", [])}
        self.department_kinds = {
            kind for kind, category in self.kind_category.items() if category in wording.departments
        }
        self.national = set(vocabulary.get("national", []))  # the places of the rules the others implement
        places_with_rule = {iri for _, iri in vocabulary["terms"].get("jurisdiction", [])}
        self.without_rule = {  # places of the build with no rule (a province above a city that has one)
            normal(label).strip(): label
            for label, iri in vocabulary["terms"].get("place", [])
            if iri not in places_with_rule and _long_enough(normal(label).strip())
        }
        self.without_rule.update({typed: shown for typed, shown in wording.other_places if not _one_character(typed)})
        self.single_without_rule = {  # … and their one-character names, a place only standing alone
            normal(label).strip(): label
            for label, iri in vocabulary["terms"].get("place", [])
            if iri not in places_with_rule and _one_character(normal(label).strip())
        }
        self.single_without_rule.update(
            {typed: shown for typed, shown in wording.other_places if _one_character(typed)}
        )
        self.cues = {qid: _compile_cues(q, wording.variants) for qid, q in questions.items()}
        # words out of scope, and their other wordings (the Work Safety Law, the Production Safety Law)
        self.out_of_scope = tuple(
            dict.fromkeys(said for word in wording.out_of_scope for said in _said(word, wording.variants))
        )
        self.takers: dict[str, int] = {}  # parameter type -> how many questions take it
        for question in questions.values():
            for kind in {p.type for p in question.parameters}:
                self.takers[kind] = self.takers.get(kind, 0) + 1
        # typing slips: an English word is read as one of the labels' and asked phrases' words, a Chinese label
        # typed with a character sounding the same as the label (slips.py)
        english = [label for label in self.labels if not _CJK.search(label)]
        asked = [phrase for q in questions.values() for phrase in q.asked("en")]
        self.label_words = english_words(english)  # every word of an English label (cpc, psb): a word known
        words = {w for w in self.label_words | english_words(asked) if len(w) > 3}
        wording_values = list(dataclasses.asdict(dataclasses.replace(wording, examples=None)).values())  # read once
        wording_words = english_words(
            w for value in wording_values if isinstance(value, tuple) for w in _strings(value)
        )
        # … and a Chinese word of an asked phrase typed so (问则 for 问责)
        pieces = {
            piece
            for q in questions.values()
            for phrase in q.asked("zh")
            for piece in re.split(r"\{\w+\}|" + GAP + "|[^\u3400-\u9fff]", normal(phrase))
            if len(piece) >= 2
        }
        # … and Chinese words written in pinyin: a label's, else a word of an asked phrase or of the wording (细则)
        worded = {
            piece
            for value in wording_values
            for text in _strings(value)
            for piece in re.split("[^\u3400-\u9fff]", normal(text))
            if len(piece) >= 2
        }
        chinese = [label for label in self.labels if _CJK.search(label)]
        self.slips = Slips(
            wording.spelling,
            words,
            words | wording_words,
            [*self.labels, *pieces],
            romanized=(chinese, pieces | worded),
        )


def _one_character(name: str) -> bool:
    """Whether a place's name is one Chinese character (a province's one-character name: a place only standing alone
    or naming what is its own, never wherever the character stands)."""
    return len(name) == 1 and bool(_CJK.match(name))
