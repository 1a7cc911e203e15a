"""Benchmark: where an uncached request's time goes, piece by piece, measured in-process on this machine.

For the single-IRI query of ``peers.py`` (a different organ on every request) and for the fireworks question:

- the guard reading and checking the query (``check_query``);
- the server's own work for one request, with a worker pool that answers at once (processor time per request): the
  lean path (``web/lean.py``) and the full stack it stands in front of (``create_app(..., lean=False)``);
- one job's round trip to a real worker process over its pipe (``Worker.ask`` from the event loop, ``ASK {}``);
- the engine: the query and its SPARQL JSON, on the on-disk store and in memory, written by the engine
  (``engine_solutions``) and, for comparison, by Python term by term (``python_solutions``);
- the fireworks question answered in-process, on the on-disk store and in memory.

What is left of a request's time over HTTP is uvicorn's protocol, the TCP connection and the event loop.
Medians; processor time where marked. Results in ``benchmarks/results/request_path.json``.

Usage: python benchmarks/request_path.py [--dist DIR] [--requests N]
"""

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pyoxigraph as ox
import uvloop

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.build_phases import machine, write_report  # noqa: E402
from benchmarks.peers import QUERIES, organ_iris  # noqa: E402
from safetykg.core.resources import packaged  # noqa: E402
from safetykg.query.guard import check_query  # noqa: E402
from safetykg.query.questions import answer, load_questions  # noqa: E402
from safetykg.query.sparql_results import engine_solutions, python_solutions  # noqa: E402
from safetykg.query.store import load_in_memory, open_store  # noqa: E402
from safetykg.web.app import create_app  # noqa: E402
from safetykg.web.pool import Worker  # noqa: E402
from safetykg.web.settings import ServerSettings  # noqa: E402

FIREWORKS = {"jurisdiction": "xinjiang", "hazard": "fireworks"}
JSON = "application/sparql-results+json"


def median_us(run: Callable[[int], object], count: int) -> float:
    times = []
    for i in range(count):
        began = time.perf_counter()
        run(i)
        times.append(time.perf_counter() - began)
    return round(statistics.median(times) * 1e6, 1)


def server_cpu_us(dist: Path, lean: bool, queries: list[str], count: int) -> float:
    """Processor time per /sparql request of the app alone: its pool answers at once, with a fixed body."""
    app = create_app(ServerSettings(answer_cache_bytes=0, client_share=0.0), dist, lean=lean)
    body = b'{"head":{"vars":["p","o"]},"results":{"bindings":[]}}'

    async def run(job: dict[str, Any], client: str = "", cancelled: object = None) -> dict[str, Any]:
        return {"status": 200, "body": body, "media_type": job["media_type"]}

    app.state.pool.run = run
    targets = [("query=" + quote(query, safe="")).encode() for query in queries]

    async def one(query_string: bytes) -> None:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": "/sparql",
            "raw_path": b"/sparql",
            "root_path": "",
            "query_string": query_string,
            "headers": [(b"host", b"127.0.0.1:8000"), (b"accept", JSON.encode())],
            "client": ("127.0.0.1", 5555),
            "server": ("127.0.0.1", 8000),
            "state": {},
        }

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            pass

        await app(scope, receive, send)

    async def loop() -> float:
        for i in range(200):
            await one(targets[i % len(targets)])
        began = time.process_time()
        for i in range(count):
            await one(targets[i % len(targets)])
        return (time.process_time() - began) / count

    return round(uvloop.run(loop()) * 1e6, 1)


def round_trip_us(dist: Path, count: int) -> float:
    worker = Worker(dist, packaged("queries"))
    job = {
        "op": "sparql",
        "query": "ASK {}",
        "media_type": JSON,
        "default_graphs": [],
        "named_graphs": [],
        "row_cap": 10,
        "base_iri": None,
    }

    async def loop() -> float:
        for _ in range(200):
            await worker.ask(job, 10.0)
        times = []
        for _ in range(count):
            began = time.perf_counter()
            await worker.ask(job, 10.0)
            times.append(time.perf_counter() - began)
        return statistics.median(times)

    try:
        return round(uvloop.run(loop()) * 1e6, 1)
    finally:
        worker.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="a published build (default ./dist)")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--out", default=str(Path(__file__).parent / "results" / "request_path.json"))
    options = parser.parse_args()
    dist, count = Path(options.dist), options.requests
    queries = [QUERIES["single-iri"].format(iri=organ) for organ in organ_iris(dist)]
    graphs: set[str] = set()
    stores = {"on-disk store": open_store(dist), "in memory": load_in_memory(dist)}

    def solutions(store: ox.Store, i: int) -> ox.QuerySolutions:
        result = store.query(queries[i % len(queries)], use_default_graph_as_union=True)
        assert isinstance(result, ox.QuerySolutions)
        return result

    engine: dict[str, dict[str, float]] = {}
    for name, store in stores.items():
        engine[name] = {
            "query, rows read": median_us(lambda i, s=store: list(solutions(s, i)), count),  # type: ignore[misc]
            "query and JSON by the engine": median_us(
                lambda i, s=store: engine_solutions(solutions(s, i), "json", 10_000, 1 << 26),  # type: ignore[misc]
                count,
            ),
            "query and JSON by Python": median_us(
                lambda i, s=store: python_solutions(solutions(s, i), "json", 10_000, 1 << 26),  # type: ignore[misc]
                count,
            ),
        }
    question = load_questions()["departments-regulating-hazard"]
    fireworks = {}
    for name, store in stores.items():
        kept: dict[str, Any] = {}
        answer(store, question, FIREWORKS, kept)
        fireworks[name] = round(
            median_us(lambda _, s=store, k=kept: answer(s, question, FIREWORKS, k), 300) / 1000,  # type: ignore[misc]
            2,
        )
    report = {
        "benchmark": "Where an uncached request's time goes (in-process, medians in µs unless marked)",
        "machine": machine(),
        "single-iri query": {
            "guard (check_query)": median_us(
                lambda i: check_query(queries[i % len(queries)], graphs, 65536, 64), count
            ),
            "server, lean path, processor µs per request (pool answering at once)": server_cpu_us(
                dist, True, queries, count
            ),
            "server, full stack, processor µs per request (pool answering at once)": server_cpu_us(
                dist, False, queries, count
            ),
            "round trip to a worker over its pipe (ASK {})": round_trip_us(dist, count),
            "engine": engine,
        },
        "fireworks question in-process, ms": fireworks,
    }
    write_report(options.out, report)
    print(report)


if __name__ == "__main__":
    main()
