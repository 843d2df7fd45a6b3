"""NER chunking: whole sentences, bounded size, and nameless sentences left out."""

from __future__ import annotations

from itertools import pairwise

import pytest

from eventscribe.model import AnnotatedDoc, Doc, Source
from eventscribe.stages.ner import chunk_bounds, may_hold_names
from eventscribe.stages.sentences import RuleSentencizer

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The region has seen repeated violence over the past decade.", False),
        ("It was not immediately possible to verify the figures.", False),
        ("The army said it had retaken Gao.", True),  # a capital after the first word
        ("Kabul was quiet on Sunday.", True),  # a capitalised first word that is not an opener
        ("Police arrested three men.", True),
        ("“the crowd dispersed,” she said.", False),
        ("", False),
    ],
)
def test_ner_may_hold_names(sentence, expected):
    assert may_hold_names(sentence) is expected


def _adoc(text):
    return RuleSentencizer()(AnnotatedDoc(Doc.from_text(text, Source())))


def test_ner_chunks_skip_nameless_sentences_and_never_span_them():
    text = ("Gunmen attacked Kaduna. The region has seen violence for years. "
            "Officials in Abuja said schools would close. They gave no date.")
    adoc = _adoc(text)
    full = chunk_bounds(adoc)
    assert full == [(0, len(text))]
    kept = chunk_bounds(adoc, skip_nameless=True)
    pieces = [text[s:e].strip() for s, e in kept]
    assert pieces == ["Gunmen attacked Kaduna.", "Officials in Abuja said schools would close."]


def test_ner_chunks_respect_the_size_bound():
    text = " ".join(f"Soldiers from Unit {i} patrolled Gao." for i in range(40))
    adoc = _adoc(text)
    bounds = chunk_bounds(adoc, size=200)
    assert len(bounds) > 1
    assert all(e - s <= 200 + 40 for s, e in bounds)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] <= b[0] for a, b in pairwise(bounds))
