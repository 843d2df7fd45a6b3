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
from dataclasses import dataclass
from functools import lru_cache

from eventscribe.model import Actor, Span
from eventscribe.stages.roles import country_of, normalise_name, sector_of

STAGE = "roles.patterns.v1"

_TOKEN = re.compile(
    r"[A-Za-z](?:\.[A-Za-z])+\.?|[A-Za-z0-9]+(?:[-'’.&][A-Za-z0-9]+)*|[^\sA-Za-z0-9]"
)

DET = frozenset(
    "the a an this that these those its their his her our my your some several many all both each "
    "every no any another other such".split()
)
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve dozen dozens hundreds "
    "thousands scores".split()
)
PREP = frozenset(
    "in on at near by for from to into with against during after before since outside inside "
    "across around through over under among toward towards amid amidst despite following "
    "including per via off along behind beyond upon within without throughout onto than like "
    "about as".split()
)
CONJ = frozenset(
    "and or but nor while because although though when where whereas if unless until once so "
    "then".split()
)
REL = frozenset("who which whom whose that".split())
AUX = frozenset(
    "is are was were be been being am has have had will would could can may might shall should "
    "must did do does got get gets".split()
)
BE = frozenset("is are was were be been being am got get gets".split())
PRON = frozenset("they he she it we i you them him us me".split())
NEG_ADV = frozenset(
    "not never also reportedly allegedly later then still already just again even only yet "
    "yesterday today tonight overnight immediately subsequently apparently initially "
    "previously recently".split()
)
# common verbs of news prose that are not event triggers (forms that no shape rule catches)
VERBS = frozenset(
    "said says say told tells tell added adds reported reports claimed claims stated "
    "announced confirmed denied accused accuses blamed blames warned urged called calls "
    "hit hits set sets put puts took take takes came come comes went go goes fled flee flees "
    "left leave leaves sent send sends held hold holds led lead leads made make makes "
    "began begin begins gave give gives saw see sees found find finds kept keep keeps "
    "shot shoot shoots fought fight fights threw throw throws broke break breaks "
    "ran run runs stood stand stands struck strike strikes tore drove drive drives rode "
    "opened open opens fired fire fires seized seize seizes stormed storm storms "
    "carried carry carries launched launch launches staged stage stages mounted mount mounts "
    "conducted conduct conducts organised organized organise organize gathered gather "
    "marched march rallied rally demand demanded demands chanted chant wounded injured "
    "killed kill kills died die dies arrested arrest arrests detained detain detains "
    "abducted abduct abducts kidnapped kidnap kidnaps attacked attack attacks "
    "exploded explode explodes detonated torched burned burnt looted destroyed "
    "released release releases freed free frees disperse dispersed protect prevent stop "
    "support mark commemorate end "
    "raided raid stabbed beat lynched shelled ambushed clashed rioted torched looted".split()
)
AMBIGUOUS = frozenset(
    "strike strikes attack attacks fire fires march marches rally rallies raid raids blast "
    "protest protests shot shots set release demand demands storm fight fights report reports "
    "claim claims call calls bomb bombs shelling clash clashes".split()
)
NOT_VERB_ED = frozenset(
    "hundred red bed armed masked unidentified suspected alleged so-called united "
    "wounded injured detained displaced disappeared dead deceased accused "
    "concerned interested related based aged naked sacred wicked".split()
)
NOT_VERB_ING = frozenset(
    "building buildings meeting meetings morning evening wedding weddings bombing bombings "
    "shooting shootings killing killings fighting uprising ceiling king ring thing things "
    "nothing something anything everything during including following being offering "
    "training funding housing clothing looting shelling kidnapping kidnappings "
    "spring string sibling siblings earnings warning warnings crossing crossings "
    "gathering gatherings hearing hearings ruling rulings landing".split()
)
NOT_ADV_LY = frozenset(
    "family rally ally italy assembly supply july early only fly holy daily weekly monthly "
    "elderly ugly bully belly jolly reply".split()
)
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight week "
    "weekend month year night morning evening afternoon day january february march april may "
    "june july august september october november december".split()
)
CLAUSE_PREPS = frozenset("of after before since until following amid amidst despite as".split())
"""Prepositions that start a clause-level phrase: the noun before them is not the subject."""
FACILITY_HEADS = frozenset(
    "marathon building buildings cafe café restaurant hotel airport station market mall bridge "
    "stadium school university church mosque synagogue temple embassy square street road club "
    "nightclub concert festival parade".split()
)
CASUALTY_WORDS = frozenset("injured wounded killed dead hurt victims casualties".split())
CLAIM_VERBS = frozenset("claimed claims claim accepted accepts admitted admits took takes".split())
HEDGES = frozenset("believed thought said reported suspected alleged known to have been".split())
EXPLETIVES = frozenset("there it this that here".split())
EVENT_NOUNS = frozenset(
    "attack attacks bombing bombings blast blasts explosion explosions strike strikes airstrike "
    "airstrikes raid raids shelling clash clashes fighting violence incident incidents ambush "
    "assault shooting shootings massacre operation offensive series wave".split()
)
"""Heads of noun phrases that name the event, not a participant ("the blast killed 3")."""
NOT_AGENT_ER = frozenset("murder murders order orders border borders water".split())
"""Trigger nouns ending in -er that do not name the agent (unlike "bomber", "attackers")."""
LIGHT_VERBS = frozenset(
    "carried carry carries carrying launched launch launches launching staged stage stages "
    "staging mounted mount mounts conducted conduct conducts held hold holds holding organised "
    "organized organise organize led lead leads claimed claim claims perpetrated committed "
    "commit carry-out".split()
)
_QUANT = re.compile(
    r"\b(?:at least|at most|more than|fewer than|less than|up to|as many as|nearly|almost|"
    r"around|about|some|over|between \S+ and)\b"
    # only before a figure: "about 40 people" is a chunk, "fears about the bomber" is not
    r"(?=\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundreds|dozens|a dozen|"
    r"\w+teen\b))",
    re.IGNORECASE,
)
_ENT_LABELS = {"ORG", "NORP", "PERSON", "GPE", "FAC", "LOC"}
_SPLIT_LABELS = {"DATE", "TIME"}


_NOT_CONTENT = DET | PREP | CONJ | REL | AUX | NUMBER_WORDS | {"of"}


@dataclass(frozen=True)
class Tok:
    """A token of the sentence with absolute character offsets and a coarse class."""

    text: str
    lower: str
    start: int
    end: int
    kind: str  # "C" content, "D" det, "P" prep, "J" conj, "R" rel, "A" aux, "X" pron,
    # "V" verb, "B" adverb, "." punctuation, "T" date/time content
    ent: int = -1  # index of the NER entity the token belongs to, or -1


def _kind(words: Sequence[str], i: int, caps: Sequence[bool]) -> str:
    w = words[i]
    lw = w.lower()
    if not w[0].isalnum():
        return "."
    if lw == "that" and i > 0:
        prev_w = words[i - 1].lower()
        if prev_w in VERBS or prev_w == ",":
            return "J"  # "said that ...": a complementizer
        if prev_w[:1].isalpha() and prev_w not in DET and prev_w not in PREP and prev_w not in AUX:
            return "R"  # "a device that exploded": a relative pronoun
    if lw in DET:
        return "D"
    if lw in PREP or lw == "of":
        return "P"
    if lw in CONJ:
        return "J"
    if lw in REL:
        return "R"
    if lw in AUX:
        return "A"
    if lw in PRON:
        return "X"
    if lw in NEG_ADV or (lw.endswith("ly") and lw not in NOT_ADV_LY and not caps[i]):
        return "B"
    if caps[i] and i > 0:
        return "C"
    prev = words[i - 1].lower() if i > 0 else ""
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    nxt_content = bool(nxt) and nxt[0].isalpha() and nxt not in _NOT_CONTENT
    after_det = (prev in DET and prev != "that") or prev == "" or prev[:1].isdigit()
    if lw in AMBIGUOUS and nxt and (nxt in AUX or (nxt in VERBS and nxt not in AMBIGUOUS)
                                    or (nxt.endswith("ed") and nxt not in NOT_VERB_ED)):
        return "C"  # "an air strike hit", "the attack killed": a noun before its verb
    if lw in VERBS:
        # "the wounded", "armed men", "a fire", "the attack": noun or adjective after a determiner
        if after_det and lw not in ("said", "told"):
            return "C"
        if lw in NOT_VERB_ED and nxt_content:
            return "C"
        return "V"
    if lw.endswith("ed") and len(lw) > 3:
        if (after_det or prev in PREP or prev == "of" or lw in NOT_VERB_ED) and nxt_content:
            return "C"  # "the detained activists", "armed men"
        if lw in NOT_VERB_ED and after_det:
            return "C"  # "the wounded"
        return "V"
    if lw.endswith("ing") and len(lw) > 4:
        if after_det or prev == "of" or (
            prev in PREP and prev not in ("by", "after", "before", "while", "without")
        ):
            return "C"  # "the bombing", "in building"
        if prev in BE:
            return "V"  # "have been bombing", "are shelling"
        if lw in NOT_VERB_ING and (caps[i - 1] if i > 0 else True):
            return "C"  # "Monday's bombing", "school building"
        if lw in NOT_VERB_ING and prev[:1].isalpha() and prev not in CONJ and prev not in NEG_ADV:
            return "C"
        return "V"
    return "C"


@lru_cache(maxsize=32)
def tokenize(
    text: str, start: int, end: int, ents: tuple[tuple[int, int, str], ...]
) -> tuple[Tok, ...]:
    """Tokens of ``text[start:end]`` with coarse classes; NER entities stay content.

    Cached: every trigger of a sentence reads the same tokens.
    """
    sent = text[start:end]
    raw = [(m.group(), start + m.start(), start + m.end()) for m in _TOKEN.finditer(sent)]
    words = [r[0] for r in raw]
    caps = [w[:1].isupper() for w in words]
    quant: set[int] = set()
    for m in _QUANT.finditer(sent):
        quant.update(range(start + m.start(), start + m.end()))
    toks: list[Tok] = []
    k_ent = 0
    for i, (w, s, e) in enumerate(raw):
        while k_ent < len(ents) and ents[k_ent][1] <= s:
            k_ent += 1
        ent = k_ent if k_ent < len(ents) and ents[k_ent][0] <= s and e <= ents[k_ent][1] else -1
        if ent >= 0 and ents[ent][2] in _ENT_LABELS and w[0].isalnum():
            kind = "C"
        elif ent >= 0 and ents[ent][2] in _SPLIT_LABELS:
            kind = "T"
        elif s in quant or (w.isdigit() and w[0].isalnum()):
            kind = "C"
        else:
            kind = _kind(words, i, caps)
        toks.append(Tok(w, w.lower(), s, e, kind, ent))
    return tuple(toks)


def _chunk_end(toks: Sequence[Tok], i: int) -> int:
    """Index after the noun-phrase chunk starting at ``i`` (determiners, content, 'of' joins)."""
    j = i
    n = len(toks)
    while j < n and toks[j].kind == "D":
        j += 1
    start_content = j
    while j < n:
        t = toks[j]
        if t.kind == "C" or (t.text == "-" and j > start_content):
            j += 1
            continue
        if t.kind == "T" and j + 1 < n and toks[j + 1].kind in ("C", "T"):
            j += 1  # a date word inside a noun phrase: "the Christmas market"
            continue
        if t.lower == "of" and j > start_content and j + 1 < n and toks[j + 1].kind in "DC":
            j += 1
            while j < n and toks[j].kind == "D":
                j += 1
            continue
        if t.text in ("(",) and j > start_content:
            close = next((k for k in range(j, min(n, j + 8)) if toks[k].text == ")"), -1)
            if close > 0:
                j = close + 1
                continue
        break
    return j if j > start_content else i


def _chunk_start(toks: Sequence[Tok], j: int) -> int:
    """Start index of the chunk ending just before ``j`` (inclusive content run, 'of' joins)."""
    i = j
    while i > 0:
        t = toks[i - 1]
        if t.kind in ("C", "D") or (t.text == "-" and i - 1 > 0):
            if t.kind == "D" and i - 2 >= 0 and toks[i - 2].kind == "C":
                # "the X" inside "members of the X" is handled by the 'of' join below
                i -= 1
                continue
            i -= 1
            continue
        if t.lower == "of" and i - 1 > 0 and toks[i - 2].kind == "C":
            i -= 1
            continue
        if t.text == ")":
            open_ = next((k for k in range(i - 1, max(-1, i - 9), -1) if toks[k].text == "("), -1)
            if open_ > 0:
                i = open_
                continue
        break
    while i < j and toks[i].kind == "P":
        i += 1
    return i


def _has_content(toks: Sequence[Tok], a: int, b: int) -> bool:
    return any(toks[k].kind == "C" for k in range(a, b))


def _left_subject(toks: Sequence[Tok], v: int, depth: int = 0) -> tuple[int, int] | None:
    """The chunk that is the subject of the verb group starting at ``v``."""
    j = v
    while j > 0 and toks[j - 1].kind in ("A", "B"):
        j -= 1
    if j > 0 and toks[j - 1].lower == "to":
        return None
    if j > 0 and toks[j - 1].kind == "X":
        return j - 1, j  # a pronoun subject; the assembler resolves it to an earlier actor  # "to attack": the subject is too far to guess safely
    if j > 0 and toks[j - 1].kind == "R":
        # relative clause: "militants who attacked" -> the antecedent
        k = j - 1
        if k > 0 and toks[k - 1].text == ",":
            k -= 1
        a = _chunk_start(toks, k)
        return (a, k) if a < k and _has_content(toks, a, k) else None
    if j > 1 and toks[j - 1].text in ("–", "—"):
        # "Cherif C. – shot dead by police –": the name before the dash
        a = _chunk_start(toks, j - 1)
        if a < j - 1 and _has_content(toks, a, j - 1):
            return a, j - 1
    if j > 0 and toks[j - 1].text == "," and any(toks[k].kind == "A" for k in range(j, v)):
        # a finite verb after a parenthesis: "A group, including veterans, has demolished"
        c1 = next((k for k in range(j - 2, max(0, j - 25), -1) if toks[k].text == ","), -1)
        if c1 > 0:
            a = _chunk_start(toks, c1)
            if a < c1 and _has_content(toks, a, c1):
                return a, c1
    if j > 0 and (toks[j - 1].kind == "J" or toks[j - 1].text == ","):
        # coordinated or participial verb: the subject of the clause it continues
        if depth < 3:
            prev_v = next((k for k in range(j - 2, -1, -1) if toks[k].kind == "V"), -1)
            if prev_v >= 0:
                return _left_subject(toks, prev_v, depth + 1)
        return None
    a = _chunk_start(toks, j)
    if a >= j or not _has_content(toks, a, j):
        return None
    # a prepositional phrase before the verb belongs to the noun before it:
    # "Protesters in Tehran attacked" -> "Protesters"
    while a > 1 and toks[a - 1].kind == "P" and toks[a - 1].lower not in CLAUSE_PREPS:
        b = a - 1
        a2 = _chunk_start(toks, b)
        if a2 >= b or not _has_content(toks, a2, b):
            break
        a, j = a2, b
    # the chunk ends a relative clause ("gunmen who attacked the village killed 12",
    # "a device that exploded near the station killed 7"): the subject is its antecedent
    k = a
    while k > 1 and toks[k - 1].kind == "P":
        k -= 1
        k2 = _chunk_start(toks, k)
        if k2 >= k or not _has_content(toks, k2, k):
            break
        k = k2
    if k > 1 and toks[k - 1].kind == "V" and toks[k - 2].kind == "R":
        r = k - 2
        a2 = _chunk_start(toks, r)
        if a2 < r and _has_content(toks, a2, r):
            return a2, r
    if a == 1 and toks[0].kind == "P":
        return None  # the chunk is the object of a sentence-initial preposition
    return a, j


def _controller(toks: Sequence[Tok], to: int) -> tuple[int, int] | None:
    """Who does the verb after 'to': "X were sent (by Y) to attack" -> X; "ordered X to" -> X."""
    for k in range(to - 1, max(-1, to - 10), -1):
        if toks[k].kind in (".", "J", "R"):
            return None
        if toks[k].kind == "V":
            if _is_passive(toks, k, k):
                return _left_subject(toks, k)
            obj = _right_object(toks, k + 1)
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
    if prev is not None and prev.kind == "C" and not prev.text[:1].isupper():
        k = first - 1
        while k >= 0 and toks[k].kind == "C":
            k -= 1
        if k >= 0 and toks[k].kind in ("D", "V", "P"):
            return True  # "the ...", "launched further raids", "in repeated attacks"
    if nxt is not None and prev is not None and prev.kind == "C" and (
        nxt.kind in ("A", "V") and nxt.lower not in ("to",)
    ):
        return True  # "the San Bernardino attacks shocked", "similar attacks have killed"
    return nxt is not None and nxt.lower in ("on", "against", "by", "of")


def _right_object(toks: Sequence[Tok], i: int) -> tuple[int, int] | None:
    """The chunk right after position ``i`` (skipping adverbs)."""
    while i < len(toks) and toks[i].kind == "B":
        i += 1
    if i >= len(toks):
        return None
    e = _chunk_end(toks, i)
    return (i, e) if e > i and _has_content(toks, i, e) else None


def _after_prep(toks: Sequence[Tok], i: int, preps: frozenset[str], limit: int = 4
                ) -> tuple[int, int] | None:
    """The object of the first preposition in ``preps`` within ``limit`` tokens after ``i``."""
    for k in range(i, min(len(toks), i + limit)):
        if toks[k].kind in (".", "J", "V", "R"):
            return None
        if toks[k].lower in preps:
            return _right_object(toks, k + 1)
    return None


_INSTRUMENTS = re.compile(
    r"^(?:\w+\s+)?(?:fire|vehicles?|cars?|trucks?|ammunition|weapons?|rockets?|missiles?|bullets?|"
    r"tear gas|posters|things|slogans|leaflets|placards|messages|banners|graffiti)$",
    re.IGNORECASE,
)
_PARTICIPLES = re.compile(
    r"(?:ed|en|wn)$|^(?:shot|hit|held|taken|beaten|slain|caught|set|burnt|sent|led|brought|told|"
    r"paid|hired|found|seen|left|kept|given|thrown|struck|hurt|cut|put)$"
)


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
    why: list[str] = []
    if pos == "verb" and _noun_use(toks, first):
        pos = "noun"
    elif pos == "noun" and toks[first].kind == "V" and first > 0 and toks[first - 1].lower in BE:
        pos = "verb"  # "jets have been bombing Aleppo": a progressive verb
    if pos == "verb":
        passive = _is_passive(toks, first, last)
        subj = _left_subject(toks, first)
        if subj is None and first > 0 and toks[first - 1].lower == "to":
            subj = _controller(toks, first - 1)
        by = _after_prep(toks, last + 1, frozenset({"by"}), limit=6)
        if passive or (by and _PARTICIPLES.search(toks[first].lower) and (
                subj is None or not _verb_between(toks, subj[1], first))):
            if subj:
                tars.append(subj)
            if by:
                acts.append(by)
            why.append("passive: the subject is the target, 'by X' the actor")
        else:
            if subj:
                acts.append(subj)
                why.append("the subject before the verb is the actor")
            obj = _verb_object(toks, last)
            if obj:
                tars.append(obj)
                why.append("the object after the verb is the target")
    else:
        a0 = first
        while a0 > 0 and toks[a0 - 1].kind in ("C", "D"):
            a0 -= 1
        if toks[last].lower.endswith(("er", "ers")) and toks[last].lower not in NOT_AGENT_ER:
            acts.append((a0, last + 1))  # "a suicide bomber", "the attackers": the agent itself
            why.append("the agent noun is the actor")
        poss = next((k for k in range(a0, first) if toks[k].lower.endswith(("'s", "’s"))), -1)
        if poss >= 0 and (toks[poss].kind == "T" or toks[poss].lower[:-2] in TIME_WORDS):
            poss = -1  # "Saturday's attack": a time, not the attacker
        if poss >= 0:
            acts.append((a0, poss + 1))
            why.append("the possessor of the noun is the actor")
        elif a0 < first:
            ent_mods = [k for k in range(a0, first) if toks[k].ent >= 0
                        and ents[toks[k].ent][2] in ("ORG", "NORP")
                        and toks[k].ent == toks[first - 1].ent]
            if ent_mods:
                acts.append((ent_mods[0], ent_mods[-1] + 1))
                why.append("a named group modifying the noun is the actor")
        on = _after_prep(toks, last + 1, frozenset({"on", "against", "targeting", "of"}), 2)
        if on:
            tars.append(on)
            why.append("'on/against/of X' after the noun is the target")
        else:
            aimed = _aimed_at(toks, last)
            if aimed:
                tars.append(aimed)
                why.append("'targeted X' after the noun: X is the target")
        pair = _between(toks, last)
        if pair:
            acts.append(pair[0])
            tars.append(pair[1])
            why.append("'between X and Y': X the actor, Y the target")
        by = (_after_prep(toks, last + 1, frozenset({"by"}), limit=8)
              or _passive_light_by(toks, last))
        if by:
            acts.append(by)
            why.append("'by X' after the noun is the actor")
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
    # coordinated targets ("men, women and children") and lists after "including"
    more: list[tuple[int, int]] = []
    for t in tars:
        more.extend(_coordinated(toks, t))
    anchor = max([t[1] for t in tars] + [last + 1])
    inc = _including(toks, anchor)
    if inc and (tars or pos == "verb"):
        more.extend(inc)
        why.append("the people listed after 'including' are targets too")
    tars.extend(more)
    actors = [
        a for a in (make_actor(text, toks, s, e) for s, e in acts if not _not_agent(toks, s, e))
        if a is not None
    ]
    targets = [
        a for a in (make_actor(text, toks, s, e) for s, e in tars)
        if a is not None and not _INSTRUMENTS.match(a.name)
    ]
    return actors, targets, "; ".join(why) or "no role found by the token patterns"


def _is_passive(toks: Sequence[Tok], first: int, last: int) -> bool:
    if not _PARTICIPLES.search(toks[first].lower):
        return False
    k = first - 1
    while k >= 0 and toks[k].kind == "B":
        k -= 1
    return k >= 0 and toks[k].lower in BE


SERIES_NOUNS = frozenset("series spate wave string number string campaign".split())
AIM_VERBS = frozenset("targeted targeting targets target hit hits struck strikes aimed".split())


def _aimed_at(toks: Sequence[Tok], last: int) -> tuple[int, int] | None:
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
    return _right_object(toks, k)


def _between(toks: Sequence[Tok], last: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """"a battle between troops and terrorists": (first side, second side)."""
    k = last + 1
    if k >= len(toks) or toks[k].lower != "between":
        return None
    a = _right_object(toks, k + 1)
    if a is None or a[1] >= len(toks) or toks[a[1]].lower != "and":
        return None
    b = _right_object(toks, a[1] + 1)
    return (a, b) if b else None


def _not_agent(toks: Sequence[Tok], s: int, e: int) -> bool:
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


def _coordinated(toks: Sequence[Tok], chunk: tuple[int, int], limit: int = 8,
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
        nxt = _right_object(toks, k)
        if nxt is None:
            break
        out.append(nxt)
        k = nxt[1]
        if closed and not listed:
            break
    return out if closed or listed else []


def _including(toks: Sequence[Tok], k: int) -> list[tuple[int, int]]:
    """", including X, Y and Z" right after position ``k``: the listed chunks."""
    n = len(toks)
    if k < n and toks[k].text == ",":
        k += 1
    if k >= n or toks[k].lower != "including":
        return []
    first = _right_object(toks, k + 1)
    if first is None:
        return []
    return [first, *_coordinated(toks, first, limit=12, listed=True)]


def _passive_light_by(toks: Sequence[Tok], last: int) -> tuple[int, int] | None:
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
            return _right_object(toks, k + 1)
    return None


def _verb_between(toks: Sequence[Tok], a: int, b: int) -> bool:
    return any(toks[k].kind == "V" for k in range(a, b))


def _verb_object(toks: Sequence[Tok], last: int) -> tuple[int, int] | None:
    """The target of an active verb: its direct object, or 'fire on/to X' style objects."""
    words = " ".join(t.lower for t in toks[max(0, last - 3) : last + 1])
    if re.search(r"\b(?:fire|ablaze)$", words) or toks[last].lower in ("to", "on"):
        return _after_prep(toks, last + 1, frozenset({"on", "at", "to", "into"}), 2) or (
            _right_object(toks, last + 1) if toks[last].lower in ("to", "on") else None
        )
    nxt = last + 1
    aimed = bool(re.search(r"\b(?:fired?|shot|shelled|lobbed|hurled|threw|launched)\b", words))
    if nxt < len(toks) and toks[nxt].kind == "P" and (
        toks[nxt].lower in ("on", "against", "into") or (toks[nxt].lower == "at" and aimed)
    ):  # ("exploded at a checkpoint" is a place, "fired rockets at X" a target; "attacked
        # with rifles" an instrument)
        return _right_object(toks, nxt + 1)
    obj = _right_object(toks, nxt)
    if obj and obj[1] - obj[0] == 1 and toks[obj[0]].lower in ("fire", "up"):
        return _after_prep(toks, obj[1], frozenset({"on", "at", "to"}), 2)
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
    return Actor(span, normalise_name(span.text), sector_of(span.text), country_of(span.text))
