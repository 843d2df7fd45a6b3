"""Input files and folders -> documents or per-input errors; a bad input never stops a batch."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path

from eventscribe.errors import EventscribeError
from eventscribe.io.docs import make_doc
from eventscribe.io.feeds import iter_feed
from eventscribe.io.html import extract_html, extractor_name
from eventscribe.io.normalise import TEXT_EXTRACTOR, decode, normalise_text, require_text
from eventscribe.io.published import parse_published
from eventscribe.io.records import iter_json, iter_jsonl
from eventscribe.io.results import ReadError, ReadResult
from eventscribe.registry import readers

DEFAULT_MAX_BYTES = 20_000_000
Reader = Callable[[Path, date | None, int], Iterator[ReadResult]]

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".json": "json",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
"""File suffix (lower case) -> reader name in :data:`eventscribe.registry.readers`."""


def _read_bounded(path: Path, max_bytes: int) -> bytes:
    """Read a whole file, refusing (E004) before reading when it is larger than ``max_bytes``."""
    size = path.stat().st_size
    if size > max_bytes:
        raise EventscribeError("E004", f"file is {size} bytes, over the limit of {max_bytes}")
    with path.open("rb") as fh:
        raw = fh.read(max_bytes + 1)
    if len(raw) > max_bytes:  # grew while we looked, or a special file
        raise EventscribeError("E004", f"file is over the limit of {max_bytes} bytes")
    return raw


@readers.register("text")
def read_text(path: Path, published: date | None, max_bytes: int) -> Iterator[ReadResult]:
    """A plain-text (``.txt``/``.md``) article: the whole file is the text."""
    raw = _read_bounded(path, max_bytes)
    text = require_text(normalise_text(decode(raw)))
    yield make_doc(text, raw=raw, extractor=TEXT_EXTRACTOR, path=str(path), published=published)


@readers.register("html")
def read_html(path: Path, published: date | None, max_bytes: int) -> Iterator[ReadResult]:
    """An HTML page: trafilatura's main text, with the title/date/url/site name it finds."""
    raw = _read_bounded(path, max_bytes)
    art = extract_html(raw)
    yield make_doc(
        art.text,
        raw=raw,
        extractor=extractor_name(),
        path=str(path),
        url=art.url,
        title=art.title,
        outlet=art.sitename,
        published=parse_published(art.date) or published,
    )


@readers.register("jsonl")
def read_jsonl(path: Path, published: date | None, max_bytes: int) -> Iterator[ReadResult]:
    """JSON Lines, streamed; ``max_bytes`` limits each line."""
    with path.open("rb") as fh:
        yield from iter_jsonl(fh, str(path), default_published=published, max_bytes=max_bytes)


@readers.register("json")
def read_json(path: Path, published: date | None, max_bytes: int) -> Iterator[ReadResult]:
    """A JSON file holding one record or a list of records."""
    yield from iter_json(_read_bounded(path, max_bytes), str(path), default_published=published)


@readers.register("feed")
def read_feed(path: Path, published: date | None, max_bytes: int) -> Iterator[ReadResult]:
    """An RSS or Atom dump."""
    yield from iter_feed(_read_bounded(path, max_bytes), str(path), default_published=published)


def _walk(folder: Path) -> Iterator[Path]:
    """Supported files under ``folder``, recursively, sorted, hidden files and folders skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in EXTENSIONS:
                yield Path(root) / name


def _read_one(path: Path, published: date | None, max_bytes: int) -> Iterator[ReadResult]:
    name = EXTENSIONS.get(path.suffix.lower())
    if name is None:
        known = ", ".join(sorted(EXTENSIONS))
        yield ReadError(str(path), None, "E008", f"unsupported file type (known: {known})")
        return
    reader: Reader = readers.get(name)
    try:
        yield from reader(path, published, max_bytes)
    except EventscribeError as exc:
        yield ReadError.of(str(path), exc)
    except OSError as exc:
        yield ReadError(str(path), None, "E008", f"cannot read: {exc.strerror or exc}")


def iter_inputs(
    paths: Sequence[str | Path],
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[ReadResult]:
    """Read files and folders into documents, yielding a :class:`ReadError` for each bad input.

    Args:
        paths: files and/or folders; folders are walked recursively in sorted order, skipping
            hidden entries and unsupported suffixes. Supported: ``.txt .md .html .htm .jsonl
            .json .xml .rss .atom``.
        published: publication date for documents that carry none of their own.
        max_bytes: larger files are refused (E004) without being read; for JSONL the limit
            applies to each line.

    Yields:
        A :class:`~eventscribe.model.Doc` per article, or a :class:`ReadError` per failure
        (codes E001-E009); the iteration always goes on to the next input.
    """
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in _walk(path):
                yield from _read_one(f, published, max_bytes)
        elif path.is_file():
            yield from _read_one(path, published, max_bytes)
        elif path.exists():
            yield ReadError(str(path), None, "E008", "not a regular file or folder")
        else:
            yield ReadError(str(path), None, "E008", "no such file or folder")
