"""Dates: normalised time expressions as ranges with a precision, anchor and reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from eventscribe.model.provenance import Provenance
from eventscribe.model.span import Span

Precision = Literal["day", "week", "month", "quarter", "year", "decade"]
PRECISIONS: tuple[str, ...] = ("day", "week", "month", "quarter", "year", "decade")


@dataclass(frozen=True, slots=True)
class DateValue:
    """A closed date range ``[start, end]`` with the precision it was stated at.

    ``anchor`` is the date relative expressions were resolved against (usually the publication
    date); ``timex`` is the TimeML-style value (``2009-07``, ``1998-Q1``, ``1998-W02``) when one
    applies.
    """

    start: date
    end: date
    precision: Precision
    anchor: date | None = None
    timex: str | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"date range ends before it starts: {self.start}..{self.end}")

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": self.precision,
            "anchor": self.anchor.isoformat() if self.anchor else None,
            "timex": self.timex,
        }


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression in the text and its normalised value (None when unresolvable)."""

    span: Span
    value: DateValue | None
    provenance: Provenance
    kind: Literal["date", "time", "duration", "set", "anniversary"] = "date"
    timex: str | None = None
    """The TIMEX3-style value ("P3D", "XXXX-WXX-4", "PRESENT_REF", "1998-Q1") when known; kept for
    durations and sets, whose ``value`` range alone cannot say what the text meant."""
