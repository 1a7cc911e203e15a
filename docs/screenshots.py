"""Take the screenshots of the docs' pages gallery (docs/pages.md): one page of each kind in Chinese, in English
and on a phone, from a running server. Run: ``python docs/screenshots.py http://127.0.0.1:8000``.

Debian's Chromium, driven by Playwright, as in the browser tests; nothing is fetched from another host.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent / "assets" / "screens"
PAGES = {
    "home": "/",
    "question": "/ask/departments-regulating-hazard?jurisdiction=xinjiang&hazard=fireworks&ask=1",
    "grid": "/ask/compare-frequencies?activity=meeting&role=principal-leader&ask=1",
    "reader": "/read/xinjiang-2018?article=78",
    "search": "/search?q=新疆哪些部门负责烟花爆竹监管",
    "entity": "/id/organ/xinjiang/public-security",
    "compare": "/compare?role=principal-leader",
    "completeness": "/completeness",
    "editor": "/sparql",
    "not-found": "/no-such-page",
}
VIEWS = {
    "zh": ({"width": 1280, "height": 900}, "zh"),
    "en": ({"width": 1280, "height": 900}, "en"),
    "phone": ({"width": 390, "height": 844}, "zh"),
}


def main(base: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--headless=new", "--no-sandbox"]
        )
        for view, (size, lang) in VIEWS.items():
            context = browser.new_context(viewport=size, locale="zh-CN" if lang == "zh" else "en-US")
            page = context.new_page()
            for name, path in PAGES.items():
                url = base + path + ("&" if "?" in path else "?") + f"lang={lang}"
                page.goto(url)
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(OUT / f"{name}-{view}.png"), full_page=False)
            context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"))
