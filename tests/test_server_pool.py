"""A worker's job awaited on the event loop (``Worker.ask``): the same answers as the blocking ``call``, small or
large (a large one is read off the loop), and the same stops: the deadline, the memory bound, a client that went
away, and a job preempted for others."""

import asyncio
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from safetykg.core.resources import as_layers, packaged
from safetykg.web.pool import READ_AT_ONCE, Cancelled, DeadlineExceeded, MemoryExceeded, Preempted, Worker
from safetykg.web.worker import ReadWhenAsked

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
EVERYTHING = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"


@pytest.fixture
def worker(dist: Path) -> Iterator[Worker]:
    item = Worker(dist, packaged("queries"))
    yield item
    item.stop()


def job(query: str, row_cap: int = 10) -> dict[str, object]:
    return {
        "op": "sparql",
        "query": query,
        "media_type": "application/sparql-results+json",
        "default_graphs": [],
        "named_graphs": [],
        "row_cap": row_cap,
        "base_iri": None,
    }


def test_asked_on_the_loop_as_called(worker: Worker) -> None:
    small = asyncio.run(worker.ask(job("SELECT ?s WHERE { ?s ?p ?o } LIMIT 3")))
    assert small == worker.call(job("SELECT ?s WHERE { ?s ?p ?o } LIMIT 3"))
    assert len(json.loads(small["body"])["results"]["bindings"]) == 3


def test_a_large_answer_is_read_whole(worker: Worker) -> None:
    large = asyncio.run(worker.ask(job(EVERYTHING, row_cap=1_000_000)))
    assert len(large["body"]) > READ_AT_ONCE and not large["truncated"]  # read over several turns of the loop
    rows = json.loads(large["body"])["results"]["bindings"]
    assert len(rows) == len(json.loads(worker.call(job(EVERYTHING, row_cap=1_000_000))["body"])["results"]["bindings"])
    assert worker.call(job("ASK { ?s ?p ?o }"))["status"] == 200  # the pipe is whole and blocking again


def test_the_deadline_stops_a_job(worker: Worker) -> None:
    with pytest.raises(DeadlineExceeded):
        asyncio.run(worker.ask(job(CARTESIAN), deadline=0.3))


def test_the_memory_bound_stops_a_job(worker: Worker) -> None:
    with pytest.raises(MemoryExceeded):
        asyncio.run(worker.ask(job(CARTESIAN), deadline=30, memory_limit=1))


@pytest.mark.parametrize("stop", ["cancelled", "preempted"])
def test_a_client_gone_or_a_turn_given_stops_a_job(worker: Worker, stop: str) -> None:
    event = threading.Event()

    async def ask() -> object:
        asyncio.get_running_loop().call_later(0.2, event.set)
        return await worker.ask(job(CARTESIAN), deadline=30, **{stop: event})  # type: ignore[arg-type]

    with pytest.raises(Cancelled if stop == "cancelled" else Preempted):
        asyncio.run(ask())


def test_a_worker_started_without_the_questions_reads_them_when_a_job_asks_one(worker: Worker) -> None:
    """The server starts its first workers before it has read the canned questions (front.py): such a worker is
    ready without them and reads them for the first question it is asked."""
    params = {"jurisdiction": "xinjiang", "hazard": "fireworks"}
    reply = asyncio.run(worker.ask({"op": "question", "question": "departments-regulating-hazard", "params": params}))
    assert "error" not in reply and reply["rows"], reply


def test_the_questions_are_read_once_and_only_when_asked() -> None:
    asked = ReadWhenAsked([str(folder) for folder in as_layers(packaged("queries"))])
    assert asked.read is None
    question = asked["departments-regulating-hazard"]
    read = asked.read
    assert read is not None and question is read["departments-regulating-hazard"] and len(asked) == len(read)
    assert asked["departments-regulating-hazard"] is question and asked.read is read
