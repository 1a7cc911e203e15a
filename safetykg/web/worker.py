"""A query worker process: holds the graph, runs one job at a time, answers in bytes ready to send.

Jobs and answers are plain dicts passed over a pipe, so the server can stop a worker that runs past
its deadline and start another without ever sharing the engine's state.
"""

import re
import threading
import traceback
from collections.abc import Iterator, Mapping
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from safetykg.core.namespaces import PREFIXES
from safetykg.core.snapshot import expected_counts
from safetykg.query.questions import LabelCache, Question, QuestionError, answer, load_questions, resolve
from safetykg.query.sparql_results import render_boolean, render_solutions, render_triples
from safetykg.query.store import QueryStore, fits_in_memory, load_in_memory, open_store, snapshot_store
from safetykg.web.isolation import IsolationFailed, leave_network
from safetykg.web.linked_data import describe_resource, labels_of, resource_triples, select

Job = dict[str, Any]
# What this worker reads once from its embedded snapshot, which never changes while it is served: the label
# indexes values are resolved against, each jurisdiction's graphs (safetykg.query.questions.LabelCache). None
# for a remote store, which a publish may change under a running server.
_READ_ONCE: LabelCache | None = None
LOAD_AFTER = 0.2  # seconds without a job after which a worker starts loading its copy in memory


def main(
    conn: Connection,
    dist: str,
    queries: list[str],
    store_url: str = "",
    store_timeout: float = 30.0,
    allow_network: bool = False,
    questions: dict[str, Question] | None = None,
    memory_quads: int = 0,
) -> None:
    """Serve jobs on ``conn`` until the server closes it. ``questions``: the canned questions as the server read
    them (else they are read from ``queries`` when a job first asks one: a worker started before the server had
    read them is ready without them); ``memory_quads``: the largest snapshot held in memory."""
    isolated = True
    if not store_url:  # the embedded engine never needs the network; a remote store does
        try:
            leave_network()
        except IsolationFailed as err:
            if not allow_network:
                conn.send({"ready": False, "isolation": str(err)})
                return
            isolated = False
    store = _open(Path(dist), store_url, store_timeout)
    to_load = not store_url and _loads_into_memory(Path(dist), memory_quads)
    loading: MemoryLoad | None = None
    global _READ_ONCE
    _READ_ONCE = None if store_url else {}
    asked: Mapping[str, Question] = ReadWhenAsked(queries) if questions is None else questions
    conn.send({"ready": True, "isolated": isolated and not store_url})
    jobs = 0
    while True:
        if to_load and (jobs or not conn.poll(LOAD_AFTER)):
            # The copy in memory is loaded once the server's start is over (after the first job, or a moment without
            # one): its load, on every core, would take the processor from the other workers and the server starting.
            to_load, loading = False, MemoryLoad(Path(dist))
        if loading is not None:  # between jobs, switch to the copy in memory as soon as it is loaded
            while not conn.poll(0.05) and loading.thread.is_alive():
                pass
            if not loading.thread.is_alive():
                store = loading.store or store  # the same snapshot; the on-disk store is let go
                loading = None
        try:
            job = conn.recv()
        except EOFError:
            return
        try:
            reply = handle(store, asked, job)
        except Exception:  # reported to the server, which logs it and answers 500
            reply = {"error": "internal", "message": traceback.format_exc()}
        conn.send(reply)
        jobs += 1


class ReadWhenAsked(Mapping[str, Question]):
    """The canned questions, read from their folders the first time a job asks for one."""

    def __init__(self, folders: list[str]) -> None:
        self.folders = folders
        self.read: dict[str, Question] | None = None

    def _questions(self) -> dict[str, Question]:
        if self.read is None:
            self.read = load_questions([Path(folder) for folder in self.folders])
        return self.read

    def __getitem__(self, question: str) -> Question:
        return self._questions()[question]

    def __iter__(self) -> Iterator[str]:
        return iter(self._questions())

    def __len__(self) -> int:
        return len(self._questions())


def _loads_into_memory(dist: Path, memory_quads: int) -> bool:
    """A snapshot whose on-disk store is open, small enough to be held in memory as well."""
    return snapshot_store(dist) is not None and fits_in_memory(dist, memory_quads)


class MemoryLoad:
    """The snapshot loaded into memory on a thread (the engine lets go of the interpreter while it loads), while
    the on-disk store answers: the worker is ready at once, and answers 3-4 times faster once the load is done."""

    def __init__(self, dist: Path) -> None:
        self.store: ox.Store | None = None
        self.failed = ""
        self.thread = threading.Thread(target=self._load, args=(dist,), name="safetykg-memory-store", daemon=True)
        self.thread.start()

    def _load(self, dist: Path) -> None:
        try:
            self.store = load_in_memory(dist)
        except (OSError, SyntaxError, ValueError) as err:  # the on-disk store goes on answering
            self.failed = str(err)


def _open(dist: Path, store_url: str, timeout: float) -> QueryStore:
    """The embedded store loaded with the build, or the remote store holding it (its graphs from the manifest)."""
    if not store_url:
        return open_store(dist)
    from safetykg.query.remote import Endpoint, RemoteStore  # only a worker for a remote store needs httpx

    return RemoteStore(Endpoint(store_url, timeout), graphs=list(expected_counts(dist)))


def handle(store: QueryStore, questions: Mapping[str, Any], job: Job) -> Job:
    if isinstance(store, ox.Store):
        return _handle(store, questions, job)
    from safetykg.query.remote import StoreFailed, StoreUnavailable

    try:
        return _handle(store, questions, job)
    except StoreUnavailable as err:
        return {"error": "store", "status": 503, "message": str(err)}
    except StoreFailed as err:
        return {"error": "store", "status": 502, "message": str(err)}


def _handle(store: QueryStore, questions: Mapping[str, Any], job: Job) -> Job:
    op = job["op"]
    if op == "sparql":
        return _sparql(store, job)
    if op == "question":
        question = questions[job["question"]]
        try:
            result = answer(store, question, job["params"], _READ_ONCE)
        except QuestionError as err:
            return {"error": "client", "status": 400, "message": str(err)}
        return {"columns": result.columns, "rows": result.rows}
    if op == "resolve":
        return _resolve(store, questions[job["question"]], job["params"])
    if op == "select":
        return select(store, job)
    if op == "labels":
        return {"labels": labels_of(store, job["iris"])}
    if op == "resource":
        return describe_resource(store, job["iri"])
    if op == "vocabulary":  # every label of every parameter type, for the interpreter in the server's process
        from safetykg.query.interpret import vocabulary_from_store  # asked once: not imported by every worker

        return vocabulary_from_store(store)
    if op == "resource-rdf":
        triples = resource_triples(store, job["iri"])
        rendered = render_triples(triples, job["media_type"], job["row_cap"], PREFIXES)
        return {"status": 200 if triples else 404, "body": rendered.body, "media_type": rendered.media_type}
    raise ValueError(f"unknown job {op!r}")


def _resolve(store: QueryStore, question: Any, params: dict[str, str]) -> Job:
    """What each value given to a question's parameter names (its IRI, or the literal), or why it names nothing."""
    bound: dict[str, str] = {}
    errors: dict[str, str] = {}
    for parameter in question.parameters:
        if parameter.name in params:
            try:
                bound[parameter.name] = resolve(store, parameter, params[parameter.name], _READ_ONCE).value
            except QuestionError as err:
                errors[parameter.name] = str(err)
    return {"bound": bound, "errors": errors}


def _sparql(store: QueryStore, job: Job) -> Job:
    options: dict[str, Any] = {}
    if job["default_graphs"]:
        options["default_graph"] = [ox.NamedNode(g) for g in job["default_graphs"]]
    elif not job.get("has_dataset"):  # FROM / FROM NAMED in the query choose its dataset themselves
        options["use_default_graph_as_union"] = True
    if job["named_graphs"]:
        options["named_graphs"] = [ox.NamedNode(g) for g in job["named_graphs"]]
    try:
        result = store.query(job["query"], base_iri=job.get("base_iri"), **options)
    except SyntaxError as err:
        return {"error": "syntax", "status": 400, "message": f"the query is not valid SPARQL: {err}"}
    media_type = job["media_type"]
    if isinstance(result, ox.QueryBoolean):
        rendered = render_boolean(bool(result), media_type)
    elif isinstance(result, ox.QuerySolutions):
        rendered = render_solutions(
            result, media_type, job["row_cap"], _appearance_order(job["query"]), job.get("max_answer_bytes")
        )
    else:
        rendered = render_triples(result, media_type, job["row_cap"], PREFIXES, job.get("max_answer_bytes"))
    return {"status": 200, "body": rendered.body, "media_type": rendered.media_type, "truncated": rendered.truncated}


_VARIABLE = re.compile(r"[?$]([A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)")
_SELECT_STAR = re.compile(r"SELECT\s+(?:DISTINCT\s+|REDUCED\s+)?\*", re.IGNORECASE)


def _appearance_order(query: str) -> list[str] | None:
    """For SELECT *, the variables in the order the query first names them (the engine sorts them)."""
    match = _SELECT_STAR.search(query)
    if match is None:
        return None
    order: list[str] = []
    for variable in _VARIABLE.findall(query, match.end()):
        if variable not in order:
            order.append(variable)
    return order
