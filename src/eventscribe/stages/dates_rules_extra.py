"""Further date rules (session 2): bare plural durations, "current", list days, prefixed years,
"the Nth day of", "the previous Friday" and holiday weeks.

Each rule follows a TimeML convention that news text uses often: "for years" is a vague
duration (``PXY``), "the current crisis" refers to the present (``PRESENT_REF``), the second day
of "April 24 and 25" is a date of its own, "post-1959" names the year, "today is the eighth day
of the offensive" is the publication day.
"""

from __future__ import annotations

import re
from datetime import timedelta

from eventscribe.stages.dates_calendar import (
    Resolution,
    day_value,
    past_weekday,
    week_value,
    year_value,
)
from eventscribe.stages.dates_lexicon import (
    DAY_SUFFIX,
    MONTH_ANY,
    MONTHS,
    NUMBER_FIRSTS,
    ORDINAL,
    WEEKDAY,
    month_number,
    weekday_number,
)
from eventscribe.stages.dates_rules import (
    Ctx,
    Rule,
    compile_rule,
    impossible,
    no_dct,
    ok,
    safe_date,
)

_BARE_UNIT = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W",
              "month": "M", "year": "Y", "decade": "Y", "centurie": "Y", "quarter": "Q"}


def _bare_duration(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"for years", "within weeks", "over the years", "weeks or months": vague durations."""
    unit = m["u"].lower().removesuffix("s")
    code = _BARE_UNIT[unit]
    tx = f"P{'T' if code.startswith('T') else ''}X{code[-1]}"
    return ok(None, "bare-duration", f"{m['x']!r} is an unspecified stretch of {unit}s ({tx}), "
              "not a date", kind="duration", timex=tx, score=0.5)


def _long_adjective(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"decades-long", "a day-long meeting", "a single-day decline": an adjective naming a
    duration."""
    if m.group("u2"):
        unit = m["u2"].lower()
        code = _BARE_UNIT[unit]
        tx = f"P{'T' if code.startswith('T') else ''}1{code[-1]}"
        return ok(None, "long-adjective", f"{m['x']!r} describes a duration ({tx})",
                  kind="duration", timex=tx, score=0.5)
    unit = m["u"].lower().removesuffix("s")
    unit = "centurie" if unit.startswith("centur") else unit
    code = _BARE_UNIT[unit]
    n = "X" if m["u"].lower().endswith("s") else {"decade": "10", "centurie": "100",
                                                   "century": "100"}.get(unit, "1")
    tx = f"P{'T' if code.startswith('T') else ''}{n}{code[-1]}"
    return ok(None, "long-adjective", f"{m['x']!r} describes a duration ({tx})",
              kind="duration", timex=tx, score=0.5)


def _time_being(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"for the time being": the present (PRESENT_REF)."""
    return ok(None, "time-being", f"{m['x']!r} refers to the present (PRESENT_REF)",
              timex="PRESENT_REF", score=0.4)


def _current(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"the current crisis": the adjective refers to the present (TimeML PRESENT_REF);
    "the then current price" to the past (PAST_REF)."""
    tx = "PAST_REF" if m.group("then") else "PRESENT_REF"
    return ok(None, "current", f"{m['x']!r} refers to the {tx.split('_')[0].lower()} ({tx}), "
              "not a date", timex=tx, score=0.4)


def _near_term(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"in the near term", "at a later date": some time to come (FUTURE_REF)."""
    return ok(None, "near-term", f"{m['x']!r} refers vaguely to the coming time (FUTURE_REF)",
              timex="FUTURE_REF", score=0.4)


def _listed_day(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """The later day of "April 24 and 25" / "May 3, 5 and 7": the month of the first one."""
    rule = "listed-day"
    mo, d = month_number(m["m"]), int(m["d"])
    first = int(m["d0"])
    if not (1 <= d <= 31) or d <= first:
        return None
    if m.groupdict().get("y"):
        y = int(m["y"])
    elif ctx.dct is None:
        return no_dct(rule)
    else:
        from eventscribe.stages.dates_rules_abs import nearest_year

        y = nearest_year(ctx.dct, mo, first)
    dd = safe_date(y, mo, d)
    if dd is None:
        return impossible(rule, m["x"])
    return ok(day_value(dd, ctx.dct), rule, f"day {m['x']!r} listed after {m['m']} {first}: "
              f"same month, {y}")


def _prefixed_year(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"post-1959", "pre-2008": the year named."""
    y = int(m["y"])
    if not 1000 <= y <= 2999:
        return None
    return ok(year_value(y, ctx.dct), "prefixed-year", f"{m['x']!r}: the year {y}", score=0.7)


def _nth_day_today(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"today is the eighth day of the offensive", "it's the second day of", "fell for a third
    straight day": the DCT (news reports the day it is published on)."""
    if ctx.dct is None:
        return no_dct("nth-day-present")
    return ok(day_value(ctx.dct, ctx.dct), "nth-day-present", f"{m['x']!r} in the present tense "
              "('is the Nth day of ...'): the publication day", score=0.6)


def _previous_weekday(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"the previous Friday", "the preceding Monday": the such weekday a week before the most
    recent one (the story is about the most recent one)."""
    rule = "previous-weekday"
    if ctx.dct is None:
        return no_dct(rule)
    recent = past_weekday(ctx.dct, weekday_number(m["wd"]), strictly_before=True)
    d = recent - timedelta(days=7)
    return ok(day_value(d, ctx.dct), rule, f"{m['x']!r}: the {m['wd']} before the most recent "
              f"one ({recent})", score=0.6)


def _holiday_week(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"Easter week", "Christmas week": the ISO week of the nearest such holiday."""
    from eventscribe.stages.dates_rules_more import holiday_date

    rule = "holiday-week"
    if ctx.dct is None:
        return no_dct(rule)
    dct = ctx.dct
    days = [d for d in (holiday_date(m["h"], y) for y in (dct.year - 1, dct.year, dct.year + 1))
            if d is not None]
    if not days:
        return None
    d = min(days, key=lambda x: (x - dct).days * 2 if x > dct else (dct - x).days)
    return ok(week_value(d, dct), rule, f"{m['x']!r}: the week of {m['h']} nearest the "
              f"publication date ({d}; days ahead count double)", score=0.6)


_MONTH_FIRSTS = frozenset(
    [*MONTHS, "sept", *"january february march april june july august september october november "
     "december".split()])
_UNIT_PL = r"(?P<u>seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries)"

EXTRA_RULES: tuple[Rule, ...] = (
    Rule("bare-duration", compile_rule(
        r"\b(?:for|within|in|over|during|after)\s+(?:the\s+)?"
        rf"(?P<x>{_UNIT_PL}(?:\s+(?:or|to)\s+(?:days|weeks|months|years|decades))?)"
        r"(?![\w-])(?!\s+(?:before|after|ago|earlier|later|leading|prior|preceding|following"
        r"|since|of|old)\b)"), _bare_duration, ("unit", "quarter"),
        frozenset("for within in over during after the".split())),
    Rule("long-adjective", compile_rule(
        r"(?P<x>(?<![\w-])(?P<u>hours|days|weeks|months|years|decades|centuries|hour|day|week"
        r"|month|year|decade|century)-long|\bsingle-(?P<u2>hour|day|week|month|year))(?![\w-])"),
        _long_adjective, ("unit",),
        frozenset("hours days weeks months years decades centuries hour day week month year decade "
                  "century single".split())),
    Rule("time-being", compile_rule(r"\bfor\s+(?P<x>the\s+time\s+being)(?![\w-])"), _time_being,
         ("ref",), frozenset(("for",))),
    Rule("current", compile_rule(
        r"(?P<x>\b(?:(?P<then>then)[\s-]+)?(?-i:current|Current))(?=\s+[a-z])(?!\s+(?:account|accounts|affairs|events"
        r"|flows?|densit|year|month|week|quarter|fiscal|period|season|decade|day|and|or"
        r"|[a-z]+ly\b)\w*)"), _current, ("ref",), frozenset(("current", "then"))),
    Rule("near-term", compile_rule(
        r"\b(?:in|for|over|of|at|on|until)\s+(?P<x>the\s+(?:near|short|long)[\s-]+term"
        r"|a\s+(?:later|future)\s+date)(?![\w-])(?!\s+[a-z]+(?<!and)(?<!but)(?<!or)(?<!as)\b)"),
        _near_term,
        ("ref",), frozenset(("in", "for", "over", "of", "at", "on", "until"))),
    Rule("listed-day", compile_rule(
        rf"(?P<m>{MONTH_ANY})\s+(?P<d0>\d{{1,2}}){DAY_SUFFIX}(?:\s*,\s*\d{{1,2}}{DAY_SUFFIX})*"
        rf"\s*,?\s+(?:and|or|&)\s+(?P<x>(?P<d>\d{{1,2}}){DAY_SUFFIX})(?![\d:%])"
        r"(?!\s+(?:percent|per|people|of|killed|dead|others|more|million|billion)\b)"
        r"(?:,?\s+(?P<y>\d{4})(?!\d))?"), _listed_day, ("month",), _MONTH_FIRSTS),
    Rule("prefixed-year", compile_rule(
        r"(?P<x>\b(?:post|pre)-(?P<y>\d{4}))(?![\w%-])"), _prefixed_year, ("num",),
        frozenset(("post", "pre"))),
    Rule("nth-day-present", compile_rule(
        r"(?:(?<=\bis\s)|(?<=['’]s\s))(?P<x>(?:the\s+)?" + ORDINAL
        + r"(?:\s+(?:straight|consecutive|successive|full))?(?:\s+trading)?\s+day)"
        r"\s+(?:of|since|in)\b"),
        _nth_day_today, ("unit",), NUMBER_FIRSTS | frozenset(("the",))),
    Rule("nth-day-present", compile_rule(
        r"(?<=\bfor\s)(?P<x>(?:the|a)\s+" + ORDINAL
        + r"\s+(?:straight|consecutive|successive)\s+(?:trading\s+)?day)(?![\w-])"),
        _nth_day_today, ("unit",), frozenset(("the", "a"))),
    Rule("previous-weekday", compile_rule(
        rf"(?P<x>\bthe\s+(?:previous|preceding)\s+(?P<wd>{WEEKDAY}))(?![\w-])"),
        _previous_weekday, ("weekday",), frozenset(("the",))),
    Rule("holiday-week", compile_rule(
        r"(?P<x>(?-i:(?P<h>Easter|Christmas|Thanksgiving))\s+week)(?![\w-])"), _holiday_week,
        ("holiday",), frozenset(("easter", "christmas", "thanksgiving"))),
)
