"""Answers kept in memory: the published snapshot never changes while it is served, so the same query asked
again (the same SPARQL text, dataset and format, or the same question with the same values) has the same answer.

The cache holds the workers' replies to ``sparql`` and ``question`` jobs, keyed by the snapshot (the canonical
N-Quads sha256) and the whole job (the query with its surrounding whitespace and line endings normalised, the
format, the graphs, the row cap and answer limit). It is bounded in bytes (the setting ``answer_cache_bytes``):
the least recently used answers go first, and an answer larger than an eighth of the bound is never kept.
Errors are never kept. A hit skips the worker pool, never the guard: every query is checked before it is looked
up, and the deadline, row cap and answer limit shaped the answer when it was made.
"""

import json
from collections import OrderedDict
from typing import Any

CACHED_JOBS = ("sparql", "question")


class AnswerCache:
    def __init__(self, snapshot: str, limit: int) -> None:
        self.snapshot, self.limit = snapshot, limit
        self.kept: OrderedDict[str, tuple[dict[str, Any], int]] = OrderedDict()
        self.size = 0
        self.hits = self.misses = 0

    def key(self, job: dict[str, Any]) -> str | None:
        """The key of a job whose answer may be kept, or None."""
        if self.limit <= 0 or job.get("op") not in CACHED_JOBS:
            return None
        normal = dict(job)
        if isinstance(normal.get("query"), str):
            normal["query"] = normal["query"].replace("\r\n", "\n").strip()
        return self.snapshot + "\n" + json.dumps(normal, sort_keys=True, ensure_ascii=False)

    def get(self, key: str) -> dict[str, Any] | None:
        found = self.kept.get(key)
        if found is None:
            self.misses += 1
            return None
        self.kept.move_to_end(key)
        self.hits += 1
        return found[0]

    def put(self, key: str, reply: dict[str, Any]) -> None:
        if "error" in reply:
            return
        size = _size(reply) + len(key)
        if size > self.limit // 8:
            return
        if key in self.kept:
            self.size -= self.kept.pop(key)[1]
        self.kept[key] = (reply, size)
        self.size += size
        while self.size > self.limit and self.kept:
            _, (_, dropped) = self.kept.popitem(last=False)
            self.size -= dropped


def _size(reply: dict[str, Any]) -> int:
    """About how many bytes a reply holds: its body, or its rows as JSON."""
    body = reply.get("body")
    if isinstance(body, (bytes, str)):
        return len(body) + 256
    return len(json.dumps(reply, ensure_ascii=False).encode()) + 256
