"""Benchmark: the public endpoint under attack, with its default settings.

16 clients for 120 s, each on its own loopback address (127.0.0.2, …): 4 attack without pause (a cartesian
product that runs to the deadline, a sorted product that grows a worker's memory past its bound, a 20 KB
chain of operators, SERVICE), 12 behave (the fireworks question, a regulation overview,
small SPARQL queries, a page), one request after another with a short pause. Reports, for the behaving
clients, requests, failures, p50/p95/p99/max latency; for the attackers, answers by status; and the
resident memory of the server and each worker, sampled every 0.5 s, against the memory bound.

Usage: python benchmarks/fair_soak.py [--seconds 120] [--attackers 4] [--clients 12]
"""

import argparse
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.build_phases import machine, write_report  # noqa: E402
from benchmarks.serving import start_server  # noqa: E402
from tests.processes import worker_pids  # noqa: E402

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SORTED_PRODUCT = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
NOTS = "ASK { FILTER(" + "!" * 20_000 + "true) }"
SERVICE = "SELECT * WHERE { ?s ?p ?o.SERVICE SILENT <http://127.0.0.1:9/x> { ?a ?b ?c } } LIMIT 1"
ATTACKS = [("cartesian", CARTESIAN), ("memory", SORTED_PRODUCT), ("operators", NOTS), ("service", SERVICE)]
PAGES = [
    ("/questions/departments-regulating-hazard", {"jurisdiction": "新疆", "hazard": "烟花爆竹"}),
    ("/questions/regulation-overview", {}),
    ("/sparql", {"query": "ASK { ?s ?p ?o }"}),
    ("/sparql", {"query": "SELECT ?s WHERE { ?s a <http://data.europa.eu/eli/ontology#LegalResource> }"}),
    ("/ask/departments-regulating-hazard", {"jurisdiction": "新疆", "hazard": "烟花爆竹"}),
]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def resident_mb(pid: int) -> float:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * 4096 / 2**20
    except (OSError, IndexError):
        return 0.0


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--seconds", type=float, default=120)
    args.add_argument("--attackers", type=int, default=4)
    args.add_argument("--clients", type=int, default=12)
    args.add_argument("--out", default=str(Path(__file__).parent / "results" / "fair_soak.json"))
    options = args.parse_args()
    server, base = start_server()
    try:
        report = soak(base, server.pid, options)
    finally:
        stopping = time.monotonic()
        server.terminate()
        try:
            server.wait(10)
            stopped_in: float | None = round(time.monotonic() - stopping, 2)
        except subprocess.TimeoutExpired:  # a figure of its own: the server did not stop on SIGTERM
            server.kill()
            server.wait(10)
            stopped_in = None
    report["stopped_after_sigterm_s"] = stopped_in
    write_report(options.out, {"machine": machine(), "settings": "defaults", **report})


def soak(base: str, server_pid: int, options: argparse.Namespace) -> dict[str, object]:
    stop = time.monotonic() + options.seconds
    latencies: list[float] = []
    failures: list[str] = []
    attacks: dict[str, dict[int, int]] = {name: {} for name, _ in ATTACKS}
    memory = {"server_peak_mb": 0.0, "worker_peak_mb": 0.0}

    def attack(number: int) -> None:
        transport = httpx.HTTPTransport(local_address=f"127.0.0.{2 + number}")
        with httpx.Client(transport=transport, timeout=60) as http:
            turn = number
            while time.monotonic() < stop:
                name, query = ATTACKS[turn % len(ATTACKS)]
                turn += 1
                try:
                    status = http.post(
                        f"{base}/sparql", content=query, headers={"Content-Type": "application/sparql-query"}
                    ).status_code
                except httpx.TransportError:
                    status = 0
                attacks[name][status] = attacks[name].get(status, 0) + 1
                if status == 429:
                    time.sleep(0.2)

    def behave(number: int) -> None:
        transport = httpx.HTTPTransport(local_address=f"127.0.0.{10 + number}")
        with httpx.Client(transport=transport, timeout=60) as http:
            turn = number
            while time.monotonic() < stop:
                path, params = PAGES[turn % len(PAGES)]
                turn += 1
                started = time.monotonic()
                try:
                    response = http.get(f"{base}{path}", params=params)
                    if response.status_code != 200:
                        failures.append(f"{path} {response.status_code} {response.text[:100]}")
                except httpx.TransportError as err:
                    failures.append(f"{path} {err!r}")
                latencies.append(time.monotonic() - started)
                time.sleep(0.1)

    def watch() -> None:
        while time.monotonic() < stop:
            memory["server_peak_mb"] = max(memory["server_peak_mb"], resident_mb(server_pid))
            for pid in worker_pids(server_pid):
                memory["worker_peak_mb"] = max(memory["worker_peak_mb"], resident_mb(pid))
            time.sleep(0.5)

    threads = [threading.Thread(target=attack, args=(n,)) for n in range(options.attackers)]
    threads += [threading.Thread(target=behave, args=(n,)) for n in range(options.clients)]
    threads.append(threading.Thread(target=watch))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result = {
        "seconds": options.seconds,
        "attackers": options.attackers,
        "clients": options.clients,
        "well_formed": {
            "requests": len(latencies),
            "failed": len(failures),
            "failures": failures[:20],
            "p50_s": round(statistics.median(latencies), 4),
            "p95_s": round(percentile(latencies, 0.95), 4),
            "p99_s": round(percentile(latencies, 0.99), 4),
            "max_s": round(max(latencies), 4),
        },
        "attacks": attacks,
        "memory": {k: round(v, 1) for k, v in memory.items()},
        "memory_bound_mb": 2048,
    }
    print(result, file=sys.stderr)
    return result


if __name__ == "__main__":
    main()
