"""Cross-report deduplication: blocking, pair scoring and deterministic clustering (pure).

Input is the event JSON contract (``Event.to_dict()``, as stored): each report's event is
reduced to an :class:`EventRecord` of the features that matter for identity. The steps:

1. **Blocking** (:func:`block_keys`): each record gets keys from its type family, its area
   (admin1, else country, else none) and its date (week buckets, or months for coarse dates,
   or none). Two records are *candidates* when they share a key that at least one of them
   holds as *primary*; the other keys only let coarse or incomplete records (country-level
   place, month-level date, no place, no date) meet the precise ones. The predicate is
   pairwise, so the candidate graph does not depend on which other events exist, and the
   cost grows with the number of records times the (small) block sizes.
2. **Scoring** (:func:`score_pair`): place (same GeoNames id, same admin2, distance, admin1),
   date overlap, type compatibility, actor/target name overlap, count compatibility and text
   similarity (cosine of sublinear term weights; no corpus statistics, so a pair's score
   depends on that pair only). Hard disagreements veto: another country, another province
   when both are that precise, towns over 100 km apart, dates more than a week apart, two
   events of one report. A pair merges at :data:`THRESHOLD` and only with place and date
   support: text similarity alone never merges; a report without place or date merges only
   on date (and the same sub-type) or place plus agreeing actors or counts, at lower
   confidence.
3. **Clustering** (:func:`cluster`): mergeable edges sorted by (score, ids) are applied with
   union-find; a union is refused when any pair across the two clusters is vetoed or
   forbidden by a manual split. Manual merges are applied first. The result depends only on
   the set of records and the manual decisions, never on their order.

Every merge keeps its reason ("same admin2 (Kaduna), dates overlap, both say 36 arrested").
Reconciling a cluster into one merged event is in :mod:`eventscribe.dedup_reconcile`.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

THRESHOLD = 4.0
"""Score at which two reports are taken to describe one event."""
DATE_WINDOW_DAYS = 7
"""Dates further apart than this (gap between the ranges) never merge."""
COARSE_DAYS = 31
"""A date range longer than this is coarse: blocked by month, weak evidence of identity."""
FAR_KM = 100.0
"""Two town-level places further apart than this never merge."""

_FAMILY_BY_TYPE = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Protests": "protest",
    "Riots": "protest",
}
_FAMILY_BY_SUBTYPE = {
    "Excessive force against protesters": "violence",
    "Mob violence": "violence",
    "Arrests": "coerce",
    "Disrupted weapons use": "coerce",
    "Looting/property destruction": "protest",
    "Agreement": "agreement",
    "Headquarters or base established": "mobilize",
    "Other": "other",
}
_STOP = frozenset(
    "the a an and or of to in on at for with by from as is was were be been are has have had "
    "that this these those it its their his her they them he she we you i not no but after "
    "before during over under into about than then there here which who whom whose what when "
    "where while said says say told also more most some any all one two three would could "
    "will can may might shall should did does do being out up down off per via".split()
)
_WORD = re.compile(r"[^\W\d_][\w'-]*|\d+", re.UNICODE)


def type_family(acled_event_type: str, acled_sub_event_type: str) -> str:
    """The blocking family of an ACLED type and sub-type (violence, protest, coerce, ...)."""
    fam = _FAMILY_BY_SUBTYPE.get(acled_sub_event_type)
    if fam is None:
        fam = _FAMILY_BY_TYPE.get(acled_event_type, acled_event_type.strip().lower() or "other")
    return fam


def term_weights(texts: Iterable[str]) -> tuple[tuple[str, float], ...]:
    """L2-normalised sublinear term weights of the content words of ``texts``, sorted."""
    tf: dict[str, int] = defaultdict(int)
    for t in texts:
        for w in _WORD.findall(t.lower()):
            if len(w) >= 3 and w not in _STOP:
                tf[w] += 1
    if not tf:
        return ()
    weights = {w: 1.0 + math.log(n) for w, n in tf.items()}
    norm = math.sqrt(sum(v * v for v in weights.values()))
    return tuple(sorted((w, v / norm) for w, v in weights.items()))


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two L2-normalised sparse vectors (``math.fsum``: exactly rounded, so the same
    whatever order the shared terms come in, in every process)."""
    return math.fsum([a[k] * b[k] for k in a.keys() & b.keys()])


def name_tokens(names: Iterable[str]) -> frozenset[str]:
    """Lower-cased content words of actor and target names."""
    out: set[str] = set()
    for n in names:
        out.update(w for w in _WORD.findall(n.lower()) if len(w) >= 3 and w not in _STOP)
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class EventRecord:
    """The identity features of one report's event, taken from its JSON contract."""

    id: str
    doc_id: str
    family: str
    event_type: str
    sub_type: str
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    place_name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    place_precision: int | None = None
    start: int | None = None
    """Date range as proleptic ordinals (``date.toordinal()``); None when undated."""
    end: int | None = None
    names: frozenset[str] = frozenset()
    counts: tuple[tuple[str, int, int, int], ...] = ()
    """(kind, best, low, high) per count kind."""
    term_map: dict[str, float] = field(default_factory=dict, compare=False, hash=False)
    """Term weights of its trigger, evidence, names and place (:func:`term_weights`)."""

    @property
    def has_place(self) -> bool:
        return self.country is not None or self.lat is not None

    @property
    def has_date(self) -> bool:
        return self.start is not None and self.end is not None

    @property
    def coarse_date(self) -> bool:
        return self.has_date and (self.end or 0) - (self.start or 0) > COARSE_DAYS


def _iso(v: Any) -> int | None:
    if not isinstance(v, str) or not v:
        return None
    try:
        return date.fromisoformat(v[:10]).toordinal()
    except ValueError:
        return None


def _texts(d: Mapping[str, Any]) -> list[str]:
    out: list[str] = []
    trig = d.get("trigger")
    if isinstance(trig, Mapping):
        out.append(str(trig.get("text", "")))
    for s in d.get("evidence") or ():
        if isinstance(s, Mapping):
            out.append(str(s.get("text", "")))
    return out


def record_from_dict(d: Mapping[str, Any]) -> EventRecord:
    """The :class:`EventRecord` of an event dict (``Event.to_dict()``; missing fields allowed)."""
    t = d.get("type") or {}
    etype = str(t.get("acled_event_type") or "")
    sub = str(t.get("acled_sub_event_type") or "")
    p = d.get("place") or {}
    dt = d.get("date") or {}
    start, end = _iso(dt.get("start")), _iso(dt.get("end"))
    if start is None or end is None or end < start:
        start = end = None
    names = [str(a.get("name") or a.get("text") or "") for a in
             list(d.get("actors") or ()) + list(d.get("targets") or ()) if isinstance(a, Mapping)]
    counts: list[tuple[str, int, int, int]] = []
    for kind, c in sorted((d.get("counts") or {}).items()):
        if isinstance(c, Mapping) and c.get("best") is not None:
            try:
                counts.append((kind, int(c["best"]), int(c.get("low", c["best"])),
                               int(c.get("high", c["best"]))))
            except (TypeError, ValueError):
                continue
    lat, lon = p.get("lat"), p.get("lon")
    terms = term_weights(_texts(d) + names + [str(p.get("name") or "")])
    return EventRecord(
        id=str(d.get("id") or ""), doc_id=str(d.get("doc_id") or ""),
        family=type_family(etype, sub), event_type=etype, sub_type=sub,
        country=p.get("country_code") or None, admin1=p.get("admin1") or None,
        admin2=p.get("admin2") or None, place_name=p.get("name") or None,
        geonameid=p.get("geonameid"),
        lat=float(lat) if isinstance(lat, int | float) else None,
        lon=float(lon) if isinstance(lon, int | float) else None,
        place_precision=p.get("precision") if isinstance(p.get("precision"), int) else None,
        start=start, end=end, names=name_tokens(names), counts=tuple(counts),
        term_map=dict(terms),
    )


# ------------------------------------------------------------------------------ blocking


def _weeks(r: EventRecord) -> list[int]:
    assert r.start is not None and r.end is not None
    return list(range((r.start - DATE_WINDOW_DAYS) // 7, (r.end + DATE_WINDOW_DAYS) // 7 + 1))


def _months(r: EventRecord) -> list[int]:
    assert r.start is not None and r.end is not None
    a, b = date.fromordinal(r.start - DATE_WINDOW_DAYS), date.fromordinal(r.end + DATE_WINDOW_DAYS)
    first, last = a.year * 12 + a.month - 1, b.year * 12 + b.month - 1
    return list(range(first, min(last, first + 12) + 1))


def block_keys(r: EventRecord) -> tuple[tuple[str, bool], ...]:
    """The blocking keys of a record, each with whether the record holds it as primary
    (in a fixed order for a given record).

    Two records are candidates when they share a key that one of them holds as primary.
    Precise records meet each other by (family, admin1, week); a country-level record meets
    the records of its country by week (within the date window); a record without a place
    meets the records of its sub-type that share a day and an actor word or a count; a
    coarse date meets by month; an undated record meets the records of its admin2 (or its
    place) only. Records with neither place nor date can never merge and get no keys.
    """
    fam = r.family
    keys: dict[str, bool] = {}
    get = keys.get

    def add(k: str, primary: bool) -> None:
        if primary or k not in keys:
            keys[k] = primary or get(k, False)

    prec = r.place_precision or 1
    area1 = f"{r.country}/{r.admin1}" if r.country and r.admin1 and prec <= 3 else None
    area0 = r.country
    if r.admin2 and area1 and prec <= 2:
        spot: str | None = f"{area1}/{r.admin2}"
    elif r.geonameid is not None and prec <= 2:
        spot = f"g{r.geonameid}"
    else:
        spot = None
    if r.has_date:
        assert r.start is not None and r.end is not None
        months = _months(r)
        fine = not r.coarse_date
        own_weeks = range(r.start // 7, r.end // 7 + 1) if fine else range(0)
        if area1:
            if fine:
                for w in _weeks(r):
                    add(f"{fam}|{area1}|w{w}", True)
            for m in months:
                add(f"{fam}|{area1}|m{m}", not fine)
        if area0:
            for m in months:
                add(f"{fam}|{area0}|m{m}", area1 is None and not fine)
            if area1 is None and fine:
                for w in _weeks(r):
                    add(f"{fam}|{area0}|w{w}", True)
            else:
                for w in own_weeks:
                    add(f"{fam}|{area0}|w{w}", False)
        # a record without a place merges only with the same sub-type, on overlapping dates
        # plus agreeing actors or an equal count: it meets others by (sub-type, day, name
        # word) and (sub-type, day, count)
        marks = [f"n:{w}" for w in r.names] + [f"k:{k}{b}" for k, b, _lo, _hi in r.counts]
        placeless = area0 is None
        for d in range(r.start, r.end + 1) if fine else ():
            for mk in marks:
                keys[f"{r.sub_type}|-|d{d}|{mk}"] = placeless
        for m in months:
            add(f"{fam}|-|m{m}", area0 is None and not fine)
    if spot:
        add(f"{fam}|{spot}|?", not r.has_date)
    return tuple(keys.items())


def candidate_pairs(records: Sequence[EventRecord]) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of candidate records (see :func:`block_keys`).

    Only keys someone holds as primary form blocks; a record's other keys are looked up in
    them, never stored, which keeps the index small.
    """
    all_keys = [block_keys(r) for r in records]
    blocks: dict[str, list[int]] = {}
    for i, ks in enumerate(all_keys):
        for k, primary in ks:
            if primary:
                b = blocks.get(k)
                if b is None:
                    blocks[k] = [i]
                else:
                    b.append(i)
    n = len(records)
    codes: set[int] = set()  # pair (i, j), i < j, as i * n + j: cheaper to hash than tuples
    for prim in blocks.values():
        for x, i in enumerate(prim):
            for j in prim[x + 1:]:
                codes.add(i * n + j)  # i < j: members are appended in index order
    for j, ks in enumerate(all_keys):
        for k, primary in ks:
            if not primary:
                holders = blocks.get(k)
                if holders is not None:
                    for i in holders:
                        codes.add(i * n + j if i < j else j * n + i)
    return [divmod(c, n) for c in sorted(codes)]


def are_candidates(a: EventRecord, b: EventRecord) -> bool:
    """The pairwise blocking predicate behind :func:`candidate_pairs`."""
    ka, kb = dict(block_keys(a)), dict(block_keys(b))
    return any(ka[k] or kb[k] for k in ka.keys() & kb.keys())


# ------------------------------------------------------------------------------- scoring


@dataclass(frozen=True, slots=True)
class Match:
    """The score of a pair, whether it merges, a veto (why it never can) and the reasons."""

    score: float
    mergeable: bool
    veto: str | None
    reasons: tuple[str, ...]
    low_confidence: bool = False

    @property
    def reason(self) -> str:
        """The reasons as one readable sentence fragment."""
        text = ", ".join(self.reasons)
        if self.veto:
            return f"kept apart: {self.veto}"
        return ("lower confidence: " + text) if self.low_confidence else text


def _km(a: EventRecord, b: EventRecord) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(h)))


_VETO = "veto"


def _place(a: EventRecord, b: EventRecord, explain: bool) -> tuple[float, str, str | None]:
    """(points, reason, veto) for the places of two records that both have one.

    Reasons and veto texts are only written out when ``explain`` (the hot loop needs numbers).
    """
    if a.country and b.country and a.country != b.country:
        return 0.0, "", (f"different countries ({a.country}, {b.country})" if explain else _VETO)
    pa, pb = a.place_precision or 1, b.place_precision or 1
    if a.geonameid is not None and a.geonameid == b.geonameid:
        pts = 1.5 if pa <= 2 else (0.6 if pa == 3 else 0.2)
        return pts, (f"same place ({a.place_name})" if explain else ""), None
    if max(pa, pb) >= 4:
        return 0.2, (f"same country ({a.country})" if explain else ""), None
    km: float | None = None
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        km = _km(a, b)
        if km is None or km > 25:
            return 0.0, "", (f"different provinces ({a.admin1}, {b.admin1})" if explain
                             else _VETO)
    if a.admin2 and a.admin2 == b.admin2 and max(pa, pb) <= 2:
        return 1.2, (f"same admin2 ({a.admin2})" if explain else ""), None
    if max(pa, pb) <= 2:
        km = _km(a, b) if km is None else km
        if km is not None:
            why = f"{a.place_name} and {b.place_name} {km:.0f} km apart" if explain else ""
            if km <= 10:
                return 1.2, why, None
            if km <= 50:
                return 0.8, why, None
            if km > FAR_KM and pa == 1 and pb == 1:
                return 0.0, "", (why or _VETO)
    if a.admin1 and a.admin1 == b.admin1:
        return (0.5 if max(pa, pb) >= 3 else 0.1), (
            f"same admin1 ({a.admin1})" if explain else ""), None
    return 0.1, (f"same country ({a.country})" if explain else ""), None


def _date(a: EventRecord, b: EventRecord, explain: bool) -> tuple[float, str, str | None]:
    assert a.start is not None and a.end is not None and b.start is not None
    assert b.end is not None
    gap = max(a.start, b.start) - min(a.end, b.end)
    if gap > DATE_WINDOW_DAYS:
        return 0.0, "", (f"dates {gap} days apart" if explain else _VETO)
    if gap > 0:
        return 0.3, (f"dates {gap} day(s) apart" if explain else ""), None
    if a.start == a.end == b.start == b.end:
        return 1.5, (f"same day ({date.fromordinal(a.start).isoformat()})" if explain
                     else ""), None
    if a.coarse_date or b.coarse_date:
        return 0.4, "coarse dates overlap", None
    return 1.0, "dates overlap", None


def _counts(a: EventRecord, b: EventRecord, explain: bool) -> tuple[float, bool, list[str]]:
    """(points, whether a count is equal, notes) for the counts both records give."""
    pts = 0.0
    equal = False
    notes: list[str] = []
    cb = {k: (best, lo, hi) for k, best, lo, hi in b.counts}
    for kind, best, lo, hi in a.counts:
        if kind not in cb:
            continue
        best2, lo2, hi2 = cb[kind]
        if best == best2:
            pts += 0.7
            equal = True
            if explain:
                notes.append(f"both say {best} {kind}")
        elif (lo <= hi2 and lo2 <= hi) or abs(best - best2) <= max(1, 0.3 * max(best, best2)):
            pts += 0.4
            if explain:
                notes.append(f"{kind} figures compatible ({best} vs {best2})")
        elif max(best, best2) > 3 * max(1, min(best, best2)) and abs(best - best2) >= 3:
            pts -= 1.0
            if explain:
                notes.append(f"{kind} figures disagree ({best} vs {best2})")
    return min(pts, 1.2), equal, notes


def score_pair(a: EventRecord, b: EventRecord, *, explain: bool = True) -> Match:
    """Score two records (symmetric: the result does not depend on the argument order).

    With ``explain=False`` the reasons are left empty and a veto reads ``"veto"`` (faster; the
    clustering explains only the links it keeps).
    """
    if b.id < a.id:
        a, b = b, a
    if a.doc_id and a.doc_id == b.doc_id:
        return Match(0.0, False, "two events of one report" if explain else _VETO, ())
    reasons: list[str] = []
    if a.sub_type == b.sub_type:
        score = 1.0
        if explain:
            reasons.append(f"same type ({a.sub_type})")
    elif a.event_type == b.event_type:
        score = 0.6
        if explain:
            reasons.append(f"same type family ({a.event_type})")
    elif a.family == b.family:
        score = 0.3
        if explain:
            reasons.append(f"compatible types ({a.sub_type}, {b.sub_type})")
    else:
        return Match(0.0, False, (f"incompatible types ({a.sub_type}, {b.sub_type})"
                                  if explain else _VETO), ())
    place_pts = date_pts = 0.0
    both_place, both_date = a.has_place and b.has_place, a.has_date and b.has_date
    if both_place:
        place_pts, why, veto = _place(a, b, explain)
        if veto:
            return Match(0.0, False, veto, ())
        if why:
            reasons.append(why)
    if both_date:
        date_pts, why, veto = _date(a, b, explain)
        if veto:
            return Match(0.0, False, veto, ())
        if explain:
            reasons.append(why)
    score += place_pts + date_pts
    agree = 0.0
    if a.names and b.names:
        shared = a.names & b.names
        if shared:
            j = len(shared) / len(a.names | b.names)
            score += j
            agree = j
            if explain:
                reasons.append(f"actors agree ({' '.join(sorted(shared)[:3])}; {j:.2f})")
    if a.counts and b.counts:
        cpts, equal, cnotes = _counts(a, b, explain)
        score += cpts
        reasons += cnotes
        if equal:
            agree = 1.0
    text = cosine(a.term_map, b.term_map)
    if text > 0:
        score += 2.5 * text
        if explain:
            reasons.append(f"text similarity {text:.2f}")
    low = False
    if both_place and both_date:
        supported = place_pts > 0.1 and date_pts > 0
    elif both_date:
        supported = date_pts >= 1.0 and agree >= 0.5 and a.sub_type == b.sub_type
        low = True
        if explain:
            reasons.append("no place in one report")
    elif both_place:
        supported, low = place_pts >= 1.2 and agree >= 0.5, True
        if explain:
            reasons.append("no date in one report")
    else:
        supported, low = False, True
    mergeable = supported and score >= THRESHOLD
    return Match(round(score, 6), mergeable, None, tuple(reasons), low)


# ---------------------------------------------------------------------------- clustering


@dataclass(frozen=True, slots=True)
class MergeLink:
    """An edge that joined two clusters: the two events, its score and the reason."""

    a: str
    b: str
    score: float
    reason: str
    by: str = "auto"
    """``auto`` (scored) or ``manual`` (a user's merge)."""


@dataclass(frozen=True, slots=True)
class Clustering:
    """Clusters (sorted tuples of event ids, sorted) and the links that made each one."""

    clusters: tuple[tuple[str, ...], ...]
    links: tuple[MergeLink, ...]
    components: tuple[tuple[str, ...], ...] = ()
    """Connected parts of the merge-candidate graph (the unit of incremental re-clustering)."""
    conflicts: tuple[str, ...] = ()
    """Manual decisions that could not be honoured (a merge that contradicts a split)."""


class _UnionFind:
    def __init__(self, ids: Iterable[str]) -> None:
        self.parent = {i: i for i in ids}
        self.members = {i: [i] for i in self.parent}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> str:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        keep, drop = (ra, rb) if ra < rb else (rb, ra)
        self.parent[drop] = keep
        self.members[keep].extend(self.members.pop(drop))
        return keep


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def cluster(
    records: Sequence[EventRecord],
    *,
    must_link: Iterable[tuple[str, str]] = (),
    cannot_link: Iterable[tuple[str, str]] = (),
    pairs: Sequence[tuple[int, int]] | None = None,
) -> Clustering:
    """Cluster records deterministically; the result does not depend on their order.

    Args:
        records: the reports' events (ids must be unique).
        must_link: manual merges (applied first, in sorted order, unless they contradict a
            cannot-link, which is then reported in ``conflicts``).
        cannot_link: manual splits: these pairs never end in one cluster.
        pairs: candidate index pairs, if already computed (default: :func:`candidate_pairs`).
    """
    by_id = {r.id: r for r in records}
    recs = sorted(by_id.values(), key=lambda r: r.id)
    if pairs is None or len(recs) != len(records):
        pairs = candidate_pairs(recs)
        ordered = recs
    else:
        ordered = list(records)
    n = len(ordered)
    pos = {r.id: i for i, r in enumerate(ordered)}
    vetoed_codes: set[int] = set()  # pairs as lo * n + hi over positions in ``ordered``
    clear_codes: set[int] = set()
    edges: list[tuple[float, str, str, Match]] = []
    for i, j in pairs:
        rec_a, rec_b = ordered[i], ordered[j]
        m = score_pair(rec_a, rec_b, explain=False)
        code = i * n + j if i < j else j * n + i
        if m.veto:
            vetoed_codes.add(code)
            continue
        clear_codes.add(code)
        if m.mergeable:
            x, y = _pair(rec_a.id, rec_b.id)
            edges.append((-m.score, x, y, m))
    edges.sort(key=lambda e: (e[0], e[1], e[2]))
    forbidden = {_pair(a, b) for a, b in cannot_link if a in by_id and b in by_id}
    musts = sorted({_pair(a, b) for a, b in must_link if a in by_id and b in by_id and a != b})

    def vetoed(ca: list[str], cb: list[str], manual: bool) -> str | None:
        for x in ca:
            for y in cb:
                key = _pair(x, y)
                if key in forbidden:
                    return f"a manual split keeps {key[0]} and {key[1]} apart"
                if manual:
                    continue
                i, j = pos[key[0]], pos[key[1]]
                code = i * n + j if i < j else j * n + i
                if code in clear_codes:
                    continue
                if code not in vetoed_codes:
                    if score_pair(by_id[key[0]], by_id[key[1]], explain=False).veto is None:
                        clear_codes.add(code)
                        continue
                    vetoed_codes.add(code)
                return score_pair(by_id[key[0]], by_id[key[1]]).veto
        return None

    uf = _UnionFind(by_id)
    links: list[MergeLink] = []
    conflicts: list[str] = []
    for a, b in musts:
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            continue
        why = vetoed(uf.members[ra], uf.members[rb], manual=True)
        if why:
            conflicts.append(f"manual merge of {a} and {b} not applied: {why}")
            continue
        uf.union(a, b)
        links.append(MergeLink(a, b, 0.0, "merged by hand", "manual"))
    for _neg, a, b, m in edges:
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            continue
        if vetoed(uf.members[ra], uf.members[rb], manual=False):
            continue
        uf.union(a, b)
        links.append(MergeLink(a, b, m.score, score_pair(by_id[a], by_id[b]).reason))
    clusters = sorted(tuple(sorted(ms)) for ms in uf.members.values())
    comp = _UnionFind(by_id)
    for _neg, a, b, _m in edges:
        comp.union(a, b)
    for a, b in musts:
        comp.union(a, b)
    components = sorted(tuple(sorted(ms)) for ms in comp.members.values())
    return Clustering(tuple(clusters), tuple(links), tuple(components), tuple(conflicts))


def dedup(events: Sequence[Mapping[str, Any]], **kw: Any) -> Clustering:
    """Cluster event dicts (``Event.to_dict()``); keyword arguments go to :func:`cluster`."""
    return cluster([record_from_dict(e) for e in events], **kw)


def cluster_id(members: Iterable[str]) -> str:
    """The id of a merged event: derived from its smallest member event id (stable as it grows
    by larger ids, and independent of arrival order)."""
    first = min(members)
    return "mev_" + first.removeprefix("ev_")
