"""Document-level dedup: group reports of one real-world event (pure; NumPy/SciPy/scikit-learn).

Used by ``eventscribe eval dedup`` on ECB+ and usable on any batch of articles. Each document
is a TF-IDF vector (sublinear tf, English stop words, words and word pairs seen in at least
two documents) of its whole text, plus its lead (the first lines: headline, dateline, first
sentence) at half weight, plus *signals from the pipeline* at a lower weight: the GeoNames ids
of its resolved places, the days and months its dates resolve to, its publication date and
its events' types. Cosine similarity of the L2-normalised concatenation, then:

1. average-linkage agglomerative clustering, stopped at :data:`LINK_THRESHOLD` (conservative,
   so clusters are precise);
2. fragments of at most :data:`FRAGMENT_MAX` documents join the larger cluster they are most
   similar to on average, while that similarity is at least :data:`ATTACH_THRESHOLD` (best
   pair first), because a report that only shares the event's core gets split off in step 1.

Documents are put in a canonical order (by key) first, so the result does not depend on the
order they are given in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp  # type: ignore[import-untyped]
from numpy.typing import NDArray
from scipy.cluster.hierarchy import fcluster, linkage  # type: ignore[import-untyped]
from scipy.spatial.distance import squareform  # type: ignore[import-untyped]
from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]
from sklearn.preprocessing import normalize  # type: ignore[import-untyped]

LINK_THRESHOLD = 0.2
ATTACH_THRESHOLD = 0.08
FRAGMENT_MAX = 3
LEAD_WEIGHT = 0.5
SIGNAL_WEIGHT = 0.3
LEAD_LINES = 3


@dataclass(frozen=True, slots=True)
class DocFeatures:
    """What document clustering looks at: a key (for canonical order), text and signals."""

    key: str
    text: str
    signals: tuple[str, ...] = ()
    """Pipeline tokens: ``g<geonameid>``, ``d<yyyy-mm-dd>``, ``m<yyyy-mm>``, ``t_<type>``."""

    @property
    def lead(self) -> str:
        return "\n".join(self.text.split("\n")[:LEAD_LINES])


def similarity(docs: Sequence[DocFeatures], *, lead_weight: float = LEAD_WEIGHT,
               signal_weight: float = SIGNAL_WEIGHT) -> NDArray[np.float64]:
    """Cosine similarity matrix of the documents' combined vectors (in the given order)."""
    if not docs:
        return np.zeros((0, 0), dtype=np.float64)
    texts = [d.text for d in docs]
    min_df = 2 if len(docs) > 2 else 1
    words = TfidfVectorizer(sublinear_tf=True, stop_words="english", ngram_range=(1, 2),
                            min_df=min_df)
    try:
        x = words.fit_transform(texts)
        lead = normalize(words.transform([d.lead for d in docs]))
    except ValueError:  # no usable words at all
        x = lead = sp.csr_matrix((len(docs), 1))
    parts = [x, lead_weight * lead]
    signals = [" ".join(d.signals) for d in docs]
    if any(signals):
        sig = TfidfVectorizer(sublinear_tf=True, token_pattern=r"\S+", lowercase=False)
        parts.append(signal_weight * sig.fit_transform([s or "-" for s in signals]))
    z = normalize(sp.hstack(parts).tocsr())
    s = (z @ z.T).toarray()
    np.fill_diagonal(s, 1.0)
    return np.asarray(s, dtype=np.float64)


def average_linkage(sim: NDArray[np.float64], threshold: float) -> list[int]:
    """Cluster labels from average-linkage clustering stopped at ``threshold`` similarity."""
    n = sim.shape[0]
    if n == 0:
        return []
    if n == 1:
        return [0]
    dist = np.clip(1.0 - sim, 0.0, 2.0)
    dist = (dist + dist.T) / 2
    np.fill_diagonal(dist, 0.0)
    z = linkage(squareform(dist, checks=False), method="average")
    raw = fcluster(z, t=1.0 - threshold, criterion="distance")
    return _relabel([int(v) for v in raw])


def _relabel(labels: Sequence[int]) -> list[int]:
    """Labels renumbered by first appearance (0, 1, ...)."""
    seen: dict[int, int] = {}
    return [seen.setdefault(v, len(seen)) for v in labels]


def attach_fragments(sim: NDArray[np.float64], labels: Sequence[int], *,
                     max_size: int = FRAGMENT_MAX,
                     threshold: float = ATTACH_THRESHOLD) -> list[int]:
    """Join clusters of at most ``max_size`` documents to their most similar larger cluster."""
    lab = list(labels)
    while True:
        groups: dict[int, list[int]] = {}
        for i, g in enumerate(lab):
            groups.setdefault(g, []).append(i)
        small = [g for g in groups if len(groups[g]) <= max_size]
        large = [g for g in groups if len(groups[g]) > max_size]
        best: tuple[float, int, int] | None = None
        for g in small:
            for h in large:
                s = float(sim[np.ix_(groups[g], groups[h])].mean())
                if s >= threshold and (best is None or (s, -g, -h) > (best[0], -best[1],
                                                                      -best[2])):
                    best = (s, g, h)
        if best is None:
            return _relabel(lab)
        _, g, h = best
        for i in groups[g]:
            lab[i] = h


def cluster_documents(docs: Sequence[DocFeatures], *, threshold: float = LINK_THRESHOLD,
                      attach: bool = True) -> dict[str, int]:
    """Cluster documents into reports of one event; returns key -> cluster number.

    The documents are sorted by key first, so the result does not depend on their order.
    """
    ordered = sorted(docs, key=lambda d: d.key)
    sim = similarity(ordered)
    labels = average_linkage(sim, threshold)
    if attach:
        labels = attach_fragments(sim, labels)
    return {d.key: lab for d, lab in zip(ordered, labels, strict=True)}


def tfidf_baseline(docs: Sequence[DocFeatures], threshold: float = 0.15) -> dict[str, int]:
    """The reference: word TF-IDF cosine of the whole text, average linkage, no signals."""
    ordered = sorted(docs, key=lambda d: d.key)
    if not ordered:
        return {}
    try:
        x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(
            [d.text for d in ordered])
        sim = np.asarray((x @ x.T).toarray(), dtype=np.float64)
    except ValueError:
        sim = np.eye(len(ordered))
    labels = average_linkage(sim, threshold)
    return {d.key: lab for d, lab in zip(ordered, labels, strict=True)}
