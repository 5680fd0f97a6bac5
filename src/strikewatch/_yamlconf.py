"""Reading the hand-written YAML of ``watch`` and ``deliver`` with the line of every value.

An analyst edits these files; a typo must be named where it is ("sources.yaml:12: unknown key
'intervall'"), never silently ignored or defaulted. PyYAML's composed nodes keep their marks,
so the files are walked as nodes and each value checked where it stands.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import ConfigError


# libyaml's parser where PyYAML was built with it: the same values as ``yaml.safe_load`` (the
# same constructor; compared on every packaged lexicon and actor file), at a tenth of the CPU
# time, which every command that reads the lexicons paid at start-up (~0.17 CPU s)
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_data(stream: object) -> object:
    """``yaml.safe_load`` of a packaged data file (or an analyst's copy of one)."""
    return yaml.load(stream, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader


def compose(path: Path) -> MappingNode:
    """The file's top-level mapping node; a missing, unreadable or non-mapping file refused."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not YAML ({exc})".replace("\n", " ")) from None
    if not isinstance(root, MappingNode):
        raise ConfigError(f"{path}:1: expected a mapping of sections (sources:, delivery:)")
    return root


def where(path: Path, node: Node) -> str:
    return f"{path}:{node.start_mark.line + 1}"


def fields(path: Path, node: Node, allowed: frozenset[str], what: str) -> dict[str, Node]:
    """A mapping's values by key; an unknown or repeated key is refused at its line."""
    if not isinstance(node, MappingNode):
        raise ConfigError(f"{where(path, node)}: {what} must be a mapping of keys")
    out: dict[str, Node] = {}
    for key, value in node.value:
        name = key.value if isinstance(key, ScalarNode) else None
        if name not in allowed:
            raise ConfigError(f"{where(path, key)}: unknown key {name!r} in {what} "
                              f"(known: {', '.join(sorted(allowed))})")
        if name in out:
            raise ConfigError(f"{where(path, key)}: {name!r} given twice in {what}")
        out[name] = value
    return out


def items(path: Path, node: Node, what: str) -> Iterator[Node]:
    if not isinstance(node, SequenceNode):
        raise ConfigError(f"{where(path, node)}: {what} must be a list")
    yield from node.value


def text(path: Path, node: Node, what: str) -> str:
    if not isinstance(node, ScalarNode) or not node.value.strip():
        raise ConfigError(f"{where(path, node)}: {what} must be a non-empty text")
    return node.value.strip()


def number(path: Path, node: Node, what: str, *, minimum: float, integer: bool = False) -> float:
    """A number no smaller than ``minimum`` (a negative interval or port is refused here)."""
    raw = text(path, node, what)
    try:
        value = int(raw) if integer else float(raw)
    except ValueError:
        kind = "a whole number" if integer else "a number"
        raise ConfigError(f"{where(path, node)}: {what} must be {kind}, not {raw!r}") from None
    if value < minimum:
        raise ConfigError(f"{where(path, node)}: {what} must be at least {minimum:g}, not {raw}")
    return value


def flag(path: Path, node: Node, what: str) -> bool:
    raw = text(path, node, what).lower()
    if raw not in ("true", "false", "yes", "no"):
        raise ConfigError(f"{where(path, node)}: {what} must be true or false, not {raw!r}")
    return raw in ("true", "yes")
