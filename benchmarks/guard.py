"""Benchmark: how long the guard takes to judge a query, against rdflib's SPARQL parser, in one run.

The guard reads the grammar (safetykg.query.sparql_grammar) before any query reaches the engine, so its
time is paid on every request. Each query is judged N times; the median is reported, with rdflib's
``prepareQuery`` on the same text as the peer (the parser the serving side must not use). The engine
itself is not timed here: on 64 KB of identical triple patterns its planner runs for minutes, even on an
empty store, which the deadline bounds.

Usage: python benchmarks/guard.py [--runs N] [--out benchmarks/results/guard.json]
"""

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.build_phases import machine, write_report  # noqa: E402
from safetykg.core.resources import packaged  # noqa: E402
from safetykg.query.guard import QueryRefused, check_query  # noqa: E402

LIMIT = 65536


def fill(head: str, unit: str, tail: str) -> str:
    """The longest text head + unit * k + tail within the query size limit."""
    room = LIMIT - len((head + tail).encode())
    return head + unit * (room // len(unit.encode())) + tail


def queries() -> dict[str, str]:
    question = (packaged("queries") / "compare-frequencies.rq").read_text(encoding="utf-8")
    body = question[question.index("WHERE") + len("WHERE") :].strip()
    body = body[: body.rindex("}") + 1]
    return {
        "one line": "SELECT * WHERE { ?s ?p ?o } LIMIT 10",
        "a canned question": question,
        "64 KB of triple patterns": fill("SELECT * WHERE { ", "?s <http://e/p> ?o . ", "}"),
        "64 KB of UNIONed question bodies": fill("SELECT * WHERE { { } ", f"UNION {body} ", "}"),
        "64 KB VALUES of one-character tokens": fill("SELECT * WHERE { VALUES ?x { ", "1 ", "} }"),
        "64 KB string literal": fill('ASK { FILTER(STRLEN("', "安全", '") > 0) }'),
        "2,000-term sum": "ASK { FILTER(" + "+".join(["1"] * 2000) + " > 0) }",
    }


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 3)


def guard(text: str) -> Callable[[], object]:
    def run() -> object:
        try:
            return check_query(text, set(), LIMIT, 64, 100_000)
        except QueryRefused as refused:
            return refused

    return run


def rdflib_parser(text: str) -> Callable[[], object]:
    from rdflib.plugins.sparql import prepareQuery

    def run() -> object:
        try:
            return prepareQuery(text)
        except Exception as err:
            return err

    return run


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--runs", type=int, default=15)
    args.add_argument("--out", default=str(Path(__file__).parent / "results" / "guard.json"))
    options = args.parse_args()
    rows = []
    for name, text in queries().items():
        peer_runs = max(1, options.runs // 5)
        row = {
            "query": name,
            "bytes": len(text.encode()),
            "guard_ms": median_ms(guard(text), options.runs),
            "rdflib_ms": median_ms(rdflib_parser(text), peer_runs),
        }
        row["rdflib_over_guard"] = round(row["rdflib_ms"] / row["guard_ms"], 1) if row["guard_ms"] else None
        rows.append(row)
        print(
            f"{name:<40} {row['bytes']:>6} B  guard {row['guard_ms']:>8.2f} ms  rdflib {row['rdflib_ms']:>9.2f} ms",
            file=sys.stderr,
        )
    write_report(options.out, {"machine": machine(), "runs": options.runs, "queries": rows})


if __name__ == "__main__":
    main()
