"""Words and regular-expression fragments shared by the date rules."""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    name: i + 1
    for i, name in enumerate(
        "jan feb mar apr may jun jul aug sep oct nov dec".split()
    )
}
WEEKDAYS: dict[str, int] = {
    name: i
    for i, name in enumerate(
        "monday tuesday wednesday thursday friday saturday sunday".split()
    )
}

_UNITS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
NUMBER_WORDS: dict[str, int] = {w: i + 1 for i, w in enumerate(_UNITS)}
NUMBER_WORDS.update(_TENS)
NUMBER_WORDS.update({"a": 1, "an": 1, "hundred": 100, "a hundred": 100, "one hundred": 100})

_ORD_UNITS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_ORD_TENS = {"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
             "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100}
ORDINAL_WORDS: dict[str, int] = {w: i + 1 for i, w in enumerate(_ORD_UNITS)}
ORDINAL_WORDS.update(_ORD_TENS)

# --- regex fragments -------------------------------------------------------------------------

# Month names are matched case-sensitively (capitalised), so "may" and "march" the verbs never
# match; abbreviations may carry a dot.
MONTH_ANY = (
    r"(?-i:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
    r"(?![A-Za-z]))"
)
WEEKDAY = (
    r"(?-i:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)(?![A-Za-z]))"
)
_NUM_ALT = "|".join(
    sorted([*NUMBER_WORDS, *(f"{t}-{u}" for t in _TENS for u in _UNITS[:9])], key=len,
           reverse=True)
)
_COMPOUND = (rf"(?:twenty|{'|'.join(_TENS)})[\s-](?:{'|'.join(_UNITS[:9])})(?![a-z])")
NUM = rf"(?:\d{{1,3}}(?:\.5)?|{_COMPOUND}|{_NUM_ALT})"
_ORD_ALT = "|".join(
    sorted([*ORDINAL_WORDS, *(f"{t}-{u}" for t in ("twenty", *_TENS) for u in _ORD_UNITS[:9])],
           key=len, reverse=True)
)
ORDINAL = rf"(?:\d{{1,3}}(?:st|nd|rd|th)|{_ORD_ALT})"
DAY_ORDINAL_WORD = (
    r"(?:(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|thirtieth)(?![\w-])"
)
"""A day of the month written as an ordinal word ("eighth", "twenty-first"); the resolver
checks the month has that day ("thirty-second" is no day)."""
NUMBER_FIRSTS = frozenset(
    [*(w for w in NUMBER_WORDS if " " not in w), *ORDINAL_WORDS, "#num"])
"""First words of a number or ordinal (for rule start filters)."""
DAY_SUFFIX = r"(?:st|nd|rd|th)?"
DASH = r"\s*[-–—]\s*"

DEADLINE_CUE = re.compile(
    r"\b(?:by|until|till|through|no\s+later\s+than)\s+$", re.IGNORECASE
)
REPORTING_CUE = re.compile(
    r"\b(?:said|told|added|announced|reported|predicted)(?:\s+\S+){0,2}\s*$", re.IGNORECASE
)
"""A reporting verb right before an expression ("said Tuesday") dates the saying: past."""
SOON_CUE = re.compile(r"\bas\s+(?:soon|early)\s+as\s+$", re.IGNORECASE)
FUTURE_CUE = re.compile(
    r"\b(?:will|shall|won't|is\s+to|are\s+to|was\s+to|scheduled|expected\s+to|plans?\s+to"
    r"|planned|planning|going\s+to|set\s+to|upcoming|supposed\s+to|would|should"
    r"|(?:is|are)\s+expected"
    r"|(?:expects?|intends?|aims?|hopes?)\s+to"
    r"|(?:agreed|decided|voted|plans|planning|ready|due|likely|able)\s+to"
    r"|due\s+to\s+(?:be|take|hold|meet|start"
    r"|begin|open|vote|arrive|visit))\b|['’]ll\b",
    re.IGNORECASE,
)
PAST_CUE = re.compile(
    r"\b(?:was|were|had|did|ago|previously|formerly|earlier|met|rose|fell|began|ended|closed"
    r"|opened|ruled|decided|attended|killed|died"
    # irregular simple pasts that are no participle ("held", "made" also follow "will be")
    r"|took|came|went|saw|gave|broke|drove|flew|withdrew|overran|overtook|ran|fled|fought"
    r"|stormed|seized|captured|attacked|clashed|erupted)\b",
    re.IGNORECASE,
)

# Words after a number that show it counts things, so it is no year ("2009 people").
COUNT_NOUNS = frozenset(
    """people persons civilians soldiers troops fighters militants police policemen officers
    protesters demonstrators residents others members children women men students workers
    dead killed injured wounded hurt arrested detained abducted kidnapped missing refugees
    families homes houses buildings vehicles cars rockets missiles shells bombs rounds
    dollars euros pounds rupees yuan yen barrels tonnes tons kilometres kilometers miles
    metres meters km hours minutes seconds days weeks months years votes seats cases deaths
    units shares points copies prisoners detainees hostages inmates villagers migrants
    sq square acres hectares feet percent per""".split()
)
# Words before a number that show it is an identifier or a quantity, not a year.
NON_YEAR_BEFORE = frozenset(
    """resolution no no. number flight route room page article item code model highway bus
    line section paragraph chapter unit batch case file law bill decree order act about some
    nearly almost approximately around roughly least than over only total height altitude
    $ € £ rs usd proposition prop interstate windows russell version suite gate platform
    channel apollo""".split()
)
QUANTIFIERS = frozenset("about some nearly almost approximately around roughly".split())


def number_value(word: str) -> int | None:
    """Integer value of a digit string or English number word; None when vague or unknown."""
    w = re.sub(r"\s+", "-", word.lower().replace("\u2011", "-").strip())
    if w.replace(".", "", 1).isdigit():
        return int(float(w)) if float(w).is_integer() else None
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    if "-" in w:
        tens, _, unit = w.partition("-")
        if (tens in _TENS or tens == "twenty") and unit in NUMBER_WORDS:
            return (_TENS.get(tens) or 20) + NUMBER_WORDS[unit]
    return None


def ordinal_value(word: str) -> int | None:
    """Integer value of "11th" or "eleventh" / "twenty-fifth"; None if unknown."""
    w = word.lower().strip()
    m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", w)
    if m:
        return int(m.group(1))
    if w in ORDINAL_WORDS:
        return ORDINAL_WORDS[w]
    w = re.sub(r"[\s\u2011]+", "-", w)
    if "-" in w:
        tens, _, unit = w.partition("-")
        if (tens in _TENS or tens == "twenty") and unit in _ORD_UNITS[:9]:
            return (_TENS.get(tens) or 20) + ORDINAL_WORDS[unit]
    return None


def month_number(word: str) -> int:
    """Month number of a (possibly abbreviated, dotted or upper-case) month name."""
    return MONTHS[word[:3].lower()]


def weekday_number(word: str) -> int:
    """Weekday number (0 = Monday) of a weekday name."""
    return WEEKDAYS[word.lower()]
