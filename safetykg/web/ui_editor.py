"""HTML for the SPARQL editor; safetykg/web/static/editor.js highlights the query, runs it on /sparql and shows a table."""

import json
from html import escape

import pyoxigraph as ox

from safetykg.core.namespaces import BASE, PREFIXES
from safetykg.query.questions import Question
from safetykg.web.ui_corpus import Corpus
from safetykg.web.ui_text import t

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


def _json_for_script(data: object) -> str:
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


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


def editor_body(
    lang: str, corpus: Corpus, questions: dict[str, Question], question: Question | None, text: str | None = None
) -> str:
    """The editor, opened on ``text`` (a query someone handed over, such as a question with its values bound),
    else on the question's query, else on the first example."""
    fixed = {**place_example(corpus), **EXAMPLES}
    examples = {key: {"title": title, "query": query} for key, (title, query) in fixed.items()}
    for q in questions.values():
        examples["question:" + q.id] = {"title": f"{q.title_zh} · {q.title_en}", "query": q.query.strip()}
    initial = text or (question.query.strip() if question else next(iter(fixed.values()))[1])
    options = "".join(
        f'<option value="{escape(key)}">{escape(value["title"])}</option>' for key, value in examples.items()
    )
    prefixes = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())
    return (
        f'<h1>SPARQL</h1><p class="muted">/sparql · SPARQL 1.1 · read-only</p>'
        f'<p><label>{escape(t(lang, "examples"))}: <select id="examples"><option value="">—</option>{options}</select></label></p>'
        f'<div class="editor" data-base="{escape(BASE)}"><pre id="highlight" aria-hidden="true"></pre>'
        f'<textarea id="query" spellcheck="false" autocapitalize="off" aria-label="SPARQL">{escape(initial)}</textarea></div>'
        f'<p><button type="button" id="run">{escape(t(lang, "run"))}</button> <span id="status" class="muted"></span></p>'
        f'<details><summary>{escape(t(lang, "prefixes"))}</summary><pre id="prefixes">{escape(prefixes)}</pre></details>'
        '<div class="scroll" id="results"></div>'
        f'<script type="application/json" id="example-data">{_json_for_script(examples)}</script>'
    )
