"""Loaders for the event-type table and the trigger lexicon (TSV files beside this module)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventscribe.model import EventType

_HERE = Path(__file__).parent


@dataclass(frozen=True, slots=True)
class EventClass:
    """An internal event class and its mapping to ACLED and PLOVER."""

    name: str
    type: EventType
    family: str
    why: str


@dataclass(frozen=True, slots=True)
class TriggerRule:
    cls: str
    pos: str
    pattern: str
    row: int


def _rows(path: Path) -> list[list[str]]:
    rows = []
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    for ln in lines[1:]:
        cols = ln.split("\t")
        if len(cols) != len(header):
            raise ValueError(f"{path.name}: expected {len(header)} columns in {ln!r}")
        rows.append(cols)
    return rows


@lru_cache(maxsize=1)
def event_classes() -> dict[str, EventClass]:
    """Internal class name -> EventClass, from event_types.tsv."""
    out = {}
    for name, etype, sub, cat, mode, family, why in _rows(_HERE / "event_types.tsv"):
        out[name] = EventClass(name, EventType(etype, sub, cat, mode or None), family, why)
    return out


@lru_cache(maxsize=1)
def trigger_rules() -> tuple[TriggerRule, ...]:
    """Trigger rules from triggers.tsv, each validated against event_types.tsv."""
    classes = event_classes()
    rules = []
    for i, (cls, pos, pattern) in enumerate(_rows(_HERE / "triggers.tsv")):
        if cls not in classes:
            raise ValueError(f"triggers.tsv row {i}: unknown class {cls!r}")
        if pos not in ("noun", "verb"):
            raise ValueError(f"triggers.tsv row {i}: pos must be noun or verb")
        re.compile(pattern)
        rules.append(TriggerRule(cls, pos, pattern, i))
    return tuple(rules)


@lru_cache(maxsize=1)
def trigger_regex() -> re.Pattern[str]:
    """One alternation of all trigger patterns, each in a named group ``r<row>``."""
    parts = [f"(?P<r{r.row}>{r.pattern})" for r in trigger_rules()]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)
