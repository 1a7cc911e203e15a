"""A question in words on the search page: the interpretation above the provision hits, as chips people can
change (a jurisdiction with one click, any value in the question's form), the answer under it; or, when there
is no confident reading, what is missing and the closest readings to choose from.

A reading chosen on the page travels in the URL: ``ask=<question>`` and ``ask.<parameter>=<value>`` next to
``q``; the page then answers that question with those values (the words of ``q`` still give the hits)."""

from typing import Any
from urllib.parse import urlencode

from safetykg.query.interpret import Interpretation, Wording, explain
from safetykg.query.questions import TERM_TYPES, Question
from safetykg.web.ui_corpus import Labels
from safetykg.web.ui_text import label, parameter_label

CHOSEN = "ask"  # the URL parameter naming a chosen question; ask.<name> its values


def chosen_reading(params: list[tuple[str, str]]) -> tuple[str, dict[str, str]]:
    """The question and values a person chose on the page (``ask``, ``ask.<name>``), or ('', {})."""
    question = next((v for k, v in params if k == CHOSEN), "")
    values = {k[len(CHOSEN) + 1 :]: v for k, v in params if k.startswith(CHOSEN + ".") and v.strip()}
    return question, values


def reading_url(query: str, question: str, values: dict[str, str], lang: str, keep: list[tuple[str, str]]) -> str:
    """The search page answering ``question`` with ``values`` for the words ``query`` (filters kept)."""
    params = [("q", query), *keep, (CHOSEN, question), *((f"{CHOSEN}.{k}", v) for k, v in values.items())]
    params += [] if lang == "zh" else [("lang", lang)]
    return "/search?" + urlencode(params)


def form_url(question: str, values: dict[str, str], lang: str) -> str:
    """The question's own form, filled in: where any value can be changed."""
    params = [*values.items(), ("ask", "1")] + ([] if lang == "zh" else [("lang", lang)])
    return f"/ask/{question}?" + urlencode(params)


def interpretation_view(
    reading: Interpretation,
    chosen: bool,
    questions: dict[str, Question],
    wording: Wording,
    places: list[str],
    labels: Labels,
    lang: str,
    query: str,
    keep: list[tuple[str, str]],
) -> dict[str, Any]:
    """What the page shows of a reading: the question and a chip per value (a jurisdiction offering every other
    place with a rule), or why there is no answer and up to three readings to choose."""
    if reading.confident and reading.question:
        question = questions[reading.question]
        chips = []
        for parameter in question.parameters:
            value = reading.params.get(parameter.name, "")
            if not value:
                continue
            chip: dict[str, Any] = {
                "name": parameter_label(lang, parameter.name),
                "value": label(labels, value, lang) if parameter.type in TERM_TYPES else value,
                "others": [],
            }
            if parameter.type == "jurisdiction":
                chip["others"] = [
                    {
                        "text": label(labels, place, lang),
                        "href": reading_url(query, question.id, {**reading.params, parameter.name: place}, lang, keep),
                    }
                    for place in places
                    if place != value
                ]
            chips.append(chip)
        return {
            "confident": True,
            "chosen": chosen,
            "title": question.title_en if lang == "en" else question.title_zh,
            "question": question.id,
            "confidence": reading.confidence,
            "chips": chips,
            "edit": form_url(question.id, reading.params, lang),
        }
    options = []
    for alternative in reading.alternatives:
        offered = questions.get(alternative["question"])
        if offered is None:
            continue
        values = alternative["params"]
        words = ", ".join(
            f"{parameter_label(lang, name)}: {label(labels, value, lang) if value.startswith('http') else value}"
            for name, value in values.items()
        )
        missing = any(p.required and p.name not in values for p in offered.parameters)
        options.append(
            {
                "title": offered.title_en if lang == "en" else offered.title_zh,
                "given": words,
                "href": form_url(offered.id, values, lang)
                if missing
                else reading_url(query, offered.id, values, lang, keep),
            }
        )
    return {"confident": False, "sentences": explain(reading, questions, wording, lang), "options": options}


def reading_iris(reading: Interpretation) -> list[str]:
    """The IRIs a reading names (its values and its alternatives'), whose labels the page shows."""
    values = [*reading.params.values(), *(v for a in reading.alternatives for v in a["params"].values())]
    return [v for v in values if v.startswith(("http://", "https://"))]
