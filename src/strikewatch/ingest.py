"""Ingest: files, folders, stdin, URLs and feeds in; ``Document`` records (or rejections) out.

Every input kind ends in the same shape: a list of (segment kind, paragraph) pairs plus
metadata, assembled by ``_assemble`` into a ``Document`` whose text is the paragraphs joined
by blank lines. Segments matter downstream because sentences must never cross a title/caption/
body boundary, and captions often carry the place and date of a strike.

Failures are per item: each bad file, line, feed or URL becomes a ``Rejection`` with a one-line
reason taken from the ``InputError`` that stopped it, and the batch goes on (trafilatura's
"discarding data" rule). Near-duplicate detection (syndicated wire copy) needs only the text
and lives in ``strikewatch.syndication``; the store decides what to do with a match.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO

import charset_normalizer
import feedparser
import lxml.etree
import lxml.html
import trafilatura

from strikewatch._fetch import Fetched, Fetcher
from strikewatch._yamlconf import load_data
from strikewatch.dates import (
    find_dateline,
    find_dateline_with_ref,
    parse_published,
    plausible_publication,
)
from strikewatch.errors import (
    BinaryInput,
    EmptyInput,
    EncodingError,
    InputError,
    MalformedInput,
    NoArticleText,
)
from strikewatch.models import Document, Rejection, Segment

__all__ = [
    "IngestOptions",
    "content_hash",
    "detect_language",
    "read_fetched",
    "read_inputs",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestOptions:
    published: date | None = None  # date for .txt files and stdin that carry no dateline
    source: str | None = None  # outlet for inputs that do not name one (.txt, stdin)
    max_bytes: int = 10_000_000  # per file, per URL response; per line for JSON Lines
    timeout: float = 20.0  # seconds, per read of a URL fetch attempt
    deadline: float = 60.0  # seconds, per URL in all (a server trickling bytes is cut off)
    retries: int = 2  # extra attempts on connection errors and 5xx
    detect_language: bool = True  # py3langid when the input does not say


_HTML_EXT = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_JSONL_EXT = frozenset({".jsonl", ".ndjson", ".json"})
_FEED_EXT = frozenset({".xml", ".rss", ".atom"})
_TEXT_EXT = frozenset({".txt", ".text"})
_FEED_MEDIA = ("rss", "atom", "xml", "rdf")

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


# ---------------------------------------------------------------------------------- entry point


def read_inputs(paths: Iterable[str], options: IngestOptions) -> Iterator[Document | Rejection]:
    """Yield a document or a rejection per article, in input order; never raise for one item.

    Folders are walked recursively in sorted order (hidden files skipped) so that re-runs see
    the same order and the store's "first copy wins" rule is stable.
    """
    fetcher: Fetcher | None = None
    try:
        for raw in paths:
            if raw == "-":
                yield from _guard("<stdin>", _read_stdin, sys.stdin.buffer, options)
            elif raw.startswith(("http://", "https://")):
                if fetcher is None:
                    fetcher = Fetcher(timeout=options.timeout, retries=options.retries,
                                      max_bytes=options.max_bytes, deadline=options.deadline)
                yield from _guard(raw, _read_url, raw, fetcher, options)
            else:
                path = Path(raw)
                if path.is_dir():
                    for file in sorted(path.rglob("*")):
                        rel = file.relative_to(path).parts
                        if file.is_file() and not any(p.startswith(".") for p in rel):
                            yield from _guard(str(file), _read_file, file, options)
                elif path.is_file():
                    yield from _guard(raw, _read_file, path, options)
                else:
                    yield Rejection(raw, f"{raw}: no such file or folder")
    finally:
        if fetcher is not None:
            fetcher.close()


def _guard(origin: str, reader, *args) -> Iterator[Document | Rejection]:  # noqa: ANN001
    """Turn the InputError that stops one input into its Rejection, keeping what came before.

    Anything else escaping a parser is a bug in strikewatch or a library, but one bad page must
    still not end a batch of thousands: it is logged with its traceback and rejected.
    """
    try:
        yield from reader(*args)
    except InputError as exc:
        yield Rejection(origin, str(exc))
    except Exception as exc:  # noqa: BLE001 - see docstring
        log.exception("unexpected failure reading %s", origin)
        yield Rejection(origin, f"{origin}: unexpected {type(exc).__name__}: {exc}")


# ---------------------------------------------------------------------------------- sources


def _read_file(path: Path, options: IngestOptions) -> Iterator[Document | Rejection]:
    name = str(path)
    ext = path.suffix.lower()
    known = _HTML_EXT | _JSONL_EXT | _FEED_EXT | _TEXT_EXT
    if ext and ext not in known:
        raise InputError(f"{name}: unsupported file kind '{ext}'")
    if ext in _JSONL_EXT:
        with path.open("rb") as handle:
            head = handle.read(8192)
            if head.strip():  # an empty file is reported by _read_jsonl
                _check_not_empty_or_binary(head, name)
            if head.lstrip()[:1] == b"[":
                raise MalformedInput(f"{name}: a JSON array, not JSON Lines (one object per line)")
            yield from _read_jsonl(_Chained(head, handle), name, path.stem, options)
        return
    size = path.stat().st_size
    if size > options.max_bytes:
        raise InputError(f"{name}: file too large ({size} bytes > {options.max_bytes})")
    data = path.read_bytes()
    kind = {**dict.fromkeys(_HTML_EXT, "html"), **dict.fromkeys(_FEED_EXT, "feed"),
            **dict.fromkeys(_TEXT_EXT, "text")}.get(ext)
    yield from _read_bytes(data, name, path.stem, kind, options, charset=None, url=None)


def _read_stdin(stream: IO[bytes], options: IngestOptions) -> Iterator[Document | Rejection]:
    head = stream.read(4096)
    if head.lstrip()[:1] == b"{":
        yield from _read_jsonl(_Chained(head, stream), "<stdin>", "stdin", options)
        return
    data = head + stream.read(options.max_bytes + 1 - len(head))
    if len(data) > options.max_bytes:
        raise InputError(f"<stdin>: input too large (> {options.max_bytes} bytes)")
    stem = "stdin-" + _short_hash(data)
    yield from _read_bytes(data, "<stdin>", stem, None, options, charset=None, url=None)


def _read_url(url: str, fetcher: Fetcher, options: IngestOptions) -> Iterator[Document | Rejection]:
    yield from _read_fetched(url, fetcher.fetch(url), options)


def read_fetched(url: str, fetched: Fetched, options: IngestOptions,
                 ) -> Iterator[Document | Rejection]:
    """The documents of an answer fetched elsewhere (``watch`` fetches conditionally itself),
    read exactly as ``read_inputs`` reads a URL, a bad answer becoming its Rejection."""
    yield from _guard(url, _read_fetched, url, fetched, options)


def _read_fetched(url: str, fetched: Fetched, options: IngestOptions,
                  ) -> Iterator[Document | Rejection]:
    media = fetched.content_type
    if media in ("application/json", "application/x-ndjson", "application/jsonl"):
        kind: str | None = "jsonl"
    elif media in ("text/html", "application/xhtml+xml"):
        kind = "html"
    elif any(m in media for m in _FEED_MEDIA):
        kind = "feed"
    elif media == "text/plain":
        kind = "text"
    elif media.startswith(("image/", "audio/", "video/", "application/pdf", "application/zip")):
        raise InputError(f"{url}: unsupported content type '{media}'")
    else:
        kind = None  # missing or generic (application/octet-stream): look at the bytes
    if kind == "jsonl":
        yield from _read_jsonl(_Chained(fetched.content, None), url, "url-" + _short_hash(url.encode()), options)
        return
    yield from _read_bytes(
        fetched.content, url, "url-" + _short_hash(url.encode()), kind, options,
        charset=fetched.charset, url=fetched.url,
    )


def _read_bytes(
    data: bytes,
    origin: str,
    doc_id: str,
    kind: str | None,
    options: IngestOptions,
    *,
    charset: str | None,
    url: str | None,
) -> Iterator[Document | Rejection]:
    _check_not_empty_or_binary(data, origin)
    _check_no_entity_declarations(data, origin)
    if kind == "feed" or (kind is None and _looks_like_feed(data[:2048])):
        yield from _feed_documents(data, origin, options)
        return
    text, encoding = _decode(data, origin, declared=charset)
    kind = kind or _sniff(text)
    if kind == "html":
        yield _html_document(text, origin=origin, doc_id=doc_id, url=url, encoding=encoding,
                             options=options)
    elif kind == "jsonl":
        yield from _read_jsonl(_Chained(data, None), origin, doc_id, options)
    else:
        yield _text_document(text, origin=origin, doc_id=doc_id, url=url, encoding=encoding,
                             options=options)


class _Chained:
    """A peeked head followed by the rest of a stream, read line by line."""

    def __init__(self, head: bytes, rest: IO[bytes] | None) -> None:
        self._head, self._rest = head, rest

    def __iter__(self) -> Iterator[bytes]:
        lines = self._head.split(b"\n")
        if self._rest is None:
            yield from (line + b"\n" for line in lines)
            return
        carry = lines.pop()
        yield from (line + b"\n" for line in lines)
        for line in self._rest:
            yield carry + line
            carry = b""
        if carry:
            yield carry


# ---------------------------------------------------------------------------------- bytes → text


def _check_not_empty_or_binary(data: bytes, origin: str) -> None:
    if not data.strip():
        raise EmptyInput(f"{origin}: empty file" if data == b"" else f"{origin}: only whitespace")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return  # UTF-16 with a byte-order mark: NULs are expected
    kind = next((name for magic, name in _MAGIC.items() if data.startswith(magic)), None)
    if kind is not None:
        raise BinaryInput(f"{origin}: binary content ({kind}), not text")
    if b"\x00" in data[:8192]:
        if _looks_like_utf16(data[:8192]):
            raise EncodingError(f"{origin}: UTF-16 without a byte-order mark; save it as UTF-8 "
                                "(or UTF-16 with its BOM)")
        raise BinaryInput(f"{origin}: binary content (NUL bytes), not text")


# The first bytes of the binary files most often saved or served in place of an article.
_MAGIC = {
    b"\x1f\x8b": "gzip-compressed data", b"PK\x03\x04": "a ZIP archive", b"%PDF-": "a PDF",
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
}


def _check_no_entity_declarations(data: bytes, origin: str) -> None:
    """Refuse a page or feed that declares XML entities: no news page or feed needs one, and
    they are how billion-laughs and external-entity (XXE) attacks work; refusing names the
    problem where silently not expanding them would store "&lol9;" as a title."""
    if re.search(rb"<!ENTITY", data[:65536], re.I):
        raise MalformedInput(f"{origin}: declares XML entities (<!ENTITY>), as billion-laughs "
                             "and external-entity attacks do; strikewatch does not expand them")


def _looks_like_utf16(head: bytes) -> bool:
    """Text in UTF-16 has a NUL in every other byte (ASCII letters, digits, punctuation)."""
    pairs = len(head) // 2
    return pairs >= 8 and any(
        head[start::2][:pairs].count(0) >= 0.9 * pairs for start in (0, 1))


def _decode(data: bytes, origin: str, *, declared: str | None = None) -> tuple[str, str]:
    """UTF-8 first (nearly all news), then a declared charset, then a guess; reject only garble."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise EncodingError(f"{origin}: undecodable UTF-16") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if (damaged := _damaged_utf8(data)) is not None:
        log.warning("%s: %d bytes are not UTF-8 (a damaged copy); each is replaced by U+FFFD",
                    origin, damaged)
        return data.decode("utf-8", errors="replace"), "utf-8"
    candidates = [declared] if declared else []
    meta = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", data[:4096], re.I)
    if meta:
        candidates.append(meta.group(1).decode("ascii").lower())
    for name in candidates:
        if name.replace("-", "").replace("_", "") in ("utf8",):
            continue  # already failed
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            continue
    guess = charset_normalizer.from_bytes(data).best()
    if guess is None:
        raise EncodingError(f"{origin}: undecodable bytes (not UTF-8, no charset could be detected)")
    text, encoding = str(guess), guess.encoding
    try:
        if encoding != "cp1252" and data.decode("cp1252") == text:
            encoding = "cp1252"  # same characters: name the far commoner Windows code page
    except UnicodeDecodeError:
        pass
    printable = sum(ch.isprintable() or ch.isspace() for ch in text[:4000])
    if printable < 0.95 * len(text[:4000]):
        raise BinaryInput(f"{origin}: binary content (decodes only as {encoding} garble)")
    return text, encoding


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


_HIGH_BYTES = bytes(range(0x80, 0x100))


def _damaged_utf8(data: bytes) -> int | None:
    """The number of bytes that are not UTF-8, when most of the non-ASCII is UTF-8 (a file cut
    or spliced mid-character); None for a legacy code page, whose accented letters are never
    UTF-8 sequences, so that it is decoded as what it is rather than into U+FFFD."""
    non_ascii = len(data) - len(data.translate(None, _HIGH_BYTES))
    in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    invalid = non_ascii - in_sequences
    return invalid if in_sequences >= 2 * invalid > 0 else None


def _looks_like_feed(head: bytes) -> bool:
    head = head.lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _sniff(text: str) -> str:
    head = text.lstrip()[:1024].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("<") and re.search(r"<(!doctype html|html|head|body|article|div|p)\b", head):
        return "html"
    return "text"


# ---------------------------------------------------------------------------------- JSON Lines


def _read_jsonl(
    lines: Iterable[bytes], origin: str, stem: str, options: IngestOptions
) -> Iterator[Document | Rejection]:
    """One article per line; a bad line is rejected by number and the file goes on."""
    seen_any = False
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen_any = True
        where = f"{origin}:{number}"
        try:
            yield _jsonl_document(raw, where, f"{stem}-{number}", options)
        except InputError as exc:
            yield Rejection(where, str(exc))
    if not seen_any:
        raise EmptyInput(f"{origin}: empty file")


def _jsonl_document(raw: bytes, where: str, fallback_id: str, options: IngestOptions) -> Document:
    if len(raw) > options.max_bytes:
        raise InputError(f"{where}: line too large ({len(raw)} bytes > {options.max_bytes})")
    if b"\x00" in raw:
        raise BinaryInput(f"{where}: binary content (NUL bytes) in a JSON line")
    line, encoding = _decode(raw, where)
    record = _json_object(line, where)
    fields = _jsonl_fields(record, where)
    text = fields.get("text")
    if not text or not text.strip():
        others = ", ".join(f"'{n}'" for n in _JSONL_NAMES["text"][1:])
        raise NoArticleText(f"{where}: no 'text' in the JSON line (nor {others})")
    title = _clean(fields.get("title") or "") or None
    parts = [("title", title)] if title else []
    parts += [("body", p) for p in _paragraphs(text)]
    given = _parse_date(fields.get("published"), where)
    published, published_from = _choose_date(text, given, "input", where)
    return _assemble(
        parts,
        doc_id=fields.get("id") or fallback_id,
        title=title,
        source=fields.get("source") or options.source,
        url=fields.get("url"),
        published=published,
        published_from=published_from,
        language=fields.get("language"),
        byline=fields.get("byline") or fields.get("author"),
        origin=where,
        encoding=None if encoding == "utf-8" else encoding,
        options=options,
    )


def _json_object(line: str, where: str) -> dict:
    """The line's JSON object, or a MalformedInput that says what is wrong with it in words.

    Python's parser refuses integers over 4,300 digits (ValueError) and recurses once per
    nesting level (RecursionError at ~1,000 on some builds, a deeper stack on others): both
    are a broken line, not a broken batch.
    """
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        reason = re.sub(r"\s+at$", "", exc.msg)
        raise MalformedInput(f"{where}: malformed JSON line ({reason} at column {exc.colno})") from None
    except RecursionError:
        raise MalformedInput(f"{where}: JSON nested too deeply to be an article") from None
    except ValueError:
        raise MalformedInput(f"{where}: a number in the JSON line is too long to read "
                             "(over 4,300 digits)") from None
    if not isinstance(record, dict):
        raise MalformedInput(f"{where}: a JSON line must be an object, not {_json_kind(record)}")
    return record


# The fields strikewatch reads from a JSON line and their longest sensible value, in
# characters: id and source fit the store's 200-character columns; the rest are generous
# bounds on what a news article's metadata can be (a longer "title" is a misplaced body).
_JSONL_FIELDS = {"id": 200, "text": None, "title": 1000, "source": 200, "url": 4000,
                 "published": 100, "language": 35, "byline": 500, "author": 500}
# The names other tools give the same fields: news scrapers ("maintext", "date_publish",
# "source_domain"), feed converters ("link", "pubDate", "content"), news APIs ("headline",
# "publishedAt"). Each field is read from the first of its names that the line holds.
_JSONL_NAMES = {
    "id": ("id", "doc_id", "article_id", "guid"),
    "text": ("text", "body", "content", "maintext", "article", "full_text"),
    "title": ("title", "headline"),
    "source": ("source", "outlet", "publisher", "source_domain", "source_name"),
    "url": ("url", "link"),
    "published": ("published", "published_at", "publishedAt", "date_publish", "publish_date",
                  "pubDate", "date"),
    "language": ("language", "lang"),
    "byline": ("byline",),
    "author": ("author", "authors"),
}


def _jsonl_fields(record: dict, where: str) -> dict[str, str]:
    """The article fields of a JSON line, each a string or absent; anything else is named.

    An id may be written as a whole number; every other field must be a string (or null), so
    that a number where a title belongs is refused here and not deep inside the store.
    """
    fields: dict[str, str] = {}
    written: dict[str, str] = {}  # field -> the name the line gives it, for the messages
    for field, longest in _JSONL_FIELDS.items():
        name = next((n for n in _JSONL_NAMES[field] if record.get(n) is not None), None)
        if name is None:
            continue
        written[field] = name
        value = _jsonl_value(field, record[name])
        if not isinstance(value, str):
            raise MalformedInput(f"{where}: '{name}' must be text, not {_json_kind(value)}")
        if longest is not None and len(value) > longest:
            raise MalformedInput(f"{where}: '{name}' is {len(value)} characters long "
                                 f"(at most {longest})")
        _check_storable_text(value, f"{where}: '{name}'")
        fields[field] = value
    if "id" in fields and (not fields["id"].strip() or _CONTROL.search(fields["id"])):
        raise MalformedInput(f"{where}: '{written['id']}' must be printable text")
    if "url" in fields and not _is_web_address(fields["url"]):
        raise MalformedInput(f"{where}: '{written['url']}' must be an http(s) address, not "
                             f"{fields['url'][:60]!r}")
    return fields


def _jsonl_value(field: str, value: object) -> object:
    """The shapes other tools give a field, as text: a whole-number id, a news API's source
    object ({"id": ..., "name": "Reuters"}), a scraper's list of authors. Any other shape is
    returned as it is, for the caller to refuse."""
    if field == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if field == "source" and isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"]
    if field == "author" and isinstance(value, list) and value and all(isinstance(a, str) for a in value):
        return ", ".join(value)
    return value


def _json_kind(value: object) -> str:
    kinds = {bool: "true/false", int: "a number", float: "a number", list: "a list",
             dict: "an object", str: "a string", type(None): "null"}
    return kinds.get(type(value), type(value).__name__)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _check_storable_text(value: str, what: str) -> None:
    """Refuse what no database can store: NUL (PostgreSQL text) and lone surrogates (JSON's
    "\\ud800" escape decodes to one; it has no UTF-8 form)."""
    if "\x00" in value:
        raise MalformedInput(f"{what} contains a NUL character")
    if _SURROGATE.search(value):
        raise EncodingError(f"{what} contains a lone surrogate (a broken \\u escape), "
                            "not a character")


# Unicode's explicit embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI
# PDI): in a one-line field they make "gpj.exe" read "exe.jpg" and a source look like another.
# Right-to-left text needs none of them (the marks U+200E/U+200F stay allowed), and an
# article's body keeps them: it is shown as paragraphs, each isolated by the page.
_DIRECTION_OVERRIDE = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _check_no_direction_override(value: str, what: str) -> None:
    if _DIRECTION_OVERRIDE.search(value):
        raise MalformedInput(f"{what} holds a right-to-left override or isolate character, "
                             "which can disguise what it shows")


def _is_web_address(url: str) -> bool:
    return re.match(r"https?://[^\s/]+", url.strip(), re.I) is not None


def _language_code(value: str | None) -> str | None:
    """ISO 639 code of a language tag ("en-GB" -> "en"); None for anything not shaped like one."""
    if value is None or not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*", value.strip()):
        return None
    return re.split(r"[-_]", value.strip())[0].lower()


# ---------------------------------------------------------------------------------- plain text


def _text_document(
    text: str, *, origin: str, doc_id: str, url: str | None, encoding: str, options: IngestOptions
) -> Document:
    paragraphs = [p for p in _paragraphs(text) if not _is_furniture(p)]
    if not paragraphs:
        raise NoArticleText(f"{origin}: no article text (only page furniture)")
    parts: list[tuple[str, str]] = []
    title = None
    rest = list(paragraphs)
    # the title is the first paragraph that is not a bare date line, if it reads as a headline
    lead = 1 if len(rest) > 1 and _is_date_line(rest[0]) else 0
    if len(rest) > lead + 1 and _looks_like_title(rest[lead]):
        title = rest[lead]
        parts += [("body", p) for p in rest[:lead]]
        parts.append(("title", title))
        rest = rest[lead + 1 :]
        if rest and _looks_like_standfirst(rest[0]) and len(rest) > 1:
            parts.append(("standfirst", rest.pop(0)))
    for i, paragraph in enumerate(rest):
        kind = "caption" if i < 3 and _CREDIT.search(paragraph) and len(paragraph) < 400 else "body"
        parts.append((kind, paragraph))
    _require_article_text(parts, origin)
    published, published_from = _choose_date(text, options.published, "option", origin)
    return _assemble(
        parts, doc_id=doc_id, title=title, source=options.source, url=url, published=published,
        published_from=published_from, language=None, byline=None, origin=origin,
        encoding=None if encoding == "utf-8" else encoding, options=options,
    )


# A photo credit closing a caption: "(AFP)", "(Reuters/Omar Sanadiki)", "(AFP/Getty Images)".
_CREDIT = re.compile(r"\((?:AFP|Reuters|AP|EPA|Getty|Anadolu|SANA|[A-Z][\w.&' -]{1,30}/[\w.&' /-]{2,40})[^()]{0,40}\)\s*$")


def _looks_like_title(paragraph: str) -> bool:
    return len(paragraph) <= 200 and len(paragraph.split()) <= 30 and not paragraph.endswith(".")


def _looks_like_standfirst(paragraph: str) -> bool:
    return len(paragraph) <= 300 and not paragraph.rstrip().endswith((".", '"', "”"))


def _paragraphs(text: str) -> list[str]:
    """Blocks split on blank lines; inside a block, each line is a paragraph unless hard-wrapped.

    Hard wrapping (lines of similar width under ~100 characters) is told from one-paragraph-per-
    line text such as the MEE sample, where a standfirst and a caption sit on adjacent lines.
    """
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        widths = [len(line) for line in lines]
        wrapped = (
            len(lines) > 1
            and max(widths) <= 100
            and all(w >= 0.6 * max(widths) for w in widths[:-1])
            and not _is_headline_list(lines)
        )
        if wrapped:
            out.append(_clean(" ".join(lines)))
        else:
            out.extend(_clean(line) for line in lines)
    return [p for p in out if p]


def _is_headline_list(lines: list[str]) -> bool:
    """Headlines one per line ("DPR militiaman killed in shelling - militia" over "Ukraine
    rebels vow new offensive"), as coded datasets and news digests list them: every line opens
    with a capital or a digit and the last one ends without a full stop. A hard-wrapped
    paragraph breaks mid-sentence, so most of its lines open in lower case, and it ends a
    sentence."""
    if lines[-1].rstrip().endswith((".", "!", "?", '"', "”", "»")):
        return False
    return all(line[0].isupper() or line[0].isdigit() for line in lines)


# ---------------------------------------------------------------------------------- HTML


def _html_document(
    html: str, *, origin: str, doc_id: str, url: str | None, encoding: str, options: IngestOptions
) -> Document:
    truncated = not re.search(r"</html\s*>", html[-2048:], re.I)
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise MalformedInput(f"{origin}: unparseable HTML ({exc})") from None
    _check_depth(tree, origin)
    meta = _html_metadata(tree, origin)
    result = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, date_extraction_params={"extensive_search": False},
    )
    title = _clean(meta.get("title") or (result.title if result else "") or "") or None
    parts, body = _html_parts(title, meta, result, _article_body(result, title, origin, truncated))
    published, published_from = _html_published(meta, result, body, options, origin)
    if truncated:
        log.info("%s: truncated HTML, kept the %d paragraphs before the cut", origin, len(body))
    return _assemble(
        parts,
        doc_id=doc_id,
        title=title,
        source=meta.get("outlet") or (result.sitename if result else None) or options.source,
        url=next((u for u in (meta.get("canonical"), result.url if result else None, url)
                  if u and _is_web_address(u)), None),
        published=published,
        published_from=published_from if published else None,
        language=meta.get("language"),
        byline=(result.author if result else None) or meta.get("byline"),
        origin=origin,
        encoding=None if encoding == "utf-8" else encoding,
        options=options,
    )


def _article_body(result, title: str | None, origin: str, truncated: bool) -> list[str]:
    """The article's paragraphs without the page's furniture; a page with no paragraph of ten
    words has no article (a truncated one lost it at the cut)."""
    body = [
        p for p in _clean_lines(result.text if result else "")
        if not _is_furniture(p) and p != title  # the page's <h1> is already the title segment
    ]
    if not any(len(p.split()) >= 10 for p in body):
        if truncated:
            raise MalformedInput(f"{origin}: truncated HTML with no article text before the cut")
        raise NoArticleText(f"{origin}: no article text (the page is all furniture)")
    return body


def _html_parts(title: str | None, meta: dict, result, body: list[str],
                ) -> tuple[list[tuple[str, str]], list[str]]:
    """The document's segments in reading order (title, standfirst, captions not already in
    the body, body), and the body without the standfirst the extractor left in it."""
    parts: list[tuple[str, str]] = [("title", title)] if title else []
    standfirst = _clean(meta.get("standfirst") or (result.description if result else "") or "")
    if standfirst and standfirst != title and not body[0].startswith(standfirst[:80]):
        parts.append(("standfirst", standfirst))
        body = [p for p in body if p != standfirst]
    in_body = set(body)
    parts += [("caption", c) for c in meta.get("captions", ()) if c not in in_body]
    parts += [("body", p) for p in body]
    return parts, body


def _html_published(meta: dict, result, body: list[str], options: IngestOptions, origin: str,
                    ) -> tuple[date | None, str | None]:
    """The publication date and where it came from: the page's metadata, the extractor's
    reading of the page, else the option or the article's own first lines."""
    published, published_from = meta.get("published"), "metadata"
    if published is None and result is not None and result.date:
        published = _parse_date(result.date, origin)
    if published is None:
        published, published_from = _choose_date("\n".join(body[:3]), options.published, "option",
                                                  origin)
    return published, published_from


# libxml2 stops building the tree at 256 levels; a real article page is nested a few dozen
# deep. A page past the limit is a decoy (100,000 nested <div>) or lost its text at the cut.
_DEEPEST_HTML = 255


def _check_depth(tree: lxml.html.HtmlElement, origin: str) -> None:
    depth = deepest = 0
    for event, _ in lxml.etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    if deepest >= _DEEPEST_HTML:
        raise MalformedInput(f"{origin}: HTML nested more than {_DEEPEST_HTML} elements deep, "
                             "not an article page")


_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date", "date",
)


def _html_metadata(tree: lxml.html.HtmlElement, origin: str) -> dict:
    """What the page says about itself: meta tags, JSON-LD, <time>, <html lang>, figcaptions.

    Read before trafilatura runs because trafilatura drops figcaptions of lead images and does
    not report the language attribute; page metadata beats text heuristics for the date.
    """
    meta: dict = {}
    tags: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if key and el.get("content") and key not in tags:
            tags[key] = el.get("content").strip()
    ld = _json_ld_article(tree)
    meta["title"] = tags.get("og:title") or _name(ld.get("headline"))
    meta["standfirst"] = _first_text(tree, "//*[contains(@class,'subtitle') or contains(@class,"
                                     "'standfirst') or contains(@class,'dek')]") or tags.get(
        "og:description") or tags.get("description")
    meta["outlet"] = tags.get("og:site_name") or _name(ld.get("publisher"))
    meta["byline"] = _name(ld.get("author")) or _first_text(tree, "//*[contains(@class,'byline')]")
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    meta["canonical"] = next((u.strip() for u in (*canonical, tags.get("og:url"))
                              if u and _is_web_address(u)), None)
    when = next((tags[k] for k in _DATE_META if k in tags), None) or ld.get("datePublished")
    if not when:
        times = tree.xpath("//article//time/@datetime | //time/@datetime")
        when = times[0] if times else None
    meta["published"] = _parse_date(when, origin)
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    lang = lang or tags.get("content-language") or tags.get("og:locale")
    meta["language"] = lang  # _assemble keeps it only when it is shaped like a language tag
    scope = tree.xpath("//article") or tree.xpath("//main") or [tree]
    captions: list[str] = []
    for el in scope[0].iter("figcaption"):
        caption = _clean(el.text_content())
        if len(caption) >= 15 and caption not in captions:
            captions.append(caption)
    meta["captions"] = captions
    return meta


def _json_ld_article(tree: lxml.html.HtmlElement) -> dict:
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except json.JSONDecodeError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if not isinstance(item, dict):
                continue
            stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k.endswith("Article") for k in kinds):
                return item
    return {}


def _name(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return _clean(value) or None if isinstance(value, str) else None


def _first_text(tree: lxml.html.HtmlElement, xpath: str) -> str | None:
    for el in tree.xpath(xpath):
        if el.tag not in ("body", "html", "meta") and (text := _clean(el.text_content())):
            return text
    return None


# ---------------------------------------------------------------------------------- feeds


def _feed_documents(data: bytes, origin: str, options: IngestOptions) -> Iterator[Document | Rejection]:
    """A document or a rejection per entry: one bad entry never stops the feed."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.bozo:
            raise MalformedInput(f"{origin}: broken feed ({_bozo_reason(parsed)})")
        raise NoArticleText(f"{origin}: feed has no entries")
    feed = _FeedContext(outlet=_clean(parsed.feed.get("title", "")) or options.source,
                        language=parsed.feed.get("language"), origin=origin, options=options)
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{origin}#entry-{number}"
        try:
            yield _feed_entry_document(entry, where, number, feed)
        except InputError as exc:
            broken = f"broken feed ({_bozo_reason(parsed)}); " if parsed.bozo else ""
            yield Rejection(where, f"{where}: {broken}{str(exc).removeprefix(where + ': ')}")


@dataclass(frozen=True, slots=True)
class _FeedContext:
    """What every entry of one feed shares."""

    outlet: str | None
    language: str | None
    origin: str
    options: IngestOptions


def _feed_entry_document(entry: feedparser.FeedParserDict, where: str, number: int,
                         feed: _FeedContext) -> Document:
    key = entry.get("id") or entry.get("link") or f"{feed.origin}#{entry.get('title', number)}"
    bodies = [c for c in entry.get("content", []) if c.get("value")]
    best = max(bodies, key=lambda c: len(c["value"]), default=None)
    raw = best["value"] if best else entry.get("summary", "")
    is_html = (best.get("type") if best else entry.get("summary_detail", {}).get("type")) != "text/plain"
    captions, paragraphs = _fragment_paragraphs(raw) if is_html else ([], _paragraphs(raw))
    paragraphs = [p for p in paragraphs if not _is_furniture(p)]
    title = _clean(entry.get("title", "")) or None
    parts = [("title", title)] if title else []
    parts += [("caption", c) for c in captions] + [("body", p) for p in paragraphs]
    # an item that is only its title (its text behind the link) is a report when the title is
    # one: "Explosions reported in Kherson"; not a bare place ("Kharkiv") or a section's name
    told = parts if paragraphs or captions else [("body", title)] if title else []
    _require_article_text(told, where, FEED_ITEM_MIN_WORDS)
    published = _feed_entry_date(entry, where)
    published_from = "metadata" if published else None
    if published is None:
        published, published_from = _choose_date("\n".join(paragraphs[:3]),
                                                  feed.options.published, "option", where)
    language = (best or {}).get("language") or feed.language
    return _assemble(
        parts,
        doc_id="feed-" + _short_hash(key.encode("utf-8", "replace")),
        title=title,
        source=_entry_outlet(entry) or feed.outlet,
        url=link if (link := entry.get("link")) and _is_web_address(link) else None,
        published=published,
        published_from=published_from,
        language=language if isinstance(language, str) else None,
        byline=entry.get("author"),
        origin=where,
        encoding=None,
        options=feed.options,
    )


def _entry_outlet(entry: feedparser.FeedParserDict) -> str | None:
    """The outlet an aggregator's item names as its own (RSS ``<source url=...>Reuters</source>``,
    Atom ``<source><title>``): another outlet's report, not the channel's."""
    source = entry.get("source")
    title = source.get("title") if isinstance(source, dict) else None
    return _clean(title) or None if isinstance(title, str) else None


def _feed_entry_date(entry: feedparser.FeedParserDict, where: str) -> date | None:
    """The entry's publication day; feedparser turns "01 Jan 0001" (a CMS's zero time) into
    a real year-1 date, which the publication window drops."""
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    try:
        day = date(*stamp[:3])
    except (TypeError, ValueError):
        return None
    return plausible_publication(day, where)


def _bozo_reason(parsed: feedparser.FeedParserDict) -> str:
    return _clean(str(parsed.get("bozo_exception", "not well-formed")))[:160]


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BLOCKS = ("p", "div", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br")


def _fragment_paragraphs(html: str) -> tuple[list[str], list[str]]:
    """An HTML fragment (feed content) as (captions, paragraphs), block elements as breaks.

    Characters XML cannot hold (C0 controls but tab and line breaks, lone surrogates) become
    spaces first: lxml refuses to set them as text, and a feed can carry them in CDATA.
    """
    html = _NOT_XML.sub(" ", html)
    if not html.strip():
        return [], []
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return [], _paragraphs(html)
    captions = []
    for el in list(root.iter("figcaption")):
        if caption := _clean(el.text_content()):
            captions.append(caption)
        el.drop_tree()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n\n" + (el.text or "")
    paragraphs = [_clean(p) for p in re.split(r"\n\s*\n", root.text_content())]
    return captions, [p for p in paragraphs if p]


# ---------------------------------------------------------------------------------- dates


def _is_date_line(paragraph: str) -> bool:
    return len(paragraph) <= 60 and find_dateline(paragraph) is not None


def _choose_date(
    text: str, fallback: date | None, fallback_from: str, origin: str
) -> tuple[date | None, str | None]:
    """The text's own dateline beats a date given from outside (the annotation guide's rule);
    a yearless dateline ("BEIRUT, Oct 2 (Reuters) -") takes its year from the given date."""
    dateline = plausible_publication(find_dateline_with_ref(text, fallback), origin)
    if dateline is not None:
        return dateline, "dateline"
    if fallback is not None:
        return fallback, fallback_from
    return None, None


def _parse_date(value: object, origin: str) -> date | None:
    """A metadata date within the publication window (dates.plausible_publication), or None."""
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        value = parse_published(value) if isinstance(value, str) else None
    return plausible_publication(value, origin)


# ---------------------------------------------------------------------------------- assembly


def _assemble(
    parts: list[tuple[str, str]],
    *,
    doc_id: str,
    title: str | None,
    source: str | None,
    url: str | None,
    published: date | None,
    published_from: str | None,
    language: str | None,
    byline: str | None,
    origin: str,
    encoding: str | None,
    options: IngestOptions,
) -> Document:
    text, segments = _joined(parts)
    for what, value in (("text", text), ("title", title), ("source", source), ("url", url),
                        ("byline", byline), ("id", doc_id)):
        if isinstance(value, str):
            _check_storable_text(value, f"{origin}: the {what}")
            if what != "text":
                _check_no_direction_override(value, f"{origin}: the {what}")
    if language is not None:
        language = _language_code(language)
    if language is None and options.detect_language:
        language = detect_language(text)
    return Document(
        id=_fitting_id(doc_id),
        text=text,
        segments=segments,
        content_hash=content_hash(text),
        title=title,
        source=_clean(source)[:_LONGEST_ID] or None if isinstance(source, str) else None,
        url=url,
        published=published,
        published_from=published_from,
        language=language,
        byline=_clean(byline) if isinstance(byline, str) else None,
        origin=origin,
        encoding=encoding,
    )


def _joined(parts: list[tuple[str, str]]) -> tuple[str, tuple[Segment, ...]]:
    """The paragraphs joined by blank lines, and where each kind of segment lies in the text
    (extraction reads a title apart from the body)."""
    segments: list[Segment] = []
    offset = 0
    for kind, paragraph in parts:
        segments.append(Segment(kind, offset, offset + len(paragraph)))
        offset += len(paragraph) + 2
    return "\n\n".join(p for _, p in parts), tuple(segments)


_LONGEST_ID = 200  # the store's id and source columns


def _fitting_id(doc_id: str) -> str:
    """The id, shortened to fit the store when a file name is longer (a hash keeps it unique)."""
    if len(doc_id) <= _LONGEST_ID:
        return doc_id
    return f"{doc_id[:_LONGEST_ID - 13]}-{_short_hash(doc_id.encode('utf-8', 'replace'))}"


def content_hash(text: str) -> str:
    """SHA-256 of the text with whitespace collapsed, so re-wrapping a file is not a new copy."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, from its first 500 characters.

    Language ID dominates JSON Lines ingest time; 500 characters (about 80 words) classify
    every fakes-dev article as English and the French test page as French, at half the cost.
    """
    sample = text[:500]
    if len(_WORD.findall(sample)) < 3:
        return None
    ranked = _langid().rank(sample)
    if len(sample) < SHORT_TEXT_CHARS and _close_to_english(ranked, len(sample)):
        return "en"
    return ranked[0][0]


# A feed item, a coder's note or a one-line caption is too short for the character n-grams of
# a language identifier: its place names outweigh its few words ("Kharkiv tram depot struck."
# reads as Norwegian Nynorsk, "Strike on Kyiv TV tower" as Walloon). Below this length English
# is kept when it scores within ENGLISH_MARGIN_PER_CHAR log-probability per character of the
# best language. Measured on short English items from Ukraine, Syria and Libya (wrongly
# ranked English trailed by 0.02-0.17 per character) against short French, German, Spanish,
# Portuguese and Ukrainian headlines (English trailed by 0.7-8 per character).
SHORT_TEXT_CHARS = 200
ENGLISH_MARGIN_PER_CHAR = 0.35


def _close_to_english(ranked: list[tuple[str, float]], length: int) -> bool:
    """English's score is near enough the best one for a text this short to be English."""
    best = ranked[0][1]
    english = next((score for lang, score in ranked if lang == "en"), None)
    return english is not None and (best - english) / length < ENGLISH_MARGIN_PER_CHAR


@cache
def _langid():  # noqa: ANN202 - py3langid is untyped
    """py3langid limited to languages with an ISO 639-1 code.

    The full model also knows ~40 minor languages and creoles; on short English news (a
    headline and one line) it picks Nigerian Pidgin ('pcm') over English, and a wrong
    non-English code makes extraction skip the article. Loaded once per process (~0.4 s).
    """
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE)
    identifier.set_languages(sorted({c for c in identifier.nb_classes if len(c) == 2} - {"zxx"}))
    return identifier


# A page's text must hold a paragraph of a sentence's length (a shorter one is a heading, a
# button or a cookie notice); a feed item's description is written short on purpose: "Civilian
# homes hit by artillery." under the title "Kharkiv" is a whole report.
PAGE_MIN_WORDS, FEED_ITEM_MIN_WORDS = 10, 3


def _require_article_text(parts: list[tuple[str, str]], origin: str,
                          min_words: int = PAGE_MIN_WORDS) -> None:
    if not any(kind != "title" and len(p.split()) >= min_words for kind, p in parts):
        raise NoArticleText(f"{origin}: no article text (nothing longer than a heading)")


@cache
def _furniture() -> re.Pattern[str]:
    raw = resources.files("strikewatch").joinpath("data/ingest_furniture.yaml").read_text("utf-8")
    patterns = [entry["pattern"] for entry in load_data(raw)["furniture"]]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


def _is_furniture(paragraph: str) -> bool:
    return len(paragraph) < 600 and _furniture().fullmatch(paragraph.strip()) is not None


def _clean_lines(text: str) -> list[str]:
    return [c for c in (_clean(line) for line in text.split("\n")) if c]


def _clean(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _short_hash(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()[:12]
