"""Eval gate for dates: TimeBank+AQUAINT (TimeML) and MEANTIME event dates, full dev sets.

Floors are pinned a little under the scores measured when they were set; they only go up.
The sha256 of the files read is checked first, so a changed data set is noticed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

TIMEBANK_SHA256 = "7b564ad746128b52c00e700c649f0d51151c09d0122f3c2455a1810d609774ee"
MEANTIME_SHA256 = "a6f9eb2f46da642a0100929d020017e268169d3c8002dfde8dad5e87d087265b"


def folder_digest(files: list[Path], root: Path) -> str:
    """sha256 over "<file sha256>  <relative path>" lines of ``files`` (sorted)."""
    lines = sorted(f"{hashlib.sha256(f.read_bytes()).hexdigest()}  {f.relative_to(root)}"
                   for f in files)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


@pytest.fixture(scope="module")
def timebank(gold_dir: Path) -> Path:
    from eventscribe.evaluation.timeml_format import tml_files

    root = gold_dir / "timebank-aquaint"
    if not root.is_dir():
        pytest.skip("timebank-aquaint is not in ../shared/gold")
    assert folder_digest(tml_files(root), root) == TIMEBANK_SHA256, "TimeBank+AQUAINT changed"
    return root


@pytest.fixture(scope="module")
def meantime(gold_dir: Path) -> Path:
    from eventscribe.evaluation.meantime_format import cat_files

    root = gold_dir / "meantime" / "intra-doc_annotation"
    if not root.is_dir():
        pytest.skip("meantime is not in ../shared/gold")
    assert folder_digest(cat_files(root), root) == MEANTIME_SHA256, "MEANTIME changed"
    return root


def test_dates_gold_spans_value_accuracy(timebank: Path) -> None:
    from eventscribe.evaluation.dates import evaluate

    r = evaluate(timebank, gold_spans=True, baseline=True)
    assert r["n_gold"] == 1535 and r["n_excluded"] == 185
    assert r["value_accuracy"] >= 0.927
    # plain dateparser on the same spans is the floor we must stay well above
    assert r["value_accuracy"] - r["baseline"]["value_accuracy"] >= 0.2


def test_dates_gold_end_to_end(timebank: Path) -> None:
    from eventscribe.evaluation.dates import evaluate

    r = evaluate(timebank, gold_spans=False)
    assert r["n_gold_all_types"] == 1822
    assert r["strict_f1"] >= 0.896
    assert r["relaxed_f1"] >= 0.948
    assert r["value_f1"] >= 0.849
    assert r["value_accuracy"] >= 0.925
    causes = r["by_cause"]
    assert sum(v["n"] for k, v in causes.items() if k != "missed") == r["n_pred"]


def test_dates_gold_meantime_event_dates(meantime: Path) -> None:
    from eventscribe.evaluation.event_dates import evaluate

    r = evaluate(meantime)
    assert r["n"] >= 360
    assert r["accuracy"] >= 0.885
    assert r["accuracy_governed"] >= 0.86


def test_dates_gold_meantime_timexes(meantime: Path) -> None:
    """The same protocols on MEANTIME's recent Wikinews (CAT XML, read by eval dates): the
    generality check for rules tuned on TimeBank."""
    from eventscribe.evaluation.dates import evaluate

    r = evaluate(meantime, gold_spans=False)
    assert r["n_gold_all_types"] == 488
    assert r["value_f1"] >= 0.872
    assert r["strict_f1"] >= 0.891
    spans = evaluate(meantime, gold_spans=True, baseline=False)
    assert spans["value_accuracy"] >= 0.935
