"""Reconciling a cluster of reports into one merged event (dedup_reconcile, no model loads)."""

from __future__ import annotations

import pytest

from eventscribe.dedup_reconcile import merged_event, reconcile_date, reconcile_place
from tests.unit.dedup_helpers import Spec, report_dict

pytestmark = pytest.mark.unit


def test_dedup_reconcile_most_precise_agreed_place() -> None:
    evs = [report_dict(Spec("A", place="kaduna_state"), 0), report_dict(Spec("B"), 1),
           report_dict(Spec("C", place="nigeria"), 2)]
    place, why = reconcile_place(evs)
    assert place is not None and place["name"] == "Kauru"
    assert "most precise place all 3 reports" in why


def test_dedup_reconcile_disagreeing_places_are_noted_not_blended() -> None:
    evs = [report_dict(Spec("A"), 0), report_dict(Spec("B"), 1),
           report_dict(Spec("C", place="zaria"), 2)]
    place, why = reconcile_place(evs)
    assert place is not None and place["name"] == "Kauru" and "disagree" in why
    m = merged_event("mev_x", evs)
    assert any("disagree" in n for n in m["notes"])


def test_dedup_reconcile_tightest_consistent_date_range() -> None:
    evs = [report_dict(Spec("A", day=1, span_days=6), 0), report_dict(Spec("B", day=3), 1)]
    dt, why = reconcile_date(evs)
    assert dt == {"start": "2024-05-03", "end": "2024-05-03", "precision": "day"}
    assert "intersection" in why
    apart = [report_dict(Spec("A", day=1), 0), report_dict(Spec("B", day=4), 1),
             report_dict(Spec("C", day=4, span_days=1), 2)]
    dt, why = reconcile_date(apart)
    assert dt is not None and dt["start"] == "2024-05-04" and "do not all overlap" in why


def test_dedup_reconcile_counts_keep_every_claim_and_are_never_averaged() -> None:
    evs = [report_dict(Spec("A", killed=12), 0), report_dict(Spec("B", killed=9), 1),
           report_dict(Spec("C", killed=40), 2)]
    killed = merged_event("mev_x", evs)["counts"]["killed"]
    assert (killed["best"], killed["low"], killed["high"]) == (9, 9, 40)
    assert sorted(c["value"] for c in killed["claims"]) == [9, 12, 40]
    assert {c["event_id"] for c in killed["claims"]} == {e["id"] for e in evs}


def test_dedup_reconcile_type_majority_and_reports_listed() -> None:
    evs = [report_dict(Spec("A"), 0), report_dict(Spec("B"), 1),
           report_dict(Spec("C", kind="clash"), 2)]
    m = merged_event("mev_x", evs, [{"a": "x", "b": "y", "score": 5.0, "reason": "r",
                                     "by": "auto"}])
    assert m["type"]["acled_sub_event_type"] == "Attack" and m["n_reports"] == 3
    assert m["type"]["reason"] == "2 of 3 reports"
    assert len(m["reports"]) == 3 and m["merge_confidence"] == "normal"
    assert merged_event("mev_y", evs[:1])["merge_confidence"] == "single report"


def test_dedup_reconcile_same_source_in_two_reports_is_summarised_per_report() -> None:
    a, b = report_dict(Spec("A", killed=12), 0), report_dict(Spec("B", killed=10), 1)
    for e in (a, b):  # both outlets quote the police, at the same offsets by chance
        claim = e["counts"]["killed"]["claims"][0]  # type: ignore[index]
        claim["attributed_to"] = "police"
        claim["evidence"] = [{"start": 0, "end": 4, "text": "xxxx"}]
        claim["reason"] = "update: toll rose" if e is a else "initial toll"
    a["doc"], b["doc"] = {"outlet": "A"}, {"outlet": "B"}
    killed = merged_event("mev_x", [a, b])["counts"]["killed"]
    assert (killed["best"], killed["low"], killed["high"]) == (10, 10, 12)
    assert "police (A)" in killed["reason"] and "police (B)" in killed["reason"]
    assert {c["attributed_to"] for c in killed["claims"]} == {"police"}
