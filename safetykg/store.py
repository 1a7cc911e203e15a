"""The embedded query store: pyoxigraph loaded with a published N-Quads dump."""

from pathlib import Path

import pyoxigraph as ox

from safetykg.build import DUMP


class NoBuildError(Exception):
    """There is no published build to query."""


def open_store(dist: Path) -> ox.Store:
    """An in-memory store holding the published dump, with the union of named graphs as default graph."""
    dump = dist / DUMP
    if not dump.exists():
        raise NoBuildError(f"{dump} not found; run `safetykg build` first")
    store = ox.Store()
    store.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    return store


def run_query(store: ox.Store, query: str) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Run a read-only SPARQL query; the default graph is the union of all named graphs."""
    return store.query(query, use_default_graph_as_union=True)
