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
W_COUNTRY = 3.0
W_ADMIN1 = 3.0
W_QUALIFIER = 6.0
MAX_CANDIDATES = 300
AREA_NAMESAKE_PENALTY = 1.2
NAMESAKE_SHARE = 0.05


@dataclass(frozen=True, slots=True)
class Hint:
    """A country hint from a demonym in the text ("Iranian" -> IR)."""

    span: Span
    country_code: str


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
    base = math.log10(e.population + 10)
    code = e.feature_code
    if code == "PCLI":
        base += 1.0
    elif code == "ADM1":
        base -= 0.3
    elif code == "ADM2":
        base -= 1.0
    elif code == "PPLC":
        base += 1.0
    elif not code.startswith("PPL"):
        base = 5.5  # curated site: specific and rarely ambiguous
    return base - _MATCH_PENALTY[c.match]


def _surface_bonus(m: Mention, e: GazEntry) -> float:
    return 0.3 if fold(m.text) == fold(e.name) else 0.0


def _softmax_top(scores: list[float]) -> float:
    top = max(scores)
    z = sum(math.exp(s - top) for s in scores)
    return 1.0 / z


def find_hints(text: str, tokens: list[tuple[int, int, str]], gaz: Gazetteer) -> list[Hint]:
    """Demonym tokens ("Iranian", "Iraqi") as country hints."""
    out = []
    for s, e, t in tokens:
        if t[0].isupper():
            cc = gaz.demonyms.get(fold(t))
            if cc:
                out.append(Hint(Span.of(text, s, e), cc))
    return out


class Resolver:
    """Ranks candidates of all mentions of one document."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz

    def _context(
        self, mentions: list[Mention], best: dict[int, GazEntry | None], hints: list[Hint]
    ) -> tuple[Counter[str], Counter[tuple[str, str]]]:
        cc: Counter[str] = Counter()
        a1: Counter[tuple[str, str]] = Counter()
        for i, m in enumerate(mentions):
            e = best.get(i)
            if e is None:
                continue
            w = 1.0 / max(1, len({c.entry.country_code for c in m.candidates[:20]}))
            cc[e.country_code] += 0.5 + 0.5 * w
            if e.feature_code != "PCLI" and e.admin1_code:
                a1[(e.country_code, e.admin1_code)] += 0.5 + 0.5 * w
        for h in hints:
            cc[h.country_code] += 0.7
        return cc, a1

    def _score(
        self,
        m: Mention,
        c: Candidate,
        own: GazEntry | None,
        cc: Counter[str],
        a1: Counter[tuple[str, str]],
        total: float,
    ) -> tuple[float, float, float, bool]:
        e = c.entry
        s = prior(c) + _surface_bonus(m, e)
        # context excludes the mention's own first-pass vote
        cw = cc[e.country_code] - (1.0 if own is not None and own.country_code == e.country_code
                                   else 0.0)
        aw = a1[(e.country_code, e.admin1_code)] if e.feature_code != "PCLI" else 0.0
        if own is not None and (own.country_code, own.admin1_code) == (
            e.country_code, e.admin1_code
        ):
            aw -= 1.0
        denom = max(total - 1.0, 1.0)
        cterm = W_COUNTRY * max(cw, 0.0) / denom
        aterm = W_ADMIN1 * max(aw, 0.0) / denom
        qual = False
        q = m.qualifier
        if q is not None and e.feature_code != "PCLI":
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
        # pass 1: prior only
        best: dict[int, GazEntry | None] = {}
        for i, m in enumerate(mentions):
            best[i] = max(m.candidates, key=prior).entry if m.candidates else None
        cc, a1 = self._context(mentions, best, hints)
        total = sum(cc.values())
        # a qualifier that narrows another mention is read as the area, not a namesake town
        qualifying = {id(m.qualifier) for m in mentions if m.qualifier is not None}
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
            r = self._rank_one(text, m, best[i], cc, a1, total, hints, mentions,
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
                    out[i] = self._rank_one(text, m, best[i], cc, a1, total, hints, mentions,
                                            False)
        return [out[i] for i in range(len(mentions))]

    def _rank_one(
        self,
        text: str,
        m: Mention,
        own: GazEntry | None,
        cc: Counter[str],
        a1: Counter[tuple[str, str]],
        total: float,
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
        for c in m.candidates:
            s, ct, at, q = self._score(m, c, own, cc, a1, total)
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
