"""Merged events as exportable rows: one row per real-world event, every report's claims."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from eventscribe.dedup_reconcile import merged_event
from eventscribe.errors import EventscribeError
from eventscribe.export.csv_formats import acled_row, ucdp_row
from eventscribe.export.json_formats import plover_record
from eventscribe.export.merged import lead_report, merged_as_event
from tests.unit.test_export_fixtures import sample_event_dicts

pytestmark = pytest.mark.unit


def _two_reports() -> list[dict[str, Any]]:
    """The fixture's clash, and a second outlet's report of it published a day earlier with
    another death toll."""
    first = sample_event_dicts()[0]
    second = copy.deepcopy(first)
    second["id"] = "ev_00000000000000000001"
    second["doc_id"] = "doc_other"
    second["doc"] = {"url": "https://wire.example.org/x", "title": "Convoy attacked",
                     "outlet": "Wire Service", "published": "2023-03-05"}
    killed = second["counts"]["killed"]
    claim = dict(killed["claims"][0], value=14, qualifier="exact", attributed_to="Wire Service")
    second["counts"]["killed"] = {**killed, "claims": [claim]}
    return [first, second]


def test_export_merged_row_keeps_every_claim_and_outlet() -> None:
    reports = _two_reports()
    merged = merged_event("mev_x", reports)
    row = merged_as_event(merged, {e["id"]: e for e in reports})
    assert row["id"] == "mev_x"
    # the lead report is the earliest published one: its trigger and document stand for the row
    assert row["doc_id"] == "doc_other" and row["doc"]["published"] == "2023-03-05"
    assert row["doc"]["outlet"] == "Wire Service; Daily Courier"
    claims = row["counts"]["killed"]["claims"]
    assert {c["event_id"] for c in claims} == {e["id"] for e in reports}
    assert any(c["value"] == 14 for c in claims)
    assert any("merged from 2 reports" in n for n in row["notes"])
    acled = acled_row(row)
    assert acled["source"] == "Wire Service; Daily Courier"
    assert acled["fatalities"] == merged["counts"]["killed"]["best"]
    assert acled["event_id_cnty"].startswith("KEN")
    assert ucdp_row(row)["high"] >= 14
    assert plover_record(row)["size"]["dead"] == merged["counts"]["killed"]["best"]


def test_export_merged_single_report_has_no_merge_note() -> None:
    ev = sample_event_dicts()[0]
    row = merged_as_event(merged_event("mev_y", [ev]), {ev["id"]: ev})
    assert row["doc_id"] == ev["doc_id"] and row["trigger"] == ev["trigger"]
    assert not any("merged from" in n for n in row["notes"])
    assert row["merged"]["n_reports"] == 1


def test_export_merged_lead_prefers_earliest_then_confidence() -> None:
    a, b = _two_reports()
    b["doc"]["published"] = a["doc"]["published"]
    a["confidence"], b["confidence"] = 0.2, 0.9
    assert lead_report([a, b])["id"] == b["id"]
    b["doc"]["published"] = None  # undated reports come last
    assert lead_report([a, b])["id"] == a["id"]


def test_export_merged_missing_reports_is_a_coded_error() -> None:
    reports = _two_reports()
    with pytest.raises(EventscribeError) as ei:
        merged_as_event(merged_event("mev_z", reports), {})
    assert ei.value.code == "E066"
