"""Ask in words over HTTP: ``GET /interpret?q=…`` reads a question typed in Chinese or English as a canned
question and its values (safetykg/query/interpret.py), with the same JSON as ``safetykg interpret``."""

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response

from safetykg.web.errors import ErrorAnswer
from safetykg.web.served import Served

MAX_TEXT = 200  # characters of a question in words


def router(served: Served) -> APIRouter:
    router = APIRouter()

    @router.get("/interpret", summary="Read a question in words as a canned question and its values")
    async def interpret(q: str = Query(..., description="the question in Chinese or English")) -> Response:
        text = q.strip()
        if not text:
            raise ErrorAnswer(400, "no question given; expected ?q=… with the question in words")
        if len(text) > MAX_TEXT:
            raise ErrorAnswer(400, f"the question is {len(text)} characters long; the limit is {MAX_TEXT}")
        interpreter = await served.ui.interpreter()
        return JSONResponse(interpreter.interpret(text).as_json())

    return router
