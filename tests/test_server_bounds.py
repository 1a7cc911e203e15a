"""Bounded work per query and a fair share per client, each asserting the safe outcome itself: the status, the
memory the worker reached, the time it took, and what other clients saw meanwhile.

Clients are told apart by their address: the tests bind their connections to distinct loopback addresses
(127.0.0.2, 127.0.0.3, …), as distinct hosts would be.
"""

import statistics
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.live_server import live_server
from tests.processes import worker_pids

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SORTED_PRODUCT = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
ALL_TEXTS = "SELECT (GROUP_CONCAT(?t) AS ?all) WHERE { ?s <https://w3id.org/safetykg/ontology#text> ?t }"
FIREWORKS = {"jurisdiction": "新疆", "hazard": "烟花爆竹"}


def client(address: str) -> httpx.Client:
    return httpx.Client(transport=httpx.HTTPTransport(local_address=address), timeout=60)


def resident_mb(pid: int) -> float:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * 4096 / 2**20
    except (OSError, IndexError):
        return 0.0


def server_pid(base: str) -> int:
    port = base.rsplit(":", 1)[1]
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmdline = (proc / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"serve" in cmdline and port.encode() in cmdline:
                return int(proc.name)
    raise LookupError(base)


@pytest.fixture(scope="module")
def bounded(dist: Path) -> Iterator[str]:
    """One worker with a 400 MB memory bound, a 200 KB answer bound and a 10 s deadline. Its tests are one client
    sending runaway queries on purpose: trusted (client_share 0), so that what they check is the bound, not the
    fair share (which has tests of its own, with a share)."""
    with live_server(dist, workers=1, worker_memory=400, max_answer_bytes=200_000, deadline=10, client_share=0) as base:
        yield base


def test_a_query_past_the_memory_bound_is_stopped_and_its_worker_replaced(bounded: str) -> None:
    pid = server_pid(bounded)
    peak = 0.0
    done = threading.Event()

    def watch() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max([peak, *(resident_mb(w) for w in worker_pids(pid))])
            time.sleep(0.01)

    watcher = threading.Thread(target=watch)
    watcher.start()
    started = time.monotonic()
    try:
        response = httpx.get(f"{bounded}/sparql", params={"query": SORTED_PRODUCT}, timeout=60)
    finally:
        done.set()
        watcher.join()
    elapsed = time.monotonic() - started
    assert response.status_code == 503 and "more than 400 MB" in response.text, response.text
    assert elapsed < 9, "stopped by the memory bound, not the deadline"
    assert 300 < peak < 400 + 200, f"the worker reached {peak:.0f} MB"  # it grew, and was stopped near the bound
    again = httpx.get(f"{bounded}/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
    assert again.status_code == 200 and again.json()["boolean"] is True


def test_an_answer_past_the_byte_bound_is_cut_and_marked(bounded: str) -> None:
    texts = httpx.get(
        f"{bounded}/sparql",
        params={"query": "SELECT ?t WHERE { ?s <https://w3id.org/safetykg/ontology#text> ?t }"},
        headers={"Accept": "application/sparql-results+json"},
        timeout=60,
    )
    assert texts.status_code == 200 and texts.headers.get("safetykg-truncated") == "true"
    assert len(texts.content) < 220_000 and texts.json()["truncated"] is True
    one_huge_row = httpx.get(f"{bounded}/sparql", params={"query": ALL_TEXTS}, timeout=60)
    assert one_huge_row.status_code == 200 and one_huge_row.headers.get("safetykg-truncated") == "true"
    assert len(one_huge_row.content) < 220_000


def test_a_query_whose_client_went_away_is_stopped(bounded: str) -> None:
    """With one worker, a runaway query whose client hung up would hold it until the deadline (10 s)."""
    with pytest.raises(httpx.ReadTimeout):
        httpx.get(f"{bounded}/sparql", params={"query": CARTESIAN}, timeout=0.5)
    started = time.monotonic()
    answer = httpx.get(f"{bounded}/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
    assert answer.status_code == 200
    assert time.monotonic() - started < 3


@pytest.mark.parametrize(
    "query",
    [
        "ASK { FILTER(" + "!" * 20_000 + "true) }",
        "ASK { FILTER(" + "+".join(["1"] * 10_000) + " > 0) }",
        "SELECT * WHERE { ?s ?p ?o " + "MINUS {} " * 3_900 + "}",
    ],
    ids=["20000-nots", "10000-term-sum", "3900-minus"],
)
def test_operator_chains_are_client_mistakes_before_the_engine(bounded: str, query: str) -> None:
    started = time.monotonic()
    response = httpx.post(
        f"{bounded}/sparql", content=query, headers={"Content-Type": "application/sparql-query"}, timeout=30
    )
    assert response.status_code == 400 and "too complex" in response.text
    assert time.monotonic() - started < 1
    assert httpx.get(f"{bounded}/sparql", params={"query": "ASK {}"}, timeout=30).status_code == 200


def test_others_keep_their_share_while_four_clients_attack(dist: Path) -> None:
    """A 20 s soak: four clients (127.0.0.2-5) send runaway and memory-hungry queries without pause; a fifth and
    a sixth (127.0.0.6-7) ask the fireworks question and small queries. None of theirs may fail, and their p95
    stays under 1 s."""
    stop = time.monotonic() + 20
    latencies: list[float] = []
    failures: list[str] = []
    attacks: dict[int, int] = {}

    def attack(address: str) -> None:
        with client(address) as http:
            while time.monotonic() < stop:
                query = CARTESIAN if len(attacks) % 2 else SORTED_PRODUCT
                try:
                    status = http.get(f"{base}/sparql", params={"query": query}).status_code
                except httpx.TransportError:
                    status = 0
                attacks[status] = attacks.get(status, 0) + 1
                if status == 429:
                    time.sleep(0.2)

    def behave(address: str) -> None:
        with client(address) as http:
            while time.monotonic() < stop:
                started = time.monotonic()
                try:
                    a = http.get(f"{base}/questions/departments-regulating-hazard", params=FIREWORKS)
                    b = http.get(f"{base}/sparql", params={"query": "ASK { ?s ?p ?o }"})
                    ok = a.status_code == 200 and b.status_code == 200
                    failures.extend([] if ok else [f"{a.status_code} {b.status_code} {a.text[:80]} {b.text[:80]}"])
                except httpx.TransportError as err:
                    failures.append(repr(err))
                latencies.append((time.monotonic() - started) / 2)
                time.sleep(0.05)

    with live_server(dist, workers=2, worker_memory=600, deadline=10) as base:
        threads = [threading.Thread(target=attack, args=(f"127.0.0.{n}",)) for n in range(2, 6)]
        threads += [threading.Thread(target=behave, args=(f"127.0.0.{n}",)) for n in (6, 7)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert failures == []
    p95 = statistics.quantiles(latencies, n=20)[-1]
    assert len(latencies) > 100 and p95 < 1.0, f"p95 {p95:.3f} s over {len(latencies)} requests; attacks {attacks}"
    assert attacks.get(200, 0) == 0 and attacks.get(429, 0) > 0, attacks  # the attackers were held to their share
