"""Accountability in a rule: triggers, measures, circumstances, who pursues it, one-vote veto, lifetime.

Read from the chapters on accountability (责任追究, 问责, 免责), except the one-vote veto and 尽职照单免责,
which the rules also state elsewhere. Every finding keeps its provision and its exact words:

- triggers (问责情形): the items of a paragraph "…存在下列情形之一的，应当…问责：", or a paragraph
  "…不到位的，…予以责任追究" (as one rule words it);
- measures (问责方式): the terms of the accountability-measures lexicon in a clause "…采取…等方式问责"
  or "…应当予以通报", for individual leaders when the clause's object names a person, else for organs;
- circumstances: 从重 (aggravating), 从轻/减轻 (mitigating), 不予追究/尽职照单免责 (exemption), one per
  item where the paragraph lists items;
- pursuits: "由X…负责/调查处置" — the organs X;
- one-vote veto rules (一票否决) with their kind and their effects (取消…, 不得…);
- lifetime accountability ("不论是否已调离转岗、提拔或者退休") with its condition.
"""

import re
from dataclasses import dataclass, field

from safetykg.corpus.model import ParsedDocument
from safetykg.corpus.passages import Passage, passages, sentences
from safetykg.corpus.provisions import ProvisionRef
from safetykg.extract.accident_grades import AccidentGradeRule, read_accident_grades
from safetykg.extract.reporting import ReportingReader, ReportingRequirement
from safetykg.lexicon.vocabulary import Concept, Vocabulary

# The phrasings of triggers, measures, persons, pursuits, lifetime accountability, circumstances and one-vote veto
# rules are the lexicon's (accountability-phrasings.ttl, read through Wording.phrasings).
_BY_A_BODY = 4  # the group of the measure-clause phrasing "由X约谈…", read in every chapter
# the circumstance kinds, each the role of its phrasing: the first whose phrasing the provision's own text contains wins
CIRCUMSTANCE_KINDS = ("aggravating", "mitigating", "exemption")


@dataclass(frozen=True)
class Trigger:
    ref: ProvisionRef
    text: str
    number: int  # its place in the list (the item number, or 1)
    domains: tuple[Concept, ...] = ()  # the hazard and sector domains its words name (危险化学品、烟花爆竹…整治不力)


@dataclass(frozen=True)
class MeasureListing:
    ref: ProvisionRef
    clause: str
    measure: Concept
    target: str  # "individual" or "organ"
    position: int  # 1 for the first measure the clause names


@dataclass(frozen=True)
class Circumstance:
    ref: ProvisionRef
    text: str
    kind: str  # aggravating, mitigating or exemption


@dataclass(frozen=True)
class Pursuit:
    ref: ProvisionRef
    clause: str
    organs: tuple[Concept, ...]
    number: int


@dataclass(frozen=True)
class Veto:
    ref: ProvisionRef
    text: str
    kind: Concept
    effects: tuple[str, ...]


@dataclass(frozen=True)
class Lifetime:
    ref: ProvisionRef
    text: str
    condition: str


@dataclass
class Accountability:
    doc_id: str
    triggers: list[Trigger] = field(default_factory=list)
    measures: list[MeasureListing] = field(default_factory=list)
    circumstances: list[Circumstance] = field(default_factory=list)
    pursuits: list[Pursuit] = field(default_factory=list)
    vetoes: list[Veto] = field(default_factory=list)
    lifetime: list[Lifetime] = field(default_factory=list)
    accident_grades: list[AccidentGradeRule] = field(default_factory=list)
    reporting: list[ReportingRequirement] = field(default_factory=list)


class AccountabilityExtractor:
    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.measures = vocabulary.matcher("accountability-measures")
        self.organs = vocabulary.matcher("organ-kinds")
        self.roles = vocabulary.matcher("roles")
        self.domains = vocabulary.matcher("domains")
        self.veto_kinds = vocabulary.in_scheme("veto-kinds")
        self.reporting = ReportingReader(vocabulary)
        self.wording = self.reporting.wording
        self.phrasings = self.wording.phrasings  # accountability-phrasings.ttl

    def extract(self, doc: ParsedDocument) -> Accountability:
        out = Accountability(doc.doc_id)
        found = passages(doc)
        for passage in found:
            in_accountability = self._in_accountability(passage)
            if in_accountability:
                self._triggers(passage, found, out)
                self._pursuits(passage, out)
            self._measures(passage, out, every_form=in_accountability)
            self._circumstances(passage, found, out)
            if self.phrasings["veto"].search(passage.text):
                out.vetoes.append(self._veto(passage))
            lifetime = self.phrasings["lifetime"].search(passage.text)
            if lifetime:
                out.lifetime.append(Lifetime(passage.ref, passage.text, passage.text[: lifetime.start()]))
        for passage in found:
            if (
                self._in_accountability(passage)
                and passage.has_parts
                and self.phrasings["measure-list"].search(passage.text)
            ):
                self._listed_measures(passage, _parts_of(passage, found), out)
        out.accident_grades = read_accident_grades(self.vocabulary, found)
        out.reporting = self.reporting.read(found)
        return out

    def _triggers(self, passage: Passage, found: list[Passage], out: Accountability) -> None:
        if self.phrasings["not-a-trigger"].search(passage.text):
            return
        if passage.has_parts and self.phrasings["trigger-lead"].search(passage.text):
            items = _parts_of(passage, found)
            out.triggers += [
                Trigger(item.ref, item.text, item.ref.item or 1, self._domains(item.text)) for item in items
            ]
        elif (
            not passage.has_parts
            and passage.ref.item is None
            and self.phrasings["trigger-paragraph"].search(passage.text)
        ):
            out.triggers.append(Trigger(passage.ref, passage.text, 1, self._domains(passage.text)))

    def _domains(self, text: str) -> tuple[Concept, ...]:
        return tuple(self.domains.concepts_in(text))

    def _measures(self, passage: Passage, out: Accountability, every_form: bool) -> None:
        for clause in sentences(passage.text):
            position = 0
            for match in self.phrasings["measure-clause"].finditer(
                clause
            ):  # 应当责令其作出书面检查，并予以通报: two listings
                if not (every_form or match.group(_BY_A_BODY)):
                    continue
                listed = next(group for group in match.groups() if group)
                target = "individual" if self._names_a_person(clause[: match.start()]) else "organ"
                for term in self.measures.find(listed):
                    position += 1
                    out.measures.append(MeasureListing(passage.ref, clause, term.concept, target, position))

    def _listed_measures(self, lead: Passage, items: list[Passage], out: Accountability) -> None:
        """The measures of a lead-in's items, each named by the item's heading, its first sentence (（二）约谈、诫勉。
        对其进行约谈…), besides those its other sentences list."""
        target = "individual" if self._names_a_person(lead.text) else "organ"
        for item in items:
            heading = item.text.split("。", 1)[0]
            listed = {str(m.measure.iri) for m in out.measures if m.ref == item.ref}
            position = len(listed)
            for term in self.measures.find(heading):
                if str(term.concept.iri) not in listed:
                    listed.add(str(term.concept.iri))
                    position += 1
                    out.measures.append(MeasureListing(item.ref, heading, term.concept, target, position))

    def _names_a_person(self, phrase: str) -> bool:
        return bool(self.phrasings["person"].search(phrase) or self.roles.find(phrase))

    def _pursuits(self, passage: Passage, out: Accountability) -> None:
        number = 0
        for clause in sentences(passage.text):
            match = self.phrasings["pursuit"].search(clause)
            organs = tuple(m.concept for m in self.organs.find(match.group(1))) if match else ()
            if organs:
                number += 1
                out.pursuits.append(Pursuit(passage.ref, clause, organs, number))

    def _in_accountability(self, passage: Passage) -> bool:
        """Whether the passage stands in a chapter on accountability (追究, 问责, 免责: chapter-functions.ttl)."""
        return self.wording.names_function(passage.heading, "accountability")

    def _circumstances(self, passage: Passage, found: list[Passage], out: Accountability) -> None:
        if self.wording.names_function(passage.heading, "duties") or passage.ref.item is not None:
            return
        if self._in_accountability(passage):
            kind = next((k for k in CIRCUMSTANCE_KINDS if self.phrasings[k].search(passage.text)), None)
        else:  # only an exemption stated as a principle (尽职照单免责)
            kind = "exemption" if self.phrasings["exemption-anywhere"].search(passage.text) else None
        if kind is not None:
            items = _parts_of(passage, found) if passage.has_parts else [passage]
            out.circumstances += [Circumstance(item.ref, item.text, kind) for item in items]

    def _veto(self, passage: Passage) -> Veto:
        sentence = next(s for s in sentences(passage.text) if self.phrasings["veto"].search(s))
        # the kind whose cue words the sentence contains; the cadre veto has none
        default = next(k for k in self.veto_kinds if not k.cue_words)
        kind = next((k for k in self.veto_kinds if any(cue in sentence for cue in k.cue_words)), default)
        effects: list[str] = []
        for clause in re.split(r"[，。；]", passage.text):
            start = self.phrasings["veto-effect-from"].search(clause)
            if start:
                effects.append(clause[start.start() :])
            elif self.phrasings["veto-effect-clause"].search(clause):
                effects.append(clause)
        return Veto(passage.ref, passage.text, kind, tuple(effects))


def _parts_of(lead: Passage, found: list[Passage]) -> list[Passage]:
    """The items of a paragraph (not their sub-items), in order."""
    return [
        p
        for p in found
        if p.ref.doc_id == lead.ref.doc_id
        and p.ref.article_key == lead.ref.article_key
        and p.ref.paragraph == lead.ref.paragraph
        and p.ref.item is not None
        and p.ref.subitem is None
    ]
