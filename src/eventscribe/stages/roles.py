"""Actors and targets of event triggers from spaCy dependency rules on trigger sentences only.

The parser runs only on sentences that contain an asserted trigger, which keeps the pipeline's
throughput close to NER-only (the benchmark measures the ratio).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from eventscribe.model import Actor, AnnotatedDoc, Span
from eventscribe.resources.actors import canonical_name, known_actor
from eventscribe.resources.nlp import NON_PARSE, load_nlp

STAGE = "roles.deprules.v1"

_SUBJ = {"nsubj", "csubj"}
_PASS_SUBJ = {"nsubjpass", "csubjpass"}
_OBJ = {"dobj", "obj", "attr"}
_KEEP_RIGHT = {"compound", "amod", "nummod", "appos", "punct", "cc", "conj", "case", "poss", "det"}
PRONOUNS = frozenset({"they", "he", "she", "it", "we", "them", "who", "which", "that", "those",
                      "their", "his", "her", "its", "our", "this", "these"})

# Sector lexicon: head words of actor phrases -> PLOVER/ACLED-like sector. General vocabulary.
_SECTORS: tuple[tuple[str, str], ...] = (
    (r"security forces|security services|security personnel", "security"),
    (r"police|policemen|officers|gendarmes?|riot police|constabulary", "police"),
    (r"forces|troops|soldiers|army|military|guards|navy|air force|marines|regiment|battalion|"
     r"brigade|basij|militar\w*", "military"),
    (r"rebels?|insurgents?|militants?|gunmen|jihadists?|fighters|guerrill?as?|extremists|"
     r"terrorists?|al-shabaab|boko haram|taliban|isis|isil|islamic state|hamas|hezbollah", "rebel"),
    (r"militias?|paramilitar\w*|vigilantes?", "militia"),
    (r"protesters|demonstrators|activists|students|workers|strikers|marchers|crowds?|"
     r"supporters|resistance units|dissidents|opposition", "protester"),
    (r"rioters|mob", "rioter"),
    (r"civilians|residents|villagers|people|children|women|men|worshippers|farmers|"
     r"journalists|teachers|pupils|passengers|members|refugees|families|"
     r"camp residents", "civilian"),
    (r"government|ministry|minister|president|regime|authorities|officials|administration|"
     r"court|judiciary|prosecutors?", "government"),
)
_SECTOR_RES = [(re.compile(rf"\b(?:{p})\b", re.IGNORECASE), s) for p, s in _SECTORS]


def sector_of(phrase: str) -> str | None:
    """Sector of an actor phrase from its head words, or None."""
    for rx, sector in _SECTOR_RES:
        if rx.search(phrase):
            return sector
    return None


_CAP_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*")

@lru_cache(maxsize=4096)
def country_of(phrase: str) -> str | None:
    """ISO country code an actor phrase names, when it does: a demonym ("Iraqi security
    forces" -> IQ), a country name ("the Government of Syria", "Nigeria's army") or a known
    armed group based in one country ("Taliban fighters" -> AF; resources/actors.tsv). None
    otherwise."""
    from eventscribe.resources.gazetteer import Gazetteer

    known = known_actor(phrase)
    if known is not None and known.actor.country is not None:
        return known.actor.country
    g = Gazetteer.load()
    for m in _CAP_RUN.finditer(phrase):
        run = re.sub(r"(?:'s|’s)$", "", m.group(0))
        words = run.split()
        for k in range(len(words), 0, -1):  # longest first: "Sri Lankan", then "Lankan"
            for i in range(0, len(words) - k + 1):
                part = " ".join(words[i : i + k])
                dem = g.demonym_country(part)
                if dem is not None:
                    return dem.country_code
                for c in g.candidates(part):
                    if c.match == "primary" and c.entry.feature_code in ("PCLI", "PCLD", "PCLF",
                                                                         "PCLS", "PCL", "TERR"):
                        return c.entry.country_code
    return None


@lru_cache(maxsize=4096)
def is_town_name(name: str) -> bool:
    """Whether ``name`` is, by its exact spelling, a populated place or area of at least 100,000
    people in the gazetteer ("Boston", "Kandahar"): a place, when NER reads it as a group."""
    from eventscribe.resources.gazetteer import Gazetteer

    return any(c.match == "primary" and c.entry.population >= 100_000
               for c in Gazetteer.load().candidates(name.strip()))


def actor_for(span: Span) -> Actor:
    """An :class:`Actor` for a phrase. A phrase that *is* a known armed group or force
    ("20 Taliban fighters", "the Revolutionary Guards"; resources/actors.tsv) takes the group's
    canonical name, sector and country; a phrase that only mentions one ("a Taliban commander")
    keeps its own name and sector but takes the group's sector when it has none and its
    country when it names none."""
    known = known_actor(span.text)
    if known is not None:
        canonical = canonical_name(span.text, known)
        if canonical is not None:
            return Actor(span, canonical, known.actor.sector,
                         known.actor.country or country_of(span.text))
        return Actor(span, normalise_name(span.text), sector_of(span.text) or known.actor.sector,
                     country_of(span.text))
    return Actor(span, normalise_name(span.text), sector_of(span.text), country_of(span.text))


def normalise_name(phrase: str) -> str:
    """A display name: determiners and leading adverbs dropped, a final possessive dropped
    ("the army's" -> "army"), whitespace folded."""
    name = re.sub(r"\s+", " ", phrase).strip(" ,.;:\"'“”‘’()")
    name = re.sub(r"^(?:the|a|an|some|its|their|his|her|our)\s+", "", name, flags=re.IGNORECASE)
    return re.sub(r"(?<=\w) ?(?:'s|’s)$", "", name)


def parse_sentences(adoc: AnnotatedDoc, indices: Iterable[int]) -> dict[int, Any]:
    """Parse the given sentences (tagger + parser, NER off); returns index -> spaCy Doc."""
    idx = sorted(set(indices))
    if not idx:
        return {}
    nlp = load_nlp()
    texts = [adoc.sentences[i].text for i in idx]
    return dict(zip(idx, nlp.pipe(texts, disable=list(NON_PARSE), batch_size=64), strict=True))


_CUT_RIGHT = {"relcl", "acl", "advcl", "prep", "punct", "cc", "conj"}
# Objects that are the means of an act, not its target ("set fire to", "fired rockets at",
# "put up posters"); shared by the dependency rules and the token patterns.
INSTRUMENTS = re.compile(
    r"^(?:\w+\s+)?(?:fire|vehicles?|cars?|trucks?|ammunition|weapons?|rockets?|missiles?|bullets?|"
    r"tear gas|posters|things|slogans|leaflets|placards|messages|banners|graffiti)$",
    re.IGNORECASE,
)


def _phrase(tok: Any) -> tuple[int, int]:
    """Character range (in the sentence) of the noun phrase headed by ``tok``, without clauses."""
    sdoc = tok.doc
    left = tok.left_edge.i
    right = tok.right_edge.i
    for child in tok.rights:
        if child.dep_ in _CUT_RIGHT and not (child.dep_ == "prep" and child.lower_ == "of"):
            right = min(right, child.left_edge.i - 1)
            break
    right = max(right, tok.i)
    while right > tok.i and sdoc[right].dep_ in ("punct", "cc") and sdoc[right].text != ")":
        right -= 1
    start = sdoc[left].idx
    end = sdoc[right].idx + len(sdoc[right].text)
    phrase = sdoc.text[start:end]
    # keep brackets balanced: "(PMOI / MEK Iran" -> include the closing bracket if it follows
    if phrase.count("(") > phrase.count(")"):
        close = sdoc.text.find(")", end)
        if close != -1 and close - end < 40:
            end = close + 1
    return start, end


def _trigger_token(sdoc: Any, start: int, end: int, pos: str) -> Any | None:
    toks = [t for t in sdoc if t.idx < end and t.idx + len(t.text) > start]
    if not toks:
        return None
    if pos == "verb":
        verbs = [t for t in toks if t.pos_ in ("VERB", "AUX")]
        return verbs[0] if verbs else toks[0]
    nouns = [t for t in toks if t.pos_ in ("NOUN", "PROPN")]
    return nouns[-1] if nouns else toks[-1]


def _subject(tok: Any) -> tuple[Any | None, bool]:
    """Subject of a verb token, climbing through control and participle clauses."""
    seen = 0
    cur = tok
    while cur is not None and seen < 4:
        for c in cur.children:
            if c.dep_ in _SUBJ:
                return c, False
        for c in cur.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g, False
        if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
            return cur.head, False
        if cur.dep_ in ("xcomp", "advcl", "conj", "ccomp", "pcomp") and cur.head is not cur:
            head = cur.head
            if cur.dep_ == "xcomp" or cur.dep_ == "advcl":
                for c in head.children:
                    if c.dep_ in _PASS_SUBJ:  # "X were sent to attack": X attacks
                        return c, False
            cur = head
            seen += 1
            continue
        break
    return None, False


def roles_for(
    sdoc: Any, sent: Span, trigger: Span, pos: str, text: str
) -> tuple[list[Actor], list[Actor], str]:
    """(actors, targets, reason) for a trigger in a parsed sentence."""
    rel_s, rel_e = trigger.start - sent.start, trigger.end - sent.start
    tok = _trigger_token(sdoc, rel_s, rel_e, pos)
    if tok is None:
        return [], [], "trigger not found in the parse"
    actors: list[Any] = []
    targets: list[Any] = []
    reasons: list[str] = []
    if tok.pos_ in ("VERB", "AUX"):
        subj, _ = _subject(tok)
        passive_subj = [c for c in tok.children if c.dep_ in _PASS_SUBJ]
        if any(c.dep_ == "auxpass" for c in tok.children) and subj is not None:
            passive_subj = passive_subj or [subj]  # "11 members being murdered"
            subj = None
        if passive_subj:
            targets.extend(passive_subj)
            reasons.append("passive subject is the target")
            for c in tok.children:
                if c.dep_ == "agent":
                    actors.extend(g for g in c.children if g.dep_ == "pobj")
        elif subj is not None:
            actors.append(subj)
            reasons.append("grammatical subject is the actor")
        for c in tok.children:
            if c.dep_ in _OBJ:
                targets.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("to", "on", "against", "into", "at"):
                # "set fire to X", "opened fire on X"
                if any(t.lower_ in ("fire", "ablaze") for t in tok.subtree) or c.lower_ != "at":
                    targets.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "dobj":
                targets.append(c)
        if targets:
            reasons.append("object is the target")
    else:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "against", "of", "targeting"):
                targets.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ == "by":
                actors.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ in ("poss",):
                actors.append(c)
        if tok.dep_ in _SUBJ | _PASS_SUBJ | {"dobj", "pobj"} and not actors:
            # "Gunmen carried out an attack": the subject of the light verb
            head = tok.head
            for c in head.children:
                if c.dep_ in _SUBJ and c is not tok and head.lemma_ in (
                    "carry", "launch", "stage", "conduct", "mount", "hold", "organise", "organize"
                ):
                    actors.append(c)
        if actors or targets:
            reasons.append("noun trigger: 'by X' is the actor, 'on/against X' the target")

    def to_actor(t: Any) -> Actor | None:
        s, e = _phrase(t)
        span = Span.of(text, sent.start + s, sent.start + e)
        if not span.text.strip():
            return None
        return actor_for(span)

    acts = [a for a in (to_actor(t) for t in actors) if a is not None]
    tars = [
        a
        for a in (to_actor(t) for t in targets)
        if a is not None and not INSTRUMENTS.match(a.name)
    ]
    return acts, tars, "; ".join(reasons) or "no role found by the dependency rules"


def is_pronoun(actor: Actor) -> bool:
    return actor.span.text.strip().lower() in PRONOUNS


def dedupe(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    """Actors with distinct normalised names, first mention kept."""
    seen: set[str] = set()
    out = []
    for a in actors:
        key = a.name.lower()
        if key in seen:
            continue
        seen.add(key)
        out.append(a)
    return tuple(out)
