"""Regular expressions compiled once, kept on disk for every later process.

The lexicons' phrase lists are some 180 KB of pattern, which ``re`` parses and translates in
pure Python: about 0.45 CPU s of every extraction's start-up, paid serially before its
workers fork. What that yields is a list of integers, the matching engine's code; kept in a
file, every pattern is rebuilt from it in C in milliseconds.

The file is hostile input: it is JSON (never pickle, which would run what it holds), its
header must name the key it was asked for and the digest of its body, each entry must have
the shape written, and the engine validates each code itself (``_sre`` refuses code that
could make it read out of bounds). Anything wrong, and the patterns are compiled afresh and
the file written again. The key covers what the patterns are built from, this module, the
interpreter's version and the engine's: a new Python never reads an old one's code. What
no check catches is a file forged whole (valid code for other patterns, under a digest
that fits): checking the code means compiling it, the cost the cache saves, so the file is
trusted as far as its folder is, as the gazetteer index beside it is.
"""

from __future__ import annotations

import _sre
import contextlib
import hashlib
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import _cache

Source = tuple[str, int] | None  # a pattern and its flags, or no pattern

_FORMAT = 1
_THIS_CODE = Path(__file__).read_bytes()
# the flags a pattern of ours may hold (re.UNICODE is what every str pattern gets)
_KNOWN_FLAGS = int(re.IGNORECASE | re.UNICODE | re.MULTILINE | re.DOTALL | re.VERBOSE)


def compiled(name: str, inputs: bytes, count: int, sources: Callable[[], Sequence[Source]],
             *, cache_dir: Path | None = None) -> list[re.Pattern | None]:
    """The ``count`` patterns ``sources()`` gives (called only when the cache cannot answer),
    compiled, from the file ``name``-<key> of the cache when an earlier process wrote it for
    the same ``inputs`` (whatever the sources are built from: it must change when they do)."""
    key = _key(inputs)
    path = _cache.cache_dir(cache_dir) / f"{name}-{key}.json"
    found = _read(path, key, count)
    if found is not None:
        with contextlib.suppress(OSError):  # marks the file as in use (_cache.remove_unused)
            os.utime(path)
        return found
    built = [_compile(source) for source in sources()]
    if len(built) != count:
        raise ValueError(f"{name}: {len(built)} patterns built for {count} asked")
    if all(entry is not False for _, entry in built):
        _write(path, key, [entry for _, entry in built], f"{name}-*.json")
    return [pattern for pattern, _ in built]


def _key(inputs: bytes) -> str:
    h = hashlib.sha256()
    for part in (str(_FORMAT), sys.version, str(_sre.MAGIC), str(_sre.CODESIZE), sys.byteorder):
        h.update(part.encode() + b"\0")
    h.update(_THIS_CODE)
    h.update(inputs)
    return h.hexdigest()[:24]


def _compile(source: Source) -> tuple[re.Pattern | None, list | None | bool]:
    """The pattern and what the file keeps of it ([pattern, flags, code]; None for no
    pattern; False where the engine's code cannot be kept: a pattern with groups, or an
    interpreter whose ``re`` is built otherwise, which is then compiled as ``re`` does)."""
    if source is None:
        return None, None
    pattern, flags = source[0], int(source[1])
    try:
        parsed = re._parser.parse(pattern, flags)
        if parsed.state.groups != 1:  # capturing groups: their names are not kept
            return re.compile(pattern, flags), False
        code = re._compiler._code(parsed, flags)
        flags |= parsed.state.flags
        return _sre.compile(pattern, flags, code, 0, {}, (None,)), [pattern, flags, code]
    except (AttributeError, TypeError):
        return re.compile(pattern, flags), False


def _read(path: Path, key: str, count: int) -> list[re.Pattern | None] | None:
    """The patterns the file holds, or None if it is missing or anything in it is wrong."""
    try:
        head, _, body = path.read_bytes().partition(b"\n")
        if json.loads(head) != {"key": key, "sha256": hashlib.sha256(body).hexdigest()}:
            return None
        entries = json.loads(body)
        if type(entries) is not list or len(entries) != count:
            return None
        return [_from_code(entry) for entry in entries]
    except (OSError, ValueError, TypeError, OverflowError, RuntimeError, RecursionError):
        return None  # RuntimeError: the engine's validation refused the code


def _from_code(entry: object) -> re.Pattern | None:
    if entry is None:
        return None
    pattern, flags, code = entry  # ValueError, TypeError: not three values
    if type(pattern) is not str or type(flags) is not int or type(code) is not list:
        raise TypeError("an entry is a pattern, its flags and its code")
    if flags & ~_KNOWN_FLAGS:
        raise ValueError(f"unexpected flags {flags}")
    return _sre.compile(pattern, flags, code, 0, {}, (None,))


def _write(path: Path, key: str, entries: list, others: str) -> None:
    """Write the file whole or not at all (another process may read it meanwhile); a cache
    that cannot be written (read-only, full) only costs the next process the compiling."""
    body = json.dumps(entries, separators=(",", ":")).encode()
    head = json.dumps({"key": key, "sha256": hashlib.sha256(body).hexdigest()}).encode()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(head + b"\n" + body)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        return
    _cache.remove_unused(path, others)
