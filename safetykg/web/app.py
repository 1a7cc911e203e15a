"""The HTTP service: the SPARQL 1.1 Protocol (read-only), canned questions, linked data and downloads.

The app is thin: it checks requests, negotiates formats and hands every query to the worker pool,
which runs it under the deadline. Client mistakes are 4xx with a message; anything unexpected is
logged and answered 500.
"""

import inspect
import json
import logging
import re
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from fastapi import FastAPI, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException

from safetykg.core.namespaces import BASE, ID
from safetykg.core.resources import DataFolders, Folders, packaged
from safetykg.core.snapshot import DUMP
from safetykg.query.guard import QueryRefused, check_graphs, check_query
from safetykg.query.questions import Question, load_questions
from safetykg.query.sparql_results import DEFAULT_GRAPH_TYPE, DEFAULT_SOLUTION_TYPE, GRAPH_TYPES, SOLUTION_TYPES
from safetykg.query.tables import XLSX_TYPE, as_csv, as_xlsx, attachment, file_name
from safetykg.web.clients import ClientMiddleware, current_client, current_departure
from safetykg.web.errors import ErrorAnswer, error_response
from safetykg.web.hygiene import Hygiene, public_base, report_headers, server_options
from safetykg.web.negotiation import negotiate
from safetykg.web.pages import answer_page, page, questions_page
from safetykg.web.pool import (
    Cancelled,
    DeadlineExceeded,
    MemoryExceeded,
    Preempted,
    QueueFull,
    TooManyFromClient,
    WorkerFailed,
    WorkerPool,
)
from safetykg.web.service_description import service_description, void_description
from safetykg.web.settings import ServerSettings
from safetykg.web.ui import STATIC, register_ui
from safetykg.web.ui_text import language, t

log = logging.getLogger("safetykg.server")
_SAFE_PATH = re.compile(r"^[a-z0-9][a-z0-9\-/.]*$")
DOWNLOAD_TYPES = {
    "nq": "application/n-quads",
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "svg": "image/svg+xml",
}
RDF_FORMATS = {"ttl": "text/turtle", "jsonld": "application/ld+json", "nt": "application/n-triples"}
RESOURCE_FORMATS = {"html": "text/html", **RDF_FORMATS}
REPORT_FORMATS = {  # the validation report: format parameter -> media type
    "html": "text/html",
    "json": "application/json",
    "ttl": "text/turtle",
    "csv": "text/csv",
    "md": "text/markdown",
    "svg": "image/svg+xml",
}
REPORT_LANGUAGES = ("zh", "en")


def create_app(settings: ServerSettings, dist: Path, queries: Folders | None = None) -> FastAPI:
    queries = DataFolders().layers("queries") if queries is None else queries
    manifest = json.loads((dist / "manifest.json").read_text(encoding="utf-8"))
    graphs = set(manifest.get("graphs", {})) | set(manifest.get("declared_graphs", []))
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

    async def run(job: dict[str, Any]) -> dict[str, Any]:
        job = {**job, "max_answer_bytes": settings.max_answer_bytes}
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

    ui = register_ui(app, run, manifest, dist, questions)

    async def read_body(request: Request) -> bytes:
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > settings.max_body_bytes:
            raise ErrorAnswer(413, f"request body is {declared} bytes; the limit is {settings.max_body_bytes}")
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > settings.max_body_bytes:
                raise ErrorAnswer(413, f"request body is over the {settings.max_body_bytes}-byte limit")
            chunks.append(chunk)
        return b"".join(chunks)

    @app.api_route("/sparql", methods=["GET", "POST"], summary="SPARQL 1.1 Protocol endpoint (read-only)")
    async def sparql(request: Request) -> Response:
        params = {key: request.query_params.getlist(key) for key in request.query_params}
        if request.method == "POST":
            for key, values in (await _post_params(request, read_body)).items():
                params.setdefault(key, []).extend(values)
        if "update" in params:
            raise ErrorAnswer(403, "updates are not accepted: this endpoint is read-only")
        queries_given = params.get("query", [])
        if not queries_given:
            if request.method == "GET":
                if negotiate(request.headers.get("accept"), ["text/turtle", "text/html"], "text/turtle") == "text/html":
                    return await ui.editor(request)
                return _service_description(request)
            raise ErrorAnswer(400, "no query given; expected a query parameter or an application/sparql-query body")
        if len(queries_given) > 1:
            raise ErrorAnswer(400, f"{len(queries_given)} queries given; expected exactly one")
        default_graphs = params.get("default-graph-uri", [])
        named_graphs = params.get("named-graph-uri", [])
        try:
            check_graphs(default_graphs, graphs, "default-graph-uri")
            check_graphs(named_graphs, graphs, "named-graph-uri")
            checked = check_query(
                queries_given[0], graphs, settings.max_query_bytes, settings.max_nesting, settings.max_operators
            )
        except QueryRefused as err:
            raise ErrorAnswer(err.status, err.message) from None
        graph_form = checked.form in ("CONSTRUCT", "DESCRIBE")
        offered = list(GRAPH_TYPES) if graph_form else list(SOLUTION_TYPES)
        media_type = negotiate(
            request.headers.get("accept"), offered, DEFAULT_GRAPH_TYPE if graph_form else DEFAULT_SOLUTION_TYPE
        )
        if media_type is None:
            raise ErrorAnswer(
                406,
                f"cannot answer a {checked.form} query as {request.headers.get('accept')}; available: {', '.join(offered)}",
            )
        reply = await run(
            {
                "op": "sparql",
                "query": checked.text,
                "media_type": media_type,
                "default_graphs": default_graphs,
                "named_graphs": named_graphs,
                "has_dataset": bool(checked.dataset_graphs),
                "row_cap": settings.row_cap,
                "base_iri": public_base(settings, request) + "/sparql",
            }
        )
        headers = {"SafetyKG-Truncated": "true"} if reply.get("truncated") else {}
        return Response(reply["body"], media_type=reply["media_type"], headers=headers)

    def _service_description(request: Request) -> Response:
        endpoint = public_base(settings, request) + "/sparql"
        media_type = negotiate(
            request.headers.get("accept"),
            ["text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json"],
            "text/turtle",
        )
        if media_type is None:
            raise ErrorAnswer(406, "the service description is available as Turtle, N-Triples, RDF/XML or JSON-LD")
        return Response(service_description(endpoint, sorted(graphs), media_type), media_type=media_type)

    @app.get("/questions", summary="List the canned questions")
    async def list_questions(request: Request) -> Response:
        if (
            negotiate(request.headers.get("accept"), ["application/json", "text/html"], "application/json")
            == "text/html"
        ):
            return HTMLResponse(questions_page(questions))
        return JSONResponse([_question_json(q) for q in questions.values()])

    for question in questions.values():
        app.add_api_route(
            f"/questions/{question.id}",
            _question_endpoint(question, run),
            methods=["GET"],
            summary=f"{question.title_en} · {question.title_zh}",
            description=question.description,
            name=question.id,
        )

    @app.get("/id/{path:path}", summary=f"Dereference an IRI under {ID}")
    async def resource(request: Request, path: str, format: str | None = None) -> Response:
        if not _SAFE_PATH.match(path) or ".." in path:
            raise ErrorAnswer(404, f"no resource at /id/{path}")
        iri = f"{BASE}id/{path}"
        if format is not None and format not in RESOURCE_FORMATS:
            raise ErrorAnswer(400, f"unknown format {format!r}; available: {', '.join(RESOURCE_FORMATS)}")
        media_type = RESOURCE_FORMATS.get(format or "") or negotiate(
            request.headers.get("accept"), ["text/html", *RDF_FORMATS.values()], "text/html"
        )
        if media_type is None:
            raise ErrorAnswer(406, f"available as text/html, {', '.join(RDF_FORMATS.values())}")
        if media_type == "text/html":
            data = await run({"op": "resource", "iri": iri})
            if data["status"] == 404:
                raise ErrorAnswer(404, f"no resource {iri}")
            return await ui.resource(request, data)
        reply = await run({"op": "resource-rdf", "iri": iri, "media_type": media_type, "row_cap": settings.row_cap})
        if reply["status"] == 404:
            raise ErrorAnswer(404, f"no resource {iri}")
        return Response(reply["body"], media_type=media_type)

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:
        """The site's icon (an SVG: every browser the pages support takes one)."""
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    @app.get("/ontology", summary="The safetykg ontology (Turtle)")
    async def ontology() -> Response:
        path = packaged("ontology") / "safetykg.ttl"
        return FileResponse(path, media_type="text/turtle")

    downloads = {name: dist / name for name in manifest.get("files", {})}

    @app.get("/download/", summary="The published dumps")
    async def download_index(request: Request) -> Response:
        """The published files, in the page's language."""
        lang = language(request)
        items = "".join(
            f'<li><a href="/download/{name}">{name}</a> '
            f"({t(lang, 'file_size', bytes=info['bytes'])}, sha256 <code>{info['sha256']}</code>)</li>"
            for name, info in manifest["files"].items()
        )
        body = (
            f"<h1>{t(lang, 'downloads')}</h1><ul>{items}"
            f'<li><a href="/download/manifest.json">manifest.json</a></li>'
            f'<li><a href="/void">{t(lang, "void")}</a></li></ul>'
        )
        other = "en" if lang == "zh" else "zh"
        return HTMLResponse(page(t(lang, "downloads"), body, lang, f"?lang={other}", current="/download/"))

    @app.get("/download/{name}", summary="Download a published dump")
    async def download(name: str) -> Response:
        if name == "manifest.json":
            return FileResponse(dist / "manifest.json", media_type="application/json")
        if name not in downloads:
            raise ErrorAnswer(404, f"no download {name!r}; available: {', '.join(sorted(downloads))}")
        media = DOWNLOAD_TYPES.get(name.rsplit(".", 1)[-1], "application/octet-stream")
        return FileResponse(downloads[name], media_type=media, filename=name, headers=report_headers(name))

    @app.get("/void", summary="VoID description of the dataset")
    async def void(request: Request) -> Response:
        return Response(void_description(public_base(settings, request), manifest), media_type="text/turtle")

    @app.get("/validation", summary="The latest validation report (completeness matrix and SHACL report)")
    async def validation(request: Request, lang: str = "zh", format: str | None = None) -> Response:
        if lang not in REPORT_LANGUAGES:
            raise ErrorAnswer(400, f"unknown lang {lang!r}; available: {', '.join(REPORT_LANGUAGES)}")
        if format is not None and format not in REPORT_FORMATS:
            raise ErrorAnswer(400, f"unknown format {format!r}; available: {', '.join(REPORT_FORMATS)}")
        offers = {media: fmt for fmt, media in REPORT_FORMATS.items()}
        fmt = format or offers.get(negotiate(request.headers.get("accept"), list(offers), "text/html") or "", "")
        if not fmt:
            raise ErrorAnswer(406, f"the report is available as {', '.join(offers)}")
        suffix = "" if lang == "zh" or fmt in ("ttl", "csv", "svg") else f".{lang}"
        name = f"validation{suffix}.{fmt}"
        if name not in manifest.get("files", {}):
            raise ErrorAnswer(404, f"this build has no validation report {name}")
        media = REPORT_FORMATS[fmt] + ("; charset=utf-8" if fmt in ("html", "csv", "md") else "")
        return FileResponse(dist / name, media_type=media, headers=report_headers(name))

    app.state.server_options = server_options(settings)  # for uvicorn.run: request-head limits, proxy headers
    app.add_middleware(Hygiene)  # added last, so outermost: its headers and 500s cover every answer
    return app


async def _post_params(request: Request, read_body: Callable[[Request], Any]) -> dict[str, list[str]]:
    content_type = request.headers.get("content-type")
    if not content_type:
        raise ErrorAnswer(
            400, "POST needs a Content-Type: application/x-www-form-urlencoded or application/sparql-query"
        )
    mime, _, rest = content_type.partition(";")
    mime = mime.strip().lower()
    charset = next(
        (
            p.split("=", 1)[1].strip().strip('"').lower()
            for p in rest.split(";")
            if p.strip().lower().startswith("charset=")
        ),
        "utf-8",
    )
    if mime == "application/sparql-update":
        raise ErrorAnswer(403, "updates are not accepted: this endpoint is read-only")
    if mime not in ("application/x-www-form-urlencoded", "application/sparql-query"):
        raise ErrorAnswer(
            415,
            f"unsupported Content-Type {mime}; expected application/x-www-form-urlencoded or application/sparql-query",
        )
    if charset not in ("utf-8", "utf8"):
        raise ErrorAnswer(415, f"charset {charset} is not supported; send UTF-8")
    body = await read_body(request)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ErrorAnswer(400, f"the body is not UTF-8 (byte {err.start})") from None
    if mime == "application/sparql-query":
        return {"query": [text]}
    return parse_qs(text, keep_blank_values=True)


def _question_json(question: Question) -> dict[str, Any]:
    return {
        "id": question.id,
        "title": {"zh": question.title_zh, "en": question.title_en},
        "description": question.description,
        "parameters": [
            {"name": p.name, "type": p.type, "required": p.required, "example": p.example, "description": p.description}
            for p in question.parameters
        ],
        "url": f"/questions/{question.id}",
    }


def _question_endpoint(question: Question, run: Callable[[dict[str, Any]], Any]) -> Callable[..., Any]:
    async def endpoint(request: Request, **_: Any) -> Response:
        values = {key: value for key, value in request.query_params.items() if key != "format"}
        fmt = request.query_params.get("format") or (
            "html"
            if negotiate(request.headers.get("accept"), ["application/json", "text/html"], "application/json")
            == "text/html"
            else "json"
        )
        if fmt not in ("json", "csv", "xlsx", "html"):
            raise ErrorAnswer(400, f"unknown format {fmt!r}; available: json, csv, xlsx, html")
        reply = await run({"op": "question", "question": question.id, "params": values})
        columns, rows = reply["columns"], reply["rows"]
        if fmt == "html":
            return HTMLResponse(answer_page(question, values, columns, rows))
        if fmt in ("csv", "xlsx"):
            body, media = (
                (as_csv(columns, rows), "text/csv; charset=utf-8")
                if fmt == "csv"
                else (
                    as_xlsx(columns, rows, question.id),
                    XLSX_TYPE,
                )
            )
            disposition = attachment(file_name(question.id, values, fmt))
            return Response(body, media_type=media, headers={"Content-Disposition": disposition})
        return JSONResponse({"question": question.id, "params": values, "columns": columns, "rows": rows})

    parameters = [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request)]
    for p in question.parameters:
        parameters.append(
            inspect.Parameter(
                p.name.replace("-", "_"),
                inspect.Parameter.KEYWORD_ONLY,
                annotation=str if p.required else str | None,
                default=Query(
                    ... if p.required else None,
                    alias=p.name,
                    description=f"{p.type}: {p.description or p.type}",
                    examples=[p.example],
                ),
            )
        )
    parameters.append(
        inspect.Parameter(
            "format",
            inspect.Parameter.KEYWORD_ONLY,
            annotation=str | None,
            default=Query(None, description="json (default), csv (UTF-8 with a byte-order mark), xlsx or html"),
        )
    )
    endpoint.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    endpoint.__name__ = question.id.replace("-", "_")
    return endpoint


def ensure_dump(dist: Path) -> bool:
    return (dist / DUMP).exists() and (dist / "manifest.json").exists()
