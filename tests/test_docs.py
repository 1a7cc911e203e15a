"""The documentation: the generated reference names every question, command and setting; the site builds
strictly; the README stays short, its links resolve, and its quick start stays two commands."""

import argparse
import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from safetykg.cli import parser
from safetykg.query.questions import load_questions
from safetykg.web.settings import SETTINGS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def load_hooks() -> ModuleType:
    """docs/hooks.py, the MkDocs hook that writes the reference pages, imported as MkDocs imports it."""
    spec = importlib.util.spec_from_file_location("safetykg_docs_hooks", ROOT / "docs" / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HOOKS = load_hooks()


def subcommands() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_question_is_in_the_reference() -> None:
    page = HOOKS.questions_page()
    for question in load_questions().values():
        assert f"## `{question.id}`" in page, question.id
        assert question.title_en in page and question.title_zh in page, question.id
        for parameter in question.parameters:
            assert f"| `{parameter.name}` | {parameter.type} |" in page, (question.id, parameter.name)


def test_every_command_and_option_is_in_the_reference() -> None:
    page = HOOKS.commands_page()
    for name, command in subcommands().items():
        assert f"## `safetykg {name}`" in page, name
        section = page.split(f"## `safetykg {name}`", 1)[1].split("\n## ", 1)[0]
        for action in command._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert option in section, (name, option)


def test_every_setting_is_in_the_reference() -> None:
    page = HOOKS.settings_page()
    for setting in SETTINGS:
        assert f"| `{setting.option}` | `{setting.env}` |" in page, setting.name


def test_every_question_example_names_a_known_question() -> None:
    """The examples written by hand in the docs ask questions that exist."""
    questions = load_questions()
    for page in (ROOT / "docs").glob("*.md"):
        for asked in re.findall(r"safetykg ask ([a-z][a-z-]+)(?=\s|$)", page.read_text(encoding="utf-8")):
            if "-" in asked or asked in questions:  # a question's id (a question in words has no hyphen)
                assert asked in questions, (page.name, asked)


def test_the_site_builds_strictly(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    for page in ("reference/questions", "reference/commands", "reference/settings", "adding-a-jurisdiction"):
        assert (tmp_path / "site" / page / "index.html").is_file(), page
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in home and "fonts.gstatic.com" not in home


def test_readme_is_short_and_links_into_the_docs() -> None:
    assert (ROOT / "README.md").stat().st_size <= 10_240
    links = re.findall(r"\]\(((?!https?:)[^)#]+)", README)
    assert any(link.startswith("docs/") for link in links)
    for link in links:
        assert (ROOT / link).exists(), link


def test_quick_start_is_two_commands_and_ci_runs_the_test_one() -> None:
    section = README.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = re.findall(r"```sh\n(.*?)```", section, re.S)[0].strip().splitlines()
    assert len(commands) == 2
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci
