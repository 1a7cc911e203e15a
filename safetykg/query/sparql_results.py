"""SPARQL 1.1 results in JSON, XML, CSV and TSV, and graphs in RDF formats, with a row cap.

Results longer than the cap are cut at the cap and marked truncated: the JSON carries
``"truncated": true`` beside ``head`` and ``results``, the XML a ``<link href="…#truncated"/>`` in its
head, and every response the header ``SafetyKG-Truncated: true`` (set by the server).
"""

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TypeVar
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from safetykg.core.namespaces import SKG

XSD = "http://www.w3.org/2001/XMLSchema#"
TRUNCATED_LINK = SKG + "truncated"

SOLUTION_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
DEFAULT_SOLUTION_TYPE = "application/sparql-results+json"
DEFAULT_GRAPH_TYPE = "text/turtle"

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None


@dataclass(frozen=True)
class Rendered:
    body: bytes
    media_type: str
    truncated: bool


T = TypeVar("T")


def _capped(
    items: Iterator[T], cap: int, max_bytes: int | None = None, size: Callable[[T], int] = lambda _: 0
) -> tuple[list[T], bool]:
    """At most ``cap`` items, and no more than about ``max_bytes`` of them (an item's ``size`` estimates its bytes)."""
    if max_bytes is None:
        taken = list(islice(items, cap + 1))
        return taken[:cap], len(taken) > cap
    kept: list[T] = []
    total = 0
    for item in items:
        total += size(item)
        if len(kept) == cap or total > max_bytes:
            return kept, True
        kept.append(item)
    return kept, False


def _solution_size(row: tuple[Term | None, ...]) -> int:
    return 32 + sum(len(str(term).encode("utf-8")) + 32 for term in row if term is not None)  # with markup


def _triple_size(triple: ox.Triple) -> int:
    return 16 + len(str(triple).encode("utf-8"))


def render_solutions(
    result: ox.QuerySolutions,
    media_type: str,
    cap: int,
    order: list[str] | None = None,
    max_bytes: int | None = None,
) -> Rendered:
    """``order``: the variables' preferred order (for SELECT *, as the query names them); ``max_bytes``: the
    answer is cut, and marked truncated, before it grows past about this many bytes."""
    variables = [v.value for v in result.variables]
    if order:
        variables.sort(key=lambda v: order.index(v) if v in order else len(order))
    rows, truncated = _capped(
        (tuple(solution[v] for v in variables) for solution in result), cap, max_bytes, _solution_size
    )
    kind = SOLUTION_TYPES[media_type]
    body = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}[kind](variables, rows, truncated)
    content_type = media_type + ("; charset=utf-8" if kind in ("csv", "tsv") else "")
    return Rendered(body.encode("utf-8"), content_type, truncated)


def render_boolean(value: bool, media_type: str) -> Rendered:
    kind = SOLUTION_TYPES[media_type]
    if kind == "json":
        body = json.dumps({"head": {}, "boolean": value})
    elif kind == "xml":
        body = f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head/>\n<boolean>{str(value).lower()}</boolean>\n</sparql>\n'
    else:
        body = f"{str(value).lower()}\n"
    return Rendered(body.encode("utf-8"), media_type, False)


def render_triples(
    triples: Iterable[ox.Triple], media_type: str, cap: int, prefixes: dict[str, str], max_bytes: int | None = None
) -> Rendered:
    kept, truncated = _capped(iter(triples), cap, max_bytes, _triple_size)
    output = ox.serialize(
        kept, format=GRAPH_TYPES[media_type], prefixes=None if media_type == "application/n-triples" else prefixes
    )
    return Rendered(output or b"", media_type, truncated)


def term_json(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD + "string":
            out["datatype"] = term.datatype.value
        return out
    raise TypeError(f"cannot write {term!r} as a SPARQL JSON term")


def _json(variables: list[str], rows: list[tuple[Term, ...]], truncated: bool) -> str:
    bindings = [{v: term_json(t) for v, t in zip(variables, row, strict=True) if t is not None} for row in rows]
    document: dict[str, object] = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    if truncated:
        document["truncated"] = True
    return json.dumps(document, ensure_ascii=False)


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD + "string":
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    raise TypeError(f"cannot write {term!r} as a SPARQL XML term")


def _xml(variables: list[str], rows: list[tuple[Term, ...]], truncated: bool) -> str:
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    out += [f"<variable name={quoteattr(v)}/>" for v in variables]
    if truncated:
        out.append(f"<link href={quoteattr(TRUNCATED_LINK)}/>")
    out += ["</head>", "<results>"]
    for row in rows:
        out.append("<result>")
        out += [
            f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
            for v, t in zip(variables, row, strict=True)
            if t is not None
        ]
        out.append("</result>")
    out += ["</results>", "</sparql>", ""]
    return "\n".join(out)


def _csv_value(term: Term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    raise TypeError(f"cannot write {term!r} as CSV")


def _csv(variables: list[str], rows: list[tuple[Term, ...]], truncated: bool) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    writer.writerows([_csv_value(t) for t in row] for row in rows)
    return buffer.getvalue()


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})
_BARE_NUMBERS = {XSD + "integer", XSD + "decimal", XSD + "double", XSD + "boolean"}


def _tsv_value(term: Term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        text = f'"{term.value.translate(_TSV_ESCAPES)}"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype.value in _BARE_NUMBERS and "\t" not in term.value:
            return term.value
        if term.datatype.value != XSD + "string":
            return f"{text}^^<{term.datatype.value}>"
        return text
    raise TypeError(f"cannot write {term!r} as TSV")


def _tsv(variables: list[str], rows: list[tuple[Term, ...]], truncated: bool) -> str:
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines += ["\t".join(_tsv_value(t) for t in row) for row in rows]
    return "\n".join(lines) + "\n"
