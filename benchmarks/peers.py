"""Benchmark: safetykg over HTTP against oxigraph's own server (the engine's limit) and rdflib-endpoint, in one run.

All servers serve the same published N-Quads. Each query is sent with `wrk -t2 -c8 -d<S>s`, counting only 2xx
answers, twice: repeated (the same request every time, so the answer caches may answer) and varied (a different
IRI on every request, more distinct requests than any cache holds). safetykg is measured twice: with its answer
caches on (the default) and off (``--answer-cache-bytes 0``), so that every uncached figure is the server's own
work. Then the canned question ``departments-regulating-hazard`` (Xinjiang, fireworks) at concurrency 1: p50.

Needs ``wrk`` (Debian package) and, for the peers, the PyPI packages ``oxigraph`` (its ``oxigraph`` command) and
``rdflib-endpoint``; a missing peer is reported and skipped.

Usage: python benchmarks/peers.py [--dist DIR] [--seconds 4] [--out benchmarks/results/peers.json]
"""

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx
import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.build_phases import machine, write_report  # noqa: E402
from benchmarks.http_load import PEER  # noqa: E402
from benchmarks.serving import first_answer  # noqa: E402
from tests.live_server import free_port  # noqa: E402

SKG = "https://w3id.org/safetykg/ontology#"
JSON = "application/sparql-results+json"
QUERIES = {
    # all triples of one organ IRI ({iri} varies in the varied run)
    "single-iri": "SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }}",
    # duties per citation: three patterns, GROUP BY, top 20 (a constant varies in the varied run)
    "aggregate-3-patterns": (
        f"SELECT ?citation (COUNT(?duty) AS ?n) WHERE {{{{ ?duty a <{SKG}Duty> ; <{SKG}source> ?provision . "
        f"?provision <{SKG}citation> ?citation }}}} GROUP BY ?citation ORDER BY DESC(?n) LIMIT {{limit}}"
    ),
    # CONTAINS over every literal (the word varies in the varied run)
    "contains-every-literal": 'SELECT ?s WHERE {{ ?s ?p ?o FILTER(isLiteral(?o) && CONTAINS(STR(?o), "{word}")) }}',
}
WORDS = ["烟花爆竹", "危险化学品", "安全生产", "应急", "消防", "矿山", "交通", "建筑", "特种设备", "民用爆炸物品"]
LUA = """
local paths = {}
for line in io.lines("%s") do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1], {["Accept"] = "%s"})
end
"""


def organ_iris(dist: Path) -> list[str]:
    store = ox.Store()
    store.bulk_load(path=str(dist / "safetykg.nq"), format=ox.RdfFormat.N_QUADS)
    rows = store.query(f"SELECT DISTINCT ?o WHERE {{ ?o a <{SKG}Organ> }}", use_default_graph_as_union=True)
    return sorted(row["o"].value for row in rows)  # type: ignore[union-attr]


def variants(name: str, organs: list[str], count: int) -> list[str]:
    """``count`` distinct texts of a query (one of them the repeated one)."""
    template = QUERIES[name]
    if name == "single-iri":
        return [template.format(iri=organs[i % len(organs)]) for i in range(min(count, len(organs)))]
    if name == "aggregate-3-patterns":
        return [template.format(limit=20 + i) for i in range(count)]
    return [template.format(word=WORDS[i % len(WORDS)] + ("" if i < len(WORDS) else str(i))) for i in range(count)]


def wrk(url_path: str, base: str, paths: list[str], seconds: float) -> float:
    """2xx answers per second over ``paths`` (cycled), with wrk -t2 -c8."""
    with tempfile.TemporaryDirectory() as folder:
        listed = Path(folder) / "paths.txt"
        listed.write_text("\n".join(paths) + "\n", encoding="utf-8")
        script = Path(folder) / "paths.lua"
        script.write_text(LUA % (listed, JSON), encoding="utf-8")
        run = subprocess.run(
            ["wrk", "-t2", "-c8", f"-d{seconds:g}s", "-s", str(script), base + url_path],
            capture_output=True,
            text=True,
            check=True,
        )
    total = int(re.search(r"(\d+) requests in", run.stdout).group(1))  # type: ignore[union-attr]
    elapsed = re.search(r"requests in ([\d.]+)(m?s)", run.stdout)
    assert elapsed is not None
    duration = float(elapsed.group(1)) / (1000 if elapsed.group(2) == "ms" else 1)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", run.stdout)
    errors = int(non_2xx.group(1)) if non_2xx else 0
    return round((total - errors) / duration, 1)


def start(args: list[str], ready: str) -> tuple[subprocess.Popen[bytes], float]:
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return process, first_answer(process, ready, started)


def stop(process: subprocess.Popen[bytes]) -> None:
    """Ask a server to stop; kill it if it has not within ten seconds (rdflib-endpoint may not, on a busy machine)."""
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)


def question_p50(base: str, requests: int = 300) -> float:
    url = base + "/questions/departments-regulating-hazard?jurisdiction=xinjiang&hazard=fireworks"
    times = []
    with httpx.Client() as client:
        for _ in range(requests):
            began = time.perf_counter()
            assert client.get(url).status_code == 200
            times.append((time.perf_counter() - began) * 1000)
    return round(statistics.median(times), 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="a published build (default ./dist)")
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--distinct", type=int, default=5000, help="distinct requests of a varied run")
    parser.add_argument("--out", default=str(Path(__file__).parent / "results" / "peers.json"))
    options = parser.parse_args()
    dist = Path(options.dist)
    organs = organ_iris(dist)
    servers: dict[str, tuple[list[str], str, str]] = {}  # name: (command, ready URL, query path prefix)
    port = free_port()
    servers["safetykg"] = (
        [
            sys.executable,
            "-m",
            "safetykg.cli",
            "--dist",
            str(dist),
            "serve",
            "--port",
            str(port),
            "--client-share",
            "0",
        ],
        f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D",
        f"http://127.0.0.1:{port}/sparql?query=",
    )
    port = free_port()
    servers["safetykg-no-cache"] = (
        [*servers["safetykg"][0][:-4], "--port", str(port), "--client-share", "0", "--answer-cache-bytes", "0"],
        f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D",
        f"http://127.0.0.1:{port}/sparql?query=",
    )
    skipped = []
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    location = Path(tempfile.mkdtemp(prefix="oxigraph-store-"))
    if Path(oxigraph).exists():
        subprocess.run(
            [oxigraph, "load", "--location", str(location), "--file", str(dist / "safetykg.nq")],
            check=True,
            capture_output=True,
        )
        port = free_port()
        servers["oxigraph serve-read-only"] = (
            [
                oxigraph,
                "serve-read-only",
                "--location",
                str(location),
                "--bind",
                f"127.0.0.1:{port}",
                "--union-default-graph",
            ],
            f"http://127.0.0.1:{port}/query?query=ASK%7B%7D",
            f"http://127.0.0.1:{port}/query?query=",
        )
    else:
        skipped.append("oxigraph (pip install oxigraph)")
    try:
        import rdflib_endpoint  # noqa: F401

        port = free_port()
        servers["rdflib-endpoint"] = (
            [sys.executable, "-c", PEER, str(dist / "safetykg.nq"), str(port)],
            f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D",
            f"http://127.0.0.1:{port}/sparql?query=",
        )
    except ImportError:
        skipped.append("rdflib-endpoint (pip install rdflib-endpoint)")
    results: dict[str, dict[str, object]] = {}
    for name, (command, ready, prefix) in servers.items():
        process, startup = start(command, ready)
        try:
            found: dict[str, object] = {"first_answer_s": round(startup, 2)}
            base, path = prefix.split("/", 3)[:3], "/" + prefix.split("/", 3)[3]
            origin = "/".join(base)
            for query in QUERIES:
                texts = variants(query, organs, options.distinct)
                paths = [path + quote(text, safe="") for text in texts]
                found[f"{query} repeated"] = wrk(paths[0], origin, paths[:1], options.seconds)
                found[f"{query} varied"] = wrk(paths[0], origin, paths, options.seconds)
            if name.startswith("safetykg"):
                found["fireworks question p50 ms (concurrency 1)"] = question_p50(origin)
            results[name] = found
            print(name, found, flush=True)
        finally:
            stop(process)
    shutil.rmtree(location, ignore_errors=True)
    ratios: dict[str, float] = {}
    ours, cold = results.get("safetykg", {}), results.get("safetykg-no-cache", {})
    for peer in ("oxigraph serve-read-only", "rdflib-endpoint"):
        theirs = results.get(peer)
        if not theirs:
            continue
        for key, value in theirs.items():
            if key.endswith(("repeated", "varied")) and isinstance(value, float) and value > 0:
                mine = (ours if key.endswith("repeated") else cold).get(key)
                if isinstance(mine, float):
                    ratios[f"{key}: safetykg / {peer}"] = round(mine / value, 2)
    report = {
        "benchmark": "HTTP throughput against oxigraph's own server and rdflib-endpoint (wrk -t2 -c8, 2xx only)",
        "machine": machine(),
        "seconds": options.seconds,
        "distinct_requests_varied": options.distinct,
        "requests_per_second": results,
        "ratios (repeated: safetykg with its caches; varied: with its caches off)": ratios,
        "skipped": skipped,
    }
    write_report(options.out, report)
    for key, value in ratios.items():
        print(f"{key}: {value}×")


if __name__ == "__main__":
    main()
