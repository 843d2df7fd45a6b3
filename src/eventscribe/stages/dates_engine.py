"""Runs the date rules fast: one token pass finds anchor words, rules are tried only near them.

Scanning ~25 verbose patterns over every character is slow in Python's ``re`` (the patterns
start with optional cue groups, so no first-character skip applies). Instead each sentence is
tokenised once; a token that can anchor a time expression (a digit, a month or weekday name,
"week", "quarter", "summer", ...) selects the rules listing that anchor category, and those are
tried with ``pattern.match`` at the anchor and at the starts of up to six preceding cue words
("in", "the", "early", "between", digits of a range ...). The result equals a full scan for every
expression that contains an anchor token.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from eventscribe.stages.dates_calendar import Resolution
from eventscribe.stages.dates_lexicon import MONTHS, NUMBER_WORDS, ORDINAL_WORDS, WEEKDAYS
from eventscribe.stages.dates_rules import Ctx, Rule, impossible
from eventscribe.stages.dates_rules_abs import ABS_RULES
from eventscribe.stages.dates_rules_extra import EXTRA_RULES
from eventscribe.stages.dates_rules_more import MORE_RULES
from eventscribe.stages.dates_rules_rel import REL_RULES
from eventscribe.stages.dates_rules_v4 import V4_RULES
from eventscribe.stages.dates_rules_v5 import V5_RULES

RULES: tuple[Rule, ...] = (MORE_RULES + ABS_RULES + REL_RULES + EXTRA_RULES + V4_RULES
                           + V5_RULES)
FUTURE_LIMIT_YEARS = 50
"""A date more than this many years after the DCT is rejected as absurd (E011)."""
NO_DCT_LIMIT_YEAR = 2100
"""Without a DCT, a year after this is rejected as absurd."""

Found = tuple[int, int, Resolution]

_TOKEN = re.compile(r"\d+[A-Za-z]*|[A-Za-z]+\d*")
_WORDS: dict[str, str] = {}
for _w in [*MONTHS, "sept", *(n.lower() for n in
                              "January February March April June July August September "
                              "October November December".split())]:
    _WORDS[_w] = "month"
for _w in WEEKDAYS:
    _WORDS[_w] = "weekday"
    _WORDS[_w + "s"] = "weekday"
for _w in ("second seconds minute minutes hour hours day days week weeks month months year "
           "years decade decades century centuries weekend weekends").split():
    _WORDS[_w] = "unit"
for _w in "spring summer fall autumn winter".split():
    _WORDS[_w] = "season"
for _w in "yesterday today tomorrow tonight morning afternoon evening night".split():
    _WORDS[_w] = "dayword"
for _w in ("now currently nowadays these recently previously formerly past future present current "
           "term date being").split():
    _WORDS[_w] = "ref"
for _w in "hourly daily weekly monthly annually yearly nightly every each per once".split():
    _WORDS[_w] = "set"
for _w in "noon midnight midday".split():
    _WORDS[_w] = "clock"
for _w in "quarter quarters fiscal fy q1 q2 q3 q4".split():
    _WORDS[_w] = "quarter"
for _w in "twenties thirties forties fifties sixties seventies eighties nineties".split():
    _WORDS[_w] = "decade"
_WORDS["anniversary"] = "anniversary"
_WORDS["fortnight"] = _WORDS["fortnights"] = "fortnight"
_WORDS["period"] = "period"
for _w in ("christmas thanksgiving easter halloween hallowe valentine independence labor labour "
           "memorial election veterans new good").split():
    _WORDS[_w] = "holiday"
for _w in NUMBER_WORDS:
    if _w not in ("a", "an") and " " not in _w:
        _WORDS.setdefault(_w, "num")

_PREFIX = frozenset(
    """the in on at of since until till by from through during before after for between and
    to over last this next past coming previous current early mid late end beginning start
    middle earlier later first second third fourth final half latter a an few several couple
    many some recent more year fiscal day following latest preceding same every each per once
    or s that full calendar entire whole comparable corresponding most just ending ended ends
    finish finished finishing close closed closes closing within near short post pre then
    later
    previous preceding straight consecutive successive trading business working single time
    long financial""".split()
) | frozenset(NUMBER_WORDS) | frozenset(ORDINAL_WORDS) | frozenset(WEEKDAYS) | frozenset(MONTHS)
_MAX_BACK = 6

_BY_ANCHOR: dict[str, tuple[int, ...]] = {}
for _i, _r in enumerate(RULES):
    for _a in _r.anchors:
        _BY_ANCHOR[_a] = (*_BY_ANCHOR.get(_a, ()), _i)
        if _a == "num" and "ordnum" not in _r.anchors:
            _BY_ANCHOR["ordnum"] = (*_BY_ANCHOR.get("ordnum", ()), _i)
"""Anchor category -> rules. "ordnum" (a digit ordinal, "14th") selects every "num" rule too,
plus the rules that only a digit ordinal can anchor ("on the 14th")."""
_ORD_SUFFIXES = frozenset(("st", "nd", "rd", "th", "ST", "ND", "RD", "TH"))
_HAS_X = tuple("x" in r.pattern.groupindex for r in RULES)


_WORDS_CASED: dict[str, str] = {}
for _w, _c in _WORDS.items():
    for _v in (_w, _w.capitalize(), _w.upper()):
        _WORDS_CASED.setdefault(_v, _c)
"""Anchor words as written (lower, Capitalised, UPPER): one dict look-up per token."""


def _category(tok: str) -> str | None:
    if tok[0].isdigit():
        return "num"
    low = tok.lower()
    cat = _WORDS.get(low)
    if cat is None and low.startswith("fy") and low[2:].isdigit():
        return "quarter"
    return cat


def _is_prefix(tok: str) -> bool:
    return tok[0].isdigit() or tok.lower() in _PREFIX


def finalise(res: Resolution, dct: date | None) -> Resolution:
    """Reject absurd future years; mark dates after the DCT as future in the reason (the
    parts of a range too)."""
    if res.parts:
        parts = tuple((s, e, finalise(p, dct)) for s, e, p in res.parts)
        res = replace(res, parts=parts if all(p.value for _, _, p in parts) else ())
    v = res.value
    if v is None:
        return res
    y = v.start.year
    if dct is not None and y > dct.year + FUTURE_LIMIT_YEARS:
        return Resolution(None, None, res.kind, res.rule,
                          f"year {y} is after the publication date (E011 absurd date rejected)",
                          0.1)
    if dct is None and y > NO_DCT_LIMIT_YEAR:
        return Resolution(None, None, res.kind, res.rule,
                          f"year {y} is implausibly far in the future (E011 absurd date rejected)",
                          0.1)
    if dct is not None and v.start > dct:
        return Resolution(res.timex, v, res.kind, res.rule,
                          res.reason + "; it lies after the publication date (future)",
                          min(res.score, 0.7), res.parts)
    return res


_TITLED = {"duration": True, "relative-unit": True, "day-word": True, "clock-time": True,
           "set": True, "ago": True, "reference": True}
"""Rules whose words are common nouns: capitalised mid-sentence they are part of a name."""
_UNIT_WORDS = frozenset(("second seconds minute minutes hour hours day days week weeks month "
                         "months year years decade decades today tonight tomorrow yesterday noon "
                         "midnight daily weekly monthly now").split())
_CAP_WORD = re.compile(r"[A-Za-z]+")
_ACRONYM_END = re.compile(r"(?<![\w.])[A-Z]{2,5}(?:['’]s)?$")


def _is_title(text: str, xs: int, xe: int, s: int, e: int) -> bool:
    """True when a unit word of ``text[xs:xe]`` is capitalised mid-sentence in a sentence that is
    not itself in title case: "CBS's '60 Minutes'", "ABC's 'This Week'", "VOA Today"."""
    seg = text[xs:xe]
    if seg == seg.lower():
        return False
    words = [(m.start(), m.group()) for m in _CAP_WORD.finditer(text, xs, xe)]
    hit = False
    for pos, w in words:
        if w.lower() in _UNIT_WORDS and w[0].isupper() and not w.isupper():
            head = text[s:pos].rstrip(" \t\"'“‘`(")
            if head and head[-1] not in ".!?:\n":
                hit = True
                if _ACRONYM_END.search(head):
                    return True  # "USA Today", "NBC's Today show", "VOA Today": a title
    if not hit:
        return False
    sent = _CAP_WORD.findall(text, s, e)
    caps = sum(1 for w in sent if w[0].isupper())
    return caps * 2 < len(sent)


def _sentence_candidates(
    text: str, dct: date | None, s: int, e: int, anaphora: bool = True
) -> list[tuple[int, int, int, Resolution]]:
    toks = _TOKEN.findall(text, s, e)
    ctx = Ctx(text, dct, s, e, anaphora)
    seen: set[tuple[int, int, int]] = set()
    out: list[tuple[int, int, int, Resolution]] = []
    tried: set[tuple[int, int]] = set()
    words_get = _WORDS_CASED.get
    offsets: list[int] | None = None
    for ti, tok in enumerate(toks):
        cat = ("ordnum" if tok[-2:] in _ORD_SUFFIXES and tok[:-2].isdigit() else "num") \
            if tok[0].isdigit() else words_get(tok)
        if cat is None and (
                (tok.islower() and not tok.startswith("fy")) or (cat := _category(tok)) is None):
            continue
        if offsets is None:  # token offsets only for sentences with an anchor
            offsets = [m.start() for m in _TOKEN.finditer(text, s, e)]
        tstart = offsets[ti]
        starts = [(tstart, tok.lower())]
        if tstart > s and text[tstart - 1] in "'’":
            starts.append((tstart - 1, "'"))
        j = ti - 1
        while j >= 0 and ti - j <= _MAX_BACK and _is_prefix(toks[j]):
            starts.append((offsets[j], toks[j].lower()))
            j -= 1
        starts.sort()
        for ri in _BY_ANCHOR.get(cat, ()):
            rule = RULES[ri]
            firsts = rule.firsts
            for st, low in starts:
                if (firsts and low not in firsts
                        and not ("#num" in firsts and low[:1].isdigit())) or (ri, st) in tried:
                    continue
                tried.add((ri, st))
                m = rule.pattern.match(text, st, e)
                if m is None:
                    continue
                xs, xe = m.span("x") if _HAS_X[ri] else m.span()
                if xe <= xs or (ri, xs, xe) in seen:
                    continue
                try:
                    res = rule.resolve(m, ctx)
                except (ValueError, OverflowError) as exc:  # "mid-0000", a DCT near year 1
                    res = impossible(rule.name, f"{text[xs:xe]!r} is outside the calendar ({exc})")
                if res is not None and _TITLED.get(rule.name) and _is_title(text, xs, xe, s, e):
                    continue
                if res is not None:
                    seen.add((ri, xs, xe))
                    out.append((xs, xe, ri, finalise(res, dct)))
    return out


def find_expressions(
    text: str, published: date | None, bounds: tuple[tuple[int, int], ...] | None = None,
    *, anaphora: bool = True,
) -> list[Found]:
    """All time expressions in ``text`` as (start, end, Resolution), left to right.

    ``bounds`` are sentence (start, end) offsets; rules never match across them. Overlapping
    candidates are resolved longest first, then by rule order. ``anaphora=False`` silences the
    rules that refer back to an earlier date ("that day"), as used when looking for one.
    """
    if not bounds:
        bounds = ((0, len(text)),)
    cands: list[tuple[int, int, int, Resolution]] = []
    for s, e in bounds:
        cands.extend(_sentence_candidates(text, published, s, e, anaphora))
    cands.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
    chosen: list[Found] = []
    for xs, xe, _, res in cands:
        if any(xs < ce and cs < xe for cs, ce, _r in chosen):
            continue
        chosen.append((xs, xe, res))
    chosen.sort(key=lambda c: c[0])
    return _with_modifiers(text, chosen)


def timeml_parts(found: list[Found]) -> list[Found]:
    """The expressions as TimeML annotates them: a range found as one expression ("from Aug. 26
    to Oct. 20", one DateValue for users) is replaced by its endpoints, each with its own value
    (the parts its rule parsed; see ``Resolution.parts``). Order and other expressions are kept.
    """
    if not any(f[2].parts for f in found):
        return found
    out: list[Found] = []
    for f in found:
        out.extend(f[2].parts or (f,))
    return out


_MOD_BEFORE = re.compile(
    r"(?:\b(?:around|nearly|almost|approximately|roughly|more\s+than|less\s+than"
    r"|fewer\s+than|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than"
    r"|over|under)\s+)$", re.IGNORECASE)
_MOD_LAST = frozenset("around nearly almost approximately roughly than least most to over under "
                      "the early late".split())
_TRIM_START = re.compile(r"the\s+(?=(?:fiscal[\s-]+)?\w+-quarter\b)", re.IGNORECASE)
_PART_OF = re.compile(r"(?:end|beginning|start|middle)\s+of\b", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_APPROX = frozenset(("around", "nearly", "almost", "approximately", "roughly"))
"""Modifiers a calendar date takes inside its span; "up to", "at least", "more than" ... only
count a quantity ("up to 72 hours"; "in the run-up to Christmas" is a preposition)."""
_OR_SO = re.compile(r"\s+or\s+so\b", re.IGNORECASE)
_PART_BEFORE = re.compile(r"\b(?:early|late)\s+$", re.IGNORECASE)
_DAY_RULES = frozenset(("weekday", "day-word"))


def _with_modifiers(text: str, found: list[Found]) -> list[Found]:
    """TimeML puts a quantity's modifier inside the expression ("nearly two years", "at least
    72 hours", "around Nov. 1", "the nine months", "late yesterday"): widen the span over it.

    "over"/"under" and "the" only widen durations and ages-ago that start with a number
    ("over a week", "the six months"; not adjectives: "the 14-day"); "early/late" only widen
    a named day ("late Tuesday"). "about" stays outside (TimeBank leaves it out).
    """
    out: list[Found] = []
    prev_end = 0
    for s, e, res in found:
        trim = _TRIM_START.match(text, s, e)
        if trim is not None and res.rule == "quarter" and text[e - 8 : e] == "-quarter":
            s = trim.end()  # "[the] third-quarter results": the determiner is the noun's
        if (approx := _OR_SO.match(text, e)) is not None:
            e = approx.end()  # "the next two years or so": TimeML keeps the approximation in
        before = text[max(prev_end, s - 24) : s]
        last = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
        if last not in _MOD_LAST:
            out.append((s, e, res))
            prev_end = e
            continue
        numeric = text[s : s + 1].isdigit() or text[s:e].split(" ", 1)[0].lower() in _NUM_START
        m = _MOD_BEFORE.search(before)
        if m is not None and (res.kind in ("duration", "time") or res.rule == "ago"
                              or res.value is not None):
            word = m.group().split()[0].lower()
            quantity = res.kind in ("duration", "time") or res.rule == "ago"
            if (word not in ("over", "under") or (numeric and (
                    res.kind == "duration" or res.rule == "ago"))) and (
                    quantity or word in _APPROX):
                s -= len(m.group())  # a date takes only an approximation: "around Nov. 1"
        elif (the := _THE_BEFORE.search(before)) is not None and (
                (res.value is not None and _PART_OF.match(text, s) is not None)
                or (res.kind == "duration" and numeric and "-" not in text[s:e])):
            s -= len(the.group())
        elif res.rule in _DAY_RULES and _PART_BEFORE.search(before):
            s -= len(_PART_BEFORE.search(before).group())  # type: ignore[union-attr]
        out.append((s, e, res))
        prev_end = e
    return out


_NUM_START = frozenset(w for w in NUMBER_WORDS if " " not in w)
