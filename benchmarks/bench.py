"""``make bench``: spaCy NER-only vs the full eventscribe pipeline, in one run, as a ratio.

Prints articles/s and words/s for each, their ratio and the peak RSS; then cross-report dedup
on synthetic sets of 10k and 100k events (benchmarks/bench_dedup.py: seconds, their ratio,
peak RSS). The last line is one JSON object. Compare ratios, not absolute seconds: these
machines are noisy.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import make_corpus


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    from eventscribe.model import Doc, Source
    from eventscribe.pipeline import Pipeline
    from eventscribe.resources.nlp import NON_NER, load_nlp

    articles = make_corpus()
    texts = [a.text for a in articles]
    n_words = sum(len(t.split()) for t in texts)
    docs = [Doc.from_text(a.text, Source(title=a.title, outlet="bench",
                                         published_at=date.fromisoformat(a.published)))
            for a in articles]
    nlp = load_nlp()
    pipeline = Pipeline()
    pipeline.warm_up()
    # warm both paths on a few documents so that loading is not timed
    list(nlp.pipe(texts[:8], disable=list(NON_NER)))
    list(pipeline.process(docs[:8]))
    rss_before = peak_rss_mb()

    t0 = time.perf_counter()
    n_ents = sum(len(d.ents) for d in nlp.pipe(texts, disable=list(NON_NER), batch_size=32))
    ner_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    results = list(pipeline.process(docs))
    pipe_s = time.perf_counter() - t0
    n_events = sum(len(r.events) for r in results)
    n_errors = sum(1 for r in results if r.error)

    ner_wps = n_words / ner_s
    pipe_wps = n_words / pipe_s
    out = {
        "n_articles": len(texts),
        "n_words": n_words,
        "ner_entities": n_ents,
        "ner_s": round(ner_s, 2),
        "ner_words_per_s": round(ner_wps),
        "ner_articles_per_s": round(len(texts) / ner_s, 1),
        "pipeline_s": round(pipe_s, 2),
        "pipeline_words_per_s": round(pipe_wps),
        "pipeline_articles_per_s": round(len(texts) / pipe_s, 1),
        "pipeline_events": n_events,
        "pipeline_errors": n_errors,
        "ratio": round(pipe_wps / ner_wps, 3),
        "rss_after_load_mb": round(rss_before),
        "peak_rss_mb": round(peak_rss_mb()),
    }
    print(f"corpus: {len(texts)} articles, {n_words:,} words (generated, benchmarks/corpus.py)")
    print(f"spaCy NER-only : {out['ner_articles_per_s']:>7} articles/s {ner_wps:>9,.0f} words/s")
    print(f"full pipeline  : {out['pipeline_articles_per_s']:>7} articles/s {pipe_wps:>9,.0f} "
          f"words/s ({n_events} events, {n_errors} errors)")
    print(f"ratio pipeline/NER-only: {out['ratio']:.3f}   peak RSS: {out['peak_rss_mb']} MB")
    del results, docs
    from bench_dedup import main as bench_dedup

    out.update(bench_dedup())
    print(json.dumps(out))


if __name__ == "__main__":
    main()
