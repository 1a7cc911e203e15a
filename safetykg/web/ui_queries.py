"""The SPARQL behind the web pages, read from the ``.rq`` files of ``safetykg/web/queries/`` (a folder of their
own: ``data/queries/`` holds the canned questions). Values are bound as RDF terms by the worker, never pasted in;
the three templates (``terms``, ``duties``, ``designations``) are filled only with constant fragments of this
folder (``duty-match/<kind>.rq``, ``designation-match/<kind>.rq``) or of the question types.
"""

from pathlib import Path

from safetykg.core.namespaces import PREFIXES as NAMESPACES

FOLDER = Path(__file__).resolve().parent / "queries"
PREFIXES = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in NAMESPACES.items())


def _query(name: str) -> str:
    """A page query with the project's prefixes, without its comment lines."""
    text = (FOLDER / f"{name}.rq").read_text(encoding="utf-8")
    return PREFIXES + "\n".join(line for line in text.splitlines() if not line.startswith("#")).strip() + "\n"


def _fragments(folder: str) -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8").strip() for path in sorted((FOLDER / folder).glob("*.rq"))}


DOCUMENTS = _query("documents")
COUNTS = _query("counts")
TERMS = _query("terms")
CITATIONS = _query("citations")
COMMENTARY = _query("commentary")
# The reader (ui_reader): a regulation's provisions, facts, alignments both ways and header fields (?doc is bound).
READER_PROVISIONS = _query("reader-provisions")
READER_FACTS = _query("reader-facts")
READER_COUNTERPARTS = _query("reader-counterparts")
READER_TAKEN_UP = _query("reader-taken-up")
READER_META = _query("reader-meta")
DUTIES = _query("duties")
DESIGNATIONS = _query("designations")
ORGANS_OF = _query("organs-of")
COMPARE = _query("compare")
MEASURES = _query("measures")
PERIOD_WORDS = _query("period-words")
SEARCH = _query("search")  # the search index: every provision's words and what the filters read (web/search.py)
VOCABULARY = _query("vocabulary")  # the classes and properties the graph uses (the editor's completion)
# How duties and designations relate to an entity of each kind (constant fragments, ?entity is bound).
DUTY_MATCH = _fragments("duty-match")
DESIGNATION_MATCH = _fragments("designation-match")
