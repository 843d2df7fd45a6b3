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

import gc
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventscribe.dedup_records import (
    COARSE_DAYS,
    DATE_WINDOW_DAYS,
    FAR_KM,
    THRESHOLD,
    EventRecord,
    cosine,
    name_tokens,
    record_from_dict,
    term_weights,
    type_family,
)
from eventscribe.dedup_score import Match, score_pair

__all__ = [
    "COARSE_DAYS",
    "DATE_WINDOW_DAYS",
    "FAR_KM",
    "THRESHOLD",
    "Clustering",
    "EventRecord",
    "Match",
    "MergeLink",
    "are_candidates",
    "block_keys",
    "candidate_codes",
    "candidate_pairs",
    "candidate_sets",
    "cluster",
    "cluster_id",
    "cosine",
    "dedup",
    "name_tokens",
    "record_from_dict",
    "score_pair",
    "term_weights",
    "type_family",
]


# ------------------------------------------------------------------------------ blocking


def _weeks(r: EventRecord) -> list[int]:
    assert r.start is not None and r.end is not None
    return list(range((r.start - DATE_WINDOW_DAYS) // 7, (r.end + DATE_WINDOW_DAYS) // 7 + 1))


def _months(r: EventRecord) -> list[int]:
    assert r.start is not None and r.end is not None
    a, b = date.fromordinal(r.start - DATE_WINDOW_DAYS), date.fromordinal(r.end + DATE_WINDOW_DAYS)
    first, last = a.year * 12 + a.month - 1, b.year * 12 + b.month - 1
    return list(range(first, min(last, first + 12) + 1))


def _min_overlap(s: int) -> int:
    """The fewest words a name set of ``s >= 2`` words shares with any set of >= 2 words whose
    Jaccard index with it is >= 0.5 (``3 * shared >= s + t`` and ``t >= s / 2``)."""
    t = max(2, (s + 1) // 2)
    return max(2, -(-(s + t) // 3))


def _name_marks(names: frozenset[str], placeless: bool) -> list[tuple[str, bool]]:
    """Name blocking marks (with primary flags) that any two records whose actor-name word
    sets have Jaccard >= 0.5 share, one of them as primary, when one of them has no place.

    With ``s`` and ``t`` words and ``o`` shared, Jaccard >= 0.5 means ``3 o >= s + t``. So two
    sets of two or more words share at least two words, and the first two shared words (in
    sorted order) lie in each set's first ``s - o_min + 2`` words (prefix filtering with a
    fixed order, :func:`_min_overlap`): pair marks ``n2:a+b`` over that prefix. A one-word set
    ``{a}`` matches only ``{a}`` or ``{a, b}``: it holds ``n1:a`` (primary when placeless) and
    looks up ``p1:a``; a two-word set looks up ``n1:a`` and, when placeless, holds ``p1:a`` as
    primary (so two placeless two-word sets sharing one word also meet; harmless). Sets of
    three or more words need no single-word marks. Marks depend on the record only.
    """
    words = sorted(names)
    s = len(words)
    out: list[tuple[str, bool]] = []
    if s == 1:
        out += [(f"n1:{words[0]}", placeless), (f"p1:{words[0]}", False)]
    elif s == 2:
        out += [(f"n1:{w}", False) for w in words]
        if placeless:
            out += [(f"p1:{w}", True) for w in words]
    if s >= 2:
        pre = words[:s - _min_overlap(s) + 2]
        out += [(f"n2:{a}+{b}", placeless) for x, a in enumerate(pre) for b in pre[x + 1:]]
    return out


def block_keys(r: EventRecord) -> tuple[tuple[str, bool], ...]:
    """The blocking keys of a record, each with whether the record holds it as primary
    (in a fixed order for a given record).

    Two records are candidates when they share a key that one of them holds as primary.
    Precise records meet each other by (family, admin1, week); a country-level record meets
    the records of its country by week (within the date window); a record without a place
    meets the records of its sub-type that share a day and either a name key that pairs with
    actor-name Jaccard >= 0.5 must share (:func:`_name_marks`) or a count; a coarse date
    meets by month; an undated record meets the records of its admin2 (or its
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
        # plus actor names with Jaccard >= 0.5 or an equal count: it meets others by
        # (sub-type, day, name key) and (sub-type, day, count), see :func:`_name_marks`
        placeless = area0 is None
        marks = _name_marks(r.names, placeless)
        marks += [(f"k:{k}{b}", placeless) for k, b, _lo, _hi in r.counts]
        for d in range(r.start, r.end + 1) if fine else ():
            for mk, primary in marks:
                keys[f"{r.sub_type}|-|d{d}|{mk}"] = primary
        for m in months:
            add(f"{fam}|-|m{m}", area0 is None and not fine)
    if spot:
        add(f"{fam}|{spot}|?", not r.has_date)
    return tuple(keys.items())


def candidate_sets(records: Sequence[EventRecord]) -> list[set[int]]:
    """For each record ``i``, the indexes ``j > i`` of its candidates (see :func:`block_keys`).

    Only keys someone holds as primary form blocks; a record's other keys are looked up in
    them, never stored, which keeps the index small. Pairs are kept as small per-record sets
    (filled by C-level ``set.update`` over block slices) rather than as one set of
    ``i * n + j`` codes: those exceed 2**30 from ~33k records on, where Python's larger ints
    make hashing and sorting them markedly slower per pair.
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
                    b.append(i)  # members are appended in index order
    nbrs: list[set[int]] = [set() for _ in records]
    for prim in blocks.values():
        for x in range(len(prim) - 1):
            nbrs[prim[x]].update(prim[x + 1:])
    for j, ks in enumerate(all_keys):
        for k, primary in ks:
            if not primary:
                holders = blocks.get(k)
                if holders is not None:  # j itself is not among them (one flag per key)
                    p = bisect_left(holders, j)
                    if p < len(holders):
                        nbrs[j].update(holders[p:])
                    for i in holders[:p]:
                        nbrs[i].add(j)
    return nbrs


def candidate_codes(records: Sequence[EventRecord]) -> set[int]:
    """Candidate pairs ``(i, j)``, ``i < j``, coded as ``i * len(records) + j`` (unordered)."""
    n = len(records)
    return {i * n + j for i, js in enumerate(candidate_sets(records)) for j in js}


def candidate_pairs(records: Sequence[EventRecord]) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of candidate records, sorted (see :func:`block_keys`)."""
    return [(i, j) for i, js in enumerate(candidate_sets(records)) for j in sorted(js)]


def are_candidates(a: EventRecord, b: EventRecord) -> bool:
    """The pairwise blocking predicate behind :func:`candidate_pairs`."""
    ka, kb = dict(block_keys(a)), dict(block_keys(b))
    return any(ka[k] or kb[k] for k in ka.keys() & kb.keys())

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
    with _gc_paused():
        return _cluster(records, must_link, cannot_link, pairs)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a batch (its previous state is restored).

    Dedup allocates many small acyclic objects (records, candidate sets, scores) that live
    until the batch ends; each full collection walks the whole grown heap, and their number
    grows with the heap, so left running the collector costs O(n log n) (about 1 s of 9 at
    100k events). Reference counting still frees everything; nothing here forms cycles.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _cluster(
    records: Sequence[EventRecord],
    must_link: Iterable[tuple[str, str]],
    cannot_link: Iterable[tuple[str, str]],
    pairs: Sequence[tuple[int, int]] | None,
) -> Clustering:
    by_id = {r.id: r for r in records}
    # canonical order (results never depend on it) that puts likely candidates side by side
    recs = sorted(by_id.values(), key=_locality)
    n = len(recs)
    if pairs is None or len(recs) != len(records):
        ordered = recs
        nbrs = candidate_sets(recs)
    else:
        ordered = list(records)
        nbrs = [set() for _ in ordered]
        for i, j in pairs:
            if i < j:
                nbrs[i].add(j)
            elif j < i:
                nbrs[j].add(i)
    pos = {r.id: i for i, r in enumerate(ordered)}
    vetoed_codes: set[int] = set()  # candidate pairs (lo * n + hi over positions) with a veto
    others: dict[int, bool] = {}  # whether other pairs met while clustering have a veto
    edges: list[tuple[float, str, str, Match]] = []
    for i, js in enumerate(nbrs):
        rec_a = ordered[i]
        for j in js:  # any order: every pair is scored on its own, edges are sorted below
            rec_b = ordered[j]
            m = score_pair(rec_a, rec_b, explain=False)
            if m.veto:
                vetoed_codes.add(i * n + j)
            elif m.mergeable:
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
                i, j = (i, j) if i < j else (j, i)
                code = i * n + j
                if j in nbrs[i]:
                    bad = code in vetoed_codes
                else:
                    got = others.get(code)
                    if got is None:
                        got = others[code] = score_pair(
                            by_id[key[0]], by_id[key[1]], explain=False).veto is not None
                    bad = got
                if not bad:
                    continue
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


def _locality(r: EventRecord) -> tuple[str, str, str, int, str]:
    return (r.family, r.country or "", r.admin1 or "", r.start or 0, r.id)


def dedup(events: Sequence[Mapping[str, Any]], **kw: Any) -> Clustering:
    """Cluster event dicts (``Event.to_dict()``); keyword arguments go to :func:`cluster`."""
    with _gc_paused():
        return cluster([record_from_dict(e) for e in events], **kw)


def cluster_id(members: Iterable[str]) -> str:
    """The id of a merged event: derived from its smallest member event id (stable as it grows
    by larger ids, and independent of arrival order)."""
    first = min(members)
    return "mev_" + first.removeprefix("ev_")
