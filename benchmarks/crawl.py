"""Crawl the pages from / and follow every internal link: every answer must be 200; report the slowest pages.

Query strings count (``?lang=en`` is a page of its own); downloads (``/download/…`` files and ``format=`` answers
other than html) are not followed. Distinct URLs are bounded (5,000 by default). The server's own time for each
page is read from its ``Server-Timing`` header (``app;dur=…``), so the figures are the server's, not the network's.

Run against a running server: ``python benchmarks/crawl.py http://127.0.0.1:8000 [--limit 5000]``.
"""

import argparse
import html
import re
import sys
import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

_HREF = re.compile(r'\b(?:href|src)="([^"]+)"')
_DURATION = re.compile(r"\bapp;dur=([0-9.]+)")


@dataclass
class Crawl:
    seen: int = 0
    failures: list[tuple[int, str, str]] = field(default_factory=list)  # status, URL, the page that links to it
    timings: list[tuple[float, str]] = field(default_factory=list)  # server milliseconds, URL
    missing_timing: list[str] = field(default_factory=list)

    def slowest(self, count: int = 10) -> list[tuple[float, str]]:
        return sorted(self.timings, reverse=True)[:count]


def followed(url: str) -> bool:
    parts = urlsplit(url)
    if parts.path.startswith("/download/") and parts.path != "/download/":
        return False
    return not ("format=" in parts.query and "format=html" not in parts.query)


def crawl(base: str, limit: int = 5000) -> Crawl:
    host = urlsplit(base).netloc
    result = Crawl()
    queue: deque[tuple[str, str]] = deque([("/", "")])
    queued = {"/"}
    while queue and result.seen < limit:
        path, referrer = queue.popleft()
        result.seen += 1
        request = urllib.request.Request(base + path, headers={"Accept": "text/html,*/*;q=0.8"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                body, media, timing = response.read(), response.headers.get("content-type", ""), response.headers
        except urllib.error.HTTPError as err:
            result.failures.append((err.code, path, referrer))
            continue
        found = _DURATION.search(timing.get("server-timing", ""))
        if found:
            result.timings.append((float(found.group(1)), path))
        else:
            result.missing_timing.append(path)
        if "html" not in media:
            continue
        for href in _HREF.findall(body.decode("utf-8", "replace")):
            target = urlsplit(urljoin(base + path, html.unescape(href)))
            if target.netloc != host:
                continue
            local = target.path + (f"?{target.query}" if target.query else "")
            if local not in queued and followed(local):
                queued.add(local)
                queue.append((local, path))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the server, e.g. http://127.0.0.1:8000")
    parser.add_argument("--limit", type=int, default=5000, help="distinct URLs to visit at most")
    args = parser.parse_args()
    result = crawl(args.base.rstrip("/"), args.limit)
    print(f"{result.seen} distinct URLs seen, {len(result.failures)} not 200")
    for status, url, referrer in result.failures[:50]:
        print(f"  {status} {url} (linked from {referrer})")
    print("slowest ten (server time, Server-Timing):")
    for milliseconds, url in result.slowest():
        print(f"  {milliseconds:8.1f} ms  {url}")
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.exit(main())
