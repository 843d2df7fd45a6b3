"""Number mentions in news text: digits, number words, vague quantity words and qualifiers.

Pure helpers for the counts stage. A :class:`NumberMention` is a figure in the text with its
value, optional upper end (ranges), the qualifier that hedges it ("at least", "about", ...)
and the character offsets of both the figure and the qualifier words.

Vague words follow ACLED's conservative reading and are documented in ``docs/counts.md``:
"a dozen"/"dozens" = 12, "scores" = 20, "hundreds" = 100, "thousands" = 1,000,
"tens of thousands" = 10,000, "hundreds of thousands" = 100,000, "millions" = 1,000,000,
"several"/"a few"/"a handful" = 3. "many", "a number of" and "some" (alone) are not figures.

Not figures: ages ("a 36-year-old"), durations and measures ("two-day", "72-day hunger
strike", "24 hours"), ordinals ("11th", "first"), money ("$5", "5 dollars"), percentages,
decimals without a scale word, times ("10:30"), years ("in 2009"), labels ("Resolution 2254",
"Route 9"), phone numbers and numbers with leading zeros, and "one of the".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventscribe.model.claims import Qualifier

TOKEN_RE = re.compile(r"\d+(?:[,.]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*|\S")

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
}  # fmt: skip

# Vague plural quantity words -> ACLED-style conservative value.
VAGUE_PLURALS: dict[str, int] = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
}  # fmt: skip
VAGUE_SMALL = 3
"""Value read for "several", "a few" and "a handful" (the smallest count they allow)."""

# Words that, right after a figure, make it a measure/duration rather than a head count.
MEASURE_WORDS = frozenset(
    """year years yr yrs month months week weeks day days hour hours minute minutes second
    seconds night nights decade decades century centuries km kilometre kilometres kilometer
    kilometers mile miles metre metres meter meters cm mm kg kilogram kilograms tonnes tons
    ton percent per cent dollars dollar euros euro pounds pound rupees naira shillings yuan
    rials dinars francs lira pesos am pm a.m p.m storey story point points times fold acres
    hectares litres liters gallons rounds bullets shells rockets missiles vehicles cars
    houses homes buildings villages tanks trucks""".split()
)
# Capitalised or lower-case labels whose following number is an identifier, not a count.
LABEL_WORDS = frozenset(
    """resolution route highway road flight article chapter section paragraph no number
    room unit block sector zone district ward gate platform page level phase line bus
    tel phone fax ext box apt apartment plot lot code case bill order decree law act
    item grade class division brigade battalion regiment squadron""".split()
)
MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
YEAR_PREPS = frozenset("in since of during by until from before after early late mid".split())
ORDINAL_SUFFIX = frozenset({"st", "nd", "rd", "th"})

# Qualifier phrases before a figure (lower-case token sequences), longest first.
PRE_QUALIFIERS: tuple[tuple[tuple[str, ...], Qualifier], ...] = (
    (("no", "fewer", "than"), "at_least"),
    (("no", "less", "than"), "at_least"),
    (("not", "less", "than"), "at_least"),
    (("not", "fewer", "than"), "at_least"),
    (("a", "minimum", "of"), "at_least"),
    (("at", "least"), "at_least"),
    (("more", "than"), "more_than"),
    (("in", "excess", "of"), "more_than"),
    (("upwards", "of"), "more_than"),
    (("upward", "of"), "more_than"),
    (("over",), "more_than"),
    (("as", "many", "as"), "up_to"),
    (("up", "to"), "up_to"),
    (("a", "maximum", "of"), "up_to"),
    (("close", "to"), "about"),
    (("an", "estimated"), "about"),
    (("approximately",), "about"),
    (("roughly",), "about"),
    (("about",), "about"),
    (("around",), "about"),
    (("nearly",), "about"),
    (("almost",), "about"),
    (("some",), "about"),
    (("approx",), "about"),
    (("estimated",), "about"),
)


@dataclass(frozen=True, slots=True)
class Token:
    """A token of the text: its characters and offsets."""

    text: str
    start: int
    end: int
    low: str = ""
    """The lower-cased text (filled by :func:`tokenize`; computed once, read very often)."""

    def __post_init__(self) -> None:
        if not self.low and self.text:
            object.__setattr__(self, "low", self.text.lower())


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A figure in the text.

    ``start``/``end`` cover the qualifier words and the figure ("at least nine");
    ``num_start``/``num_end`` the figure alone ("nine"); ``tok_start``/``tok_end`` the token
    indices of the whole mention in the token list it was found in (end exclusive).
    """

    start: int
    end: int
    num_start: int
    num_end: int
    value: int
    qualifier: Qualifier
    high: int | None
    tok_start: int
    tok_end: int
    note: str = ""


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    stop = len(text) if end is None else end
    return [
        Token(g, m.start(), m.end(), g.lower())
        for m in TOKEN_RE.finditer(text, start, stop)
        for g in (m.group(),)
    ]


def _digits_value(s: str) -> int | None:
    """Integer value of a digit token ("1,200" -> 1200); None for decimals or bad grouping."""
    if "." in s:
        return None
    if "," in s:
        parts = s.split(",")
        if not (1 <= len(parts[0]) <= 3) or any(len(p) != 3 for p in parts[1:]):
            return None
    digits = s.replace(",", "")
    if len(digits) > 1 and digits[0] == "0":
        return None
    return int(digits)


def _decimal_value(s: str) -> float | None:
    if s.count(".") != 1 or "," in s:
        return None
    try:
        return float(s)
    except ValueError:
        return None


def _adjacent(tokens: list[Token], i: int, j: int) -> bool:
    """True when token ``j`` directly follows token ``i`` with no whitespace in between."""
    return 0 <= i < len(tokens) and 0 <= j < len(tokens) and tokens[i].end == tokens[j].start


def parse_word_number(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """Parse number words starting at token ``i``.

    Returns ``(value, next_index)`` or None. Handles "twenty-three", "two hundred and fifty",
    "a hundred", "one thousand", "two dozen", "a dozen", "half a dozen", "3 million", "1.5
    million".
    """
    n = len(tokens)
    t = tokens[i].low
    total = 0
    current = 0
    j = i
    seen = False
    # "half a dozen"
    if t == "half" and i + 2 < n and tokens[i + 1].low in ("a", "an") and tokens[i + 2].low == (
        "dozen"
    ):
        return 6, i + 3
    # "a hundred", "a dozen", "an estimated" is handled by qualifiers
    if t in ("a", "an") and i + 1 < n and tokens[i + 1].low in (*SCALES, "dozen"):
        current = 1
        j = i + 1
        seen = True
    elif tokens[i].text[0].isdigit():
        dec = _decimal_value(tokens[i].text)
        big = i + 1 < n and tokens[i + 1].low in ("million", "billion", "thousand")
        if dec is not None and big:
            return round(dec * SCALES[tokens[i + 1].low]), i + 2
        v = _digits_value(tokens[i].text)
        if v is None:
            return None
        if i + 1 < n and tokens[i + 1].low in ("million", "billion", "thousand", "dozen"):
            mult = 12 if tokens[i + 1].low == "dozen" else SCALES[tokens[i + 1].low]
            return v * mult, i + 2
        return v, i + 1
    while j < n:
        w = tokens[j].low
        if w in UNITS:
            if seen and not (current % 100 == 0 or (current % 100 >= 20 and current % 10 == 0)):
                break
            current += UNITS[w]
            seen = True
            j += 1
        elif w in TENS:
            if seen and current % 100 != 0:
                break
            current += TENS[w]
            seen = True
            j += 1
            # "twenty-three"
            if (
                j + 1 < n
                and tokens[j].text in "-‐–"
                and _adjacent(tokens, j - 1, j)
                and tokens[j + 1].low in UNITS
                and UNITS[tokens[j + 1].low] < 10
            ):
                current += UNITS[tokens[j + 1].low]
                j += 2
        elif w == "dozen" and seen:
            current *= 12
            j += 1
            break
        elif w in SCALES and seen:
            scale = SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
            j += 1
        elif w == "and" and seen and j + 1 < n and (
            tokens[j + 1].low in UNITS or tokens[j + 1].low in TENS
        ):
            # "two hundred and fifty" (only after a scale word)
            if j > i and tokens[j - 1].low in SCALES:
                j += 1
            else:
                break
        else:
            break
    if not seen:
        return None
    return total + current, j


def _vague_at(tokens: list[Token], i: int) -> tuple[int, int, str] | None:
    """A vague quantity at token ``i``: (value, next_index, reading)."""
    n = len(tokens)
    w = tokens[i].low
    nxt = tokens[i + 1].low if i + 1 < n else ""
    nxt2 = tokens[i + 2].low if i + 2 < n else ""
    if w in ("tens", "hundreds") and nxt == "of" and nxt2 in ("thousands", "millions"):
        base = 10 if w == "tens" else 100
        val = base * VAGUE_PLURALS[nxt2]
        return val, i + 3, f"'{w} of {nxt2}' read as {val:,}"
    if w in VAGUE_PLURALS:
        return VAGUE_PLURALS[w], i + 1, f"'{w}' read as {VAGUE_PLURALS[w]:,} (ACLED reading)"
    if w == "several":
        return VAGUE_SMALL, i + 1, f"'several' read as {VAGUE_SMALL}"
    if w == "a" and nxt in ("few", "handful"):
        return VAGUE_SMALL, i + 2, f"'a {nxt}' read as {VAGUE_SMALL}"
    if w == "a" and nxt == "dozen" and not (i + 2 < n and tokens[i + 2].low == "of"):
        return 12, i + 2, "'a dozen' read as 12"
    return None


def _is_year(tokens: list[Token], i: int, value: int) -> bool:
    tok = tokens[i].text
    if not (tok.isdigit() and len(tok) == 4 and 1800 <= value <= 2100):
        return False
    prev = tokens[i - 1].low if i > 0 else ""
    nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
    if prev in YEAR_PREPS or prev in MONTHS or prev == "," or nxt in (",", ".", ")"):
        return True
    if i >= 2 and tokens[i - 2].low in MONTHS:
        return True
    # a 4-digit number 1800..2100 written without a thousands separator is a year unless a
    # count cue follows it directly; the counts stage re-checks its own context.
    return nxt not in ("people", "persons", "civilians", "dead", "killed", "died")


def _excluded(
    tokens: list[Token], i: int, j: int, value: int, range_end: bool = False
) -> str | None:
    """Why the figure in tokens[i:j] is not a head count (None when it may be one)."""
    n = len(tokens)
    first = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[j] if j < n else None
    nxt2 = tokens[j + 1] if j + 1 < n else None
    if first.text[0].isdigit() and (
        (prev is not None and prev.text[0].isdigit()) or (nxt is not None and nxt.text[0].isdigit())
    ):
        return "digit groups in a row (phone number or identifier)"
    if (
        not range_end
        and prev is not None
        and prev.text in ":/.-‐–"
        and _adjacent(tokens, i - 1, i)
        and i >= 2
        and tokens[i - 2].text[0].isdigit()
        and _adjacent(tokens, i - 2, i - 1)
    ):
        return "part of a time, date, decimal or phone number"
    if (
        nxt is not None
        and nxt.text in "/:"
        and _adjacent(tokens, j - 1, j)
        and nxt2 is not None
        and nxt2.text[0].isdigit()
    ):
        return "part of a date or time"
    if prev is not None and prev.text in "$€£¥₹#№" and _adjacent(tokens, i - 1, i):
        return "money or label"
    if nxt is not None and nxt.text in "%:" and _adjacent(tokens, j - 1, j):
        return "percentage or time"
    if nxt is not None and nxt.low in ORDINAL_SUFFIX and _adjacent(tokens, j - 1, j):
        return "ordinal"
    if nxt is not None and nxt.text in "-‐–" and nxt2 is not None:
        if nxt2.low in MEASURE_WORDS or nxt2.low.rstrip("s") in MEASURE_WORDS:
            return "measure or age (N-unit)"
        if nxt2.text[0].isdigit() and _adjacent(tokens, j, j + 1) and len(nxt2.text) > 4:
            return "phone number"
    if nxt is not None and (nxt.low in MEASURE_WORDS):
        return "measure, duration or money"
    if (nxt is not None and nxt.low in ("per", "percent")) or (
        nxt is not None and nxt.low == "per" and nxt2 is not None and nxt2.low == "cent"
    ):
        return "percentage"
    if prev is not None and prev.low in LABEL_WORDS and first.text[0].isdigit():
        return "identifier after a label word"
    if prev is not None and prev.text == "." and i >= 2 and tokens[i - 2].low == "no":
        return "identifier after 'No.'"
    if first.text[0].isdigit() and _is_year(tokens, i, value):
        return "year"
    if first.low == "one" and prev is not None and prev.low == "no":
        return "'no one'"
    if first.low == "one" and nxt is not None and nxt.low == "of":
        return "'one of'"
    if first.low in ("one",) and nxt is not None and nxt.low in ("another", "day", "side"):
        return "idiom"
    if prev is not None and prev.low in MONTHS and value <= 31:
        return "day of month"
    if nxt is not None and nxt.low in MONTHS and value <= 31:
        return "day of month"
    return None


def _pre_qualifier(tokens: list[Token], i: int) -> tuple[Qualifier, int] | None:
    """Qualifier phrase ending right before token ``i``: (qualifier, first token index)."""
    for words, qual in PRE_QUALIFIERS:
        k = len(words)
        if i - k < 0:
            continue
        if tuple(t.low for t in tokens[i - k : i]) == words:
            return qual, i - k
    return None


def _post_qualifier(tokens: list[Token], j: int) -> tuple[Qualifier, int] | None:
    """Qualifier right after the figure ("or more", "+", "plus"): (qualifier, next index)."""
    n = len(tokens)
    if j + 1 < n and tokens[j].low == "or" and tokens[j + 1].low in ("more", "so"):
        return ("at_least" if tokens[j + 1].low == "more" else "about"), j + 2
    if j < n and tokens[j].text == "+" and _adjacent(tokens, j - 1, j):
        return "at_least", j + 1
    if j + 1 < n and tokens[j].text == "-" and tokens[j + 1].low == "plus":
        return "at_least", j + 2
    return None


def _one_number(tokens: list[Token], i: int) -> tuple[int, int, bool, str] | None:
    """A figure at token ``i``: (value, next index, vague?, note)."""
    tok = tokens[i]
    w = tok.low
    digit = tok.text[0].isdigit()
    if not digit and w not in _NUMBER_STARTS:
        return None  # most tokens: one set lookup
    if digit or w in UNITS or w in TENS or w in ("a", "an", "half"):
        parsed = parse_word_number(tokens, i)
        if parsed is not None:
            return parsed[0], parsed[1], False, ""
    vague = _vague_at(tokens, i)
    if vague is not None:
        return vague[0], vague[1], True, vague[2]
    return None


_NUMBER_STARTS = frozenset(
    {*UNITS, *TENS, *VAGUE_PLURALS, "a", "an", "half", "tens", "hundreds", "several"}
)
"""Words a figure can start with (digits aside): a quick test before the full parse."""


def find_numbers(tokens: list[Token]) -> list[NumberMention]:
    """All figures that may be head counts in ``tokens``, left to right, non-overlapping."""
    out: list[NumberMention] = []
    n = len(tokens)
    i = 0
    while i < n:
        got = _one_number(tokens, i)
        if got is None:
            i += 1
            continue
        value, j, vague, note = got
        first_tok = tokens[i]
        # "a"/"an" alone ("a hundred" is a number, "a soldier" is handled by the counts stage)
        if first_tok.low in ("a", "an") and not vague and j == i + 1:
            i += 1
            continue
        excluded = None if vague else _excluded(tokens, i, j, value)
        if excluded is not None:
            i = j
            continue
        qualifier: Qualifier = "vague" if vague else "exact"
        high: int | None = None
        q_start = i
        end_tok = j
        pre = _pre_qualifier(tokens, i)
        # ranges: "between 5 and 7", "5 to 7", "5-7", "two or three"
        if not vague and j + 1 < n:
            link = tokens[j].low
            between = i > 0 and tokens[i - 1].low == "between" and link == "and"
            if between or link in ("to", "or", "-", "–", "‐"):
                other = _one_number(tokens, j + 1) if j + 1 < n else None
                if other is not None and not other[2]:
                    v2, j2, _, _ = other
                    dashed = link in ("-", "–", "‐")
                    ok = v2 > value and (not dashed or (
                        _adjacent(tokens, j - 1, j) and _adjacent(tokens, j, j + 1)
                        and len(tokens[j + 1].text) <= 4
                    ))
                    if ok and _excluded(tokens, j + 1, j2, v2, range_end=True) is None:
                        qualifier = "range"
                        high = v2
                        end_tok = j2
                        if between:
                            q_start = i - 1
                        j = j2
        if qualifier != "range":
            if pre is not None:
                qualifier = pre[0] if not vague else qualifier
                q_start = pre[1]
                if vague:
                    q_start = i
            post = _post_qualifier(tokens, j)
            if post is not None and not vague:
                qualifier = post[0]
                end_tok = post[1]
        out.append(
            NumberMention(
                start=tokens[q_start].start,
                end=tokens[end_tok - 1].end,
                num_start=first_tok.start,
                num_end=tokens[j - 1].end,
                value=value,
                qualifier=qualifier,
                high=high,
                tok_start=q_start,
                tok_end=end_tok,
                note=note,
            )
        )
        i = end_tok
    return out


def number_in_text(value: int, text: str) -> bool:
    """True when ``value`` is written in ``text`` as digits or number words (or a vague word)."""
    toks = tokenize(text)
    for i in range(len(toks)):
        got = _one_number(toks, i)
        if got is not None and got[0] == value:
            return True
    return False
