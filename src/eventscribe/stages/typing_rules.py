"""Context rules that refine a mention's lexicon class into its final event class."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from eventscribe.model import EventType
from eventscribe.resources.lexicon import event_classes

if TYPE_CHECKING:
    from eventscribe.stages.event_mentions import Mention

_ARMED = {"military", "security", "police", "rebel", "militia"}
_INTERVENTION = re.compile(
    r"\b(?:dispers(?:ed|e|ing)|tear ?gas|water cannons?|rubber bullets|baton|broke up|"
    r"arrested (?:\w+ ){0,3}(?:protesters|demonstrators|activists))\b",
    re.IGNORECASE,
)
_PROTESTER_VIOLENCE = re.compile(
    r"\b(?:threw (?:stones|rocks|petrol bombs|molotov)|stone-throwing|torched|set (?:on )?fire|"
    r"clashed with (?:police|security)|looted|smashed)\b",
    re.IGNORECASE,
)


def _sector_vote(actors: Sequence[object]) -> str | None:
    votes = Counter(getattr(a, "sector", None) for a in actors)
    votes.pop(None, None)
    return votes.most_common(1)[0][0] if votes else None


def refine_type(m: Mention, text: str) -> tuple[str, str]:
    """(final class, reason) for a mention, from its triggers, roles and sentence context."""
    cls = m.cls
    trig = ", ".join(dict.fromkeys(f"'{t.span.text}'" for t in m.triggers[:4]))
    sentences = " ".join(text[t.span.start - 200 : t.span.end + 200] for t in m.triggers[:3])
    actor_sector = _sector_vote(m.actors)
    target_sector = _sector_vote(m.targets)
    base = f"trigger {trig} ({event_classes()[m.cls].why})"
    if cls == "attack":
        if actor_sector in _ARMED and target_sector in _ARMED and actor_sector != target_sector:
            return "armed_clash", base + f"; both sides armed ({actor_sector} vs {target_sector})"
        if target_sector == "protester" and actor_sector in {"military", "security", "police"}:
            return "excessive_force", base + "; state forces used force on protesters"
        if target_sector:
            return cls, base + f"; targets are {target_sector}"
        return cls, base
    if cls in ("peaceful_protest", "labour_strike"):
        if _PROTESTER_VIOLENCE.search(sentences) and not m.anaphoric:
            return "violent_demonstration", base + "; protesters used violence"
        if _INTERVENTION.search(sentences):
            return "protest_with_intervention", base + "; authorities intervened"
        return cls, base + "; no violence or intervention stated"
    if cls == "property_destruction" and actor_sector in {"protester", "rioter"}:
        return "protest_vandalism", base + (
            f"; carried out by {actor_sector}s: property destruction, not a peaceful protest"
        )
    return cls, base


# ------------------------------------------------------------------ CASE 2021 label mapping

_CASE_TABLE = Path(__file__).resolve().parent.parent / "resources" / "case2021_labels.tsv"
NO_EVENT = "NO_EVENT"


@dataclass(frozen=True, slots=True)
class CaseLabel:
    """One row of case2021_labels.tsv."""

    label: str
    type: EventType | None
    source: str
    why: str


@lru_cache(maxsize=1)
def case2021_labels() -> dict[str, CaseLabel]:
    """CASE 2021 label -> its row (EventType None for labels ACLED does not code)."""
    lines = [ln for ln in _CASE_TABLE.read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    out = {}
    for ln in lines[1:]:
        label, etype, sub, cat, mode, source, why = ln.split("\t")
        et = None if etype == "-" else EventType(etype, sub, cat, mode or None)
        out[label] = CaseLabel(label, et, source, why)
    return out


@lru_cache(maxsize=1)
def _by_sub_type() -> dict[str, str]:
    return {r.type.acled_sub_event_type: r.label for r in case2021_labels().values() if r.type}


def case2021_label_of(event_type: EventType) -> str:
    """The CASE 2021 label of an eventscribe event type (via its ACLED sub-event type)."""
    return _by_sub_type().get(event_type.acled_sub_event_type, "OTHER")


# Detectors for labels outside our event taxonomy: (label, cue families that vote for it).
_DETECTORS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("NATURAL_DISASTER", ("natural",)),
    ("MAN_MADE_DISASTER", ("manmade",)),
    ("ORG_CRIME", ("crime",)),
    ("ATTRIB", ("attrib",)),
    ("DIPLO", ("diplo",)),
    ("CHANGE_TO_GROUP_ACT", ("change",)),
    ("NON_VIOL_TERRIT_TRANSFER", ("withdraw",)),
    ("OTHER", ("displaced",)),
)
_STRONG_ATTRIB = re.compile(
    r"\b(?:claimed responsibility|claims? responsibility|responsibility for)\b", re.IGNORECASE
)


def other_label(text: str) -> tuple[str, str]:
    """(label, reason) from the cue detectors, for a text in which the pipeline found no event;
    ``NO_EVENT`` with a reason when no detector fires."""
    from eventscribe.stages.typing_features import CUE_NAMES, cue_vector

    cues = dict(zip(CUE_NAMES, cue_vector(text).tolist(), strict=True))
    best, score = NO_EVENT, 0.0
    for label, fams in _DETECTORS:
        s = sum(cues[f] for f in fams)
        if s > score + 1e-9:
            best, score = label, s
    if best == NO_EVENT:
        return NO_EVENT, "no event trigger and no detector cue in the text"
    return best, f"no event trigger; the {best.lower()} detector's cues are strongest"


def rules_case2021_label(text: str, event_types: list[EventType]) -> tuple[str, str]:
    """The rules path: the first event's type mapped through case2021_labels.tsv; claims of
    responsibility make ATTRIB; no event -> the other detectors (or NO_EVENT)."""
    if event_types:
        if _STRONG_ATTRIB.search(text):
            return "ATTRIB", "a claim of responsibility is the reported fact"
        lab = case2021_label_of(event_types[0])
        return lab, f"first event is {event_types[0].acled_sub_event_type}"
    return other_label(text)
