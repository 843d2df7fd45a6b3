"""The rule contract for time expressions: context, rule type and shared resolver helpers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from eventscribe.model import DateValue
from eventscribe.stages.dates_calendar import Kind, Resolution
from eventscribe.stages.dates_lexicon import FUTURE_CUE, MONTH_ANY, ORDINAL, ordinal_value

NO_DCT = "relative expression without a publication date"


@dataclass(frozen=True, slots=True)
class Ctx:
    """Where a match was found: the text, its sentence bounds and the DCT (may be None)."""

    text: str
    dct: date | None
    sent_start: int
    sent_end: int

    def before(self, pos: int, n: int = 80) -> str:
        """Up to ``n`` characters of the sentence before ``pos``."""
        return self.text[max(self.sent_start, pos - n) : pos]

    def after(self, pos: int, n: int = 60) -> str:
        """Up to ``n`` characters of the sentence after ``pos``."""
        return self.text[pos : min(self.sent_end, pos + n)]

    def sentence(self) -> str:
        return self.text[self.sent_start : self.sent_end]

    def future_cue(self, pos: int) -> bool:
        """True when a future marker ("will", "is to", "scheduled") precedes ``pos`` closely."""
        return FUTURE_CUE.search(self.before(pos, 60)) is not None


Resolver = Callable[["re.Match[str]", Ctx], "Resolution | None"]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named pattern and the resolver that turns its matches into a Resolution.

    The pattern may have a group ``x``: then the mention's span is that group (cue words such
    as "in" or "on" stay outside the evidence). A resolver returns None to say "not a time
    expression after all" (e.g. "2009 people").
    """

    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    anchors: tuple[str, ...] = ()
    """Token categories (see dates_engine) near which this rule is tried."""


def compile_rule(pattern: str) -> re.Pattern[str]:
    """Compile a verbose, case-insensitive rule pattern."""
    return re.compile(pattern, re.IGNORECASE | re.VERBOSE)


def ok(value: DateValue | None, rule: str, reason: str, kind: Kind = "date",
       timex: str | None = None, score: float = 0.9) -> Resolution:
    """A Resolution whose timex defaults to the value's."""
    tx = timex if timex is not None else (value.timex if value is not None else None)
    return Resolution(tx, value, kind, rule, reason, score)


def no_dct(rule: str, kind: Kind = "date", timex: str | None = None) -> Resolution:
    """The answer for a relative expression when the document has no publication date."""
    return Resolution(timex, None, kind, rule, NO_DCT, 0.3)


def impossible(rule: str, what: str) -> Resolution:
    """The answer for a calendar-impossible date ("31 February 2020")."""
    return Resolution(None, None, "date", rule, f"impossible date: {what} (E011)", 0.1)


def safe_date(y: int, m: int, d: int) -> date | None:
    """``date(y, m, d)`` or None when that day does not exist."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


_YEAR_LATER = re.compile(r"[^.;,!?\n]{0,40}?\bin\s+(\d{4})(?!\d)")
_ANNIV_OF = re.compile(rf"({ORDINAL})\s+anniversary\s+of\b[^.;!?]*$", re.IGNORECASE)


def year_later_in_sentence(ctx: Ctx, end: int) -> int | None:
    """A year stated shortly after a yearless date in the same sentence ("... attack in 2009")."""
    m = _YEAR_LATER.match(ctx.after(end, 60))
    if m is None:
        return None
    if re.search(MONTH_ANY, m.group(0)):
        return None  # another month intervenes; that year belongs to it
    y = int(m.group(1))
    return y if 1000 <= y <= 2999 else None


def anniversary_base_year(ctx: Ctx, start: int) -> tuple[int, str] | None:
    """For "the 11th anniversary of the July 28 attack": (DCT year - 11, "11th anniversary")."""
    if ctx.dct is None:
        return None
    m = _ANNIV_OF.search(ctx.before(start, 80))
    if m is None:
        return None
    n = ordinal_value(m.group(1))
    if n is None:
        return None
    return ctx.dct.year - n, m.group(1) + " anniversary"
