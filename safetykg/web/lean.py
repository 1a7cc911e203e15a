"""The lean path: the commonest requests, ``GET`` (or ``HEAD``) ``/sparql?query=…`` and a canned question asked
for JSON (``/questions/<id>?…``), answered without the web framework's routing and without a middleware layer per
concern.

It does what the full stack does for such a request, in one pass and in the same order: the same guard, the same
negotiation, the same job handed to the worker pool (``run``: answer cache, deadline, row cap, byte bound, fair
share, 429, worker isolation), the same answer with the same headers (those of ``hygiene.py``, of the CORS
middleware, of ``caching.py``) and the same 500s. Anything else, or anything it would not answer 200 before the
query runs (a query the guard refuses, a conditional request, no acceptable format, an update, no query or more
than one, a question's page or file, a question's required value missing, a CORS origin other than ``*``), it hands
to the full stack untouched: those answers come from one place. An error once the query has run (a deadline, 429, a
query the engine refuses) is answered here, as the full stack answers it (``errors.error_response``).
``tests/test_server_lean.py`` holds the two paths to the same answers.
"""

import asyncio
import codecs
import contextlib
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from safetykg.query.guard import QueryRefused, check_graphs, check_query
from safetykg.query.sparql_results import DEFAULT_GRAPH_TYPE, DEFAULT_SOLUTION_TYPE, GRAPH_TYPES, SOLUTION_TYPES
from safetykg.web.caching import entity_tag
from safetykg.web.clients import client_of, current_client, current_departure
from safetykg.web.errors import ErrorAnswer, error_response
from safetykg.web.hygiene import CSP, SECURITY_HEADERS, answer_internal_error, public_base
from safetykg.web.negotiation import negotiate
from safetykg.web.pool import Signal, sparql_job

GRAPH_OFFERS, SOLUTION_OFFERS = list(GRAPH_TYPES), list(SOLUTION_TYPES)
QUESTION_OFFERS = ["application/json", "text/html"]
WATCH_AFTER = 0.02  # seconds a job runs before its client's departure is watched (a short job ends first)
EXPOSED = "ETag, Server-Timing, SafetyKG-Truncated, Retry-After"  # the CORS middleware's expose_headers in app.py
_SECURITY = [(name.lower().encode(), value.encode()) for name, value in SECURITY_HEADERS.items()]
_SECURITY.append((b"content-security-policy", CSP.encode()))
Run = Callable[[dict[str, Any]], Awaitable[dict[str, Any]]]


class LeanPaths:
    """ASGI middleware, in front of the framework's own layers, just inside the fast path of answers kept in
    memory (``fast_answers.py``)."""

    def __init__(
        self,
        app: ASGIApp,
        settings: Any,
        graphs: set[str],
        snapshot: str,
        run: Run,
        questions: Callable[[], Mapping[str, Any] | None],
    ) -> None:
        """``questions``: the canned questions once the server has read them (None before: a question asked until
        then is the full stack's to answer)."""
        self.app, self.settings, self.graphs, self.snapshot, self.run = app, settings, graphs, snapshot, run
        self.questions = questions
        self.required: dict[str, tuple[str, list[str]]] | None = None
        self.cors = settings.cors_origin == "*"
        self.enabled = settings.cors_origin in ("*", "")  # another origin: the CORS middleware answers alone
        self.control = f"public, max-age={settings.cache_max_age}".encode()
        self.limits = (settings.max_query_bytes, settings.max_nesting, settings.max_operators)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not (self.enabled and scope["type"] == "http" and scope["method"] in ("GET", "HEAD")):
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        required = self.required if self.required is not None else self._required()
        if path == "/sparql":
            answer = self._sparql
        elif required is not None and path in required:
            answer = self._question
        else:
            await self.app(scope, receive, send)
            return
        began, started = time.perf_counter(), False

        async def sending(message: Message) -> None:
            nonlocal started
            started = True
            await send(message)

        try:
            answered = await answer(scope, receive, sending, began)
        except Exception as exc:  # as hygiene.py answers it: logged with an id, 500
            await answer_internal_error(exc, {**scope, "method": "GET"}, send, scope["method"] == "HEAD", started)
            return
        if not answered:
            await self.app(scope, receive, send)

    def _required(self) -> dict[str, tuple[str, list[str]]] | None:
        """Each question's path: its id and the names of its required values, once the questions are read."""
        questions = self.questions()
        if questions is not None:
            self.required = {
                "/questions/" + q.id: (q.id, [p.name for p in q.parameters if p.required]) for q in questions.values()
            }
        return self.required

    async def _sparql(self, scope: Scope, receive: Receive, send: Send, began: float) -> bool:
        """Answer a SPARQL query, or return False (having sent nothing) for the full stack to answer it."""
        accept, origin, conditional = _headers(scope)
        if conditional:
            return False
        raw_query = scope.get("query_string", b"").decode("latin-1")
        params: dict[str, list[str]] = {}
        for key, value in query_pairs(raw_query):
            params.setdefault(key, []).append(value)
        queries = params.get("query", [])
        if "update" in params or len(queries) != 1:
            return False
        default_graphs, named_graphs = params.get("default-graph-uri", []), params.get("named-graph-uri", [])
        try:
            check_graphs(default_graphs, self.graphs, "default-graph-uri")
            check_graphs(named_graphs, self.graphs, "named-graph-uri")
            checked = check_query(queries[0], self.graphs, *self.limits)
        except QueryRefused:
            return False
        graph_form = checked.form in ("CONSTRUCT", "DESCRIBE")
        offered = GRAPH_OFFERS if graph_form else SOLUTION_OFFERS
        media_type = negotiate(accept, offered, DEFAULT_GRAPH_TYPE if graph_form else DEFAULT_SOLUTION_TYPE)
        if media_type is None:
            return False
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}  # as the full stack sees it (hygiene.py)
        request = Request(scope) if self.settings.trust_forwarded_headers else None
        base_iri = public_base(self.settings, request) + "/sparql"
        job = sparql_job(checked, media_type, default_graphs, named_graphs, self.settings.row_cap, base_iri)
        try:
            reply = await self._run(job, scope, receive)
        except ErrorAnswer as err:
            answer = error_response(Request(scope), err.status, err.message, err.headers)
            await self._send(send, answer, origin, None, began, head)
            return True
        headers = {"SafetyKG-Truncated": "true"} if reply.get("truncated") else None
        answer = Response(reply["body"], media_type=reply["media_type"], headers=headers)
        tag = entity_tag(self.snapshot, "/sparql", raw_query, accept or "").encode()
        await self._send(send, answer, origin, tag, began, head)
        return True

    async def _question(self, scope: Scope, receive: Receive, send: Send, began: float) -> bool:
        """Answer a canned question in JSON (routes/questions.py), or return False for the full stack to answer it:
        another format, a page for a browser, a required value missing (the framework's 422)."""
        accept, origin, conditional = _headers(scope)
        if conditional:
            return False
        raw_query = scope.get("query_string", b"").decode("latin-1")
        given = dict(query_pairs(raw_query))  # the last of a repeated name, as Starlette
        fmt = given.get("format") or (
            "html" if negotiate(accept, QUESTION_OFFERS, "application/json") == "text/html" else "json"
        )
        assert self.required is not None  # only a question's path of these comes here
        question, required = self.required[scope["path"]]
        if fmt != "json" or any(name not in given for name in required):
            return False
        values = {key: value for key, value in given.items() if key not in ("format", "lang")}
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}
        try:
            reply = await self._run({"op": "question", "question": question, "params": values}, scope, receive)
        except ErrorAnswer as err:
            answer = error_response(Request(scope), err.status, err.message, err.headers)
            await self._send(send, answer, origin, None, began, head)
            return True
        document = {"question": question, "params": values, "columns": reply["columns"], "rows": reply["rows"]}
        tag = entity_tag(self.snapshot, scope["path"], raw_query, accept or "").encode()
        await self._send(send, JSONResponse(document), origin, tag, began, head)
        return True

    async def _run(self, job: dict[str, Any], scope: Scope, receive: Receive) -> dict[str, Any]:
        """The job through the pool, as from the full stack's client middleware: the client named by its address,
        and its departure (the connection closed) stopping the query; watched only once the job is not short."""
        loop = asyncio.get_running_loop()
        departed = Signal()
        watcher: asyncio.Task[None] | None = None

        def watch() -> None:
            nonlocal watcher
            watcher = loop.create_task(_departure(receive, departed))

        later = loop.call_later(WATCH_AFTER, watch)
        client = current_client.set(client_of(scope, self.settings.trusted_proxy))
        departure = current_departure.set(departed)
        try:
            return await self.run(job)
        finally:
            current_client.reset(client)
            current_departure.reset(departure)
            later.cancel()
            if watcher is not None:
                watcher.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await watcher

    async def _send(
        self, send: Send, answer: Response, origin: bytes | None, tag: bytes | None, began: float, head: bool
    ) -> None:
        """The answer with the headers the full stack adds, in its order: caching (a 200), CORS, hygiene."""
        headers = list(answer.raw_headers)
        if tag is not None and answer.status_code == 200:
            headers += [(b"etag", tag), (b"cache-control", self.control)]
            headers.append((b"vary", b"Accept, Origin" if self.cors else b"Accept"))
            if self.cors and origin is not None:
                headers += [
                    (b"access-control-allow-origin", b"*"),
                    (b"access-control-expose-headers", EXPOSED.encode()),
                ]
        elif self.cors:
            if origin is not None:
                headers += [
                    (b"access-control-allow-origin", b"*"),
                    (b"access-control-expose-headers", EXPOSED.encode()),
                ]
            headers.append((b"vary", b"Origin"))
        headers.append((b"server-timing", f"app;dur={(time.perf_counter() - began) * 1000:.1f}".encode()))
        present = {name for name, _ in headers}
        headers += [(name, value) for name, value in _SECURITY if name not in present]
        await send({"type": "http.response.start", "status": answer.status_code, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if head else answer.body})


_PERCENT_NOT_AN_ESCAPE = re.compile("%(?![0-9A-Fa-f]{2})")


def query_pairs(raw_query: str) -> list[tuple[str, str]]:
    """``urllib.parse.parse_qsl(raw_query, keep_blank_values=True)``, as Starlette reads a query string, the same
    pairs; the percent escapes of an ASCII string (every query string a client encodes) are decoded by the codec
    machinery in C instead of Python's ``unquote``, which costs a request tens of microseconds on a long query. A
    string with other characters, or a ``%`` that is not an escape, is read by ``parse_qsl`` itself."""
    if not raw_query.isascii() or _PERCENT_NOT_AN_ESCAPE.search(raw_query):
        return parse_qsl(raw_query, keep_blank_values=True)
    pairs = []
    for field in raw_query.split("&"):
        if field:
            name, _, value = field.partition("=")
            pairs.append((_unquote_plus(name), _unquote_plus(value)))
    return pairs


def _unquote_plus(text: str) -> str:
    """An ASCII string whose every ``%`` starts an escape, decoded as ``unquote_plus`` decodes it: each backslash
    doubled first, so that the only escapes the codec finds are the ``\\xHH`` written for ``%HH``."""
    if "%" not in text:
        return text.replace("+", " ")
    escaped = text.replace("+", " ").replace("\\", "\\\\").replace("%", "\\x").encode("ascii")
    decoded: bytes = codecs.escape_decode(escaped)[0]
    return decoded.decode("utf-8", "replace")


def _headers(scope: Scope) -> tuple[str | None, bytes | None, bool]:
    """The request's (first) Accept and Origin headers, and whether it is conditional (If-None-Match)."""
    accept = origin = None
    conditional = False
    for name, value in scope["headers"]:
        if name == b"accept":
            accept = value.decode("latin-1") if accept is None else accept
        elif name == b"origin":
            origin = value if origin is None else origin
        elif name == b"if-none-match":
            conditional = True
    return accept, origin, conditional


async def _departure(receive: Receive, departed: Signal) -> None:
    """Wait for the client to go away (its request, without a body, was read already or is read first)."""
    while (await receive())["type"] != "http.disconnect":
        pass
    departed.set()
