"""The pages for people: home, the question forms, the reader, compare and completeness (their views in ui.py,
their HTML in templates/); the static files they use are mounted by the app."""

from fastapi import APIRouter

from safetykg.web.served import Served


def router(served: Served) -> APIRouter:
    ui = served.ui
    router = APIRouter()
    router.add_api_route("/", ui.home, methods=["GET"], summary="Home", include_in_schema=False)
    router.add_api_route("/ask", ui.gallery, methods=["GET"], summary="The canned questions as forms")
    router.add_api_route("/ask/{qid}", ui.ask, methods=["GET"], summary="One canned question: its form and answer")
    router.add_api_route("/read", ui.read_first, methods=["GET"], summary="The reader, opened on the national rule")
    router.add_api_route("/read/{doc}", ui.read, methods=["GET"], summary="Read a regulation with what was extracted")
    router.add_api_route("/compare", ui.compare, methods=["GET"], summary="A role or organ kind across jurisdictions")
    router.add_api_route("/completeness", ui.completeness, methods=["GET"], summary="The completeness matrix")
    return router
