"""Calendar arithmetic and value builders for the date rules (pure; no clock)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from eventscribe.model import DateValue
from eventscribe.model.dates import Precision

Kind = Literal["date", "time", "duration", "set", "anniversary"]

MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()

SEASONS: dict[str, tuple[str, int]] = {
    # name -> (TimeML code, first month); winter runs December..February of the next year
    "spring": ("SP", 3),
    "summer": ("SU", 6),
    "fall": ("FA", 9),
    "autumn": ("FA", 9),
    "winter": ("WI", 12),
}

# early / mid / late parts of a month (days) and of a year (months)
MONTH_PART_DAYS: dict[str, tuple[int, int]] = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
YEAR_PART_MONTHS: dict[str, tuple[int, int]] = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}


@dataclass(frozen=True, slots=True)
class Resolution:
    """What one rule made of one expression.

    ``timex`` is the TimeML value (also for durations, sets and ``PAST_REF``-style values that
    have no date range); ``value`` is the date range, or None when there is none or it could not
    be resolved; ``reason`` is one readable sentence naming the rule.
    """

    timex: str | None
    value: DateValue | None
    kind: Kind
    rule: str
    reason: str
    score: float = 0.9
    parts: tuple[tuple[int, int, Resolution], ...] = ()
    """The sub-expressions a range is made of, as (start, end, Resolution) with offsets in the
    text ("from [Aug. 26] to [Oct. 20]"): TimeML annotates each endpoint as its own TIMEX3,
    while the whole keeps one DateValue for users. Empty for a single expression."""


def last_day(year: int, month: int) -> int:
    """Number of days in ``month`` of ``year``."""
    return calendar.monthrange(year, month)[1]


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) shifted by ``delta`` months."""
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def day_value(d: date, anchor: date | None, timex_suffix: str = "") -> DateValue:
    """One day."""
    return DateValue(d, d, "day", anchor, d.isoformat() + timex_suffix)


def day_range(a: date, b: date, anchor: date | None) -> DateValue:
    """A range of whole days stated at day precision ("July 28-29")."""
    timex = a.isoformat() if a == b else f"{a.isoformat()}/{b.isoformat()}"
    return DateValue(a, b, "day", anchor, timex)


def month_value(
    year: int, month: int, anchor: date | None, part: str | None = None
) -> DateValue:
    """A month, or its early/mid/late part (precision stays 'month')."""
    lo, hi = 1, last_day(year, month)
    if part is not None:
        a, b = MONTH_PART_DAYS[part]
        lo, hi = a, min(b, hi)
    return DateValue(date(year, month, lo), date(year, month, hi), "month", anchor,
                     f"{year:04d}-{month:02d}")


def year_value(year: int, anchor: date | None, part: str | None = None) -> DateValue:
    """A year, or its early/mid/late part (precision stays 'year')."""
    a, b = (1, 12) if part is None else YEAR_PART_MONTHS[part]
    return DateValue(date(year, a, 1), date(year, b, last_day(year, b)), "year", anchor,
                     f"{year:04d}")


def quarter_value(year: int, q: int, anchor: date | None) -> DateValue:
    """Quarter ``q`` (1..4) of ``year``."""
    m0 = 3 * (q - 1) + 1
    return DateValue(date(year, m0, 1), date(year, m0 + 2, last_day(year, m0 + 2)), "quarter",
                     anchor, f"{year:04d}-Q{q}")


def half_value(year: int, h: int, anchor: date | None) -> DateValue:
    """Half-year ``h`` (1 or 2); stated at 'quarter' precision, the nearest unit we have."""
    m0 = 1 if h == 1 else 7
    return DateValue(date(year, m0, 1), date(year, m0 + 5, last_day(year, m0 + 5)), "quarter",
                     anchor, f"{year:04d}-H{h}")


def season_value(year: int, name: str, anchor: date | None) -> DateValue:
    """A season of ``year`` (northern-hemisphere meteorological seasons)."""
    code, m0 = SEASONS[name]
    end_y, end_m = add_months(year, m0, 2)
    return DateValue(date(year, m0, 1), date(end_y, end_m, last_day(end_y, end_m)), "quarter",
                     anchor, f"{year:04d}-{code}")


def decade_value(first_year: int, anchor: date | None, part: str | None = None) -> DateValue:
    """A decade ("the 1990s" -> 1990..1999, timex 199 as TimeML writes it); early/mid/late
    narrow the range."""
    lo, hi = first_year, first_year + 9
    if part == "early":
        hi = first_year + 3
    elif part == "mid":
        lo, hi = first_year + 3, first_year + 6
    elif part == "late":
        lo = first_year + 6
    return DateValue(date(lo, 1, 1), date(hi, 12, 31), "decade", anchor,
                     f"{first_year // 10:03d}")


def week_value(d: date, anchor: date | None) -> DateValue:
    """The ISO week (Monday..Sunday) containing ``d``."""
    iso = d.isocalendar()
    monday = d - timedelta(days=iso.weekday - 1)
    return DateValue(monday, monday + timedelta(days=6), "week", anchor,
                     f"{iso.year:04d}-W{iso.week:02d}")


def weekend_value(d: date, anchor: date | None) -> DateValue:
    """The weekend (Saturday, Sunday) of the ISO week containing ``d``."""
    iso = d.isocalendar()
    sat = d - timedelta(days=iso.weekday - 1) + timedelta(days=5)
    return DateValue(sat, sat + timedelta(days=1), "week", anchor,
                     f"{iso.year:04d}-W{iso.week:02d}-WE")


def quarter_of(d: date) -> int:
    """Quarter number (1..4) of ``d``."""
    return (d.month - 1) // 3 + 1


def latest_month(dct: date, month: int, *, strictly_before: bool = False) -> int:
    """Year of the most recent ``month`` not after the DCT's month (or strictly before it)."""
    if month < dct.month or (month == dct.month and not strictly_before):
        return dct.year
    return dct.year - 1


def next_month(dct: date, month: int) -> int:
    """Year of the first ``month`` after the DCT's month."""
    return dct.year if month > dct.month else dct.year + 1


def past_weekday(dct: date, weekday: int, *, strictly_before: bool = False) -> date:
    """Most recent ``weekday`` (0=Monday) on or before the DCT (strictly before if asked)."""
    delta = (dct.weekday() - weekday) % 7
    if delta == 0 and strictly_before:
        delta = 7
    return dct - timedelta(days=delta)


def future_weekday(dct: date, weekday: int, *, strictly_after: bool = False) -> date:
    """First ``weekday`` on or after the DCT (strictly after if asked)."""
    delta = (weekday - dct.weekday()) % 7
    if delta == 0 and strictly_after:
        delta = 7
    return dct + timedelta(days=delta)


def shift(dct: date, n: int, unit: str) -> DateValue:
    """The day/week/month/year ``n`` units from the DCT (negative = ago), at that precision."""
    if unit == "day":
        return day_value(dct + timedelta(days=n), dct)
    if unit == "week":
        return week_value(dct + timedelta(weeks=n), dct)
    if unit == "month":
        y, m = add_months(dct.year, dct.month, n)
        return month_value(y, m, dct)
    if unit == "quarter":
        y, m = add_months(dct.year, 3 * (quarter_of(dct) - 1) + 1, 3 * n)
        return quarter_value(y, quarter_of(date(y, m, 1)), dct)
    if unit == "decade":
        return year_value(dct.year + 10 * n, dct)
    return year_value(dct.year + n, dct)


def precision_rank(p: Precision) -> int:
    """0 for day ... 5 for decade (finer first)."""
    return ("day", "week", "month", "quarter", "year", "decade").index(p)
