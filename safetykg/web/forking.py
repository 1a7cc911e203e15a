"""The fork server the query workers start from, in a module of its own: ``safetykg serve`` starts it first, before
it imports the rest of itself (the pool, asyncio, the web layers), so that the fork server imports the worker module
on another core meanwhile."""

import multiprocessing
import multiprocessing.forkserver
from typing import Any


def start_context(start_method: str = "forkserver") -> Any:
    """The multiprocessing context workers start from. Workers are forked from a server process that has imported
    the worker module already: a new worker (after a stopped query) starts in a few milliseconds instead of half
    a second of imports."""
    context: Any = multiprocessing.get_context(start_method)
    if start_method == "forkserver":
        context.set_forkserver_preload(["safetykg.web.worker"])
    return context


def worker_main(*args: Any) -> None:
    """A worker process's entry. The fork server has imported the worker module (``start_context``); the server
    itself never needs it, so it is not imported there."""
    from safetykg.web import worker

    worker.main(*args)


def prepare_workers() -> None:
    """Start the fork server now, so that it imports the worker module while the server is still being set up."""
    start_context()
    multiprocessing.forkserver.ensure_running()
