"""The one home of the web layer's errors: what a client is told, with which status."""


class ErrorAnswer(Exception):
    """An error answered with its status and a message: 4xx for the client's mistakes, 429 and 503 for
    load and deadlines, 502 and 503 for a remote store that fails. Anything else is a 500."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}
