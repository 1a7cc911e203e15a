"""The safetykg command line: build, add-source, validate, export, sparql, ask, serve, publish.

The build side (corpus, extraction, RDF, quality) is imported only by the commands that build, so
`ask`, `sparql` and `serve` on a published build never load it; the interpreter of questions in words only by
`interpret` and by `ask` given words, the remote store (and httpx) only when one is named, the web app only by
`serve`: a command pays for the imports it uses.
"""

import argparse
import contextlib
import difflib
import json
import os
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from safetykg import __version__
from safetykg.core.errors import SafetykgError
from safetykg.core.resources import DATA_ENVIRONMENT, DataFolders, data_folders
from safetykg.core.snapshot import DUMP, EXPORT_FORMATS, REPORT_FORMATS, expected_counts
from safetykg.query.results import RESULT_FORMATS
from safetykg.query.store_errors import StoreFailed, StoreUnavailable
from safetykg.web.settings import SETTINGS, load_settings

if TYPE_CHECKING:
    from starlette.types import ASGIApp

    from safetykg.build.pipeline import Paths
    from safetykg.query.interpret import Interpretation, Wording
    from safetykg.query.questions import Question
    from safetykg.query.store import QueryStore
    from safetykg.web.service import Service

DEFAULT_DIST = Path("dist")


def _progress(message: str) -> None:
    print(message, file=sys.stderr)


@dataclass(frozen=True)
class Place:
    """Where a command reads data from and where the published build is."""

    data: DataFolders
    dist: Path


def _place(args: argparse.Namespace) -> Place:
    return Place(data_folders(getattr(args, "data", None)), Path(getattr(args, "dist", None) or DEFAULT_DIST))


def _paths(args: argparse.Namespace) -> "Paths":
    from safetykg.build.pipeline import Paths

    place = _place(args)
    return Paths.of(place.data, place.dist)


def _ensure_build(args: argparse.Namespace, dist: Path) -> None:
    if not (dist / DUMP).exists():
        from safetykg.build.pipeline import build

        _progress(f"no build in {dist}; building first")
        paths = _paths(args)
        paths.dist = dist
        build(paths, _progress)


def cmd_build(args: argparse.Namespace) -> int:
    from safetykg.build.pipeline import build

    paths = _paths(args)
    if args.sources:
        paths.sources = Path(args.sources)
    started = time.perf_counter()
    result = build(paths, _progress)
    elapsed = time.perf_counter() - started
    print(f"built {len(result.documents)} documents into {paths.dist} in {elapsed:.2f} s")
    for doc_id, doc in result.documents.items():
        provisions = sum(
            1 + len(p.items) + sum(len(i.subitems) for i in p.items) for a in doc.articles for p in a.paragraphs
        )
        extraction = result.extractions[doc_id]
        print(
            f"  {doc_id:<15} {len(doc.printed_chapters):>2} chapters {len(doc.articles):>3} articles {provisions:>4} provisions"
            f" {len(extraction.duties):>4} duties {len(extraction.designations):>3} designations"
            f" {len(extraction.frequencies):>3} frequencies"
        )
    print("triples per named graph:")
    for name, count in sorted(result.triple_counts().items()):
        print(f"  {name:<60} {count:>7}")
    print("phases: " + ", ".join(f"{phase} {seconds:.2f} s" for phase, seconds in result.timings.items()))
    return 0


def cmd_add_source(args: argparse.Namespace) -> int:
    from safetykg.build.add_source import add_source

    chosen = getattr(args, "data", None) or os.environ.get(DATA_ENVIRONMENT)
    if not chosen:
        print(
            f"error: add-source writes into your data folder: name it with --data DIR or {DATA_ENVIRONMENT}",
            file=sys.stderr,
        )
        return 2
    file = Path(args.file)
    if not file.is_file():
        print(f"error: {file}: no such file", file=sys.stderr)
        return 2
    added = add_source(
        file,
        args.id,
        args.jurisdiction,
        Path(chosen).expanduser(),
        args.level,
        args.within,
        args.name_en,
        args.title_en,
    )
    doc, parsed = added.document, added.parsed
    sections = sum(len(chapter.sections) for chapter in parsed.chapters)
    items = sum(len(p.items) for a in parsed.articles for p in a.paragraphs)
    print(f"added {doc.id}: {doc.title} ({doc.short_title})")
    print(
        f"  parsed: {len(parsed.printed_chapters)} chapters, {sections} sections, {len(parsed.articles)} articles,"
        f" {items} items" + (f"; {len(parsed.dropped)} lines of page furniture dropped" if parsed.dropped else "")
    )
    where = "drafted in the lexicon" if added.new_jurisdiction else "already in the lexicon"
    print(f"  jurisdiction: {added.jurisdiction} ({added.level}), {where}")
    if added.organs:
        print(f"  organs no organ kind covers, drafted for review: {'、'.join(added.organs)}")
    if added.cited:
        print(f"  documents it cites, added to the catalogue: {'、'.join('《' + t + '》' for t in added.cited)}")
    for path in added.written:
        print(f"  wrote {path}")
    print(f"review the drafted rows, then: safetykg build --data {chosen}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from safetykg.rdf.export import serialize

    dist = _place(args).dist
    _ensure_build(args, dist)
    text = serialize((dist / DUMP).read_text(encoding="utf-8"), args.format)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        _progress(f"wrote {args.output} ({args.format})")
    else:
        sys.stdout.write(text)
    return 0


def _store(args: argparse.Namespace) -> "QueryStore":
    """The remote store named by --store (or SAFETYKG_STORE), else the embedded one (built if missing)."""
    from safetykg.query.store import open_store

    url = args.store or os.environ.get("SAFETYKG_STORE")
    if url:
        from safetykg.query.remote import Endpoint, RemoteStore

        return RemoteStore(Endpoint(url, args.timeout))
    dist = _place(args).dist
    _ensure_build(args, dist)
    return open_store(dist)


def cmd_sparql(args: argparse.Namespace) -> int:
    from safetykg.query.results import render
    from safetykg.query.store import run_query

    if (args.query is None) == (args.file is None):
        print("error: give a query or --file FILE, not both", file=sys.stderr)
        return 2
    query = args.query if args.query is not None else Path(args.file).read_text(encoding="utf-8")
    store = _store(args)
    try:
        result = run_query(store, query)
    except SyntaxError as err:
        print(f"error: the query is not valid SPARQL: {err}", file=sys.stderr)
        return 2
    sys.stdout.write(render(result, args.format))
    return 0


_QUESTION_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _interpret(args: argparse.Namespace, text: str) -> tuple["Interpretation", dict[str, "Question"], "Wording"]:
    """Read a question in words against the build's labels (the query layer's interpreter, in this process)."""
    from safetykg.query.interpret import Interpreter, Wording, vocabulary_from_store
    from safetykg.query.questions import load_questions

    folders = _place(args).data.layers("queries")
    questions = load_questions(folders)
    wording = Wording.load(folders)
    interpreter = Interpreter(vocabulary_from_store(_store(args)), questions, wording)
    return interpreter.interpret(text), questions, wording


def _language(text: str) -> str:
    return "zh" if re.search(r"[\u3400-\u9fff]", text) else "en"


def _describe(reading: "Interpretation", questions: dict[str, "Question"], wording: "Wording", text: str) -> str:
    """An interpretation for people: the question and values it read, or why it has no answer and what to try."""
    from safetykg.query.interpret import explain

    lang = _language(text)
    lines = []
    if reading.confident and reading.question:
        question = questions[reading.question]
        lines.append(f"{reading.question} ({question.title_en if lang == 'en' else question.title_zh})")
        lines += [f"  {name} = {value}" for name, value in reading.params.items()]
        lines.append(f"  confidence {reading.confidence:.2f}")
    else:
        lines += explain(reading, questions, wording, lang)
        if reading.alternatives:
            lines.append(wording.say.get(lang, {}).get("try", ""))
            for alternative in reading.alternatives:
                values = " ".join(f"{k}={v}" for k, v in alternative["params"].items())
                lines.append(f"  safetykg ask {alternative['question']} {values}".rstrip())
    return "\n".join(lines) + "\n"


def cmd_interpret(args: argparse.Namespace) -> int:
    text = " ".join(args.text)
    reading, questions, wording = _interpret(args, text)
    if args.format == "json":
        sys.stdout.write(json.dumps(reading.as_json(), ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(_describe(reading, questions, wording, text))
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from safetykg.query.questions import QuestionError, answer, load_questions
    from safetykg.query.results import render_answer

    questions = load_questions(_place(args).data.layers("queries"))
    by_id = args.question in questions or (
        bool(_QUESTION_ID.match(args.question)) and all("=" in word for word in args.params)
    )
    if not by_id:  # a question in words: interpreted first, the reading told on standard error
        text = " ".join([args.question, *args.params])
        reading, questions, wording = _interpret(args, text)
        sys.stderr.write(_describe(reading, questions, wording, text))
        if not reading.confident or reading.question is None:
            return 1
        args.question, args.params = reading.question, [f"{k}={v}" for k, v in reading.params.items()]
    if args.question not in questions:
        close = difflib.get_close_matches(args.question, list(questions), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else f"; known questions: {', '.join(questions)}"
        print(f"error: no question {args.question!r}{hint}", file=sys.stderr)
        return 2
    values: dict[str, str] = {}
    for pair in args.params:
        name, sep, value = pair.partition("=")
        if not sep:
            print(f"error: parameters are NAME=VALUE, got {pair!r}", file=sys.stderr)
            return 2
        values[name] = value
    try:
        result = answer(_store(args), questions[args.question], values)
    except QuestionError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    sys.stdout.write(render_answer(args.question, values, result, args.format))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from safetykg.build.pipeline import assemble
    from safetykg.quality.report import render as render_report

    paths = _paths(args)
    result = assemble(paths, _progress)
    assert result.validation is not None
    sys.stdout.write(render_report(result.report_rows[args.lang], result.validation, args.format, args.lang))
    findings = [row for row in result.report_rows[args.lang] if row.status != "ok"]
    _progress(
        f"reasoning {result.timings['reason']:.2f} s, validation {result.timings['validate']:.2f} s; "
        f"{len(findings)} completeness findings ({sum(r.status == 'violation' for r in findings)} violations)"
    )
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from safetykg.web.forking import prepare_workers

    try:
        settings = load_settings({s.name: getattr(args, s.name, None) for s in SETTINGS})
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    place = _place(args)
    dist = settings.dist_path(DEFAULT_DIST)
    _ensure_build(args, dist)
    # What the first answer waits for, in the order that lets it come soonest: the fork server is started first
    # (it imports the worker module, on another core if there is one, while this process imports the rest of the
    # server); then the workers begin to start; then the server imports the rest of itself. The fast paths answer
    # as soon as the workers have started; then the canned questions are read and the web framework imported, in
    # a thread (front.py).
    prepare_workers()
    if settings.store:
        from safetykg.deploy.publish import check_published
        from safetykg.query.remote import Endpoint, RemoteStore

        store = RemoteStore(Endpoint(settings.store, settings.deadline), graphs=[])
        try:
            check_published(store, expected_counts(dist))
        finally:
            store.close()
    from safetykg.web.service import prepare_service

    service = prepare_service(settings, dist, place.data.layers("queries"), read_questions=False)
    service.pool.begin()
    import uvicorn

    from safetykg.web.front import Front
    from safetykg.web.hygiene import server_options

    app = Front(service, _framework_app)
    where = f"the store at {settings.store}" if settings.store else "the embedded store"
    print(
        f"serving {dist} from {where} at http://{settings.host}:{settings.port}/ (SPARQL at /sparql)",
        file=sys.stderr,
    )
    server = uvicorn.Server(
        uvicorn.Config(app, host=settings.host, port=settings.port, log_level="info", **server_options(settings))
    )

    def stop() -> None:
        server.should_exit = True

    app.stop = stop
    with contextlib.suppress(KeyboardInterrupt):  # as uvicorn.run
        server.run()
    if isinstance(app.failed, SafetykgError):  # e.g. a question's header in the data folder: as main reports it
        print(f"error: {app.failed}", file=sys.stderr)
        return 2
    if app.failed is not None:
        print(
            f"error: the web app could not be built: {app.failed!r} (the log above has its traceback)", file=sys.stderr
        )
        return 1
    if not server.started:  # the workers did not start (the log above says why): uvicorn.run's exit code
        return 3
    return 0


def _framework_app(service: "Service") -> "ASGIApp":
    from safetykg.web.app import framework_app

    return framework_app(service)


def cmd_publish(args: argparse.Namespace) -> int:
    from safetykg.deploy.publish import load_endpoints, publish

    dist = _place(args).dist
    _ensure_build(args, dist)
    endpoints = load_endpoints(
        args.to,
        args.graph_store or os.environ.get("SAFETYKG_GRAPH_STORE"),
        args.update or os.environ.get("SAFETYKG_UPDATE_ENDPOINT"),
        args.timeout,
    )
    _progress(f"publishing {dist} to {endpoints.query.url} (loading through {endpoints.graph_store})")
    started = time.perf_counter()
    report = publish(dist, endpoints, _progress)
    print(
        f"published {sum(report.graphs.values())} triples in {len(report.graphs)} graphs to {endpoints.query.url} "
        f"in {time.perf_counter() - started:.2f} s ("
        + ", ".join(f"{step} {seconds:.2f} s" for step, seconds in report.seconds.items())
        + "); counts verified"
    )
    return 0


def _store_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", help="SPARQL endpoint of a remote store to ask instead (env SAFETYKG_STORE)")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for the remote store (default 30)")


def _common(dist: bool = True) -> argparse.ArgumentParser:
    """The options every command takes, before or after the command's name."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data",
        default=argparse.SUPPRESS,
        metavar="DIR",
        help=f"your data folder (sources/, lexicon/, queries/), merged over the packaged data (env {DATA_ENVIRONMENT})",
    )
    if dist:
        common.add_argument(
            "--dist", default=argparse.SUPPRESS, metavar="DIR", help="published build directory (default: ./dist)"
        )
    return common


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="safetykg", description=__doc__, parents=[_common()])
    top.add_argument("--version", action="version", version=f"safetykg {__version__}")
    sub = top.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", parents=[_common()], help="parse the sources and publish the graph to ./dist")
    p.add_argument("--sources", help="folder with sources.toml and the texts (instead of the packaged and --data ones)")
    p.set_defaults(run=cmd_build)

    p = sub.add_parser(
        "add-source",
        parents=[_common(dist=False)],
        help="add a rule's text to your data folder: its catalogue entry and drafted lexicon rows",
    )
    p.add_argument("file", help="the rule's text (UTF-8)")
    p.add_argument("--id", required=True, help="the document's id, used in IRIs (e.g. qinglan-2019)")
    p.add_argument("--jurisdiction", required=True, metavar="NAME", help="its jurisdiction: a name (青岚省) or slug")
    p.add_argument("--level", help="the jurisdiction's level (provincial, city, county, township; or 省级 …)")
    p.add_argument("--within", metavar="PARENT", help="the jurisdiction that contains it (default: the national one)")
    p.add_argument("--name-en", default="", help="the jurisdiction's name in English")
    p.add_argument("--title-en", default="", help="the rule's title in English")
    p.set_defaults(run=cmd_add_source)

    p = sub.add_parser("export", parents=[_common()], help="write a dump of the built graph")
    p.add_argument("--format", choices=sorted(EXPORT_FORMATS), default="ttl")
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    p.set_defaults(run=cmd_export)

    p = sub.add_parser("sparql", parents=[_common()], help="run a SPARQL query on the built graph")
    p.add_argument("query", nargs="?", help="the query text")
    p.add_argument("--file", help="read the query from a .rq file")
    p.add_argument("--format", choices=RESULT_FORMATS, default="table")
    _store_options(p)
    p.set_defaults(run=cmd_sparql)

    p = sub.add_parser("ask", parents=[_common()], help="answer a canned question, by its id or in words")
    p.add_argument("question", help="the question's id (its .rq file name), or the question in words")
    p.add_argument("params", nargs="*", metavar="NAME=VALUE", help="parameter values: labels (zh or en) or IRIs")
    p.add_argument("--format", choices=RESULT_FORMATS, default="table")
    _store_options(p)
    p.set_defaults(run=cmd_ask)

    p = sub.add_parser("interpret", parents=[_common()], help="read a question in words as a canned question")
    p.add_argument("text", nargs="+", help="the question in Chinese or English (several words need no quotes)")
    p.add_argument("--format", choices=("json", "table"), default="table")
    _store_options(p)
    p.set_defaults(run=cmd_interpret)

    p = sub.add_parser("validate", parents=[_common()], help="reason, validate against the shapes and print the report")
    p.add_argument("--format", choices=REPORT_FORMATS, default="md")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.set_defaults(run=cmd_validate)

    p = sub.add_parser(
        "serve", parents=[_common(dist=False)], help="serve the published build over HTTP (SPARQL, questions, pages)"
    )
    for setting in SETTINGS:
        flag = {"action": "store_const", "const": True} if isinstance(setting.default, bool) else {}
        p.add_argument(
            setting.option,
            dest=setting.name,
            default=argparse.SUPPRESS,
            help=f"{setting.help} (default {setting.default!r}; env {setting.env})",
            **flag,  # type: ignore[arg-type]
        )
    p.set_defaults(run=cmd_serve)

    p = sub.add_parser("publish", parents=[_common()], help="load the published build into a remote SPARQL server")
    p.add_argument("--to", required=True, metavar="URL", help="the server's SPARQL query endpoint")
    p.add_argument("--graph-store", help="its Graph Store protocol endpoint (env SAFETYKG_GRAPH_STORE)")
    p.add_argument("--update", help="its SPARQL Update endpoint (env SAFETYKG_UPDATE_ENDPOINT)")
    p.add_argument("--timeout", type=float, default=600.0, help="seconds to wait for each request (default 600)")
    p.set_defaults(run=cmd_publish)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except (StoreUnavailable, StoreFailed) as err:
        print(f"error: {err}", file=sys.stderr)
        return 3
    except SafetykgError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":
    sys.exit(main())
