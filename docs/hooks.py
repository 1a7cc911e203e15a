"""MkDocs hook: writes the reference pages (questions, commands, settings) from their one source at build time.

The canned questions come from the ``#+`` headers of ``safetykg/data/queries/*.rq`` (``load_questions``), the
commands from the CLI's own parser (``safetykg.cli.parser``), the settings from ``safetykg.web.settings.SETTINGS``
and the store's environment from ``safetykg.query.remote.STORE_ENVIRONMENT``. Files that live outside ``docs/``
(the benchmark results and the screenshot) are added as they are, not copied into the repository.
"""

import argparse
import re
import shlex
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from safetykg.cli import parser
from safetykg.core.resources import DATA_ENVIRONMENT, USER_KINDS
from safetykg.query.questions import Question, load_questions
from safetykg.query.remote import STORE_ENVIRONMENT
from safetykg.web.settings import SETTINGS

ROOT = Path(__file__).resolve().parent.parent
COPIED = {  # site path: file in the repository
    "benchmarks/results.md": ROOT / "benchmarks" / "RESULTS.md",
    "benchmarks/scripts.md": ROOT / "benchmarks" / "README.md",
    "benchmarks/scale.svg": ROOT / "benchmarks" / "scale.svg",
    "assets/screenshot.png": ROOT / "safetykg" / "web" / "static" / "screenshot.png",
}


def cell(text: object) -> str:
    """A value fit for one cell of a Markdown table."""
    return " ".join(str(text).split()).replace("|", "\\|")


def shown_columns(question: Question) -> list[str]:
    """The columns people see (the header's ``columns``), in order, with their zh and en labels and links."""
    if not question.columns:
        return ["No columns are labelled for people: a page shows the answer columns by name."]
    rows = [
        f"| `{c.name}` | {cell(c.zh)} | {cell(c.en)} | {f'`{c.link}`' if c.link else ''} |" for c in question.columns
    ]
    return ["Columns shown to people:", "", "| column | 中文 | English | links to |", "|---|---|---|---|", *rows]


def answer_columns(question: Question) -> list[str]:
    """The variables the question's query projects, as pyoxigraph reads them (a SELECT on an empty store)."""
    result = ox.Store().query(question.query)
    return [variable.value for variable in getattr(result, "variables", [])]


_SHELL_SAFE = re.compile(r"[^\s'\"\\$`!*?;&|<>(){}\[\]#~]+")


def example_command(question: Question) -> str:
    """``safetykg ask`` with the examples of the header, quoted only where a shell needs it."""
    words = ["safetykg", "ask", question.id, *(f"{p.name}={p.example}" for p in question.parameters if p.example)]
    return " ".join(w if _SHELL_SAFE.fullmatch(w) else shlex.quote(w) for w in words)


def sentence(text: str) -> str:
    """Text with a capital first letter and a full stop."""
    text = text.strip()
    return (text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")) if text else ""


def questions_page() -> str:
    questions = load_questions()
    lines = [
        "# Questions",
        "",
        "Generated from the `#+` YAML headers of `safetykg/data/queries/*.rq` when the site is built. "
        "How parameters are read and bound is told in [Asking questions](../questions.md). "
        "Each question's description is given in Chinese, then in English. "
        "Each question's `columns:` lists, in order, the columns a page shows and their zh/en labels; a column "
        "with `link: X` shows its value as a link to the IRI in column `X`, which is then not shown on its own. "
        "The machine formats (JSON, CSV …) keep every answer column.",
        "",
        "| id | question |",
        "|---|---|",
        *(f"| [`{q.id}`](#{q.id}) | {cell(q.title_en)} ({cell(q.title_zh)}) |" for q in questions.values()),
    ]
    for q in questions.values():
        lines += ["", f"## `{q.id}`", "", f"**{q.title_zh}** · *{q.title_en}*", ""]
        lines += [q.description_zh, "", q.description, ""] if q.description_zh != q.description else [q.description, ""]
        if q.scope:
            lines += [f"Reads only the rule graph of the jurisdiction given as `{q.scope}` (`scope`).", ""]
        if q.parameters:
            lines += ["| parameter | type | required | example | description |", "|---|---|---|---|---|"]
            lines += [
                f"| `{p.name}` | {p.type} | {'yes' if p.required else 'no'} | {cell(p.example)} | {cell(p.description)} |"
                for p in q.parameters
            ]
        else:
            lines.append("No parameters.")
        lines += ["", *shown_columns(q)]
        columns = ", ".join(f"`{c}`" for c in answer_columns(q))
        lines += [
            "",
            f"Answer columns (machine formats): {columns}. A parameter you give is left out of the columns.",
            "",
        ]
        lines += ["```sh", example_command(q), "```", ""]
        lines += ['??? note "SPARQL"', "", "    ```sparql"]
        lines += [f"    {line}".rstrip() for line in q.query.strip().splitlines()]
        lines += ["    ```"]
    return "\n".join(lines) + "\n"


def _subcommands(top: argparse.ArgumentParser) -> tuple[dict[str, argparse.ArgumentParser], dict[str, str]]:
    action = next(a for a in top._actions if isinstance(a, argparse._SubParsersAction))
    helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
    return dict(action.choices), helps


def _invocation(action: argparse.Action) -> str:
    if not action.option_strings:
        name = action.metavar or action.dest
        return {"?": f"[{name}]", "*": f"[{name} …]", "+": f"{name} [{name} …]"}.get(str(action.nargs), str(name))
    names = ", ".join(action.option_strings)
    if action.nargs == 0:
        return names
    value = action.metavar or (
        "{" + ",".join(map(str, action.choices)) + "}" if action.choices else action.dest.upper()
    )
    return f"{names} {value}"


def _argument_row(action: argparse.Action) -> str:
    parts = [sentence(action.help or "")]
    if action.choices and not action.metavar:
        parts.append("One of " + ", ".join(f"`{c}`" for c in action.choices) + ".")
    if action.default not in (None, argparse.SUPPRESS, False) and "default" not in (action.help or ""):
        parts.append(f"Default `{action.default}`.")
    if action.required and action.option_strings:
        parts.append("Required.")
    return f"| `{cell(_invocation(action))}` | {cell(' '.join(p for p in parts if p))} |"


def _arguments(command: argparse.ArgumentParser) -> list[str]:
    rows = [_argument_row(a) for a in command._actions if not isinstance(a, argparse._HelpAction)]
    return ["| argument | what it does |", "|---|---|", *rows] if rows else []


def commands_page() -> str:
    top = parser()
    commands, helps = _subcommands(top)
    global_options = [
        a
        for a in top._actions
        if a.option_strings and not isinstance(a, argparse._HelpAction | argparse._SubParsersAction)
    ]
    lines = [
        "# Commands",
        "",
        "Generated from the command line's own parser (`safetykg.cli.parser()`) when the site is built.",
        "",
        "`--data DIR` and `--dist DIR` may stand before or after the command's name "
        "(`serve` takes its build directory as the setting `--dist`).",
        "",
        "| command | what it does |",
        "|---|---|",
        *(f"| [`safetykg {name}`](#safetykg-{name}) | {cell(helps.get(name, ''))} |" for name in commands),
        "",
        "## Global options",
        "",
        "| argument | what it does |",
        "|---|---|",
        *(_argument_row(a) for a in global_options),
    ]
    for name, command in commands.items():
        command.formatter_class = lambda prog: argparse.HelpFormatter(prog, width=80)
        usage = command.format_usage().removeprefix("usage: ").strip().replace("\n" + " " * len("usage: "), "\n")
        lines += ["", f"## `safetykg {name}`", "", sentence(helps.get(name, "")), ""]
        lines += ["```text", usage, "```", "", *_arguments(command)]
        if name == "serve":
            lines += ["", "Its options but `--data` are the [server settings](settings.md#server-settings)."]
    return "\n".join(lines) + "\n"


def _default(value: object) -> str:
    if value == "":
        return "(none)"
    if isinstance(value, bool):
        return "on" if value else "off"
    return f"`{value}`"


def settings_page() -> str:
    lines = [
        "# Settings",
        "",
        "Generated from `safetykg.web.settings.SETTINGS` and `safetykg.query.remote.STORE_ENVIRONMENT` when the "
        "site is built.",
        "",
        "## Server settings",
        "",
        "A setting of `safetykg serve` is given as an option or as an environment variable: the option wins "
        "over the environment, and the environment over the default. A boolean setting reads `1`, `true`, `yes`, "
        "`on` or `0`, `false`, `no`, `off`; any other value is refused with the setting's name.",
        "",
        "| option | environment | default | what it sets |",
        "|---|---|---|---|",
        *(f"| `{s.option}` | `{s.env}` | {_default(s.default)} | {cell(s.help)} |" for s in SETTINGS),
        "",
        "## Remote store",
        "",
        "Credentials and loading endpoints of an external SPARQL server (see "
        "[Deployment on an external server](../deployment.md)). They are read from the environment only, and "
        "never logged or printed.",
        "",
        "| environment | what it holds |",
        "|---|---|",
        *(f"| `{name}` | {cell(text)} |" for name, text in STORE_ENVIRONMENT.items()),
        "",
        "## Data folder",
        "",
        "| option | environment | what it names |",
        "|---|---|---|",
        f"| `--data DIR` | `{DATA_ENVIRONMENT}` | your data folder ({', '.join(f'`{kind}/`' for kind in USER_KINDS)}), "
        "merged over the packaged data (see [Adding a jurisdiction](../adding-a-jurisdiction.md)) |",
    ]
    return "\n".join(lines) + "\n"


PAGES = {
    "reference/questions.md": questions_page,
    "reference/commands.md": commands_page,
    "reference/settings.md": settings_page,
}


def on_files(files: Any, config: Any) -> Any:
    from mkdocs.structure.files import File

    for uri, write in PAGES.items():
        files.append(File.generated(config, uri, content=write()))
    for uri, source in COPIED.items():
        files.append(File.generated(config, uri, abs_src_path=str(source)))
    return files
