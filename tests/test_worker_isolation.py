"""The second wall behind the guard: a query worker of the embedded store cannot reach the network.

Each test hands a SERVICE query straight to a worker process, as if the guard had missed it, and
checks the engine's call fails with no connection reaching a listener on the machine's loopback.
"""

import os
from pathlib import Path

import pytest

import safetykg.web.worker
from safetykg.core.resources import packaged
from safetykg.web.isolation import IsolationFailed, network_namespace
from safetykg.web.pool import IsolationUnavailable, Worker
from tests.test_server_attacks import Listener


@pytest.fixture(scope="module")
def worker(dist: Path) -> Worker:
    item = Worker(dist, packaged("queries"))
    yield item
    item.stop()


def sparql_job(query: str) -> dict[str, object]:
    return {
        "op": "sparql",
        "query": query,
        "media_type": "application/sparql-results+json",
        "default_graphs": [],
        "named_graphs": [],
        "row_cap": 10,
        "base_iri": None,
    }


def test_the_worker_lives_in_a_network_namespace_of_its_own(worker: Worker) -> None:
    assert worker.isolated
    assert network_namespace(worker.process.pid) != network_namespace(os.getpid())


@pytest.mark.parametrize("silent", ["", "SILENT "])
def test_service_bypassing_the_guard_reaches_no_listener(worker: Worker, silent: str) -> None:
    listener = Listener()
    try:
        query = f"SELECT * WHERE {{ SERVICE {silent}<http://127.0.0.1:{listener.port}/x> {{ ?a ?b ?c }} }} LIMIT 1"
        reply = worker.call(sparql_job(query))
        if silent:  # SILENT turns the failed call into one empty solution; nothing was fetched
            assert reply["status"] == 200 and b'"bindings":[{}]' in reply["body"].replace(b" ", b"")
        else:
            assert reply.get("error") == "internal" and "Network is unreachable" in reply["message"], reply
        assert listener.connections == 0
        # the worker still answers ordinary queries afterwards
        assert worker.call(sparql_job("ASK { ?s ?p ?o }"))["status"] == 200
    finally:
        listener.close()


def test_a_worker_that_cannot_be_isolated_refuses_to_start(dist: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where no namespace can be made, a worker refuses to start unless allow_worker_network says so.

    The failure is injected in this process and the workers are forked, so they inherit it."""

    def fail() -> None:
        raise IsolationFailed("unshare(CLONE_NEWNET) failed: Operation not permitted")

    monkeypatch.setattr(safetykg.web.worker, "leave_network", fail)
    with pytest.raises(IsolationUnavailable, match="SAFETYKG_ALLOW_WORKER_NETWORK"):
        Worker(dist, packaged("queries"), start_method="fork")
    accepted = Worker(dist, packaged("queries"), allow_network=True, start_method="fork")
    try:
        assert not accepted.isolated
        assert network_namespace(accepted.process.pid) == network_namespace(os.getpid())
    finally:
        accepted.stop()
