"""HTTP hygiene of the public endpoint, from an attack run: request-head limits, HEAD, answered 500s, a base URL
no request can steer, security headers (and a Content-Security-Policy the pages keep), 4xx for unknown formats."""

import logging
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
import uvicorn

from safetykg.web.app import create_app
from safetykg.web.hygiene import public_base
from safetykg.web.settings import ServerSettings
from tests.live_server import free_port, live_server
from tests.ui_browser import browser_context, browser_page

__all__ = ["browser_context", "browser_page"]
ASK = "/sparql?query=ASK%7B%7D"


def raw_exchange(port: int, request: bytes, timeout: float = 10) -> tuple[bytes, float]:
    """Send bytes on a fresh connection and read until the server closes it: (what came back, seconds)."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer, time.monotonic() - started


def port_of(base: str) -> int:
    return int(base.rsplit(":", 1)[1])


def head_of(answer: bytes) -> tuple[int, dict[str, str]]:
    lines = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), {name.lower(): value for name, value in headers.items()}


# 1. Request-head limits: 431 (RFC 6585), quickly, with Connection: close, while everyone else is answered


def one_header(size: int) -> bytes:
    return b"GET " + ASK.encode() + b" HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * size + b"\r\n\r\n"


def many_headers(count: int) -> bytes:
    fields = b"".join(b"X-H%d: %d\r\n" % (i, i) for i in range(count))
    return b"GET " + ASK.encode() + b" HTTP/1.1\r\nHost: x\r\n" + fields + b"\r\n"


OVERSIZED = {
    "1-MB-header": (one_header, 1 << 20),
    "200-headers": (many_headers, 200),
    "64-MB-header": (one_header, 64 << 20),
}


@pytest.mark.parametrize("kind", OVERSIZED)
def test_oversized_request_heads_get_431_quickly_while_others_are_answered(server: str, kind: str) -> None:
    build, size = OVERSIZED[kind]
    request_bytes = build(size)
    outcome: dict[str, Any] = {}

    def attack() -> None:
        outcome["answer"], outcome["seconds"] = raw_exchange(port_of(server), request_bytes)

    attacker = threading.Thread(target=attack)
    attacker.start()
    others: list[tuple[int, bool, float]] = []
    with httpx.Client(timeout=5) as client:
        while attacker.is_alive() or not others:
            started = time.monotonic()
            response = client.get(server + ASK, headers={"Accept": "application/sparql-results+json"})
            others.append((response.status_code, response.json()["boolean"], time.monotonic() - started))
            time.sleep(0.02)
    attacker.join()
    status, headers = head_of(outcome["answer"])
    assert status == 431 and headers["connection"] == "close", outcome["answer"][:300]
    assert outcome["seconds"] < 1, outcome["seconds"]
    assert all(code == 200 and answer is True and seconds < 1 for code, answer, seconds in others), others


def test_a_head_sent_slowly_is_refused_before_it_ends(server: str) -> None:
    with socket.create_connection(("127.0.0.1", port_of(server)), timeout=5) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        answer, sent = b"", 0
        for _ in range(200):  # 200 x 1 KB would be 200 KB; the refusal comes after 64 KB
            try:
                sock.sendall(b"a" * 1024)
            except OSError:
                break
            sent += 1024
            sock.settimeout(0.01)
            try:
                answer += sock.recv(65536)
            except TimeoutError:
                continue
            if answer:
                break
        sock.settimeout(5)
        while chunk := sock.recv(65536):
            answer += chunk
    assert head_of(answer)[0] == 431 and sent < 80 * 1024, sent


def test_a_url_past_what_the_parser_reads_is_414(server: str) -> None:
    answer, seconds = raw_exchange(
        port_of(server), b"GET /sparql?query=" + b"A" * 100_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"
    )
    status, headers = head_of(answer)
    assert status == 414 and headers["connection"] == "close" and b"POST" in answer and seconds < 1


def test_a_head_within_the_limits_is_served(server: str) -> None:
    answer, _ = raw_exchange(
        port_of(server), many_headers(90)[:-2] + b"X-Fill: " + b"a" * 50_000 + b"\r\nConnection: close\r\n\r\n"
    )
    assert head_of(answer)[0] == 200


# 2. HEAD on every GET route: the same status and headers as GET, no body

HEAD_PATHS = [
    "/",
    "/sparql",
    ASK,
    "/questions",
    "/questions/regulation-overview?format=csv",
    "/ask",
    "/read/xinjiang-2018",
    "/id/organ/xinjiang/public-security",
    "/id/organ/xinjiang/public-security?format=ttl",
    "/download/",
    "/download/safetykg.ttl",
    "/void",
    "/validation",
    "/ontology",
    "/static/ui.css",
    "/no-such-page",
]


@pytest.mark.parametrize("path", HEAD_PATHS)
def test_head_is_get_without_a_body(server: str, path: str) -> None:
    with httpx.Client(base_url=server, timeout=10) as client:
        get = client.get(path)
        head = client.head(path)
        again = client.get(path)  # on the same connection: nothing was left unread on it
    assert head.status_code == get.status_code == again.status_code
    assert head.content == b""
    differing = {
        name
        for name in {*get.headers, *head.headers}
        if name not in ("date", "server-timing") and get.headers.get(name) != head.headers.get(name)  # per request
    }
    assert not differing, [(n, get.headers.get(n), head.headers.get(n)) for n in differing]


# 3. An unexpected exception: logged with its traceback and an id, answered 500 with the id and Connection: close


@pytest.fixture(scope="module")
def failing_server(dist: Path) -> Iterator[int]:
    """The app in this process under uvicorn, with routes that fail (no workers are started)."""
    port = free_port()
    app = create_app(ServerSettings(port=port), dist)

    async def broken() -> None:
        raise ValueError("a bug")

    async def broken_worker() -> None:
        raise RuntimeError("internal error 0123456789ab")  # what the worker-pool helper raises, already logged

    app.add_api_route("/broken", broken)
    app.add_api_route("/broken-worker", broken_worker)
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, lifespan="off", log_level="warning", **app.state.server_options
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the in-process server did not start"
        time.sleep(0.05)
    yield port
    server.should_exit = True
    thread.join(10)


def test_a_500_is_answered_with_its_log_id_and_closes_the_connection(
    failing_server: int, caplog: pytest.LogCaptureFixture
) -> None:
    keep_alive = b"GET /broken HTTP/1.1\r\nHost: x\r\n\r\nGET /static/ui.css HTTP/1.1\r\nHost: x\r\n\r\n"
    with caplog.at_level(logging.ERROR, logger="safetykg.server"):
        answer, seconds = raw_exchange(failing_server, keep_alive)
    status, headers = head_of(answer)
    assert status == 500 and headers["connection"] == "close" and seconds < 5
    assert answer.count(b"HTTP/1.1") == 1  # the connection was closed after the 500, as it said
    found = re.search(rb"internal error ([0-9a-f]{12})\n$", answer)
    assert found, answer
    error_id = found.group(1).decode()
    logged = [r for r in caplog.records if error_id in r.getMessage()]
    assert logged and logged[0].exc_info and "a bug" in str(logged[0].exc_info[1])
    assert (
        headers["x-content-type-options"] == "nosniff"
        and "frame-ancestors 'none'" in headers["content-security-policy"]
    )


def test_a_worker_failure_keeps_the_id_already_logged(failing_server: int) -> None:
    answer, _ = raw_exchange(failing_server, b"HEAD /broken-worker HTTP/1.1\r\nHost: x\r\n\r\n")
    assert head_of(answer)[0] == 500 and answer.endswith(b"\r\n\r\n")  # HEAD: no body
    answer, _ = raw_exchange(failing_server, b"GET /broken-worker HTTP/1.1\r\nHost: x\r\n\r\n")
    assert answer.endswith(b"internal error 0123456789ab\n")


# 4. The public URL comes from the settings, never from Host or X-Forwarded-*

STEERING = {"Host": "evil.example", "X-Forwarded-Proto": "gopher", "X-Forwarded-Host": "evil.example"}


def test_host_and_forwarded_headers_are_not_reflected(server: str) -> None:
    with httpx.Client(base_url=server, headers=STEERING, timeout=10) as client:
        answers = [
            client.get("/sparql", headers={"Accept": "text/turtle"}),
            client.get("/void"),
            client.get(
                "/sparql",
                params={"query": "SELECT (<x> AS ?x) {}"},  # a relative IRI, resolved against the base IRI
                headers={"Accept": "application/sparql-results+json"},
            ),
            client.get("/download"),  # a slash redirect
        ]
    for response in answers:
        seen = response.text + " ".join(response.headers.values())
        assert "evil.example" not in seen and "gopher" not in seen, response.url
    assert answers[2].json()["results"]["bindings"][0]["x"]["value"] == f"{server}/x"
    assert answers[3].status_code == 307 and answers[3].headers["location"] == "/download/"
    assert f"<{server}/sparql>" in answers[0].text


def test_base_url_setting_names_the_service(dist: Path) -> None:
    with live_server(dist, base_url="https://kg.example.org/") as base:
        description = httpx.get(base + "/sparql", headers={"Accept": "text/turtle", **STEERING}).text
        void = httpx.get(base + "/void", headers=STEERING).text
    assert "<https://kg.example.org/sparql>" in description
    assert "<https://kg.example.org/download/safetykg.nq>" in void and "evil" not in void


def test_a_trusted_proxy_names_the_public_url(dist: Path) -> None:
    with live_server(dist, extra_env={"SAFETYKG_TRUST_FORWARDED_HEADERS": "1"}) as base:
        description = httpx.get(
            base + "/sparql", headers={"Accept": "text/turtle", "Host": "kg.example.org", "X-Forwarded-Proto": "https"}
        ).text
    assert "<https://kg.example.org/sparql>" in description


def test_public_base() -> None:
    assert public_base(ServerSettings(host="127.0.0.1", port=8000)) == "http://127.0.0.1:8000"
    assert public_base(ServerSettings(host="::1", port=80)) == "http://[::1]:80"
    assert public_base(ServerSettings(base_url="https://kg.example.org/")) == "https://kg.example.org"
    request = SimpleNamespace(base_url="http://evil.example/")
    assert public_base(ServerSettings(port=1), request) == "http://127.0.0.1:1"  # type: ignore[arg-type]
    trusting = SimpleNamespace(base_url="", host="0.0.0.0", port=80, trust_forwarded_headers=True)
    assert public_base(trusting, request) == "http://evil.example"  # type: ignore[arg-type]


# 5. Security headers on every response, and a policy the pages keep

SECURITY = {"x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "no-referrer"}


@pytest.mark.parametrize(
    "method, path",
    [
        ("GET", "/"),
        ("GET", ASK),
        ("GET", "/static/editor.js"),
        ("GET", "/openapi.json"),
        ("GET", "/docs"),
        ("GET", "/no-such-page"),
        ("GET", "/id/%2e%2e/%2e%2e/etc/passwd"),
        ("GET", "/sparql?query=SELECT"),
        ("PUT", "/sparql"),
        ("GET", "/download"),
        ("GET", "/validation?format=svg"),
    ],
)
def test_security_headers_on_every_response(server: str, method: str, path: str) -> None:
    response = httpx.request(method, server + path, timeout=10)
    for name, value in SECURITY.items():
        assert response.headers.get(name) == value, (name, response.status_code)
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "default-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("style-src")[0]  # no inline script, anywhere


def test_the_api_docs_allow_exactly_their_inline_script(server: str) -> None:
    policy = httpx.get(server + "/docs").headers["content-security-policy"]
    assert re.search(r"script-src 'self' 'sha256-[A-Za-z0-9+/=]{44}';", policy), policy


CSP_PAGES = {
    "home": "/",
    "question": "/ask/departments-regulating-hazard?jurisdiction=xinjiang&hazard=fireworks&ask=1",
    "reader": "/read/xinjiang-2018",
    "sparql": "/sparql",
    "organ": "/id/organ/xinjiang/public-security",
    "completeness": "/completeness",
    "downloads": "/download/",
    "questions": "/questions",
    "validation": "/validation",
    "docs": "/docs",
}
COMPARE = "/compare?role=https%3A%2F%2Fw3id.org%2Fsafetykg%2Fid%2Frole%2Fprincipal-leader"


def csp_violations(page: Any, url: str, ready: str = "") -> list[str]:
    found: list[str] = []
    page.on(
        "console", lambda message: found.append(message.text) if "Content Security Policy" in message.text else None
    )
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error("
        "'Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if ready:
        page.wait_for_selector(ready)
    return found


@pytest.mark.parametrize("name", CSP_PAGES)
def test_pages_keep_their_content_security_policy(browser_page: Any, server: str, name: str) -> None:
    ready = {"docs": ".swagger-ui .info", "sparql": "#editor .kw"}.get(name, "")
    violations = csp_violations(browser_page, server + CSP_PAGES[name], ready)
    if name == "sparql":  # the editor runs a query with its script
        browser_page.select_option("#examples", "duties-per-jurisdiction")
        browser_page.click("#run")
        browser_page.wait_for_selector("#result-table .result-row")
    assert not violations, violations


def test_compare_keeps_the_content_security_policy(browser_page: Any, server: str) -> None:
    assert not csp_violations(browser_page, server + COMPARE, "#compare")


# 6. An unknown format or language is a 400 naming the valid ones

BAD_FORMATS = [
    ("/validation?format=en.json", "html, json, ttl, csv, md, svg"),
    ("/validation?format=exe", "html, json, ttl, csv, md, svg"),
    ("/validation?lang=fr", "zh, en"),
    ("/validation?lang=..%2Fmanifest&format=json", "zh, en"),
    ("/questions/regulation-overview?format=xml", "json, csv, xlsx, html"),
    ("/id/organ/xinjiang/public-security?format=rdf", "html, ttl, jsonld, nt"),
]


@pytest.mark.parametrize("path, valid", BAD_FORMATS)
def test_unknown_formats_are_400_with_the_valid_ones(server: str, path: str, valid: str) -> None:
    response = httpx.get(server + path, timeout=10)
    assert response.status_code == 400 and valid in response.text, (response.status_code, response.text)


def test_known_formats_still_answer(server: str) -> None:
    for path, media in [
        ("/validation?format=json&lang=en", "application/json"),
        ("/validation?format=md", "text/markdown"),
        ("/id/organ/xinjiang/public-security?format=html", "text/html"),
        ("/id/organ/xinjiang/public-security?format=nt", "application/n-triples"),
    ]:
        response = httpx.get(server + path, timeout=10)
        assert response.status_code == 200 and response.headers["content-type"].startswith(media), path
