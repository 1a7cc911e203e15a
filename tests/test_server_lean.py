"""The lean path for GET /sparql and questions in JSON gives the answers the full stack gives: the same status,
headers (in the same order) and body, the same job handed to the worker pool by the same client, the same errors
and 500s, for every CORS setting; and it leaves to the full stack what it does not answer itself."""

import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote

import pytest
from fastapi import FastAPI

from safetykg.web.app import create_app
from safetykg.web.lean import query_pairs
from safetykg.web.pool import DeadlineExceeded, QueueFull
from safetykg.web.settings import ServerSettings
from tests import asgi

ORGAN = "https://w3id.org/safetykg/id/organ/xinjiang/public-security"
SELECT = f"SELECT ?p ?o WHERE {{ <{ORGAN}> ?p ?o }}"
CONSTRUCT = f"CONSTRUCT {{ <{ORGAN}> ?p ?o }} WHERE {{ <{ORGAN}> ?p ?o }}"
GRAPH = "https://w3id.org/safetykg/id/graph/xinjiang-2018"
Reply = Callable[[dict[str, Any]], dict[str, Any]]


def answered(job: dict[str, Any]) -> dict[str, Any]:
    if job["op"] == "question":
        return {"columns": ["department", "citation"], "rows": [{"department": ORGAN, "citation": "第十二条"}]}
    return {"status": 200, "body": b'{"answer":"' + job["media_type"].encode() + b'"}', "media_type": job["media_type"]}


def truncated(job: dict[str, Any]) -> dict[str, Any]:
    return {**answered(job), "truncated": True}


def queue_full(job: dict[str, Any]) -> dict[str, Any]:
    raise QueueFull


def deadline(job: dict[str, Any]) -> dict[str, Any]:
    raise DeadlineExceeded


def engine_refuses(job: dict[str, Any]) -> dict[str, Any]:
    return {"error": "syntax", "status": 400, "message": "the query is not valid SPARQL: no"}


def worker_bug(job: dict[str, Any]) -> dict[str, Any]:
    return {"error": "internal", "message": "Traceback: a bug"}


def app_of(dist: Path, lean: bool, reply: Reply, seen: list[tuple[str, dict[str, Any]]], **settings: Any) -> FastAPI:
    app = create_app(ServerSettings(answer_cache_bytes=0, **settings), dist, lean=lean)

    async def run(job: dict[str, Any], client: str = "", cancelled: object = None) -> dict[str, Any]:
        seen.append((client, job))
        return reply(job)

    app.state.pool.run = run
    return app


def ask(
    app: FastAPI, method: str, query_string: str, headers: dict[str, str], path: str = "/sparql"
) -> tuple[int, list[Any], bytes]:
    sent = asgi.request(app, method, path, query_string.encode(), headers)
    headers_sent = [
        (name, re.sub(rb"dur=[0-9.]+", b"dur=_", value)) for name, value in sent[0]["headers"]
    ]  # the time taken differs
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return sent[0]["status"], headers_sent, re.sub(rb"internal error [0-9a-f]{12}", b"internal error _", body)


REQUESTS = [
    ("GET", {"query": SELECT}, {"Accept": "application/sparql-results+json"}),
    ("GET", {"query": SELECT}, {}),
    ("GET", {"query": SELECT}, {"Accept": "text/csv", "Origin": "https://yasgui.example"}),
    ("HEAD", {"query": SELECT}, {"Accept": "application/sparql-results+xml", "Origin": ""}),
    ("GET", {"query": CONSTRUCT}, {"Accept": "text/turtle;q=0.5, application/n-triples"}),
    ("GET", {"query": SELECT, "default-graph-uri": GRAPH}, {}),
    ("GET", {"query": SELECT, "named-graph-uri": GRAPH}, {"Accept": "text/tab-separated-values"}),
    ("GET", {"query": "SELECT * FROM <" + GRAPH + "> WHERE { ?s ?p ?o }"}, {}),
    # handed to the full stack: a refused query, a graph not of the dataset, an update, none acceptable, 304
    ("GET", {"query": "SELECT ?s WHERE { SERVICE <http://x.example/> { ?s ?p ?o } }"}, {"Origin": "https://x"}),
    ("GET", {"query": SELECT, "default-graph-uri": "https://elsewhere.example/g"}, {}),
    ("GET", {"query": SELECT, "update": "DROP ALL"}, {}),
    ("GET", {"query": SELECT}, {"Accept": "image/png"}),
    ("GET", {"query": SELECT}, {"If-None-Match": '"abc"'}),
]
QUESTION = "/questions/departments-regulating-hazard"
QUESTIONS = [
    ("GET", {"jurisdiction": "xinjiang", "hazard": "fireworks"}, {}),
    ("GET", {"jurisdiction": "新疆", "hazard": "烟花爆竹", "format": "json", "lang": "en"}, {"Origin": "https://x"}),
    ("HEAD", {"jurisdiction": "xinjiang", "hazard": "fireworks", "extra": ""}, {"Accept": "application/json"}),
    ("GET", {"hazard": "fireworks", "jurisdiction": ""}, {"Accept": "*/*"}),
    # handed to the full stack: a required value missing (422), another format, a page, a conditional request
    ("GET", {"jurisdiction": "xinjiang"}, {}),
    ("GET", {"jurisdiction": "xinjiang", "hazard": "fireworks", "format": "csv"}, {}),
    ("GET", {"jurisdiction": "xinjiang", "hazard": "fireworks"}, {"Accept": "text/html"}),
    ("GET", {"jurisdiction": "xinjiang", "hazard": "fireworks"}, {"If-None-Match": "*"}),
]
REPLIES = [answered, truncated, queue_full, deadline, engine_refuses, worker_bug]


@pytest.mark.parametrize("cors", ["*", "", "https://only.example"])
@pytest.mark.parametrize("reply", REPLIES, ids=[r.__name__ for r in REPLIES])
def test_the_lean_path_answers_as_the_full_stack(dist: Path, cors: str, reply: Reply) -> None:
    lean_jobs: list[tuple[str, dict[str, Any]]] = []
    full_jobs: list[tuple[str, dict[str, Any]]] = []
    lean = app_of(dist, True, reply, lean_jobs, cors_origin=cors)
    full = app_of(dist, False, reply, full_jobs, cors_origin=cors)
    for method, params, headers in REQUESTS:
        query_string = "&".join(f"{k}={quote(v, safe='')}" for k, v in params.items())
        for accept_html in (False, True):
            sent = {**headers, "Accept": "text/html"} if accept_html and "Accept" not in headers else headers
            assert ask(lean, method, query_string, sent) == ask(full, method, query_string, sent), (params, sent)
    for method, params, headers in QUESTIONS:
        query_string = "&".join(f"{k}={quote(v, safe='')}" for k, v in params.items())
        assert ask(lean, method, query_string, headers, QUESTION) == ask(full, method, query_string, headers, QUESTION)
    assert lean_jobs == full_jobs and len(lean_jobs) > 10
    assert any(job["op"] == "question" for _, job in lean_jobs)
    assert {client for client, _ in lean_jobs} == {"127.0.0.9"}


def test_trusted_forwarded_headers_give_the_same_base_iri(dist: Path) -> None:
    jobs: dict[bool, list[tuple[str, dict[str, Any]]]] = {True: [], False: []}
    for lean in (True, False):
        app = app_of(dist, lean, answered, jobs[lean], trust_forwarded_headers=True, trusted_proxy="127.0.0.9")
        headers = {"Host": "kg.example", "X-Forwarded-For": "203.0.113.7"}
        ask(app, "GET", "query=" + quote(SELECT, safe=""), headers)
    assert jobs[True] == jobs[False]
    assert jobs[True][0][0] == "203.0.113.7" and jobs[True][0][1]["base_iri"] == "http://kg.example/sparql"


def test_the_lean_path_reads_a_query_string_as_starlette_does() -> None:
    """``query_pairs`` decodes percent escapes its own faster way; the pairs are parse_qsl's, for tricky strings and
    for many random ones made of escapes, pluses, backslashes, separators and characters outside ASCII."""
    cases = [
        "",
        "a",
        "a=",
        "=b",
        "&&",
        "a=1&b=2&a=3",
        "q=%2B+%20+%25",
        "q=%5C%5Cx41",
        "q=\\x41",
        "q=\\%41",
        "q=%",
        "q=%4",
        "q=%zz",
        "q=%E4%B8",
        "q=%E4%B8%AD",
        "q=%C3%A9+%FF",
        "q=caf\xe9",
        "q=a%u1234",
        "a=b=c",
        "q=%0a%00",
        "+=+",
        "%3D=%26",
        "query=" + quote('ASK { ?s ?p "\\u0041\\\\" }', safe=""),
        "query=" + quote(SELECT),
    ]
    pieces = [
        "%",
        "2",
        "B",
        "+",
        "\\",
        "x",
        "=",
        "&",
        "a",
        "F",
        "%4",
        "%e4",
        "%b8",
        "%ad",
        "%5C",
        "%25",
        "\xe9",
        "é",
        ";",
    ]
    chosen = random.Random(20)
    cases += ["".join(chosen.choice(pieces) for _ in range(chosen.randint(0, 12))) for _ in range(20000)]
    differing = [case for case in cases if query_pairs(case) != parse_qsl(case, keep_blank_values=True)]
    assert differing == []
