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
#   more_than    "more than 10", "over 10"   low = value, high = value
#                                            (conservative: the figure said)
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
    """Summarise claims of one kind as best/low/high (docs/counts.md).

    Claims are never averaged. First each source's figure range is found:

    * a *subset* ("10 killed, including 3 children"; reason tagged ``subset:``) is dropped
      when the same source states any other figure, so the part is not counted twice;
    * an *update* ("the toll rose to 12"; reason tagged ``update:``) supersedes that source's
      earlier figures: only the latest update and what the source says after it are kept;
    * per-group *parts* of one statement add up to one figure: claims tagged ``part:`` that
      share ``evidence[1]`` (the whole coordination, "3 soldiers and 5 civilians were
      killed"), or claims of different groups with the very same evidence span;
    * every other claim is a figure of its own (figures in different statements are never
      added: a headline and the body often restate one count); the source's low is the lowest
      lower bound of its figures and its high the highest upper bound.

    Then across sources: ``best`` is ACLED's conservative reading, the lowest figure any
    source asserts; ``low`` is the lowest lower bound and ``high`` the highest upper bound any
    source states (UCDP's low/high). Example: the outlet says 11 killed and Amnesty says at
    least 9 -> best 9, low 9, high 11.
    """
    if not claims:
        return None
    per_source: dict[str, list[Claim]] = {}
    for c in claims:
        per_source.setdefault(c.attributed_to, []).append(c)
    totals: list[tuple[int, int, str]] = []
    notes: list[str] = []
    for source, own in per_source.items():
        own = sorted(own, key=lambda c: (c.evidence[0].start if c.evidence else 0))
        whole = [c for c in own if not c.provenance.reason.startswith("subset:")]
        if whole and len(whole) < len(own):
            notes.append(f"{len(own) - len(whole)} subset figure(s) of {source} not added")
            own = whole
        updates = [i for i, c in enumerate(own) if c.provenance.reason.startswith("update:")]
        if updates:
            if updates[-1] > 0:
                notes.append(f"{source}'s latest update supersedes its earlier figures")
            own = own[updates[-1] :]
        # one statement -> {group: (low, high)}; a statement is a tagged coordination
        # (evidence[1]) or else the claim's own evidence span
        statements: dict[tuple[int, int], dict[str | None, tuple[int, int]]] = {}
        for c in own:
            ev = c.evidence[1] if c.provenance.reason.startswith("part:") and len(
                c.evidence) >= 2 else (c.evidence[0] if c.evidence else None)
            key = (ev.start, ev.end) if ev is not None else (-1, id(c))
            groups = statements.setdefault(key, {})
            lo, hi = groups.get(c.group, (c.low, c.upper))
            groups[c.group] = (max(lo, c.low), max(hi, c.upper))
        figures = [
            (sum(g[0] for g in groups.values()), sum(g[1] for g in groups.values()))
            for groups in statements.values()
        ]
        if any(len(groups) > 1 for groups in statements.values()):
            notes.append(f"{source}'s per-group figures in one statement are added up")
        totals.append((min(f[0] for f in figures), max(f[1] for f in figures), source))
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
    if notes:
        reason += " (" + "; ".join(notes) + ")"
    return CountSummary(best=best, low=low, high=high, reason=reason)
