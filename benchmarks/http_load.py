"""Benchmark: latency and throughput over HTTP at concurrency 1, 8 and 32, against rdflib-endpoint.

In one run it starts `safetykg serve` and rdflib-endpoint (PyPI) serving the same N-Quads dump,
sends the same SPARQL queries to both with an async client, and times the engine alone (pyoxigraph,
no HTTP) as the floor. The canned question departments-regulating-hazard is sent to safetykg as a
question (/questions/…) and, to both servers, as the equivalent SPARQL with the parameters inlined.

Usage: python benchmarks/http_load.py [--seconds S] [--out benchmarks/results/http_load.json]
"""

import argparse
import asyncio
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import httpx
import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.build_phases import machine, write_report  # noqa: E402
from safetykg.build.pipeline import Paths, build  # noqa: E402
from safetykg.query.questions import load_questions  # noqa: E402
from safetykg.query.store import open_store  # noqa: E402
from tests.live_server import free_port  # noqa: E402

XINJIANG, FIREWORKS = (
    "https://w3id.org/safetykg/id/jurisdiction/xinjiang",
    "https://w3id.org/safetykg/id/domain/fireworks",
)
QUERIES = {
    "count-duties": "PREFIX skg: <https://w3id.org/safetykg/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?d a skg:Duty }",
    "item-by-iri": "PREFIX skg: <https://w3id.org/safetykg/ontology#> SELECT ?c ?t WHERE { <https://w3id.org/safetykg/id/regulation/xinjiang-2018/article/22/item/3> skg:citation ?c ; skg:text ?t }",
    "fulltext-fireworks": 'PREFIX skg: <https://w3id.org/safetykg/ontology#> SELECT ?p ?c WHERE { ?p a skg:Item ; skg:text ?t ; skg:citation ?c FILTER(CONTAINS(STR(?t), "烟花爆竹")) }',
}
PEER = textwrap.dedent(
    """
    import sys, uvicorn
    from rdflib import Dataset
    from rdflib_endpoint import SparqlEndpoint
    dataset = Dataset(default_union=True)
    dataset.parse(sys.argv[1], format="nquads")
    app = SparqlEndpoint(graph=dataset, path="/sparql")
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
    """
)


def hazard_query() -> str:
    """departments-regulating-hazard with its two parameters written in as IRIs (for a server with no questions)."""
    query = load_questions()["departments-regulating-hazard"].query
    return (
        query.replace("?jurisdiction", f"<{XINJIANG}>")
        .replace("?hazard", f"<{FIREWORKS}>")
        .replace(f"SELECT DISTINCT <{XINJIANG}> <{FIREWORKS}>", "SELECT DISTINCT")
    )


def wait_ready(url: str, process: subprocess.Popen[bytes]) -> float:
    started = time.perf_counter()
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"server for {url} exited")
        try:
            if httpx.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return time.perf_counter() - started
        except httpx.TransportError:
            time.sleep(0.05)
        if time.perf_counter() - started > 120:
            raise RuntimeError(f"{url} did not start")


async def load(url: str, params: dict[str, str], concurrency: int, seconds: float, accept: str) -> dict[str, float]:
    latencies: list[float] = []
    failures = 0
    stop = time.perf_counter() + seconds
    async with httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=concurrency)) as client:

        async def user() -> None:
            nonlocal failures
            while time.perf_counter() < stop:
                started = time.perf_counter()
                try:
                    response = await client.get(url, params=params, headers={"Accept": accept})
                except httpx.TimeoutException:
                    failures += 1
                    continue
                latencies.append(time.perf_counter() - started)
                failures += response.status_code != 200

        started = time.perf_counter()
        await asyncio.gather(*(user() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    ordered = sorted(latencies) or [float("nan")]
    return {
        "requests": len(latencies),
        "failures": failures,
        "throughput_rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(ordered) * 1000, 2),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] * 1000, 2),
    }


def engine_floor(store: ox.Store, query: str, runs: int = 50) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        list(store.query(query, use_default_graph_as_union=True))  # type: ignore[call-overload]
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 3)


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--seconds", type=float, default=5.0, help="duration of each load step")
    args.add_argument("--concurrency", default="1,8,32")
    args.add_argument("--out", default=str(Path(__file__).parent / "results" / "http_load.json"))
    options = args.parse_args()
    paths = Paths()
    if not (paths.dist / "safetykg.nq").exists():
        build(paths)
    ours_port, peer_port = free_port(), free_port()
    ours = subprocess.Popen(
        [sys.executable, "-m", "safetykg.cli", "serve", "--port", str(ours_port), "--client-share", "0"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    peer = subprocess.Popen(
        [sys.executable, "-c", PEER, str(paths.dist / "safetykg.nq"), str(peer_port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    levels = [int(c) for c in options.concurrency.split(",")]
    queries = {**QUERIES, "departments-regulating-hazard": hazard_query()}  # the peer's slowest last
    report: dict[str, object] = {
        "benchmark": "HTTP load: safetykg against rdflib-endpoint",
        "machine": machine(),
        "seconds_per_step": options.seconds,
    }
    try:
        report["cold_start_seconds"] = {
            "safetykg": round(wait_ready(f"http://127.0.0.1:{ours_port}/sparql", ours), 2),
            "rdflib-endpoint": round(wait_ready(f"http://127.0.0.1:{peer_port}/sparql", peer), 2),
        }
        store = open_store(paths.dist)
        results: dict[str, dict[str, object]] = {}
        json_type = "application/sparql-results+json"
        for name, query in queries.items():
            entry: dict[str, object] = {"engine_floor_ms": engine_floor(store, query)}
            peer_too_slow = False
            for concurrency in levels:
                ours_result = asyncio.run(
                    load(
                        f"http://127.0.0.1:{ours_port}/sparql",
                        {"query": query},
                        concurrency,
                        options.seconds,
                        json_type,
                    )
                )
                if peer_too_slow:  # more concurrent requests would only queue behind a single-threaded engine
                    entry[f"c{concurrency}"] = {
                        "safetykg": ours_result,
                        "rdflib-endpoint": "not run: over 1 s a query at concurrency 1",
                    }
                    print(
                        f"{name} c={concurrency}: safetykg {ours_result['throughput_rps']} rps p50 {ours_result['p50_ms']} ms"
                    )
                    continue
                peer_result = asyncio.run(
                    load(
                        f"http://127.0.0.1:{peer_port}/sparql",
                        {"query": query},
                        concurrency,
                        options.seconds,
                        json_type,
                    )
                )
                peer_too_slow = peer_result["p50_ms"] > 1000
                ratio = (
                    round(ours_result["throughput_rps"] / peer_result["throughput_rps"], 1)
                    if peer_result["throughput_rps"]
                    else None
                )
                entry[f"c{concurrency}"] = {
                    "safetykg": ours_result,
                    "rdflib-endpoint": peer_result,
                    "throughput_ratio": ratio,
                }
                print(
                    f"{name} c={concurrency}: safetykg {ours_result['throughput_rps']} rps p50 {ours_result['p50_ms']} ms; rdflib-endpoint {peer_result['throughput_rps']} rps p50 {peer_result['p50_ms']} ms; ratio {ratio}"
                )
            results[name] = entry
        question = {}
        for concurrency in levels:
            question[f"c{concurrency}"] = asyncio.run(
                load(
                    f"http://127.0.0.1:{ours_port}/questions/departments-regulating-hazard",
                    {"jurisdiction": "新疆", "hazard": "烟花爆竹"},
                    concurrency,
                    options.seconds,
                    "application/json",
                )
            )
            print(f"question c={concurrency}: {question[f'c{concurrency}']}")
        results["question:departments-regulating-hazard"] = question
        report["results"] = results
    finally:
        for process in (ours, peer):
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
    write_report(options.out, report)


if __name__ == "__main__":
    main()
