"""How long reading a question in words takes, in-process: every phrasing of tests/gold/phrasings.yaml read
--rounds times by the interpreter of a published build; p50, p95 and the slowest, in milliseconds.

    python benchmarks/interpret.py [--dist DIR] [--rounds 20]

The issue's bound is a p50 under 20 ms. Building the interpreter (reading every label once) is timed apart.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.phrasings_score import interpreter_for, load_gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", default="dist", help="a published build (default ./dist)")
    parser.add_argument("--rounds", type=int, default=20, help="times each phrasing is read (default 20)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    interpreter = interpreter_for(Path(args.dist))
    built = time.perf_counter() - start
    texts = [entry["text"] for entry in load_gold()]
    times = []
    for _ in range(args.rounds):
        for text in texts:
            start = time.perf_counter()
            interpreter.interpret(text)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(f"interpreter built in {built:.2f} s (the store loaded and every label read)")
    print(
        f"{len(times)} readings of {len(texts)} phrasings: p50 {statistics.median(times):.2f} ms, "
        f"p95 {times[int(0.95 * len(times))]:.2f} ms, slowest {times[-1]:.2f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
