"""More date rules: reporting periods, "the year", spoken years, centuries and holidays.

Business news states the quarter it reports on once ("third-quarter profit") and then refers
back to it ("the latest period", "the year-ago quarter", "a year earlier"); these rules resolve
such references against the last quarter named earlier in the document (see
:meth:`Ctx.reporting_quarter`), or the last completed quarter when none was named.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventscribe.model import DateValue
from eventscribe.stages.dates_calendar import (
    Resolution,
    day_value,
    month_value,
    quarter_of,
    quarter_value,
    season_value,
    year_value,
)
from eventscribe.stages.dates_lexicon import MONTH_ANY, NUMBER_FIRSTS, month_number
from eventscribe.stages.dates_rules import Ctx, Rule, compile_rule, no_dct, ok

_YEAR_SCOPE = re.compile(r"\b(?:nine|six)\s+months\b|\bfirst\s+half\b|\bfull[\s-]+year\b"
                         r"|\bfor\s+the\s+year\b|\bnine-month\b|\bannual\b", re.IGNORECASE)
_RESULTS = re.compile(r"\b(?:net|profit|earnings|loss|revenue|sales|income|earned|a\s+share"
                      r"|cents|dividend|operating)\b", re.IGNORECASE)


def _quarter_in_focus(ctx: Ctx, pos: int) -> tuple[int, int, str] | None:
    """(year, quarter, how) of the period the text reports on, or None without a DCT."""
    if ctx.dct is None:
        return None
    rq = ctx.reporting_quarter(pos)
    if rq is not None:
        return rq[0], rq[1], "the quarter named earlier in the document"
    idx = ctx.dct.year * 4 + quarter_of(ctx.dct) - 2
    return idx // 4, idx % 4 + 1, "the last completed quarter before the publication date"


_MONTH_BEFORE = re.compile(r"\bin\s+(" + MONTH_ANY + r")(?!\s*\d)")


def _year_ago(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"the year-ago quarter", "year-earlier results", "the quarter a year ago"."""
    rule = "year-ago-period"
    if ctx.dct is None:
        return no_dct(rule)
    g = m.groupdict()
    sentence = ctx.sentence()
    if g.get("q"):
        q = {"first": 1, "second": 2, "third": 3, "fourth": 4}[g["q"].lower()]
        rq = ctx.reporting_quarter(m.start("x"))
        y = (rq[0] if rq is not None and rq[1] == q else
             (ctx.dct.year if 3 * (q - 1) + 1 <= ctx.dct.month else ctx.dct.year - 1)) - 1
        return ok(quarter_value(y, q, ctx.dct), rule, f"{m['x']!r}: quarter {q} a year before "
                  "the one reported on", score=0.7)
    named = _MONTH_BEFORE.findall(ctx.text[ctx.sent_start : m.start("x")])
    unit = (g.get("u") or g.get("u2") or "").lower()
    if named and unit in ("month", "period", ""):
        mo = month_number(named[-1])
        from eventscribe.stages.dates_calendar import latest_month

        y = latest_month(ctx.dct, mo) - 1
        return ok(month_value(y, mo, ctx.dct), rule, f"{m['x']!r}: {named[-1]} a year before "
                  "(the month the sentence reports on)", score=0.6)
    if _YEAR_SCOPE.search(sentence) and not unit.startswith("quarter"):
        return ok(year_value(ctx.dct.year - 1, ctx.dct), rule,
                  f"{m['x']!r}: the year before the publication year (a year-long period is "
                  "compared)", score=0.6)
    focus = _quarter_in_focus(ctx, m.start("x"))
    assert focus is not None
    y, q, how = focus
    return ok(quarter_value(y - 1, q, ctx.dct), rule,
              f"{m['x']!r}: a year before {how} ({y}-Q{q})", score=0.6)


def _latest_period(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"the latest period", "the 1988 period", "the latest quarter", "that quarter"."""
    rule = "reporting-period"
    if ctx.dct is None:
        return no_dct(rule)
    g = m.groupdict()
    if re.fullmatch(r"(?:the|that)\s+period", m["x"], re.IGNORECASE) and (
            _PERIOD_DESCRIBED.match(ctx.after(m.end("x"), 20)) or (
            ctx.reporting_quarter(m.start("x")) is None
            and not _RESULTS.search(ctx.sentence()))):
        return None  # "the period from January to June", "in the period since the coup"
    if (g.get("u") or "").lower() == "period" and _YEAR_SCOPE.search(ctx.sentence()):
        if g.get("y"):
            return ok(year_value(int(g["y"]), ctx.dct), rule,
                      f"{m['x']!r}: the year-long period of {g['y']}", score=0.6)
        return None
    focus = _quarter_in_focus(ctx, m.start("x"))
    assert focus is not None
    y, q, how = focus
    if g.get("y"):
        y = int(g["y"])
    elif "latest" in m["x"].lower() and y * 4 + q - 1 >= ctx.dct.year * 4 + quarter_of(ctx.dct) - 1:
        # "the latest quarter" has ended: not the one in progress
        idx = y * 4 + q - 2
        y, q, how = idx // 4, idx % 4 + 1, "the last completed quarter before the publication date"
    return ok(quarter_value(y, q, ctx.dct), rule, f"{m['x']!r}: {how}", score=0.6)


def _two_quarters(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"the first two quarters of 1990" -> the first half."""
    from eventscribe.stages.dates_calendar import half_value

    h = 1 if m["h"].lower() == "first" else 2
    return ok(half_value(int(m["y"]), h, ctx.dct), "two-quarters", f"half-year {m['x']!r}")


def quarter_year_ago(ctx: Ctx, pos: int) -> tuple[int, int, str] | None:
    """For "a year earlier" in a results sentence: the reported quarter a year before."""
    if ctx.dct is None:
        return None
    sentence = ctx.sentence()
    if _YEAR_SCOPE.search(sentence) or not _RESULTS.search(sentence):
        return None
    rq = ctx.reporting_quarter(pos)
    if rq is None:
        return None
    return rq[0] - 1, rq[1], "the quarter named earlier in the document"


_PERIOD_DESCRIBED = re.compile(r"\s+(?:from|between|since|before|after|when|in\s+which"
                               r"|during|covered|under)\b", re.IGNORECASE)
"""After "the period": the words that say which period it is (so it is no reporting quarter)."""
_YEAR_MENTION = re.compile(r"(?<![\w$.,-])(1[6-9]\d\d|20\d\d)(?![\w%]|[.,]\d)")


def _the_year(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"the year", "the full year", "this fiscal year", "the financial year" (British),
    "year-end", "earlier in the year"."""
    rule = "the-year"
    g = m.groupdict()
    if not g.get("end") and re.match(r"\s+end(?:ed|ing)\b", ctx.after(m.end("x"), 12)):
        # "the year ended Sept. 30": a (fiscal) year-long period, named by its end
        return ok(None, "duration", f"{m['x']!r} is a year-long period (P1Y)", kind="duration",
                  timex="P1Y", score=0.6)
    if ctx.dct is None:
        return no_dct(rule)
    y = ctx.dct.year
    how = "the publication year"
    stated = [int(x.group(1)) for x in _YEAR_MENTION.finditer(ctx.text, ctx.sent_start,
                                                              m.start("x"))]
    if stated and not g.get("latest") and not g.get("end") and re.fullmatch(
            r"the\s+(?:(?:full|entire|whole)\s+)?year", m["x"].lower()):
        y, how = stated[-1], f"the year {stated[-1]} named earlier in the sentence"
    elif g.get("latest"):
        y -= 1
        how = "the last completed year before the publication date"
    value = year_value(y, ctx.dct)
    if g.get("end") and re.match(r"the\s+(?:start|beginning)", g["end"].lower()):
        if re.search(r"\bsince\s+$", ctx.before(m.start("x"), 8)):
            value = day_value(date(y, 1, 1), ctx.dct)
            how += " (its first day: since ...)"
        else:
            value = year_value(y, ctx.dct, "early")
            how += " (its early part)"
    elif g.get("end") and "end of" in g["end"].lower():
        value = DateValue(date(y, 12, 1), date(y, 12, 31), "year", ctx.dct, str(y))
        how += " (its end)"
    elif g.get("end"):
        if re.search(r"\bsince\s+$", ctx.before(m.start("x"), 8)) and ctx.dct.month < 12:
            y -= 1
            how = "the end of the year before publication (since ...)"
        else:
            how += " (its last day)"
        value = day_value(date(y, 12, 31), ctx.dct)
    return ok(value, rule, f"{m['x']!r}: {how}", score=0.6)



_REL_YEAR_MENTION = re.compile(r"\b(last|this|next)\s+year\b(?!['’]s\b)", re.IGNORECASE)


def _anaphoric_year(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"that year", "later that year", "the following year", "the previous year"."""
    rule = "anaphoric-year"
    words = re.sub(r"\s+", " ", m["x"].lower())
    shift = 1 if ("following" in words or "later" in words.split()[1:2] or
                  words.startswith("a year later")) and "that" not in words else 0
    if "previous" in words or "before" in words or "prior" in words:
        shift = -1
    last = None
    for ym in _YEAR_MENTION.finditer(ctx.text, max(0, m.start("x") - 1500), m.start("x")):
        last = ym
    rel = None
    if ctx.dct is not None:
        for rm in _REL_YEAR_MENTION.finditer(ctx.text, max(0, m.start("x") - 300), m.start("x")):
            rel = rm
    if rel is not None and ctx.dct is not None and (last is None or rel.start() > last.start()):
        # "costs fell last year, $19.8 billion more than the year previous": last year's before
        base = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[rel.group(1).lower()]
        return ok(year_value(base + shift, ctx.dct), rule, f"{m['x']!r}: relative to "
                  f"{rel.group(0)!r} ({base}), the last year named before it", score=0.5)
    if last is None:
        if ctx.dct is None or shift == 0:
            return None
        return ok(year_value(ctx.dct.year + shift, ctx.dct), rule,
                  f"{m['x']!r}: no year named before, so relative to the publication year",
                  score=0.4)
    y = int(last.group(1)) + shift
    return ok(year_value(y, ctx.dct), rule, f"{m['x']!r}: relative to {last.group(1)}, the last "
              "year named before it", score=0.6)


_MONTH_MENTION = re.compile(MONTH_ANY + r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+(\d{4}))?")


def _anaphoric_month(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"the following month", "that month", "the previous month": from the last month named."""
    rule = "anaphoric-month"
    words = m["x"].lower()
    shift = 1 if ("following" in words or "next" in words) else -1 if (
        "previous" in words or "prior" in words or "before" in words) else 0
    last = None
    for mm in _MONTH_MENTION.finditer(ctx.text, max(0, m.start("x") - 1500), m.start("x")):
        last = mm
    if last is None or ctx.dct is None:
        return None
    from eventscribe.stages.dates_calendar import add_months, latest_month

    mo = month_number(last.group(0).split()[0])
    y = int(last.group(1)) if last.group(1) else latest_month(ctx.dct, mo)
    y, mo = add_months(y, mo, shift)
    return ok(month_value(y, mo, ctx.dct), rule, f"{m['x']!r}: relative to "
              f"{last.group(0)!r}, the last month named before it", score=0.5)


_DAY_SHIFT = {"next": 1, "following": 1, "after": 1, "before": -1, "previous": -1, "prior": -1}


def _last_day_before(ctx: Ctx, pos: int, back: int) -> tuple[int, int, Resolution] | None:
    """The last expression of day precision before ``pos``: in its sentence, else up to
    ``back`` characters before the sentence (anaphoric rules stay silent while looking)."""
    from eventscribe.stages.dates_engine import find_expressions

    def days(lo: int, hi: int) -> list[tuple[int, int, Resolution]]:
        return [f for f in find_expressions(ctx.text, ctx.dct, ((lo, hi),), anaphora=False)
                if f[2].value is not None and f[2].value.precision == "day"
                and f[2].kind in ("date", "time")]

    pool = days(ctx.sent_start, pos)
    lo = max(0, pos - back)
    if not pool and ctx.sent_start > lo:
        pool = days(lo, ctx.sent_start)
    return pool[-1] if pool else None


def _anaphoric_day(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"that day", "earlier that day", "the next day", "the day before", "the next morning"."""
    rule = "anaphoric-day"
    if not ctx.anaphora:
        return None
    from eventscribe.stages.dates_engine import find_expressions

    lo = max(0, m.start("x") - 800)
    before = [f for f in find_expressions(ctx.text, ctx.dct, ((lo, ctx.sent_start),),
                                          anaphora=False)
              if f[2].value is not None and f[2].value.precision == "day"
              and f[2].kind in ("date", "time")] if ctx.sent_start > lo else []
    inside = [f for f in find_expressions(ctx.text, ctx.dct, ((ctx.sent_start, m.start("x")),),
                                          anaphora=False)
              if f[2].value is not None and f[2].value.precision == "day"
              and f[2].kind in ("date", "time")]
    pool = inside or before
    words = m["x"].lower().split()
    shift = next((_DAY_SHIFT[w] for w in words if w in _DAY_SHIFT), 0)
    pod = next((p for p in ("morning", "afternoon", "evening", "night") if p in words), None)
    suffix = "T" + _POD_CODE[pod] if pod else ""
    if not pool:
        if ctx.dct is None or not shift:
            return None  # "that day" with no day named before: some event's day, unknown
        # "The previous day, ..." with no day named: counted from the reference time, the DCT
        return ok(day_value(ctx.dct + timedelta(days=shift), ctx.dct, suffix), rule,
                  f"{m['x']!r}: {shift:+d} day(s) from the publication date (no day is named "
                  "before it)", kind="time" if pod else "date", score=0.3)
    s, e, ante = pool[-1]
    assert ante.value is not None
    d = ante.value.start + timedelta(days=shift)
    return ok(day_value(d, ctx.dct, suffix), rule, f"{m['x']!r}: {shift:+d} day(s) from "
              f"{ctx.text[s:e]!r}, the last day named before it", kind="time" if pod else "date",
              score=0.5)


_SPOKEN_UNITS = {w: i + 1 for i, w in enumerate(
    "one two three four five six seven eight nine".split())}
_SPOKEN_TEENS = {w: i + 10 for i, w in enumerate(
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_SPOKEN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                "seventy": 70, "eighty": 80, "ninety": 90}


def _spoken_two(tens: str, unit: str | None) -> int | None:
    t = tens.lower()
    if t in _SPOKEN_TEENS:
        return _SPOKEN_TEENS[t] if unit is None else None
    if t not in _SPOKEN_TENS:
        return None
    return _SPOKEN_TENS[t] + (_SPOKEN_UNITS[unit.lower()] if unit else 0)


def _spoken_year(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"nineteen ninety-six", "the year two thousand", "January nineteen ninety-seven"."""
    rule = "spoken-year"
    g = m.groupdict()
    if g.get("tt"):
        y = 2000 + (_SPOKEN_UNITS.get((g.get("u2") or "").lower(), 0))
    else:
        cent = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}[g["c"].lower()]
        rest = _spoken_two(g["tens"], g.get("u"))
        if rest is None:
            return None
        y = cent + rest
    if g.get("m1"):
        return ok(month_value(y, month_number(g["m1"]), ctx.dct), rule,
                  f"month with a spoken year {m['x']!r}")
    return ok(year_value(y, ctx.dct), rule, f"spoken year {m['x']!r}", score=0.8)


def _season_spoken_year(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"the winter of nineteen ninety-four": a season of a spoken year."""
    cent = {"eighteen": 1800, "nineteen": 1900}[m["c"].lower()]
    rest = _spoken_two(m["tens"], m.group("u"))
    if rest is None:
        return None
    name = m["s"].lower()
    return ok(season_value(cent + rest, name, ctx.dct), "spoken-year",
              f"season {m['x']!r} of a spoken year", score=0.8)


def _century(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"the 20th century" -> 1900..1999, value "19"."""
    from eventscribe.stages.dates_lexicon import ordinal_value

    n = ordinal_value(m["o"])
    if n is None or not 1 <= n <= 22:
        return None
    first = (n - 1) * 100
    if first < 1:
        return None
    value = DateValue(date(first, 1, 1), date(first + 99, 12, 31), "decade", ctx.dct,
                      f"{n - 1:02d}")
    return ok(value, "century", f"century {m['x']!r}", score=0.8)


def _easter(y: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * m + 114, 31)
    return date(y, month, day + 1)


def _nth_weekday(y: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (0=Monday) of a month; n=-1 for the last."""
    if n > 0:
        first = date(y, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(y + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def holiday_date(name: str, y: int) -> date | None:
    """The day of a named holiday in year ``y`` (US conventions for the moveable ones)."""
    n = re.sub(r"[\s'’]+", " ", name.lower()).strip()
    n = n.removesuffix(" day").removesuffix(" eve").strip()
    fixed = {"christmas": (12, 25), "new year s": (1, 1), "new years": (1, 1),
             "independence": (7, 4), "halloween": (10, 31), "valentine s": (2, 14),
             "valentines": (2, 14), "veterans": (11, 11)}
    if n in fixed:
        return date(y, *fixed[n])
    if n == "thanksgiving":
        return _nth_weekday(y, 11, 3, 4)
    if n == "easter" or n == "easter sunday":
        return _easter(y)
    if n == "good friday":
        return _easter(y) - timedelta(days=2)
    if n == "easter monday":
        return _easter(y) + timedelta(days=1)
    if n in ("labor", "labour"):
        return _nth_weekday(y, 9, 0, 1)
    if n == "memorial":
        return _nth_weekday(y, 5, 0, -1)
    if n == "election":
        return _nth_weekday(y, 11, 0, 1) + timedelta(days=1)
    return None


def _holiday(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    rule = "holiday"
    name = m["h"]
    eve = m["x"].lower().rstrip().endswith("eve")
    shift = -1 if eve else 0
    if m.groupdict().get("y"):
        y = int(m["y"])
        d = holiday_date(name, y)
        if d is None:
            return None
        return ok(day_value(d + timedelta(days=shift), ctx.dct), rule, f"holiday {m['x']!r}")
    if ctx.dct is None:
        return no_dct(rule)
    dct = ctx.dct
    rel = (m.groupdict().get("rel") or "").lower()
    cands = [holiday_date(name, y) for y in (dct.year - 1, dct.year, dct.year + 1)]
    days = [d + timedelta(days=shift) for d in cands if d is not None]
    if not days:
        return None
    tense = ctx.tense(m.start("x")) if not rel else None
    future = rel in ("next", "this coming") or (not rel and ctx.future_cue(m.start("x"), tense))
    if not rel and tense == "past":
        rel = "past"  # "the fireworks were on Independence Day": the last one, not the coming
    if future:
        d = min(x for x in days if x >= dct)
        how = "the next one on or after the publication date"
    elif rel:
        d = max(x for x in days if (x < dct if rel == "last" else x <= dct))
        how = "the most recent one not after the publication date" + (
            " (past wording)" if rel == "past" else "")
    else:
        d = min(days, key=lambda x: (x - dct).days * 2 if x > dct else (dct - x).days)
        how = ("the occurrence nearest the publication date (days ahead count double: news "
               "refers back more often than ahead)")
    return ok(day_value(d, dct), rule, f"holiday {m['x']!r}: {how}", score=0.75)


_POD_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _named_set(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"each Thursday", "on Tuesday nights", "every July": recurring named times (TimeML sets)."""
    from eventscribe.stages.dates_lexicon import weekday_number

    g = m.groupdict()
    if g.get("mo"):
        tx = f"XXXX-{month_number(g['mo']):02d}"
    else:
        wd = g.get("wd") or g.get("wd2") or (g.get("wdp") or "")[:-1]
        tx = f"XXXX-WXX-{weekday_number(wd) + 1}"
        pod = (g.get("pod") or g.get("pod2") or "").lower().rstrip("s")
        if pod:
            tx += "T" + _POD_CODE[pod]
    return ok(None, "set", f"{m['x']!r} recurs ({tx})", kind="set", timex=tx, score=0.6)


_HOLIDAYS = (r"Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]?s(?:\s+(?:Day|Eve))?|Thanksgiving"
             r"(?:\s+Day)?|Independence\s+Day|Hallowe['’]?en|Valentine['’]?s\s+Day|Veterans\s+Day"
             r"|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|Labou?r\s+Day|Memorial\s+Day|Election\s+Day")
_DIGIT_WORDS = r"one|two|three|four|five|six|seven|eight|nine"
_SPOKEN_FIRSTS = frozenset(
    "eighteen nineteen the january february march april may june july august september october "
    "november december jan feb mar apr jun jul aug sep sept oct nov dec".split())

def _the_day(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"ended the day", "for the day", "later in the day": market reports mean today."""
    if ctx.dct is None:
        return no_dct("the-day")
    ante = _last_day_before(ctx, m.start("x"), 800) if ctx.anaphora else None
    if ante is not None and ante[2].value is not None and ante[2].value.start <= ctx.dct:
        d = ante[2].value.start
        return ok(day_value(d, ctx.dct), "the-day", f"'the day' after {m['cue']!r}: the day "
                  f"reported on, {ctx.text[ante[0]:ante[1]]!r} named just before", score=0.5)
    return ok(day_value(ctx.dct, ctx.dct), "the-day",
              f"'the day' after {m['cue']!r}: the trading day reported on, the publication date",
              score=0.5)


def _short_year(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"since '82": a two-digit year after a cue word (century from the publication date)."""
    yy = int(m["yy"])
    base = ctx.dct.year if ctx.dct is not None else 2000
    y = base // 100 * 100 + yy
    if y > base + 1:
        y -= 100
    how = "century from the publication date" if ctx.dct else "century assumed"
    return ok(year_value(y, ctx.dct), "short-year", f"year {m['x']!r} ({how})", score=0.6)


def _part_of_day(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """"mid-afternoon yesterday", "late morning": part of the publication day (or the one named)."""
    if ctx.dct is None:
        return no_dct("part-of-day", "time")
    word = (m["w"] or "today").lower()
    d = ctx.dct + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[word])
    code = _POD_CODE[m["pod"].lower()]
    return ok(day_value(d, ctx.dct, "T" + code), "part-of-day",
              f"{m['x']!r}: the {m['pod'].lower()} of {d}", kind="time", score=0.6)


_DAY_CUES = ("end ended ending ends finish finished finishing close closed closes closing for "
             "during start beginning later earlier late early").split()

MORE_RULES: tuple[Rule, ...] = (
    Rule("year-ago-period", compile_rule(
        r"(?P<x>(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?year[\s-](?:ago|earlier)"
        r"(?:\s+(?:(?P<q>first|second|third|fourth)[\s-]+(?:fiscal\s+)?)?(?P<u>quarter|period|month))?"
        r"|the\s+(?:(?:comparable|corresponding|same)\s+)?(?P<u2>quarter|period|month)\s+(?:a\s+year"
        r"\s+(?:ago|earlier)|of\s+(?:the\s+previous|last)\s+year|last\s+year)|last\s+year['’]s"
        r"\s+(?:(?:first|second|third|fourth)[\s-]+)?quarter)(?![\w-])"),
        _year_ago, ("unit", "quarter", "period"),
        frozenset("the comparable corresponding same year last".split())),
    Rule("reporting-period", compile_rule(
        r"(?P<x>\b(?:the|that)\s+(?:(?:latest|most\s+recent|recent|same|just[\s-]+ended)"
        r"\s+|(?P<y>\d{4})\s+)?(?P<u>period|quarter)|\bthe\s+(?:latest|most\s+recent)\s+"
        r"quarter)(?![\w-])(?!\s+(?:a\s+year|of|last|ended|ending)\b)"),
        _latest_period, ("quarter", "period"), frozenset("the that".split())),
    Rule("two-quarters", compile_rule(
        r"(?P<x>\b(?:the\s+)?(?P<h>first|last|second|final)\s+two\s+quarters\s+of\s+(?:fiscal\s+)?"
        r"(?P<y>\d{4}))(?![\w-])"), _two_quarters, ("quarter",),
        frozenset("the first last second final".split())),
    Rule("the-year", compile_rule(
        r"(?P<x>\b(?:the|this)\s+(?:(?P<latest>latest|last\s+completed)\s+)?(?:(?:full|current"
        r"|calendar|entire|whole)\s+)?(?:fi(?:scal|nancial)\s+)?year(?!['’-]|\s+\d)|\b(?:(?P<end>year[\s-]end|"
        r"year['’]s\s+end|the\s+(?:end|start|beginning)\s+of\s+(?:the|this)\s+year))"
        r"|\b(?:earlier|later)\s+(?:in\s+)?(?:the|this)\s+year)"
        r"(?!\s+(?:before|after|earlier|ago|later|of|in\s+which|when|that|to|previous|prior)\b)"
        r"(?![\w-])"),
        _the_year, ("unit",), frozenset("the this year earlier later".split())),
    Rule("anaphoric-year", compile_rule(
        r"(?P<x>\b(?:(?:earlier|later)\s+(?:in\s+)?)?that\s+(?:same\s+)?year|\bthe\s+(?:following"
        r"|previous|prior)\s+year|\bthe\s+year\s+(?:before|after|previous|prior)"
        r"|\ba\s+year\s+later)(?![\w-])"),
        _anaphoric_year, ("unit",), frozenset("earlier later that the a".split())),
    Rule("anaphoric-day", compile_rule(
        r"(?P<x>\b(?:(?:earlier|later)\s+)?that\s+(?:same\s+)?day|\bthe\s+same\s+day"
        r"|\bthe\s+(?:next|following|previous|prior)\s+(?:day|morning|afternoon|evening|night)"
        r"|(?<!\bin\s)\bthe\s+day\s+(?:before|after)(?!\s+(?:yesterday|tomorrow|last|next|the|a"
        r"|an|his|her|its|their|[a-z]+ing)\b))(?![\w-])"), _anaphoric_day, ("unit", "dayword"),
        frozenset("earlier later that the".split())),
    Rule("anaphoric-month", compile_rule(
        r"(?P<x>\b(?:that\s+(?:same\s+)?month|the\s+(?:following|previous|prior)\s+month"
        r"|the\s+month\s+(?:before|after)|a\s+month\s+later))(?![\w-])"),
        _anaphoric_month, ("unit",), frozenset("that the a".split())),
    Rule("spoken-year", compile_rule(
        rf"(?P<x>(?:{MONTH_ANY.replace('(?-i:', '(?P<m1>(?-i:', 1)})\s+)?"
        r"(?:(?P<c>eighteen|nineteen)[\s-]+(?P<tens>ten|eleven|twelve|thirteen|fourteen|fifteen"
        r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty"
        rf"|ninety)(?:[\s-]+(?P<u>{_DIGIT_WORDS}))?|(?:the\s+year\s+)(?P<tt>two\s+thousand)"
        rf"(?:\s+and\s+(?P<u2>{_DIGIT_WORDS}))?))(?![\w-])"),
        _spoken_year, ("num", "unit", "month"), _SPOKEN_FIRSTS),
    Rule("spoken-year", compile_rule(
        r"(?P<x>(?:the\s+)?(?P<s>spring|summer|fall|autumn|winter)\s+of\s+"
        r"(?P<c>eighteen|nineteen)[\s-]+(?P<tens>ten|eleven|twelve|thirteen|fourteen|fifteen"
        r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty"
        rf"|ninety)(?:[\s-]+(?P<u>{_DIGIT_WORDS}))?)(?![\w-])"),
        _season_spoken_year, ("season",),
        frozenset("the spring summer fall autumn winter".split())),
    Rule("century", compile_rule(
        r"(?P<x>(?:the\s+)?(?P<o>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth"
        r"|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth"
        r"|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-]+century)"
        r"(?![\w-])"), _century, ("unit",), NUMBER_FIRSTS | frozenset(("the", "twenty-first"))),
    Rule("named-set", compile_rule(
        r"(?P<x>\b(?:each|every)\s+(?:(?-i:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday"
        r"|Saturday|Sunday))|(?P<mo>" + MONTH_ANY + r"))|(?-i:(?P<wdp>Mondays|Tuesdays|Wednesdays"
        r"|Thursdays|Fridays|Saturdays|Sundays))(?:\s+(?P<pod>mornings|afternoons|evenings"
        r"|nights))?|(?-i:(?P<wd2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
        r"\s+(?P<pod2>mornings|afternoons|evenings|nights))(?![\w-])"), _named_set,
        ("weekday", "month")),
    Rule("the-day", compile_rule(
        r"\b(?P<cue>end(?:ed|ing|s)?|finish(?:ed|ing)?|clos(?:e[ds]?|ing)|for|during"
        r"|(?:start|beginning)\s+of|(?P<late>(?:later|earlier|late|early)\s+in))\s+(?P<x>the\s+day)"
        r"(?![\w-])(?(late)|(?!\s*(?:before|after|of|when|that|['’]s)\b))"),
        _the_day, ("unit",),
        frozenset(_DAY_CUES)),
    Rule("part-of-day", compile_rule(
        r"(?P<x>\b(?:mid|late|early)[\s-]?(?P<pod>morning|afternoon|evening)(?:\s+(?P<w>yesterday"
        r"|today|tomorrow))?)(?![\w-])"), _part_of_day, ("dayword",),
        frozenset("mid late early mid-morning mid-afternoon mid-evening midmorning midafternoon"
                  .split())),
    Rule("short-year", compile_rule(
        r"\b(?:in|since|of|from|until|by|before|after|to)\s+(?P<x>['’](?P<yy>\d\d))(?![\w'’-])"),
        _short_year, ("num",), frozenset("in since of from until by before after to".split())),
    Rule("holiday", compile_rule(
        rf"(?P<x>(?:(?P<rel>last|next|this\s+coming|this)\s+)?(?-i:(?P<h>{_HOLIDAYS}))"
        r"(?:,?\s+(?P<y>\d{4})(?!\d))?)(?![\w-])"), _holiday, ("holiday",)),
)
