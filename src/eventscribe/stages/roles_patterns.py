"""Actors and targets of event triggers from token patterns, without a dependency parse.

The spaCy parser costs more than every other stage together (see ``make bench``), so the default
path finds roles with a shallow analysis of the trigger's sentence: closed-class word lists and
word shape split it into noun-phrase chunks (NER entities are never split), and a few clause
patterns read the roles off the chunks around the trigger:

- active verb: the chunk before the verb group is the actor ("Gunmen attacked"), the chunk after
  it the target ("attacked a village"); a relative pronoun passes to its antecedent, and a
  coordinated or participial verb ("..., killing 12 people") takes the subject of the clause
  it continues;
- passive verb ("were killed", "killed by"): the chunk before is the target, "by X" the actor;
- noun trigger: "X's attack", "a Taliban attack", "an attack by X" give the actor, "attack on X"
  the target, and a light verb ("carried out an attack") passes on its subject.

Each result carries a short reason; :mod:`eventscribe.stages.roles` keeps the dependency rules
for users who prefer accuracy to speed (``options={"events.assemble.v2": {"roles": "parse"}}``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from eventscribe.model import Actor, Span
from eventscribe.stages.roles import (
    INSTRUMENTS,
    actor_for,
    is_town_name,
)
from eventscribe.stages.roles_phrases import (
    SERIES_NOUNS,
    aimed_at,
    between,
    coordinated,
    including,
    not_agent,
    passive_light_by,
)
from eventscribe.stages.roles_tokens import (
    BE,
    CLAIM_VERBS,
    CLAUSE_PREPS,
    EVENT_NOUNS,
    EXPLETIVES,
    LIGHT_VERBS,
    NOT_AGENT_ER,
    NUMBER_WORDS,
    TIME_WORDS,
    Tok,
    after_prep,
    chunk_start,
    has_content,
    right_object,
    tokenize,
)
from eventscribe.stages.roles_voice import (
    AGENT_MODIFIERS,
    BLAME_VERBS,
    PARTICIPLES,
    PATIENT_NOUNS,
    coordinated_passive,
    inner_of,
    is_passive,
    reduced_passive,
    responsible,
)

__all__ = ["STAGE", "make_actor", "pattern_roles", "tokenize"]

STAGE = "roles.patterns.v1"


def _left_subject(toks: Sequence[Tok], v: int, depth: int = 0) -> tuple[int, int] | None:
    """The chunk that is the subject of the verb group starting at ``v``."""
    j = v
    while j > 0 and toks[j - 1].kind in ("A", "B"):
        j -= 1
    if j > 1 and toks[j - 1].lower == "to" and toks[j - 2].lower in _ASPECTUAL and depth < 3:
        return _left_subject(toks, j - 2, depth + 1)  # "the bombs began to explode"
    if j > 0 and toks[j - 1].lower == "to":
        return None  # "to attack": the subject is too far to guess safely
    if j > 0 and toks[j - 1].lower in _ASPECTUAL and depth < 3:
        # "planes began bombarding the city": the subject of the aspectual verb
        return _left_subject(toks, j - 1, depth + 1)
    if j > 0 and toks[j - 1].kind == "P" and toks[j - 1].lower != "to" and (
            toks[v].lower.endswith("ing") or any(toks[k].lower == "being" for k in range(j, v))):
        return None  # "the chances of being robbed", "after killing": no subject on the left
    if j > 0 and toks[j - 1].kind == "X":
        return j - 1, j  # a pronoun subject; the assembler resolves it to an earlier actor
    if j > 0 and toks[j - 1].kind == "R":
        # relative clause: "militants who attacked" -> the antecedent
        k = j - 1
        if k > 0 and toks[k - 1].text == ",":
            k -= 1
        a = chunk_start(toks, k)
        if a == k - 1 and a > 0 and (toks[a - 1].lower in BE or toks[a - 1].lower == "not"):
            return None  # "it is not clear who carried out": a predicate, not an antecedent
        return (a, k) if a < k and has_content(toks, a, k) else None
    if j > 1 and toks[j - 1].text in ("–", "—"):
        # "Cherif C. – shot dead by police –": the name before the dash
        a = chunk_start(toks, j - 1)
        if a < j - 1 and has_content(toks, a, j - 1):
            return a, j - 1
    if j > 0 and toks[j - 1].text == "," and any(toks[k].kind == "A" for k in range(j, v)):
        # a finite verb after a parenthesis: "A group, including veterans, has demolished"
        c1 = next((k for k in range(j - 2, max(0, j - 25), -1) if toks[k].text == ","), -1)
        if c1 > 0:
            a = chunk_start(toks, c1)
            if a < c1 and has_content(toks, a, c1):
                return a, c1
    if j > 2 and j == v and toks[j - 1].text == "," and toks[v].lower.endswith(("ed", "died")):
        # a past verb after an apposition: "Tamerlan, 26, died", "Ali, a teacher, died"
        c1 = next((k for k in range(j - 2, max(0, j - 8), -1) if toks[k].text == ","), -1)
        seg = toks[c1 + 1 : j - 1] if c1 > 0 else ()
        if seg and all(t.kind in ("C", "D", "T", "P") for t in seg) and seg[0].kind != "P":
            a = chunk_start(toks, c1)
            if a < c1 and has_content(toks, a, c1):
                return a, c1
    if j > 0 and (toks[j - 1].kind == "J" or toks[j - 1].text == ","):
        # coordinated or participial verb: the subject of the clause it continues
        if depth < 3:
            prev_v = next((k for k in range(j - 2, -1, -1) if toks[k].kind == "V"), -1)
            if prev_v >= 0:
                return _left_subject(toks, prev_v, depth + 1)
        return None
    a = chunk_start(toks, j)
    if a >= j or not has_content(toks, a, j):
        return None
    # a prepositional phrase before the verb belongs to the noun before it:
    # "Protesters in Tehran attacked" -> "Protesters"
    while a > 1 and toks[a - 1].kind == "P" and toks[a - 1].lower not in CLAUSE_PREPS:
        b = a - 1
        a2 = chunk_start(toks, b)
        if a2 >= b or not has_content(toks, a2, b):
            break
        a, j = a2, b
    # the chunk ends a relative clause ("gunmen who attacked the village killed 12",
    # "a device that exploded near the station killed 7"): the subject is its antecedent
    k = a
    while k > 1 and toks[k - 1].kind == "P":
        k -= 1
        k2 = chunk_start(toks, k)
        if k2 >= k or not has_content(toks, k2, k):
            break
        k = k2
    if k > 1 and toks[k - 1].kind == "V" and toks[k - 2].kind == "R":
        r = k - 2
        a2 = chunk_start(toks, r)
        if a2 < r and has_content(toks, a2, r):
            return a2, r
    # a reduced relative clause: "two cars parked nearby were destroyed", "guests staying in
    # a pension were injured": the subject is the noun before the participle
    if (k > 1 and toks[k - 1].kind == "V" and toks[k - 1].lower.endswith(("ed", "ing"))
            and toks[k - 2].kind == "C"
            and not any(toks[i].lower in CLAUSE_PREPS for i in range(k, a))
            and (k < a or all(toks[i].lower in _LOCATIVE_ADVERBS for i in range(a, j)))):
        a2 = chunk_start(toks, k - 1)
        if a2 < k - 1 and has_content(toks, a2, k - 1):
            return a2, k - 1
    if a == 1 and toks[0].kind == "P":
        return None  # the chunk is the object of a sentence-initial preposition
    return a, j


_LOCATIVE_ADVERBS = frozenset(
    "nearby there here outside inside overseas abroad downtown upstairs downstairs above "
    "below".split()
)


def _left_coordinated(toks: Sequence[Tok], chunk: tuple[int, int],
                      limit: int = 4) -> list[tuple[int, int]]:
    """Chunks coordinated before a subject chunk: "Taliban gunmen and suicide bombers
    attacked" -> [Taliban gunmen]; "A, B and C were killed" -> [B, A]. Only a list closed by
    "and"/"or" right before ``chunk`` counts, and each member must have content."""
    out: list[tuple[int, int]] = []
    a = chunk[0]
    if a < 2 or toks[a - 1].lower not in ("and", "or"):
        return out
    k = a - 1
    oxford = toks[k - 1].text == ","
    if oxford:
        k -= 1
    while k > 0 and len(out) < limit:
        s = chunk_start(toks, k)
        if s >= k or not has_content(toks, s, k):
            break
        out.append((s, k))
        if s >= 2 and toks[s - 1].text == ",":
            k = s - 1
            continue
        break
    # ", and" after a single chunk joins clauses ("the blast shook the area, and two cars
    # were destroyed"); an Oxford comma closes a list of three or more
    return out if not oxford or len(out) >= 2 else []


def _controller(toks: Sequence[Tok], to: int) -> tuple[int, int] | None:
    """Who does the verb after 'to': "X were sent (by Y) to attack" -> X; "ordered X to" -> X."""
    for k in range(to - 1, max(-1, to - 10), -1):
        if toks[k].kind in (".", "J", "R"):
            return None
        if toks[k].kind == "V":
            if is_passive(toks, k, k):
                return _left_subject(toks, k)
            obj = right_object(toks, k + 1)
            if obj and obj[1] == to:
                return obj
            return _left_subject(toks, k)
    return None


def _noun_use(toks: Sequence[Tok], first: int) -> bool:
    """Whether a trigger listed as a verb ("attack", "raid") is used as a noun here."""
    w = toks[first].lower
    if w.endswith(("ed", "ing")):
        return False
    prev = toks[first - 1] if first > 0 else None
    nxt = toks[first + 1] if first + 1 < len(toks) else None
    if prev is not None and (prev.kind == "D" or prev.lower.endswith(("'s", "’s"))
                             or prev.lower in ("of", "for", "after", "in", "during")):
        return True
    if prev is not None and prev.kind == "C":
        k = first - 1
        while k >= 0 and toks[k].kind == "C":
            k -= 1
        if k >= 0 and (toks[k].kind == "D" or (
                toks[k].kind in ("V", "P") and not prev.text[:1].isupper())):
            # "the ...", "the Orlando attack", "launched further raids", "in repeated attacks"
            return True
    if nxt is not None and prev is not None and prev.kind == "C" and (
        nxt.kind in ("A", "V") and nxt.lower not in ("to",)
    ):
        return True  # "the San Bernardino attacks shocked", "similar attacks have killed"
    return nxt is not None and nxt.lower in ("on", "against", "by", "of")


_ASPECTUAL = frozenset(
    "began begun begin begins beginning started start starts starting continued continue "
    "continues continuing kept keep keeps resumed resume resumes stopped stop stops "
    "stopping".split()
)
"""Verbs before a gerund whose subject is the gerund's ("forces continued shelling")."""
_NOT_TARGET_HEADS = frozenset("dead injured wounded killed hurt nearby".split())
"""Last words of a phrase that is a state or an adverb, not who was hit ("left three dead")."""
def _trim_state(toks: Sequence[Tok], se: tuple[int, int]) -> tuple[int, int]:
    """A target chunk without a trailing state word or adverb ("shot two men dead" -> "two
    men"); empty when that word is all there is ("left three dead": the figure is counted)."""
    s, e = se
    while e > s and toks[e - 1].lower in _NOT_TARGET_HEADS:
        e -= 1
    return s, e


def pattern_roles(
    text: str,
    sent: Span,
    trigger: Span,
    pos: str,
    ents: Sequence[tuple[int, int, str]],
) -> tuple[list[Actor], list[Actor], str]:
    """(actors, targets, reason) for ``trigger`` in sentence ``sent`` of ``text``."""
    ents = tuple(sorted(ents))
    toks = tokenize(text, sent.start, sent.end, ents)
    idx = [k for k, t in enumerate(toks) if t.start < trigger.end and trigger.start < t.end]
    if not idx:
        return [], [], "trigger not found among the sentence's tokens"
    first, last = idx[0], idx[-1]
    acts: list[tuple[int, int]] = []
    tars: list[tuple[int, int]] = []
    undergoer: set[tuple[int, int]] = set()  # passive subjects: what the act was done to
    why: list[str] = []
    if pos == "verb" and _noun_use(toks, first):
        pos = "noun"
    elif pos == "noun" and toks[first].kind == "V" and first > 0 and toks[first - 1].lower in BE:
        pos = "verb"  # "jets have been bombing Aleppo": a progressive verb
    elif (pos == "noun" and toks[first].lower.endswith("ing") and first > 0
          and toks[first - 1].lower in _ASPECTUAL):
        pos = "verb"  # "Russia will not stop bombing it": the gerund of an aspectual verb
    if pos == "verb":
        reduced = not is_passive(toks, first, last) and reduced_passive(toks, first, last)
        passive = reduced or is_passive(toks, first, last) or coordinated_passive(toks, first)
        subj = _left_subject(toks, first)
        if reduced:
            # "condolences to the families of the members killed": the participle qualifies
            # the noun right before it
            a = inner_of(toks, chunk_start(toks, first), first)
            subj = (a, first) if a < first and has_content(toks, a, first) else subj
        if subj is None and first > 0 and toks[first - 1].lower == "to":
            subj = _controller(toks, first - 1)
        by = after_prep(toks, last + 1, frozenset({"by"}), limit=6)
        if passive or (by and PARTICIPLES.search(toks[first].lower) and (
                subj is None or not _verb_between(toks, subj[1], first))):
            if subj:
                tars.append(subj)
                tars.extend(_left_coordinated(toks, subj))
                undergoer.update(tars)
            if by:
                acts.append(by)
            why.append("passive: the subject is the target, 'by X' the actor")
        else:
            if subj:
                acts.append(subj)
                acts.extend(_left_coordinated(toks, subj))
                why.append("the subject before the verb is the actor")
            obj = _verb_object(toks, last)
            if obj:
                tars.append(obj)
                why.append("the object after the verb is the target")
    else:
        a0 = first
        while a0 > 0 and toks[a0 - 1].kind in ("C", "D"):
            a0 -= 1
        if (toks[last].lower.endswith(("er", "ers")) and toks[last].lower not in NOT_AGENT_ER
                and toks[last].lower not in EVENT_NOUNS):
            acts.append((a0, last + 1))  # "a suicide bomber", "the attackers": the agent itself
            why.append("the agent noun is the actor")
        poss = next((k for k in range(a0, first) if toks[k].lower.endswith(("'s", "’s"))), -1)
        if poss >= 0 and (toks[poss].kind == "T" or toks[poss].lower[:-2] in TIME_WORDS):
            poss = -1  # "Saturday's attack": a time, not the attacker
        patient_noun = toks[last].lower in PATIENT_NOUNS and not (
            last + 1 < len(toks) and toks[last + 1].lower == "of")
        whose = a0 > 1 and toks[a0 - 1].lower == "whose"
        if (poss >= 0 or whose) and patient_noun:
            # "Khashoggi's murder", "the employee whose arrest": who it was done to
            if whose:
                k = a0 - 1 if toks[a0 - 2].text != "," else a0 - 2
                w0 = chunk_start(toks, k)
                if w0 < k and has_content(toks, w0, k):
                    tars.append((w0, k))
            else:
                tars.append((a0, poss + 1))
            why.append("the possessor of a noun of what is done to someone is the target")
        elif poss >= 0:
            acts.append((a0, poss + 1))
            why.append("the possessor of the noun is the actor")
        elif a0 < first:
            ent_mods = [k for k in range(a0, first) if toks[k].ent >= 0
                        and ents[toks[k].ent][2] in ("ORG", "NORP")
                        and toks[k].ent == toks[first - 1].ent]
            if ent_mods and ents[toks[ent_mods[0]].ent][2] == "ORG" and is_town_name(
                    text[toks[ent_mods[0]].start : toks[ent_mods[-1]].end]):
                ent_mods = []  # "the Boston bombing" read as an organisation: a place
            agent_mods = [k for k in range(a0, first) if toks[k].lower in AGENT_MODIFIERS]
            if ent_mods:
                acts.append((ent_mods[0], ent_mods[-1] + 1))
                why.append("a named group modifying the noun is the actor")
            elif agent_mods:
                s0 = a0
                while s0 < agent_mods[-1] and toks[s0].kind == "D":
                    s0 += 1
                acts.append((s0, agent_mods[-1] + 1))  # "a coalition air strike", "police raids"
                why.append("a group noun modifying the event noun is the actor")
        nxt = last + 1
        if (nxt + 1 < len(toks) and toks[nxt].lower in ("and", "or")
                and nxt + 2 < len(toks) and toks[nxt + 2].lower in ("of", "on", "against")
                and (toks[nxt + 1].lower.endswith("ing") or toks[nxt + 1].lower in EVENT_NOUNS)):
            nxt += 2  # "the slaughter and maiming of X": X is the target of both nouns
        on = after_prep(toks, nxt, frozenset({"on", "against", "targeting", "of"}), 2)
        blame = any(toks[k].lower in BLAME_VERBS for k in range(max(0, a0 - 1), first))
        if on and blame and toks[on[0] - 1].lower == "on":
            acts.append(on)  # "blamed the attack on X": X is who carried it out
            why.append("'blamed the noun on X': X is the actor")
        elif on:
            tars.append(on)
            why.append("'on/against/of X' after the noun is the target")
        else:
            aimed = aimed_at(toks, last)
            if aimed:
                tars.append(aimed)
                why.append("'targeted X' after the noun: X is the target")
        pair = between(toks, last)
        if pair:
            acts.append(pair[0])
            tars.append(pair[1])
            why.append("'between X and Y': X the actor, Y the target")
        by = (after_prep(toks, last + 1, frozenset({"by"}), limit=8)
              or passive_light_by(toks, last))
        if by:
            acts.append(by)
            why.append("'by X' after the noun is the actor")
        if not acts:
            resp = responsible(toks, a0)
            if resp:
                acts.append(resp)
                why.append("who is involved in or behind the event is the actor")
        if not acts:
            v = a0 - 1
            # "launched a series of attacks": the light verb's object is the series
            if v >= 1 and toks[v].lower == "of" and toks[v - 1].lower in SERIES_NOUNS:
                v -= 2
                while v >= 0 and toks[v].kind == "D":
                    v -= 1
            # "X claimed responsibility for the bombings": X is the actor
            if v >= 1 and toks[v].lower == "for" and toks[v - 1].lower == "responsibility":
                v -= 2
                while v >= 0 and toks[v].kind in ("D", "B"):
                    v -= 1
                if v >= 0 and toks[v].lower in CLAIM_VERBS:
                    subj = _left_subject(toks, v)
                    if subj:
                        acts.append(subj)
                        why.append("who claimed responsibility is the actor")
            while v >= 0 and toks[v].kind in ("B", "A"):
                v -= 1
            if v >= 0 and toks[v].lower == "out":
                v -= 1
            if not acts and v >= 0 and toks[v].kind == "V" and toks[v].lower in LIGHT_VERBS:
                subj = _left_subject(toks, v)
                if subj:
                    acts.append(subj)
                    why.append(f"the subject of '{toks[v].text}' is the actor")
    harmed = _harmed_subjects(toks, first, last) if _violent(trigger.text) else []
    if harmed:
        tars.extend(h for h in harmed if h not in acts)
        why.append("who died or was hurt in the same sentence is a target")
    # coordinated targets ("men, women and children") and lists after "including"
    more: list[tuple[int, int]] = []
    for t in tars:
        more.extend(coordinated(toks, t))
    anchor = max([t[1] for t in tars] + [last + 1])
    inc = including(toks, anchor)
    if inc and (tars or pos == "verb"):
        more.extend(inc)
        why.append("the people listed after 'including' are targets too")
    tars.extend(more)
    acts, tars = list(dict.fromkeys(acts)), list(dict.fromkeys(tars))
    actors = [
        a for a in (make_actor(text, toks, s, e) for s, e in acts if not not_agent(toks, s, e))
        if a is not None
    ]
    targets = [
        a for a, means in (
            (make_actor(text, toks, s, e), (s, e) not in undergoer)
            for s, e in (_trim_state(toks, t) for t in tars) if s < e)
        # ("set fire to vehicles" names the means; "two cars were destroyed" the target)
        if a is not None and not (means and INSTRUMENTS.match(a.name))
    ]
    return actors, targets, "; ".join(why) or "no role found by the token patterns"


_DIED = frozenset("died dies perished succumbed".split())
_HURT = frozenset("injured wounded hurt".split())


@lru_cache(maxsize=4096)
def _violent(trigger_text: str) -> bool:
    """Whether the trigger's own words are a violent event's ("exploded", "gunfight"), not a
    protest's or an arrest's: only those take who died in their sentence as targets."""
    from eventscribe.resources.lexicon import event_classes, iter_trigger_matches, trigger_rules

    rules, classes = trigger_rules(), event_classes()
    for m in iter_trigger_matches(trigger_text):
        if m.lastgroup is not None:
            cls = rules[int(m.lastgroup[1:])].cls
            if classes[cls].family == "violence" and cls != "abduction":
                return True
    return False


def _harmed_subjects(toks: Sequence[Tok], first: int, last: int,
                     window: int = 15) -> list[tuple[int, int]]:
    """Subjects of a death or injury verb near the trigger that is not itself a trigger and
    states no figure ("General X died after a roadside bomb exploded", "guests staying in a
    pension were injured when the ceiling collapsed")."""
    out: list[tuple[int, int]] = []
    for k in range(max(0, first - window), min(len(toks), last + window + 1)):
        if first <= k <= last:
            continue
        w = toks[k].lower
        if w in _HURT and toks[k].kind == "V" and reduced_passive(toks, k, k):
            a = inner_of(toks, chunk_start(toks, k), k)  # "and an Afghani injured"
            subj = (a, k) if a < k and has_content(toks, a, k) else None
        elif w in _DIED or (w in _HURT and toks[k].kind == "V" and is_passive(toks, k, k)):
            subj = _left_subject(toks, k)
        else:
            continue
        if subj is None or (subj[1] > first and subj[0] <= last):
            continue
        if any(t.text[0].isdigit() or t.lower in NUMBER_WORDS for t in toks[subj[0]:subj[1]]):
            continue  # a counted group is a claim of the counts stage
        out.append(subj)
    return out


def _verb_between(toks: Sequence[Tok], a: int, b: int) -> bool:
    return any(toks[k].kind == "V" for k in range(a, b))


def _verb_object(toks: Sequence[Tok], last: int) -> tuple[int, int] | None:
    """The target of an active verb: its direct object, or 'fire on/to X' style objects."""
    words = " ".join(t.lower for t in toks[max(0, last - 3) : last + 1])
    if re.search(r"\b(?:fire|ablaze)$", words) or toks[last].lower in ("to", "on"):
        return after_prep(toks, last + 1, frozenset({"on", "at", "to", "into"}), 2) or (
            right_object(toks, last + 1) if toks[last].lower in ("to", "on") else None
        )
    nxt = last + 1
    if nxt + 1 < len(toks) and toks[nxt].lower in ("down", "up", "out", "off") and toks[
            nxt + 1].kind in ("D", "C"):
        nxt += 1  # "shot down a plane", "blew up the bridge"
    aimed = bool(re.search(r"\b(?:fired?|shot|shelled|lobbed|hurled|threw|launched)\b", words))
    if nxt < len(toks) and toks[nxt].kind == "P" and (
        toks[nxt].lower in ("on", "against", "into") or (toks[nxt].lower == "at" and aimed)
    ):  # ("exploded at a checkpoint" is a place, "fired rockets at X" a target; "attacked
        # with rifles" an instrument)
        return right_object(toks, nxt + 1)
    obj = right_object(toks, nxt)
    if obj and obj[1] - obj[0] == 1 and toks[obj[0]].lower in ("fire", "up"):
        return after_prep(toks, obj[1], frozenset({"on", "at", "to"}), 2)
    return obj


def make_actor(text: str, toks: Sequence[Tok], s: int, e: int) -> Actor | None:
    """An Actor for tokens ``s:e``: its span, display name and sector."""
    while s < e and toks[s].kind in ("P", "B", ".", "R", "J"):
        s += 1
    while e > s and toks[e - 1].kind in ("P", ".", "J", "R") and toks[e - 1].text != ")":
        e -= 1
    if s >= e:
        return None
    if e - s == 1 and toks[s].lower in EXPLETIVES:
        return None  # "There were ... injured"
    if toks[e - 1].lower in EVENT_NOUNS:
        return None  # "the bombing killed 3": the event itself, not a participant
    span = Span.of(text, toks[s].start, toks[e - 1].end)
    if not span.text.strip():
        return None
    return actor_for(span)
