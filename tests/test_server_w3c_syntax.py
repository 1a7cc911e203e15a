"""The W3C SPARQL syntax tests (SPARQL 1.0 syntax-sparql1–5, SPARQL 1.1 syntax-query and syntax-fed) sent to
the live endpoint: every positive test is answered (neither 400 nor 500) unless a documented rule refuses it,
every negative one is answered 400. The files are committed under tests/w3c/; a missing suite fails."""

from pathlib import Path

import httpx
import pytest

from tests.test_sparql_grammar import ALL_TESTS, SPARQL_10_ONLY, SUITES, manifest_tests

POSITIVE = [(name, query) for name, query, positive in ALL_TESTS if positive and name not in SPARQL_10_ONLY]
NEGATIVE = [(name, query) for name, query, positive in ALL_TESTS if not positive or name in SPARQL_10_ONLY]
# documented refusals of valid queries: SERVICE and FROM a graph the dataset does not hold (403: the endpoint
# fetches nothing from elsewhere), and functions the engine does not offer (400)
REFUSED_BY_RULE = {
    403: ("SERVICE is not allowed", "is not a graph of this dataset"),
    400: ("is not supported: this endpoint offers SPARQL's built-in functions",),
}


def send(server: str, query: Path) -> httpx.Response:
    return httpx.post(
        f"{server}/sparql",
        content=query.read_bytes(),
        headers={"Content-Type": "application/sparql-query"},
        timeout=60,
    )


def test_every_suite_is_there() -> None:
    for suite in SUITES:
        assert manifest_tests(suite), f"tests/w3c/{suite} is missing"
    assert len(POSITIVE) + len(NEGATIVE) == sum(p + n for p, n in SUITES.values())


@pytest.mark.parametrize(("name", "query"), POSITIVE, ids=[name for name, _ in POSITIVE])
def test_positive_syntax_is_answered(server: str, name: str, query: Path) -> None:
    response = send(server, query)
    if any(rule in response.text for rule in REFUSED_BY_RULE.get(response.status_code, ())):
        return
    assert response.status_code == 200, (name, response.status_code, response.text[:300])


@pytest.mark.parametrize(("name", "query"), NEGATIVE, ids=[name for name, _ in NEGATIVE])
def test_negative_syntax_is_a_client_error(server: str, name: str, query: Path) -> None:
    response = send(server, query)
    assert response.status_code == 400, (name, response.status_code, response.text[:300])
