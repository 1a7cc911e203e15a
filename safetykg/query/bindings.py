"""Binding query variables to RDF terms, the same way for the embedded store and a remote one.

A remote store takes only query text, so the bindings go into a VALUES block opened at the start of
the query's outermost group: every pattern and FILTER of that group sees the bound value, and the
variable stays projected. The embedded store is given the same text, so a question means the same
on every store. The terms are written as pyoxigraph serialises them (IRIs checked, literals
escaped), so a value can never close the block or add to the query.
"""

import pyoxigraph as ox

from safetykg.query.guard import QueryRefused, tokenize, unescape

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
_MAX_NESTING = 10_000


def with_values(query: str, bindings: dict[ox.Variable, Term]) -> str:
    """The query with a VALUES block binding each variable, opened inside its outermost WHERE group."""
    if not bindings:
        return query
    for variable, term in bindings.items():
        if not isinstance(term, ox.NamedNode | ox.Literal):
            raise ValueError(f"?{variable.value} can only be bound to an IRI or a literal, not {term!r}")
    text = unescape(query)
    position = _outermost_group(text)
    names = " ".join(str(variable) for variable in bindings)
    terms = " ".join(str(term) for term in bindings.values())
    block = f" VALUES ({names}) {{ ({terms}) }} "
    return text[: position + 1] + block + text[position + 1 :]


def _outermost_group(text: str) -> int:
    """The position of the brace that opens the query's WHERE group (WHERE itself is optional)."""
    try:
        tokens = tokenize(text, _MAX_NESTING)
    except QueryRefused as err:
        raise SyntaxError(err.message) from None
    depth, where_seen, top_braces = 0, False, []
    for token in tokens:
        if token.kind == "word" and token.value == "WHERE" and depth == 0:
            where_seen = True
        elif token.kind == "punct" and token.value in "({[":
            if token.value == "{" and depth == 0:
                if where_seen:
                    return token.position
                top_braces.append(token.position)
            depth += 1
        elif token.kind == "punct" and token.value in ")}]":
            depth -= 1
    construct = any(token.kind == "word" and token.value == "CONSTRUCT" for token in tokens)
    groups = top_braces[1:] if construct and len(top_braces) > 1 else top_braces  # after the template
    if not groups:
        raise SyntaxError("the query has no WHERE group to bind parameters in")
    return groups[0]
