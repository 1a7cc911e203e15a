"""Benchmark: server cold start and the latency of a canned question over HTTP, against in-process.

Starts `safetykg serve` on a free loopback port (building first if needed) with its answer caches off, measures the
time from process start to the first answered query, then times N requests of departments-regulating-hazard over
HTTP and N in-process answers of the same question, in one run. In-process, the question is answered as a worker
answers it: with the labels it read once kept, from the store the server would choose (in memory while the snapshot
is under the default memory_store_quads).

Usage: python benchmarks/http_latency.py [--dist DIR] [--requests N] [--out benchmarks/results/http_latency.json]
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from safetykg.build.pipeline import Paths, build
from safetykg.query.questions import LabelCache, answer, load_questions
from safetykg.query.store import open_store
from safetykg.web.settings import ServerSettings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.build_phases import machine, write_report  # noqa: E402
from benchmarks.serving import first_answer  # noqa: E402
from tests.live_server import free_port  # noqa: E402

PARAMS = {"jurisdiction": "新疆", "hazard": "烟花爆竹"}


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--dist", default="dist", help="a published build (default ./dist, built first if missing)")
    args.add_argument("--requests", type=int, default=500)
    args.add_argument("--out", default=str(Path(__file__).parent / "results" / "http_latency.json"))
    options = args.parse_args()
    paths = Paths(dist=Path(options.dist))
    if not (paths.dist / "safetykg.nq").exists():
        build(paths)
    port = free_port()
    started = time.perf_counter()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "safetykg.cli",
            "serve",
            "--dist",
            str(paths.dist),
            "--port",
            str(port),
            "--client-share",
            "0",
            "--answer-cache-bytes",
            "0",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        cold_start = first_answer(process, f"{base}/sparql?query=ASK%7B%7D", started)
        url = f"{base}/questions/departments-regulating-hazard"
        with httpx.Client() as client:
            client.get(url, params=PARAMS)
            over_http = []
            for _ in range(options.requests):
                t = time.perf_counter()
                response = client.get(url, params=PARAMS)
                over_http.append(time.perf_counter() - t)
                assert response.status_code == 200 and len(response.json()["rows"]) == 4
    finally:
        process.terminate()
        process.wait(10)
    store = open_store(paths.dist, ServerSettings().memory_store_quads)
    question = load_questions()["departments-regulating-hazard"]
    labels: LabelCache = {}  # what a worker reads once and keeps
    answer(store, question, PARAMS, labels)
    in_process = []
    for _ in range(options.requests):
        t = time.perf_counter()
        answer(store, question, PARAMS, labels)
        in_process.append(time.perf_counter() - t)
    report = {
        "benchmark": "http latency of departments-regulating-hazard (新疆, 烟花爆竹), answer caches off",
        "machine": machine(),
        "requests": options.requests,
        "cold_start_seconds": round(cold_start, 3),
        "http_ms": {
            "p50": round(statistics.median(over_http) * 1000, 2),
            "p90": round(percentile(over_http, 0.9) * 1000, 2),
        },
        "in_process_ms": {
            "p50": round(statistics.median(in_process) * 1000, 2),
            "p90": round(percentile(in_process, 0.9) * 1000, 2),
        },
    }
    report["http_over_in_process_p50"] = round(report["http_ms"]["p50"] / report["in_process_ms"]["p50"], 2)  # type: ignore[index]
    write_report(options.out, report)
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
