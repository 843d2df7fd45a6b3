"""Place-name normalisation shared by the gazetteer build script and the runtime lookups.

Two keys are derived from a name:

* :func:`name_key` folds case, diacritics, apostrophes, dots, hyphen/space variants, Arabic
  article prefixes ("al-", "el-", "as-", ...), the Persian ezafe ("-ye", "-e") and a few
  abbreviations ("St." = "Saint"), then removes the spaces: "Āstāneh-ye Ashrafīyeh",
  "Astaneh Ashrafiyeh" and "astaneh-ye-ashrafiyeh" share one key.
* :func:`translit_key` goes further with common Persian/Arabic romanisation variants (gh/q,
  ou/u, ee/i, iy/i, doubled letters). It is only consulted when :func:`name_key` finds nothing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ı": "i",
        "þ": "th",
        "ð": "d",
    }
)
_APOSTROPHES = "'’‘ʼʻʿʾ`´′"
_DROP = str.maketrans("", "", _APOSTROPHES + ".")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/,()]+")
# Arabic definite article in its assimilated forms; dropped when another token follows.
_ARTICLES = frozenset({"al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es"})
# Persian ezafe particles joining the parts of a name ("Astaneh-ye Ashrafiyeh").
_EZAFE = frozenset({"ye", "e", "i", "yi"})
_ABBREV = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}


def fold(text: str) -> str:
    """Lower-case, strip diacritics and apostrophes; keep spaces (one between words)."""
    t = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    t = t.translate(_DROP).lower()
    return " ".join(_SEPARATORS.split(t)).strip()


def tokens(text: str) -> list[str]:
    """The folded tokens of a name, with abbreviations expanded and particles removed."""
    toks = [_ABBREV.get(t, t) for t in fold(text).split(" ") if t]
    if len(toks) > 1:
        kept = [
            t
            for i, t in enumerate(toks)
            if not (t in _ARTICLES and i < len(toks) - 1)
            and not (t in _EZAFE and 0 < i < len(toks) - 1)
        ]
        toks = kept or toks
    return toks


@lru_cache(maxsize=1 << 17)
def name_key(text: str) -> str:
    """The canonical matching key of a place name (see the module docstring); cached."""
    return "".join(tokens(text))


_TRANSLIT = (
    ("gh", "q"),
    ("kh", "k"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("iy", "i"),
    ("ey", "ei"),
    ("w", "v"),
)
_DOUBLE = re.compile(r"(.)\1+")


def translit_key(text: str) -> str:
    """A looser key folding common Persian/Arabic romanisation variants (fallback only)."""
    k = name_key(text)
    k = k.replace("dj", "j")
    for a, b in _TRANSLIT:
        k = k.replace(a, b)
    k = _DOUBLE.sub(r"\1", k)
    if k.endswith("eh"):
        k = k[:-1]
    return k


def is_latin(text: str) -> bool:
    """True when the folded name is plain ASCII letters, digits and spaces (Latin script)."""
    f = fold(text)
    return bool(f) and f.isascii() and any(c.isalpha() for c in f)
