"""Date rules added in session 3 (v4): quarters named by their months, the end of the month,
clock times said in words.

"The October-December quarter" and "the July-September period" are how economic news
(GDP figures, company results outside the US) names a calendar quarter; TimeML writes the
quarter (``2012-Q4``). "By the end of the month" is the publication month (its late part);
"at 4 in the morning" is 04:00 on the publication day.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventscribe.stages.dates_calendar import (
    MONTH_NAMES,
    Resolution,
    add_months,
    day_value,
    last_day,
    latest_month,
    month_value,
    quarter_value,
    week_value,
)
from eventscribe.stages.dates_lexicon import MONTH_ANY, MONTHS, NUM, month_number, number_value
from eventscribe.stages.dates_rules import Ctx, Rule, compile_rule, no_dct, ok

_M1 = MONTH_ANY.replace("(?-i:", "(?P<m1>(?-i:", 1) + ")"
_M2 = MONTH_ANY.replace("(?-i:", "(?P<m2>(?-i:", 1) + ")"


def _month_span_quarter(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"the October-December quarter": three consecutive months name the calendar quarter
    their middle month lies in (most recent one begun by the DCT unless a year is given)."""
    rule = "month-quarter"
    m1, m2 = month_number(m["m1"]), month_number(m["m2"])
    if (m2 - m1) % 12 != 2:
        return None  # not a three-month span ("the May-June period")
    mid = m1 % 12 + 1
    q = (mid - 1) // 3 + 1
    if m["y"]:
        y, how = int(m["y"]), "year stated"
    elif ctx.dct is None:
        return no_dct(rule)
    else:
        begun = ctx.dct.year if 3 * q - 2 <= ctx.dct.month else ctx.dct.year - 1
        y, how = begun, "the most recent such quarter begun by the publication date"
    return ok(quarter_value(y, q, ctx.dct), rule,
              f"{m['x']!r}: the three months name calendar quarter Q{q} ({how})", score=0.8)


_PART = {"end": "late", "beginning": "early", "start": "early", "middle": "mid",
         "earlier": "earlier", "later": "later"}


def _part_of_unit(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"the end of the month", "later in the week": part of the publication month/week
    (TimeML writes the month or week itself)."""
    rule = "part-of-unit"
    if ctx.dct is None:
        return no_dct(rule)
    part = _PART[(m["p"] or m["p2"]).lower()]
    unit = (m["u"] or m["u2"]).lower()
    rel = (m.groupdict().get("rel") or "the").lower()
    shift = {"next": 1, "last": -1}.get(rel, 0)  # v5: "the end of next week"
    which = {1: "next", -1: "last"}.get(shift, "publication")
    if unit == "month":
        y, mo = add_months(ctx.dct.year, ctx.dct.month, shift)
        value = month_value(y, mo, ctx.dct, part if part in ("early", "mid", "late") else None)
    else:
        value = week_value(ctx.dct + timedelta(weeks=shift), ctx.dct)
    return ok(value, rule, f"{m['x']!r}: the {part} part of the {which} {unit}", score=0.7)


_POD_HOURS = {"morning": 0, "afternoon": 12, "evening": 12, "night": 12}


def _spoken_clock(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"at 4 in the morning", "at 9 o'clock": a clock time on the publication day."""
    rule = "clock-time"
    h = int(m["h"])
    if not 1 <= h <= 12:
        return None
    pod = (m["pod"] or m["pod2"] or "").lower()
    if (pod == "night" and h >= 6) or pod in ("afternoon", "evening"):
        h = h % 12 + 12
    elif pod in ("morning", "night"):
        h = h % 12
    elif not pod and not m["oc"]:
        return None
    if ctx.dct is None:
        return no_dct(rule, "time")
    if pod == "morning" and ctx.future_cue(m.start("x")):
        return ok(day_value(ctx.dct + timedelta(days=1), ctx.dct, f"T{h:02d}:00"), rule,
                  f"time {m['x']!r} the morning after the publication date (future wording)",
                  kind="time", score=0.5)
    return ok(day_value(ctx.dct, ctx.dct, f"T{h:02d}:00"), rule,
              f"time {m['x']!r} on the publication date (assumed)", kind="time", score=0.6)


_SET_UNIT = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "month": "M",
             "quarter": "Q", "year": "Y"}


def _every_n(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"every four years", "every other week", "every 10 minutes": a set (``P4Y``)."""
    n = 2 if m["n"].lower() == "other" else number_value(m["n"])
    if n is None:
        return None
    code = _SET_UNIT[m["u"].lower()]
    tx = f"P{'T' if code.startswith('T') else ''}{n}{code[-1]}"
    return ok(None, "set", f"{m['x']!r} is a recurring time ({tx})", kind="set", timex=tx,
              score=0.6)


def _session_part(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"in morning trading", "during afternoon trade": that part of the day reported on (the
    last day named in the sentence or the 400 characters before, else the DCT)."""
    rule = "trading-session"
    if not ctx.anaphora:
        return None  # it refers back itself: silent while another rule looks for a day
    if ctx.dct is None:
        return no_dct(rule, "time")
    from eventscribe.stages.dates_rules_more import _last_day_before

    day, how = ctx.dct, "the publication date"
    ante = _last_day_before(ctx, m.start("x"), 800)
    if ante is not None and ante[2].value is not None:
        day, how = ante[2].value.start, f"{ctx.text[ante[0]:ante[1]]!r}, the day named before"
    code = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV"}[m["x"].lower()]
    return ok(day_value(day, ctx.dct, code), rule, f"{m['x']!r} of the trading day: {how}",
              kind="time", score=0.6)


_NTH_WEEK_DAY = {"first": 4, "second": 11, "third": 18, "fourth": 25}


def _nth_week_of_month(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"the first week of April", "the last week of March 2009": the ISO week holding most of
    those seven days (the one containing the 4th, 11th, ... or the month's last day - 3)."""
    rule = "week-of-month"
    mo = month_number(m["m1"])
    if m["y"]:
        y = int(m["y"])
    elif ctx.dct is None:
        return no_dct(rule)
    elif ctx.future_cue(m.start("x")) or (
            ctx.tense(m.start("x")) is None and (mo - ctx.dct.month) % 12 in (1, 2)):
        # future wording, or a month beginning within two months (as a bare month reads)
        y = ctx.dct.year if mo >= ctx.dct.month else ctx.dct.year + 1
    else:
        y = latest_month(ctx.dct, mo)
    nth = m["n"].lower()
    day = last_day(y, mo) - 3 if nth in ("last", "final") else _NTH_WEEK_DAY[nth]
    return ok(week_value(date(y, mo, day), ctx.dct), rule,
              f"{m['x']!r}: the ISO week holding most of those days", score=0.7)


V4_RULES: tuple[Rule, ...] = (
    Rule("week-of-month", compile_rule(
        r"(?P<x>(?:\bthe\s+)?(?P<n>first|second|third|fourth|last|final)\s+week\s+of\s+"
        + _M1 + r"(?:,?\s+(?P<y>\d{4})(?!\d))?)(?![\w-])"), _nth_week_of_month, ("unit",),
        frozenset(("the", "first", "second", "third", "fourth", "last", "final"))),
    Rule("trading-session", compile_rule(
        r"\b(?:in|during)\s+(?:the\s+)?(?:early\s+|late\s+)?(?P<x>morning|afternoon|evening)"
        r"\s+(?=(?:trading|trade|dealings|session)\b)"), _session_part, ("dayword",),
        frozenset(("in", "during", "the", "early", "late"))),
    Rule("every-n", compile_rule(
        rf"(?P<x>\bevery\s+(?P<n>other|{NUM})\s+(?P<u>second|minute|hour|day|week|month|quarter"
        r"|year)s?)(?![\w-])"), _every_n, ("set",), frozenset(("every",))),
    Rule("part-of-unit", compile_rule(
        r"(?P<x>\bthe\s+(?P<p>end|beginning|start|middle)\s+of\s+(?P<rel>the|this|next|last)"
        r"\s+(?P<u>month|week)"
        r"|\b(?P<p2>earlier|later)\s+in\s+the\s+(?P<u2>month|week))(?![\w-])"),
        _part_of_unit, ("unit",), frozenset(("the", "earlier", "later"))),
    Rule("spoken-clock", compile_rule(
        r"\bat\s+(?:about\s+|around\s+)?(?P<x>(?P<h>\d{1,2})(?P<oc>\s+o['’]clock)?"
        r"(?:\s+(?:in\s+the\s+(?P<pod>morning|afternoon|evening)|at\s+(?P<pod2>night)))?)"
        r"(?![\w:.,-]\d)(?![\w])"), _spoken_clock, ("num",), frozenset(("at", "about", "around"))),
    Rule("month-quarter", compile_rule(
        rf"(?P<x>(?:the\s+)?{_M1}\s*(?:[-–—/]|\s+to\s+)\s*{_M2}\s+(?:fiscal\s+)?(?:quarter|period)"
        r"(?:\s+(?:of\s+)?(?P<y>\d{4})(?!\d))?)(?![\w-])"), _month_span_quarter, ("month",),
        frozenset(["the", "sept", *MONTHS, *(n.lower() for n in MONTH_NAMES)])),
)
