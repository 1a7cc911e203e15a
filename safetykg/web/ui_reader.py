"""HTML for the reader: a regulation with what was extracted beside each provision."""

from html import escape

from safetykg.core.namespaces import SKG
from safetykg.web.pages import anchor, local
from safetykg.web.ui_corpus import Corpus, Document, Row
from safetykg.web.ui_text import label, t
from safetykg.web.ui_views import Labels, a


def _facts_html(lang: str, facts: list[Row], labels: Labels) -> str:
    bearers: dict[str, None] = {}
    organs: dict[str, None] = {}
    domains: dict[str, None] = {}
    designated = False
    for fact in facts:
        if fact.get("kind") == "designation":
            designated = True
        elif fact.get("bearer"):
            bearers[fact["bearer"]] = None
        if fact.get("organ"):
            organs[fact["organ"]] = None
        if fact.get("domain"):
            domains[fact["domain"]] = None
    parts = []
    if bearers:
        parts.append(f"{escape(t(lang, 'bearer'))}: " + " ".join(a(b, labels, lang, "tag bearer") for b in bearers))
    if organs:
        kind = t(lang, "designated") if designated else t(lang, "organ")
        parts.append(f"{escape(kind)}: " + " ".join(a(o, labels, lang, "tag organ") for o in organs))
    if domains:
        parts.append(f"{escape(t(lang, 'domains'))}: " + " ".join(a(d, labels, lang, "tag domain") for d in domains))
    return "<br>".join(parts)


def switcher(corpus: Corpus, current: Document) -> str:
    """Links to every regulation of the build by its short title, the one being read in bold."""
    return " · ".join(
        f'<a href="/read/{escape(d.key)}" lang="zh">{escape(d.short)}</a>'
        if d != current
        else f'<strong lang="zh">{escape(d.short)}</strong>'
        for d in corpus.documents
    )


def reader_body(
    lang: str,
    corpus: Corpus,
    document: Document,
    provisions: list[Row],
    facts: list[Row],
    commentary: list[Row],
    labels: Labels,
) -> str:
    nodes = {row["node"]: row for row in provisions}
    children: dict[str, list[str]] = {}
    for iri, row in nodes.items():
        children.setdefault(row["parent"], []).append(iri)
    for kids in children.values():
        kids.sort(key=lambda i: int(nodes[i]["ordinal"]))
    by_provision: dict[str, list[Row]] = {}
    for fact in facts:
        by_provision.setdefault(fact["provision"], []).append(fact)
    doc_iri = document.iri
    out: list[str] = []

    def render(iri: str) -> None:
        row = nodes[iri]
        kind = row["type"].removeprefix(SKG).lower()
        kids = children.get(iri, [])
        if kind == "chapter":
            out.append(
                f'<section class="chapter" id="{escape(anchor(iri))}"><h2>{escape(row.get("number", ""))} '
                f"{escape(row.get('title', ''))}</h2>"
            )
        else:
            text = row.get("text", "")
            if kids and nodes[kids[0]]["type"] == SKG + "Paragraph":
                text = ""  # the paragraphs carry the article's words
            elif kids:
                text = row.get("lead") or text.split("\n", 1)[0]
            number = row.get("number", "")
            shown = text if kind in ("item", "subitem") and text.startswith(number) else f"{number} {text}"
            if kind == "paragraph" and shown.startswith("第"):
                shown = text
            out.append(
                f'<div class="prov {kind}" id="{escape(anchor(iri))}"><p class="body" lang="zh">'
                f'<a class="num" href="{escape(local(iri))}" title="{escape(label(labels, iri, "zh"))}">¶</a>'
                f"{escape(shown.strip())}</p>"
                f'<div class="facts">{_facts_html(lang, by_provision.get(iri, []), labels)}</div></div>'
            )
        for kid in kids:
            render(kid)
        if kind == "chapter":
            out.append("</section>")

    for top in children.get(doc_iri, []):
        render(top)
    title = label(labels, doc_iri, lang)
    notes = "".join(
        f'<aside class="commentary" id="commentary"><h2>{escape(t(lang, "commentary"))}</h2>'
        f'<p><a href="{escape(local(c["commentary"]))}">{escape(c.get("title", ""))}</a></p>'
        f'<div class="text" lang="zh">{escape(c["text"])}</div></aside>'
        for c in commentary
    )
    return (
        f'<p class="muted" id="switcher">{switcher(corpus, document)}</p><h1 lang="zh">{escape(title)}</h1>'
        f'<p><a href="{escape(local(doc_iri))}">{escape(doc_iri)}</a></p>'
        f'<div class="reader">{"".join(out)}</div>{notes}'
    )
