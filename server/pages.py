"""HTML pages for people: a resource, a canned question's answer, the list of questions."""

from html import escape
from typing import Any
from urllib.parse import urlencode

from safetykg.iris import BASE
from safetykg.questions import Question

STYLE = """
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:70rem;padding:1rem;line-height:1.5}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}
code{font-size:.85em;color:#555}.text{white-space:pre-wrap;background:#f6f6f2;padding:.8rem;border-left:3px solid #b33}
nav a{margin-right:1rem}@media (max-width:40rem){td,th{display:block}}
"""


def local(iri: str) -> str:
    """The server path of an IRI under the project's base, or the IRI itself elsewhere."""
    return "/" + iri[len(BASE) :] if iri.startswith(BASE) else iri


def page(title: str, body: str) -> str:
    return (
        f'<!doctype html><html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)} · safetykg</title><style>{STYLE}</style></head><body>"
        f'<nav><a href="/">safetykg</a><a href="/questions">问题 Questions</a><a href="/sparql">SPARQL</a><a href="/download/">下载 Downloads</a></nav>'
        f"{body}</body></html>"
    )


def link(term: dict[str, str]) -> str:
    if term.get("kind") != "iri":
        language = f' lang="{escape(term["language"])}"' if term.get("language") else ""
        return f"<span{language}>{escape(term.get('value', ''))}</span>"
    label = term.get("label") or term["value"]
    return f'<a href="{escape(local(term["value"]))}">{escape(label)}</a>'


def short(iri: str) -> str:
    for prefix, namespace in (
        ("skg:", BASE + "ontology#"),
        ("eli:", "http://data.europa.eu/eli/ontology#"),
        ("org:", "http://www.w3.org/ns/org#"),
        ("skos:", "http://www.w3.org/2004/02/skos/core#"),
        ("rdfs:", "http://www.w3.org/2000/01/rdf-schema#"),
        ("dcterms:", "http://purl.org/dc/terms/"),
    ):
        if iri.startswith(namespace):
            return prefix + iri[len(namespace) :]
    return iri


def resource_page(data: dict[str, Any]) -> str:
    iri = data["iri"]
    title = data["label"] or iri
    parts = [f"<h1>{escape(title)}</h1><p><code>{escape(iri)}</code></p>"]
    if data["types"]:
        parts.append(
            "<p>"
            + " · ".join(
                link(t) if t.get("label") else f"<code>{escape(short(t['value']))}</code>" for t in data["types"]
            )
            + "</p>"
        )
    if data["parents"]:
        parts.append("<p>" + " › ".join(link({"kind": "iri", **p}) for p in data["parents"]) + "</p>")
    if data["text"]:
        parts.append(f'<div class="text" lang="zh">{escape(data["text"])}</div>')
    rows = "".join(
        f"<tr><th><code>{escape(short(o['predicate']))}</code></th><td>{link(o['object'])}</td></tr>"
        for o in data["outgoing"]
    )
    parts.append(f"<h2>属性 Properties</h2><table>{rows}</table>")
    if data["incoming"]:
        rows = "".join(
            f"<tr><td>{link(i['subject'])}</td><th><code>{escape(short(i['predicate']))}</code></th></tr>"
            for i in data["incoming"]
        )
        parts.append(f"<h2>引用 Referenced by</h2><table>{rows}</table>")
    alternates = " · ".join(f'<a href="{escape(local(iri))}?format={fmt}">{fmt}</a>' for fmt in ("ttl", "jsonld", "nt"))
    parts.append(f"<p>{alternates}</p>")
    return page(title, "".join(parts))


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
    return page("Questions", f"<h1>问题 Canned questions</h1><ul>{''.join(items)}</ul>")


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
        for fmt in ("csv", "json")
    )
    return page(
        question.title_en,
        f"<h1>{escape(question.title_zh)} · {escape(question.title_en)}</h1><p>{escape(question.description)}</p>"
        f"<p>{escape(', '.join(f'{k}={v}' for k, v in params.items()))} — {len(rows)} rows · {downloads}</p>"
        f"<table><tr>{head}</tr>{''.join(body)}</table><details><summary>SPARQL</summary><pre>{escape(question.query)}</pre></details>",
    )
