"""Reporting duties: 述职, and yearly or regular reports to a Party committee, government or safety committee.

A sentence (cut at 。 and ；) is a reporting requirement when it names 述职, or when it reports to a
safety committee ("…报上一级安全生产委员会备案"), or when it reports at a stated interval
("每年向本级政府提交安全生产工作报告"). The recipients are the organs named between 向/报 and
提交/报告/备案, the period the interval word of the same clause.
"""

import re
from dataclasses import dataclass

from safetykg.corpus.passages import Passage, sentences
from safetykg.corpus.provisions import ProvisionRef
from safetykg.lexicon.vocabulary import Concept, Vocabulary
from safetykg.lexicon.wording import Wording

# 述职 and the verbs of reporting (报告, 提交, 备案) are the lexicon's (obligation-phrasings.ttl: debriefing, report-verb);
# the kind of a requirement is its phrasing's name (述职, 报告)


@dataclass(frozen=True)
class ReportingRequirement:
    ref: ProvisionRef
    text: str  # the sentence
    kind: str  # the name of its phrasing: 述职 (debriefing) or 报告 (report-verb)
    recipients: tuple[Concept, ...]
    recipient_text: tuple[str, ...]  # as written: "上一级安全生产委员会"
    period: str | None  # ISO 8601, where the clause states an interval
    number: int


class ReportingReader:
    def __init__(self, vocabulary: Vocabulary) -> None:
        self.organs = vocabulary.matcher("organ-kinds")
        self.wording = Wording(vocabulary)
        self.period = self.wording.period_pattern()
        # a report to someone at an interval, stated or not ("每年…向", "定期…向")
        self.at_interval = re.compile(
            f"(?:{self.wording.period_pattern(with_duration_only=False).pattern})"
            + self.wording.phrasings["reported-to"].pattern
        )

    def read(self, found: list[Passage]) -> list[ReportingRequirement]:
        out: list[ReportingRequirement] = []
        for passage in found:
            number = 0
            for sentence in sentences(passage.text):
                kind = self._kind(sentence)
                if kind is None:
                    continue
                number += 1
                out.append(self._requirement(passage.ref, sentence, kind, number))
        return out

    def _kind(self, sentence: str) -> str | None:
        phrasings = self.wording.phrasings
        if phrasings["debriefing"].search(sentence):
            return self.wording.phrasing_names["debriefing"]
        reports = phrasings["report-verb"].search(sentence)
        if reports and (phrasings["to-committee"].search(sentence) or self.at_interval.search(sentence)):
            return self.wording.phrasing_names["report-verb"]
        return None

    def _requirement(self, ref: ProvisionRef, sentence: str, kind: str, number: int) -> ReportingRequirement:
        recipients: dict[str, Concept] = {}
        texts: list[str] = []
        period = None
        if kind != self.wording.phrasing_names["debriefing"]:
            for match in self.wording.phrasings["report-recipient"].finditer(sentence):
                organs = self.organs.concepts_in(match.group(1))
                if not organs:
                    continue
                texts.append(match.group(1))
                recipients.update((str(c.iri), c) for c in organs)
                clause_start = sentence.rfind("，", 0, match.start()) + 1
                interval = self.period.search(sentence, clause_start, match.start())
                period = period or (self.wording.periods[interval.group(0)] if interval else None)
        return ReportingRequirement(ref, sentence, kind, tuple(recipients.values()), tuple(texts), period, number)
