"""What the tests of layouts share: the packaged layout, a text parsed as add-source parses it, and a test rule's
file (tests/rules/)."""

from pathlib import Path

from safetykg.core.resources import packaged
from safetykg.corpus.layout import load_layout
from safetykg.corpus.model import ParsedDocument
from safetykg.corpus.parser import SourceProfile, parse_document

LAYOUT = load_layout(packaged("sources") / "layout.toml")
RULES = Path(__file__).resolve().parent / "rules"


def parse_text(text: str, doc_id: str = "test", path: Path = Path("test.txt")) -> ParsedDocument:
    """A text parsed with the packaged layout, as add-source parses a rule."""
    return parse_document(doc_id, path, text, SourceProfile(layout=LAYOUT))


def parse_rule(rule: str) -> ParsedDocument:
    """A test rule (tests/rules/<rule>.txt) parsed with the packaged layout."""
    path = RULES / f"{rule}.txt"
    return parse_text(path.read_text(encoding="utf-8"), rule, path)


def last_article_and_after(lines: list[str]) -> tuple[list[str], str]:
    """The paragraphs of the last article of a text (its lines) parsed with the packaged layout, and what follows the
    rule (its closing matter)."""
    doc = parse_text("\n".join(lines))
    return [paragraph.text for paragraph in doc.articles[-1].paragraphs], doc.trailing
