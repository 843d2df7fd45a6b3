"""Parts of a country named by a compass word ("northern Afghanistan", "NW Pakistan")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscribe.model import Place
from eventscribe.resources.gazetteer import GazEntry, Gazetteer
from eventscribe.stages.geoparse import GazetteerGeoparser
from eventscribe.stages.geoparse_region import country_region, direction
from tests.unit.geoparse_helpers import make_doc, warm_geoparser

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def stage() -> GazetteerGeoparser:
    return warm_geoparser()


def test_geoparse_region_directions() -> None:
    assert direction("northern") == (1.0, 0.0)
    assert direction("West") == (0.0, -1.0)
    nw = direction("NW")
    assert nw is not None and nw[0] > 0 > nw[1]
    assert direction("nw") is None  # abbreviations only in capitals
    assert direction("Norway") is None


@pytest.mark.parametrize("cc,word,check", [
    ("AF", "northern", lambda p, c: p.lat > c.lat + 1.5),
    ("UA", "eastern", lambda p, c: p.lon > c.lon + 3),
    ("PK", "northwest", lambda p, c: p.lat > c.lat and p.lon > 70),
    ("MX", "southern", lambda p, c: p.lat < c.lat - 3),
])
def test_geoparse_region_lies_that_way(
    cc: str, word: str, check: Callable[[Place, GazEntry], bool]
) -> None:
    gaz = Gazetteer.load()
    region = country_region(gaz, cc, word)
    country = gaz.country(cc)
    assert region is not None and country is not None
    assert region.country_code == cc and region.feature_code == "RGN" and region.geonameid is None
    assert check(region, country)


def test_geoparse_region_mention_covers_the_compass_word(stage: GazetteerGeoparser) -> None:
    out = stage(make_doc("Two soldiers killed in northern Afghanistan", [("Afghanistan", "GPE")]))
    (p,) = out.places
    assert p.span.text == "northern Afghanistan" and p.place is not None
    assert p.place.feature_code == "RGN" and "northern part" in p.provenance.reason


def test_geoparse_region_after_the_country(stage: GazetteerGeoparser) -> None:
    out = stage(make_doc("Air strikes hit Iraq's north", [("Iraq", "GPE")]))
    (p,) = out.places
    assert p.place is not None and p.place.feature_code == "RGN" and p.place.country_code == "IQ"


def test_geoparse_region_not_for_alternate_country_names(stage: GazetteerGeoparser) -> None:
    out = stage(make_doc("Ferries to the North Island were cancelled", []))
    assert not any(p.place is not None and p.place.feature_code == "RGN" for p in out.places)
