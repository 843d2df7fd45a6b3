"""JSON and JSONL article records: ``{id, url, title, published, outlet, text | html}``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from eventscribe.errors import EventscribeError
from eventscribe.io.docs import make_doc
from eventscribe.io.html import extract_html, extractor_name
from eventscribe.io.normalise import TEXT_EXTRACTOR, decode, normalise_text, require_text
from eventscribe.io.published import parse_published
from eventscribe.io.results import ReadError, ReadResult
from eventscribe.model import Doc

PUBLISHED_KEYS = ("published", "published_at", "date")
"""Keys read for the publication date, first present wins."""


def _opt_str(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        got = type(value).__name__
        raise EventscribeError("E007", f"field {key!r} must be a string, got {got}")
    return value.strip() or None


def record_to_doc(
    obj: object, *, raw: bytes, path: str, default_published: date | None = None
) -> Doc:
    """Turn one decoded JSON record into a Doc.

    ``text`` is used as plain text; otherwise ``html`` goes through trafilatura (metadata the
    record itself gives wins over what the page says). Unknown keys are ignored.

    Raises:
        EventscribeError: E007 for a malformed record, E001/E005 for no text, E009 for an
            invalid ``published``.
    """
    if not isinstance(obj, dict):
        raise EventscribeError("E007", f"record must be a JSON object, got {type(obj).__name__}")
    text_field = obj.get("text")
    html_field = obj.get("html")
    if text_field is None and html_field is None:
        raise EventscribeError("E007", "record has neither 'text' nor 'html'")
    published: date | None = None
    for key in PUBLISHED_KEYS:
        if obj.get(key) not in (None, ""):
            published = parse_published(obj[key])
            break
    url, title = _opt_str(obj, "url"), _opt_str(obj, "title")
    outlet = _opt_str(obj, "outlet")
    if text_field is not None:
        if not isinstance(text_field, str):
            raise EventscribeError("E007", "field 'text' must be a string")
        text = require_text(normalise_text(text_field))
        extractor = TEXT_EXTRACTOR
    else:
        if not isinstance(html_field, str):
            raise EventscribeError("E007", "field 'html' must be a string")
        art = extract_html(html_field, url=url)
        text, extractor = art.text, extractor_name()
        url, title, outlet = url or art.url, title or art.title, outlet or art.sitename
        if published is None and art.date:
            published = parse_published(art.date)
    return make_doc(
        text,
        raw=raw,
        extractor=extractor,
        path=path,
        url=url,
        title=title,
        outlet=outlet,
        published=published or default_published,
        external_id=_opt_str(obj, "id"),
    )


def _read_line(fh: IO[bytes], max_bytes: int) -> tuple[bytes, bool]:
    """Read one line of at most ``max_bytes``; (line, too_long). A too-long line is skipped."""
    line = fh.readline(max_bytes + 1)
    if len(line) <= max_bytes or line.endswith(b"\n"):
        return line, False
    while True:  # drain the rest of the oversized line without keeping it
        chunk = fh.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return b"", True


def iter_jsonl(
    fh: IO[bytes], path: str, *, default_published: date | None, max_bytes: int
) -> Iterator[ReadResult]:
    """One result per non-blank line; a bad line is an error for that line only.

    ``max_bytes`` applies to each line (record), so large JSONL files stream.
    """
    lineno = 0
    while True:
        line, too_long = _read_line(fh, max_bytes)
        lineno += 1
        if too_long:
            yield ReadError(path, lineno, "E004", f"JSONL line longer than {max_bytes} bytes")
            continue
        if not line:
            return
        if not line.strip():
            continue
        try:
            obj = json.loads(decode(line))
        except json.JSONDecodeError as exc:
            yield ReadError(path, lineno, "E007", f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        except EventscribeError as exc:
            yield ReadError.of(path, exc, lineno)
            continue
        try:
            yield record_to_doc(
                obj, raw=line.rstrip(b"\r\n"), path=f"{path}:{lineno}",
                default_published=default_published,
            )
        except EventscribeError as exc:
            yield ReadError.of(path, exc, lineno)


def iter_json(raw: bytes, path: str, *, default_published: date | None) -> Iterator[ReadResult]:
    """A ``.json`` file: one record object, or a list of them (errors per item)."""
    try:
        data = json.loads(decode(raw))
    except json.JSONDecodeError as exc:
        yield ReadError(path, None, "E007", f"invalid JSON: {exc.msg} at line {exc.lineno}")
        return
    except EventscribeError as exc:
        yield ReadError.of(path, exc)
        return
    if isinstance(data, dict):
        try:
            yield record_to_doc(data, raw=raw, path=path, default_published=default_published)
        except EventscribeError as exc:
            yield ReadError.of(path, exc)
        return
    if not isinstance(data, list):
        yield ReadError(path, None, "E007", "JSON file must hold an object or a list of objects")
        return
    for i, item in enumerate(data):
        item_path = f"{path}[{i}]"
        item_raw = json.dumps(item, ensure_ascii=False, sort_keys=True).encode("utf-8")
        try:
            yield record_to_doc(
                item, raw=item_raw, path=item_path, default_published=default_published
            )
        except EventscribeError as exc:
            yield ReadError.of(item_path, exc)
