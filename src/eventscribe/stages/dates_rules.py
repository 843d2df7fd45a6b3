"""The rule contract for time expressions: context, rule type and shared resolver helpers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from eventscribe.model import DateValue
from eventscribe.stages.dates_calendar import Kind, Resolution
from eventscribe.stages.dates_lexicon import (
    DEADLINE_CUE,
    FUTURE_CUE,
    MONTH_ANY,
    ORDINAL,
    PAST_CUE,
    REPORTING_CUE,
    SOON_CUE,
    ordinal_value,
)

NO_DCT = "relative expression without a publication date"

_LASTED_PAST = re.compile(r"(?<!\bhas\s)(?<!\bhave\s)(?<!\bbe\s)(?<!\bbeen\s)"
                          r"\b(?:held|lasted|continued|remained|stayed|kept|ran|waited|worked"
                          r"|fought|lived|served|survived)\b", re.IGNORECASE)
"""A verb of lasting in the past tense: "the truce held until Wednesday" looks back (not a
passive participle: "the vote will be held by July 31")."""
_AUX_PAST = re.compile(r"\b(?:had|was|were|did)\b", re.IGNORECASE)
_PAST_FUTURE = re.compile(r"\bhad\s+been\s+(?:\w+\s+)?$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;:!?\"“”]|\s(?:but|while|after|before|because|when)\s")
_REPORTED = re.compile(r"\b(?:said|told|announced|reported)\b", re.IGNORECASE)
_PREMOD = re.compile(r"\b(?:the|a|an|its|their|this)\s*$", re.IGNORECASE)
_NOUN_THEN_FUTURE = re.compile(r"\s+[a-z-]+\s+(?:will|would|is\s+to|is\s+expected)\b")
_QNUM = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
         "q1": 1, "q2": 2, "q3": 3, "q4": 4}
_QUARTER_NAMED = re.compile(
    r"\b(?:(?P<y1>\d{4})\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+"
    r"(?:fiscal[\s-]+)?quarter\b(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y2>\d{4})(?!\d))?",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Ctx:
    """Where a match was found: the text, its sentence bounds and the DCT (may be None)."""

    text: str
    dct: date | None
    sent_start: int
    sent_end: int
    anaphora: bool = True
    """False while looking back for an antecedent (anaphoric rules then stay silent)."""

    def before(self, pos: int, n: int = 80) -> str:
        """Up to ``n`` characters of the sentence before ``pos``."""
        return self.text[max(self.sent_start, pos - n) : pos]

    def after(self, pos: int, n: int = 60) -> str:
        """Up to ``n`` characters of the sentence after ``pos``."""
        return self.text[pos : min(self.sent_end, pos + n)]

    def sentence(self) -> str:
        return self.text[self.sent_start : self.sent_end]

    def tense(self, pos: int, end: int | None = None) -> str | None:
        """"future", "past", "deadline" or None: the tense cue before ``pos`` in its clause.

        The clause runs back to the sentence start or the last ``;``/``:`` (at most 120
        characters). Future markers ("will", "is to", "scheduled", "expected to") and past
        ones ("was", "had", a past participle) compete: the one closer to the expression wins.
        A premodifying expression ("the March accession will ...") also looks just after
        itself (``end``). "deadline" is a bare "by", "until" or "through" just before.
        """
        window = self.before(pos, 120)
        if SOON_CUE.search(window[-24:]):
            return "future"
        if DEADLINE_CUE.search(window[-24:]):
            return "deadline"
        cut = max(window.rfind(";"), window.rfind(":"))
        if cut >= 0:
            window = window[cut + 1 :]
        fut = [m.end() for m in FUTURE_CUE.finditer(window)]
        past = [m.end() for m in PAST_CUE.finditer(window)]
        if REPORTING_CUE.search(window):
            past.append(len(window))
        if fut or past:
            if max(fut, default=-1) < max(past, default=-1):
                return "past"
            last = max(FUTURE_CUE.finditer(window), key=lambda f: f.end())
            if (_PAST_FUTURE.search(window[max(0, last.start() - 20) : last.start()])
                    or last.group().lower().startswith(("was to", "were to"))):
                return None  # "had been due to expire Friday": planned once, maybe past now
            return "future"
        if end is not None and _PREMOD.search(window):
            after = self.after(end, 40)
            if FUTURE_CUE.match(after.lstrip()) or _NOUN_THEN_FUTURE.match(after):
                return "future"
        return None

    def tense_after(self, end: int) -> str | None:
        """"future", "past" or None: the first tense cue in the clause after ``end`` (for an
        expression that opens its clause: "On Tuesday, the league plans to ...")."""
        clause = _CLAUSE_END.split(self.after(end, 90), maxsplit=1)[0]
        fut = next((f for f in FUTURE_CUE.finditer(clause)
                    if not f.group().lower().startswith(("planned", "was", "were"))), None)
        past = PAST_CUE.search(clause) or _REPORTED.search(clause)
        if fut is None and past is None:
            return None
        if past is None or (fut is not None and fut.start() < past.start()):
            return "future"
        return "past"

    def future_cue(self, pos: int, tense: str | None = "?") -> bool:
        """True when the nearest tense cue before ``pos`` in its clause marks the future.

        A deadline ("until Tuesday", "by Friday") counts as future unless its clause has a
        past auxiliary ("Until Thursday, they had not ...").
        """
        t = self.tense(pos) if tense == "?" else tense
        if t == "deadline":
            after = re.split(r"[;:.]", self.after(pos, 80), maxsplit=1)[0]
            clause = self.before(pos, 120) + " " + after
            return _AUX_PAST.search(clause) is None and _LASTED_PAST.search(clause) is None
        return t == "future"

    def reporting_quarter(self, pos: int) -> tuple[int, int] | None:
        """(year, quarter) of the last quarter named before ``pos`` in the document, if any.

        Business news states the quarter it reports on ("third-quarter profit") and then
        refers back to it ("the latest period", "a year earlier"). A quarter without a year is
        the most recent such quarter that has begun by the publication date.
        """
        if self.dct is None:
            return None
        found = None
        for m in _QUARTER_NAMED.finditer(self.text, max(0, pos - 2000), pos):
            found = m
        if found is None:
            return None
        q = _QNUM[found.group("q").lower()]
        y = found.group("y1") or found.group("y2")
        # without a year: the most recent such quarter that has begun (fiscal quarters are named
        # in the calendar year they are reported in); one ahead or a year old is another story's
        begun = self.dct.year if 3 * q - 2 <= self.dct.month else self.dct.year - 1
        year = int(y) if y else begun
        last_done = self.dct.year * 4 + (self.dct.month - 1) // 3 - 1
        if not -1 <= last_done - (year * 4 + q - 1) <= 3:
            return None  # a quarter ahead or long past is not the one reported on
        return year, q


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
    firsts: frozenset[str] = frozenset()
    """Lower-case words a match can start with (empty: any; "#num" admits any token starting
    with a digit); lets the engine skip hopeless starts cheaply."""


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
