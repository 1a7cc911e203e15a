"""Check Turtle ontologies and data for OWL 2 DL consistency with the HermiT reasoner.

The Turtle files are merged with rdflib, written as N-Triples to a temporary
directory and loaded into an isolated owlready2 world; HermiT (bundled with
owlready2, run on the system's Java) then classifies the result.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import owlready2
from rdflib import Graph
from rdflib.exceptions import ParserError

__all__ = ["InconsistentOntologyError", "OntologyLoadError", "check_consistency"]

_NOTHING = "http://www.w3.org/2002/07/owl#Nothing"


class InconsistentOntologyError(Exception):
    """The merged graphs entail a contradiction (no model exists)."""

    def __init__(self, paths: list[Path], detail: str = "") -> None:
        names = ", ".join(str(p) for p in paths)
        message = f"HermiT found the ontology inconsistent: {names}"
        if detail:
            message = f"{message}\n{detail}"
        super().__init__(message)
        self.paths = paths


class OntologyLoadError(Exception):
    """A Turtle file could not be read or parsed."""


def _merge_to_ntriples(turtle_paths: list[Path], directory: Path) -> Path:
    """Parse every Turtle file into one graph and serialise it as N-Triples."""
    graph = Graph()
    for path in turtle_paths:
        try:
            graph.parse(path, format="turtle")
        except (OSError, ParserError, SyntaxError) as error:
            raise OntologyLoadError(f"{path}: cannot parse as Turtle: {error}") from error
    target = directory / "merged.nt"
    graph.serialize(destination=target, format="nt", encoding="utf-8")
    return target


def check_consistency(turtle_paths: list[Path]) -> list[str]:
    """Run HermiT on the union of ``turtle_paths``.

    Returns the sorted IRIs of unsatisfiable named classes (empty when all are
    satisfiable). Raises :class:`InconsistentOntologyError` when the graphs are
    inconsistent and :class:`OntologyLoadError` when a file cannot be read.
    """
    paths = [Path(p) for p in turtle_paths]
    if not paths:
        raise ValueError("check_consistency needs at least one Turtle file")
    with tempfile.TemporaryDirectory(prefix="safetykg-hermit-") as tmp:
        ntriples = _merge_to_ntriples(paths, Path(tmp))
        world = owlready2.World()
        try:
            ontology = world.get_ontology(ntriples.as_uri()).load(format="ntriples")
        except (OSError, ValueError) as error:
            raise OntologyLoadError(f"{ntriples}: owlready2 cannot load it: {error}") from error
        try:
            with ontology:
                # xsd:date (eli:date_document) is outside the OWL 2 datatype map.
                owlready2.sync_reasoner_hermit(world, debug=0, ignore_unsupported_datatypes=True)
        except owlready2.OwlReadyInconsistentOntologyError as error:
            raise InconsistentOntologyError(paths) from error
        except owlready2.OwlReadyJavaError as error:
            raise OntologyLoadError(f"HermiT failed on {', '.join(map(str, paths))}: {error}") from error
        unsatisfiable = {cls.iri for cls in world.inconsistent_classes() if cls.iri != _NOTHING}
        world.close()
    return sorted(unsatisfiable)


if __name__ == "__main__":
    import sys
    import time

    started = time.perf_counter()
    result = check_consistency([Path(arg) for arg in sys.argv[1:]])
    elapsed = time.perf_counter() - started
    print(f"consistent; {len(result)} unsatisfiable classes; {elapsed:.2f} s")
    for iri in result:
        print(iri)
