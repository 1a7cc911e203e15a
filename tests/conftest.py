"""Shared fixtures: the corpus parsed and built once per test session."""

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from safetykg.build import BuildResult, Paths, assemble, publish
from safetykg.model import ParsedDocument
from safetykg.sources import Catalogue, load_catalogue
from safetykg.store import open_store
from tests.live_server import live_server

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue(ROOT / "data" / "sources")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return assemble(Paths())


@pytest.fixture(scope="session")
def dist(built: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    publish(built, out)
    return out


@pytest.fixture(scope="session")
def docs(built: BuildResult) -> dict[str, ParsedDocument]:
    return built.documents


@pytest.fixture(scope="session")
def store(dist: Path) -> ox.Store:
    return open_store(dist)


@pytest.fixture(scope="session")
def server(dist: Path) -> Iterator[str]:
    """The real server on the built corpus, with a small row cap so that truncation can be seen."""
    with live_server(dist, row_cap=500, workers=2) as base:
        yield base
