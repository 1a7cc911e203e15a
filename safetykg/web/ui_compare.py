"""HTML for comparing a role or organ kind across jurisdictions, and for the completeness matrix."""

from html import escape

from safetykg.core.namespaces import ID
from safetykg.web.pages import local
from safetykg.web.ui_corpus import Corpus, Row, natural
from safetykg.web.ui_text import label, t
from safetykg.web.ui_views import Labels, a, national_words

SYMBOLS = {"ok": "✓", "violation": "✗", "warning": "⚠"}
LOCAL_ADDITION = ID + "alignment-relation/local-addition"
PERIODS = {
    "P1Y": ("每年", "a year"),
    "P6M": ("每半年", "every 6 months"),
    "P3M": ("每季度", "a quarter"),
    "P1M": ("每月", "a month"),
    "P2Y": ("每两年", "every 2 years"),
}


def _select(lang: str, name: str, chosen: str, options: list[tuple[str, str, str]]) -> str:
    items = [f'<option value="">{escape(t(lang, "any"))}</option>']
    for iri, zh, en in options:
        shown = (en or zh) if lang == "en" else zh
        items.append(f'<option value="{escape(iri)}"{" selected" if iri == chosen else ""}>{escape(shown)}</option>')
    return f'<select name="{escape(name)}" id="c-{escape(name)}">{"".join(items)}</select>'


def _frequency(lang: str, row: Row) -> str:
    zh, en = PERIODS.get(row["period"], (row["period"], row["period"]))
    return f"{zh}≥{row['count']}" if lang == "zh" else f"≥{row['count']} {en}"


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
    form = (
        f'<form class="ask" method="get" action="/compare"><label>{escape(t(lang, "role"))}{_select(lang, "role", role, roles)}</label>'
        f"<label>{escape(t(lang, 'organ_kind'))}{_select(lang, 'organKind', kind, kinds)}</label>"
        f'<input type="hidden" name="lang" value="{escape(lang)}"><button type="submit">{escape(t(lang, "compare"))}</button></form>'
    )
    head = f"<h1>{escape(t(lang, 'compare'))}</h1>{form}"
    if not rows and not (role or kind):
        return head + f"<p>{escape(t(lang, 'choose'))}</p>"
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
    columns = []
    for place in corpus.jurisdictions:
        items = []
        for duty in sorted(duties.get(place, {}), key=natural):
            row, rel, freq = duties[place][duty]
            tags = "".join(
                f'<span class="tag add">{escape(t(lang, "local_addition"))}</span>'
                if r == LOCAL_ADDITION
                else f'<span class="tag">{escape(label(labels, r, lang))}</span>'
                for r in sorted(rel)
            )
            for f in freq.values():
                differs = (
                    bool(home)
                    and place != home
                    and (f.get("activityKind", ""), f["count"], f["period"]) not in national
                )
                cls = "tag hl" if differs else "tag"
                note = f" ({t(lang, 'differs', **words)})" if differs else ""
                tags += f'<span class="{cls}" title="{escape(f["activity"])}">{escape(t(lang, "frequency"))}: {escape(_frequency(lang, f) + note)}</span>'
            href = corpus.reader_href(row["provision"]) or local(row["provision"])
            items.append(
                f'<div class="duty"><a href="{escape(href)}">'
                f"{escape(row['citation'])}</a> {a(row['bearer'], labels, lang, 'tag bearer')}<br>"
                f'<span lang="zh">{escape(row["text"])}</span><br>{tags}</div>'
            )
        measure_tags = "".join(
            f'<span class="tag{" add" if home and place != home and m not in national_measures else ""}" '
            f'title="{escape(listed[place][(m, target)]["citation"])}">{escape(label(labels, m, lang))}'
            f"{' · ' + escape(label(labels, target, lang)) if target else ''}</span>"
            for m, target in sorted(
                listed.get(place, {}), key=lambda k: (int(listed[place][k].get("rank", "99")), k[1])
            )
        )
        columns.append(
            f'<section data-place="{escape(place)}"><h2>{a(place, labels, lang)} <span class="muted">({len(items)})</span></h2>'
            f"{''.join(items) or escape(t(lang, 'none_here'))}"
            f"<h3>{escape(t(lang, 'measures'))}</h3><p>{measure_tags or escape(t(lang, 'none_here'))}</p></section>"
        )
    legend = (
        f'<p class="muted"><span class="tag add">{escape(t(lang, "local_addition"))} / {escape(t(lang, "not_national", **words))}</span> '
        f'<span class="tag hl">{escape(t(lang, "differs", **words))}</span></p>'
    )
    return head + legend + f'<div class="places" id="compare">{"".join(columns)}</div>'


def _evidence(corpus: Corpus, citation: str, citations: dict[str, str]) -> str:
    iri = citations.get(citation.replace(" ", ""))
    href = corpus.reader_href(iri) if iri else ""
    if not href:
        return escape(citation)
    return f'<a href="{escape(href)}">{escape(citation)}</a>'


def completeness_body(lang: str, corpus: Corpus, rows: list[Row], citations: dict[str, str]) -> str:
    places = list(dict.fromkeys(r["jurisdiction"] for r in rows))
    requirements = list(dict.fromkeys(r["requirement"] for r in rows))
    cells = {(r["requirement"], r["jurisdiction"]): r for r in rows}
    names = {r["requirement"]: r.get("requirementLabel", r["requirement"]) for r in rows}
    head = "".join(f"<th>{escape(p)}</th>" for p in places)
    body, details = [], []
    for i, requirement in enumerate(requirements):
        tds = []
        for j, place in enumerate(places):
            row = cells.get((requirement, place))
            if row is None:
                tds.append("<td></td>")
                continue
            key = f"cell-{i}-{j}"
            status = row["status"]
            tds.append(
                f'<td><a class="cell {escape(status)}" href="#{key}" data-place="{escape(place)}" '
                f'data-requirement="{escape(requirement)}" title="{escape(t(lang, "status_" + status))}">{SYMBOLS.get(status, "?")}</a></td>'
            )
            evidence = ", ".join(_evidence(corpus, c, citations) for c in row.get("evidence", []))
            gap = (
                f"<p><strong>{escape(t(lang, 'gap'))}:</strong> {escape(row['message'])}</p>"
                if row.get("message")
                else ""
            )
            explanation = (
                f"<p><strong>{escape(t(lang, 'explanation'))}:</strong> {escape(row['explanation'])}</p>"
                if row.get("explanation")
                else ""
            )
            details.append(
                f'<div class="cell-detail" id="{key}"><h3>{escape(place)} · {escape(names[requirement])} '
                f'<span class="cell {escape(status)}">{SYMBOLS.get(status, "?")} {escape(t(lang, "status_" + status))}</span></h3>'
                f"{gap}<p><strong>{escape(t(lang, 'national_article', national=national_words(lang, corpus)))}:</strong> {escape(row.get('nationalArticle', ''))}</p>"
                f"<p><strong>{escape(t(lang, 'evidence'))}:</strong> {evidence or '—'}</p>{explanation}</div>"
            )
        body.append(f"<tr><td>{escape(names[requirement])}</td>{''.join(tds)}</tr>")
    return (
        f"<h1>{escape(t(lang, 'completeness'))}</h1><p>{escape(t(lang, 'click_cell'))} "
        f'<a href="/validation?lang={escape(lang)}">{escape(t(lang, "report"))}</a></p>'
        f'<div class="scroll"><table class="matrix" id="matrix"><tr><th>{escape(t(lang, "requirement"))}</th>{head}</tr>'
        f'{"".join(body)}</table></div><div id="details">{"".join(details)}</div>'
    )
