"""Who a provision obliges, wherever it stands: the actors named as the subject of each obliging clause.

A clause obliges when it carries one of the lexicon's obligation phrasings (应当, 必须, 负责, 负…责任, 是…第一责任人,
每…至少N次; ``obligation-phrasings.ttl``). Its actor is named before the phrasing, up to the first word that ends a
subject (在…时, 对…, 按照…), or after 由 (由纪检监察机关…分别负责); when the clause itself names none, the
sentence's earlier clauses are read, nearest first. A clause that states a condition (…的，) obliges no one and
names no subject. A sentence that states a duty with no actor (建立完善…制度, 把…纳入…) obliges
the Party committees and governments it names. A clause that permits or exempts (可以, 不予追究) obliges no one.
"""

import re
from dataclasses import dataclass

from safetykg.corpus.passages import sentences
from safetykg.extract.bearers import Bearer, BearerReader

_TRAILING_REMARK = re.compile(r"（[^（）]*）$")  # a bracketed remark after a name (（挂…牌子）)
_QUOTED = re.compile(r"“[^“”]*”")  # quoted words: a slogan or a name, not a clause that obliges


@dataclass(frozen=True)
class Obligee:
    """The actors one clause obliges, with the words that name them and the levels those words state."""

    bearers: tuple[Bearer, ...]
    subject: str
    levels: tuple[str, ...]
    level_text: str | None


class ObligationReader:
    def __init__(self, bearers: BearerReader) -> None:
        self.bearers = bearers
        self.wording = bearers.wording
        self._phrasing = self.wording.phrasings

    def without_list_intro(self, text: str) -> str:
        """A lead-in's own words, without the "其…职责主要包括：" that introduces its items."""
        match = self._phrasing["list-intro"].search(text)
        return text[: match.start()] if match else text

    def read(self, text: str, context: list[Bearer], opener_bearers: bool = True) -> list[Obligee]:
        """Everyone the text obliges, clause by clause; ``context`` gives the organs of a subject that names only a role."""
        found: list[Obligee] = []
        for sentence in sentences(text):
            clauses = [c for c in sentence.split("，") if c]
            for index, clause in enumerate(clauses):
                before = [self._role_subject(c) for c in reversed(clauses[:index])]
                before = [c for c in before if c and not self._phrasing["condition"].search(c)]
                obligee = self._clause(clause, before, _organs_of(_naming_posts(found) or found) or tuple(context))
                if obligee is not None:
                    found.append(obligee)
        if not found and opener_bearers:
            for sentence in sentences(text):
                if self._phrasing["opener"].search(sentence):
                    kinds = [
                        m.concept
                        for m in self.bearers.organs.find(sentence)
                        if m.concept.organ_category is not None
                        and str(m.concept.organ_category).rsplit("#", 1)[-1] in ("PartyCommittee", "Government")
                    ]
                    bearers = tuple(dict.fromkeys(Bearer(kind, None) for kind in kinds))
                    if bearers:
                        found.append(Obligee(bearers, sentence, (), None))
        return found

    def _clause(self, clause: str, before: list[str], context: tuple[Bearer, ...]) -> Obligee | None:
        """The actors a clause obliges; ``before`` holds the sentence's earlier clauses, nearest first."""
        # “管行业必须管安全”, 按照管行业必须管安全…的要求: a slogan or a standard followed, not a clause that obliges
        plain = _QUOTED.sub(lambda quoted: "　" * len(quoted.group(0)), clause)
        plain = self._phrasing["standard"].sub(lambda standard: "　" * len(standard.group(0)), plain)
        cue = self._phrasing["obligation"].search(plain)
        if cue is None or self._phrasing["condition"].search(clause):
            return None
        permission = self._phrasing["not-binding"].search(plain)
        if permission is not None and permission.start() < cue.start():
            return None
        # 联席会议由分管…的副区长召集: what is done by the agent after 由 is named before it, not who does it
        subject = "" if plain.startswith("由", cue.start()) else self._subject(clause[: cue.start()])
        bearers = self.bearers.actors(subject, list(context)) if subject else []
        if not bearers:
            agent = self._phrasing["agent"].search(clause)
            if agent is not None and agent.group("agent"):
                subject = agent.group("agent")
                bearers = self.bearers.actors(subject, list(context))
        for earlier in before:
            if bearers:
                break
            subject = self._subject(earlier) or self._agent_alone(earlier)
            bearers = self.bearers.actors(subject, list(context)) if subject else []
        if not bearers:
            return None
        levels, words = self.wording.levels_in("bearer", subject)
        if words is None:
            levels, words = self.wording.levels_in("frequency", subject)
        return Obligee(tuple(bearers), subject, levels, words)

    def _agent_alone(self, clause: str) -> str:
        """An earlier clause that is only its agent (由X视情节轻重，采取…方式问责): X acts in the clauses after it."""
        agent = self._phrasing["agent"].match(clause)
        return agent.group("agent") if agent is not None and agent.group("agent") else ""

    def _role_subject(self, clause: str) -> str:
        """A clause that names only a role and ends with 的 (…常委中，分管组织工作的，应当…: those of them in charge of
        organization work) is a subject, not a condition: the role's words; any other clause as it is."""
        if clause.endswith("的"):
            role = clause[:-1]
            if any(m.start == 0 and m.end == len(role) for m in self.bearers.roles.find(role)):
                return role
        return clause

    def _subject(self, text: str) -> str:
        """The words before the first subject-end, when they end with an actor's name; else nothing."""
        end = self._phrasing["subject-end"].search(text)
        subject = text[: self.bearers.list_end(text, end.start())] if end else text
        subject = subject.rstrip("都均也亦还 ").removesuffix("分别")  # 县自然资源局、县水利局分别负责…
        if not self.bearers.ends_with_actor(subject):  # 镇应急管理办公室（挂…牌子）是…: a remark after the name
            subject = _TRAILING_REMARK.sub("", subject)
        return subject if self.bearers.ends_with_actor(subject) else ""


def _naming_posts(found: list[Obligee]) -> list[Obligee]:
    """The clauses so far that oblige posts, not organs: a subject that names only a role (领导班子其他成员) is of the
    organs whose posts they named (区委工作机关…应当…。各部门（单位）主要负责人…，领导班子其他成员…: the departments')."""
    return [obligee for obligee in found if all(bearer.role is not None for bearer in obligee.bearers)]


def _organs_of(found: list[Obligee]) -> tuple[Bearer, ...]:
    """The organs a subject that names only a role belongs to: every organ named so far in the provision
    (各级党委和政府主要负责人…；政府分管…的负责人…；班子其他成员… — the other members of both)."""
    return tuple(dict.fromkeys(bearer for obligee in found for bearer in obligee.bearers))
