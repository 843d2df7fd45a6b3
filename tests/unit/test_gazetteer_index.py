"""The sorted name index: lookups by bisection over key<TAB>value lines."""

from __future__ import annotations

import pytest

from eventscribe.resources.gazetteer import Gazetteer, SortedIndex

pytestmark = pytest.mark.unit


def test_gazetteer_index_lookup_exact_keys_only() -> None:
    idx = SortedIndex(["#header\tx=1", "ab\t1", "abc\t2,3a", "b\t4", ""])
    assert len(idx) == 3
    assert idx.get("ab") == "1" and idx.get("abc") == "2,3a" and idx.get("b") == "4"
    assert idx.get("a") is None and idx.get("abcd") is None and idx.get("") is None
    assert "abc" in idx and "zz" not in idx
    assert idx.get("ab") == "1"  # served again (from the cache)
    assert idx.is_sorted()
    assert not SortedIndex(["#h", "b\t1", "a\t2"]).is_sorted()


def test_gazetteer_index_packaged_files_are_sorted() -> None:
    gaz = Gazetteer.load()
    assert gaz._names.is_sorted()
    assert gaz._translit_index().is_sorted()
    assert gaz.has_key("tehran") and not gaz.has_key("tehra")
