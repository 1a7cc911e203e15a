"""What users type for question parameters (tests/gold/user-values.yaml), and how many the resolver gets right.

The list was written before any label was added for it; a quarter of it (``held_out``) is never used to write
labels and is scored apart. Run it: ``python -m tests.user_values [--dist dist]``.
"""

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import yaml

from safetykg.query.questions import Parameter, QuestionError, resolve

VALUES = Path(__file__).resolve().parent / "gold" / "user-values.yaml"
KINDS = {  # a value kind -> the parameter type whose labels resolve it
    "jurisdiction": "jurisdiction",
    "domain": "domain",
    "organ-kind": "organ-kind",
    "role": "role",
    "level": "level",
    "activity-kind": "activity-kind",
    "accountability-measure": "accountability-measure",
    "organ": "organ",
}


@dataclass
class Tally:
    right: int = 0
    total: int = 0


def load_values() -> list[dict[str, Any]]:
    values: list[dict[str, Any]] = yaml.safe_load(VALUES.read_text(encoding="utf-8"))["values"]
    return values


def resolved_right(store: ox.Store, entry: dict[str, Any]) -> bool:
    """Right: the expected concept, or, where nothing should match (expected null), a refusal."""
    parameter = Parameter("value", KINDS[entry["kind"]], True, "", "")
    try:
        term = resolve(store, parameter, str(entry["value"]))
    except QuestionError:
        return entry["expected"] is None
    expected = entry["expected"]
    return expected is not None and str(term.value).endswith("/" + str(expected))


def tally(store: ox.Store) -> dict[str, Tally]:
    result = {"used": Tally(), "held_out": Tally()}
    for entry in load_values():
        part = result["held_out" if entry.get("held_out") else "used"]
        part.total += 1
        part.right += resolved_right(store, entry)
    return result


if __name__ == "__main__":
    dist = Path(sys.argv[sys.argv.index("--dist") + 1]) if "--dist" in sys.argv else Path("dist")
    store = ox.Store()
    store.bulk_load(path=str(dist / "safetykg.nq"), format=ox.RdfFormat.N_QUADS)
    for part, counts in tally(store).items():
        print(f"{part}: {counts.right} of {counts.total} resolve to the right concept")
