"""Time expressions and event dates.

:class:`RuleDateTagger` finds time expressions with regular-expression rules and normalises them
against the publication date (DCT); :func:`assign_event_date` picks the expression that governs an
event trigger; :func:`fallback_event_date` gives the documented assumption when none does.
See docs/dates.md for the rules.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import ClassVar

from eventscribe.model import (
    AnnotatedDoc,
    DateAssignment,
    DateValue,
    Provenance,
    Span,
    TimeMention,
)
from eventscribe.stages.base import BaseStage
from eventscribe.stages.dates_assign import assign_event_date
from eventscribe.stages.dates_calendar import Resolution, day_value
from eventscribe.stages.dates_engine import RULES, Found, find_expressions, timeml_parts

__all__ = [
    "RULES",
    "Resolution",
    "RuleDateTagger",
    "assign_event_date",
    "fallback_event_date",
    "find_expressions",
    "normalise",
    "normalise_span",
    "timeml_parts",
]

STAGE = "dates.rules.v2"


def normalise(expr: str, published: date | None) -> Resolution | None:
    """Normalise one expression on its own ("last Tuesday", "Q3 2019") against ``published``.

    Returns the Resolution of the candidate covering most of ``expr``, or None when no rule
    recognises anything in it.
    """
    found = find_expressions(expr, published)
    if not found:
        return None
    return max(found, key=lambda f: f[1] - f[0])[2]


def normalise_span(
    text: str, start: int, end: int, published: date | None,
    sentence: tuple[int, int] | None = None,
) -> Resolution | None:
    """Normalise the expression at ``text[start:end]`` using its sentence as context.

    The rules run over the whole sentence (so cues such as "will" before it count, and an
    expression the span is part of, "[a year] earlier", is read whole); the candidate
    overlapping the span most wins, then the one with least text outside it.
    Falls back to :func:`normalise` on the span's text alone.
    """
    if sentence is None:
        lo = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
        hi_dot = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
        sentence = (lo, min(hi_dot) if hi_dot else len(text))
    best: Found | None = None
    best_key = (0, 0)
    region = (sentence[0], max(end, sentence[1]))
    for f in find_expressions(text, published, (region,)):
        ov = min(end, f[1]) - max(start, f[0])
        key = (ov, -(f[1] - f[0] - ov))  # most overlap, then least text outside the span
        if ov > 0 and key > best_key:
            best, best_key = f, key
    if best is not None and best[2].parts:
        # a range whose endpoints TimeML annotates apart ("from Aug. 26 to [Oct. 20]")
        part = max(best[2].parts, key=lambda p: min(end, p[1]) - max(start, p[0]))
        if min(end, part[1]) - max(start, part[0]) > 0 and not (
                best[0] >= start and best[1] <= end):
            best = part
    if best is not None and best[0] < start and best[2].timex and "/" in best[2].timex:
        # a range reaching back before the span ("from Aug. 26 to [Oct. 20]"): its own part
        inner = find_expressions(text, published, ((start, region[1]),))
        best = next((f for f in inner if f[0] == start), best)
    if best is not None:
        return best[2]
    return normalise(text[start:end], published)


@lru_cache(maxsize=4096)
def _dateparser_day(expr: str, dct_iso: str) -> date | None:
    """dateparser's reading of a spaCy DATE entity the rules missed (past-preferring, cached)."""
    import dateparser  # type: ignore[import-untyped]  # lazily: only for the entity fallback

    dct = datetime.fromisoformat(dct_iso)
    parsed = dateparser.parse(
        expr,
        languages=["en"],
        settings={"RELATIVE_BASE": dct, "PREFER_DATES_FROM": "past",
                  "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return parsed.date() if parsed is not None else None


_DAYISH = re.compile(r"\d{1,2}(?!\d)|yesterday|today|tomorrow", re.IGNORECASE)


class RuleDateTagger(BaseStage):
    """Finds and normalises time expressions with rules (no model needed).

    spaCy DATE/TIME entities, when present, are used as extra candidates: those the rules did
    not cover are read by dateparser when they name a day.
    """

    name: ClassVar[str] = STAGE
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    provides: ClassVar[tuple[str, ...]] = ("times",)

    def __init__(self, *, use_entities: bool = True) -> None:
        self.use_entities = use_entities

    def __call__(self, adoc: AnnotatedDoc) -> AnnotatedDoc:
        """Return ``adoc`` with its ``times`` layer set."""
        text = adoc.text
        dct = adoc.doc.source.published_at
        bounds = tuple((s.start, s.end) for s in adoc.sentences) or ((0, len(text)),)
        mentions: list[TimeMention] = []
        for s, e, res in find_expressions(text, dct, bounds):
            span = Span.of(text, s, e)
            prov = Provenance(STAGE, f"{res.reason} [rule {res.rule}]", res.score, (span,))
            mentions.append(TimeMention(span, res.value, prov, res.kind, res.timex))
        if self.use_entities and dct is not None:
            mentions.extend(self._from_entities(adoc, mentions, dct))
            mentions.sort(key=lambda t: t.span.start)
        return adoc.with_layer("times", tuple(mentions))

    @staticmethod
    def _from_entities(
        adoc: AnnotatedDoc, have: list[TimeMention], dct: date
    ) -> list[TimeMention]:
        out: list[TimeMention] = []
        for ent in adoc.entities:
            if ent.label not in ("DATE", "TIME"):
                continue
            if any(t.span.overlaps(ent.span) for t in have):
                continue
            if not _DAYISH.search(ent.span.text):
                continue
            d = _dateparser_day(ent.span.text, dct.isoformat())
            if d is None or d > dct + timedelta(days=366):
                continue
            reason = (f"spaCy {ent.label} entity {ent.span.text!r} read by dateparser as {d} "
                      "(past-preferring) [rule entity-dateparser]")
            out.append(TimeMention(ent.span, day_value(d, dct),
                                   Provenance(STAGE, reason, 0.5, (ent.span,)), "date"))
        return out


def fallback_event_date(published: date | None) -> DateAssignment | None:
    """The assumed date of an event no time expression governs: the week up to publication.

    Returns a range of the 7 days up to and including ``published`` at precision "week", with a
    reason saying it is an assumption; None when there is no publication date.
    """
    if published is None:
        return None
    value = DateValue(published - timedelta(days=6), published, "week", published, None)
    reason = ("assumption: no time expression in the text governs the event, so it is taken to "
              f"have happened in the 7 days up to and including the publication date {published}")
    return DateAssignment(value, Provenance("dates.fallback.v1", reason, 0.2, ()))
