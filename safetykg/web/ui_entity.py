"""The sections of an entity page for people: what an organ, post, domain, jurisdiction, organ kind or role must do,
by jurisdiction; the designations that name it; a jurisdiction's organs."""

from html import escape

from safetykg.web.pages import local
from safetykg.web.ui_corpus import Row, natural
from safetykg.web.ui_text import label, t
from safetykg.web.ui_views import Labels, a


def _duties_by_place(lang: str, places: list[str], duties: list[Row], labels: Labels) -> str:
    grouped: dict[str, dict[str, tuple[Row, dict[str, None]]]] = {}
    for row in duties:
        _, domains = grouped.setdefault(row["place"], {}).setdefault(row["duty"], (row, {}))
        if row.get("domain"):
            domains[row["domain"]] = None
    parts = []
    order = {iri: i for i, iri in enumerate(places)}
    for place in sorted(grouped, key=lambda p: (order.get(p, len(order)), p)):
        items = []
        for duty in sorted(grouped[place], key=natural):
            row, domains = grouped[place][duty]
            tags = " ".join(a(d, labels, lang, "tag domain") for d in domains)
            items.append(
                f'<li class="duty"><a href="{escape(local(row["provision"]))}">{escape(row["citation"])}</a> '
                f'{a(row["bearer"], labels, lang, "tag bearer")}<br><span lang="zh">{escape(row["text"])}</span> {tags}</li>'
            )
        parts.append(f"<h3>{a(place, labels, lang)} ({len(items)})</h3><ul>{''.join(items)}</ul>")
    return "".join(parts)


def entity_sections(
    lang: str,
    kind: str,
    iri: str,
    places: list[str],
    duties: list[Row],
    designations: list[Row],
    organs: list[Row],
    labels: Labels,
) -> str:
    """The sections of an entity page; duties are grouped by jurisdiction in the order of ``places``."""
    parts = []
    if kind in ("role", "organ-kind"):
        param = "role" if kind == "role" else "organKind"
        parts.append(f'<p><a href="/compare?{param}={escape(iri)}">{escape(t(lang, "compare_this"))}</a></p>')
    if organs:
        items = "".join(
            f"<li>{a(r['organ'], labels, lang)} ({escape(r['duties'])} {escape(t(lang, 'duties'))})</li>"
            for r in sorted(organs, key=lambda r: label(labels, r["organ"], "zh"))
        )
        parts.append(f'<h2>{escape(t(lang, "organs_here"))}</h2><ul id="organs">{items}</ul>')
    if designations:
        seen: dict[str, Row] = {}
        for row in designations:
            seen.setdefault(row["fact"], row)
        items = "".join(
            f'<li><a href="{escape(local(r["provision"]))}">{escape(r["citation"])}</a> {a(r["organ"], labels, lang, "tag organ")}'
            f' {a(r["type"], labels, lang, "tag")}<br><span lang="zh">{escape(r["text"])}</span></li>'
            for r in sorted(seen.values(), key=lambda r: natural(r["provision"]))
        )
        parts.append(f'<h2>{escape(t(lang, "designations"))}</h2><ul id="designations">{items}</ul>')
    if duties:
        count = len({r["duty"] for r in duties})
        parts.append(
            f'<h2>{escape(t(lang, "duties"))} ({count})</h2><div id="duties">{_duties_by_place(lang, places, duties, labels)}</div>'
        )
    return "".join(parts)
