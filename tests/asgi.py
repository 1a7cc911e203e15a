"""One HTTP request sent to an ASGI app in-process, as uvicorn would send it: the messages the app answers with."""

import asyncio
from typing import Any


def request(app: Any, method: str, path: str, query_string: bytes, headers: dict[str, str]) -> list[dict[str, Any]]:
    """The ``http.response.start`` message and the body messages ``app`` sends for one request (no body)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": query_string,
        "headers": [(k.lower().encode(), v.encode()) for k, v in {"Host": "127.0.0.1:8000", **headers}.items()],
        "client": ("127.0.0.9", 5555),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return sent
