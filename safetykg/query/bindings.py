"""Binding query variables to RDF terms, the same way for the embedded store and a remote one.

A remote store takes only query text, so the bindings go into a VALUES block opened at the start of
the query's outermost group: every pattern and FILTER of that group sees the bound value, and the
variable stays projected. The embedded store is given the same text, so a question means the same
on every store. The terms are written as pyoxigraph serialises them (IRIs checked, literals
escaped), so a value can never close the block or add to the query.
"""

import functools

import pyoxigraph as ox

from safetykg.query.guard import QueryRefused, unescape
from safetykg.query.sparql_grammar import GrammarError, read_query

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
_MAX_NESTING = 10_000


def with_values(query: str, bindings: dict[ox.Variable, Term]) -> str:
    """The query with a VALUES block binding each variable, opened inside its outermost WHERE group."""
    if not bindings:
        return query
    for variable, term in bindings.items():
        if not isinstance(term, ox.NamedNode | ox.Literal):
            raise ValueError(f"?{variable.value} can only be bound to an IRI or a literal, not {term!r}")
    text, position = _prepared(query)
    names = " ".join(str(variable) for variable in bindings)
    terms = " ".join(str(term) for term in bindings.values())
    block = f" VALUES ({names}) {{ ({terms}) }} "
    return text[: position + 1] + block + text[position + 1 :]


@functools.lru_cache(maxsize=512)
def _prepared(query: str) -> tuple[str, int]:
    """The query with its escapes applied, and where its WHERE group opens: read once per query text (the canned
    questions' texts are few, and reading one with the grammar costs more than running it on a small graph)."""
    try:
        text = unescape(query)
    except QueryRefused as err:
        raise SyntaxError(err.message) from None
    return text, _outermost_group(text)


def _outermost_group(text: str) -> int:
    """The position of the brace that opens the query's WHERE group (WHERE itself is optional)."""
    try:
        position = read_query(text, max_depth=_MAX_NESTING, max_operators=1_000_000).where_group
    except GrammarError as err:
        raise SyntaxError(str(err)) from None
    if position < 0:
        raise SyntaxError("the query has no WHERE group to bind parameters in")
    return position
