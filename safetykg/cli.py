"""The safetykg command line: build, validate, export, sparql, ask, serve."""

import argparse
import difflib
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from safetykg import __version__
from safetykg.build import DUMP, Paths, assemble, build
from safetykg.errors import SourceError
from safetykg.export import FORMATS, serialize
from safetykg.questions import QuestionError, answer, load_questions
from safetykg.report import REPORT_FORMATS
from safetykg.report import render as render_report
from safetykg.results import RESULT_FORMATS, render, render_answer
from safetykg.settings import SETTINGS, load_settings
from safetykg.store import open_store, run_query
from safetykg.validate import StructuralViolations


def _progress(message: str) -> None:
    print(message, file=sys.stderr)


def _paths(args: argparse.Namespace) -> Paths:
    paths = Paths()
    if args.dist:
        paths.dist = Path(args.dist)
    return paths


def _ensure_build(paths: Paths) -> None:
    if not (paths.dist / DUMP).exists():
        _progress(f"no build in {paths.dist}; building first")
        build(paths, _progress)


def cmd_build(args: argparse.Namespace) -> int:
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
            f"  {doc_id:<15} {len(doc.chapters):>2} chapters {len(doc.articles):>3} articles {provisions:>4} provisions"
            f" {len(extraction.duties):>4} duties {len(extraction.designations):>3} designations"
            f" {len(extraction.frequencies):>3} frequencies"
        )
    print("triples per named graph:")
    for name, count in sorted(result.triple_counts().items()):
        print(f"  {name:<60} {count:>7}")
    print("phases: " + ", ".join(f"{phase} {seconds:.2f} s" for phase, seconds in result.timings.items()))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    paths = _paths(args)
    _ensure_build(paths)
    text = serialize((paths.dist / DUMP).read_text(encoding="utf-8"), args.format)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        _progress(f"wrote {args.output} ({args.format})")
    else:
        sys.stdout.write(text)
    return 0


def cmd_sparql(args: argparse.Namespace) -> int:
    if (args.query is None) == (args.file is None):
        print("error: give a query or --file FILE, not both", file=sys.stderr)
        return 2
    query = args.query if args.query is not None else Path(args.file).read_text(encoding="utf-8")
    paths = _paths(args)
    _ensure_build(paths)
    store = open_store(paths.dist)
    try:
        result = run_query(store, query)
    except SyntaxError as err:
        print(f"error: the query is not valid SPARQL: {err}", file=sys.stderr)
        return 2
    sys.stdout.write(render(result, args.format))
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    questions = load_questions()
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
    paths = _paths(args)
    _ensure_build(paths)
    try:
        result = answer(open_store(paths.dist), questions[args.question], values)
    except QuestionError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    sys.stdout.write(render_answer(args.question, values, result, args.format))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
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
    import uvicorn

    from server.app import create_app

    try:
        settings = load_settings({s.name: getattr(args, s.name) for s in SETTINGS})
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    paths = _paths(args)
    paths.dist = settings.dist_path(paths.dist)
    _ensure_build(paths)
    app = create_app(settings, paths.dist)
    print(f"serving {paths.dist} at http://{settings.host}:{settings.port}/ (SPARQL at /sparql)", file=sys.stderr)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="safetykg", description=__doc__)
    top.add_argument("--version", action="version", version=f"safetykg {__version__}")
    top.add_argument("--dist", help="published build directory (default: dist/ in the project)")
    sub = top.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="parse the sources and publish the graph to dist/")
    p.add_argument("--sources", help="folder with sources.toml and the texts (default: data/sources)")
    p.set_defaults(run=cmd_build)

    p = sub.add_parser("export", help="write a dump of the built graph")
    p.add_argument("--format", choices=sorted(FORMATS), default="ttl")
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    p.set_defaults(run=cmd_export)

    p = sub.add_parser("sparql", help="run a SPARQL query on the built graph")
    p.add_argument("query", nargs="?", help="the query text")
    p.add_argument("--file", help="read the query from a .rq file")
    p.add_argument("--format", choices=RESULT_FORMATS, default="table")
    p.set_defaults(run=cmd_sparql)

    p = sub.add_parser("ask", help="answer a canned question from queries/")
    p.add_argument("question", help="the question's id (its file name in queries/)")
    p.add_argument("params", nargs="*", metavar="NAME=VALUE", help="parameter values: labels (zh or en) or IRIs")
    p.add_argument("--format", choices=RESULT_FORMATS, default="table")
    p.set_defaults(run=cmd_ask)

    p = sub.add_parser("validate", help="reason, validate against shapes/ and print the completeness report")
    p.add_argument("--format", choices=REPORT_FORMATS, default="md")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.set_defaults(run=cmd_validate)

    p = sub.add_parser("serve", help="serve the published build over HTTP (SPARQL, questions, linked data)")
    for setting in SETTINGS:
        p.add_argument(
            setting.option,
            dest=setting.name,
            default=None,
            help=f"{setting.help} (default {setting.default!r}; env {setting.env})",
        )
    p.set_defaults(run=cmd_serve)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except (SourceError, StructuralViolations) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":
    sys.exit(main())
