"""``eventscribe eval dedup PATH --format ecbplus``: cross-document clustering on ECB+.

All documents under PATH are pooled (no topic oracle). Each runs through the pipeline; the
documents are clustered by :func:`eventscribe.dedup_docs.cluster_documents` (text TF-IDF plus
the pipeline's places, dates and event types); gold clusters are (topic, ecb | ecbplus). The
same run scores a word TF-IDF baseline (:func:`eventscribe.dedup_docs.tfidf_baseline`).

Metrics: B-cubed precision/recall/F1 (per document: the share of its predicted cluster that is
in its gold cluster, and the converse), pairwise precision/recall/F1 over same-cluster
document pairs, and the number of clusters against the gold number. ``topic_b3_f1`` scores
the same clustering against topics alone, for reference. ``event_merge_pair_precision`` checks
event-level dedup (:mod:`eventscribe.dedup`) on the pipeline's events of all documents: the
share of document pairs joined by a merged event that are in one gold cluster.

When ``ECBplus_coreference_sentences.csv`` is found in PATH or its two parent folders, the
gold action mentions of those sentences are also clustered (same head stem inside a document
cluster) and scored with CoNLL F1 (:mod:`eventscribe.evaluation.dedup_conll`), for the
predicted document clusters, the baseline's and the gold ones (``gold_docs_``, an upper
reference for the same-stem rule).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click

from eventscribe.evaluation.common import emit_json, prf, rounded
from eventscribe.evaluation.dedup_conll import evaluate_mentions
from eventscribe.evaluation.ecbplus_format import EcbDocument, read_corpus


def b_cubed(pred: Mapping[str, int], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (keys present in both)."""
    keys = sorted(pred.keys() & gold.keys())
    if not keys:
        return 0.0, 0.0, 0.0
    by_pred: dict[int, set[str]] = {}
    by_gold: dict[str, set[str]] = {}
    for k in keys:
        by_pred.setdefault(pred[k], set()).add(k)
        by_gold.setdefault(gold[k], set()).add(k)
    p = r = 0.0
    for k in keys:
        a, b = by_pred[pred[k]], by_gold[gold[k]]
        inter = len(a & b)
        p += inter / len(a)
        r += inter / len(b)
    p, r = p / len(keys), r / len(keys)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise(pred: Mapping[str, int], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over document pairs put in one cluster."""
    keys = sorted(pred.keys() & gold.keys())
    tp = n_pred = n_gold = 0
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            same_p, same_g = pred[a] == pred[b], gold[a] == gold[b]
            n_pred += same_p
            n_gold += same_g
            tp += same_p and same_g
    return prf(tp, n_pred, n_gold)


def document_features(
    docs: list[EcbDocument],
) -> tuple[list[Any], int, dict[str, list[dict[str, Any]]]]:
    """Run the pipeline on each document.

    Returns:
        The DocFeatures, the number of pipeline errors and each document's event dicts.
    """
    from eventscribe.dedup_docs import DocFeatures
    from eventscribe.model import Doc, Source
    from eventscribe.pipeline import Pipeline

    pipeline = Pipeline()
    pdocs = [Doc.from_text(d.text, Source(url=d.url or None, published_at=d.published))
             for d in docs]
    feats: list[DocFeatures] = []
    events: dict[str, list[dict[str, Any]]] = {}
    errors = 0
    for d, res in zip(docs, pipeline.process(pdocs), strict=True):
        signals: list[str] = []
        if d.published:
            signals += [f"d{d.published.isoformat()}", f"m{d.published.isoformat()[:7]}"]
        if res.error is not None or res.adoc is None:
            errors += 1
        else:
            a = res.adoc
            signals += [f"g{m.place.geonameid}" for m in a.places
                        if m.place is not None and m.place.geonameid is not None]
            for t in a.times:
                if t.value is None:
                    continue
                if t.value.precision == "day":
                    signals.append(f"d{t.value.start.isoformat()}")
                if t.value.precision in ("day", "month"):
                    signals.append(f"m{t.value.start.isoformat()[:7]}")
            signals += ["t_" + e.type.acled_sub_event_type.replace(" ", "_")
                        for e in res.events]
            events[d.name] = [e.to_dict() for e in res.events]
        feats.append(DocFeatures(key=d.name, text=d.text, signals=tuple(signals)))
    return feats, errors, events


def event_merge_precision(events: Mapping[str, list[dict[str, Any]]],
                          gold: Mapping[str, str]) -> dict[str, Any]:
    """Event-level dedup (:func:`eventscribe.dedup.dedup`) over all documents' events: how many
    merges across documents, and the share of merged document pairs in one gold cluster."""
    from eventscribe.dedup import dedup

    flat = [e for evs in events.values() for e in evs]
    doc_of = {str(e["id"]): name for name, evs in events.items() for e in evs}
    result = dedup(flat)
    pairs = good = multi = 0
    for members in result.clusters:
        names = sorted({doc_of[m] for m in members})
        if len(names) < 2:
            continue
        multi += 1
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                pairs += 1
                good += gold.get(a) == gold.get(b)
    return {"events": len(flat), "event_clusters_multi_doc": multi,
            "event_merge_doc_pairs": pairs,
            "event_merge_pair_precision": good / pairs if pairs else None}


def evaluate(path: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Score document clustering and the TF-IDF baseline on the ECB+ files under ``path``."""
    from eventscribe.dedup_docs import cluster_documents, tfidf_baseline

    t0 = time.perf_counter()
    corpus = read_corpus(path)
    docs = corpus.documents[:limit] if limit else corpus.documents
    gold = {d.name: d.gold_cluster for d in docs}
    topics = {d.name: d.topic for d in docs}
    feats, errors, events = document_features(docs)
    pipe_s = time.perf_counter() - t0
    pred = cluster_documents(feats)
    base = tfidf_baseline(feats)
    out: dict[str, Any] = {
        "n_docs": len(docs),
        "n_files_skipped": sum(corpus.skipped.values()),
        "skipped": dict(corpus.skipped),
        "pipeline_errors": errors,
        "n_clusters": len(set(pred.values())),
        "n_gold_clusters": len(set(gold.values())),
    }
    for name, labels in (("", pred), ("baseline_", base)):
        p, r, f = b_cubed(labels, gold)
        pp, pr, pf = pairwise(labels, gold)
        out.update({f"{name}b3_p": p, f"{name}b3_r": r, f"{name}b3_f1": f,
                    f"{name}pairwise_p": pp, f"{name}pairwise_r": pr, f"{name}pairwise_f1": pf})
    out["baseline_n_clusters"] = len(set(base.values()))
    out["topic_b3_f1"] = b_cubed(pred, topics)[2]
    out.update(event_merge_precision(events, gold))
    gold_ids = {g: i for i, g in enumerate(sorted(set(gold.values())))}
    out.update(evaluate_mentions(
        path, [m for d in docs for m in d.mentions],
        {"": pred, "baseline_": base, "gold_docs_": {k: gold_ids[g] for k, g in gold.items()}}))
    out["baseline"] = "word TF-IDF cosine, average linkage at 0.15, no pipeline signals"
    out["seconds"] = round(time.perf_counter() - t0, 1)
    out["pipeline_seconds"] = round(pipe_s, 1)
    return rounded(out)


@click.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["ecbplus"]), default="ecbplus",
              show_default=True, help="Gold format of PATH.")
@click.option("--limit", type=int, default=None, help="Only the first N documents (sorted).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def command(path: Path, fmt: str, limit: int | None, as_json: bool) -> None:
    """Cluster the reports under PATH by the real-world event they report; score vs gold."""
    res = evaluate(path, limit=limit)
    if as_json:
        emit_json(res)
        return
    rows = [("", "eventscribe"), ("baseline_", "TF-IDF baseline")]
    click.echo(f"{res['n_docs']} documents, {res['n_gold_clusters']} gold clusters "
               f"({res['n_files_skipped']} files skipped, {res['pipeline_errors']} pipeline "
               f"errors), {res['seconds']} s")
    click.echo(f"{'system':<18}{'b3_p':>8}{'b3_r':>8}{'b3_f1':>8}{'pair_p':>8}{'pair_r':>8}"
               f"{'pair_f1':>8}{'clusters':>10}")
    for prefix, label in rows:
        n = res["n_clusters"] if not prefix else res["baseline_n_clusters"]
        click.echo(f"{label:<18}{res[prefix + 'b3_p']:>8.4f}{res[prefix + 'b3_r']:>8.4f}"
                   f"{res[prefix + 'b3_f1']:>8.4f}{res[prefix + 'pairwise_p']:>8.4f}"
                   f"{res[prefix + 'pairwise_r']:>8.4f}{res[prefix + 'pairwise_f1']:>8.4f}"
                   f"{n:>10}")
    click.echo(f"topic-level b3_f1: {res['topic_b3_f1']:.4f}")
    if "mention_conll_f1" in res:
        click.echo(f"mentions ({res['mentions']:.0f}, same-stem inside document clusters) "
                   f"CoNLL F1: eventscribe {res['mention_conll_f1']:.4f}, baseline "
                   f"{res['baseline_mention_conll_f1']:.4f}, gold document clusters "
                   f"{res['gold_docs_mention_conll_f1']:.4f}")
