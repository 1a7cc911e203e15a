"""Linked data: every IRI under the base dereferences (HTML for people, RDF by content negotiation or
?format=), the ontology and the VoID description."""

import re

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response

from safetykg.core.namespaces import BASE, ID
from safetykg.core.resources import packaged
from safetykg.web.errors import ErrorAnswer
from safetykg.web.hygiene import public_base
from safetykg.web.negotiation import negotiate
from safetykg.web.served import Served
from safetykg.web.service_description import void_description

_SAFE_PATH = re.compile(r"^[a-z0-9][a-z0-9\-/.]*$")
RDF_FORMATS = {"ttl": "text/turtle", "jsonld": "application/ld+json", "nt": "application/n-triples"}
RESOURCE_FORMATS = {"html": "text/html", **RDF_FORMATS}


def router(served: Served) -> APIRouter:
    settings, manifest, run, ui = served.settings, served.manifest, served.run, served.ui
    router = APIRouter()

    @router.get("/id/{path:path}", summary=f"Dereference an IRI under {ID}")
    async def resource(request: Request, path: str, format: str | None = None) -> Response:
        if not _SAFE_PATH.match(path) or ".." in path:
            raise ErrorAnswer(404, f"no resource at /id/{path}")
        iri = f"{BASE}id/{path}"
        if format is not None and format not in RESOURCE_FORMATS:
            raise ErrorAnswer(400, f"unknown format {format!r}; available: {', '.join(RESOURCE_FORMATS)}")
        media_type = RESOURCE_FORMATS.get(format or "") or negotiate(
            request.headers.get("accept"), ["text/html", *RDF_FORMATS.values()], "text/html"
        )
        if media_type is None:
            raise ErrorAnswer(406, f"available as text/html, {', '.join(RDF_FORMATS.values())}")
        if media_type == "text/html":
            return await ui.resource(request, iri)
        reply = await run({"op": "resource-rdf", "iri": iri, "media_type": media_type, "row_cap": settings.row_cap})
        if reply["status"] == 404:
            raise ErrorAnswer(404, f"no resource {iri}")
        return Response(reply["body"], media_type=media_type)

    @router.get("/ontology", summary="The safetykg ontology (Turtle)")
    async def ontology() -> Response:
        path = packaged("ontology") / "safetykg.ttl"
        return FileResponse(path, media_type="text/turtle")

    @router.get("/void", summary="VoID description of the dataset")
    async def void(request: Request) -> Response:
        return Response(void_description(public_base(settings, request), manifest), media_type="text/turtle")

    return router
