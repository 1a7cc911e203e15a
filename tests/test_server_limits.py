"""Deadlines, the queue and worker restarts, on a server with one worker, a queue of one and a 2 s deadline."""

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.live_server import live_server

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
DEEP_PATH = "SELECT (COUNT(*) AS ?n) WHERE { ?a (<urn:p>|!<urn:q>)* ?b . ?c (!<urn:q>)* ?d }"


@pytest.fixture(scope="module")
def small_server(dist: Path) -> Iterator[str]:
    with live_server(dist, workers=1, queue=1, deadline=2, client_share=0) as base:
        yield base


def ask(base: str) -> httpx.Response:
    return httpx.get(f"{base}/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)


@pytest.mark.parametrize("runaway", [CARTESIAN, DEEP_PATH])
def test_runaway_query_gets_503_and_the_worker_is_replaced(small_server: str, runaway: str) -> None:
    started = time.monotonic()
    response = httpx.get(f"{small_server}/sparql", params={"query": runaway}, timeout=30)
    elapsed = time.monotonic() - started
    assert response.status_code == 503 and "deadline" in response.text
    assert 1.5 < elapsed < 6
    assert ask(small_server).status_code == 200  # a fresh worker answers


def test_full_queue_answers_429_with_retry_after(small_server: str) -> None:
    results: dict[str, httpx.Response] = {}

    def send(name: str) -> None:
        results[name] = httpx.get(f"{small_server}/sparql", params={"query": CARTESIAN}, timeout=30)

    first = threading.Thread(target=send, args=("running",))
    first.start()
    time.sleep(0.5)
    second = threading.Thread(target=send, args=("waiting",))
    second.start()
    time.sleep(0.5)
    third = httpx.get(f"{small_server}/sparql", params={"query": "ASK {}"}, timeout=30)
    assert third.status_code == 429 and int(third.headers["retry-after"]) >= 1
    first.join()
    second.join()
    assert results["running"].status_code == 503
    assert results["waiting"].status_code == 503
    assert ask(small_server).status_code == 200


def test_other_users_are_served_while_a_query_runs_away(server: str) -> None:
    # the main test server has two workers: one is held by the runaway query, the other answers
    runaway = threading.Thread(target=lambda: httpx.get(f"{server}/sparql", params={"query": CARTESIAN}, timeout=60))
    runaway.start()
    time.sleep(0.3)
    started = time.monotonic()
    assert ask(server).status_code == 200
    assert time.monotonic() - started < 2
    runaway.join()
