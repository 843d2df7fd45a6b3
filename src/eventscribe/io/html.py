"""HTML -> article text with trafilatura, keeping the metadata it finds."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import version

from eventscribe.errors import EventscribeError
from eventscribe.io.normalise import decode, normalise_text

MIN_SENTENCE_WORDS = 6
"""An extraction counts as an article when at least one line has this many words."""


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """Extracted, normalised article text plus the page metadata trafilatura found."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    sitename: str | None = None


def extractor_name() -> str:
    """``"trafilatura <version>"``, recorded in ``Source.extractor``."""
    return f"trafilatura {version('trafilatura')}"


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _has_article(text: str) -> bool:
    return any(len(line.split()) >= MIN_SENTENCE_WORDS for line in text.splitlines())


def extract_html(content: bytes | str, *, url: str | None = None) -> HtmlArticle:
    """Extract the main article of an HTML page.

    Args:
        content: the raw bytes (decoded as UTF-8, else the charset the page declares) or a str.
        url: the page's URL if known (helps trafilatura; kept when the page has none).

    Raises:
        EventscribeError: E002/E003 from decoding; E005 when there is no article text (nothing
            extracted, or only navigation-like short lines).
    """
    import trafilatura  # imported lazily: it is slow to import

    html = decode(content, allow_declared=True) if isinstance(content, bytes) else content
    if not html.strip():
        raise EventscribeError("E001", "empty HTML document")
    try:
        found = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura/lxml raise many kinds on hostile markup
        raise EventscribeError("E005", f"HTML could not be parsed: {type(exc).__name__}") from None
    text = normalise_text(getattr(found, "text", None) or "") if found is not None else ""
    if not text.strip() or not _has_article(text):
        raise EventscribeError(
            "E005",
            "HTML with no extractable article text (no line of "
            f"{MIN_SENTENCE_WORDS}+ words after boilerplate removal)",
        )
    return HtmlArticle(
        text=text,
        title=_clean(getattr(found, "title", None)),
        date=_clean(getattr(found, "date", None)),
        url=_clean(getattr(found, "url", None)) or url,
        sitename=_clean(getattr(found, "sitename", None)),
    )
