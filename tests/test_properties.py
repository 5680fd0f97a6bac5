"""Property tests: whatever arrives, the JSON Lines reader, date parsing, count parsing and the
HTML cleaner answer with a value, None or one of strikewatch's own errors, never a crash.

Bounded for ``make test`` (a few hundred examples in all, no deadline: the first call loads
lexicons). Shapes are drawn from what news inputs hold: JSON objects with the article fields
and any JSON values in them, and text built from the words dates and counts are made of,
next to arbitrary Unicode (surrogates included where Python strings can hold them).
"""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strikewatch.counts import find_casualties, parse_count
from strikewatch.dates import (
    find_dateline,
    find_dateline_with_ref,
    parse_published,
    resolve_date_expressions,
)
from strikewatch.ingest import IngestOptions, _fragment_paragraphs, read_inputs
from strikewatch.models import Document, Rejection

BOUNDED = settings(max_examples=120, deadline=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture,
                                          HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=12)
article_fields = st.sampled_from(["id", "title", "text", "published", "source", "url",
                                  "language", "byline", "author"])
records = st.dictionaries(article_fields, json_values | st.text(), max_size=9)


def _read_lines(tmp_path: Path, lines: list[bytes]) -> list[Document | Rejection]:
    path = tmp_path / "input.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return list(read_inputs([str(path)], IngestOptions(detect_language=False)))


def _storable(doc: Document) -> bool:
    fields = (doc.id, doc.text, doc.title, doc.source, doc.url, doc.byline)
    return all("\x00" not in f and f.encode("utf-8") is not None for f in fields if f)


@BOUNDED
@given(rows=st.lists(records, min_size=1, max_size=4), ascii_only=st.booleans())
def test_json_lines_of_any_values_give_documents_or_rejections(tmp_path, caplog, rows,
                                                                ascii_only):
    lines = [json.dumps(row, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")
             for row in rows]
    with caplog.at_level(logging.ERROR, logger="strikewatch.ingest"):
        items = _read_lines(tmp_path, lines)
    assert not caplog.records, caplog.records[0].getMessage()  # no "unexpected" failure
    assert len(items) == len(lines)  # one answer per line, in order
    for number, item in enumerate(items, start=1):
        assert item.origin.endswith(f":{number}")
        assert isinstance(item, Rejection) or _storable(item)


@BOUNDED
@given(raw=st.lists(st.binary(max_size=200), min_size=1, max_size=4))
def test_json_lines_of_any_bytes_give_documents_or_rejections(tmp_path, caplog, raw):
    lines = [b"{" + chunk.replace(b"\n", b" ") for chunk in raw]
    with caplog.at_level(logging.ERROR, logger="strikewatch.ingest"):
        items = _read_lines(tmp_path, lines)
    assert not caplog.records, caplog.records[0].getMessage()
    assert all(isinstance(i, Document | Rejection) for i in items)


date_words = st.sampled_from(["", " ", "0", "1", "01", "2", "12", "31", "2015", "0001",
                              "9999", "-", "/", ".", ",", ":", "T", "Z", "+0000", "Jan",
                              "January", "Oct", "Friday", "Fri", "last", "next", "on",
                              "week", "month", "BEIRUT", "(Reuters)", "ago", "days"])
date_texts = st.lists(date_words, max_size=12).map(" ".join) | st.text(max_size=80)


@BOUNDED
@given(text=date_texts, reference=st.dates(date.min, date.max))
def test_date_parsing_never_raises(text, reference):
    found = parse_published(text)
    assert found is None or isinstance(found, date)
    assert find_dateline(text) is None or isinstance(find_dateline(text), date)
    find_dateline_with_ref(text, reference)
    for mention in resolve_date_expressions(text, reference):
        assert isinstance(mention.date, date)


count_words = st.sampled_from(["", "at least", "more than", "up to", "between", "and", "to",
                               "-", "0", "1", "12", "1,200", "9" * 30, "a dozen", "dozens",
                               "hundreds", "of", "people", "civilians", "killed", "wounded",
                               "were", "one", "two", "three", "half", "%", ".", "1.5"])
count_texts = st.lists(count_words, max_size=12).map(" ".join) | st.text(max_size=80)


@BOUNDED
@given(text=count_texts)
def test_count_parsing_never_raises(text):
    rng = parse_count(text)
    assert rng is None or rng.min is None or rng.max is None or rng.min <= rng.max
    for mention in find_casualties(text):
        assert 0 <= mention.start <= mention.end <= len(text)


tags = st.sampled_from(["p", "div", "br", "figure", "figcaption", "script", "style", "a",
                        "li", "table", "tr", "h1", "b", "!--", "![CDATA[", "?xml"])
fragments = st.lists(st.one_of(
    st.builds(lambda t: f"<{t}>", tags), st.builds(lambda t: f"</{t}>", tags),
    st.text(max_size=30), st.sampled_from(["&amp;", "&#0;", "&#xD800;", "&nbsp;", "&lol;"])),
    max_size=20).map("".join)


@BOUNDED
@given(html=fragments)
def test_the_html_cleaner_never_raises(html):
    captions, paragraphs = _fragment_paragraphs(html)
    assert all(isinstance(p, str) and p == p.strip() and p for p in paragraphs + captions)


@BOUNDED
@given(html=fragments)
def test_any_html_page_gives_a_document_or_a_rejection(tmp_path, caplog, html):
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><article>{html}</article></body></html>", encoding="utf-8",
                    errors="surrogatepass")
    with caplog.at_level(logging.ERROR, logger="strikewatch.ingest"):
        items = list(read_inputs([str(path)], IngestOptions(detect_language=False)))
    assert not caplog.records, caplog.records[0].getMessage()
    assert len(items) == 1 and isinstance(items[0], Document | Rejection)
