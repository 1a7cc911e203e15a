"""The SPARQL editor at /sparql: CodeMirror 6 vendored from npm (safetykg/web/static/vendor/, its recipe in
tools/editor-bundle/), completing the graph's classes and properties offline; running a query, sorting its results,
downloading them as CSV and keeping the query in the URL; under the page's Content-Security-Policy, with nothing
from another host (the guards of tests/ui_browser.py) and nothing serious for axe-core.
"""

import csv
import io
import json
import re
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from safetykg.core.namespaces import ID, SKG
from safetykg.web.hygiene import CSP
from tests.ui_browser import ARTIFACTS, axe_violations, browser_context, browser_page, screenshot

__all__ = ["browser_context", "browser_page"]
ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "safetykg" / "web" / "static" / "vendor"
RECIPE = ROOT / "tools" / "editor-bundle"
HTML = {"Accept": "text/html"}
XINJIANG = (ROOT / "safetykg" / "data" / "sources" / "xinjiang-2018.txt").read_text(encoding="utf-8")
FIREWORKS_ITEMS = f"""PREFIX skg: <{SKG}>
SELECT ?provision ?text WHERE {{
  ?provision a skg:Item ; skg:text ?text .
  FILTER(CONTAINS(?text, "烟花爆竹"))
}}"""


def squeezed(text: str) -> str:
    return "".join(text.split())


def embedded(html: str, element: str) -> Any:
    """The JSON of a <script type="application/json" id=...> element of a page."""
    found = re.search(rf'<script type="application/json" id="{element}">(.*?)</script>', html, re.S)
    assert found, element
    return json.loads(found.group(1))


# ---- the page as served ---------------------------------------------------------------------------------------


def test_the_page_embeds_the_vocabulary_of_the_graph(server: str) -> None:
    html = httpx.get(server + "/sparql", headers=HTML).text
    vocabulary = embedded(html, "vocabulary-data")
    terms = {term["iri"]: term for term in vocabulary["terms"]}
    bearer = terms[SKG + "bearer"]  # skg:bearer, with its labels from the ontology and how often the graph uses it
    assert bearer["kind"] == "property" and bearer["zh"] and bearer["en"] == "bearer" and bearer["uses"] > 0
    assert terms[SKG + "text"]["kind"] == "property"
    assert terms[SKG + "Duty"]["kind"] == "class" and terms[SKG + "Duty"]["en"] == "Duty"
    assert vocabulary["prefixes"]["skg"] == SKG
    count = httpx.get(
        server + "/sparql",
        params={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ ?duty <{SKG}bearer> ?bearer }}"},
        headers={"Accept": "application/sparql-results+json"},
    ).json()["results"]["bindings"][0]["n"]["value"]
    assert bearer["uses"] >= int(count)  # at least its uses in the union of the graphs
    # the examples: the built-in ones and every canned question
    examples = embedded(html, "example-data")
    assert "duties-per-jurisdiction" in examples and "question:departments-regulating-hazard" in examples


def test_the_policy_allows_codemirror_styles_by_a_nonce_of_each_response(server: str) -> None:
    nonces = []
    for _ in range(2):
        response = httpx.get(server + "/sparql", headers=HTML)
        policy = response.headers["content-security-policy"]
        found = re.search(r'data-nonce="([A-Za-z0-9_-]{16,})"', response.text)
        # scripts as on every page (this server's only, none inline); style elements by nonce, style attributes
        expected = f"{CSP}; style-src 'self' 'nonce-{found.group(1)}'; style-src-attr 'unsafe-inline'"
        assert found and policy == expected and "script-src" not in policy, policy
        nonces.append(found.group(1))
    assert nonces[0] != nonces[1]
    # other pages keep the site's policy, with no nonce
    assert httpx.get(server + "/", headers=HTML).headers["content-security-policy"] == CSP


def test_the_initial_query_comes_from_the_url(server: str) -> None:
    query = "SELECT ?s WHERE { ?s ?p <" + ID + "domain/fireworks> } LIMIT 3"
    html = httpx.get(server + "/sparql", params={"edit": query}, headers=HTML).text
    found = re.search(r'<textarea id="query"[^>]*>(.*?)</textarea>', html, re.S)
    assert found and unescape(found.group(1)) == query
    html = httpx.get(server + "/sparql", params={"question": "regulation-overview"}, headers=HTML).text
    found = re.search(r'<textarea id="query"[^>]*>(.*?)</textarea>', html, re.S)
    assert found and "SELECT" in unescape(found.group(1))
    examples = embedded(html, "example-data")
    assert unescape(found.group(1)) == examples["question:regulation-overview"]["query"]


def test_the_bundle_is_pinned_licensed_and_reproducible() -> None:
    """The bundle's name carries @codemirror/view's pinned version; every package is pinned exactly, named in the
    vendor README with that version, and its licence text lies beside the bundle; node_modules is not committed."""
    package = json.loads((RECIPE / "package.json").read_text(encoding="utf-8"))
    pins = package["devDependencies"]
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", version) for version in pins.values()), pins
    bundle = VENDOR / f"codemirror-sparql.{pins['@codemirror/view']}.js"
    assert bundle.exists() and bundle.stat().st_size < 400_000
    assert (RECIPE / "package-lock.json").exists() and (RECIPE / "entry.js").exists()
    assert "node_modules/" in (RECIPE / ".gitignore").read_text(encoding="utf-8")
    lock = json.loads((RECIPE / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    versions = {path.split("node_modules/", 1)[1]: entry["version"] for path, entry in lock.items() if path}
    assert all(versions[name] == version for name, version in pins.items()), pins
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    for name, version in versions.items():  # the README names every package of the lock file, esbuild's platforms aside
        assert name.startswith("@esbuild/") or f"`{name}` | {version} |" in readme, name
    licences = (VENDOR / f"codemirror-sparql.{pins['@codemirror/view']}.LICENSE.txt").read_text(encoding="utf-8")
    headed = dict(re.findall(r"^(\S+) (\d+\.\d+\.\d+)\n=+$", licences, re.M))
    assert all(versions[name] == version for name, version in headed.items()), headed
    assert set(pins) - {"esbuild"} <= set(headed) and "style-mod" in headed
    assert "Permission is hereby granted, free of charge" in licences  # the MIT texts themselves
    text = bundle.read_text(encoding="utf-8")
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text)  # no other host named, let alone loaded
    page = (ROOT / "safetykg" / "web" / "ui_editor.py").read_text(encoding="utf-8")
    assert f"vendor/{bundle.name}" in page


# ---- in the browser ---------------------------------------------------------------------------------------------


def editor_text(page: Any) -> str:
    text: str = page.evaluate(
        "() => Array.from(document.querySelectorAll('#editor .cm-line')).map(l => l.textContent).join('\\n')"
    )
    return text


def completions(page: Any) -> list[str]:
    page.wait_for_selector(".cm-tooltip-autocomplete li")
    labels: list[str] = page.locator(".cm-tooltip-autocomplete li .cm-completionLabel").all_inner_texts()
    return labels


def replace_query(page: Any, query: str) -> None:
    page.fill("#query", query)
    assert editor_text(page) == query


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_typing_skg_offers_the_ontology(browser_page: Any, server: str, lang: str) -> None:
    browser_page.goto(f"{server}/sparql?lang={lang}")
    browser_page.wait_for_selector("#editor .cm-content")
    assert browser_page.locator("#editor textarea").count() == 0  # CodeMirror took the text area's place
    # CodeMirror's own styles were let in by the nonce (else .cm-editor would not be a flex box)
    assert browser_page.evaluate("getComputedStyle(document.querySelector('.cm-editor')).display") == "flex"
    replace_query(browser_page, "SELECT * WHERE {\n  ?duty a skg:Duty ; ")
    browser_page.keyboard.press("Control+End")
    browser_page.keyboard.type("skg:")
    offered = completions(browser_page)  # ten at a time, the most used first
    assert {"skg:text", "skg:jurisdiction"} <= set(offered) and all(o.startswith("skg:") for o in offered), offered
    details: dict[str, str] = {}
    for _ in range(40):  # down the list, as with a keyboard: the ontology's properties and classes
        browser_page.keyboard.press("ArrowDown")
        selected = browser_page.locator(".cm-tooltip-autocomplete li[aria-selected]")
        details[selected.locator(".cm-completionLabel").inner_text()] = selected.locator(
            ".cm-completionDetail"
        ).inner_text()
        if {"skg:bearer", "skg:Duty"} <= set(details):
            break
    assert {"skg:bearer", "skg:Duty"} <= set(details), details
    # each with its label in the page's language and its kind
    assert details["skg:bearer"] == ("bearer · property" if lang == "en" else "责任主体 · 属性"), details
    assert details["skg:Duty"] == ("Duty · class" if lang == "en" else "职责 · 类"), details
    assert browser_page.locator(".cm-tooltip-autocomplete li").count() <= 10
    browser_page.keyboard.type("bea")
    assert completions(browser_page)[0] == "skg:bearer"
    browser_page.keyboard.press("Enter")
    text = editor_text(browser_page)
    # no PREFIX skg: in the query yet: choosing skg:bearer added it at the top
    assert text == f"PREFIX skg: <{SKG}>\nSELECT * WHERE {{\n  ?duty a skg:Duty ; skg:bearer", text
    browser_page.keyboard.type(" ?d")
    assert "?duty" in completions(browser_page)  # the query's variables
    browser_page.keyboard.press("Escape")
    browser_page.keyboard.type(" }\nORD")
    assert "ORDER BY" in completions(browser_page)  # keywords
    screenshot(browser_page, f"editor-completion-{lang}")


def test_run_sort_download_and_permalink(browser_page: Any, server: str) -> None:
    browser_page.goto(server + "/sparql?lang=zh")
    browser_page.wait_for_selector("#editor .cm-content")
    assert browser_page.locator("#download-csv").is_disabled()  # nothing to download before a run
    replace_query(browser_page, FIREWORKS_ITEMS)
    browser_page.keyboard.press("Control+Enter")  # runs, as the Run button does
    from playwright.sync_api import expect  # not wait_for_function: it evals, which the page's policy forbids

    rows = browser_page.locator("#result-table .result-row")
    expect(rows).to_have_count(4)  # 新疆细则 第二十条 (三), 第二十二条 (三), 第三十一条 (三), 第五十五条 (一)
    links = browser_page.locator("#result-table td a")
    assert links.first.get_attribute("href").startswith("/id/regulation/xinjiang-2018/article/")
    # the page's URL is the query: reopened, it shows the same
    edit = parse_qs(urlsplit(browser_page.url).query)["edit"][0]
    assert edit == FIREWORKS_ITEMS
    assert parse_qs(urlsplit(browser_page.locator("#permalink").get_attribute("href")).query)["edit"] == [edit]
    # sorted by the text, then the other way
    browser_page.click("#result-table th:nth-child(2) button")
    assert browser_page.locator("#result-table th:nth-child(2)").get_attribute("aria-sort") == "ascending"
    texts = browser_page.locator("#result-table td:nth-child(2)").all_inner_texts()
    browser_page.click("#result-table th:nth-child(2) button")
    assert browser_page.locator("#result-table td:nth-child(2)").all_inner_texts() == texts[::-1]
    with browser_page.expect_download() as info:
        browser_page.click("#download-csv")
    download = info.value
    data = Path(download.path()).read_bytes()
    assert download.suggested_filename.endswith(".csv") and data.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert table[0] == ["provision", "text"]
    assert [row[1] for row in table[1:]] == texts[::-1]  # the rows in the order shown
    item = next(row for row in table[1:] if row[0] == ID + "regulation/xinjiang-2018/article/22/item/3")
    assert "烟花爆竹" in item[1] and squeezed(item[1]) in squeezed(XINJIANG)  # 第二十二条 (三), as the text has it
    answer = httpx.get(
        server + "/sparql", params={"query": FIREWORKS_ITEMS}, headers={"Accept": "application/sparql-results+json"}
    ).json()["results"]["bindings"]
    assert sorted(table[1:]) == sorted([b["provision"]["value"], b["text"]["value"]] for b in answer)
    browser_page.goto(browser_page.url)
    browser_page.wait_for_selector("#editor .cm-content")
    assert editor_text(browser_page) == FIREWORKS_ITEMS
    screenshot(browser_page, "editor-results")


def test_examples_fill_the_editor(browser_page: Any, server: str) -> None:
    browser_page.goto(server + "/sparql?lang=en")
    browser_page.wait_for_selector("#editor .cm-content")
    examples = embedded(browser_page.content(), "example-data")
    browser_page.select_option("#examples", "question:departments-regulating-hazard")
    assert editor_text(browser_page) == examples["question:departments-regulating-hazard"]["query"]
    browser_page.select_option("#examples", "duties-per-jurisdiction")
    browser_page.click("#run")
    from playwright.sync_api import expect

    expect(browser_page.locator("#result-table .result-row")).to_have_count(5)
    assert browser_page.locator("#status").inner_text() == "5 rows"
    href = browser_page.locator("#result-table td a").first.get_attribute("href")
    assert re.fullmatch(r"/id/jurisdiction/[a-z-]+\?lang=en", href), href  # links keep the page's language


def test_without_the_bundle_the_text_area_still_runs(browser_page: Any, server: str) -> None:
    """Should the bundle not load, the text area stays, and Run, Ctrl-Enter and the examples work on it."""
    browser_page.route("**/static/vendor/*.js", lambda route: route.fulfill(body="", content_type="text/javascript"))
    browser_page.goto(server + "/sparql")
    browser_page.wait_for_load_state()
    assert browser_page.locator("#editor .cm-editor").count() == 0
    browser_page.select_option("#examples", "duties-per-jurisdiction")
    browser_page.click("#query")
    browser_page.keyboard.press("Control+Enter")
    from playwright.sync_api import expect

    expect(browser_page.locator("#result-table .result-row")).to_have_count(5)


def _luminance(rgb: str) -> float:
    """The relative luminance of a computed colour "rgb(r, g, b)" (WCAG 2.2, definition of relative luminance)."""
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_token_colours_contrast(browser_page: Any, server: str) -> None:
    """Every kind of token CodeMirror colours (ui.css: .kw .var .iri .pn .str .cm), and the line numbers, at least
    4.5:1 on the editor's background (WCAG 1.4.3). axe measures the text it sees; this measures every kind."""
    browser_page.goto(server + "/sparql?lang=zh")
    browser_page.wait_for_selector("#editor .cm-content")
    replace_query(
        browser_page,
        f'# a comment\nPREFIX skg: <{SKG}>\nSELECT ?s WHERE {{ ?s skg:text "烟花爆竹" FILTER(CONTAINS(?s, "x")) }}',
    )
    colours = browser_page.evaluate(
        """() => {
            const background = getComputedStyle(document.querySelector("#editor .cm-editor")).backgroundColor;
            const tokens = Array.from(document.querySelectorAll("#editor .cm-content span[class]"))
                .map(s => [s.className, getComputedStyle(s).color]);
            const gutter = document.querySelector("#editor .cm-gutters");
            const number = document.querySelector("#editor .cm-gutterElement:not([style*='height: 0'])");
            return {background, tokens, gutter: [getComputedStyle(gutter).backgroundColor,
                                                  getComputedStyle(number || gutter).color]};
        }"""
    )
    background = _luminance(colours["background"])

    def ratio(a: float, b: float) -> float:
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)

    tokens = dict(colours["tokens"])
    assert {"cm", "kw", "iri", "pn", "str", "var"} <= set(tokens), tokens
    ratios = {kind: ratio(_luminance(colour), background) for kind, colour in tokens.items()}
    ratios["gutter"] = ratio(*(_luminance(c) for c in colours["gutter"]))
    assert all(value >= 4.5 for value in ratios.values()), ratios


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_axe_finds_nothing_serious_on_the_editor_at_work(browser_page: Any, server: str, lang: str) -> None:
    """axe-core on the editor with results shown and the completion list open (test_ui_tasks checks it fresh)."""
    browser_page.goto(f"{server}/sparql?lang={lang}")
    browser_page.wait_for_selector("#editor .cm-content")
    browser_page.select_option("#examples", "duties-per-jurisdiction")
    browser_page.click("#run")
    browser_page.wait_for_selector("#result-table .result-row")
    browser_page.click("#editor .cm-content")
    browser_page.keyboard.press("Control+End")
    browser_page.keyboard.type("\nskg:")
    completions(browser_page)
    found = axe_violations(browser_page)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-editor-{lang}.json").write_text(json.dumps(found, ensure_ascii=False, indent=1))
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']}: " + "; ".join(n["target"] for n in v["nodes"])
        for v in found
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(serious)
