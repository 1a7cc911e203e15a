"""The one home of the web layer's errors: what a client is told, with which status, and in which form: a page in
the reader's language with the site's navigation for a browser, plain text for every other client.

It imports no more than Starlette's requests and responses (no web framework, no templates until a page is
wanted), so that the lean path, which answers before the framework is imported (``front.py``), can use it."""

from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from safetykg.web.negotiation import negotiate


class ErrorAnswer(Exception):
    """An error answered with its status and a message: 4xx for the client's mistakes, 429 and 503 for
    load and deadlines, 502 and 503 for a remote store that fails. Anything else is a 500."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


def error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """The error as a page when the client prefers HTML (a browser), else as plain text."""
    if negotiate(request.headers.get("accept"), ["text/html", "text/plain"], "text/plain") == "text/html":
        from safetykg.web.pages import error_page  # the pages' templates, loaded once a browser is told an error

        return HTMLResponse(error_page(request, status, message), status_code=status, headers=headers)
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)
