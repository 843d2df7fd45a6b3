"""Toponym recognition: NER place entities plus a gazetteer string matcher, with filters.

The matcher looks up runs of capitalised tokens (with connectors such as "de", "al-", "-ye")
in the gazetteer's normalised name index, longest first. Matches are kept when NER calls them a
place, or when the evidence outweighs the false-friend risk: a large or administrative
candidate, a locative preposition ("in Dezful"), or a list with other places ("Tehran, Gorgan
and Dorud"). Person names, common words and parts of longer names are dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventscribe.model import AnnotatedDoc, Entity
from eventscribe.resources.gazetteer import Candidate, Gazetteer
from eventscribe.resources.names import name_key
from eventscribe.stages.geoparse_special import (
    AREA_WORDS,
    Mention,
    Tok,
    abbreviation_qualifiers,
    abbreviation_tokens,
    area_candidates,
    county_candidates,
    county_lists,
    datelines,
    free,
    is_cap,
    link_mentions,
    norp_demonyms,
    party_hometowns,
    qualifiers,
    short_forms,
    street_mentions,
)

__all__ = ["Mention", "Tok", "area_candidates", "county_candidates", "gazetteer_matches",
           "link_mentions", "mention_for_span", "recognise", "street_mentions", "tokenize"]

_CONNECTORS = frozenset(
    {"de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les",
     "el", "al", "ad", "an", "ar", "as", "ash", "az", "ye", "e", "i", "y", "of", "on", "upon",
     "sur", "am", "im", "bin", "ibn", "and"}
)
# Only words that can be part of a place name are tokens: capitalised words (letters, inner
# apostrophes), dotted abbreviations ("U.S.") and the connector words; other lower-case words
# only separate runs, and skipping them keeps the stage cheap.
_WORD = r"[^\W\d_]+(?:['’‘ʼ`](?!s\b)[^\W\d_]+)*"
_LOWER_TOKENS = _CONNECTORS | {"province", "governorate", "state", "region", "oblast", "county",
                               "district", "parish"}
_TOKEN = re.compile(
    r"(?<![^\W\d_])(?:(?:[A-Z]\.){2,}|(?=[^\W\d_a-z])" + _WORD + "|(?:"
    + "|".join(sorted(_LOWER_TOKENS, key=lambda w: (-len(w), w))) + r")(?![^\W\d_]))"
)
_ABBR_DOT = frozenset({"St", "Mt", "Ft", "Ste", "Pt"})
_LOCATIVE = frozenset(
    {"in", "at", "near", "outside", "from", "to", "into", "across", "around", "towards",
     "toward", "via", "through", "throughout", "inside", "between", "nearby", "of",
     "em", "en", "dans", "à"}  # Portuguese, Spanish, French headlines
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_HINT_LABELS = frozenset({"NORP"})
_MAX_TOKENS = 6
STRONG_POPULATION = 100_000
TOWN_OVER_PERSON = 20_000
_MISC_LABELS = frozenset({"EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE"})
"""Labels the small NER model gives headline place names by mistake ("executed in Cotija"):
a gazetteer match under them right after a locative word is treated as one outside any
entity."""


def tokenize(text: str) -> list[Tok]:
    """Tokens that can belong to a place name: capitalised words, dotted abbreviations like
    U.S., connector words ("de", "al", "of") and area words ("province"); other lower-case
    words are skipped."""
    return [Tok(*m.span(), m.group()) for m in _TOKEN.finditer(text)]


def _joinable(text: str, a: Tok, b: Tok) -> bool:
    gap = text[a.end : b.start]
    if gap in (" ", "-", "‑", "–"):
        return True
    return gap == ". " and a.text in _ABBR_DOT


_key = lru_cache(maxsize=1 << 16)(name_key)


def gazetteer_matches(text: str, toks: list[Tok], gaz: Gazetteer) -> list[tuple[int, int, int]]:
    """Longest gazetteer matches as (first token, last token + 1, key) index triples."""
    out: list[tuple[int, int, int]] = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        starts_ok = is_cap(t) or (
            t.text in ("al", "el") and i + 1 < n and text[t.end : toks[i + 1].start] == "-"
        )
        if not starts_ok:
            i += 1
            continue
        best = 0
        j = i + 1
        last_ok = i + 1 if is_cap(t) else 0
        ends: list[int] = [last_ok] if last_ok else []
        while j < n and j - i < _MAX_TOKENS and _joinable(text, toks[j - 1], toks[j]):
            tj = toks[j]
            if is_cap(tj):
                ends.append(j + 1)
            elif tj.text.lower() not in _CONNECTORS:
                break
            j += 1
        for e in reversed(ends):
            if gaz.has_key(_key(text[t.start : toks[e - 1].end])):
                best = e
                break
        if best:
            if best < n and toks[best].text.lower() in AREA_WORDS and text[
                toks[best - 1].end : toks[best].start
            ] == " " and area_candidates(gaz, text[t.start : toks[best].end]):
                best += 1
            out.append((i, best, 0))
            i = best
        else:
            i += 1
    return out



def _clean_entity(text: str, ent: Entity) -> tuple[int, int]:
    s, e = ent.span.start, ent.span.end
    low = text[s:e].lower()
    if low.startswith("the "):
        s += 4
    for suffix in ("'s", "’s"):
        if text[s:e].endswith(suffix):
            e -= 2
    return s, e


def _sentence_starts(adoc: AnnotatedDoc) -> set[int]:
    starts = set()
    text = adoc.text
    for s in adoc.sentences:
        k = s.start
        while k < s.end and not text[k].isalnum():
            k += 1
        starts.add(k)
    return starts


def _strong(cands: list[Candidate], population: int = STRONG_POPULATION) -> bool:
    for c in cands:
        e = c.entry
        if c.match != "primary":
            continue
        if e.is_area or not e.feature_code.startswith("PPL"):
            return True
        if e.population >= population:
            return True
    return False


def _prev_word(text: str, start: int) -> str:
    k = start - 1
    while k >= 0 and text[k] in " #":  # "in #Mbengwi": a hashtag is the word itself
        k -= 1
    end = k + 1
    while k >= 0 and (text[k].isalpha()):
        k -= 1
    return text[k + 1 : end].lower()


_TITLES = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "lt", "sgt", "capt", "col", "gen",
     "judge", "sheriff", "deputy", "officer", "coach", "president", "mayor", "senator",
     "governor", "pastor", "rev", "father", "sister", "brother", "prof", "professor", "chief",
     "detective", "trooper", "attorney", "commissioner", "councilman", "councilwoman"}
)
_SPEECH_AFTER = re.compile(r"(?:'s?|’s?)?,? (?:said|says|told|added|noted|explained|asked|"
                           r"wrote|testified|replied|stated|argued|recalled|who|whose)\b")


def _person_context(text: str, a: int, b: int) -> bool:
    """True when a one-word name is used as a person's: after a title ("Sheriff Welch") or
    before a verb of speech ("Welch said")."""
    if " " in text[a:b]:
        return False
    k = a
    while k > 0 and text[k - 1] in " .":
        k -= 1
    return _prev_word(text, k) in _TITLES or (
        _SPEECH_AFTER.match(text, b) is not None)


def _used_as_person(text: str, surface: str) -> bool:
    """True when a one-word name is somewhere used as a person's ("Saakashvili said")."""
    if " " in surface:
        return False
    i = text.find(surface)
    while i >= 0:
        if _person_context(text, i, i + len(surface)):
            return True
        i = text.find(surface, i + 1)
    return False


_COMPASS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
     "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
     "south-east", "south-west", "northeastern", "northwestern", "southeastern", "southwestern",
     "north-eastern", "north-western", "south-eastern", "south-western"}
)


def compass_word(surface: str) -> bool:
    """Whether a name is only a compass word ("West", "Eastern"): a direction or a qualifier
    of the name after it ("Eastern Ghouta", "Northern Burma"), not a place by itself."""
    return surface.lower() in _COMPASS


def _country(cands: list[Candidate]) -> bool:
    """Whether a country is among the candidates under its own name (never a person's)."""
    return any(c.match == "primary" and c.entry.feature_code == "PCLI" for c in cands)


def _norp_place(text: str, ent: Entity, a: int, b: int, cands: list[Candidate],
                gaz: Gazetteer) -> bool:
    """A NORP entity that is a place name, not a demonym ("Clashes in Aleppo" tagged NORP):
    the same span, no demonym or inhabitant reading, and a large or administrative place or
    a locative word before it."""
    s, e = _clean_entity(text, ent)
    if (s, e) != (a, b) or not cands:
        return False
    surface = text[a:b]
    if gaz.demonym_country(surface) is not None or gaz.inhabitant_places(surface):
        return False
    if surface.endswith("s") and gaz.demonym_country(surface[:-1]) is not None:
        return False  # "Syrians"
    prev = _prev_word(text, a)
    return _strong(cands) or (prev in _LOCATIVE and prev != "of")


def _province_word(word: str) -> bool:
    """An area word after a name ("governorate", "Province"); not "State", which after a
    state's name is mostly a university ("Georgia State")."""
    return word.lower() in AREA_WORDS and word != "State"


def _list_neighbour(text: str, a: Mention, b: Mention) -> bool:
    """True when a and b are adjacent items of a list ("X, Y", "X and Y", "X, and Y")."""
    if a.end > b.start:
        a, b = b, a
    gap = text[a.end : b.start]
    return gap in (", ", " and ", ", and ", " or ", " & ", "، ", "; ")


def recognise(
    adoc: AnnotatedDoc, gaz: Gazetteer, *, demonym_places: bool = False,
    toks: list[Tok] | None = None,
) -> list[Mention]:
    """All toponym mentions of a document, sorted by start (candidates still unranked).

    With ``demonym_places``, NORP demonyms ("Iranian") become country-level mentions too
    (LGL-style annotation); by default they are only country hints.
    """
    text = adoc.text
    if toks is None:
        toks = tokenize(text)
    ents = sorted(adoc.entities, key=lambda e: (e.span.start, -e.span.end))
    place_ents = [e for e in ents if e.label in _PLACE_LABELS]
    other_ents = [e for e in ents if e.label not in _PLACE_LABELS]
    sent_starts = _sentence_starts(adoc)
    mentions: list[Mention] = []
    covered: list[tuple[int, int]] = []

    person_words = {
        name_key(w)
        for en in other_ents
        if en.label == "PERSON" and " " in en.span.text
        for w in en.span.text.split()
    }
    raw = gazetteer_matches(text, toks, gaz)
    matched = [(toks[i].start, toks[j - 1].end) for i, j, _ in raw]

    streets = street_mentions(text, gaz)
    mentions.extend(streets)
    covered.extend((m.start, m.end) for m in streets)
    for ent in place_ents:
        if not free(ent.span.start, ent.span.end, covered):
            continue
        s, e = _clean_entity(text, ent)
        if e <= s:
            continue
        surface = text[s:e]
        longer = [(a, b) for a, b in matched if a <= s and e <= b and (a, b) != (s, e)]
        if longer and (not gaz.has_key(name_key(surface)) or (
            _strong(gaz.candidates(text[longer[0][0] : longer[0][1]]))
            and not _strong(gaz.candidates(surface))
        ) or (longer[0][0] == s and _province_word(text[e : longer[0][1]].strip())
              and not any(c.entry.feature_code == "ADM1" for c in gaz.candidates(surface)))):
            # NER cut a gazetteer name short ("DR" of "DR Congo" is not Dar'a; "Raqqa"
            # before "governorate" is the province the gazetteer spells otherwise)
            a, b = longer[0]
            sub = text[a:b]
            mentions.append(Mention(a, b, sub, name_key(sub),
                                    gaz.candidates(sub) or area_candidates(gaz, sub), ent.label,
                                    f"gazetteer name containing the {ent.label} entity "
                                    f"'{surface}'"))
            covered.append((a, b))
            continue
        if compass_word(surface):
            continue  # "West", "Eastern": a direction, not a place
        if name_key(surface) in gaz.not_places or (
            name_key(surface) in person_words and not _strong(gaz.candidates(surface))
        ):
            continue  # a surname tagged as a place ("Khamenei" after "Ali Khamenei")
        if surface.endswith(".") and gaz.abbreviation(surface):
            cands = []
        else:
            cands = gaz.candidates(surface) or area_candidates(gaz, surface) or gaz.candidates(
                surface, translit=True)
        if cands and not _strong(cands) and _used_as_person(text, surface):
            continue  # "Kristina recalled": a small town's name used as a person's
        if cands:
            mentions.append(Mention(s, e, surface, name_key(surface), cands, ent.label,
                                    f"tagged {ent.label} by NER"))
            covered.append((ent.span.start, ent.span.end))
            continue
        abbr = gaz.abbreviation(text[s : ent.span.end])
        special = abbr or gaz.demonym_country(surface)
        if special is not None:
            e2 = ent.span.end if abbr else e
            what = "abbreviation" if abbr else "demonym"
            mentions.append(Mention(s, e2, text[s:e2], name_key(text[s:e2]),
                                    [Candidate(special, "primary")], ent.label,
                                    f"tagged {ent.label} by NER; {what} of {special.name}"))
            covered.append((ent.span.start, ent.span.end))
            continue
        inner = [(a, b) for a, b in matched if s <= a and b <= e
                 and name_key(text[a:b]) not in gaz.not_places
                 and not compass_word(text[a:b])]  # "the Eastern Ghouta": not "Eastern"
        if inner:
            for a, b in inner:
                sub = text[a:b]
                mentions.append(Mention(a, b, sub, name_key(sub), gaz.candidates(sub),
                                        ent.label, f"inside the {ent.label} entity '{surface}'",
                                        weak=ent.label == "FAC"))
            covered.append((ent.span.start, ent.span.end))
        elif ent.label in ("GPE", "LOC") and not (surface.isupper() and len(surface) <= 6) and (
            not _used_as_person(text, surface)
        ) and not surface.endswith((" of", " the")):
            # (an unknown all-capitals acronym such as "IRGC" is an organisation, not a place;
            # an unknown name also used as a person's, "Saakashvili said", is a person)
            mentions.append(Mention(s, e, surface, name_key(surface), [], ent.label,
                                    f"tagged {ent.label} by NER"))
            covered.append((ent.span.start, ent.span.end))

    n_before = len(mentions)
    abbreviation_tokens(text, toks, mentions, covered, gaz)
    datelines(text, sent_starts, mentions, covered, gaz)
    party_hometowns(text, mentions, covered, gaz)
    county_lists(text, mentions, covered, gaz)
    covered.extend((m.start, m.end) for m in mentions[n_before:])
    pending: list[tuple[Mention, str]] = []  # (mention, condition) waiting for context
    for a, b in matched:
        if any(cs < b and a < ce for cs, ce in covered):
            continue
        surface = text[a:b]
        key = name_key(surface)
        cands = gaz.candidates(surface) or area_candidates(gaz, surface)
        over = [en for en in other_ents if en.span.start < b and a < en.span.end]
        if compass_word(surface):
            continue  # "Eastern Ghouta", "the West": a direction, not a place
        norp = [en for en in over if en.label in _HINT_LABELS]
        if norp:
            if len(over) == 1 and _norp_place(text, norp[0], a, b, cands, gaz) and not (
                key in gaz.not_places or key in person_words
            ):
                mentions.append(Mention(a, b, surface, key, cands, "NORP",
                                        "tagged NORP by NER but a place name, not a demonym"))
            continue
        if key in gaz.not_places or key in person_words or _person_context(text, a, b):
            continue
        person = [en for en in over if en.label == "PERSON"]
        org = [en for en in over if en.label == "ORG"]
        if person:
            p = person[0]
            if p.span.start == a and p.span.end == b and _country(cands):
                mentions.append(Mention(a, b, surface, key, cands, "PERSON",
                                        "a PERSON entity that is a country's name"))
            elif p.span.start == a and p.span.end == b and " " not in surface:
                m = Mention(a, b, surface, key, cands, "PERSON",
                            "a single-word PERSON entity that is a known place")
                if _strong(cands, TOWN_OVER_PERSON):
                    m.why += " of some size, never part of a longer person name here"
                    mentions.append(m)
                else:
                    pending.append((m, "context"))
            elif p.span.start == a and p.span.end == b:  # "Sioux Falls", "Glen Carbon"
                pending.append((Mention(a, b, surface, key, cands, "PERSON",
                                        "a PERSON entity that is wholly a place name"),
                                "context"))
            continue
        if org and len(org) == 1 and org[0].span.start == a and org[0].span.end == b and (
            " " not in surface and _strong(cands)
        ):
            mentions.append(Mention(a, b, surface, key, cands, "ORG",
                                    "a single-word ORG entity that is a large or admin place"))
            continue
        if org and len(org) == 1 and _clean_entity(text, org[0]) == (a, b) and any(
            c.match == "primary" and not c.entry.feature_code.startswith(("PPL", "PCLI"))
            for c in cands
        ):  # "Shelling targets the Eastern Ghouta" tagged ORG: the name of an area or site
            mentions.append(Mention(a, b, surface, key, cands, "ORG",
                                    "an ORG entity that is wholly an area's or site's name"))
            continue
        if org:
            keep = [c for c in cands if c.entry.feature_code in ("PCLI", "ADM1")
                    and c.match == "primary"]
            if keep:
                mentions.append(Mention(a, b, surface, key, keep, "ORG",
                                        f"country/province name inside '{org[0].span.text}'"))
            elif cands:
                pending.append((Mention(a, b, surface, key, cands, "ORG",
                                        f"place name inside the organisation "
                                        f"'{org[0].span.text}'"), "org"))
            continue
        if over and not (all(en.label in _MISC_LABELS for en in over)
                         and _prev_word(text, a) in _LOCATIVE - {"of"}):
            continue
        m = Mention(a, b, surface, key, cands, None, "gazetteer name match")
        if _strong(cands) and (a not in sent_starts or _country(cands)):
            m.why = "gazetteer name match of a large or administrative place"
            mentions.append(m)
        else:
            pending.append((m, "context"))

    # weak matches need a locative preposition or a list with accepted places
    changed = True
    while pending and changed:
        changed = False
        rest = []
        for m, _cond in pending:
            prev = _prev_word(text, m.start)
            if _cond == "org":
                rest.append((m, _cond))
            elif prev in _LOCATIVE and prev != "of":
                m.why += f"; preceded by '{prev}'"
                mentions.append(m)
                changed = True
            elif any(_list_neighbour(text, m, o) for o in mentions):
                m.why += "; listed with other places"
                mentions.append(m)
                changed = True
            else:
                rest.append((m, _cond))
        pending = rest
    strong_keys = {m.key for m in mentions if m.candidates}
    for m, _cond in pending:
        if not m.candidates:
            continue
        if m.key in strong_keys:  # the same name is a place elsewhere in the document
            m.why += "; the same name is recognised as a place elsewhere in the document"
            mentions.append(m)
        elif m.start not in sent_starts:
            m.weak = True
            m.why += "; no supporting context"
            mentions.append(m)

    mentions.sort(key=lambda m: (m.start, -m.end))
    dedup: list[Mention] = []
    for m in mentions:
        if dedup and m.start < dedup[-1].end:
            continue
        dedup.append(m)
    abbreviation_qualifiers(text, dedup, gaz)
    if demonym_places:
        norp_demonyms(text, adoc, dedup, gaz, toks)
    short_forms(text, toks, dedup)
    qualifiers(text, dedup)
    return dedup


def mention_for_span(text: str, start: int, end: int, gaz: Gazetteer,
                     label: str = "GPE") -> Mention:
    """A mention for a span known to be a toponym (gold spans): every lookup NER spans get.

    Tries, in order: a dotted abbreviation ("Tenn."), the name and alternate names, an area
    word ("Anderson County"), a demonym ("Iraqi"), transliteration variants.
    """
    surface = text[start:end]
    key = name_key(surface)
    abbr = gaz.abbreviation(surface) if "." in surface else None
    if abbr is not None:
        return Mention(start, end, surface, key, [Candidate(abbr, "primary")], label,
                       f"abbreviation of {abbr.name}")
    cands = gaz.candidates(surface) or area_candidates(gaz, surface)
    dem = gaz.demonym_country(surface)  # "Chinese" is China, not a town once called so
    if dem is not None:
        towns = [c for c in cands if c.match == "primary" and c.entry.feature_code != "PCLI"]
        return Mention(start, end, surface, key, [Candidate(dem, "primary"), *towns], label,
                       f"demonym of {dem.name}")
    if not any(c.match == "primary" for c in cands):
        county = county_candidates(gaz, surface)
        if county:
            return Mention(start, end, surface, key, county, label, "county named without "
                           "the word 'County'")
        inhabitants = gaz.inhabitant_places(surface)
        if inhabitants:
            return Mention(start, end, surface, key, inhabitants, label,
                           f"inhabitants of {inhabitants[0].entry.name}")
    else:
        # "Hall", "DeKalb": a county named without the word competes with the towns
        cands = cands + [Candidate(c.entry, "alternate") for c in county_candidates(gaz, surface)
                         if all(c.entry.index != x.entry.index for x in cands)]
    if not cands:
        cands = gaz.candidates(surface, translit=True)
    return Mention(start, end, surface, key, cands, label, "given toponym span")
