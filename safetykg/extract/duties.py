"""Who must do what: duties, their bearers, domains, kinds, levels and frequencies, and designations.

Duties are read from every chapter, one per provision and bearer: per item, or per sub-item where an item has
them, or per paragraph where there are no items. Each records the function of its chapter (duties, assessment,
rewards, supervision, accountability, …; read from the chapter's title, or from the article in a rule without
chapters). A paragraph that introduces items ("…主要包括：") names their bearer; in the chapters on duties a
paragraph's opening words name its bearer as well. Every clause that obliges someone by name adds that actor
(extract/obligations.py), so a second sentence in an item ("乡镇党委应当…") or an article outside the duty
chapters ("党委组织部门…应当考察…") has its bearers too. Levels are those of the jurisdiction's own hierarchy.
Designations are read by extract/designations.py from every paragraph.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from safetykg.core.iris import jurisdiction as jurisdiction_iri
from safetykg.corpus.model import Article, Item, ParsedDocument
from safetykg.corpus.passages import heading, passages
from safetykg.corpus.provisions import ProvisionRef
from safetykg.extract.bearers import Bearer, BearerReader, LevelQualifier
from safetykg.extract.designations import Designation, DesignationReader
from safetykg.extract.frequency import Frequency, find_frequencies
from safetykg.extract.obligations import ObligationReader, Obligee
from safetykg.lexicon.vocabulary import Concept, Vocabulary


@dataclass
class Duty:
    ref: ProvisionRef
    text: str
    bearer: Bearer
    domains: list[Concept]
    kind: Concept | None
    level: LevelQualifier | None
    shared: bool = False  # the provision names several bearers: one duty each
    by_role: bool = False  # several bearers of the same organ kind (its principal leader and its other members)
    chapter_function: Concept | None = None


@dataclass
class ProvisionFrequency:
    ref: ProvisionRef
    frequency: Frequency
    # the bearers it is required of: those its own subject names, else (None) every bearer of its provision
    bearers: tuple[Bearer, ...] | None = None
    # the levels it applies at: those its own words name, else those of its provision's lead-in (县级以上…：)
    levels: tuple[str, ...] = ()
    level_text: str | None = None


@dataclass
class Extraction:
    doc_id: str
    duties: list[Duty] = field(default_factory=list)
    designations: list[Designation] = field(default_factory=list)
    frequencies: list[ProvisionFrequency] = field(default_factory=list)
    provision_levels: dict[ProvisionRef, tuple[str, ...]] = field(default_factory=dict)  # levels each provision names


class DutyExtractor:
    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.bearers = BearerReader(vocabulary)
        self.obligations = ObligationReader(self.bearers)
        self.domains = vocabulary.matcher("domains")
        self.duty_kinds = vocabulary.in_scheme("duty-kinds")
        self.designations = DesignationReader(
            self.bearers, vocabulary.matcher("designation-types"), vocabulary.matcher("domains")
        )
        self.wording = self.bearers.wording
        # X是…部门，: a designation sentence names organ and role; 按照下列要求…, then an action (obligation-phrasings.ttl)
        self._designation_subject = self.wording.phrasings["designation-subject"]
        self._by_the_list = self.wording.phrasings["by-the-list"]

    def extract(self, doc: ParsedDocument, jurisdiction: str | None = None) -> Extraction:
        """Every duty of the document, from every chapter, with the function of the chapter it stands in."""
        out = Extraction(doc.doc_id)
        self._jurisdiction = jurisdiction
        out.frequencies = [
            ProvisionFrequency(p.ref, f) for p in passages(doc) for f in find_frequencies(p.text, self.wording)
        ]
        self._lead_bearers: dict[ProvisionRef, list[Bearer]] = {}
        self._lead_levels: dict[ProvisionRef, LevelQualifier | None] = {}
        out.provision_levels = self._provision_levels(doc)
        for chapter in doc.chapters:
            for article in chapter.articles:
                function = self.wording.chapter_function(chapter.title, article.full_text())
                in_duties = self.wording.names_function(heading(chapter, article), "duties")
                self._article_duties(doc.doc_id, article, function, in_duties, out)
                self._designations(doc.doc_id, article, out)
        for found in out.frequencies:
            found.bearers = self._frequency_bearers(found)
            found.levels, found.level_text = self._within(found.frequency.levels), found.frequency.level_text
            lead = self._lead_levels.get(found.ref)
            if not found.levels and lead is not None:
                found.levels, found.level_text = lead.levels, lead.text
        return out

    def _provision_levels(self, doc: ParsedDocument) -> dict[ProvisionRef, tuple[str, ...]]:
        """Every level each provision names; an item or sub-item also at the levels its lead-in's last sentence
        names (镇党政领导干部…有下列情形之一的，…追究责任： applies to each of its items)."""
        found: dict[ProvisionRef, tuple[str, ...]] = {}
        carried: dict[tuple[tuple[int, int], int | None, int | None], tuple[str, ...]] = {}
        for passage in passages(doc):
            ref = passage.ref
            levels = self.wording.all_levels_in("provision", _TITLE_CITED.sub(_blank, passage.text))
            # an item takes its paragraph's lead-in's levels, a sub-item its item's (which hold the paragraph's)
            under = (ref.article_key, ref.paragraph, None if ref.subitem is None else ref.item)
            lead = carried.get(under, ()) if ref.item is not None else ()
            if passage.has_parts and passage.text.endswith("："):
                own = self.wording.all_levels_in("provision", passage.text.rsplit("。", 1)[-1])
                key = (ref.article_key, ref.paragraph, ref.item)
                carried[key] = self.wording.ranked(lead + own)
            levels = self._within(self.wording.ranked(lead + levels))
            if levels:
                found[ref] = levels
        return found

    def _frequency_bearers(self, found: ProvisionFrequency) -> tuple[Bearer, ...] | None:
        """Whom a frequency is required of: the actors its subject names ("安全监管、公安…等部门的主要负责人每半年…");
        a subject naming only a role ("其他部门主要负责人每半年…") means the posts its lead-in names; no subject, all."""
        subject = found.frequency.subject
        if not subject:
            return None
        lead = self._lead_bearers.get(found.ref, [])
        named = self.bearers.actors(subject, lead)
        return tuple(named) if named else None

    def _within(self, levels: tuple[str, ...]) -> tuple[str, ...]:
        return self.wording.within(str(jurisdiction_iri(self._jurisdiction)), levels) if self._jurisdiction else levels

    def _level(self, level: LevelQualifier | None) -> LevelQualifier | None:
        if level is None:
            return None
        return LevelQualifier(level.text, self._within(level.levels))

    def _article_duties(
        self, doc_id: str, article: Article, function: Concept | None, duty_chapter: bool, out: Extraction
    ) -> None:
        single = len(article.paragraphs) == 1
        article_bearers: list[Bearer] = []
        for paragraph in article.paragraphs:
            ref = ProvisionRef.of(doc_id, article, None if single else paragraph.number)
            lead_in = paragraph.text.endswith("：")
            # a lead-in's list belongs to the sentence that introduces it (…第一责任人。乡镇党委和政府应当履行下列…：)
            last = paragraph.text.rsplit("。", 1)[-1]  # (not when it opens with 其: …的部门是…。其主要负责人…：)
            subject = self._subject(last if lead_in and not last.startswith("其") else paragraph.text)
            named = self.bearers.read(subject) if duty_chapter or lead_in else []
            if lead_in and self.wording.phrasings["condition"].search(_subject(last, self._designation_subject)):
                named = []  # …领导干部有下列情形之一的，应当…问责：: whom its items are about, not who bears them
            bearers = named or (article_bearers if duty_chapter else [])
            level = self._level(self.bearers.level_qualifier(subject))
            if not article_bearers:
                article_bearers = bearers
            own_text = self.obligations.without_list_intro(paragraph.text) if lead_in else paragraph.text
            obligees = self.obligations.read(own_text, bearers, opener_bearers=not bearers)
            if (
                lead_in
                or (not named and self._opens_with_posts(paragraph.text, obligees))
                or _posts_among(named, obligees)
            ):
                # 各部门主要负责人是本部门安全生产第一责任人…: the posts of the article's organs, not the organs
                self._add_obligees(out, ref, paragraph.text, obligees, function)
            elif (
                duty_chapter
                and bearers
                and (not self._allotted(subject, obligees) if named else not self._names_its_own(obligees))
            ):
                self._add(out, ref, paragraph.text, bearers, level, function, obligees)
            else:
                self._add_obligees(out, ref, paragraph.text, obligees, function)
            for item in paragraph.items:
                self._item_duties(
                    out,
                    ref.item_of(item.number),
                    item,
                    bearers if lead_in or duty_chapter else [],
                    level,
                    function,
                )

    def _opening_organs(self, text: str) -> list[Bearer]:
        """The organs an item opens with, when its first words name one or a list of them (after a place's
        one-letter name: 县公安局、县交通运输局…, or any ending of a place's name: 特区应急管理局是…, skg:placeNameEnding),
        and not as the qualifier of what follows: [] otherwise."""
        spans = self.bearers.organ_spans(text)
        if not spans or (spans[0][0] > 1 and text[: spans[0][0]] not in self.wording.place_words):
            return []
        end = spans[0][1]
        for start, stop in spans[1:]:  # 县公安局、县交通运输局…: a list of them
            if text[end:start] not in ("、", "和", "及"):
                break
            end = stop
        if text[end : end + 1] in ("的", "、", "和", "（"):  # a name that qualifies what follows
            return []
        return [bearer for bearer in self.bearers.actors(text[:end], []) if bearer.role is None]

    def _heading_posts(self, text: str) -> list[Bearer]:
        """The posts an item's heading names by their titles (乡纪委书记：…, 乡党委组织委员：…, 其他副乡长：…); [] when
        it opens with no heading or its heading is no post's title."""
        heading = self.wording.phrasings["item-heading"].match(text)
        return self.bearers.titled(heading.group(1)) if heading else []

    @staticmethod
    def _opens_with_posts(text: str, obligees: Sequence[Obligee]) -> bool:
        """Whether the text opens with a subject that names only posts (a role of the organs named before it)."""
        return any(
            obligee.subject and text.startswith(obligee.subject) and all(b.role for b in obligee.bearers)
            for obligee in obligees
        )

    def _allotted(self, subject: str, obligees: Sequence[Obligee]) -> bool:
        """Whether a subject names what a clause allots rather than who bears it (区县党委和政府工作部门的安全生产职责，
        由区县党委和政府…确定: the duties of the departments, which the Party committees and governments determine): its
        words end with no actor's name nor state what an organ is (县交通运输局是…行业主管部门), and a clause names the
        organ it obliges."""
        return (
            not self._designation_subject.match(subject)
            and not self.bearers.ends_with_actor(subject)
            and self._names_its_own(obligees)
        )

    def _names_its_own(self, obligees: Sequence[Obligee]) -> bool:
        """Whether a clause names the organ it obliges (前款未列明的…，由市政府…确定…: the government, not the
        departments the article is about)."""
        return any(obligee.subject and self.bearers.organ_spans(obligee.subject) for obligee in obligees)

    def _subject(self, text: str) -> str:
        """The words that name a paragraph's bearer (``_subject``), without an adverbial after the actor's name
        (安委会在本级党委、政府领导下: the committee, not the Party committee and government it works under)."""
        subject = _subject(text, self._designation_subject)
        if self._designation_subject.match(subject):
            return subject
        end = self.wording.phrasings["subject-end"].search(subject)
        if end is None or end.start() == 0:
            return subject  # 应当由…分管安全生产工作: the whole phrase says who
        if self.wording.phrasings["obligation"].match(subject, end.start()):
            # 乡镇应当设立应急管理办公室: words before the cue that name no organ or post leave the organ it must set up
            # no bearer (…应当由…: the words after the cue say who)
            if "由" in subject[end.start() :]:
                return subject
            before = subject[: end.start()]
            names = self.bearers.organ_spans(before) or self.bearers.roles.find(before) or self.bearers.titled(before)
            # 乡镇党委和政府应当明确1名班子成员分管安全生产工作: the post it must designate is no bearer of its own
            return before if names else ""
        actor = _AFTER_NAME.sub("", subject[: end.start()])  # 区安全生产委员会（以下简称区安委会）在…
        return subject[: end.start()] if self.bearers.ends_with_actor(actor) else subject

    def _item_duties(
        self,
        out: Extraction,
        ref: ProvisionRef,
        item: Item,
        bearers: list[Bearer],
        level: LevelQualifier | None,
        function: Concept | None,
    ) -> None:
        role = self.bearers.role_at_start(item.text)
        if role is not None:
            bearers = [Bearer(b.organ_kind, role) for b in bearers]
        introduces = item.subitems and item.text.endswith("：")
        own_words = self.obligations.without_list_intro(item.text).rstrip("：")
        # an item that introduces its sub-items is a duty of its own when it says more than what they are about
        # (严格安全准入标准，组织开展重点行业领域安全风险专项整治： — not 社会治理和群团组织领域：)
        # (按照下列要求组织研判安全生产形势： — an action done as its sub-items require)
        says_more = "，" in own_words or bool(self._by_the_list.match(own_words))
        units = [(ref, item.text)] if not introduces or says_more else []
        units += [(ref.subitem_of(sub.number), sub.text) for sub in item.subitems]
        if item.subitems and item.text.endswith("：") and bearers:
            # an item that introduces sub-items at the levels it names (市级…、县级及以下…每年…检查，重点检查：)
            levels, words = self.wording.all_levels_and_words("provision", item.text)
            if levels:
                level = LevelQualifier("、".join(words), self._within(levels))
        lead_bearers = bearers
        for unit_ref, text in units:
            if unit_ref.subitem is not None:
                bearers = self._introducing_actors(item.text, lead_bearers) or lead_bearers
            obligees = self.obligations.read(text, bearers, opener_bearers=False)
            own = [  # an item that opens with organs of its own (not a role of the lead-in's organs), or with a post
                o  # by its title (（三）分管住房和城乡建设、交通运输工作的副市长，还应当…: that one of the lead-in's posts)
                for o in obligees
                if o.subject
                and text.startswith(o.subject)
                and (self.bearers.organ_spans(o.subject) or self.bearers.titled(o.subject))
            ]
            if own and bearers:  # （二）住房和城乡建设、交通运输等部门是…，依法…: the item names its own actors,
                self._add_obligees(out, unit_ref, text, obligees, function, level)  # at the lead-in's levels
                continue
            heading = self._heading_posts(text) if bearers else []
            if heading:  # （一）乡纪委书记：支持配合…: under the members' lead-in, the post its heading names
                self._add(out, unit_ref, text, heading, level, function)
                continue
            opening = self._opening_organs(text) if bearers and not obligees else []
            if opening:  # （九）县民族宗教事务局指导…: under 有关部门…分别履行下列职责：, the department it names
                self._add(out, unit_ref, text, opening, level, function)
                continue
            if bearers:
                self._add(out, unit_ref, text, bearers, level, function, obligees)
            else:
                self._add_obligees(out, unit_ref, text, obligees, function)

    def _introducing_actors(self, text: str, bearers: list[Bearer]) -> list[Bearer]:
        """The organs an item that introduces sub-items opens with, who bear its sub-items rather than the lead-in's
        (区政府有关部门按照下列分工…：（二）区能源局是…主管部门，…履行下列职责：1. 每月至少…: the energy bureau)."""
        if not bearers:
            return []
        own_text = self.obligations.without_list_intro(text).rstrip("：")
        for obligee in self.obligations.read(own_text, bearers, opener_bearers=False):
            if obligee.subject and text.startswith(obligee.subject) and self.bearers.organ_spans(obligee.subject):
                return list(obligee.bearers)
        return self._opening_organs(text)

    def _add(
        self,
        out: Extraction,
        ref: ProvisionRef,
        text: str,
        bearers: list[Bearer],
        level: LevelQualifier | None,
        function: Concept | None,
        obligees: Sequence[Obligee] = (),
    ) -> None:
        """The duties of a provision whose bearers its lead-in names, and of any actor its own clauses oblige."""
        self._lead_bearers[ref] = bearers
        self._lead_levels[ref] = level
        found: dict[Bearer, LevelQualifier | None] = {bearer: level for bearer in bearers}
        for obligee in obligees:
            for bearer in obligee.bearers:
                if bearer not in found:
                    found[bearer] = self._obligee_level(obligee)
        self._append(out, ref, text, found, function)

    def _add_obligees(
        self,
        out: Extraction,
        ref: ProvisionRef,
        text: str,
        obligees: Sequence[Obligee],
        function: Concept | None,
        level: LevelQualifier | None = None,
    ) -> None:
        """The duties of the actors a provision's own clauses oblige, at the levels they name, else at ``level``."""
        found: dict[Bearer, LevelQualifier | None] = {}
        for obligee in obligees:
            for bearer in obligee.bearers:
                found.setdefault(bearer, self._obligee_level(obligee) or level)
        self._append(out, ref, text, found, function)

    def _obligee_level(self, obligee: Obligee) -> LevelQualifier | None:
        if obligee.level_text is None:
            return None
        return LevelQualifier(obligee.level_text, self._within(obligee.levels))

    def _append(
        self,
        out: Extraction,
        ref: ProvisionRef,
        text: str,
        found: dict[Bearer, LevelQualifier | None],
        function: Concept | None,
    ) -> None:
        kinds = [bearer.organ_kind.iri for bearer in found]
        for bearer, level in found.items():
            out.duties.append(
                Duty(
                    ref,
                    text,
                    bearer,
                    self.bearers.domains_outside_organs(self.domains, text),
                    self._kind(text),
                    level,
                    shared=len(found) > 1,
                    by_role=kinds.count(bearer.organ_kind.iri) > 1,
                    chapter_function=function,
                )
            )

    def _kind(self, text: str) -> Concept | None:
        """The duty kind whose cue word comes first in the text (the duty's main verb). Words inside an organ's
        name (监督 in 安全生产监督管理部门, 宣传 in 组织、宣传…等部门) and an organ's verb used as an attribute
        (党委批准的“三定”规定) are not the duty's action."""
        names = self.bearers.name_spans(text)
        ends = {end for _, end in names}

        def not_the_action(position: int, cue: str) -> bool:
            inside_a_name = any(start <= position < end for start, end in names)
            attribute = position in ends and text.startswith("的", position + len(cue))  # "党委批准的…"
            return inside_a_name or attribute

        best: tuple[int, int, str] | None = None
        chosen = None
        for kind in self.duty_kinds:
            for cue in kind.cue_words:
                position = text.find(cue)
                while position != -1 and not_the_action(position, cue):
                    position = text.find(cue, position + 1)
                if position != -1:
                    key = (position, -len(cue), str(kind.iri))
                    if best is None or key < best:
                        best, chosen = key, kind
        return chosen

    def _designations(self, doc_id: str, article: Article, out: Extraction) -> None:
        single = len(article.paragraphs) == 1
        for paragraph in article.paragraphs:
            ref = ProvisionRef.of(doc_id, article, None if single else paragraph.number)
            out.designations += self.designations.read(ref, paragraph.text)
            for item in paragraph.items:  # （一）应急管理部门是…综合监督管理部门…: a designation stated in an item
                item_ref = ref.item_of(item.number)
                out.designations += self.designations.read(item_ref, item.text, stated_only=True)


_TITLE_CITED = re.compile(r"《[^《》]*》")  # a document's title: its place words name no level of the provision


def _posts_among(named: list[Bearer], obligees: Sequence[Obligee]) -> bool:
    """Whether a paragraph whose subject names organs obliges only posts among them (前款规定的盟委常委中，分管组织工作的，
    应当…；分管宣传工作的，应当…: those members, not the Party committee): every clause that obliges names a role."""
    return (
        bool(named and obligees)
        and all(b.role is None for b in named)
        and all(b.role is not None for obligee in obligees for b in obligee.bearers)
    )


def _blank(match: re.Match[str]) -> str:
    return "　" * len(match.group(0))


_AFTER_NAME = re.compile(r"（[^（）]*）$")  # what follows a name in brackets (以下简称…): not part of it


def _subject(text: str, designation: re.Pattern[str]) -> str:
    """The part of a paragraph that names its bearer: up to the first comma, or up to "还应包括"; the whole head
    where it opens with a designation sentence (``designation``)."""
    head = text.split("还应包括")[0]
    if designation.match(head):
        return head  # "X是…部门，其主要负责人的…": the designation sentence names organ and role
    return re.split(r"[，。：]", head, maxsplit=1)[0]
