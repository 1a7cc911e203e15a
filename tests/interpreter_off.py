"""What the interpreter's tests share: a place's parameter, and, to check a rule can fail, the interpreter as it is with
one of its word lists switched off (taken from it), so that a test shows the texts the rule reads are not read so
without it."""

import dataclasses
from collections.abc import Iterable
from typing import Any

from safetykg.query.interpret import Interpreter
from safetykg.query.questions import load_questions

ID = "https://w3id.org/safetykg/id/"


def place(slug: str) -> dict[str, str]:
    """The parameters of a question asked of one place."""
    return {"jurisdiction": ID + "jurisdiction/" + slug}


def switched_off(interpreter: Interpreter, *, out_of_scope: Iterable[str] = (), **wording: Any) -> Interpreter:
    """A copy of the interpreter without the given out-of-scope words and with the given wording fields replaced."""
    off = Interpreter.__new__(Interpreter)
    off.__dict__.update(interpreter.__dict__)
    left_out = set(out_of_scope)
    off.out_of_scope = tuple(word for word in interpreter.out_of_scope if word not in left_out)
    if wording:
        off.wording = dataclasses.replace(interpreter.wording, **wording)
    return off


def rebuilt_without(vocabulary: dict, interpreter: Interpreter, **wording: tuple[str, ...]) -> Interpreter:
    """A new interpreter over the same labels with the given wording fields replaced (for wording read while it is
    built)."""
    return Interpreter(vocabulary, load_questions(), dataclasses.replace(interpreter.wording, **wording))
