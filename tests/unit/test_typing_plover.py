"""PLOVER typer pieces that need no spaCy model: the written examples, the predicate phrase the
strong model embeds, and training with featurised examples."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from eventscribe.evaluation.plover_eval import Predicate, predicate_phrase
from eventscribe.stages.typing_model import (
    EXAMPLES,
    Example,
    Inputs,
    TrainConfig,
    load_examples,
    plover_config,
    train,
)

pytestmark = pytest.mark.unit

CATEGORIES = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT",
              "INVESTIGATE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE",
              "SANCTION", "COERCE", "ASSAULT", "FIGHT"}


def test_typing_plover_examples_one_definition_and_varied_examples_per_category() -> None:
    ex = load_examples(EXAMPLES.parent / "plover_examples.tsv")
    assert {e.label for e in ex} == CATEGORIES
    defs = Counter(e.label for e in ex if e.kind == "definition")
    assert set(defs) == CATEGORIES and set(defs.values()) == {1}
    per = Counter(e.label for e in ex if e.kind == "example")
    assert min(per.values()) >= 6, per
    texts = [e.text for e in ex]
    assert len(set(texts)) == len(texts)
    assert all(t.strip() == t and t.endswith(".") for t in texts)


def test_typing_plover_predicate_phrase_carries_modality() -> None:
    p = Predicate("give grant", ("give", "grant"), "Finland", "Tanzania", "will")
    assert predicate_phrase("Someone will give a grant.", p) == "will give grant"
    assert predicate_phrase("x", Predicate("accept refugees", (), None, None, "neg")) == (
        "not accept refugees")
    assert predicate_phrase("x", Predicate("met", (), None, None)) == "met"
    assert predicate_phrase("No verb here", Predicate("", (), None, None)) == "No verb here"


def test_typing_plover_config_variants() -> None:
    assert plover_config().variant == "fast" and plover_config("strong").variant == "strong"
    assert plover_config("strong").signal_set == "pipeline+predicate"
    with pytest.raises(ValueError):
        plover_config("huge")


def test_typing_train_reads_featurised_examples() -> None:
    """Examples featurised like the data (signals) teach the model what their raw text cannot."""
    cfg = TrainConfig(variant="fast", word_min_df=1, char_min_df=1, example_weight=5.0)
    x = Inputs(["alpha one", "alpha two", "beta one", "beta two"], np.zeros((4, 2), np.float32))
    y = ["A", "A", "B", "B"]
    ex = [Example("A", "example", "same words"), Example("B", "example", "same words")]
    ex_in = Inputs(["same words", "same words"], np.array([[3, 0], [0, 3]], np.float32))
    m = train(x, y, cfg, ex, example_inputs=ex_in)
    probe = Inputs(["gamma", "gamma"], np.array([[3, 0], [0, 3]], np.float32))
    assert [lab for lab, _ in m.predict(probe)] == ["A", "B"]
    m0 = train(x, y, cfg, ex)  # raw examples: zero signals, nothing to learn from them
    p0 = m0.predict_proba(probe)
    assert abs(float(p0[0, 0] - p0[1, 0])) < 0.05


def test_typing_plover_mode_uses_older_manual_names() -> None:
    from types import SimpleNamespace

    from eventscribe.evaluation.plover_eval import _mode

    def ev(cat: str, mode: str | None) -> SimpleNamespace:
        return SimpleNamespace(type=SimpleNamespace(plover_category=cat, plover_mode=mode))

    assert _mode("PROTEST", "Inmates refused food.", [ev("PROTEST", "hunger")]) == "strike-hun"
    assert _mode("PROTEST", "Crowds rioted.", [ev("PROTEST", "riot")]) == "riot-spon"
    assert _mode("FIGHT", "Tanks fired shells.", [ev("FIGHT", "heavy-weapons")]) == (
        "heavy-weapons")
    # "demo" has two older names: the lexicon decides from the text
    assert _mode("PROTEST", "Students staged a march.", [ev("PROTEST", "demo")]) == "demo-org"
    # another category's event is ignored; the lexicon reads the text
    assert _mode("THREATEN", "They would boycott the vote.", [ev("PROTEST", "demo")]) == (
        "restrict")
    assert _mode("THREATEN", "It threatened to halt the talks.", []) == "relations"
