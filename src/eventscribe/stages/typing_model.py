"""A learned event sub-type classifier (CASE 2021 / ACLED-style labels, or any label set):
a linear model over TF-IDF word and character n-grams, cue indicators, the pipeline's own
signals and, in the ``strong`` variant, an all-MiniLM-L6-v2 sentence embedding plus its
similarity to each label's written definition and examples.

Two variants share the code:
- ``fast``: no embedding; cheap enough for per-document use (a few hundred microseconds per text).
- ``strong``: adds the NumPy MiniLM encoder (about 15 ms per sentence on one CPU core).

Saved models hold no text: n-gram terms are stored as CRC32 keys, so a model trained on a
licence-restricted data set carries no copy of its sentences.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix, hstack, vstack  # type: ignore[import-untyped]

from eventscribe.errors import EventscribeError
from eventscribe.stages.typing_features import (
    Vocab,
    char_ngrams,
    cue_vector,
    signal_names,
    tfidf_rows,
    word_ngrams,
)

DATA = Path(__file__).resolve().parent.parent / "resources" / "data"
EXAMPLES = Path(__file__).resolve().parent.parent / "resources" / "typing_examples.tsv"
VARIANTS = ("fast", "strong")


@dataclass(frozen=True)
class TrainConfig:
    """Hyper-parameters (chosen by 5-fold cross-validation on the CASE 2021 dev part)."""

    variant: str = "strong"
    cue_set: str = "acled"
    signal_set: str = "pipeline"
    word_min_df: int = 2
    char_min_df: int = 3
    max_word_features: int = 20_000
    max_char_features: int = 30_000
    w_embed: float = 2.0
    w_cue: float = 1.0
    w_signal: float = 0.3
    w_defsim: float = 3.0
    example_weight: float = 0.5
    c: float = 10.0
    tol: float = 1e-4

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Example:
    """A written training sentence or label definition (typing_examples.tsv)."""

    label: str
    kind: str
    text: str


@lru_cache(maxsize=1)
def load_examples(path: Path = EXAMPLES) -> tuple[Example, ...]:
    """Label definitions and invented examples written for eventscribe."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    out = []
    for ln in lines[1:]:
        label, kind, text = ln.split("\t")
        if kind not in ("definition", "example"):
            raise ValueError(f"{path.name}: kind must be definition or example, not {kind!r}")
        out.append(Example(label, kind, text))
    return tuple(out)


_KEYS: dict[str, int] = {}


def _key(term: str) -> int:
    k = _KEYS.get(term)
    if k is None:
        k = zlib.crc32(term.encode("utf-8"))
        if len(_KEYS) < 500_000:  # a bounded memo: n-grams repeat across texts
            _KEYS[term] = k
    return k


@dataclass
class _HashedVocab:
    """A Vocab whose terms are kept only as CRC32 keys."""

    keys: NDArray[np.uint32]
    idf: NDArray[np.float32]
    _index: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._index = {int(k): i for i, k in enumerate(self.keys)}

    @classmethod
    def from_vocab(cls, v: Vocab) -> _HashedVocab:
        keys = np.zeros(len(v.index), dtype=np.uint32)
        for term, i in v.index.items():
            keys[i] = _key(term)
        return cls(keys, v.idf.astype(np.float32))

    def transform(self, docs: Sequence[list[str]]) -> csr_matrix:
        """Same as ``Vocab.transform`` but looking terms up by key."""
        idx = self._index
        return tfidf_rows(docs, lambda t: idx.get(_key(t)), self.idf)


@dataclass
class Inputs:
    """What the classifier reads for each text: the text, pipeline signals and an embedding."""

    texts: list[str]
    signals: NDArray[np.float32]
    embeddings: NDArray[np.float32] | None = None

    def subset(self, idx: Sequence[int] | NDArray[np.int64]) -> Inputs:
        """Rows ``idx`` only."""
        ix = np.asarray(idx, dtype=np.int64)
        emb = None if self.embeddings is None else self.embeddings[ix]
        return Inputs([self.texts[i] for i in ix], self.signals[ix], emb)


def embed_texts(texts: Sequence[str]) -> NDArray[np.float32]:
    """MiniLM embeddings of texts (loads the encoder once per process)."""
    from eventscribe.resources.embed import load_encoder

    return load_encoder().encode(list(texts))


@dataclass
class TypeModel:
    """A trained linear classifier and everything needed to featurise new texts."""

    labels: tuple[str, ...]
    config: TrainConfig
    words: _HashedVocab
    chars: _HashedVocab
    coef: NDArray[np.float32]
    intercept: NDArray[np.float32]
    centroids: NDArray[np.float32] | None = None
    meta: dict[str, object] = field(default_factory=dict)

    @property
    def uses_embeddings(self) -> bool:
        return self.config.variant == "strong"

    def features(self, x: Inputs) -> csr_matrix:
        """The feature matrix of ``x`` (embeddings computed here if needed and missing)."""
        return _features(self.config, self.words, self.chars, self.centroids, x)

    def decision(self, x: Inputs) -> NDArray[np.float32]:
        """Linear scores, one column per label."""
        return np.asarray(self.features(x) @ self.coef.T + self.intercept, dtype=np.float32)

    def predict_proba(self, x: Inputs) -> NDArray[np.float32]:
        """Softmax probabilities, one column per label."""
        z = self.decision(x)
        z -= z.max(1, keepdims=True)
        p: NDArray[np.float32] = np.exp(z)
        out: NDArray[np.float32] = p / p.sum(1, keepdims=True)
        return out

    def predict(self, x: Inputs) -> list[tuple[str, float]]:
        """(label, probability) per text."""
        p = self.predict_proba(x)
        best = p.argmax(1)
        return [(self.labels[int(j)], float(p[i, j])) for i, j in enumerate(best)]

    def save(self, path: Path) -> None:
        """Write the model as a compressed .npz (float16 weights, no text)."""
        meta = {"labels": list(self.labels), "config": self.config.to_dict(),
                "signals": list(signal_columns(self.config.signal_set)), **self.meta}
        arrays: dict[str, NDArray[np.generic]] = {
            "word_keys": self.words.keys, "word_idf": self.words.idf.astype(np.float16),
            "char_keys": self.chars.keys, "char_idf": self.chars.idf.astype(np.float16),
            "coef": self.coef.astype(np.float16), "intercept": self.intercept.astype(np.float32),
            "meta": np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
        }
        if self.centroids is not None:
            arrays["centroids"] = self.centroids.astype(np.float16)
        with path.open("wb") as fh:
            np.savez_compressed(fh, **arrays)

    @classmethod
    def load(cls, path: Path) -> TypeModel:
        """Read a model written by ``save`` (E051 if missing or unreadable)."""
        try:
            z = np.load(path, allow_pickle=False)
            meta = json.loads(bytes(z["meta"]).decode("utf-8"))
        except (OSError, ValueError, KeyError) as e:
            raise EventscribeError("E051", f"type model {path}: {e}") from e
        cfg = TrainConfig(**meta["config"])
        if list(meta.get("signals", [])) != list(signal_columns(cfg.signal_set)):
            raise EventscribeError("E052", f"type model {path} was trained with other signals; "
                                   "retrain it with scripts/train_types.py")
        extra = {k: v for k, v in meta.items() if k not in ("labels", "config", "signals")}
        return cls(
            tuple(meta["labels"]), cfg,
            _HashedVocab(z["word_keys"], z["word_idf"].astype(np.float32)),
            _HashedVocab(z["char_keys"], z["char_idf"].astype(np.float32)),
            z["coef"].astype(np.float32), z["intercept"].astype(np.float32),
            z["centroids"].astype(np.float32) if "centroids" in z else None, extra,
        )


def _features(cfg: TrainConfig, words: _HashedVocab | Vocab, chars: _HashedVocab | Vocab,
              centroids: NDArray[np.float32] | None, x: Inputs) -> csr_matrix:
    parts = [words.transform([word_ngrams(t) for t in x.texts]),
             chars.transform([char_ngrams(t) for t in x.texts]),
             csr_matrix(np.stack([cue_vector(t, cfg.cue_set) for t in x.texts]) * cfg.w_cue
                        if x.texts else np.zeros((0, len(cue_vector("", cfg.cue_set))))),
             csr_matrix(x.signals * cfg.w_signal)]
    if cfg.variant == "strong":
        emb = x.embeddings if x.embeddings is not None else embed_texts(x.texts)
        parts.append(csr_matrix(emb * cfg.w_embed))
        if centroids is not None:
            parts.append(csr_matrix((emb @ centroids.T) * cfg.w_defsim))
    return hstack(parts).tocsr()


def _centroids(labels: Sequence[str], ex_labels: Sequence[str],
               ex_emb: NDArray[np.float32]) -> NDArray[np.float32]:
    out = np.zeros((len(labels), ex_emb.shape[1]), dtype=np.float32)
    arr = np.asarray(ex_labels)
    for i, lab in enumerate(labels):
        rows = ex_emb[arr == lab]
        if len(rows):
            v = rows.mean(0)
            out[i] = v / max(float(np.linalg.norm(v)), 1e-12)
    return out


def train(x: Inputs, y: Sequence[str], cfg: TrainConfig | None = None,
          examples: Sequence[Example] | None = None,
          example_embeddings: NDArray[np.float32] | None = None,
          example_inputs: Inputs | None = None) -> TypeModel:
    """Fit a model on ``x``/``y`` plus the written examples (weighted ``cfg.example_weight``).
    ``example_inputs`` (same rows as ``examples``) gives the examples' model texts and signals
    when they were featurised like ``x`` (default: the raw text with zero signals)."""
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    cfg = cfg or TrainConfig()
    if cfg.variant not in VARIANTS:
        raise ValueError(f"variant must be one of {VARIANTS}")
    ex = list(load_examples() if examples is None else examples)
    if example_inputs is not None:
        ex_in = Inputs(list(example_inputs.texts), example_inputs.signals,
                       example_inputs.embeddings)
    else:
        ex_in = Inputs([e.text for e in ex], np.zeros((len(ex), x.signals.shape[1]), np.float32))
    if cfg.variant == "strong" and ex_in.embeddings is None:
        if x.embeddings is None:
            x = Inputs(x.texts, x.signals, embed_texts(x.texts))
        ex_in.embeddings = (example_embeddings if example_embeddings is not None
                            else embed_texts([e.text for e in ex]))
    all_texts = x.texts + ex_in.texts
    words = Vocab.fit([word_ngrams(t) for t in all_texts], cfg.word_min_df, cfg.max_word_features)
    chars = Vocab.fit([char_ngrams(t) for t in all_texts], cfg.char_min_df, cfg.max_char_features)
    labels = tuple(sorted(set(y) | {e.label for e in ex}))
    cents = None
    if cfg.variant == "strong" and ex_in.embeddings is not None:
        cents = _centroids(labels, [e.label for e in ex], ex_in.embeddings)
    a = vstack([_features(cfg, words, chars, cents, x),
                _features(cfg, words, chars, cents, ex_in)]).tocsr()
    ya = list(y) + [e.label for e in ex]
    sw = np.concatenate([np.ones(len(y)), np.full(len(ex), cfg.example_weight)])
    clf = LogisticRegression(C=cfg.c, tol=cfg.tol, max_iter=5000)
    clf.fit(a, ya, sample_weight=sw)
    order = [list(clf.classes_).index(lab) for lab in labels]
    coef, icpt = clf.coef_, clf.intercept_
    if coef.shape[0] == 1:  # two labels: sigmoid(w.x + b) is a softmax over scores (0, w.x + b)
        coef = np.vstack([np.zeros_like(coef), coef])
        icpt = np.concatenate([np.zeros_like(icpt), icpt])
    return TypeModel(labels, cfg, _HashedVocab.from_vocab(words), _HashedVocab.from_vocab(chars),
                     coef[order].astype(np.float32), icpt[order].astype(np.float32), cents)


def fold_indices(y: Sequence[str], folds: int, seed: int = 0) -> list[NDArray[np.int64]]:
    """Deterministic stratified folds: held-out indices of each fold."""
    from sklearn.model_selection import StratifiedKFold  # type: ignore[import-untyped]

    yy = np.asarray(y)
    counts = {lab: int((yy == lab).sum()) for lab in set(y)}
    k = max(2, min(folds, max(counts.values())))
    skf = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # labels rarer than k folds are spread as they come
        return [te for _, te in skf.split(np.zeros(len(yy)), yy)]


def cross_validate(x: Inputs, y: Sequence[str], folds: int = 5, seed: int = 0,
                   cfg: TrainConfig | None = None,
                   examples: Sequence[Example] | None = None,
                   example_inputs: Inputs | None = None) -> list[tuple[str, float]]:
    """Predictions for every row from a model trained on the other folds (never on the row)
    plus ``examples`` (default: typing_examples.tsv), which are in every training fold
    (featurised as ``example_inputs`` when given, see ``train``)."""
    cfg = cfg or TrainConfig()
    if len(y) < 2 * folds or len(set(y)) < 2:
        raise EventscribeError("E053", f"{len(y)} records with {len(set(y))} labels are too few "
                               f"for {folds}-fold cross-validation (need >= {2 * folds}, 2 labels)")
    if cfg.variant == "strong" and x.embeddings is None:
        x = Inputs(x.texts, x.signals, embed_texts(x.texts))
    ex = list(load_examples() if examples is None else examples)
    ex_emb = None
    if cfg.variant == "strong":
        ex_emb = (example_inputs.embeddings if example_inputs is not None
                  and example_inputs.embeddings is not None
                  else embed_texts([e.text for e in ex]))
    out: list[tuple[str, float]] = [("", 0.0)] * len(y)
    all_idx = np.arange(len(y))
    for te in fold_indices(y, folds, seed):
        tr = np.setdiff1d(all_idx, te)
        extra = {} if example_inputs is None else {"example_inputs": example_inputs}
        m = train(x.subset(tr), [y[i] for i in tr], cfg, ex, ex_emb, **extra)
        for i, p in zip(te, m.predict(x.subset(te)), strict=True):
            out[int(i)] = p
    return out


def signal_columns(signal_set: str) -> tuple[str, ...]:
    """Names of the signal columns a model of ``signal_set`` reads."""
    from eventscribe.stages.typing_features import PLOVER_CUES

    if signal_set == "pipeline+predicate":
        names = tuple(n for n, _ in PLOVER_CUES)
        blocks = tuple(f"pred:{n}" for n in names) + tuple(
            f"pred_{m}:{n}" for m in ("will", "must", "neg") for n in names)
        return signal_names() + blocks + ("mod:will", "mod:must", "mod:neg")
    return signal_names()


def plover_config(variant: str = "fast") -> TrainConfig:
    """Hyper-parameters of the PLOVER category model (chosen by cross-validation on its dev).
    ``strong`` adds the MiniLM embedding of the sentence's predicate phrase (see
    ``evaluation.plover_eval.predicate_phrase``) and its cosine to each category's centroid of
    written definitions and examples."""
    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {VARIANTS}")
    return TrainConfig(variant=variant, cue_set="acled+plover", signal_set="pipeline+predicate",
                       example_weight=2.0, w_signal=0.5)


def plover_model_path(variant: str = "fast") -> Path:
    """Where the shipped PLOVER category model of a variant lives."""
    return DATA / f"types_plover_{variant}.npz"


@lru_cache(maxsize=2)
def shipped_plover_model(variant: str = "fast") -> TypeModel:
    """The PLOVER category model trained on the PLOVER GSR dev part (scripts/train_types.py)."""
    return TypeModel.load(plover_model_path(variant))


def model_path(variant: str) -> Path:
    """Where the shipped model of a variant lives."""
    return DATA / f"types_case2021_{variant}.npz"


@lru_cache(maxsize=2)
def shipped_model(variant: str = "fast") -> TypeModel:
    """The model trained on all of the CASE 2021 dev part (scripts/train_types.py)."""
    return TypeModel.load(model_path(variant))
