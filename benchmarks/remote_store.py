"""Benchmark: the remote store (Virtuoso open source) against the embedded store: publishing, questions, HTTP.

In one run: starts a fresh Virtuoso on loopback (tests/virtuoso.py), publishes the build to it N times
through the library (total time, and the load / switch / verify phases), times every canned question
with its required example parameters on the embedded store and on the remote one, interleaved, and
times departments-regulating-hazard over HTTP against two `safetykg serve` processes, one on each
store, interleaved. The servers run on a copy of the build, so their logs stay out of dist/.

Usage: python benchmarks/remote_store.py [--publish-runs 3] [--runs 20] [--http-requests 100]
       [--out benchmarks/results/remote_store.json]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import httpx
import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.build_phases import machine, write_report  # noqa: E402
from safetykg.build.pipeline import Paths, build  # noqa: E402
from safetykg.deploy.publish import load_endpoints, publish  # noqa: E402
from safetykg.query.questions import Question, answer, load_questions  # noqa: E402
from safetykg.query.remote import Endpoint, RemoteStore  # noqa: E402
from safetykg.query.store import open_store  # noqa: E402
from tests.live_server import live_server  # noqa: E402
from tests.virtuoso import VIRTUOSO, available, running_virtuoso  # noqa: E402

WARMUP_ROUNDS = 2
HTTP_WARMUP = 5
HTTP_QUESTION = "departments-regulating-hazard"
PUBLISH_TIMEOUT = 600.0
T = TypeVar("T")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def ratio(remote: float, embedded: float) -> float | None:
    return round(remote / embedded, 1) if embedded else None


def timed(call: Callable[[], T]) -> tuple[float, T]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def virtuoso_version() -> str:
    """Virtuoso's edition and version, as `virtuoso-t --version` prints them (on stderr)."""
    done = subprocess.run([VIRTUOSO, "--version"], capture_output=True, text=True, timeout=30)
    lines = (done.stdout + done.stderr).splitlines()
    version = next((line for line in lines if line.startswith("Version ")), "")
    edition = lines[0].strip() if lines else VIRTUOSO
    return f"{edition}, {version.strip()}".strip(", ")


@contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    """The variables set in os.environ inside the block only (the store's credentials, for loading)."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def time_publish(dist: Path, sparql: str, credentials: dict[str, str], runs: int) -> dict[str, object]:
    """Publish the build `runs` times (the first into an empty store); total and phase times of each."""
    per_run: list[dict[str, float]] = []
    with environment(credentials):
        endpoints = load_endpoints(sparql, None, None, PUBLISH_TIMEOUT)
        for run in range(runs):
            seconds, report = timed(lambda: publish(dist, endpoints, lambda message: None))
            per_run.append({"total": seconds, **report.seconds})
            print(f"publish {run + 1}/{runs}: {seconds:.2f} s", flush=True)
    phases = per_run[0].keys()
    return {
        "triples": sum(report.graphs.values()),
        "graphs": len(report.graphs),
        "median_seconds": {phase: round(statistics.median(r[phase] for r in per_run), 3) for phase in phases},
        "runs_seconds": [{phase: round(value, 3) for phase, value in r.items()} for r in per_run],
    }


class CountingStore:
    """A store that counts the queries sent through it (how many round trips an answer costs remotely)."""

    def __init__(self, store: RemoteStore) -> None:
        self.store, self.queries = store, 0

    def query(self, query: str, /, **options: object) -> object:
        self.queries += 1
        return self.store.query(query, **options)  # type: ignore[arg-type]


def required_examples(question: Question) -> dict[str, str]:
    return {p.name: p.example for p in question.parameters if p.required}


def time_questions(dist: Path, sparql: str, runs: int) -> dict[str, object]:
    """Every canned question on both stores, interleaved (embedded, remote, …), after warm-up rounds."""
    questions = load_questions()
    embedded, remote = open_store(dist), RemoteStore(Endpoint(sparql))
    times: dict[str, dict[str, list[float]]] = {q: {"embedded": [], "remote": []} for q in questions}
    rows: dict[str, dict[str, set[int]]] = {q: {"embedded": set(), "remote": set()} for q in questions}
    try:
        for round_ in range(WARMUP_ROUNDS + runs):
            for name, question in questions.items():
                params = required_examples(question)
                for label, store in (("embedded", embedded), ("remote", remote)):
                    seconds, result = timed(lambda s=store, q=question, p=params: answer(s, q, p))  # type: ignore[misc]
                    rows[name][label].add(len(result.rows))
                    if round_ >= WARMUP_ROUNDS:
                        times[name][label].append(seconds)
        counting = CountingStore(remote)
        round_trips = {}
        for name, question in questions.items():
            counting.queries = 0
            answer(counting, question, required_examples(question))  # type: ignore[arg-type]
            round_trips[name] = counting.queries
    finally:
        remote.close()
    per_question = {
        name: question_entry(questions[name], times[name], rows[name], round_trips[name]) for name in questions
    }
    embedded_p50 = ms(statistics.median(statistics.median(t["embedded"]) for t in times.values()))
    remote_p50 = ms(statistics.median(statistics.median(t["remote"]) for t in times.values()))
    return {
        "per_question": per_question,
        "median_of_p50s_ms": {
            "embedded": embedded_p50,
            "remote": remote_p50,
            "remote_over_embedded": ratio(remote_p50, embedded_p50),
        },
        "same_rows_everywhere": all(entry["same_rows"] for entry in per_question.values()),
    }


def question_entry(
    question: Question, times: dict[str, list[float]], rows: dict[str, set[int]], round_trips: int
) -> dict[str, object]:
    embedded_p50, remote_p50 = ms(statistics.median(times["embedded"])), ms(statistics.median(times["remote"]))
    same = len(rows["embedded"] | rows["remote"]) == 1
    if not same:
        print(f"warning: {question.id}: rows differ: embedded {rows['embedded']}, remote {rows['remote']}")
    return {
        "params": required_examples(question),
        "rows": sorted(rows["embedded"] | rows["remote"])[0] if same else None,
        "rows_embedded": sorted(rows["embedded"]),
        "rows_remote": sorted(rows["remote"]),
        "same_rows": same,
        "embedded_p50_ms": embedded_p50,
        "remote_p50_ms": remote_p50,
        "remote_over_embedded": ratio(remote_p50, embedded_p50),
        "remote_queries_per_answer": round_trips,
    }


def http_params() -> dict[str, str]:
    """The example values of every parameter of the HTTP question (the ones in its .rq header)."""
    return {p.name: p.example for p in load_questions()[HTTP_QUESTION].parameters}


def get_rows(client: httpx.Client, url: str, params: dict[str, str]) -> tuple[float, int]:
    seconds, response = timed(lambda: client.get(url, params=params))
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}: {response.text[:300]}")
    return seconds, len(response.json()["rows"])


def time_http(dist: Path, sparql: str, requests: int) -> dict[str, object]:
    """The HTTP question against a server on each store, interleaved, after warm-up requests."""
    params = http_params()
    times: dict[str, list[float]] = {"embedded": [], "remote": []}
    rows: dict[str, set[int]] = {"embedded": set(), "remote": set()}
    with live_server(dist) as embedded, live_server(dist, store=sparql) as remote, httpx.Client(timeout=60) as client:
        bases = {"embedded": embedded, "remote": remote}
        for request in range(HTTP_WARMUP + requests):
            for label, base in bases.items():
                seconds, count = get_rows(client, f"{base}/questions/{HTTP_QUESTION}", params)
                rows[label].add(count)
                if request >= HTTP_WARMUP:
                    times[label].append(seconds)
    summary = {
        label: {"p50": ms(statistics.median(values)), "p90": ms(percentile(values, 0.9))}
        for label, values in times.items()
    }
    return {
        "question": HTTP_QUESTION,
        "params": params,
        "rows": sorted(rows["embedded"] | rows["remote"]),
        "same_rows": len(rows["embedded"] | rows["remote"]) == 1,
        "embedded_ms": summary["embedded"],
        "remote_ms": summary["remote"],
        "remote_over_embedded_p50": ratio(summary["remote"]["p50"], summary["embedded"]["p50"]),
    }


def print_summary(report: dict[str, object]) -> None:
    published, questions, http = report["publish"], report["questions"], report["http"]
    assert isinstance(published, dict) and isinstance(questions, dict) and isinstance(http, dict)
    phases = ", ".join(f"{k} {v} s" for k, v in published["median_seconds"].items())
    print(f"\n{report['virtuoso']}")
    print(f"publish {published['triples']} triples in {published['graphs']} graphs: {phases} (medians)")
    print(f"{'question':40} {'rows':>5} {'embedded ms':>12} {'Virtuoso ms':>12} {'ratio':>6} {'queries':>8}")
    for name, entry in questions["per_question"].items():
        print(
            f"{name:40} {entry['rows']!s:>5} {entry['embedded_p50_ms']:>12} {entry['remote_p50_ms']:>12}"
            f" {entry['remote_over_embedded']:>6} {entry['remote_queries_per_answer']:>8}"
        )
    overall = questions["median_of_p50s_ms"]
    print(
        f"median of per-question p50s: embedded {overall['embedded']} ms, Virtuoso {overall['remote']} ms"
        f" (×{overall['remote_over_embedded']}); same rows everywhere: {questions['same_rows_everywhere']}"
    )
    print(
        f"HTTP {http['question']}: embedded p50 {http['embedded_ms']['p50']} ms / p90 {http['embedded_ms']['p90']} ms,"
        f" Virtuoso p50 {http['remote_ms']['p50']} ms / p90 {http['remote_ms']['p90']} ms"
        f" (×{http['remote_over_embedded_p50']})"
    )


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--publish-runs", type=int, default=3)
    args.add_argument("--runs", type=int, default=20, help="timed rounds of every question on each store")
    args.add_argument("--http-requests", type=int, default=100)
    args.add_argument("--out", default=str(Path(__file__).parent / "results" / "remote_store.json"))
    options = args.parse_args()
    reason = available()
    if reason is not None:
        sys.exit(f"cannot run: {reason}")
    paths = Paths()
    if not (paths.dist / "safetykg.nq").exists():
        build(paths)
    with tempfile.TemporaryDirectory() as tmp:
        dist = Path(tmp) / "dist"
        shutil.copytree(paths.dist, dist)  # the servers write their logs beside the build
        with running_virtuoso(Path(tmp) / "virtuoso") as virtuoso:
            published = time_publish(dist, virtuoso.sparql, virtuoso.credentials, options.publish_runs)
            questions = time_questions(dist, virtuoso.sparql, options.runs)
            print("questions timed", flush=True)
            http = time_http(dist, virtuoso.sparql, options.http_requests)
    report: dict[str, object] = {
        "benchmark": "remote store (Virtuoso) against the embedded store: publish, questions, HTTP",
        "machine": machine(),
        "virtuoso": virtuoso_version(),
        "pyoxigraph": ox.__version__,
        "settings": {
            "publish_runs": options.publish_runs,
            "question_runs": options.runs,
            "question_warmup_rounds": WARMUP_ROUNDS,
            "http_requests": options.http_requests,
            "http_warmup_requests": HTTP_WARMUP,
            "server_settings": "defaults (the same for both servers)",
        },
        "publish": published,
        "questions": questions,
        "http": http,
    }
    write_report(options.out, report)
    print_summary(report)
    print(f"wrote {options.out}")


if __name__ == "__main__":
    main()
