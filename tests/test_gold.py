"""Extraction quality against the hand-made gold file (tests/gold/extraction.yaml): precision and recall."""

from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml

from safetykg.core.iris import ID
from safetykg.query.questions import answer, load_questions

GOLD = yaml.safe_load((Path(__file__).parent / "gold" / "extraction.yaml").read_text(encoding="utf-8"))


def hazard_answers(store: ox.Store, case: dict[str, object]) -> set[tuple[str, str]]:
    question = load_questions()["departments-regulating-hazard"]
    result = answer(store, question, {"jurisdiction": str(case["jurisdiction"]), "hazard": str(case["hazard"])})
    return {
        (row["department"].rsplit("/", 1)[-1], row["provision"].removeprefix(f"{ID}regulation/")) for row in result.rows
    }


def role_answers(store: ox.Store, case: dict[str, object]) -> set[tuple[str, str]]:
    question = load_questions()["duties-of-role"]
    result = answer(store, question, {"jurisdiction": str(case["jurisdiction"]), "role": str(case["role"])})
    return {
        (row["post"].split("/post/")[1].split("/", 1)[1], row["provision"].removeprefix(f"{ID}regulation/"))
        for row in result.rows
    }


def scores(found: set[tuple[str, str]], expected: set[tuple[str, str]]) -> tuple[float, float]:
    true_positives = len(found & expected)
    precision = true_positives / len(found) if found else 0.0
    recall = true_positives / len(expected) if expected else 1.0
    return precision, recall


@pytest.mark.parametrize("case", GOLD["hazards"], ids=lambda c: f"{c['jurisdiction']}-{c['hazard']}")
def test_hazard_gold(store: ox.Store, case: dict[str, object]) -> None:
    expected = {(e["department"], e["provision"]) for e in case["expected"]}  # type: ignore[attr-defined]
    found = hazard_answers(store, case)
    assert found == expected, f"missing {expected - found}, extra {found - expected}"


@pytest.mark.parametrize("case", GOLD["roles"], ids=lambda c: f"{c['jurisdiction']}-{c['role']}")
def test_role_gold(store: ox.Store, case: dict[str, object]) -> None:
    expected = {(e["post"], e["provision"]) for e in case["expected"]}  # type: ignore[attr-defined]
    found = role_answers(store, case)
    assert found == expected, f"missing {expected - found}, extra {found - expected}"


def test_precision_and_recall_over_the_whole_gold_file(store: ox.Store, capsys: pytest.CaptureFixture[str]) -> None:
    found: set[tuple[str, ...]] = set()
    expected: set[tuple[str, ...]] = set()
    for case in GOLD["hazards"]:
        found |= {("hazard", case["hazard"], *pair) for pair in hazard_answers(store, case)}
        expected |= {("hazard", case["hazard"], e["department"], e["provision"]) for e in case["expected"]}
    for case in GOLD["roles"]:
        found |= {("role", case["jurisdiction"], *pair) for pair in role_answers(store, case)}
        expected |= {("role", case["jurisdiction"], e["post"], e["provision"]) for e in case["expected"]}
    precision, recall = scores(found, expected)  # type: ignore[arg-type]
    with capsys.disabled():
        print(f"\ngold file: {len(expected)} expected facts, precision {precision:.3f}, recall {recall:.3f}")
    assert (precision, recall) == (1.0, 1.0)
