"""Constructions around event nouns and lists of participants, for the pattern roles.

"a battle between X and Y", "the blast targeted X", "X claimed responsibility for", "was
carried out by X", coordinated chunks ("men, women and children"), lists after "including",
and chunks that cannot be an actor (a place named before the noun, a bare figure, the
casualties themselves).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from eventscribe.stages.roles_tokens import (
    CASUALTY_WORDS,
    FACILITY_HEADS,
    HEDGES,
    LIGHT_VERBS,
    NUMBER_WORDS,
    TIME_WORDS,
    Tok,
    right_object,
)

# A word of a noun phrase (figures with thousands separators stay one word), and where the
# phrase's post-modifiers begin.
_HEAD_WORD = re.compile(r"\d{1,3}(?:,\d{3})+|[A-Za-z0-9][A-Za-z0-9'’.&-]*")
_HEAD_CUT = re.compile(
    r",|;|\(|\s(?:of|in|at|from|on|near|who|which|that|with|for|during|after|outside|inside|"
    r"including|and|or)\s",
    re.IGNORECASE,
)


def head_word(phrase: str) -> str | None:
    """Head of a noun phrase: the last word before a post-modifier ("members of the forces" ->
    "members"); lower-cased, possessive and final full stop dropped. None for no word."""
    words = _HEAD_WORD.findall(phrase)
    if not words:
        return None
    first = phrase.find(words[0]) + len(words[0])
    cut = _HEAD_CUT.search(phrase, first)
    if cut:
        words = _HEAD_WORD.findall(phrase[: cut.start()]) or words
    while len(words) > 1 and words[-1].lower().endswith("ly"):
        words = words[:-1]  # "two soldiers instantly"
    h = words[-1].lower()
    h = re.sub(r"(?:'s|’s|')$", "", h).rstrip(".")
    return h or None


SERIES_NOUNS = frozenset("series spate wave string number string campaign".split())
AIM_VERBS = frozenset("targeted targeting targets target hit hits struck strikes aimed".split())


def aimed_at(toks: Sequence[Tok], last: int) -> tuple[int, int] | None:
    """"the explosion targeted a bakery", "bombings targeted at the military", "which seemed
    to be aimed at civilians": the object of an aiming verb after the noun is its target."""
    k = last + 1
    n = len(toks)
    if k < n and toks[k].text == ",":
        k += 1
    if k < n and toks[k].kind == "R":
        k += 1
    steps = 0
    while k < n and steps < 5 and (toks[k].kind in ("A", "B") or toks[k].lower in (
            "seemed", "appeared", "to", "be", "been", "was", "were")):
        k += 1
        steps += 1
    if k >= n or toks[k].lower not in AIM_VERBS:
        return None
    k += 1
    if k < n and toks[k].lower in ("at", "against", "on"):
        k += 1
    return right_object(toks, k)


def between(toks: Sequence[Tok], last: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """"a battle between troops and terrorists": (first side, second side)."""
    k = last + 1
    if k >= len(toks) or toks[k].lower != "between":
        return None
    a = right_object(toks, k + 1)
    if a is None or a[1] >= len(toks) or toks[a[1]].lower != "and":
        return None
    b = right_object(toks, a[1] + 1)
    return (a, b) if b else None


def not_agent(toks: Sequence[Tok], s: int, e: int) -> bool:
    """Chunks that cannot be the actor: a place named before the noun ("the Boston Marathon
    bombing", "the Murrah Federal Building bombing"), a bare figure or a partitive of one ("27",
    "two of the 12") and the casualties themselves ("those injured")."""
    while e > s and toks[e - 1].kind in (".", "P", "J", "R"):
        e -= 1
    if e <= s:
        return True
    head = toks[e - 1].lower
    if head in FACILITY_HEADS or head in CASUALTY_WORDS or head in TIME_WORDS:
        return True
    if toks[e - 1].kind == "T":
        return True  # a date or time ("Monday arrested" is a misread clause)
    first = s
    while first < e and toks[first].kind in ("D", "B"):
        first += 1
    def figure(t: Tok) -> bool:
        return t.text[0].isdigit() or t.lower in NUMBER_WORDS

    # a bare figure ("27") or a partitive of a figure ("two of the 12"); "two gunmen" and
    # "three of the attackers" stay actors
    return first < e and figure(toks[first]) and (e - first == 1 or figure(toks[e - 1]))


def coordinated(toks: Sequence[Tok], chunk: tuple[int, int], limit: int = 8,
                 listed: bool = False) -> list[tuple[int, int]]:
    """Chunks coordinated after ``chunk``: "men, women and children" -> [women, children].

    ``listed``: the chunks follow "including", so commas alone join them and an "and" does not
    end the list ("including A, B and her husband, C and D").
    """
    out: list[tuple[int, int]] = []
    k = chunk[1]
    n = len(toks)
    closed = False  # a list counts only when it ends with "and/or X" ("..., officials said")
    while k < n and len(out) < limit:
        if toks[k].text == "," and k + 1 < n and toks[k + 1].lower in ("and", "or"):
            k += 2
            closed = True
        elif toks[k].lower in ("and", "or"):
            k += 1
            closed = True
        elif toks[k].text == ",":
            k += 1
        else:
            break
        nxt = right_object(toks, k)
        if nxt is None:
            break
        out.append(nxt)
        k = nxt[1]
        if closed and not listed:
            break
    return out if closed or listed else []


def including(toks: Sequence[Tok], k: int) -> list[tuple[int, int]]:
    """", including X, Y and Z" right after position ``k``: the listed chunks."""
    n = len(toks)
    if k < n and toks[k].text == ",":
        k += 1
    if k >= n or toks[k].lower != "including":
        return []
    first = right_object(toks, k + 1)
    if first is None:
        return []
    return [first, *coordinated(toks, first, limit=12, listed=True)]


def passive_light_by(toks: Sequence[Tok], last: int) -> tuple[int, int] | None:
    """"the bombing (in 1995) was carried out by X": X is the actor of the noun."""
    k = last + 1
    n = len(toks)
    while k < n and k - last < 8 and toks[k].kind not in ("A", ".", "V", "J", "R"):
        k += 1
    reduced = k < n and toks[k].lower in ("carried", "claimed", "perpetrated", "committed")
    if k >= n or (toks[k].kind != "A" and not reduced):
        return None  # ("attacks carried out by X": a reduced relative clause)
    while k < n and (toks[k].kind in ("A", "B") or toks[k].lower in HEDGES):
        k += 1
    if k < n and toks[k].lower in LIGHT_VERBS | {"claimed", "perpetrated", "committed",
                                                  "orchestrated", "planned", "ordered"}:
        k += 1
        if k < n and toks[k].lower == "out":
            k += 1
        if k < n and toks[k].lower == "by":
            return right_object(toks, k + 1)
    return None
