"""Benchmark: OWL RL reasoning with owlrl against reasonable (Rust), on the built graph, in one run.

Reports each engine's median time and whether their inferred triples agree (after the same
filtering as safetykg.quality.reason: no reflexive owl:sameAs, nothing about blank nodes or literals).

Usage: python benchmarks/reasoning.py [--runs N] [--out benchmarks/results/reasoning.json]
"""

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import reasonable
from rdflib import OWL, BNode, Graph, Literal

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.build_phases import machine, write_report  # noqa: E402
from safetykg import iris  # noqa: E402
from safetykg.build.pipeline import Paths, assemble  # noqa: E402
from safetykg.quality.reason import inferred_triples  # noqa: E402


def _comparable(triples: set[tuple[object, object, object]]) -> set[tuple[object, object, object]]:
    return {
        t
        for t in triples
        if not isinstance(t[0], (Literal, BNode))
        and not isinstance(t[2], BNode)
        and not (t[1] == OWL.sameAs and t[0] == t[2])
    }


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--runs", type=int, default=3)
    args.add_argument("--out", default=str(Path(__file__).parent / "results" / "reasoning.json"))
    options = args.parse_args()
    result = assemble(Paths())
    asserted = Graph()
    for name, graph in result.graphs.items():
        if name != iris.graph("inferred"):
            asserted += graph
    owlrl_times, reasonable_times = [], []
    for _ in range(options.runs):
        started = time.perf_counter()
        by_owlrl = inferred_triples([asserted])
        owlrl_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        engine = reasonable.PyReasoner()
        engine.from_graph(asserted)
        closure = set(engine.reason())
        reasonable_times.append(time.perf_counter() - started)
    base = set(asserted)
    by_reasonable = _comparable(closure) - base
    by_owlrl_set = set(by_owlrl)
    only_owlrl, only_reasonable = by_owlrl_set - by_reasonable, by_reasonable - by_owlrl_set
    report = {
        "benchmark": "OWL RL closure: owlrl against reasonable",
        "machine": machine(),
        "asserted_triples": len(base),
        "median_seconds": {
            "owlrl": round(statistics.median(owlrl_times), 3),
            "reasonable": round(statistics.median(reasonable_times), 3),
        },
        "inferred": {
            "owlrl": len(by_owlrl_set),
            "reasonable": len(by_reasonable),
            "both": len(by_owlrl_set & by_reasonable),
        },
        "only_owlrl_by_predicate": dict(Counter(str(p) for _, p, _ in only_owlrl).most_common(8)),
        "only_reasonable_by_predicate": dict(Counter(str(p) for _, p, _ in only_reasonable).most_common(8)),
        "same_closure": not only_owlrl and not only_reasonable,
    }
    write_report(options.out, report)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
