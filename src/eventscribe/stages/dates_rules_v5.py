"""Date rules added in session 3 (v5): days of the month written as ordinals.

News writes a day as an ordinal word after or before its month ("March eighth", "the
twenty-first of May", "June thirtieth, 2014", "March the 8th"), and, once the month is known
from the context, as a bare ordinal after a preposition ("on the 14th", "by the 3rd"). TimeML
gives each the calendar day (``2013-03-14``). A bare ordinal takes the month named last in the
preceding 300 characters ("began on March 3 and peaked on the 14th"); with none, the occurrence
of that day nearest the publication date in the publication month or the two months before or
after it (days ahead count double; past wording: not after the DCT; future wording: not before it).
"The first of the month", "the 20th of last month" name the month outright. Numeric dates
written year first ("2013/03/12") or the European way with dots ("12.03.2013") are read too.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventscribe.model import DateValue
from eventscribe.stages.dates_calendar import MONTH_NAMES, Resolution, add_months, day_value
from eventscribe.stages.dates_lexicon import (
    DAY_ORDINAL_WORD,
    MONTH_ANY,
    MONTHS,
    NUM,
    NUMBER_FIRSTS,
    ORDINAL_WORDS,
    WEEKDAY,
    WEEKDAYS,
    month_number,
    number_value,
    ordinal_value,
)
from eventscribe.stages.dates_rules import (
    Ctx,
    Rule,
    anniversary_base_year,
    compile_rule,
    impossible,
    no_dct,
    ok,
    safe_date,
    year_later_in_sentence,
)
from eventscribe.stages.dates_rules_abs import yearless_year

_M1 = MONTH_ANY.replace("(?-i:", "(?P<m1>(?-i:", 1) + ")"
_YEAR = r"(?P<y>\d{4})(?!\d)"
_WD = rf"(?:(?:(?:this\s+coming|this\s+past|next|last|this)\s+)?{WEEKDAY},?\s+)?"
_DIGIT_ORD = r"(?<![\d.,$])(?P<dn>\d{1,2})(?:st|nd|rd|th)"
_NEXT_FREE = (
    r"(?![\w-])(?=\s*(?:[,.;:!?)\"'”’]|$)|\s+(?:and|or|at|in|on|when|as|after|before|from"
    r"|until|till|to|with|by|for|but|while|during|because|amid|since|he|she|they|it|we|there"
    r"|the)\b)"
)
"""After a day ordinal: punctuation or a function word, never a noun ("the 14th floor", "the
third round", "March first-quarter")."""
_MONTH_BEFORE = re.compile(MONTH_ANY)
_YEAR_AFTER_MONTH = re.compile(r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+(?P<y>\d{4})(?!\d)")
_REL_MONTH = {"the": 0, "this": 0, "the current": 0, "next": 1, "the next": 1, "the following": 1,
              "last": -1, "the last": -1, "the previous": -1, "the preceding": -1}


def _day_in_month(ctx: Ctx, rule: str, mo: int, d: int, year: int | None, how: str,
                  start: int, end: int, text: str) -> Resolution:
    """Day ``d`` of month ``mo``: in ``year`` when known, else the yearless-date policy."""
    if year is not None:
        dd = safe_date(year, mo, d)
        if dd is None:
            return impossible(rule, f"{MONTH_NAMES[mo - 1]} {year} has no day {d}")
        return ok(day_value(dd, ctx.dct), rule, f"date {text!r} ({how})")
    if ctx.dct is None:
        return no_dct(rule)
    if safe_date(2000, mo, d) is None:
        return impossible(rule, f"{MONTH_NAMES[mo - 1]} has no day {d}")
    y, how = yearless_year(ctx, mo, d, start, end)
    dd = safe_date(y, mo, d)
    if dd is None:
        return impossible(rule, f"{MONTH_NAMES[mo - 1]} {y} has no day {d}")
    return ok(day_value(dd, ctx.dct), rule, f"date {text!r} without a year: {how}", score=0.8)


def _ordinal_day(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"March eighth", "the twenty-first of May", "March the 8th", "June thirtieth, 2014"."""
    rule = "ordinal-day"
    word = m.groupdict().get("dw")
    d = ordinal_value(word) if word else int(m["dn"])
    if d is None or not 1 <= d <= 31:
        return None
    mo = month_number(m["m1"])
    y: int | None = int(m["y"]) if m.groupdict().get("y") else None
    how = "year stated"
    if y is None and (later := year_later_in_sentence(ctx, m.end())) is not None:
        y, how = later, f"year {later} stated later in the sentence"
    if y is None and (anniv := anniversary_base_year(ctx, m.start("x"))) is not None:
        y, how = anniv[0], f"year of the base event of the {anniv[1]}"
    return _day_in_month(ctx, rule, mo, d, y, how, m.start("x"), m.end("x"), m["x"])


def nearest_month_of_day(dct: date, d: int, tense: str | None) -> date | None:
    """Day ``d`` in a month around the DCT's, nearest the DCT (days ahead count double);
    "past" keeps days up to the DCT, "future" days from it on."""
    best: tuple[int, date] | None = None
    for k in (-2, -1, 0, 1, 2):  # two months each way: a 30th or 31st may skip February
        y, mo = add_months(dct.year, dct.month, k)
        if not 1 <= y <= 9999:
            continue
        dd = safe_date(y, mo, d)
        if dd is None or (tense == "past" and dd > dct) or (tense == "future" and dd < dct):
            continue
        gap = abs((dd - dct).days) * (2 if dd > dct else 1)
        if best is None or gap < best[0]:
            best = (gap, dd)
    return None if best is None else best[1]


def _bare_ordinal(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"on the 14th": the month named last before it, else the nearest such day."""
    rule = "bare-ordinal-day"
    d = int(m["dn"])
    if not 1 <= d <= 31:
        return None
    start, end = m.start("x"), m.end("x")
    named = None
    for found in _MONTH_BEFORE.finditer(ctx.text, max(0, start - 300), start):
        named = found  # the last month named before the ordinal
    if named is not None:
        mo = month_number(named.group())
        with_year = _YEAR_AFTER_MONTH.match(ctx.text, named.end(), start)
        y = int(with_year["y"]) if with_year else year_later_in_sentence(ctx, end)
        how = ("year stated with that month" if with_year else
               f"year {y} stated later in the sentence" if y is not None else "")
        res = _day_in_month(ctx, rule, mo, d, y, how, start, end, m["x"])
        return ok(res.value, rule, f"{res.reason}; the month is {named.group()!r}, named just "
                  "before", score=min(res.score, 0.7)) if res.value is not None else res
    if ctx.dct is None:
        return no_dct(rule)
    tense = ctx.tense(start, end)
    future = ctx.future_cue(start, tense)
    dd = nearest_month_of_day(ctx.dct, d, "future" if future else tense)
    if dd is None:
        return impossible(rule, f"no month around the publication date has a day {d}")
    return ok(day_value(dd, ctx.dct), rule,
              f"{m['x']!r} names a day without its month: the day {d} nearest the publication "
              f"date ({'future' if future else tense or 'no'} tense cue)", score=0.6)


def _ordinal_of_month(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"the first of the month", "the 20th of last month", "the 15th of next month"."""
    rule = "ordinal-of-month"
    word = m.groupdict().get("dw")
    d = ordinal_value(word) if word else int(m["dn"])
    if d is None or not 1 <= d <= 31:
        return None
    if ctx.dct is None:
        return no_dct(rule)
    shift = _REL_MONTH[re.sub(r"\s+", " ", m["rel"].lower())]
    y, mo = add_months(ctx.dct.year, ctx.dct.month, shift)
    dd = safe_date(y, mo, d)
    if dd is None:
        return impossible(rule, f"{MONTH_NAMES[mo - 1]} {y} has no day {d}")
    return ok(day_value(dd, ctx.dct), rule,
              f"{m['x']!r}: day {d} of the month {shift:+d} from the publication month")


def _numeric_date(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"7/8/07", "12/25/2019" (US month/day), "25/12/2019" (day/month when the first is > 12).

    When both orders are possible ("10/8/2012"), the US order is kept unless it puts the date
    after the publication date while the day/month order does not: a report dated 11 August
    2012 that says "killed on 10/8/2012" means 10 August (most of the world writes the day
    first). The reason names the order used.
    """
    a, b, c = int(m["a"]), int(m["b"]), m["c"]
    mo, d = (a, b) if a <= 12 else (b, a)
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    y = int(c)
    if len(c) == 2:
        base = ctx.dct.year if ctx.dct is not None else 2000
        y = base // 100 * 100 + y
        if y > base + 1:
            y -= 100
    dd = safe_date(y, mo, d)
    order = "month/day" if a <= 12 else "day/month"
    if a <= 12 and b <= 12 and a != b and ctx.dct is not None:
        day_first = safe_date(y, b, a)
        if (day_first is not None and day_first <= ctx.dct
                and (dd is None or dd > ctx.dct + timedelta(days=1))):
            dd = day_first
            order = ("day/month: the month/day reading would fall after the publication "
                     "date")
    if dd is None:
        return impossible("numeric-date", f"{m['x']} does not exist")
    return ok(day_value(dd, ctx.dct), "numeric-date", f"numeric date {m['x']!r} read as {order}",
              score=0.6)


def _numeric_ymd_dmy(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"2013/03/12" (year first: year/month/day) and "12.03.2013" (dots: the European
    day.month.year; month first only when the second number is > 12). Dashes stay unread:
    "03-12-2013" is March 12 in the US and 3 December in Europe."""
    rule = "numeric-date"
    if m.groupdict().get("y1"):
        y, mo, d, order = int(m["y1"]), int(m["m"]), int(m["d"]), "year/month/day"
    else:
        y, a, b = int(m["y2"]), int(m["a"]), int(m["b"])
        d, mo, order = (a, b, "day.month.year") if b <= 12 else (b, a, "month.day.year")
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2099):
        return None
    dd = safe_date(y, mo, d)
    if dd is None:
        return impossible(rule, f"{m['x']} does not exist")
    return ok(day_value(dd, ctx.dct), rule, f"numeric date {m['x']!r} read as {order}",
              score=0.6)


def _fortnight(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"a fortnight ago" (the day 14 days back, precision week as "two weeks ago"), "the past
    fortnight", "within a fortnight" (a duration of two weeks, ``P2W``)."""
    rule = "fortnight"
    n = number_value(m["n"]) if m["n"] else 1
    if n is None:
        return None
    if not m["dir"]:
        return ok(None, rule, f"{m['x']!r}: a fortnight is two weeks", kind="duration",
                  timex=f"P{2 * n}W", score=0.7)
    if ctx.dct is None:
        return no_dct(rule)
    back = m["dir"].lower() in ("ago", "earlier")
    d = ctx.dct + timedelta(weeks=(-2 if back else 2) * n)
    end = d + timedelta(days=3)
    value = DateValue(d - timedelta(days=3), min(end, ctx.dct) if back else end, "week",
                      ctx.dct, d.isoformat())
    return ok(value, rule, f"{m['x']!r}: {2 * n} weeks from the publication date")


_HOURS = {w: i for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve".split(), start=1)}
_MINUTES = {"half": 30, "quarter": 15, "a quarter": 15, "five": 5, "ten": 10, "twenty": 20,
            "twenty-five": 25, "twenty five": 25}


def _past_to_clock(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"at half past three", "by a quarter to five", "at ten past nine in the morning": a
    clock time on the last day named before (the sentence or 400 characters back), else on the
    publication day; the hour is read as written unless a part of the day says p.m."""
    rule = "clock-time"
    hw, fw = m["h"].lower(), re.sub(r"\s+", " ", m["fr"].lower())
    h = int(hw) if hw.isdigit() else _HOURS.get(hw, 0)
    mins = int(fw) if fw.isdigit() else _MINUTES.get(fw)
    if not 1 <= h <= 12 or mins is None or not 0 < mins < 60:
        return None
    if m["rel"].lower() == "to":
        h, mins = h - 1 or 12, 60 - mins
    pod = (m["pod"] or m["pod2"] or "").lower()
    if (pod == "night" and h >= 6) or pod in ("afternoon", "evening"):
        h = h % 12 + 12
    elif pod in ("morning", "night"):
        h = h % 12
    if ctx.dct is None:
        return no_dct(rule, "time")
    from eventscribe.stages.dates_rules_more import _last_day_before

    day, how = ctx.dct, "the publication date (assumed)"
    if ctx.anaphora:
        ante = _last_day_before(ctx, m.start("x"), 400)
        if ante is not None and ante[2].value is not None:
            day, how = ante[2].value.start, f"{ctx.text[ante[0]:ante[1]]!r}, the day named before"
    return ok(day_value(day, ctx.dct, f"T{h:02d}:{mins:02d}"), rule, f"time {m['x']!r} on {how}",
              kind="time", score=0.6)


_MONTH_FIRSTS = frozenset(("sept", *MONTHS, *(n.lower() for n in MONTH_NAMES)))
_CUES = frozenset("on by until till since from before after through of".split())
_ORD_FIRSTS = frozenset(("the", "twenty", "thirty", *ORDINAL_WORDS))
_WD_FIRSTS = frozenset((*WEEKDAYS, "this", "next", "last"))

_HOUR_ALT = "|".join(_HOURS)

V5_RULES: tuple[Rule, ...] = (
    Rule("numeric-date", compile_rule(
        r"(?P<x>(?<![\d/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<c>\d{4}|\d{2})(?![\d/]))"),
        _numeric_date, ("num",)),  # moved here from dates_rules_more (v2)
    Rule("fortnight", compile_rule(
        rf"(?P<x>(?:(?:the\s+)?(?:past|last|next|coming|previous|following)\s+|(?P<n>{NUM})\s+)?"
        r"fortnights?(?:\s+(?P<dir>ago|earlier|from\s+now|hence))?)(?![\w-])"), _fortnight,
        ("fortnight",), NUMBER_FIRSTS | frozenset(
            "the past last next coming previous following fortnight fortnights".split())),
    Rule("clock-time", compile_rule(
        r"\b(?:at|by|until|till|before|after|from|to|around|about|shortly|just)\s+"
        r"(?:about\s+|around\s+)?(?P<x>(?P<fr>half|(?:a\s+)?quarter|\d{1,2}|five|ten|twenty"
        rf"(?:[\s-]five)?)(?:\s+minutes)?\s+(?P<rel>past|to|after)\s+(?P<h>\d{{1,2}}|{_HOUR_ALT})"
        r"(?:\s+o['’]clock)?(?:\s+in\s+the\s+(?P<pod>morning|afternoon|evening)|\s+at\s+"
        r"(?P<pod2>night))?)(?![\w:.,-]\d)(?![\w-])(?!\s*(?:%|(?:million|billion|thousand"
        r"|hundred|percent|per\s*cent|points?|times|fold|out\s+of)\b))"), _past_to_clock,
        ("ref", "quarter"),
        frozenset("at by until till before after from to around about shortly just".split())),
    Rule("numeric-date", compile_rule(
        r"(?P<x>(?<![\w/.,-])(?:(?P<y1>(?:19|20)\d\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2})"
        r"|(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y2>(?:19|20)\d\d))(?![\w/-]|[.,]\d))"),
        _numeric_ymd_dmy, ("num",), frozenset(("#num",))),
    Rule("ordinal-day", compile_rule(
        rf"(?P<x>{_WD}{_M1}\s+(?:(?:the\s+)?(?P<dw>{DAY_ORDINAL_WORD})|the\s+{_DIGIT_ORD})"
        rf"(?:,?\s+{_YEAR})?){_NEXT_FREE}"), _ordinal_day, ("month",), _MONTH_FIRSTS | _WD_FIRSTS),
    Rule("ordinal-day", compile_rule(
        rf"(?P<x>{_WD}(?:the\s+)?(?P<dw>{DAY_ORDINAL_WORD})\s+of\s+{_M1}(?:,?\s+{_YEAR})?)"
        r"(?![\w-])"), _ordinal_day, ("month",), _ORD_FIRSTS | _WD_FIRSTS),
    Rule("bare-ordinal-day", compile_rule(
        r"\b(?:on|by|until|till|since|from|before|after|through|of)\s+"
        rf"(?P<x>the\s+{_DIGIT_ORD}){_NEXT_FREE}"), _bare_ordinal, ("ordnum",), _CUES),
    Rule("ordinal-of-month", compile_rule(
        rf"(?P<x>the\s+(?:(?P<dw>{DAY_ORDINAL_WORD})|{_DIGIT_ORD})\s+of\s+(?P<rel>the\s+current"
        r"|the\s+(?:next|following|last|previous|preceding)|the|this|next|last)\s+month)"
        r"(?![\w-])"), _ordinal_of_month, ("unit",), frozenset(("the",))),
)
