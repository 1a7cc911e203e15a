"""An entity page for people: a card saying what the thing is, where it comes from and what it must do, by
jurisdiction (duties, designations, a jurisdiction's organs), with its RDF below for those who want it."""

from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup

from safetykg.core.namespaces import ELI, OWL, PREFIXES, PROV, RDF, RDFS, SKG, SKOS
from safetykg.web.pages import local, render, short
from safetykg.web.ui_corpus import Corpus, Labels, Row, natural
from safetykg.web.ui_text import has_word, label, t

NOT_KINDS = {OWL + "Thing", RDFS + "Resource"}  # true of everything: they say nothing about what a thing is
SOURCES = (SKG + "source", PROV + "wasDerivedFrom")  # where a fact comes from: shown once, as citations
SHOWN_ELSEWHERE = {  # the card shows these as its title, kinds, text, parents and sources, not among its facts
    RDF + "type",
    RDFS + "label",
    SKOS + "prefLabel",
    SKG + "text",
    SKG + "citation",
    ELI + "is_part_of",
    ELI + "has_part",
    SKOS + "hiddenLabel",  # spellings kept for finding a thing, not for reading about it
    *SOURCES,
}


def _names(labels: Labels, iri: str, lang: str) -> tuple[str, str]:
    """An IRI's label in the page's language and in the other one ('' when it has none or the same)."""
    found = labels.get(iri, {})
    other = "zh" if lang == "en" else "en"
    shown = found.get(lang) or found.get("zh") or found.get("en") or ""
    second = found.get(other, "")
    return shown, second if second != shown else ""


def _has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def _term(term: dict[str, str], labels: Labels, lang: str) -> dict[str, Any]:
    if term.get("kind") == "iri":
        iri = term["value"]
        shown = _names(labels, iri, lang)[0] or term.get("label") or short(iri)
        return {"kind": "iri", "value": iri, "shown": shown}
    text = term.get("value", "")
    return {"kind": "literal", "value": text, "language": term.get("language", ""), "zh": _has_cjk(text)}


def entity_card(data: dict[str, Any], labels: Labels, lang: str, corpus: Corpus) -> dict[str, Any]:
    """What the card shows: the name in the page's language (the other below), the kinds (not owl:Thing), the
    other facts by predicate (the ontology's labels), the text of a provision and the provisions it comes from."""
    iri = data["iri"]
    title, other = _names(labels, iri, lang)
    title = title or data["label"] or iri
    kinds = [
        {"iri": kind["value"], "shown": _term_name(kind["value"], labels, lang)}
        for kind in data["types"]
        if kind["value"] not in NOT_KINDS
    ]
    facts: dict[str, list[dict[str, Any]]] = {}
    sources: dict[str, dict[str, str]] = {}
    for row in data["outgoing"]:
        predicate, value = row["predicate"], row["object"]
        if predicate in SOURCES and value.get("kind") == "iri":
            provision = value["value"]
            shown = value.get("label") or _names(labels, provision, "zh")[0] or short(provision)
            sources[provision] = {"href": corpus.reader_href(provision) or local(provision), "shown": shown}
        elif predicate not in SHOWN_ELSEWHERE:
            facts.setdefault(predicate, []).append(_term(value, labels, lang))
    return {
        "iri": iri,
        "title": title,
        "title_zh": _has_cjk(title),
        "other": other,
        "other_zh": _has_cjk(other),
        "kinds": kinds,
        "facts": [(_term_name(p, labels, lang), _in_language(values, lang)) for p, values in facts.items()],
        "text": data["text"],
        "read": corpus.reader_href(iri) if data["text"] else "",
        "sources": [sources[p] for p in sorted(sources, key=natural)],
        "parents": [{"iri": p["value"], "shown": p.get("label") or short(p["value"])} for p in data["parents"]],
        "outgoing": [
            {"predicate": short(o["predicate"]), "object": _term(o["object"], labels, lang)} for o in data["outgoing"]
        ],
        "incoming": [
            {"subject": _term(i["subject"], labels, lang), "predicate": short(i["predicate"])} for i in data["incoming"]
        ],
    }


def _term_name(iri: str, labels: Labels, lang: str) -> str:
    """A class or predicate for people: the ontology's label, else the messages' words for a common vocabulary's
    term (term_skos_altLabel), else its prefixed name."""
    name = _names(labels, iri, lang)[0]
    if name:
        return name
    key = "term_" + short(iri).replace(":", "_")
    return t(lang, key) if has_word(key) else short(iri)


def _in_language(values: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """A predicate's values, the texts tagged with another language left out when some are in the page's."""
    tagged = [v for v in values if v.get("language")]
    if any(v["language"].startswith(lang) for v in tagged):
        return [v for v in values if not v.get("language") or v["language"].startswith(lang)]
    return values


def card_iris(data: dict[str, Any]) -> list[str]:
    """The IRIs whose labels (zh and en) the card needs: the thing, its kinds, predicates and linked things."""
    iris = [data["iri"], *(t["value"] for t in data["types"])]
    for row in data["outgoing"]:
        iris.append(row["predicate"])
        if row["object"].get("kind") == "iri":
            iris.append(row["object"]["value"])
    iris += [i["subject"]["value"] for i in data["incoming"] if i["subject"].get("kind") == "iri"]
    return [i for i in dict.fromkeys(iris) if any(i.startswith(ns) for ns in PREFIXES.values())]


def entity_sections(
    lang: str,
    kind: str,
    iri: str,
    corpus: Corpus,
    duties: list[Row],
    designations: list[Row],
    organs: list[Row],
    labels: Labels,
) -> Markup:
    """What the entity must do, by jurisdiction (in the corpus's order), what designates it, a place's organs."""
    grouped: dict[str, dict[str, tuple[Row, dict[str, None]]]] = {}
    for row in duties:
        _, domains = grouped.setdefault(row["place"], {}).setdefault(row["duty"], (row, {}))
        if row.get("domain"):
            domains[row["domain"]] = None
    order = {place: i for i, place in enumerate(corpus.jurisdictions)}
    places = [
        (place, [(grouped[place][d][0], list(grouped[place][d][1])) for d in sorted(grouped[place], key=natural)])
        for place in sorted(grouped, key=lambda p: (order.get(p, len(order)), p))
    ]
    seen: dict[str, Row] = {}
    for row in designations:
        seen.setdefault(row["fact"], row)
    compare = ""
    if kind in ("role", "organ-kind"):
        compare = "/compare?" + urlencode({"role" if kind == "role" else "organKind": iri})
    return render(
        "entity-sections.html",
        lang=lang,
        compare=compare,
        organs=sorted(organs, key=lambda r: label(labels, r["organ"], "zh")),
        designations=sorted(seen.values(), key=lambda r: natural(r["provision"])),
        places=places,
        duty_count=len({r["duty"] for r in duties}),
        name=lambda i: label(labels, i, lang),
        reader=lambda provision: corpus.reader_href(provision) or local(provision),
    )


def entity_body(card: dict[str, Any], sections: Markup, lang: str) -> Markup:
    return render("entity.html", lang=lang, card=card, sections=sections)
