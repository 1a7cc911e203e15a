"""The build's error type: every failure names the file, the line and what was expected."""

from pathlib import Path


class SourceError(Exception):
    """A source document or data file does not have the shape the build expects."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        super().__init__(f"{self.path}:{line}: {message}")
