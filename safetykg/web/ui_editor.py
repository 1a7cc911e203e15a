"""The SPARQL editor's page (templates/editor.html): CodeMirror 6 from static/vendor/, driven by static/editor.js,
which completes prefixes, keywords and the graph's classes and properties, runs the query on /sparql and shows,
sorts and downloads the results.

CodeMirror writes its own styles into a <style> element: the page's policy allows that element alone, by a nonce
drawn for each response (``policy``); scripts stay as the other pages have them, from this server only.
"""

import secrets
from typing import Any
from urllib.parse import urlencode

import pyoxigraph as ox
from markupsafe import Markup

from safetykg.core.namespaces import BASE, PREFIXES
from safetykg.query.questions import Question
from safetykg.web.hygiene import CSP
from safetykg.web.pages import render
from safetykg.web.ui_corpus import Corpus
from safetykg.web.ui_text import t

# @codemirror/view's version names the bundle (tools/editor-bundle, static/vendor/README.md)
SCRIPTS = ("vendor/codemirror-sparql.6.43.15.js", "editor.js")
HEADER = "".join(
    f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items() if name in ("skg", "eli", "org", "skos", "rdfs")
)
EXAMPLES = {  # fixed examples; the first one shown is built from the build (``place_example``)
    "duties-per-jurisdiction": (
        "各地职责数量 · Duties per jurisdiction",
        HEADER
        + """SELECT ?jurisdiction (COUNT(?duty) AS ?duties) WHERE {
  ?duty a skg:Duty ; skg:jurisdiction ?jurisdiction .
} GROUP BY ?jurisdiction ORDER BY DESC(?duties)""",
    ),
    "mentions": (
        "提到“一票否决”的条款 · Provisions mentioning 一票否决",
        HEADER
        + """SELECT ?provision ?citation ?text WHERE {
  ?provision skg:citation ?citation ; skg:text ?text .
  FILTER(CONTAINS(?text, "一票否决"))
} ORDER BY ?citation LIMIT 50""",
    ),
}
WORDS = ("rows", "truncated", "running", "uses", "class", "property", "prefix_added", "answer_true", "answer_false")


def place_example(corpus: Corpus) -> dict[str, tuple[str, str]]:
    """An example about the first local jurisdiction of the build (the first one if all are national)."""
    places = corpus.local_places or corpus.jurisdictions
    if not places:
        return {}
    place = places[0]
    names = corpus.labels.get(place, {})
    zh, en = names.get("zh", place), names.get("en") or names.get("zh", place)
    query = (
        HEADER
        + f"""SELECT ?organ ?label (COUNT(DISTINCT ?duty) AS ?duties) WHERE {{
  ?organ a skg:Organ ; skg:jurisdiction {ox.NamedNode(place)} ; rdfs:label ?label . FILTER(LANG(?label) = "zh")
  OPTIONAL {{ {{ ?duty skg:bearer ?organ }} UNION {{ ?duty skg:bearer/org:postIn ?organ }} }}
}} GROUP BY ?organ ?label ORDER BY DESC(?duties) ?label"""
    )
    return {"organs-of-a-place": (f"{zh}的机关及其职责数量 · Organs of {en} and their duties", query)}


def vocabulary(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    """The rows of queries/vocabulary.rq as the editor completes them: IRI, kind, uses and labels."""
    return [
        {"iri": r["term"], "kind": r["kind"], "uses": int(r["uses"]), "zh": r.get("zh", ""), "en": r.get("en", "")}
        for r in rows
    ]


def nonce() -> str:
    return secrets.token_urlsafe(18)


def policy(style_nonce: str) -> str:
    """The editor page's Content-Security-Policy: the site's, with CodeMirror's <style> element allowed by its nonce,
    and style attributes: typing over a selection of coloured tokens, Chromium's editing keeps their colour in a
    style attribute (CodeMirror redraws the line at once), with a keyboard as with an input method."""
    return f"{CSP}; style-src 'self' 'nonce-{style_nonce}'; style-src-attr 'unsafe-inline'"


def editor_body(
    lang: str,
    corpus: Corpus,
    questions: dict[str, Question],
    question: Question | None,
    text: str | None,
    terms: list[dict[str, Any]],
    style_nonce: str,
) -> Markup:
    """The editor, opened on ``text`` (a query someone handed over, such as a question with its values bound),
    else on the question's query, else on the first example; with the examples and every canned question to
    choose from, and the prefixes and the graph's ``terms`` (``vocabulary``) to complete."""
    fixed = {**place_example(corpus), **EXAMPLES}
    examples = {key: {"title": title, "query": query} for key, (title, query) in fixed.items()}
    for q in questions.values():
        examples["question:" + q.id] = {"title": f"{q.title_zh} · {q.title_en}", "query": q.query.strip()}
    initial = text or (question.query.strip() if question else next(iter(fixed.values()))[1])
    permalink = "/sparql?" + urlencode({"edit": initial, **({"lang": lang} if lang != "zh" else {})})
    return render(
        "editor.html",
        lang=lang,
        examples=examples,
        initial=initial,
        permalink=permalink,
        base=BASE,
        nonce=style_nonce,
        prefixes="".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items()),
        vocabulary={"prefixes": PREFIXES, "terms": terms},
        words={key: t(lang, "editor_" + key) for key in WORDS},
    )
