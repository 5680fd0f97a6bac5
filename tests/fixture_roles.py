"""Fixture articles picked by the part they play in a test, never by a corpus document's id
or title (the project's rule: no code names a corpus document).

A test asks for "the lines of the file in order", "the id the file repeats", "the ids that
share one title" or "one text", or, where the part an article plays is no property of the
file, for a role that ``tests/fixtures/roles.yaml`` gives a line of the file. The ids stay
in the fixture files, where they are data copied from the corpus, and a test keeps testing
the same article whatever its id.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import yaml

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_rows(path: Path) -> list[dict]:
    """The JSON lines of a fixture file, in order (a repeated line twice)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def fixture_ids(path: Path) -> list[str]:
    """The ids of a fixture file's lines, in order: what reading or uploading it stores."""
    return [row["id"] for row in fixture_rows(path)]


def repeated_id(path: Path) -> str:
    """The one id that a fixture file gives to two lines (FA-KES repeats some articles)."""
    ids = fixture_ids(path)
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if len(repeated) != 1:
        raise LookupError(f"{path.name}: {len(repeated)} repeated ids, the test needs one")
    return repeated[0]


def ids_sharing(path: Path, field: str) -> list[list[str]]:
    """Groups of distinct ids whose lines have the same ``field`` (one title or one text
    printed under several ids), each in file order, the groups in the order they open."""
    groups: dict[str, list[str]] = defaultdict(list)
    for row in fixture_rows(path):
        if row["id"] not in groups[row[field]]:
            groups[row[field]].append(row["id"])
    return [ids for ids in groups.values() if len(ids) > 1]


def role(path: Path, name: str) -> dict:
    """The line of a fixture file that ``roles.yaml`` names for a role: an article chosen
    for what its text holds (a dateline the dataset's date contradicts, say)."""
    roles = yaml.safe_load((FIXTURES / "roles.yaml").read_text(encoding="utf-8"))
    key = path.relative_to(FIXTURES).as_posix()
    try:
        line = roles[key][name]
    except KeyError:
        raise LookupError(f"roles.yaml gives no line of {key} the role {name!r}") from None
    return fixture_rows(path)[line - 1]
