"""geoparse on headline-style text: NORP-tagged places, compass words, cut-short country names,
country names tagged PERSON, hashtags. Hand-written sentences; entities given by hand."""

from __future__ import annotations

import pytest

from eventscribe.model import AnnotatedDoc
from eventscribe.stages.geoparse import GazetteerGeoparser
from eventscribe.stages.geoparse_match import compass_word
from tests.unit.geoparse_helpers import make_doc, places_by_text, warm_geoparser

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def stage() -> GazetteerGeoparser:
    return warm_geoparser()



def _cc(adoc: AnnotatedDoc, surface: str) -> str | None:
    p = places_by_text(adoc).get(surface)
    return p.place.country_code if p is not None and p.place is not None else None


def test_geoparse_headlines_norp_tagged_city_is_a_place(stage: GazetteerGeoparser) -> None:
    out = stage(make_doc("Heavy fighting in Aleppo overnight", [("Aleppo", "NORP")]))
    assert _cc(out, "Aleppo") == "SY"


def test_geoparse_headlines_norp_demonym_stays_a_hint(stage: GazetteerGeoparser) -> None:
    out = stage(make_doc("Syrian troops advance on the town", [("Syrian", "NORP")]))
    assert "Syrian" not in places_by_text(out)


@pytest.mark.parametrize("text,ents", [
    ("Fighting flares in the Eastern Ghouta suburbs", [("the Eastern Ghouta", "ORG")]),
    ("Raids at the Western Qalamoun overnight", [("the Western Qalamoun", "FAC")]),
    ("Ten killed in Afghan west province", [("Afghan", "NORP"), ("west province", "GPE")]),
    ("Relations between Moscow and the West cooled", [("Moscow", "GPE"), ("West", "LOC")]),
])
def test_geoparse_headlines_compass_words_are_not_areas(
    stage: GazetteerGeoparser, text: str, ents: list[tuple[str, str]]
) -> None:
    out = stage(make_doc(text, ents))
    resolved = {p.span.text: p.place for p in out.places if p.place is not None}
    assert not any(compass_word(s) or (compass_word(s.split()[0]) and p is not None
                   and p.feature_code in ("ADM1", "PPL")) for s, p in resolved.items()), resolved


def test_geoparse_headlines_country_short_form_cut_by_ner(stage: GazetteerGeoparser) -> None:
    out = stage(make_doc("Dozens killed in DR Congo's Ituri", [("DR", "GPE"), ("Congo", "GPE")]))
    assert _cc(out, "DR Congo") == "CD"
    assert "DR" not in places_by_text(out)


def test_geoparse_headlines_country_tagged_person(stage: GazetteerGeoparser) -> None:
    out = stage(make_doc("Burkina Faso: two dead in an attack", [("Burkina Faso", "PERSON")]))
    assert _cc(out, "Burkina Faso") == "BF"


def test_geoparse_headlines_hashtag_after_locative(stage: GazetteerGeoparser) -> None:
    out = stage(make_doc("A man was shot dead in #Mbengwi on Monday", [("Mbengwi", "PERSON")]))
    assert _cc(out, "Mbengwi") == "CM"


def test_geoparse_headlines_compass_word() -> None:
    assert compass_word("Eastern") and compass_word("north-west")
    assert not compass_word("Easton")


@pytest.mark.parametrize("text,ents,surface,cc,code", [
    ("Militants killed in Logar province", [("Logar province", "GPE")], "Logar province", "AF",
     "ADM1"),
    ("Air strikes hit Raqqa governorate again", [("Raqqa", "GPE")], "Raqqa governorate", "SY",
     "ADM1"),
    ("Shelling in the Sagaing region overnight", [("Sagaing", "GPE")], "Sagaing region", "MM",
     "ADM1"),
])
def test_geoparse_headlines_province_spellings(
    stage: GazetteerGeoparser, text: str, ents: list[tuple[str, str]], surface: str, cc: str,
    code: str,
) -> None:
    p = places_by_text(stage(make_doc(text, ents)))[surface].place
    assert p is not None and p.country_code == cc and p.feature_code == code


def test_geoparse_headlines_capital_state_after_town_is_a_university(
    stage: GazetteerGeoparser,
) -> None:
    out = stage(make_doc("The game at San Diego State drew a crowd", [("San Diego", "GPE")]))
    p = places_by_text(out)["San Diego"].place
    assert p is not None and p.feature_code.startswith("PPL")


def test_geoparse_headlines_short_demonym_for_pakistan(stage: GazetteerGeoparser) -> None:
    demonym = stage.gazetteer.demonym_country("Pak")
    assert demonym is not None and demonym.country_code == "PK"


def test_geoparse_headlines_gazetteer_only_name_outside_the_ner_countries_is_dropped(
    stage: GazetteerGeoparser,
) -> None:
    out = stage(make_doc("Fighters from Benghazi attack a convoy at Naga oilfield",
                         [("Benghazi", "GPE")]))
    assert _cc(out, "Benghazi") == "LY"
    assert "Naga" not in places_by_text(out)


def test_geoparse_headlines_gazetteer_only_name_alone_is_kept(stage: GazetteerGeoparser) -> None:
    out = stage(make_doc("Fighters attack a convoy at Naga overnight", []))
    assert _cc(out, "Naga") == "PH"


def test_geoparse_headlines_compass_words_give_no_area_hints(stage: GazetteerGeoparser) -> None:
    from eventscribe.stages.geoparse_match import tokenize
    from eventscribe.stages.geoparse_rank import find_hints

    text = "Raids in the Eastern hills and the Western plains"
    assert find_hints(text, tokenize(text), stage.gazetteer) == []


@pytest.mark.parametrize("surface", ["Ituri Province", "Tanganyika"])
def test_geoparse_headlines_new_drc_provinces(stage: GazetteerGeoparser, surface: str) -> None:
    out = stage(make_doc(f"Militia attacks in {surface} overnight", [(surface, "GPE")]))
    assert _cc(out, surface) == "CD"


def test_geoparse_headlines_festival_is_no_place(stage: GazetteerGeoparser) -> None:
    out = stage(make_doc("Fighting resumed after the Eid ceasefire", [("Eid", "GPE")]))
    assert all(p.place is None for p in out.places)


def test_geoparse_headlines_portuguese_locative(stage: GazetteerGeoparser) -> None:
    out = stage(make_doc("Comerciante morto a tiros em Ouricuri", []))
    assert _cc(out, "Ouricuri") == "BR"


def test_geoparse_headlines_place_mislabelled_event_after_locative(
    stage: GazetteerGeoparser,
) -> None:
    out = stage(make_doc("Three men executed in Cotija", [("Cotija", "EVENT")]))
    assert _cc(out, "Cotija") == "MX"
    out = stage(make_doc("Tickets for Cotija went on sale", [("Cotija", "EVENT")]))
    assert "Cotija" not in places_by_text(out)


@pytest.mark.parametrize("text,ents,surface", [
    ("Shelling targets the Eastern Ghouta again", [("the Eastern Ghouta", "ORG")],
     "Eastern Ghouta"),
    ("Warplanes hit the Western Qalamoun", [("the Western Qalamoun", "LOC")], "Qalamoun"),
])
def test_geoparse_headlines_curated_conflict_regions(
    stage: GazetteerGeoparser, text: str, ents: list[tuple[str, str]], surface: str
) -> None:
    assert _cc(stage(make_doc(text, ents)), surface) == "SY"
