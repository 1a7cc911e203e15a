"""Dumps: byte-identical across builds, valid in every format, confirmed by an independent parser (rapper)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from safetykg.rdf.export import FORMATS, serialize

ROOT = Path(__file__).resolve().parent.parent
RAPPER_SYNTAX = {"ttl": "turtle", "nt": "ntriples", "nq": "nquads", "trig": "trig", "xml": "rdfxml"}
RDFLIB_SYNTAX = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "xml": "xml", "jsonld": "json-ld"}


def build_in_subprocess(dist: Path, seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run(
        [sys.executable, "-m", "safetykg.cli", "--dist", str(dist), "build"], check=True, env=env, capture_output=True
    )


def test_building_twice_gives_identical_bytes(tmp_path: Path) -> None:
    build_in_subprocess(tmp_path / "a", "1")
    build_in_subprocess(tmp_path / "b", "2")
    names = sorted(p.name for p in (tmp_path / "a").iterdir() if p.is_file())
    assert {"manifest.json", "safetykg.jsonld", "safetykg.nq", "safetykg.ttl", "validation.json"} <= set(names)
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    # the on-disk store is the engine's own files, not byte-identical: left out, and recorded by the sha256 of
    # the N-Quads it was loaded from (the same in both builds, as the manifests are)
    assert sorted(p.name for p in (tmp_path / "a").iterdir() if p.is_dir()) == ["store"]
    manifest = json.loads((tmp_path / "a" / "manifest.json").read_text())
    assert manifest["store"]["nquads_sha256"] == manifest["files"]["safetykg.nq"]["sha256"]
    assert "store" not in manifest["files"]


def test_manifest_lists_checksums_and_counts(dist: Path) -> None:
    manifest = json.loads((dist / "manifest.json").read_text())
    assert manifest["documents"]["xinjiang-2018"] == {"chapters": 8, "articles": 86}
    assert {"safetykg.nq", "safetykg.ttl", "safetykg.jsonld", "validation.json", "validation.ttl"} <= set(
        manifest["files"]
    )
    assert sum(manifest["graphs"].values()) == manifest["triples"]


@pytest.fixture(scope="module")
def reference(dist: Path) -> Dataset:
    dataset = Dataset()
    dataset.parse(dist / "safetykg.nq", format="nquads")
    return dataset


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_carries_the_same_triples(dist: Path, reference: Dataset, fmt: str) -> None:
    text = serialize((dist / "safetykg.nq").read_text(encoding="utf-8"), fmt)
    if fmt in ("nq", "trig", "jsonld"):
        parsed = Dataset()
        parsed.parse(data=text, format=RDFLIB_SYNTAX[fmt])
        assert len(list(parsed.quads())) == len(list(reference.quads()))
    else:
        parsed_graph = Graph().parse(data=text, format=RDFLIB_SYNTAX[fmt])
        union = Graph()
        for s, p, o, _ in reference.quads():
            union.add((s, p, o))
        assert isomorphic(parsed_graph, union)


def test_jsonld_context_is_inline(dist: Path) -> None:
    document = json.loads((dist / "safetykg.jsonld").read_text(encoding="utf-8"))
    assert isinstance(document["@context"], dict)
    assert all(value.startswith("http") and value.endswith(("#", "/")) for value in document["@context"].values())


def rapper() -> str | None:
    found = shutil.which("rapper")
    if found is None and os.environ.get("SAFETYKG_REQUIRE_RAPPER"):
        pytest.fail("rapper (Debian raptor2-utils) is required here but not installed")
    return found


@pytest.mark.parametrize("fmt", sorted(RAPPER_SYNTAX))
def test_rapper_parses_the_dumps(dist: Path, tmp_path: Path, fmt: str) -> None:
    program = rapper()
    if program is None:
        pytest.skip("rapper (Debian raptor2-utils) not installed")
    path = tmp_path / f"dump.{fmt}"
    nquads = (dist / "safetykg.nq").read_text(encoding="utf-8")
    path.write_text(serialize(nquads, fmt), encoding="utf-8")
    run = subprocess.run([program, "-i", RAPPER_SYNTAX[fmt], "-c", str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    expected = (
        len(set(nquads.splitlines()))
        if fmt in ("nq", "trig")
        else len({line.rsplit(" <", 1)[0] for line in nquads.splitlines()})
    )
    assert f"returned {expected} triples" in run.stderr
