"""Benchmark: what the serving side costs before it answers anything: import time and memory per worker.

Measures, in one run:
- the import time of the server's application module and of the query worker module, each in a fresh
  interpreter (median of N), and which heavy build-side libraries they pull in;
- `safetykg serve` on a free loopback port: the proportional set size (PSS, from
  /proc/PID/smaps_rollup) and resident size of the server process and of each worker (the warm spare
  included), after one answered question.

Usage: python benchmarks/server_footprint.py [--dist DIR] [--runs N] [--app MODULE] [--worker MODULE] [--out FILE]
"""

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.build_phases import machine, write_report  # noqa: E402
from benchmarks.serving import start_server  # noqa: E402
from tests.processes import worker_pids  # noqa: E402

HEAVY = ("rdflib", "owlrl", "pyshacl", "pyrudof")
PARAMS = {"jurisdiction": "新疆", "hazard": "烟花爆竹"}


def import_cost(module: str, runs: int) -> dict[str, object]:
    probe = (
        f"import sys, time; t = time.perf_counter(); import {module}; d = time.perf_counter() - t; "
        f"print(d); print(','.join(sorted(h for h in {HEAVY!r} if h in sys.modules)))"
    )
    times, heavy = [], ""
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
        seconds, heavy = out.splitlines()[0], (out.splitlines()[1:] or [""])[0]
        times.append(float(seconds))
    return {
        "module": module,
        "median_s": round(statistics.median(times), 3),
        "heavy_imported": heavy.split(",") if heavy else [],
    }


def memory_of(pid: int) -> dict[str, int]:
    fields: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        if name in ("Rss", "Pss"):
            fields[name.lower() + "_kib"] = int(value.split()[0])
    return fields


def serve_memory(dist: str) -> dict[str, object]:
    process, base = start_server("--workers", "2", *(["--dist", dist] if dist else []))
    try:
        answer = httpx.get(f"{base}/questions/departments-regulating-hazard", params=PARAMS, timeout=30)
        answer.raise_for_status()
        time.sleep(0.5)
        workers = worker_pids(process.pid)  # forked from the fork server: their shared pages count once in PSS
        return {"server": memory_of(process.pid), "workers": [memory_of(pid) for pid in workers]}
    finally:
        process.terminate()
        process.wait(10)


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--dist", default="", help="the published build to serve (default: the server's own default)")
    args.add_argument("--runs", type=int, default=5)
    args.add_argument("--app", default="safetykg.web.app")
    args.add_argument("--worker", default="safetykg.web.worker")
    args.add_argument("--out", default=str(Path(__file__).parent / "results" / "server_footprint.json"))
    options = args.parse_args()
    report = {
        "machine": machine(),
        "imports": [import_cost(options.app, options.runs), import_cost(options.worker, options.runs)],
        "serve": serve_memory(options.dist),
    }
    write_report(options.out, report)


if __name__ == "__main__":
    main()
