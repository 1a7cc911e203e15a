"""The README documents every command and every canned question (and the quick start stays two commands)."""

import re
from pathlib import Path

from safetykg.cli import parser
from safetykg.query.questions import load_questions

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_question_is_documented() -> None:
    for question in load_questions():
        assert f"`{question}`" in README, question


def test_every_command_is_documented() -> None:
    subcommands = parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in subcommands:
        assert f"safetykg {name}" in README, name


def test_quick_start_is_two_commands_and_ci_runs_the_test_one() -> None:
    section = README.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = re.findall(r"```sh\n(.*?)```", section, re.S)[0].strip().splitlines()
    assert len(commands) == 2
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci
