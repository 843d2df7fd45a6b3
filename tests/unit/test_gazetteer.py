"""Gazetteer lookups and name normalisation."""

from __future__ import annotations

import pytest

from eventscribe.resources.gazetteer import Gazetteer
from eventscribe.resources.names import fold, name_key, translit_key

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_gazetteer_name_key_folds_variants() -> None:
    assert name_key("Āstāneh-ye Ashrafīyeh") == name_key("Astaneh Ashrafiyeh")
    assert name_key("Ma‘mūlān") == name_key("Mamulan")
    assert name_key("al-Fallujah") == name_key("Fallujah")
    assert name_key("St. Louis") == name_key("Saint Louis")
    assert name_key("U.S.") == "us"
    assert fold("São  Paulo") == "sao paulo"


def test_gazetteer_translit_key_merges_romanisations() -> None:
    assert translit_key("Ghaemshahr") == translit_key("Qā’em Shahr")
    assert translit_key("Dezfoul") == translit_key("Dezful")
    assert translit_key("Kano") != translit_key("Kani")


def test_gazetteer_candidates_normalised(gaz: Gazetteer) -> None:
    names = {(c.entry.name, c.entry.country_code) for c in gaz.candidates("Mazar-i-Sharif")}
    assert ("Mazār-e Sharīf", "AF") in names
    assert {c.entry.country_code for c in gaz.candidates("Maiduguri")} == {"NG"}


def test_gazetteer_translit_fallback_only_when_asked(gaz: Gazetteer) -> None:
    assert gaz.candidates("Gorgaan") == []
    found = gaz.candidates("Gorgaan", translit=True)
    assert found and all(c.match == "translit" for c in found)
    assert "Gorgān" in {c.entry.name for c in found}


def test_gazetteer_lookup_by_geonameid_and_codes(gaz: Gazetteer) -> None:
    e = gaz.by_geonameid(2988507)  # Paris, France
    assert e is not None and e.name == "Paris" and e.country_code == "FR"
    assert gaz.country_name("IQ") == "Iraq"
    assert gaz.admin1_name("US", "TX") == "Texas"
    assert gaz.admin1_name("IR", "35") == "Mazandaran"
    assert gaz.by_geonameid(1) is None


def test_gazetteer_country_and_abbreviations(gaz: Gazetteer) -> None:
    us = [c.entry for c in gaz.candidates("USA") if c.entry.feature_code == "PCLI"]
    assert us and us[0].country_code == "US"
    tn = gaz.abbreviation("Tenn.")
    assert tn is not None and tn.feature_code == "ADM1" and tn.admin1_code == "TN"
    assert gaz.abbreviation("Tenn") is None
    kenya = gaz.demonym_country("Kenyans")
    assert kenya is not None and kenya.country_code == "KE"


def test_gazetteer_places_have_precision(gaz: Gazetteer) -> None:
    camp = [c.entry for c in gaz.candidates("Zaatari refugee camp")]
    assert camp and camp[0].precision == 1 and camp[0].country_code == "JO"
    place = gaz.to_place(camp[0])
    assert place.admin1 == "Mafraq" and place.country == "Jordan"
    diyala = [c.entry for c in gaz.candidates("Diyala") if c.entry.feature_code == "ADM1"]
    assert diyala and gaz.to_place(diyala[0]).precision == 3
