"""Work safety committee seats as RDF: who chairs or leads the committee's work, citing the provision."""

from rdflib import RDF, RDFS, Graph

from safetykg.core import iris
from safetykg.core.iris import SKG
from safetykg.corpus.catalogue import SourceDocument
from safetykg.extract.committees import Seat
from safetykg.lexicon.vocabulary import Vocabulary
from safetykg.rdf.documents import zh
from safetykg.rdf.duties import DutyGraphWriter


def write_committee_seats(g: Graph, vocabulary: Vocabulary, source: SourceDocument, seats: list[Seat]) -> None:
    place = vocabulary.concepts[iris.jurisdiction(source.jurisdiction)]
    committee_kind = vocabulary.concepts[iris.concept("organ-kind", "safety-committee")]
    # posts and organs are written exactly as the duty writer writes them, so that they are the same nodes
    duty_writer = DutyGraphWriter(vocabulary)
    for seat in seats:
        provision = seat.ref.iri
        committee = duty_writer.organ(g, source, place, committee_kind, provision)
        post = duty_writer.post(g, source, place, seat.organ_kind, seat.role, provision)
        position = seat.title or seat.function
        assert position is not None
        node = iris.committee_seat(provision, iris.slug_of(position.iri), post)
        g.add((node, RDF.type, SKG.CommitteeSeat))
        g.add((node, SKG.committee, committee))
        g.add((node, SKG.seatHolder, post))
        g.add((node, SKG.source, provision))
        g.add((node, SKG.text, zh(seat.clause)))
        g.add((node, SKG.citation, zh(seat.ref.citation(source.short_title))))
        g.add((node, SKG.jurisdiction, place.iri))
        g.add((node, RDFS.label, zh(f"{seat.organ_kind.pref_zh}{seat.role.pref_zh}：{position.pref_zh}")))
        if seat.title is not None:
            g.add((node, SKG.seatRole, seat.title.iri))
            g.add((post, SKG.committeeRole, seat.title.iri))
        if seat.function is not None:
            g.add((node, SKG.committeeFunction, seat.function.iri))
        if seat.level_text is not None:
            g.add((node, SKG.levelQualifier, zh(seat.level_text)))
        for level in seat.levels:
            g.add((node, SKG.appliesAtLevel, iris.concept("level", level)))
