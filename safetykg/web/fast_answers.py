"""The fast path: a GET answered before, asked again, answered from memory in front of the whole stack.

The outermost layer of the app. A successful answer to ``GET /sparql?query=…`` or ``GET /questions/…`` that
the HTTP caching tagged (``caching.py``: it depends on nothing but the snapshot, the path, the query string and
the Accept header) is kept whole, with its headers, keyed by those (and the Origin header, which CORS answers
to). The same request again is sent from memory with a fresh ``Server-Timing``, without routing, middleware,
the guard or a worker: the guard passed it when it was first answered, and the snapshot has not changed.
Conditional requests (``If-None-Match``) go through, to be answered 304. Bounded in bytes like the answer cache
(``answer_cache_bytes``): the least recently used go first; an answer over an eighth of the bound is not kept.
"""

import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from safetykg.web.bounded import BytesBounded

PATHS = ("/sparql", "/questions/")
Kept = tuple[int, list[tuple[bytes, bytes]], bytes]


class FastAnswers:
    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit
        self.kept: BytesBounded[Kept] = BytesBounded(limit)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = self._key(scope)
        if key is None:
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        found = self.kept.get(key)
        if found is not None:
            status, headers, body = found
            timing = f"app;dur={(time.perf_counter() - started) * 1000:.1f}, cache;desc=memory".encode()
            await send(
                {"type": "http.response.start", "status": status, "headers": [*headers, (b"server-timing", timing)]}
            )
            await send({"type": "http.response.body", "body": body})
            return
        start: Message = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body" and start:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self._put(key, start, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, keep)

    def _key(self, scope: Scope) -> tuple[str, bytes, bytes, bytes] | None:
        if self.limit <= 0 or scope["type"] != "http" or scope["method"] != "GET":
            return None
        path = scope["path"]
        if not (path == PATHS[0] or path.startswith(PATHS[1])):
            return None
        accept = origin = b""
        for name, value in scope["headers"]:
            if name == b"if-none-match":
                return None
            if name == b"accept":
                accept = value
            elif name == b"origin":
                origin = value
        return path, scope.get("query_string", b""), accept, origin

    def _put(self, key: tuple[str, bytes, bytes, bytes], start: Message, body: bytes) -> None:
        headers = [(n, v) for n, v in start.get("headers", []) if n.lower() != b"server-timing"]
        if start["status"] != 200 or not any(n.lower() == b"etag" for n, _ in headers):
            return  # only answers the HTTP caching tagged: they depend on the request alone
        size = len(body) + sum(len(n) + len(v) for n, v in headers) + 256
        self.kept.put(key, (start["status"], headers, body), size)
