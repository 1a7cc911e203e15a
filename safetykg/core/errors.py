"""safetykg's errors: one base class; a source error names the file, the line and what was expected."""

from pathlib import Path


class SafetykgError(Exception):
    """Every error safetykg raises on purpose derives from this one."""


class SourceError(SafetykgError):
    """A source document or data file does not have the shape the build expects."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        super().__init__(f"{self.path}:{line}: {message}")
