"""Where an event is when its sentence names no place: the country checks and fallbacks of the
event assembly (stages/events.py) for headline-length texts, demonyms ("Afghan forces") and
countries named nearby. Pure functions over the annotated document."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from eventscribe.model import (
    AnnotatedDoc,
    DateAssignment,
    DateValue,
    PlaceMention,
    Provenance,
    Span,
)
from eventscribe.model.place import PRECISION_COUNTRY
from eventscribe.stages.event_mentions import Mention

if TYPE_CHECKING:
    from eventscribe.stages.geoparse_rank import Hint

def _doc_countries(adoc: AnnotatedDoc) -> Counter[str]:
    c: Counter[str] = Counter()
    for p in adoc.places:
        if p.place is not None:
            c[p.place.country_code] += 1
    return c


HEADLINE_MAX_LINE = 200
"""A text whose every line is at most this long (and has at most ``HEADLINE_MAX_LINES``
lines) is headline-length: headlines or a one-line brief, with no body."""
HEADLINE_MAX_LINES = 8
HEADLINE_MAX_CHARS = 500
"""... and at most this long in all: a few headlines, not a short article of one-line
paragraphs."""


def is_headline_length(text: str) -> bool:
    """Whether ``text`` is headlines or a one-line brief rather than an article body."""
    if len(text.strip()) > HEADLINE_MAX_CHARS:
        return False
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return 0 < len(lines) <= HEADLINE_MAX_LINES and all(
        len(ln) <= HEADLINE_MAX_LINE for ln in lines
    )


def headline_fallback_date(adoc: AnnotatedDoc) -> DateAssignment | None:
    """The assumed date of an undated event in a headline-length text: the three days up to
    and including publication, centred on the day before.

    A headline reports news of the day or the day before: on the UCDP GED dev sample, 75% of
    headline-sourced events started 0-2 days before the headline's date (49% the same day,
    20% one day before, 6% two days before). An article body instead sets its own time frame,
    so it keeps the week up to publication (``dates.fallback_event_date``). None when the text
    is not headline-length or has no publication date.
    """
    pub = adoc.doc.published
    if pub is None or not is_headline_length(adoc.text):
        return None
    value = DateValue(pub - timedelta(days=2), pub, "week", pub, None)
    reason = ("assumption: a headline-length text with no time expression for the event reports "
              f"news of the last days, taken as the 3 days up to publication ({pub})")
    return DateAssignment(value, Provenance("events.headline_date.v1", reason, 0.2, ()))


_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|across|inside|into|on)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _is_modifier(text: str, sent: Span, pm: PlaceMention) -> bool:
    """Whether a place name modifies the word after it ("US-led", "US soldiers")."""
    rest = text[pm.span.end : sent.end]
    return rest.startswith("-") or (rest[:1] == " " and rest[1:2].isalpha())


def _names_the_country(text: str, sent: Span, country: PlaceMention, pm: PlaceMention) -> bool:
    """Whether a country mention of a headline line says where things happened: after "in"
    ("in NW Pakistan"), right after the event's place ("Northern Burma"), or closing a phrase
    ("... in Afghanistan: officials", "Iraq's north"); not as a modifier ("2 US soldiers")."""
    s, e = country.span.start, country.span.end
    if _LOCATIVE_BEFORE.search(text, max(sent.start, s - 24), s):
        return True
    if pm.span.end <= s and not text[pm.span.end : s].strip():
        return True
    rest = text[e : sent.end].lstrip()
    return (not rest or (not rest[0].isalnum() and not rest.startswith("-"))
            or rest[:2] in ("'s", "’s"))


def headline_country_check(adoc: AnnotatedDoc, m: Mention) -> None:
    """In a headline, a place below country level that lies outside every country the same
    line names is taken as a misreading ("*Northern* Burkina Faso", "*NW* Pakistan", "1st *LD*
    ... in Afghanistan"): the event takes a place of the named country from that line (a town
    or region if one resolved there, else the country itself). Headlines are terse, so a
    country named in the line is the event's country far more often than a second one is."""
    pm = m.place
    if pm is None or pm.place is None:
        return
    sent = adoc.sentences[m.sentence]
    in_line = [p for p in adoc.places if p.place is not None and sent.contains(p.span)]
    text = adoc.text
    if _is_modifier(text, sent, pm) and not _LOCATIVE_BEFORE.search(
            text, max(sent.start, pm.span.start - 24), pm.span.start):
        # "US-led raids kill 56 militants in Iraq", "2 US soldiers wounded in Nangarhar": a
        # place named as a modifier yields to one the line places the event in
        loc = next((p for p in in_line if p.span != pm.span and _LOCATIVE_BEFORE.search(
            text, max(sent.start, p.span.start - 24), p.span.start)), None)
        if loc is not None and loc.place is not None:
            m.places = [loc]
            m.place_reason = (f"the headline places the event 'in' {loc.span.text}; "
                              f"'{pm.span.text}' only modifies a noun")
            pm = loc
    assert pm.place is not None
    if pm.place.precision == PRECISION_COUNTRY:
        return
    named = {p.place.country_code for p in in_line
             if p.place is not None and p.place.precision == PRECISION_COUNTRY
             and _names_the_country(text, sent, p, pm)}
    if not named or pm.place.country_code in named:
        return
    inside = [p for p in in_line if p.place is not None and p.place.country_code in named]
    below = [p for p in inside if p.place is not None and p.place.precision != PRECISION_COUNTRY]
    best = (below or inside)[0]
    assert best.place is not None
    m.places = [best]
    m.place_reason = (
        f"the headline names {best.place.name if not below else best.place.country_code}; "
        f"'{pm.span.text}' read as {pm.place.name} ({pm.place.country_code}) lies outside it"
    )


def _plural_demonyms(text: str, tokens: Any, gaz: Any) -> list[Any]:
    """Demonym hints in the plural ("150 Syrians were killed"), which the geoparser's demonym
    hints (singular forms) leave out: a capitalised word whose singular is a demonym."""
    from eventscribe.resources.names import fold
    from eventscribe.stages.geoparse_rank import Hint

    out = []
    for s, e, t in tokens:
        if len(t) > 3 and t[0].isupper() and t[-1] in "sS":  # "Syrians", "SYRIANS"
            cc = gaz.demonyms.get(fold(t[:-1]))
            if cc:
                out.append(Hint(Span.of(text, s, e), cc))
    return out


def demonym_hints(text: str) -> list[Hint]:
    """Demonyms of the text ("Afghan", "Syrians") as country hints, in text order."""
    from eventscribe.resources.gazetteer import Gazetteer
    from eventscribe.stages.geoparse_match import tokenize as place_tokens
    from eventscribe.stages.geoparse_rank import find_hints

    gaz = Gazetteer.load()
    tokens = place_tokens(text)
    hints = find_hints(text, tokens, gaz, areas=False)
    hints.extend(_plural_demonyms(text, tokens, gaz))
    return hints


def _demonym_country(
    adoc: AnnotatedDoc, m: Mention, hints: list[Hint]
) -> tuple[PlaceMention, str] | None:
    """Last resort when no place is named at all: the country of a demonym ("Afghan forces")
    in the event's sentence, else the document's most frequent one, at country precision."""
    from eventscribe.resources.gazetteer import Gazetteer
    from eventscribe.stages import geoparse, geoparse_region

    hints = [h for h in hints if h.span.text.lower().rstrip("s") not in _STATELESS]
    if not hints:
        return None
    sent = adoc.sentences[m.sentence]
    local = [h for h in hints if sent.contains(h.span)]
    pool = local or hints
    counts = Counter(h.country_code for h in pool)
    acting = {h.country_code for h in pool if _acting_demonym(adoc.text, h.span, m)}
    passed = ""
    if len(counts) > 1 and 0 < len(acting) < len(counts):
        # "Indian shelling kills 2 Pakistanis": the attacker's side travels, the victims are
        # where it happened
        counts = Counter({k: v for k, v in counts.items() if k not in acting})
        passed = ", not the attacker's " + ", ".join(
            sorted({f"'{h.span.text}'" for h in pool if h.country_code in acting}))
    cc = max(counts, key=lambda k: (counts[k], -min(h.span.start for h in pool
                                                    if h.country_code == k)))
    cp = geoparse.country_place(cc)
    if cp is None:
        return None
    hint = next(h for h in pool if h.country_code == cc)
    span, part = hint.span, ""
    after = _COMPASS_AFTER.match(adoc.text, hint.span.end)
    region = geoparse_region.country_region(Gazetteer.load(), cc, after.group(1)) \
        if after is not None else None
    if after is not None and region is not None:
        # "in Afghan north", "Afghan west province": the part of the country
        cp, span = region, Span.of(adoc.text, hint.span.start, after.end(1))
        part = f", its {after.group(1).lower()} part"
    prov = Provenance(
        geoparse.STAGE, f"the demonym '{hint.span.text}' names {cp.name}", 0.5, (span,)
    )
    where = "in the event's sentence" if local else "in the document"
    return (
        PlaceMention(span, cp, prov),
        f"no place named; the country of the demonym '{hint.span.text}' {where}{part}{passed}",
    )


_COMPASS_AFTER = re.compile(
    r" ((?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?)\b", re.IGNORECASE
)


_STATELESS = frozenset({"kurdish", "kurd", "baloch", "baluch", "pashtun", "tuareg"})
"""Peoples living across several countries: their demonyms are hints for ranking places
(aliases.tsv gives "Kurdish" to Iraq as a weak hint) but never name the event's country."""


_ACTING_NOUN = re.compile(
    r"[\s-]+(?:[\w'’-]+\s+)?(?:shelling|shells|strikes?|air ?strikes?|fire|bombing|"
    r"bombardment|raids?|jets|warplanes|planes|drones?|artillery|rockets?|missiles?|attacks?|"
    r"offensive|incursion)\b",
    re.IGNORECASE,
)


def _acting_demonym(text: str, span: Span, m: Mention) -> bool:
    """Whether a demonym names the attacking side: inside an actor's span, or modifying a word
    for fire or an attack ("Indian shelling", "Kurdish militant attack"); a word for troops
    alone does not say so ("Turkish soldiers killed")."""
    if any(a.span.start <= span.start and span.end <= a.span.end for a in m.actors):
        return True
    return _ACTING_NOUN.match(text, span.end) is not None


def country_place(
    adoc: AnnotatedDoc, m: Mention, demonyms: Callable[[], list[Hint]]
) -> tuple[PlaceMention, str] | None:
    """The country most mentioned near the event (else in the document), at country precision;
    with no place at all, the country of a demonym (``demonyms`` computes them once per doc)."""
    near: Counter[str] = Counter()
    for p in adoc.places:
        if p.place is None:
            continue
        si = adoc.sentence_index(p.span.start)
        if abs(si - m.sentence) <= 2:
            near[p.place.country_code] += 1
    pool = near or _doc_countries(adoc)
    if not pool:
        return _demonym_country(adoc, m, demonyms())
    cc, top = pool.most_common(1)[0]
    tied = {k for k, v in pool.items() if v == top}
    by_demonym: Counter[str] = Counter()
    if len(tied) > 1:  # demonyms near the event first, else anywhere in the text
        hints = [h for h in demonyms() if h.country_code in tied]
        by_demonym = Counter(h.country_code for h in hints
                             if abs(adoc.sentence_index(h.span.start) - m.sentence) <= 2) \
            or Counter(h.country_code for h in hints)
    if by_demonym:  # "Turkey reinforces border as Syria violence rages | Syrian troops ..."
        cc = by_demonym.most_common(1)[0][0]
    country = [
        p for p in adoc.places
        if p.place is not None and p.place.country_code == cc
        and p.place.precision == PRECISION_COUNTRY
    ]
    where = "near the event" if near else "in the document"
    if by_demonym:
        where += " (a tie, broken by the text's demonyms)"
    if country:
        return country[0], f"no place stated for the event; the country most mentioned {where}"
    # no country mention of its own: use the country of a town as a country-level place
    town = next(p for p in adoc.places if p.place is not None and p.place.country_code == cc)
    assert town.place is not None
    from eventscribe.stages import geoparse

    cp = geoparse.country_place(cc)
    if cp is None:
        return None
    return (
        PlaceMention(town.span, cp, town.provenance),
        f"no place stated for the event; the country of the places mentioned {where}",
    )
