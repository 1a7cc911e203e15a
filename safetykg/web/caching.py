"""HTTP caching fit for an immutable snapshot, and CORS for browser clients on other sites.

Every successful GET or HEAD answer carries a strong ``ETag`` derived from the snapshot (the canonical N-Quads
sha256 of the manifest) and the request (its path, query string and Accept header, which decide the answer),
``Cache-Control: public, max-age=<cache_max_age>`` and ``Vary: Accept``. A request whose ``If-None-Match``
names that tag is answered ``304 Not Modified`` before any work is done. The editor page is left out: each
answer carries its own style nonce.
"""

import hashlib
from collections.abc import Iterable
from urllib.parse import parse_qs

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

NOT_CACHED = ("/docs", "/docs/oauth2-redirect", "/openapi.json")


def entity_tag(snapshot: str, path: str, query: str, accept: str) -> str:
    digest = hashlib.sha256("\n".join((snapshot, path, query, accept)).encode()).hexdigest()[:32]
    return f'"{digest}"'


def _matches(if_none_match: str, tag: str) -> bool:
    """Whether an If-None-Match header names the tag (or is *); weak comparison, as RFC 9110 13.1.2 asks."""
    if if_none_match.strip() == "*":
        return True
    tags = (t.strip().removeprefix("W/") for t in if_none_match.split(","))
    return tag in tags


def _merge_vary(existing: str | None, added: Iterable[str]) -> str:
    names = [v.strip() for v in (existing or "").split(",") if v.strip()]
    for name in added:
        if name.lower() not in {n.lower() for n in names}:
            names.append(name)
    return ", ".join(names)


class HttpCaching:
    def __init__(self, app: ASGIApp, snapshot: str, max_age: int) -> None:
        self.app, self.snapshot, self.max_age = app, snapshot, max_age

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        query = scope.get("query_string", b"").decode("latin-1")
        tag = entity_tag(self.snapshot, scope["path"], query, headers.get("accept", ""))
        control = f"public, max-age={self.max_age}"
        if _matches(headers.get("if-none-match", ""), tag):
            await send(
                {
                    "type": "http.response.start",
                    "status": 304,
                    "headers": [
                        (b"etag", tag.encode()),
                        (b"cache-control", control.encode()),
                        (b"vary", b"Accept"),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return

        async def tagged(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                answer = MutableHeaders(scope=message)
                answer.setdefault("etag", tag)
                answer.setdefault("cache-control", control)
                answer["vary"] = _merge_vary(answer.get("vary"), ["Accept"])
            await send(message)

        await self.app(scope, receive, tagged)

    @staticmethod
    def _cacheable(scope: Scope) -> bool:
        path = scope["path"]
        if path in NOT_CACHED:
            return False
        if path == "/sparql":  # the protocol's answers are; the editor page (its own nonce) is not
            return "query" in parse_qs(scope.get("query_string", b"").decode("latin-1"))
        return True
