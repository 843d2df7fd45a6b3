"""Toponym resolution: score gazetteer candidates by prior and by the document's context.

Prior: population (log scale), feature (country > capital > province > town > district, with
curated sites in between), how the name matched (primary, alternate, transliteration).
Context: the countries and provinces of the other places in the document and its demonyms
("Iranian"), and an explicit qualifier ("Paris, Texas"). Two passes: first by prior alone,
then with the context the first pass found. Identical names share one reading per document.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from eventscribe.model import Span
from eventscribe.resources.gazetteer import Candidate, GazEntry, Gazetteer
from eventscribe.resources.names import fold
from eventscribe.stages.geoparse_match import Mention

_MATCH_PENALTY = {"primary": 0.0, "alternate": 1.5, "translit": 2.0}
# an alternate name of another place when some entry bears the name as its own
ALT_WHEN_PRIMARY_PENALTY = 3.0
POP_WEIGHT = 1.0
W_COUNTRY = 3.0
W_ADMIN1 = 4.0
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
    return 0.3 if fold(m.text) == fold(e.name) else 0.0


def _softmax_top(scores: list[float]) -> float:
    top = max(scores)
    z = sum(math.exp(s - top) for s in scores)
    return 1.0 / z


def find_hints(text: str, tokens: list[tuple[int, int, str]], gaz: Gazetteer,
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
        cc = gaz.demonyms.get(fold(t))
        if cc:
            out.append(Hint(Span.of(text, s, e), cc))
            continue
        if not areas:
            continue
        while k < len(taken) and taken[k][1] <= s:
            k += 1
        if k < len(taken) and taken[k][0] < e:
            continue
        found = gaz.area_names(t)
        if i + 1 < n and text[e : tokens[i + 1][0]] == " " and tokens[i + 1][2][0].isupper():
            two = gaz.area_names(t + " " + tokens[i + 1][2])
            if two:
                found, e = two, tokens[i + 1][1]
        if found:
            w = HINT_AREA / len(found)
            for a_cc, a1 in found:
                out.append(Hint(Span.of(text, s, e), a_cc, a1, w))
    return out


class Resolver:
    """Ranks candidates of all mentions of one document."""

    def __init__(self, gaz: Gazetteer, home: Home | None = None) -> None:
        self.gaz = gaz
        self.home = home

    def _votes(
        self, groups: dict[str, list[Candidate]], scores: dict[str, list[float]]
    ) -> dict[str, tuple[Counter[str], Counter[tuple[str, str]]]]:
        """Soft country/admin1 votes of each distinct name (softmax over its candidates)."""
        out: dict[str, tuple[Counter[str], Counter[tuple[str, str]]]] = {}
        for key, cands in groups.items():
            sc = scores[key]
            if not cands:
                continue
            top = max(sc)
            ws = [math.exp((x - top) / VOTE_TEMPERATURE) for x in sc]
            z = sum(ws)
            cc: Counter[str] = Counter()
            a1: Counter[tuple[str, str]] = Counter()
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
        cc: Counter[str],
        a1: Counter[tuple[str, str]],
        cc_total: float,
        a1_total: float,
        has_primary: bool,
    ) -> tuple[float, float, float, bool]:
        e = c.entry
        s = prior(c) + _surface_bonus(m, e)
        if c.match == "alternate" and has_primary:
            s -= ALT_WHEN_PRIMARY_PENALTY - _MATCH_PENALTY["alternate"]
        cterm = W_COUNTRY * cc[e.country_code] / (cc_total + 1.0) if e.feature_code != "CONT" \
            else 0.0
        aterm = 0.0
        if e.feature_code not in ("PCLI", "CONT") and e.admin1_code:
            aterm = W_ADMIN1 * a1[(e.country_code, e.admin1_code)] / (a1_total + 1.0)
        h = self.home
        if h is not None and e.country_code == h.country_code:
            cterm += W_HOME_COUNTRY * h.weight
            if h.admin1 and e.admin1_code == h.admin1 and e.feature_code != "PCLI":
                aterm += W_HOME_ADMIN1 * h.weight
        qual = False
        q = m.qualifier
        if q is not None and e.feature_code not in ("PCLI", "CONT"):
            for qc in q.candidates:
                qe = qc.entry
                if qe.country_code == e.country_code and (
                    qe.feature_code == "PCLI"
                    or (qe.feature_code == "ADM1" and qe.admin1_code == e.admin1_code)
                ):
                    qual = True
                    break
        return s + cterm + aterm + (W_QUALIFIER if qual else 0.0), cterm, aterm, qual

    def resolve(self, text: str, mentions: list[Mention], hints: list[Hint]) -> list[Ranked]:
        """One :class:`Ranked` per mention, in the same order."""
        for m in mentions:
            if len(m.candidates) > MAX_CANDIDATES:
                m.candidates = sorted(m.candidates, key=prior, reverse=True)[:MAX_CANDIDATES]
        groups: dict[str, list[Candidate]] = {}
        for m in mentions:
            if m.corefers_to is None:
                groups.setdefault(m.key, m.candidates)
        hint_cc: Counter[str] = Counter()
        hint_a1: Counter[tuple[str, str]] = Counter()
        for h in hints:
            hint_cc[h.country_code] += h.weight
            if h.admin1:
                hint_a1[(h.country_code, h.admin1)] += h.weight
        scores = {k: [prior(c) for c in cs] for k, cs in groups.items()}
        qualifying = {id(m.qualifier) for m in mentions if m.qualifier is not None}
        rep = {m.key: m for m in reversed(mentions) if m.corefers_to is None}
        ctx: dict[str, tuple[Counter[str], Counter[tuple[str, str]], float, float]] = {}
        for _ in range(PASSES - 1):
            votes = self._votes(groups, scores)
            tot_cc: Counter[str] = Counter(hint_cc)
            tot_a1: Counter[tuple[str, str]] = Counter(hint_a1)
            for vcc, va1 in votes.values():
                tot_cc.update(vcc)
                tot_a1.update(va1)
            for key, cands in groups.items():
                vcc, va1 = votes.get(key, (Counter(), Counter()))
                occ = tot_cc.copy()
                occ.subtract(vcc)
                oa1 = tot_a1.copy()
                oa1.subtract(va1)
                ctx[key] = (occ, oa1, max(sum(occ.values()), 0.0), max(sum(oa1.values()), 0.0))
                m = rep[key]
                has_primary = any(c.match == "primary" for c in cands)
                scores[key] = [self._score(m, c, occ, oa1, ctx[key][2], ctx[key][3],
                                           has_primary)[0] for c in cands]
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
            occ, oa1, tc, ta = ctx.get(m.key, (Counter(), Counter(), 0.0, 0.0))
            r = self._rank_one(text, m, occ, oa1, tc, ta, hints, mentions, id(m) in qualifying)
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
                    occ, oa1, tc, ta = ctx.get(m.key, (Counter(), Counter(), 0.0, 0.0))
                    out[i] = self._rank_one(text, m, occ, oa1, tc, ta, hints, mentions, False)
        return [out[i] for i in range(len(mentions))]

    def _rank_one(
        self,
        text: str,
        m: Mention,
        cc: Counter[str],
        a1: Counter[tuple[str, str]],
        cc_total: float,
        a1_total: float,
        hints: list[Hint],
        mentions: list[Mention],
        is_qualifier: bool,
    ) -> Ranked:
        span = Span.of(text, m.start, m.end)
        if not m.candidates:
            return Ranked(None, 0.0,
                          f"'{m.text}' ({m.why}) matches no gazetteer entry, even with "
                          "transliteration variants; left unresolved", (span,), 0)
        towns: dict[tuple[str, str], int] = {}
        for c in m.candidates:
            if c.match == "primary" and c.entry.feature_code.startswith("PPL"):
                k = (c.entry.country_code, c.entry.admin1_code)
                towns[k] = max(towns.get(k, 0), c.entry.population)
        scored = []
        has_primary = any(c.match == "primary" for c in m.candidates)
        for c in m.candidates:
            s, ct, at, q = self._score(m, c, cc, a1, cc_total, a1_total, has_primary)
            if c.entry.feature_code in ("ADM1", "ADM2") and towns.get(
                (c.entry.country_code, c.entry.admin1_code), 0
            ) >= NAMESAKE_SHARE * c.entry.population:
                s -= AREA_NAMESAKE_PENALTY  # "Isfahan": the city, unless "province" is said
            if is_qualifier and c.entry.feature_code in ("PCLI", "ADM1"):
                s += W_QUALIFIER
            scored.append((s, ct, at, q, c))
        # deterministic order: score, then population, then row
        scored.sort(key=lambda t: (-t[0], -t[4].entry.population, t[4].entry.index))
        s, ct, at, q, c = scored[0]
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
            runner = scored[1][4].entry
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
