"""Headline places through the pipeline: the demonym fallback passes over the attacker's side,
short demonyms, NORP-tagged and cut-short place names. Hand-written headlines."""

from __future__ import annotations

from datetime import date

import pytest

from eventscribe.model import Doc, Event, Source
from eventscribe.pipeline import Pipeline

pytestmark = pytest.mark.integration


def _first(text: str) -> Event:
    (res,) = Pipeline().process([Doc.from_text(text, Source(published_at=date(2021, 3, 4),
                                                           outlet="x"))])
    assert res.events, text
    return res.events[0]


def test_ucdp_headline_places_demonym_of_the_attacker_is_passed_over() -> None:
    ev = _first("Two Pakistani villagers killed by Indian shelling")
    assert ev.place is not None and ev.place.place.country_code == "PK"
    assert "attacker" in ev.place.provenance.reason


def test_ucdp_headline_places_single_demonym_is_kept() -> None:
    ev = _first("Turkish soldiers killed in clashes")
    assert ev.place is not None and ev.place.place.country_code == "TR"


@pytest.mark.parametrize("headline,cc", [
    ("15 militants killed in Pak airstrikes", "PK"),
    ("Dozens killed in DR Congo's east", "CD"),
    ("Burkina Faso: three dead in an attack on a convoy", "BF"),
])
def test_ucdp_headline_places_country(headline: str, cc: str) -> None:
    ev = _first(headline)
    assert ev.place is not None and ev.place.place.country_code == cc


def test_ucdp_headline_places_demonym_with_a_compass_word_is_a_region() -> None:
    ev = _first("Ten militants killed in clashes in Afghan north")
    assert ev.place is not None and ev.place.place.feature_code == "RGN"
    assert ev.place.place.country_code == "AF" and "north part" in ev.place.provenance.reason


def test_ucdp_headline_places_country_tie_broken_by_demonym() -> None:
    ev = _first("Jordan closes border as Iraq violence grows\nIraqi police besiege the district\n"
                "dozens reported killed")
    assert ev.place is not None and ev.place.place.country_code == "IQ"
    assert "demonym" in ev.place.provenance.reason


def test_ucdp_headline_places_plural_demonym_in_capitals() -> None:
    ev = _first("FORTY SYRIANS KILLED IN FRESH FIGHTING")
    assert ev.place is not None and ev.place.place.country_code == "SY"


def test_ucdp_headline_places_stateless_demonym_names_no_country() -> None:
    ev = _first("Ten Kurdish fighters killed in clashes")
    assert ev.place is None
