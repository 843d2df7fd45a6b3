"""Eval gate: document clustering on the ECB+ dev topics (../shared/gold/ecbplus/xml).

Scores measured 2026-11-25 on the 496 dev documents: b3_f1 0.9603, pairwise_f1 0.934,
41 clusters for 42 gold; the word TF-IDF baseline in the same run: b3_f1 0.8751. Mention level
(3,628 gold action mentions of the coreference sentences, same-stem inside document clusters):
CoNLL F1 0.7527. Floors sit a little under these; they only go up.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from eventscribe.evaluation.dedup import evaluate

pytestmark = pytest.mark.integration

# sha256 over "relative path \0 sha256(file)\n" of every XML file, in sorted path order
ECBPLUS_DEV_SHA256 = "2433cb1a2b7529e4962f16653bd5a9b872ca3539e88b8c94c0dc96c5962a30cf"


def combined_sha256(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*.xml")):
        digest = hashlib.sha256(p.read_bytes()).hexdigest()
        h.update(p.relative_to(root).as_posix().encode() + b"\0" + digest.encode() + b"\n")
    return h.hexdigest()


def test_dedup_gold_ecbplus_dev_floors(gold_dir: Path) -> None:
    root = gold_dir / "ecbplus" / "xml"
    if not root.is_dir():
        pytest.skip("no ecbplus/xml in the gold folder")
    assert combined_sha256(root) == ECBPLUS_DEV_SHA256, "the ECB+ dev files changed"
    res = evaluate(root)
    assert res["n_docs"] == 496 and res["n_files_skipped"] == 0
    assert res["pipeline_errors"] == 0
    assert res["b3_f1"] >= 0.95
    assert res["pairwise_f1"] >= 0.92
    assert abs(res["n_clusters"] - res["n_gold_clusters"]) <= 4
    assert res["baseline_b3_f1"] <= res["b3_f1"] - 0.05
    assert res["mentions"] == 3628
    assert res["mention_conll_f1"] >= 0.74
