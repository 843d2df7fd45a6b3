"""The trigger lexicon: the prefiltered scan finds exactly what the full alternation finds."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventscribe.resources.lexicon import iter_trigger_matches, trigger_prefixes, trigger_regex

pytestmark = pytest.mark.unit


_WORDS = [
    "attacked", "Attack", "killing", "bomb", "the", "car bomb", "roadside bomb", "protesters",
    "protested", "set fire to", "set", "fire", "rioters", "released", "freed", "ied", "IEDs",
    "clashed", "shot dead", "anti-attack", "counter-protest", "blew himself up", "took",
    "hostage", "raided", "x", "Mosul", "-", ",", "up", "arrested", "detained", "suicide bomber",
    "12", "7", "casualties", "heavy", "on", "hunger", "strike", "went", "on hunger strike",
]


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30))
def test_lexicon_prefiltered_scan_finds_the_same_matches_as_the_full_regex(words):
    text = " ".join(words)
    full = [(m.start(), m.end(), m.lastgroup) for m in trigger_regex().finditer(text)]
    fast = [(m.start(), m.end(), m.lastgroup) for m in iter_trigger_matches(text)]
    assert fast == full


def test_lexicon_prefixes_cover_every_rule():
    prefixes = trigger_prefixes()
    assert prefixes is not None and {"att", "kil", "pro", "bom"} <= prefixes
