"""What each jurisdiction's rule must contain, with the national rule as the baseline.

The requirements are data (``data/requirements/completeness.toml``, read here and only here); the build
writes the completeness shapes from them (``safetykg.quality.shapes``), one per jurisdiction and requirement.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import URIRef
from rdflib.namespace import SH

from safetykg.core.errors import SourceError
from safetykg.core.namespaces import PREFIXES
from safetykg.core.resources import Folders, as_layers, find_file, read_toml
from safetykg.corpus.catalogue import SourceDocument
from safetykg.corpus.numerals import to_chinese_numeral

REQUIREMENTS_FILE = "completeness.toml"
SEVERITIES = {"violation": SH.Violation, "warning": SH.Warning}
LOCAL_CHECKS = ("domains", "designated")


@dataclass(frozen=True)
class Requirement:
    id: str
    label_zh: str
    label_en: str
    missing_zh: str  # what the message says is missing
    missing_en: str
    national_article: int | None
    severity: URIRef  # sh:Violation for what the national rule requires, sh:Warning for local practice
    organ_kind: str | None = None  # role requirements: a duty borne by a post of this organ kind …
    role: str | None = None  # … with this role
    chapter_function: str | None = None  # … standing in a chapter of this function (lexicon slug), if given
    property: URIRef | None = None  # element requirements: the regulation must have this (or the alternative)
    alternative: URIRef | None = None
    node_class: URIRef | None = None  # accountability requirements: the jurisdiction has a node of this class
    local_check: str | None = None  # local-practice checks with their own constraint (see shapes._local_check)
    jurisdictions: tuple[str, ...] = ()  # the jurisdictions it applies to (none named: all)
    excluded: tuple[str, ...] = ()  # jurisdictions it does not apply to


def load_requirements(folders: Folders) -> tuple[Requirement, ...]:
    """The requirements of ``requirements/completeness.toml`` (a user's file of that name replaces the packaged one)."""
    path = find_file(folders, REQUIREMENTS_FILE)
    if path is None:
        raise SourceError(as_layers(folders)[-1] / REQUIREMENTS_FILE, 1, "completeness requirements missing")
    data = read_toml(path)
    entries = data.get("requirement", [])
    if not entries:
        raise SourceError(path, 1, "no [[requirement]] entries")
    return tuple(_requirement(path, entry) for entry in entries)


def _requirement(path: Path, entry: dict[str, Any]) -> Requirement:
    name = entry.get("id", "?")
    missing = [
        key for key in ("id", "label_zh", "label_en", "missing_zh", "missing_en", "severity") if key not in entry
    ]
    if missing:
        raise SourceError(path, 1, f"requirement {name} lacks {', '.join(missing)}")
    if entry["severity"] not in SEVERITIES:
        raise SourceError(
            path, 1, f"requirement {name}: severity must be violation or warning, not {entry['severity']!r}"
        )
    checks = [key for key in ("role", "node_class", "property", "local_check") if key in entry]
    if len(checks) != 1:
        raise SourceError(path, 1, f"requirement {name} needs exactly one of role, node_class, property, local_check")
    if "role" in entry and "organ_kind" not in entry:
        raise SourceError(path, 1, f"requirement {name}: a role requirement needs its organ_kind")
    if "chapter_function" in entry and "role" not in entry:
        raise SourceError(path, 1, f"requirement {name}: chapter_function narrows a role requirement only")
    if entry.get("local_check", "domains") not in LOCAL_CHECKS:
        raise SourceError(path, 1, f"requirement {name}: local_check must be one of {', '.join(LOCAL_CHECKS)}")

    def term(key: str) -> URIRef | None:
        value = entry.get(key)
        if value is None:
            return None
        prefix, _, local = str(value).partition(":")
        if prefix not in PREFIXES:
            raise SourceError(path, 1, f"requirement {name}: {key} {value!r} is not a CURIE of {', '.join(PREFIXES)}")
        return URIRef(PREFIXES[prefix] + local)

    return Requirement(
        id=str(entry["id"]),
        label_zh=str(entry["label_zh"]),
        label_en=str(entry["label_en"]),
        missing_zh=str(entry["missing_zh"]),
        missing_en=str(entry["missing_en"]),
        national_article=int(entry["national_article"]) if "national_article" in entry else None,
        severity=SEVERITIES[entry["severity"]],
        organ_kind=entry.get("organ_kind"),
        role=entry.get("role"),
        chapter_function=entry.get("chapter_function"),
        property=term("property"),
        alternative=term("alternative"),
        node_class=term("node_class"),
        local_check=entry.get("local_check"),
        jurisdictions=tuple(entry.get("jurisdictions", ())),
        excluded=tuple(entry.get("except", ())),
    )


def requirements_for(requirements: tuple[Requirement, ...], source: SourceDocument) -> list[Requirement]:
    """The requirements that apply to one rule: every one, unless it names its jurisdictions or excepts this one."""
    return [
        r
        for r in requirements
        if (not r.jurisdictions or source.jurisdiction in r.jurisdictions) and source.jurisdiction not in r.excluded
    ]


def national_article_label(number: int, lang: str, baseline: SourceDocument) -> str:
    """An article of the baseline (national) rule as the report cites it: its short title and number."""
    if lang == "zh":
        return f"{baseline.short_title}第{to_chinese_numeral(number)}条"
    return f"{baseline.short_title_en} Art. {number}"
