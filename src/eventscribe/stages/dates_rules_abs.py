"""Rules for calendar dates: full dates, day ranges, months, years, quarters, decades, seasons."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from eventscribe.stages.dates_calendar import (
    MONTH_NAMES,
    Resolution,
    day_range,
    day_value,
    decade_value,
    half_value,
    latest_month,
    month_value,
    next_month,
    quarter_of,
    quarter_value,
    season_value,
    week_value,
    year_value,
)
from eventscribe.stages.dates_lexicon import (
    COUNT_NOUNS,
    DAY_SUFFIX,
    MONTH_ANY,
    NON_YEAR_BEFORE,
    WEEKDAY,
    month_number,
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

M1 = MONTH_ANY.replace("(?-i:", "(?P<m1>(?-i:", 1) + ")"
M2 = MONTH_ANY.replace("(?-i:", "(?P<m2>(?-i:", 1) + ")"
YEAR = r"(?P<y>\d{4})(?!\d)"
REL_YEAR = r"(?P<ry>last|this|next|the\s+previous|the\s+following)\s+year"
_PARTS = {"early": "early", "mid": "mid", "late": "late", "end": "late", "beginning": "early",
          "start": "early", "middle": "mid"}
_REL_YEAR_SHIFT = {"last": -1, "this": 0, "next": 1, "the previous": -1, "the following": 1}


def _ry(m: re.Match[str]) -> int | None:
    g = m.groupdict().get("ry")
    return None if g is None else _REL_YEAR_SHIFT[re.sub(r"\s+", " ", g.lower())]


def _explicit_or_later_year(m: re.Match[str], ctx: Ctx) -> tuple[int | None, str]:
    """The year written with the date, or later in the sentence, or None; plus how it was found."""
    y = m.groupdict().get("y")
    if y:
        return int(y), "year stated"
    later = year_later_in_sentence(ctx, m.end())
    if later is not None:
        return later, f"year {later} stated later in the sentence"
    return None, ""


# --- ISO and full dates -----------------------------------------------------------------------


def _iso(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    y, mo, d = int(m["y"]), int(m["mo"]), int(m["d"])
    if not 1 <= mo <= 12:
        return None
    dd = safe_date(y, mo, d)
    if dd is None:
        return impossible("iso", f"{m['x']} does not exist")
    return ok(day_value(dd, ctx.dct), "iso", f"ISO date {m['x']!r}")


def _day_month(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """A day of a month; "the week of March 6" is the ISO week containing that day (TimeML
    writes it as a week, ``2000-W10``)."""
    res = _day_of_month(m, ctx)
    if res is None or not m.groupdict().get("wk") or res.value is None:
        return res
    return ok(week_value(res.value.start, ctx.dct), res.rule,
              f"the ISO week containing {res.value.start} ({res.reason})", score=res.score)


def _day_of_month(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    rule = "day-month"
    mo, d = month_number(m["m1"]), int(m["d"])
    if not 1 <= d <= 31:
        return None
    y, how = _explicit_or_later_year(m, ctx)
    if y is None:
        anniv = anniversary_base_year(ctx, m.start("x"))
        if anniv is not None:
            y, how = anniv[0], f"year of the base event of the {anniv[1]}"
    if y is not None:
        dd = safe_date(y, mo, d)
        if dd is None:
            return impossible(rule, f"{MONTH_NAMES[mo - 1]} {y} has no day {d}")
        return ok(day_value(dd, ctx.dct), rule, f"date {m['x']!r} ({how})")
    if ctx.dct is None:
        return no_dct(rule)
    if safe_date(2000, mo, d) is None:  # 2000 is a leap year: the widest calendar
        return impossible(rule, f"{MONTH_NAMES[mo - 1]} has no day {d}")
    y, how = yearless_year(ctx, mo, d, m.start("x"), m.end("x"))
    dd = safe_date(y, mo, d)
    if dd is None:
        return impossible(rule, f"{MONTH_NAMES[mo - 1]} {y} has no day {d}")
    return ok(day_value(dd, ctx.dct), rule, f"date {m['x']!r} without a year: {how}", score=0.8)


def nearest_year(dct: date, mo: int, d: int) -> int:
    """Year putting month ``mo`` day ``d`` nearest the DCT, days ahead counting double."""
    best_y, best_gap = dct.year, 10**6
    for y in (dct.year - 1, dct.year, dct.year + 1):
        cand = safe_date(y, mo, d) or safe_date(y, mo, 28)
        if cand is None:
            continue  # a year outside the calendar (a DCT in year 1 or 9999)
        gap = abs((cand - dct).days) * (2 if cand > dct else 1) + (1 if cand > dct else 0)
        if gap < best_gap:
            best_y, best_gap = y, gap
    return best_y


def yearless_year(ctx: Ctx, mo: int, d: int, start: int, end: int) -> tuple[int, str]:
    """The year of a month/day written without one (the DCT must be set): the occurrence
    nearest the DCT (days ahead count double); past wording moves one more than 60 days ahead
    back a year, "ended Oct. 31" is the last one, future wording the next one unless it passed
    less than a month ago."""
    assert ctx.dct is not None
    y, how = nearest_year(ctx.dct, mo, d), "the occurrence nearest the publication date"
    tense = ctx.tense(start, end)
    nearest = safe_date(y, mo, d)
    if tense == "past" and nearest is not None and (nearest - ctx.dct).days > 60:
        y -= 1
        how = "the most recent such day before the publication date (past wording)"
    elif nearest is not None and nearest > ctx.dct and _DONE_BEFORE.search(
            ctx.before(start, 24)):
        y -= 1
        how = "the most recent such day ('ended Oct. 31': a completed period ends in the past)"
    elif ctx.future_cue(start, tense):  # future wording, or a deadline not told in the past
        cand = safe_date(ctx.dct.year, mo, d)
        if cand is None or cand >= ctx.dct or (ctx.dct - cand).days > 31:
            y = ctx.dct.year if cand is not None and cand >= ctx.dct else ctx.dct.year + 1
            how = "the first such day on or after the publication date (future wording)"
    return y, how


def _day_range(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    rule = "day-range"
    d1, d2 = int(m["d1"]), int(m["d2"])
    if m.groupdict().get("conn") and m["conn"].lower() == "and" and not m.groupdict().get("pre"):
        return None
    mo1 = month_number(m["m1"]) if m.groupdict().get("m1") else None
    mo2 = month_number(m["m2"]) if m.groupdict().get("m2") else None
    mo1 = mo1 or mo2
    mo2 = mo2 or mo1
    if mo1 is None or mo2 is None or not (1 <= d1 <= 31 and 1 <= d2 <= 31):
        return None
    if (mo1, d1) >= (mo2, d2):
        return None
    y, how = _explicit_or_later_year(m, ctx)
    if y is None:
        if ctx.dct is None:
            return no_dct(rule)
        y, how = yearless_year(ctx, mo1, d1, m.start("x"), m.end("x"))
        how = f"year of its first day: {how}"
    a, b = safe_date(y, mo1, d1), safe_date(y, mo2, d2)
    if a is None or b is None:
        return impossible(rule, f"{m['x']} {y} contains a day that does not exist")
    res = ok(day_range(a, b, ctx.dct), rule, f"day range {m['x']!r} ({how})")
    if not m.groupdict().get("conn"):
        return res  # "July 28-29": one token pair, one expression
    parts = tuple(
        (m.start(g), m.end(g), ok(day_value(d, ctx.dct), rule,
                                  f"{which} day of the range {m['x']!r} ({how})"))
        for g, d, which in (("p1", a, "first"), ("p2", b, "last")))
    return replace(res, parts=parts)


# --- months -----------------------------------------------------------------------------------


_MONTH_AS_NAME = re.compile(r"[\"'”’]?\s+(?:for|of|on)\s+(?:the\s+)?[A-Z]")
"""A bare month name followed by "for/of/on" and a capitalised word names a march or an event."""


def _bare_month_ok(word: str, start: int, end: int, ctx: Ctx) -> bool:
    """A month name without a cue word ("December's figures", "a June agreement").

    Only full names; not "May" (a modal verb at sentence start), not a first name followed by a
    capitalised word ("June Carter"), not at the start of a sentence.
    """
    if len(word) <= 3 or word.isupper() or start <= ctx.sent_start:
        return False
    if _MONTH_AS_NAME.match(ctx.after(end, 30)):
        return False  # "the annual March for Life", "the March of the Combatant Mothers"
    return re.match(r"\s+[A-Z]", ctx.after(end, 4)) is None and not re.search(
        r"[A-Z][a-z]*\s+$", ctx.before(start, 20))


def _month(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    rule = "month"
    word = m["m1"]
    g = m.groupdict()
    mod = g.get("mod")
    part = _PARTS[mod.lower()] if mod else None
    rel = re.sub(r"\s+", " ", g["rel"].lower()) if g.get("rel") else None
    ry = _ry(m)
    has_cue = bool(g.get("cue") or g.get("the") or mod or rel or ry is not None or g.get("y"))
    if not has_cue and not _bare_month_ok(word, m.start("x"), m.end("x"), ctx):
        return None
    if not g.get("y") and word.endswith(".") is False and len(word) == 3 and word != "May":
        return None  # bare "Jan", "Dec": too often names or other words
    mo = month_number(word)
    label = f"{part} " if part else ""
    y, how = _explicit_or_later_year(m, ctx)
    if y is not None:
        return ok(month_value(y, mo, ctx.dct, part), rule, f"{label}month {m['x']!r} ({how})")
    anniv = anniversary_base_year(ctx, m.start("x"))
    if anniv is not None:
        return ok(month_value(anniv[0], mo, ctx.dct, part), rule,
                  f"month {m['x']!r} in the year of the base event of the {anniv[1]}")
    if ctx.dct is None:
        return no_dct(rule)
    dct = ctx.dct
    if ry is not None:
        y, how = dct.year + ry, f"{g['ry']} year relative to the publication date"
    elif rel in ("last", "past", "this past"):
        y = latest_month(dct, mo, strictly_before=True)
        how = "the most recent such month before the publication month"
    elif rel is None and (g.get("cue") or "").lower() == "since":
        y, how = latest_month(dct, mo), "the most recent such month ('since' looks back)"
    elif rel in ("next", "this coming"):
        y, how = next_month(dct, mo), "the first such month after the publication month"
    elif rel == "this":
        y, how = dct.year, "in the publication year"
    elif (tense := ctx.tense(m.start("x"), m.end("x"))) == "deadline":
        ahead = (mo - dct.month) % 12
        y = dct.year + (mo < dct.month) if ahead <= 6 else dct.year - (mo > dct.month)
        how = "the occurrence nearest the publication date (a deadline)"
    elif tense == "future" or (tense is None and (mo - dct.month) % 12 in (1, 2)):
        y = dct.year if mo >= dct.month else dct.year + 1
        how = ("the first such month not before the publication month (future wording)"
               if tense else "the coming month (it begins within two months of publication)")
    else:
        y, how = latest_month(dct, mo), "the most recent such month not after the publication date"
    return ok(month_value(y, mo, dct, part), rule, f"{label}month {m['x']!r}: {how}", score=0.8)


# --- years, parts of years, quarters, halves ---------------------------------------------------


_STREET_AFTER = re.compile(r"(?-i:(?:\s+[A-Z][a-z]+){1,2}\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\."
                           r"|Boulevard|Blvd\.?|Lane|Drive|Place|Square)(?!\w))")


def _year(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    rule = "year"
    y = int(m["y"])
    cue = (m.groupdict().get("cue") or "").lower()
    before = ctx.before(m.start("x"), 30).split()
    prev = before[-1].lower().rstrip(",") if before else ""
    if prev in NON_YEAR_BEFORE or ctx.text[max(0, m.start("x") - 1) : m.start("x")] in "$€£#":
        return None
    nxt = ctx.after(m.end("x"), 20).split()
    nword = nxt[0].lower().strip(",.;:") if nxt else ""
    if nword in COUNT_NOUNS:
        return None
    if not cue and _STREET_AFTER.match(ctx.after(m.end("x"), 40)):
        return None  # "2012 Main Street": a house number
    if not cue and (y < 1500 or y > 2199):
        return None
    how = f"cue {cue!r}" if cue else "a four-digit year"
    return ok(year_value(y, ctx.dct), rule, f"year {m['x']!r} ({how})", score=0.85 if cue else 0.7)


def _year_part(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    rule = "year-part"
    mod = re.sub(r"\s+", " ", m["mod"].lower())
    if m.groupdict().get("y"):
        y, how = int(m["y"]), "year stated"
    elif ctx.dct is None:
        return no_dct(rule)
    else:
        shift = _ry(m) or 0
        y, how = ctx.dct.year + shift, f"{m['ry'] or m['ty']} relative to the publication date"
    if "half" in mod:
        h = 1 if mod.startswith("first") else 2
        return ok(half_value(y, h, ctx.dct), rule, f"half-year {m['x']!r} ({how})")
    part = _PARTS[mod]
    return ok(year_value(y, ctx.dct, part), rule, f"{part} part of year {m['x']!r} ({how})")


_QWORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
           "4th": 4, "final": 4}
_QREL = {"last": -1, "latest": -1, "past": -1, "previous": -1, "preceding": -1, "current": 0,
         "this": 0, "next": 1, "coming": 1}


def _quarter(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    rule = "quarter"
    g = m.groupdict()
    q = _QWORDS[g["q"].lower()] if g.get("q") else None
    rel = g["rel"].lower() if g.get("rel") else None
    if g.get("qn"):
        q = int(g["qn"])
    if q is None and rel is None and not (g.get("the") or g.get("ago")):
        return None
    if g.get("y") or g.get("y0"):
        if q is None:
            return None
        y = int(g.get("y") or g["y0"])
        return ok(quarter_value(y, q, ctx.dct), rule, f"quarter {m['x']!r} (year stated)")
    if g.get("ry0") and q is not None and ctx.dct is not None:
        y = ctx.dct.year + _REL_YEAR_SHIFT[g["ry0"].lower()]
        return ok(quarter_value(y, q, ctx.dct), rule, f"quarter {m['x']!r} ({g['ry0']} year)")
    if ctx.dct is None:
        return no_dct(rule)
    dct = ctx.dct
    cur = quarter_of(dct)
    ry = _ry(m)
    ended = _ENDED_MONTH.match(ctx.after(m.end("x"), 40))
    if q is None and not g.get("ago") and ended is not None:
        # "the quarter ended July 31": the three months to that month; TimeML names the calendar
        # quarter most of them fall in (May-July: Q2)
        mo = month_number(ended.group(1))
        y = latest_month(dct, mo)
        first_mo = mo - 1 if mo > 1 else 12
        y = y if mo > 1 else y - 1
        return ok(quarter_value(y, (first_mo - 1) // 3 + 1, dct), rule,
                  f"quarter {m['x']!r} ended in {ended.group(1)}: the calendar quarter most of its "
                  "months fall in", score=0.6)
    if q is None and rel is None:
        # "the quarter", "the year-ago quarter": business news reports the last completed one
        idx = dct.year * 4 + (cur - 1) - 1 - (4 if g.get("ago") else 0)
        return ok(quarter_value(idx // 4, idx % 4 + 1, dct), rule,
                  f"quarter {m['x']!r}: the last completed quarter before the publication date"
                  + (", a year earlier" if g.get("ago") else ""), score=0.5)
    if q is None:
        shift = _QREL.get(rel or "", 0)
        idx = dct.year * 4 + (cur - 1) + shift
        return ok(quarter_value(idx // 4, idx % 4 + 1, dct), rule,
                  f"quarter {m['x']!r} relative to the publication date", score=0.8)
    if g.get("ago"):
        y = (dct.year if q <= cur else dct.year - 1) - 1
        how = "a year before the most recent such quarter"
    elif ry is not None:
        y, how = dct.year + ry, f"{g['ry']} year"
    elif q <= cur:
        y, how = dct.year, "the most recent such quarter not after the publication date"
    elif q == cur + 1 and ctx.tense(m.start("x")) != "past":
        y, how = dct.year, "the coming quarter (the next one after the publication quarter)"
    else:
        y, how = dct.year - 1, "the most recent such quarter not after the publication date"
        if ctx.future_cue(m.start("x")):
            y, how = dct.year, "this year's quarter (future wording)"
    return ok(quarter_value(y, q, dct), rule, f"quarter {m['x']!r}: {how}", score=0.8)


def _fiscal(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """Fiscal years: "fiscal 1998", "FY2019", "FY19" (two digits take the DCT's century)."""
    y_text = m.groupdict().get("y") or m.groupdict().get("y2")
    if y_text:
        y = int(y_text)
    else:
        base = ctx.dct.year // 100 * 100 if ctx.dct else 2000
        y = base + int(m["ys"])
    return ok(year_value(y, ctx.dct), "fiscal", f"fiscal year {m['x']!r} taken as year {y}",
              score=0.8)


_AGE_BEFORE = re.compile(r"\b(?:his|her|their|its|my|your|our|whose)\s+(?:(?:early|mid|late)"
                         r"[\s-]+)?$", re.IGNORECASE)


def _decade(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    rule = "decade"
    g = m.groupdict()
    part = g["mod"].lower().rstrip("-") if g.get("mod") else None
    if g.get("full"):
        first = int(g["full"])
        how = "decade stated"
    else:
        words = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                 "eighties", "nineties"]
        sd = g.get("sd") or g.get("sd2")
        digit = int(sd) if sd else words.index(g["word"].lower()) + 2
        if g.get("word") and not g.get("the"):
            return None
        if g.get("sd2") and _AGE_BEFORE.search(ctx.before(m.start("x"), 25)):
            return None  # "in their 70s" is an age
        century = 1900
        if ctx.dct is not None:
            century = ctx.dct.year // 100 * 100
            if century + digit * 10 > ctx.dct.year:
                century -= 100
        first = century + digit * 10
        how = "century taken from the publication date" if ctx.dct else "century assumed 1900s"
    return ok(decade_value(first, ctx.dct, part), rule, f"decade {m['x']!r} ({how})")


_SEASON_NAME_AFTER = re.compile(r"(?-i:\s+[A-Z][a-z]+)")
"""A capitalised season followed by a capitalised word is (part of) a name."""


def _season(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    rule = "season"
    g = m.groupdict()
    name = g["s"].lower()
    rel = re.sub(r"\s+", " ", g["rel"].lower()) if g.get("rel") else None
    if not (g.get("cue") or g.get("the") or rel or g.get("y") or g.get("ry")) and name in (
            "spring", "fall"):
        return None  # a bare "spring"/"fall" is as often a noun or verb of another sense
    if name == "fall" and not (g.get("y") or rel) and re.match(r"\s+of\b", ctx.after(m.end())):
        return None  # "the fall of the city"
    if _SEASON_NAME_AFTER.match(ctx.after(m.end("s"), 30)) and g["s"][0].isupper() and not (
            g.get("y") or g.get("ry")):
        return None  # "the Winter Olympics", "the Summer Games": a capitalised name
    if g.get("y"):
        return ok(season_value(int(g["y"]), name, ctx.dct), rule,
                  f"season {m['x']!r} (year stated)")
    if ctx.dct is None:
        return no_dct(rule)
    dct = ctx.dct
    ry = _ry(m)
    if ry is not None:
        return ok(season_value(dct.year + ry, name, dct), rule,
                  f"season {m['x']!r} ({g['ry']} year)", score=0.8)
    y = dct.year
    if season_value(y, name, dct).start > dct:
        y -= 1  # most recent season that has started
    current = season_value(y, name, dct).contains(dct)
    if rel == "this":
        y = dct.year
    elif rel in ("last", "past", "this past") and current:
        y -= 1
    elif rel in ("next", "coming", "this coming") or (
        rel is None and ctx.future_cue(m.start("x")) and not current
    ):
        y += 1
    return ok(season_value(y, name, dct), rule, f"season {m['x']!r} resolved against the "
              "publication date", score=0.75)


def _anniversary(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    from eventscribe.stages.dates_lexicon import ordinal_value

    rule = "anniversary"
    n = ordinal_value(m["o"])
    if n is None or n < 1:
        return None
    if ctx.dct is None:
        return no_dct(rule, kind="anniversary")
    base = ctx.dct.year - n
    sent_tail = ctx.after(m.end("x"), 80)
    sent_head = ctx.before(m.start("x"), 40)
    found = re.search(MONTH_ANY + r"(?:\s+(\d{1,2})(?!\d))?", sent_tail) or re.search(
        MONTH_ANY + r"(?:\s+(\d{1,2})(?!\d))?", sent_head
    )
    reason = (f"{m['x']!r}: the anniversary falls in {ctx.dct.year}, so the base event "
              f"happened {n} years earlier, in {base}")
    if found is not None:
        mo = month_number(found.group(0).split()[0])
        if found.group(1):
            dd = safe_date(base, mo, int(found.group(1)))
            if dd is not None:
                return ok(day_value(dd, ctx.dct), rule, reason + f"; day from {found.group(0)!r} "
                          "in the sentence", kind="anniversary")
        return ok(month_value(base, mo, ctx.dct), rule, reason + f"; month from "
                  f"{found.group(0)!r} in the sentence", kind="anniversary")
    return ok(year_value(base, ctx.dct), rule, reason + " (year precision)", kind="anniversary")


_ENDED_MONTH = re.compile(rf"\s+(?:ended|ending)\s+({MONTH_ANY})")
_DONE_BEFORE = re.compile(r"\b(?:ended|closed|expired|began|started)\s+(?:on\s+)?$",
                          re.IGNORECASE)
_WD_PREFIX = rf"(?:(?:(?:this\s+coming|this\s+past|next|last|this)\s+)?{WEEKDAY},?\s+)?"
"""A weekday in apposition before a date is part of it ("this coming Sunday, March 8")."""
_CONN = r"(?:\s*[-–—]\s*|\s+(?P<conn>to|until|till|through|and)\s+)"

ABS_RULES: tuple[Rule, ...] = (
    Rule("iso", compile_rule(r"(?P<x>(?<![\d-])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?!\d))"),
         _iso, ("num",)),
    Rule("day-range", compile_rule(
        rf"(?P<x>(?:\b(?P<pre>from|between)\s+)?(?P<p1>{M1}\s+(?P<d1>\d{{1,2}}){DAY_SUFFIX}){_CONN}"
        rf"(?P<p2>(?:{M2}\s+)?(?P<d2>\d{{1,2}}){DAY_SUFFIX}(?![\d:])(?:,?\s+{YEAR})?))"),
        _day_range, ("month",)),
    Rule("day-range", compile_rule(
        rf"(?P<x>(?:\b(?P<pre>from|between)\s+)?(?P<p1>(?:the\s+)?(?<![\d.,])(?P<d1>\d{{1,2}})"
        rf"{DAY_SUFFIX}(?:\s+(?:of\s+)?{M1})?){_CONN}(?P<p2>(?:the\s+)?(?P<d2>\d{{1,2}}){DAY_SUFFIX}"
        rf"\s+(?:of\s+)?{M2}(?:,?\s+{YEAR})?))"),
        _day_range, ("month",)),
    Rule("day-month", compile_rule(
        rf"(?P<x>{_WD_PREFIX}{M1}\s+(?P<d>\d{{1,2}}){DAY_SUFFIX}(?![\d:,.]\d)(?!\s*[-–—]\s*\d)"
        rf"(?:,?\s+{YEAR})?)"), _day_month, ("month",)),
    Rule("day-month", compile_rule(
        rf"(?P<x>(?P<wk>the\s+week\s+of\s+){_WD_PREFIX}{M1}\s+(?P<d>\d{{1,2}}){DAY_SUFFIX}"
        rf"(?![\d:,.]\d)(?!\s*[-–—]\s*\d)(?:,?\s+{YEAR})?)"), _day_month, ("unit",),
        frozenset(("the",))),
    Rule("day-month", compile_rule(
        rf"(?P<x>{_WD_PREFIX}(?:the\s+)?(?<![\d.,$])(?P<d>\d{{1,2}}){DAY_SUFFIX}\s+(?:of\s+)?{M1}"
        rf"(?:,?\s+{YEAR})?)"), _day_month, ("month",)),
    Rule("month", compile_rule(
        r"(?:\b(?P<cue>in|since|until|till|by|from|through|during|before|after|of|for|between)"
        rf"\s+)?(?:(?P<the>the)\s+)?(?P<x>(?:(?P<mod>early|mid|late|end|beginning|start|middle)"
        rf"(?:\s*-\s*|\s+(?:of\s+)?))?(?:(?P<rel>this\s+past|this\s+coming|last|next|this|past)"
        rf"\s+)?{M1}(?:,?\s+(?:of\s+)?{YEAR}|\s+(?:of\s+)?{REL_YEAR})?)(?![\w-])"
        r"(?!\s+\d{1,2}(?:st|nd|rd|th)?(?![\d,.:]?\d))"), _month,
        ("month",)),
    Rule("year-part", compile_rule(
        r"(?P<x>(?:the\s+)?(?P<mod>early|mid|late|end|beginning|start|middle|first\s+half"
        r"|second\s+half|latter\s+half|last\s+half)(?:\s*-\s*|\s+(?:of\s+)?)(?:(?:the\s+)?"
        rf"{YEAR}|{REL_YEAR}|(?P<ty>the\s+(?:current\s+)?year)))(?![\w-])"), _year_part,
        ("num", "unit"), frozenset(
        "the early mid late end beginning start middle first second latter last".split())),
    Rule("year", compile_rule(
        r"(?:\b(?P<cue>in|since|by|until|till|from|before|after|during|year|through|between"
        r"|the\s+year)\s+)?(?P<x>(?<![\w$€£#.,/:-])(?P<y>\d{4})(?![\w%]|[.,:/]\d|\s*(?:%|per"
        r"\s*cent)))"), _year, ("num",)),
    Rule("quarter", compile_rule(
        r"(?P<x>(?:(?P<the>the)\s+)?(?:(?P<ago>year[\s-]earlier|year[\s-]ago)\s+)?"
        r"(?:(?:(?P<y0>\d{4})|(?P<ry0>last|this|next)\s+year['’]s)\s+)?"
        r"(?:(?P<rel>last|latest|past|previous|preceding|current|this|next|coming)\s+)?"
        r"(?:fiscal[\s-]+(?=\w+[\s-]+quarter))?"
        r"(?:(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+)?"
        r"(?:fiscal\s+)?quarter(?![\w-])(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?(?:the\s+year\s+)?"
        rf"{YEAR}|{REL_YEAR}))?)"), _quarter, ("quarter",)),
    Rule("quarter", compile_rule(
        r"(?P<x>\bQ(?P<qn>[1-4])(?:\s*(?:of\s+)?(?:FY\s*)?(?P<y>\d{4}))?(?![\w]))"), _quarter,
        ("quarter",)),
    Rule("quarter", compile_rule(r"(?P<x>\b(?P<y>\d{4})\s*[-/]?\s*Q(?P<qn>[1-4])(?!\w))"),
         _quarter, ("num",)),
    Rule("fiscal", compile_rule(
        r"(?P<x>\bfiscal(?:\s+year)?\s+(?P<y>\d{4})(?!\d)|\bFY\s*(?:(?P<y2>\d{4})|(?P<ys>\d{2}))"
        r"(?!\d))"), _fiscal, ("quarter",)),
    Rule("decade", compile_rule(
        r"(?P<x>(?:(?P<the>the)\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<full>1\d{2}0|20\d0)"
        r"['’]?s|['’](?P<sd>\d)0['’]?s|(?<![\w.,$])(?P<sd2>[1-9])0s|(?P<word>twenties|thirties"
        r"|forties|fifties|sixties"
        r"|seventies|eighties|nineties)))(?!\w)"), _decade, ("num", "decade")),
    Rule("season", compile_rule(
        r"(?:\b(?P<cue>in|during|by|since|until|through|for|over|before|after)\s+)?"
        r"(?P<x>(?:(?P<the>the)\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?"
        r"(?:(?P<rel>this\s+past|this\s+coming|last|this|next|past|coming)\s+)?"
        r"(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?"
        rf"{YEAR}|\s+{REL_YEAR})?)(?![\w-])"), _season, ("season",)),
    Rule("anniversary", compile_rule(
        r"(?P<x>(?:the\s+)?(?P<o>\d{1,3}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+anniversary)"),
        _anniversary, ("anniversary",)),
)
