"""Ask in words: a question typed in Chinese or English, read as one canned question and its parameters.

Everything the interpreter knows about wording is data: how people ask each question is its header's
``asked`` phrases (``safetykg/data/queries/*.rq``); values are found by their SKOS and RDFS labels in the
published build (every pref, alt and hidden label, longest match first, Chinese without word boundaries);
what is out of scope, the places that have no rule and the words around a free-text value are in
``interpreting.toml`` beside the questions.

How a reading is chosen:

1. The text is normalised (NFKC, lower case) and every label of every parameter type found in it is a
   candidate value; overlapping candidates keep the longest.
2. Each question is scored: its best-matching phrase (more for a longer one, a quarter for each other),
   a half for each parameter filled, less for each value found that it cannot take, and a full point less for
   each required parameter left empty. An organ can also be given as its place and its kind (<place> … <kind of department>).
3. The best reading is **confident** only when a phrase of its question matched, every required parameter
   has exactly one value, nothing out of scope or a place without a rule was named, no free-text value looks
   like words of the question rather than of the rules, and it leads the next reading by a clear margin.
   Otherwise there is no answer: up to three readings are offered, with what is missing
   (``Interpretation.missing``).

The interpreter never imports rdflib and needs no store once built: ``vocabulary_from_store`` reads the labels
once (in a worker, or in the CLI's process) into plain data, and ``Interpreter`` answers in-process.
"""

import dataclasses
import itertools
import math
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from safetykg.core.namespaces import SKG
from safetykg.core.resources import DataFolders, Folders, find_file
from safetykg.query.intent import OUT_OF_SCOPE, IntentModel
from safetykg.query.questions import LITERAL_TYPES, TERM_LABELS, TERM_TYPES, Question
from safetykg.query.slips import SPELLING_FILE, Slips, Spelling, english_words
from safetykg.query.store import QueryStore, run_query

WORDING_FILE = "interpreting.toml"
EXAMPLES_FILE = "asked-examples.tsv"  # questions as people wrote them, for the second opinion (intent.py)
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
_ORGANS = f"SELECT ?organ ?kind ?place WHERE {{ ?organ a <{SKG}Organ> ; <{SKG}organKind> ?kind ; <{SKG}jurisdiction> ?place }}"
_PLACES = f"?term a <{SKG}Jurisdiction> ."
# a rule's document number (新党厅字〔2018〕76号), its own or the promulgating notice's: a name of the rule's place
_NUMBERS = (
    f"SELECT DISTINCT ?term ?label WHERE {{ ?term a <{SKG}Jurisdiction> . "
    "{ ?rule <http://data.europa.eu/eli/ontology#jurisdiction> ?term ; <http://data.europa.eu/eli/ontology#number> ?label } "
    f"UNION {{ ?notice <{SKG}promulgates> ?rule ; <http://data.europa.eu/eli/ontology#number> ?label . "
    '?rule <http://data.europa.eu/eli/ontology#jurisdiction> ?term } FILTER(lang(?label) = "") }'
)
_BROADER = "SELECT ?n ?b WHERE { ?n <http://www.w3.org/2004/02/skos/core#broader> ?b }"
_NATIONAL = f"SELECT DISTINCT ?j WHERE {{ [] <{SKG}implements> ?rule . ?rule <http://data.europa.eu/eli/ontology#jurisdiction> ?j }}"
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
_GAP_STOPS = "。；？！;?!"  # what a phrase's gap does not span: the end of a sentence
_PUNCTUATION = set(" \"'“”‘’「」『』《》?？。.,，!！:：;；、()（）")


class InterpretingError(ValueError):
    """The interpreter's wording file is missing or malformed."""


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


# ---- the vocabulary: labels of every parameter type, read once from the build ---------------------------------


def vocabulary_from_store(store: QueryStore) -> dict[str, Any]:
    """Every label of every term of every parameter type, the places of the build that have no rule, and each
    organ's kind and place: plain data (JSON), so a worker can read it and hand it to the server."""
    terms: dict[str, list[list[str]]] = {}
    for kind, pattern in [*TERM_TYPES.items(), ("place", _PLACES)]:
        rows = run_query(store, TERM_LABELS.format(pattern=pattern))
        terms[kind] = [list(pair) for pair in sorted({(r["label"].value, r["term"].value) for r in rows})]  # type: ignore[union-attr]
    numbers = {(r["label"].value, r["term"].value) for r in run_query(store, _NUMBERS)}  # type: ignore[union-attr]
    terms["jurisdiction"] = [list(pair) for pair in sorted({*map(tuple, terms["jurisdiction"]), *numbers})]
    national = sorted({row["j"].value for row in run_query(store, _NATIONAL)})  # type: ignore[union-attr]
    organs = sorted(
        [row["organ"].value, row["kind"].value, row["place"].value]
        for row in run_query(store, _ORGANS)  # type: ignore[union-attr]
    )
    broader = sorted([row["n"].value, row["b"].value] for row in run_query(store, _BROADER))  # type: ignore[union-attr]
    return {"terms": terms, "organs": organs, "national": national, "broader": broader}


@dataclass(frozen=True)
class Wording:
    """The interpreter's words that are not labels of the graph (``interpreting.toml``)."""

    out_of_scope: tuple[str, ...]  # words that ask about something the rules do not say (GDP, 天气, who is …)
    other_places: tuple[tuple[str, str], ...]  # (name as typed, name shown) of places with no rule anywhere
    term_trim: tuple[str, ...]  # words cut from the ends of a free-text value (的条款, 哪些, the …)
    ignored_labels: tuple[str, ...]  # labels too common to name a value on their own (自治区 …)
    restating: tuple[str, ...] = ()  # words after which a value said again is the same one (i.e., 即)
    excepting: tuple[str, ...] = ()  # words after which the values of the clause are left out (other than, 除了)
    excepting_end: tuple[str, ...] = ()  # words that end what is left out before the clause ends (除了…以外)
    excepting_framed: tuple[str, ...] = ()  # words leaving values out only up to such an end (除…之外)
    negating: tuple[str, ...] = ()  # words right before a value that deny it (不负有…监管职责, without …)
    whether: tuple[str, ...] = ()  # … or that ask whether it holds, ending in such words (有无, or not)
    rest: tuple[str, ...] = ()  # words for the rest of a group (other, 其他): a role said with others left out
    illustrating: tuple[str, ...] = ()  # words after which values are examples of one said before (像, such as)
    illustrating_end: tuple[str, ...] = ()  # words that end the examples before the sentence ends (那种, 之类)
    sentence_words: tuple[str, ...] = ()  # words that make a captured free-text value a piece of a sentence
    searching: tuple[str, ...] = ()  # words asking to search the texts: what follows them in the clause is a term
    qualifying: tuple[str, ...] = ()  # free-text parameters whose value qualifies the organs named after it
    introducing: tuple[str, ...] = ()  # words opening a clause that says who asks (我们是, we are): not what is asked
    ours: tuple[str, ...] = ()  # words saying the rule asked of is the asker's (our rules, 我们自治区的细则)
    own_post: tuple[str, ...] = ()  # words referring to the asker's organ or post (my position, 我们厅): asked about
    asking: tuple[str, ...] = ()  # words making a sentence one that asks (请问, 哪, what, give me)
    background: tuple[str, ...] = ()  # words making a sentence not ending in ? context (听说, 之前, I know, earlier)
    not_ending: tuple[str, ...] = ()  # words whose full stop ends no sentence (e.g., i.e.)
    referring: tuple[str, ...] = ()  # words standing for words given elsewhere (it, 它): a captured term they are
    level_framing: tuple[str, ...] = ()  # words closing a phrase's gap that frame a level (适用于…级: 级)
    level_pointing: tuple[str, ...] = ()  # … and words ending that gap that point at the level (那一级: 那一)
    level_confining: tuple[str, ...] = ()  # words confining to a level the organs or level said after (适用于, 限于)
    level_range: tuple[str, ...] = ()  # words after a level making it a range of levels (县级以上: the text's words)
    in_scope: tuple[str, ...] = ()  # words overlapping out-of-scope words that are in scope (安全生产法律, 谁来当)
    joining: tuple[str, ...] = ()  # words joining the words of one post (市委里…的常委, 分管组织人事工作的常委)
    owning: tuple[str, ...] = ()  # words saying a post is an organ's own, the organ asked of too (党委及其主要负责人)
    alternatives: tuple[str, ...] = ()  # words between two names of one post said otherwise (副省长或副市长, or)
    listing: tuple[str, ...] = ()  # words listing values (、, and): one post's titles at two levels (副省长、副市长)
    distributing: tuple[str, ...] = ()  # words after values listed asking of each of them (各要, respectively)
    correcting: tuple[str, ...] = ()  # words set off between two places correcting the first (不对, no wait)
    correcting_after: tuple[str, ...] = ()  # … words after the first place that are its own (的, 's)
    comparing: tuple[str, ...] = ()  # words before the national rule comparing with it (比中央的多, than the national)
    comparing_joining: tuple[str, ...] = ()  # … words joining it in a clause saying a comparison (与, with)
    comparing_verbs: tuple[str, ...] = ()  # … the words saying so (相比, compare)
    correcting_filler: tuple[str, ...] = ()  # … words of speech said with them (哦, 啊, er, uh)
    correcting_resaying: tuple[str, ...] = ()  # … and words after them saying the value again (是, i mean, the)
    label_pointing: tuple[str, ...] = ()  # words pointing after a label's 的, read through (分管安全的那位副职)
    label_pointing_after: tuple[str, ...] = ()  # … the words they follow (的)
    label_breaking: tuple[str, ...] = ()  # words taking a label's last character from it (会被问责: 会 is "will")
    contrasting: tuple[str, ...] = ()  # question words opening parallel clauses (which …, which …; 哪些…，哪些…)
    both: tuple[tuple[str, str], ...] = ()  # words saying values hold together (既是…又是, both … and …)
    means: tuple[str, ...] = ()  # English words saying by what means, before a verb's -ing form (by retiring)
    only_one: tuple[str, ...] = ()  # words before a place asking if it is the only one (只有<place>, only <place>)
    only_one_after: tuple[str, ...] = ()  # … and after it (<place>是唯一, <place> the only one)
    only_one_whether: tuple[str, ...] = ()  # … asked whether so (是不是只有<place>, is <place> the only one)
    claiming: tuple[str, ...] = ()  # … or said in a claim reported (报道称只有<place>, a source says only <place>)
    every_place: tuple[str, ...] = ()  # words for every place (各地, the local rules): a place said with them is one
    every_place_joining: tuple[str, ...] = ()  # … joined to them by these words (和, and)
    rule_words: tuple[str, ...] = ()  # words naming a place's rule after its name (规定, rules)
    variants: tuple[tuple[str, tuple[str, ...]], ...] = ()  # words said otherwise in a label or phrase (work safety)
    pointing: tuple[str, ...] = ()  # words pointing at a value said elsewhere (this, 该): this department, 该部门
    place_endings: tuple[str, ...] = ()  # words ending a place's Chinese name (市, 县): 遵义市, a place unknown
    place_leading: tuple[str, ...] = ()  # … words before such a name (在, 对), besides a clause's start or a place
    not_in_place_names: str = ""  # … characters no such name holds (的, 副, 各): words of a sentence, not a name
    place_endings_en: tuple[str, ...] = ()  # English words after a place's name (Zunyi City)
    not_place_names: tuple[str, ...] = ()  # … and words before them that are no name (which city, each county)
    glosses: tuple[tuple[str, tuple[str, ...]], ...] = ()  # a qualifier's words -> English for them (有立法权)
    vague_length: tuple[tuple[str, int], ...] = ()  # lang -> the most characters of one word (frequency?, 频次)
    pointed: tuple[tuple[str, tuple[str, ...]], ...] = ()  # parameter type -> the words for one of its values
    say: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> what it says when it does not answer
    what: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> parameter type -> its words
    examples: IntentModel | None = None  # the second opinion, from questions as people wrote them (intent.py)
    spelling: Spelling = field(default_factory=Spelling)  # the words of typing slips (slips.py, spelling.toml)

    @classmethod
    def load(cls, folders: Folders | None = None) -> "Wording":
        folders = DataFolders().layers("queries") if folders is None else folders
        path = find_file(folders, WORDING_FILE)
        if path is None:
            raise InterpretingError(f"no {WORDING_FILE} in {folders}")
        examples = find_file(folders, EXAMPLES_FILE)
        wording = cls.read(path)
        spelling = find_file(folders, SPELLING_FILE)
        if spelling is not None:
            wording = dataclasses.replace(wording, spelling=Spelling.read(spelling))
        return dataclasses.replace(wording, examples=IntentModel.read(examples)) if examples else wording

    @classmethod
    def read(cls, path: Path) -> "Wording":
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as err:
            raise InterpretingError(f"{path}: {err}") from err
        places = []
        for entry in data.get("other_places", []):
            if not isinstance(entry, dict) or "names" not in entry:
                raise InterpretingError(f"{path}: each [[other_places]] needs names = [...]")
            names = [str(n) for n in entry["names"]]
            places += [(normal(n), names[0]) for n in names]
        return cls(
            out_of_scope=tuple(normal(w) for w in data.get("out_of_scope", [])),
            other_places=tuple(places),
            term_trim=tuple(sorted((normal(w) for w in data.get("term_trim", [])), key=len, reverse=True)),
            ignored_labels=tuple(normal(w) for w in data.get("ignored_labels", [])),
            restating=tuple(normal(w) for w in data.get("restating", [])),
            excepting=tuple(normal(w) for w in data.get("excepting", [])),
            excepting_end=tuple(normal(w) for w in data.get("excepting_end", [])),
            excepting_framed=tuple(normal(w) for w in data.get("excepting_framed", [])),
            negating=_words(data, "negating", longest_first=True),
            whether=_words(data, "whether"),
            rest=_words(data, "rest"),
            illustrating=tuple(normal(w) for w in data.get("illustrating", [])),
            illustrating_end=tuple(normal(w) for w in data.get("illustrating_end", [])),
            sentence_words=tuple(normal(w) for w in data.get("sentence_words", [])),
            searching=tuple(normal(w) for w in data.get("searching", [])),
            qualifying=tuple(str(name) for name in data.get("qualifying", [])),
            introducing=_words(data, "introducing"),
            own_post=_words(data, "own_post"),
            ours=_words(data, "ours"),
            asking=_words(data, "asking"),
            background=_words(data, "background"),
            not_ending=_words(data, "not_ending"),
            referring=_words(data, "referring"),
            level_framing=_words(data, "level_framing"),
            level_pointing=_words(data, "level_pointing", longest_first=True),
            level_confining=_words(data, "level_confining"),
            level_range=_words(data, "level_range", longest_first=True),
            in_scope=tuple(normal(w) for w in data.get("in_scope", [])),
            joining=_words(data, "joining"),
            owning=_words(data, "owning"),
            alternatives=_words(data, "alternatives"),
            listing=_words(data, "listing"),
            distributing=_words(data, "distributing"),
            correcting=_words(data, "correcting"),
            label_pointing=_words(data, "label_pointing"),
            label_pointing_after=_words(data, "label_pointing_after"),
            label_breaking=_words(data, "label_breaking"),
            correcting_after=_words(data, "correcting_after", longest_first=True),
            correcting_filler=_words(data, "correcting_filler", longest_first=True),
            comparing=_words(data, "comparing", longest_first=True),
            comparing_joining=_words(data, "comparing_joining", longest_first=True),
            comparing_verbs=_words(data, "comparing_verbs"),
            correcting_resaying=_words(data, "correcting_resaying", longest_first=True),
            contrasting=_words(data, "contrasting"),
            both=tuple((normal(a).strip(), normal(b).strip()) for a, b in data.get("both", [])),
            means=_words(data, "means"),
            every_place=_words(data, "every_place"),
            only_one=_words(data, "only_one"),
            only_one_after=_words(data, "only_one_after"),
            only_one_whether=_words(data, "only_one_whether"),
            claiming=_words(data, "claiming"),
            rule_words=_words(data, "rule_words", longest_first=True),
            every_place_joining=_words(data, "every_place_joining", longest_first=True),
            variants=tuple(
                (normal(words), tuple(normal(o) for o in others)) for words, others in data.get("variants", {}).items()
            ),
            pointing=_words(data, "pointing", longest_first=True),
            pointed=tuple(
                (kind, tuple(sorted((normal(w).strip() for w in words), key=len, reverse=True)))
                for kind, words in data.get("pointed", {}).items()
            ),
            place_endings=_words(data, "place_endings"),
            place_leading=_words(data, "place_leading", longest_first=True),
            not_in_place_names=normal(str(data.get("not_in_place_names", ""))),
            place_endings_en=_words(data, "place_endings_en"),
            not_place_names=_words(data, "not_place_names"),
            glosses=tuple(
                (str(words), tuple(sorted((normal(g).strip() for g in said), key=len, reverse=True)))
                for words, said in data.get("qualifier_glosses", {}).items()
            ),
            vague_length=tuple((str(lang), int(n)) for lang, n in data.get("vague_length", {}).items()),
            say={lang: dict(words) for lang, words in data.get("say", {}).items()},
            what={lang: dict(words) for lang, words in data.get("what", {}).items()},
        )


# ---- the reading ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str  # as typed

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Mention:
    """A value found in the text: where, and every (type, IRI) its words are a label of."""

    span: Span
    senses: tuple[tuple[str, str], ...]

    def iris(self, kind: str) -> set[str]:
        return {iri for k, iri in self.senses if k == kind}


@dataclass
class Reading:
    question: str
    params: dict[str, str]
    score: float
    cue: float
    evidence: list[dict[str, Any]]
    missing: list[str] = field(default_factory=list)  # required parameters with no value
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # a parameter with several values
    doubts: list[str] = field(default_factory=list)  # free-text values that look like no term of the rules
    terms: list[Span] = field(default_factory=list)  # where its free-text values stand
    aside: list[tuple[str, str]] = field(default_factory=list)  # (organ, words): named, yet not its value
    values: list[Span] = field(default_factory=list)  # the words of the values it takes
    left: list[Span] = field(default_factory=list)  # a department named by its place and kind, left aside (a doubt)

    def as_alternative(self, confidence: float) -> dict[str, Any]:
        return {"question": self.question, "params": dict(self.params), "confidence": round(confidence, 3)}


@dataclass
class Interpretation:
    """The contract of ``safetykg interpret``, ``GET /interpret`` and the search page."""

    question: str | None
    params: dict[str, str]
    confident: bool
    confidence: float
    evidence: list[dict[str, Any]]
    alternatives: list[dict[str, Any]]
    missing: list[dict[str, str]] = field(default_factory=list)  # why it is not confident: (reason, detail)

    def as_json(self) -> dict[str, Any]:
        """Exactly the published contract's keys (``missing`` is said in words by the CLI and the pages)."""
        return {
            "question": self.question,
            "params": self.params,
            "confident": self.confident,
            "confidence": self.confidence,
            "evidence": self.evidence,
            "alternatives": self.alternatives,
        }


Phrases = tuple[list[tuple[float, Span, dict[str, Span]]], list[tuple[Span, bool]]]


class Interpreter:
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
        # before) a few characters (words) apart
        self.split: list[tuple[re.Pattern[str], str]] = [
            (pattern, label)
            for label, senses in self.labels.items()
            if {k for k, _ in senses} == {"activity-kind"} and (pattern := _split_pattern(label)) is not None
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
        self.broader: dict[str, set[str]] = {}  # a concept -> every concept broader than it
        for narrower, broader in vocabulary.get("broader", []):
            self.broader.setdefault(narrower, set()).add(broader)
        for _ in range(4):  # the few steps of the lexicon's hierarchies
            for above in self.broader.values():
                above |= {b for a in list(above) for b in self.broader.get(a, ())}
        self.national = set(vocabulary.get("national", []))  # the places of the rules the others implement
        places_with_rule = {iri for _, iri in vocabulary["terms"].get("jurisdiction", [])}
        self.without_rule = {  # places of the build with no rule (a province above a city that has one)
            normal(label).strip(): label
            for label, iri in vocabulary["terms"].get("place", [])
            if iri not in places_with_rule and _long_enough(normal(label).strip())
        }
        self.without_rule.update({typed: shown for typed, shown in wording.other_places})
        self.single_without_rule = {  # … and their one-character names, a place only standing alone
            normal(label).strip(): label
            for label, iri in vocabulary["terms"].get("place", [])
            if iri not in places_with_rule and len(normal(label).strip()) == 1 and _CJK.match(normal(label).strip())
        }
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
        words = {w for w in english_words([*english, *asked]) if len(w) > 3}
        wording_words = english_words(
            w
            for value in dataclasses.asdict(dataclasses.replace(wording, examples=None)).values()
            if isinstance(value, tuple)
            for w in _strings(value)
        )
        # … and a Chinese word of an asked phrase typed so (问则 for 问责)
        pieces = {
            piece
            for q in questions.values()
            for phrase in q.asked("zh")
            for piece in re.split(r"\{\w+\}|" + GAP + "|[^\u3400-\u9fff]", normal(phrase))
            if len(piece) >= 2
        }
        self.slips = Slips(wording.spelling, words, words | wording_words, [*self.labels, *pieces])

    # -- finding values ----------------------------------------------------------------------------------------

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
            if ch in self.single and _alone(typed, start):
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
                said = typed[mention.span.start : end]
                for other in self.wording.rest:
                    label = f"{other} {said}" if _LATIN.match(said[:1]) else f"{other}{said}"
                    plural = ("s", "es") if _LATIN.match(label[-1]) else ()
                    forms = (
                        label,
                        *(label + p for p in plural),
                        *(label[: -len(p)] for p in plural if label.endswith(p)),
                    )
                    senses = {(k, iri) for form in forms for k, iri in self.labels.get(form, ()) if k == "role"}
                    if senses:
                        span = Span(mention.span.start, end, text[mention.span.start : end])
                        kept[kept.index(mention)] = Mention(span, tuple(sorted(senses)))
                        kept = [m for m in kept if m.span == span or not m.span.overlaps(span)]
                        break
        return kept

    def _said_once(self, text: str, typed: str, mentions: list[Mention]) -> list[Mention]:
        """The values the question asks about: not those of a clause after words that leave them out (the deputies
        other than the head), nor a value said again after words that restate (the rest of the team, i.e. …), nor
        examples of a value said before them (行业主管部门……像教育、民政那种) or set off in commas (departments, such as
        finance, …), nor departments listed beside the type they are examples of (人社、财政、宣传等保障义务部门), nor a
        place said together with every place (中央和各地, the national rule and the local ones: the places compared),
        nor a value said denied (不负有安全生产监管职责的部门: what the departments asked about are not)."""
        kept: list[Mention] = []
        listed = self._listed_with_type(typed, mentions)
        set_off = self._set_off_examples(text, typed) + self._examples(typed, in_commas=True)
        for mention in mentions:
            if self._illustrating(typed, mention, kept) or mention in listed or self._with_every_place(typed, mention):
                continue
            if any(a.start <= mention.span.start and mention.span.end <= a.end for a in set_off):
                continue
            before = typed[: mention.span.start]
            clause = re.split(f"[{_CLAUSE.replace(chr(92) + 's', '')}]", before)[-1]
            left_out = [s + len(word) for word in self.wording.excepting for s in _occurrences(clause, word)]
            if left_out and not any(end in clause[max(left_out) :] for end in self.wording.excepting_end):
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
        # … its other values kept when the sentence that asks refers to them (… 它排第几？, which regulate it?)
        refers = any(_occurrences(s.text, w) for s in asking for w in self.wording.referring)
        kept = [
            m for m in mentions if not within(m, context) or (m not in placed and refers) or (m in placed and not asked)
        ]
        if asked:
            kept = [m for m in kept if m not in placed or within(m, asking) or m.senses in asked]
        return kept, context

    def _set_off_examples(self, text: str, typed: str) -> list[Span]:
        """Words set off in dashes or brackets that end in words ending examples (departments expected to back up
        work safety - finance, HR, organization and the like -; 部门（财政、人社等）): examples of what is said
        before them, not values of their own."""
        spans = []
        for match in _SET_OFF.finditer(text):  # the dashes are spaces in the normal text
            group = 1 if match.group(1) else 2
            said = typed[match.start(group) : match.end(group)].strip()
            words = said.rstrip(".")
            if any(  # … or in an ellipsis (sector authority, supervisor, ...)
                (words.endswith(end) and (_CJK.search(end) or _occurrences(words, end))) or said.endswith(end)
                for end in self.wording.illustrating_end
            ):
                spans.append(Span(match.start(group), match.end(group), match.group(group)))
        return spans

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
        one value, over the words of both."""
        kept: list[Mention] = []
        for mention in mentions:
            kept.append(mention)
            while len(kept) > 1:
                last, then = kept[-2], kept[-1]
                if not (
                    {k for k, _ in last.senses} == {"role"} == {k for k, _ in then.senses}
                    and self._joined(typed, last, then, alternatives=True)
                ):
                    break
                depth = [max(len(self.broader.get(iri, ())) for _, iri in m.senses) for m in (last, then)]
                if depth[0] == depth[1]:
                    break
                post = last if depth[0] > depth[1] else then
                start, end = last.span.start, then.span.end
                kept[-2:] = [Mention(Span(start, end, text[start:end]), post.senses)]
        return kept

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

    def places_without_rule(self, text: str, typed: str, taken: list[Span]) -> list[tuple[Span, str]]:
        found = []
        for label, shown in self.without_rule.items():
            for start in _occurrences(typed, label):
                span = Span(start, start + len(label), text[start : start + len(label)])
                if not any(span.overlaps(t) for t in taken):
                    found.append((span, shown))
        for start, ch in enumerate(typed):
            if ch in self.single_without_rule and _alone(typed, start):
                span = Span(start, start + 1, text[start])
                if not any(span.overlaps(t) for t in taken):
                    found.append((span, self.single_without_rule[ch]))
        found.sort(key=lambda f: (f[0].start - f[0].end, f[0].start))  # the longest name of a place, once
        kept: list[tuple[Span, str]] = []
        for span, shown in found:
            if not any(span.overlaps(k) for k, _ in kept):
                kept.append((span, shown))
        return kept

    # -- reading a question ------------------------------------------------------------------------------------

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
        crossing = [
            h
            for h in hits
            if any(
                h[1].overlaps(m.span)
                and not (h[1].start <= m.span.start and m.span.end <= h[1].end)
                and (
                    not (m.span.start <= h[1].start and h[1].end <= m.span.end)
                    or (m.span.start < h[1].start and h[1].end < m.span.end and not {k for k, _ in m.senses} & kinds)
                )
                for m in mentions
            )
        ]
        if crossing:
            hits = [h for h in hits if h not in crossing]
            wording = [w for w in wording if not any(w[0].overlaps(h[1]) for h in crossing)]
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
        for parameter in question.parameters:
            if parameter.type in LITERAL_TYPES:
                captured = [h[2][parameter.name] for h in hits if parameter.name in h[2]]
                # … words referring to them captured (which provisions contain it?) stand for words given elsewhere
                if captured and all(
                    normal(c.text).strip("".join(_PUNCTUATION)) in self.wording.referring for c in captured
                ):
                    captured = []
                literal = next(
                    (
                        lit
                        for lit in literals or []
                        if not any(lit.overlaps(u) for u in used)
                        and (not captured or any(c.start <= lit.start and lit.end <= c.end for c in captured))
                    ),
                    None,
                )
                if literal is not None:
                    taken[parameter.name] = (literal.text, literal)
                    used.append(literal)
        # values first, then free text: a value at the edge of a captured phrase is not part of it
        for parameter in sorted(question.parameters, key=lambda p: p.type in LITERAL_TYPES):
            if parameter.type in LITERAL_TYPES:
                value = taken.get(parameter.name) or self._free_text(parameter.name, hits, text, used)
                framed = value is None and parameter.name in self.wording.qualifying
                # read by where it stands, not captured: other phrases' words in it do not make it a sentence
                if framed:
                    value = self._level_in_gap(text, typed, hits, wording, mentions)
                # … or a range of levels said (县级以上, county level and above): the text's words (in English, its
                # gloss below, or doubtful)
                if framed and value is None:
                    ranges = [r for r in self._level_ranges(typed) if not any(r.overlaps(u) for u in used)]
                    value = (text[ranges[0].start : ranges[0].end], ranges[0]) if len(ranges) == 1 else None
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
                glossed = self._glossed(typed, value, used) if parameter.name in self.wording.qualifying else None
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
            if (
                candidates
                and not parameter.required
                and parameter.type not in ("jurisdiction", "organ")
                and all(any(c.start <= m.span.start and m.span.end <= c.end for c in contrasted) for m in candidates)
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
                organ = self._organ_by_parts(mentions, used)
                if organ:
                    iri, spans = organ
                    iris, candidates = [iri], []
                    used += spans
                    evidence.append({"text": " ".join(s.text for s in spans), "param": parameter.name, "value": iri})
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
            if len(iris) > 1 and parameter.type not in ("organ", "role"):
                broadest = [iri for iri in iris if all(iri == o or iri in self.broader.get(o, ()) for o in iris)]
                iris = broadest or iris
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
        level = next((p.name for p in question.parameters if p.type == "level"), None)
        confined = [(w, typed.rfind(w)) for w in self.wording.level_confining if w in typed]
        stating = posts or [
            m.span
            for m in mentions
            if m.iris("organ-kind")
            and not m.iris("organ")
            and any(0 <= m.span.start - (at + len(w)) <= LONG_VALUE for w, at in confined)
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
        place_spans = [m.span for m in mentions if m.iris("jurisdiction")]
        unexplained = [
            m
            for m in mentions
            if not any(m.span.overlaps(u) for u in used)
            and {k for k, _ in m.senses} != {"level"}
            and not (
                _generic(m)
                and not any(n.start - NEAR <= m.span.end and m.span.start <= n.end + NEAR for n in place_spans)
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
        # … and a kind of organ said between two of its phrases in one sentence (what failings can get a <place> Party
        # committee held to account) is what the question is asked of, not left aside
        unexplained = [m for m in unexplained if not _between_phrases(typed, m.span, hits)]
        # a department named by its place and kind that the reading leaves aside (a city's emergency management
        # bureau's duties, where the build has no such organ; or one of no organ of the build said as the place's:
        # <place>'s tourism department) is what is asked about: not answered by a question about something else
        left = [
            m.span
            for m in unexplained
            if {k for k, _ in m.senses} <= {"organ", "organ-kind"}
            and any(
                n.end == m.span.start
                or (n.end < m.span.start and n.end + 1 >= m.span.start)
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

    def _level_of(self, words: str) -> set[str]:
        """The levels whose labels a post's words hold (副县长: 县, the county level; county head: county)."""
        return {iri for label, iris in self.level_words.items() if label and _occurrences(words, label) for iri in iris}

    def _level_ranges(self, typed: str) -> list[Span]:
        """A level's words followed by words making it a range of levels (``level_range``: 县级以上, county level and
        above): the text's own words for the levels, not one level."""
        found: list[Span] = []
        for label in sorted((w for w in self.level_words if w), key=len, reverse=True):
            for start in _occurrences(typed, label):
                end = start + len(label)
                after = len(typed[end:]) - len(typed[end:].lstrip(" "))
                word = next(
                    (w for w in self.wording.level_range if _occurrences(typed[end + after :], w)[:1] == [0]), None
                )
                if word is None or (after and _CJK.match(word)):
                    continue
                span = Span(start, end + after + len(word), typed[start : end + after + len(word)])
                if not any(span.overlaps(f) for f in found):
                    found.append(span)
        return found

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
        self, name: str, hits: list[tuple[float, Span, dict[str, Span]]], text: str, used: list[Span]
    ) -> tuple[str, Span] | None:
        """The value a phrase captured for a free-text parameter, without quotes, punctuation and the words
        around it that are not the value (interpreting.toml: term_trim)."""
        for _, _, captured in hits:
            span = captured.get(name)
            if span is None:
                continue
            start, end = span.start, span.end
            quoted = _QUOTED.search(text, start, end)  # words in quotes are the value: 提到了“一岗双责”
            if quoted:
                start, end = quoted.start(1), quoted.end(1)
            changed = True
            while changed and start < end:
                changed = False
                for value in used:  # another parameter's value inside it belongs to that parameter (… in <place>)
                    if value.start < end and value.end > start:
                        if value.start - start >= end - value.end:
                            end = value.start
                        else:
                            start = value.end
                        changed = True
                if start >= end:
                    break
                typed = normal(text[start:end])
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
            if start < end:
                return text[start:end], Span(start, end, text[start:end])
        return None

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

    def _organ_by_parts(self, mentions: list[Mention], used: list[Span]) -> tuple[str, list[Span]] | None:
        """An organ given as a place and a kind (<place> … <kind of department>): the one organ of that kind there."""
        free = [m for m in mentions if not any(m.span.overlaps(u) for u in used)]
        places = [(m, iri) for m in free for iri in m.iris("jurisdiction")]
        kinds = [(m, iri) for m in free for iri in m.iris("organ-kind")]
        found = [
            (self.organs[(kind, place)], (pm.span, km.span))
            for pm, place in places
            for km, kind in kinds
            if (kind, place) in self.organs
        ]
        if len({organ for organ, _ in found}) != 1:
            return None
        # … its place said more than once (依某省细则，某省住房和城乡建设厅): the one said nearest its kind
        organ, spans = min(found, key=lambda f: abs(f[1][1].start - f[1][0].end))
        return organ, list(spans)

    # -- the interpretation ------------------------------------------------------------------------------------

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
        typed = normal(text)
        found_labels = self._the_rest(text, typed, self._corrected(typed, self.mentions(text, typed)))
        posts = self._one_post(text, typed, self._said_once(text, typed, found_labels))
        askers = self._the_askers_own(typed, posts)
        mentions = [m for m in self._about_the_asker(typed, posts) if m not in askers]
        mentions, context = self._in_context(typed, mentions)  # the sentence that asks, and sentences of context
        # a level's words in a range of levels (县级以上, county level and above) are the text's words, not that level
        ranges = self._level_ranges(typed) if self.wording.level_range else []
        if ranges:
            mentions = [
                Mention(m.span, tuple(s for s in m.senses if s[0] != "level"))
                if any(m.span.overlaps(r) for r in ranges)
                else m
                for m in mentions
            ]
            mentions = [m for m in mentions if m.senses]
        stems, where = stemmed(typed)
        found = {qid: self.phrases(q, text, stems, where, mentions) for qid, q in self.questions.items()}
        # a phrase beginning inside examples set in the sentence (what conduct, such as lobbying for the unit
        # responsible for an accident, counts as grounds …: not the accident's grade, nor who is responsible) is not
        # how its question is asked
        # … nor is a phrase inside the words of a value said denied (departments that do not have work-safety
        # supervisory duties: not the supervisory designation's question)
        denied = [Span(m.span.start, m.span.end, "") for m in found_labels if self._negated(typed, m)]
        # … nor one beginning inside the asker's own organ or post (I work in <city>'s safety committee office: not the
        # committee; I'm a county-level official …: not the level)
        for example in [*self._examples(typed), *denied, *(Span(m.span.start, m.span.end, "") for m in askers)]:
            for qid, (hits, wording) in found.items():
                inside = [
                    h
                    for h in hits
                    if example.start <= h[1].start < example.end and (example not in denied or h[1].end <= example.end)
                ]
                if inside:
                    found[qid] = (
                        [h for h in hits if h not in inside],
                        [w for w in wording if not any(w[0].overlaps(h[1]) for h in inside)],
                    )
        searched = self._searched(typed)
        # … and so are words in quotes that a phrase asking for words captured (contain the words "safety committee")
        for qid, question in self.questions.items():
            if any(p.type in LITERAL_TYPES for p in question.parameters):
                for hit in found[qid][0]:
                    for value in hit[2].values() if not _bare(text, hit) else ():
                        for quoted in _LITERAL.finditer(text, value.start, value.end):
                            group = 1 if quoted.group(1) else 2
                            searched.append(Span(quoted.start(group), quoted.end(group), quoted.group(group)))
        if searched:  # words to search for are a term, not how another question is asked (搜索述职: not 述职)
            for qid, question in self.questions.items():
                if not any(p.type in LITERAL_TYPES for p in question.parameters):
                    hits, wording = found[qid]
                    inside = [h for h in hits if any(s.start <= h[1].start and h[1].end <= s.end for s in searched)]
                    if inside:
                        found[qid] = (
                            [h for h in hits if h not in inside],
                            [w for w in wording if not any(w[0].overlaps(h[1]) for h in inside)],
                        )
        # words in quotes alone do not ask to search the texts when a question is asked in words of its own: people
        # quote what they ask about (以“行业主管部门”的身份出现), or a figure of speech (超出…的“自选动作”)
        bare = {qid: [h for h in hits if _bare(text, h)] for qid, (hits, _) in found.items()}
        asked = {qid for qid, (hits, _) in found.items() if len(hits) > len(bare[qid])}
        for qid, (hits, wording) in found.items():
            if hits and len(bare[qid]) == len(hits) and asked - {qid}:
                found[qid] = ([], [w for w in wording if not any(w[0].overlaps(h[1]) for h in hits)])
        words = [(qid, w) for qid, (_, wording) in found.items() for w, _ in wording]
        given = [g for g in _literals(text, typed) if not any(c.start <= g.start and g.end <= c.end for c in context)]
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
        readings = [
            self.read(q, text, typed, mentions, found[q.id], [w for qid, w in words if qid != q.id], literals, given)
            for q in self.questions.values()
        ]
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
        # a reading asked only in words of the best one's phrases (哪一级 of 追责…哪一级, held to account of still…held
        # to account) is how the best is asked, not a rival
        own_words = [w for w, _ in found[best.question][1]] if best is not None and best.cue > 0 else []
        rivals = [
            r
            for r in readings[1:]
            if r.cue > 0
            and not all(
                any(w.start <= h[1].start and h[1].end <= w.end for w in own_words) for h in found[r.question][0]
            )
            and not (within_value and self._inside_values(found[r.question][0], mentions, r.question))
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
        # a reading without a phrase that scores above the best with a value only its question takes (a measure,
        # a hazard) still stands in its way: which rules … a warning talk — the rules, or the measure?
        if best is not None and any(r.cue <= 0 and r.score > best.score and self._telling(r) for r in readings[1:]):
            second = max(second, best.score)
        # nor does a reading that would lead were its one unsettled value settled (公安部门: of which place?): the
        # words may ask that question of an organ not named in full rather than the best one of nothing
        # nor does a reading asked in stronger words than the best, in a sentence of its own, that lacks one value the
        # words do not give of a type the best takes too (干部隐瞒事故会被追责吗？把问责情形列出来: the triggers, of which
        # place? — not every place's accident grades, of 事故…追责 in the sentence before)
        if best is not None and best.cue > 0 and found[best.question][0]:
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
                    second = max(second, best.score)
        # … nor, when the best reading's question takes no value at all (the overview of every rule), does a reading
        # asked in the same sentence in words of its own about as strong (ASKED_AS_STRONG) that lacks only values the
        # words do not give: the words may ask that question, its values unsaid, rather than one of everything (which
        # articles count as local additions: of which place? — not the overview, of "articles count")
        if (
            best is not None
            and best.cue > 0
            and found[best.question][0]
            and not self.questions[best.question].parameters
        ):
            for r in rivals:
                if (
                    r.missing
                    and not r.ambiguous
                    and not r.doubts
                    and r.cue >= ASKED_AS_STRONG * best.cue
                    and not _apart(typed, found[best.question][0][0][1], found[r.question][0][0][1])
                ):
                    second = max(second, best.score)
        # … nor does a reading comparing with the national rule, asked in stronger words than the best that takes
        # the national rule's place, lacking the local place (how well has the national rule been taken up at the
        # local level: the national rule is what is compared with, not the place asked about)
        if best is not None and best.cue > 0 and set(best.params.values()) & self.national:
            for r in readings[1:]:
                if (
                    self.questions[r.question].against_national
                    and r.cue > best.cue
                    and len(r.missing) == 1
                    and not r.ambiguous
                    and not r.doubts
                ):
                    second = max(second, best.score)
        # … nor does a reading asked in stronger words than the best that lacks only an organ, when the words name a
        # kind of organ and no place (what must the public security bureau do, how often must its chief inspect: the
        # bureau of which place? — not every place's frequencies): the words ask it of an organ not named in full
        kinds_said = any(m.iris("organ-kind") for m in mentions) and not any(m.iris("jurisdiction") for m in mentions)
        if best is not None and best.cue > 0 and kinds_said:
            for r in rivals:
                lacking = [p for p in self.questions[r.question].parameters if p.name in r.missing]
                if (
                    r.cue > best.cue
                    and len(lacking) == 1
                    and lacking[0].type == "organ"
                    and not r.ambiguous
                    and not r.doubts
                ):
                    second = max(second, best.score)
        unsettled = [r for r in readings[1:] if r.cue > 0 and r.ambiguous and not r.missing]
        if best is not None and any(r.score + 0.5 * len(r.ambiguous) >= best.score for r in unsettled):
            second = max(second, best.score)
        # nor does a reading whose words stand in the gap of the best one's phrase (什么情况下可以从轻问责: 从轻 in the
        # gap of 什么情况下…问责), or of another of its phrases when it is asked in words of its own beside them
        # (哪些情形下从重追究责任，哪些情形减轻: 从重 in 哪些情形下…追究, 减轻 beside): the words in the gap may be what is asked
        if best is not None and best.cue > 0 and found[best.question][0]:
            hits, wording = found[best.question]
            own = [w for w, _ in wording]
            for rival in readings[1:]:
                if rival.cue <= 0 or rival.missing or rival.ambiguous or _leaves_aside(rival, best):
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
                if any(
                    _in_gap(w, phrase, own) or _qualifies(w, phrase, text, own, self.wording.means)
                    for phrase in frames
                    for w in self._not_every_place(best.question, [w for w, _ in rival_words])
                ):
                    second = max(second, best.score)
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
                if not any(w.start <= start and start + len(word) <= w.end for w in [*within, *labelled]) and not any(
                    said.overlaps(w) for w in overlapping
                ):
                    reasons.append({"reason": "out-of-scope", "detail": text[start : start + len(word)]})
                    break  # said as the question says it, once
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
        if best is not None and not mentions and self._one_word(typed):
            reasons.append({"reason": "vague", "detail": text.strip()})
        # words pointing at a value the text never says (this department's leadership, 该部门的频次要求: which one?)
        for span in self._pointed_unsaid(typed, mentions, bool(without_rule)):
            reasons.append({"reason": "unsaid", "detail": text[span.start : span.end]})
        if best is None or best.cue <= 0:
            reasons.append({"reason": "no-question", "detail": ""})
        else:
            reasons += [{"reason": "missing", "detail": name} for name in best.missing]
            reasons += [  # one value, its place unsaid: missing (say which organ, with its place)
                {"reason": "ambiguous" if len(iris) > 1 else "missing", "detail": name}
                for name, iris in best.ambiguous.items()
            ]
            reasons += [{"reason": "doubtful", "detail": term} for term in best.doubts]
            if best.score - second < MARGIN:
                reasons.append({"reason": "close", "detail": readings[1].question})
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

    def _takes_place(self, qid: str) -> bool:
        """Whether a question takes a place: a jurisdiction, or an organ (said with its place)."""
        return any(p.type in ("jurisdiction", "organ") for p in self.questions[qid].parameters)

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
        return found

    def _one_word(self, typed: str) -> bool:
        """Whether the text is one word and nothing else (frequency?, 频次): no more characters than a word of its
        language has (``vague_length``), with no space inside."""
        words = typed.strip().strip("".join(_CLAUSE_END) + "\"'.…").strip()
        if not words or " " in words:
            return False
        lang = "zh" if _CJK.search(words) else "en"
        most = dict(self.wording.vague_length).get(lang, 0)
        return len(words) <= most and (lang == "zh" or words.isalpha())

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
                    said = [m for m in mentions if m.span.start != at and {k for k, _ in m.senses} & senses]
                    if label and any(  # a place right before: that place's department of the kind (<place>那个教育厅)
                        m.span.end == start and {k for k, _ in m.senses} & kinds_of["jurisdiction"] for m in mentions
                    ):
                        continue
                    if not said and not (kind == "jurisdiction" and place_without_rule):
                        found.append(Span(start, end, typed[start:end]))
        return found

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

    def _searched(self, typed: str) -> list[Span]:
        """The words after a word asking to search the texts (搜索, full-text search for), to the clause's end."""
        spans = []
        for word in self.wording.searching:
            for start in _occurrences(typed, word):
                begin = start + len(word)
                while begin < len(typed) and typed[begin] in ": ":  # 全文检索：容错纠错, full-text search: …
                    begin += 1
                end = next((i for i in range(begin, len(typed)) if typed[i] in _CLAUSE_END), len(typed))
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


def _split_pattern(label: str) -> re.Pattern[str] | None:
    """How a label of four Chinese characters, or of English words, is said with its halves apart in one clause: a
    few characters between (听取…汇报), or a few words before its last (hear … reports, listen to … reports, a plural
    allowed)."""
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
    words: Span, phrase: Span, text: str, own: list[Span] | None = None, means: tuple[str, ...] = ()
) -> bool:
    """Whether words qualify a phrase: Chinese joined right before it (从重 before 追究责任的情形, the circumstances of
    heavier accountability, not any circumstances of accountability), or English words saying by what means, right
    after it (``means`` and a verb's -ing form: escape accountability by retiring — the retiring is what is asked);
    not words of the phrase's own reading (``own``: a rule's name inside a phrase of that reading is how it is asked)."""
    if any(o.start <= words.start and words.end <= o.end for o in own or []):
        return False
    if words.end == phrase.start and 0 < phrase.start < len(text):
        return bool(_CJK.match(text[phrase.start - 1])) and bool(_CJK.match(text[phrase.start]))
    if 0 < phrase.end < words.start <= phrase.end + 1 and not text[phrase.end : words.start].strip():
        said = normal(text[words.start : words.end])
        return any(re.match(re.escape(word) + r" [a-z]+ing\b", said) for word in means)
    return False


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
