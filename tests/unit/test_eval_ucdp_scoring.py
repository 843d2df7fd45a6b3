"""UCDP scoring helpers: GED's country convention for the Palestinian territories."""

from __future__ import annotations

import pytest

from eventscribe.evaluation.ucdp import same_country

pytestmark = pytest.mark.unit


def test_eval_ucdp_scoring_same_country() -> None:
    assert same_country("SY", "SY")
    assert same_country("PS", "IL")  # GED codes Gaza and the West Bank under Israel
    assert same_country("IL", "IL")
    assert not same_country("IL", "PS")
    assert not same_country("TR", "SY")
