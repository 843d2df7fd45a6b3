"""Building a Doc from extracted text and metadata (shared by every reader)."""

from __future__ import annotations

import hashlib
from datetime import date

from eventscribe.model import Doc, Source


def sha256_hex(raw: bytes) -> str:
    """Hex sha256 of raw bytes (``Source.raw_sha256``)."""
    return hashlib.sha256(raw).hexdigest()


def make_doc(
    text: str,
    *,
    raw: bytes,
    extractor: str,
    path: str | None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
    external_id: str | None = None,
) -> Doc:
    """A Doc with the content-hash id of its (already normalised) ``text``."""
    source = Source(
        url=url,
        title=title,
        published_at=published,
        outlet=outlet,
        external_id=external_id,
        path=path,
        raw_sha256=sha256_hex(raw),
        extractor=extractor,
    )
    return Doc.from_text(text, source)
