"""The frame of every page (templates/base.html: navigation, language switch, skip link), error pages, body
templates (``render``) and the small helpers the views share: local paths, anchors, prefixed names."""

import re
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from starlette.requests import Request

from safetykg.core.namespaces import BASE, PREFIXES
from safetykg.web.ui_text import language, t

NAV = (
    ("/", "home"),
    ("/ask", "questions"),
    ("/read", "reader"),
    ("/compare", "compare"),
    ("/completeness", "completeness"),
    ("/sparql", "sparql"),
    ("/download/", "downloads"),
)

SHORT_PREFIXES = ("skg", "eli", "org", "skos", "rdfs", "rdf", "owl", "prov", "dcterms")


def local(iri: str) -> str:
    """The server path of an IRI under the project's base, or the IRI itself elsewhere."""
    return "/" + iri[len(BASE) :] if iri.startswith(BASE) else iri


def anchor(iri: str) -> str:
    """The id attribute of a provision on its reader page: the path after the document (article-22-item-3)."""
    parts = iri[len(BASE) :].split("/")
    return "-".join(parts[3:]) if len(parts) > 3 else "top"


TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"  # the pages' scripts, styles and icon, served at /static
_ENVIRONMENT = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True
)
_ENVIRONMENT.globals.update(t=t, local=local, anchor=anchor)


def render(template: str, **context: Any) -> Markup:
    """A page body (or a part of one) from its template in templates/, autoescaped; the words of the page's
    language are ``t(lang, key)`` there, a local path is ``local(iri)``."""
    return Markup(_ENVIRONMENT.get_template(template).render(**context))


def _chrome(lang: str, switch: str, current: str) -> dict[str, Any]:
    """What every page around its body needs: the words, the navigation (the section of ``current`` marked
    aria-current, the language kept in every link: a page's URL is its state) and the language switch."""
    keep = "" if lang == "zh" else f"?lang={lang}"
    nav = [
        {
            "href": href + keep,
            "text": t(lang, key),
            "current": current == href or (href != "/" and current.startswith(href.rstrip("/"))),
        }
        for href, key in NAV
    ]
    words = {key: t(lang, key) for key in ("site", "skip", "switch", "back_home")}
    return {"lang": lang, "nav": nav, "switch": switch, "words": words}


def page(
    title: str,
    body: str,
    lang: str = "zh",
    switch: str = "?lang=en",
    scripts: tuple[str, ...] = (),
    current: str = "",
) -> str:
    """A whole page (templates/base.html): a skip link, the navigation, the body (HTML the views built, their
    values escaped)."""
    template = _ENVIRONMENT.get_template("base.html")
    body = keep_language(body, lang)
    return template.render(title=title, body=Markup(body), scripts=scripts, **_chrome(lang, switch, current))


_PAGE_LINK = re.compile(
    r'href="(/(?:ask|read|compare|completeness|search|id/)[^"#]*|/|/download/|/sparql(?:\?[^"#]*)?)(#[^"]*)?"'
)


def keep_language(body: str, lang: str) -> str:
    """Every link of a body to another page keeps the page's language (?lang=en): the URL alone carries it.
    Links to files, answers in a format and the SPARQL protocol are left as they are."""
    if lang == "zh":
        return body

    def add(match: re.Match[str]) -> str:
        path, fragment = match.group(1), match.group(2) or ""
        if "lang=" in path or "query=" in path or "format=" in path:
            return match.group(0)
        joiner = "&amp;" if "?" in path else "?"
        return f'href="{path}{joiner}lang={lang}{fragment}"'

    return _PAGE_LINK.sub(add, body)


def error_page(request: Request, status: int, message: str) -> str:
    """An error as a page in the reader's language, with the navigation and the way back (templates/error.html)."""
    lang = language(request)
    key = {404: "error_404", 405: "error_405"}.get(status, "error_client" if status < 500 else "error_server")
    other = "en" if lang == "zh" else "zh"
    chrome = _chrome(lang, f"{request.url.path}?lang={other}", request.url.path)
    home = "/" if lang == "zh" else f"/?lang={lang}"
    template = _ENVIRONMENT.get_template("error.html")
    return template.render(title=t(lang, key), status=status, message=message, home=home, scripts=(), **chrome)


def short(iri: str) -> str:
    """A predicate or class IRI written with its prefix (skg:text), or the IRI itself."""
    for prefix in SHORT_PREFIXES:
        namespace = PREFIXES[prefix]
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri
