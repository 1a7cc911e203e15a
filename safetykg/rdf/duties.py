"""Organs, posts, duties, designations and frequencies as RDF, each citing its provision."""

from collections import Counter

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import ORG, SKOS

from safetykg.core import iris
from safetykg.core.iris import SKG
from safetykg.corpus.catalogue import SourceDocument
from safetykg.extract.bearers import Bearer
from safetykg.extract.duties import Duty, Extraction
from safetykg.lexicon.vocabulary import Concept, Vocabulary
from safetykg.rdf.documents import en, zh

_DESIGNATION_CLASS = {
    "supervisory-department": SKG.SupervisoryDepartment,
    "industry-authority": SKG.IndustryAuthority,
    "comprehensive-supervisor": SKG.ComprehensiveSupervisor,
    "support-obligation": SKG.SupportingDepartment,
}


def duty_node(duty: Duty) -> URIRef:
    """The IRI of a duty: its provision's, with the bearer's organ kind (and role) when the provision has several."""
    suffix = iris.slug_of(duty.bearer.organ_kind.iri) if duty.shared else None
    if duty.by_role:
        role = duty.bearer.role
        suffix = f"{suffix}-{iris.slug_of(role.iri) if role is not None else 'organ'}"
    return iris.duty(duty.ref.iri, suffix)


class DutyGraphWriter:
    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary

    def write(self, g: Graph, source: SourceDocument, extraction: Extraction) -> None:
        place = self.vocabulary.concepts[iris.jurisdiction(source.jurisdiction)]
        frequency_nodes = self._frequencies(g, source, extraction)
        for duty in extraction.duties:
            required = [
                node
                for node, bearers in frequency_nodes.get(duty.ref.iri, [])
                if bearers is None or duty.bearer in bearers
            ]
            self._duty(g, source, place, duty, required)
        for ref, levels in extraction.provision_levels.items():
            for level in levels:
                g.add((ref.iri, SKG.namesLevel, iris.concept("level", level)))
        alike = Counter((d.ref, d.type_slug) for d in extraction.designations)
        for designation in extraction.designations:
            organ = self.organ(g, source, place, designation.organ_kind, designation.ref.iri)
            several = alike[(designation.ref, designation.type_slug)] > 1
            node = iris.designation(
                designation.ref.iri,
                designation.type_slug,
                iris.slug_of(designation.organ_kind.iri) if several else None,
            )
            g.add((node, RDF.type, SKG.Designation))
            g.add((node, SKG.designatedOrgan, organ))
            g.add((node, SKG.designationType, iris.concept("designation-type", designation.type_slug)))
            g.add((node, SKG.source, designation.ref.iri))
            g.add((node, SKG.text, zh(designation.text)))
            g.add((node, SKG.citation, zh(designation.ref.citation(source.short_title))))
            g.add((node, SKG.jurisdiction, place.iri))
            g.add((node, RDFS.label, zh(f"{designation.organ_kind.pref_zh}：{designation.text}")))
            for domain in designation.domains:
                g.add((node, SKG.concernsDomain, domain.iri))
            g.add((organ, RDF.type, _DESIGNATION_CLASS[designation.type_slug]))

    def organ(self, g: Graph, source: SourceDocument, place: Concept, kind: Concept, provision: URIRef) -> URIRef:
        """The organ node of a kind in a jurisdiction (one node, whichever provision names it)."""
        node = iris.organ(source.jurisdiction, kind.iri)
        g.add((node, RDF.type, SKG.Organ))
        g.add((node, RDF.type, kind.organ_category or SKG.Organ))
        g.add((node, SKG.organKind, kind.iri))
        g.add((node, SKG.jurisdiction, place.iri))
        g.add((node, SKOS.prefLabel, zh(kind.pref_zh)))
        g.add((node, SKOS.prefLabel, en(kind.pref_en)))
        g.add((node, RDFS.label, zh(f"{kind.pref_zh}（{place.short_zh or place.pref_zh}）")))
        g.add((node, RDFS.label, en(f"{kind.pref_en} ({place.pref_en})")))
        g.add((node, SKOS.altLabel, zh(f"{place.short_zh}{kind.pref_zh}")))
        g.add((node, SKG.source, provision))
        return node

    def post(
        self, g: Graph, source: SourceDocument, place: Concept, kind: Concept, role: Concept, provision: URIRef
    ) -> URIRef:
        organ = self.organ(g, source, place, kind, provision)
        node = iris.post(source.jurisdiction, kind.iri, role.iri)
        g.add((node, RDF.type, SKG.Post))
        g.add((node, ORG.postIn, organ))
        g.add((node, ORG.role, role.iri))
        g.add((node, SKG.jurisdiction, place.iri))
        g.add((node, SKOS.prefLabel, zh(f"{kind.pref_zh}{role.pref_zh}")))
        g.add((node, SKOS.prefLabel, en(f"{role.pref_en}, {kind.pref_en}")))
        g.add((node, RDFS.label, zh(f"{kind.pref_zh}{role.pref_zh}（{place.short_zh or place.pref_zh}）")))
        g.add((node, RDFS.label, en(f"{role.pref_en}, {kind.pref_en} ({place.pref_en})")))
        g.add((node, SKG.source, provision))
        return node

    def _duty(self, g: Graph, source: SourceDocument, place: Concept, duty: Duty, frequencies: list[URIRef]) -> None:
        provision = duty.ref.iri
        kind, role = duty.bearer.organ_kind, duty.bearer.role
        if role is None:
            bearer = self.organ(g, source, place, kind, provision)
        else:
            bearer = self.post(g, source, place, kind, role, provision)
        node = duty_node(duty)
        g.add((node, RDF.type, SKG.Duty))
        g.add((node, SKG.bearer, bearer))
        g.add((node, SKG.source, provision))
        g.add((node, SKG.text, zh(duty.text)))
        g.add((node, SKG.citation, zh(duty.ref.citation(source.short_title))))
        g.add((node, SKG.jurisdiction, place.iri))
        g.add((node, RDFS.label, zh(duty.text[:40] + ("…" if len(duty.text) > 40 else ""))))
        for domain in duty.domains:
            g.add((node, SKG.concernsDomain, domain.iri))
        if duty.kind is not None:
            g.add((node, SKG.dutyKind, duty.kind.iri))
        if duty.chapter_function is not None:
            g.add((node, SKG.chapterFunction, duty.chapter_function.iri))
        if duty.level is not None:
            g.add((node, SKG.levelQualifier, zh(duty.level.text)))
            for level in duty.level.levels:
                g.add((node, SKG.appliesAtLevel, iris.concept("level", level)))
        for frequency in frequencies:
            g.add((node, SKG.hasFrequency, frequency))

    def _frequencies(
        self, g: Graph, source: SourceDocument, extraction: Extraction
    ) -> dict[URIRef, list[tuple[URIRef, tuple[Bearer, ...] | None]]]:
        """Each provision's frequency nodes, with the bearers each is required of (None: all of the provision's)."""
        by_provision: dict[URIRef, list[tuple[URIRef, tuple[Bearer, ...] | None]]] = {}
        for found in extraction.frequencies:
            provision = found.ref.iri
            nodes = by_provision.setdefault(provision, [])
            node = iris.frequency(provision, len(nodes) + 1)
            nodes.append((node, found.bearers))
            f = found.frequency
            g.add((node, RDF.type, SKG.Frequency))
            g.add((node, SKG.source, provision))
            g.add((node, SKG.citation, zh(found.ref.citation(source.short_title))))
            g.add((node, SKG.jurisdiction, iris.jurisdiction(source.jurisdiction)))
            g.add((node, SKG.activity, zh(f.activity)))
            g.add((node, SKG.activityKind, iris.concept("activity-kind", f.activity_kind)))
            g.add((node, SKG.minimumCount, Literal(f.minimum_count)))
            if f.period is not None:
                g.add((node, SKG.period, Literal(f.period)))
            else:
                g.add((node, SKG.periodUnstated, Literal(True)))
            g.add((node, RDFS.label, zh(f"{f.activity}（{f.period or '定期'}，至少{f.minimum_count}次）")))
            if f.subject:
                g.add((node, SKG.subjectText, zh(f.subject)))
            if found.level_text:
                g.add((node, SKG.levelQualifier, zh(found.level_text)))
            for level in found.levels:
                g.add((node, SKG.appliesAtLevel, iris.concept("level", level)))
        return by_provision
