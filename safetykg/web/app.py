"""The HTTP service's factory: the worker pool, the middleware, the error handlers, and the routers it wires:
the SPARQL 1.1 Protocol (read-only, routes/sparql.py), the canned questions (routes/questions.py), linked data
(routes/linked_data.py), downloads (routes/downloads.py) and the pages (routes/pages.py, their views in ui.py).

Every query goes to the worker pool, which runs it under the deadline. Client mistakes are 4xx with a message;
anything unexpected is logged and answered 500.
"""

import inspect
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

from safetykg.core.resources import Folders
from safetykg.core.snapshot import DUMP
from safetykg.web.caching import HttpCaching
from safetykg.web.clients import ClientMiddleware
from safetykg.web.errors import ErrorAnswer, error_response
from safetykg.web.front import in_front
from safetykg.web.hygiene import Hygiene, server_options
from safetykg.web.lean import EXPOSED
from safetykg.web.pages import STATIC
from safetykg.web.routes import downloads, interpret, linked_data, pages, search, sparql
from safetykg.web.routes import questions as question_routes
from safetykg.web.served import Served
from safetykg.web.service import Service, prepare_service
from safetykg.web.settings import ServerSettings
from safetykg.web.ui import UI

# The server sets up no OpenTelemetry; the telemetry of recent FastAPI versions would look for providers on every
# request.
_NO_TELEMETRY: dict[str, Any] = (
    {"telemetry": {"tracing": False, "metrics": False, "logs": False}}
    if "telemetry" in inspect.signature(FastAPI.__init__).parameters
    else {}
)


def create_app(settings: ServerSettings, dist: Path, queries: Folders | None = None, lean: bool = True) -> FastAPI:
    """The app whole: the service, the framework's app, the fast paths in front of it and a lifespan that starts and
    stops the workers, in one object (what the tests and benchmarks run in-process; ``safetykg serve`` runs
    ``front.py``'s, which answers before the framework is imported). ``lean``: SPARQL queries and questions in JSON
    answered by the lean path (``lean.py``), not routed through the framework (the same answers: turned off only to
    compare the two)."""
    service = prepare_service(settings, dist, queries)
    app = framework_app(service, starts_pool=True)
    _in_front(app, lambda inner: in_front(service, inner, lean))  # outermost: a GET answered before, the lean path
    return app


def framework_app(service: Service, starts_pool: bool = False) -> FastAPI:
    """The framework's app on a service: the routers, the middleware and the error handlers. ``starts_pool``: its
    lifespan starts and stops the service's workers (else whoever made the service does)."""
    settings, manifest, pool = service.settings, service.manifest, service.pool

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if starts_pool:
            await pool.start()
        yield
        if starts_pool:
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
    app.state.answers = service.answers
    app.add_middleware(ClientMiddleware, trusted_proxy=settings.trusted_proxy)

    @app.exception_handler(ErrorAnswer)
    async def client_error(request: Request, err: ErrorAnswer) -> Response:
        return error_response(request, err.status, err.message, err.headers)

    @app.exception_handler(StarletteHTTPException)
    async def routing_error(request: Request, err: StarletteHTTPException) -> Response:
        """No route (404) or a method it does not take (405): answered like the app's own errors."""
        message = f"no page at {request.url.path}" if err.status_code == 404 else str(err.detail)
        return error_response(request, err.status_code, message, dict(err.headers or {}))

    run, dist, questions = service.run, service.dist, service.read_questions()
    ui = UI(run, manifest, dist, questions, service.queries)
    served = Served(settings, dist, manifest, service.graphs, questions, run, ui)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for area in (sparql, question_routes, linked_data, downloads, pages, search, interpret):
        app.include_router(area.router(served))

    app.state.warm_ups = [ui.interpreter]  # made once the app is built, before a question in words waits for it
    app.state.server_options = server_options(settings)  # for uvicorn.run: request-head limits, proxy headers
    app.add_middleware(HttpCaching, snapshot=service.snapshot, max_age=settings.cache_max_age)
    if settings.cors_origin:  # browser clients on other sites: the endpoints are read-only
        app.add_middleware(
            CORSMiddleware,
            allow_origins=[settings.cors_origin],
            allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
            allow_headers=["Accept", "Content-Type", "If-None-Match"],
            expose_headers=EXPOSED.split(", "),
            max_age=86400,
        )
    app.add_middleware(Hygiene)  # its headers and 500s cover every answer
    return app


def _in_front(app: FastAPI, front: Callable[[ASGIApp], ASGIApp]) -> None:
    """Put ASGI layers in front of all others, the framework's own too (its error, telemetry and body-limit layers,
    which cost every request some time): the fast paths answer before them."""
    build = app.build_middleware_stack

    def build_with_front() -> ASGIApp:
        return front(build())

    app.build_middleware_stack = build_with_front  # type: ignore[method-assign]


def ensure_dump(dist: Path) -> bool:
    return (dist / DUMP).exists() and (dist / "manifest.json").exists()
