"""Eval gate for event typing: CASE 2021 (dev part) and PLOVER GSR (dev part).

Scores come from cross-validation on the dev part itself (train on 4/5 plus the written
examples, predict the held fifth), so they are honest; the shipped models are trained on all of
the dev part and are meant for the held-out parts. To stay under a minute each, the strong
(embedding) model is cross-validated on a fixed 1/3 subset (by hash of the snippet id).
Floors are pinned a little under the scores measured when they were set; they only go up,
with one recorded exception: in session 3 the PLOVER fast category floor went from 0.65 to 0.64
when written examples that imitated dev sentences were replaced by general ones (an honest
score is lower; `test_types_gold_plover_examples_do_not_copy_dev_sentences` guards against a
repeat).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

CASE_SHA256 = "4d46e1fe8e2b7a1915bfe8e657ccb5e3629b7aa7f3ab83144d4704b9b57ecb28"
PLOVER_SHA256 = "0978360cbde0c30db0bf218d1730edcc33e4262592a1f2705468b3df670e9be0"


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def case2021(gold_dir: Path) -> Path:
    p = gold_dir / "case2021" / "test_set_final_release_with_labels.tsv"
    if not p.is_file():
        pytest.skip("case2021 is not in ../shared/gold")
    assert _sha(p) == CASE_SHA256, "CASE 2021 dev part changed"
    return p


@pytest.fixture(scope="module")
def plover(gold_dir: Path) -> Path:
    p = gold_dir / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
    if not p.is_file():
        pytest.skip("plover-gsr is not in ../shared/gold")
    assert _sha(p) == PLOVER_SHA256, "PLOVER GSR dev part changed"
    return p


def test_types_gold_case2021_rules_baseline(case2021: Path) -> None:
    from eventscribe.evaluation.types import evaluate_case2021

    r = evaluate_case2021(case2021, typer="rules")
    assert r["n"] == 509 and not r["skipped"]
    assert r["weighted_f1"] >= FLOORS["case_rules_weighted_f1"], r["weighted_f1"]
    assert r["rules_no_event"] <= 80  # honest NO_EVENT predictions are counted, and stay few


def test_types_gold_case2021_strong_cross_validated_subset(case2021: Path) -> None:
    from eventscribe.evaluation.types import evaluate_case2021

    r = evaluate_case2021(case2021, typer="strong", cv=5, seed=0, every=3)
    assert r["n"] == FLOORS["case_subset_n"]
    assert r["weighted_f1"] >= FLOORS["case_strong_cv_subset_weighted_f1"], r["weighted_f1"]
    assert r["macro_f1"] >= FLOORS["case_strong_cv_subset_macro_f1"], r["macro_f1"]
    assert r["weighted_f1"] > r["rules"]["weighted_f1"] + 0.2


def test_types_gold_plover_cross_validated(plover: Path) -> None:
    from eventscribe.evaluation.plover_eval import evaluate_plover

    r = evaluate_plover(plover, typer="fast", cv=5, seed=0)
    assert r["n"] == 161 and not r["skipped"]
    for key in ("category_accuracy", "mode_accuracy", "actor_f1", "recipient_f1", "dead_exact"):
        assert r[key] >= FLOORS[f"plover_{key}"], (key, r[key])


def test_types_gold_plover_strong_cross_validated(plover: Path) -> None:
    """The strong PLOVER typer (predicate-phrase embedding), cross-validated on the dev part."""
    from eventscribe.evaluation.plover_eval import evaluate_plover

    r = evaluate_plover(plover, typer="strong", cv=5, seed=0)
    assert r["n"] == 161
    for key in ("category_accuracy", "mode_accuracy"):
        assert r[key] >= FLOORS[f"plover_strong_{key}"], (key, r[key])


def test_types_gold_plover_examples_do_not_copy_dev_sentences(plover: Path) -> None:
    """The written PLOVER examples are invented from the manual's definitions: none shares a run
    of five words with a dev sentence (tuning examples on the dev folds would inflate CV)."""
    import json
    import re

    from eventscribe.stages.typing_model import EXAMPLES, load_examples

    def grams(text: str, n: int = 5) -> set[tuple[str, ...]]:
        w = re.findall(r"[a-z0-9]+", text.lower())
        return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}

    recs = [r for r in json.loads(plover.read_text(encoding="utf-8"))
            if isinstance(r, dict) and r.get("event") != "DOCUMENT"]
    dev = set().union(*(grams(str(r.get("text", ""))) for r in recs))
    shared = [e.text for e in load_examples(EXAMPLES.parent / "plover_examples.tsv")
              if grams(e.text) & dev]
    assert not shared, shared


FLOORS = {
    "case_rules_weighted_f1": 0.46,  # measured 0.480
    "case_subset_n": 158,
    "case_strong_cv_subset_weighted_f1": 0.78,  # measured 0.8065 (full dev, 3 seeds: 0.843)
    "case_strong_cv_subset_macro_f1": 0.78,  # measured 0.8061
    # Session 3: the written PLOVER examples were rewritten from the manual's definitions and the
    # CAMEO code names (the old ones imitated dev sentences: CV 0.683 with them); recipients are
    # actor-like objects, complement subjects or actors inside the object.
    "plover_category_accuracy": 0.64,  # measured 0.677 (strong variant: see docs/typing.md)
    "plover_mode_accuracy": 0.53,  # measured 0.574 (older GSR mode names, OLD_MODE_NAMES)
    "plover_actor_f1": 0.70,  # measured 0.739
    "plover_recipient_f1": 0.49,  # measured 0.528
    "plover_strong_category_accuracy": 0.65,  # measured 0.689 (seeds 0-2 mean: see docs)
    "plover_strong_mode_accuracy": 0.56,  # measured 0.611
    "plover_dead_exact": 0.85,  # measured 1.0 (7 records)
}


def test_types_cli_json_on_a_written_sample(tmp_path: Path) -> None:
    """The command reads any path in the format, skips bad rows and counts NO_EVENT honestly."""
    import json

    from click.testing import CliRunner

    from eventscribe.evaluation.types import command

    tsv = tmp_path / "mini.tsv"
    tsv.write_text(
        "id\tEventSnippet\tSubType\n"
        "1\tWarplanes bombed a market in the town, killing four people.\tAIR_STRIKE\n"
        "2\tThousands of students marched peacefully through the capital.\tPEACE_PROTEST\n"
        "3\tThe committee will publish its annual figures in June.\tDIPLO\n"
        "4\tbroken row without label\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(command, [str(tsv), "--format", "case2021", "--typer", "rules",
                                       "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output.strip().splitlines()[-1])
    assert out["n"] == 3 and out["skipped"] == {"missing label": 1}
    assert out["per_label"]["AIR_STRIKE"]["recall"] == 1.0
    assert out["per_label"]["PEACE_PROTEST"]["recall"] == 1.0
    assert out["rules_no_event"] == 1 and out["accuracy"] == pytest.approx(2 / 3, abs=1e-3)
