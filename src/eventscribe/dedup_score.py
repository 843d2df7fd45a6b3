"""Dedup pair scoring: points, vetoes and readable reasons for two records (pure).

See :mod:`eventscribe.dedup` for the method and docs/dedup.md for the table of points.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from eventscribe.dedup_records import (
    DATE_WINDOW_DAYS,
    FAR_KM,
    THRESHOLD,
    EventRecord,
    cosine,
)
from eventscribe.model.place import haversine_km


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
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


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
