"""Canned questions: queries/*.rq files with a ``#+`` YAML header, their parameters, and answering them.

The header (after grlc's convention) gives the title in zh and en, a description in zh and en (``description:
{zh: …, en: …}``; a plain string serves both languages), typed parameters
with examples, and ``columns``: the columns a person sees, in order, each with its zh and en label and
optionally ``link``, the column whose IRI the cell links to. A parameter value may be an IRI or any zh/en/alternative label of a term of its type;
it is bound to the query as an RDF term (``safetykg.query.bindings``), never pasted into the query text.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import yaml

from safetykg.core.errors import SafetykgError
from safetykg.core.namespaces import ELI, ID, SHARED_GRAPHS, SKG, graph_iri
from safetykg.core.resources import DataFolders, Folders, merged_files
from safetykg.query.bindings import with_values
from safetykg.query.store import QueryStore, run_query

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the questions' headers: safe, in C where built

# Parameter types whose values are terms of the graph, and how to find their labels.
TERM_TYPES = {
    "jurisdiction": f"?term a <{SKG}Jurisdiction> . [] <{ELI}jurisdiction> ?term .",  # only places with a rule
    "domain": f"?term a <{SKG}Domain> .",
    "role": f"?term a <{SKG}Role> .",
    "level": f"?term a <{SKG}AdministrativeLevel> .",
    "organ-kind": f"?term a <{SKG}OrganKind> .",
    "organ": f"?term a <{SKG}Organ> ; <{SKG}jurisdiction> [] .",
    "activity-kind": f"?term <http://www.w3.org/2004/02/skos/core#inScheme> <{ID}scheme/activity-kinds> .",
    "designation-type": f"?term <http://www.w3.org/2004/02/skos/core#inScheme> <{ID}scheme/designation-types> .",
    "accountability-measure": f"?term a <{SKG}AccountabilityMeasure> .",
}
LITERAL_TYPES = ("string",)
TERM_LABELS = """SELECT ?term ?label WHERE {{
  {pattern}
  ?term <http://www.w3.org/2004/02/skos/core#prefLabel>|<http://www.w3.org/2004/02/skos/core#altLabel>|<http://www.w3.org/2004/02/skos/core#hiddenLabel>|<http://www.w3.org/2000/01/rdf-schema#label> ?label .
}}"""
# An organ typed as place + department (<place>公安厅): every jurisdiction's labels, with a rule or not, and the
# organ of a kind in a jurisdiction (both bound as RDF terms).
_PLACES = f"?term a <{SKG}Jurisdiction> ."
_ORGANS_OF = (
    f"SELECT ?term ?kind WHERE {{ ?term a <{SKG}Organ> ; <{SKG}organKind> ?kind ; <{SKG}jurisdiction> ?place . }}"
)
_SUCCESSION = (
    f"SELECT ?other WHERE {{ {{ ?other <{SKG}succeededBy> ?kind }} UNION {{ ?kind <{SKG}succeededBy> ?other }} }}"
)


# `(GROUP_CONCAT([DISTINCT] ?x; separator="…") AS ?column)`: a column whose value is a joined list
_GROUP_CONCAT = re.compile(
    r'\(\s*GROUP_CONCAT\(\s*(?:DISTINCT\s+)?\?\w+\s*;\s*separator\s*=\s*"([^"\\]+)"\s*\)\s+AS\s+\?(\w+)\s*\)',
    re.IGNORECASE,
)


class QuestionError(SafetykgError):
    """A question or its parameters are not right; the message says what was expected."""


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    required: bool
    example: str
    description: str


@dataclass(frozen=True)
class ColumnLabel:
    """A column shown to people: its variable, its labels, and ``link``, the variable holding the IRI its cell
    links to (that IRI column is then not shown on its own; a row without it shows the value unlinked)."""

    name: str
    zh: str
    en: str
    link: str | None = None

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Question:
    id: str
    title_zh: str
    title_en: str
    description: str  # in English
    description_zh: str  # in Chinese
    parameters: tuple[Parameter, ...]
    query: str
    path: Path
    scope: str | None = None  # a jurisdiction parameter that confines the question to that rule's graph
    lists: tuple[tuple[str, str], ...] = ()  # (column, separator) of each GROUP_CONCAT column
    columns: tuple[ColumnLabel, ...] = ()  # the columns people see, in order; the others stay in JSON and CSV
    grid: "Grid | None" = None  # how a comparison is laid out side by side for people
    asked_zh: tuple[str, ...] = ()  # how people ask it, in Chinese: the interpreter's trigger phrases
    asked_en: tuple[str, ...] = ()  # … and in English (… a short gap, {name} a free-text parameter's value)
    against_national: bool = False  # it compares a local rule with the national one (named in how it is asked)
    of_posts: bool = False  # it answers for an organ's posts too: a post named with its organ asks it of the organ

    def describe(self, lang: str) -> str:
        """The description in a page's language."""
        return self.description if lang == "en" else self.description_zh

    def asked(self, lang: str) -> tuple[str, ...]:
        """How people ask it in a language (the header's ``asked``)."""
        return self.asked_en if lang == "en" else self.asked_zh


@dataclass(frozen=True)
class Grid:
    """A comparison shown as a grid (``#+ grid: {rows: levelLabel, columns: jurisdictionLabel}``): one row per
    value of ``rows``, one column per value of ``columns``, each cell the answer's rows that have both."""

    rows: str
    columns: str


def parse_question(path: Path) -> Question:
    text = path.read_text(encoding="utf-8")
    header_lines = [line[2:] for line in text.splitlines() if line.startswith("#+")]
    if not header_lines:
        raise QuestionError(f"{path}:1: no '#+' header; expected a YAML header with title, description and params")
    try:
        header = yaml.load(  # a safe loader: libyaml's where PyYAML has it (five times faster at start)
            "\n".join(line[1:] if line.startswith(" ") else line for line in header_lines), Loader=_SAFE_LOADER
        )
    except yaml.YAMLError as err:
        raise QuestionError(f"{path}: the '#+' header is not valid YAML: {err}") from err
    if not isinstance(header, dict) or "title" not in header:
        raise QuestionError(f"{path}:1: the '#+' header needs a title with zh and en")
    params = []
    for entry in header.get("params") or []:
        kind = entry.get("type", "string")
        if kind not in TERM_TYPES and kind not in LITERAL_TYPES:
            raise QuestionError(f"{path}: parameter {entry.get('name')!r} has unknown type {kind!r}")
        params.append(
            Parameter(
                name=entry["name"],
                type=kind,
                required=bool(entry.get("required", True)),
                example=str(entry.get("example", "")),
                description=str(entry.get("description", "")),
            )
        )
    query = "\n".join(line for line in text.splitlines() if not line.startswith("#+"))
    try:
        result = ox.Store().query(query)
    except SyntaxError as err:
        raise QuestionError(f"{path}: the query is not valid SPARQL: {err}") from err
    variables = [v.value for v in result.variables] if isinstance(result, ox.QuerySolutions) else []
    description_zh, description_en = _description(path, text, header.get("description", ""))
    return Question(
        id=path.stem,
        title_zh=header["title"]["zh"],
        title_en=header["title"]["en"],
        description=description_en,
        description_zh=description_zh,
        parameters=tuple(params),
        query=query,
        path=path,
        scope=_scope(path, header, params),
        lists=tuple((m.group(2), m.group(1)) for m in _GROUP_CONCAT.finditer(query)),
        columns=_columns(path, text, header.get("columns"), variables, params),
        grid=_grid(path, header.get("grid"), variables),
        **_asked(path, header.get("asked"), params),
        against_national=bool(header.get("against_national", False)),
        of_posts=bool(header.get("of_posts", False)),
    )


_DESCRIPTION_FORM = "description: {zh: …, en: …} (or one plain string for both)"


def _description(path: Path, text: str, entry: object) -> tuple[str, str]:
    """The header's description as (zh, en): a mapping with both, or one plain string that serves both."""
    if not isinstance(entry, dict):
        same = str(entry or "").strip()
        return same, same
    line = next((i + 1 for i, row in enumerate(text.splitlines()) if re.match(r"#\+ ?description\s*:", row)), 1)
    unknown = sorted(map(str, set(entry) - {"zh", "en"}))
    if unknown:
        raise QuestionError(f"{path}:{line}: description has unknown key(s) {', '.join(unknown)}; {_DESCRIPTION_FORM}")
    for lang in ("zh", "en"):
        if not isinstance(entry.get(lang), str) or not entry[lang].strip():
            raise QuestionError(
                f"{path}:{line}: description needs its {lang} text, a non-empty string: {_DESCRIPTION_FORM}"
            )
    return entry["zh"].strip(), entry["en"].strip()


_ASKED_FORM = "asked: {zh: [phrase, …], en: [phrase, …]}"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _asked(path: Path, entry: object, params: list[Parameter]) -> dict[str, tuple[str, ...]]:
    """How people ask the question (``asked: {zh: [...], en: [...]}``): phrases, where … stands for a short gap
    and {name} for the value of a free-text parameter of the question."""
    if entry is None:
        return {}
    if not isinstance(entry, dict) or not set(entry) <= {"zh", "en"}:
        raise QuestionError(f"{path}: asked must be a mapping of zh and en phrase lists: {_ASKED_FORM}")
    free = {p.name for p in params if p.type in LITERAL_TYPES}
    found: dict[str, tuple[str, ...]] = {}
    for lang, phrases in entry.items():
        if not isinstance(phrases, list) or not all(isinstance(x, str) and x.strip() for x in phrases):
            raise QuestionError(f"{path}: asked.{lang} must be a list of non-empty phrases: {_ASKED_FORM}")
        for phrase in phrases:
            unknown = set(_PLACEHOLDER.findall(phrase)) - free
            if unknown:
                raise QuestionError(
                    f"{path}: asked.{lang} phrase {phrase!r} names {', '.join(sorted(unknown))}, "
                    f"not a free-text parameter of the question ({', '.join(sorted(free)) or 'it has none'})"
                )
        found[f"asked_{lang}"] = tuple(phrases)
    return found


def _grid(path: Path, entry: object, variables: list[str]) -> "Grid | None":
    if entry is None:
        return None
    if not isinstance(entry, dict) or set(entry) != {"rows", "columns"}:
        raise QuestionError(f"{path}: grid must be a mapping with rows and columns (variables of the SELECT)")
    for key in ("rows", "columns"):
        if entry[key] not in variables:
            raise QuestionError(f"{path}: grid {key} {entry[key]!r} is not a variable of the SELECT")
    return Grid(rows=str(entry["rows"]), columns=str(entry["columns"]))


def _scope(path: Path, header: dict[str, object], params: list[Parameter]) -> str | None:
    scope = header.get("scope")
    if scope is None:
        return None
    if not any(p.name == scope and p.type == "jurisdiction" and p.required for p in params):
        raise QuestionError(f"{path}: scope {scope!r} must name a required jurisdiction parameter")
    return str(scope)


def _line(text: str, name: str = "") -> int:
    """The line of the entry ``name:`` under the header's ``columns:`` (that of ``columns:`` itself without one)."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if re.match(r"#\+ ?columns\s*:", line)), 0)
    entry = re.compile(rf"#\+ \s+['\"]?{re.escape(name)}['\"]?\s*:")
    found = (i for i in range(start, len(lines)) if name and entry.match(lines[i]))
    return next(found, start) + 1


_COLUMN_FORM = "{zh: …, en: …} (optionally link: <the column of the IRI it links to>)"


def _columns(
    path: Path, text: str, declared: object, variables: list[str], params: list[Parameter]
) -> tuple[ColumnLabel, ...]:
    """The header's ``columns``: a mapping, in display order, of SELECT variables to ``{zh, en, link}``.
    A column or link must be a variable of the SELECT, and not a required parameter (the answer leaves those
    out); a link's column is not listed on its own."""
    if declared is None:
        return ()
    if not isinstance(declared, dict):
        raise QuestionError(f"{path}:{_line(text)}: columns must map each column to {_COLUMN_FORM}")
    given = {p.name for p in params if p.required}
    columns = tuple(
        _column(f"{path}:{_line(text, str(name))}: column {name!r}", str(name), entry, variables, given)
        for name, entry in declared.items()
    )
    for column in columns:
        if column.name in {c.link for c in columns}:
            raise QuestionError(
                f"{path}:{_line(text, column.name)}: column {column.name!r} is another column's link, shown as that"
                " column's link and not on its own; leave it out of columns"
            )
    return columns


def _column(where: str, name: str, entry: object, variables: list[str], given: set[str]) -> ColumnLabel:
    """One entry of ``columns``, checked; ``where`` names the file, line and column in a refusal."""
    selected = ", ".join(variables) or "none"
    if name not in variables:
        raise QuestionError(f"{where} is not a variable of the SELECT; its variables: {selected}")
    if name in given:
        raise QuestionError(f"{where} is a required parameter, which the answer leaves out")
    if not isinstance(entry, dict):
        raise QuestionError(f"{where} needs {_COLUMN_FORM}, not {entry!r}")
    unknown = sorted(map(str, set(entry) - {"zh", "en", "link"}))
    if unknown:
        raise QuestionError(f"{where} has unknown key(s) {', '.join(unknown)}; expected zh, en and link")
    for lang in ("zh", "en"):
        if not isinstance(entry.get(lang), str) or not entry[lang].strip():
            raise QuestionError(f"{where} needs its {lang} label, a non-empty string: {_COLUMN_FORM}")
    link = entry.get("link")
    if link is not None and (link not in variables or link in given or link == name):
        why = "itself" if link == name else "a required parameter" if link in given else "not a variable of the SELECT"
        raise QuestionError(f"{where} links to {link!r}, which is {why}; the SELECT's variables: {selected}")
    return ColumnLabel(name=name, zh=entry["zh"].strip(), en=entry["en"].strip(), link=link)


def load_questions(folders: Folders | None = None) -> dict[str, Question]:
    """The canned questions: the packaged .rq files, or those of layered folders (a later folder's file wins)."""
    layers = DataFolders().layers("queries") if folders is None else folders
    return {path.stem: parse_question(path) for path in merged_files(layers, "*.rq")}


_SPACES = re.compile(r"\s+")
_SPACE_BY_CJK = re.compile(r" (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) ")
_AFTER_PLACE = re.compile(r"^ ?(?:'s(?= )|的)? ?")  # "<place>'s emergency management", <place>的应急管理厅


def _normal(text: str) -> str:
    """A label or a typed value as compared: NFKC, lower case, a hyphen or a run of spaces as one space,
    trimmed, and no space next to a Chinese character (<place> 公安厅 is <place>公安厅)."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").lower().replace("-", " ")
    return _SPACE_BY_CJK.sub("", _SPACES.sub(" ", text).strip())


def _label_index(store: QueryStore, pattern: str) -> dict[str, set[str]]:
    """Every label (pref, alt, hidden, rdfs; as compared) of every term a pattern finds, to the IRIs with it."""
    index: dict[str, set[str]] = {}
    for row in run_query(store, TERM_LABELS.format(pattern=pattern)):  # type: ignore[union-attr]
        index.setdefault(_normal(row["label"].value), set()).add(row["term"].value)
    return index


# What a query worker reads once from a snapshot that never changes: each parameter type's label index, the
# places' labels, each jurisdiction's graphs. Without one, every call reads them again.
LabelCache = dict[str, Any]


def _labels(store: QueryStore, kind: str, cache: LabelCache | None = None) -> dict[str, set[str]]:
    """Every label (as compared) of every term of a parameter type, to the IRIs that carry it; read once into
    ``cache`` when one is given (a query worker's, whose snapshot never changes)."""
    if cache is None:
        return _label_index(store, TERM_TYPES[kind])
    if kind not in cache:
        cache[kind] = _label_index(store, TERM_TYPES[kind])
    index: dict[str, set[str]] = cache[kind]
    return index


def _is_term_of_type(store: QueryStore, kind: str, iri: str) -> bool:
    """Whether an IRI is a term of the parameter's type (the IRI is bound, not pasted)."""
    query = f"ASK {{ {TERM_TYPES[kind]} }}"
    try:
        term = ox.NamedNode(iri)
    except ValueError:
        return False
    result = store.query(with_values(query, {ox.Variable("term"): term}), use_default_graph_as_union=True)
    return bool(result)


def resolve(
    store: QueryStore, parameter: Parameter, value: str, cache: LabelCache | None = None
) -> ox.NamedNode | ox.Literal:
    """Turn a user's value into an RDF term: an IRI, or a zh/en/alternative/hidden label of a term of the type
    (case, spacing and full-width forms aside); an organ also as place + department (<place>公安厅)."""
    if parameter.type in LITERAL_TYPES:
        return ox.Literal(value)
    if value.startswith(("http://", "https://")) and _is_term_of_type(store, parameter.type, value):
        return ox.NamedNode(value)  # an IRI of the right type: no need to list every label
    labels = _labels(store, parameter.type, cache)
    known = {iri for iris in labels.values() for iri in iris}
    if value in known:
        return ox.NamedNode(value)
    typed = _normal(value)
    matches = labels.get(typed, set()) or {
        iri for iri in known if iri.endswith("/" + value.strip()) or _normal(iri.rsplit("/", 1)[-1]) == typed
    }
    if not matches and parameter.type == "organ" and typed:
        organ = _organ_by_place(store, parameter, value, typed, cache)
        if organ is not None:
            return organ
    if len(matches) == 1:
        return ox.NamedNode(next(iter(matches)))
    if len(matches) > 1:
        raise _ambiguous(parameter, value, matches)
    close = difflib.get_close_matches(typed, list(labels), n=5, cutoff=0.4)
    close += [label for label in sorted(labels) if typed and typed in label and label not in close][: 5 - len(close)]
    if close:
        hint = f"; closest known values: {', '.join(close)}"
    else:
        slugs = sorted({iri.rsplit("/", 1)[-1] for iri in known})
        hint = f"; known values: {', '.join(slugs[:30])}{' …' if len(slugs) > 30 else ''}"
    raise QuestionError(f"unknown {parameter.type} for {parameter.name}: {value!r}{hint}")


def _ambiguous(parameter: Parameter, value: str, iris: set[str], part: str = "") -> QuestionError:
    """The refusal of a value that names several terms, listing them; ``part`` says which part of an organ's
    value (its place or its kind) names several, listed by their last IRI segment."""
    if not part:
        return QuestionError(
            f"{parameter.name}={value!r} is ambiguous: it names {', '.join(sorted(iris))}; give an IRI"
        )
    slugs = ", ".join(sorted(iri.rsplit("/", 1)[-1] for iri in iris))
    return QuestionError(
        f"{parameter.name}={value!r} is ambiguous: it names the {part} {slugs}; give the {parameter.type}'s IRI"
        " or a fuller name"
    )


def _organ_by_place(
    store: QueryStore, parameter: Parameter, value: str, typed: str, cache: LabelCache | None = None
) -> ox.NamedNode | None:
    """An organ typed as a jurisdiction's label and then an organ kind's label (<place>公安厅, <place>市应急局,
    "<place> emergency management"): the organ of that kind in that jurisdiction. The longest place label
    whose rest is a kind wins (<place>省委 is <place> + 省委 when <place>省 + 委 names no kind). None when the
    value does not read so."""
    if cache is not None and "place" not in cache:
        cache["place"] = _label_index(store, _PLACES)
    places = cache["place"] if cache is not None else _label_index(store, _PLACES)
    kinds = _labels(store, "organ-kind", cache)
    for label in sorted((p for p in places if p and typed.startswith(p)), key=lambda p: (-len(p), p)):
        rest = typed[len(label) :]
        if label[-1].isascii() and label[-1].isalnum() and rest[:1].isascii() and rest[:1].isalnum():
            continue  # a place is a whole word: not the start of a longer one
        rest = _AFTER_PLACE.sub("", rest, count=1)
        if rest in kinds:
            return _organ_of(store, parameter, value, places[label], kinds[rest])
    return None


def _organ_of(store: QueryStore, parameter: Parameter, value: str, places: set[str], kinds: set[str]) -> ox.NamedNode:
    """The organ of a kind in a jurisdiction; refused when the place or kind is ambiguous, or the graph has no
    such organ (then the message says what the value was read as, and which kinds of organ the place has)."""
    if len(places) > 1:
        raise _ambiguous(parameter, value, places, "jurisdictions")
    if len(kinds) > 1:
        raise _ambiguous(parameter, value, kinds, "organ kinds")
    place, kind = ox.NamedNode(next(iter(places))), ox.NamedNode(next(iter(kinds)))
    rows = store.query(with_values(_ORGANS_OF, {ox.Variable("place"): place}), use_default_graph_as_union=True)
    organs = {row["kind"].value: row["term"].value for row in rows}  # type: ignore[union-attr]
    if kind.value in organs:
        return ox.NamedNode(organs[kind.value])
    slugs = sorted(iri.rsplit("/", 1)[-1] for iri in organs)  # the kinds' slugs
    named = (", ".join(slugs[:30]) + (" …" if len(slugs) > 30 else "")) or "none"
    rows = store.query(with_values(_SUCCESSION, {ox.Variable("kind"): kind}), use_default_graph_as_union=True)
    related = sorted(organs[k].rsplit("/", 1)[-1] for k in {row["other"].value for row in rows} if k in organs)  # type: ignore[union-attr]
    hint = f" (the same functions before or after an institutional reform: {', '.join(related)})" if related else ""
    raise QuestionError(
        f"no {parameter.type} for {parameter.name}: {value!r} reads as the {kind.value.rsplit('/', 1)[-1]} organ "
        f"of {place.value.rsplit('/', 1)[-1]}, but no regulation in the graph names that organ; "
        f"organ kinds it has there: {named}{hint}"
    )


def bind(
    store: QueryStore, question: Question, values: dict[str, str], cache: LabelCache | None = None
) -> dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple]:
    unknown = set(values) - {p.name for p in question.parameters}
    if unknown:
        expected = ", ".join(p.name for p in question.parameters) or "none"
        raise QuestionError(f"{question.id} has no parameter {', '.join(sorted(unknown))}; its parameters: {expected}")
    bound: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {}
    for parameter in question.parameters:
        if parameter.name in values:
            bound[ox.Variable(parameter.name)] = resolve(store, parameter, values[parameter.name], cache)
        elif parameter.required:
            raise QuestionError(
                f"{question.id} needs {parameter.name} ({parameter.type}), e.g. {parameter.name}={parameter.example}"
            )
    return bound


@dataclass(frozen=True)
class Answer:
    columns: list[str]
    rows: list[dict[str, str]]


_RULE_GRAPHS = """SELECT ?graph ?jurisdiction WHERE {
  ?document <http://data.europa.eu/eli/ontology#jurisdiction> ?jurisdiction .
  ?graph <http://purl.org/dc/terms/source> ?document .
}"""
SHARED_GRAPH_NODES = tuple(ox.NamedNode(graph_iri(name)) for name in SHARED_GRAPHS)


def _scope_graphs(
    store: QueryStore, jurisdiction: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
) -> list[ox.NamedNode]:
    """The named graphs a jurisdiction-scoped question reads: that jurisdiction's rule, plus ontology,
    lexicon and inferred triples. Queried with the jurisdiction bound, like any parameter."""
    rows = store.query(
        with_values(_RULE_GRAPHS, {ox.Variable("jurisdiction"): jurisdiction}), use_default_graph_as_union=True
    )
    graphs = {row["graph"] for row in rows if isinstance(row["graph"], ox.NamedNode)}  # type: ignore[union-attr]
    return sorted(graphs | set(SHARED_GRAPH_NODES), key=lambda g: g.value)


def answer(store: QueryStore, question: Question, values: dict[str, str], cache: LabelCache | None = None) -> Answer:
    """A question's answer; ``cache`` keeps what is read to bind values between calls (see ``LabelCache``)."""
    substitutions = bind(store, question, values, cache)
    options: dict[str, object] = {"use_default_graph_as_union": True}
    if question.scope is not None:
        # confined to the jurisdiction's own graph, a selective question costs the same at any corpus size
        place = substitutions[ox.Variable(question.scope)]
        key = f"graphs {place}"
        graphs = cache.get(key) if cache is not None else None
        if graphs is None:
            graphs = _scope_graphs(store, place)
            if cache is not None:
                cache[key] = graphs
        options = {"default_graph": graphs}
    result = store.query(with_values(question.query, substitutions), **options)  # type: ignore[arg-type]
    if not isinstance(result, ox.QuerySolutions):
        raise QuestionError(f"{question.path}: a canned question must be a SELECT query")
    given = {variable.value for variable in substitutions}
    # the parameters the user gave are the same in every row: leave them out of the answer
    columns = [v.value for v in result.variables if v.value not in given]
    # a column without a value is left out of its row, whether the store leaves it unbound or gives
    # an empty string (an empty GROUP_CONCAT is unbound on some stores and "" on others)
    rows = [{c: row[c].value for c in columns if row[c] is not None and row[c].value != ""} for row in result]
    for column, separator in question.lists:  # a list's members in a stable order, whatever the store
        for row in rows:
            if column in row:
                row[column] = separator.join(sorted(row[column].split(separator)))
    return Answer(columns, rows)
