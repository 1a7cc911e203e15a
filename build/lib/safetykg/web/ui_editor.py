"""HTML for the SPARQL editor; safetykg/web/static/editor.js highlights the query, runs it on /sparql and shows a table."""

import json
from html import escape

from safetykg.core.namespaces import PREFIXES
from safetykg.query.questions import Question
from safetykg.web.ui_text import t

HEADER = "".join(
    f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items() if name in ("skg", "eli", "org", "skos", "rdfs")
)
EXAMPLES = {
    "departments-fireworks": (
        "烟花爆竹的监管部门（新疆） · Departments for fireworks in Xinjiang",
        HEADER
        + """SELECT DISTINCT ?organ ?label ?citation WHERE {
  ?duty skg:concernsDomain <https://w3id.org/safetykg/id/domain/fireworks> ;
        skg:jurisdiction <https://w3id.org/safetykg/id/jurisdiction/xinjiang> ;
        skg:bearer/org:postIn ?organ ; skg:citation ?citation .
  ?organ rdfs:label ?label . FILTER(LANG(?label) = "zh")
} ORDER BY ?citation""",
    ),
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


def editor_body(lang: str, questions: dict[str, Question], question: Question | None) -> str:
    examples = {key: {"title": title, "query": query} for key, (title, query) in EXAMPLES.items()}
    for q in questions.values():
        examples["question:" + q.id] = {"title": f"{q.title_zh} · {q.title_en}", "query": q.query.strip()}
    initial = question.query.strip() if question else EXAMPLES["departments-fireworks"][1]
    options = "".join(
        f'<option value="{escape(key)}">{escape(value["title"])}</option>' for key, value in examples.items()
    )
    prefixes = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())
    return (
        f'<h1>SPARQL</h1><p class="muted">/sparql · SPARQL 1.1 · read-only</p>'
        f'<p><label>{escape(t(lang, "examples"))}: <select id="examples"><option value="">—</option>{options}</select></label></p>'
        '<div class="editor"><pre id="highlight" aria-hidden="true"></pre>'
        f'<textarea id="query" spellcheck="false" autocapitalize="off" aria-label="SPARQL">{escape(initial)}</textarea></div>'
        f'<p><button type="button" id="run">{escape(t(lang, "run"))}</button> <span id="status" class="muted"></span></p>'
        f'<details><summary>{escape(t(lang, "prefixes"))}</summary><pre id="prefixes">{escape(prefixes)}</pre></details>'
        '<div class="scroll" id="results"></div>'
        f'<script type="application/json" id="example-data">{_json_for_script(examples)}</script>'
    )
