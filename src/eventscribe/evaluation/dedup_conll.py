"""Mention-level cross-document event coreference on ECB+ gold action mentions (CoNLL F1).

Optional part of ``eventscribe eval dedup``: the gold action mentions of the sentences listed
in ``ECBplus_coreference_sentences.csv`` (when the file is found beside or above PATH) are
clustered by the *same-stem* rule inside each predicted document cluster: two mentions
corefer when their head words share a stem and their documents were clustered together. The
score is CoNLL F1, the mean of MUC, B-cubed and CEAF-e F1 (Pradhan et al. 2014), over the
gold mentions (so no mention detection is involved).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment  # type: ignore[import-untyped]

from eventscribe.evaluation.ecbplus_format import EcbMention, read_sentence_index

_AUX = frozenset("be is was were been being are am has have had do did does to the a an".split())
_SUFFIXES = ("ings", "ing", "ied", "ies", "ed", "es", "s")


def stem(word: str) -> str:
    """A crude inflection stem: lower case, common verb and plural endings removed."""
    w = word.lower()
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            base = w[: -len(suf)]
            if suf in ("ied", "ies"):
                base += "y"
            if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "aeiouls":
                base = base[:-1]  # "stopped" -> "stopp" -> "stop"
            return base
    return w


def head_stem(words: Sequence[str]) -> str:
    """The stem of the first word that is not an auxiliary or article (else the first)."""
    for w in words:
        if w.lower() not in _AUX:
            return stem(w)
    return stem(words[0]) if words else ""


def _clusters(labels: Mapping[str, str]) -> list[set[str]]:
    by: dict[str, set[str]] = {}
    for k, v in labels.items():
        by.setdefault(v, set()).add(k)
    return list(by.values())


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def muc(key: list[set[str]], response: list[set[str]]) -> tuple[float, float, float]:
    """MUC precision, recall, F1 (link-based)."""

    def score(a: list[set[str]], b: list[set[str]]) -> float:
        where = {m: i for i, c in enumerate(b) for m in c}
        num = den = 0
        for c in a:
            parts = {where.get(m, ("single", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num / den if den else 0.0

    r, p = score(key, response), score(response, key)
    return p, r, _f(p, r)


def b3(key: list[set[str]], response: list[set[str]]) -> tuple[float, float, float]:
    """Mention-level B-cubed precision, recall, F1."""
    kin = {m: c for c in key for m in c}
    rin = {m: c for c in response for m in c}
    ms = sorted(kin.keys() & rin.keys())
    if not ms:
        return 0.0, 0.0, 0.0
    p = sum(len(rin[m] & kin[m]) / len(rin[m]) for m in ms) / len(ms)
    r = sum(len(rin[m] & kin[m]) / len(kin[m]) for m in ms) / len(ms)
    return p, r, _f(p, r)


def ceaf_e(key: list[set[str]], response: list[set[str]]) -> tuple[float, float, float]:
    """Entity-based CEAF (phi4 similarity, optimal one-to-one alignment)."""
    if not key or not response:
        return 0.0, 0.0, 0.0
    rin = {m: j for j, c in enumerate(response) for m in c}
    sim = np.zeros((len(key), len(response)))
    for i, c in enumerate(key):
        counts: dict[int, int] = {}
        for m in c:
            if m in rin:
                counts[rin[m]] = counts.get(rin[m], 0) + 1
        for j, n in counts.items():
            sim[i, j] = 2 * n / (len(c) + len(response[j]))
    rows, cols = linear_sum_assignment(-sim)
    total = float(sim[rows, cols].sum())
    p, r = total / len(response), total / len(key)
    return p, r, _f(p, r)


def conll(gold: Mapping[str, str], pred: Mapping[str, str]) -> dict[str, float]:
    """MUC, B-cubed, CEAF-e F1 and their mean (CoNLL F1) over the mentions in ``gold``."""
    key, response = _clusters(gold), _clusters({m: pred[m] for m in gold if m in pred})
    out = {"muc_f1": muc(key, response)[2], "b3_f1": b3(key, response)[2],
           "ceafe_f1": ceaf_e(key, response)[2]}
    out["conll_f1"] = (out["muc_f1"] + out["b3_f1"] + out["ceafe_f1"]) / 3
    return out


def find_sentence_index(path: Path) -> Path | None:
    """``ECBplus_coreference_sentences.csv`` in PATH or one of its two parents, if any."""
    base = path if path.is_dir() else path.parent
    for folder in (base, base.parent, base.parent.parent):
        cand = folder / "ECBplus_coreference_sentences.csv"
        if cand.is_file():
            return cand
    return None


def mention_scores(mentions: Iterable[EcbMention], doc_clusters: Mapping[str, int],
                   index: set[tuple[str, int]]) -> dict[str, float]:
    """CoNLL scores of same-stem clustering inside the given document clusters."""
    sel = [m for m in mentions if (m.doc, m.sentence) in index and m.doc in doc_clusters]
    gold = {f"{m.doc}#{m.m_id}": m.cluster for m in sel}
    pred = {f"{m.doc}#{m.m_id}": f"{doc_clusters[m.doc]}|{head_stem(m.words)}" for m in sel}
    out = conll(gold, pred)
    out["n_mentions"] = float(len(sel))
    return out


def evaluate_mentions(path: Path, mentions: list[EcbMention],
                      systems: Mapping[str, Mapping[str, int]]) -> dict[str, float | None]:
    """Per system (prefix -> document clustering): CoNLL F1 and its parts, when the sentence
    index is found; empty otherwise."""
    csv = find_sentence_index(path)
    if csv is None:
        return {}
    index = read_sentence_index(csv)
    out: dict[str, float | None] = {}
    for prefix, clusters in systems.items():
        res = mention_scores(mentions, clusters, index)
        out[f"{prefix}mentions"] = res.pop("n_mentions")
        out.update({f"{prefix}mention_{k}": v for k, v in res.items()})
    return out
