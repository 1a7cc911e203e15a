"""What the interpreter's tests share to check a rule can fail: the interpreter as it is, with one of its word lists
switched off (taken from it), so that a test shows the texts the rule reads are not read so without it."""

import dataclasses
from collections.abc import Iterable
from typing import Any

from safetykg.query.interpret import Interpreter


def switched_off(interpreter: Interpreter, *, out_of_scope: Iterable[str] = (), **wording: Any) -> Interpreter:
    """A copy of the interpreter without the given out-of-scope words and with the given wording fields replaced."""
    off = Interpreter.__new__(Interpreter)
    off.__dict__.update(interpreter.__dict__)
    left_out = set(out_of_scope)
    off.out_of_scope = tuple(word for word in interpreter.out_of_scope if word not in left_out)
    if wording:
        off.wording = dataclasses.replace(interpreter.wording, **wording)
    return off
