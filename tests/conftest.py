"""Shared fixtures: the corpus parsed and built once per test session."""

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from safetykg.build.pipeline import BuildResult, Paths, assemble, publish
from safetykg.core.resources import packaged
from safetykg.corpus.catalogue import Catalogue, load_catalogue
from safetykg.corpus.model import ParsedDocument
from safetykg.query.interpret import Interpreter, Wording, vocabulary_from_store
from safetykg.query.questions import load_questions
from safetykg.query.store import open_store
from tests.live_server import live_server

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue(packaged("sources"))


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
    # the tests are one client asking many things in a row: trusted (fairness has tests of its own)
    with live_server(dist, row_cap=500, workers=2, client_share=0) as base:
        yield base


# Tiers, so that a developer can run one (`pytest -m unit`, `-m "not browser and not virtuoso"`, …).
# A test's tier follows from what it needs: a browser, Virtuoso, a live server, the built corpus, or nothing.
TIER_FIXTURES = (
    ("browser", {"browser_page", "browser_context"}),
    ("virtuoso", {"virtuoso", "remote", "virtuoso_server"}),
    ("server", {"server", "w3c_server", "worker", "blocked_server"}),
    ("build", {"built", "dist", "docs", "store", "catalogue"}),
)
TIER_MODULES = {"test_remote_virtuoso": "virtuoso", "test_layers": "server", "test_worker_isolation": "server"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        tier = next((name for name, needs in TIER_FIXTURES if fixtures & needs), None)
        module = item.module.__name__.rsplit(".", 1)[-1] if item.module else ""
        if module == "test_remote_virtuoso":
            tier = "virtuoso"
        elif tier is None or (tier == "build" and module in TIER_MODULES):
            tier = TIER_MODULES.get(module, tier or "unit")
        item.add_marker(getattr(pytest.mark, tier))


@pytest.fixture(scope="module")
def interpreter_vocabulary(store: ox.Store) -> dict:
    """Every label of every parameter type, read from the build, as the interpreter takes them."""
    return vocabulary_from_store(store)


@pytest.fixture(scope="module")
def interpreter(interpreter_vocabulary: dict) -> Interpreter:
    """The interpreter as it is used, with its second opinion."""
    return Interpreter(interpreter_vocabulary, load_questions(), Wording.load())
