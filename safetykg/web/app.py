"""The HTTP service's factory: the worker pool, the middleware, the error handlers, and the routers it wires:
the SPARQL 1.1 Protocol (read-only, routes/sparql.py), the canned questions (routes/questions.py), linked data
(routes/linked_data.py), downloads (routes/downloads.py) and the pages (routes/pages.py, their views in ui.py).

Every query goes to the worker pool, which runs it under the deadline. Client mistakes are 4xx with a message;
anything unexpected is logged and answered 500.
"""

import inspect
import json
import logging
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp

from safetykg.core.resources import DataFolders, Folders
from safetykg.core.snapshot import DUMP
from safetykg.query.questions import load_questions
from safetykg.web.answer_cache import AnswerCache
from safetykg.web.caching import HttpCaching
from safetykg.web.clients import ClientMiddleware, current_client, current_departure
from safetykg.web.errors import ErrorAnswer, error_response
from safetykg.web.fast_answers import FastAnswers
from safetykg.web.hygiene import Hygiene, server_options
from safetykg.web.lean import LeanPaths
from safetykg.web.pages import STATIC
from safetykg.web.pool import (
    Cancelled,
    DeadlineExceeded,
    MemoryExceeded,
    Preempted,
    QueueFull,
    TooManyFromClient,
    WorkerFailed,
    WorkerPool,
    prepare_workers,
)
from safetykg.web.routes import downloads, interpret, linked_data, pages, search, sparql
from safetykg.web.routes import questions as question_routes
from safetykg.web.served import Served
from safetykg.web.settings import ServerSettings
from safetykg.web.ui import UI

log = logging.getLogger("safetykg.server")
# The server sets up no OpenTelemetry; the telemetry of recent FastAPI versions would look for providers on every
# request.
_NO_TELEMETRY: dict[str, Any] = (
    {"telemetry": {"tracing": False, "metrics": False, "logs": False}}
    if "telemetry" in inspect.signature(FastAPI.__init__).parameters
    else {}
)


def create_app(settings: ServerSettings, dist: Path, queries: Folders | None = None, lean: bool = True) -> FastAPI:
    """The app; ``lean``: SPARQL queries and questions in JSON answered by the lean path (``lean.py``), not routed
    through the framework (the same answers: turned off only to compare the two)."""
    queries = DataFolders().layers("queries") if queries is None else queries
    manifest = json.loads((dist / "manifest.json").read_text(encoding="utf-8"))
    graphs = set(manifest.get("graphs", {})) | set(manifest.get("declared_graphs", []))
    prepare_workers()  # the fork server imports the worker module while the app is set up
    questions = load_questions(queries)
    pool = WorkerPool(
        dist,
        queries,
        settings.workers,
        settings.queue,
        settings.deadline,
        settings.store,
        settings.allow_worker_network,
        memory_limit=settings.worker_memory * 2**20,
        client_share=settings.client_share,
        spares=settings.spare_workers,
        questions=questions,  # read once here, not again in every worker
        memory_quads=settings.memory_store_quads,
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await pool.start()
        yield
        await pool.close()

    app = FastAPIOffline(
        title="safetykg",
        summary="Work-safety responsibility of Party and government leaders, as linked data",
        version=manifest.get("version", "0.1.0"),
        lifespan=lifespan,
        redoc_url=None,  # ReDoc loads its logo from cdn.redoc.ly; Swagger UI at /docs is served whole
        swagger_ui_parameters={"validatorUrl": None},  # no badge from validator.swagger.io
        **_NO_TELEMETRY,
    )
    app.state.pool = pool
    app.add_middleware(ClientMiddleware, trusted_proxy=settings.trusted_proxy)

    @app.exception_handler(ErrorAnswer)
    async def client_error(request: Request, err: ErrorAnswer) -> Response:
        return error_response(request, err.status, err.message, err.headers)

    @app.exception_handler(StarletteHTTPException)
    async def routing_error(request: Request, err: StarletteHTTPException) -> Response:
        """No route (404) or a method it does not take (405): answered like the app's own errors."""
        message = f"no page at {request.url.path}" if err.status_code == 404 else str(err.detail)
        return error_response(request, err.status_code, message, dict(err.headers or {}))

    snapshot = manifest.get("files", {}).get(DUMP, {}).get("sha256", "")
    answers = AnswerCache(snapshot, settings.answer_cache_bytes)
    app.state.answers = answers

    async def run(job: dict[str, Any]) -> dict[str, Any]:
        job = {**job, "max_answer_bytes": settings.max_answer_bytes}
        key = answers.key(job)
        kept = answers.get(key) if key else None
        if kept is not None:
            return kept
        reply = await _run(job)
        if key:
            answers.put(key, reply)
        return reply

    async def _run(job: dict[str, Any]) -> dict[str, Any]:
        try:
            reply = await pool.run(job, current_client.get(), current_departure.get())
        except DeadlineExceeded:
            raise ErrorAnswer(
                503, f"the query ran past the {settings.deadline:g} s deadline and was stopped", {"Retry-After": "1"}
            ) from None
        except MemoryExceeded:
            raise ErrorAnswer(
                503,
                f"the query needed more than {settings.worker_memory} MB and was stopped",
                {"Retry-After": "1"},
            ) from None
        except Cancelled:
            raise ErrorAnswer(499, "the client went away; the query was stopped") from None
        except Preempted:
            raise ErrorAnswer(
                503,
                "the query ran long while other clients waited and was stopped to give them their turn",
                {"Retry-After": "2"},
            ) from None
        except TooManyFromClient as err:
            raise ErrorAnswer(
                429,
                "you have used your share of the query workers for now; try again after the Retry-After seconds",
                {"Retry-After": str(err.retry_after)},
            ) from None
        except QueueFull:
            raise ErrorAnswer(
                429,
                "too many queries are waiting; try again shortly",
                {"Retry-After": str(max(1, round(settings.deadline)))},
            ) from None
        except WorkerFailed as err:
            log.error("%s", err)
            raise
        if reply.get("error") == "internal":
            error_id = uuid.uuid4().hex[:12]
            log.error("internal error %s in job %s:\n%s", error_id, job.get("op"), reply["message"])
            raise RuntimeError(f"internal error {error_id}")
        if reply.get("error") == "store":
            log.error("the store failed job %s: %s", job.get("op"), reply["message"])
            raise ErrorAnswer(reply["status"], reply["message"], {"Retry-After": "1"} if reply["status"] == 503 else {})
        if "error" in reply:
            raise ErrorAnswer(reply["status"], reply["message"])
        return reply

    served = Served(settings, dist, manifest, graphs, questions, run, UI(run, manifest, dist, questions, queries))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for area in (sparql, question_routes, linked_data, downloads, pages, search, interpret):
        app.include_router(area.router(served))

    app.state.server_options = server_options(settings)  # for uvicorn.run: request-head limits, proxy headers
    app.add_middleware(HttpCaching, snapshot=snapshot, max_age=settings.cache_max_age)
    if settings.cors_origin:  # browser clients on other sites: the endpoints are read-only
        app.add_middleware(
            CORSMiddleware,
            allow_origins=[settings.cors_origin],
            allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
            allow_headers=["Accept", "Content-Type", "If-None-Match"],
            expose_headers=["ETag", "Server-Timing", "SafetyKG-Truncated", "Retry-After"],
            max_age=86400,
        )
    app.add_middleware(Hygiene)  # its headers and 500s cover every answer
    front: list[Callable[[ASGIApp], ASGIApp]] = [lambda inner: FastAnswers(inner, limit=settings.answer_cache_bytes)]
    if lean:  # GET /sparql?query=… and questions in JSON in one pass, with the headers and answers of the layers
        front.append(lambda inner: LeanPaths(inner, settings, graphs, snapshot, run, questions))
    _in_front(app, front)  # outermost: a GET answered before, then the lean path
    return app


def _in_front(app: FastAPI, layers: list[Callable[[ASGIApp], ASGIApp]]) -> None:
    """Put ASGI layers in front of all others, the framework's own too (its error, telemetry and body-limit layers,
    which cost every request some time): the fast paths answer before them."""
    build = app.build_middleware_stack

    def build_with_front() -> ASGIApp:
        stack = build()
        for layer in reversed(layers):
            stack = layer(stack)
        return stack

    app.build_middleware_stack = build_with_front  # type: ignore[method-assign]


def ensure_dump(dist: Path) -> bool:
    return (dist / DUMP).exists() and (dist / "manifest.json").exists()
