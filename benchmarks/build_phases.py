"""Benchmark: the build, phase by phase (parse, extract, serialize, publish), median of several runs.

Usage: python benchmarks/build_phases.py [--runs N] [--out benchmarks/results/build_phases.json]
"""

import argparse
import json
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from safetykg.build.pipeline import Paths, assemble, publish


def machine() -> dict[str, object]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
    }


def write_report(out: str, report: dict[str, object]) -> None:
    """Write a benchmark's results as JSON (the one format benchmarks/results_page.py reads)."""
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--runs", type=int, default=7)
    args.add_argument("--out", default=str(Path(__file__).parent / "results" / "build_phases.json"))
    options = args.parse_args()
    phases: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(options.runs):
            started = time.perf_counter()
            result = assemble(Paths())
            publish(result, Path(tmp))
            total = time.perf_counter() - started
            for phase, seconds in {**result.timings, "total": total}.items():
                phases.setdefault(phase, []).append(seconds)
            print(f"run {run + 1}/{options.runs}: {total:.3f} s")
    report = {
        "benchmark": "build phases",
        "runs": options.runs,
        "machine": machine(),
        "median_seconds": {phase: round(statistics.median(values), 4) for phase, values in phases.items()},
        "triples": sum(result.triple_counts().values()),
    }
    write_report(options.out, report)
    print(json.dumps(report["median_seconds"], indent=2))


if __name__ == "__main__":
    main()
