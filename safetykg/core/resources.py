"""Where safetykg's data lives: the folders packaged with it, and a user's data folder merged over them.

The packaged data (``safetykg/data/``: sources, lexicon, queries, ontology, shapes) is read with
``importlib.resources``, so an installed wheel works from any folder. A user's data folder, given
with ``--data DIR`` or ``SAFETYKG_DATA``, holds ``sources/``, ``lexicon/`` and ``queries/`` laid out
like the packaged ones (and optionally ``requirements/``): a user's file adds to the packaged files, or replaces the packaged file of
the same name. Nothing is ever written into the package.
"""

import os
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from safetykg.core.errors import SafetykgError, SourceError

DATA_ENVIRONMENT = "SAFETYKG_DATA"
KINDS = ("sources", "lexicon", "queries", "requirements", "ontology", "shapes")
USER_KINDS = ("sources", "lexicon", "queries", "requirements")

Folders = Path | Sequence[Path]
_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


class DataFolderError(SafetykgError):
    """A user's data folder that cannot be used (missing, or not laid out like the packaged data)."""


def packaged(kind: str) -> Path:
    """The packaged folder of one kind of data."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of data {kind!r}; expected one of {', '.join(KINDS)}")
    return Path(str(files("safetykg").joinpath("data", kind)))


@dataclass(frozen=True)
class DataFolders:
    """The packaged data, with a user's folder (or none) merged over it."""

    user: Path | None = None

    def layers(self, kind: str) -> list[Path]:
        """The folders of one kind, packaged first; later folders win."""
        folders = [packaged(kind)]
        if self.user is not None and kind in USER_KINDS and (self.user / kind).is_dir():
            folders.append(self.user / kind)
        return folders


def data_folders(user: str | Path | None = None, environ: Mapping[str, str] | None = None) -> DataFolders:
    """The data folders for a command: ``user`` (from --data), else $SAFETYKG_DATA, else packaged only."""
    environ = os.environ if environ is None else environ
    chosen = user if user else environ.get(DATA_ENVIRONMENT) or None
    if chosen is None:
        return DataFolders()
    folder = Path(chosen).expanduser()
    if not folder.is_dir():
        raise DataFolderError(f"data folder {folder} does not exist")
    if not any((folder / kind).is_dir() for kind in USER_KINDS):
        raise DataFolderError(f"data folder {folder} has none of {', '.join(k + '/' for k in USER_KINDS)}")
    return DataFolders(folder.resolve())


def as_layers(folders: Folders) -> list[Path]:
    return [folders] if isinstance(folders, Path) else list(folders)


def merged_files(folders: Folders, pattern: str) -> list[Path]:
    """The files matching a pattern across layered folders, by name, a later folder's file replacing an earlier's."""
    chosen: dict[str, Path] = {}
    for folder in as_layers(folders):
        for path in sorted(folder.glob(pattern)):
            chosen[path.name] = path
    return [chosen[name] for name in sorted(chosen)]


def read_toml(path: Path, error: type[SourceError] = SourceError) -> dict[str, Any]:
    """A data file's TOML; text that is not TOML is an ``error`` naming the file and the line."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        # the line is an attribute from Python 3.14; before, only the message says it ("… (at line 3, column 14)")
        said = _TOML_LINE.search(str(err))
        line = getattr(err, "lineno", None) or (int(said.group(1)) if said else 1)
        raise error(path, line, f"not valid TOML: {err}") from err


def find_file(folders: Folders, name: str) -> Path | None:
    """The last layer's file of that name, or None."""
    for folder in reversed(as_layers(folders)):
        if (folder / name).is_file():
            return folder / name
    return None
