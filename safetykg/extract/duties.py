"""Who must do what: duties, their bearers, domains, kinds, levels and frequencies, and designations.

Duties are read from the chapters on duties (职责): one per item, or per sub-item where an item has
them, or per paragraph where there are no items. A paragraph that introduces items ("…主要包括：")
names their bearer; a full sentence before items is a duty of its own (as in a rule whose article opens with one).
Designations ("X部门是…领域的负有安全监管职责的部门") are read from the same chapters.
"""

import re
from dataclasses import dataclass, field

from safetykg.corpus.model import Article, Item, ParsedDocument
from safetykg.corpus.passages import DUTY_CHAPTER, passages
from safetykg.corpus.provisions import ProvisionRef
from safetykg.extract.bearers import Bearer, BearerReader, LevelQualifier
from safetykg.extract.frequency import Frequency, find_frequencies
from safetykg.lexicon.vocabulary import Concept, Vocabulary

_DESIGNATION = re.compile(r"是([^，。是]*?)(负有安全监管职责的部门|行业主管部门|综合监管部门|行业的主管部门)")
_COMPREHENSIVE = re.compile(r"([^，。]*?部门)对本地区安全生产工作实施综合监管")
_DESIGNATION_TYPES = {
    "负有安全监管职责的部门": "supervisory-department",
    "行业主管部门": "industry-authority",
    "行业的主管部门": "industry-authority",
    "综合监管部门": "comprehensive-supervisor",
}


@dataclass
class Duty:
    ref: ProvisionRef
    text: str
    bearer: Bearer
    domains: list[Concept]
    kind: Concept | None
    level: LevelQualifier | None
    shared: bool = False  # the provision names several bearers: one duty each


@dataclass
class Designation:
    ref: ProvisionRef
    organ_kind: Concept
    type_slug: str
    domains: list[Concept]
    text: str


@dataclass
class ProvisionFrequency:
    ref: ProvisionRef
    frequency: Frequency


@dataclass
class Extraction:
    doc_id: str
    duties: list[Duty] = field(default_factory=list)
    designations: list[Designation] = field(default_factory=list)
    frequencies: list[ProvisionFrequency] = field(default_factory=list)


class DutyExtractor:
    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.bearers = BearerReader(vocabulary)
        self.domains = vocabulary.matcher("domains")
        self.duty_kinds = vocabulary.in_scheme("duty-kinds")
        self.wording = self.bearers.wording

    def extract(self, doc: ParsedDocument) -> Extraction:
        out = Extraction(doc.doc_id)
        out.frequencies = [
            ProvisionFrequency(p.ref, f) for p in passages(doc) for f in find_frequencies(p.text, self.wording)
        ]
        for chapter in doc.chapters:
            if DUTY_CHAPTER in chapter.title:
                for article in chapter.articles:
                    self._article_duties(doc.doc_id, article, out)
                    self._designations(doc.doc_id, article, out)
        return out

    def _article_duties(self, doc_id: str, article: Article, out: Extraction) -> None:
        single = len(article.paragraphs) == 1
        article_bearers: list[Bearer] = []
        for paragraph in article.paragraphs:
            ref = ProvisionRef(doc_id, article.number, None if single else paragraph.number)
            subject = _subject(paragraph.text)
            bearers = self.bearers.read(subject) or article_bearers
            level = self.bearers.level_qualifier(subject)
            if not article_bearers:
                article_bearers = bearers
            if not paragraph.text.endswith("："):
                self._add(out, ref, paragraph.text, bearers, level)
            for item in paragraph.items:
                self._item_duties(
                    out, ProvisionRef(doc_id, article.number, ref.paragraph, item.number), item, bearers, level
                )

    def _item_duties(
        self, out: Extraction, ref: ProvisionRef, item: Item, bearers: list[Bearer], level: LevelQualifier | None
    ) -> None:
        role = self.bearers.role_at_start(item.text)
        if role is not None:
            bearers = [Bearer(b.organ_kind, role) for b in bearers]
        if not item.subitems:
            self._add(out, ref, item.text, bearers, level)
            return
        if not item.text.endswith("："):
            self._add(out, ref, item.text, bearers, level)
        for sub in item.subitems:
            sub_ref = ProvisionRef(ref.doc_id, ref.article, ref.paragraph, ref.item, sub.number)
            self._add(out, sub_ref, sub.text, bearers, level)

    def _add(
        self, out: Extraction, ref: ProvisionRef, text: str, bearers: list[Bearer], level: LevelQualifier | None
    ) -> None:
        for bearer in bearers:
            out.duties.append(
                Duty(
                    ref, text, bearer, self.domains.concepts_in(text), self._kind(text), level, shared=len(bearers) > 1
                )
            )

    def _kind(self, text: str) -> Concept | None:
        """The duty kind whose cue word comes first in the text (the duty's main verb)."""
        best: tuple[int, int, str] | None = None
        chosen = None
        for kind in self.duty_kinds:
            for cue in kind.cue_words:
                position = text.find(cue)
                if position != -1:
                    key = (position, -len(cue), str(kind.iri))
                    if best is None or key < best:
                        best, chosen = key, kind
        return chosen

    def _designations(self, doc_id: str, article: Article, out: Extraction) -> None:
        single = len(article.paragraphs) == 1
        for paragraph in article.paragraphs:
            ref = ProvisionRef(doc_id, article.number, None if single else paragraph.number)
            for sentence in re.findall(r"[^。]+", paragraph.text):
                out.designations += self._sentence_designations(ref, sentence)

    def _sentence_designations(self, ref: ProvisionRef, sentence: str) -> list[Designation]:
        found: list[Designation] = []
        subject = sentence.split("是", 1)[0]
        organs = self.bearers.organs.concepts_in(subject) if "是" in sentence else []
        if len(organs) == 1:
            for match in _DESIGNATION.finditer(sentence):
                type_label = match.group(2)
                # match domains in the whole clause: "是水行业主管部门" names 水行业 across the type's label
                domains = self.domains.concepts_in(match.group(0))
                found.append(
                    Designation(ref, organs[0], _DESIGNATION_TYPES[type_label], domains, subject + match.group(0))
                )
        for match in _COMPREHENSIVE.finditer(sentence):
            subject_organs = self.bearers.organs.concepts_in(match.group(1))
            if subject_organs:
                found.append(Designation(ref, subject_organs[-1], "comprehensive-supervisor", [], match.group(0)))
        return found


def _subject(text: str) -> str:
    """The part of a paragraph that names its bearer: up to the first comma, or up to "还应包括"."""
    head = text.split("还应包括")[0]
    if re.match(r"^[^，。]*?是[^，。]*部门[，。]", head):
        return head  # "X是…部门，其主要负责人的…": the designation sentence names organ and role
    return re.split(r"[，。：]", head, maxsplit=1)[0]
