"""Tokens and noun-phrase chunks for the pattern roles (no parser): closed-class word lists,
a coarse class per token from word shape and its neighbours (NER entities stay content), and
chunk boundaries. :mod:`eventscribe.stages.roles_patterns` reads roles off these chunks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

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
_SUBJECT_PRONOUNS = frozenset("they he she we i".split())
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
    "assault shooting shootings massacre massacres operation offensive series wave killing "
    "killings murder murders slaughter homicide homicides assassination assassinations "
    "torture genocide bombardment bombardments attempt attempts plot plots retaliation".split()
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


def _caps_run(words: Sequence[str], i: int) -> bool:
    """Whether the word next to ``i`` is in capitals too (a headline set in capitals)."""
    return any(0 <= k < len(words) and len(words[k]) >= 2 and words[k].isalpha()
               and words[k].isupper() for k in (i - 1, i + 1))


def _kind(words: Sequence[str], i: int, caps: Sequence[bool]) -> str:
    w = words[i]
    lw = w.lower()
    if lw in ("'s", "’s"):
        return "C"  # a split-off possessive (see _join_clitics)
    if not w[0].isalnum():
        return "."
    if len(w) >= 2 and w.isalpha() and w.isupper() and not _caps_run(words, i):
        return "C"  # an acronym, not a function word: "IS attacks", "US forces"
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
    if prev in _SUBJECT_PRONOUNS and lw.isalpha() and lw not in NOT_VERB_ED:
        return "V"  # "we mourn", "they deplored": a word after a subject pronoun is its verb
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
    if lw.endswith("ed") and "-" in lw:
        return "C"  # "regime-backed", "US-led", "state-owned": compound adjectives
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


def _join_clitics(raw: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A possessive split off by a tokenized source ("the army 's attack") is one token "'s",
    a content word that continues the noun phrase as in "the army's attack"."""
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(raw):
        w, s, e = raw[i]
        if (w in ("'", "’") and i + 1 < len(raw) and raw[i + 1][0] in ("s", "S")
                and raw[i + 1][1] == e and out):
            out.append((w + raw[i + 1][0], s, raw[i + 1][2]))
            i += 2
            continue
        out.append((w, s, e))
        i += 1
    return out


@lru_cache(maxsize=32)
def tokenize(
    text: str, start: int, end: int, ents: tuple[tuple[int, int, str], ...]
) -> tuple[Tok, ...]:
    """Tokens of ``text[start:end]`` with coarse classes; NER entities stay content.

    Cached: every trigger of a sentence reads the same tokens.
    """
    sent = text[start:end]
    raw = [(m.group(), start + m.start(), start + m.end()) for m in _TOKEN.finditer(sent)]
    raw = _join_clitics(raw)
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


def chunk_end(toks: Sequence[Tok], i: int) -> int:
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
        if (t.kind == "T" and j + 1 < n and toks[j + 1].kind in ("C", "T")
                and all(toks[k].kind == "T" for k in range(start_content, j))):
            # a date word before the noun: "the Christmas market"; after one, it starts an
            # adverbial ("detained by intelligence forces Monday night")
            j += 1
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


def chunk_start(toks: Sequence[Tok], j: int) -> int:
    """Start index of the chunk ending just before ``j`` (inclusive content run, 'of' joins)."""
    i = j
    while i > 0:
        t = toks[i - 1]
        if t.kind in ("C", "D") or (t.text == "-" and i - 1 > 0 and i < len(toks)
                                     and toks[i - 2].end == t.start and t.end == toks[i].start):
            # a hyphen joins only touching words ("al-Shabaab"), never a spaced dash
            # ("KIRKUK, Iraq - A car bomb")
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


def has_content(toks: Sequence[Tok], a: int, b: int) -> bool:
    return any(toks[k].kind == "C" for k in range(a, b))


def right_object(toks: Sequence[Tok], i: int) -> tuple[int, int] | None:
    """The chunk right after position ``i`` (skipping adverbs)."""
    while i < len(toks) and toks[i].kind == "B":
        i += 1
    if i >= len(toks):
        return None
    e = chunk_end(toks, i)
    return (i, e) if e > i and has_content(toks, i, e) else None


def after_prep(toks: Sequence[Tok], i: int, preps: frozenset[str], limit: int = 4
                ) -> tuple[int, int] | None:
    """The object of the first preposition in ``preps`` within ``limit`` tokens after ``i``."""
    for k in range(i, min(len(toks), i + limit)):
        if toks[k].kind in (".", "J", "V", "R"):
            return None
        if toks[k].lower in preps:
            return right_object(toks, k + 1)
    return None
