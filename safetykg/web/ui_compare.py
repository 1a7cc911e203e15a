"""HTML for comparing a role or organ kind across jurisdictions, and for the completeness matrix."""

from safetykg.core.namespaces import ID
from safetykg.web.pages import local, render
from safetykg.web.ui_corpus import Corpus, Labels, Row, natural
from safetykg.web.ui_text import label, t
from safetykg.web.ui_views import national_words

SYMBOLS = {"ok": "✓", "violation": "✗", "warning": "⚠"}
LOCAL_ADDITION = ID + "alignment-relation/local-addition"


def _frequency(lang: str, row: Row, labels: Labels) -> str:
    """At least N times a period, the period in the lexicon's words (its duration when the lexicon has none)."""
    period = labels.get(row["period"], {}).get(lang) or row["period"]
    return f"{period}≥{row['count']}" if lang == "zh" else f"≥{row['count']} {period}"


def compare_body(
    lang: str,
    corpus: Corpus,
    role: str,
    kind: str,
    roles: list[tuple[str, str, str]],
    kinds: list[tuple[str, str, str]],
    rows: list[Row],
    measures: list[Row],
    labels: Labels,
) -> str:
    """A role's or organ kind's duties side by side, one column per jurisdiction: each duty with its provision,
    bearer, alignment and frequencies (marked where they differ from the national rule), then the measures."""
    words = {"national": national_words(lang, corpus)}
    choices = {
        name: [(iri, (en or zh) if lang == "en" else zh) for iri, zh, en in listed]
        for name, listed in (("roles", roles), ("kinds", kinds))
    }
    chosen = bool(rows or role or kind)
    places = _places(lang, corpus, rows, measures, labels) if chosen else []
    return render("compare.html", lang=lang, role=role, kind=kind, places=places, words=words, **choices)


def _places(lang: str, corpus: Corpus, rows: list[Row], measures: list[Row], labels: Labels) -> list[dict[str, object]]:
    duties: dict[str, dict[str, tuple[Row, set[str], dict[str, Row]]]] = {}
    for row in rows:
        _, rel, freq = duties.setdefault(row["place"], {}).setdefault(row["duty"], (row, set(), {}))
        if row.get("relation"):
            rel.add(row["relation"])
        if row.get("frequency"):
            freq[row["frequency"]] = row
    home = corpus.national_place  # '' when the build has no national rule: then nothing is marked against it
    words = {"national": national_words(lang, corpus)}
    national = {
        (f.get("activityKind", ""), f["count"], f["period"])
        for _, _, freq in duties.get(home, {}).values()
        for f in freq.values()
    }
    listed: dict[str, dict[tuple[str, str], Row]] = {}
    for m in measures:
        listed.setdefault(m["place"], {}).setdefault((m["measure"], m.get("target", "")), m)
    national_measures = {measure for measure, _ in listed.get(home, {})}
    places: list[dict[str, object]] = []
    for place in corpus.jurisdictions:
        items = []
        for duty in sorted(duties.get(place, {}), key=natural):
            row, rel, freq = duties[place][duty]
            tags = [
                {"cls": "tag add", "text": t(lang, "local_addition")}
                if r == LOCAL_ADDITION
                else {"cls": "tag", "text": label(labels, r, lang)}
                for r in sorted(rel)
            ]
            for f in freq.values():
                differs = (
                    bool(home)
                    and place != home
                    and (f.get("activityKind", ""), f["count"], f["period"]) not in national
                )
                note = f" ({t(lang, 'differs', **words)})" if differs else ""
                tags.append(
                    {
                        "cls": "tag hl" if differs else "tag",
                        "title": f["activity"],
                        "text": f"{t(lang, 'frequency')}: {_frequency(lang, f, labels)}{note}",
                    }
                )
            items.append(
                {
                    "href": corpus.reader_href(row["provision"]) or local(row["provision"]),
                    "citation": row["citation"],
                    "bearer": row["bearer"],
                    "bearer_name": label(labels, row["bearer"], lang),
                    "text": row["text"],
                    "tags": tags,
                }
            )
        here = listed.get(place, {})
        measure_tags = [
            {
                "cls": "tag add" if home and place != home and m not in national_measures else "tag",
                "title": here[(m, target)]["citation"],
                "text": label(labels, m, lang) + (" · " + label(labels, target, lang) if target else ""),
            }
            for m, target in sorted(here, key=lambda k: (int(here[k].get("rank", "99")), k[1]))
        ]
        places.append({"iri": place, "name": label(labels, place, lang), "duties": items, "measures": measure_tags})
    return places


def _evidence(corpus: Corpus, citation: str, citations: dict[str, str]) -> tuple[str, str]:
    """A citation of the report and where the reader shows it ('' when the build has no such provision)."""
    iri = citations.get(citation.replace(" ", ""))
    return citation, corpus.reader_href(iri) if iri else ""


def completeness_body(lang: str, corpus: Corpus, rows: list[Row], citations: dict[str, str]) -> str:
    """The completeness matrix (requirement × jurisdiction), each cell opening its detail: gap, evidence."""
    places = list(dict.fromkeys(r["jurisdiction"] for r in rows))
    requirements = list(dict.fromkeys(r["requirement"] for r in rows))
    found = {(r["requirement"], r["jurisdiction"]): r for r in rows}
    names = {r["requirement"]: r.get("requirementLabel", r["requirement"]) for r in rows}
    matrix, details = [], []
    for i, requirement in enumerate(requirements):
        cells: list[dict[str, object] | None] = []
        for j, place in enumerate(places):
            row = found.get((requirement, place))
            if row is None:
                cells.append(None)
                continue
            cell: dict[str, object] = {
                "key": f"cell-{i}-{j}",
                "status": row["status"],
                "symbol": SYMBOLS.get(row["status"], "?"),
                "place": place,
                "requirement": requirement,
                "name": names[requirement],
                "message": row.get("message", ""),
                "explanation": row.get("explanation", ""),
                "national_article": row.get("nationalArticle", ""),
                "evidence": [_evidence(corpus, c, citations) for c in row.get("evidence", [])],
            }
            cells.append(cell)
            details.append(cell)
        matrix.append((names[requirement], cells))
    national = national_words(lang, corpus)
    return render("completeness.html", lang=lang, places=places, matrix=matrix, details=details, national=national)
