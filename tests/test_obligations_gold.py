"""The obligations gold (tests/gold/obligations/): well formed, read against the texts, and scored.

The targets of the fidelity work are precision at least 0.98 and recall at least 0.95 for each fact type; the
graph is held to them.
"""

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from safetykg.core.resources import packaged
from tests.obligations_gold import FACT_TYPES, load_gold, report, score

GOLD = load_gold()
PATH = re.compile(r"^article/\d+(/paragraph/\d+)?(/item/\d+(/subitem/\d+)?)?$")


def lexicon_slugs() -> set[str]:
    graph = Graph()
    for path in packaged("lexicon").glob("*.ttl"):
        graph.parse(path)
    return {str(s).rsplit("/", 1)[-1] for s in graph.subjects()}


def test_the_gold_covers_every_rule_with_at_least_100_provisions() -> None:
    documents = {d.stem for d in (packaged("sources")).glob("*.txt")}
    assert set(GOLD) == documents
    assert sum(len(p) for p in GOLD.values()) >= 100


@pytest.mark.parametrize("doc", sorted(GOLD))
def test_each_gold_provision_is_in_its_text(doc: str) -> None:
    text = re.sub(r"\s", "", (packaged("sources") / f"{doc}.txt").read_text(encoding="utf-8"))  # OCR line breaks
    slugs = lexicon_slugs()
    for path, provision in GOLD[doc].items():
        assert PATH.match(path), path
        prefix = re.sub(r"\s", "", provision["text"])[:12]
        assert prefix in text, f"{doc}/{path}: {prefix!r} is not in the text"
        for bearer in provision.get("bearers") or []:
            assert bearer.get("organ_kind") in slugs or bearer.get("organ_text"), f"{doc}/{path}: {bearer}"
            assert bearer.get("role") in (None, *slugs), f"{doc}/{path}: {bearer}"
        for name in ("domains", "levels"):
            assert set(provision.get(name) or []) <= slugs, f"{doc}/{path}: {name}"


@pytest.fixture(scope="module")
def scores(dist: Path) -> dict[str, object]:
    store = ox.Store()
    store.bulk_load(path=str(dist / "safetykg.nq"), format=ox.RdfFormat.N_QUADS)
    found = score(store, GOLD)
    print("\n" + report(found))
    return found  # type: ignore[return-value]


def test_the_scorer_sees_what_the_graph_has(scores: dict[str, object]) -> None:
    """Some facts of every type are found: a scorer that matched nothing would be broken, not strict."""
    for kind in FACT_TYPES:
        assert scores[kind].matched > 0, kind  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", FACT_TYPES)
def test_precision_and_recall_reach_the_targets(scores: dict[str, object], kind: str) -> None:
    found = scores[kind]
    assert found.precision >= 0.98 and found.recall >= 0.95, (kind, report(scores))  # type: ignore[attr-defined]


def test_the_user_values_list_is_whole() -> None:
    """At least 150 values, every kind, a quarter held out, and every expected concept in the lexicon."""
    from tests.user_values import KINDS, load_values

    values = load_values()
    slugs = lexicon_slugs()
    assert len(values) >= 150 and {v["kind"] for v in values} == set(KINDS)
    assert sum(bool(v.get("held_out")) for v in values) == len(values) // 4
    for value in values:
        expected = value["expected"]
        assert expected is None or expected.rsplit("/", 1)[-1] in slugs, value
