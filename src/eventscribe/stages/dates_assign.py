"""Which time expression governs an event trigger (same sentence, same clause, nearest)."""

from __future__ import annotations

import re

from eventscribe.model import AnnotatedDoc, DateAssignment, Provenance, Span, TimeMention
from eventscribe.stages.dates_calendar import precision_rank

ASSIGN_STAGE = "dates.assign.v2"

_BOUNDARY = re.compile(
    r"[,;:()\[\]—–]|\s-\s|\s(?:and|but|while|whereas|which|who|whom|where|after|before|when"
    r"|because|although|though|since|until|as)\s",
    re.IGNORECASE,
)
_DETERMINER = re.compile(
    r"(?:\b(?:the|a|an|their|its|his|her|our|your|this|that|these|those|whose)|['’]s)\s+$",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"[\s-]+([a-z][a-z-]*)")
_LEADING = re.compile(r"\s*(?:on|in|at|during|by|since|early|late|last|from)\b[^,;]{0,40}$",
                      re.IGNORECASE)
_REFERENCE_POINT = re.compile(
    r"\b(?:since|until|till|from|than|after|before|compared\s+with|versus)\s+(?:the\s+|last\s+)?$",
    re.IGNORECASE,
)
_TRIGGER_PREP = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:in|on|of|during|from)\s+(?:the\s+)?$",
                           re.IGNORECASE)

EVENT_NOUNS = frozenset(
    """attack attacks assault bombing bombings blast blasts explosion explosions shooting
    shootings massacre massacres killing killings clash clashes fighting battle battles raid
    raids strike strikes airstrike airstrikes offensive ambush siege protest protests
    demonstration demonstrations rally rallies riot riots uprising unrest crackdown coup
    arrest arrests abduction kidnapping war invasion incursion operation shelling rocket
    violence uprising insurgency ceasefire truce""".split()
)


def _clause(text: str, lo: int, hi: int, pos: int) -> tuple[int, int]:
    """The clause (between punctuation or conjunction boundaries) of ``pos`` within [lo, hi)."""
    start, end = lo, hi
    for m in _BOUNDARY.finditer(text, lo, hi):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def _attached_noun(text: str, t: TimeMention, sent: Span) -> Span | None:
    """The noun a premodifying timex attaches to ("their 2010 [report]"), if any."""
    before = text[max(sent.start, t.span.start - 12) : t.span.start]
    if not _DETERMINER.search(before):
        return None
    m = _NEXT_WORD.match(text, t.span.end, sent.end)
    if m is None:
        return None
    return Span.of(text, m.start(1), m.end(1))


def _modifies_trigger(text: str, t: TimeMention, trigger: Span, noun: Span | None) -> bool:
    """True for "the 2009 [attack]" and "the [attack] in 2009" / "[attack] on July 28"."""
    if noun is not None and noun.overlaps(trigger):
        return True
    if trigger.end <= t.span.start:
        gap = text[trigger.end : t.span.start]
        return len(gap) <= 40 and _TRIGGER_PREP.fullmatch(gap) is not None
    return False


def assign_event_date(adoc: AnnotatedDoc, trigger: Span) -> DateAssignment | None:
    """The date of the time expression that governs ``trigger``, or None.

    Candidates are the resolved time expressions in the trigger's sentence. A timex that
    modifies the trigger itself ("the 2009 attack", "the attack in 2009") ranks first (finest
    precision first), then those in the trigger's clause or a sentence-initial adverbial
    ("On Tuesday, ..."); ties go to the nearest. An expression in another clause governs nothing
    here (it dates that clause's event; the caller falls back). Expressions premodifying another
    noun ("their 2010 report") are skipped unless that noun names an event. An anniversary's
    value (the base event's date) only governs triggers inside its "anniversary of ..." phrase.
    """
    text = adoc.text
    si = adoc.sentence_index(trigger.start)
    sent = adoc.sentences[si] if si >= 0 else Span.of(text, 0, len(text))
    c_lo, c_hi = _clause(text, sent.start, sent.end, trigger.start)
    best: tuple[tuple[int, int, int], TimeMention, str] | None = None
    for t in adoc.times:
        if t.value is None or t.kind in ("duration", "set") or not sent.contains(t.span):
            continue
        if t.span.overlaps(trigger):
            continue
        noun = _attached_noun(text, t, sent)
        if t.kind == "anniversary":
            tail = text[t.span.end : trigger.start]
            if not (trigger.start >= t.span.end and re.match(r"\s+of\b", tail)
                    and len(tail) <= 80):
                continue
            tier, why = 0, "the trigger is the event whose anniversary is marked"
        elif _modifies_trigger(text, t, trigger, noun):
            tier, why = 0, "the expression modifies the trigger itself"
        elif noun is not None and noun.text.lower() not in EVENT_NOUNS:
            continue
        elif _REFERENCE_POINT.search(text, max(sent.start, t.span.start - 16), t.span.start):
            continue  # "rose since November", "up from a year ago": a comparison point
        elif c_lo <= t.span.start and t.span.end <= c_hi and noun is None:
            tier, why = 1, "same clause as the trigger"
        elif (t.span.start < trigger.start and _LEADING.fullmatch(text, sent.start, t.span.start)
              and "," in text[t.span.end : trigger.start][:3]):
            tier, why = 1, "sentence-initial time adverbial governing the main clause"
        else:
            continue  # another clause's time: it dates that clause's event, not this one
        dist = (trigger.start - t.span.end if t.span.end <= trigger.start
                else t.span.start - trigger.end)
        key = (tier, precision_rank(t.value.precision) if tier == 0 else 0, dist)
        if best is None or key < best[0]:
            best = (key, t, why)
    if best is None:
        return None
    _, t, why = best
    assert t.value is not None
    reason_text = t.provenance.reason
    rule = (reason_text.rsplit("[rule ", 1)[-1].rstrip("]") if "[rule " in reason_text
            else t.provenance.stage)
    reason = f"date from {t.span.text!r} (rule {rule}): {why}"
    if why.endswith("trigger itself"):
        reason += f" {trigger.text!r}"
    score = {0: 0.9, 1: 0.8}[best[0][0]] * t.provenance.score
    return DateAssignment(t.value, Provenance(ASSIGN_STAGE, reason, score, (t.span, trigger)))
