"""The interpreter measured on the phrasing set (tests/gold/phrasings.yaml): routed right, confident wrong and
declined, per part (tune, holdout), per language and per question.

    python -m tests.phrasings_score [--dist DIR] [--part tune|holdout] [--list]

Routed right: confident, the expected question and exactly the expected parameters. Confident wrong: confident
and anything else. A phrasing marked ``decline`` is right when the reading is not confident. ``--list`` prints
the phrasings it gets wrong, of the tune part only unless --part holdout is asked for (the holdout part is for
reporting, never for tuning).
"""

import argparse
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import yaml

from safetykg.query.interpret import Interpretation, Interpreter, Wording, vocabulary_from_store
from safetykg.query.questions import load_questions
from tests.phrasing_sets import HELD_OUT_PARTS, held_out_file

GOLD = Path(__file__).resolve().parent / "gold" / "phrasings.yaml"  # the tune and holdout parts
PARTS = ("tune", "holdout", *HELD_OUT_PARTS)  # each later set written blind, scored once, then tuned on


@dataclass(frozen=True)
class Outcome:
    entry: dict[str, Any]
    reading: Interpretation
    milliseconds: float

    @property
    def decline(self) -> bool:
        return self.entry["expect"] == "decline"

    @property
    def right(self) -> bool:
        if self.decline:
            return not self.reading.confident
        expect = self.entry["expect"]
        return (
            self.reading.confident
            and self.reading.question == expect["question"]
            and self.reading.params == dict(expect.get("params") or {})
        )

    @property
    def confident_wrong(self) -> bool:
        return self.reading.confident and not self.right


def load_gold(
    paths: tuple[Path, ...] = (GOLD, *map(held_out_file, HELD_OUT_PARTS)),
) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for path in paths:
        entries += yaml.safe_load(path.read_text(encoding="utf-8"))
    return entries


def interpreter_for(dist: Path) -> Interpreter:
    store = ox.Store()
    store.bulk_load(path=str(dist / "safetykg.nq"), format=ox.RdfFormat.N_QUADS)
    return Interpreter(vocabulary_from_store(store), load_questions(), Wording.load())


def score(interpreter: Interpreter, entries: list[dict[str, Any]]) -> list[Outcome]:
    outcomes = []
    for entry in entries:
        start = time.perf_counter()
        reading = interpreter.interpret(entry["text"])
        outcomes.append(Outcome(entry, reading, (time.perf_counter() - start) * 1000))
    return outcomes


def figures(outcomes: list[Outcome]) -> dict[str, Any]:
    answerable = [o for o in outcomes if not o.decline]
    declines = [o for o in outcomes if o.decline]
    return {
        "n": len(outcomes),
        "right": sum(o.right for o in outcomes),
        "routed_right": sum(o.right for o in answerable),
        "answerable": len(answerable),
        "confident_wrong": sum(o.confident_wrong for o in outcomes),
        "declined": sum(o.right for o in declines),
        "declines": len(declines),
    }


def report(outcomes: list[Outcome], parts: tuple[str, ...] = PARTS) -> str:
    lines = []
    outcomes = [o for o in outcomes if o.entry["part"] in parts]
    for part in parts:
        for lang in ("zh", "en", None):
            chosen = [o for o in outcomes if o.entry["part"] == part and (lang is None or o.entry["lang"] == lang)]
            if not chosen:
                continue
            f = figures(chosen)
            lines.append(
                f"{part:8} {lang or 'all':4} right {f['right']}/{f['n']} ({f['right'] / f['n']:.1%})  "
                f"routed right {f['routed_right']}/{f['answerable']}  declined {f['declined']}/{f['declines']}  "
                f"confident wrong {f['confident_wrong']}"
            )
    lines.append("")
    questions = sorted({o.entry["expect"]["question"] for o in outcomes if not o.decline})
    for question in questions:
        chosen = [o for o in outcomes if not o.decline and o.entry["expect"]["question"] == question]
        f = figures(chosen)
        lines.append(f"  {question:32} {f['right']}/{f['n']}")
    times = sorted(o.milliseconds for o in outcomes)
    lines.append(f"\ninterpretation: p50 {statistics.median(times):.2f} ms, p95 {times[int(0.95 * len(times))]:.2f} ms")
    return "\n".join(lines)


def wrong(outcomes: list[Outcome], part: str) -> str:
    lines = []
    for o in outcomes:
        if o.entry["part"] != part or o.right:
            continue
        expect = o.entry["expect"]
        wanted = "decline" if expect == "decline" else f"{expect['question']} {expect.get('params') or {}}"
        got = f"{o.reading.question} {o.reading.params}" if o.reading.confident else f"no ({o.reading.missing})"
        lines.append(f"- {o.entry['text']}\n    want {wanted}\n    got  {got}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", default="dist", help="a published build (default ./dist)")
    parser.add_argument("--part", choices=PARTS, default="tune", help="whose failures --list prints")
    parser.add_argument("--list", action="store_true", help="print the phrasings it gets wrong")
    parser.add_argument("--tuning", action="store_true", help="figures of the tune part only (while tuning)")
    args = parser.parse_args(argv)
    outcomes = score(interpreter_for(Path(args.dist)), load_gold())
    print(report(outcomes, ("tune",) if args.tuning else PARTS))
    if args.list:
        print(f"\nwrong ({args.part}):\n" + wrong(outcomes, args.part))
    return 0


if __name__ == "__main__":
    sys.exit(main())
