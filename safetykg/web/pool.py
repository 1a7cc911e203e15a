"""A pool of query worker processes with a deadline per job, a bounded queue, and restart on overrun.

A job that runs past the deadline has its worker killed (the only sure way to stop a runaway query
in the engine) and a fresh worker started in its place; the caller gets ``DeadlineExceeded``.
"""

import asyncio
import logging
import multiprocessing
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from safetykg.core.resources import Folders, as_layers
from safetykg.web import worker

log = logging.getLogger("safetykg.server")


class DeadlineExceeded(Exception):
    pass


class QueueFull(Exception):
    pass


class WorkerFailed(Exception):
    pass


class IsolationUnavailable(WorkerFailed):
    """A worker could not be cut off the network and the settings do not accept that."""


class Worker:
    def __init__(
        self,
        dist: Path,
        queries: Folders,
        store_url: str = "",
        store_timeout: float = 30.0,
        allow_network: bool = False,
        start_method: str = "spawn",
    ) -> None:
        context: Any = multiprocessing.get_context(start_method)
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=worker.main,
            args=(child, str(dist), [str(q) for q in as_layers(queries)], store_url, store_timeout, allow_network),
            daemon=True,
        )
        self.process.start()
        child.close()
        try:
            ready = self.conn.recv()
        except EOFError as err:
            raise WorkerFailed(f"worker exited while starting (exit code {self.process.exitcode})") from err
        if "isolation" in ready:
            self.stop()
            raise IsolationUnavailable(
                f"query workers cannot be cut off the network ({ready['isolation']}); to serve anyway, accepting "
                "that the engine could reach the network if the guard missed a SERVICE call, set "
                "SAFETYKG_ALLOW_WORKER_NETWORK=1 or pass --allow-worker-network"
            )
        if not ready.get("ready"):
            raise WorkerFailed(f"worker did not start: {ready}")
        self.isolated: bool = ready.get("isolated", False)
        if not self.isolated and not store_url:
            log.warning("query worker %d runs with network access (allow_worker_network is set)", self.process.pid)

    def call(self, job: dict[str, Any]) -> dict[str, Any]:
        self.conn.send(job)
        reply: dict[str, Any] = self.conn.recv()
        return reply

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    def __init__(
        self,
        dist: Path,
        queries: Folders,
        workers: int,
        queue: int,
        deadline: float,
        store_url: str = "",
        allow_network: bool = False,
    ) -> None:
        self.dist, self.queries, self.store_url, self.allow_network = dist, queries, store_url, allow_network
        self.size, self.queue_limit, self.deadline = workers, queue, deadline
        self.threads = ThreadPoolExecutor(max_workers=workers * 2 + queue + 2, thread_name_prefix="safetykg-query")
        self.idle: asyncio.Queue[Worker] = asyncio.Queue()
        self.waiting = 0
        self.restarts = 0
        self._all: set[Worker] = set()

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        started = await asyncio.gather(*(loop.run_in_executor(self.threads, self._spawn) for _ in range(self.size)))
        for item in started:
            self.idle.put_nowait(item)

    def _spawn(self) -> Worker:
        # a remote store is given a little less than the deadline, so that its timeout is reported as such
        item = Worker(self.dist, self.queries, self.store_url, self.deadline * 0.9, self.allow_network)
        self._all.add(item)
        return item

    async def _replace(self, broken: Worker) -> None:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self.threads, broken.stop)
        self._all.discard(broken)
        self.restarts += 1
        self.idle.put_nowait(await loop.run_in_executor(self.threads, self._spawn))

    async def run(self, job: dict[str, Any]) -> dict[str, Any]:
        if self.idle.empty() and self.waiting >= self.queue_limit:
            raise QueueFull
        self.waiting += 1
        try:
            item = await self.idle.get()
        finally:
            self.waiting -= 1
        loop = asyncio.get_running_loop()
        try:
            reply = await asyncio.wait_for(loop.run_in_executor(self.threads, item.call, job), self.deadline)
        except TimeoutError:
            log.warning("query passed the %.1f s deadline; restarting its worker", self.deadline)
            asyncio.get_running_loop().create_task(self._replace(item))
            raise DeadlineExceeded from None
        except (EOFError, OSError) as err:
            log.error("query worker died: %r; restarting it", err)
            asyncio.get_running_loop().create_task(self._replace(item))
            raise WorkerFailed(f"the query worker died: {err!r}") from err
        self.idle.put_nowait(item)
        return reply

    async def close(self) -> None:
        for item in list(self._all):
            item.stop()
        self.threads.shutdown(wait=False, cancel_futures=True)
