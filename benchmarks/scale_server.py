"""Benchmark: the server on a snapshot of N synthetic jurisdictions — start, memory and a selective question.

For each N it writes a snapshot the way the build publishes one: the N-Quads of the corpus plus N - 1 synthetic
copies of a local rule (``benchmarks/scale.py``'s generator), its on-disk store, and a manifest recording the
store's N-Quads sha256. It then starts ``safetykg serve`` with two workers and measures, in one run:

- the time from starting the process to the first answered query, and, when the snapshot is small enough to be
  held in memory (``--memory-store-quads``: each size is served with the server's default and with 0, the on-disk
  store only), the time until every worker answers from its copy in memory;
- the server's total memory after answering: the PSS (proportional set size, so pages shared through the page
  cache are counted once) of the server and every worker, from /proc/<pid>/smaps_rollup;
- the p50 of ``departments-regulating-hazard`` (Xinjiang, fireworks) over HTTP at concurrency 1, with the
  answer caches off, against N = 1.

Usage: python benchmarks/scale_server.py [--dist DIR] [--sizes 1,1000] [--out benchmarks/results/scale_server.json]
"""

import argparse
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.build_phases import machine, write_report  # noqa: E402
from benchmarks.scale import synthetic, template_lines  # noqa: E402
from benchmarks.serving import first_answer  # noqa: E402
from safetykg.build.pipeline import DUMP, Paths, build  # noqa: E402
from safetykg.build.publish import write_store  # noqa: E402
from safetykg.web.settings import ServerSettings  # noqa: E402
from tests.live_server import free_port  # noqa: E402

SERVE = [sys.executable, "-m", "safetykg.cli"]
SETTINGS = ["--workers", "2", "--spare-workers", "0", "--client-share", "0", "--answer-cache-bytes", "0"]
QUESTION = "/questions/departments-regulating-hazard?jurisdiction=xinjiang&hazard=fireworks"
DEFAULT_MEMORY_QUADS = ServerSettings().memory_store_quads


def snapshot(base: Path, size: int, template: str, into: Path) -> int:
    """A published snapshot of the corpus and ``size - 1`` synthetic jurisdictions; its quad count."""
    lines = (base / DUMP).read_text(encoding="utf-8").splitlines()
    copy = template_lines(base / DUMP, template, template)
    for number in range(1, size):
        lines += synthetic(copy, template, template, number)
    nquads = "\n".join(lines) + "\n"
    into.mkdir(parents=True, exist_ok=True)
    (into / DUMP).write_text(nquads, encoding="utf-8")
    manifest = json.loads((base / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"][DUMP] = {"bytes": len(nquads.encode()), "sha256": hashlib.sha256(nquads.encode()).hexdigest()}
    manifest["triples"] = len(lines)  # what the server's memory_store_quads is held against
    manifest["store"] = write_store(into, nquads)
    (into / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return len(lines)


def pss_mb(pid: int) -> float:
    text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    found = re.search(r"^Pss:\s+(\d+) kB", text, re.M)
    return int(found.group(1)) / 1024 if found else 0.0


def descendants(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            found += [int(child), *descendants(int(child))]
    return found


def store_files_open(pid: int, store: Path) -> bool:
    folder = str(store.resolve())
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            if os.readlink(fd).startswith(folder):
                return True
        except OSError:
            continue
    return False


def quads_of(dist: Path) -> int:
    return int(json.loads((dist / "manifest.json").read_text(encoding="utf-8"))["triples"])


def measure(dist: Path, memory_quads: int | None) -> dict[str, float | None]:
    """``memory_quads``: the server's memory_store_quads (None: its default)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    memory = [] if memory_quads is None else ["--memory-store-quads", str(memory_quads)]
    started = time.perf_counter()
    process = subprocess.Popen(
        [*SERVE, "--dist", str(dist), "serve", "--port", str(port), *SETTINGS, *memory],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        first = first_answer(process, base + "/sparql?query=" + quote("ASK { ?s ?p ?o }"), started)
        # a worker answering from memory has let the on-disk store go (it loads its copy while the store answers)
        in_memory = None
        workers = [pid for pid in descendants(process.pid) if store_files_open(pid, dist / "store")]
        if memory_quads != 0 and quads_of(dist) <= (memory_quads or DEFAULT_MEMORY_QUADS):
            while any(store_files_open(pid, dist / "store") for pid in workers) and time.perf_counter() < started + 60:
                time.sleep(0.01)
            if not any(store_files_open(pid, dist / "store") for pid in workers):  # a server that never switches
                in_memory = time.perf_counter() - started
        times = []
        with httpx.Client() as client:
            for _ in range(200):
                began = time.perf_counter()
                assert client.get(base + QUESTION).status_code == 200
                times.append((time.perf_counter() - began) * 1000)
        pids = [process.pid, *descendants(process.pid)]
        return {
            "first_answer_s": round(first, 2),
            "answering_from_memory_after_s": None if in_memory is None else round(in_memory, 2),
            "pss_total_mb": round(sum(pss_mb(pid) for pid in pids), 1),
            "processes": len(pids),
            "question_p50_ms": round(statistics.median(times), 2),
        }
    finally:
        process.terminate()
        process.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", default="dist", help="the published build to grow (default ./dist, built if missing)")
    parser.add_argument("--sizes", default="1,1000")
    parser.add_argument("--template", default="hebei")
    parser.add_argument(
        "--memory-store-quads",
        default="default,0",
        help="the server's memory_store_quads for each run, comma-separated: 'default' (its own) or a number "
        "(0: the on-disk store only); each size is served once per value",
    )
    parser.add_argument("--out", default=str(Path(__file__).parent / "results" / "scale_server.json"))
    options = parser.parse_args()
    paths = Paths(dist=Path(options.dist))
    if not (paths.dist / DUMP).exists():
        build(paths)
    rows = []
    for size in [int(s) for s in options.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            quads = snapshot(paths.dist, size, options.template, Path(tmp) / "dist")
            prepared = round(time.perf_counter() - started, 1)
            for mode in options.memory_store_quads.split(","):
                memory_quads = None if mode == "default" else int(mode)
                row: dict[str, object] = {"N": size, "quads": quads, "snapshot_s": prepared}
                row["memory_store_quads"] = mode
                row.update(measure(Path(tmp) / "dist", memory_quads))
                rows.append(row)
                print(row, flush=True)
    write_report(options.out, {"benchmark": "The server at N jurisdictions", "machine": machine(), "rows": rows})


if __name__ == "__main__":
    main()
