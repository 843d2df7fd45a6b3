"""Toponym recognition, part 2: the mention type and the special-purpose recognisers.

News conventions the general matcher (:mod:`eventscribe.stages.geoparse_match`) does not
cover: streets and roads, datelines, dotted state abbreviations, US politicians' home towns,
county lists, demonyms as mentions; and the links between mentions (short forms, "X, Y"
qualifiers).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from eventscribe.model import AnnotatedDoc
from eventscribe.resources.gazetteer import Candidate, Gazetteer
from eventscribe.resources.names import name_key


@dataclass(slots=True)
class Mention:
    """A recognised toponym and its gazetteer candidates (mutable while the stage works)."""

    start: int
    end: int
    text: str
    key: str
    candidates: list[Candidate]
    label: str | None = None
    """The NER label that covered it (GPE, LOC, FAC, PERSON, ORG) or None."""
    why: str = ""
    """How it was recognised, one short clause."""
    corefers_to: Mention | None = None
    qualifier: Mention | None = None
    """The place after a comma that narrows this one ("Paris, Texas")."""
    notes: list[str] = field(default_factory=list)
    weak: bool = False
    """Recognised only by the gazetteer with no supporting context (inside an organisation
    name, a PERSON/ORG label, no locative word): kept only when it resolves near the
    document's other places (see :func:`eventscribe.stages.geoparse.keep_local`)."""


class Tok(NamedTuple):
    """A word token: half-open offsets and its text."""

    start: int
    end: int
    text: str


AREA_WORDS = {
    "province": ("ADM1", "ADM2"), "governorate": ("ADM1",), "state": ("ADM1",), "region": ("ADM1",),
    "oblast": ("ADM1",), "county": ("ADM2", "ADM1"), "district": ("ADM2", "ADM1"),
    "parish": ("ADM2",),
}


_COMPASS_AREA = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                           "western", "central"})


CAPITAL_MIN_POPULATION = 10_000
"""A town this large can name the province around it ("Raqqa governorate")."""


def area_candidates(gaz: Gazetteer, surface: str) -> list[Candidate]:
    """'Isfahan Province', 'Anderson county': the admin areas of that name and level; for a
    province word, else the province of the largest town of that name (10,000+ people)."""
    words = surface.rsplit(" ", 1)
    if len(words) != 2:
        return []
    levels = AREA_WORDS.get(words[1].lower())
    if levels is None or not words[0][:1].isupper() or words[0].lower() in _COMPASS_AREA:
        # "west province", "Eastern region": a direction, not the area's name
        return []
    cands = gaz.candidates(words[0])
    found = [c for c in cands if c.entry.feature_code in levels]
    if found or levels[0] != "ADM1" or words[1] == "State":  # "San Diego State": a university
        return found
    # "Raqqa governorate", "Lugansk region": a province named after its capital, which the
    # gazetteer spells another way; the province of the largest town of that name
    towns = [c.entry for c in cands if c.entry.feature_code.startswith("PPL")
             and c.entry.admin1_code and c.entry.population >= CAPITAL_MIN_POPULATION]
    if not towns:
        return []
    top = max(towns, key=lambda e: (e.population, -e.index))
    area = gaz.admin1(top.country_code, top.admin1_code)
    return [Candidate(area, "alternate")] if area is not None else []


def county_candidates(gaz: Gazetteer, surface: str) -> list[Candidate]:
    """'Oconee', 'Miami-Dade', 'Platte Co.': counties (parishes) named without the word."""
    words = surface.split()
    if words and words[-1] in ("Co.", "Co"):
        surface = " ".join(words[:-1])
    if not surface or (surface.isupper() and len(surface) <= 3):
        return []
    for word in ("County", "Parish"):
        found = [c for c in gaz.candidates(f"{surface} {word}") if c.entry.feature_code == "ADM2"]
        if found:
            return found
    return []


def is_cap(t: Tok) -> bool:
    """Whether a token starts with a capital letter."""
    return t.text[0].isupper()


def link_mentions(text: str, mentions: list[Mention]) -> None:
    """Short forms and "X, Y" qualifiers among already known mentions (sorted by start)."""
    short_forms(text, [], mentions)
    qualifiers(text, mentions)


def abbreviation_tokens(text: str, toks: list[Tok], mentions: list[Mention],
                         covered: list[tuple[int, int]], gaz: Gazetteer) -> None:
    """Dotted state abbreviations anywhere ("the S.C. Highway Patrol", "Tenn.")."""
    taken = covered + [(m.start, m.end) for m in mentions]
    for t in toks:
        if not t.text[0].isupper() or len(t.text) > 5:
            continue
        surface = t.text if t.text.endswith(".") else t.text + "."
        if not text.startswith(surface, t.start):
            continue
        entry = gaz.abbreviation(surface)
        if entry is None:
            continue
        a, b = t.start, t.start + len(surface)
        if any(s < b and a < e for s, e in taken):
            continue
        mentions.append(Mention(a, b, surface, name_key(surface), [Candidate(entry, "primary")],
                                None, f"abbreviation of {entry.name}"))
        taken.append((a, b))


_STREET_WORDS = (
    "Street|St\\.(?! [A-Z])|Road|Rd\\.|Avenue|Ave\\.|Drive|Dr\\.(?! [A-Z])|Lane|Ln\\.|Boulevard|"
    "Blvd\\.|Parkway|Pkwy\\.|Highway|Hwy\\.|Pike|Turnpike|Trafficway|Expressway|Freeway"
)
_STREET = re.compile(
    r"(?<![\w.])((?:State |U\.S\. |US |County )?(?:Highway|Route|Interstate|Road) \d+[A-Z]?"
    r"|I-\d+)\b"
    r"|(?<![\w.])((?:[NSEW]\. |North |South |East |West )?"
    r"(?:[A-Z][\w'’-]*|\d+(?:st|nd|rd|th))(?: [A-Z][\w'’-]*){0,2} (?:" + _STREET_WORDS + r"))"
    r"(?![\w])"
)
_STREET_ANCHOR = re.compile(r"\b(?:" + _STREET_WORDS + r"|Highway|Route|Interstate|Road|I-\d)")
_NOT_STREET_START = frozenset({"The", "A", "An", "This", "That", "On", "In", "At", "Of", "And",
                               "To", "From", "By", "Near", "Off", "Along", "Via"})


def street_mentions(text: str, gaz: Gazetteer | None = None) -> list[Mention]:
    """Streets and roads ("Main Street", "W. Dresser Road", "Highway 19", "I-35"): toponyms
    with no gazetteer entry, reported unresolved. A road named after a country, state or
    county ("Florida Highway", "Douglas County Road") is left to that area's name."""
    out = []
    done = -1
    for anchor in _STREET_ANCHOR.finditer(text):
        if anchor.start() < done:
            continue
        sm = None
        for cand in _STREET.finditer(text, max(0, anchor.start() - 60), anchor.end() + 8):
            if cand.start() <= anchor.start() < cand.end():
                sm = cand
                break
        if sm is None:
            continue
        done = sm.end()
        g = 1 if sm.group(1) else 2
        a, b = sm.span(g)
        surface = text[a:b]
        first, _, rest = surface.partition(" ")
        if first in _NOT_STREET_START:
            if g == 1 or rest.count(" ") < 1:
                continue  # "On Avenue": nothing left but the street word
            a += len(first) + 1
            surface = rest
        if gaz is not None and g == 2:
            head = surface.rsplit(" ", 1)[0].removesuffix("'s").removesuffix("’s")
            if any(c.entry.is_area for c in gaz.candidates(head) if c.match == "primary"):
                continue
        out.append(Mention(a, b, surface, name_key(surface), [], "FAC",
                           "street or road name (streets are not in the gazetteer)"))
    return out


_DATELINE = re.compile(r"([A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+){0,3})(?:, [A-Z][A-Za-z.]+)?"
                       r"(?: \((?:AP|Reuters|AFP|UPI)\))?\s+(?:—|--|–|-|”)\s")


def free(a: int, b: int, taken: list[tuple[int, int]]) -> bool:
    return not any(s < b and a < e for s, e in taken)


def datelines(text: str, sent_starts: set[int], mentions: list[Mention],
               covered: list[tuple[int, int]], gaz: Gazetteer) -> None:
    """News datelines: an all-capitals place opening a sentence before a dash ("XENIA — ")."""
    taken = covered + [(m.start, m.end) for m in mentions]
    for k in sorted(sent_starts | {0}):
        dm = _DATELINE.match(text, k)
        if dm is None:
            continue
        a, b = dm.span(1)
        surface = text[a:b]
        cands = gaz.candidates(surface)
        if not cands or name_key(surface) in gaz.not_places or not free(a, b, taken):
            continue
        mentions.append(Mention(a, b, surface, name_key(surface), cands, None,
                                "dateline (capitals before a dash opening the story)"))
        taken.append((a, b))


_COUNTIES = re.compile(r"\b(?:counties|Counties|parishes|Parishes)\b")
_LIST_SEP = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+")
_LIST_NAME = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}")


def county_lists(text: str, mentions: list[Mention], covered: list[tuple[int, int]],
                  gaz: Gazetteer) -> None:
    """'Cooke, Grayson and Love counties': each listed name is a county."""
    taken = covered + [(m.start, m.end) for m in mentions]
    for cm in _COUNTIES.finditer(text):
        end = cm.start()
        start = end
        while start > 0 and text[start - 1] not in ".;:!?\n(" and end - start < 300:
            start -= 1
        # list items, right to left: pieces between separators
        cuts = [start] + [x for sm in _LIST_SEP.finditer(text, start, end) for x in sm.span()]
        cuts.append(end)
        items = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
        for a, b in reversed(items):
            piece = text[a:b].rstrip()
            b = a + len(piece)
            # the name ends the piece; words before it ("from Cooke") end the list
            nm = next((lm for lm in _LIST_NAME.finditer(piece) if lm.end() == len(piece)), None)
            if nm is None:
                break
            a2 = a + nm.start()
            name = text[a2:b]
            cands = county_candidates(gaz, name)
            if not cands:
                break
            if free(a2, b, taken):
                mentions.append(Mention(a2, b, name, name_key(name), cands, None,
                                        "listed before 'counties'"))
                taken.append((a2, b))
            if nm.start() > 0:
                break


_ABBR_AFTER = re.compile(r",\s+((?:[A-Z][a-z]{0,4}\.)+)")


def abbreviation_qualifiers(text: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """'Paris, Tenn.': a dotted state abbreviation after a comma becomes a mention."""
    taken = [(m.start, m.end) for m in mentions]
    for m in list(mentions):
        am = _ABBR_AFTER.match(text, m.end)
        if am is None:
            continue
        entry = gaz.abbreviation(am.group(1))
        a, b = am.start(1), am.end(1)
        if entry is None or any(s < b and a < e for s, e in taken):
            continue
        mentions.append(Mention(a, b, am.group(1), name_key(am.group(1)),
                                [Candidate(entry, "primary")], None,
                                f"abbreviation of {entry.name} after a comma"))
    mentions.sort(key=lambda m: (m.start, -m.end))


def norp_demonyms(text: str, adoc: AnnotatedDoc, mentions: list[Mention], gaz: Gazetteer,
                   toks: list[Tok]) -> None:
    """Demonyms as country mentions: NORP entities ("Iraqis", "Sri Lankan"), inhabitant names
    of states and big towns ("Ohioans"), and demonym words outside any entity
    ("Israeli-Egyptian peace")."""
    taken = [(m.start, m.end) for m in mentions]
    for ent in adoc.entities:
        if ent.label != "NORP":
            continue
        a, b = ent.span.start, ent.span.end
        if any(s < b and a < e for s, e in taken):
            continue
        country = gaz.demonym_country(ent.span.text)
        if country is not None:
            cands = [Candidate(country, "primary")]
            why = f"demonym of {country.name}"
        else:
            cands = gaz.inhabitant_places(ent.span.text)
            if not cands:
                continue
            why = f"inhabitants of {cands[0].entry.name}"
        mentions.append(Mention(a, b, ent.span.text, name_key(ent.span.text), cands, "NORP",
                                why))
        taken.append((a, b))
    # demonym words outside entities or inside an organisation's name ("American Airlines")
    ents = [(e.span.start, e.span.end) for e in adoc.entities if e.label != "ORG"]
    for t in toks:
        if not t.text[0].isupper() or not free(t.start, t.end, taken + ents):
            continue
        country = gaz.demonym_country(t.text)
        if country is None:
            continue
        mentions.append(Mention(t.start, t.end, t.text, name_key(t.text),
                                [Candidate(country, "primary")], None,
                                f"demonym of {country.name}"))
    mentions.sort(key=lambda m: (m.start, -m.end))


_PARTY = re.compile(r"\b[DRI]-([A-Z][a-z]+(?:[ .][A-Z][a-z]+\.?)?)")


def party_hometowns(text: str, mentions: list[Mention], covered: list[tuple[int, int]],
                     gaz: Gazetteer) -> None:
    """US politicians' party and home ("D-Raleigh", "R-McDowell"): the home is a place."""
    taken = covered + [(m.start, m.end) for m in mentions]
    for pm in _PARTY.finditer(text):
        a, b = pm.span(1)
        surface = text[a:b]
        if not free(a, b, taken) or gaz.abbreviation(surface):
            continue
        cands = [c for c in gaz.candidates(surface) if c.match == "primary"]
        cands += [c for c in county_candidates(gaz, surface)
                  if all(c.entry.index != x.entry.index for x in cands)]
        if cands:
            mentions.append(Mention(a, b, surface, name_key(surface), cands, None,
                                    "home of a politician after the party letter"))
            taken.append((a, b))


# Words naming the kind of a site or area; "Ashraf" after "Camp Ashraf" is the camp, "DeKalb"
# after "DeKalb County" the county. Town words are not here: "Kansas" after "Kansas City" is
# the state, "Mexico" after "Mexico City" the country.
_GENERIC = frozenset(
    {"camp", "base", "air", "airbase", "airfield", "naval", "refugee", "complex", "fort",
     "county", "parish", "province", "district", "governorate", "region"}
)


def short_forms(text: str, toks: list[Tok], mentions: list[Mention]) -> None:
    """Later short forms of a longer name ("Ashraf" after "Camp Ashraf") corefer with it."""
    shorts: dict[str, Mention] = {}
    for m in mentions:
        words = m.text.replace("-", " ").split()
        if len(words) > 1 and any(w.lower() in _GENERIC for w in words) and m.candidates:
            rest = " ".join(w for w in words if w.lower() not in _GENERIC)
            if rest:
                shorts.setdefault(name_key(rest), m)
    if not shorts:
        return
    for m in mentions:
        src = shorts.get(m.key)
        if src is not None and src.start < m.start:
            m.corefers_to = src
    taken = [(m.start, m.end) for m in mentions]
    for t in toks:
        if not is_cap(t):
            continue
        src = shorts.get(name_key(t.text))
        if src is None or src.start >= t.start:
            continue
        if any(s < t.end and t.start < e for s, e in taken):
            continue
        mentions.append(Mention(t.start, t.end, t.text, name_key(t.text), src.candidates,
                                None, f"short form of '{src.text}' mentioned earlier",
                                corefers_to=src))
    mentions.sort(key=lambda m: (m.start, -m.end))


def qualifiers(text: str, mentions: list[Mention]) -> None:
    """'X, Y' where Y is a country or province narrows X ("Paris, Texas")."""
    for a, b in itertools.pairwise(mentions):
        if text[a.end : b.start] not in (", ", ","):
            continue
        areas = {(c.entry.country_code, c.entry.admin1_code if c.entry.feature_code == "ADM1"
                  else "") for c in b.candidates if c.entry.feature_code in ("PCLI", "ADM1")}
        if any(
            (c.entry.country_code, "") in areas
            or (c.entry.country_code, c.entry.admin1_code) in areas
            for c in a.candidates
            if c.entry.feature_code != "PCLI"
        ):
            a.qualifier = b
