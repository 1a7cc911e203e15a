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
from typing import Any

from safetykg.web.bounded import BytesBounded

CACHED_JOBS = ("sparql", "question")


class AnswerCache:
    def __init__(self, snapshot: str, limit: int) -> None:
        self.snapshot, self.limit = snapshot, limit
        self.answers: BytesBounded[dict[str, Any]] = BytesBounded(limit)

    @property
    def size(self) -> int:
        return self.answers.size

    @property
    def hits(self) -> int:
        return self.answers.hits

    def key(self, job: dict[str, Any]) -> str | None:
        """The key of a job whose answer may be kept, or None."""
        if self.limit <= 0 or job.get("op") not in CACHED_JOBS:
            return None
        normal = dict(job)
        if isinstance(normal.get("query"), str):
            normal["query"] = normal["query"].replace("\r\n", "\n").strip()
        return self.snapshot + "\n" + json.dumps(normal, sort_keys=True, ensure_ascii=False)

    def get(self, key: str) -> dict[str, Any] | None:
        return self.answers.get(key)

    def put(self, key: str, reply: dict[str, Any]) -> None:
        if "error" not in reply:
            self.answers.put(key, reply, _size(reply) + len(key))


def _size(reply: dict[str, Any]) -> int:
    """About how many bytes a reply holds: its body, or its rows as JSON."""
    body = reply.get("body")
    if isinstance(body, (bytes, str)):
        return len(body) + 256
    return len(json.dumps(reply, ensure_ascii=False).encode()) + 256
