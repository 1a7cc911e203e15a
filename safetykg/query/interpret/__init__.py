"""Ask in words: a question typed in Chinese or English, read as one canned question and its parameters.

Everything the interpreter knows about wording is data: how people ask each question is its header's
``asked`` phrases (``safetykg/data/queries/*.rq``); values are found by their SKOS and RDFS labels in the
published build (every pref, alt and hidden label, longest match first, Chinese without word boundaries);
what is out of scope, the places that have no rule and the words around a free-text value are in
``interpreting.toml`` beside the questions.

How a reading is chosen:

1. The text is normalised (NFKC, lower case) and every label of every parameter type found in it is a
   candidate value; overlapping candidates keep the longest.
2. Each question is scored: its best-matching phrase (more for a longer one, a quarter for each other),
   a half for each parameter filled, less for each value found that it cannot take, and a full point less for
   each required parameter left empty. An organ can also be given as its place and its kind (<place> … <kind of department>).
3. The best reading is **confident** only when a phrase of its question matched, every required parameter
   has exactly one value, nothing out of scope or a place without a rule was named, no free-text value looks
   like words of the question rather than of the rules, and it leads the next reading by a clear margin.
   Otherwise there is no answer: up to three readings are offered, with what is missing
   (``Interpretation.missing``).

The package, its modules importing one way (each from those before it):

- ``readings``: what is found and given (spans, values found, readings, the interpretation);
- ``text``: text normalised, stemmed and split, and the asked phrases compiled;
- ``wording``: the words that are not labels (``interpreting.toml``), and the labels read from the build;
- ``indexes`` → ``places`` → ``values`` → ``phrases`` → ``interpreter``: the ``Interpreter`` class in five layers,
  each a subclass of the one before: its indexes, places with no rule or not known, finding values, reading
  questions, the interpretation (in steps: values said, phrases found and set aside, questions read, readings
  ranked, what stands in the best one's way, the reasons it has no answer).

The interpreter never imports rdflib and needs no store once built: ``vocabulary_from_store`` reads the labels
once (in a worker, or in the CLI's process) into plain data, and ``Interpreter`` answers in-process.
"""

from safetykg.query.interpret.interpreter import Interpreter, explain, load_interpreter
from safetykg.query.interpret.readings import Interpretation, Mention, Reading, Span
from safetykg.query.interpret.text import normal
from safetykg.query.interpret.wording import InterpretingError, Wording, vocabulary_from_store

__all__ = [
    "Interpretation",
    "Interpreter",
    "InterpretingError",
    "Mention",
    "Reading",
    "Span",
    "Wording",
    "explain",
    "load_interpreter",
    "normal",
    "vocabulary_from_store",
]
