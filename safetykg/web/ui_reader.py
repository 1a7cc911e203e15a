"""The reader: one regulation to read, with its metadata, a table of contents and a jump box; each article a
heading, what was extracted from each provision beside it, and how the article stands against the rule it
implements (the aligned article side by side, or a local addition) or, for that rule, which local articles take
it up.

Everything shown comes from the graph (queries/reader-*.rq and commentary.rq), fetched once per document by
``fetch_reading``: the published snapshot never changes while it is served, so the UI keeps the ``Reading`` and a
warm request asks the workers nothing. The rule's text, most of the page, is rendered once per language
(templates/reader-text.html) and kept with it; the page around it (templates/reader.html) is rendered per request.
"""

import re
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from markupsafe import Markup

from safetykg.core.namespaces import BASE, SKG
from safetykg.web import ui_queries as Q
from safetykg.web.pages import anchor, local, render
from safetykg.web.ui_corpus import Corpus, Document, Labels, Row, natural
from safetykg.web.ui_text import label, t

Run = Callable[[dict[str, Any]], Awaitable[dict[str, Any]]]
Runs = tuple[tuple[str, bool], ...]  # a text cut into runs, each marked whether the text it is compared with lacks it
KINDS = {SKG + name: name.lower() for name in ("Chapter", "Section", "Article", "Paragraph", "Item", "SubItem")}
_CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
_ARTICLE = re.compile(r"^(?:art(?:icle)?\.?|第)?(.+?)条?$", re.IGNORECASE)
# The header's fields in the order shown, each with its message key (fields of reader-meta.rq).
FIELDS = (
    ("number", "reader_number"),
    ("issuer", "reader_issuers"),
    ("jurisdiction", "reader_jurisdiction"),
    ("dateDocument", "reader_date_document"),
    ("datePublication", "reader_date_publication"),
    ("inForce", "reader_in_force"),
    ("level", "reader_level"),
    ("status", "reader_status"),
    ("implements", "reader_implements"),
    ("repeals", "reader_repeals"),
    ("basedOn", "reader_based_on"),
    ("interpretedBy", "reader_interpreted_by"),
)


def cjk(text: str) -> bool:
    """Whether words are Chinese (then an English page marks them lang="zh")."""
    return bool(_CJK.search(text))


@dataclass
class Facts:
    """What was extracted from one provision: the bearers of its duties (and the organs of posts among them),
    the organs it designates and the domains its facts concern, each IRI once, in the order found."""

    bearers: list[str] = field(default_factory=list)
    organs: list[str] = field(default_factory=list)
    designated: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)

    def add(self, row: Row) -> None:
        if row.get("kind") == "designation":
            _once(self.designated, row.get("designated", ""))
        else:
            _once(self.bearers, row.get("bearer", ""))
            _once(self.organs, row.get("organ", ""))
        _once(self.domains, row.get("domain", ""))

    def __bool__(self) -> bool:
        return bool(self.bearers or self.organs or self.designated or self.domains)


def _once(found: list[str], iri: str) -> None:
    if iri and iri not in found:
        found.append(iri)


@dataclass(frozen=True)
class Aligned:
    """An article on the other side of an alignment: its IRI, citation, relation, similarity and (for the
    national side) both texts cut into runs for the side-by-side view (``differences``)."""

    iri: str
    citation: str
    relation: str
    similarity: str
    mine: Runs = ()
    theirs: Runs = ()


@dataclass
class Node:
    """A chapter, section, article, paragraph, item or sub-item, with what the reader shows beside it."""

    iri: str
    parent: str
    kind: str
    number: str
    ordinal: int
    inserted: int  # 1 for 第九条之一 (ordinal 9), 0 for any provision of the first text
    title: str
    citation: str
    text: str  # its whole text
    shown: str = ""  # the words shown for it (an article's paragraphs carry its words, an item starts with its number)
    children: list["Node"] = field(default_factory=list)
    facts: Facts = field(default_factory=Facts)
    counterparts: list[Aligned] = field(default_factory=list)  # national articles it is aligned with
    additions: list[str] = field(default_factory=list)  # the relation of an alignment with no national article
    taken_up: list[Aligned] = field(default_factory=list)  # local articles aligned with it (a rule others implement)
    not_taken_up_by: list[str] = field(default_factory=list)  # regulations that do not take it up

    @property
    def anchor(self) -> str:
        return anchor(self.iri)


@dataclass
class Reading:
    """A regulation as the reader shows it: its provisions as a tree, its header fields, its commentary, the labels
    of the IRIs it links to, where each article number jumps to, and its text rendered per language."""

    document: Document
    top: list[Node]
    meta: dict[str, list[Row]]
    commentary: list[Row]
    labels: Labels
    jumps: dict[str, str] = field(default_factory=dict)
    rendered: dict[str, Markup] = field(default_factory=dict)

    @property
    def articles(self) -> list[Node]:
        found: list[Node] = []

        def walk(nodes: list[Node]) -> None:
            for node in nodes:
                if node.kind == "article":
                    found.append(node)
                elif node.kind in ("chapter", "section"):
                    walk(node.children)

        walk(self.top)
        return found

    def find(self, asked: str) -> str:
        """The anchor an article number asked in the jump box stands for ("22", "第二十二条", "二十二", "Art. 22",
        or an anchor of the page such as article-22-item-3), or '' when it names none."""
        words = "".join(unicodedata.normalize("NFKC", asked).split())
        if words in self.jumps:
            return self.jumps[words]
        match = _ARTICLE.match(words)
        return self.jumps.get(match.group(1) if match else words, "")

    def title(self, lang: str) -> str:
        return label(self.labels, self.document.iri, lang)


async def fetch_reading(run: Run, corpus: Corpus, document: Document) -> Reading:
    """Everything the reader shows of one regulation, from the graph: one select per query of the reader and one
    labels job for the IRIs it links to."""

    async def rows(query: str) -> list[Row]:
        job = {"op": "select", "query": query, "bindings": {"doc": ["iri", document.iri]}, "labels": False}
        found: list[Row] = (await run(job))["rows"]
        return found

    nodes = _tree(await rows(Q.READER_PROVISIONS))
    for row in await rows(Q.READER_FACTS):
        if row["provision"] in nodes:
            nodes[row["provision"]].facts.add(row)
    _counterparts(nodes, await rows(Q.READER_COUNTERPARTS))
    _taken_up(nodes, await rows(Q.READER_TAKEN_UP), corpus)
    fields: dict[str, list[Row]] = {}
    for row in sorted(await rows(Q.READER_META), key=lambda row: row["value"]):
        listed = fields.setdefault(row["field"], [])
        if all(row["value"] != seen["value"] for seen in listed):
            listed.append(row)
    commentary = sorted(await rows(Q.COMMENTARY), key=lambda row: row["commentary"])
    linked = {document.iri}
    for node in nodes.values():
        linked.update(node.facts.bearers + node.facts.organs + node.facts.designated + node.facts.domains)
        linked.update(node.additions + [other.relation for other in node.counterparts + node.taken_up])
    labels: Labels = (await run({"op": "labels", "iris": sorted(linked)}))["labels"]
    top = sorted(
        (node for node in nodes.values() if node.parent == document.iri), key=lambda node: (node.ordinal, node.inserted)
    )
    reading = Reading(document, top, fields, commentary, labels)
    for node in nodes.values():
        reading.jumps.setdefault(node.anchor, node.anchor)
    for article in reading.articles:  # an article by its number in digits and in the text's numerals
        reading.jumps.setdefault(str(article.ordinal), article.anchor)
        match = _ARTICLE.match(article.number)
        if match:
            reading.jumps.setdefault(match.group(1), article.anchor)
    return reading


def _counterparts(nodes: dict[str, Node], rows: list[Row]) -> None:
    """Each local article's alignments: the national articles with both texts compared, or a local addition."""
    for row in rows:
        node = nodes.get(row["local"])
        if node is None:
            continue
        if row.get("national"):
            mine, theirs = differences(node.text, row.get("text", ""))
            node.counterparts.append(
                Aligned(row["national"], row.get("citation", ""), row["relation"], _share(row), mine, theirs)
            )
        elif row["relation"] not in node.additions:
            node.additions.append(row["relation"])


def _taken_up(nodes: dict[str, Node], rows: list[Row], corpus: Corpus) -> None:
    """Each article of a rule others implement: the local articles aligned with it and the regulations that leave
    it out, in the corpus's order of regulations, then of articles."""
    order = {doc.iri: place for place, doc in enumerate(corpus.documents)}

    def where(other: Aligned) -> tuple[int, tuple[tuple[int, str], ...]]:
        found = corpus.containing(other.iri)
        return (order[found.iri] if found else len(order), natural(other.iri))

    for row in rows:
        node = nodes.get(row["national"])
        if node is None or node.kind != "article":
            continue
        if row.get("local"):
            node.taken_up.append(Aligned(row["local"], row.get("citation", ""), row["relation"], _share(row)))
        elif row.get("notBy"):
            _once(node.not_taken_up_by, row["notBy"])
    for node in nodes.values():
        node.taken_up.sort(key=where)
        node.not_taken_up_by.sort(key=lambda iri: order.get(iri, len(order)))


def differences(mine: str, theirs: str, shortest: int = 3) -> tuple[Runs, Runs]:
    """Two texts cut into runs, each marked whether the other text lacks it (difflib, character by character).
    A run both share that is shorter than ``shortest`` characters counts as differing, so that a shared 的 or
    、 does not break up a passage that one text has and the other does not."""
    matcher = SequenceMatcher(None, mine, theirs, autojunk=False)
    runs: tuple[list[tuple[str, bool]], list[tuple[str, bool]]] = ([], [])
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        differs = op != "equal" or i2 - i1 < shortest
        for found, text in zip(runs, (mine[i1:i2], theirs[j1:j2]), strict=True):
            if text and found and found[-1][1] == differs:
                found[-1] = (found[-1][0] + text, differs)
            elif text:
                found.append((text, differs))
    return tuple(runs[0]), tuple(runs[1])


def _share(row: Row) -> str:
    """A similarity (0 to 1) as shown: two decimals, the same whatever digits the store wrote."""
    return f"{float(row['similarity']):.2f}"


def _tree(provisions: list[Row]) -> dict[str, Node]:
    """Every provision as a node with its children in order, by IRI; what each shows is set here."""
    nodes: dict[str, Node] = {}
    for row in provisions:
        if row["node"] not in nodes and row["type"] in KINDS:
            nodes[row["node"]] = Node(
                iri=row["node"],
                parent=row["parent"],
                kind=KINDS[row["type"]],
                number=row.get("number", ""),
                ordinal=int(row["ordinal"]),
                inserted=int(row.get("inserted", 0)),
                title=row.get("title", ""),
                citation=row.get("citation", ""),
                text=row.get("text", ""),
            )
    for node in nodes.values():
        parent = nodes.get(node.parent)
        if parent is not None:
            parent.children.append(node)
    for node in nodes.values():
        node.children.sort(key=lambda kid: (kid.ordinal, kid.inserted))
        node.shown = _shown(node)
    return nodes


def _shown(node: Node) -> str:
    if node.kind in ("chapter", "section"):
        return ""
    text = node.text
    if node.children and node.children[0].kind == "paragraph":
        return ""  # the paragraphs carry the article's words
    if node.children:
        text = text.split("\n", 1)[0]  # the words before its items
    if node.kind in ("item", "subitem") and not text.startswith(node.number):
        text = node.number + text
    return text.strip()


def _date(value: str, lang: str) -> str:
    """An xsd:date as people write it: 2018年9月18日, or 2018-09-18 in English."""
    if lang == "en" or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    year, month, day = value.split("-")
    return f"{year}年{int(month)}月{int(day)}日"


def header(reading: Reading, corpus: Corpus, lang: str) -> list[dict[str, Any]]:
    """The header's fields the graph holds, in order, each with its words and values ({text, href, date, note,
    provision}); a field the graph does not hold is left out, and nothing is filled in for it."""
    meta = reading.meta
    implemented = {row["value"] for row in meta.get("implements", [])}
    shown: list[dict[str, Any]] = []
    for name, key in FIELDS:
        rows = meta.get(name, [])
        if name == "issuer" and not rows:
            rows = meta.get("issuerAsPrinted", [])
        if name == "inForce" and not rows:
            rows = meta.get("inForceRule", [])
        if name == "basedOn":
            rows = [row for row in rows if row["value"] not in implemented]
        values = [_value(row, corpus, lang) for row in rows]
        if name in ("inForce", "repeals") and values:
            provision = (meta.get("inForceProvision" if name == "inForce" else "repealProvision") or [{}])[0]
            if provision.get("value"):
                values[-1]["provision"] = {
                    "href": "#" + anchor(provision["value"]),
                    "text": provision.get("number", ""),
                }
        if values:
            shown.append({"name": name, "label": t(lang, key), "values": values})
    return shown


def _value(row: Row, corpus: Corpus, lang: str) -> dict[str, Any]:
    value = row["value"]
    if not value.startswith(BASE):
        date = value if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else ""
        return {"text": _date(value, lang) if date else value, "date": date, "href": "", "note": ""}
    text = (row.get("en") if lang == "en" else "") or row.get("zh") or row.get("en") or value.rsplit("/", 1)[-1]
    notes = [row.get("number", ""), _date(row.get("date", ""), lang)]
    return {
        "text": text,
        "date": "",
        "href": corpus.reader_href(value) or local(value),
        "note": ("，" if lang == "zh" else ", ").join(note for note in notes if note),
    }


def reader_text(reading: Reading, corpus: Corpus, lang: str) -> Markup:
    """The rule's chapters and articles (templates/reader-text.html), rendered once per language and kept."""
    if lang not in reading.rendered:
        reading.rendered[lang] = render("reader-text.html", **_context(reading, corpus, lang))
    return reading.rendered[lang]


def reader_body(reading: Reading, corpus: Corpus, lang: str, asked: str = "", missing: bool = False) -> Markup:
    """The reader's page body (templates/reader.html): the switcher, the header, the jump box and contents, the text.
    ``asked`` is what the jump box was given; ``missing`` says it named no article."""
    return render(
        "reader.html",
        text=reader_text(reading, corpus, lang),
        fields=header(reading, corpus, lang),
        documents=corpus.documents,
        asked=asked,
        missing=missing,
        note=next((row["value"] for row in reading.meta.get("publicationNote", [])), ""),
        **_context(reading, corpus, lang),
    )


def _context(reading: Reading, corpus: Corpus, lang: str) -> dict[str, Any]:
    national = corpus.national_short or t(lang, "national_rule")

    def short(iri: str) -> str:
        found = corpus.containing(iri)
        return found.short if found else iri.rsplit("/", 1)[-1]

    return {
        "lang": lang,
        "r": reading,
        "document": reading.document,
        "national": national,
        "name": lambda iri: label(reading.labels, iri, lang),
        "href": lambda iri: corpus.reader_href(iri) or local(iri),
        "short": short,
        "cjk": cjk,
    }
