"""Full-text search over the provisions at /search: a page for people, JSON for programs (``Accept:
application/json`` or ``?format=json``). What matches, how hits are ranked and what the filters read is said in
``safetykg/web/search.py``; the index it searches is fetched once through the worker pool (``queries/search.rq``)
and kept for the app's life, since the published snapshot never changes while it is served."""

import asyncio
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from markupsafe import Markup

from safetykg.query.interpret import Interpretation
from safetykg.web import ui_queries as Q
from safetykg.web.errors import ErrorAnswer
from safetykg.web.negotiation import negotiate
from safetykg.web.pages import render
from safetykg.web.search import (
    FACETS,
    MAX_QUERY,
    Hit,
    Index,
    Results,
    build_index,
    highlight,
    query_terms,
    resolve_filters,
)
from safetykg.web.search import search as find
from safetykg.web.served import Served
from safetykg.web.ui_corpus import Corpus
from safetykg.web.ui_interpret import chosen_reading, interpretation_view, reading_iris
from safetykg.web.ui_text import language, t

PAGE_SIZE = 50  # hits on a page (the JSON form carries every hit)
SHOWN_VALUES = 8  # a filter's values shown before "more"
FORMATS = {"html": "text/html", "json": "application/json"}
EXAMPLE_QUESTION = "provisions-mentioning"  # the canned question whose example term the empty page offers


def router(served: Served) -> APIRouter:
    ui = served.ui
    router = APIRouter()
    kept: dict[str, Index] = {}
    lock = asyncio.Lock()

    async def index() -> Index:
        if "index" not in kept:
            async with lock:
                if "index" not in kept:
                    reply = await served.run({"op": "select", "query": Q.SEARCH, "bindings": {}, "labels": False})
                    corpus = await ui.corpus()
                    rows = [row for row in reply["rows"] if row["kind"] != "chapter"]  # chapters: not shown
                    values = {row[c] for row in rows for c in ("value", "jurisdiction") if row.get(c)}
                    labels = await ui.labels(sorted(values))
                    kept["index"] = build_index(reply["rows"], [d.iri for d in corpus.documents], labels)
        return kept["index"]

    @router.get("/search", summary="Full-text search over every provision of every rule, with filters")
    async def search(
        request: Request,
        q: str = Query("", description=f"the words to find, separated by spaces (at most {MAX_QUERY} characters)"),
        jurisdiction: str | None = Query(None, description="a jurisdiction: IRI, the end of its IRI, or a label"),
        function: str | None = Query(None, description="a chapter function: IRI, the end of its IRI, or a label"),
        domain: str | None = Query(None, description="a domain: IRI, the end of its IRI, or a label"),
        organ: str | None = Query(None, description="an organ: IRI, the end of its IRI (place/kind), or a label"),
        page: str | None = Query(None, description=f"the page of the HTML answer, {PAGE_SIZE} hits a page"),
        format: str | None = Query(None, description="html or json; else chosen by the Accept header"),
        lang: str | None = Query(None, description="zh (default) or en"),
    ) -> Response:
        if format is not None and format not in FORMATS:
            raise ErrorAnswer(400, f"unknown format {format!r}; available: {', '.join(FORMATS)}")
        media = (
            FORMATS[format] if format else negotiate(request.headers.get("accept"), list(FORMATS.values()), "text/html")
        )
        if media is None:
            raise ErrorAnswer(406, f"the search answers as {', '.join(FORMATS.values())}")
        for name in ("q", *FACETS, "page"):
            if len(request.query_params.getlist(name)) > 1:
                raise ErrorAnswer(400, f"{name} is given more than once; give it once")
        page_lang = language(request)
        given = {"jurisdiction": jurisdiction, "function": function, "domain": domain, "organ": organ}
        query = q.strip()
        idx = await index()
        bound, wrong = resolve_filters(idx, {facet: value for facet, value in given.items() if value})
        too_long = len(query) > MAX_QUERY

        def problems(lang: str) -> list[str]:
            """What was not understood, in a language (a filter's reason is said as the question forms say it)."""
            said = [t(lang, "search_too_long", length=len(query), limit=MAX_QUERY)] if too_long else []
            return said + list(wrong.values())

        terms = () if too_long or wrong else query_terms(query)
        results = find(idx, terms, bound) if terms else Results((), {facet: () for facet in FACETS})
        corpus = await ui.corpus()
        reading = await _reading(served, request, query) if terms else None
        if reading is not None and isinstance(reading, str):  # a chosen reading the page cannot answer
            wrong["ask"] = reading
            reading = None
        by_values: tuple[str, ...] = ()  # the words of the question's values, when its words as such find nothing
        if reading is not None and terms and not results.hits and not wrong:
            by_values, narrowed = await _value_terms(served, reading, corpus.jurisdictions)
            if by_values:
                results = find(idx, by_values, {**narrowed, **bound})
        answered: tuple[str, dict[str, Any]] | None = None
        if reading is not None and reading.confident and reading.question:
            question = served.questions[reading.question]
            answered = await ui.answer(language(request), question, reading.params, reading.params)
        if media == "application/json":
            if too_long or wrong:
                return JSONResponse({"error": " ".join(problems("en"))}, status_code=400)
            found = _json(idx, corpus, query, terms, bound, results)
            found["interpretation"] = reading.as_json() if reading else None
            found["answer"] = (
                {"question": reading.question, "params": reading.params, **answered[1]}
                if reading and answered
                else None
            )
            return JSONResponse(found)
        errors = problems(page_lang)
        pages = max(1, -(-len(results.hits) // PAGE_SIZE))
        number = int(page) if page and page.isdigit() else (1 if not page else 0)
        if not 1 <= number <= pages:
            errors.append(t(page_lang, "search_bad_page", page=page, pages=pages))
            number = 1
        state = _State(idx, query, bound, page_lang)
        shown = results.hits[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        interpretation = None
        if reading is not None and not errors:
            interpreter = await ui.interpreter()
            iris = reading_iris(reading) + corpus.jurisdictions
            interpretation = render(
                "interpretation.html",
                lang=page_lang,
                view=interpretation_view(
                    reading,
                    bool(chosen_reading(list(request.query_params.multi_items()))[0]),
                    served.questions,
                    interpreter.wording,
                    corpus.jurisdictions,
                    await ui.labels(iris),
                    page_lang,
                    query,
                    [(facet, idx.key(value)) for facet, value in bound.items()],
                ),
                answer=Markup(answered[0]) if answered else "",
            )
        body = render(
            "search.html",
            lang=page_lang,
            interpretation=interpretation,
            q=q,
            limit=MAX_QUERY,
            hidden=[*((facet, idx.key(value)) for facet, value in bound.items()), *state.page_langfield()],
            errors=errors,
            searched=bool(terms),
            example=_example(served, state),
            terms=query,
            by_values=" ".join(by_values),
            total=len(results.hits),
            active=[
                {
                    "title": t(page_lang, f"search_facet_{facet}"),
                    "label": idx.label(value, page_lang),
                    "remove": state.url(drop=facet),
                }
                for facet, value in bound.items()
            ],
            clear=state.url(clear=True),
            start=(number - 1) * PAGE_SIZE + 1,
            hits=[_hit(hit, idx, corpus, page_lang) for hit in shown],
            pager={
                "page": number,
                "pages": pages,
                "previous": state.url(page=number - 1) if number > 1 else "",
                "next": state.url(page=number + 1) if number < pages else "",
            },
            json=state.url(page=1, extra=[("format", "json")], keep_lang=False),
            facets=[_facet(facet, results, state) for facet in FACETS],
        )
        title = f"{t(page_lang, 'search')}: {query}" if terms else t(page_lang, "search_title")
        scripts = ("table.js",) if answered else ()
        return ui.respond(request, title, body, scripts, status=400 if errors else 200)

    return router


async def _reading(served: Served, request: Request, query: str) -> Interpretation | str:
    """How the words are read: the question and values chosen on the page (``ask``, ``ask.<name>``), resolved
    like a form's; else the interpreter's reading. A message when the chosen question or a value names nothing."""
    asked, values = chosen_reading(list(request.query_params.multi_items()))
    if not asked:
        return (await served.ui.interpreter()).interpret(query)
    question = served.questions.get(asked)
    if question is None:
        return f"no question {asked!r}"
    resolved = await served.run({"op": "resolve", "question": asked, "params": values})
    if resolved["errors"]:
        return " ".join(resolved["errors"].values())
    missing = [p.name for p in question.parameters if p.required and p.name not in resolved["bound"]]
    if missing:
        return f"{asked} needs {', '.join(missing)}"
    return Interpretation(asked, resolved["bound"], True, 1.0, [], [])


async def _value_terms(
    served: Served, reading: Interpretation, places: list[str]
) -> tuple[tuple[str, ...], dict[str, str]]:
    """The words to search for when a question's words as such are in no provision: the Chinese label of each
    value it names (the words themselves for free text), and the jurisdiction it names as a filter."""
    values = [e["value"] for e in reading.evidence if e["param"]]
    place = next((v for v in values if v in places), "")
    named = [v for v in values if v not in places]
    labels = await served.ui.labels([v for v in named if v.startswith(("http://", "https://"))])
    words = [labels.get(v, {}).get("zh", "") if v.startswith(("http://", "https://")) else v for v in named]
    return query_terms(" ".join(w for w in words if w)), ({"jurisdiction": place} if place else {})


class _State:
    """The search as a URL: the query, the filters (each by its shortest IRI end) and the language; a link to a
    variation of it changes one thing."""

    def __init__(self, index: Index, query: str, bound: dict[str, str], lang: str) -> None:
        self.index, self.query, self.bound, self.lang = index, query, bound, lang

    def page_langfield(self) -> list[tuple[str, str]]:
        return [] if self.lang == "zh" else [("lang", self.lang)]

    def url(
        self,
        page: int = 1,
        drop: str = "",
        clear: bool = False,
        choose: tuple[str, str] | None = None,
        extra: list[tuple[str, str]] | None = None,
        keep_lang: bool = True,
    ) -> str:
        chosen = {} if clear else {facet: value for facet, value in self.bound.items() if facet != drop}
        if choose is not None:
            chosen[choose[0]] = choose[1]
        params = [("q", self.query), *((f, self.index.key(chosen[f])) for f in FACETS if f in chosen)]
        params += [("page", str(page))] if page > 1 else []
        params += (extra or []) + (self.page_langfield() if keep_lang else [])
        return "/search?" + urlencode(params)


def _facet(facet: str, results: Results, state: _State) -> dict[str, Any]:
    chosen = state.bound.get(facet)
    options = [
        {
            "label": state.index.label(value, state.lang),
            "count": count,
            "selected": value == chosen,
            "href": state.url(choose=(facet, value)),
        }
        for value, count in results.counts.get(facet, ())
    ]
    cut = SHOWN_VALUES if len(options) > SHOWN_VALUES + 2 else len(options)
    if chosen is not None:  # the chosen value is always in sight
        at = next((i for i, option in enumerate(options) if option["selected"]), 0)
        if at >= cut:
            options.insert(0, options.pop(at))
    return {
        "name": facet,
        "title": t(state.lang, f"search_facet_{facet}"),
        "any": state.url(drop=facet) if chosen is not None else "",
        "options": options[:cut],
        "more": options[cut:],
    }


def _hit(hit: Hit, index: Index, corpus: Corpus, lang: str) -> dict[str, Any]:
    href = corpus.reader_href(hit.entry.provision)
    if lang != "zh":
        path, _, fragment = href.partition("#")
        href = f"{path}?lang={lang}" + (f"#{fragment}" if fragment else "")
    return {
        "href": href,
        "citation": hit.entry.citation,
        "place": index.label(hit.entry.jurisdiction, lang),
        "html": highlight(hit.entry.text, hit.spans),
    }


def _json(
    index: Index, corpus: Corpus, query: str, terms: tuple[str, ...], bound: dict[str, str], results: Results
) -> dict[str, Any]:
    return {
        "q": query,
        "terms": list(terms),
        "filters": bound,
        "total": len(results.hits),
        "hits": [
            {
                "provision": hit.entry.provision,
                "citation": hit.entry.citation,
                "jurisdiction": hit.entry.jurisdiction,
                "jurisdictionLabel": index.labels.get(hit.entry.jurisdiction, {}),
                "document": hit.entry.document,
                "text": hit.entry.text,
                "matches": [list(span) for span in hit.spans],
                "occurrences": hit.occurrences,
                "coverage": round(hit.coverage, 4),
                "reader": corpus.reader_href(hit.entry.provision),
            }
            for hit in results.hits
        ],
        "facets": {
            facet: [
                {"value": value, "key": index.key(value), "label": index.labels.get(value, {}), "count": count}
                for value, count in results.counts.get(facet, ())
            ]
            for facet in FACETS
        },
    }


def _example(served: Served, state: _State) -> dict[str, str] | None:
    """A term to try on the empty page: the example of the canned full-text question, if the build has it."""
    question = served.questions.get(EXAMPLE_QUESTION)
    example = next((p.example for p in question.parameters if p.type == "string"), "") if question else ""
    if not example:
        return None
    return {"text": example, "href": "/search?" + urlencode([("q", example), *state.page_langfield()])}
