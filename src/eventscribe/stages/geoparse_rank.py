"""Toponym resolution: score gazetteer candidates by prior and by the document's context.

Prior: population (log scale), feature (country > capital > province > town > district, with
curated sites in between), how the name matched (primary, alternate, transliteration).
Context: the countries and provinces of the other places in the document and its demonyms
("Iranian"), and an explicit qualifier ("Paris, Texas"). Two passes: first by prior alone,
then with the context the first pass found. Identical names share one reading per document.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, Protocol, TypeVar

from eventscribe.model import Span
from eventscribe.resources.gazetteer import Candidate, GazEntry, Gazetteer
from eventscribe.resources.names import fold
from eventscribe.stages.geoparse_match import Mention, compass_word

_MATCH_PENALTY = {"primary": 0.0, "alternate": 1.5, "translit": 2.0}
# an alternate name of another place when some entry bears the name as its own
ALT_WHEN_PRIMARY_PENALTY = 3.0
POP_WEIGHT = 1.0
W_COUNTRY = 3.0
W_ADMIN1 = 6.0
W_QUALIFIER = 6.0
W_HOME_COUNTRY = 1.5
W_HOME_ADMIN1 = 3.0
HINT_DEMONYM = 0.7
HINT_AREA = 1.0
VOTE_TEMPERATURE = 1.0
PASSES = 3
MAX_CANDIDATES = 300
AREA_NAMESAKE_PENALTY = 1.2
NAMESAKE_SHARE = 0.05


@dataclass(frozen=True, slots=True)
class Hint:
    """Context from the text that is not itself a resolved mention: a demonym ("Iranian" -> IR)
    or an area name seen anywhere ("Texas" in "Texas Department of Public Safety")."""

    span: Span
    country_code: str
    admin1: str = ""
    weight: float = HINT_DEMONYM


@dataclass(frozen=True, slots=True)
class Home:
    """Where the outlet is (its country and, when known, admin1): a prior for local names."""

    country_code: str
    admin1: str = ""
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Ranked:
    """The outcome for one mention."""

    entry: GazEntry | None
    score: float
    reason: str
    evidence: tuple[Span, ...]
    n_candidates: int


def prior(c: Candidate) -> float:
    """Context-free plausibility of a candidate."""
    e = c.entry
    base = POP_WEIGHT * math.log10(e.population + 10)
    code = e.feature_code
    if code == "PCLI":
        base += 1.0
    elif code == "ADM1":
        base -= 0.3
    elif code == "ADM2":
        base -= 1.0
    elif code == "PPLC":
        base += 1.0
    elif code == "CONT":
        base = 9.0
    elif not code.startswith("PPL"):
        base = 5.5  # curated site: specific and rarely ambiguous
    return base - _MATCH_PENALTY[c.match]


def _surface_bonus(m: Mention, e: GazEntry) -> float:
    return 0.3 if fold_cached(m.text) == fold_cached(e.name) else 0.0


fold_cached = lru_cache(maxsize=1 << 16)(fold)


def _softmax_top(scores: list[float]) -> float:
    top = max(scores)
    z = sum(math.exp(s - top) for s in scores)
    return 1.0 / z


def find_hints(text: str, tokens: Sequence[tuple[int, int, str]], gaz: Gazetteer,
               skip: list[tuple[int, int]] | None = None, *, areas: bool = True) -> list[Hint]:
    """Country/admin1 hints from the text: demonyms ("Iranian") and area names ("Texas").

    Tokens inside a ``skip`` span (the mentions themselves) give no area hint; with
    ``areas=False`` only demonyms are returned.
    """
    out = []
    taken = sorted(skip or [])
    k = 0
    n = len(tokens)
    for i, (s, e, t) in enumerate(tokens):
        if not t[0].isupper():
            continue
        cc = gaz.demonyms.get(fold_cached(t))
        if cc:
            out.append(Hint(Span.of(text, s, e), cc))
            continue
        if not areas:
            continue
        while k < len(taken) and taken[k][1] <= s:
            k += 1
        if k < len(taken) and taken[k][0] < e:
            continue
        found = [] if compass_word(t) else gaz.area_names(t)
        if i + 1 < n and text[e : tokens[i + 1][0]] == " " and tokens[i + 1][2][0].isupper():
            two = gaz.area_names(t + " " + tokens[i + 1][2])
            if two:
                found, e = two, tokens[i + 1][1]
        if found:
            w = HINT_AREA / len(found)
            for a_cc, a1 in found:
                out.append(Hint(Span.of(text, s, e), a_cc, a1, w))
    return out


K = TypeVar("K", bound=Hashable)
K_co = TypeVar("K_co", bound=Hashable, contravariant=True)


class Tally(dict[K, float]):
    """Float tallies; a missing key counts 0."""

    def __missing__(self, key: K) -> float:
        return 0.0

    def add(self, other: Mapping[K, float]) -> None:
        """Add another tally into this one."""
        for k, v in other.items():
            self[k] = self.get(k, 0.0) + v


class Weights(Protocol[K_co]):
    """Anything that gives a weight for a key."""

    def __getitem__(self, key: K_co, /) -> float: ...


class _Minus(Generic[K]):
    """Read-only view ``total - own`` (another name's context without its own vote)."""

    def __init__(self, total: Tally[K], own: Tally[K]) -> None:
        self._t, self._o = total, own

    def __getitem__(self, k: K) -> float:
        return self._t.get(k, 0.0) - self._o.get(k, 0.0)


def _qualifies(q: Mention, e: GazEntry) -> bool:
    """True when the qualifier mention ("Texas" in "Paris, Texas") can contain entry ``e``."""
    for qc in q.candidates:
        qe = qc.entry
        if qe.country_code == e.country_code and (
            qe.feature_code == "PCLI"
            or (qe.feature_code == "ADM1" and qe.admin1_code == e.admin1_code)
        ):
            return True
    return False


_Ctx = tuple[Weights[str], Weights[tuple[str, str]], float, float]


class Resolver:
    """Ranks candidates of all mentions of one document."""

    def __init__(self, gaz: Gazetteer, home: Home | None = None) -> None:
        self.gaz = gaz
        self.home = home

    def _votes(
        self, groups: dict[str, list[Candidate]], scores: dict[str, list[float]]
    ) -> dict[str, tuple[Tally[str], Tally[tuple[str, str]]]]:
        """Soft country/admin1 votes of each distinct name (softmax over its candidates)."""
        out: dict[str, tuple[Tally[str], Tally[tuple[str, str]]]] = {}
        for key, cands in groups.items():
            sc = scores[key]
            if not cands:
                continue
            top = max(sc)
            ws = [math.exp((x - top) / VOTE_TEMPERATURE) for x in sc]
            z = sum(ws)
            cc: Tally[str] = Tally()
            a1: Tally[tuple[str, str]] = Tally()
            for c, w in zip(cands, ws, strict=True):
                if w / z < 0.01:
                    continue
                e = c.entry
                cc[e.country_code] += w / z
                if e.feature_code not in ("PCLI", "CONT") and e.admin1_code:
                    a1[(e.country_code, e.admin1_code)] += w / z
            out[key] = (cc, a1)
        return out

    def _score(
        self,
        m: Mention,
        c: Candidate,
        cc: Weights[str],
        a1: Weights[tuple[str, str]],
        cc_total: float,
        a1_total: float,
        has_primary: bool,
        *,
        with_home: bool = True,
    ) -> tuple[float, float, float, bool]:
        """Score of one candidate and its country/admin1/qualifier parts (for explanations)."""
        e = c.entry
        s = prior(c) + _surface_bonus(m, e)
        if c.match == "alternate" and has_primary:
            s -= ALT_WHEN_PRIMARY_PENALTY - _MATCH_PENALTY["alternate"]
        cterm = W_COUNTRY * cc[e.country_code] / (cc_total + 1.0) if e.feature_code != "CONT" \
            else 0.0
        aterm = 0.0
        if e.feature_code not in ("PCLI", "CONT") and e.admin1_code:
            aterm = W_ADMIN1 * a1[(e.country_code, e.admin1_code)] / (a1_total + 1.0)
        h = self.home if with_home else None
        if h is not None and e.country_code == h.country_code:
            cterm += W_HOME_COUNTRY * h.weight
            if h.admin1 and e.admin1_code == h.admin1 and e.feature_code != "PCLI":
                aterm += W_HOME_ADMIN1 * h.weight
        q = m.qualifier
        qual = q is not None and e.feature_code not in ("PCLI", "CONT") and _qualifies(q, e)
        return s + cterm + aterm + (W_QUALIFIER if qual else 0.0), cterm, aterm, qual

    def _base(self, m: Mention, cands: list[Candidate]) -> list[float]:
        """Context-free part of each candidate's score (prior, name match, home region)."""
        has_primary = False
        towns: dict[tuple[str, str], int] = {}
        for c in cands:
            if c.match == "primary":
                has_primary = True
                e = c.entry
                if e.feature_code.startswith("PPL"):
                    k = (e.country_code, e.admin1_code)
                    if e.population > towns.get(k, -1):
                        towns[k] = e.population
        h = self.home
        fm = fold_cached(m.text)
        out = []
        for c in cands:
            e = c.entry
            code = e.feature_code
            s = prior(c) + (0.3 if fm == fold_cached(e.name) else 0.0)
            if c.match == "alternate" and has_primary:
                s -= ALT_WHEN_PRIMARY_PENALTY - _MATCH_PENALTY["alternate"]
            if code in ("ADM1", "ADM2") and towns.get(
                (e.country_code, e.admin1_code), 0
            ) >= NAMESAKE_SHARE * e.population:
                s -= AREA_NAMESAKE_PENALTY  # "Isfahan": the city, unless "province" is said
            if h is not None and e.country_code == h.country_code:
                s += W_HOME_COUNTRY * h.weight
                if h.admin1 and e.admin1_code == h.admin1 and code != "PCLI":
                    s += W_HOME_ADMIN1 * h.weight
            out.append(s)
        return out

    def resolve(self, text: str, mentions: list[Mention], hints: list[Hint]) -> list[Ranked]:
        """One :class:`Ranked` per mention, in the same order."""
        for m in mentions:
            if len(m.candidates) > MAX_CANDIDATES:
                m.candidates = sorted(m.candidates, key=prior, reverse=True)[:MAX_CANDIDATES]
        groups: dict[str, list[Candidate]] = {}
        rep: dict[str, Mention] = {}
        for m in mentions:
            if m.corefers_to is None and m.key not in groups:
                groups[m.key] = m.candidates
                rep[m.key] = m
        hint_cc: Tally[str] = Tally()
        hint_a1: Tally[tuple[str, str]] = Tally()
        for h in hints:
            hint_cc[h.country_code] += h.weight
            if h.admin1:
                hint_a1[(h.country_code, h.admin1)] += h.weight
        base = {k: self._base(rep[k], cs) for k, cs in groups.items()}
        regions = {
            k: [(c.entry.country_code,
                 (c.entry.country_code, c.entry.admin1_code)
                 if c.entry.admin1_code and c.entry.feature_code not in ("PCLI", "CONT")
                 else None,
                 c.entry.feature_code == "CONT") for c in cs]
            for k, cs in groups.items()
        }
        scores = {k: list(b) for k, b in base.items()}
        ctx: dict[str, _Ctx] = {}
        last: dict[str, tuple[Tally[str], Tally[tuple[str, str]], float, float]] = {}
        last_tot: tuple[Tally[str], Tally[tuple[str, str]]] = (Tally(), Tally())
        for _ in range(PASSES - 1):
            votes = self._votes(groups, scores)
            tot_cc: Tally[str] = Tally(hint_cc)
            tot_a1: Tally[tuple[str, str]] = Tally(hint_a1)
            for vcc, va1 in votes.values():
                tot_cc.add(vcc)
                tot_a1.add(va1)
            sum_cc = sum(tot_cc.values())
            sum_a1 = sum(tot_a1.values())
            for key in groups:
                vcc, va1 = votes.get(key, (Tally(), Tally()))
                # the context of a name is every other name's vote (and the hints)
                tc = max(sum_cc - sum(vcc.values()), 0.0) + 1.0
                ta = max(sum_a1 - sum(va1.values()), 0.0) + 1.0
                wc, wa = W_COUNTRY / tc, W_ADMIN1 / ta
                scores[key] = [
                    b + (0.0 if cont else wc * max(tot_cc[cc] - vcc[cc], 0.0))
                    + (wa * max(tot_a1[a1] - va1[a1], 0.0) if a1 is not None else 0.0)
                    for b, (cc, a1, cont) in zip(base[key], regions[key], strict=True)
                ]
                last[key] = (vcc, va1, tc - 1.0, ta - 1.0)
            last_tot = (tot_cc, tot_a1)
        for key, (vcc, va1, tc0, ta0) in last.items():
            ctx[key] = (_Minus(last_tot[0], vcc), _Minus(last_tot[1], va1), tc0, ta0)
        qualifying = {id(m.qualifier) for m in mentions if m.qualifier is not None}
        empty: _Ctx = (Tally(), Tally(), 0.0, 0.0)
        by_key: dict[str, Ranked] = {}
        order = sorted(range(len(mentions)), key=lambda i: mentions[i].qualifier is None)
        out: dict[int, Ranked] = {}
        for i in order:
            m = mentions[i]
            if m.corefers_to is not None:
                continue
            if m.key in by_key and m.qualifier is None:
                prev = by_key[m.key]
                out[i] = Ranked(prev.entry, prev.score,
                                prev.reason + " (same name earlier in the document)",
                                (Span.of(text, m.start, m.end), *prev.evidence[1:]),
                                prev.n_candidates)
                continue
            sc = scores[m.key] if rep.get(m.key) is m or m.key in scores else None
            r = self._rank_one(text, m, sc, ctx.get(m.key, empty), hints, mentions,
                               id(m) in qualifying)
            out[i] = r
            by_key.setdefault(m.key, r)
        for i, m in enumerate(mentions):
            if m.corefers_to is not None:
                src_i = mentions.index(m.corefers_to)
                src = out.get(src_i)
                if src is not None and src.entry is not None:
                    out[i] = Ranked(src.entry, src.score,
                                    f"short form of '{m.corefers_to.text}' mentioned earlier, "
                                    f"resolved to {src.entry.name}",
                                    (Span.of(text, m.start, m.end),
                                     Span.of(text, m.corefers_to.start, m.corefers_to.end)),
                                    src.n_candidates)
                else:
                    out[i] = self._rank_one(text, m, scores.get(m.key), ctx.get(m.key, empty),
                                            hints, mentions, False)
        return [out[i] for i in range(len(mentions))]

    def _rank_one(
        self,
        text: str,
        m: Mention,
        scores: list[float] | None,
        ctx: _Ctx,
        hints: list[Hint],
        mentions: list[Mention],
        is_qualifier: bool,
    ) -> Ranked:
        span = Span.of(text, m.start, m.end)
        if not m.candidates:
            return Ranked(None, 0.0,
                          f"'{m.text}' ({m.why}) matches no gazetteer entry, even with "
                          "transliteration variants; left unresolved", (span,), 0)
        cc, a1, cc_total, a1_total = ctx
        if scores is None or len(scores) != len(m.candidates):
            b = self._base(m, m.candidates)
            scores = []
            for x, c in zip(b, m.candidates, strict=True):
                _, ct0, at0, _ = self._score(m, c, cc, a1, cc_total, a1_total, False,
                                             with_home=False)
                scores.append(x + ct0 + at0)
        else:
            scores = list(scores)
        qm = m.qualifier
        if qm is not None or is_qualifier:
            for j, c in enumerate(m.candidates):
                code = c.entry.feature_code
                if qm is not None and code not in ("PCLI", "CONT") and _qualifies(qm, c.entry):
                    scores[j] += W_QUALIFIER
                if is_qualifier and code in ("PCLI", "ADM1"):
                    scores[j] += W_QUALIFIER
        has_primary = any(c.match == "primary" for c in m.candidates)
        scored = list(zip(scores, m.candidates, strict=True))
        # deterministic order: score, then population, then row
        scored.sort(key=lambda t: (-t[0], -t[1].entry.population, t[1].entry.index))
        c = scored[0][1]
        _, ct, at, q = self._score(m, c, cc, a1, cc_total, a1_total, has_primary)
        e = c.entry
        conf = _softmax_top([t[0] for t in scored])
        evidence = [span]
        why = []
        if q and m.qualifier is not None:
            why.append(f"qualified by '{m.qualifier.text}' right after it")
            evidence.append(Span.of(text, m.qualifier.start, m.qualifier.end))
        if is_qualifier and e.feature_code in ("PCLI", "ADM1"):
            why.append("it follows another place name after a comma, so it names the area")
        if ct > 0.3:
            others = [o for o in mentions if o is not m and o.candidates
                      and any(x.entry.country_code == e.country_code for x in o.candidates[:5])]
            hs = [h for h in hints if h.country_code == e.country_code]
            parts = []
            if others:
                parts.append(f"{len(others)} other place(s)")
            if hs:
                parts.append("'" + "', '".join(sorted({h.span.text for h in hs})) + "'")
            why.append(f"country {e.country_code} is supported by " + " and ".join(parts or
                       ["the document"]))
            for o in others[:2]:
                evidence.append(Span.of(text, o.start, o.end))
            for h in hs[:1]:
                evidence.append(h.span)
        if at > 0.3:
            why.append(f"other places in the document are in the same province ({e.admin1_code})")
        if c.match != "primary":
            why.append(f"matched by {c.match} name")
        kind = {"PCLI": "country", "ADM1": "province/state", "ADM2": "district/county"}.get(
            e.feature_code, "town" if e.feature_code.startswith("PPL") else "site")
        if len(scored) == 1:
            head = f"only gazetteer match for '{m.text}' is the {kind} {e.name} ({e.country_code})"
        else:
            runner = scored[1][1].entry
            head = (f"{kind} {e.name} ({e.country_code}, pop {e.population:,}) chosen over "
                    f"{len(scored) - 1} other candidate(s), next {runner.name} "
                    f"({runner.country_code}, pop {runner.population:,})")
            if not why:
                why.append("by population and feature type")
        reason = head + ("; " + "; ".join(why) if why else "")
        evidence.sort()
        first = evidence.index(span)
        evidence.insert(0, evidence.pop(first))
        return Ranked(e, round(conf, 4), reason, tuple(dict.fromkeys(evidence)), len(scored))
