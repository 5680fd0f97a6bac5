"""The README documents every command: the CLI's commands are walked from the Typer app itself
(sub-apps such as ``review`` and ``user`` included), so a new command without a README line,
or a README line for a command that is gone, fails here rather than going stale."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from strikewatch.cli import app

README = Path(__file__).parent.parent / "README.md"


def command_paths(group, prefix: tuple[str, ...] = ()) -> list[str]:  # noqa: ANN001
    """'ingest', …, 'review split', 'user add'. Groups are told by their ``commands``: this
    Typer vendors its own click, so ``isinstance(…, click.Group)`` would miss them."""
    out = []
    for name, command in group.commands.items():
        if getattr(command, "commands", None) is not None:
            out += command_paths(command, (*prefix, name))
        else:
            out.append(" ".join((*prefix, name)))
    return out


def documented_examples(text: str) -> list[str]:
    """Every ``strikewatch …`` invocation the README shows, in code spans or blocks."""
    code = "\n".join(re.findall(r"```.*?```", text, re.S) + re.findall(r"`([^`\n]+)`", text))
    return re.findall(r"\bstrikewatch ((?:[a-z][a-z-]*)(?: [a-z][a-z-]*)?)", code)


def test_the_walk_finds_sub_commands():
    paths = command_paths(typer.main.get_command(app))
    assert {"ingest", "run", "review split", "user add"} <= set(paths)
    assert "review" not in paths and "user" not in paths  # groups, not commands


def test_every_command_has_a_readme_example():
    paths = command_paths(typer.main.get_command(app))
    shown = documented_examples(README.read_text(encoding="utf-8"))
    missing = [p for p in paths
               if not any(s == p or s.startswith(p + " ") for s in shown)]
    assert not missing, f"README.md shows no example of: {', '.join(missing)}"


def test_every_readme_command_exists():
    """A renamed or removed command must leave the README too."""
    paths = set(command_paths(typer.main.get_command(app)))
    groups = {p.split()[0] for p in paths if " " in p}
    for example in documented_examples(README.read_text(encoding="utf-8")):
        words = example.split()
        name = " ".join(words[:2]) if words[0] in groups else words[0]
        assert name in paths, f"README.md shows 'strikewatch {example}', which is no command"
