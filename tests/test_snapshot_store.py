"""The snapshot's on-disk store (dist/store/): written once by the build from the canonical N-Quads, opened
read-only by the server's workers (one copy on disk, shared through the page cache), and never used when it was
not loaded from the N-Quads the snapshot publishes."""

import json
import os
import re
import shutil
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from safetykg.query.store import fits_in_memory, open_store, snapshot_quads, snapshot_store
from tests.live_server import live_server

WORKER_RSS_MB = 150  # the bound stated in docs/performance.md: one worker's resident memory on the five rules


def _dump_store(dist: Path) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(dist / "safetykg.nq"), format=ox.RdfFormat.N_QUADS)
    return store


def test_the_store_holds_the_dump_and_is_read_only(dist: Path) -> None:
    manifest = json.loads((dist / "manifest.json").read_text())
    assert manifest["store"]["nquads_sha256"] == manifest["files"]["safetykg.nq"]["sha256"]
    assert snapshot_store(dist) == dist / "store"
    store = open_store(dist)
    assert len(store) == len(_dump_store(dist)) == manifest["triples"]
    with pytest.raises(RuntimeError, match="read-write"):
        store.add(ox.Quad(ox.NamedNode("urn:x"), ox.NamedNode("urn:y"), ox.NamedNode("urn:z")))
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?duty a <https://w3id.org/safetykg/ontology#Duty> }"
    counted = [str(r["n"]) for r in store.query(query, use_default_graph_as_union=True)]  # type: ignore[union-attr]
    dumped = [str(r["n"]) for r in _dump_store(dist).query(query, use_default_graph_as_union=True)]  # type: ignore[union-attr]
    assert counted == dumped


def test_a_snapshot_without_its_store_loads_the_dump(dist: Path, tmp_path: Path) -> None:
    copy = tmp_path / "dist"
    shutil.copytree(dist, copy, ignore=shutil.ignore_patterns("store", "server-*.log"))
    assert snapshot_store(copy) is None
    assert len(open_store(copy)) == len(open_store(dist))


def test_a_store_loaded_from_other_nquads_is_not_used(dist: Path, tmp_path: Path) -> None:
    copy = tmp_path / "dist"
    shutil.copytree(dist, copy, ignore=shutil.ignore_patterns("server-*.log"))
    manifest = json.loads((copy / "manifest.json").read_text())
    manifest["store"]["nquads_sha256"] = "0" * 64
    (copy / "manifest.json").write_text(json.dumps(manifest))
    assert snapshot_store(copy) is None


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _opened(pid: int, folder: str) -> dict[str, int]:
    """The files under a folder a process has open, with their open flags (O_RDONLY is 0)."""
    found = {}
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
            info = (Path(f"/proc/{pid}/fdinfo") / fd.name).read_text()
        except OSError:  # closed meanwhile
            continue
        flags = re.search(r"flags:\s+(\d+)", info)
        if target.startswith(folder) and flags:
            found[target] = int(flags.group(1), 8)
    return found


def _rss_mb(pid: int) -> float:
    match = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    return int(match.group(1)) / 1024 if match else 0.0


def _server(base: str) -> int:
    port = base.rsplit(":", 1)[1]
    return next(
        int(p.name)
        for p in Path("/proc").iterdir()
        if p.name.isdigit() and f"--port\0{port}" in (p / "cmdline").read_bytes().decode(errors="replace")
    )


def _workers(server: int) -> list[int]:
    """The server's query workers (children of its fork server), the fork server's own helpers left out."""
    return [pid for child in _children(server) for pid in _children(child)]


def test_two_workers_answer_from_the_store_opened_read_only(dist: Path) -> None:
    # memory_store_quads 0: the workers answer from the on-disk store only, never from a copy in memory
    with live_server(dist, workers=2, client_share=0, spare_workers=0, memory_store_quads=0) as base:
        server = _server(base)
        question = "/questions/departments-regulating-hazard?jurisdiction=xinjiang&hazard=fireworks"
        for i in range(6):  # both workers answer
            assert httpx.get(base + question, timeout=30).status_code == 200
            asked = httpx.get(base + "/sparql", params={"query": f"ASK {{ ?s ?p {i} }}"}, timeout=30)  # not kept
            assert asked.status_code == 200
        store = str((dist / "store").resolve())
        workers = [
            pid
            for child in _children(server)
            for pid in [child, *_children(child)]
            if any(os.readlink(f).startswith(store) for f in Path(f"/proc/{pid}/fd").iterdir() if f.is_symlink())
        ]
        assert len(set(workers)) >= 2, "two workers have the store's files open"
        for pid in set(workers):
            assert _rss_mb(pid) < WORKER_RSS_MB, (pid, _rss_mb(pid))
            writable = [
                f
                for f in Path(f"/proc/{pid}/fdinfo").iterdir()
                if os.readlink(Path(f"/proc/{pid}/fd") / f.name).startswith(store)
                and int(re.search(r"flags:\s+(\d+)", f.read_text()).group(1), 8) & 0o3  # type: ignore[union-attr]
            ]
            assert not writable, "the store's files are opened read-only"


def test_the_threshold_chooses_the_store(dist: Path) -> None:
    quads = json.loads((dist / "manifest.json").read_text())["triples"]
    assert snapshot_quads(dist) == quads
    assert fits_in_memory(dist, quads) and not fits_in_memory(dist, quads - 1) and not fits_in_memory(dist, 0)
    on_disk, in_memory = open_store(dist, memory_quads=quads - 1), open_store(dist, memory_quads=quads)
    assert len(on_disk) == len(in_memory) == quads
    probe = ox.Quad(ox.NamedNode("urn:x"), ox.NamedNode("urn:y"), ox.NamedNode("urn:z"))
    with pytest.raises(RuntimeError, match="read-write"):
        on_disk.add(probe)
    in_memory.add(probe)  # a store of its own, in memory: nothing is written to the snapshot
    assert len(open_store(dist)) == quads


def _rows(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return sorted(json.dumps(row, sort_keys=True) for row in response.json()["rows"])


def test_workers_of_a_small_snapshot_answer_from_memory(dist: Path) -> None:
    """Above the threshold, each worker loads the dump into memory while the on-disk store answers, then lets the
    on-disk store go: its files are closed, and the answers are the same."""
    quads = json.loads((dist / "manifest.json").read_text())["triples"]
    question = "/questions/departments-regulating-hazard?jurisdiction=xinjiang&hazard=fireworks"
    store = str((dist / "store").resolve())
    settings = {"workers": 2, "client_share": 0, "spare_workers": 0, "answer_cache_bytes": 0}
    with live_server(dist, memory_store_quads=quads, **settings) as base:
        first = _rows(httpx.get(base + question, timeout=30))
        workers = _workers(_server(base))
        assert len(workers) == 2
        waited = 0
        while any(_opened(pid, store) for pid in workers) and waited < 600:  # loading: at most 30 s
            time.sleep(0.05)
            waited += 1
        assert not any(_opened(pid, store) for pid in workers), "the workers answer from memory"
        for _ in range(4):
            assert _rows(httpx.get(base + question, timeout=30)) == first
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        counted = httpx.get(base + "/sparql", params={"query": count}, timeout=30).json()
        assert int(counted["results"]["bindings"][0]["n"]["value"]) == quads
        assert all(_rss_mb(pid) < WORKER_RSS_MB for pid in workers)
