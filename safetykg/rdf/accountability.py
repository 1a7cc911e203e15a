"""Accountability as RDF: triggers, measures, circumstances, pursuits, vetoes, lifetime, accident grades, reporting.

Every node cites its provision (skg:source, skg:citation), keeps its exact words (skg:text) and its
jurisdiction, and lives in the document's named graph.
"""

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from safetykg.core import iris
from safetykg.core.iris import SKG
from safetykg.corpus.catalogue import SourceDocument
from safetykg.corpus.provisions import ProvisionRef
from safetykg.extract.accountability import Accountability
from safetykg.lexicon.vocabulary import Vocabulary
from safetykg.rdf.documents import zh
from safetykg.rdf.duties import DutyGraphWriter

_CIRCUMSTANCE_CLASS = {
    "aggravating": SKG.AggravatingCircumstance,
    "mitigating": SKG.MitigatingCircumstance,
    "exemption": SKG.Exemption,
}


class AccountabilityGraphWriter:
    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary

    def write(self, g: Graph, source: SourceDocument, found: Accountability) -> None:
        def node(iri: URIRef, kind: URIRef, ref: ProvisionRef, text: str, label: str) -> URIRef:
            g.add((iri, RDF.type, kind))
            g.add((iri, SKG.source, ref.iri))
            g.add((iri, SKG.text, zh(text)))
            g.add((iri, SKG.citation, zh(ref.citation(source.short_title))))
            g.add((iri, SKG.jurisdiction, iris.jurisdiction(source.jurisdiction)))
            g.add((iri, RDFS.label, zh(label[:40] + ("…" if len(label) > 40 else ""))))
            return iri

        for trigger in found.triggers:
            n = node(iris.trigger(trigger.ref.iri), SKG.AccountabilityTrigger, trigger.ref, trigger.text, trigger.text)
            g.add((n, SKG.ordinal, Literal(trigger.number)))
            for domain in trigger.domains:
                g.add((n, SKG.concernsDomain, domain.iri))
        for listing in found.measures:
            target = iris.concept("accountability-target", listing.target)
            iri = iris.measure_listing(listing.ref.iri, listing.target, listing.measure.iri)
            n = node(
                iri, SKG.MeasureListing, listing.ref, listing.clause, f"{listing.measure.pref_zh}：{listing.clause}"
            )
            g.add((n, SKG.measure, listing.measure.iri))
            g.add((n, SKG.measureTarget, target))
            g.add((n, SKG.ordinal, Literal(listing.position)))
        for circumstance in found.circumstances:
            kind = _CIRCUMSTANCE_CLASS[circumstance.kind]
            node(iris.circumstance(circumstance.ref.iri), kind, circumstance.ref, circumstance.text, circumstance.text)
        for pursuit in found.pursuits:
            n = node(
                iris.pursuit(pursuit.ref.iri, pursuit.number),
                SKG.PursuitRule,
                pursuit.ref,
                pursuit.clause,
                pursuit.clause,
            )
            for organ in pursuit.organs:
                g.add((n, SKG.pursuedBy, iris.organ(source.jurisdiction, organ.iri)))
                self._organ(g, source, organ.iri, pursuit.ref.iri)
        for veto in found.vetoes:
            n = node(iris.veto(veto.ref.iri), SKG.VetoRule, veto.ref, veto.text, veto.text)
            g.add((n, SKG.vetoKind, veto.kind.iri))
            for effect in veto.effects:
                g.add((n, SKG.vetoEffect, zh(effect)))
        for rule in found.lifetime:
            n = node(
                iris.lifetime_accountability(rule.ref.iri), SKG.LifetimeAccountability, rule.ref, rule.text, rule.text
            )
            g.add((n, SKG.condition, zh(rule.condition)))
        for grade in found.accident_grades:
            n = node(iris.accident_grade_rule(grade.ref.iri), SKG.AccidentGradeRule, grade.ref, grade.text, grade.text)
            g.add((n, SKG.accidentGrade, grade.grade.iri))
            g.add((n, SKG.engagedPartyAndGovernment, zh(grade.party_and_government)))
            g.add((n, SKG.engagedSupervisoryDepartments, zh(grade.supervisory_departments)))
            if grade.leaders:
                g.add((n, SKG.engagedLeaders, zh(grade.leaders)))
            for level in grade.party_and_government_levels:
                g.add((n, SKG.engagesPartyAndGovernmentAt, level.iri))
            for level in grade.supervisory_levels:
                g.add((n, SKG.engagesSupervisoryDepartmentsAt, level.iri))
        for report in found.reporting:
            n = node(
                iris.reporting(report.ref.iri, report.number),
                SKG.ReportingRequirement,
                report.ref,
                report.text,
                report.text,
            )
            g.add((n, SKG.reportingKind, zh(report.kind)))
            for recipient in report.recipients:
                g.add((n, SKG.recipientKind, recipient.iri))
            for text in report.recipient_text:
                g.add((n, SKG.recipientText, zh(text)))
            if report.period:
                g.add((n, SKG.reportingPeriod, Literal(report.period)))

    def _organ(self, g: Graph, source: SourceDocument, kind_iri: URIRef, provision: URIRef) -> None:
        """The pursuing organ, as the duty writer writes organs (same IRI, labels and kind)."""
        place = self.vocabulary.concepts[iris.jurisdiction(source.jurisdiction)]
        DutyGraphWriter(self.vocabulary).organ(g, source, place, self.vocabulary.concepts[kind_iri], provision)
