"""Places and instruments of event triggers stated as common nouns, from token patterns.

The geoparser resolves *named* places; many reports say where an event happened with a common
noun ("at a checkpoint", "outside the station", "in a Latvian town") or add a wider place the
event stage drops as a container ("in Helmand Province, Afghanistan"). Instruments are seldom
named at all ("with a knife", "fired rockets", "a car bomb attack"). This module reads both off
the same chunks as :mod:`eventscribe.stages.roles_patterns`, with a reason and an evidence span
for each, without a parser:

* **place**: the first prepositional phrase after the trigger, in its clause, introduced by
  in/at/near/outside/inside/across/throughout/around/along (or "on" a road, a border, a front)
  whose head is a place noun ("station", "village", "checkpoint") or a named place (a GPE, LOC
  or FAC entity), with the places coordinated with it ("in A and B") and a named place in
  apposition ("in Helmand Province, Afghanistan"); a sentence-initial "In/At X," sets the place
  of every trigger of its sentence; a place named before a noun trigger ("the Kabul airport
  bombing") is the place of that event.
* **instrument**: a weapon-headed chunk after with/using/"armed with"/"loaded with" in the
  trigger's sentence, the weapon object of a verb of firing, throwing, planting or detonating
  ("fired rockets", "hurling bottles, chairs and other objects"), a weapon word modifying a
  noun trigger ("a rocket attack", "mortar fire") and a weapon that is the trigger's subject
  ("the bomb exploded").

:func:`trigger_arguments` works on one trigger; :func:`event_arguments` on a finished event
(the evaluator and any caller can read them from an :class:`~eventscribe.model.AnnotatedDoc`
and its events).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from eventscribe.model import AnnotatedDoc, Argument, Span
from eventscribe.stages.roles import is_town_name
from eventscribe.stages.roles_phrases import coordinated, head_word
from eventscribe.stages.roles_tokens import (
    TIME_WORDS,
    Tok,
    chunk_start,
    right_object,
    tokenize,
)

__all__ = [
    "PLACE_NOUNS", "WEAPON_NOUNS", "Argument", "event_arguments", "is_place_noun",
    "is_weapon_noun", "stated_arguments", "trigger_arguments",
]

PLACE_NOUNS = frozenset(
    "station street road highway motorway avenue boulevard lane route junction intersection "
    "roundabout market marketplace bazaar square plaza village town city capital area district "
    "province region neighbourhood neighborhood suburb suburbs outskirts quarter camp base "
    "checkpoint border crossing compound building house home residence hotel restaurant cafe "
    "café bar pub nightclub club mall supermarket shop store bakery school university college "
    "campus hospital clinic church mosque synagogue temple shrine cathedral embassy consulate "
    "office offices headquarters airport airfield airbase port harbour harbor stadium arena park "
    "bridge prison jail court courthouse parliament palace ministry farm field fields forest "
    "desert mountains valley river coast island county territory zone frontline outpost post "
    "barracks terminal stop centre center venue pension apartment flat estate township slum "
    "municipality locality settlement hamlet vicinity scene site premises facility plant "
    "factory refinery warehouse depot garrison fort port-city hall parish commune state "
    "republic country kingdom".split()
)
"""Head nouns of phrases that say where something happened."""
_ROADLIKE = frozenset(
    "street road highway motorway avenue boulevard lane route border frontline front island "
    "outskirts bridge coast premises campus".split()
)
"""Places an event happens *on* ("on the Kabul-Jalalabad highway")."""
WEAPON_NOUNS = frozenset(
    "bomb bombs ied ieds grenade grenades rocket rockets missile missiles mortar mortars "
    "explosive explosives device devices landmine landmines drone drones shell shells artillery "
    "vest vests car-bomb gun guns rifle rifles pistol pistols handgun handguns firearm firearms "
    "weapon weapons ammunition bullet bullets knife knives machete machetes axe axes sword "
    "swords dagger spear arrows bow stones rocks bottles molotov cocktails petrol-bomb "
    "petrol-bombs teargas gas baton batons truncheon truncheons whips clubs sticks poison "
    "nerve-agent sarin chlorine napalm shotgun shotguns kalashnikov kalashnikovs ak-47 ak-47s "
    "munitions warhead warheads projectile projectiles shrapnel fertilizer nitrate "
    "cannon cannons tank tanks warplane warplanes jets helicopter helicopters gunship gunships "
    "aircraft".split()
)
"""Head nouns of means of violence (the evaluator reads weapon-headed actors as instruments)."""
_FIRE_VERBS = frozenset(
    "fired fire fires firing launched launch launches launching hurled hurl hurling hurls threw "
    "throw throwing throws lobbed lob lobbing planted plant planting plants detonated detonate "
    "detonating detonates dropped drop dropping drops used use using uses wielding wielded "
    "brandishing brandished set-off".split()
)
_ASPECTUAL = frozenset("began begin begins started start starts continued continue continues "
                       "kept resumed".split())
_WITH_WORDS = frozenset({"with", "using"})
_PLACE_PREPS = frozenset(
    "in at near outside inside across throughout around along within".split()
)
_ORG_LIKE = frozenset("state court ministry parliament office club republic kingdom".split())
"""Place nouns that also head the names of groups and institutions."""
_IDIOM_NOUNS = frozenset("office state court home country field post site".split())
"""Place nouns that, bare after a preposition, make an idiom ("in office", "at home")."""
_IN_PREPS = frozenset({"in", "near", "outside", "inside"})
_STOP_WORDS = frozenset("said says told according adding added while because but".split())
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _singular(w: str) -> str:
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def is_place_noun(word: str) -> bool:
    """Whether ``word`` (any case) heads a phrase naming where something happened."""
    w = word.lower()
    return w in PLACE_NOUNS or _singular(w) in PLACE_NOUNS


def is_weapon_noun(word: str) -> bool:
    """Whether ``word`` (any case) heads a phrase naming a weapon or means of violence."""
    w = word.lower()
    return w in WEAPON_NOUNS or _singular(w) in WEAPON_NOUNS


def _head(toks: Sequence[Tok], s: int, e: int) -> int:
    """Index of the head token of chunk ``s:e``: the last content word before "of"."""
    k = s
    while k < e and toks[k].lower != "of":
        k += 1
    h = k - 1
    while h > s and (toks[h].kind not in ("C",) or not toks[h].text[0].isalnum()):
        h -= 1
    return h


def _named_place(toks: Sequence[Tok], ents: Sequence[tuple[int, int, str]], i: int) -> bool:
    e = toks[i].ent
    return e >= 0 and ents[e][2] in _PLACE_LABELS


_NOT_PLACE_LABELS = frozenset(
    {"PERSON", "ORG", "NORP", "DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT",
     "LANGUAGE", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"})


def _proper_unlabelled(toks: Sequence[Tok], ents: Sequence[tuple[int, int, str]],
                       ch: tuple[int, int], person_ok: bool = False) -> bool:
    """A chunk of capitalised words with no determiner and no entity label that rules a place
    out ("in Badia al-Sukhnah"; not "in the Senate", "in Islam" tagged as an organisation)."""
    s, e = ch
    if e - s > 4 or toks[s].kind == "D":
        return False
    if toks[e - 1].lower in TIME_WORDS:
        return False
    for k in range(s, e):
        t = toks[k]
        if t.text == "-" and s < k < e - 1:
            continue  # "Nagorno - Karabakh" as a tokenized source writes it
        particle = k > s and (t.lower in _NAME_PARTICLES or t.lower.startswith(_ARABIC_ARTICLES))
        if not (t.text[:1].isupper() or particle) or t.kind != "C" or t.text.isupper():
            return False
        if t.ent >= 0 and ents[t.ent][2] in _NOT_PLACE_LABELS and not (
                person_ok and ents[t.ent][2] == "PERSON"):
            return False
    if e < len(toks) and toks[e].lower in ("'s", "’s"):
        return False
    return not toks[e - 1].lower.endswith(("'s", "’s"))


_NAME_PARTICLES = frozenset("de da del della di du la le van von bin ibn al el".split())
_ARABIC_ARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-")


def _initial_name(toks: Sequence[Tok], ents: Sequence[tuple[int, int, str]],
                  ch: tuple[int, int]) -> bool:
    """A sentence-initial "At/In X," whose X is a name, not a person or a time ("At Oxford
    St, ...")."""
    h = _head(toks, *ch)
    if (h < ch[0] or not toks[h].text[:1].isupper() or toks[h].kind == "T"
            or toks[h].lower in TIME_WORDS):
        return False
    e = toks[h].ent
    return e < 0 or ents[e][2] not in ("PERSON", "DATE", "TIME", "NORP", "EVENT", "CARDINAL")


def _place_chunk(toks: Sequence[Tok], ents: Sequence[tuple[int, int, str]],
                 ch: tuple[int, int], prep: str) -> bool:
    h = _head(toks, *ch)
    if h < ch[0] or toks[h].kind == "T":
        return False
    word = toks[h].lower
    if toks[h].text[:1].isupper() and any(
        toks[k].kind == "C" and not toks[k].text[:1].isupper() and is_place_noun(toks[k].lower)
        for k in range(ch[0], h)
    ):
        return True  # "the central street Rue Victor Hugo": a place noun and its name
    if prep != "on" and _proper_unlabelled(toks, ents, ch, person_ok=prep in _IN_PREPS):
        # "in Badia al-Sukhnah": a name NER left unlabelled (or read as a person's: "attacks
        # in Badia al-Sukhnah" is not where a person is), after in/at/near
        return True
    if _named_place(toks, ents, h):
        return prep != "on" or (is_place_noun(word) and _singular(word) in _ROADLIKE)
    if not is_place_noun(word):
        return False
    if (toks[h].ent >= 0 and ents[toks[h].ent][2] in _NOT_PLACE_LABELS
            and _singular(word) in _ORG_LIKE):
        return False  # "the Islamic State", "the Supreme Court" named as a group
    if ch[1] - ch[0] == 1 and word in _IDIOM_NOUNS:
        return False  # "in office", "in state": an idiom, not a place
    return prep != "on" or word in _ROADLIKE or _singular(word) in _ROADLIKE


def _arg(text: str, toks: Sequence[Tok], role: str, ch: tuple[int, int],
         reason: str) -> Argument | None:
    s, e = ch
    while s < e and toks[s].kind in ("P", "B", "J", "."):
        s += 1
    while e > s and toks[e - 1].kind in ("P", "J", "."):
        e -= 1
    if s >= e:
        return None
    h = _head(toks, s, e)
    if h < s:
        return None
    head = toks[h].lower
    for suffix in ("'s", "’s"):
        head = head.removesuffix(suffix)
    return Argument(role, Span.of(text, toks[s].start, toks[e - 1].end), head, reason)


def _clause_end(toks: Sequence[Tok], i: int, limit: int = 16) -> int:
    """Index where the clause that continues at ``i`` ends (at most ``limit`` tokens on)."""
    n = len(toks)
    k = i
    while k < n and k - i < limit:
        t = toks[k]
        if t.text in (";", ":", "“", "”", '"', "(", "[") or t.lower in _STOP_WORDS:
            return k
        if t.kind == "R" and t.lower != "where":
            return k
        k += 1
    return k


def _places_after(text: str, toks: Sequence[Tok], ents: Sequence[tuple[int, int, str]],
                  start: int) -> list[Argument]:
    end = _clause_end(toks, start)
    k = start
    while k < end:
        t = toks[k]
        if t.kind == "P" and (t.lower in _PLACE_PREPS or t.lower == "on"):
            ch = right_object(toks, k + 1)
            if ch is not None and _place_chunk(toks, ents, ch, t.lower):
                return _with_parts(text, toks, ents, ch, f"'{t.text} X' after the trigger")
            if ch is not None:
                k = ch[1]
                continue
        k += 1
    return []


def _with_parts(text: str, toks: Sequence[Tok], ents: Sequence[tuple[int, int, str]],
                ch: tuple[int, int], why: str) -> list[Argument]:
    """A place chunk, the places coordinated with it and a named place in apposition."""
    chunks = [ch, *(c for c in coordinated(toks, ch) if _place_chunk(toks, ents, c, "in"))]
    last = chunks[-1][1]
    if last + 1 < len(toks) and toks[last].text == ",":
        app = right_object(toks, last + 1)
        if app is not None and _named_place(toks, ents, _head(toks, *app)) and (
            app[1] >= len(toks) or toks[app[1]].kind in (".", "P", "J", "C", "T")
        ):
            chunks.append(app)
    out = [_arg(text, toks, "place", c, why) for c in chunks]
    return [a for a in out if a is not None]


def _weapons_of(text: str, toks: Sequence[Tok], ch: tuple[int, int],
                why: str) -> list[Argument]:
    """Weapon-headed chunks among ``ch`` and the chunks coordinated with it; a list that starts
    with a weapon is all means ("hurling bottles, chairs and other objects")."""
    chunks = [ch, *coordinated(toks, ch)]
    heads = [_head(toks, *c) for c in chunks]
    if heads[0] >= ch[0] and is_weapon_noun(toks[heads[0]].lower):
        keep = chunks
    else:
        keep = [c for c, h in zip(chunks, heads, strict=True)
                if h >= c[0] and is_weapon_noun(toks[h].lower)]
    out = [_arg(text, toks, "instrument", c, why) for c in keep]
    return [a for a in out if a is not None]


def _instruments(text: str, toks: Sequence[Tok], first: int, last: int) -> list[Argument]:
    out: list[Argument] = []
    n = len(toks)
    for k, t in enumerate(toks):
        if t.lower in _WITH_WORDS:
            ch = right_object(toks, k + 1)
            if ch is not None:
                out.extend(_weapons_of(text, toks, ch, f"'{t.text} X' names the means"))
    # the weapon object of a verb of firing or planting, near the trigger
    lo, hi = max(0, first - 12), min(n, last + 12)
    for k in range(lo, hi):
        if toks[k].lower in _FIRE_VERBS and toks[k].kind in ("V", "C"):
            j = k + 1
            if j < n and toks[j].lower in ("off", "up"):
                j += 1
            ch = right_object(toks, j)
            if ch is not None:
                out.extend(_weapons_of(text, toks, ch, f"the object of '{toks[k].text}'"))
    # a weapon word modifying the trigger noun ("a rocket attack", "mortar fire"), or the
    # trigger's subject ("the bomb exploded")
    s = chunk_start(toks, first)
    for k in range(s, first):
        if is_weapon_noun(toks[k].lower) and toks[k].kind == "C":
            a = _arg(text, toks, "instrument", (k, k + 1), "a weapon word modifying the trigger")
            if a is not None:
                out.append(a)
    j = first
    while j > 0 and toks[j - 1].kind in ("A", "B"):
        j -= 1
    if j > 1 and toks[j - 1].lower == "to" and toks[j - 2].lower in _ASPECTUAL:
        j -= 2  # "the bombs began to explode"
    if j < first or (j > 0 and toks[j - 1].kind == "C"):
        s2 = chunk_start(toks, j)
        if s2 < j and is_weapon_noun(toks[_head(toks, s2, j)].lower):
            a = _arg(text, toks, "instrument", (s2, j), "the weapon is the trigger's subject")
            if a is not None:
                out.append(a)
    return out


def trigger_arguments(
    text: str, sent: Span, trigger: Span, ents: Sequence[tuple[int, int, str]],
) -> list[Argument]:
    """Places and instruments of ``trigger`` in sentence ``sent`` of ``text`` (``ents``: NER
    entities of the sentence as (start, end, label))."""
    ents_t = tuple(sorted(ents))
    toks = tokenize(text, sent.start, sent.end, ents_t)
    idx = [k for k, t in enumerate(toks) if t.start < trigger.end and trigger.start < t.end]
    if not idx:
        return []
    first, last = idx[0], idx[-1]
    out = _places_after(text, toks, ents_t, last + 1)
    if not out and toks and toks[0].kind == "P" and toks[0].lower in _PLACE_PREPS:
        ch = right_object(toks, 1)
        if (ch is not None and ch[1] < len(toks) and toks[ch[1]].text == ","
                and ch[1] <= first and (_place_chunk(toks, ents_t, ch, toks[0].lower)
                                        or _initial_name(toks, ents_t, ch))):
            out = _with_parts(text, toks, ents_t, ch, "a sentence-initial place phrase")
    # a place named before a noun trigger: "the Kabul airport bombing"
    s = chunk_start(toks, first)
    if s < first:
        h = first - 1
        if toks[h].kind == "C" and (_named_place(toks, ents_t, h) or is_place_noun(toks[h].lower)
                                    or (toks[h].text[:1].isupper() and is_town_name(toks[h].text))):
            a0 = h  # the run of modifiers right before the noun ("the Rivertown airport")
            while a0 > s and toks[a0 - 1].kind == "C":
                a0 -= 1
            a = _arg(text, toks, "place", (a0, h + 1), "a place named before the trigger noun")
            if a is not None:
                out.append(a)
    out.extend(_instruments(text, toks, first, last))
    seen: set[tuple[str, int, int]] = set()
    uniq = []
    for a in out:
        key = (a.role, a.span.start, a.span.end)
        if key not in seen:
            seen.add(key)
            uniq.append(a)
    return uniq


def event_arguments(adoc: AnnotatedDoc, event: Any,
                    spans: Iterable[Span] | None = None) -> list[tuple[Span, Argument]]:
    """(trigger span, argument) for every trigger of ``event`` (its type evidence, or
    ``spans``), in trigger order."""
    out: list[tuple[Span, Argument]] = []
    trig = tuple(spans) if spans is not None else (
        event.type_provenance.evidence or (event.trigger,))
    for sp in trig:
        si = adoc.sentence_index(sp.start)
        if si < 0:
            continue
        sent = adoc.sentences[si]
        ents = [(e.span.start, e.span.end, e.label) for e in adoc.entities
                if sent.start <= e.span.start < sent.end]
        out.extend((sp, a) for a in trigger_arguments(adoc.text, sent, sp, ents))
    return out


_CRAFT = frozenset({"drone", "drones"})  # an aircraft stands for whoever flies it
_PARTICIPLE = re.compile(r"\s[a-z]+ed\b")


def phrase_head(phrase: str) -> str:
    """The head word of an actor phrase (:func:`~eventscribe.stages.roles_phrases.head_word`),
    a participle after the head also ending the noun ("rockets fired from Gaza" -> "rockets",
    "the IED planted by militants" -> "ied"; "Suspected militants" keeps its first word)."""
    first = re.search(r"[\w-]+", phrase)
    cut = _PARTICIPLE.search(phrase, first.end()) if first else None
    return head_word(phrase[: cut.start()] if cut else phrase) or ""


def weapons_as_means(event: Any) -> tuple[tuple[Any, ...], tuple[Argument, ...]]:
    """Split an event's actors into people and weapons: a weapon named as the subject of the
    act ("A car bomb killed 11", "Rockets hit the base") is its instrument, not an actor.
    Returns (actors to keep, instrument arguments for the weapons)."""
    keep = []
    means = []
    for a in event.actors:
        head = phrase_head(a.span.text)
        if is_weapon_noun(head) and head not in _CRAFT:
            means.append(Argument("instrument", a.span, head,
                                  f"the weapon '{a.span.text}' is the subject of the act: its "
                                  "means, not an actor", trigger=event.trigger))
        else:
            keep.append(a)
    return tuple(keep), tuple(means)


def stated_arguments(adoc: AnnotatedDoc, event: Any) -> tuple[Argument, ...]:
    """The arguments an :class:`~eventscribe.model.Event` carries: :func:`event_arguments`
    with each argument's trigger set (the first trigger that states it), one per (role, span),
    in text order."""
    seen: set[tuple[str, int, int]] = set()
    out = []
    for sp, a in event_arguments(adoc, event):
        key = (a.role, a.span.start, a.span.end)
        if key not in seen:
            seen.add(key)
            out.append(replace(a, trigger=sp))
    return tuple(sorted(out, key=lambda a: (a.span.start, a.role)))
