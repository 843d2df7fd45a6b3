"""Rules for expressions relative to the publication date, times of day, durations and sets."""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventscribe.model import DateValue
from eventscribe.stages.dates_calendar import (
    Kind,
    Resolution,
    add_months,
    day_value,
    decade_value,
    future_weekday,
    latest_month,
    month_value,
    past_weekday,
    quarter_of,
    quarter_value,
    shift,
    weekend_value,
    year_value,
)
from eventscribe.stages.dates_lexicon import (
    MONTH_ANY,
    NUM,
    NUMBER_FIRSTS,
    WEEKDAY,
    month_number,
    number_value,
    weekday_number,
)
from eventscribe.stages.dates_rules import Ctx, Rule, compile_rule, no_dct, ok
from eventscribe.stages.dates_rules_more import quarter_year_ago

_QUARTER_CTX = re.compile(r"\b(?:(first|second|third|fourth)[\s-]+)?quarter\b|\bperiod\b",
                          re.IGNORECASE)
_QORD = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_POD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _weekday_date(
    ctx: Ctx, wd: int, rel: str | None, pos: int, end: int | None = None
) -> tuple[date, str]:
    assert ctx.dct is not None
    dct = ctx.dct
    if rel in ("last", "past", "this past"):
        return past_weekday(dct, wd, strictly_before=True), "the previous such weekday"
    if rel in ("next", "coming", "this coming"):
        return future_weekday(dct, wd, strictly_after=True), "the next such weekday (future)"
    if rel == "this":
        monday = dct - timedelta(days=dct.weekday())
        return monday + timedelta(days=wd), "that weekday in the publication week"
    if end is not None and ctx.text.startswith(("'s", "’s"), end):
        return past_weekday(dct, wd), "the most recent such weekday (a possessive names a " \
            "past occasion: \"Wednesday's ruling\")"
    tense = ctx.tense(pos)
    if ctx.future_cue(pos, tense):
        return future_weekday(dct, wd), "the first such weekday on or after the publication date " \
            "(future wording)"
    if tense is None and (plan := _PRESENT_PLAN.search(ctx.before(pos, 50))) is not None and (
            not _NOUN_DETERMINER.search(ctx.before(pos - len(plan.group()), 16))):
        return future_weekday(dct, wd), "the first such weekday on or after the publication date " \
            "(a scheduling verb in the present tense: 'leaders meet Monday')"
    if tense is None and _PROGRESSIVE_PLAN.search(ctx.before(pos, 60)):
        return future_weekday(dct, wd), "the first such weekday on or after the publication date " \
            "(a present progressive names an arrangement: 'the president is traveling to " \
            "Brazil on Monday')"
    if (end is not None and tense is None and _OPENS_CLAUSE.search(ctx.before(pos, 40))
            and ctx.tense_after(end) == "future"):
        return future_weekday(dct, wd), "the first such weekday on or after the publication date " \
            "(the clause it opens is in the future tense)"
    return past_weekday(dct, wd), "the most recent such weekday, the publication day included"


def _weekday(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    rule = "weekday"
    g = m.groupdict()
    if not g.get("rel") and _NAMED_DAY_BEFORE.search(ctx.before(m.start("x"), 12)):
        return None  # "Black Monday", "Super Tuesday", "Good Friday": names, not this week's day
    pod = g["pod"].lower() if g.get("pod") else None
    kind: Kind = "time" if pod else "date"
    if ctx.dct is None:
        return no_dct(rule, kind)
    rel = re.sub(r"\s+", " ", g["rel"].lower()) if g.get("rel") else None
    wd = weekday_number(g["wd"])
    first = None if rel else _LISTED_AFTER_DAY.search(ctx.before(m.start("x"), 40))
    d, how = _weekday_date(ctx, wd, rel, m.start("x"), m.end("x"))
    if first is not None:
        # "meet on Thursday and Friday": a day listed after a coming one is coming too
        prev, _ = _weekday_date(ctx, weekday_number(first["wd"]), None,
                                m.start("x") - len(first.group()))
        if prev > ctx.dct and d < prev:
            d = prev + timedelta(days=(wd - prev.weekday() - 1) % 7 + 1)
            how = f"the first such weekday after {first['wd']!r} (listed with it; future)"
    suffix = "T" + _POD[pod] if pod else ""
    return ok(day_value(d, ctx.dct, suffix), rule, f"weekday {m['x']!r}: {how}", kind=kind,
              score=0.8)


_LISTED_AFTER_DAY = re.compile(
    rf"(?<![\w-])(?P<wd>{WEEKDAY})\s*(?:,?\s+(?:and|or|to|through|till|until|into)\s+|-|–)$",
    re.IGNORECASE)
"""A weekday listed right after another ("Thursday and Friday", "Monday-Wednesday")."""


_GENERIC_POSSESSED = re.compile(
    r"['’]s\s+(?:[a-z]+(?:-[a-z]+)?\s+)?(?:world|youth|society|generations?|economy|technology"
    r"|culture|children|kids|young|standards|era|age)\b")
_OF_AT_PHRASE_END = re.compile(r"\s*(?:[.,;:!?)\"'’”]|$|\s(?:and|or|who|that|which)\b)")


def _generic_day_word(m: re.Match[str], ctx: Ctx, word: str) -> bool:
    """"today's youth", "in today's world", "the people of tomorrow": the present-day or future
    era in general, not a day ("today's editions" is the day)."""
    if word not in ("today", "tomorrow"):
        return False
    end = m.end("x")
    if _GENERIC_POSSESSED.match(ctx.after(end, 40)):
        return True
    return (re.search(r"\bof\s+$", ctx.before(m.start("x"), 8)) is not None
            and _OF_AT_PHRASE_END.match(ctx.after(end, 8)) is not None)


def _day_word(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    rule = "day-word"
    g = m.groupdict()
    word = (g.get("w") or g.get("tm") or "").lower()
    pod = (g.get("pod") or g.get("pod2") or "").lower()
    if not pod and _generic_day_word(m, ctx, word):
        return None
    if word == "tonight":
        pod = "night"
    kind: Kind = "time" if pod else "date"
    if ctx.dct is None:
        return no_dct(rule, kind)
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "this": 0, "last": -1}
    n = offset[word]
    if g.get("ba"):
        n += -1 if g["ba"].lower() == "before" else 1
    suffix = "T" + _POD[pod] if pod else ""
    d = ctx.dct + timedelta(days=n)
    return ok(day_value(d, ctx.dct, suffix), rule,
              f"{m['x']!r}: {n:+d} day(s) from the publication date", kind=kind)


def _rel_unit(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    rule = "relative-unit"
    g = m.groupdict()
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    unit = g["u"].lower()
    pre = g["pre"].lower() if g.get("pre") else None
    with_the = rel.startswith("the ")
    core = rel.removeprefix("the ")
    if ctx.dct is None:
        return no_dct(rule)
    if with_the and core in ("past", "last", "next", "coming") and unit != "weekend":
        # "the past year": the stretch up to (or from) publication; TimeML writes the value of
        # the previous (next) unit, the range is the stretch itself
        dct = ctx.dct
        n = -1 if core in ("past", "last") else 1
        named = decade_value(dct.year // 10 * 10 + 10 * n, dct) if unit == "decade" else shift(
            dct, n, unit)
        days = {"week": 7, "month": 30, "year": 365, "decade": 3652}[unit]
        lo, hi = (dct - timedelta(days=days), dct) if n < 0 else (dct, dct + timedelta(days=days))
        value = DateValue(lo, hi, named.precision, dct, named.timex)
        return ok(value, rule, f"{m['x']!r}: the {unit} {'up to' if n < 0 else 'from'} the "
                  "publication date", score=0.6)
    dct = ctx.dct
    n = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1,
         "coming": 1}[core]
    if unit == "weekend":
        base = dct + timedelta(weeks=n)
        if n == 0 and core == "this" and dct.weekday() < 5 and not ctx.future_cue(m.start("x")):
            base = dct
        value = weekend_value(base, dct)
    elif unit == "decade":
        value = decade_value(dct.year // 10 * 10 + 10 * n, dct)
    else:
        value = shift(dct, n, unit)
    if pre in ("earlier", "early") and n == 0:
        value = DateValue(value.start, max(value.start, min(dct, value.end)), value.precision,
                          dct, value.timex)
    elif pre in ("later", "late") and n == 0:
        value = DateValue(min(dct, value.end), value.end, value.precision, dct, value.timex)
    return ok(value, rule, f"{m['x']!r}: {n:+d} {unit}(s) from the publication date")


def _the_weekend(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    if ctx.dct is None:
        return no_dct("weekend")
    dct = ctx.dct
    base = dct if dct.weekday() >= 5 else dct - timedelta(weeks=1)
    how = "the most recent weekend"
    if ctx.future_cue(m.start("x")):
        base, how = dct, "the coming weekend (future wording)"
    return ok(weekend_value(base, dct), "weekend", f"{m['x']!r}: {how}", score=0.7)


def _ago(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    rule = "ago"
    g = m.groupdict()
    unit = g["u"].lower()
    n = number_value(g["n"]) if g.get("n") else None
    direction = -1 if g["dir"].lower() in ("ago", "earlier") else 1
    if n is None:
        tx = "PAST_REF" if direction < 0 else "FUTURE_REF"
        return ok(None, rule, f"{m['x']!r} is vague ({tx})", timex=tx, score=0.5)
    if ctx.dct is None:
        return no_dct(rule)
    dct = ctx.dct
    quarter_ctx = _QUARTER_CTX.search(ctx.sentence())
    earlier = quarter_year_ago(ctx, m.start("x")) if unit == "year" and n == 1 else None
    if direction < 0 and earlier is not None:
        y, q, how = earlier
        return ok(quarter_value(y, q, dct), rule, f"{m['x']!r}: the same quarter a year before "
                  f"{how} (results are compared)", score=0.6)
    month = _MONTH_IN.findall(ctx.text[ctx.sent_start : m.start("x")])
    if unit == "year" and n == 1 and direction < 0 and quarter_ctx is None and month:
        # "rose 5% in February from a year earlier": the month compared, a year before
        mo = month_number(month[-1])
        y = latest_month(dct, mo) - 1
        return ok(month_value(y, mo, dct), rule, f"{m['x']!r}: {month[-1]} (named in the "
                  "sentence) a year before", score=0.6)
    stated = _YEAR_STATED.findall(ctx.text, ctx.sent_start, m.start("x"))
    if (unit == "year" and g["dir"].lower() == "earlier" and quarter_ctx is None and stated
            and not month):
        # "a profit in 2012, compared with a loss a year earlier": earlier than the year named
        y = int(stated[-1]) - n
        return ok(year_value(y, dct), rule, f"{m['x']!r}: {n} year(s) before {stated[-1]}, the "
                  "year named earlier in the sentence", score=0.6)
    if unit == "year" and n == 1 and direction < 0 and quarter_ctx is not None:
        # earnings style: "profit rose from $5 million a year earlier" compares quarters
        named = quarter_ctx.group(1)
        q = _QORD[named.lower()] if named else (quarter_of(dct) - 2) % 4 + 1
        y = dct.year - 1 if q <= quarter_of(dct) or (named is None and q == 4) else dct.year - 2
        if named is None and quarter_of(dct) == 1:
            y = dct.year - 2
        return ok(quarter_value(y, q, dct), rule, f"{m['x']!r}: the same quarter a year before "
                  "the quarter the sentence reports on", score=0.6)
    if unit == "decade":
        value = year_value(dct.year + direction * 10 * n, dct)
    elif unit == "month":
        y, mo = add_months(dct.year, dct.month, direction * n)
        value = month_value(y, mo, dct)
    elif unit == "week":
        # "two weeks ago": TimeML names the day that far back; the range allows +-3 days
        d = dct + timedelta(weeks=direction * n)
        end = d + timedelta(days=3)
        value = DateValue(d - timedelta(days=3), min(end, dct) if direction < 0 else end, "week",
                          dct, d.isoformat())
    else:
        value = shift(dct, direction * n, unit)
    return ok(value, rule, f"{m['x']!r}: {n} {unit}(s) from the publication date")


_YEAR_STATED = re.compile(r"(?<![\w$.,-])(1[6-9]\d\d|20\d\d)(?![\w%]|[.,]\d)")
"""A four-digit year written in the text (not an amount: "$2012", "2012.5")."""
_PRESENT_PLAN = re.compile(
    r"\b(?:meets?|begins?|starts?|opens?|visits?|convenes?|reconvenes?|resumes?|travels?|arrives?"
    r"|leaves|votes?|hosts?|faces?|kicks\s+off|kick\s+off|gets\s+under\s+way|expires|ends|closes"
    r"|concludes|runs|takes\s+place|is\s+due|are\s+due|plays?|heads?\s+(?:to|for|into))"
    r"(?:\s+(?!on\b|by\b)[a-z]+){0,2}\s+(?:on\s+)?$", re.IGNORECASE)
"""A scheduling verb in the present tense right before a weekday: news style for a coming
day ("Arafat and Netanyahu meet separately Monday", "the trial opens on Tuesday")."""
_LAST_NOT_VERB = "(?=l)" + "".join(rf"(?<!\b{w}\s)" for w in (
    "will", "would", "could", "can", "may", "might", "must", "should", "shall", "to", "did",
    "not")) + r"(?<!n't\s)(?<!n’t\s)"
"""Lookbehinds keeping the verb "last" ("the truce will last two years") out of a duration
(behind a cheap look-ahead for "l", so they run only where "last" may follow)."""
_NOUN_DETERMINER = re.compile(r"(?:\b(?:the|a|an|this|that|his|her|its|their|our|your|my|whose)"
                              r"|['’]s)\s+(?:\S*[\d-]\S*\s+){0,2}$", re.IGNORECASE)
"""Before a scheduling word it makes a noun: "the vote on Sunday", "his visit Monday", "a 230-190
vote Wednesday" (numbers and hyphenated modifiers may stand between)."""
_PROGRESSIVE_PLAN = re.compile(
    r"\b(?:is|are|am|['’]re)\s+(?!being\b|going\b)[a-z]+ing"
    r"(?:\s+(?!the\b|a\b|an\b|his\b|her\b|its\b|their\b|this\b|that\b)[A-Za-z]+){0,2}"
    r"\s+(?:on\s+)?$")
"""A present progressive right before a weekday, with no noun phrase between ("protesters are
gathering on Friday", "is traveling to Brazil on Monday"; not "are investigating the shooting
on Friday", where the day is the shooting's)."""
_OPENS_CLAUSE = re.compile(r"(?:^|[.;:,]\s*|\b(?:and|but)\s+)(?:(?:on|by|until|from|as\s+of)\s+)?$",
                           re.IGNORECASE)
_MONTH_IN = re.compile(rf"\b(?:in|for|during)\s+({MONTH_ANY})(?![\s,]*\d)")
_NAMED_DAY_BEFORE = re.compile(r"(?-i:\b(?:Black|Cyber|Super|Good|Bloody|Ash|Palm|Easter|Holy|"
                               r"Shrove|Blue|Giving|Fat)\s+$|\b(?:Mail|Independent|Sun|Express)"
                               r"\s+on\s+$)")
"""Names a weekday is part of: "Black Monday", and newspapers ("the Mail on Sunday")."""
_DAY_IN_SENTENCE = re.compile(rf"\b({WEEKDAY})|\b(today|yesterday|tomorrow)\b", re.IGNORECASE)


def _time(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    rule = "clock-time"
    g = m.groupdict()
    if g.get("named"):
        name = g["named"].lower()
        if re.search(r"\bhigh\s+$", ctx.before(m.start("x"), 8), re.IGNORECASE):
            return None  # "high noon": an idiom (or a film), no clock time
        h, mi = (0, 0) if name == "midnight" else (12, 0)
    elif g.get("h24") is not None:
        h, mi = int(g["h24"]), int(g["m24"])
        if not (h <= 23 and mi < 60):
            return None
    else:
        h, mi = int(g["h"]), int(g["mi"] or 0)
        ap = re.sub(r"[\s.]", "", g["ap"].lower())
        if not (1 <= h <= 12 and mi < 60):
            return None
        h = h % 12 + (12 if ap == "pm" else 0)
    if ctx.dct is None:
        return no_dct(rule, "time")
    rest = (g.get("rest") or "").lower()
    d, how = ctx.dct, "on the publication date (assumed)"
    if g.get("md"):
        from eventscribe.stages.dates_rules_abs import nearest_year

        word, day = g["md"].rsplit(None, 1)
        mo, dd = month_number(word), int(day)
        try:
            d = date(nearest_year(ctx.dct, mo, dd), mo, dd)
        except ValueError:
            return None
        how = f"on {g['md']} (the occurrence nearest the publication date)"
    elif rest in ("yesterday", "tomorrow"):
        d = ctx.dct + timedelta(days=-1 if rest == "yesterday" else 1)
        how = rest
    elif rest and rest not in ("today", "tonight"):
        d, how = _weekday_date(ctx, weekday_number(rest), None, m.start("x"))
    elif not rest:
        day = _DAY_IN_SENTENCE.search(ctx.sentence())
        if day is not None and day.group(1):
            d, how = _weekday_date(ctx, weekday_number(day.group(1)), None,
                                   ctx.sent_start + day.start())
            how += f" ({day.group(1)} in the same sentence)"
        elif day is not None and day.group(2).lower() != "today":
            d = ctx.dct + timedelta(days=-1 if day.group(2).lower() == "yesterday" else 1)
            how = f"{day.group(2).lower()} (in the same sentence)"
        elif day is None and ctx.anaphora:
            from eventscribe.stages.dates_rules_more import _last_day_before

            ante = _last_day_before(ctx, m.start("x"), 400)
            if ante is not None and ante[2].value is not None:
                d = ante[2].value.start
                how = f"on {ctx.text[ante[0]:ante[1]]!r}, the day named just before"
    if g.get("named") and g["named"].lower() == "midnight" and rest and rest not in (
            "today", "tonight", "tomorrow"):
        h = 24  # "midnight Friday": the end of that day (TimeML T24:00)
    value = day_value(d, ctx.dct, f"T{h:02d}:{mi:02d}")
    return ok(value, rule, f"time {m['x']!r}, {how}", kind="time", score=0.75)


_SOMEDAY_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|should|shall|to|he|she|they"
                             r"|we|i|you|it)\s+$", re.IGNORECASE)
_SOMEDAY_AFTER = re.compile(r"\s+(?!(?:after|before|later|earlier|ago|of|in|on|at|for|and|or"
                            r"|to|a|an|the)\b)[a-z]+\b")
_UNIT_CODE = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W",
              "month": "M", "year": "Y", "decade": "DE", "century": "CE", "quarter": "Q"}


_AGE_OR_NOUN_AFTER = re.compile(r"\s*(?:-|\s)?old\b|\s+of\b|\s+(?!(?:later|ago|earlier|or|and"
                                r"|before|after|in|on|to|for|from|at|with|when|the)\b)\w+")
"""A noun (or name: "a second A380") after "a second"/"a quarter" makes it an ordinal or a
fraction; a preposition or conjunction leaves it a duration ("for a second or two")."""
_RATE_BEFORE = re.compile(r"(?:\d|\b(?:million|billion|thousand|hundred|percent|cents?|dollars?"
                          r"|seats|flights|units|shares|times|miles|kilometres|kilometers|km"
                          r"|metres|meters|feet|knots))\s*$", re.IGNORECASE)
"""Before "a/an <unit>": a quantity whose rate it makes ("$5 million a year"), or a distance
whose speed it makes ("100 miles an hour"; TimeML does not mark expressions of speed)."""


_FRACTION = re.compile(r"(?:a|an|one|two|three|1|2|3)[\s-]+quarters?", re.IGNORECASE)
"""Quarters that can be a fraction before "of" ("three quarters of the vote"); with a
modifier ("two consecutive quarters of growth", "several quarters of losses") they are time."""


_ABOUT_BEFORE = re.compile(r"\b(?:about|nearly|almost|roughly|some|around|than|or)\s+$",
                           re.IGNORECASE)


def _not_a_duration(m: re.Match[str], ctx: Ctx) -> bool:
    """Ages ("52 years old"), ordinals and fractions ("a second group", "a quarter of"),
    and rates ("$5 million a year", "700 seats a week") are no time expressions."""
    after = ctx.after(m.end("x"), 20)
    unit = m["u"].lower()
    if re.match(r"\s*(?:-|\s)old\b", after) or (unit.startswith("quarter") and re.match(
            r"\s*,?\s+of\b", after) and _FRACTION.fullmatch(m["x"])):
        return True
    if unit == "quarter" and _FRACTION.fullmatch(m["x"]) and _ABOUT_BEFORE.search(
            ctx.before(m.start("x"), 12)):
        return True  # "789, or about a quarter, of its dealers": a share
    if unit in ("second", "quarter") and m["x"].lower() in ("a second", "a quarter") and (
            _AGE_OR_NOUN_AFTER.match(after)):
        return True
    if ctx.text[max(0, m.start("x") - 1) : m.start("x")] == "-":
        return True  # "three-quarters"
    return m["x"].lower().startswith(("a ", "an ")) and _RATE_BEFORE.search(
        ctx.before(m.start("x"), 30)) is not None


def _duration(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    g = m.groupdict()
    if _not_a_duration(m, ctx):
        return None
    if m["x"].lower() == "one day" and _SOMEDAY_BEFORE.search(ctx.before(m.start("x"), 12)) and (
            _SOMEDAY_AFTER.match(ctx.after(m.end("x"), 20))):
        # "Islam will one day be ...", "he hopes he one day follows ...": some future day
        return ok(None, "reference", f"{m['x']!r} means some day in the future (FUTURE_REF)",
                  timex="FUTURE_REF", score=0.4)
    unit = g["u"].lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    n = number_value(g["n"]) if g.get("n") else None
    code = _UNIT_CODE[unit]
    if code == "DE":
        code, mult = "Y", 10
    elif code == "CE":
        code, mult = "Y", 100
    else:  # quarters stay quarters ("two consecutive quarters" = P2Q, as TimeBank and MEANTIME)
        mult = 1
    t = "T" if code.startswith("T") else ""
    letter = code[-1]
    vague = re.sub(r"\s+", " ", (g.get("vague") or "").lower())
    if vague in ("a couple of", "couple of"):
        n = 2
    half = bool(g.get("half") or g.get("half2"))
    if (n is not None and not half and unit in ("day", "week", "month", "year")
            and ctx.dct is not None and re.search(r"\bin\s+$", ctx.before(m.start("x"), 4))
            and m["x"][:1].isalnum() and ctx.future_cue(m.start("x"))):
        # "will be redeemed in five years": the time that far after publication
        return ok(shift(ctx.dct, n, unit), "in-future",
                  f"{m['x']!r} after the publication date (future wording)", score=0.6)
    if n is None:
        tx = f"P{t}X{letter}"
    else:
        num = (g.get("n") or str(n)).lower()
        tx = f"P{t}{n * mult}{letter}" if "." not in num else f"P{t}{float(num) * mult:g}{letter}"
        if half:
            sub = {"Y": "6M", "M": "15D", "W": "3DT12H", "D": "T12H", "TH": "30M",
                   "TM": "30S"}.get(code)
            if sub is not None and mult == 1:
                tx += sub
            elif "." not in num:
                tx = f"P{t}{n * mult + mult / 2:g}{letter}"  # "two and a half quarters": P2.5Q
    return ok(None, "duration", f"{m['x']!r} is a duration ({tx}), not a date", kind="duration",
              timex=tx, score=0.7)


_QUANTITY_BEFORE = re.compile(
    r"(?:\d[\d,.]*\s*%|\d[\d,.]*|percent|million|billion|trillion|units|shares|tons|tonnes"
    r"|barrels|people|dollars)\s+$", re.IGNORECASE)
_AFTER_ADVERB = re.compile(r"\s*(?:[.,;:)!?\"'’”]|$)|\s+(?:through|since|until|in|for|to|and|or"
                           r"|while|over|from|at|by|but)\b")


def _rate_of_quantity(m: re.Match[str], ctx: Ctx, word: str) -> bool:
    """ "rise 8.5% annually", "produce 10,000 units annually", "$5 million yearly": the adverb
    makes a rate of the quantity before it (TimeBank leaves such rates unannotated)."""
    if not word.endswith("ly") or not _QUANTITY_BEFORE.search(ctx.before(m.start("x"), 30)):
        return False
    return word in ("annually", "yearly") or _AFTER_ADVERB.match(
        ctx.after(m.end("x"), 12)) is not None


def _set(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    word = m["x"].lower()
    if word == "daily" and re.match(r"\s+(?-i:[A-Z])", ctx.after(m.end("x"), 3)):
        return None  # "the party daily Granma": a newspaper
    if _rate_of_quantity(m, ctx, word):
        return None
    unit = next((u for u in ("hour", "day", "week", "month", "quarter", "year", "night",
                             "morning", "evening")
                 if u in word), None)
    if unit is None:
        unit = {"annually": "year", "yearly": "year", "nightly": "night"}.get(word, "day")
    tx = {"hour": "PT1H", "day": "P1D", "night": "P1D", "morning": "P1D", "evening": "P1D",
          "week": "P1W", "quarter": "P1Q",
          "month": "P1M", "year": "P1Y"}[unit]
    return ok(None, "set", f"{m['x']!r} is a recurring time ({tx})", kind="set", timex=tx,
              score=0.6)


def _ref(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    word = re.sub(r"\s+", " ", m["x"].lower())
    if word in ("now", "currently", "nowadays", "these days", "at present", "the present"):
        tx = "PRESENT_REF"
    elif word in ("the future", "the near future", "soon"):
        tx = "FUTURE_REF"
    else:
        tx = "PAST_REF"
    return ok(None, "reference", f"{m['x']!r} refers vaguely to {tx.split('_')[0].lower()} "
              f"time ({tx}), not a date", timex=tx, score=0.4)


_REL = r"(?P<rel>this\s+past|this\s+coming|last|next|this|past|coming)"
_UNITS_RE = r"(?P<u>second|minute|hour|day|week|month|quarter|year|decade|centur(?:y|ies))s?"

REL_RULES: tuple[Rule, ...] = (
    Rule("weekday", compile_rule(
        rf"(?P<x>(?:{_REL}\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<pod>morning|afternoon|evening|night))?)"
        r"(?!\s+(?:prayers?|sermons?|imams?|mosques?|edition|newspaper|times)\b)(?!\w)"
        r"(?!\s+(?-i:Telegraph|Herald|Mirror|Express|Tribune|Independent|Nation|Standard|Observer"
        r"|Globe|Guardian|Gleaner|Chronicle|Examiner|Mail|Star|Post)\b)"),
        _weekday, ("weekday",)),
    Rule("day-word", compile_rule(
        r"(?P<x>\b(?:the\s+day\s+(?P<ba>before|after)\s+)?(?P<w>yesterday|today|tomorrow|tonight)"
        r"(?:\s+(?P<pod>morning|afternoon|evening|night))?|\b(?P<tm>this|last)\s+(?P<pod2>morning"
        r"|afternoon|evening|night))(?![\w-])"), _day_word, ("dayword",)),
    Rule("relative-unit", compile_rule(
        r"(?P<x>\b(?:(?P<pre>earlier|later|early|late)\s+)?(?P<rel>the\s+past|the\s+last"
        r"|the\s+coming|the\s+next|the\s+previous|the\s+current|last|this|next|past|coming"
        r"|previous|current)\s+(?:fiscal\s+)?(?P<u>week|month|year|weekend|decade))(?![\w-])"),
        _rel_unit,
        ("unit",), frozenset("earlier later early late the last this next past coming previous "
                             "current".split())),
    Rule("weekend", compile_rule(r"(?P<x>\bthe\s+weekend)(?![\w-])"), _the_weekend,
         ("unit",), frozenset(("the",))),
    Rule("ago", compile_rule(
        rf"(?P<x>\b(?:(?P<n>{NUM})|(?:a\s+few|several|a\s+couple\s+of|many|some))\s+"
        r"(?P<u>day|week|month|year|decade)s?(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|from\s+now"
        r"|hence))(?!\w)"),
        _ago,
        ("unit",), NUMBER_FIRSTS | frozenset("a several many some".split())),
    Rule("clock-time", compile_rule(
        r"(?P<x>(?:\b(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*(?P<ap>[ap]\.\s?m\.?|[ap]m\b)|\b(?P<named>"
        r"noon|midnight|midday)|\b(?P<h24>[01]?\d|2[0-3]):?(?P<m24>[0-5]\d)(?=\s*(?-i:UTC|GMT|Z|"
        r"[A-Z]{2,4}T|[ECMP]T)\b|\s+local\s+time\b))(?:\s*(?-i:[A-Z]{2,4}T|[ECMP]T|GMT|UTC|Z)"
        r"(?![\w]))?(?:(?:,|\s+on)?\s+(?P<rest>"
        rf"{WEEKDAY}|today|yesterday|tomorrow|tonight)|,?\s+(?P<md>{MONTH_ANY}\s+\d{{1,2}})(?:st|nd|rd|th)?(?!\d))?)"
        r"(?!\w)"), _time, ("num", "clock")),
    Rule("duration", compile_rule(
        rf"(?P<x>\b(?:(?:the\s+)?(?:past|{_LAST_NOT_VERB}last|next|coming|previous|first|final"
        rf"|following)\s+)?(?:(?P<n>{NUM})(?P<half>\s+(?:1/2|and\s+a\s+half))?|(?P<vague>a\s+few|few|several"
        r"|(?:a\s+)?couple\s+of|many|recent|coming))(?:\s+more)?"
        r"(?:\s+(?:straight|consecutive|successive|trading|business|working))?"
        rf"[\s-]+{_UNITS_RE}(?P<half2>\s+and\s+a\s+half)?(?:[\s-]+long)?)(?![\w-])"), _duration,
        ("unit", "quarter"),
        NUMBER_FIRSTS | frozenset(
            "the past last next coming previous first final following a few several many recent"
            .split())),
    Rule("set", compile_rule(
        r"(?P<x>\b(?:hourly|daily|weekly|monthly|annually|yearly|nightly|(?:every|each|per"
        r"|once\s+a)\s+"
        r"(?:day|week|month|quarter|year|night|morning|evening)))(?![\w-])"), _set, ("set",)),
    Rule("reference", compile_rule(
        r"(?P<x>\b(?:now|currently|nowadays|these\s+days|at\s+present|recently"
        r"|the\s+past|the\s+(?:near\s+)?future))(?![\w-])"), _ref, ("ref",)),
)

