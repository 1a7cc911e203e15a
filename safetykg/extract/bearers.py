"""Who bears a duty: reading the organ kind and the role out of a provision's subject phrase.

"县级以上地方各级政府主要负责人安全生产职责主要包括：" → (government, principal leader).
The organ is the head of the noun phrase: the last organ named before the role (政府负有安全生产
监管职责部门 → the departments), or several when they are listed with 、 (人社、财政部门). The role is
the most specific one named; with no role, the organ itself bears the duty (a rule may bind organs).
"""

import re
from dataclasses import dataclass
from itertools import pairwise

from safetykg.core.iris import SKG
from safetykg.lexicon.vocabulary import Concept, Match, TermMatcher, Vocabulary
from safetykg.lexicon.wording import Wording

DEPARTMENT_CATEGORIES = {SKG.GovernmentDepartment, SKG.PartyWorkingDepartment}
_LEADING_CATEGORIES = {SKG.PartyCommittee, SKG.Government}
_LIST_SEPARATORS = {"、", "和", "及"}
_ROLE_SEPARATORS = {"、", "和", "及", "及其", "与", "以及"}
# the phrasings a subject phrase is read with (short-name lists, designations, 分管…的, 和/及) are the lexicon's
# (obligation-phrasings.ttl, read through Wording.phrasings)
# an organ named only to qualify the next one ("党委组织部门", "人民政府的安全生产监督管理部门")
_MODIFIER_GAPS = {"", "的"}


@dataclass(frozen=True)
class Bearer:
    organ_kind: Concept
    role: Concept | None  # None: the organ itself bears the duty

    def __hash__(self) -> int:
        return hash((str(self.organ_kind.iri), str(self.role.iri) if self.role is not None else None))


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
        self._role_concepts = {str(c.iri): c for c in vocabulary.in_scheme("roles")}
        self._organ_concepts = {str(c.iri): c for c in vocabulary.in_scheme("organ-kinds")}
        self._places = sorted(  # the jurisdictions' names (of two characters or more), longest first
            {label for c in vocabulary.in_scheme("jurisdictions") for label in c.labels_zh if len(label) > 1},
            key=len,
            reverse=True,
        )

    def role_at_start(self, text: str) -> Concept | None:
        """A role that opens a provision ("主要负责人对本部门…") names a different post of the same organ."""
        for match in self.roles.find(text[:20]):
            if match.start == 0 and str(match.concept.iri) in self._priority:
                return match.concept
        return None

    def read(self, phrase: str) -> list[Bearer]:
        """The bearers a subject phrase names; empty when it names no organ."""
        organ_part, role_part = phrase, phrase
        designation = self.wording.phrasings["designation-organs"].match(phrase)
        if designation and "其" in phrase:
            organ_part, role_part = designation.group(1), phrase[phrase.index("其") :]
        elif designation and self._listed_organs(designation.group(1)):
            # "公安机关、交通运输部门是负有…职责的部门，分别对…": the departments it designates bear what follows
            listed = self._listed_organs(designation.group(1))
            named = [m for m in listed if not self._modifier(designation.group(1), m, listed)]  # 区委 in 区委宣传部
            return [Bearer(kind, None) for kind in _unique([m.concept for m in named])]
        role = self.role(role_part)
        titled = self.titled(organ_part, role)
        if titled:  # 州委书记、县（市）委书记…; 分管安全生产工作的副州长…
            return list(dict.fromkeys(titled + self._untitled_members(organ_part, titled)))
        role_match_end = len(organ_part)
        if role is not None and organ_part is role_part:
            role_match_end = min(m.end for m in self.roles.find(role_part) if m.concept.iri == role.iri)
        organs = self._sharing_heads(organ_part, [m for m in self.organs.find(organ_part) if m.start < role_match_end])
        members = self.list_members(organ_part[:role_match_end])
        if members:
            return [Bearer(self.post_organ(kind), role) for kind in members]
        if not organs and designation:
            # "依法对…负有审查批准…职责的部门是负有安全监管职责的部门。其主要负责人…": the class it is designated as
            organ_part = designation.group(0)
            organs = self.organs.find(organ_part)
        heads = self._head_organs(organ_part, organs)
        if role is not None and organ_part is role_part:
            heads += self._more_heads(organ_part, role, role_match_end)
        return [Bearer(self.post_organ(kind), role) for kind in _unique(heads)]

    def _more_heads(self, phrase: str, role: Concept, first_end: int) -> list[Concept]:
        """The organs of further groups that name the same role, joined by 和 or 及 (街道党工委、镇党委主要负责人和街道
        办事处、镇政府主要负责人…): each group's heads, as for the first."""
        found: list[Concept] = []
        start = first_end
        for match in self.roles.find(phrase):
            if match.concept.iri != role.iri or match.start < first_end:
                continue
            if phrase[start : start + 1] not in _LIST_SEPARATORS:
                break
            group = phrase[start + 1 : match.start]
            found += self._head_organs(group, [m for m in self.organs.find(group)])
            start = match.end
        return found

    def _untitled_members(self, phrase: str, titled: list[Bearer]) -> list[Bearer]:
        """The posts a subject names beside its titled ones without a title, each by its organ and role (区委常委会其他
        成员 in 区委常委会其他成员和其他副区长); a role with no organ of its own, and none of the titled posts' roles,
        is of the organs of the titled posts (县委书记、县长…和其他领导班子成员: the other members of both teams)."""
        end = self.wording.phrasings["subject-end"].search(phrase)
        subject = phrase[: end.start()] if end else phrase
        for start, stop, _ in self._shared_charges(subject, None):  # their words name titled posts
            subject = subject[:start] + "　" * (stop - start) + subject[stop:]
        found: list[Bearer] = []
        for part in re.split("|".join(sorted(_LIST_SEPARATORS, key=len, reverse=True)), subject):
            has_title = any(title.pattern.search(part) for title in self.wording.post_titles)
            role = self.role(part) if part and not has_title else None
            if role is not None:
                heads = self._head_organs(part, self.organs.find(part))
                if not heads and all(bearer.role != role for bearer in titled):  # not a titled post's own role
                    heads = [bearer.organ_kind for bearer in titled]
                found += [Bearer(self.post_organ(kind), role) for kind in _unique(heads)]
        return found

    def titled(self, phrase: str, role: Concept | None = None) -> list[Bearer]:
        """The posts a subject names by their titles (县委书记, 州长, 副县（市）长, 办事处主任), up to where the
        subject ends; a title that names no role takes the role said beside it (分管安全生产工作的副州长)."""
        end = self.wording.phrasings["subject-end"].search(phrase)
        subject = phrase[: end.start()] if end else phrase
        taken = [False] * len(subject)
        found: list[tuple[int, Bearer]] = []
        for start, stop, bearer in self._shared_charges(subject, role):
            taken[start:stop] = [True] * (stop - start)
            found.append((start, bearer))
        for title in self.wording.post_titles:
            for match in title.pattern.finditer(subject):
                if any(taken[match.start() : match.end()]):
                    continue
                taken[match.start() : match.end()] = [True] * (match.end() - match.start())
                post_role = self._role_concepts.get(title.role) if title.role else role
                organ = self._organ_concepts[title.organ]
                found.append((match.start(), Bearer(self.post_organ(organ), post_role)))
        return list(dict.fromkeys(bearer for _, bearer in sorted(found, key=lambda pair: pair[0])))

    def _shared_charges(self, subject: str, role: Concept | None) -> list[tuple[int, int, Bearer]]:
        """The posts of fields listed under one 分管…工作的 (obligation-phrasings.ttl shared-charge: 分管组织人事、宣传、
        政法工作的市委领导班子成员), each titled as if named alone; with the span of the words they take."""
        found: list[tuple[int, int, Bearer]] = []
        for shared in self.wording.phrasings["shared-charge"].finditer(subject):
            opening, rest = subject[shared.start() : shared.start(1)], subject[shared.end(1) :]
            separators = "|".join(re.escape(s) for s in sorted(_LIST_SEPARATORS, key=len, reverse=True))
            posts: list[tuple[int, int, Bearer]] = []
            for field in re.split(separators, shared.group(1)):
                alone = opening + field + rest
                named = next(((t, m) for t in self.wording.post_titles if (m := t.pattern.match(alone))), None)
                if named is None:
                    break
                title, words = named
                stop = shared.end(1) + words.end() - len(opening) - len(field)  # the title's end in the subject
                post_role = self._role_concepts.get(title.role) if title.role else role
                posts.append(
                    (shared.start(), stop, Bearer(self.post_organ(self._organ_concepts[title.organ]), post_role))
                )
            else:  # every field names a post
                found += posts
        return found

    def actors(self, phrase: str, context: list[Bearer]) -> list[Bearer]:
        """Every actor a clause's subject phrase names: lists expanded into their members (and the group kept),
        each organ with every role named after it; a role with no organ of its own takes the context's organs."""
        titled = self.titled(phrase, self.role(phrase))
        if titled:
            return list(dict.fromkeys(titled + self._untitled_members(phrase, titled)))
        organs = self._listed_organs(phrase)
        designation = self.wording.phrasings["designation-organs"].match(phrase)
        if designation and any(m.end <= designation.end(1) for m in organs):
            # 县公安局、县交通运输局等是负有…职责的部门: the departments it names are the actors; the class they are
            # designated as (after the copula) states what they are, not another actor
            organs = [m for m in organs if m.end <= designation.end(1)]
        overseen = self.wording.phrasings["overseen"].search(
            phrase
        )  # 分管交通运输、教育等部门的政府领导班子成员: not the departments
        if overseen:
            organs = [m for m in organs if not (overseen.start() <= m.start < overseen.end())]
        # 常委会 in 市委常委会其他成员 is part of the role's name (党委常委会其他成员: the role names its own organ)
        role_spans = [(m.start, m.end) for m in self.roles.find(phrase)]
        own = [m for m in organs if not any(start <= m.start and m.end <= end for start, end in role_spans)]
        roles = self._roles(phrase, after=own[-1].end if own else 0)
        organs = own or organs[:1]
        kinds = _unique([m.concept for m in organs if not self._modifier(phrase, m, organs)])
        if not kinds:
            kinds = self._group_organs(phrase)
        if not kinds:
            if not roles:
                return []
            kinds = _unique([b.organ_kind for b in context])
        bearers = [Bearer(kind, None) for kind in kinds] if not roles else []
        bearers += [Bearer(self.post_organ(kind), role) for kind in kinds for role in roles]
        return list(dict.fromkeys(bearers))

    def ends_with_actor(self, phrase: str) -> bool:
        """Whether the phrase ends with the name of an organ, a role or a group (it is a subject, not a predicate),
        read also without a place's name inside it (公安澜湾新区分局: 公安分局)."""
        if self._ends_with_actor(phrase):
            return True
        bare = self._without_places(phrase)
        return bare != phrase and self._ends_with_actor(bare)

    def _without_places(self, phrase: str) -> str:
        for place in self._places:
            phrase = phrase.replace(place, "")
        return phrase

    def _ends_with_actor(self, phrase: str) -> bool:
        end = len(phrase)
        matches = [*self._listed_organs(phrase), *self.roles.find(phrase)]
        listed = any(
            m.end() == end for m in self.wording.phrasings["short-name-list"].finditer(phrase)
        )  # 区公安、交通运输等部门
        common = self.wording.phrasings["common-noun-end"].search(
            phrase
        )  # …政法委和地委机构编制委员会办公室等部门: organs, then their common noun
        listed = listed or bool(common and any(m.end == common.start() for m in self._listed_organs(phrase)))
        listed = listed or any(m.end() == end for t in self.wording.post_titles for m in t.pattern.finditer(phrase))
        return (
            listed
            or any(m.end == end for m in matches)
            or any(phrase.endswith(g.label) for g in self.wording.actor_groups)
        )

    def name_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the text names organs: each organ's name, and each list of short names with its common noun."""
        spans = [(m.start, m.end) for m in self.organs.find(text)]
        return spans + [(m.start(), m.end()) for m in self.wording.phrasings["short-name-list"].finditer(text)]

    def domains_outside_organs(
        self, domains: TermMatcher, text: str, start: int = 0, end: int | None = None
    ) -> list[Concept]:
        """The domains named in text[start:end], not inside an organ's name (交通运输 in 交通运输部门, or a short name in
        a list of departments): those name the department, not a domain."""
        names = self.organ_spans(text)
        found = domains.find(text[start:end])
        return _unique(
            [m.concept for m in found if not any(s <= m.start + start and m.end + start <= e for s, e in names)]
        )

    def organ_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the text names an organ: each organ's name, and each short name in a list that names organs
        (交通运输 in 住房城乡建设、交通运输等部门), but not the words of a list that names none."""
        return [(m.start, m.end) for m in self._listed_organs(text)]

    def list_end(self, text: str, position: int) -> int:
        """Where a list of short names that runs across the position ends ("组织、宣传…等对…负有保障义务的党委职能部门")."""
        for listing in self.wording.phrasings["short-name-list"].finditer(text):
            if listing.start() < position < listing.end():
                return listing.end()
        return position

    def list_members(self, phrase: str, end: int | None = None) -> list[Concept]:
        """The members of a list of short names that is the phrase's subject (党委组织、宣传…等部门对…; 工业和信息化、
        教育等行业主管部门应当…: the departments, not the class), or the list that ends at ``end``; [] when none."""
        organs = self.organs.find(phrase)
        for listing in self.wording.phrasings["short-name-list"].finditer(phrase):
            if end is not None:
                chosen = listing.end() == end
            else:  # the subject: no organ named before the list, none after its common noun
                before = [m for m in organs if m.end <= listing.start(1)]
                after = [m for m in organs if m.start >= listing.end()]
                chosen = not before and not after
            if chosen:
                found = [m for m in self._listed_organs(phrase) if listing.start(1) <= m.start < listing.end(1)]
                return _unique([m.concept for m in found])
        return []

    def _sharing_heads(self, phrase: str, matches: list[Match]) -> list[Match]:
        """ "党委、政府其他工作部门": an organ listed before another's working departments shares their head noun."""
        working = set(self.wording.working_organs.values())
        shared = []
        for index, match in enumerate(matches):
            following = matches[index + 1] if index + 1 < len(matches) else None
            target = self.wording.working_organs.get(str(match.concept.iri))
            if (
                target is not None
                and following is not None
                and str(following.concept.iri) in working
                and phrase[match.end : following.start] in _LIST_SEPARATORS | {"、"}
            ):
                match = Match(self._organ_concepts[target], match.start, match.end, match.label)
            shared.append(match)
        return shared

    def _listed_organs(self, phrase: str) -> list[Match]:
        found = self._sharing_heads(phrase, self.organs.find(phrase))
        for listing in self.wording.phrasings["short-name-list"].finditer(phrase):
            position = listing.start(1)
            for member in listing.group(1).split("、"):
                member = self.wording.phrasings["determiner"].sub("", member)
                member_at = phrase.find(member, position)
                position = member_at + len(member)
                if self._list_member(found, member, member_at, listing.group("noun")):
                    continue
                # 区委编办和区财政局: two members joined by 和, neither of them a name with 和 in it
                at = member_at
                for part in (
                    self.wording.phrasings["member-conjunction"].split(member)
                    if len(self.wording.phrasings["member-conjunction"].split(member)) > 1
                    else []
                ):
                    self._list_member(found, part, at, listing.group("noun"))
                    at += len(part) + 1
        return sorted(found, key=lambda m: m.start)

    def _list_member(self, found: list[Match], member: str, member_at: int, noun: str) -> bool:
        """Replaces the organs named inside one member of a list of short names by the organ the member names
        (党委组织、宣传…等部门: 党委组织部门, not the Party committee); whether it names one."""
        inside = [m for m in found if member_at <= m.start and m.end < member_at + len(member)]
        if any(m.start <= member_at < m.end for m in found if m not in inside):
            return True
        for name in self._member_names(member):
            concepts = [self._organ_named(name + ending) for ending in ("", noun, "部门")]
            concept = next((c for c in concepts if c is not None), None)
            if concept is not None:
                found[:] = [m for m in found if m not in inside]
                found.append(Match(concept, member_at, member_at + len(member), member))
                return True
        return False

    def _member_names(self, member: str) -> list[str]:
        """What a short name in a list may name: itself, then without the place (县教育 → 教育) or the Party
        committee or government it belongs to (县委组织 → 组织)."""
        names = [member]
        leading = [m for m in self.organs.find(member) if m.start == 0 and m.end < len(member)]
        if leading and leading[0].concept.organ_category in _LEADING_CATEGORIES:
            names.append(member[leading[0].end :])
        if member[:1] in self.wording.place_endings and len(member) > 2:
            names.append(member[1:])  # before a part after 和: 市文化和旅游局 is 文化和旅游局, not 旅游局
        for joined in self.wording.phrasings["member-conjunction"].split(member)[
            1:
        ]:  # 政法委和区委机构编制委员会办公室: two members
            names.append(joined)
        return names

    def _organ_named(self, label: str) -> Concept | None:
        matches = self.organs.find(label)
        return matches[0].concept if len(matches) == 1 and matches[0].label == label else None

    @staticmethod
    def _modifier(phrase: str, match: Match, organs: list[Match]) -> bool:
        following = [m for m in organs if m.start >= match.end]
        return bool(following) and phrase[match.end : following[0].start] in _MODIFIER_GAPS

    def _roles(self, phrase: str, after: int) -> list[Concept]:
        taken = phrase[after:]
        roles: list[Concept] = []
        for group in self.wording.actor_groups:
            if group.label in taken and all(m in self._role_concepts for m in group.members):
                roles += [self._role_concepts[m] for m in group.members]
                taken = taken.replace(group.label, "　" * len(group.label))
        named = [m for m in self.roles.find(taken) if str(m.concept.iri) in self._priority]
        listed = all(taken[a.end : b.start] in _ROLE_SEPARATORS for a, b in pairwise(named))
        if not listed:  # "担任本级党委常委的政府领导干部分管安全生产工作": one person, named by the most specific role
            named = [min(named, key=lambda m: self._priority[str(m.concept.iri)])]
        return _unique(roles + [m.concept for m in named])

    def _group_organs(self, phrase: str) -> list[Concept]:
        for group in self.wording.actor_groups:
            if group.label in phrase and all(m in self._organ_concepts for m in group.members):
                return [self._organ_concepts[m] for m in group.members]
        return []

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
            categories = {previous.concept.organ_category, heads[0].concept.organ_category}
            both_departments = categories <= DEPARTMENT_CATEGORIES
            party_and_government = categories <= _LEADING_CATEGORIES  # 县委、县政府领导班子其他成员: both
            alike = len(categories) == 1 and None not in categories  # 社区党组织、社区居民委员会: organs of one kind
            if self._list_gap(gap) and (both_departments or party_and_government or alike):
                heads.insert(0, previous)
            else:
                break
        unique: dict[str, Concept] = {}
        for match in heads:
            unique.setdefault(str(match.concept.iri), match.concept)
        return list(unique.values())

    def _list_gap(self, gap: str) -> bool:
        """Whether the words between two organs' names list them: a separator, maybe followed by the place word the
        next name opens with (林区党委工作机关、林区政府工作部门: 、林区)."""
        for separator in sorted(_LIST_SEPARATORS, key=len, reverse=True):
            if gap.startswith(separator):
                rest = gap[len(separator) :]
                return not rest or rest in self.wording.place_words or rest in self._places
        return False

    def post_organ(self, kind: Concept) -> Concept:
        """The organ whose post it is: a standing committee's posts are the Party committee's (skg:postsBelongTo)."""
        target = self.wording.post_organs.get(str(kind.iri))
        return self.vocabulary.concepts[type(kind.iri)(target)] if target else kind


def _unique(concepts: list[Concept]) -> list[Concept]:
    return list({str(c.iri): c for c in concepts}.values())
