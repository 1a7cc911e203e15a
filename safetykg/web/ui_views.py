"""HTML for the home page, the question gallery, a question's form and its answer table."""

import re
from html import escape
from urllib.parse import urlencode

from markupsafe import Markup

from safetykg.core.namespaces import ID
from safetykg.query.questions import TERM_TYPES, ColumnLabel, Question
from safetykg.web.pages import local, render
from safetykg.web.ui_corpus import Corpus, Labels
from safetykg.web.ui_text import has_word, label, parameter_label, t

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
        doc = row["regulation"].rsplit("/", 1)[-1]
        cards.append(
            {
                "iri": row["regulation"],
                "href": corpus.reader_href(row["regulation"]) or local(row["regulation"]),
                "title": label(labels, row["regulation"], lang) if lang == "en" else row.get("title", doc),
                "place": row["jurisdiction"],
                "issuers": row.get("issuers", ""),
                "chapters": row.get("chapters", "?"),
                "articles": row.get("articles", "?"),
            }
        )
    titles = t(lang, "list_sep").join(d.short for d in corpus.documents)
    return render(
        "home.html",
        lang=lang,
        intro=t(lang, "intro", count=len(corpus.documents), titles=titles),
        cards=cards,
        places=corpus.jurisdictions,
        stats=("jurisdictions", "organs", "posts", "duties", "designations"),
        counts=counts,
        ways=WAYS,
        values={"count": len(corpus.jurisdictions), "national": national_words(lang, corpus)},
        link=lambda iri: Markup(a(iri, labels, lang)),
    )


def _title(question: Question, lang: str) -> str:
    return question.title_en if lang == "en" else question.title_zh


def gallery_body(lang: str, questions: dict[str, Question]) -> str:
    listed = [
        {
            "id": question.id,
            "title": _title(question, lang),
            "other": question.title_zh if lang == "en" else question.title_en,
            "description": question.describe(lang),
            "params": ", ".join(f"{p.name}{'' if p.required else '?'}" for p in question.parameters),
        }
        for question in questions.values()
    ]
    return render("gallery.html", lang=lang, questions=listed)


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
    errors: list[str] | None = None,
) -> str:
    """The question's form showing exactly what was asked: a given value as what it resolved to (whatever form it
    took), a value not understood as itself; an optional parameter left out as （不限）, a required one the example.
    ``errors`` are the messages about values not understood, shown under the form."""
    fields = []
    for p in question.parameters:
        given = values.get(p.name, "")
        field: dict[str, object] = {
            "name": p.name,
            "caption": parameter_label(lang, p.name),
            "optional": not p.required,
            "example": p.example,
            "choices": None,
        }
        if p.type in TERM_TYPES:
            if given:
                chosen = bound.get(p.name, given)
            else:
                chosen = "" if asked or not p.required else _preselected("", p.example, options[p.name])
            choices = [] if p.required else [("", t(lang, "any"), False)]
            if chosen and chosen not in {iri for iri, _, _ in options[p.name]}:
                choices.append((given, f"{given} ({t(lang, 'unrecognised')})", True))  # shown as given: form = URL
            for iri, zh, en in options[p.name]:
                shown = f"{en or zh} · {zh}" if lang == "en" else f"{zh} · {en}" if en else zh
                choices.append((iri, shown, iri == chosen))
            field["choices"] = choices
        else:
            field["value"] = given if given or asked or not p.required else p.example
        fields.append(field)
    return render(
        "question.html",
        lang=lang,
        id=question.id,
        title=_title(question, lang),
        description=question.describe(lang),
        fields=fields,
        errors=errors or [],
    )


Cell = dict[str, object]


def _cell(column: str, value: str, labels: Labels, lang: str) -> Cell:
    """A cell of an undeclared column: an IRI of the project as its label, linked; anything else as it is."""
    if value.startswith(ID):
        return {"col": column, "text": label(labels, value, lang), "href": local(value)}
    return {"col": column, "text": value, "zh": True}


def _labelled_cell(column: ColumnLabel, row: dict[str, str], labels: Labels, lang: str) -> Cell:
    """A cell of a declared column: its value, linked to the IRI of its ``link`` column when the row has one;
    ``col`` names the entity the cell stands for, ``label`` its column (shown beside the value on a phone)."""
    value = row.get(column.name, "")
    target = row.get(column.link, "") if column.link else ""
    cell: Cell = {"col": column.link or column.name, "label": column.label(lang)}
    if target:
        return {**cell, "text": _linked_words(value, target, labels, lang), "href": local(target)}
    if value.startswith(ID):
        return {**cell, "text": label(labels, value, lang), "href": local(value)}
    words = _as_words(value, lang, labels)
    return {**cell, "text": words, "zh": bool(_CJK.search(words))}


def grid_view(question: Question, rows: list[dict[str, str]], lang: str, labels: Labels) -> dict[str, object]:
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
    cells: dict[tuple[str, str], list[list[dict[str, str]]]] = {}
    counted = {"minimumCount", "period", "perYear"}
    for row in rows:
        parts = []
        stated = bool(row.get("minimumCount") and row.get("period"))
        if stated:  # 每年至少 4 次, at least 4 times every year
            period = _as_words(row["period"], lang, labels)
            parts.append({"text": t(lang, "at_least").format(period=period, count=row["minimumCount"])})
        for column in shown:
            value = row.get(column.name, "")
            if not value or (column.name in counted and stated):
                continue
            target = row.get(column.link, "") if column.link else ""
            text = _linked_words(value, target, labels, lang) if target else _as_words(value, lang, labels)
            parts.append({"text": text, "href": local(target) if target else ""})
        cells.setdefault((row.get(down, ""), row.get(across, "")), []).append(parts)
    headings = [shown_key(across, key) for key in column_keys]
    return {
        "title": f"{captions.get(down, down)} × {captions.get(across, across)}",
        "corner": captions.get(down, down),
        "columns": headings,
        "rows": [
            (shown_key(down, key), [(h, cells.get((key, c), [])) for h, c in zip(headings, column_keys, strict=True)])
            for key in row_keys
        ],
    }


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
    """The answer under a question's form: downloads, the grid of a comparison, the table, the SPARQL."""
    if question.columns:  # the columns its header declares for people, in the page's language
        head = [c.label(lang) for c in question.columns]
        body = [[_labelled_cell(c, row, labels, lang) for c in question.columns] for row in rows]
    else:
        head = list(columns)
        body = [[_cell(c, row.get(c, ""), labels, lang) for c in columns] for row in rows]
    return render(
        "answer.html",
        lang=lang,
        id=question.id,
        rows=rows,
        head=head,
        body=body,
        labelled=bool(question.columns),
        query=urlencode(values),
        editor="/sparql?" + urlencode({"question": question.id, "edit": bound_query or question.query}),
        grid=grid_view(question, rows, lang, labels) if question.grid and rows else None,
        sparql=question.query,
    )
