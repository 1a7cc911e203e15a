"""Headless Chromium (Debian's, driven by Playwright) for the web-interface tests, with guards and axe-core.

Skipped with a message when /usr/bin/chromium or Playwright is missing, unless
SAFETYKG_REQUIRE_CHROMIUM is set, in which case their absence fails the run.
Every page a test opens must make no request to another host and log no console error.
``axe_violations`` runs the vendored axe-core (tests/vendor/, never fetched) on the page as it is.
"""

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
# axe-core from npm (`npm pack axe-core@4.14.1`, its axe.min.js), MPL-2.0: its LICENSE files lie beside it
AXE_VERSION = "4.14.1"
AXE = Path(__file__).resolve().parent / "vendor" / f"axe-core-{AXE_VERSION}.min.js"
FAILED_LOAD = "Failed to load resource: the server responded with a status of"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def require_chromium() -> None:
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    if importlib.util.find_spec("playwright") is None:
        missing.append("the playwright package (pip install -e '.[test]')")
    if missing:
        message = "browser tests need " + " and ".join(missing)
        if os.environ.get("SAFETYKG_REQUIRE_CHROMIUM"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            args=ARGS,
            headless=True,
            viewport=DESKTOP,
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def browser_page(browser_context: Any, server: str) -> Iterator[Any]:
    """A fresh page; afterwards, every request it made must have gone to the test server, and no script error,
    refused resource or policy violation may have reached its console.

    The one console error not counted is Chromium's note that a page the test navigated to answered with an error
    status (a 404 page, a 400 for a value not understood): that status is the test's to check, ``goto`` returns it.
    A style sheet, script or image of the page answering so is counted.
    """
    page = browser_context.new_page()
    requests: list[str] = []
    documents: set[str] = set()  # the URLs of the main frame's navigations
    messages: list[tuple[str, str]] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on(
        "response",
        lambda response: (
            documents.add(response.url)
            if response.request.is_navigation_request() and response.frame == page.main_frame
            else None
        ),
    )
    page.on(
        "console",
        lambda message: (
            messages.append((message.text, message.location.get("url", ""))) if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: messages.append((f"uncaught: {error}", "")))
    try:
        yield page
    finally:
        page.close()
    outside = [url for url in requests if not url.startswith(server + "/")]
    assert not outside, f"requests left the test server: {outside}"
    errors = [
        f"{text} ({url})" if url else text
        for text, url in messages
        if not (text.startswith(FAILED_LOAD) and url in documents)
    ]
    assert not errors, f"console errors: {errors}"


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """What axe-core finds on the page as it is: ``axe.run()`` on the document, with every rule it runs by default
    (none disabled, nothing excluded); each violation's rule id, impact, help and the elements it concerns.

    The pages' Content-Security-Policy (default-src 'self') refuses inline scripts, and ``add_script_tag(path=...)``
    inlines the file, so axe is evaluated through the DevTools protocol instead (``page.evaluate``), which the
    policy does not govern: no ``bypass_csp``, the page is checked with its policy in force.
    """
    page.evaluate(AXE.read_text(encoding="utf-8"))
    assert page.evaluate("axe.version") == AXE_VERSION
    found: list[dict[str, Any]] = page.evaluate(
        """async () => (await axe.run(document)).violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html, summary: n.failureSummary})),
        }))"""
    )
    return found


def screenshot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)
