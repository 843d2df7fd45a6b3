"""Headline-length texts through the pipeline: plural demonyms and the headline date."""

from __future__ import annotations

from datetime import date

import pytest

from eventscribe.model import Doc, Source
from eventscribe.pipeline import Pipeline

pytestmark = pytest.mark.integration

PUB = date(2020, 5, 10)


def _events(text: str) -> tuple:
    (res,) = Pipeline().process([Doc.from_text(text, Source(published_at=PUB, outlet="x"))])
    return tuple(res.events)


def test_headline_pipeline_plural_demonym_gives_the_country() -> None:
    (ev,) = _events("About 40 Syrians were killed")
    assert ev.place is not None and ev.place.place.country_code == "SY"
    assert "Syrians" in ev.place.provenance.reason


def test_headline_pipeline_undated_headline_is_the_three_days_to_publication() -> None:
    (ev,) = _events("Gunmen kill 5 villagers in Kabul")
    assert (ev.date.value.start, ev.date.value.end) == (date(2020, 5, 8), PUB)
    assert "headline" in ev.date.provenance.reason


def test_headline_pipeline_article_body_keeps_the_week() -> None:
    body = ("Gunmen killed five villagers in Kabul, officials said, in an attack that the "
            "provincial governor condemned as cowardly and that no group has yet claimed. ") * 3
    ev = _events(body)[0]
    assert (ev.date.value.start, ev.date.value.end) == (date(2020, 5, 4), PUB)


def test_headline_pipeline_place_outside_the_named_country_yields_to_it() -> None:
    # ("NW Pakistan" is now read by the geoparser as the region; Mirpur is read as Mirpur, IN)
    (ev,) = _events("Gunmen kill vaccinator in Mirpur in Pakistan")
    assert ev.place is not None and ev.place.place.country_code == "PK"
    assert "headline names" in ev.place.provenance.reason


def test_headline_pipeline_place_inside_the_named_country_is_kept() -> None:
    (ev,) = _events("Bomb kills 5 in Kabul, Afghanistan")
    assert ev.place is not None and ev.place.place.name == "Kabul"


@pytest.mark.parametrize("headline,cc", [
    ("US-led raids kill 56 militants in Iraq", "IQ"),
    ("2 US soldiers wounded in Nangarhar suicide attack", "AF"),
])
def test_headline_pipeline_a_place_as_modifier_yields_to_the_place_after_in(headline, cc) -> None:
    ev = _events(headline)[0]
    assert ev.place is not None and ev.place.place.country_code == cc


def test_headline_pipeline_a_city_after_its_country_is_kept() -> None:
    ev = _events("13 killed in violence in Pakistan's Karachi")[0]
    assert ev.place is not None and ev.place.place.name == "Karachi"
