"""The server as ``safetykg serve`` runs it (``safetykg/web/front.py``): the fast paths answer before the web
framework is imported, a request only the framework answers waits for it and is then answered as by
``create_app``, and a framework that cannot be built is a logged 500 and stops the server."""

import asyncio
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from safetykg.web.app import create_app, framework_app
from safetykg.web.front import Front
from safetykg.web.service import Service, prepare_service
from safetykg.web.settings import ServerSettings
from tests import asgi
from tests.live_server import free_port

SELECT = "query=SELECT%20%3Fs%20WHERE%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D%20LIMIT%201"


def test_the_first_answer_comes_before_the_framework_is_imported(dist: Path) -> None:
    """In a fresh interpreter, with real workers: the lean path answers a query while the framework's app is still
    being built (held back here), with FastAPI, pydantic and Jinja2 not imported (nor, until then, the questions'
    YAML); then the framework's app is built and answers a page."""
    code = textwrap.dedent(
        """
        import asyncio, sys, threading
        from pathlib import Path
        from safetykg.web.front import Front
        from safetykg.web.service import prepare_service
        from safetykg.web.settings import ServerSettings

        held = threading.Event()

        def build(service):
            held.wait(60)
            from safetykg.web.app import framework_app
            return framework_app(service)

        async def get(app, path, query=b""):
            scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
                     "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
                     "query_string": query, "headers": [(b"host", b"127.0.0.1:8000")],
                     "client": ("127.0.0.1", 5555), "server": ("127.0.0.1", 8000), "state": {}}
            sent = []
            async def receive():
                await asyncio.sleep(3600)
            async def send(message):
                sent.append(message)
            await app(scope, receive, send)
            return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])

        async def main():
            settings = ServerSettings(workers=1, spare_workers=0)
            front = Front(prepare_service(settings, Path(sys.argv[1]), read_questions=False), build)
            print("questions read", "yaml" in sys.modules)  # the workers are started without them
            messages = asyncio.Queue()
            await messages.put({"type": "lifespan.startup"})
            told = []
            async def send(message):
                told.append(message["type"])
            lifespan = asyncio.create_task(front({"type": "lifespan"}, messages.get, send))
            while not told:
                await asyncio.sleep(0.01)
            assert told == ["lifespan.startup.complete"], told
            status, body = await get(front, "/sparql", sys.argv[2].encode())
            framework = sorted(m for m in ("fastapi", "pydantic", "jinja2") if m in sys.modules)
            print("query", status, framework, front.app is None, b'"bindings"' in body)
            held.set()
            status, body = await get(front, "/")
            print("page", status, b"<html" in body)
            await messages.put({"type": "lifespan.shutdown"})
            await lifespan

        asyncio.run(main())
        """
    )
    done = subprocess.run([sys.executable, "-c", code, str(dist), SELECT], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["questions read False", "query 200 [] True True", "page 200 True"], done.stderr


def _get(app: Any, path: str, accept: str = "text/plain", query: bytes = b"") -> tuple[int, bytes]:
    sent = asgi.request(app, "GET", path, query, {"Accept": accept})
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def _service(dist: Path, read_questions: bool = True, jobs: list[dict[str, Any]] | None = None) -> Service:
    service = prepare_service(ServerSettings(answer_cache_bytes=0), dist, read_questions=read_questions)

    async def run(job: dict[str, Any], client: str = "", cancelled: object = None) -> dict[str, Any]:
        assert jobs is not None, "no query is asked in this test"
        jobs.append(job)
        return {"columns": ["department"], "rows": [{"department": "https://w3id.org/safetykg/id/organ/x"}]}

    service.pool.run = run  # type: ignore[method-assign]
    return service


def test_a_question_asked_before_the_questions_are_read_is_answered_all_the_same(dist: Path) -> None:
    """``safetykg serve`` reads the canned questions after its first answer; a question asked before is the full
    stack's (once it has read them), after that the lean path's: the same answer and the same job every time."""
    jobs: list[dict[str, Any]] = []
    service = _service(dist, read_questions=False, jobs=jobs)
    front = Front(service, framework_app)
    query = b"jurisdiction=xinjiang&hazard=fireworks"
    path = "/questions/departments-regulating-hazard"
    assert service.questions is None
    first = _get(front, path, "application/json", query)
    assert service.questions is not None and first[0] == 200
    assert _get(front, path, "application/json", query) == first
    asked = [job for job in jobs if job["op"] != "vocabulary"]  # the interpreter's, made once the app is built
    assert len(asked) == 2 and asked[0] == asked[1] and asked[0]["op"] == "question"


def test_what_the_fast_paths_leave_is_answered_by_the_framework_as_create_app_answers_it(dist: Path) -> None:
    """A route only the framework has (here one that does not exist: its 404, and the API description) gives the
    same answer through the front as through ``create_app``'s app; without a lifespan the framework's app is built
    on the first such request."""
    front = Front(_service(dist), framework_app)
    whole = create_app(ServerSettings(answer_cache_bytes=0), dist)
    for path in ("/no-such-page", "/openapi.json"):
        assert _get(front, path) == _get(whole, path)
    assert front.app is not None and front.failed is None


def test_a_framework_that_cannot_be_built_is_a_logged_500_and_stops_the_server(
    dist: Path, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(service: Service) -> Any:
        raise ImportError("no module named fastapi")

    front = Front(_service(dist), broken)
    stopped: list[bool] = []
    front.stop = lambda: stopped.append(True)
    status, body = _get(front, "/")
    assert status == 500 and body.startswith(b"internal error ")
    error_id = body.split()[-1].decode()
    assert isinstance(front.failed, ImportError) and stopped == [True]
    assert "the web app could not be built" in caplog.text and error_id in caplog.text


def test_a_question_that_cannot_be_read_stops_the_server_with_its_error(dist: Path, tmp_path: Path) -> None:
    """The questions are read after the first answer; one that cannot be read (here in the user's data folder) still
    stops ``safetykg serve``, with the error as the command line reports it (exit 2), not a server left running."""
    (tmp_path / "queries").mkdir()
    (tmp_path / "queries" / "broken.rq").write_text("SELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    argv = ["--data", str(tmp_path), "serve", "--dist", str(dist), "--port", str(free_port()), "--spare-workers", "0"]
    done = subprocess.run([sys.executable, "-m", "safetykg.cli", *argv], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert "error: " in done.stderr and "broken.rq:1: no '#+' header" in done.stderr


def test_what_questions_in_words_need_is_made_while_the_server_starts(dist: Path) -> None:
    """In a fresh interpreter, with a real worker: once the server has started, and before any question in words is
    asked, the tables the interpreter reads typing slips with (OpenCC's, pypinyin's, jieba's, pyspellchecker's) are
    loaded, and once the framework's app is built the interpreter is made (its vocabulary read through the worker,
    its indexes in a thread); the first question in words is read by that same interpreter, not one made then."""
    code = textwrap.dedent(
        """
        import asyncio, sys, time
        from pathlib import Path
        from safetykg.query import slips
        from safetykg.web.app import framework_app
        from safetykg.web.front import Front
        from safetykg.web.service import prepare_service
        from safetykg.web.settings import ServerSettings

        def loaded():
            return all(f.cache_info().currsize for f in (slips._converter, slips._pinyin_table,
                                                          slips._chinese_dictionary, slips._english_words))

        async def main():
            front = Front(prepare_service(ServerSettings(workers=1, spare_workers=0), Path(sys.argv[1])), framework_app)
            print("tables", loaded())
            messages = asyncio.Queue()
            await messages.put({"type": "lifespan.startup"})
            async def send(message):
                pass
            lifespan = asyncio.create_task(front({"type": "lifespan"}, messages.get, send))
            deadline = time.monotonic() + 90
            while front.app is None and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
            ui = front.app.state.warm_ups[0].__self__
            print("interpreter", ui._interpreter is not None)
            while (ui._interpreter is None or not loaded()) and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
            made = ui._interpreter
            print("tables", loaded(), "interpreter", made is not None)
            reading = (await ui.interpreter()).interpret("新疆哪些部门负责烟花爆竹监管？")
            print("same", ui._interpreter is made, reading.question)
            await messages.put({"type": "lifespan.shutdown"})
            await lifespan

        asyncio.run(main())
        """
    )
    done = subprocess.run([sys.executable, "-c", code, str(dist)], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "tables False",
        "interpreter False",
        "tables True interpreter True",
        "same True departments-regulating-hazard",
    ], done.stderr


def test_an_interpreter_that_could_not_be_made_is_a_logged_error_then_made_again_when_asked(
    dist: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The first attempt (at startup) fails in the worker: the error is logged, not swallowed; the question in words
    asked next makes it again, and is read."""
    service = prepare_service(ServerSettings(answer_cache_bytes=0), dist)
    real = service.pool.run
    failures = ["the worker died"]

    async def run(job: dict[str, Any], client: str = "", cancelled: object = None) -> dict[str, Any]:
        if job["op"] == "vocabulary" and failures:
            raise RuntimeError(failures.pop())
        return await real(job, client, cancelled)  # type: ignore[arg-type]

    service.pool.run = run  # type: ignore[method-assign]

    async def main() -> tuple[bool, str | None]:
        await service.pool.start()
        try:
            ui = framework_app(service).state.warm_ups[0].__self__
            with pytest.raises(RuntimeError, match="the worker died"):
                await ui.interpreter()
            reading = (await ui.interpreter()).interpret("which sanctions does only Guiyang have")
            return ui._interpreter is not None, reading.question
        finally:
            await service.pool.close()

    assert asyncio.run(main()) == (True, "accountability-measures")  # its "only here" column answers it
