"""Counts as attributed claims, and the rule that summarises them as best/low/high."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from eventscribe.model.provenance import Provenance
from eventscribe.model.span import Span

CountKind = Literal["killed", "injured", "arrested", "abducted"]
COUNT_KINDS: tuple[CountKind, ...] = ("killed", "injured", "arrested", "abducted")

# How a figure was qualified in the text. ``low``/``high`` of a claim follow from it:
#   exact        "11 killed"                 low = high = value
#   at_least     "at least 9", "9 or more"   low = value, high = value
#   more_than    "more than 10", "over 10"   low = value, high = value (conservative: the figure said)
#   up_to        "up to 12", "as many as"    low = value, high = value
#   about        "about 40", "nearly 40"     low = high = value
#   range        "between 5 and 7", "5-7"    low = value_low, high = value_high; value = low
#   vague        "dozens" -> 12, "hundreds" -> 100, "a dozen" -> 12, "several" -> 3 (ACLED reading)
Qualifier = Literal["exact", "at_least", "more_than", "up_to", "about", "range", "vague"]


@dataclass(frozen=True, slots=True)
class Claim:
    """One source's statement of one count ("at least nine killed, says Amnesty International")."""

    kind: CountKind
    value: int
    qualifier: Qualifier
    attributed_to: str
    evidence: tuple[Span, ...]
    provenance: Provenance
    high: int | None = None
    """Upper end for ranges ("between 5 and 7" -> value 5, high 7); None otherwise."""
    attribution_evidence: Span | None = None
    """The span naming the source ("Amnesty International ... wrote"), when not the outlet."""
    group: str | None = None
    """Who was counted ("camp residents", "soldiers"), when stated."""

    @property
    def low(self) -> int:
        return self.value

    @property
    def upper(self) -> int:
        return self.high if self.high is not None else self.value

    def to_dict(self) -> dict[str, object]:
        return {
            "value": self.value,
            "high": self.high,
            "qualifier": self.qualifier,
            "attributed_to": self.attributed_to,
            "group": self.group,
            "evidence": [s.to_dict() for s in self.evidence],
            "attribution_evidence": (
                self.attribution_evidence.to_dict() if self.attribution_evidence else None
            ),
            "reason": self.provenance.reason,
            "stage": self.provenance.stage,
        }


@dataclass(frozen=True, slots=True)
class CountSummary:
    """best/low/high over a count's claims, by the documented rule in :func:`summarise`."""

    best: int
    low: int
    high: int
    reason: str


def summarise(claims: tuple[Claim, ...]) -> CountSummary | None:
    """Summarise claims of one kind.

    Rule (docs/formats.md): claims are never averaged. ``best`` is ACLED's conservative reading,
    the lowest figure any source asserts; ``low`` is the lowest lower bound; ``high`` is the
    highest upper bound any source states (UCDP's high). Per-group claims from one source in
    one sentence ("3 soldiers and 5 civilians") are added up before comparing sources.
    """
    if not claims:
        return None
    per_source: dict[str, list[Claim]] = {}
    for c in claims:
        per_source.setdefault(c.attributed_to, []).append(c)
    totals: list[tuple[int, int, str]] = []
    for source, group in per_source.items():
        by_group: dict[str | None, Claim] = {}
        for c in group:
            prev = by_group.get(c.group)
            if prev is None or c.value > prev.value:
                by_group[c.group] = c
        if len(by_group) > 1 and None not in by_group:
            # "3 soldiers and 5 civilians": one source's per-group figures add up
            lo = sum(c.low for c in by_group.values())
            hi = sum(c.upper for c in by_group.values())
        else:
            lo = min(c.low for c in group)
            hi = max(c.upper for c in group)
        totals.append((lo, hi, source))
    low = min(t[0] for t in totals)
    high = max(t[1] for t in totals)
    best = low
    sources = sorted({t[2] for t in totals})
    if len(totals) == 1:
        reason = f"one source ({sources[0]}): best is its lowest stated figure"
    else:
        reason = (
            f"{len(totals)} figures from {', '.join(sources)}: best is the most conservative "
            "(lowest) figure, low/high the range they span; none is averaged"
        )
    return CountSummary(best=best, low=low, high=high, reason=reason)
