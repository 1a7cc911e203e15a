"""The hand-made gold of obligations (tests/gold/obligations/*.yaml) and its scorer.

The gold was read from the texts, never from the graph: for each chosen provision, every actor it obliges
(organ kind and role), the domains it concerns, the levels it applies at, its frequencies and the
designations it states. The scorer compares the graph with it, provision by provision, for five fact
types, and gives precision and recall for each: a bearer counts once per provision, organs are matched
by organ kind (the jurisdiction is the provision's own); an actor the gold records by its words (organ_text)
is matched through the organ kind whose label is exactly those words, or those words without a place's name or
place-name ending before them (林区消防救援大队 is the kind labelled 消防救援大队: a rule names its own organs
after its place), and counts as a fact the graph cannot have while the lexicon has no such kind. A level counts when a node citing the provision applies at it or the provision
itself names it (``skg:namesLevel``); a designation counts for the provision whose own words state it (the
paragraph, or the article when it has one paragraph). Run it: ``python -m tests.obligations_gold [--dist dist]``;
``--gold tests/gold/obligations-holdout`` scores another gold folder of the same format (the held-out gold, whose
provisions the extraction was not developed against), and ``--list`` prints each miss and extra.
"""

import argparse
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import yaml

GOLD = Path(__file__).resolve().parent / "gold" / "obligations"
ID = "https://w3id.org/safetykg/id/"
SKG = "https://w3id.org/safetykg/ontology#"
FACT_TYPES = ("bearers", "domains", "levels", "frequencies", "designations")

Fact = tuple[str, ...]


def load_gold(folder: Path = GOLD) -> dict[str, dict[str, Any]]:
    """Document id -> its gold (``provisions`` keyed by path), from the gold folder's YAML files."""
    gold = {}
    for path in sorted(Path(folder).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        gold[data["document"]] = {p["provision"]: p for p in data["provisions"]}
    return gold


def slug(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


@dataclass
class OrganKindLabels:
    """The organ kinds by their zh labels, and the words that name a place before an organ's name."""

    by_label: dict[str, str] = field(default_factory=dict)
    place_words: frozenset[str] = frozenset()

    def kind_of(self, words: str) -> str | None:
        """The kind labelled with these words, or with them less a place's name or ending before them."""
        if words in self.by_label:
            return self.by_label[words]
        own = self._without_place(words)
        return self.by_label.get(own) or self._unplaced.get(own)

    def _without_place(self, words: str) -> str:
        for place in sorted(self.place_words, key=len, reverse=True):
            if words.startswith(place) and len(words) > len(place) + 1:
                return words[len(place) :]
        return words

    @cached_property
    def _unplaced(self) -> dict[str, str]:
        """Each label less a place word before it -> the kind's slug (of one kind only), found once."""
        found: dict[str, set[str]] = {}
        for label, kind in self.by_label.items():
            found.setdefault(self._without_place(label), set()).add(kind)
        return {label: next(iter(kinds)) for label, kinds in found.items() if len(kinds) == 1}


def gold_facts(provision: dict[str, Any], kinds: OrganKindLabels | None = None) -> dict[str, set[Fact]]:
    """The gold's facts; an actor recorded by its words is matched through the organ kind of those words."""
    kinds = kinds or OrganKindLabels()
    bearers = set()
    for bearer in provision.get("bearers") or []:
        text = str(bearer.get("organ_text") or "?")
        organ = bearer.get("organ_kind") or kinds.kind_of(text) or "text:" + text
        bearers.add((organ, bearer.get("role") or ""))
    frequencies = {
        (str(f.get("period")), str(f.get("minimum_count") or 1), str(f.get("activity_kind")))
        for f in provision.get("frequencies") or []
    }
    designations = {
        (
            d.get("organ_kind") or kinds.kind_of(str(d.get("organ_text"))) or "text:" + str(d.get("organ_text")),
            str(d.get("type")),
        )
        for d in provision.get("designations") or []
    }
    return {
        "bearers": bearers,
        "domains": {(d,) for d in provision.get("domains") or []},
        "levels": {(level,) for level in provision.get("levels") or []},
        "frequencies": frequencies,
        "designations": designations,
    }


KIND_LABELS = """SELECT ?kind ?label WHERE {
  ?kind a <https://w3id.org/safetykg/ontology#OrganKind> ;
    <http://www.w3.org/2004/02/skos/core#prefLabel>|<http://www.w3.org/2004/02/skos/core#altLabel> ?label .
  FILTER(LANG(?label) = "zh") }"""


PLACE_WORDS = """SELECT DISTINCT ?word WHERE {
  { ?place <https://w3id.org/safetykg/ontology#placeNameEnding> ?word }
  UNION { ?place a <https://w3id.org/safetykg/ontology#Jurisdiction> ;
      <http://www.w3.org/2004/02/skos/core#prefLabel>|<http://www.w3.org/2004/02/skos/core#altLabel>
      |<https://w3id.org/safetykg/ontology#shortLabel> ?word }
  FILTER(LANG(?word) IN ("zh", "")) }"""


def organ_kind_labels(store: ox.Store) -> OrganKindLabels:
    """Each zh label of an organ kind -> the kind's slug (labels of two kinds are left out), and the place words."""
    found: dict[str, set[str]] = {}
    for row in store.query(KIND_LABELS, use_default_graph_as_union=True):  # type: ignore[union-attr]
        found.setdefault(row["label"].value, set()).add(slug(row["kind"].value))
    words = {row["word"].value for row in store.query(PLACE_WORDS, use_default_graph_as_union=True)}  # type: ignore[union-attr]
    return OrganKindLabels(
        {label: next(iter(kinds)) for label, kinds in found.items() if len(kinds) == 1}, frozenset(words)
    )


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
  {{ {{ ?node <{SKG}source> ?PROVISION }} UNION {{ ?node <http://www.w3.org/ns/prov#wasDerivedFrom> ?PROVISION }}
     ?node <{SKG}appliesAtLevel> ?level }}
  UNION {{ ?PROVISION <{SKG}namesLevel> ?level }} }}"""
FREQUENCIES = f"""SELECT ?period ?count ?kind WHERE {{
  ?frequency a <{SKG}Frequency> ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?PROVISION ;
    <{SKG}minimumCount> ?count ; <{SKG}activityKind> ?kind .
  OPTIONAL {{ ?frequency <{SKG}period> ?stated }}
  BIND(COALESCE(?stated, "None") AS ?period) }}"""
DESIGNATIONS = f"""SELECT ?kind ?type WHERE {{
  ?designation a <{SKG}Designation> ; <{SKG}source> ?PROVISION ; <{SKG}designationType> ?type ;
    <{SKG}designatedOrgan>/<{SKG}organKind> ?kind }}"""


def graph_facts(store: ox.Store, doc: str, path: str) -> dict[str, set[Fact]]:
    provision = f"{ID}regulation/{doc}/{path}"
    designations = {(slug(r["kind"].value), slug(r["type"].value)) for r in _rows(store, DESIGNATIONS, provision)}
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
        "designations": designations,
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
    labels = organ_kind_labels(store)
    for doc, provisions in gold.items():
        for path, provision in provisions.items():
            expected = gold_facts(provision, labels)
            found = graph_facts(store, doc, path)
            for kind, facts in expected.items():
                _count(scores[kind], facts, found[kind], f"{doc}/{path}")
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Score the graph against a hand-made gold of obligations.")
    parser.add_argument("--dist", type=Path, default=Path("dist"), help="build directory holding safetykg.nq")
    parser.add_argument("--gold", type=Path, default=GOLD, help="folder of gold YAML files, one per rule")
    parser.add_argument("--list", action="store_true", help="print each miss and extra by fact type")
    args = parser.parse_args(argv)
    gold = load_gold(args.gold)
    if not gold:
        parser.error(f"no gold files in {args.gold}")
    store = ox.Store()
    store.bulk_load(path=str(args.dist / "safetykg.nq"), format=ox.RdfFormat.N_QUADS)
    result = score(store, gold)
    print(f"{provisions_count(gold.values())} provisions of {len(gold)} rules")
    print(report(result))
    if args.list:
        for kind, found in result.items():
            for label, facts in (("miss", found.misses), ("extra", found.extras)):
                for fact in facts:
                    print(f"{kind} {label}: {fact}")


if __name__ == "__main__":
    main()
