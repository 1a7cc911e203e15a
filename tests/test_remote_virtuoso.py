"""The build published to a real SPARQL server (Virtuoso open source, on loopback), and served from it.

Skipped with the reason where Virtuoso is not installed, except where SAFETYKG_REQUIRE_VIRTUOSO=1
(as in CI), where a missing Virtuoso fails the tests.
"""

import json
import os
import re
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from safetykg.core.snapshot import expected_counts
from safetykg.deploy.publish import PublishError, check_published
from safetykg.query.questions import Question, answer, load_questions
from safetykg.query.remote import Endpoint, RemoteStore
from tests.live_server import live_server
from tests.virtuoso import Virtuoso, available, running_virtuoso

QUESTIONS = load_questions()
JURISDICTIONS = ("china", "guiyang", "hubei", "hebei", "xinjiang")


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    reason = available()
    if reason is not None:
        if os.environ.get("SAFETYKG_REQUIRE_VIRTUOSO") == "1":
            pytest.fail(f"SAFETYKG_REQUIRE_VIRTUOSO=1 but {reason}")
        pytest.skip(reason)
    with running_virtuoso(tmp_path_factory.mktemp("virtuoso")) as server:
        server.set_password("pw-" + secrets.token_hex(8))  # a secret that must never show up in output
        yield server


def publish_cli(
    dist: Path, virtuoso: Virtuoso, *extra: str, password: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **virtuoso.credentials}
    if password is not None:
        env["SAFETYKG_STORE_PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "-m", "safetykg.cli", "--dist", str(dist), "publish", "--to", virtuoso.sparql, *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


@pytest.fixture(scope="module")
def published(dist: Path, virtuoso: Virtuoso) -> subprocess.CompletedProcess[str]:
    result = publish_cli(dist, virtuoso)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def remote(published: subprocess.CompletedProcess[str], virtuoso: Virtuoso) -> Iterator[RemoteStore]:
    store = RemoteStore(Endpoint(virtuoso.sparql))
    yield store
    store.close()


def staging_graphs(store: RemoteStore) -> list[str]:
    rows = store.query(
        'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "urn:safetykg:staging:")) }'
    )
    return [row["g"].value for row in rows]  # type: ignore[union-attr]


def test_publish_loads_every_graph_with_the_manifests_count(
    dist: Path, published: subprocess.CompletedProcess[str], remote: RemoteStore, virtuoso: Virtuoso
) -> None:
    assert remote.graph_counts() == expected_counts(dist)
    assert "counts verified" in published.stdout
    # progress: one line per graph, with its size
    assert sum("loading https://w3id.org/safetykg/id/graph/" in line for line in published.stderr.splitlines()) == 8
    assert virtuoso.password not in published.stdout + published.stderr
    assert staging_graphs(remote) == []


def test_publishing_again_replaces_the_graphs_and_drops_stale_ones(
    dist: Path, remote: RemoteStore, virtuoso: Virtuoso
) -> None:
    stale = "https://w3id.org/safetykg/id/graph/withdrawn-rule"
    response = httpx.put(
        virtuoso.sparql.replace("/sparql", "/sparql-graph-crud-auth"),
        params={"graph": stale},
        content=b'<https://w3id.org/safetykg/id/x> <https://w3id.org/safetykg/ontology#text> "stale" .',
        headers={"Content-Type": "text/turtle"},
        auth=httpx.DigestAuth("dba", virtuoso.password),
    )
    assert response.status_code in (200, 201), response.text
    assert stale in remote.graph_counts()
    result = publish_cli(dist, virtuoso)
    assert result.returncode == 0, result.stderr
    assert f"dropping {stale}" in result.stderr
    assert remote.graph_counts() == expected_counts(dist)
    assert staging_graphs(remote) == []


def test_a_failed_load_leaves_the_published_graphs_queryable(
    dist: Path, remote: RemoteStore, virtuoso: Virtuoso
) -> None:
    broken = virtuoso.sparql.replace("/sparql", "/no-such-graph-store")
    result = publish_cli(dist, virtuoso, "--graph-store", broken, "--update", virtuoso.sparql + "-auth")
    assert result.returncode == 3
    assert re.search(r"loading https://w3id.org/safetykg/id/graph/\S+ .*HTTP [45]\d\d", result.stderr), result.stderr
    assert "published ones are untouched" in result.stderr
    assert remote.graph_counts() == expected_counts(dist)
    assert staging_graphs(remote) == []


def test_a_wrong_password_is_a_clear_error_that_does_not_show_it(
    dist: Path, remote: RemoteStore, virtuoso: Virtuoso
) -> None:
    wrong = "wrong-" + secrets.token_hex(8)
    result = publish_cli(dist, virtuoso, password=wrong)
    assert result.returncode == 3 and "HTTP 401" in result.stderr
    assert wrong not in result.stdout + result.stderr and virtuoso.password not in result.stdout + result.stderr
    assert remote.graph_counts() == expected_counts(dist)


def test_a_store_without_this_build_is_named(dist: Path, remote: RemoteStore) -> None:
    expected = dict(expected_counts(dist))
    hubei = "https://w3id.org/safetykg/id/graph/hubei"
    expected[hubei] += 1
    with pytest.raises(
        PublishError, match=f"graph/hubei: {expected[hubei] - 1} triples, the build has {expected[hubei]}"
    ):
        check_published(remote, expected)


def parameter_sets(question: Question) -> list[dict[str, str]]:
    """The question's examples (required ones, then all), and each jurisdiction in turn."""
    required = {p.name: p.example for p in question.parameters if p.required}
    sets = [required, {p.name: p.example for p in question.parameters}]
    for parameter in question.parameters:
        if parameter.type == "jurisdiction":
            sets += [{**required, parameter.name: place} for place in JURISDICTIONS]
    unique = {json.dumps(s, sort_keys=True): s for s in sets}
    return list(unique.values())


CASES = [(q.id, params) for q in QUESTIONS.values() for params in parameter_sets(q)]


def as_bag(rows: list[dict[str, str]]) -> list[tuple[tuple[str, str], ...]]:
    return sorted(tuple(sorted(row.items())) for row in rows)


@pytest.mark.parametrize(("question", "params"), CASES, ids=[f"{q}-{'-'.join(p.values()) or 'all'}" for q, p in CASES])
def test_every_question_answers_the_same_on_virtuoso(
    question: str, params: dict[str, str], store: ox.Store, remote: RemoteStore
) -> None:
    embedded = answer(store, QUESTIONS[question], params)
    on_virtuoso = answer(remote, QUESTIONS[question], params)
    assert on_virtuoso.columns == embedded.columns
    assert as_bag(on_virtuoso.rows) == as_bag(embedded.rows)


def test_the_comparison_is_not_empty(store: ox.Store) -> None:
    # the equality above means something only if the questions find things: most of them do
    answered = [q for q, params in CASES if answer(store, QUESTIONS[q], params).rows]
    assert len(answered) >= len(CASES) * 2 // 3 and len({q for q in answered}) == len(QUESTIONS)


@pytest.fixture(scope="module")
def remote_server(dist: Path, remote: RemoteStore, virtuoso: Virtuoso) -> Iterator[str]:
    os.environ.update(virtuoso.credentials)  # readable by the server; never printed
    try:
        with live_server(dist, store=virtuoso.sparql, row_cap=500, workers=2, deadline=3, client_share=0) as base:
            yield base
    finally:
        for name in virtuoso.credentials:
            os.environ.pop(name, None)


def test_served_questions_match_the_embedded_server(remote_server: str, server: str) -> None:
    for question in QUESTIONS.values():
        params = {p.name: p.example for p in question.parameters if p.required}
        ours, theirs = (
            httpx.get(f"{base}/questions/{question.id}", params=params, timeout=30) for base in (remote_server, server)
        )
        assert ours.status_code == theirs.status_code == 200, (question.id, ours.text[:300])
        assert ours.json()["columns"] == theirs.json()["columns"]
        assert as_bag(ours.json()["rows"]) == as_bag(theirs.json()["rows"]), question.id


def test_served_sparql_select_ask_and_construct(remote_server: str) -> None:
    fireworks = "https://w3id.org/safetykg/id/domain/fireworks"
    select = httpx.get(
        f"{remote_server}/sparql",
        params={"query": f"SELECT ?l WHERE {{ <{fireworks}> <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }}"},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert select.status_code == 200
    assert {b["l"]["value"] for b in select.json()["results"]["bindings"]} >= {"烟花爆竹"}
    for query, truth in (
        (f"ASK {{ <{fireworks}> ?p ?o }}", True),
        ("ASK { <https://w3id.org/safetykg/id/nothing> ?p ?o }", False),
    ):
        asked = httpx.get(
            f"{remote_server}/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"}
        )
        assert asked.status_code == 200 and asked.json()["boolean"] is truth, asked.text
    construct = httpx.get(
        f"{remote_server}/sparql",
        params={"query": f"CONSTRUCT WHERE {{ <{fireworks}> ?p ?o }}"},
        headers={"Accept": "application/n-triples"},
    )
    assert construct.status_code == 200 and '"烟花爆竹"@zh' in construct.text


def test_served_linked_data_matches_the_embedded_server(remote_server: str, server: str) -> None:
    path = "/id/regulation/xinjiang-2018/article/22/item/3"
    graphs = []
    for base in (remote_server, server):
        response = httpx.get(base + path, headers={"Accept": "application/n-triples"})
        assert response.status_code == 200
        graphs.append({str(t) for t in ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES)})
    assert graphs[0] == graphs[1] and len(graphs[0]) > 5
    page = httpx.get(remote_server + path, headers={"Accept": "text/html"})
    assert page.status_code == 200 and "新疆细则 第二十二条第（三）项" in page.text and "烟花爆竹" in page.text
    assert httpx.get(remote_server + "/id/regulation/nowhere").status_code == 404


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", 403),
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", 403),
        ("SELECT * FROM <http://example.org/elsewhere> WHERE { ?s ?p ?o }", 403),
        ("SELECT * WHERE { ?s ?p", 400),
    ],
)
def test_the_remote_server_refuses_what_the_embedded_one_refuses(
    remote_server: str, server: str, query: str, status: int
) -> None:
    for base in (remote_server, server):
        assert httpx.get(f"{base}/sparql", params={"query": query}).status_code == status


def test_a_query_past_the_deadline_is_a_503_and_the_server_goes_on(remote_server: str) -> None:
    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    response = httpx.get(f"{remote_server}/sparql", params={"query": cross}, timeout=30)
    assert response.status_code == 503, response.text
    assert "did not answer" in response.text or "deadline" in response.text
    # Virtuoso may still be working on the abandoned query for a while: the server says so (503 with Retry-After)
    # and answers again once the store does; it never stops answering
    said = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        after = httpx.get(f"{remote_server}/questions/regulation-overview", timeout=30)
        if after.status_code == 200:
            break
        assert after.status_code == 503 and "retry-after" in after.headers, after.text
        said.append(after.text)
        time.sleep(float(after.headers["retry-after"]))
    assert after.status_code == 200, said


def test_the_server_log_never_shows_the_password(dist: Path, remote_server: str, virtuoso: Virtuoso) -> None:
    logs = "".join(path.read_text(errors="replace") for path in dist.glob("server-*.log"))
    assert "serving" in logs and virtuoso.password not in logs


def test_serve_refuses_a_store_that_does_not_hold_the_build(
    dist: Path, tmp_path: Path, remote: RemoteStore, virtuoso: Virtuoso
) -> None:
    other = tmp_path / "dist"
    other.mkdir()
    for item in dist.iterdir():
        if item.is_file() and item.name != "manifest.json" and not item.name.startswith("server-"):
            (other / item.name).symlink_to(item)
    manifest = json.loads((dist / "manifest.json").read_text(encoding="utf-8"))
    manifest["graphs"]["https://w3id.org/safetykg/id/graph/guiyang"] += 5
    (other / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "safetykg.cli",
            "serve",
            "--dist",
            str(other),
            "--store",
            virtuoso.sparql,
            "--port",
            "9",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "does not hold this build" in result.stderr and "safetykg publish --to" in result.stderr


def test_a_store_that_goes_away_is_a_503(dist: Path, tmp_path: Path, virtuoso: Virtuoso) -> None:
    with running_virtuoso(tmp_path / "virtuoso") as own:
        env = {**os.environ, **own.credentials}
        loaded = subprocess.run(
            [sys.executable, "-m", "safetykg.cli", "--dist", str(dist), "publish", "--to", own.sparql],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
        assert loaded.returncode == 0, loaded.stderr
        with live_server(dist, store=own.sparql, workers=1, client_share=0) as base:
            own.stop()
            response = httpx.get(f"{base}/questions/regulation-overview", timeout=30)
            assert response.status_code == 503 and "cannot be reached" in response.text
            assert httpx.get(f"{base}/questions", timeout=30).status_code == 200


def test_from_clauses_choose_the_dataset_on_the_remote_store_too(remote_server: str, dist: Path) -> None:
    from tests.test_server_protocol import count_from

    counts = expected_counts(dist)
    hubei = "https://w3id.org/safetykg/id/graph/hubei"
    assert count_from(remote_server, f"FROM <{hubei}>", "?s ?p ?o") == [("", counts[hubei])]
    assert count_from(remote_server, f"FROM NAMED <{hubei}>", "GRAPH ?g { ?s ?p ?o }") == [(hubei, counts[hubei])]


UI_PAGES = [
    "/",
    "/ask",
    "/ask/departments-regulating-hazard?jurisdiction=新疆&hazard=烟花爆竹",
    "/ask/duties-of-role?jurisdiction=贵阳&role=主要负责人",
    "/read/hubei",
    "/read/xinjiang-2018",
    "/compare?role=https://w3id.org/safetykg/id/role/principal-leader",
    "/compare?organKind=https://w3id.org/safetykg/id/organ-kind/public-security",
    "/completeness",
    "/id/organ/xinjiang/public-security",
]


@pytest.mark.parametrize("page", UI_PAGES)
def test_the_web_pages_are_the_same_on_virtuoso(remote_server: str, server: str, page: str) -> None:
    ours, theirs = (
        httpx.get(base + page, headers={"Accept": "text/html"}, timeout=60) for base in (remote_server, server)
    )
    assert ours.status_code == theirs.status_code == 200, (page, ours.text[:300])
    assert len(ours.text) > 1000 and ours.text == theirs.text
