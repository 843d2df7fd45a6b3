"""Voice and clause helpers for the pattern roles: passives (full, reduced, coordinated), the
noun a participle qualifies, and who is named as responsible for an event noun.

Shared by :mod:`eventscribe.stages.roles_patterns`; no parser, only the coarse token classes of
:mod:`eventscribe.stages.roles_tokens`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from eventscribe.stages.roles_tokens import (
    BE,
    NUMBER_WORDS,
    Tok,
    chunk_start,
    has_content,
)

__all__ = [
    "AGENT_MODIFIERS",
    "BLAME_VERBS",
    "DONE_TO",
    "INVOLVED",
    "PARTICIPLES",
    "PATIENT_NOUNS",
    "coordinated_passive",
    "inner_of",
    "is_passive",
    "reduced_passive",
    "responsible",
]

PARTICIPLES = re.compile(
    r"(?:ed|en|wn)$|^(?:shot|hit|held|taken|beaten|slain|caught|set|burnt|sent|led|brought|told|"
    r"paid|hired|found|seen|left|kept|given|thrown|struck|hurt|cut|put)$"
)


INVOLVED = frozenset("involved implicated responsible participated complicit".split())


def responsible(toks: Sequence[Tok], a0: int) -> tuple[int, int] | None:
    """"the group behind the attack", "34 people are involved in the attack", "the men
    responsible for the bombing": the chunk before is the actor of the noun at ``a0``."""
    v = a0 - 1
    if v < 1:
        return None
    if toks[v].lower == "behind":
        s = chunk_start(toks, v)
        return (s, v) if s < v and has_content(toks, s, v) else None
    if toks[v].lower not in ("in", "for") or toks[v - 1].lower not in INVOLVED:
        return None
    j = v - 1
    while j > 0 and toks[j - 1].kind in ("A", "B"):
        j -= 1
    s = chunk_start(toks, j)
    if j == v - 1:
        s = inner_of(toks, s, j)  # "the number of people involved in": the people
    return (s, j) if s < j and has_content(toks, s, j) else None


def inner_of(toks: Sequence[Tok], a: int, e: int) -> int:
    """Start of the noun a participle right after chunk ``a:e`` qualifies: the part after its
    last "of" ("the families of the men killed" -> "the men"), unless the part before is a
    figure or quantifier ("three of the men killed")."""
    of = max((k for k in range(a, e) if toks[k].lower == "of"), default=-1)
    if of > a and not any(t.text[0].isdigit() or t.lower in NUMBER_WORDS
                          or t.lower in ("all", "some", "many", "most", "none", "each")
                          for t in toks[a:of]):
        return of + 1
    return a


def is_passive(toks: Sequence[Tok], first: int, last: int) -> bool:
    if not PARTICIPLES.search(toks[first].lower):
        return False
    k = first - 1
    while k >= 0 and toks[k].kind == "B":
        k -= 1
    return k >= 0 and toks[k].lower in BE


AGENT_MODIFIERS = frozenset(
    "police army military rebel rebels insurgent insurgents militant militants jihadist "
    "jihadists government regime coalition militia navy gang".split()
)
"""Group nouns that, modifying an event noun, name who carried it out ("police raids")."""
BLAME_VERBS = frozenset("blamed blames blame blaming pinned pins pin pinning".split())
DONE_TO = frozenset(
    "killed injured wounded hurt maimed arrested detained jailed imprisoned abducted kidnapped "
    "murdered executed assassinated massacred slaughtered beheaded lynched shot stabbed beaten "
    "tortured raped seized captured freed released targeted ambushed raided stormed "
    "bombed shelled torched looted destroyed damaged demolished ransacked vandalised vandalized "
    "displaced evacuated rescued".split()
)
"""Participles of verbs that take an object: without one, and without an auxiliary, they are
reduced passives ("Three soldiers killed in Kabul blast")."""


def reduced_passive(toks: Sequence[Tok], first: int, last: int) -> bool:
    """"Three soldiers killed in Kabul blast", "the six members killed and those injured": a
    participle of a transitive verb right after its noun, with no auxiliary and no object."""
    if toks[first].lower not in DONE_TO:
        return False
    k = first - 1
    while k >= 0 and toks[k].kind == "B":
        k -= 1
    if k < 0 or toks[k].kind != "C" or toks[k].lower.endswith(("'s", "’s")):
        return False
    n = len(toks)
    j = last + 1
    while j < n and toks[j].kind == "B":
        j += 1
    if j >= n:
        return True
    nxt = toks[j]
    if nxt.kind == "P":
        return nxt.lower not in ("to", "out", "up", "off", "about", "as", "like", "than")
    if nxt.kind == "J" or nxt.text == ",":
        after = toks[j + 1] if j + 1 < n else None
        return after is None or after.kind != "V"
    # ("the members killed were Americans": a finite verb follows the reduced relative)
    return nxt.kind in (".", "T", "A")


def coordinated_passive(toks: Sequence[Tok], first: int) -> bool:
    """A participle coordinated with a passive verb is passive too ("homes were ransacked and
    torched", "it was driven to the city and detonated")."""
    if not PARTICIPLES.search(toks[first].lower):
        return False
    k = first - 1
    while k >= 0 and toks[k].kind == "B":
        k -= 1
    if k < 1 or toks[k].lower not in ("and", "or"):
        return False
    for p in range(k - 1, max(-1, k - 9), -1):
        if toks[p].kind in (".", "R", "J"):
            return False
        if toks[p].kind == "V":
            return is_passive(toks, p, p)
    return False


PATIENT_NOUNS = frozenset(
    "arrest arrests detention release abduction kidnapping assassination murder killing "
    "execution beheading torture rape imprisonment capture disappearance lynching".split()
)
"""Event nouns whose possessor, without an "of X", is who it was done to ("Khashoggi's murder",
"the activist's arrest"), unlike "the army's attack"."""
