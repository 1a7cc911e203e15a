"""SPARQL 1.1 results in JSON, XML, CSV and TSV, and graphs in RDF formats, with a row cap.

Results longer than the cap are cut at the cap and marked truncated: the JSON carries
``"truncated": true`` beside ``head`` and ``results``, the XML a ``<link href="…#truncated"/>`` in its
head, and every response the header ``SafetyKG-Truncated: true`` (set by the server).

Solutions are written by the engine's own serializer (``QuerySolutions.serialize``: no Python object per row or
term) into a writer that stops it once the answer passes its byte bound. The row cap is then checked on the bytes
it wrote, exactly: a JSON row takes at least 3 bytes, so a short answer cannot pass the cap, and a longer one is
read row by row; XML rows are ``<result>`` elements (a ``<`` in a value is escaped); TSV rows are lines (a line
break in a value is escaped); CSV rows are records. A cut answer ends at the end of a row. The Python writers below
give the same bytes, and are used where the engine's cannot: for ``SELECT *`` in CSV or TSV, whose columns follow
the order the query names its variables in rather than the engine's (JSON and XML name each value's variable, so
only their head is reordered), and for booleans.
"""

import csv
import io
import json
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import IO, TypeVar, cast

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
ENGINE_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
DEFAULT_SOLUTION_TYPE = "application/sparql-results+json"
DEFAULT_GRAPH_TYPE = "text/turtle"
XML_HEAD = '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'

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
    engine_order = [v.value for v in result.variables]
    variables = sorted(engine_order, key=lambda v: order.index(v) if v in order else len(order)) if order else []
    kind = SOLUTION_TYPES[media_type]
    content_type = media_type + ("; charset=utf-8" if kind in ("csv", "tsv") else "")
    if not variables or variables == engine_order or kind in ("json", "xml"):
        body, truncated = engine_solutions(result, kind, cap, max_bytes, variables or engine_order)
    else:
        body, truncated = python_solutions(result, kind, cap, max_bytes, variables)
    return Rendered(body, content_type, truncated)


def python_solutions(
    result: ox.QuerySolutions, kind: str, cap: int, max_bytes: int | None, variables: list[str] | None = None
) -> tuple[bytes, bool]:
    """The solutions written in Python, term by term, in the order of ``variables`` (default: the engine's)."""
    variables = variables or [v.value for v in result.variables]
    rows, truncated = _capped(
        (tuple(solution[v] for v in variables) for solution in result), cap, max_bytes, _solution_size
    )
    body = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}[kind](variables, rows, truncated)
    return body.encode("utf-8"), truncated


class _Full(Exception):
    """The answer passed its byte bound: the engine's serializer is stopped."""


class _BoundedWriter:
    """A binary file for the engine's serializer that keeps at most ``limit`` bytes and then stops it."""

    def __init__(self, limit: float) -> None:
        self.parts: list[bytes] = []
        self.size, self.limit = 0, limit

    def write(self, data: bytes) -> int:
        room = self.limit - self.size
        if room < 0:  # stopped already: the serializer may still flush what it holds
            raise _Full
        self.size += len(data)
        if self.size > self.limit:
            self.parts.append(bytes(data[: int(room)]))
            raise _Full
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def engine_solutions(
    result: ox.QuerySolutions, kind: str, cap: int, max_bytes: int | None, variables: list[str] | None = None
) -> tuple[bytes, bool]:
    """The solutions as the engine writes them, cut at the end of a row at the row cap or the byte bound;
    ``variables``: the order of the head's variables, for JSON and XML (default: the engine's)."""
    engine_order = [v.value for v in result.variables]
    writer = _BoundedWriter(math.inf if max_bytes is None else max_bytes)
    complete = True
    try:
        result.serialize(cast(IO[bytes], writer), format=ENGINE_FORMATS[kind])
    except _Full:
        complete = False
    body, truncated = _CUTS[kind](b"".join(writer.parts), cap, complete, engine_order)
    if variables is not None and variables != engine_order:
        body = _reorder_head(body, kind, engine_order, variables)
    return body, truncated


def _json_cut(body: bytes, cap: int, complete: bool, variables: list[str]) -> tuple[bytes, bool]:
    marker = b'"bindings":['
    found = body.find(marker)
    if found < 0:  # the bound left no room for the head
        return _json(variables, [], True).encode("utf-8"), True
    start = found + len(marker)
    if complete and len(body) - start <= 3 * cap:  # every row takes 3 bytes or more ("{}," ): within the cap
        return body, False
    text = body.decode("utf-8", errors="replace")  # a cut in a character falls in a row that is dropped
    position = keep = len(body[:start].decode("utf-8"))
    decoder = json.JSONDecoder()
    rows = 0
    while text[position : position + 1] not in ("]", "") and rows < cap:
        try:
            _, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError:  # the row the byte bound cut short
            break
        rows, keep, after = rows + 1, end, text[end : end + 1]
        if after == "]":  # every row was read; the bound cut at most the document's closing brackets
            return body if complete else (text[:keep] + "]}}").encode("utf-8"), False
        if after != ",":
            break
        position = end + 1
    if text[position : position + 1] == "]" and rows == 0:  # no rows
        return body if complete else (text[:keep] + "]}}").encode("utf-8"), False
    return (text[:keep] + ']},"truncated":true}').encode("utf-8"), True


def _xml_cut(body: bytes, cap: int, complete: bool, variables: list[str]) -> tuple[bytes, bool]:
    if complete and body.count(b"<result>") <= cap:
        return body, False
    opened = body.find(b"<results>")
    if opened < 0:
        return _xml(variables, [], True).encode("utf-8"), True
    keep = opened + len(b"<results>")
    for _ in range(cap):
        end = body.find(b"</result>", keep)
        if end < 0:
            break
        keep = end + len(b"</result>")
    head_end = body.find(b"</head>")
    link = f"<link href={quoteattr(TRUNCATED_LINK)}/>".encode()
    return body[:head_end] + link + body[head_end:keep] + b"</results></sparql>", True


def _tsv_cut(body: bytes, cap: int, complete: bool, variables: list[str]) -> tuple[bytes, bool]:
    if complete and body.count(b"\n") - 1 <= cap:  # the header line, then a line per row
        return body, False
    keep = -1
    for _ in range(cap + 1):
        end = body.find(b"\n", keep + 1)
        if end < 0:
            break
        keep = end
    if keep < 0:
        return _tsv(variables, [], True).encode("utf-8"), True
    return body[: keep + 1], True


def _csv_cut(body: bytes, cap: int, complete: bool, variables: list[str]) -> tuple[bytes, bool]:
    if complete and body.count(b"\n") - 1 <= cap:  # at most one record per line break: within the cap
        return body, False
    records = list(islice(csv.reader(io.StringIO(body.decode("utf-8", errors="replace"), newline="")), cap + 2))
    if complete and len(records) <= cap + 1:
        return body, False
    kept = records[1 : cap + 1] if complete or len(records) > cap + 1 else records[1:-1]  # a cut record goes
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    writer.writerows(kept)
    return buffer.getvalue().encode("utf-8"), True


_CUTS: dict[str, Callable[[bytes, int, bool, list[str]], tuple[bytes, bool]]] = {
    "json": _json_cut,
    "xml": _xml_cut,
    "csv": _csv_cut,
    "tsv": _tsv_cut,
}


def _reorder_head(body: bytes, kind: str, engine_order: list[str], variables: list[str]) -> bytes:
    """The head of a JSON or XML answer naming the variables in another order (its rows name their variables)."""
    if kind == "json":
        old = b'{"head":{"vars":' + json.dumps(engine_order, ensure_ascii=False, separators=(",", ":")).encode()
        new = b'{"head":{"vars":' + json.dumps(variables, ensure_ascii=False, separators=(",", ":")).encode()
    else:
        old = "".join(f"<variable name={quoteattr(v)}/>" for v in engine_order).encode()
        new = "".join(f"<variable name={quoteattr(v)}/>" for v in variables).encode()
    return body.replace(old, new, 1)


def render_boolean(value: bool, media_type: str) -> Rendered:
    kind = SOLUTION_TYPES[media_type]
    if kind == "json":
        body = json.dumps({"head": {}, "boolean": value})
    elif kind == "xml":
        body = f"{XML_HEAD}<head/><boolean>{str(value).lower()}</boolean></sparql>"
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
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def _text(value: str) -> str:
    """Text as XML writes it (as the engine does: ``"`` as a reference too)."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def quoteattr(value: str) -> str:
    """An attribute value in double quotes (variable names, IRIs and language tags hold no line breaks)."""
    return f'"{_text(value)}"'


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{_text(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{_text(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{_text(term.value)}</literal>"
        if term.datatype.value != XSD + "string":
            return f"<literal datatype={quoteattr(term.datatype.value)}>{_text(term.value)}</literal>"
        return f"<literal>{_text(term.value)}</literal>"
    raise TypeError(f"cannot write {term!r} as a SPARQL XML term")


def _xml(variables: list[str], rows: list[tuple[Term, ...]], truncated: bool) -> str:
    out = [XML_HEAD, "<head>"]
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
    out += ["</results>", "</sparql>"]
    return "".join(out)


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
