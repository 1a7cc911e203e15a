"""The layout of a published snapshot (dist/): its file names, and reading its manifest.

Both sides know this layout: the build writes it, and the serving side, the query layer and
deployment read it, without importing the build.
"""

import json
from pathlib import Path
from typing import Any

DUMP = "safetykg.nq"
STORE = "store"  # the on-disk store, loaded from DUMP by the build and opened read-only by the server
MANIFEST = "manifest.json"
PUBLISHED_FORMATS = ("ttl", "jsonld")
EXPORT_FORMATS = ("jsonld", "nq", "nt", "trig", "ttl", "xml")  # what `safetykg export` writes
REPORT_FORMATS = ("json", "csv", "md", "html", "svg", "ttl")  # the validation report's formats
REPORT_FILES = (
    ("validation.ttl", "zh", "ttl"),
    ("validation.json", "zh", "json"),
    ("validation.en.json", "en", "json"),
    ("validation.csv", "zh", "csv"),
    ("validation.md", "zh", "md"),
    ("validation.en.md", "en", "md"),
    ("validation.html", "zh", "html"),
    ("validation.en.html", "en", "html"),
    ("validation.svg", "zh", "svg"),
)


def read_manifest(dist: Path) -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads((dist / MANIFEST).read_text(encoding="utf-8"))
    return manifest


def graph_counts(manifest: dict[str, Any]) -> dict[str, int]:
    return {str(graph): int(count) for graph, count in manifest["graphs"].items()}


def expected_counts(dist: Path) -> dict[str, int]:
    """The build's named graphs and their triple counts, from its manifest."""
    return graph_counts(read_manifest(dist))
