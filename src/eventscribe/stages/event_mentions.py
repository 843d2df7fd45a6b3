"""Event mentions within one sentence: folding triggers, assigning places, splitting place lists."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventscribe.model import (
    Actor,
    Claim,
    DateAssignment,
    PlaceMention,
    Span,
)
from eventscribe.model.place import PRECISION_COUNTRY, PRECISION_PROVINCE
from eventscribe.resources.lexicon import event_classes
from eventscribe.stages.classify import Trigger

# Higher in this list = more specific; a merged event takes the most specific class it saw.
CLASS_PRIORITY: tuple[str, ...] = (
    "suicide_bomb", "chemical_weapon", "air_strike", "drone_strike", "shelling",
    "remote_explosive", "grenade", "armed_clash", "nsa_overtakes_territory",
    "gov_regains_territory", "excessive_force", "attack", "sexual_violence", "abduction",
    "mob_violence", "violent_demonstration", "property_destruction", "protest_vandalism", "arrest",
    "protest_with_intervention", "hunger_strike", "labour_strike", "peaceful_protest",
    "release", "agreement", "disrupted_weapons", "hq_established",
)
RANK = {c: i for i, c in enumerate(CLASS_PRIORITY)}
# Families whose mentions may describe one event (arrests and abductions during an attack).
MERGE_FAMILY = {
    "violence": "violence", "coerce": "violence", "protest": "protest", "destruction":
    "destruction", "agreement": "agreement", "release": "release", "mobilize": "mobilize",
}


def family(cls: str) -> str:
    if cls == "hunger_strike":
        return "hunger_strike"
    return MERGE_FAMILY.get(event_classes()[cls].family, event_classes()[cls].family)


@dataclass
class Mention:
    """An event as one sentence (or one place of a place list) states it; mutable while built."""

    cls: str
    triggers: list[Trigger]
    sentence: int
    actors: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    place_reason: str = ""
    date: DateAssignment | None = None
    date_is_own: bool = False
    claims: list[Claim] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sentences: set[int] = field(default_factory=set)
    role_reasons: list[str] = field(default_factory=list)
    anaphoric: bool = False
    split_of: int | None = None

    @property
    def family(self) -> str:
        return family(self.cls)

    @property
    def place(self) -> PlaceMention | None:
        return self.places[0] if self.places else None

    @property
    def start(self) -> int:
        return self.triggers[0].span.start


def better_class(a: str, b: str) -> str:
    return a if RANK.get(a, 99) <= RANK.get(b, 99) else b


def fold_sentence(triggers: list[Trigger]) -> list[Mention]:
    """One mention per family in a sentence (an arrest during an attack is part of the attack)."""
    by_family: dict[str, Mention] = {}
    order: list[str] = []
    for t in triggers:
        fam = family(t.cls)
        m = by_family.get(fam)
        if m is None:
            by_family[fam] = Mention(t.cls, [t], t.sentence, sentences={t.sentence})
            order.append(fam)
        else:
            m.triggers.append(t)
            m.cls = better_class(m.cls, t.cls)
    # destruction by rioters or protesters in the same sentence is part of their protest
    if "protest" in by_family and "destruction" in by_family:
        p, d = by_family["protest"], by_family.pop("destruction")
        p.triggers.extend(d.triggers)
        p.cls = "violent_demonstration"
        order.remove("destruction")
    # arrests of protesters in the same sentence are the authorities' intervention in the protest
    viol = by_family.get("violence")
    # ("... after days of demonstrations" names an earlier protest: only a protest stated before
    # the arrests is the one they broke up)
    if (
        "protest" in by_family
        and viol is not None
        and all(t.cls == "arrest" for t in viol.triggers)
        and by_family["protest"].start < viol.start
    ):
        p = by_family["protest"]
        p.triggers.extend(by_family.pop("violence").triggers)
        p.cls = "protest_with_intervention"
        order.remove("violence")
    return [by_family[f] for f in order]


def _contains(outer: PlaceMention, inner: PlaceMention) -> bool:
    """True when ``outer`` is a country/province that contains ``inner``."""
    po, pi = outer.place, inner.place
    if po is None or pi is None or po is pi or po.geonameid == pi.geonameid:
        return False
    if po.precision == PRECISION_COUNTRY and pi.precision < PRECISION_COUNTRY:
        return po.country_code == pi.country_code
    if po.precision == PRECISION_PROVINCE and pi.precision < PRECISION_PROVINCE:
        return po.country_code == pi.country_code and bool(po.admin1) and po.admin1 == pi.admin1
    return False


def drop_containers(places: list[PlaceMention]) -> list[PlaceMention]:
    """Remove places that only qualify another ("Kaduna, Nigeria" -> Kaduna)."""
    return [p for p in places if not any(_contains(p, q) for q in places)]


def assign_places(
    mentions: list[Mention], places: list[PlaceMention], sent: Span
) -> None:
    """Give each resolved place in the sentence to the nearest trigger on its left (else right)."""
    resolved = [p for p in places if p.place is not None and sent.contains(p.span)]
    if not mentions:
        return
    for p in resolved:
        left = [m for m in mentions if m.triggers[0].span.start <= p.span.start]
        target = max(left, key=lambda m: m.triggers[-1].span.start) if left else mentions[0]
        target.places.append(p)
    for m in mentions:
        # the most precise place first (a town before a country named in an organisation's name)
        m.places = sorted(
            drop_containers(m.places),
            key=lambda p: (p.place.precision if p.place else 9, p.span.start),
        )


_GAP_IN_GROUP = re.compile(r"^\s*(?:,\s*(?:and|or)?|and|or|&)\s*$")
_PREP_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|outside|across|around|inside|from|of)\s+(?:the\s+(?:\w+\s+){0,2}"
    r"(?:city|town|village|province|district|region|camp|area)s?\s+of\s+)?)$",
    re.IGNORECASE,
)
_TRAILING_SEGMENT = re.compile(
    r"^\s*,?\s*and\s+(?P<target>.+?)\s+in\s+(?P<where>(?:several|many|other|various|some|a few)"
    r"\b[^.;]*?)(?=[.;]|$)",
    re.IGNORECASE,
)


def _groups(text: str, places: list[PlaceMention]) -> list[list[PlaceMention]]:
    groups: list[list[PlaceMention]] = []
    for p in sorted(places, key=lambda p: p.span.start):
        if groups and _GAP_IN_GROUP.match(text[groups[-1][-1].span.end : p.span.start]):
            groups[-1].append(p)
        else:
            groups.append([p])
    return groups


def split_by_place(m: Mention, text: str, sent: Span) -> list[Mention]:
    """One mention per town in a place list; "X in A, Y in B" pairs each target with its place.

    ACLED codes one event per location; a sentence such as "they burned a base in A, a banner
    in B and posters in C and D" therefore yields four events, each with its own target.
    """
    towns = [p for p in m.places if p.place is not None and p.place.precision < PRECISION_COUNTRY]
    trigger_end = m.triggers[-1].span.end
    after = [p for p in towns if p.span.start >= trigger_end]
    if len(towns) <= 1:
        return [m]
    groups = _groups(text, after) if after else [towns]
    out: list[Mention] = []
    cursor = trigger_end
    distributive = len(groups) > 1
    for gi, group in enumerate(groups):
        seg_target: Actor | None = None
        if distributive:
            seg = text[cursor : group[0].span.start]
            pm = _PREP_BEFORE.search(seg)
            core = seg[: pm.start()] if pm else seg
            stripped = re.sub(r"^(?:and|to|on)\s+", "", core.strip(" ,;"))
            if stripped and pm:
                s0 = cursor + core.find(stripped)
                seg_target = Actor(Span.of(text, s0, s0 + len(stripped)), stripped)
        for p in group:
            part = Mention(
                m.cls, list(m.triggers), m.sentence, list(m.actors),
                [seg_target] if seg_target else list(m.targets), [p], m.place_reason,
                m.date, m.date_is_own, list(m.claims), list(m.evidence), list(m.notes),
                set(m.sentences), list(m.role_reasons), m.anaphoric, split_of=gi,
            )
            out.append(part)
        cursor = group[-1].span.end
    if distributive:
        tail = _TRAILING_SEGMENT.match(text[cursor : sent.end])
        if tail:
            s0 = cursor + tail.start("target")
            tgt = Actor(Span.of(text, s0, cursor + tail.end("target")), tail.group("target"))
            extra = Mention(
                m.cls, list(m.triggers), m.sentence, list(m.actors), [tgt], [],
                f"'{tail.group('where').strip()}' names no place", m.date, m.date_is_own,
                list(m.claims), list(m.evidence), list(m.notes), set(m.sentences),
                list(m.role_reasons), m.anaphoric, split_of=len(groups),
            )
            out.append(extra)
    if len(out) > 1 and any(m.claims for m in out):
        for part in out:
            part.notes.append(
                f"counts were stated once for {len(out)} places; each place's event keeps them"
            )
    return out
