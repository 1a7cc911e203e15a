"""Work safety committees (安委会): who chairs, first-chairs, executive-vice-chairs and vice-chairs them, and
which posts the duty provisions give the leadership of the committee's work (read here; written as RDF by
``safetykg.rdf.committees``).

Titles are read from clauses such as "各级党委、政府主要负责人担任本级安委会主任",
"市级及以下各级党委书记任安全生产委员会第一主任" and "安全生产委员会主任应当由政府主要
负责人担任". A clause that names no organ ("其他班子成员担任副主任") takes the
organs of the clause before it. Leadership functions ("领导本地区安全生产委员会工作", "负责领导安全生产
委员会日常工作") are read from the duty provisions and given to the posts that bear those duties.
"""

from dataclasses import dataclass

from safetykg.core.iris import SKG
from safetykg.corpus.model import ParsedDocument
from safetykg.corpus.passages import passages, sentences
from safetykg.corpus.provisions import ProvisionRef
from safetykg.extract.bearers import BearerReader
from safetykg.extract.duties import Extraction
from safetykg.lexicon.vocabulary import Concept, Vocabulary

# the committee's names and the phrasings naming who holds its titles are the lexicon's (obligation-phrasings.ttl:
# committee, committee-holder-first, committee-title-first); the roles its titles give, roles.ttl's
# (skg:committeeTitle: 主任 the chair, 第一主任 the first chair …)


@dataclass(frozen=True)
class Seat:
    ref: ProvisionRef
    clause: str
    organ_kind: Concept
    role: Concept
    title: Concept | None  # a committee role (chair, …), or None for a leadership function
    function: Concept | None
    level_text: str | None
    levels: tuple[str, ...]


class CommitteeReader:
    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.organs = vocabulary.matcher("organ-kinds")
        self.roles = vocabulary.matcher("roles")
        self.functions = vocabulary.matcher("committee-functions")
        self.bearers = BearerReader(vocabulary)
        self.phrasings = self.bearers.wording.phrasings
        self.titles = {
            str(title): role
            for role in vocabulary.in_scheme("roles")
            for title in vocabulary.graph.objects(role.iri, SKG.committeeTitle)
        }

    def read(self, doc: ParsedDocument, extraction: Extraction) -> list[Seat]:
        seats: list[Seat] = []
        for passage in passages(doc):
            for sentence in sentences(passage.text):
                if self.phrasings["committee"].search(sentence):
                    seats += self._titles(passage.ref, sentence)
            if self.bearers.wording.names_function(passage.heading, "duties"):
                seats += self._functions(passage.ref, passage.text, extraction)
        return seats

    def _titles(self, ref: ProvisionRef, sentence: str) -> list[Seat]:
        found = [
            (m.start(), m.group(1), m.group(2)) for m in self.phrasings["committee-holder-first"].finditer(sentence)
        ]
        found += [
            (m.start(), m.group(2), m.group(1)) for m in self.phrasings["committee-title-first"].finditer(sentence)
        ]
        seats: list[Seat] = []
        organs: list[Concept] = []
        for start, holder, title in sorted(found):
            organs = [self.bearers.post_organ(m.concept) for m in self.organs.find(holder)] or organs
            role = self.bearers.role(holder)
            if role is None:
                continue
            levels, level_text = self.bearers.wording.levels_in("committee", holder)
            concept = self.titles[title]
            clause = _comma_clause(sentence, start)
            seats += [Seat(ref, clause, organ, role, concept, None, level_text, levels) for organ in organs]
        return seats

    def _functions(self, ref: ProvisionRef, text: str, extraction: Extraction) -> list[Seat]:
        seats: list[Seat] = []
        for match in self.functions.find(text):
            clause = match.label
            for duty in extraction.duties:
                role = duty.bearer.role
                if duty.ref == ref and role is not None:
                    seats.append(Seat(ref, clause, duty.bearer.organ_kind, role, None, match.concept, None, ()))
        return seats


def _comma_clause(sentence: str, position: int) -> str:
    """The part of the sentence between the commas around a position."""
    start = sentence.rfind("，", 0, position) + 1
    end = sentence.find("，", position)
    return sentence[start : end if end != -1 else len(sentence)]
