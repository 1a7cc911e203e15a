"""The interpreter's words that are not labels of the graph (``interpreting.toml``: ``Wording``), and the labels of
every parameter type read once from the build (``vocabulary_from_store``)."""

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from safetykg.core.errors import SourceError
from safetykg.core.namespaces import SKG
from safetykg.core.resources import DataFolders, Folders, as_layers, find_file, read_toml
from safetykg.query.intent import IntentModel
from safetykg.query.interpret.text import _words, normal
from safetykg.query.questions import TERM_LABELS, TERM_TYPES
from safetykg.query.slips import SPELLING_FILE, Spelling
from safetykg.query.store import QueryStore, run_query

WORDING_FILE = "interpreting.toml"


EXAMPLES_FILE = "asked-examples.tsv"  # questions as people wrote them, for the second opinion (intent.py)


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


# the category of each kind of organ that names one organ of a place (a generic kind names a group of them)
_CATEGORIES = (
    f"SELECT ?kind ?category WHERE {{ ?kind <{SKG}organCategory> ?category "
    f"FILTER NOT EXISTS {{ ?kind <{SKG}genericKind> true }} }}"
)


_NATIONAL = f"SELECT DISTINCT ?j WHERE {{ [] <{SKG}implements> ?rule . ?rule <http://data.europa.eu/eli/ontology#jurisdiction> ?j }}"


class InterpretingError(SourceError):
    """The interpreter's wording file is missing or malformed."""


def vocabulary_from_store(store: QueryStore) -> dict[str, Any]:
    """Every label of every term of every parameter type, the places of the build that have no rule, each organ's
    kind and place, and the category of each kind of organ: plain data (JSON), so a worker can read it and hand it to
    the server."""
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
    categories = sorted(
        [row["kind"].value, row["category"].value]
        for row in run_query(store, _CATEGORIES)  # type: ignore[union-attr]
    )
    return {"terms": terms, "organs": organs, "national": national, "broader": broader, "categories": categories}


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
    excepting_listing: tuple[str, ...] = ()  # English words listing the values left out (other than A and B)
    subject: tuple[str, ...] = ()  # words for the rules' whole subject: left out, what is asked is beyond them
    dismissing: tuple[str, ...] = ()  # words ending or opening a clause whose words are not wanted (不用看, 不要只列)
    negating: tuple[str, ...] = ()  # words right before a value that deny it (不负有…监管职责, without …)
    whether: tuple[str, ...] = ()  # … or that ask whether it holds, ending in such words (有无, or not)
    rest: tuple[str, ...] = ()  # words for the rest of a group (other, 其他): a role said with others left out
    illustrating: tuple[str, ...] = ()  # words after which values are examples of one said before (像, such as)
    illustrating_end: tuple[str, ...] = ()  # words that end the examples before the sentence ends (那种, 之类)
    sentence_words: tuple[str, ...] = ()  # words that make a captured free-text value a piece of a sentence
    searching: tuple[str, ...] = ()  # words asking to search the texts: what follows them in the clause is a term
    mentioning: tuple[str, ...] = ()  # words asking which texts hold the words after them (提到): a term, as searching
    mentioning_describing: tuple[str, ...] = ()  # … words after them describing what follows (提到的那些单位)
    asked_before: tuple[str, ...] = ()  # words referring to a question asked in an earlier turn (刚才那个问题)
    qualifying: tuple[str, ...] = ()  # free-text parameters whose value qualifies the organs named after it
    departments: tuple[str, ...] = ()  # categories of a kind of organ (skg:organCategory) whose posts are its own
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
    belonging: tuple[str, ...] = ()  # words joining an organ to a kind after it, its own (市委的中心组)
    # categories of an organ and of its departments said right after it (a Party committee's working departments)
    departments_of: tuple[tuple[str, str], ...] = ()
    parting: tuple[str, ...] = ()  # English words after a part of an organ, before the organ (office of the …)
    within: tuple[str, ...] = ()  # words after a group of posts saying a post said next is one of it (班子中…的副职)
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
    possessing: tuple[str, ...] = ()  # words saying what follows is the place's own (its, 其)
    label_counting: tuple[str, ...] = ()  # words counting times between a two-character label's verb and object
    contrasting: tuple[str, ...] = ()  # question words opening parallel clauses (which …, which …; 哪些…，哪些…)
    both: tuple[tuple[str, str], ...] = ()  # words saying values hold together (既是…又是, both … and …)
    ranging: tuple[tuple[str, str], ...] = ()  # words saying values are a range's ends (from … to …, 从…到…)
    means: tuple[str, ...] = ()  # English words saying by what means, before a verb's -ing form (by retiring)
    only_one: tuple[str, ...] = ()  # words before a place asking if it is the only one (只有<place>, only <place>)
    only_one_after: tuple[str, ...] = ()  # … and after it (<place>是唯一, <place> the only one)
    only_one_whether: tuple[str, ...] = ()  # … asked whether so (是不是只有<place>, is <place> the only one)
    claiming: tuple[str, ...] = ()  # … or said in a claim reported (报道称只有<place>, a source says only <place>)
    every_place: tuple[str, ...] = ()  # words for every place (各地, the local rules): a place said with them is one
    every_place_joining: tuple[str, ...] = ()  # … joined to them by these words (和, and)
    every_place_listing: tuple[str, ...] = ()  # … or listed before them, named as rules after them (national, …)
    rule_words: tuple[str, ...] = ()  # words naming a place's rule after its name (规定, rules)
    single_naming: tuple[str, ...] = ()  # words after a place's one character naming what is its own (甲省, 甲的)
    purposing: tuple[str, ...] = ()  # words opening a clause saying what the answer is for (for inclusion in)
    framing: tuple[str, ...] = ()  # words ending a clause that says the frame a question is asked in (的视角, thesis)
    citing: tuple[str, ...] = ()  # words opening words in brackets that cite a work (参见, cf.)
    supposing: tuple[str, ...] = ()  # words opening a sentence with a clause that sets a case (假如, suppose)
    telling: tuple[str, ...] = ()  # … and words introducing someone in a clause telling what happened (有个)
    indefinite: tuple[str, ...] = ()  # words saying the kind of organ after them is some one of it (某县政府)
    variants: tuple[tuple[str, tuple[str, ...]], ...] = ()  # words said otherwise in a label or phrase (work safety)
    pointing: tuple[str, ...] = ()  # words pointing at a value said elsewhere (this, 该): this department, 该部门
    describing: tuple[str, ...] = ()  # words after a word for one organ describing it (the department that …)
    spanning: tuple[str, ...] = ()  # words spanning several places, said of organs (across departments): not places
    place_endings: tuple[str, ...] = ()  # words ending a place's Chinese name (市, 县): 遵义市, a place unknown
    place_leading: tuple[str, ...] = ()  # … words before such a name (在, 对), besides a clause's start or a place
    not_in_place_names: str = ""  # … characters no such name holds (的, 副, 各): words of a sentence, not a name
    place_endings_en: tuple[str, ...] = ()  # English words after a place's name (Zunyi City)
    not_place_names: tuple[str, ...] = ()  # … and words before them that are no name (which city, each county)
    level_range_variants: tuple[tuple[str, tuple[str, ...]], ...] = ()  # range words -> said otherwise (以及更往上)
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
            raise InterpretingError(as_layers(folders)[-1] / WORDING_FILE, 1, "the interpreter's wording missing")
        examples = find_file(folders, EXAMPLES_FILE)
        wording = cls.read(path)
        spelling = find_file(folders, SPELLING_FILE)
        if spelling is not None:
            wording = dataclasses.replace(wording, spelling=Spelling.read(spelling))
        return dataclasses.replace(wording, examples=IntentModel.read(examples)) if examples else wording

    @classmethod
    def read(cls, path: Path) -> "Wording":
        """The wording of an interpreting.toml: each list of words read alike (normalised, stripped, longest first
        where ``_LONGEST_FIRST`` says), the tables and the words kept as written by their own readers
        (``_READERS``); a name the wording does not have is an error, not a list silently unused."""
        data = read_toml(path, InterpretingError)
        names = {f.name for f in dataclasses.fields(cls)} - _NOT_READ
        tables = {key for key, _ in _READERS.values()}
        unknown = sorted(set(data) - (names - set(_READERS)) - tables)
        if unknown:
            raise InterpretingError(path, 1, f"no such words of the interpreter: {', '.join(unknown)}")
        values: dict[str, Any] = {}
        for name in names:
            if name in _READERS:
                key, reader = _READERS[name]
                try:
                    values[name] = reader(data.get(key))
                except (TypeError, ValueError, KeyError) as err:
                    raise InterpretingError(path, 1, f"{key}: {err}") from err
            else:
                values[name] = _words(data, name, longest_first=name in _LONGEST_FIRST)
        return cls(**values)


def _other_places(entries: Any) -> tuple[tuple[str, str], ...]:
    """(name as typed, name shown) of each name of each [[other_places]] (its first name shown)."""
    places = []
    for entry in entries or []:
        if not isinstance(entry, dict) or "names" not in entry:
            raise ValueError("each [[other_places]] needs names = [...]")
        names = [str(n) for n in entry["names"]]
        places += [(normal(n), names[0]) for n in names]
    return tuple(places)


def _longest_first(words: Any) -> tuple[str, ...]:
    return tuple(sorted((normal(w).strip() for w in words), key=len, reverse=True))


# the wording's lists of words tried longest first (a longer one must be tried before the words it holds)
_LONGEST_FIRST = frozenset(
    {
        "term_trim",
        "negating",
        "level_pointing",
        "level_range",
        "label_counting",
        "possessing",
        "correcting_after",
        "correcting_filler",
        "comparing",
        "comparing_joining",
        "correcting_resaying",
        "rule_words",
        "every_place_joining",
        "pointing",
        "place_leading",
        "dismissing",
        "framing",
        "citing",
        "supposing",
        "indefinite",
        "asked_before",
    }
)
_NOT_READ = frozenset({"examples", "spelling"})  # read from files of their own (Wording.load)


# the wording's values that are not lists of words: name -> (its key in interpreting.toml, how it is read)
def _names(names: list[Any] | None) -> tuple[str, ...]:
    """Names kept as written (parameter names, category names): not normalised as words are."""
    return tuple(str(name) for name in names or [])


_READERS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "other_places": ("other_places", _other_places),
    "qualifying": ("qualifying", _names),
    "departments": ("departments", _names),
    "both": ("both", lambda pairs: tuple((normal(a).strip(), normal(b).strip()) for a, b in pairs or [])),
    "ranging": ("ranging", lambda pairs: tuple((normal(a).strip(), normal(b).strip()) for a, b in pairs or [])),
    "departments_of": ("departments_of", lambda pairs: tuple((str(a), str(b)) for a, b in pairs or [])),
    "variants": (
        "variants",
        lambda table: tuple(
            (normal(words), tuple(normal(o) for o in others)) for words, others in (table or {}).items()
        ),
    ),
    "pointed": ("pointed", lambda table: tuple((kind, _longest_first(words)) for kind, words in (table or {}).items())),
    "not_in_place_names": ("not_in_place_names", lambda chars: normal(str(chars or ""))),
    "glosses": (
        "qualifier_glosses",
        lambda table: tuple((str(words), _longest_first(said)) for words, said in (table or {}).items()),
    ),
    "level_range_variants": (
        "level_range_variants",
        lambda table: tuple((normal(words), _longest_first(said)) for words, said in (table or {}).items()),
    ),
    "vague_length": ("vague_length", lambda table: tuple((str(lang), int(n)) for lang, n in (table or {}).items())),
    "say": ("say", lambda table: {lang: dict(words) for lang, words in (table or {}).items()}),
    "what": ("what", lambda table: {lang: dict(words) for lang, words in (table or {}).items()}),
}
