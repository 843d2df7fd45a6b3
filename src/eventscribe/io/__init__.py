"""Readers at the edge: files and folders -> :class:`~eventscribe.model.Doc` or ReadError."""

from eventscribe.io.html import HtmlArticle, extract_html
from eventscribe.io.normalise import decode, normalise_text
from eventscribe.io.published import parse_published
from eventscribe.io.readers import DEFAULT_MAX_BYTES, EXTENSIONS, iter_inputs
from eventscribe.io.results import ReadError, ReadResult

__all__ = [
    "DEFAULT_MAX_BYTES",
    "EXTENSIONS",
    "HtmlArticle",
    "ReadError",
    "ReadResult",
    "decode",
    "extract_html",
    "iter_inputs",
    "normalise_text",
    "parse_published",
]
