"""A remote SPARQL 1.1 server (Virtuoso, Fuseki, GraphDB, …) as a query store, over the Query protocol.

``RemoteStore`` has the signature of the embedded store, so questions, linked data and the server run on
it unchanged. Its dataset is the build's named graphs, sent as ``default-graph-uri`` (their union, as the
embedded store answers) and ``named-graph-uri`` with each query. Credentials come from the environment
only and are never logged or shown; the URL may not carry them.
"""

import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
import pyoxigraph as ox

from safetykg.core.errors import SafetykgError
from safetykg.core.namespaces import BASE
from safetykg.query.guard import query_form
from safetykg.query.store import GraphName, QueryResult
from safetykg.query.store_errors import StoreFailed as StoreFailed  # where the command line catches them
from safetykg.query.store_errors import StoreUnavailable as StoreUnavailable

GRAPH_NAMESPACE = f"{BASE}id/graph/"
MAX_ANSWER_BYTES = 256 * 1024 * 1024
# The environment variables of the remote store besides SAFETYKG_STORE (a server setting). The
# credentials are read from the environment only, never from options, and never logged.
STORE_ENVIRONMENT = {
    "SAFETYKG_STORE_USER": "user name for the remote store (loading, and reading if it asks)",
    "SAFETYKG_STORE_PASSWORD": "password for the remote store",
    "SAFETYKG_STORE_AUTH": "how to send them: basic (default) or digest (Virtuoso)",
    "SAFETYKG_GRAPH_STORE": "Graph Store protocol endpoint to publish through (else --graph-store)",
    "SAFETYKG_UPDATE_ENDPOINT": "SPARQL Update endpoint to publish through (else --update)",
}
_SOLUTIONS = "application/sparql-results+json"
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
_BOOLEAN_FORMS = {"1": "true", "0": "false"}
_GRAPH_TYPES = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,  # what older servers call N-Triples
    "text/turtle": ox.RdfFormat.TURTLE,
}
_GRAPH_COUNTS = f"""SELECT ?graph (COUNT(*) AS ?triples) WHERE {{
  GRAPH ?graph {{ ?s ?p ?o }}
  FILTER(STRSTARTS(STR(?graph), "{GRAPH_NAMESPACE}"))
}} GROUP BY ?graph"""


class StoreConfigError(SafetykgError, ValueError):
    """A store URL, timeout or credential setting is not usable; the message says what is expected."""


@dataclass(frozen=True)
class Endpoint:
    """A SPARQL endpoint URL and the time to wait for it; credentials are read from the environment."""

    url: str
    timeout: float = 30.0

    def __post_init__(self) -> None:
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise StoreConfigError(f"a store URL must be http(s)://host/…, got {self.url!r}")
        if parts.username or parts.password:
            raise StoreConfigError(
                "put the store's credentials in SAFETYKG_STORE_USER and SAFETYKG_STORE_PASSWORD, not in the URL"
            )
        if self.timeout <= 0:
            raise StoreConfigError(f"the store timeout must be positive, got {self.timeout}")


def credentials(environ: Mapping[str, str] | None = None) -> httpx.Auth | None:
    """The auth for the remote store from SAFETYKG_STORE_USER / _PASSWORD / _AUTH, or None."""
    environ = os.environ if environ is None else environ
    user = environ.get("SAFETYKG_STORE_USER")
    if not user:
        return None
    password = environ.get("SAFETYKG_STORE_PASSWORD", "")
    scheme = environ.get("SAFETYKG_STORE_AUTH", "basic").lower()
    if scheme == "basic":
        return httpx.BasicAuth(user, password)
    if scheme == "digest":
        return httpx.DigestAuth(user, password)
    raise StoreConfigError(f"SAFETYKG_STORE_AUTH must be basic or digest, got {scheme!r}")


def client(timeout: float) -> httpx.Client:
    """An HTTP client for the store: no proxies or netrc from the environment, no redirects followed."""
    return httpx.Client(
        timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
        auth=credentials(),
        trust_env=False,
        follow_redirects=False,
    )


def post(http: httpx.Client, url: str, what: str, **request: object) -> httpx.Response:
    """POST to the store, reading at most MAX_ANSWER_BYTES; failures become StoreUnavailable / StoreFailed."""
    try:
        with http.stream("POST", url, **request) as response:  # type: ignore[arg-type]
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > MAX_ANSWER_BYTES:
                    raise StoreFailed(f"the store's answer to {what} is over {MAX_ANSWER_BYTES} bytes")
    except httpx.TimeoutException:
        raise StoreUnavailable(f"the store at {url} did not answer {what} within {http.timeout.read:g} s") from None
    except httpx.TransportError as err:
        raise StoreUnavailable(f"the store at {url} cannot be reached: {err}") from None
    if response.status_code >= 400:
        detail = bytes(body[:600]).decode("utf-8", "replace").strip()
        raise StoreFailed(f"the store at {url} answered {what} with HTTP {response.status_code}: {detail}")
    return httpx.Response(response.status_code, headers=response.headers, content=bytes(body))


class RemoteStore:
    """Read-only queries on a remote SPARQL server, answered as pyoxigraph results."""

    def __init__(self, endpoint: Endpoint, graphs: list[str] | None = None) -> None:
        self.endpoint = endpoint
        self.http = client(endpoint.timeout)
        # Virtuoso's HTTP server holds answers of some 30-65 KB for ~40 ms on a kept-open connection
        # (delayed ACKs); on a new connection the same answer takes a few ms. So with Virtuoso each
        # query gets its own connection (cheap on a LAN); other servers keep theirs open.
        self.connection_per_query = False
        self.graphs = sorted(graphs) if graphs is not None else sorted(self.graph_counts())

    def close(self) -> None:
        self.http.close()

    def graph_counts(self) -> dict[str, int]:
        """The triples in each of the store's graphs under the safetykg graph namespace."""
        result = self._send(_GRAPH_COUNTS, "SELECT", [])
        assert isinstance(result, ox.QuerySolutions)
        return {row["graph"].value: int(row["triples"].value) for row in result}

    def query(
        self,
        query: str,
        /,
        *,
        base_iri: str | None = None,
        use_default_graph_as_union: bool = False,
        default_graph: GraphName | list[GraphName] | None = None,
        named_graphs: list[ox.NamedNode | ox.BlankNode] | None = None,
    ) -> QueryResult:
        _check_syntax(query, base_iri)
        text = query
        if base_iri is not None:
            text = f"BASE {ox.NamedNode(base_iri)}\n{text}"
        return self._send(
            text, query_form(text), self._dataset(use_default_graph_as_union, default_graph, named_graphs)
        )

    def quads_for_pattern(
        self, subject: ox.NamedNode | None, predicate: ox.NamedNode | None, obj: ox.NamedNode | ox.Literal | None, /
    ) -> Iterator[ox.Quad]:
        # the terms are pyoxigraph terms, written in their escaped N-Triples form
        s, p, o = (
            str(term) if term is not None else f"?{name}"
            for term, name in ((subject, "s"), (predicate, "p"), (obj, "o"))
        )
        query = f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ {s} {p} {o} }} }}"
        result = self._send(query, "SELECT", [("named-graph-uri", g) for g in self.graphs])
        assert isinstance(result, ox.QuerySolutions)
        for row in result:
            yield ox.Quad(
                subject or row["s"],
                predicate or row["p"],
                obj or row["o"],
                row["g"],
            )

    def _dataset(
        self,
        union: bool,
        default_graph: GraphName | list[GraphName] | None,
        named_graphs: list[ox.NamedNode | ox.BlankNode] | None,
    ) -> list[tuple[str, str]]:
        if default_graph is None and not union and named_graphs is None:
            return []  # the query's own FROM clauses choose its dataset
        if default_graph is None:
            defaults = self.graphs if union else []
        else:
            defaults = [_graph_iri(g) for g in (default_graph if isinstance(default_graph, list) else [default_graph])]
        named = [_graph_iri(g) for g in named_graphs] if named_graphs is not None else self.graphs
        return [("default-graph-uri", g) for g in defaults] + [("named-graph-uri", g) for g in named]

    def _send(self, text: str, form: str, dataset: list[tuple[str, str]]) -> QueryResult:
        accept = (
            _SOLUTIONS if form in ("SELECT", "ASK") else "application/n-triples, text/plain;q=0.9, text/turtle;q=0.8"
        )
        headers = {"Accept": accept, **({"Connection": "close"} if self.connection_per_query else {})}
        response = post(
            self.http,
            self.endpoint.url,
            f"a {form} query",
            data=_form_fields([("query", text), *dataset]),
            headers=headers,
        )
        self.connection_per_query = "virtuoso" in response.headers.get("server", "").lower()
        media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        try:
            if form in ("SELECT", "ASK"):
                return _solutions(response.content, form)
            if media_type not in _GRAPH_TYPES:
                raise StoreFailed(f"the store answered a {form} query as {media_type!r}, not N-Triples or Turtle")
            graph = ox.Store()
            graph.bulk_load(_canonical_booleans_rdf(response.content), format=_GRAPH_TYPES[media_type])
            return graph.query("CONSTRUCT WHERE { ?s ?p ?o }")
        except (SyntaxError, ValueError) as err:
            raise StoreFailed(f"the store's answer to a {form} query cannot be read: {err}") from None


def _check_syntax(query: str, base_iri: str | None) -> None:
    """Raise SyntaxError for a malformed query, as the embedded store does, before anything is sent.
    pyoxigraph parses when asked and evaluates lazily, so asking an empty store only parses."""
    ox.Store().query(query, base_iri=base_iri)


def _solutions(body: bytes, form: str) -> ox.QuerySolutions | ox.QueryBoolean:
    result = ox.parse_query_results(_canonical_booleans_json(body), format=ox.QueryResultsFormat.JSON)
    if form == "ASK" and isinstance(result, ox.QuerySolutions):
        # Virtuoso answers ASK as one column, __ASK_RETVAL, with a row holding 1 when true
        rows = list(result)
        truth = "true" if rows and rows[0][0] is not None and rows[0][0].value in ("1", "true") else "false"
        return ox.parse_query_results(f'{{"head": {{}}, "boolean": {truth}}}', format=ox.QueryResultsFormat.JSON)
    return result


def _canonical_booleans_json(body: bytes) -> bytes:
    """xsd:boolean values in their canonical form: some stores (Virtuoso) write true as 1 and false as 0."""
    if XSD_BOOLEAN.encode() not in body:
        return body
    document = json.loads(body)
    for binding in document.get("results", {}).get("bindings", []):
        for term in binding.values():
            if term.get("datatype") == XSD_BOOLEAN and term.get("value") in _BOOLEAN_FORMS:
                term["value"] = _BOOLEAN_FORMS[term["value"]]
    return json.dumps(document).encode()


def _canonical_booleans_rdf(body: bytes) -> bytes:
    for form, canonical in _BOOLEAN_FORMS.items():
        body = body.replace(f'"{form}"^^<{XSD_BOOLEAN}>'.encode(), f'"{canonical}"^^<{XSD_BOOLEAN}>'.encode())
    return body


def _form_fields(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for key, value in pairs:
        fields.setdefault(key, []).append(value)
    return fields


def _graph_iri(graph: GraphName) -> str:
    if not isinstance(graph, ox.NamedNode):
        raise ValueError(f"a remote store names graphs by IRI only, not {graph!r}")
    return graph.value
