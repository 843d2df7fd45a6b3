"""Train the shipped event-type models and write them to src/eventscribe/resources/data/.

    .venv/bin/python scripts/train_types.py --case2021 ../shared/gold/case2021 \
        --plover ../shared/gold/plover-gsr

Writes types_case2021_fast.npz, types_case2021_strong.npz (CASE 2021 dev part + the written
examples in resources/typing_examples.tsv) and types_plover_{fast,strong}.npz (PLOVER GSR dev part +
resources/plover_examples.tsv). The models store no text (CRC32 keys for n-grams).
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import numpy as np

from eventscribe.evaluation.case2021_format import read_case2021
from eventscribe.evaluation.plover_eval import example_inputs, featurise, parse_predicates
from eventscribe.evaluation.plover_format import read_plover
from eventscribe.evaluation.types import run_pipeline
from eventscribe.stages.typing_features import signal_vector
from eventscribe.stages.typing_model import (
    Inputs,
    TrainConfig,
    model_path,
    plover_config,
    plover_model_path,
    train,
)


def _sha(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def train_case2021(path: Path) -> None:
    """Train and save the fast and strong CASE 2021 models."""
    data = read_case2021(path)
    snips = [s for s in data.snippets if s.label]
    texts = [s.text for s in snips]
    y = [s.label or "" for s in snips]
    piped = run_pipeline(texts)
    sig = np.stack([signal_vector(a, ev) for a, ev in piped])
    for variant in ("fast", "strong"):
        m = train(Inputs(texts, sig), y, TrainConfig(variant=variant))
        m.meta.update({"trained_on": "CASE 2021 task-2 dev part", "n": len(y),
                       "data_sha256": _sha(data.files)})
        m.save(model_path(variant))
        print(f"{model_path(variant).name}: {len(y)} snippets, "
              f"{model_path(variant).stat().st_size / 1e6:.2f} MB")


def train_plover(path: Path) -> None:
    """Train and save the fast and strong PLOVER category models."""
    data = read_plover(path)
    texts = [r.text for r in data.records]
    y = [r.category for r in data.records]
    piped = run_pipeline(texts)
    preds = parse_predicates(texts)
    for variant in ("fast", "strong"):
        x = featurise(texts, variant, piped, preds)
        ex, ex_in = example_inputs(variant)
        m = train(x, y, plover_config(variant), examples=ex, example_inputs=ex_in)
        m.meta.update({"trained_on": "PLOVER GSR dev part", "n": len(y),
                       "data_sha256": _sha(data.files),
                       "embeds": "predicate phrase" if variant == "strong" else "none"})
        m.save(plover_model_path(variant))
        print(f"{plover_model_path(variant).name}: {len(y)} records, "
              f"{plover_model_path(variant).stat().st_size / 1e6:.2f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--case2021", type=Path)
    ap.add_argument("--plover", type=Path)
    a = ap.parse_args()
    if a.case2021:
        train_case2021(a.case2021)
    if a.plover:
        train_plover(a.plover)


if __name__ == "__main__":
    main()
