"""The hand-made gold of obligations (tests/gold/obligations/*.yaml) and its scorer.

The gold was read from the texts, never from the graph: for each chosen provision, every actor it obliges
(organ kind and role), the domains it concerns, the levels it applies at, its frequencies and the
designations it states. The scorer compares the graph with it, provision by provision, for five fact
types, and gives precision and recall for each: a bearer counts once per provision, organs are matched
by organ kind (the jurisdiction is the provision's own), an actor the lexicon has no kind for counts as a
fact the graph cannot have yet. Run it: ``python -m tests.obligations_gold [--dist dist]``.
"""

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import yaml

GOLD = Path(__file__).resolve().parent / "gold" / "obligations"
ID = "https://w3id.org/safetykg/id/"
SKG = "https://w3id.org/safetykg/ontology#"
FACT_TYPES = ("bearers", "domains", "levels", "frequencies", "designations")

Fact = tuple[str, ...]


def load_gold() -> dict[str, dict[str, Any]]:
    """Document id -> its gold (``provisions`` keyed by path)."""
    gold = {}
    for path in sorted(GOLD.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        gold[data["document"]] = {p["provision"]: p for p in data["provisions"]}
    return gold


def slug(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def gold_facts(provision: dict[str, Any]) -> dict[str, set[Fact]]:
    bearers = set()
    for bearer in provision.get("bearers") or []:
        organ = bearer.get("organ_kind") or "text:" + str(bearer.get("organ_text") or "?")
        bearers.add((organ, bearer.get("role") or ""))
    frequencies = {
        (str(f.get("period")), str(f.get("minimum_count") or 1), str(f.get("activity_kind")))
        for f in provision.get("frequencies") or []
    }
    designations = {
        (d.get("organ_kind") or "text:" + str(d.get("organ_text")), str(d.get("type")))
        for d in provision.get("designations") or []
    }
    return {
        "bearers": bearers,
        "domains": {(d,) for d in provision.get("domains") or []},
        "levels": {(level,) for level in provision.get("levels") or []},
        "frequencies": frequencies,
        "designations": designations,
    }


def _rows(store: ox.Store, query: str, provision: str) -> list[ox.QuerySolution]:
    bound = query.replace("?PROVISION", f"<{provision}>")
    return list(store.query(bound, use_default_graph_as_union=True))  # type: ignore[arg-type]


BEARERS = f"""SELECT ?kind ?role WHERE {{
  ?duty <{SKG}source> ?PROVISION ; <{SKG}bearer> ?bearer .
  OPTIONAL {{ ?bearer <http://www.w3.org/ns/org#postIn>/<{SKG}organKind> ?postKind ; <http://www.w3.org/ns/org#role> ?role }}
  OPTIONAL {{ ?bearer <{SKG}organKind> ?organKind }}
  BIND(COALESCE(?postKind, ?organKind) AS ?kind) }}"""
DOMAINS = f"""SELECT DISTINCT ?domain WHERE {{
  {{ ?node <{SKG}source> ?PROVISION }} UNION {{ ?node <http://www.w3.org/ns/prov#wasDerivedFrom> ?PROVISION }}
  ?node <{SKG}concernsDomain> ?domain }}"""
LEVELS = f"""SELECT DISTINCT ?level WHERE {{
  {{ ?node <{SKG}source> ?PROVISION }} UNION {{ ?node <http://www.w3.org/ns/prov#wasDerivedFrom> ?PROVISION }}
  ?node <{SKG}appliesAtLevel> ?level }}"""
FREQUENCIES = f"""SELECT ?period ?count ?kind WHERE {{
  ?frequency a <{SKG}Frequency> ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?PROVISION ;
    <{SKG}period> ?period ; <{SKG}minimumCount> ?count ; <{SKG}activityKind> ?kind }}"""
DESIGNATIONS = f"""SELECT ?kind ?type WHERE {{
  ?designation a <{SKG}Designation> ; <{SKG}source> ?PROVISION ; <{SKG}designationType> ?type ;
    <{SKG}designatedOrgan>/<{SKG}organKind> ?kind }}"""


def graph_facts(store: ox.Store, doc: str, path: str) -> dict[str, set[Fact]]:
    provision = f"{ID}regulation/{doc}/{path}"
    article = f"{ID}regulation/{doc}/" + "/".join(path.split("/")[:2])
    designations = {(slug(r["kind"].value), slug(r["type"].value)) for r in _rows(store, DESIGNATIONS, article)}
    return {
        "bearers": {
            (slug(r["kind"].value) if r["kind"] else "?", slug(r["role"].value) if r["role"] else "")
            for r in _rows(store, BEARERS, provision)
        },
        "domains": {(slug(r["domain"].value),) for r in _rows(store, DOMAINS, provision)},
        "levels": {(slug(r["level"].value),) for r in _rows(store, LEVELS, provision)},
        "frequencies": {
            (r["period"].value, r["count"].value, slug(r["kind"].value)) for r in _rows(store, FREQUENCIES, provision)
        },
        # a designation is stated by an article: the gold's provisions of that article share it
        "designations": designations if path.count("/") == 1 else set(),
    }


@dataclass
class Score:
    found: int = 0
    expected: int = 0
    matched: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0


def score(store: ox.Store, gold: dict[str, dict[str, Any]] | None = None) -> dict[str, Score]:
    gold = load_gold() if gold is None else gold
    scores = {kind: Score() for kind in FACT_TYPES}
    for doc, provisions in gold.items():
        designations_by_article: dict[str, set[Fact]] = {}
        for path, provision in provisions.items():
            expected = gold_facts(provision)
            article = "/".join(path.split("/")[:2])
            designations_by_article.setdefault(article, set()).update(expected.pop("designations"))
            found = graph_facts(store, doc, path)
            found.pop("designations")
            for kind, facts in expected.items():
                _count(scores[kind], facts, found[kind], f"{doc}/{path}")
        for article, facts in designations_by_article.items():
            found = graph_facts(store, doc, article)["designations"]
            _count(scores["designations"], facts, found, f"{doc}/{article}")
    return scores


def _count(score: Score, expected: set[Fact], found: set[Fact], where: str) -> None:
    score.expected += len(expected)
    score.found += len(found)
    score.matched += len(expected & found)
    score.misses += [f"{where}: {fact}" for fact in sorted(expected - found)]
    score.extras += [f"{where}: {fact}" for fact in sorted(found - expected)]


def report(scores: dict[str, Score]) -> str:
    lines = [f"{'fact type':<14}{'gold':>6}{'graph':>7}{'match':>7}{'precision':>11}{'recall':>8}"]
    lines += [
        f"{kind:<14}{s.expected:>6}{s.found:>7}{s.matched:>7}{s.precision:>11.3f}{s.recall:>8.3f}"
        for kind, s in scores.items()
    ]
    return "\n".join(lines)


def provisions_count(gold: Iterable[dict[str, Any]]) -> int:
    return sum(len(p) for p in gold)


if __name__ == "__main__":
    dist = Path(sys.argv[sys.argv.index("--dist") + 1]) if "--dist" in sys.argv else Path("dist")
    store = ox.Store()
    store.bulk_load(path=str(dist / "safetykg.nq"), format=ox.RdfFormat.N_QUADS)
    gold = load_gold()
    result = score(store, gold)
    print(f"{provisions_count(gold.values())} provisions of {len(gold)} rules")
    print(report(result))
