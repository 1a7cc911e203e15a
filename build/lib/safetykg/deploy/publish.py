"""Publishing a build to a remote SPARQL server, and checking that a server holds a given build.

Each named graph is first loaded under a staging name with the Graph Store protocol and counted; only
when every graph is staged and complete are they moved into place with SPARQL Update (MOVE), one
graph at a time. A failed load drops what it staged and leaves the old graphs queryable. Graphs under
the safetykg namespace that the build no longer has are dropped, and the counts checked once more.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
import pyoxigraph as ox

from safetykg.core.errors import SafetykgError
from safetykg.core.snapshot import DUMP, graph_counts, read_manifest
from safetykg.query.remote import Endpoint, RemoteStore, StoreFailed, StoreUnavailable, client, post

Progress = Callable[[str], None]


class PublishError(SafetykgError):
    """The build could not be published, or the store does not hold what was published."""


@dataclass(frozen=True)
class LoadEndpoints:
    query: Endpoint
    graph_store: str  # SPARQL 1.1 Graph Store protocol endpoint (PUT ?graph=…)
    update: str  # SPARQL 1.1 Update endpoint


@dataclass
class PublishReport:
    graphs: dict[str, int]
    dropped: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def load_endpoints(query_url: str, graph_store: str | None, update: str | None, timeout: float) -> LoadEndpoints:
    """The endpoints to load through: as given, or for Virtuoso the ones it serves beside /sparql."""
    query = Endpoint(query_url, timeout)
    if graph_store and update:
        return LoadEndpoints(query, Endpoint(graph_store).url, Endpoint(update).url)
    if _is_virtuoso(query):
        parts = urlsplit(query.url)
        beside = (
            (lambda path: urlunsplit((parts.scheme, parts.netloc, path, "", ""))) if parts.path == "/sparql" else None
        )
        if beside is not None:
            return LoadEndpoints(
                query, graph_store or beside("/sparql-graph-crud-auth"), update or beside("/sparql-auth")
            )
    raise PublishError(
        "give the store's Graph Store endpoint (--graph-store or SAFETYKG_GRAPH_STORE) and its Update endpoint "
        "(--update or SAFETYKG_UPDATE_ENDPOINT); only for Virtuoso's /sparql are they found by themselves"
    )


def _is_virtuoso(query: Endpoint) -> bool:
    with client(query.timeout) as http:
        try:
            response = http.get(query.url, params={"query": "ASK {}"})
        except httpx.TransportError as err:
            raise StoreUnavailable(f"the store at {query.url} cannot be reached: {err}") from None
    return "virtuoso" in response.headers.get("server", "").lower()


def graphs_of_dump(dist: Path) -> dict[str, bytes]:
    """Each named graph of the published dump, as N-Triples."""
    triples: dict[str, list[ox.Triple]] = {}
    for quad in ox.parse(path=str(dist / DUMP), format=ox.RdfFormat.N_QUADS):
        if not isinstance(quad.graph_name, ox.NamedNode):
            raise PublishError(f"{dist / DUMP}: a triple outside a named graph: {quad}")
        triples.setdefault(quad.graph_name.value, []).append(quad.triple)
    return {
        graph: ox.serialize(items, format=ox.RdfFormat.N_TRIPLES) or b"" for graph, items in sorted(triples.items())
    }


def publish(dist: Path, endpoints: LoadEndpoints, progress: Progress) -> PublishReport:
    manifest = read_manifest(dist)
    expected = graph_counts(manifest)
    graphs = graphs_of_dump(dist)
    if set(graphs) != set(expected):
        raise PublishError(f"{dist}: the dump's graphs differ from the manifest's; rebuild with `safetykg build`")
    token = manifest["files"][DUMP]["sha256"][:16]  # staging names of this build
    staging = {graph: f"urn:safetykg:staging:{token}:{index}" for index, graph in enumerate(sorted(graphs))}
    report = PublishReport(graphs=expected)
    store = RemoteStore(endpoints.query, graphs=[])
    with client(endpoints.query.timeout) as http:
        started = time.perf_counter()
        try:
            for graph, data in graphs.items():
                progress(f"loading {graph} ({expected[graph]} triples, {len(data)} bytes)")
                _put(http, endpoints.graph_store, staging[graph], data, graph)
            for graph in graphs:
                found = _count(store, staging[graph])
                if found != expected[graph]:
                    raise PublishError(f"{graph}: the store holds {found} triples after loading, not {expected[graph]}")
        except BaseException:
            progress("loading failed: dropping the staged graphs; the published ones are untouched")
            _drop_staged(http, endpoints.update, list(staging.values()), progress)
            raise
        report.seconds["load"] = time.perf_counter() - started
        started = time.perf_counter()
        for graph in graphs:
            _update(
                http, endpoints.update, f"MOVE SILENT GRAPH {ox.NamedNode(staging[graph])} TO {ox.NamedNode(graph)}"
            )
        for graph in sorted(set(store.graph_counts()) - set(expected)):
            progress(f"dropping {graph}: this build has no such graph")
            _update(http, endpoints.update, f"DROP SILENT GRAPH {ox.NamedNode(graph)}")
            report.dropped.append(graph)
        report.seconds["switch"] = time.perf_counter() - started
    started = time.perf_counter()
    check_published(store, expected)
    report.seconds["verify"] = time.perf_counter() - started
    store.close()
    return report


def check_published(store: RemoteStore, expected: dict[str, int]) -> None:
    """Raise PublishError unless the store's safetykg graphs and their sizes are the build's."""
    found = store.graph_counts()
    differences = [
        f"{graph}: {found.get(graph, 0)} triples, the build has {expected.get(graph, 0)}"
        for graph in sorted(set(found) | set(expected))
        if found.get(graph, 0) != expected.get(graph, 0)
    ]
    if differences:
        raise PublishError(
            f"the store at {store.endpoint.url} does not hold this build ({'; '.join(differences[:5])}"
            f"{' …' if len(differences) > 5 else ''}); run `safetykg publish --to {store.endpoint.url}`"
        )


def _count(store: RemoteStore, graph: str) -> int:
    result = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {ox.NamedNode(graph)} {{ ?s ?p ?o }} }}")
    rows = list(result)  # type: ignore[arg-type]
    return int(rows[0]["n"].value) if rows else 0


def _put(http: httpx.Client, graph_store: str, staging: str, data: bytes, graph: str) -> None:
    """PUT a graph's triples under its staging name (N-Triples, sent as Turtle, which every store reads)."""
    try:
        response = http.put(
            graph_store, params={"graph": staging}, content=data, headers={"Content-Type": "text/turtle"}
        )
    except httpx.TimeoutException:
        raise StoreUnavailable(f"the store at {graph_store} did not finish loading {graph} in time") from None
    except httpx.TransportError as err:
        raise StoreUnavailable(f"the store at {graph_store} cannot be reached: {err}") from None
    if response.status_code >= 400:
        raise StoreFailed(
            f"loading {graph} (as {staging}) into {graph_store}: HTTP {response.status_code}: {response.text[:600]}"
        )


def _drop_staged(http: httpx.Client, update: str, graphs: list[str], progress: Progress) -> None:
    for name in graphs:
        try:
            _update(http, update, f"DROP SILENT GRAPH {ox.NamedNode(name)}")
        except (StoreFailed, StoreUnavailable) as err:
            progress(f"could not drop the staged graph {name}: {err}")


def _update(http: httpx.Client, url: str, update: str) -> None:
    post(http, url, "an update", data={"update": update})
