"""Eval gate: events from UCDP GED source headlines (../shared/gold/ucdp-ged).

Floors are pinned a little under the scores measured when they were set (docs/roles.md,
"UCDP"); floors only go up. The sha256 check notices a changed data set.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from eventscribe.evaluation.ucdp import evaluate

pytestmark = pytest.mark.integration

GED_SHA256 = "2cc146dec37ce2fd78bae55dff9a4317d8673f7dbee845a69cd9addb9d6bf49b"


def test_ucdp_gold_headlines(gold_dir: Path) -> None:
    data = gold_dir / "ucdp-ged" / "ucdpged_sample_ged231.csv"
    assert hashlib.sha256(data.read_bytes()).hexdigest() == GED_SHA256
    res = evaluate(data)
    assert res["n"] == 302 and res["skipped"] == {"no source_headline": 179}
    assert res["n_deaths_stated"] == 94
    assert res["country_accuracy"] >= 0.48  # measured 0.497
    assert res["country_accuracy_on_events"] >= 0.76  # 0.777
    assert res["acc161"] >= 0.32  # 0.338
    assert res["date_within_1d"] >= 0.49  # 0.507
    assert res["no_event"] <= 115  # 109 of 302
    assert res["deaths_exact"] >= 0.15
    assert res["deaths_consistent"] >= 0.78
    # rows with no event are counted with a reason, never guessed
    assert res["no_event"] == sum(res["no_event_reasons"].values()) > 0
