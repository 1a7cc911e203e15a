"""A pool of query worker processes: a deadline, a memory bound and cancellation per job, a bounded queue, and a
fair share of the workers for each client.

A job that runs past the deadline, grows its worker past the memory limit, or whose client went away has its
worker killed (the only sure way to stop a query inside the engine); a warm spare takes its place at once and
another spare is started. Memory is watched on the worker's resident set, not with RLIMIT_AS, which would
count a memory-mapped store.

Fairness (``client_share``): each client's worker time is summed with exponential decay (half-life
``FAIR_HALF_LIFE``). A client whose sum passes what using its share of all workers without pause would give
gets 429 with Retry-After (the time until it decays below). A client past half of that, or while one of its
jobs has run longer than ``HEAVY_AFTER``, is heavy: it has one job in flight at a time, may hold at most all
workers but one, and waits behind light clients; and while a light client waits and every worker runs a long
job, the job of the client that used most is stopped (503 with Retry-After) to give the waiter its turn.
"""

import asyncio
import collections
import concurrent.futures
import contextlib
import functools
import logging
import math
import os
import pickle
import socket
import struct
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from safetykg.core.resources import Folders, as_layers
from safetykg.web.forking import prepare_workers as prepare_workers  # where the service starts it
from safetykg.web.forking import start_context, worker_main

if TYPE_CHECKING:
    from safetykg.query.guard import CheckedQuery

log = logging.getLogger("safetykg.server")


FAIR_HALF_LIFE = 10.0  # seconds
HEAVY_AFTER = 0.25  # seconds a job may run before it is long, and its client heavy
LONG_JOB_NICENESS = 15  # a long job's worker yields the processor to short jobs
PREEMPT_WAIT = 0.1  # seconds a light client may wait while only long jobs run, before one of them is stopped
PATIENCE = 1.0  # seconds a job of a client within half its share may run before it may be stopped for others
WATCH_EVERY = 0.02  # seconds between checks of a running job's deadline, memory and client
READ_CHUNK = 1 << 18  # bytes of a reply read from a worker's pipe at once
READ_AT_ONCE = 1 << 22  # bytes read in one turn of the event loop; a larger reply is read over several turns
_PAGE = os.sysconf("SC_PAGE_SIZE")


class Flag(Protocol):
    """What a job's watch reads: set when the client went away, or when the job is to give its worker up."""

    def is_set(self) -> bool: ...


class Signal:
    """A flag set and read on the event loop (a ``threading.Event`` without its lock: one per request and job)."""

    __slots__ = ("raised",)

    def __init__(self) -> None:
        self.raised = False

    def set(self) -> None:
        self.raised = True

    def is_set(self) -> bool:
        return self.raised


class DeadlineExceeded(Exception):
    pass


class MemoryExceeded(Exception):
    def __init__(self, used: int) -> None:
        super().__init__(f"{used} bytes")
        self.used = used


class Cancelled(Exception):
    """The client went away; its query was stopped."""


class Preempted(Exception):
    """The query ran long while other clients waited, and was stopped to give them their turn."""


class TooManyFromClient(Exception):
    """This client holds its share of the workers; ``retry_after`` seconds until it may ask again."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


class QueueFull(Exception):
    pass


class WorkerFailed(Exception):
    pass


class IsolationUnavailable(WorkerFailed):
    """A worker could not be cut off the network and the settings do not accept that."""


def sparql_job(
    checked: "CheckedQuery",
    media_type: str,
    default_graphs: list[str],
    named_graphs: list[str],
    row_cap: int,
    base_iri: str,
) -> dict[str, Any]:
    """The job that runs a guarded SPARQL query in a worker (worker.py reads it), for every path that asks one."""
    return {
        "op": "sparql",
        "query": checked.text,
        "media_type": media_type,
        "default_graphs": default_graphs,
        "named_graphs": named_graphs,
        "has_dataset": bool(checked.dataset_graphs),
        "row_cap": row_cap,
        "base_iri": base_iri,
    }


def _stop(
    cancelled: Flag | None, preempted: Flag | None, overdue: bool, memory_limit: int, resident: Callable[[], int]
) -> Exception | None:
    """Why a running job must stop now, checked in this order: its client left, it is preempted, its deadline
    passed, its worker holds too much memory; None while it may go on."""
    if cancelled is not None and cancelled.is_set():
        return Cancelled()
    if preempted is not None and preempted.is_set():
        return Preempted()
    if overdue:
        return DeadlineExceeded()
    if memory_limit and (used := resident()) > memory_limit:
        return MemoryExceeded(used)
    return None


class Worker:
    def __init__(
        self,
        dist: Path,
        queries: Folders,
        store_url: str = "",
        store_timeout: float = 30.0,
        allow_network: bool = False,
        start_method: str = "forkserver",
        questions: dict[str, Any] | None = None,
        memory_quads: int = 0,
    ) -> None:
        context = start_context(start_method)
        self.conn, child = context.Pipe()
        layers = [str(q) for q in as_layers(queries)]
        self.process = context.Process(
            target=worker_main,
            args=(child, str(dist), layers, store_url, store_timeout, allow_network, questions, memory_quads),
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
        self._blocking = True
        self.isolated: bool = ready.get("isolated", False)
        if not self.isolated and not store_url:
            log.warning("query worker %d runs with network access (allow_worker_network is set)", self.process.pid)

    def call(
        self,
        job: dict[str, Any],
        deadline: float | None = None,
        memory_limit: int = 0,
        cancelled: Flag | None = None,
        preempted: Flag | None = None,
    ) -> dict[str, Any]:
        """Run one job, blocking; while it runs, watch the deadline, the worker's resident memory and the client."""
        if not self._blocking:  # as it was before any ``ask``
            os.set_blocking(self.conn.fileno(), True)
            self._blocking = True
        self.conn.send(job)
        ends = time.monotonic() + deadline if deadline else math.inf
        while not self.conn.poll(WATCH_EVERY):
            stop = _stop(cancelled, preempted, time.monotonic() > ends, memory_limit, self.resident)
            if stop is not None:
                raise stop
        reply: dict[str, Any] = self.conn.recv()
        return reply

    async def ask(
        self,
        job: dict[str, Any],
        deadline: float | None = None,
        memory_limit: int = 0,
        cancelled: Flag | None = None,
        preempted: Flag | None = None,
    ) -> dict[str, Any]:
        """``call`` on the event loop, without a thread: the job is written to the pipe and the reply read off it as
        its bytes arrive (a large one in pieces, the loop serving other requests in between), in the framing of
        ``multiprocessing.Connection``; the deadline, the worker's resident memory and the client are checked every
        20 ms while the job runs."""
        loop = asyncio.get_running_loop()
        answered: asyncio.Future[dict[str, Any]] = loop.create_future()
        ends = loop.time() + deadline if deadline else math.inf
        fd = self.conn.fileno()
        received = bytearray()
        timer: asyncio.TimerHandle

        def readable() -> None:
            if answered.done():
                return
            try:
                reply = self._read(fd, received)
            except (EOFError, OSError) as err:  # the worker died
                answered.set_exception(err)
                return
            if reply is not None:
                answered.set_result(reply)

        def watch() -> None:
            nonlocal timer
            if answered.done():
                return
            stop = _stop(cancelled, preempted, loop.time() > ends, memory_limit, self.resident)
            if stop is not None:
                answered.set_exception(stop)
            else:
                timer = loop.call_later(WATCH_EVERY, watch)

        if self._blocking:  # read and written as far as it goes (uvloop makes it so too; asyncio's loop does not)
            os.set_blocking(fd, False)
            self._blocking = False
        payload = pickle.dumps(job, pickle.HIGHEST_PROTOCOL)  # plain data: no reducers of ForkingPickler needed
        message = struct.pack("!i", len(payload)) + payload  # a job is 64 KB or so at most: never over 2 GB
        try:
            written = os.write(fd, message)
        except BlockingIOError:
            written = 0
        if written < len(message):  # the socket's buffer was full (a pipe made non-blocking by an earlier ask)
            await loop.sock_sendall(self._socket, message[written:])
        loop.add_reader(fd, readable)  # a reply already there is reported at once
        timer = loop.call_later(WATCH_EVERY, watch)
        try:
            return await answered
        finally:
            timer.cancel()
            loop.remove_reader(fd)

    @staticmethod
    def _read(fd: int, received: bytearray) -> dict[str, Any] | None:
        """Read what the pipe holds (non-blocking, at most ``READ_AT_ONCE`` bytes); the reply once it is whole."""
        turn = 0
        while turn < READ_AT_ONCE:
            try:
                chunk = os.read(fd, READ_CHUNK)
            except BlockingIOError:
                break
            if not chunk:
                raise EOFError("the worker closed its pipe")
            received += chunk
            turn += len(chunk)
        if len(received) < 4:
            return None
        size, start = struct.unpack("!i", received[:4])[0], 4
        if size == -1:  # over 2 GB: the size follows in 8 bytes
            if len(received) < 12:
                return None
            size, start = struct.unpack("!Q", received[4:12])[0], 12
        if len(received) < start + size:
            return None
        reply: dict[str, Any] = pickle.loads(memoryview(received)[start : start + size])
        return reply

    @functools.cached_property
    def _socket(self) -> socket.socket:
        return socket.socket(fileno=os.dup(self.conn.fileno()))

    def resident(self) -> int:
        """The worker's resident set size in bytes (0 once it is gone)."""
        try:
            with open(f"/proc/{self.process.pid}/statm", "rb") as statm:
                return int(statm.read().split()[1]) * _PAGE
        except (OSError, IndexError, ValueError):
            return 0

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        if "_socket" in self.__dict__:
            self._socket.close()
        self.conn.close()


@dataclass
class _Client:
    usage: float = 0.0  # decayed worker-seconds
    stamp: float = field(default_factory=time.monotonic)
    waiting: int = 0

    def decayed(self, now: float) -> float:
        return float(self.usage * 0.5 ** ((now - self.stamp) / FAIR_HALF_LIFE))

    def add(self, seconds: float, now: float) -> None:
        self.usage, self.stamp = self.decayed(now) + seconds, now


@dataclass
class _Waiter:
    client: str
    future: "asyncio.Future[Worker]"
    since: float = field(default_factory=time.monotonic)


@dataclass
class _Running:
    client: str
    started: float
    worker: "Worker"
    preempt: Signal = field(default_factory=Signal)
    niced: bool = False

    def yield_processor(self) -> None:
        """Lower a long job's priority, so that short jobs on the other workers get the processor first."""
        if not self.niced:
            self.niced = True
            with contextlib.suppress(OSError):
                os.setpriority(os.PRIO_PROCESS, self.worker.process.pid or 0, LONG_JOB_NICENESS)

    def restore(self) -> None:
        if self.niced:
            with contextlib.suppress(OSError):  # raising a priority back needs privileges; without, it stays low
                os.setpriority(os.PRIO_PROCESS, self.worker.process.pid or 0, 0)


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
        memory_limit: int = 0,
        client_share: float = 0.0,
        spares: int = 1,
        questions: dict[str, Any] | None = None,
        memory_quads: int = 0,
    ) -> None:
        self.dist, self.queries, self.store_url, self.allow_network = dist, queries, store_url, allow_network
        self.questions, self.memory_quads = questions, memory_quads
        self.size, self.queue_limit, self.deadline = workers, queue, deadline
        self.memory_limit, self.client_share, self.spare_count = memory_limit, client_share, spares
        self.threads = ThreadPoolExecutor(max_workers=workers * 2 + queue + 4, thread_name_prefix="safetykg-query")
        self.idle: list[Worker] = []
        self.spares: list[Worker] = []
        self.waiters: collections.deque[_Waiter] = collections.deque()
        self.clients: dict[str, _Client] = {}
        self.restarts = 0
        self.stopped = {"deadline": 0, "memory": 0, "cancelled": 0, "preempted": 0}
        self.running: dict[int, _Running] = {}
        self._jobs = 0
        self._all: set[Worker] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._watch: asyncio.Task[None] | None = None
        self._starting: list[concurrent.futures.Future[Worker]] = []
        self.closing = False

    @property
    def waiting(self) -> int:
        return len(self.waiters)

    def begin(self) -> None:
        """Begin starting the workers, from threads, before there is an event loop (the server begins them while it
        imports the rest of itself); ``start`` waits for them."""
        if not self._starting:
            self._starting = [self.threads.submit(self._spawn) for _ in range(self.size)]

    async def start(self) -> None:
        """Start the workers (unless ``begin`` did), and the spares once the workers answer (so that they do not
        delay the first answer)."""
        loop = asyncio.get_running_loop()
        self.begin()
        started = await asyncio.gather(*(asyncio.wrap_future(future) for future in self._starting))
        self.idle = list(started)
        if self.spare_count:
            task = loop.create_task(self._start_spares())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        if self.client_share > 0 and self.size > 1:
            self._watch = asyncio.get_running_loop().create_task(self._preempt_when_others_wait())

    async def _start_spares(self) -> None:
        loop = asyncio.get_running_loop()
        for _ in range(self.spare_count):
            try:
                spare = await loop.run_in_executor(self.threads, self._spawn)
            except WorkerFailed as err:
                if not self.closing:
                    log.error("could not start a spare worker: %s", err)
                return
            if len(self.idle) + len(self.running) < self.size:  # a worker was lost meanwhile: take its place
                self._release(spare)
            elif len(self.spares) < self.spare_count:
                self.spares.append(spare)
            else:  # a replacement became the spare meanwhile
                self._all.discard(spare)
                await loop.run_in_executor(self.threads, spare.stop)

    async def _preempt_when_others_wait(self) -> None:
        """While a light client waits and every worker runs a long job, stop the job of the heaviest client."""
        while True:
            await asyncio.sleep(0.05)
            now = time.monotonic()
            if self.idle or not any(
                now - w.since > PREEMPT_WAIT and not self._heavy(w.client, now) for w in self.waiters
            ):
                continue
            usage = {name: c.decayed(now) for name, c in self.clients.items()}
            for job in self.running.values():
                if now - job.started > HEAVY_AFTER:
                    job.yield_processor()
            # a heavy client's job may be stopped once long; a light client's only once it passes PATIENCE
            stoppable = [
                job
                for job in self.running.values()
                if now - job.started > (HEAVY_AFTER if usage.get(job.client, 0.0) > self._budget() / 2 else PATIENCE)
            ]
            if len(stoppable) < len(self.running) or not stoppable:
                continue  # a worker will be free soon enough
            victim = max(stoppable, key=lambda job: (usage.get(job.client, 0.0), now - job.started))
            victim.preempt.set()

    def _spawn(self) -> Worker:
        # a remote store is given a little less than the deadline, so that its timeout is reported as such
        item = Worker(
            self.dist,
            self.queries,
            self.store_url,
            self.deadline * 0.9,
            self.allow_network,
            questions=self.questions,
            memory_quads=self.memory_quads,
        )
        if self.closing:  # started while the pool was closing: nothing will ever stop it otherwise
            item.stop()
            raise WorkerFailed("the pool is closing")
        self._all.add(item)
        return item

    async def _replace(self, broken: Worker) -> None:
        """A spare takes the broken worker's place at once; the broken one is stopped and a new spare started."""
        loop = asyncio.get_running_loop()
        self._all.discard(broken)
        self.restarts += 1
        if self.spares:
            self._release(self.spares.pop())
        await loop.run_in_executor(self.threads, broken.stop)
        if self.closing:
            return
        try:
            fresh = await loop.run_in_executor(self.threads, self._spawn)
        except WorkerFailed as err:
            log.error("could not start a replacement worker (the pool runs one short): %s", err)
            return
        if len(self.spares) < self.spare_count and len(self.idle) + len(self.running) >= self.size:
            self.spares.append(fresh)
        else:
            self._release(fresh)

    # --- fairness

    def _jobs_of(self, name: str) -> list[_Running]:
        return [job for job in self.running.values() if job.client == name]

    def _budget(self) -> float:
        """The decayed worker time a client reaches by using ``client_share`` of all workers without pause."""
        return self.client_share * self.size * FAIR_HALF_LIFE / math.log(2)

    def _heavy(self, name: str, now: float) -> bool:
        """Using more than half its share, or running a long job: served after others, never on the last worker."""
        if self.client_share <= 0 or self.size < 2:
            return False
        client = self.clients.get(name)
        if client is None:
            return False
        return client.decayed(now) > self._budget() / 2 or any(
            now - job.started > HEAVY_AFTER for job in self._jobs_of(name)
        )

    def _may_start(self, name: str, now: float) -> bool:
        return not self._heavy(name, now) or self._heavy_now(now) < self.size - 1

    def _heavy_now(self, now: float) -> int:
        return sum(1 for job in self.running.values() if self._heavy(job.client, now))

    def _release(self, item: Worker) -> None:
        """Give a free worker to the first waiter that may start (light clients first), else keep it idle."""
        if not self.waiters:
            self.idle.append(item)
            return
        now = time.monotonic()
        usage = {name: c.decayed(now) for name, c in self.clients.items()}
        for waiter in sorted(self.waiters, key=lambda w: (self._heavy(w.client, now), usage.get(w.client, 0.0))):
            if not waiter.future.done() and self._may_start(waiter.client, now):
                self.waiters.remove(waiter)
                waiter.future.set_result(item)
                return
        self.idle.append(item)

    def _retry_after(self, name: str) -> int:
        client = self.clients[name]
        excess = client.decayed(time.monotonic()) / max(self._budget(), 1e-9)
        return max(1, math.ceil(FAIR_HALF_LIFE * math.log2(excess))) if excess > 1 else 1

    async def _acquire(self, name: str) -> Worker:
        now = time.monotonic()
        client = self.clients.setdefault(name, _Client())
        if self.client_share > 0 and (
            client.decayed(now) > self._budget() or (self._heavy(name, now) and (self._jobs_of(name) or client.waiting))
        ):
            raise TooManyFromClient(self._retry_after(name))
        if self.idle and self._may_start(name, now):
            return self.idle.pop()
        if len(self.waiters) >= self.queue_limit:
            raise QueueFull
        waiter = _Waiter(name, asyncio.get_running_loop().create_future())
        self.waiters.append(waiter)
        client.waiting += 1
        try:
            return await waiter.future
        finally:
            client.waiting -= 1
            if waiter in self.waiters:
                self.waiters.remove(waiter)

    # --- running a job

    async def run(self, job: dict[str, Any], client: str = "", cancelled: Flag | None = None) -> dict[str, Any]:
        item = await self._acquire(client)
        record = self.clients[client]
        self._jobs += 1
        job_id, started = self._jobs, time.monotonic()
        running = self.running[job_id] = _Running(client, started, item)
        loop = asyncio.get_running_loop()
        broken: BaseException | None = None
        try:
            return await item.ask(job, self.deadline, self.memory_limit, cancelled, running.preempt)
        except asyncio.CancelledError as err:  # the request itself was cancelled: stop the query with it
            running.preempt.set()
            broken = err
            raise
        except Preempted as err:
            log.info("a query of %s ran long while others waited; stopped to give them their turn", client or "?")
            self.stopped["preempted"] += 1
            broken = err
            raise
        except DeadlineExceeded as err:
            log.warning("query passed the %.1f s deadline; restarting its worker", self.deadline)
            self.stopped["deadline"] += 1
            broken = err
            raise
        except MemoryExceeded as err:
            log.warning("query grew its worker to %d MB, past the limit; restarting it", err.used // 2**20)
            self.stopped["memory"] += 1
            broken = err
            raise
        except Cancelled as err:
            log.info("the client went away; its query was stopped and its worker restarted")
            self.stopped["cancelled"] += 1
            broken = err
            raise
        except (EOFError, OSError) as err:
            log.error("query worker died: %r; restarting it", err)
            broken = err
            raise WorkerFailed(f"the query worker died: {err!r}") from err
        finally:
            now = time.monotonic()
            del self.running[job_id]
            record.add(now - started, now)
            if broken is None:
                running.restore()
                self._release(item)
            else:
                task = loop.create_task(self._replace(item))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)
            if not self._jobs_of(client) and not record.waiting and record.decayed(now) < 0.01:
                self.clients.pop(client, None)

    async def close(self) -> None:
        self.closing = True
        if self._watch is not None:
            self._watch.cancel()
        for task in list(self._tasks):
            task.cancel()
        for item in list(self._all):
            item.stop()
        self.threads.shutdown(wait=False, cancel_futures=True)
