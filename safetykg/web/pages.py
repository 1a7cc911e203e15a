"""HTML pages for people: a resource, a canned question's answer, the list of questions."""

from html import escape
from typing import Any
from urllib.parse import urlencode

from fastapi import Request

from safetykg.core.namespaces import BASE, PREFIXES
from safetykg.query.questions import Question
from safetykg.web.ui_text import language, t

NAV = (
    ("/", "home"),
    ("/ask", "questions"),
    ("/read", "reader"),
    ("/compare", "compare"),
    ("/completeness", "completeness"),
    ("/sparql", "sparql"),
    ("/download/", "downloads"),
)

SHORT_PREFIXES = ("skg", "eli", "org", "skos", "rdfs", "dcterms")


def local(iri: str) -> str:
    """The server path of an IRI under the project's base, or the IRI itself elsewhere."""
    return "/" + iri[len(BASE) :] if iri.startswith(BASE) else iri


def anchor(iri: str) -> str:
    """The id attribute of a provision on its reader page: the path after the document (article-22-item-3)."""
    parts = iri[len(BASE) :].split("/")
    return "-".join(parts[3:]) if len(parts) > 3 else "top"


def page(
    title: str,
    body: str,
    lang: str = "zh",
    switch: str = "?lang=en",
    scripts: tuple[str, ...] = (),
    current: str = "",
) -> str:
    """A whole page: a skip link, the navigation (the section of ``current``, a path, marked aria-current), the body."""
    keep = "" if lang == "zh" else f"?lang={lang}"  # the language travels in the URL: a page's URL is its state

    def item(href: str, key: str) -> str:
        here = current == href or (href != "/" and current.startswith(href.rstrip("/")))
        marked = ' aria-current="page"' if here else ""
        return f'<a href="{href}{keep}"{marked}>{escape(t(lang, key))}</a>'

    nav = "".join(item(href, key) for href, key in NAV)
    tags = "".join(f'<script src="/static/{escape(name)}" defer></script>' for name in scripts)
    return (
        f'<!doctype html><html lang="{escape(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<title>{escape(title)} · safetykg</title><link rel="icon" href="/favicon.ico" type="image/svg+xml">'
        f'<link rel="stylesheet" href="/static/ui.css">{tags}</head><body>'
        f'<a class="skip" href="#main">{escape(t(lang, "skip"))}</a>'
        f'<header><nav aria-label="{escape(t(lang, "site"))}">{nav}'
        f'<a class="lang" id="lang-switch" href="{escape(switch)}">{escape(t(lang, "switch"))}</a></nav></header>'
        f'<main id="main">{body}</main></body></html>'
    )


def error_page(request: Request, status: int, message: str) -> str:
    """An error as a page in the reader's language, with the navigation and the way back."""
    lang = language(request)
    key = {404: "error_404", 405: "error_405"}.get(status, "error_client" if status < 500 else "error_server")
    body = (
        f'<h1>{escape(t(lang, key))}</h1><p class="muted">HTTP {status}</p>'
        f'<p role="alert" lang="en">{escape(message)}</p>'
        f'<p><a href="/{"" if lang == "zh" else "?lang=" + lang}">{escape(t(lang, "back_home"))}</a></p>'
    )
    other = "en" if lang == "zh" else "zh"
    return page(t(lang, key), body, lang, f"{request.url.path}?lang={other}", current=request.url.path)


def link(term: dict[str, str]) -> str:
    if term.get("kind") != "iri":
        language = f' lang="{escape(term["language"])}"' if term.get("language") else ""
        return f"<span{language}>{escape(term.get('value', ''))}</span>"
    label = term.get("label") or term["value"]
    return f'<a href="{escape(local(term["value"]))}">{escape(label)}</a>'


def short(iri: str) -> str:
    """A predicate or class IRI written with its prefix (skg:text), or the IRI itself."""
    for prefix in SHORT_PREFIXES:
        namespace = PREFIXES[prefix]
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def resource_body(data: dict[str, Any], lang: str = "zh", extra: str = "") -> str:
    """A resource's page: label, types, context, text, the type-specific sections, then every property."""
    iri = data["iri"]
    title = data["label"] or iri
    parts = [f'<h1 lang="zh">{escape(title)}</h1><p><code>{escape(iri)}</code></p>']
    if data["types"]:
        parts.append(
            '<p class="types">'
            + " · ".join(
                link(t) if t.get("label") else f"<code>{escape(short(t['value']))}</code>" for t in data["types"]
            )
            + "</p>"
        )
    if data["parents"]:
        parts.append("<p>" + " › ".join(link({"kind": "iri", **p}) for p in data["parents"]) + "</p>")
    if data["text"]:
        parts.append(f'<div class="text" lang="zh">{escape(data["text"])}</div>')
        read = _reader_link(iri)
        if read:
            parts.append(f'<p><a href="{escape(read)}">{escape(t(lang, "reader"))} →</a></p>')
    parts.append(extra)
    rows = "".join(
        f"<tr><th><code>{escape(short(o['predicate']))}</code></th><td>{link(o['object'])}</td></tr>"
        for o in data["outgoing"]
    )
    open_ = "" if extra else " open"
    parts.append(
        f'<details{open_} id="properties"><summary>{escape(t(lang, "properties"))}</summary><table class="stack">{rows}</table></details>'
    )
    if data["incoming"]:
        rows = "".join(
            f"<tr><td>{link(i['subject'])}</td><th><code>{escape(short(i['predicate']))}</code></th></tr>"
            for i in data["incoming"]
        )
        parts.append(
            f'<details{open_} id="incoming"><summary>{escape(t(lang, "referenced_by"))} ({len(data["incoming"])})</summary>'
            f'<table class="stack">{rows}</table></details>'
        )
    alternates = " · ".join(f'<a href="{escape(local(iri))}?format={fmt}">{fmt}</a>' for fmt in ("ttl", "jsonld", "nt"))
    parts.append(f"<p>{escape(t(lang, 'formats'))}: {alternates}</p>")
    return "".join(parts)


def _reader_link(iri: str) -> str:
    """Where a provision sits on its regulation's reader page, or '' for anything else."""
    parts = iri[len(BASE) :].split("/")
    if len(parts) > 3 and parts[0] == "id" and parts[1] == "regulation":
        return f"/read/{parts[2]}#{anchor(iri)}"
    return ""


def resource_page(data: dict[str, Any]) -> str:
    return page(data["label"] or data["iri"], resource_body(data))


def questions_page(questions: dict[str, Question]) -> str:
    items = []
    for question in questions.values():
        params = ", ".join(
            f"<code>{escape(p.name)}</code> ({escape(p.type)}{'' if p.required else ', optional'}, e.g. {escape(p.example)})"
            for p in question.parameters
        )
        example = urlencode({p.name: p.example for p in question.parameters if p.required})
        items.append(
            f'<li><a href="/questions/{escape(question.id)}?{escape(example)}&amp;format=html">{escape(question.title_zh)} · {escape(question.title_en)}</a>'
            f"<br><small>{escape(question.description)}</small><br><small>{params}</small></li>"
        )
    return page(
        "Questions",
        f'<h1>问题 Canned questions</h1><p><a href="/ask">表单 Forms</a></p><ul>{"".join(items)}</ul>',
    )


def answer_page(question: Question, params: dict[str, str], columns: list[str], rows: list[dict[str, str]]) -> str:
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = []
    for row in rows:
        cells = []
        for column in columns:
            value = row.get(column, "")
            if value.startswith(BASE):
                cells.append(f'<td><a href="{escape(local(value))}">{escape(value[len(BASE) :])}</a></td>')
            else:
                cells.append(f'<td lang="zh">{escape(value)}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    query = urlencode(params)
    downloads = " · ".join(
        f'<a href="/questions/{escape(question.id)}?{escape(query)}&amp;format={fmt}">{fmt.upper()}</a>'
        for fmt in ("csv", "xlsx", "json")
    )
    return page(
        question.title_en,
        f"<h1>{escape(question.title_zh)} · {escape(question.title_en)}</h1><p>{escape(question.description)}</p>"
        f"<p>{escape(', '.join(f'{k}={v}' for k, v in params.items()))} — {len(rows)} rows · {downloads}</p>"
        f"<table><tr>{head}</tr>{''.join(body)}</table><details><summary>SPARQL</summary><pre>{escape(question.query)}</pre></details>",
    )
