"""Counts of killed, injured, arrested and abducted people, as claims attributed to a source.

The rules are documented in ``docs/counts.md``. In short: a figure (see
:mod:`eventscribe.stages.numbers`) becomes a count when a cue word of one kind governs it:

* an active verb before it: "killing at least nine camp residents", "detained 36 others";
* a passive or intransitive cue after its noun phrase: "11 members being murdered",
  "3 soldiers were killed", "five people died", "12 wounded", "40 deaths";
* a noun before it: "the death toll rose to 12" (an update), "the killing of 5 students";
* coordination and ellipsis: "3 soldiers and 5 civilians were killed" (two per-group parts),
  "killed 5 soldiers and 2 police", "11 murdered and 36 being abducted";
* "including 3 children" after a count: a subset of that count.

Every claim's ``evidence[0]`` covers the figure and the cue words. Reasons start with a
fixed tag that :func:`eventscribe.model.claims.summarise` reads: ``"part:"`` (a per-group part;
``evidence[1]`` is the whole coordination), ``"subset:"`` and ``"update:"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from eventscribe.model import AnnotatedDoc, Claim, CountKind, Provenance, Span
from eventscribe.stages.attribution import attribute
from eventscribe.stages.base import BaseStage
from eventscribe.stages.numbers import NumberMention, Token, find_numbers, tokenize

STAGE = "counts.rules.v1"
CEILING = 10_000_000
"""Figures above this for one event are rejected as absurd (note E010)."""

CUE_RE = re.compile(
    r"(?i)\b(?:kill|murder|massacr|slay|slain|slew|execut|behead|assassinat|lynch|dead|die[ds]?"
    r"\b|death|bod(?:y|ies)|fatalit|perish|lives|shot|gunned|toll|wound|injur|hurt|arrest|"
    r"detain|held|custody|rounded|round(?:ing)? up|jail|imprison|apprehend|abduct|kidnap|"
    r"hostage|captive|seiz|disappear)"
)

Kind = CountKind


def _forms(kind: Kind, words: str) -> dict[str, Kind]:
    return dict.fromkeys(words.split(), kind)


# Active verbs that take the counted people as object ("killing 5", "detained 36 others").
ACTIVE: dict[str, Kind] = {
    **_forms(
        "killed",
        "kill kills killed killing murder murders murdered murdering massacre massacres "
        "massacred massacring slay slays slew slaying execute executes executed executing "
        "behead beheads beheaded beheading assassinate assassinates assassinated "
        "assassinating lynch lynched lynching",
    ),
    **_forms("injured", "wound wounds wounded wounding injure injures injured injuring hurting"),
    **_forms(
        "arrested",
        "arrest arrests arrested arresting detain detains detained detaining jail jails jailed "
        "jailing imprison imprisons imprisoned imprisoning apprehend apprehends apprehended "
        "apprehending",
    ),
    **_forms(
        "abducted",
        "abduct abducts abducted abducting kidnap kidnaps kidnapped kidnapping kidnaped",
    ),
}
# Participles, adjectives and intransitive verbs after the counted noun phrase.
PASSIVE: dict[str, Kind] = {
    **_forms(
        "killed",
        "killed murdered massacred slain executed beheaded assassinated lynched dead died "
        "perished die drowned",
    ),
    **_forms("injured", "wounded injured hurt"),
    **_forms("arrested", "arrested detained jailed imprisoned apprehended"),
    **_forms("abducted", "abducted kidnapped kidnaped disappeared"),
}
# Nouns right after the figure ("40 deaths", "14 bodies", "12 arrests").
NOUNS: dict[str, Kind] = {
    **_forms("killed", "deaths fatalities bodies corpses dead"),
    **_forms("injured", "injuries injured wounded"),
    **_forms("arrested", "arrests"),
    **_forms("abducted", "abductions kidnappings"),
}
# Multi-word cues after the noun phrase (lower-case token tuples).
PHRASES: tuple[tuple[tuple[str, ...], Kind], ...] = (
    (("lost", "their", "lives"), "killed"),
    (("lost", "lives"), "killed"),
    (("shot", "dead"), "killed"),
    (("gunned", "down"), "killed"),
    (("found", "dead"), "killed"),
    (("reported", "dead"), "killed"),
    (("confirmed", "dead"), "killed"),
    (("burned", "to", "death"), "killed"),
    (("burnt", "to", "death"), "killed"),
    (("beaten", "to", "death"), "killed"),
    (("stabbed", "to", "death"), "killed"),
    (("hacked", "to", "death"), "killed"),
    (("stoned", "to", "death"), "killed"),
    (("taken", "into", "custody"), "arrested"),
    (("rounded", "up"), "arrested"),
    (("locked", "up"), "arrested"),
    (("held", "hostage"), "abducted"),
    (("taken", "hostage"), "abducted"),
    (("taken", "captive"), "abducted"),
    (("held", "captive"), "abducted"),
    (("forcibly", "disappeared"), "abducted"),
)
# Active multi-word verbs before the figure.
ACTIVE_PHRASES: tuple[tuple[tuple[str, ...], Kind], ...] = (
    (("shot", "dead"), "killed"),
    (("gunned", "down"), "killed"),
    (("stabbed", "to", "death"), "killed"),
    (("beat", "to", "death"), "killed"),
    (("hacked", "to", "death"), "killed"),
    (("burned", "to", "death"), "killed"),
    (("rounded", "up"), "arrested"),
    (("rounding", "up"), "arrested"),
    (("round", "up"), "arrested"),
    (("took", "into", "custody"), "arrested"),
    (("claimed", "the", "lives", "of"), "killed"),
    (("claiming", "the", "lives", "of"), "killed"),
    (("lives", "of"), "killed"),
)
# "<noun> of N": "the killing of 5 students", "the arrest of 12 activists".
NOUN_OF: dict[str, Kind] = {
    **_forms("killed", "killing killings death deaths bodies murder murders massacre execution "
             "executions"),
    **_forms("arrested", "arrest arrests detention"),
    **_forms("abducted", "abduction abductions kidnapping kidnappings"),
}
WEAK_PASSIVE: dict[str, Kind] = {"held": "arrested", "seized": "abducted"}
WEAK_ACTIVE: dict[str, Kind] = {"seized": "abducted", "seizing": "abducted"}
HOSTAGE_VERBS = frozenset("took taking take takes seized seizing holding held".split())
LIFE_VERBS = frozenset("claimed claiming claims cost costing costs took taking".split())

AUX = frozenset(
    """were was are is been being be have has had got get gets reportedly reported allegedly
    also all later confirmed believed thought known said to subsequently eventually then
    since initially earlier apparently feared may might could would must should will""".split()
)
FILLERS = frozenset("a an the another additional further all total of his her their its".split())
NP_STOP = frozenset(
    """and or but in at on off from after during near by with when while as including among who
    which that whom whose were was are is been being have has had to for into over under
    against since before than said says this these those they he she it its their his her
    hostage captive overnight yesterday today tonight earlier recently again monday tuesday
    wednesday thursday friday saturday sunday may might could would must should will""".split()
)
GENERIC_GROUPS = frozenset(
    "people persons person others individuals more them whom those ones victims lives".split()
)
# Singular heads read as one person after "a", "an" or "the" ("killed a soldier").
SINGULAR_PERSON = frozenset(
    """person man woman child boy girl baby infant toddler teenager youth soldier policeman
    policewoman officer civilian journalist reporter photographer student teacher farmer
    herder worker driver guard militant rebel fighter insurgent commander leader chief official
    activist protester demonstrator resident villager pilgrim priest imam cleric pastor monk
    doctor nurse tourist businessman trader passenger prisoner inmate member employee judge
    lawyer mayor politician lawmaker senator governor minister diplomat councillor councilor
    gunman bomber suspect trooper sergeant captain colonel general major lieutenant colonel
    contractor engineer miner fisherman shepherd worshipper""".split()
)
TOLL_VERBS = frozenset(
    "rose risen rises climbed climbs jumped increased reached reaches hit stood stands".split()
)
TOLL_LINKS = frozenset("is was has had now to at of further stood stands".split()) | TOLL_VERBS
TOLL_NOUNS: dict[str, Kind] = {
    **_forms("killed", "dead deaths killed fatalities"),
    **_forms("injured", "injured wounded injuries"),
    **_forms("arrested", "arrested arrests detained detainees"),
    **_forms("abducted", "abducted kidnapped"),
}


@dataclass(frozen=True, slots=True)
class _Reading:
    """How one figure became a count of one kind."""

    kind: Kind
    cue_start: int  # token index range of the cue words
    cue_end: int
    np_end: int  # token index after the figure's noun phrase
    side: str  # "left", "right", "toll", "coord-left", "coord-right", "subset"
    reason: str
    update: bool = False


def _word(t: Token) -> bool:
    return t.text[0].isalpha()


def _np_end(tokens: list[Token], k: int, limit: int = 7) -> int:
    """End (exclusive) of the noun phrase starting at token ``k``."""
    n = len(tokens)
    j = k
    steps = 0
    if j < n and tokens[j].low == "of":
        j += 1
    while j < n and steps < limit:
        t = tokens[j]
        low = t.low
        abbrev = j > 0 and len(tokens[j - 1].text) == 1 and tokens[j - 1].end == t.start
        if t.text == "." and abbrev:
            j += 1
            continue
        if t.text in "-‐'’" and j > k and tokens[j - 1].end == t.start:
            j += 1
            continue
        if t.text == "#" and j + 1 < n and tokens[j + 1].start == t.end:
            j += 1  # a hashtag: "20 #Taliban fighters"
            continue
        if t.text[0].isdigit() and j + 1 < n and tokens[j + 1].text == "-" and (
            tokens[j + 1].start == t.end
        ):
            j += 1  # "a 17-year-old suspect"
            continue
        if not _word(t) or low in NP_STOP or low in PASSIVE or low in NOUNS or low in ACTIVE:
            break
        if low in AUX or low in ("lost", "shot", "gunned", "found", "taken", "held", "rounded"):
            break
        if low == "of" and steps > 0:
            j += 1
            steps += 1
            continue
        j += 1
        steps += 1
    return j


def _group(tokens: list[Token], text: str, k: int, end: int) -> str | None:
    """The group named by tokens[k:end] ("camp residents"), None for generic words."""
    while k < end and tokens[k].low in ("of", "the", "them", "whom", "those"):
        k += 1
    if k >= end:
        return None
    words = [t.low for t in tokens[k:end] if _word(t)]
    if not words or all(w in GENERIC_GROUPS for w in words):
        return None
    return text[tokens[k].start : tokens[end - 1].end]


_ACTIVE_LAST = frozenset(p[-1] for p, _ in ACTIVE_PHRASES)
_PHRASE_FIRST = frozenset(p[0] for p, _ in PHRASES)


def _match_phrase(tokens: list[Token], j: int, phrase: tuple[str, ...]) -> bool:
    return j + len(phrase) <= len(tokens) and all(
        tokens[j + x].low == w for x, w in enumerate(phrase)
    )


def _person_np(tokens: list[Token], k: int, end: int) -> bool:
    words = [t.low.rstrip("s") for t in tokens[k:end] if _word(t)]
    return bool(words) and (
        words[-1] in SINGULAR_PERSON
        or words[-1] in ("people", "men", "women", "children", "police", "troop", "hostage")
        or any(w in GENERIC_GROUPS for w in words)
    )


def _right_cue(tokens: list[Token], m: NumberMention) -> _Reading | None:
    """A cue after the figure's noun phrase: passive, intransitive or noun."""
    n = len(tokens)
    j0 = m.tok_end
    if j0 < n and tokens[j0].low in NOUNS:
        kind = NOUNS[tokens[j0].low]
        return _Reading(kind, j0, j0 + 1, j0, "right", f"noun '{tokens[j0].text}' after the figure")
    np_end = _np_end(tokens, j0)
    # "Five people, including two children, were killed": skip a parenthetical
    j = np_end
    if j + 1 < n and tokens[j].text in ",(" and tokens[j + 1].low in ("including", "among"):
        close = next((x for x in range(j + 2, min(n, j + 14)) if tokens[x].text in ",)"), None)
        if close is not None:
            j = close + 1
    aux_start = j
    while j < n and tokens[j].low in AUX and j - aux_start < 6:
        j += 1
    if j >= n:
        return None
    person = _person_np(tokens, j0, np_end)
    for phrase, kind in PHRASES if tokens[j].low in _PHRASE_FIRST else ():
        if _match_phrase(tokens, j, phrase):
            end = j + len(phrase)
            return _Reading(kind, aux_start, end, np_end, "right", f"'{' '.join(phrase)}' after")
    low = tokens[j].low
    if low in PASSIVE or (low in WEAK_PASSIVE and person and j > aux_start):
        kind = PASSIVE.get(low) or WEAK_PASSIVE[low]
        # "5 soldiers killed 3 rebels": an active verb with its own object is not passive
        if j + 1 < n and j == aux_start and _starts_number(tokens, j + 1):
            return None
        return _Reading(kind, aux_start, j + 1, np_end, "right", f"'{tokens[j].text}' after")
    return None


def _starts_number(tokens: list[Token], j: int) -> bool:
    t = tokens[j]
    return t.text[0].isdigit() or t.low in ("one", "two", "three", "four", "five", "dozens",
                                           "at", "more", "hundreds", "several", "a", "the")


def _left_cue(tokens: list[Token], m: NumberMention) -> _Reading | None:
    """An active verb or a "<noun> of" before the figure (fillers like "another" allowed)."""
    k = m.tok_start
    skipped = 0
    while k > 0 and tokens[k - 1].low in FILLERS and skipped < 3:
        k -= 1
        skipped += 1
    np_end = _np_end(tokens, m.tok_end)
    before = {tokens[x - 1].low for x in (k, m.tok_start) if x > 0}
    for phrase, kind in ACTIVE_PHRASES if before & _ACTIVE_LAST else ():
        s = k - len(phrase)
        if s >= 0 and _match_phrase(tokens, s, phrase):
            return _Reading(kind, s, k, np_end, "left", f"'{' '.join(phrase)}' before")
        s2 = m.tok_start - len(phrase)
        if s2 >= 0 and _match_phrase(tokens, s2, phrase):
            return _Reading(kind, s2, m.tok_start, np_end, "left", f"'{' '.join(phrase)}' before")
    if k == 0:
        return None
    prev = tokens[k - 1]
    low = prev.low
    if low in ACTIVE:
        if k >= 3 and tokens[k - 2].low in ("and", "or") and tokens[k - 3].low in ACTIVE and (
            ACTIVE[tokens[k - 3].low] != ACTIVE[low]
        ):
            return None  # "killed and wounded 80": the figure mixes two kinds
        return _Reading(ACTIVE[low], k - 1, k, np_end, "left", f"verb '{prev.text}' before")
    if low in WEAK_ACTIVE and _person_np(tokens, m.tok_end, np_end):
        return _Reading(WEAK_ACTIVE[low], k - 1, k, np_end, "left", f"verb '{prev.text}' before")
    if low in HOSTAGE_VERBS and np_end > m.tok_end:  # noqa: SIM102 - inner test spans lines
        if tokens[np_end - 1].low in ("hostage", "hostages", "captive", "captives") or (
            np_end < len(tokens) and tokens[np_end].low in ("hostage", "captive")
        ):
            end = np_end + (1 if np_end < len(tokens) and tokens[np_end].low in (
                "hostage", "captive") else 0)
            return _Reading("abducted", k - 1, k, end, "left", "taken hostage")
    if low in LIFE_VERBS and np_end == m.tok_end + 1 and tokens[m.tok_end].low == "lives":
        return _Reading("killed", k - 1, k, np_end, "left", f"'{prev.text} ... lives'")
    if low in NOUN_OF and tokens[k].low == "of":
        # "the killings of six men" ("of" was skipped as a filler)
        return _Reading(NOUN_OF[low], k - 1, k, np_end, "left", f"'{prev.text} of'")
    if low == "of" and k >= 2 and tokens[k - 2].low in NOUN_OF:
        return _Reading(
            NOUN_OF[tokens[k - 2].low], k - 2, k, np_end, "left", f"'{tokens[k - 2].text} of'"
        )
    return None


_TALLY = frozenset({"number", "tally", "count"})


def _number_of(tokens: list[Token], j: int) -> bool:
    """"number of dead", "number of people killed": token ``j`` is the counted kind."""
    if tokens[j].low not in TOLL_NOUNS or j < 2:
        return False
    if tokens[j - 1].low == "of" and tokens[j - 2].low in _TALLY:
        return True
    return (j >= 3 and tokens[j - 1].low in ("people", "persons", "those", "civilians")
            and tokens[j - 2].low == "of" and tokens[j - 3].low in _TALLY)


def _toll_cue(tokens: list[Token], m: NumberMention) -> _Reading | None:
    """"the death toll rose to 12", "a death toll of 40", "the number of dead reached 9"."""
    k = m.tok_start
    j = k - 1
    links: list[str] = []
    while j >= 0 and tokens[j].low in TOLL_LINKS and len(links) < 5:
        links.append(tokens[j].low)
        j -= 1
    if not links or j < 0:
        return None
    if tokens[j].low not in ("toll",) and tokens[j].low not in TOLL_NOUNS and any(
        w in TOLL_VERBS for w in links
    ):
        # "the death toll from the ferry disaster in Bangladesh rose to 47"
        for back in range(j, max(-1, j - 10), -1):
            t = tokens[back]
            if t.text in ".;:!?" or t.text[0].isdigit():
                break
            if t.low == "toll" or _number_of(tokens, back):
                j = back
                break
            if t.low in ACTIVE:
                break
    update = any(w in TOLL_VERBS and w not in ("stood", "stands") for w in links)
    np_end = _np_end(tokens, m.tok_end)
    head = tokens[j].low
    kind: Kind | None = None
    if head == "toll":
        kind = "killed"
        if j >= 1 and tokens[j - 1].low in ("injury", "casualty"):
            kind = None
    elif _number_of(tokens, j):
        kind = TOLL_NOUNS[head]
        if tokens[j - 1].low != "of":
            j -= 1  # "the number of people killed": the cue starts at "number"
    elif head in ("killed", "dead", "injured", "wounded") and j >= 1 and tokens[j - 1].low == (
        "people"
    ):
        return None
    if kind is None:
        return None
    if head == "toll" and j >= 1 and tokens[j - 1].low in ("death", "casualty", "fatality"):
        j -= 1
    elif head != "toll" and j >= 2 and tokens[j - 1].low == "of":
        j -= 2
    verb = "rose to" if update else "of"
    reason = f"toll {verb} the figure"
    if update:
        reason = "update: " + reason + " (a later, revised figure)"
    return _Reading(kind, j, k, np_end, "toll", reason, update)


_SPEAKER_VERBS = frozenset(
    "said says told reported added announced stated confirmed claimed wrote tweeted".split()
)


def _singular_mentions(tokens: list[Token], taken: set[int]) -> list[NumberMention]:
    """"a soldier", "an officer", "the deputy chief" read as one person."""
    out: list[NumberMention] = []
    n = len(tokens)
    for i, t in enumerate(tokens):
        if t.low not in ("a", "an", "the") or i in taken:
            continue
        end = _np_end(tokens, i + 1, limit=4)
        heads = [x for x in range(i + 1, end) if tokens[x].low in SINGULAR_PERSON]
        if not heads:
            continue
        h = heads[0]
        if h + 1 < n and tokens[h + 1].low in _SPEAKER_VERBS:
            continue  # "..., the regional governor said": a source, not a victim
        if h + 1 < n and tokens[h + 1].low == "of" and t.low != "the":
            continue  # "a member of ..." is fine, but "a group of" etc. are not persons
        out.append(
            NumberMention(
                start=t.start, end=t.end, num_start=t.start, num_end=t.end, value=1,
                qualifier="exact", high=None, tok_start=i, tok_end=i + 1,
                note=f"singular '{t.text} {tokens[h].text}' read as 1",
            )
        )
    return out


def _resolve(
    tokens: list[Token], mentions: list[NumberMention]
) -> tuple[list[_Reading | None], list[int]]:
    """A reading per mention (or None) and a coordination chain id per mention (-1: none)."""
    readings: list[_Reading | None] = []
    for m in mentions:
        r = _left_cue(tokens, m) or _toll_cue(tokens, m) or _right_cue(tokens, m)
        readings.append(r)
    chain = [-1] * len(mentions)
    # "3 soldiers and 5 civilians were killed": inherit the next figure's cue
    for x in range(len(mentions) - 2, -1, -1):
        nxt = readings[x + 1]
        if readings[x] is not None or nxt is None or nxt.side not in ("right", "coord-right"):
            continue
        np_end = _np_end(tokens, mentions[x].tok_end)
        if _joins(tokens, np_end, mentions[x + 1].tok_start):
            readings[x] = _Reading(nxt.kind, nxt.cue_start, nxt.cue_end, np_end, "coord-right",
                                   "part: coordinated with the next figure's cue")
            chain[x + 1] = chain[x + 1] if chain[x + 1] >= 0 else x + 1
            chain[x] = chain[x + 1]
    # "killed 5 soldiers and 2 police": inherit the previous figure's verb
    for x in range(1, len(mentions)):
        prv = readings[x - 1]
        if readings[x] is not None or prv is None:
            continue
        m = mentions[x]
        if prv.side in ("left", "coord-left") and _joins(tokens, prv.np_end, m.tok_start):
            readings[x] = _Reading(prv.kind, prv.cue_start, prv.cue_end,
                                   _np_end(tokens, m.tok_end), "coord-left",
                                   "part: coordinated with the previous figure's verb")
            chain[x - 1] = chain[x - 1] if chain[x - 1] >= 0 else x - 1
            chain[x] = chain[x - 1]
        elif m.tok_start > 0 and tokens[m.tok_start - 1].low in ("including", "among"):
            readings[x] = _Reading(prv.kind, m.tok_start - 1, m.tok_start,
                                   _np_end(tokens, m.tok_end), "subset",
                                   "subset: 'including' after a count")
    return readings, chain


def _joins(tokens: list[Token], a: int, b: int) -> bool:
    """True when tokens[a:b] is a coordinator: "and", ",", ", and", "as well as"."""
    between = [t.low for t in tokens[a:b]]
    return between in (["and"], [","], [",", "and"], ["as", "well", "as"], ["&"], ["plus"])


@dataclass(frozen=True, slots=True)
class CountReading:
    """One count found in a sentence, before attribution."""

    kind: Kind
    figure: NumberMention
    evidence: Span
    group: str | None
    reason: str
    clause: Span | None = None
    """For per-group parts: the whole coordination ("3 soldiers and 5 civilians were killed")."""


def extract_sentence(text: str, start: int, end: int) -> tuple[list[CountReading], list[str]]:
    """Counts in ``text[start:end]``, and E010 notes for figures rejected as absurd."""
    tokens = tokenize(text, start, end)
    mentions = find_numbers(tokens)
    taken = {x for m in mentions for x in range(m.tok_start, m.tok_end)}
    mentions = sorted(mentions + _singular_mentions(tokens, taken), key=lambda m: m.tok_start)
    readings, chain = _resolve(tokens, mentions)
    found: list[tuple[int, CountReading]] = []
    notes: list[str] = []
    for x, (m, r) in enumerate(zip(mentions, readings, strict=True)):
        if r is None:
            continue
        if r.side in ("right", "coord-right"):
            s_tok, e_tok = m.tok_start, r.cue_end
            np_end = _np_end(tokens, m.tok_end) if r.side == "right" else r.np_end
        else:
            s_tok, e_tok = min(r.cue_start, m.tok_start), max(r.np_end, m.tok_end)
            np_end = r.np_end
        e_tok = max(e_tok, m.tok_end)
        ev = Span.of(text, tokens[s_tok].start, tokens[e_tok - 1].end)
        top = m.high if m.high is not None else m.value
        if top > CEILING:
            notes.append(
                f"E010 absurd number rejected: '{ev.text}' at {ev.start}-{ev.end}: "
                f"{top:,} is above the ceiling of {CEILING:,} for one event"
            )
            continue
        g_start = m.tok_start + 1 if m.note.startswith("singular") else m.tok_end
        if m.note.startswith("singular"):
            np_end = _np_end(tokens, g_start, 4)
        group = _group(tokens, text, g_start, min(np_end, _np_end(tokens, g_start)))
        reason = r.reason + (f"; {m.note}" if m.note else "")
        found.append((x, CountReading(r.kind, m, ev, group, reason)))
    # per-group parts of one coordination share a clause span
    out: list[CountReading] = []
    for x, cr in found:
        members = [c for y, c in found if chain[x] >= 0 and chain[y] == chain[x]]
        if len(members) >= 2:
            clause = Span.of(
                text, min(c.evidence.start for c in members), max(c.evidence.end for c in members)
            )
            reason = cr.reason if cr.reason.startswith("part:") else "part: " + cr.reason
            cr = CountReading(cr.kind, cr.figure, cr.evidence, cr.group, reason, clause)
        out.append(cr)
    return out, notes


def _sentences(adoc: AnnotatedDoc) -> tuple[Span, ...]:
    if adoc.sentences:
        return adoc.sentences
    text = adoc.text
    spans: list[Span] = []
    for mt in re.finditer(r"[^\n.!?]+(?:[.!?]+[\"”’)]*|$)", text):
        if mt.group().strip():
            spans.append(Span.of(text, mt.start(), mt.end()))
    return tuple(spans)


class CountExtractor(BaseStage):
    """Rule-based counts of killed/injured/arrested/abducted, attributed to their source."""

    name: ClassVar[str] = STAGE
    requires: ClassVar[tuple[str, ...]] = ("sentences", "entities")
    provides: ClassVar[tuple[str, ...]] = ("claims",)

    def __call__(self, adoc: AnnotatedDoc) -> AnnotatedDoc:
        """Return ``adoc`` with its ``claims`` layer (and notes for rejected figures)."""
        text = adoc.text
        claims: list[Claim] = []
        notes: list[str] = []
        for sent in _sentences(adoc):
            if not CUE_RE.search(text, sent.start, sent.end):
                continue
            found, sent_notes = extract_sentence(text, sent.start, sent.end)
            notes.extend(sent_notes)
            for cr in found:
                att = attribute(adoc, cr.evidence)
                evidence = (cr.evidence,) if cr.clause is None else (cr.evidence, cr.clause)
                claims.append(
                    Claim(
                        kind=cr.kind,
                        value=cr.figure.value,
                        qualifier=cr.figure.qualifier,
                        attributed_to=att.source,
                        evidence=evidence,
                        provenance=Provenance(
                            stage=STAGE,
                            reason=f"{cr.reason}; source: {att.reason}",
                            score=0.9 if cr.figure.qualifier != "vague" else 0.6,
                            evidence=evidence,
                        ),
                        high=cr.figure.high,
                        attribution_evidence=att.span,
                        group=cr.group,
                    )
                )
        claims.sort(key=lambda c: (c.evidence[0].start, c.evidence[0].end, c.kind))
        return adoc.with_layer("claims", tuple(claims), notes=adoc.notes + tuple(notes))
