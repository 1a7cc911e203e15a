"""The published snapshot as files: the dumps, the manifest and the validation reports, and the page listing them."""

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from safetykg.web.errors import ErrorAnswer
from safetykg.web.hygiene import report_headers
from safetykg.web.negotiation import negotiate
from safetykg.web.pages import STATIC, page
from safetykg.web.served import Served
from safetykg.web.ui_text import language, t

DOWNLOAD_TYPES = {
    "nq": "application/n-quads",
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "svg": "image/svg+xml",
}
REPORT_FORMATS = {  # the validation report: format parameter -> media type
    "html": "text/html",
    "json": "application/json",
    "ttl": "text/turtle",
    "csv": "text/csv",
    "md": "text/markdown",
    "svg": "image/svg+xml",
}
REPORT_LANGUAGES = ("zh", "en")


def router(served: Served) -> APIRouter:
    dist, manifest = served.dist, served.manifest
    router = APIRouter()

    downloads = {name: dist / name for name in manifest.get("files", {})}

    @router.get("/download/", summary="The published dumps")
    async def download_index(request: Request) -> Response:
        """The published files, in the page's language."""
        lang = language(request)
        items = "".join(
            f'<li><a href="/download/{name}">{name}</a> '
            f"({t(lang, 'file_size', bytes=info['bytes'])}, sha256 <code>{info['sha256']}</code>)</li>"
            for name, info in manifest["files"].items()
        )
        body = (
            f"<h1>{t(lang, 'downloads')}</h1><ul>{items}"
            f'<li><a href="/download/manifest.json">manifest.json</a></li>'
            f'<li><a href="/void">{t(lang, "void")}</a></li></ul>'
        )
        other = "en" if lang == "zh" else "zh"
        return HTMLResponse(page(t(lang, "downloads"), body, lang, f"?lang={other}", current="/download/"))

    @router.get("/download/{name}", summary="Download a published dump")
    async def download(name: str) -> Response:
        if name == "manifest.json":
            return FileResponse(dist / "manifest.json", media_type="application/json")
        if name not in downloads:
            raise ErrorAnswer(404, f"no download {name!r}; available: {', '.join(sorted(downloads))}")
        media = DOWNLOAD_TYPES.get(name.rsplit(".", 1)[-1], "application/octet-stream")
        return FileResponse(downloads[name], media_type=media, filename=name, headers=report_headers(name))

    @router.get("/validation", summary="The latest validation report (completeness matrix and SHACL report)")
    async def validation(request: Request, lang: str = "zh", format: str | None = None) -> Response:
        if lang not in REPORT_LANGUAGES:
            raise ErrorAnswer(400, f"unknown lang {lang!r}; available: {', '.join(REPORT_LANGUAGES)}")
        if format is not None and format not in REPORT_FORMATS:
            raise ErrorAnswer(400, f"unknown format {format!r}; available: {', '.join(REPORT_FORMATS)}")
        offers = {media: fmt for fmt, media in REPORT_FORMATS.items()}
        fmt = format or offers.get(negotiate(request.headers.get("accept"), list(offers), "text/html") or "", "")
        if not fmt:
            raise ErrorAnswer(406, f"the report is available as {', '.join(offers)}")
        suffix = "" if lang == "zh" or fmt in ("ttl", "csv", "svg") else f".{lang}"
        name = f"validation{suffix}.{fmt}"
        if name not in manifest.get("files", {}):
            raise ErrorAnswer(404, f"this build has no validation report {name}")
        media = REPORT_FORMATS[fmt] + ("; charset=utf-8" if fmt in ("html", "csv", "md") else "")
        return FileResponse(dist / name, media_type=media, headers=report_headers(name))

    @router.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:
        """The site's icon (an SVG: every browser the pages support takes one)."""
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    return router
