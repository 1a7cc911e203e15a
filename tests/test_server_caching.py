"""HTTP caching fit for an immutable snapshot (strong ETags, 304, Vary, Cache-Control), the in-memory answer
cache (bounded in bytes, least recently used first) and CORS for browser clients on other sites."""

import json
from pathlib import Path

import httpx
import pytest

from safetykg.web.answer_cache import AnswerCache
from safetykg.web.caching import entity_tag

ASK = "/sparql?query=" + httpx.QueryParams({"q": "ASK {}"})["q"]
FIREWORKS = "/questions/departments-regulating-hazard?jurisdiction=xinjiang&hazard=fireworks"


def test_an_answer_carries_a_strong_etag_and_may_be_kept(server: str, dist: Path) -> None:
    answer = httpx.get(server + "/sparql", params={"query": "ASK {}"})
    assert answer.status_code == 200
    tag = answer.headers["etag"]
    assert tag.startswith('"') and not tag.startswith("W/")
    assert answer.headers["cache-control"].startswith("public, max-age=")
    assert "Accept" in answer.headers["vary"]
    # derived from the snapshot's canonical N-Quads and the request
    snapshot = json.loads((dist / "manifest.json").read_text())["files"]["safetykg.nq"]["sha256"]
    assert tag == entity_tag(snapshot, "/sparql", "query=ASK+%7B%7D", answer.request.headers.get("accept", ""))


def test_if_none_match_is_answered_304(server: str) -> None:
    first = httpx.get(server + FIREWORKS)
    again = httpx.get(server + FIREWORKS, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == first.headers["etag"]
    other = httpx.get(server + FIREWORKS, headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200 and other.json()["rows"] == first.json()["rows"]


def test_the_tag_differs_by_query_and_by_format(server: str) -> None:
    json_answer = httpx.get(server + "/sparql", params={"query": "ASK {}"}, headers={"Accept": "application/json"})
    xml_answer = httpx.get(
        server + "/sparql", params={"query": "ASK {}"}, headers={"Accept": "application/sparql-results+xml"}
    )
    other = httpx.get(server + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers={"Accept": "application/json"})
    assert len({json_answer.headers["etag"], xml_answer.headers["etag"], other.headers["etag"]}) == 3


def test_errors_and_the_editor_page_are_not_tagged(server: str) -> None:
    assert "etag" not in httpx.get(server + "/sparql", params={"query": "SELEKT"}).headers
    assert "etag" not in httpx.get(server + "/no-such-page").headers
    editor = httpx.get(server + "/sparql", headers={"Accept": "text/html"})
    assert editor.status_code == 200 and "etag" not in editor.headers  # each carries its own style nonce


def test_cors_preflight_and_simple_requests(server: str) -> None:
    preflight = httpx.options(
        server + "/sparql",
        headers={
            "Origin": "https://notebook.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "POST" in preflight.headers["access-control-allow-methods"]
    simple = httpx.get(server + "/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://notebook.example"})
    assert simple.headers["access-control-allow-origin"] == "*"
    assert "ETag" in simple.headers["access-control-expose-headers"]


def test_the_answer_cache_is_bounded_and_drops_the_least_recently_used() -> None:
    cache = AnswerCache("snapshot", limit=8 * 1024)
    reply = {"status": 200, "body": b"x" * 700, "media_type": "text/csv"}
    keys = [cache.key({"op": "sparql", "query": f"SELECT * WHERE {{ ?s ?p {i} }}"}) for i in range(12)]
    assert all(keys) and len(set(keys)) == 12
    for key in keys:
        assert key is not None
        cache.put(key, reply)
        assert cache.size <= 8 * 1024
    assert cache.get(keys[0]) is None  # the first ones were dropped
    assert cache.get(keys[-1]) == reply
    assert cache.get(keys[-1]) is not None and cache.hits == 2


def test_the_answer_cache_keeps_no_error_and_no_page_job() -> None:
    cache = AnswerCache("snapshot", limit=1 << 20)
    assert cache.key({"op": "select", "query": "SELECT * {}"}) is None
    key = cache.key({"op": "sparql", "query": "ASK {}"})
    assert key is not None
    cache.put(key, {"error": "syntax", "status": 400, "message": "…"})
    assert cache.get(key) is None
    # surrounding whitespace and line endings aside, the same query is the same answer; anything else is not
    assert cache.key({"op": "sparql", "query": "\r\nASK {}\r\n"}) == key
    assert cache.key({"op": "sparql", "query": "ASK { }"}) != key
    assert AnswerCache("snapshot", limit=0).key({"op": "sparql", "query": "ASK {}"}) is None


@pytest.mark.parametrize("size", [10_000])
def test_an_answer_too_large_for_the_cache_is_not_kept(size: int) -> None:
    cache = AnswerCache("snapshot", limit=size)
    key = cache.key({"op": "sparql", "query": "ASK {}"})
    assert key is not None
    cache.put(key, {"status": 200, "body": b"x" * size, "media_type": "text/csv"})
    assert cache.get(key) is None and cache.size == 0


def test_a_get_asked_again_is_answered_from_memory_in_front_of_the_stack(server: str) -> None:
    query = {"query": "SELECT ?p WHERE { <https://w3id.org/safetykg/id/organ/xinjiang/public-security> ?p ?o } LIMIT 3"}
    first = httpx.get(server + "/sparql", params=query, headers={"Accept": "application/sparql-results+json"})
    again = httpx.get(server + "/sparql", params=query, headers={"Accept": "application/sparql-results+json"})
    assert first.status_code == again.status_code == 200
    assert "cache;desc=memory" not in first.headers["server-timing"]
    assert "cache;desc=memory" in again.headers["server-timing"]
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
    assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
    # another format is another answer; a conditional request is still answered 304
    csv = httpx.get(server + "/sparql", params=query, headers={"Accept": "text/csv"})
    assert csv.headers["content-type"].startswith("text/csv") and csv.content != first.content
    conditional = httpx.get(
        server + "/sparql",
        params=query,
        headers={"Accept": "application/sparql-results+json", "If-None-Match": first.headers["etag"]},
    )
    assert conditional.status_code == 304


def test_errors_are_never_answered_from_memory(server: str) -> None:
    for _ in range(2):
        refused = httpx.get(server + "/sparql", params={"query": "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }"})
        assert refused.status_code == 403 and "cache;desc=memory" not in refused.headers.get("server-timing", "")
