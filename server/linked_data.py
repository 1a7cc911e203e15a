"""What the server says about one IRI: its triples for machines, and a labelled summary for its HTML page."""

from typing import Any

import pyoxigraph as ox

LABELS = (
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "https://w3id.org/safetykg/ontology#citation",
    "http://data.europa.eu/eli/ontology#title",
)
TEXT = "https://w3id.org/safetykg/ontology#text"
IS_PART_OF = "http://data.europa.eu/eli/ontology#is_part_of"
HAS_PART = "http://data.europa.eu/eli/ontology#has_part"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
MAX_LINKS = 500


def resource_triples(store: ox.Store, iri: str) -> list[ox.Triple]:
    """Every triple with the IRI as subject, then those with it as object (deduplicated across graphs)."""
    node = ox.NamedNode(iri)
    seen: dict[str, ox.Triple] = {}
    for quad in store.quads_for_pattern(node, None, None):
        seen.setdefault(str(quad.triple), quad.triple)
    for quad in store.quads_for_pattern(None, None, node):
        seen.setdefault(str(quad.triple), quad.triple)
    return list(seen.values())


def _label(store: ox.Store, term: ox.NamedNode | ox.BlankNode | ox.Literal | Any) -> str:
    if not isinstance(term, ox.NamedNode):
        return str(getattr(term, "value", term))
    candidates: list[tuple[int, int, str]] = []
    for rank, predicate in enumerate(LABELS):
        for quad in store.quads_for_pattern(term, ox.NamedNode(predicate), None):
            literal = quad.object
            if isinstance(literal, ox.Literal):
                language_rank = {"zh": 0, "": 1}.get(literal.language or "", 2)
                candidates.append((rank, language_rank, literal.value))
    return min(candidates)[2] if candidates else ""


def _term(store: ox.Store, term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"kind": "iri", "value": term.value, "label": _label(store, term)}
    if isinstance(term, ox.Literal):
        return {
            "kind": "literal",
            "value": term.value,
            "language": term.language or "",
            "datatype": term.datatype.value,
        }
    return {"kind": "other", "value": str(term)}


def describe_resource(store: ox.Store, iri: str) -> dict[str, Any]:
    """Labels, types, outgoing and incoming links with their labels, and for a provision its context."""
    node = ox.NamedNode(iri)
    outgoing = [(q.predicate.value, q.object) for q in store.quads_for_pattern(node, None, None)]
    incoming = [(q.subject, q.predicate.value) for q in store.quads_for_pattern(None, None, node)]
    if not outgoing and not incoming:
        return {"status": 404}
    unique_out = sorted({(p, str(o)): (p, o) for p, o in outgoing}.values(), key=lambda x: (x[0], str(x[1])))
    unique_in = sorted({(str(s), p): (s, p) for s, p in incoming}.values(), key=lambda x: (x[1], str(x[0])))
    parents: list[dict[str, str]] = []
    current = node
    for _ in range(6):
        parent = next((q.object for q in store.quads_for_pattern(current, ox.NamedNode(IS_PART_OF), None)), None)
        if not isinstance(parent, ox.NamedNode):
            break
        parents.insert(0, {"value": parent.value, "label": _label(store, parent)})
        current = parent
    return {
        "status": 200,
        "iri": iri,
        "label": _label(store, node),
        "types": [_term(store, o) for p, o in unique_out if p == RDF_TYPE],
        "text": next((o.value for p, o in unique_out if p == TEXT and isinstance(o, ox.Literal)), ""),
        "parents": parents,
        "outgoing": [
            {"predicate": p, "object": _term(store, o)} for p, o in unique_out[:MAX_LINKS] if p not in (RDF_TYPE, TEXT)
        ],
        "incoming": [{"subject": _term(store, s), "predicate": p} for s, p in unique_in[:MAX_LINKS] if p != HAS_PART],
    }


LABEL_PREDICATES = (
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "https://w3id.org/safetykg/ontology#citation",
    "http://data.europa.eu/eli/ontology#title",
    "http://purl.org/dc/terms/title",
)
BASE_IRI = "https://w3id.org/safetykg/"
MAX_SELECT_ROWS = 5000


def labels_of(store: ox.Store, iris: list[str]) -> dict[str, dict[str, str]]:
    """The zh and en label of each IRI (rdfs:label first, then skos:prefLabel, citation, title)."""
    found: dict[str, dict[str, str]] = {}
    for iri in dict.fromkeys(iris):
        try:
            node = ox.NamedNode(iri)
        except ValueError:
            continue
        chosen: dict[str, str] = {}
        for predicate in LABEL_PREDICATES:
            for quad in store.quads_for_pattern(node, ox.NamedNode(predicate), None):
                literal = quad.object
                if isinstance(literal, ox.Literal):
                    key = "en" if (literal.language or "").startswith("en") else "zh"
                    chosen.setdefault(key, literal.value)
            if "zh" in chosen:
                break
        if chosen:
            found[iri] = {"zh": chosen.get("zh", chosen.get("en", "")), "en": chosen.get("en", chosen.get("zh", ""))}
    return found


def select(store: ox.Store, job: dict[str, Any]) -> dict[str, Any]:
    """A SELECT with parameters bound as RDF terms (substitutions), its rows and the labels of its IRIs.

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
    result = store.query(job["query"], use_default_graph_as_union=True, substitutions=substitutions)
    if not isinstance(result, ox.QuerySolutions):
        raise ValueError("a select job needs a SELECT query")
    columns = [v.value for v in result.variables]
    rows: list[dict[str, str]] = []
    for solution in result:
        rows.append({c: solution[c].value for c in columns if solution[c] is not None})
        if len(rows) >= MAX_SELECT_ROWS:
            break
    iris = [v for row in rows for v in row.values() if v.startswith(BASE_IRI)]
    return {"columns": columns, "rows": rows, "labels": labels_of(store, iris) if job.get("labels", True) else {}}
