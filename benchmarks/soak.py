"""Soak: many concurrent clients for minutes, mixing questions, ad-hoc queries and runaway queries.

Starts `safetykg serve` (deadline 2 s so that runaway queries are stopped often), runs C clients for
S seconds, and reports the requests by kind and outcome, the failures of well-formed requests
(anything but 200 for a question or an ad-hoc query; anything but 503 for a runaway), and the
memory of the server and its workers (RSS, sampled every 5 s) from start to end.

Usage: python benchmarks/soak.py [--clients 32] [--seconds 300] [--out benchmarks/results/soak.json]
"""

import argparse
import asyncio
import json
import random
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.build_phases import machine, write_report  # noqa: E402
from benchmarks.http_load import wait_ready  # noqa: E402
from tests.live_server import free_port  # noqa: E402

QUESTIONS = [
    ("departments-regulating-hazard", {"jurisdiction": "新疆", "hazard": "烟花爆竹"}),
    ("duties-of-role", {"jurisdiction": "贵阳", "role": "主要负责人"}),
    ("frequency-requirements", {"role": "principal-leader", "level": "county"}),
    ("accountability-measures", {}),
    ("provisions-mentioning", {"term": "一票否决"}),
]
ADHOC = [
    "PREFIX skg: <https://w3id.org/safetykg/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?d a skg:Duty }",
    'PREFIX skg: <https://w3id.org/safetykg/ontology#> SELECT ?p WHERE { ?p skg:text ?t FILTER(CONTAINS(STR(?t), "检查")) } LIMIT 50',
]
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (from /proc)."""
    total = 0
    children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    for process in [str(pid), *children]:
        try:
            for line in Path(f"/proc/{process}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except FileNotFoundError:
            continue
    return round(total / 1024, 1)


async def client(base: str, stop: float, tally: dict[str, dict[str, int]], seed: int) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(timeout=30) as http:
        while time.perf_counter() < stop:
            roll = rng.random()
            if roll < 0.6:
                kind, (question, params) = "question", rng.choice(QUESTIONS)
                request = http.get(f"{base}/questions/{question}", params=params)
                expected = 200
            elif roll < 0.97:
                kind, request, expected = "adhoc", http.get(f"{base}/sparql", params={"query": rng.choice(ADHOC)}), 200
            else:
                kind, request, expected = "runaway", http.get(f"{base}/sparql", params={"query": RUNAWAY}), 503
            try:
                status = (await request).status_code
            except httpx.HTTPError as err:
                status = type(err).__name__  # type: ignore[assignment]
            bucket = tally.setdefault(kind, {})
            key = str(status)
            bucket[key] = bucket.get(key, 0) + 1
            if status == 429:
                await asyncio.sleep(0.2)  # a well-behaved client honours Retry-After
            elif status != expected:
                tally.setdefault("failures", {})[f"{kind}:{status}"] = (
                    tally.get("failures", {}).get(f"{kind}:{status}", 0) + 1
                )


async def soak(base: str, pid: int, clients: int, seconds: float) -> dict[str, object]:
    tally: dict[str, dict[str, int]] = {}
    memory = [(0.0, rss_mb(pid))]
    started = time.perf_counter()
    stop = started + seconds

    async def sample() -> None:
        while time.perf_counter() < stop:
            await asyncio.sleep(5)
            memory.append((round(time.perf_counter() - started, 1), rss_mb(pid)))

    await asyncio.gather(sample(), *(client(base, stop, tally, seed) for seed in range(clients)))
    memory.append((round(time.perf_counter() - started, 1), rss_mb(pid)))
    return {"tally": tally, "memory_mb": memory}


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--clients", type=int, default=32)
    args.add_argument("--seconds", type=float, default=300)
    args.add_argument("--out", default=str(Path(__file__).parent / "results" / "soak.json"))
    options = args.parse_args()
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "safetykg.cli",
            "serve",
            "--port",
            str(port),
            "--deadline",
            "2",
            "--queue",
            "64",
            "--client-share",
            "0",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_ready(f"http://127.0.0.1:{port}/sparql", server)
        result = asyncio.run(soak(f"http://127.0.0.1:{port}", server.pid, options.clients, options.seconds))
    finally:
        server.terminate()
        server.wait(10)
    tally = result["tally"]
    assert isinstance(tally, dict)
    failures = tally.pop("failures", {})
    memory = result["memory_mb"]
    assert isinstance(memory, list)
    report = {
        "benchmark": "soak",
        "machine": machine(),
        "clients": options.clients,
        "seconds": options.seconds,
        "requests": tally,
        "failed_well_formed_requests": failures,
        "memory_mb": {
            "start": memory[0][1],
            "peak": max(m for _, m in memory),
            "end": memory[-1][1],
            "samples": memory,
        },
    }
    write_report(options.out, report)
    print(json.dumps({k: v for k, v in report.items() if k != "memory_mb"}, indent=2, ensure_ascii=False))
    print(
        "memory MB:",
        report["memory_mb"]["start"],
        "→ peak",
        report["memory_mb"]["peak"],
        "→ end",
        report["memory_mb"]["end"],
    )  # type: ignore[index]


if __name__ == "__main__":
    main()
