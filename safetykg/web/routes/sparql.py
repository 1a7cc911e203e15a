"""The SPARQL 1.1 Protocol endpoint (read-only, https://www.w3.org/TR/sparql11-protocol/) and its service
description; a browser asking for /sparql with no query gets the editor page."""

from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import Response

from safetykg.query.guard import QueryRefused, check_graphs, check_query
from safetykg.query.sparql_results import DEFAULT_GRAPH_TYPE, DEFAULT_SOLUTION_TYPE, GRAPH_TYPES, SOLUTION_TYPES
from safetykg.web.errors import ErrorAnswer
from safetykg.web.hygiene import public_base
from safetykg.web.negotiation import negotiate
from safetykg.web.pool import sparql_job
from safetykg.web.served import Served
from safetykg.web.service_description import service_description


def router(served: Served) -> APIRouter:
    settings, graphs, run, ui = served.settings, served.graphs, served.run, served.ui
    router = APIRouter()

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

    @router.api_route("/sparql", methods=["GET", "POST"], summary="SPARQL 1.1 Protocol endpoint (read-only)")
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
        base_iri = public_base(settings, request) + "/sparql"
        reply = await run(sparql_job(checked, media_type, default_graphs, named_graphs, settings.row_cap, base_iri))
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

    return router


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
