"""Loaders for the event-type table and the trigger lexicon (TSV files beside this module)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

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
    lines = [
        ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")
    ]
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


PREFIX_LEN = 3


def _prefixes(items: object, partial: frozenset[str], n: int) -> frozenset[str] | None:
    """Lower-case prefixes (up to ``n`` letters) that a parsed pattern can start with.

    Returns None when the pattern starts in a way that this walker does not follow (character
    categories, wildcards); callers then fall back to scanning with the full pattern.
    """
    from re import _constants as c  # type: ignore[attr-defined]

    cur = partial
    for op, av in items:  # type: ignore[attr-defined]
        if all(len(p) >= n for p in cur):
            return cur
        if op is c.LITERAL:
            cur = frozenset(p + chr(av).lower() if len(p) < n else p for p in cur)
        elif op is c.IN:
            chars: set[str] = set()
            for iop, iav in av:
                if iop is c.LITERAL:
                    chars.add(chr(iav).lower())
                elif iop is c.RANGE and iav[1] - iav[0] < 64:
                    chars.update(chr(x).lower() for x in range(iav[0], iav[1] + 1))
                elif iop is c.CATEGORY and iav is c.CATEGORY_DIGIT:
                    chars.update("0123456789")  # ASCII digits: what a trigger figure is
                else:
                    return None
            cur = frozenset(p + ch if len(p) < n else p for p in cur for ch in chars)
        elif op is c.SUBPATTERN:
            nxt = _prefixes(av[-1], cur, n)
            if nxt is None:
                return None
            cur = nxt
        elif op is c.BRANCH:
            out: set[str] = set()
            for alt in av[1]:
                r = _prefixes(alt, cur, n)
                if r is None:
                    return None
                out |= r
            cur = frozenset(out)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            lo, _hi, sub = av
            once = _prefixes(sub, cur, n)
            if once is None:
                return None
            twice = _prefixes(sub, once, n)
            if twice is None:
                return None
            cur = (cur | once | twice) if lo == 0 else (once | twice)
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        else:
            return None
    return cur


@lru_cache(maxsize=1)
def _prefix_rows() -> dict[str, tuple[int, ...]] | None:
    """Lower-case prefix (up to three letters) -> the trigger rows that can start with it."""
    from re import _parser  # type: ignore[attr-defined]

    out: dict[str, list[int]] = {}
    for i, r in enumerate(trigger_rules()):
        got = _prefixes(_parser.parse(r.pattern, re.IGNORECASE), frozenset({""}), PREFIX_LEN)
        if got is None or "" in got:
            return None
        for p in got:
            out.setdefault(p, []).append(i)
    return {p: tuple(rows) for p, rows in out.items()}


def trigger_prefixes() -> frozenset[str] | None:
    """Every lower-case prefix (up to three letters) a trigger match can start with, or None."""
    rows = _prefix_rows()
    return None if rows is None else frozenset(rows)


@lru_cache(maxsize=256)
def _rows_regex(rows: tuple[int, ...]) -> re.Pattern[str]:
    """The trigger alternation restricted to ``rows`` (same order, same group names)."""
    rules = trigger_rules()
    parts = [f"(?P<r{rules[i].row}>{rules[i].pattern})" for i in rows]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _word_start() -> re.Pattern[str]:
    firsts = sorted({p[0] for p in trigger_prefixes() or ()})
    cls = "".join(re.escape(f) for f in firsts) + "".join(
        re.escape(f.upper()) for f in firsts if f.upper() != f)
    return re.compile(rf"(?<![\w-])[{cls}]")


_UNSEEN: Any = object()
_LOW_ROWS: dict[str, re.Pattern[str] | None] = {}  # the first three characters at a word start
# -> the regex of the rules that can start with them (bounded by the texts seen; cleared when it
# grows past _LOW_ROWS_MAX)
_LOW_ROWS_MAX = 200_000


def iter_trigger_matches(text: str) -> list[re.Match[str]]:
    """The same matches as ``trigger_regex().finditer(text)``, found faster.

    Only word starts whose first letters can begin a trigger are tried, each with the anchored
    alternation of just the rules that can start with those letters (trying the whole
    alternation at every character is the cost this avoids). Rule order is kept, so the
    first-listed rule still wins.
    """
    table = _prefix_rows()
    if table is None:
        return list(trigger_regex().finditer(text))
    out: list[re.Match[str]] = []
    pos = 0
    memo = _LOW_ROWS
    for w in _word_start().finditer(text):
        s = w.start()
        if s < pos:
            continue
        # the next PREFIX_LEN characters, whatever they are: a rule's prefix may hold a space or
        # a digit ("on hunger strike", "12 casualties")
        low = text[s : s + PREFIX_LEN].lower()
        rx = memo.get(low, _UNSEEN)
        if rx is _UNSEEN:
            rows: set[int] = set()
            for k in range(1, len(low) + 1):
                rows.update(table.get(low[:k], ()))
            if len(memo) > _LOW_ROWS_MAX:
                memo.clear()
            rx = memo[low] = _rows_regex(tuple(sorted(rows))) if rows else None
        if rx is None:
            continue
        m = rx.match(text, s)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out
