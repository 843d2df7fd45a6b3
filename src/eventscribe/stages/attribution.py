"""Who asserts a statement: a quoted speaker, "according to X", "X said", or the outlet.

:func:`attribute` looks, in this order, for

1. a quotation around the span (curly or straight double quotes, possibly across sentences),
   whose speaker is named before it ("Amnesty International, who wrote in its report: “...”")
   or after it ("“...,” the ministry said");
2. "according to X" in the span's sentence;
3. a reporting verb governing the sentence: "X said/reported/told/...", "said X",
   "X said on Tuesday that ...", "X's report", a headline tail (" - defence ministry", ": MoI");
4. otherwise the outlet (``adoc.doc.outlet_name``).

Source names are noun phrases: an NER entity (ORG, PERSON, NORP, GPE) when one ends where the
subject should be, otherwise a heuristic over capitalised words and known source nouns
("police", "the ministry", "officials", "witnesses", "local media").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from eventscribe.model import AnnotatedDoc, Span

AttributionKind = Literal["outlet", "quote", "according_to", "reporting_verb"]

REPORTING = (
    r"said|says|say|reported|reports|told|tells|wrote|writes|stated|states|claimed|claims|"
    r"confirmed|confirms|announced|announces|added|adds|noted|notes|explained|insisted|alleged|"
    r"estimated|estimates|counted|recorded|documented|tweeted|posted"
)
REPORTING_RE = re.compile(rf"\b(?:{REPORTING})\b")
ACCORDING_RE = re.compile(r"\b[Aa]ccording to\s+")
POSSESSIVE_REPORT_RE = re.compile(
    r"([A-Z][\w.&-]*(?:\s+(?:of|for|on|and|the|[A-Z][\w.&-]*))*?)['’]s\s+"
    r"(?:\w+\s+){0,2}?(?:report|statement|count|tally|figures|data)\b"
)
REPORT_BY_RE = re.compile(r"\b(?:report|statement|tally|count)\s+(?:by|from)\s+")
HEADLINE_LEAD_RE = re.compile(r"([A-Za-z][\w .'’&-]{1,40}?):\s")
HEADLINE_TAIL_RE = re.compile(r"(?:\s[-–—]\s|:\s)([A-Za-z][\w .'’&-]{1,40})$")

SOURCE_NOUNS = frozenset(
    """police policeman policemen official officials witness witnesses resident residents
    source sources media ministry military army spokesman spokeswoman spokesperson governor
    agency authorities authority government statement doctors doctor medics medic hospital
    rescuers activists activist observers monitors monitor group organisation organization
    mission council commission office command forces officers officer mayor chief commander
    medical examiner coroner officials survivors relatives lawyer lawyers newspaper television
    broadcaster outlet outlets reports report tv radio agency committee ngo ngos
    observatory network prosecutor prosecutors administration leaders leader spokesmen
    officers paramedics""".split()
)
SOURCE_MODIFIERS = frozenset(
    """local state security military hospital defence defense interior health medical police
    government official senior provincial district regional federal national foreign rebel
    opposition tribal village army rights humanitarian independent news private""".split()
)
NON_NAME_CAPS = frozenset(
    """The A An This That These Those It He She They We I You But And Yet However Meanwhile
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Yesterday Today Tonight Earlier
    Later On In At By For From After Before During When While As Also Officials Police
    January February March April May June July August September October November December
    Still Then Separately Last Next""".split()
)
ADJ_SUFFIXES = ("al", "ic", "ian", "ary", "ese", "ish", "ive", "ern")
FUNCTION_WORDS = frozenset(
    """in on at of for to from by with that which who said says told and or but as after
    before during when while than on this these those its their his her was were is are has
    have had be been being also yesterday today tonight""".split()
)
CONNECTORS = frozenset("of for on and de du al el bin the".split())
PRONOUNS = frozenset("he she they it we i you who which".split())
NAME_LABELS = ("ORG", "PERSON", "NORP", "GPE")


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who asserts a span: a clean name, the span naming them (None for the outlet), how."""

    source: str
    span: Span | None
    kind: AttributionKind
    reason: str


@lru_cache(maxsize=64)
def quotations(text: str) -> tuple[tuple[int, int], ...]:
    """Quoted passages ``(start, end)`` (inside the marks) in ``text``.

    Curly quotes pair an opening “ with the next ”; an unclosed “ runs to the end of its
    paragraph. Straight double quotes pair in order within a paragraph.
    """
    out: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while True:
        o = text.find("“", i)
        if o < 0:
            break
        c = text.find("”", o + 1)
        para = text.find("\n\n", o + 1)
        para = n if para < 0 else para
        nxt_open = text.find("“", o + 1)
        if c < 0 or (nxt_open >= 0 and nxt_open < c and c > para):
            end = min(para, nxt_open if nxt_open >= 0 else n)
            out.append((o + 1, end))
            i = o + 1
            continue
        out.append((o + 1, c))
        i = c + 1
    for line in re.finditer(r"[^\n]+", text):
        marks = [m.start() for m in re.finditer('"', line.group())]
        for a, b in zip(marks[0::2], marks[1::2], strict=False):
            out.append((line.start() + a + 1, line.start() + b))
    return tuple(sorted(out))


def _sentence_bounds(adoc: AnnotatedDoc, offset: int) -> tuple[int, int]:
    idx = adoc.sentence_index(offset)
    if idx >= 0:
        s = adoc.sentences[idx]
        return s.start, s.end
    text = adoc.text
    lo = max(text.rfind(". ", 0, offset), text.rfind("\n", 0, offset))
    hi_candidates = [x for x in (text.find(". ", offset), text.find("\n", offset)) if x >= 0]
    hi = min(hi_candidates) + 1 if hi_candidates else len(text)
    return (lo + 1 if lo >= 0 else 0), hi


def _entity_ending_at(adoc: AnnotatedDoc, end: int, lo: int) -> Span | None:
    """A name entity ending at ``end`` (give or take one character), starting at/after ``lo``."""
    best: Span | None = None
    for e in adoc.entities:
        if (
            e.label in NAME_LABELS
            and e.span.start >= lo
            and 0 <= end - e.span.end <= 1
            and (best is None or e.span.start < best.start)
        ):
            best = e.span
    return best


def _entity_starting_at(adoc: AnnotatedDoc, start: int, hi: int) -> Span | None:
    for e in adoc.entities:
        if e.label in NAME_LABELS and 0 <= e.span.start - start <= 4 and e.span.end <= hi:
            return e.span
    return None


TRAILING_NP_RE = re.compile(
    r",\s+((?:the|a|an)\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3})\s*$"
)
PLACE_SOURCE_RE = re.compile(
    r"((?:[A-Za-z][\w'’-]*\s+){0,2}?([A-Za-z][\w'’-]*))\s+(?:in|from|at)\s+"
)
NOT_A_CLAIM_RE = re.compile(r"\s+(?:the\s+lives|responsibility|\d)")
WORD_RE = re.compile(r"[\w.&'’-]+")


def _np_before(adoc: AnnotatedDoc, end: int, lo: int) -> Span | None:
    """The noun phrase ending at ``end`` (a source name), not starting before ``lo``."""
    text = adoc.text
    e = end
    while e > lo and text[e - 1] in " \t":
        e -= 1
    # skip auxiliaries and adverbs right before the verb, and a parenthetical "(HRW)"
    words = list(WORD_RE.finditer(text, lo, e))
    while words and words[-1].group().lower() in (
        "has", "have", "had", "also", "later", "previously", "earlier", "separately", "reportedly",
        "officially", "publicly", "then", "had", "once", "would", "will", "could", "further",
    ) and words[-1].end() >= e - 1:
        e = words[-1].start()
        while e > lo and text[e - 1] in " \t":
            e -= 1
        words.pop()
    if e > lo and text[e - 1] == ")":
        o = text.rfind("(", lo, e)
        if o >= 0:
            e = o
            while e > lo and text[e - 1] in " \t":
                e -= 1
    # ", who" / ", which": the subject is before the relative pronoun
    m = re.search(r",?\s*\b(?:who|which)\s*$", text[lo:e])
    if m:
        e = lo + m.start()
    ent = _entity_ending_at(adoc, e, lo)
    if ent is not None:
        return ent
    toks = [t for t in WORD_RE.finditer(text, lo, e)]
    if not toks or toks[-1].end() < e - 1:
        return None
    # ", the city administration said": a comma, an article and a short lower-case phrase
    tail = TRAILING_NP_RE.search(text, lo, e)
    if tail and tail.end(1) >= e - 1:
        return Span.of(text, tail.start(1), tail.end(1))
    taken: list[re.Match[str]] = []
    for t in reversed(toks):
        w = t.group()
        if taken and text[t.end() : taken[-1].start()].strip() not in ("", "-"):
            break
        low = w.lower().rstrip(".")
        if low in PRONOUNS:
            if not taken:
                return None
            break
        if w[0].isupper() and w not in NON_NAME_CAPS:
            taken.append(t)
        elif low in SOURCE_NOUNS and (not taken or taken[-1].group()[0].islower()):
            taken.append(t)
        elif taken and (low in SOURCE_MODIFIERS or low.endswith(ADJ_SUFFIXES)) and len(taken) < 4:
            taken.append(t)
        elif low in CONNECTORS and taken and low != "the":
            taken.append(t)
        elif low == "the" and taken:
            taken.append(t)
            break
        elif w in ("Police", "Officials") and not taken:
            taken.append(t)
        else:
            break
    while taken and taken[-1].group().lower() in CONNECTORS - {"the"}:
        taken.pop()
    if not taken:
        return None
    start, stop = taken[-1].start(), taken[0].end()
    # "Officials in Kabul": a source noun before "in/from/at" and a place
    ext = PLACE_SOURCE_RE.search(text, lo, start)
    if ext and ext.end() == start and ext.group(2).lower() in SOURCE_NOUNS:
        start = ext.start(1)
    name = text[start:stop]
    if name.lower() in ("the",):
        return None
    # a lone sentence-initial capitalised word that is not a known source is too weak
    if len(taken) == 1 and name.lower() not in SOURCE_NOUNS and not any(
        c.isupper() for c in name[1:]
    ) and start == lo:
        return None
    return Span.of(text, start, stop)


def _np_after(adoc: AnnotatedDoc, start: int, hi: int) -> Span | None:
    """The noun phrase starting at ``start`` ("said the ministry", "according to police")."""
    text = adoc.text
    s = start
    while s < hi and text[s] in " \t":
        s += 1
    ent = _entity_starting_at(adoc, s, hi)
    if ent is not None:
        return ent
    toks = list(WORD_RE.finditer(text, s, hi))
    taken: list[re.Match[str]] = []
    for t in toks:
        if taken and text[taken[-1].end() : t.start()].strip() not in ("", "-"):
            break
        w = t.group().rstrip(".,")
        low = w.lower()
        if not taken and low in ("the", "a", "an"):
            taken.append(t)
            continue
        after_article = bool(taken) and taken[0].group().lower() in ("the", "a", "an")
        lower_ok = after_article and low not in FUNCTION_WORDS and len(taken) < 5
        if w and (
            w[0].isupper() or low in SOURCE_NOUNS or low in SOURCE_MODIFIERS or lower_ok
        ) and (low not in PRONOUNS):
            if w in NON_NAME_CAPS and w not in ("Police", "Officials") and len(taken) > 0 and (
                taken[-1].group().lower() not in ("the", "a", "an")
            ):
                break
            taken.append(t)
        elif low in CONNECTORS and taken and low != "the":
            taken.append(t)
        else:
            break
    while taken and (taken[-1].group().lower() in CONNECTORS or taken[-1].group().lower() in (
        "a", "an", "the"
    )):
        taken.pop()
    if not taken:
        return None
    end = taken[-1].end()
    while end > s and text[end - 1] in ".,":
        end -= 1
    return Span.of(text, taken[0].start(), end)


def clean_name(span: Span) -> str:
    """A tidy source name: no leading "The"/"A" before a proper name, no possessive."""
    name = span.text.strip().rstrip(",.:;")
    name = re.sub(r"['’]s$", "", name)
    words = name.split()
    if len(words) > 1 and words[-1].lower() in ("statement", "report", "reports", "statements"):
        name = " ".join(words[:-1])
        name = re.sub(r"^(?:a|an|A|An)\s+", "", name)
    name = re.sub(r"^(?:a|an)\s+(?=[a-z])", "", name)
    if name.lower() in SOURCE_NOUNS:
        return name.lower()
    m = re.match(r"(?:[Tt]he|[Aa]n?)\s+(.*)$", name)
    if m and m.group(1)[:1].isupper():
        name = m.group(1)
    elif m and name[:1] == "T":
        name = "t" + name[1:]
    return name


def _is_passive(text: str, verb_start: int) -> bool:
    before = text[max(0, verb_start - 12) : verb_start].lower().split()
    return bool(before) and before[-1] in ("was", "were", "been", "being", "is", "are", "be")


def _speaker_of_quote(adoc: AnnotatedDoc, q_start: int, q_end: int) -> Span | None:
    """The speaker of the quotation ``text[q_start:q_end]``, named before or after it."""
    text = adoc.text
    # after: "”, the ministry said" / "”, said Jane Doe"
    tail_end = min(len(text), q_end + 120)
    nl = text.find("\n", q_end)
    if 0 <= nl < tail_end:
        tail_end = nl
    tail = text[q_end + 1 : tail_end]
    m = re.match(rf"\s*[,.]?\s*(.{{0,70}}?)\b({REPORTING})\b", tail)
    if m and "“" not in m.group(1) and '"' not in m.group(1):
        verb_pos = q_end + 1 + m.start(2)
        if m.group(1).strip(" ,"):
            np = _np_before(adoc, verb_pos, q_end + 1 + m.start(1))
            if np is not None:
                return np
        else:
            np = _np_after(adoc, q_end + 1 + m.end(2), tail_end)
            if np is not None:
                return np
    # before: "X said: “", "X, who wrote in their 2010 report ...: “"
    head_start = max(0, q_start - 1 - 300)
    para = text.rfind("\n", head_start, q_start - 1)
    if para >= 0:
        head_start = para + 1
    head = text[head_start : q_start - 1]
    verbs = [
        v for v in REPORTING_RE.finditer(head) if not _is_passive(text, head_start + v.start())
    ]
    if verbs:
        v = verbs[-1]
        vs = head_start + v.start()
        lo = max(text.rfind(". ", head_start, vs) + 2, head_start)
        np = _np_before(adoc, vs, lo)
        if np is not None:
            return np
    by = list(re.finditer(r"\bby\s+", head))
    if by:
        return _np_after(adoc, head_start + by[-1].end(), q_start - 1)
    return None


def _in_quote(adoc: AnnotatedDoc, span: Span) -> tuple[int, int] | None:
    for a, b in quotations(adoc.text):
        if a <= span.start and span.end <= b:
            return a, b
    return None


def attribute(adoc: AnnotatedDoc, span: Span) -> Attribution:
    """Who asserts the statement at ``span`` (see the module docstring for the rules)."""
    text = adoc.text
    q = _in_quote(adoc, span)
    if q is not None:
        sp = _speaker_of_quote(adoc, q[0], q[1])
        if sp is not None:
            name = clean_name(sp)
            return Attribution(name, sp, "quote", f"inside a quotation by {name}")
    s_lo, s_hi = _sentence_bounds(adoc, span.start)
    s_hi = max(s_hi, span.end)
    sentence = text[s_lo:s_hi]
    for m in ACCORDING_RE.finditer(sentence):
        a = s_lo + m.end()
        if span.start <= a < span.end:
            continue
        np = _np_after(adoc, a, s_hi)
        if np is not None:
            name = clean_name(np)
            return Attribution(name, np, "according_to", f"'according to {name}'")
    best: tuple[int, Span, str] | None = None
    for v in REPORTING_RE.finditer(sentence):
        vs, ve = s_lo + v.start(), s_lo + v.end()
        if span.start <= vs < span.end or _is_passive(text, vs):
            continue
        after = text[ve : ve + 25].lower()
        if v.group() in ("claimed", "claims") and NOT_A_CLAIM_RE.match(after):
            continue
        np = _np_before(adoc, vs, s_lo)
        if np is None or np.overlaps(span):
            np = _np_after(adoc, ve, s_hi)
            if np is not None and (np.overlaps(span) or text[ve:np.start].strip()):
                np = None
        if np is None:
            continue
        dist = abs(vs - span.start)
        if best is None or dist < best[0]:
            best = (dist, np, v.group())
    if best is not None:
        name = clean_name(best[1])
        reason = f"'{name} {best[2]}' governs the clause"
        return Attribution(name, best[1], "reporting_verb", reason)
    for m in POSSESSIVE_REPORT_RE.finditer(sentence):
        sp = Span.of(text, s_lo + m.start(1), s_lo + m.end(1))
        if not sp.overlaps(span):
            name = clean_name(sp)
            return Attribution(name, sp, "according_to", f"in {name}'s report")
    for m in REPORT_BY_RE.finditer(sentence):
        np = _np_after(adoc, s_lo + m.end(), s_hi)
        if np is not None and not np.overlaps(span):
            name = clean_name(np)
            return Attribution(name, np, "according_to", f"in a report by {name}")
    line_start = text.rfind("\n", 0, span.start) + 1
    lead = HEADLINE_LEAD_RE.match(text, line_start, span.start)
    if lead and lead.group(1).split()[-1].lower() in SOURCE_NOUNS:
        sp = Span.of(text, lead.start(1), lead.end(1))
        name = clean_name(sp)
        return Attribution(name, sp, "according_to", f"headline credits '{name}'")
    line_end = text.find("\n", span.end)
    line_end = len(text) if line_end < 0 else line_end
    tail = HEADLINE_TAIL_RE.search(text, span.end, line_end)
    headline = not text[span.end : line_end].rstrip().endswith((".", "!", "?", "”", '"'))
    if (
        tail
        and headline
        and not any(ch.isdigit() for ch in tail.group(1))
        and len(tail.group(1).split()) <= 5
    ):
        sp = Span.of(text, tail.start(1), tail.end(1))
        name = clean_name(sp)
        return Attribution(name, sp, "according_to", f"headline credits '{name}'")
    outlet = adoc.doc.outlet_name
    return Attribution(outlet, None, "outlet", f"no other source named: the outlet ({outlet})")
