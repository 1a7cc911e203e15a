"""The one home of the web layer's errors: what a client is told, with which status, and in which form: a page in
the reader's language with the site's navigation for a browser, plain text for every other client."""

from fastapi import Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from safetykg.web.negotiation import negotiate
from safetykg.web.pages import error_page


class ErrorAnswer(Exception):
    """An error answered with its status and a message: 4xx for the client's mistakes, 429 and 503 for
    load and deadlines, 502 and 503 for a remote store that fails. Anything else is a 500."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


def error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """The error as a page when the client prefers HTML (a browser), else as plain text."""
    if negotiate(request.headers.get("accept"), ["text/html", "text/plain"], "text/plain") == "text/html":
        return HTMLResponse(error_page(request, status, message), status_code=status, headers=headers)
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)
