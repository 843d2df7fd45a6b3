"""Documents: immutable normalised text plus source metadata."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Source:
    """Metadata about where a document came from. Every field is optional."""

    url: str | None = None
    title: str | None = None
    published_at: date | None = None
    outlet: str | None = None
    external_id: str | None = None
    path: str | None = None
    raw_sha256: str | None = None
    extractor: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "url": self.url,
            "title": self.title,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "outlet": self.outlet,
            "external_id": self.external_id,
            "path": self.path,
            "raw_sha256": self.raw_sha256,
            "extractor": self.extractor,
        }


def content_id(text: str) -> str:
    """Content-hash id of a normalised text (sha256, first 24 hex digits)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


@dataclass(frozen=True, slots=True)
class Doc:
    """A document. ``text`` is immutable; every offset in eventscribe refers to it."""

    id: str
    text: str
    source: Source = field(default_factory=Source)
    lang: str = "en"

    @classmethod
    def from_text(cls, text: str, source: Source | None = None) -> Doc:
        return cls(id=content_id(text), text=text, source=source or Source())

    @property
    def published(self) -> date | None:
        return self.source.published_at

    @property
    def outlet_name(self) -> str:
        """Who speaks when nobody is quoted: the outlet, else the URL's host, else 'the report'."""
        if self.source.outlet:
            return self.source.outlet
        if self.source.url:
            from urllib.parse import urlparse

            host = urlparse(self.source.url).netloc
            if host:
                return host.removeprefix("www.")
        return "the report"
