"""`eventscribe eval types PATH --format case2021|plover-gsr`: event typing against gold.

case2021: every snippet goes through the pipeline; the ``rules`` typer maps the first event's type
to the 30-label set with resources/case2021_labels.tsv (no event -> the cue detectors, else an
honest NO_EVENT that counts as wrong); the ``fast`` and ``strong`` learned typers read the snippet
and the pipeline's signals. ``--cv K`` trains on K-1 folds (plus the written examples) and predicts
the held fold, so the dev score is honest; without it the shipped model (trained on all of the dev
part) is used, which is only meaningful on other data (the held-out part).

plover-gsr: see evaluation/plover_eval.py.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
import numpy as np

from eventscribe.evaluation.case2021_format import read_case2021
from eventscribe.evaluation.common import emit_json, prf, rounded

TYPERS = ("rules", "fast", "strong")


def run_pipeline(texts: Sequence[str]) -> list[tuple[Any, tuple[Any, ...]]]:
    """(annotated doc or None, events) for each text, through the default pipeline."""
    from eventscribe.io.normalise import normalise_text
    from eventscribe.model import Doc, Source
    from eventscribe.pipeline import default_pipeline

    docs = [Doc.from_text(normalise_text(t), Source()) for t in texts]
    out: list[tuple[Any, tuple[Any, ...]]] = []
    for r in default_pipeline().process(docs):
        out.append((r.adoc, tuple(r.events)) if r.ok else (None, ()))
    return out


def label_scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    """weighted/macro F1 (over the gold labels), accuracy and a per-label table."""
    labels = sorted(set(gold))
    per: dict[str, dict[str, float]] = {}
    wsum = 0.0
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        n_pred = sum(1 for p in pred if p == lab)
        n_gold = sum(1 for g in gold if g == lab)
        p, r, f = prf(tp, n_pred, n_gold)
        per[lab] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                    "support": n_gold}
        wsum += f * n_gold
    n = len(gold)
    acc = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / n if n else 0.0
    return {
        "weighted_f1": wsum / n if n else 0.0,
        "macro_f1": float(np.mean([v["f1"] for v in per.values()])) if per else 0.0,
        "accuracy": acc,
        "n": n,
        "per_label": per,
    }


def subset_indices(ids: Sequence[str], every: int) -> list[int]:
    """A deterministic subset: rows whose sha256(id) falls in 1/``every`` of the hash space."""
    if every <= 1:
        return list(range(len(ids)))
    return [i for i, s in enumerate(ids)
            if int(hashlib.sha256(s.encode("utf-8")).hexdigest()[:8], 16) % every == 0]


def evaluate_case2021(path: str | Path, typer: str = "strong", cv: int = 0, seed: int = 0,
                      every: int = 1) -> dict[str, Any]:
    """Scores of one typer on a CASE 2021 file or folder (see the module docstring)."""
    from eventscribe.stages.typing_features import signal_vector
    from eventscribe.stages.typing_rules import NO_EVENT, rules_case2021_label

    t0 = time.perf_counter()
    data = read_case2021(path)
    snips = [s for s in data.snippets if s.label]
    keep = subset_indices([s.id for s in snips], every)
    snips = [snips[i] for i in keep]
    texts = [s.text for s in snips]
    gold = [s.label or "" for s in snips]
    piped = run_pipeline(texts)
    rules_pred = [rules_case2021_label(t, [e.type for e in ev])[0]
                  for t, (_, ev) in zip(texts, piped, strict=True)]
    no_event = sum(1 for _, ev in piped if not ev)
    rules = label_scores(gold, rules_pred)
    out: dict[str, Any] = {"format": "case2021", "typer": typer, "n": len(snips),
                           "skipped": dict(data.skipped), "pipeline_no_event": no_event,
                           "rules_no_event": sum(1 for p in rules_pred if p == NO_EVENT)}
    if typer == "rules":
        pred = rules_pred
        out["mode"] = "pipeline event types mapped with resources/case2021_labels.tsv"
    else:
        from eventscribe.stages.typing_model import (
            Inputs,
            TrainConfig,
            cross_validate,
            model_path,
            shipped_model,
        )

        x = Inputs(texts, np.stack([signal_vector(a, ev) for a, ev in piped]))
        if cv and cv > 1:
            preds = cross_validate(x, gold, folds=cv, seed=seed, cfg=TrainConfig(variant=typer))
            out["mode"] = (f"{cv}-fold stratified cross-validation (seed {seed}): trained on the "
                           f"other folds plus the written examples, predicted on the held fold")
        else:
            preds = shipped_model(typer).predict(x)
            out["mode"] = (f"shipped model {model_path(typer).name} "
                           "(trained on the CASE 2021 dev part)")
        pred = [p for p, _ in preds]
    scores = label_scores(gold, pred)
    per = scores.pop("per_label")
    out.update(scores)
    out["rules"] = {k: v for k, v in rules.items() if k != "per_label"}
    out["confusions"] = [
        {"gold": g, "pred": p, "count": c}
        for (g, p), c in Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
        .most_common(10)
    ]
    out["per_label"] = per
    out["seconds"] = round(time.perf_counter() - t0, 1)
    return out


def _print_case(res: dict[str, Any]) -> None:
    head = rounded({k: res[k] for k in ("weighted_f1", "macro_f1", "accuracy", "n")})
    click.echo(f"case2021 typer={res['typer']}  ({res['mode']})")
    click.echo("  " + "  ".join(f"{k}={v}" for k, v in head.items()))
    r = rounded(res["rules"])
    click.echo(f"  rules baseline: weighted_f1={r['weighted_f1']} macro_f1={r['macro_f1']} "
               f"accuracy={r['accuracy']}  no_event={res['rules_no_event']}")
    click.echo(f"  {'label':32} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}")
    for lab, v in res["per_label"].items():
        click.echo(f"  {lab:32} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} "
                   f"{v['support']:4d}")
    if res["skipped"]:
        click.echo(f"  skipped rows: {res['skipped']}")


@click.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["case2021", "plover-gsr"]), required=True,
              help="Gold format of PATH.")
@click.option("--typer", type=click.Choice(TYPERS), default=None,
              help="case2021: rules (pipeline types), fast or strong learned model "
                   "[default: strong]. plover-gsr: rules, fast or strong (predicate-phrase "
                   "embedding) [default: fast].")
@click.option("--cv", type=int, default=0, show_default=True,
              help="K-fold cross-validation on PATH itself (train on K-1 folds, predict the held "
                   "one); 0 uses the shipped model.")
@click.option("--seed", type=int, default=0, show_default=True, help="Fold shuffling seed.")
@click.option("--every", type=int, default=1, show_default=True,
              help="Score a deterministic 1/N subset (by hash of the record id).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def command(path: Path, fmt: str, typer: str | None, cv: int, seed: int, every: int,
            as_json: bool) -> None:
    """Event typing scores of PATH (CASE 2021 TSV or PLOVER GSR JSON, file or folder)."""
    from eventscribe.errors import EventscribeError

    try:
        _run(path, fmt, typer, cv, seed, every, as_json)
    except EventscribeError as e:
        raise click.ClickException(str(e)) from e


def _run(path: Path, fmt: str, typer: str | None, cv: int, seed: int, every: int,
         as_json: bool) -> None:
    if fmt == "case2021":
        res = evaluate_case2021(path, typer or "strong", cv, seed, every)
        if as_json:
            emit_json(rounded(res))
        else:
            _print_case(res)
        return
    from eventscribe.evaluation.plover_eval import evaluate_plover, print_plover

    res = evaluate_plover(path, typer or "fast", cv, seed, every)
    if as_json:
        emit_json(rounded(res))
    else:
        print_plover(res)
