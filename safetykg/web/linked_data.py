"""What the server says about one IRI: its triples for machines, and a labelled summary for its HTML page.

Works on any store (embedded or remote): triples come from ``quads_for_pattern`` and the labels of
every IRI on a page from one batched query, so a remote store is asked a handful of times per page.
"""

import re
from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox

from safetykg.core.namespaces import BASE, DCTERMS, ELI, RDF, RDFS, SKG, SKOS
from safetykg.query.bindings import with_values
from safetykg.query.store import QueryStore

LABELS = (SKOS + "prefLabel", RDFS + "label", SKG + "citation", ELI + "title")
LABEL_PREDICATES = (RDFS + "label", SKOS + "prefLabel", SKG + "citation", ELI + "title", DCTERMS + "title")
TEXT = SKG + "text"
IS_PART_OF = ELI + "is_part_of"
HAS_PART = ELI + "has_part"
RDF_TYPE = RDF + "type"
MAX_LINKS = 500
BASE_IRI = BASE
MAX_SELECT_ROWS = 5000
_BATCH = 200

Literals = dict[str, list[tuple[str, ox.Literal]]]


def literals_of(store: QueryStore, iris: Iterable[str], predicates: Iterable[str]) -> Literals:
    """The literal values of the given predicates for each IRI, one query per batch of IRIs.

    The IRIs are written as pyoxigraph serialises terms (checked, escaped N-Triples), never as raw text.
    """
    nodes = [str(ox.NamedNode(iri)) for iri in dict.fromkeys(iris)]
    wanted = ", ".join(str(ox.NamedNode(p)) for p in predicates)
    found: Literals = {}
    for start in range(0, len(nodes), _BATCH):
        # FILTER IN, not a second VALUES block: oxigraph joins two VALUES blocks 50 times slower
        query = (
            f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?s {{ {' '.join(nodes[start : start + _BATCH])} }} "
            f"?s ?p ?o FILTER(?p IN ({wanted}) && isLiteral(?o)) }}"
        )
        for row in store.query(query, use_default_graph_as_union=True):  # type: ignore[union-attr]
            if isinstance(row["o"], ox.Literal):
                found.setdefault(row["s"].value, []).append((row["p"].value, row["o"]))
    return found


def resource_triples(store: QueryStore, iri: str) -> list[ox.Triple]:
    """Every triple with the IRI as subject, then those with it as object (deduplicated across graphs)."""
    node = ox.NamedNode(iri)
    seen: dict[str, ox.Triple] = {}
    for quad in store.quads_for_pattern(node, None, None):
        seen.setdefault(str(quad.triple), quad.triple)
    for quad in store.quads_for_pattern(None, None, node):
        seen.setdefault(str(quad.triple), quad.triple)
    return list(seen.values())


def _label(literals: Literals, term: ox.NamedNode | ox.BlankNode | ox.Literal | Any) -> str:
    if not isinstance(term, ox.NamedNode):
        return str(getattr(term, "value", term))
    candidates = [
        (LABELS.index(predicate), {"zh": 0, "": 1}.get(literal.language or "", 2), literal.value)
        for predicate, literal in literals.get(term.value, [])
        if predicate in LABELS
    ]
    return min(candidates)[2] if candidates else ""


def _term(literals: Literals, term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"kind": "iri", "value": term.value, "label": _label(literals, term)}
    if isinstance(term, ox.Literal):
        return {
            "kind": "literal",
            "value": term.value,
            "language": term.language or "",
            "datatype": term.datatype.value,
        }
    return {"kind": "other", "value": str(term)}


def describe_resource(store: QueryStore, iri: str) -> dict[str, Any]:
    """Labels, types, outgoing and incoming links with their labels, and for a provision its context."""
    node = ox.NamedNode(iri)
    outgoing = [(q.predicate.value, q.object) for q in store.quads_for_pattern(node, None, None)]
    incoming = [(q.subject, q.predicate.value) for q in store.quads_for_pattern(None, None, node)]
    if not outgoing and not incoming:
        return {"status": 404}
    unique_out = sorted({(p, str(o)): (p, o) for p, o in outgoing}.values(), key=lambda x: (x[0], str(x[1])))
    unique_in = sorted({(str(s), p): (s, p) for s, p in incoming}.values(), key=lambda x: (x[1], str(x[0])))
    parents: list[ox.NamedNode] = []
    current = node
    for _ in range(6):
        parent = next((q.object for q in store.quads_for_pattern(current, ox.NamedNode(IS_PART_OF), None)), None)
        if not isinstance(parent, ox.NamedNode):
            break
        parents.insert(0, parent)
        current = parent
    shown_out = [(p, o) for p, o in unique_out[:MAX_LINKS] if p not in (RDF_TYPE, TEXT)]
    shown_in = [(s, p) for s, p in unique_in[:MAX_LINKS] if p != HAS_PART]
    linked = [node, *parents, *(o for p, o in unique_out if p == RDF_TYPE), *(o for _, o in shown_out)]
    linked += [s for s, _ in shown_in]
    literals = literals_of(store, (t.value for t in linked if isinstance(t, ox.NamedNode)), LABELS)
    return {
        "status": 200,
        "iri": iri,
        "label": _label(literals, node),
        "types": [_term(literals, o) for p, o in unique_out if p == RDF_TYPE],
        "text": next((o.value for p, o in unique_out if p == TEXT and isinstance(o, ox.Literal)), ""),
        "parents": [{"value": parent.value, "label": _label(literals, parent)} for parent in parents],
        "outgoing": [{"predicate": p, "object": _term(literals, o)} for p, o in shown_out],
        "incoming": [{"subject": _term(literals, s), "predicate": p} for s, p in shown_in],
    }


def labels_of(store: QueryStore, iris: list[str]) -> dict[str, dict[str, str]]:
    """The zh and en label of each IRI (rdfs:label first, then skos:prefLabel, citation, title)."""
    valid = []
    for iri in dict.fromkeys(iris):
        try:
            valid.append(ox.NamedNode(iri).value)
        except ValueError:
            continue
    literals = literals_of(store, valid, LABEL_PREDICATES)
    found: dict[str, dict[str, str]] = {}
    for iri in valid:
        chosen: dict[str, str] = {}
        for predicate in LABEL_PREDICATES:
            for literal in sorted((lit for p, lit in literals.get(iri, []) if p == predicate), key=str):
                key = "en" if (literal.language or "").startswith("en") else "zh"
                chosen.setdefault(key, literal.value)
            if "zh" in chosen:
                break
        if chosen:
            found[iri] = {"zh": chosen.get("zh", chosen.get("en", "")), "en": chosen.get("en", chosen.get("zh", ""))}
    return found


def select(store: QueryStore, job: dict[str, Any]) -> dict[str, Any]:
    """A SELECT with parameters bound as RDF terms (``with_values``), its rows and the labels of its IRIs.

    ``bindings`` maps a variable name to ``["iri", value]`` or ``["literal", value]``; each bound
    variable must be projected by the query (pyoxigraph binds it like a trailing VALUES).
    """
    substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {}
    for name, (kind, value) in (job.get("bindings") or {}).items():
        try:
            term = ox.NamedNode(value) if kind == "iri" else ox.Literal(value)
        except ValueError as err:
            return {"error": "client", "status": 400, "message": f"{name}: not an IRI: {err}"}
        substitutions[ox.Variable(name)] = term
    result = store.query(with_values(job["query"], substitutions), use_default_graph_as_union=True)
    if not isinstance(result, ox.QuerySolutions):
        raise ValueError("a select job needs a SELECT query")
    columns = [v.value for v in result.variables]
    rows: list[dict[str, str]] = []
    for solution in result:
        rows.append({c: solution[c].value for c in columns if solution[c] is not None})
        if len(rows) >= MAX_SELECT_ROWS:
            break
    if not re.search(r"\bORDER\s+BY\b", job["query"], re.IGNORECASE):
        # rows in one order whatever the store, so that a page reads the same on every store
        rows.sort(key=lambda row: tuple(row.get(c, "") for c in columns))
    iris = [v for row in rows for v in row.values() if v.startswith(BASE_IRI)]
    return {"columns": columns, "rows": rows, "labels": labels_of(store, iris) if job.get("labels", True) else {}}
