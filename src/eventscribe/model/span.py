"""Character spans into a document's text: the unit of evidence."""

from __future__ import annotations

from dataclasses import dataclass

from eventscribe.errors import EventscribeError


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` into ``Doc.text`` plus the text it covers.

    The covered text is carried with the offsets so that every record is self-verifying:
    ``doc.text[span.start:span.end] == span.text`` is checked when a span is made with
    :meth:`of` and by the tests on every exported record.
    """

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise EventscribeError("E006", f"invalid span offsets {self.start}..{self.end}")
        if len(self.text) != self.end - self.start:
            raise EventscribeError(
                "E006", f"span text length {len(self.text)} != {self.end - self.start}"
            )

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Make a span over ``text``; raises E006 when the offsets fall outside it."""
        if not (0 <= start <= end <= len(text)):
            raise EventscribeError(
                "E006", f"span offsets {start}..{end} outside the text (length {len(text)})"
            )
        return cls(start, end, text[start:end])

    def verify(self, text: str) -> bool:
        """True when this span still matches ``text``."""
        return self.end <= len(text) and text[self.start : self.end] == self.text

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "text": self.text}
