"""The store interface every query goes through, and its embedded implementation (pyoxigraph).

A store answers ``query()`` with the keyword arguments of ``pyoxigraph.Store.query``, so the embedded
store is a plain ``pyoxigraph.Store`` and the remote one (``safetykg.query.remote.RemoteStore``) speaks the
SPARQL 1.1 Protocol behind the same signature. Callers never know which one they hold.
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from safetykg.core.errors import SafetykgError
from safetykg.core.snapshot import DUMP

QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
GraphName = ox.NamedNode | ox.BlankNode | ox.DefaultGraph


class QueryStore(Protocol):
    """A read-only SPARQL store. Without ``default_graph`` or ``use_default_graph_as_union`` the query's
    own FROM clauses choose its dataset. Parameters are bound in the query text by
    ``safetykg.query.bindings.with_values``, the same way for every store. Malformed queries raise SyntaxError."""

    def query(
        self,
        query: str,
        /,
        *,
        base_iri: str | None = None,
        use_default_graph_as_union: bool = False,
        default_graph: GraphName | list[GraphName] | None = None,
        named_graphs: list[ox.NamedNode | ox.BlankNode] | None = None,
    ) -> QueryResult: ...

    def quads_for_pattern(
        self,
        subject: ox.NamedNode | None,
        predicate: ox.NamedNode | None,
        obj: ox.NamedNode | ox.Literal | None,
        /,
    ) -> Iterator[ox.Quad]:
        """The quads of every named graph that match a pattern (None matches anything)."""
        ...


class NoBuildError(SafetykgError):
    """There is no published build to query."""


def open_store(dist: Path) -> ox.Store:
    """An in-memory store holding the published dump."""
    dump = dist / DUMP
    if not dump.exists():
        raise NoBuildError(f"{dump} not found; run `safetykg build` first")
    store = ox.Store()
    store.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    return store


def run_query(store: QueryStore, query: str) -> QueryResult:
    """Run a read-only SPARQL query; the default graph is the union of all named graphs."""
    return store.query(query, use_default_graph_as_union=True)
