"""What the interpreter's tests share: a place's parameter, and, to check a rule can fail, the interpreter as it is with
one of its word lists switched off (taken from it), so that a test shows the texts the rule reads are not read so
without it."""

import dataclasses
from collections.abc import Iterable
from typing import Any

from safetykg.query.interpret import Interpreter
from safetykg.query.questions import load_questions

Said = dict[str, tuple[str, dict[str, str]]]  # text -> (the question, its parameters) it is to be read as

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


def without_phrases(vocabulary: dict, interpreter: Interpreter, qid: str, lang: str, *phrases: str) -> Interpreter:
    """A new interpreter whose question ``qid`` lacks the given asked phrases of a language (each of them its own)."""
    questions = load_questions()
    field = f"asked_{lang}"
    asked = getattr(questions[qid], field)
    kept = tuple(p for p in asked if p not in phrases)
    assert len(kept) == len(asked) - len(set(phrases)), phrases
    questions[qid] = dataclasses.replace(questions[qid], **{field: kept})
    return Interpreter(vocabulary, questions, interpreter.wording)


def reads(interpreter: Interpreter, said: Said) -> None:
    """Each text is read, confidently, as its question with exactly its parameters."""
    for text, (question, params) in said.items():
        reading = interpreter.interpret(text)
        assert reading.confident and reading.question == question and reading.params == params, (text, reading)


def not_read(interpreter: Interpreter, said: Said) -> None:
    """No text is read, confidently, as its question with exactly its parameters (a rule switched off)."""
    for text, (question, params) in said.items():
        wrong = interpreter.interpret(text)
        assert not (wrong.confident and wrong.question == question and wrong.params == params), (text, wrong)


def declined(interpreter: Interpreter, texts: Iterable[str], reason: str | None = None) -> None:
    """No text is read confidently; when ``reason`` is given, it is among the reasons each is declined for."""
    for text in texts:
        reading = interpreter.interpret(text)
        assert not reading.confident, (text, reading)
        assert reason is None or any(r["reason"] == reason for r in reading.missing), (text, reading)


def confidently_read_as(interpreter: Interpreter, texts: Iterable[str], question: str) -> None:
    """Each text is read confidently as ``question``, whatever its parameters: what a rule switched off lets through."""
    for text in texts:
        reading = interpreter.interpret(text)
        assert reading.confident and reading.question == question, (text, reading)
