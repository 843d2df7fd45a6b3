"""Bytes -> text: decoding, binary detection and the text normalisation every reader applies."""

from __future__ import annotations

import codecs
import re
import unicodedata

from eventscribe.errors import EventscribeError

TEXT_EXTRACTOR = "text.v1"

_SNIFF_BYTES = 8192
# Control characters that never occur in ordinary text (tab, LF, FF, CR and ESC excluded).
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13, 27}
_TRAILING_WS = re.compile(r"[ \t\u00a0\u3000]+$", re.MULTILINE)
_DECLARED_CHARSET = re.compile(
    rb"""(?:<meta[^>]{0,200}?charset\s*=\s*["']?|<\?xml[^>]{0,100}?encoding\s*=\s*["'])"""
    rb"""([A-Za-z0-9._:-]{1,40})""",
    re.IGNORECASE,
)


def looks_binary(raw: bytes) -> bool:
    """True for bytes that are not text: a NUL byte, or >10% control bytes in the first 8 KB.

    UTF-16/32 text with a byte-order mark is not binary (it is decoded by :func:`decode`).
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    head = raw[:_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > 0.10


def declared_charset(raw: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first 2 KB, if Python knows it."""
    m = _DECLARED_CHARSET.search(raw[:2048])
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(raw: bytes, *, allow_declared: bool = False) -> str:
    """Decode raw bytes as UTF-8 (BOM stripped).

    Args:
        raw: the bytes as read.
        allow_declared: for HTML/XML, fall back to the charset the document declares.

    Raises:
        EventscribeError: E002 for binary content, E003 when the bytes are not valid UTF-8
            (nor valid in a declared charset).
    """
    if looks_binary(raw):
        raise EventscribeError("E002", "binary content (NUL or control bytes), not a text document")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            msg = f"invalid UTF-16 after a byte-order mark: {exc}"
            raise EventscribeError("E003", msg) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if allow_declared:
        charset = declared_charset(raw)
        if charset and charset not in ("utf-8", "utf-8-sig"):
            try:
                return raw.decode(charset)
            except UnicodeDecodeError:
                raise EventscribeError(
                    "E003", f"bytes are neither valid UTF-8 nor valid {charset} (declared)"
                ) from None
    raise EventscribeError(
        "E003",
        f"invalid UTF-8 at byte {utf8_error.start}: {utf8_error.reason}"
        " (re-encode the file as UTF-8)",
    )


def normalise_text(text: str) -> str:
    """The text normalisation all readers apply; offsets everywhere refer to its result.

    NFC; ``\\r\\n`` and lone ``\\r`` become ``\\n``; a leading BOM is dropped; trailing spaces and
    tabs are stripped from every line and trailing blank lines from the end. Everything else
    (bullets, curly quotes, dashes, leading indentation) is kept.
    """
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING_WS.sub("", text)
    return text.rstrip("\n")


def require_text(text: str, what: str = "document") -> str:
    """Return ``text`` unless it is empty or whitespace only (then raise E001)."""
    if not text.strip():
        raise EventscribeError("E001", f"empty {what}: no text after normalisation")
    return text
