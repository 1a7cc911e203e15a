"""``safetykg add-source``: add a rule of the genre to a user's data folder, ready for ``safetykg build``.

The text is parsed first (with the genre's general rules), so a text that cannot be read stops the command
with file:line and writes nothing. Then, into the data folder (never into the installed package):

- ``sources/<ID>.txt``: the text, byte for byte;
- ``sources/sources.toml``: the catalogue (a copy of the one in force, the first time) with the rule's entry
  (checksum, title, issuers, short titles, jurisdiction, the rule it implements) and the documents it cites
  that the catalogue does not know;
- ``lexicon/<ID>.ttl``: drafted lexicon rows for the user to review: the jurisdiction (its name, short name,
  level, parent, the jurisdictions it lies within and the levels of its own hierarchy) when the lexicon lacks
  it, and the organs the text names that no organ kind of the lexicon covers.
"""

import hashlib
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from rdflib.namespace import SKOS

from safetykg.core.errors import SafetykgError, SourceError
from safetykg.core.iris import SKG
from safetykg.core.namespaces import ID
from safetykg.core.namespaces import SKG as SKG_IRI
from safetykg.core.namespaces import SKOS as SKOS_IRI
from safetykg.core.resources import DataFolders, packaged
from safetykg.corpus.catalogue import CATALOGUE, Catalogue, Issuer, SourceDocument, load_catalogue
from safetykg.corpus.layout import PreambleFacts, read_around
from safetykg.corpus.metadata import extract_metadata
from safetykg.corpus.model import ParsedDocument
from safetykg.corpus.parser import SourceProfile, parse_document, read_source
from safetykg.corpus.reading import reading_copy
from safetykg.lexicon.vocabulary import Concept, TermMatcher, Vocabulary
from safetykg.lexicon.wording import Wording

_LEXICON_PREFIXES = {"scheme": "scheme", "jur": "jurisdiction", "lvl": "level", "ok": "organ-kind"}
ID_FORM = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
_YEAR_SUFFIX = re.compile(r"-(?:19|20)\d\d$")


class AddSourceError(SafetykgError):
    """A rule that cannot be added as asked (an id taken, a parent the lexicon lacks, …)."""


@dataclass
class Added:
    """What add-source wrote, and what the user should review."""

    document: SourceDocument
    parsed: ParsedDocument
    written: list[Path] = field(default_factory=list)
    jurisdiction: str = ""
    new_jurisdiction: bool = False
    level: str = ""
    organs: list[str] = field(default_factory=list)
    cited: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Place:
    slug: str
    name: str
    short: str
    level: str  # slug of lexicon/levels.ttl
    within: tuple[str, ...]  # slugs, nearest first
    known: bool
    hierarchy: tuple[str, ...] = ()  # the levels of its own hierarchy: its level and the numbered levels below


def add_source(
    file: Path,
    doc_id: str,
    jurisdiction: str,
    data: Path,
    level: str | None = None,
    within: str | None = None,
    name_en: str = "",
    title_en: str = "",
) -> Added:
    if not ID_FORM.match(doc_id):
        raise AddSourceError(f"--id {doc_id!r}: expected lowercase letters, digits and hyphens (e.g. qinglan-2019)")
    folders = DataFolders(data if (data / "sources").is_dir() or (data / "lexicon").is_dir() else None)
    catalogue = load_catalogue(folders.layers("sources"))
    if any(doc.id == doc_id for doc in catalogue.documents):
        raise AddSourceError(f"--id {doc_id}: the catalogue already has a document of that id ({catalogue.path})")
    raw = file.read_bytes()
    text = read_source(file)
    layout = catalogue.documents[0].profile.layout
    parsed = parse_document(doc_id, file, text, SourceProfile(layout=layout))
    facts = read_around(parsed.preamble, parsed.trailing, layout, parsed.header_fields)
    if facts.title is None:
        raise SourceError(
            file,
            1,
            f"expected the rule's title before its first article (a line ending with "
            f"{'、'.join(layout.title_endings)})",
        )
    vocabulary = Vocabulary.load(folders.layers("lexicon"))
    place = _place(vocabulary, jurisdiction, doc_id, level, within, catalogue)
    document = _draft_document(catalogue, doc_id, file, raw, facts.title, facts, place.slug, place.short, title_en)
    meta = extract_metadata(document, parsed, _with(catalogue, document))  # entry into force, citations: or file:line
    added = Added(document, parsed, jurisdiction=place.slug, new_jurisdiction=not place.known, level=place.level)
    known_titles = {doc.title for doc in catalogue.documents} | set(catalogue.cited)
    added.cited = sorted({c.cited.title for c in meta.citations if c.cited and c.cited.title not in known_titles})
    added.organs = _unknown_organs(
        reading_copy(parsed, layout), vocabulary, layout.organ_names, (place.name, place.short)
    )
    _write(data, catalogue, document, raw, added, place, name_en)
    return added


def _with(catalogue: Catalogue, document: SourceDocument) -> Catalogue:
    return Catalogue((*catalogue.documents, document), catalogue.cited, catalogue.path)


def _draft_document(
    catalogue: Catalogue,
    doc_id: str,
    file: Path,
    raw: bytes,
    title: str,
    facts: PreambleFacts,
    jurisdiction: str,
    short: str,
    title_en: str = "",
) -> SourceDocument:
    baseline = catalogue.baseline()
    genre = next(
        (ending[-2:] for ending in catalogue.documents[0].profile.layout.title_endings if title.endswith(ending)), ""
    )
    short_title = (short or title[:4]) + genre
    if any(doc.short_title == short_title for doc in catalogue.documents):
        year = _YEAR_SUFFIX.search(doc_id)
        short_title += year.group(0)[1:] if year else f"（{doc_id}）"
    return SourceDocument(
        id=doc_id,
        file=file,
        sha256=hashlib.sha256(raw).hexdigest(),
        origin=f"added with safetykg add-source from {file.name}",
        title=title,
        title_en=title_en,
        short_title=short_title,
        short_title_en=short_title,
        jurisdiction=jurisdiction,
        issuers=tuple(Issuer(name, f"{doc_id}-issuer-{n}", "") for n, name in enumerate(facts.issuers, 1)),
        published=None,
        implements=baseline.id if baseline else None,
        profile=SourceProfile(layout=catalogue.documents[0].profile.layout),
    )


def _levels(vocabulary: Vocabulary) -> list[tuple[str, int, list[str], list[str]]]:
    """(slug, notation, labels, place-name endings) of the levels: the numbered ones, national first, then those
    outside the numbered hierarchy (functional zones), numbered 0."""
    graph = vocabulary.graph
    found = []
    for concept in vocabulary.in_scheme("levels"):
        notation = graph.value(concept.iri, SKOS.notation)
        endings = sorted((str(e) for e in graph.objects(concept.iri, SKG.placeNameEnding)), key=len, reverse=True)
        labels = [*concept.labels_zh, concept.pref_en, str(concept.iri).rsplit("/", 1)[-1]]
        found.append((str(concept.iri).rsplit("/", 1)[-1], int(str(notation or 0)), labels, endings))
    return sorted(found, key=lambda row: (row[1] == 0, row[1]))


def _find_jurisdiction(vocabulary: Vocabulary, name: str) -> Concept | None:
    graph = vocabulary.graph
    for concept in vocabulary.in_scheme("jurisdictions"):
        slug = str(concept.iri).rsplit("/", 1)[-1]
        names = {slug, concept.pref_zh, concept.pref_en, concept.short_zh, *concept.alt_zh}
        names |= {str(label) for label in graph.objects(concept.iri, SKOS.altLabel)}
        if name in names:
            return concept
    return None


def _place(
    vocabulary: Vocabulary, name: str, doc_id: str, level: str | None, within: str | None, catalogue: Catalogue
) -> Place:
    levels = _levels(vocabulary)
    known = _find_jurisdiction(vocabulary, name)
    graph = vocabulary.graph
    if known is not None:
        slug = str(known.iri).rsplit("/", 1)[-1]
        stated = graph.value(known.iri, SKG.administrativeLevel)
        return Place(
            slug, known.pref_zh, known.short_zh or known.pref_zh, str(stated or "").rsplit("/", 1)[-1], (), True
        )
    chosen = _level(levels, name, level)
    baseline = catalogue.baseline()
    parent_name = within or (baseline.jurisdiction if baseline else None)
    if parent_name is None:
        raise AddSourceError(
            "the catalogue has no national rule whose jurisdiction contains the new one: give --within"
        )
    parent = _find_jurisdiction(vocabulary, parent_name)
    if parent is None:
        raise AddSourceError(f"--within {parent_name}: no jurisdiction of that name or slug in the lexicon")
    parent_slug = str(parent.iri).rsplit("/", 1)[-1]
    if not level:  # a place named like its parent's level or a higher one (a 市 in a 市 or 盟): the level below it
        chosen = _below(levels, chosen, str(graph.value(parent.iri, SKG.administrativeLevel) or "").rsplit("/", 1)[-1])
    above = [str(iri).rsplit("/", 1)[-1] for iri in graph.objects(parent.iri, SKG.within)]
    chain = (parent_slug, *sorted(set(above) - {parent_slug}))
    slug = _YEAR_SUFFIX.sub("", doc_id)
    if _find_jurisdiction(vocabulary, slug) is not None:
        raise AddSourceError(f"jurisdiction slug {slug} (from --id {doc_id}) is taken by another jurisdiction")
    endings = [e for row in levels for e in row[3] if name.endswith(e) and len(name) - len(e) >= 2]
    ending = max(endings, key=len, default="")  # 澜湾新区 ends with 新区, not with 区
    short = name[: len(name) - len(ending)] if ending else name
    ranked = [row for row in levels if row[1]]
    unranked = tuple(row[0] for row in levels if not row[1])  # functional zones
    rank = next(r[1] for r in levels if r[0] == chosen)
    if rank:
        below = tuple(row[0] for row in ranked if row[1] >= rank)
        if len(below) > 1:  # every jurisdiction above the township may have functional zones
            below += unranked
    else:  # a functional zone (开发区, 新区) administers sub-districts and townships
        below = (chosen, ranked[-1][0])
    return Place(slug, name, short, chosen, chain, False, below)


def _below(levels: list[tuple[str, int, list[str], list[str]]], named: str, parent: str) -> str:
    """The level a name's ending tells, or, when that is not below its parent's (a county-level city, 市, within a
    prefecture-level city or a league), the numbered level just below the parent's."""
    rank = {slug: notation for slug, notation, _, _ in levels}
    if not rank.get(named) or not rank.get(parent) or rank[named] > rank[parent]:
        return named
    return next((slug for slug, notation, _, _ in levels if notation == rank[parent] + 1), named)


def _level(levels: list[tuple[str, int, list[str], list[str]]], name: str, asked: str | None) -> str:
    if asked:
        for slug, _, labels, _ in levels:
            if asked in labels:
                return slug
        known = ", ".join(row[0] for row in levels)
        raise AddSourceError(f"--level {asked}: expected one of {known} (or a label such as 县级)")
    matches = [(len(e), slug) for slug, _, _, endings in levels for e in endings if name.endswith(e)]
    if not matches:
        raise AddSourceError(f"--jurisdiction {name}: its level cannot be told from its name; give --level")
    return max(matches)[1]


def _unknown_organs(
    parsed: ParsedDocument, vocabulary: Vocabulary, words: dict[str, tuple[str, ...]], own: tuple[str, ...] = ()
) -> list[str]:
    """Names of organs in the text that no organ kind of the lexicon covers, in order of first mention; a name
    with a place's name inside it (公安澜湾新区分局) is covered when it is without the place's name (公安分局). A name
    takes two words or more before its ending, but for the endings that are a whole name after a place's
    (``whole_names``: 乡卫生院, 乡中心学校)."""
    whole = tuple(words.get("whole_names", ()))
    place_endings = Wording(vocabulary).place_words
    whole_place = tuple(words.get("whole_place", ()))
    endings = sorted({*words.get("endings", ()), *whole}, key=len, reverse=True)
    if not endings:
        return []
    before = sorted(words.get("before", ()), key=len, reverse=True)
    conjunctions = tuple(words.get("conjunctions", ()))
    places = sorted(words.get("place_words", ()), key=len, reverse=True)
    not_names = words.get("not_names", ())
    jurisdictions = sorted(
        {label for c in vocabulary.in_scheme("jurisdictions") for label in (*c.labels_zh, c.short_zh) if label},
        key=len,
        reverse=True,
    )
    matcher = vocabulary.matcher("organ-kinds")
    place_names = [place for place in (*own, *jurisdictions) if len(place) > 1]  # taken out of a name (公安X分局)
    domains = {label for c in vocabulary.in_scheme("domains") for label in c.labels_zh}  # 医疗机构 is a sector
    name = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:" + "|".join(map(re.escape, endings)) + ")")
    found: list[str] = []
    for article in parsed.articles:
        for clause in re.split(r"[，。；：、（）“”《》\s]", article.full_text()):
            position = 0
            while (match := name.search(clause, position)) is not None:
                end = _name_end(clause, match.end(), endings)
                position = end
                if end < len(clause) and clause[match.start() : end + 1].endswith(tuple(endings)):  # 工作部门
                    continue
                inside = _inside_conjunctions(clause, match.start(), end, conjunctions, endings, matcher)
                phrase = _trim(clause[match.start() : end], before, places + jurisdictions, inside)
                if phrase.startswith(whole_place):  # 全乡医疗卫生机构: the whole township's, a class of bodies
                    continue
                phrase = _without_own_ending(phrase, own)
                ending = next(e for e in endings if phrase.endswith(e))
                head = phrase[: len(phrase) - len(ending)]  # 乡卫生院: a whole name after a place's ending
                short = len(head) < 2 and not (ending in whole and (not head or head in place_endings))
                if short or len(phrase) > 12 or phrase in found or phrase.endswith(not_names):
                    continue
                if phrase in domains:
                    continue
                said = clause[: match.end()]  # 人力资源和社会保障局: covered as said, though trimmed after 和
                bare = phrase
                for place in place_names:
                    bare = bare.replace(place, "")
                covered = any(m.end == len(name) for name in {phrase, bare} for m in matcher.find(name))
                if not covered and not any(m.end == len(said) for m in matcher.find(said)):
                    found.append(phrase)
    return found


def _without_own_ending(phrase: str, own: tuple[str, ...]) -> str:
    """The name without the ending of the rule's own place before it, which stands for the place (区消防救援大队 in
    松禾区's rule, 林区消防救援大队 in 雾岭林区's: the kind is 消防救援大队)."""
    name, short = (*own, "", "")[:2]
    ending = name[len(short) :] if short and name.startswith(short) else ""
    if ending and phrase.startswith(ending) and len(phrase) > len(ending) + 2:
        return phrase[len(ending) :]
    return phrase


def _name_end(clause: str, end: int, endings: list[str]) -> int:
    """Where a name that ends at ``end`` with one of the endings really ends: a name goes on while an ending follows
    it at once (安全生产委员会办公室, not 委员会 and then 办公室约谈该部门 read as a second name)."""
    while True:
        following = next((e for e in endings if clause.startswith(e, end)), None)
        if following is None:
            return end
        end += len(following)


def _inside_conjunctions(
    clause: str, start: int, end: int, conjunctions: tuple[str, ...], endings: list[str], matcher: TermMatcher
) -> set[str]:
    """The conjunctions inside the name ``clause[start:end]`` (城市管理和综合执法局), as against those that join two organs
    (区教育局和区卫生健康局: the words before it end an organ's name) or start the name's own words (和消防救援机构)."""
    inside = set()
    for word in conjunctions:
        position = clause.rfind(word, start, end - 1)
        if position <= 0:
            continue
        head, tail = clause[:position], clause[position + len(word) : end]
        joins = head.endswith(tuple(endings)) or any(m.end == len(head) for m in matcher.find(head))
        own_words = len(tail) - max((len(e) for e in endings if tail.endswith(e)), default=0)
        if not joins and own_words >= 2:
            inside.add(word)
    return inside


def _trim(text: str, before: list[str], places: list[str], inside: set[str] | frozenset[str] = frozenset()) -> str:
    """The organ's name at the end of ``text``: after the last word that comes before a name (but for the
    conjunctions ``inside`` the name), without the place."""
    words = [word for word in before if word not in inside]
    cut = max((text.rfind(word) + len(word) for word in words if word in text[:-1]), default=0)
    phrase = text[cut:]
    for word in places:  # a place or level word before the name (各级, 县级, 青岚省), not one letter of a word (市场)
        if len(word) > 1 and phrase.startswith(word) and len(phrase) > len(word) + 2:
            return phrase[len(word) :]
    return phrase


def _toml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _write(
    data: Path, catalogue: Catalogue, document: SourceDocument, raw: bytes, added: Added, place: Place, name_en: str
) -> None:
    sources = data / "sources"
    lexicon = data / "lexicon"
    sources.mkdir(parents=True, exist_ok=True)
    lexicon.mkdir(parents=True, exist_ok=True)
    text_path = sources / f"{document.id}.txt"
    text_path.write_bytes(raw)
    catalogue_path = sources / CATALOGUE
    if not catalogue_path.exists():
        shutil.copyfile(catalogue.path if catalogue.path.exists() else packaged("sources") / CATALOGUE, catalogue_path)
    entry = [
        "",
        f"# Added by safetykg add-source from {document.file.name}: review the drafted values marked 'review'.",
        "[[document]]",
        f"id = {_toml(document.id)}",
        f"file = {_toml(text_path.name)}",
        f"sha256 = {_toml(document.sha256)}",
        f"origin = {_toml(document.origin)}  # review: where the text came from, and who published it",
        f"title = {_toml(document.title)}",
        f"title_en = {_toml(document.title_en)}  # review: the title in English",
        f"short_title = {_toml(document.short_title)}",
        f"short_title_en = {_toml(document.short_title_en)}  # review: the short title in English",
        f"jurisdiction = {_toml(document.jurisdiction)}",
        "issuers = ["
        + ", ".join(f'{{ name = {_toml(i.name)}, slug = {_toml(i.slug)}, name_en = "" }}' for i in document.issuers)
        + "]  # review: the issuers' slugs and English names",
    ]
    if document.implements:
        entry.append(f"implements = {_toml(document.implements)}")
    entry.append("[document.profile]")
    for title in added.cited:
        slug = "cited-" + hashlib.sha256(title.encode("utf-8")).hexdigest()[:12]
        entry += [
            "",
            f"[cited.{_toml(title)}]  # cited by {document.id}",
            f"slug = {_toml(slug)}  # review: a readable slug",
            'title_en = ""  # review: the title in English',
        ]
    with catalogue_path.open("a", encoding="utf-8") as out:
        out.write("\n".join(entry) + "\n")
    added.written += [text_path, catalogue_path]
    rows = _lexicon_rows(document, place, added, name_en)
    if rows:
        lexicon_path = lexicon / f"{document.id}.ttl"
        lexicon_path.write_text(rows, encoding="utf-8")
        added.written.append(lexicon_path)


def _lexicon_rows(document: SourceDocument, place: Place, added: Added, name_en: str) -> str:
    blocks: list[str] = []
    if not place.known:
        english = f', "{name_en}"@en' if name_en else ""
        blocks.append(
            f"""# review: the jurisdiction of {document.id}, drafted from --jurisdiction, --level and --within
jur:{place.slug} a skos:Concept, skg:Jurisdiction ;
    skos:inScheme scheme:jurisdictions ;
    skos:prefLabel "{place.name}"@zh{english} ;
    skg:shortLabel "{place.short}"@zh ;
    skos:altLabel "{place.short}"@zh ;
    skos:definition "{place.name}: the jurisdiction of {document.title}, added with safetykg add-source."@en ;
    skg:administrativeLevel lvl:{place.level} ;
    skg:hasLevel {", ".join(f"lvl:{slug}" for slug in place.hierarchy)} ;
    skos:broader jur:{place.within[0]} ;
    skg:within {", ".join(f"jur:{slug}" for slug in place.within)} .

jur:{place.within[0]} skos:narrower jur:{place.slug} .
"""
        )
    for name in added.organs:
        slug = "draft-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]
        category = "skg:GovernmentDepartment" if name.endswith(("部门", "局", "管理局")) else "skg:Organ"
        blocks.append(
            f"""# review: an organ {document.id} names that no organ kind covers (a readable slug, an English name)
ok:{slug} a skos:Concept, skg:OrganKind ;
    skos:inScheme scheme:organ-kinds ;
    skos:prefLabel "{name}"@zh ;
    skos:definition "{name}, named by {document.title}; drafted by safetykg add-source."@en ;
    skg:organCategory {category} .
"""
        )
    if not blocks:
        return ""
    prefixes = {"skg": SKG_IRI, "skos": SKOS_IRI, **{p: f"{ID}{path}/" for p, path in _LEXICON_PREFIXES.items()}}
    head = (
        f"# Lexicon rows drafted by safetykg add-source for {document.id} ({document.file.name}): review, then build.\n"
    )
    head += "".join(f"@prefix {prefix}: <{iri}> .\n" for prefix, iri in prefixes.items()) + "\n"
    return head + "\n".join(blocks)
