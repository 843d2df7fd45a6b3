"""TimeML value strings: granularity, comparison at the gold value's granularity, date ranges."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

GRANULARITY_RANK = {"time": 0, "day": 1, "weekend": 2, "week": 3, "month": 4, "season": 5,
                    "quarter": 5, "half": 6, "year": 7, "decade": 8, "century": 9}

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("time", re.compile(r"(\d{4})-(\d{2})-(\d{2})T(.+)")),
    ("day", re.compile(r"(\d{4})-(\d{2})-(\d{2})")),
    ("weekend", re.compile(r"(\d{4})-W(\d{2})-WE")),
    ("week", re.compile(r"(\d{4})-W(\d{2})")),
    ("month", re.compile(r"(\d{4})-(\d{2})")),
    ("quarter", re.compile(r"(\d{4})-Q([1-4])")),
    ("half", re.compile(r"(\d{4})-H([12])")),
    ("season", re.compile(r"(\d{4})-(SP|SU|FA|WI)")),
    ("year", re.compile(r"(\d{4})")),
    ("decade", re.compile(r"(\d{3})X?")),
    ("century", re.compile(r"(\d{2})(?:XX)?")),
)


def normalise_value(value: str) -> str:
    """Trim, upper-case, drop zero seconds (``T18:00:00`` -> ``T18:00``), trailing unknown
    parts (``1998-XX-XX`` -> ``1998``), and pad week numbers (``2000-W7`` -> ``2000-W07``)."""
    v = value.strip().upper()
    v = re.sub(r"(T\d{2}(?::\d{2})?)(?::00(?:\.0+)?)?Z$", r"\1", v)  # UTC designator
    v = re.sub(r"(T\d{2}:\d{2}):00(?:\.0+)?$", r"\1", v)
    v = re.sub(r"T24$", "T24:00", v)
    v = re.sub(r"^(\d{4}(?:-\d{2})?)(?:-XX)+$", r"\1", v)  # 1998-XX-XX is the year 1998
    v = re.sub(r"^(\d{4}-W)(\d)(?!\d)", r"\g<1>0\2", v)  # 2000-W7 -> 2000-W07
    v = re.sub(r"^(\d{2})XX$", r"\1", v)
    return re.sub(r"^(\d{3})X$", r"\1", v)


def granularity(value: str) -> str | None:
    """The unit a calendar value is stated at, or None (PRESENT_REF, P3D, XXXX-03-22, ...)."""
    v = normalise_value(value)
    for name, pat in _PATTERNS:
        if pat.fullmatch(v):
            if name in ("day", "time", "month"):
                m = pat.fullmatch(v)
                assert m is not None
                if not 1 <= int(m.group(2)) <= 12:
                    return None
            return name
    return None


def value_range(value: str) -> tuple[date, date, str] | None:
    """The closed date range a calendar value denotes, with its granularity; None if none."""
    v = normalise_value(value)
    g = granularity(v)
    if g is None:
        return None
    m = dict(_PATTERNS)[g].fullmatch(v)
    assert m is not None
    try:
        if g in ("day", "time"):
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return d, d, g
        y = int(m.group(1))
        if g in ("week", "weekend"):
            monday = date.fromisocalendar(y, int(m.group(2)), 1)
            if g == "weekend":
                return monday + timedelta(days=5), monday + timedelta(days=6), g
            return monday, monday + timedelta(days=6), g
        if g == "month":
            mo = int(m.group(2))
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]), g
        if g in ("quarter", "half", "season"):
            if g == "quarter":
                m0, n = 3 * (int(m.group(2)) - 1) + 1, 3
            elif g == "half":
                m0, n = (1 if m.group(2) == "1" else 7), 6
            else:
                m0, n = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[m.group(2)], 3
            ey, em = divmod((y * 12 + m0 - 1) + n - 1, 12)
            em += 1
            return date(y, m0, 1), date(ey, em, calendar.monthrange(ey, em)[1]), g
        if g == "year":
            return date(y, 1, 1), date(y, 12, 31), g
        if g == "decade":
            return date(y * 10, 1, 1), date(y * 10 + 9, 12, 31), g
        return date(y * 100, 1, 1), date(y * 100 + 99, 12, 31), g
    except ValueError:
        return None


def _at(d: date, g: str) -> str:
    """Day ``d`` written at granularity ``g``."""
    if g == "day":
        return d.isoformat()
    if g == "week":
        iso = d.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if g == "weekend":
        iso = d.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}-WE"
    if g == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if g == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if g == "half":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if g == "year":
        return f"{d.year:04d}"
    if g == "decade":
        return f"{d.year // 10:03d}"
    if g == "century":
        return f"{d.year // 100:02d}"
    return ""


def matches_at_gold_granularity(pred: str | None, gold: str) -> bool:
    """True when ``pred`` equals ``gold`` once written at the gold value's granularity.

    A finer prediction is truncated ("2013-03-15" matches gold "2013-03"; a day matches the ISO
    week it lies in); a coarser one never matches. Times and seasons compare exactly.
    Intervals ("a/b") are compared by their start.
    """
    if not pred:
        return False
    p = normalise_value(pred.split("/")[0])
    g_val = normalise_value(gold)
    if p == g_val:
        return True
    gg, pg = granularity(g_val), granularity(p)
    if gg is None or pg is None or gg in ("time", "season") or pg == "season":
        return False
    if GRANULARITY_RANK[pg] > GRANULARITY_RANK[gg]:
        return False
    rng = value_range(p)
    if rng is None:
        return False
    if pg in ("week", "weekend") and gg not in ("week", "weekend"):
        rep = rng[0] + timedelta(days=3)  # ISO rule: a week belongs where its Thursday is
    else:
        rep = rng[0]
    return _at(rep, gg) == g_val
