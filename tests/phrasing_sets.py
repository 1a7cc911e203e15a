"""What the shape tests of the phrasing sets share (tests/gold/phrasings*.yaml, fields as in phrasings.md): the
questions, the styles, the lexicon's IRIs and the checks that every question, parameter and concept is real."""

import re
from pathlib import Path
from typing import Any

import yaml

from safetykg.query.questions import LITERAL_TYPES, Question, parse_question

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
QUERIES = ROOT / "safetykg" / "data" / "queries"
LEXICON = ROOT / "safetykg" / "data" / "lexicon"
ID = "https://w3id.org/safetykg/id/"
# where the concepts of each parameter type live (an organ is <place>/<organ kind>, checked part by part)
NAMESPACE = {
    "jurisdiction": "jurisdiction",
    "domain": "domain",
    "role": "role",
    "level": "level",
    "organ-kind": "organ-kind",
    "activity-kind": "activity-kind",
    "designation-type": "designation-type",
    "accountability-measure": "accountability-measure",
}
STYLES = {"formal", "colloquial", "keywords", "abbreviation", "paraphrase"}
DECLINE_STYLES = {"out-of-scope", "ambiguous", "no-rule-place"}
# the held-out sets, tests/gold/phrasings-<part>.yaml, in the order they were written, each blind after a round
HELD_OUT_PARTS = (
    "holdout2",
    "holdout3",
    "holdout4",
    "holdout5",
    "holdout6",
    "holdout7",
    "holdout8",
    "holdout9",
    "holdout10",
    "holdout11",
    "holdout12",
    "holdout13",
    "holdout14",
    "holdout15",
    "holdout16",
    "holdout17",
    "holdout18",
    "holdout19",
    "holdout20",
    "holdout21",
    "holdout22",
    "holdout23",
    "holdout24",
    "holdout25",
    "holdout26",
    "holdout27",
    "holdout28",
    "holdout29",
    "holdout30",
    "holdout31",
    "holdout32",
    "holdout33",
    "holdout34",
    "holdout35",
    "holdout36",
    "holdout37",
    "holdout38",
    "holdout39",
    "holdout40",
    "holdout41",
    "holdout42",
    "holdout43",
    "holdout44",
    "holdout45",
    "holdout46",
    "holdout47",
    "holdout48",
    "holdout49",
    "holdout50",
    "holdout51",
    "holdout52",
    "holdout53",
    "holdout54",
    "holdout55",
    "holdout56",
    "holdout57",
    "holdout58",
    "holdout59",
    "holdout60",
    "holdout61",
    "holdout62",
    "holdout63",
    "holdout64",
    "holdout65",
    "holdout66",
    "holdout67",
    "holdout68",
    "holdout69",
    "holdout70",
    "holdout71",
    "holdout72",
    "holdout73",
    "holdout74",
    "holdout75",
    "holdout76",
    "holdout77",
)


def held_out_file(part: str) -> Path:
    return GOLD / f"phrasings-{part}.yaml"


QUESTIONS: dict[str, Question] = {path.stem: parse_question(path) for path in sorted(QUERIES.glob("*.rq"))}


def load(name: str) -> Any:
    return yaml.safe_load((GOLD / name).read_text(encoding="utf-8"))


def lexicon_iris() -> set[str]:
    """Every IRI written in the lexicon files, in full (<…>) or with a prefix the file declares."""
    iris: set[str] = set()
    for path in sorted(LEXICON.glob("*.ttl")):
        text = path.read_text(encoding="utf-8")
        prefixes = dict(re.findall(r"@prefix\s+([\w-]*):\s*<([^>]+)>", text))
        iris |= set(re.findall(r"<([^<>\s]+)>", text))
        for prefix, local in re.findall(r"(?<![\w<:/])([A-Za-z][\w-]*):([A-Za-z0-9][\w-]*)", text):
            if prefix in prefixes:
                iris.add(prefixes[prefix] + local)
    return iris


def answered(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in entries if e["expect"] != "decline"]


def declines(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in entries if e["expect"] == "decline"]


def assert_questions_and_parameters_real(entries: list[dict[str, Any]]) -> None:
    """Every question exists, every parameter is declared by it, and every required one is given."""
    for entry in answered(entries):
        qid = entry["expect"]["question"]
        assert qid in QUESTIONS, f"no question {qid!r}: {entry['text']}"
        declared = {p.name for p in QUESTIONS[qid].parameters}
        params = entry["expect"].get("params") or {}
        assert set(params) <= declared, f"{entry['text']}: {sorted(set(params) - declared)} not declared by {qid}"
        missing = [p.name for p in QUESTIONS[qid].parameters if p.required and p.name not in params]
        assert not missing, f"{entry['text']}: {qid} needs {missing}; without them the phrasing is a decline"


def assert_concept_iris_in_lexicon(entries: list[dict[str, Any]], iris: set[str]) -> None:
    """Every concept value is an IRI of the lexicon (an organ's place and kind each); free text is no IRI."""
    for entry in answered(entries):
        question = QUESTIONS[entry["expect"]["question"]]
        types = {p.name: p.type for p in question.parameters}
        for name, value in (entry["expect"].get("params") or {}).items():
            kind = types[name]
            assert isinstance(value, str) and value.strip(), (entry["text"], name)
            if kind in LITERAL_TYPES:
                assert not value.startswith(("http://", "https://")), (entry["text"], name, value)
                continue
            if kind == "organ":
                match = re.fullmatch(re.escape(ID) + r"organ/([\w-]+)/([\w-]+)", value)
                assert match, f"{entry['text']}: {value} is not an organ IRI (organ/<place>/<organ kind>)"
                place, organ_kind = match.groups()
                assert f"{ID}jurisdiction/{place}" in iris, (entry["text"], value)
                assert f"{ID}organ-kind/{organ_kind}" in iris, (entry["text"], value)
                continue
            assert value.startswith(f"{ID}{NAMESPACE[kind]}/"), f"{entry['text']}: {value} is not a {kind}"
            assert value in iris, f"{entry['text']}: {value} is in no lexicon file"
