"""Eval gate: argument roles on the WikiEvents and RAMS dev sets (../shared/gold).

Floors are pinned a little under the scores measured when they were set (docs/roles.md);
floors only go up. The sha256 check notices a changed data set.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from eventscribe.evaluation.roles import evaluate

pytestmark = pytest.mark.integration

WIKIEVENTS_SHA256 = "74a6cbef44c44f1add6882e54f0a966f0f1a35cc260f3079de1fe4312eabe285"
WIKIEVENTS_COREF_SHA256 = "e2ae3005f3cb717fc23e08c41c01ed4cfb395e79e547d5760cf1752a0022e472"
RAMS_SHA256 = "cd1b249160333ec33360430ade1099c3bb5fe48f50188e0482a019e2d8e9e07b"


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_roles_gold_wikievents(gold_dir: Path) -> None:
    data = gold_dir / "wikievents" / "dev.jsonl"
    assert _sha(data) == WIKIEVENTS_SHA256
    assert _sha(gold_dir / "wikievents" / "coref" / "dev.jsonlines") == WIKIEVENTS_COREF_SHA256
    res = evaluate(data, "wikievents")
    assert res["n_docs"] == 20 and res["n_gold_args"] == 178
    ours, base = res["eventscribe"], res["baseline"]
    assert ours["trigger_f1"] >= 0.65
    assert ours["arg_f1"] >= 0.57
    assert ours["arg_f1_coref"] >= 0.58
    assert ours["per_role"]["victim"]["f1"] >= 0.80
    assert ours["per_role"]["detainee"]["f1"] >= 0.50
    assert ours["per_role"]["place"]["f1"] >= 0.45
    assert ours["per_role"]["instrument"]["f1"] >= 0.25
    assert ours["per_role"]["attacker"]["f1"] >= 0.47
    assert res["arg_f1_gain"] >= 0.20
    assert base["arg_f1"] > 0.2  # the baseline runs and scores (it is not a floor of ours)


def test_roles_gold_rams(gold_dir: Path) -> None:
    data = gold_dir / "rams" / "dev.jsonlines"
    assert _sha(data) == RAMS_SHA256
    res = evaluate(data, "rams")
    assert res["n_docs"] == 259 and res["n_gold_args"] == 603
    ours = res["eventscribe"]
    assert ours["trigger_f1"] >= 0.36
    assert ours["arg_f1"] >= 0.26
    assert ours["per_role"]["place"]["f1"] >= 0.35
    assert res["arg_f1_gain"] >= 0.11
