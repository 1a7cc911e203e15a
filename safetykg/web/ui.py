"""The web interface for policy researchers: home, questions, reader, entity pages, compare, completeness, editor.

Every page gets its data from the worker pool (``run``) through the ``select``, ``labels`` and
``question`` jobs; parameters are bound as RDF terms there. Static files come from safetykg/web/static/.
"""

import asyncio
import json
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pyoxigraph as ox
from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from safetykg.core.namespaces import ID, SKG
from safetykg.core.resources import Folders
from safetykg.query.bindings import with_values
from safetykg.query.interpret import Interpreter, Wording
from safetykg.query.questions import TERM_TYPES, Question
from safetykg.web import ui_queries as Q
from safetykg.web.errors import ErrorAnswer
from safetykg.web.pages import page
from safetykg.web.ui_compare import compare_body, completeness_body
from safetykg.web.ui_corpus import Corpus, corpus_from_rows
from safetykg.web.ui_editor import SCRIPTS as EDITOR_SCRIPTS
from safetykg.web.ui_editor import editor_body, nonce, policy, vocabulary
from safetykg.web.ui_entity import card_iris, entity_body, entity_card, entity_sections
from safetykg.web.ui_reader import Reading, fetch_reading, reader_body
from safetykg.web.ui_text import label, language, parameter_label, t
from safetykg.web.ui_views import answer_body, gallery_body, home_body, question_form

Run = Callable[[dict[str, Any]], Awaitable[dict[str, Any]]]
RESERVED = ("lang", "ask", "format")
ENTITIES_KEPT = 4096  # entity pages' data kept in memory (a few kB each)
ENTITY_TYPES = {  # rdf:type → the kind of entity page
    SKG + "Organ": "organ",
    SKG + "Post": "post",
    SKG + "Domain": "domain",
    SKG + "Jurisdiction": "jurisdiction",
    SKG + "OrganKind": "organ-kind",
    SKG + "Role": "role",
}


def bound_query(question: Question, bound: dict[str, str]) -> str:
    """The question's query with the values asked bound in a VALUES block: what "open in the editor" hands over."""
    terms: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {}
    for parameter in question.parameters:
        if parameter.name in bound:
            value = bound[parameter.name]
            term = ox.NamedNode(value) if parameter.type in TERM_TYPES else ox.Literal(value)
            terms[ox.Variable(parameter.name)] = term
    return with_values(question.query, terms) if terms else question.query


class UI:
    """The pages, with the data they share (the corpus, term lists, citations) fetched once through the pool.

    The published snapshot never changes while it is served, so what is fetched is kept for the app's life.
    """

    def __init__(
        self, run: Run, manifest: dict[str, Any], dist: Path, questions: dict[str, Question], queries: Folders
    ) -> None:
        self.run, self.manifest, self.dist, self.questions = run, manifest, dist, questions
        self.queries = queries  # the questions' folders, where the interpreter's wording is
        self.cache: dict[str, Any] = {}
        self._interpreter: Interpreter | None = None
        self._making: asyncio.Future[Interpreter] | None = None
        self.entities: OrderedDict[str, tuple[dict[str, Any], dict[str, Any]]] = OrderedDict()

    async def select(self, query: str, **bindings: tuple[str, str]) -> dict[str, Any]:
        return await self.run({"op": "select", "query": query, "bindings": {k: list(v) for k, v in bindings.items()}})

    async def corpus(self) -> Corpus:
        """The regulations of the build and their jurisdictions, national first (see ui_corpus)."""
        if "corpus" not in self.cache:
            reply = await self.select(Q.DOCUMENTS)
            self.cache["corpus"] = corpus_from_rows(reply["rows"], reply["labels"])
        result: Corpus = self.cache["corpus"]
        return result

    async def terms(self, kind: str) -> list[tuple[str, str, str]]:
        """(IRI, zh label, en label) of every term of a parameter type, sorted by the zh label.

        Jurisdictions are only those that some regulation of the build has, in the corpus's order.
        """
        key = "terms:" + kind
        if key not in self.cache:
            reply = await self.select(Q.TERMS.format(pattern=TERM_TYPES[kind]))
            labels = reply["labels"]
            found = [
                (r["term"], labels.get(r["term"], {}).get("zh", r["term"]), labels.get(r["term"], {}).get("en", ""))
                for r in reply["rows"]
            ]
            found.sort(key=lambda x: (x[1], x[0]))
            if kind == "jurisdiction":
                places = (await self.corpus()).jurisdictions
                found = sorted((x for x in found if x[0] in places), key=lambda x: places.index(x[0]))
            self.cache[key] = found
        result: list[tuple[str, str, str]] = self.cache[key]
        return result

    async def citations(self) -> dict[str, str]:
        if "citations" not in self.cache:
            reply = await self.select(Q.CITATIONS)
            self.cache["citations"] = {r["citation"].replace(" ", ""): r["provision"] for r in reply["rows"]}
        result: dict[str, str] = self.cache["citations"]
        return result

    async def period_words(self) -> dict[str, dict[str, str]]:
        """The lexicon's period words by duration (P1Y: 每年, every year), for answers that state a period."""
        if "periods" not in self.cache:
            rows = (await self.select(Q.PERIOD_WORDS))["rows"]
            self.cache["periods"] = {r["duration"]: {"zh": r["zh"], "en": r["en"]} for r in rows}
        words: dict[str, dict[str, str]] = self.cache["periods"]
        return words

    async def interpreter(self) -> Interpreter:
        """The interpreter of questions in words, over the build's labels (read once through a worker), made once in
        a thread (about a second of indexing, which would hold every other request back on the event loop). The
        server starts making it once its app is built (``warm_ups``); a request waits for it, and when it could not
        be made its error is raised to whoever waited, and it is made again when next asked."""
        if self._interpreter is not None:
            return self._interpreter
        making = self._making
        if making is None or making.done():  # done without an interpreter: it failed
            making = self._making = asyncio.ensure_future(self._make_interpreter())
        return await asyncio.shield(making)

    async def _make_interpreter(self) -> Interpreter:
        vocabulary = await self.run({"op": "vocabulary"})
        loop = asyncio.get_running_loop()
        made = await loop.run_in_executor(None, Interpreter, vocabulary, self.questions, Wording.load(self.queries))
        self._interpreter = made
        return made

    async def labels(self, iris: list[str]) -> dict[str, dict[str, str]]:
        if not iris:
            return {}
        reply = await self.run({"op": "labels", "iris": sorted(set(iris))})
        result: dict[str, dict[str, str]] = reply["labels"]
        return result

    def respond(
        self, request: Request, title: str, body: str, scripts: tuple[str, ...] = (), status: int = 200
    ) -> Response:
        lang = language(request)
        other = "en" if lang == "zh" else "zh"
        query = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"] + [("lang", other)]
        html = page(title, body, lang, "?" + urlencode(query), scripts, request.url.path)
        response = HTMLResponse(html, status_code=status)
        return response

    async def home(self, request: Request) -> Response:
        lang = language(request)
        corpus = await self.corpus()
        overview = await self.run({"op": "question", "question": "regulation-overview", "params": {}})
        counts = {r["kind"]: r["n"] for r in (await self.select(Q.COUNTS))["rows"]}
        counts["jurisdictions"] = str(len(corpus.jurisdictions))  # places with a rule, not every place known
        iris = [r.get(c, "") for r in overview["rows"] for c in ("regulation", "jurisdiction")]
        labels = await self.labels([i for i in iris + corpus.jurisdictions if i.startswith(ID)])
        return self.respond(request, t(lang, "site"), home_body(lang, corpus, overview["rows"], counts, labels))

    async def gallery(self, request: Request) -> Response:
        lang = language(request)
        return self.respond(request, t(lang, "questions"), gallery_body(lang, self.questions))

    async def ask(self, request: Request, qid: str) -> Response:
        """/ask/{qid}: the question's form, and its answer when the form was sent (?ask=1)."""
        question = self.questions.get(qid)
        if question is None:
            raise ErrorAnswer(404, f"no question {qid!r}; see /ask")
        return await self.question_page(request, question, "ask" in request.query_params)

    async def question_page(self, request: Request, question: Question, asked: bool) -> Response:
        """A question's form showing what the URL asks and, when ``asked``, the answer under it; what /ask/{id}
        and /questions/{id} answer a browser."""
        qid = question.id
        lang = language(request)
        values = {k: v for k, v in request.query_params.items() if k not in RESERVED and v.strip()}
        options = {p.name: await self.terms(p.type) for p in question.parameters if p.type in TERM_TYPES}
        # the form shows what was asked, in whatever form it was given (label, slug, IRI): resolved first
        resolved = await self.run({"op": "resolve", "question": qid, "params": values}) if values else {}
        bound, errors = resolved.get("bound", {}), resolved.get("errors", {})
        if asked:  # a required value left out is said on the form, not answered by an error page
            for p in question.parameters:
                if p.required and p.name not in values:
                    errors[p.name] = t(lang, "needs_value", name=parameter_label(lang, p.name), example=p.example)
        body = question_form(lang, question, values, bound, options, asked, list(errors.values()))
        if asked and not errors:
            body += (await self.answer(lang, question, values, bound))[0]
        title = question.title_en if lang == "en" else question.title_zh
        scripts = ("table.js",) if asked and not errors else ()
        return self.respond(request, title, body, scripts, status=400 if errors else 200)  # not understood: 4xx

    async def answer(
        self, lang: str, question: Question, values: dict[str, str], bound: dict[str, str]
    ) -> tuple[str, dict[str, Any]]:
        """A question's answer for people (the table, its grid, downloads, the SPARQL), and the worker's reply;
        ``bound`` holds the IRIs the values name, for "open in the editor"."""
        reply = await self.run({"op": "question", "question": question.id, "params": values})
        iris = [v for row in reply["rows"] for v in row.values() if v.startswith(ID)]
        labels = {**await self.labels(iris), **await self.period_words()}
        body = answer_body(
            lang, question, values, reply["columns"], reply["rows"], labels, bound_query(question, bound)
        )
        return body, reply

    async def read_first(self, request: Request) -> Response:
        """/read: the national rule (or the first regulation) in the reader."""
        corpus = await self.corpus()
        if not corpus.documents:
            raise ErrorAnswer(404, "the build has no regulation to read")
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"/read/{corpus.documents[0].key}{query}", status_code=307)

    async def read(self, request: Request, doc: str) -> Response:
        """/read/{doc}: a regulation in the reader; ?article=22 (or 第二十二条) jumps to that article (303 to its
        anchor), and an article the rule does not have is said beside the jump box (404)."""
        corpus = await self.corpus()
        document = corpus.document(doc)
        if document is None:
            available = ", ".join(d.key for d in corpus.documents)
            raise ErrorAnswer(404, f"no regulation {doc!r}; available: {available}")
        lang = language(request)
        key = "reader:" + document.iri  # what the reader shows of a document, fetched once (see ui_reader)
        if key not in self.cache:
            self.cache[key] = await fetch_reading(self.run, corpus, document)
        reading: Reading = self.cache[key]
        asked = request.query_params.get("article", "").strip()
        found = reading.find(asked) if asked else ""
        if found:
            keep = "" if lang == "zh" else f"?lang={lang}"
            return RedirectResponse(f"/read/{document.key}{keep}#{found}", status_code=303)
        body = reader_body(reading, corpus, lang, asked, missing=bool(asked))
        return self.respond(request, reading.title(lang), body, status=404 if asked else 200)

    async def entity(self, iri: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """What an entity page shows (the worker's description, the labels it needs and its sections' rows),
        fetched once per IRI and kept (the least recently used dropped past ENTITIES_KEPT); None for no such IRI."""
        if iri in self.entities:
            self.entities.move_to_end(iri)
            return self.entities[iri]
        data = await self.run({"op": "resource", "iri": iri})
        if data["status"] == 404:
            return None
        kinds = [ENTITY_TYPES[t["value"]] for t in data["types"] if t["value"] in ENTITY_TYPES]
        empty: dict[str, Any] = {"rows": [], "labels": {}}
        found: dict[str, Any] = {
            "kind": kinds[0] if kinds else "",
            "duties": empty,
            "designations": empty,
            "organs": empty,
        }
        if kinds:
            kind, entity = kinds[0], ("iri", iri)
            found["duties"] = await self.select(Q.DUTIES.format(match=Q.DUTY_MATCH[kind]), entity=entity)
            if kind in Q.DESIGNATION_MATCH:
                match = Q.DESIGNATION_MATCH[kind]
                found["designations"] = await self.select(Q.DESIGNATIONS.format(match=match), entity=entity)
            if kind == "jurisdiction":
                found["organs"] = await self.select(Q.ORGANS_OF, entity=entity)
        labels = await self.labels(card_iris(data))
        for part in ("duties", "designations", "organs"):
            labels.update(found[part]["labels"])
        found["labels"] = labels
        self.entities[iri] = (data, found)
        if len(self.entities) > ENTITIES_KEPT:
            self.entities.popitem(last=False)
        return data, found

    async def resource(self, request: Request, iri: str) -> Response:
        """An IRI's page for people: its card, its sections by jurisdiction, its RDF."""
        described = await self.entity(iri)
        if described is None:
            raise ErrorAnswer(404, f"no resource {iri}")
        data, found = described
        lang, corpus, labels = language(request), await self.corpus(), found["labels"]
        sections = Markup("")
        if found["kind"]:
            rows = {part: found[part]["rows"] for part in ("duties", "designations", "organs")}
            sections = entity_sections(lang, found["kind"], iri, corpus, labels=labels, **rows)
        body = entity_body(entity_card(data, labels, lang, corpus), sections, lang)
        return self.respond(request, label(labels, iri, lang) if iri in labels else data["label"] or iri, body)

    async def compare(self, request: Request) -> Response:
        lang = language(request)
        role, kind = request.query_params.get("role", ""), request.query_params.get("organKind", "")
        roles, kinds = await self.terms("role"), await self.terms("organ-kind")
        known = {iri for iri, _, _ in roles + kinds}
        bindings = {}
        if role in known:
            bindings["role"] = ("iri", role)
        if kind in known:
            bindings["organKind"] = ("iri", kind)
        rows: list[dict[str, str]] = []
        measures: list[dict[str, str]] = []
        labels: dict[str, dict[str, str]] = {}
        if bindings:
            reply = await self.select(Q.COMPARE, **bindings)
            listed = await self.select(Q.MEASURES)
            rows, measures = reply["rows"], listed["rows"]
            labels = {**reply["labels"], **listed["labels"]}
        corpus = await self.corpus()
        labels.update(await self.labels(corpus.jurisdictions))
        labels.update(await self.period_words())
        body = compare_body(lang, corpus, role, kind, roles, kinds, rows, measures, labels)
        return self.respond(request, t(lang, "compare"), body)

    async def completeness(self, request: Request) -> Response:
        lang = language(request)
        name = "validation.en.json" if lang == "en" else "validation.json"
        path = self.dist / name
        report = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"rows": []}
        body = completeness_body(lang, await self.corpus(), report["rows"], await self.citations())
        return self.respond(request, t(lang, "completeness"), body)

    async def editor(self, request: Request) -> Response:
        """/sparql for a browser: the editor, completing the classes and properties of the graph (fetched once);
        its policy allows CodeMirror's <style> element by a nonce of this response (ui_editor.policy)."""
        lang = language(request)
        question = self.questions.get(request.query_params.get("question", ""))
        text = request.query_params.get("edit")  # not "query": that name asks the endpoint to run it
        if "editor-vocabulary" not in self.cache:
            self.cache["editor-vocabulary"] = vocabulary((await self.select(Q.VOCABULARY))["rows"])
        style_nonce = nonce()
        corpus, terms = await self.corpus(), self.cache["editor-vocabulary"]
        body = editor_body(lang, corpus, self.questions, question, text, terms, style_nonce)
        response = self.respond(request, "SPARQL", body, EDITOR_SCRIPTS)
        response.headers["Content-Security-Policy"] = policy(style_nonce)
        return response
