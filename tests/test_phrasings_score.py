"""The interpreter measured on the phrasing sets (tests/gold/phrasings.yaml, phrasings-holdout2.yaml;
python -m tests.phrasings_score).

The goal is at least 95% right and no confident wrong reading on every part. The tune part is held to it. The
first held-out part was scored once, blind, after the first round of tuning (88.0%, 4 confident wrong), then
used for tuning in the second round, as docs/asking-in-words.md says; it is held to the goal now. The second
held-out set, written later by someone who had not seen the interpreter, was scored once, blind, after the
second round: its figures are recorded as measured, below the goal, so that a change can only make them better.
"""

from pathlib import Path

import pytest

from tests.phrasings_score import Outcome, figures, interpreter_for, load_gold, score

TARGETS = {  # part: (least share right, most confident wrong)
    "tune": (0.95, 0),
    "holdout": (0.95, 0),  # tuned on in the second round
    "holdout2": (0.70, 3),  # blind: 42/60 (zh 24/30, en 18/30), 3 confident wrong; the goal is not met
}


@pytest.fixture(scope="module")
def outcomes(dist: Path) -> list[Outcome]:
    return score(interpreter_for(dist), load_gold())


@pytest.mark.parametrize("part", sorted(TARGETS))
def test_the_phrasing_set_meets_its_targets(outcomes: list[Outcome], part: str) -> None:
    least_right, most_wrong = TARGETS[part]
    found = figures([o for o in outcomes if o.entry["part"] == part])
    assert found["right"] / found["n"] >= least_right, found
    assert found["confident_wrong"] <= most_wrong, found
    assert found["declined"] == found["declines"], found  # every phrasing that must not be answered is not

