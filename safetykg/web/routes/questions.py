"""The canned questions over HTTP: the list, and one endpoint per question answering JSON, CSV, .xlsx or HTML."""

import inspect
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from safetykg.query.questions import Question
from safetykg.query.tables import XLSX_TYPE, as_csv, as_xlsx, attachment, file_name
from safetykg.web.errors import ErrorAnswer
from safetykg.web.negotiation import negotiate
from safetykg.web.served import Served


def router(served: Served) -> APIRouter:
    questions = served.questions
    router = APIRouter()

    @router.get("/questions", summary="List the canned questions")
    async def list_questions(request: Request) -> Response:
        if (
            negotiate(request.headers.get("accept"), ["application/json", "text/html"], "application/json")
            == "text/html"
        ):
            return await served.ui.gallery(request)
        return JSONResponse([_question_json(q) for q in questions.values()])

    for question in questions.values():
        router.add_api_route(
            f"/questions/{question.id}",
            _question_endpoint(question, served),
            methods=["GET"],
            summary=f"{question.title_en} · {question.title_zh}",
            description=question.description,
            name=question.id,
        )

    return router


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


def _question_endpoint(question: Question, served: Served) -> Callable[..., Any]:
    async def endpoint(request: Request, **_: Any) -> Response:
        values = {key: value for key, value in request.query_params.items() if key not in ("format", "lang")}
        fmt = request.query_params.get("format") or (
            "html"
            if negotiate(request.headers.get("accept"), ["application/json", "text/html"], "application/json")
            == "text/html"
            else "json"
        )
        if fmt not in ("json", "csv", "xlsx", "html"):
            raise ErrorAnswer(400, f"unknown format {fmt!r}; available: json, csv, xlsx, html")
        if fmt == "html":  # for people: the question's page, its form showing what was asked, the answer under it
            return await served.ui.question_page(request, question, asked=True)
        reply = await served.run({"op": "question", "question": question.id, "params": values})
        columns, rows = reply["columns"], reply["rows"]
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
