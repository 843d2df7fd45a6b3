"""Context rules that refine a mention's lexicon class into its final event class."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

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


def _sector_vote(actors: list[object]) -> str | None:
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
        return "protest_vandalism", base + f"; carried out by {actor_sector}s: property destruction, not a peaceful protest"
    return cls, base
