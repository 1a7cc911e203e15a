"""Who is asking, and whether they are still there: the client of each request, for the pool's fair share,
and an event set when the client goes away, so that its query is stopped.

An ASGI middleware: it names the client by the TCP peer's address, or by the last address of
``X-Forwarded-For`` when the peer is the configured trusted proxy, and it reads the request's messages
ahead of the app (one at a time, so a body is never buffered beyond one chunk) to notice
``http.disconnect`` while the app waits for a worker.
"""

import asyncio
import contextlib
from contextvars import ContextVar

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from safetykg.web.pool import Signal

current_client: ContextVar[str] = ContextVar("current_client", default="")
current_departure: ContextVar[Signal | None] = ContextVar("current_departure", default=None)


def client_of(scope: Scope, trusted_proxy: str) -> str:
    peer = (scope.get("client") or ("", 0))[0]
    if trusted_proxy and peer == trusted_proxy:
        for name, value in scope.get("headers", ()):
            if name == b"x-forwarded-for":
                forwarded = value.decode("latin-1").split(",")[-1].strip()
                if forwarded:
                    return str(forwarded)
    return str(peer)


class ClientMiddleware:
    def __init__(self, app: ASGIApp, trusted_proxy: str = "") -> None:
        self.app = app
        self.trusted_proxy = trusted_proxy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        departed = Signal()
        inbox: asyncio.Queue[Message] = asyncio.Queue(maxsize=1)

        async def read_ahead() -> None:
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    departed.set()
                await inbox.put(message)
                if message["type"] == "http.disconnect":
                    return

        reader = asyncio.get_running_loop().create_task(read_ahead())
        client_token = current_client.set(client_of(scope, self.trusted_proxy))
        departure_token = current_departure.set(departed)
        try:
            await self.app(scope, inbox.get, send)
        finally:
            current_client.reset(client_token)
            current_departure.reset(departure_token)
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reader
