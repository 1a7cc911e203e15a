"""What the interpreter finds and gives: spans of the text, values found in it (``Mention``), clauses set aside
(``Asides``), a question read with its values (``Reading``), what a check of the best reading's rivals reads
(``Contest``), and the interpretation published (``Interpretation``) with why it has no answer (``explain``)."""

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str  # as typed

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Mention:
    """A value found in the text: where, and every (type, IRI) its words are a label of."""

    span: Span
    senses: tuple[tuple[str, str], ...]

    def iris(self, kind: str) -> set[str]:
        return {iri for k, iri in self.senses if k == kind}


@dataclass(frozen=True)
class Asides:
    """Clauses of a question whose words are not what it asks, found once per question: saying what the answer is for
    (``purposes``), saying their words are not wanted (``dismissed``), citing a work in brackets (``cited``), saying
    the frame it is asked in (``framing``), and setting the case it is asked of (``supposed``)."""

    purposes: list[Span]
    dismissed: list[Span]
    cited: list[Span]
    framing: list[Span]
    supposed: list[Span] = field(default_factory=list)


@dataclass
class Reading:
    question: str
    params: dict[str, str]
    score: float
    cue: float
    evidence: list[dict[str, Any]]
    missing: list[str] = field(default_factory=list)  # required parameters with no value
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # a parameter with several values
    doubts: list[str] = field(default_factory=list)  # free-text values that look like no term of the rules
    terms: list[Span] = field(default_factory=list)  # where its free-text values stand
    aside: list[tuple[str, str]] = field(default_factory=list)  # (organ, words): named, yet not its value
    values: list[Span] = field(default_factory=list)  # the words of the values it takes
    left: list[Span] = field(default_factory=list)  # a department named by its place and kind, left aside (a doubt)

    def as_alternative(self, confidence: float) -> dict[str, Any]:
        return {"question": self.question, "params": dict(self.params), "confidence": round(confidence, 3)}


@dataclass
class Interpretation:
    """The contract of ``safetykg interpret``, ``GET /interpret`` and the search page."""

    question: str | None
    params: dict[str, str]
    confident: bool
    confidence: float
    evidence: list[dict[str, Any]]
    alternatives: list[dict[str, Any]]
    missing: list[dict[str, str]] = field(default_factory=list)  # why it is not confident: (reason, detail)

    def as_json(self) -> dict[str, Any]:
        """Exactly the published contract's keys (``missing`` is said in words by the CLI and the pages)."""
        return {
            "question": self.question,
            "params": self.params,
            "confident": self.confident,
            "confidence": self.confidence,
            "evidence": self.evidence,
            "alternatives": self.alternatives,
        }


Phrases = tuple[list[tuple[float, Span, dict[str, Span]]], list[tuple[Span, bool]]]


@dataclass(frozen=True)
class Contest:
    """What a check of whether a reading stands in the best one's way reads: the words (as given and normalised), the
    best reading, every reading ranked, the best one's rivals, each question's phrases found, and the values said."""

    text: str
    typed: str
    best: Reading
    readings: list[Reading]
    rivals: list[Reading]
    found: dict[str, Phrases]
    mentions: list[Mention]
