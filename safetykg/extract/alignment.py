"""Local against national: which national provision each local article and duty takes up, and how closely.

Chinese has no spaces between words, so texts are compared as bags of overlapping character bigrams
(no segmenter, no whitespace tokens). The method (documented in data/lexicon/alignment.ttl):

1. a text keeps only its Chinese characters, letters and digits, and is cut into character bigrams;
2. each bigram weighs (1 + ln tf) × (ln(N / (1 + df)) + 1), df counted over the N articles of all five
   rules, so that the words every article uses (安全生产, 领导干部) count for little;
3. the score of a local and a national provision is the cosine of their vectors, plus a structural cue:
   +0.1 when both sit in chapters of the same function (general, duties, assessment, rewards,
   accountability, final), −0.1 otherwise; and 0 when both carry duties whose bearers differ in organ
   or role (a department head's duties are not a Party secretary's, however alike the words);
4. a local provision is aligned with its best national provision, and with any other within 90% of the
   best, if the score reaches the threshold; otherwise it is a local addition;
5. the relation follows from the bigram sets: repeats when the local text keeps ≥ 80% of the national
   bigrams and ≤ 25% of its own are new, elaborates when it keeps ≥ 50% and adds more, else implements.

National articles that no local article is aligned with are the ones the local rule does not take up.
"""

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from safetykg.corpus.model import ParsedDocument
from safetykg.corpus.passages import heading, passages
from safetykg.corpus.provisions import ProvisionRef
from safetykg.extract.duties import Duty, Extraction

ARTICLE_THRESHOLD = 0.2
DUTY_THRESHOLD = 0.25
SECOND_BEST = 0.9
SECTION_WEIGHT = 0.1
_NOT_TEXT = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]")
# the function of a chapter, from the words of its title (the first cue found wins)
SECTION_CUES: tuple[tuple[str, str], ...] = (
    ("总则", "general"),
    ("职责", "duties"),
    ("考核", "assessment"),
    ("考察", "assessment"),
    ("监督检查", "assessment"),
    ("表彰", "rewards"),
    ("奖励", "rewards"),
    ("追究", "accountability"),
    ("问责", "accountability"),
    ("免责", "accountability"),
    ("附则", "final"),
)

Bearers = frozenset[tuple[str, str | None]]  # (organ kind IRI, role IRI or None)


@dataclass(frozen=True)
class Unit:
    """A text to align: an article, or a national passage a duty may take up."""

    ref: ProvisionRef
    text: str
    section: str
    bearers: Bearers


@dataclass(frozen=True)
class Link:
    national: ProvisionRef | None  # None: a local addition
    similarity: float  # the cosine of the two texts' bigram vectors, 0 to 1
    score: float  # the similarity with the structural cues, which decides the alignment
    relation: str  # repeats, elaborates, implements or local-addition
    coverage: float  # share of the national provision's bigrams the local text keeps
    novelty: float  # share of the local text's bigrams that are new


@dataclass
class AlignmentResult:
    doc_id: str
    national_id: str
    articles: dict[ProvisionRef, list[Link]] = field(default_factory=dict)
    duties: list[tuple[Duty, list[Link]]] = field(default_factory=list)
    not_taken_up: list[ProvisionRef] = field(default_factory=list)  # national articles and duty passages


def bigrams(text: str) -> Counter[str]:
    chars = _NOT_TEXT.sub("", text)
    return Counter(chars[i : i + 2] for i in range(len(chars) - 1))


def section_of(chapter_title: str) -> str:
    return next((section for cue, section in SECTION_CUES if cue in chapter_title), "other")


class Aligner:
    """Holds the bigram weights of the corpus; aligns one local rule with the national rule at a time."""

    def __init__(self, documents: Mapping[str, ParsedDocument]) -> None:
        texts = [a.full_text() for doc in documents.values() for a in doc.articles]
        frequency: Counter[str] = Counter()
        for text in texts:
            frequency.update(set(bigrams(text)))
        self.idf = {gram: math.log(len(texts) / (1 + df)) + 1 for gram, df in frequency.items()}
        self.default_idf = math.log(len(texts)) + 1
        self._vectors: dict[str, dict[str, float]] = {}

    def vector(self, text: str) -> dict[str, float]:
        if text not in self._vectors:
            weights = {g: (1 + math.log(tf)) * self.idf.get(g, self.default_idf) for g, tf in bigrams(text).items()}
            self._vectors[text] = weights
        return self._vectors[text]

    def align(
        self, national: ParsedDocument, national_duties: Extraction, local: ParsedDocument, local_duties: Extraction
    ) -> AlignmentResult:
        result = AlignmentResult(local.doc_id, national.doc_id)
        national_articles = _articles(national, national_duties)
        for unit in _articles(local, local_duties):
            result.articles[unit.ref] = self.best(unit, national_articles, ARTICLE_THRESHOLD)
        national_passages = _passages(national, national_duties)
        chapters = {(a.number, a.inserted): section_of(heading(c, a)) for c in local.chapters for a in c.articles}
        for duty in local_duties.duties:
            unit = Unit(duty.ref, duty.text, chapters[duty.ref.article_key], _bearers([duty]))
            result.duties.append((duty, self.best(unit, national_passages, DUTY_THRESHOLD)))
        taken = {link.national for links in result.articles.values() for link in links}
        taken |= {link.national for _, links in result.duties for link in links}
        taken_articles = {ref.article_key for ref in taken if ref is not None}
        result.not_taken_up = [u.ref for u in national_articles if u.ref.article_key not in taken_articles]
        result.not_taken_up += [u.ref for u in national_passages if u.bearers and u.ref not in taken]
        return result

    def best(self, unit: Unit, candidates: list[Unit], threshold: float) -> list[Link]:
        """The national units the local unit is aligned with, best first; a local addition when none reaches the threshold."""
        vector = self.vector(unit.text)
        scored = sorted(
            ((*self.score(vector, unit, other), index) for index, other in enumerate(candidates)),
            key=lambda entry: (-entry[0], entry[2]),
        )
        top, top_similarity = (scored[0][0], scored[0][1]) if scored else (0.0, 0.0)
        chosen = [(s, c, candidates[i]) for s, c, i in scored if s >= threshold and s >= SECOND_BEST * top]
        if not chosen:
            return [Link(None, round(top_similarity, 3), round(max(top, 0.0), 3), "local-addition", 0.0, 1.0)]
        return [self._link(unit, other, s, c) for s, c, other in chosen]

    def score(self, vector: dict[str, float], unit: Unit, other: Unit) -> tuple[float, float]:
        """The alignment score (similarity with the structural cues) and the similarity of two units."""
        if unit.bearers and other.bearers and not _same_bearer(unit.bearers, other.bearers):
            return 0.0, 0.0
        similarity = _cosine(vector, self.vector(other.text))
        cue = SECTION_WEIGHT if unit.section == other.section else -SECTION_WEIGHT
        return similarity + cue, similarity

    def _link(self, unit: Unit, other: Unit, score: float, similarity: float) -> Link:
        mine, theirs = set(bigrams(unit.text)), set(bigrams(other.text))
        shared = len(mine & theirs)
        coverage = shared / len(theirs) if theirs else 0.0
        novelty = 1 - shared / len(mine) if mine else 0.0
        if coverage >= 0.8 and novelty <= 0.25:
            relation = "repeats"
        elif coverage >= 0.5:
            relation = "elaborates"
        else:
            relation = "implements"
        return Link(other.ref, round(similarity, 3), round(score, 3), relation, round(coverage, 3), round(novelty, 3))


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(weight * b.get(gram, 0.0) for gram, weight in a.items())
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def _same_bearer(mine: Bearers, theirs: Bearers) -> bool:
    """Some bearer of each side is in the same organ kind, with the same role or no role (an organ bearer)."""
    return any(o1 == o2 and (r1 == r2 or r1 is None or r2 is None) for o1, r1 in mine for o2, r2 in theirs)


def _bearers(duties: list[Duty]) -> Bearers:
    return frozenset((str(d.bearer.organ_kind.iri), str(d.bearer.role.iri) if d.bearer.role else None) for d in duties)


def _articles(doc: ParsedDocument, extraction: Extraction) -> list[Unit]:
    by_article: dict[tuple[int, int], list[Duty]] = {}
    for duty in extraction.duties:
        by_article.setdefault(duty.ref.article_key, []).append(duty)
    return [
        Unit(
            ProvisionRef.of(doc.doc_id, a),
            a.full_text(),
            section_of(heading(c, a)),
            _bearers(by_article.get((a.number, a.inserted), [])),
        )
        for c in doc.chapters
        for a in c.articles
    ]


def _passages(doc: ParsedDocument, extraction: Extraction) -> list[Unit]:
    """The national passages a local duty may take up: every passage that is not a list heading."""
    by_ref: dict[ProvisionRef, list[Duty]] = {}
    for duty in extraction.duties:
        by_ref.setdefault(duty.ref, []).append(duty)
    return [
        Unit(p.ref, p.text, section_of(heading(p.chapter, p.article)), _bearers(by_ref.get(p.ref, [])))
        for p in passages(doc)
        if not p.text.endswith("：")
    ]
