"""Designations: which department a rule makes a supervisory department, an industry authority, the comprehensive
supervisor, or a department with support obligations, read wherever the lexicon's designation phrasings appear.

The phrasings are the designation types' labels (``designation-types.ttl``). A type's label designates:
- after 是 (X部门是…领域的负有安全监管职责的部门, 是…行业主管部门): the organs the sentence opens with;
- before the organ it qualifies (组织、宣传…等对安全生产工作负有保障义务的党委职能部门): the listed members;
- after 作为 (县教育局、县水务局作为行业主管部门，应当…): the organs the clause opens with;
- as the object of a verb (应急管理部门对本地区安全生产工作实施综合监管, 人社、财政部门…履行必要的保障义务):
  the subject of its clause, or else of its sentence.
Where a type's label is itself the name of an organ kind and no 是 comes before it (负有安全监管职责的部门和行业
主管部门应当每年…), it names a class of departments and designates nothing.
A type's cue words (``skg:cueWord``: 安全生产监管部门, 监管部门) are no name of it: they designate only after the
clause's 是 (区公安分局是道路交通安全…的监管部门), never as a class named or an object (加强…等安全生产监管部门建设).
"""

from dataclasses import dataclass, replace

from safetykg.corpus.passages import sentences
from safetykg.corpus.provisions import ProvisionRef
from safetykg.extract.bearers import DEPARTMENT_CATEGORIES, BearerReader
from safetykg.lexicon.vocabulary import Concept, Match, TermMatcher


@dataclass
class Designation:
    ref: ProvisionRef
    organ_kind: Concept
    type_slug: str
    domains: list[Concept]
    text: str


class DesignationReader:
    def __init__(self, bearers: BearerReader, types: TermMatcher, domains: TermMatcher) -> None:
        self.bearers = bearers
        self.types = types
        self.domains = domains
        self._subject_end = bearers.wording.phrasings["subject-end"]
        # the copula of a designation: 是, or 为 (obligation-phrasings.ttl, copula)
        self._copula = bearers.wording.phrasings["copula"]
        # organs, then 作为 right before the type's label (obligation-phrasings.ttl, designation-as)
        self._as = bearers.wording.phrasings["designation-as"]
        cued = [c for c in {c.iri: c for _, c in types.entries}.values() if c.cue_words]
        self.cues = TermMatcher(replace(c, pref_zh="", alt_zh=c.cue_words, not_within=[]) for c in cued)

    def read(self, ref: ProvisionRef, text: str, stated_only: bool = False) -> list[Designation]:
        """The designations of a text; with ``stated_only`` (an item) only those it states outright (X是…部门, or
        a list of departments qualified by the type), not a type named as the object of a duty (督促负有…的部门)."""
        found: dict[tuple[str, str], Designation] = {}
        for sentence in sentences(text):
            organs = self.bearers.organs.find(sentence)
            for match in self._type_matches(sentence):
                for kind, span in self._designated(sentence, match, organs, stated_only):
                    type_slug = str(match.concept.iri).rsplit("/", 1)[-1]
                    key = (str(kind.iri), type_slug)
                    if key not in found:
                        domains = self.bearers.domains_outside_organs(self.domains, sentence, span, match.end)
                        found[key] = Designation(ref, kind, type_slug, domains, sentence[: match.end])
        return list(found.values())

    def _type_matches(self, sentence: str) -> list[Match]:
        """The types' labels in a sentence, and their cue words where the clause states them with 是 before them."""
        found = self.types.find(sentence)
        for cue in self.cues.find(sentence):
            clause_start = sentence.rfind("，", 0, cue.start) + 1
            if any(m.start < cue.end and cue.start < m.end for m in found):
                continue
            if self._copula.search(sentence, clause_start, cue.start):
                found.append(cue)
        return sorted(found, key=lambda m: m.start)

    def _designated(
        self, sentence: str, match: Match, organs: list[Match], stated_only: bool = False
    ) -> list[tuple[Concept, int]]:
        clause_start = sentence.rfind("，", 0, match.start) + 1
        copulas = [m.start() for m in self._copula.finditer(sentence, clause_start, match.start)]
        copula = copulas[-1] if copulas else -1
        if copula != -1:  # the clause's own subject (…，县教育局是学校安全的行业主管部门), else the sentence's
            own = self._organs(sentence[clause_start:copula])
            subject_end = self._copula.search(sentence).start()  # type: ignore[union-attr]
            return [(kind, copula) for kind in own or self._organs(sentence[:subject_end])]
        stated_as = self._as.fullmatch(sentence, clause_start, match.start)
        acting = self._organs(stated_as.group(1)) if stated_as else []
        if acting:  # 县教育局、县水务局作为行业主管部门: what the organs the clause opens with act as
            return [(kind, clause_start) for kind in acting]
        members = self.bearers.list_members(sentence, end=match.end)
        if members:  # 工业和信息化、教育等行业主管部门: the listed departments are what the class label designates
            return [(kind, clause_start) for kind in members]
        if any(o.start <= match.start and match.end <= o.end for o in organs):
            return []  # the label names a class of departments here
        qualified = [o for o in organs if 0 <= o.start - match.end <= 1]
        if qualified:
            head = qualified[0]
            listed = self._organs(sentence[clause_start : head.end])
            return [(kind, clause_start) for kind in listed if kind.iri != head.concept.iri]
        for start in (clause_start,) if stated_only else (clause_start, 0):
            subject = sentence[start : match.start]
            end = self._subject_end.search(subject)
            kinds = self._organs(subject[: end.start()] if end else subject)
            if stated_only:  # in an item, only departments the clause opens with (组织、宣传等部门负有…保障义务)
                kinds = [kind for kind in kinds if kind.organ_category in DEPARTMENT_CATEGORIES]
            if kinds:
                return [(kind, start) for kind in kinds]
        return []

    def _organs(self, phrase: str) -> list[Concept]:
        return [bearer.organ_kind for bearer in self.bearers.actors(phrase, []) if bearer.role is None]
