"""Who bears a duty: reading the organ kind and the role out of a provision's subject phrase.

"县级以上地方各级政府主要负责人安全生产职责主要包括：" → (government, principal leader).
The organ is the head of the noun phrase: the last organ named before the role (政府负有安全生产
监管职责部门 → the departments), or several when they are listed with 、 (人社、财政部门). The role is
the most specific one named; with no role, the organ itself bears the duty (a rule may bind organs).
"""

import re
from dataclasses import dataclass

from safetykg.core.iris import SKG
from safetykg.lexicon.vocabulary import Concept, Match, Vocabulary
from safetykg.lexicon.wording import Wording

_DEPARTMENT_CATEGORIES = {SKG.GovernmentDepartment, SKG.PartyWorkingDepartment}
_LIST_SEPARATORS = {"、", "和", "及"}


@dataclass(frozen=True)
class Bearer:
    organ_kind: Concept
    role: Concept | None  # None: the organ itself bears the duty


@dataclass(frozen=True)
class LevelQualifier:
    text: str
    levels: tuple[str, ...]


class BearerReader:
    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.organs = vocabulary.matcher("organ-kinds")
        self.roles = vocabulary.matcher("roles")
        self.wording = Wording(vocabulary)
        self._priority = self.wording.role_priority  # the most specific role first (roles.ttl, skg:priority)

    def role_at_start(self, text: str) -> Concept | None:
        """A role that opens a provision ("主要负责人对本部门…") names a different post of the same organ."""
        for match in self.roles.find(text[:20]):
            if match.start == 0 and str(match.concept.iri) in self._priority:
                return match.concept
        return None

    def read(self, phrase: str) -> list[Bearer]:
        """The bearers a subject phrase names; empty when it names no organ."""
        organ_part, role_part = phrase, phrase
        designation = re.match(r"^([^，。]*?)是[^，。]*部门[，。]", phrase)
        if designation and "其" in phrase:
            organ_part, role_part = designation.group(1), phrase[phrase.index("其") :]
        role = self.role(role_part)
        role_match_end = len(organ_part)
        if role is not None and organ_part is role_part:
            role_match_end = min(m.end for m in self.roles.find(role_part) if m.concept.iri == role.iri)
        organs = [m for m in self.organs.find(organ_part) if m.start < role_match_end]
        if not organs and designation:
            # "依法对…负有审查批准…职责的部门是负有安全监管职责的部门。其主要负责人…": the class it is designated as
            organ_part = designation.group(0)
            organs = self.organs.find(organ_part)
        return [Bearer(self.post_organ(kind), role) for kind in self._head_organs(organ_part, organs)]

    def level_qualifier(self, phrase: str) -> LevelQualifier | None:
        levels, words = self.wording.levels_in("bearer", phrase)
        return LevelQualifier(words, levels) if words is not None else None

    def role(self, text: str) -> Concept | None:
        """The most specific role a text names."""
        ranked = [m.concept for m in self.roles.find(text) if str(m.concept.iri) in self._priority]
        return min(ranked, key=lambda c: self._priority[str(c.iri)]) if ranked else None

    def _head_organs(self, text: str, organs: list[Match]) -> list[Concept]:
        if not organs:
            return []
        heads = [organs[-1]]
        for previous in reversed(organs[:-1]):
            gap = text[previous.end : heads[0].start]
            both_departments = {
                previous.concept.organ_category,
                heads[0].concept.organ_category,
            } <= _DEPARTMENT_CATEGORIES
            if gap in _LIST_SEPARATORS and both_departments:
                heads.insert(0, previous)
            else:
                break
        unique: dict[str, Concept] = {}
        for match in heads:
            unique.setdefault(str(match.concept.iri), match.concept)
        return list(unique.values())

    def post_organ(self, kind: Concept) -> Concept:
        """The organ whose post it is: a standing committee's posts are the Party committee's (skg:postsBelongTo)."""
        target = self.wording.post_organs.get(str(kind.iri))
        return self.vocabulary.concepts[type(kind.iri)(target)] if target else kind
