"""What the routers of the HTTP service share: the settings, the published snapshot and the way to the workers."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from safetykg.query.questions import Question
from safetykg.web.settings import ServerSettings
from safetykg.web.ui import UI

Run = Callable[[dict[str, Any]], Awaitable[dict[str, Any]]]


@dataclass(frozen=True)
class Served:
    settings: ServerSettings
    dist: Path
    manifest: dict[str, Any]
    graphs: set[str]  # every named graph of the snapshot, declared or holding triples
    questions: dict[str, Question]
    run: Run  # hands a job to the worker pool and turns its errors into answers
    ui: UI  # the pages for people (a browser asking /sparql or /id/… gets one)
