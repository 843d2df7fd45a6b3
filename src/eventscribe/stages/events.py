"""Event assembly: triggers + roles + places + dates + claims -> Event records for one document."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

from eventscribe.model import (
    AnnotatedDoc,
    DateAssignment,
    DateValue,
    Event,
    PlaceAssignment,
    PlaceMention,
    Provenance,
    event_id,
)
from eventscribe.model.place import PRECISION_COUNTRY
from eventscribe.resources.lexicon import event_classes
from eventscribe.stages import dates as dates_stage
from eventscribe.stages.base import BaseStage
from eventscribe.stages.classify import Trigger, find_triggers
from eventscribe.stages.event_mentions import (
    Mention,
    assign_places,
    better_class,
    fold_sentence,
    split_by_place,
)
from eventscribe.stages.events_places import (
    country_place,
    demonym_hints,
    headline_country_check,
    headline_fallback_date,
    is_headline_length,
)
from eventscribe.stages.roles import dedupe, is_pronoun, parse_sentences, roles_for, sector_of
from eventscribe.stages.roles_args import stated_arguments, weapons_as_means
from eventscribe.stages.roles_patterns import pattern_roles
from eventscribe.stages.typing_rules import refine_type

if TYPE_CHECKING:
    from eventscribe.stages.geoparse_rank import Hint

STAGE = "events.assemble.v2"
COUNT_ONLY = "a casualty count implies it"
SUBJECT_PRONOUNS = frozenset({"they", "he", "she", "we"})
CONTINUATION_WINDOW = 3  # sentences within which an unplaced, undated mention continues an event
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_FEATURE_ANAPHOR = re.compile(
    r"\bthe\s+(camp|base|city|town|village|capital|province|region|district|area)\b", re.IGNORECASE
)
_FEATURE_CODES = {
    "camp": ("CMP", "MILB", "CMPRF", "CMPMN", "CMPQ"),
    "base": ("MILB", "CMP"),
    "city": ("PPL", "PPLA", "PPLA2", "PPLA3", "PPLC"),
    "town": ("PPL", "PPLA", "PPLA2", "PPLA3"),
    "village": ("PPL",),
    "capital": ("PPLC",),
    "province": ("ADM1",),
    "region": ("ADM1", "RGN"),
    "district": ("ADM2",),
}


def substantive_ordinals(adoc: AnnotatedDoc) -> list[int]:
    """For each sentence, how many substantive sentences (>= 6 words, not a bullet or a bare
    quotation) come before it: lists of slogans do not push an event out of the window."""
    out, n = [], 0
    for s in adoc.sentences:
        out.append(n)
        t = s.text.strip()
        if len(t.split()) >= 6 and not t.startswith(("•", "-", "*", "“", "\"", "–")):
            n += 1
    return out


def _quote_regions(text: str) -> list[tuple[int, int]]:
    regions = []
    for m in re.finditer(r"“[^”]*”|\"[^\"\n]*\"", text):
        regions.append((m.start(), m.end()))
    return regions


def _in_region(regions: list[tuple[int, int]], pos: int) -> int:
    for i, (a, b) in enumerate(regions):
        if a <= pos < b:
            return i
    return -1


class EventAssembler(BaseStage):
    """Builds events from asserted triggers and the other stages' layers."""

    name: ClassVar[str] = STAGE
    requires: ClassVar[tuple[str, ...]] = ("sentences", "entities", "places", "times", "claims")
    provides: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self, roles: str = "patterns") -> None:
        if roles not in ("patterns", "parse"):
            raise ValueError(f"roles must be 'patterns' or 'parse', not {roles!r}")
        self.roles = roles

    def warm_up(self) -> None:
        if self.roles == "parse":
            from eventscribe.resources.nlp import load_nlp

            load_nlp()

    def __call__(self, adoc: AnnotatedDoc) -> AnnotatedDoc:
        events = assemble(adoc, roles=self.roles)
        return adoc.with_layer("events", events)


def _mentions_from_triggers(
    adoc: AnnotatedDoc, triggers: list[Trigger], roles: str = "patterns"
) -> list[Mention]:
    text = adoc.text
    by_sentence: dict[int, list[Trigger]] = {}
    for t in triggers:
        by_sentence.setdefault(t.sentence, []).append(t)
    # sentences with killed/injured claims but no trigger still state a violent event
    for c in adoc.claims:
        si = adoc.sentence_index(c.evidence[0].start) if c.evidence else -1
        if si >= 0 and si not in by_sentence and c.kind in ("killed", "injured"):
            by_sentence[si] = [
                Trigger(c.evidence[0], "attack", "verb", si, True, COUNT_ONLY)
            ]
    parse_ids = [si for si, ts in by_sentence.items() if any(not t.anaphoric for t in ts)]
    parses = parse_sentences(adoc, parse_ids) if roles == "parse" else {}
    quotes = _quote_regions(text)

    def ents_of(si: int) -> list[tuple[int, int, str]]:
        s = adoc.sentences[si]
        return [(e.span.start, e.span.end, e.label) for e in adoc.entities
                if s.start <= e.span.start < s.end]

    ordinal = substantive_ordinals(adoc)
    mentions: list[Mention] = []
    previous: Mention | None = None
    history: list[Mention] = []
    for si in sorted(by_sentence):
        sent = adoc.sentences[si]
        ts = by_sentence[si]
        real = [t for t in ts if not t.anaphoric]
        if not real:
            # anaphoric continuation of the latest event of a compatible kind
            if previous is None or (
                ordinal[si] - ordinal[max(previous.sentences)] > CONTINUATION_WINDOW
            ):
                continue
            anchor = ts[0]
            m = Mention(previous.cls, list(ts), si, sentences={si}, anaphoric=True)
            m.actors = [a for a in previous.actors if not is_pronoun(a)]
            m.role_reasons.append(
                f"'{anchor.span.text}' refers back to the {previous.cls.replace('_', ' ')} "
                f"event in sentence {previous.sentence + 1}; its actor is carried over"
            )
            group = [m]
        else:
            group = fold_sentence(real)
        sdoc: Any = parses.get(si)
        for m in group:
            for t in m.triggers:
                m.evidence.append(t.span)
                if t.anaphoric:
                    continue
                if roles == "parse":
                    if sdoc is None:
                        continue
                    acts, tars, why = roles_for(sdoc, sent, t.span, t.pos, text)
                else:
                    acts, tars, why = pattern_roles(text, sent, t.span, t.pos, ents_of(si))
                m.actors.extend(acts)
                m.targets.extend(tars)
                m.role_reasons.append(why)
            # pronoun actors: "They set fire to ..." -> the latest event's named actor
            if m.actors and all(
                a.span.text.strip().lower() in SUBJECT_PRONOUNS for a in m.actors
            ):
                named = next(
                    ([a for a in h.actors if not is_pronoun(a)] for h in reversed(history)
                     if any(not is_pronoun(a) for a in h.actors)),
                    [],
                )
                if named:
                    m.role_reasons.append(
                        f"'{m.actors[0].span.text}' resolved to the actor of the previous event"
                    )
                    m.actors = named
            m.actors = [a for a in m.actors if not is_pronoun(a)]
            m.targets = [a for a in m.targets if not is_pronoun(a)]
        assign_places(group, list(adoc.places), sent)
        for m in group:
            _own_date(adoc, m, quotes)
            for part in split_by_place(m, text, sent):
                mentions.append(part)
        if group:
            previous = next((g for g in group if g.family == "protest"), group[-1])
        history.extend(group)
    _attach_claims(adoc, mentions)
    return mentions


def _own_date(adoc: AnnotatedDoc, m: Mention, quotes: list[tuple[int, int]]) -> None:
    """The date governed by a time expression in the mention's sentence, if any."""
    trig = m.triggers[0]
    if trig.anaphoric or trig.reason == COUNT_ONLY:
        return  # a toll update's date ("said on Tuesday") is when it was said, not the event
    region = _in_region(quotes, trig.span.start)
    sent = adoc.sentences[m.sentence]
    times = tuple(
        t
        for t in adoc.times
        if sent.contains(t.span) and _in_region(quotes, t.span.start) == region
    )
    if not times:
        return
    view = adoc.with_layer("times", times)
    for t in m.triggers:
        da = dates_stage.assign_event_date(view, t.span)
        if da is not None:
            m.date = da
            m.date_is_own = True
            return


def _attach_claims(adoc: AnnotatedDoc, mentions: list[Mention]) -> None:
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    for c in adoc.claims:
        if not c.evidence:
            continue
        si = adoc.sentence_index(c.evidence[0].start)
        cands = by_sentence.get(si, [])
        if not cands:
            continue
        violent = [m for m in cands if m.family == "violence"]
        pool = violent if violent and c.kind in ("killed", "injured", "abducted") else cands
        pos = c.evidence[0].start
        best = min(pool, key=lambda m: abs(m.start - pos))
        # split mentions of one sentence share the count (noted in split_by_place)
        for m in pool:
            if m.triggers[0] is best.triggers[0]:
                m.claims.append(c)


def _compatible_dates(a: DateAssignment | None, b: DateAssignment | None) -> bool:
    if a is None or b is None:
        return True
    return a.value.start <= b.value.end and b.value.start <= a.value.end


def _same_place(a: Mention, b: Mention) -> bool:
    pa, pb = a.place, b.place
    if pa is None or pb is None or pa.place is None or pb.place is None:
        return False
    return pa.place.geonameid == pb.place.geonameid and pa.place.name == pb.place.name


def _place_compatible(a: Mention, b: Mention) -> bool:
    """No place on one side, or one place contains the other (country or province of a town)."""
    pa, pb = a.place, b.place
    if pa is None or pb is None or pa.place is None or pb.place is None:
        return True
    from eventscribe.stages.event_mentions import _contains

    return _same_place(a, b) or _contains(pa, pb) or _contains(pb, pa)


def _definite(text: str, m: Mention) -> bool:
    t = m.triggers[0].span
    return bool(_DEFINITE.search(text[max(0, t.start - 20) : t.start])) and t.text.lower() in (
        "attack", "raid", "massacre", "assault", "bombing", "explosion", "blast", "protest",
        "demonstration", "clashes", "fighting", "arrests", "shooting", "strike",
    )


def corefer(text: str, mentions: list[Mention]) -> list[Mention]:
    """Merge mentions of one event within a document (same kind, compatible place and date)."""
    merged: list[Mention] = []
    for m in mentions:
        target: Mention | None = None
        for e in reversed(merged):
            if e.family != m.family or not _compatible_dates(
                e.date if e.date_is_own else None, m.date if m.date_is_own else None
            ):
                continue
            if m.split_of is not None or e.split_of is not None:
                if _same_place(e, m):
                    target = e
                    break
                continue
            if _same_place(e, m):
                target = e
                break
            near = m.sentence - max(e.sentences) <= CONTINUATION_WINDOW
            if _place_compatible(e, m) and (near or _definite(text, m)):
                target = e
                break
        if target is None:
            merged.append(m)
            continue
        _absorb(target, m)
    return merged


def _absorb(e: Mention, m: Mention) -> None:
    e.cls = better_class(e.cls, m.cls)
    e.triggers.extend(m.triggers)
    e.actors.extend(m.actors)
    e.targets.extend(m.targets)
    e.claims.extend(c for c in m.claims if c not in e.claims)
    e.evidence.extend(m.evidence)
    e.notes.extend(m.notes)
    e.sentences |= m.sentences
    e.role_reasons.extend(m.role_reasons)
    if m.place is not None and (
        e.place is None or (m.place.place and e.place.place and
                            m.place.place.precision < e.place.place.precision)
    ):
        e.places = [m.place]
    if m.date_is_own and (
        not e.date_is_own or e.date is None or _width(m.date) < _width(e.date)
    ):
        e.date, e.date_is_own = m.date, True


def _width(d: DateAssignment | None) -> int:
    return 10**9 if d is None else (d.value.end - d.value.start).days


def absorb_country_level(mentions: list[Mention], ordinal: list[int]) -> list[Mention]:
    """A country-level mention continued by town-level mentions of the same kind is absorbed."""
    out = []
    for m in mentions:
        p = m.place.place if m.place else None
        children = [
            c for c in mentions
            if c is not m and c.anaphoric and c.family == m.family and c.place and c.place.place
            and (p is None or c.place.place.country_code == p.country_code)
            and 0 < ordinal[c.sentence] - ordinal[max(m.sentences)] <= CONTINUATION_WINDOW + 1
        ]
        if children and (p is None or p.precision == PRECISION_COUNTRY):
            for c in children:
                c.evidence.extend(m.evidence)
                c.triggers.extend(m.triggers)
                c.targets.extend(m.targets)
                c.role_reasons.append(
                    f"continues the event stated in sentence {m.sentence + 1} for the country"
                )
            continue
        out.append(m)
    return out


def _narrative_dates(
    mentions: list[Mention], published: date | None, sentence_of: Any
) -> None:
    """An undated event right after a dated one in the narrative takes that event's period.

    "The hostages were eventually released ..." following the account of a July 2009 raid is
    dated from the raid to the end of that year, with precision "year" and a reason saying so.
    """
    dated = [m for m in mentions if m.date_is_own and m.date is not None]
    for m in mentions:
        if m.date is not None:
            continue
        best: tuple[int, Mention] | None = None
        for d in dated:
            assert d.date is not None
            stated = min(
                (sentence_of(ev.start) for ev in d.date.provenance.evidence), default=-1
            )
            before = [s for s in d.sentences if stated <= s < m.sentence]
            if stated < 0 or not before:
                continue
            gap = m.sentence - max(before)
            if gap <= 2 and (best is None or gap < best[0]):
                best = (gap, d)
        if best is None:
            continue
        prev = best[1]
        assert prev.date is not None
        pv = prev.date.value
        end = date(pv.end.year, 12, 31)
        if published is not None and end > published:
            end = published
        end = max(pv.start, end)
        m.date = DateAssignment(
            DateValue(pv.start, end, "year", anchor=pv.start),
            Provenance(
                STAGE,
                f"no time expression of its own; it follows the account of the event dated "
                f"{pv.start.isoformat()} (sentence {min(prev.sentences) + 1}), so it is dated from "
                "then to the end of that year",
                score=0.5,
                evidence=prev.date.provenance.evidence,
            ),
        )


def _feature_anaphor(adoc: AnnotatedDoc, m: Mention) -> tuple[PlaceMention, str] | None:
    """"the camp", "the city": the latest earlier place of that kind."""
    sent = adoc.sentences[m.sentence]
    for fm in _FEATURE_ANAPHOR.finditer(sent.text):
        codes = _FEATURE_CODES.get(fm.group(1).lower(), ())
        for p in reversed(adoc.places):
            if p.span.start >= sent.start or p.place is None:
                continue
            if (p.place.feature_code or "") in codes:
                return p, (
                    f"'{fm.group(0)}' refers to {p.place.name}, the latest {fm.group(1)} named"
                )
    return None


def _to_event(adoc: AnnotatedDoc, m: Mention) -> Event:
    text = adoc.text
    cls, type_reason = refine_type(m, text)
    etype = event_classes()[cls].type
    trigger = m.triggers[0].span
    place_assignment = None
    if m.place is not None and m.place.place is not None:
        pm = m.place
        assert pm.place is not None
        reason = m.place_reason or pm.provenance.reason
        place_assignment = PlaceAssignment(
            pm.place,
            Provenance(
                pm.provenance.stage, reason, pm.provenance.score,
                tuple(dict.fromkeys((pm.span, *pm.provenance.evidence))),
            ),
        )
    date_assignment = m.date
    if date_assignment is None:
        date_assignment = headline_fallback_date(adoc) or dates_stage.fallback_event_date(
            adoc.doc.published
        )
    actors = dedupe(m.actors)
    targets = dedupe(t for t in m.targets if t.name.lower() not in {a.name.lower() for a in actors})
    targets = tuple(
        t if t.sector else replace(t, sector=sector_of(t.span.text)) for t in targets
    )
    evidence = list(dict.fromkeys(m.evidence))
    for a in (*actors, *targets):
        evidence.append(a.span)
    for c in m.claims:
        evidence.extend(c.evidence)
    if place_assignment:
        evidence.extend(place_assignment.provenance.evidence)
    if date_assignment:
        evidence.extend(date_assignment.provenance.evidence)
    evidence = sorted(dict.fromkeys(evidence), key=lambda s: (s.start, s.end))
    confidence = 0.4
    confidence += 0.15 if place_assignment and place_assignment.place.precision < 4 else 0.0
    confidence += 0.15 if m.date_is_own else 0.0
    confidence += 0.1 if actors else 0.0
    confidence += 0.1 if m.claims else 0.0
    confidence += 0.05 * min(2, len(m.triggers) - 1)
    place_key = str(place_assignment.place.geonameid) if place_assignment else ""
    if m.split_of is not None:
        place_key += f"#{m.split_of}"
    trig_reason = "; ".join(dict.fromkeys(r for r in m.role_reasons if r))
    return Event(
        id=event_id(adoc.doc.id, trigger, etype, place_key),
        doc_id=adoc.doc.id,
        type=etype,
        trigger=trigger,
        type_provenance=Provenance(
            "classify.lexicon.v1",
            type_reason + (f"; roles: {trig_reason}" if trig_reason else ""),
            score=min(0.95, confidence),
            evidence=tuple(t.span for t in m.triggers),
        ),
        actors=actors,
        targets=targets,
        place=place_assignment,
        date=date_assignment,
        claims=tuple(m.claims),
        confidence=min(0.95, confidence),
        evidence=tuple(evidence),
        notes=tuple(dict.fromkeys(m.notes)),
    )


def assemble(adoc: AnnotatedDoc, roles: str = "patterns") -> tuple[Event, ...]:
    """All events of one document, in text order."""
    triggers = [t for t in find_triggers(adoc) if t.realis]
    if not triggers and not any(c.kind in ("killed", "injured") for c in adoc.claims):
        return ()
    mentions = _mentions_from_triggers(adoc, triggers, roles)
    for m in mentions:
        if m.place is None:
            found = _feature_anaphor(adoc, m)
            if found is not None:
                m.places = [found[0]]
                m.place_reason = found[1]
    mentions = corefer(adoc.text, mentions)
    mentions = absorb_country_level(mentions, substantive_ordinals(adoc))

    @cache
    def demonyms() -> list[Hint]:
        return demonym_hints(adoc.text)

    for m in mentions:
        if m.place is None:
            found = _feature_anaphor(adoc, m) or country_place(adoc, m, demonyms)
            if found is not None:
                m.places = [found[0]]
                m.place_reason = found[1] + (f" ({m.place_reason})" if m.place_reason else "")
    if is_headline_length(adoc.text):
        for m in mentions:
            headline_country_check(adoc, m)
    _narrative_dates(mentions, adoc.doc.published, adoc.sentence_index)
    events = [_to_event(adoc, m) for m in mentions]
    seen: set[str] = set()
    out = []
    for e in sorted(events, key=lambda e: (e.trigger.start, e.id)):
        if e.id not in seen:
            seen.add(e.id)
            actors, means = weapons_as_means(e)
            stated = stated_arguments(adoc, e)
            means = tuple(m for m in means if not any(
                a.role == "instrument" and a.span == m.span for a in stated))
            out.append(replace(e, actors=actors,
                               arguments=tuple(sorted(stated + means,
                                                      key=lambda a: (a.span.start, a.role)))))
    return tuple(out)
