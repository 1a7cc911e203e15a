"""The server's ASGI app as ``safetykg serve`` runs it: it answers before the web framework is imported.

Starting the server used to wait for FastAPI, pydantic, Jinja2, every router and the canned questions (about half
a second) before the first query could be answered. Here the service (``service.py``: the worker pool, the answer
cache) is made first, and the fast paths in front of the framework, the answers kept in memory (``fast_answers.py``)
and the lean path (``lean.py``: ``GET /sparql?query=…``, questions in JSON), answer as soon as the workers have
started. The canned questions are then read, and the framework's app (``app.framework_app``: pages, linked data,
downloads, POST, every error answer) imported and built, in a thread (not while the workers start: it would take
the processor from them); a request only it answers waits until it is ready, then goes to it as it would have.
Once built, what the app asks to have made before it is needed (``app.state.warm_ups``: the interpreter of questions
in words, about a second) is made. A
question asked before the questions are read is the framework's to answer too; the workers read them themselves
when a job first asks one (``worker.ReadWhenAsked``). The layers are the same and in the same order as in
``app.create_app``, so the answers are the same.

If the questions cannot be read or the framework's app cannot be built, the error is logged, a request waiting for
it is answered 500 (with the id of the log entry, as ``hygiene.py`` answers) and the server stops (``stop``), as it
did when all this came first; ``safetykg serve`` then exits with an error (2 for a question's own error, as the
command line reports it, 1 otherwise).
"""

import asyncio
import logging
import os
import signal
import traceback
from collections.abc import Callable

from starlette.types import ASGIApp, Receive, Scope, Send

from safetykg.query.slips import load_tables
from safetykg.web.fast_answers import FastAnswers
from safetykg.web.hygiene import answer_internal_error
from safetykg.web.lean import LeanPaths
from safetykg.web.service import Service

log = logging.getLogger("safetykg.server")


def in_front(service: Service, inner: ASGIApp, lean: bool = True) -> ASGIApp:
    """The fast paths in front of ``inner``: answers kept in memory outermost, then the lean path (``lean``)."""
    settings = service.settings
    if lean:
        inner = LeanPaths(inner, settings, service.graphs, service.snapshot, service.run, lambda: service.questions)
    return FastAnswers(inner, limit=settings.answer_cache_bytes)


class Front:
    """ASGI app: the lifespan (the workers started and stopped), the fast paths at once, the framework's app once
    built. ``build``: makes the framework's app on the service (run in a thread, once the workers have started)."""

    def __init__(self, service: Service, build: Callable[[Service], ASGIApp]) -> None:
        self.service, self._build = service, build
        self.app: ASGIApp | None = None  # the framework's app, once built
        self.failed: BaseException | None = None  # why it could not be built
        self.stop: Callable[[], None] = _terminate  # how the server is stopped when it cannot be built
        self._built: asyncio.Future[ASGIApp] | None = None
        self.stack = in_front(service, self._framework)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
        else:
            await self.stack(scope, receive, send)

    async def _framework(self, scope: Scope, receive: Receive, send: Send) -> None:
        """What the fast paths leave: to the framework's app, waiting for it while it is being built."""
        app = self.app
        if app is None:
            if self._built is None:  # no lifespan (a server run with it off): built here, on the first request
                self._start_building()
            assert self._built is not None
            try:
                app = await asyncio.shield(self._built)
            except Exception as exc:  # logged when it failed (_done); answered here as any unexpected error
                await answer_internal_error(exc, scope, send, scope.get("method") == "HEAD", False)
                return
        await app(scope, receive, send)

    def _start_building(self) -> None:
        loop = asyncio.get_running_loop()
        self._built = loop.run_in_executor(None, self._read_and_build)
        self._built.add_done_callback(self._done)
        # the tables questions in words are read with (seconds to load), loaded before the first question is asked
        loop.run_in_executor(None, load_tables).add_done_callback(_tables_loaded)

    def _read_and_build(self) -> ASGIApp:
        self.service.read_questions()  # the lean path answers questions from here on
        return self._build(self.service)

    def _done(self, built: "asyncio.Future[ASGIApp]") -> None:
        if built.cancelled():
            return
        error = built.exception()
        if error is None:
            self.app = built.result()
            for warm_up in getattr(getattr(self.app, "state", None), "warm_ups", ()):
                asyncio.ensure_future(warm_up()).add_done_callback(_warmed_up)
            return
        self.failed = error
        log.error("the web app could not be built; the server stops", exc_info=error)
        self.stop()

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        """Start the workers, then the framework's app building; stop the workers at shutdown."""
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                try:
                    await self.service.pool.start()
                except BaseException:  # as Starlette's lifespan: told to the server (which logs it and exits), raised
                    await send({"type": "lifespan.startup.failed", "message": traceback.format_exc()})
                    raise
                # built once the workers have started, not while they start: it would take the processor from them
                self._start_building()
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.service.pool.close()
                if self._built is not None and not self._built.done():
                    await asyncio.wait([self._built])  # its thread cannot be stopped: let it end first
                await send({"type": "lifespan.shutdown.complete"})
                return


def _warmed_up(done: "asyncio.Future[object]") -> None:
    if not done.cancelled() and done.exception() is not None:  # asked again (and raised) when a request needs it
        log.error("what the app makes once it is built could not be made", exc_info=done.exception())


def _tables_loaded(loaded: "asyncio.Future[None]") -> None:
    if not loaded.cancelled() and loaded.exception() is not None:  # the first question in words will fail as loudly
        log.error("the tables questions in words are read with could not be loaded", exc_info=loaded.exception())


def _terminate() -> None:
    """Stop the server as Ctrl+C or a service manager would (uvicorn shuts down on SIGTERM)."""
    os.kill(os.getpid(), signal.SIGTERM)
