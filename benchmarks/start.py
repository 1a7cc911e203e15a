"""Benchmark: ``safetykg serve`` from process start to its first answer, on a published build, several times.

Each run starts ``python -m safetykg.cli serve`` on a free loopback port with the server's default settings
(two workers, a spare) and polls ``GET /sparql?query=ASK { ?s ?p ?o }`` every 10 ms with one client
(``benchmarks/serving.py``) until it is answered 200; the figure is the time from just before the process is
started. Then it asks for a page only the web framework answers, the API documentation (``/docs``: the home page
runs queries over the whole snapshot, which at 1,000 jurisdictions pass the deadline), and times that too. The runs' min and median are reported, with the machine's load average at the start.

``--bytecode cached`` (the default) runs the server as an installed package runs: with its modules' bytecode
written once (to a temporary ``PYTHONPYCACHEPREFIX``, by a run that is not counted) and read on every start, as
pip writes it when it installs a wheel. ``--bytecode none`` runs it as this repository's checkout runs where
``PYTHONDONTWRITEBYTECODE`` is set: every start compiles safetykg's own modules again (about a tenth of a second
more).

``--against DIR`` runs, in turn with this tree's, the server of another copy of the source (its ``safetykg``
package in DIR, e.g. the last commit's: ``git archive HEAD safetykg | tar -x -C DIR``), so that a change is
measured against what it changes under the same load.

Several builds may be measured in one run (``--dist 1=dist,1000=/tmp/dist1000``), each with its label.

Usage: python benchmarks/start.py [--dist [LABEL=]DIR,…] [--runs 7] [--bytecode cached|none] [--against DIR]
       [--out …] [-- serve options]
"""

import argparse
import os
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
from benchmarks.serving import first_answer  # noqa: E402
from tests.live_server import free_port  # noqa: E402

QUERY = "/sparql?query=" + quote("ASK { ?s ?p ?o }")


def one_run(dist: Path, options: list[str], env: dict[str, str], source: Path = ROOT) -> dict[str, float]:
    """One start; ``source``: the folder whose ``safetykg`` package runs."""
    if source != ROOT:
        env = {**env, "PYTHONPATH": str(source)}  # ahead of the editable install's finder
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "safetykg.cli", "--dist", str(dist), "serve", "--port", str(port), *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=source,  # python -m puts the working folder first on the path
    )
    try:
        first = first_answer(process, base + QUERY, started)
        with httpx.Client(timeout=30) as client:
            assert client.get(base + "/docs").status_code == 200
        page = time.perf_counter() - started
        return {"first_answer_s": round(first, 3), "first_page_s": round(page, 3)}
    finally:
        process.terminate()
        process.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--dist",
        default="dist",
        help="the published builds to serve, comma-separated, each DIR or LABEL=DIR (default ./dist)",
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bytecode", choices=("cached", "none"), default="cached")
    parser.add_argument("--against", type=Path, help="another copy of the source, started in turn with this one")
    parser.add_argument("--out", default=str(Path(__file__).parent / "results" / "start.json"))
    parser.add_argument("options", nargs="*", help="options for safetykg serve (after --)")
    options = parser.parse_args()
    dists = [item.partition("=")[::2] if "=" in item else (item, item) for item in options.dist.split(",")]
    sources = {"this": ROOT, **({"against": options.against.resolve()} if options.against else {})}
    rows = []
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        if options.bytecode == "cached":
            env = {**env, "PYTHONPYCACHEPREFIX": cache}
            del env["PYTHONDONTWRITEBYTECODE"]
            for source in sources.values():
                one_run(Path(dists[0][1]).resolve(), options.options, env, source)  # writes the bytecode; not counted
        for label, folder in dists:
            dist = Path(folder).resolve()
            runs: dict[str, list[dict[str, float]]] = {name: [] for name in sources}
            load = os.getloadavg()[0]
            for _ in range(options.runs):
                for name, source in sources.items():
                    runs[name].append(one_run(dist, options.options, env, source))
            for name in sources:
                summary: dict[str, object] = {"dist": label, "source": name, "bytecode": options.bytecode}
                summary.update({"runs": options.runs, "load_average_1min": round(load, 2)})
                for key in ("first_answer_s", "first_page_s"):
                    values = [run[key] for run in runs[name]]
                    summary[key] = {"min": min(values), "median": round(statistics.median(values), 3), "all": values}
                print(summary, flush=True)
                rows.append(summary)
    write_report(options.out, {"benchmark": "Start to the first answer", "machine": machine(), "rows": rows})


if __name__ == "__main__":
    main()
