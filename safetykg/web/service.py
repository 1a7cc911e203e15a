"""What answers a query, without the web framework: the published snapshot's manifest, the canned questions, the
worker pool and the answer cache, and ``run``, which hands a job to them and turns the pool's refusals into the
answers a client gets (``ErrorAnswer``: 429, 499, 503 …).

The lean path (``lean.py``) and the framework's routers (``app.py``) both answer through one ``Service``; the
server (``front.py``) makes it first, so that it answers while the framework is still being imported, and reads the
canned questions later too (``read_questions=False``, then ``read_questions()``): the workers start without them
and read them when a job first asks one, and a SPARQL query never waits for them.
"""

import json
import logging
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from safetykg.core.resources import DataFolders, Folders
from safetykg.core.snapshot import DUMP
from safetykg.web.answer_cache import AnswerCache
from safetykg.web.clients import current_client, current_departure
from safetykg.web.errors import ErrorAnswer
from safetykg.web.pool import (
    Cancelled,
    DeadlineExceeded,
    MemoryExceeded,
    Preempted,
    QueueFull,
    TooManyFromClient,
    WorkerFailed,
    WorkerPool,
    prepare_workers,
)
from safetykg.web.settings import ServerSettings

if TYPE_CHECKING:
    from safetykg.query.questions import Question

log = logging.getLogger("safetykg.server")


@dataclass
class Service:
    settings: ServerSettings
    dist: Path
    queries: Folders
    manifest: dict[str, Any]
    graphs: set[str]  # every named graph of the snapshot, declared or holding triples
    snapshot: str  # the sha256 of the snapshot's N-Quads: what the answers' entity tags depend on
    questions: "dict[str, Question] | None"  # None until read (read_questions)
    pool: WorkerPool
    answers: AnswerCache

    def read_questions(self) -> "dict[str, Question]":
        """The canned questions, read once; workers started from now on are handed them."""
        if self.questions is None:
            from safetykg.query.questions import load_questions

            self.questions = self.pool.questions = load_questions(self.queries)
        return self.questions

    async def run(self, job: dict[str, Any]) -> dict[str, Any]:
        """The job's reply, from the answer cache or from a worker; the pool's refusals as ``ErrorAnswer``."""
        job = {**job, "max_answer_bytes": self.settings.max_answer_bytes}
        key = self.answers.key(job)
        kept = self.answers.get(key) if key else None
        if kept is not None:
            return kept
        reply = await self._run(job)
        if key:
            self.answers.put(key, reply)
        return reply

    async def _run(self, job: dict[str, Any]) -> dict[str, Any]:
        settings = self.settings
        try:
            reply = await self.pool.run(job, current_client.get(), current_departure.get())
        except DeadlineExceeded:
            raise ErrorAnswer(
                503, f"the query ran past the {settings.deadline:g} s deadline and was stopped", {"Retry-After": "1"}
            ) from None
        except MemoryExceeded:
            raise ErrorAnswer(
                503,
                f"the query needed more than {settings.worker_memory} MB and was stopped",
                {"Retry-After": "1"},
            ) from None
        except Cancelled:
            raise ErrorAnswer(499, "the client went away; the query was stopped") from None
        except Preempted:
            raise ErrorAnswer(
                503,
                "the query ran long while other clients waited and was stopped to give them their turn",
                {"Retry-After": "2"},
            ) from None
        except TooManyFromClient as err:
            raise ErrorAnswer(
                429,
                "you have used your share of the query workers for now; try again after the Retry-After seconds",
                {"Retry-After": str(err.retry_after)},
            ) from None
        except QueueFull:
            raise ErrorAnswer(
                429,
                "too many queries are waiting; try again shortly",
                {"Retry-After": str(max(1, round(settings.deadline)))},
            ) from None
        except WorkerFailed as err:
            log.error("%s", err)
            raise
        if reply.get("error") == "internal":
            error_id = uuid.uuid4().hex[:12]
            log.error("internal error %s in job %s:\n%s", error_id, job.get("op"), reply["message"])
            raise RuntimeError(f"internal error {error_id}")
        if reply.get("error") == "store":
            log.error("the store failed job %s: %s", job.get("op"), reply["message"])
            raise ErrorAnswer(reply["status"], reply["message"], {"Retry-After": "1"} if reply["status"] == 503 else {})
        if "error" in reply:
            raise ErrorAnswer(reply["status"], reply["message"])
        return reply


def prepare_service(
    settings: ServerSettings, dist: Path, queries: Folders | None = None, read_questions: bool = True
) -> Service:
    """The service for a published snapshot; its pool is made, not started (``await service.pool.start()``).
    ``read_questions``: the canned questions read now, and handed to the workers (else ``read_questions()``)."""
    queries = DataFolders().layers("queries") if queries is None else queries
    manifest = json.loads((dist / "manifest.json").read_text(encoding="utf-8"))
    graphs = set(manifest.get("graphs", {})) | set(manifest.get("declared_graphs", []))
    prepare_workers()  # the fork server imports the worker module while the rest is set up
    pool = WorkerPool(
        dist,
        queries,
        settings.workers,
        settings.queue,
        settings.deadline,
        settings.store,
        settings.allow_worker_network,
        memory_limit=settings.worker_memory * 2**20,
        client_share=settings.client_share,
        spares=settings.spare_workers,
        memory_quads=settings.memory_store_quads,
    )
    snapshot = manifest.get("files", {}).get(DUMP, {}).get("sha256", "")
    answers = AnswerCache(snapshot, settings.answer_cache_bytes)
    service = Service(settings, dist, queries, manifest, graphs, snapshot, None, pool, answers)
    if read_questions:
        service.read_questions()  # read once here and handed to the workers, not read again in every worker
    return service
