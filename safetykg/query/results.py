"""Rendering SPARQL results for people and programs: a text table, SPARQL JSON, or CSV."""

import csv
import io
import json
from typing import TYPE_CHECKING

import pyoxigraph as ox

from safetykg.query.sparql_results import term_json

if TYPE_CHECKING:  # the command line reads RESULT_FORMATS for every command; the questions are imported by those asking
    from safetykg.query.questions import Answer

RESULT_FORMATS = ("table", "json", "csv")


def term_value(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return term.value
    return str(term)


def render(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, fmt: str) -> str:
    if fmt not in RESULT_FORMATS:
        raise ValueError(f"unknown result format {fmt!r}; expected one of {', '.join(RESULT_FORMATS)}")
    if isinstance(result, ox.QueryBoolean):
        return (
            json.dumps({"head": {}, "boolean": bool(result)}) + "\n" if fmt == "json" else f"{bool(result)}\n".lower()
        )
    if isinstance(result, ox.QueryTriples):
        output = ox.serialize(result, format=ox.RdfFormat.N_TRIPLES)
        assert output is not None
        return output.decode("utf-8")
    variables = [v.value for v in result.variables]
    rows = [[solution[v] for v in variables] for solution in result]
    if fmt == "json":
        bindings = [{v: term_json(t) for v, t in zip(variables, row, strict=True) if t is not None} for row in rows]
        return (
            json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=1)
            + "\n"
        )
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(variables)
        writer.writerows([[term_value(t) for t in row] for row in rows])
        return buffer.getvalue()
    return _table(variables, [[term_value(t) for t in row] for row in rows])


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _table(variables: list[str], rows: list[list[str]]) -> str:
    cells = [[value.replace("\n", " ") for value in row] for row in rows]
    widths = [max([_width(v)] + [_width(row[i]) for row in cells]) for i, v in enumerate(variables)]

    def line(values: list[str]) -> str:
        return " | ".join(
            value + " " * (width - _width(value)) for value, width in zip(values, widths, strict=True)
        ).rstrip()

    out = [line(variables), "-+-".join("-" * w for w in widths)] + [line(row) for row in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def render_answer(question_id: str, params: dict[str, str], answer: "Answer", fmt: str) -> str:
    """A canned question's answer: rows of plain values (IRIs and texts), as a table, JSON or CSV."""
    if fmt == "json":
        document = {"question": question_id, "params": params, "columns": answer.columns, "rows": answer.rows}
        return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=answer.columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(answer.rows)
        return buffer.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown result format {fmt!r}; expected one of {', '.join(RESULT_FORMATS)}")
    return _table(answer.columns, [[row.get(c, "") for c in answer.columns] for row in answer.rows])
