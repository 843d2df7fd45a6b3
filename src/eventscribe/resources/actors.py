"""Named armed actors: one canonical name, sector and country for the many ways news spell them.

The table is ``resources/actors.tsv`` (hand-written general knowledge; its header explains the
columns and matching rules, and ``tests/unit/test_actors.py`` checks its integrity). Use
:func:`known_actor` to find the longest alias in an actor phrase and
:func:`canonical_name` to tell whether the phrase *is* the group ("Taliban fighters") or only
mentions it ("a Taliban commander").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

SECTORS = frozenset({"military", "police", "security", "rebel", "militia", "protester",
                     "rioter", "civilian", "government", "external"})

# Head words that keep a phrase "the group itself": "Taliban fighters", "ISWAP insurgents".
_GROUP_HEADS = (
    "fighters", "fighter", "militants", "militant", "members", "member", "forces", "insurgents",
    "gunmen", "rebels", "rebel", "troops", "soldiers", "militiamen", "militia", "militias",
    "group", "jihadists", "terrorists", "guerrillas", "separatists", "loyalists", "units",
    "combatants", "elements", "operatives", "cadres", "extremists", "mercenaries", "movement",
    "organisation", "organization", "army", "insurgency",
)
_LEAD = (r"(?:(?:the|a|an|some|suspected|alleged|armed|presumed|several|dozens of|hundreds of|"
         r"\d[\d,]*|[a-z]+ty(?:-[a-z]+)?|one|two|three|four|five|six|seven|eight|nine|ten)\s+)*")
_TAIL = rf"(?:\s+(?:{'|'.join(_GROUP_HEADS)}))?"


@dataclass(frozen=True)
class KnownActor:
    """One row of the table."""

    canonical: str
    sector: str
    country: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class ActorMatch:
    """A known actor found in a phrase: the alias as written and its offsets in the phrase."""

    actor: KnownActor
    alias: str
    start: int
    end: int


def is_acronym(alias: str) -> bool:
    """Aliases matched only as written: one token with no run of three lower-case letters
    ("IRGC", "M23", "FARC-EP", "LeT", "SPLA-iO"; not "Renamo" or "Hizb-ul-Mujahideen")."""
    return " " not in alias and re.search(r"[a-z]{3}", alias) is None


def parse_table(text: str) -> list[KnownActor]:
    """Rows of an actors table (comments and the header skipped). Malformed rows raise."""
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("canonical\t"):
            continue
        parts = line.split("\t")
        if len(parts) != 4:
            raise ValueError(f"actors table line {n}: expected 4 tab-separated fields")
        canonical, sector, country, aliases = (p.strip() for p in parts)
        rows.append(KnownActor(canonical, sector, country or None,
                               tuple(a.strip() for a in aliases.split("|") if a.strip())))
    return rows


@lru_cache(maxsize=1)
def load_table() -> tuple[KnownActor, ...]:
    """The packaged table."""
    text = resources.files("eventscribe.resources").joinpath("actors.tsv").read_text("utf-8")
    return tuple(parse_table(text))


def _boundary(body: str) -> str:
    return rf"(?<![\w'’-])(?:{body})(?![\w-])"


@lru_cache(maxsize=1)
def _matchers() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, KnownActor]]:
    by_alias: dict[str, KnownActor] = {}
    exact: list[str] = []
    folded: list[str] = []
    for row in load_table():
        for a in row.aliases:
            if is_acronym(a):
                by_alias[a] = row
                exact.append(a)
            else:
                by_alias[a.lower()] = row
                folded.append(a)

    def alt(items: list[str]) -> str:
        return "|".join(re.escape(a) for a in sorted(set(items), key=lambda s: (-len(s), s)))

    return (re.compile(_boundary(alt(exact))),
            re.compile(_boundary(alt(folded)), re.IGNORECASE), by_alias)


def _all_capitals(phrase: str) -> bool:
    words = [w for w in phrase.split() if sum(c.isalpha() for c in w) >= 2]
    return len(words) >= 2 and not any(c.islower() for c in phrase)


@lru_cache(maxsize=8192)
def known_actor(phrase: str) -> ActorMatch | None:
    """The known actor whose alias is longest in ``phrase`` (then the first), or None.

    Acronyms are not read in all-capitals text ("IS" in "IS THE ARMY READY"), where every word
    looks like one.
    """
    exact, folded, by_alias = _matchers()
    found: list[ActorMatch] = []
    for m in folded.finditer(phrase):
        found.append(ActorMatch(by_alias[m.group(0).lower()], m.group(0), m.start(), m.end()))
    if not _all_capitals(phrase):
        for m in exact.finditer(phrase):
            found.append(ActorMatch(by_alias[m.group(0)], m.group(0), m.start(), m.end()))
    if not found:
        return None
    return min(found, key=lambda f: (-(f.end - f.start), f.start))


def canonical_name(phrase: str, match: ActorMatch) -> str | None:
    """The canonical name when the phrase names the group itself: the alias, possibly with a
    determiner, a number or a quantifier before it, a possessive, and one head word such as
    "fighters" after it ("20 Taliban fighters", "the IRGC's forces"). None for phrases that only
    mention the group ("a Taliban commander", "Hamas leader Ismail Haniyeh")."""
    tail = phrase[match.end:]
    tail = re.sub(r"^(?:'s|’s|')", "", tail)
    head = phrase[:match.start]
    if re.fullmatch(_LEAD, head, re.IGNORECASE) and re.fullmatch(_TAIL + r"\W*", tail,
                                                                   re.IGNORECASE):
        return match.actor.canonical
    return None
