"""HTTP hygiene of the public endpoint: request-head limits, HEAD, security headers, answered 500s, the public URL.

- A request head is measured while it arrives, before the parser has built much of it: more header bytes or
  fields than the settings allow are answered 431 (RFC 6585 section 5), a longer target 414 (RFC 9110
  section 15.5.15), both with ``Connection: close`` (``limited_protocol``, a subclass of uvicorn's httptools
  protocol, which itself has no limit and copies a header value once per chunk that arrives).
- HEAD is answered as GET without the body, on every route (RFC 9110 section 9.3.2).
- Every response carries a Content-Security-Policy and the other security headers (``SECURITY_HEADERS``).
- An unexpected exception is logged with its traceback and an id and answered 500 ``internal error <id>``
  with ``Connection: close``, so that no client reuses a connection the server is about to close.
- The public base URL comes from the settings, never from the Host or X-Forwarded-* headers of a request
  unless the setting ``trust_forwarded_headers`` says a reverse proxy sets them (``public_base``).
"""

import asyncio
import base64
import hashlib
import logging
import re
import time
import uuid
from typing import Any

from starlette.datastructures import URL, MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("safetykg.server")

MAX_HEADER_BYTES = 65536  # defaults of the settings max_header_bytes and max_headers
MAX_HEADERS = 100
MAX_TARGET_BYTES = 65535  # the longest URL httptools parses; a longer query goes by POST
REQUEST_LINE_ROOM = 32  # bytes of a request line besides its target: method, version, spaces, CRLF
LINGER_SECONDS = 2.0  # after a refusal, how long to read and drop what the client is still sending

# The pages load scripts, styles and data from this server only and run no inline script.
CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
# The API documentation pages (Swagger UI) come from FastAPI with an inline script and inline styles:
# their scripts are allowed by their hashes, computed from each page as it is sent.
DOC_PAGES = ("/docs", "/docs/oauth2-redirect")
_DOCS_CSP = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# The validation reports written by the build colour their cells with style attributes.
REPORT_CSP = CSP + "; style-src-attr 'unsafe-inline'"
_INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)
_ID_IN_MESSAGE = re.compile(r"internal error ([0-9a-f]{12})\b")


def public_base(settings: Any, request: Request | None = None) -> str:
    """The public URL of the server, without a trailing slash.

    ``base_url`` when set; else, only where ``trust_forwarded_headers`` is on, the URL the request was made to
    (Host and, through uvicorn's proxy headers, X-Forwarded-Proto); else ``http://{host}:{port}``.
    """
    configured = str(getattr(settings, "base_url", "") or "").rstrip("/")
    if configured:
        return configured
    if request is not None and getattr(settings, "trust_forwarded_headers", False):
        return str(request.base_url).rstrip("/")
    host = str(settings.host)
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{settings.port}"


def report_headers(name: str) -> dict[str, str] | None:
    """The policy of a published file: HTML reports may colour with style attributes, and run nothing."""
    return {"Content-Security-Policy": REPORT_CSP} if name.endswith(".html") else None


def server_options(settings: Any) -> dict[str, Any]:
    """Keyword arguments for ``uvicorn.run``: the limited protocol, proxy headers only when trusted, the access log
    only when asked for."""
    limits = (
        int(getattr(settings, "max_header_bytes", MAX_HEADER_BYTES)),
        int(getattr(settings, "max_headers", MAX_HEADERS)),
    )
    return {
        "http": limited_protocol(*limits, MAX_TARGET_BYTES),
        "proxy_headers": bool(getattr(settings, "trust_forwarded_headers", False)),
        "access_log": bool(getattr(settings, "access_log", False)),
    }


def _refusal_head(status: int, reason: bytes, body: bytes) -> bytes:
    lines = [b"HTTP/1.1 %d %s" % (status, reason), b"Content-Type: text/plain; charset=utf-8"]
    lines += [
        f"{name}: {value}".encode() for name, value in {"Content-Security-Policy": CSP, **SECURITY_HEADERS}.items()
    ]
    lines += [b"Content-Length: %d" % len(body), b"Connection: close"]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def limited_protocol(max_header_bytes: int, max_headers: int, max_target_bytes: int) -> type[asyncio.Protocol]:
    """uvicorn's httptools protocol, refusing request heads past the limits before parsing them further.

    The raw bytes of a head are counted as they arrive, so a head sent slowly in small pieces is refused as
    soon as it is too long, without waiting for its end; the header fields are counted as the parser finds
    them. After a refusal the connection is half-closed and what the client still sends is read and dropped
    for a moment, so that the client reads the answer instead of a reset.
    """
    import httptools
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class Refused(Exception):
        pass

    class LimitedHttpToolsProtocol(HttpToolsProtocol):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.refusal: tuple[int, str] | None = None
            self.refused = False
            self.start_head()

        def start_head(self) -> None:
            self.in_head, self.head_bytes, self.target_bytes, self.field_bytes, self.fields = True, 0, 0, 0, 0

        def data_received(self, data: bytes) -> None:
            if self.refused:
                return
            if self.in_head:
                self.head_bytes += len(data)
            self._unset_keepalive_if_required()
            try:
                self.parser.feed_data(data)
            except httptools.HttpParserUpgrade:
                if self._should_upgrade():
                    self.handle_websocket_upgrade()
                else:
                    self._unsupported_upgrade_warning()
            except httptools.HttpParserError:
                if self.refusal is not None:
                    self.refuse(*self.refusal)
                else:
                    self.logger.warning("Invalid HTTP request received.")
                    self.send_400_response("Invalid HTTP request received.")
                return
            # a head still incomplete: its bytes past the request target are header fields in the making
            if self.in_head and self.head_bytes - self.target_bytes - REQUEST_LINE_ROOM > max_header_bytes:
                self.refuse(431, f"the request's header fields are over the {max_header_bytes}-byte limit")

        def on_url(self, url: bytes) -> None:
            self.target_bytes += len(url)
            if self.target_bytes > max_target_bytes:
                self.refusal = (414, f"the URL is over {max_target_bytes} bytes; send a long query by POST")
                raise Refused
            super().on_url(url)

        def on_header(self, name: bytes, value: bytes) -> None:
            self.fields += 1
            self.field_bytes += len(name) + len(value) + 4  # name: value CRLF
            if self.fields > max_headers:
                self.refusal = (431, f"the request has more than {max_headers} header fields")
                raise Refused
            if self.field_bytes > max_header_bytes:
                self.refusal = (431, f"the request's header fields are over the {max_header_bytes}-byte limit")
                raise Refused
            super().on_header(name, value)

        def on_headers_complete(self) -> None:
            self.in_head = False
            super().on_headers_complete()

        def on_message_complete(self) -> None:
            super().on_message_complete()
            self.start_head()

        def send_400_response(self, msg: str) -> None:
            self.refuse(400, msg)

        def refuse(self, status: int, message: str) -> None:
            self.refused = True
            if self.cycle is not None and not self.cycle.response_complete:
                self.transport.close()  # a pipelined head while an answer is being written: no room for another
                return
            if status != 400:
                self.logger.warning("refused a request from %s: %d %s", self.client, status, message)
            reason = {400: b"Bad Request", 414: b"URI Too Long", 431: b"Request Header Fields Too Large"}[status]
            self.transport.write(_refusal_head(status, reason, message.encode() + b"\n"))
            if self.transport.can_write_eof():
                self.transport.write_eof()
                self.loop.call_later(LINGER_SECONDS, self.transport.close)
            else:
                self.transport.close()

    return LimitedHttpToolsProtocol


class Hygiene:
    """ASGI middleware: HEAD as GET without a body, security headers, a Server-Timing header, relative redirects,
    answered 500s."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:  # the server (uvicorn) still knows it is HEAD from its own scope and sends no body either
            scope = {**scope, "method": "GET"}
        docs = scope["path"] in DOC_PAGES
        held: list[Message] = []
        started = False
        began = time.perf_counter()

        async def send_secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                # how long the server took until the answer's head (https://www.w3.org/TR/server-timing/)
                headers.append("Server-Timing", f"app;dur={(time.perf_counter() - began) * 1000:.1f}")
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                if not docs:
                    headers.setdefault("Content-Security-Policy", CSP)
                if "location" in headers:  # Starlette's slash redirects are absolute, built from Host
                    headers["location"] = _relative(headers["location"], scope)
                if docs:
                    held.append(message)
                    return
            elif message["type"] == "http.response.body":
                if docs:
                    held.append(message)
                    if message.get("more_body", False):
                        return
                    await _send_doc_page(held, head, send)
                    return
                if head:
                    message = {**message, "body": b""}
            await send(message)

        try:
            await self.app(scope, receive, send_secured)
        except Exception as exc:  # the one place where anything unexpected becomes a logged, answered 500
            await answer_internal_error(exc, scope, send, head, started)


async def answer_internal_error(exc: Exception, scope: Scope, send: Send, head: bool, started: bool) -> None:
    """Log an unexpected exception with its traceback and an id; answer 500 with the id, unless the answer has begun
    (it is then cut short, and the server closes the connection)."""
    found = _ID_IN_MESSAGE.search(str(exc))
    error_id = getattr(exc, "error_id", None) or (found.group(1) if found else uuid.uuid4().hex[:12])
    log.error("internal error %s answering %s %s", error_id, scope["method"], scope["path"], exc_info=exc)
    if started:
        return
    body = f"internal error {error_id}\n".encode()
    headers = {
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Length": str(len(body)),
        "Connection": "close",
        "Content-Security-Policy": CSP,
        **SECURITY_HEADERS,
    }
    await send(
        {
            "type": "http.response.start",
            "status": 500,
            "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        }
    )
    await send({"type": "http.response.body", "body": b"" if head else body})


def _relative(location: str, scope: Scope) -> str:
    """A redirect to this server as a path, so that no Host header a client sent is written back to it."""
    origin = str(URL(scope=scope).replace(path="", query="", fragment="")).rstrip("/")
    return location[len(origin) :] if location.startswith(origin + "/") else location


async def _send_doc_page(held: list[Message], head: bool, send: Send) -> None:
    """An API documentation page, with a policy allowing exactly its inline scripts."""
    start, body = held[0], b"".join(m.get("body", b"") for m in held[1:])
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode() + "'"
        for script in _INLINE_SCRIPT.findall(body)
    )
    MutableHeaders(scope=start).setdefault("Content-Security-Policy", _DOCS_CSP.format(hashes=hashes))
    await send(start)
    await send({"type": "http.response.body", "body": b"" if head else body})
