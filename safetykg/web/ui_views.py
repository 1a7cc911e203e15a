"""HTML for the home page, the question gallery, a question's form and its answer table."""

import re
from html import escape
from urllib.parse import urlencode

from safetykg.core.namespaces import ID
from safetykg.query.questions import TERM_TYPES, ColumnLabel, Question
from safetykg.web.pages import local
from safetykg.web.ui_corpus import Corpus
from safetykg.web.ui_text import has_word, label, parameter_label, t

Labels = dict[str, dict[str, str]]
_CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
WAYS = (
    ("/ask", "questions", "ways_questions"),
    ("/read", "reader", "ways_read"),
    ("/compare", "compare", "ways_compare"),
    ("/completeness", "completeness", "ways_completeness"),
    ("/sparql", "sparql", "ways_sparql"),
)


def a(iri: str, labels: Labels, lang: str, cls: str = "") -> str:
    """A link to the local page of an IRI, showing its label in the page's language."""
    attr = f' class="{escape(cls)}"' if cls else ""
    return f'<a{attr} href="{escape(local(iri))}">{escape(label(labels, iri, lang))}</a>'


def national_words(lang: str, corpus: Corpus) -> str:
    """What the pages call the national rule: its short title from the build, or a generic word."""
    return corpus.national_short or t(lang, "national_rule")


def home_body(lang: str, corpus: Corpus, overview: list[dict[str, str]], counts: dict[str, str], labels: Labels) -> str:
    """The corpus as the build has it: the regulations (in the corpus's order), their places and counts."""
    order = [d.iri for d in corpus.documents]
    cards = []
    for row in sorted(overview, key=lambda r: order.index(r["regulation"]) if r["regulation"] in order else len(order)):
        href = corpus.reader_href(row["regulation"]) or local(row["regulation"])
        doc = row["regulation"].rsplit("/", 1)[-1]
        title = label(labels, row["regulation"], lang) if lang == "en" else row.get("title", doc)
        cards.append(
            f'<li><a href="{escape(href)}"><strong>{escape(title)}</strong></a><br>'
            f'<span class="muted">{a(row["jurisdiction"], labels, lang)} · {escape(row.get("issuers", ""))}</span><br>'
            f"{escape(row.get('chapters', '?'))} {t(lang, 'chapters')} / {escape(row.get('articles', '?'))} {t(lang, 'articles')}"
            f' · <a href="{escape(local(row["regulation"]))}">IRI</a></li>'
        )
    stats = "".join(
        f'<div><span class="count">{escape(counts.get(key, "0"))}</span>{escape(t(lang, key))}</div>'
        for key in ("jurisdictions", "organs", "posts", "duties", "designations")
    )
    places = " · ".join(a(place, labels, lang) for place in corpus.jurisdictions)
    values = {"count": len(corpus.jurisdictions), "national": national_words(lang, corpus)}
    ways = "".join(
        f'<li><a href="{href}"><strong>{escape(t(lang, name))}</strong></a><br>{escape(t(lang, hint, **values))}</li>'
        for href, name, hint in WAYS
    )
    titles = t(lang, "list_sep").join(d.short for d in corpus.documents)
    intro = t(lang, "intro", count=len(corpus.documents), titles=titles)
    return (
        f'<h1>{escape(t(lang, "site"))}</h1><p id="intro">{escape(intro)}</p>'
        f'<h2>{escape(t(lang, "inside"))}</h2><ul class="cards" id="regulations">{"".join(cards)}</ul>'
        f'<p id="places">{escape(t(lang, "jurisdictions"))}: {places}</p><div class="stats" id="counts">{stats}</div>'
        f'<h2>{escape(t(lang, "ways_in"))}</h2><ul class="cards">{ways}</ul>'
        '<p class="muted"><a href="/download/">safetykg.nq / .ttl / .jsonld</a> · <a href="/void">VoID</a> · '
        '<a href="/validation">validation</a> · <a href="/openapi.json">OpenAPI</a></p>'
    )


def _title(question: Question, lang: str) -> str:
    return question.title_en if lang == "en" else question.title_zh


def gallery_body(lang: str, questions: dict[str, Question]) -> str:
    items = []
    for question in questions.values():
        params = ", ".join(f"{escape(p.name)}{'' if p.required else '?'}" for p in question.parameters) or "—"
        other = question.title_zh if lang == "en" else question.title_en
        items.append(
            f'<li id="q-{escape(question.id)}"><a href="/ask/{escape(question.id)}"><strong>{escape(_title(question, lang))}</strong></a>'
            f'<br><span class="muted">{escape(other)}</span><br><small>{escape(question.describe(lang))}</small>'
            f"<br><small><code>{params}</code></small></li>"
        )
    return f'<h1>{escape(t(lang, "questions"))}</h1><ul class="cards">{"".join(items)}</ul>'


def _preselected(value: str, example: str, options: list[tuple[str, str, str]]) -> str:
    if value:
        return value
    wanted = example.strip().lower()
    for iri, zh, en in options:
        if wanted in (zh.lower(), en.lower(), iri.rsplit("/", 1)[-1]) or zh.startswith(example):
            return iri
    return ""


def question_form(
    lang: str,
    question: Question,
    values: dict[str, str],
    bound: dict[str, str],
    options: dict[str, list[tuple[str, str, str]]],
    asked: bool,
) -> str:
    """The question's form showing exactly what was asked: a given value as what it resolved to (whatever form it
    took), a value not understood as itself; an optional parameter left out as （不限）, a required one the example."""
    fields = []
    for p in question.parameters:
        name = escape(p.name)
        caption = escape(parameter_label(lang, p.name))
        if not p.required:
            caption += f' <span class="muted">({escape(t(lang, "any"))})</span>'
        given = values.get(p.name, "")
        if p.type in TERM_TYPES:
            if given:
                chosen = bound.get(p.name, given)
            else:
                chosen = "" if asked or not p.required else _preselected("", p.example, options[p.name])
            choices = [] if p.required else [f'<option value="">{escape(t(lang, "any"))}</option>']
            known = {iri for iri, _, _ in options[p.name]}
            if chosen and chosen not in known:  # not understood: shown as given, so the form matches the URL
                choices.append(
                    f'<option value="{escape(given)}" selected>{escape(given)} ({escape(t(lang, "unrecognised"))})</option>'
                )
            for iri, zh, en in options[p.name]:
                shown = f"{en or zh} · {zh}" if lang == "en" else f"{zh} · {en}" if en else zh
                selected = " selected" if iri == chosen else ""
                choices.append(f'<option value="{escape(iri)}"{selected}>{escape(shown)}</option>')
            fields.append(
                f'<div class="field"><label for="p-{name}">{caption}</label>'
                f'<select name="{name}" id="p-{name}">{"".join(choices)}</select></div>'
            )
        else:
            value = given if given or asked or not p.required else p.example
            fields.append(
                f'<div class="field"><label for="p-{name}">{caption}</label><input name="{name}" id="p-{name}" '
                f'value="{escape(value)}" placeholder="{escape(p.example)}"></div>'
            )
    return (
        f'<h1>{escape(_title(question, lang))}</h1><p class="muted">{escape(question.describe(lang))}</p>'
        f'<form class="ask" method="get" action="/ask/{escape(question.id)}">{"".join(fields)}'
        f'<input type="hidden" name="ask" value="1"><input type="hidden" name="lang" value="{escape(lang)}">'
        f'<button type="submit" id="ask-button">{escape(t(lang, "ask"))}</button></form>'
    )


def _cell(column: str, value: str, labels: Labels, lang: str) -> str:
    if value.startswith(ID):
        return f'<td data-col="{escape(column)}">{a(value, labels, lang)}</td>'
    return f'<td data-col="{escape(column)}" lang="zh">{escape(value)}</td>'


def _labelled_cell(column: ColumnLabel, row: dict[str, str], labels: Labels, lang: str) -> str:
    """A cell of a declared column: its value, linked to the IRI of its ``link`` column when the row has one;
    data-col names the entity the cell stands for, data-label its column (shown beside the value on a phone)."""
    value = row.get(column.name, "")
    target = row.get(column.link, "") if column.link else ""
    name = escape(column.link or column.name)
    caption = escape(column.label(lang))
    if target:
        shown = escape(_linked_words(value, target, labels, lang))
        return f'<td data-col="{name}" data-label="{caption}"><a href="{escape(local(target))}">{shown}</a></td>'
    if value.startswith(ID):
        return f'<td data-col="{name}" data-label="{caption}">{a(value, labels, lang)}</td>'
    words = _as_words(value, lang, labels)
    return f'<td data-col="{name}" data-label="{caption}"{_lang_of(words)}>{escape(words)}</td>'


def grid_body(question: Question, rows: list[dict[str, str]], lang: str, labels: Labels) -> str:
    """A comparison side by side (the question's ``grid``): e.g. levels down, jurisdictions across; each cell lists
    the answer's rows that have both, by their other declared columns, the provision linked."""
    assert question.grid is not None
    down, across = question.grid.rows, question.grid.columns
    row_keys = list(dict.fromkeys(r.get(down, "") for r in rows))
    column_keys = list(dict.fromkeys(r.get(across, "") for r in rows))
    captions = {c.name: c.label(lang) for c in question.columns}
    links = {c.name: c.link for c in question.columns if c.link}
    targets: dict[tuple[str, str], str] = {}  # (column, value) -> the IRI the value links to, read once
    for row in rows:
        for axis in (down, across):
            link = links.get(axis)
            if link and row.get(link):
                targets.setdefault((axis, row.get(axis, "")), row[link])

    def shown_key(column: str, key: str) -> str:
        """A row's or column's heading in the page's language: the label of the IRI its value links to."""
        target = targets.get((column, key), "")
        return _linked_words(key, target, labels, lang) if target else _as_words(key, lang, labels)

    shown = [c for c in question.columns if c.name not in (down, across)]
    cells: dict[tuple[str, str], list[str]] = {}
    counted = {"minimumCount", "period", "perYear"}
    for row in rows:
        parts = []
        if row.get("minimumCount") and row.get("period"):  # 每年至少 4 次, at least 4 times every year
            period = _as_words(row["period"], lang, labels)
            parts.append(escape(t(lang, "at_least").format(period=period, count=row["minimumCount"])))
        for column in shown:
            if column.name in counted and row.get("minimumCount") and row.get("period"):
                continue
            value = row.get(column.name, "")
            if not value:
                continue
            target = row.get(column.link, "") if column.link else ""
            text = _linked_words(value, target, labels, lang) if target else _as_words(value, lang, labels)
            parts.append(f'<a href="{escape(local(target))}">{escape(text)}</a>' if target else escape(text))
        cells.setdefault((row.get(down, ""), row.get(across, "")), []).append(" · ".join(parts))
    head = f'<th scope="col">{escape(captions.get(down, down))}</th>' + "".join(
        f'<th scope="col">{escape(shown_key(across, key))}</th>' for key in column_keys
    )
    body = "".join(
        f'<tr><th scope="row">{escape(shown_key(down, key))}</th>'
        + "".join(
            f'<td data-label="{escape(shown_key(across, column))}">'
            + "".join(f"<div>{entry}</div>" for entry in cells.get((key, column), []))
            + "</td>"
            for column in column_keys
        )
        + "</tr>"
        for key in row_keys
    )
    title = f"{captions.get(down, down)} × {captions.get(across, across)}"
    return (
        f'<h3>{escape(title)}</h3><div class="scroll"><table class="grid stack" id="grid">'
        f"<tr>{head}</tr>{body}</table></div>"
    )


def _lang_of(text: str) -> str:
    """The lang attribute of a value: Chinese when it has Chinese characters, else none (the page's language)."""
    return ' lang="zh"' if _CJK.search(text) else ""


def _linked_words(value: str, target: str, labels: Labels, lang: str) -> str:
    """A linked value in the page's language: the label of the IRI it links to (a post, an organ, a level …);
    a citation keeps its own words (the rule's short title and the article)."""
    if "/id/regulation/" in target or target not in labels:
        return value
    return labels[target].get(lang) or value


def _as_words(value: str, lang: str, labels: Labels | None = None) -> str:
    """A value as people read it: a period in the lexicon's words (P1Y: 每年), a yes/no as ✓/✗, the ontology's
    'unspecified' in words."""
    if labels and value in labels and not value.startswith(ID):
        return labels[value].get(lang) or labels[value].get("zh") or value
    if value in ("true", "false"):
        return "✓" if value == "true" else "✗"
    if value.endswith("#unspecified"):
        return t(lang, "unspecified")
    if has_word(f"value_{value}"):  # the words of a fixed value of a query (duty, designation …)
        return t(lang, f"value_{value}")
    return value


def answer_body(
    lang: str,
    question: Question,
    values: dict[str, str],
    columns: list[str],
    rows: list[dict[str, str]],
    labels: Labels,
    bound_query: str = "",
) -> str:
    if question.columns:  # the columns its header declares for people, in the page's language
        head = "".join(f'<th scope="col">{escape(c.label(lang))}</th>' for c in question.columns)
        body = "".join(
            "<tr>" + "".join(_labelled_cell(c, row, labels, lang) for c in question.columns) + "</tr>" for row in rows
        )
    else:
        head = "".join(f'<th scope="col">{escape(c)}</th>' for c in columns)
        body = "".join(
            "<tr>" + "".join(_cell(c, row.get(c, ""), labels, lang) for c in columns) + "</tr>" for row in rows
        )
    query = urlencode(values)
    downloads = " · ".join(
        f'<a id="download-{fmt}" href="/questions/{escape(question.id)}?{escape(query)}&amp;format={fmt}">{fmt.upper()}</a>'
        for fmt in ("csv", "xlsx", "json")
    )
    editor = f"/sparql?{escape(urlencode({'question': question.id, 'edit': bound_query or question.query}))}"
    labelled = " labelled" if question.columns else ""
    grid = grid_body(question, rows, lang, labels) if question.grid and rows else ""
    table = f'<div class="scroll"><table class="stack answer{labelled}" id="answer"><tr>{head}</tr>{body}</table></div>'
    return (
        f"<h2>{len(rows)} {escape(t(lang, 'rows'))}</h2>"
        f'<p>{escape(t(lang, "download"))}: {downloads} · <a href="{editor}">{escape(t(lang, "open_editor"))}</a></p>'
        + grid
        + (table if rows else f"<p>{escape(t(lang, 'no_rows'))}</p>")
        + f'<details id="sparql"><summary>{escape(t(lang, "see_sparql"))}</summary><pre>{escape(question.query)}</pre></details>'
    )
