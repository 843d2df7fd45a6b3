"""geoparse.gazetteer.v2 on hand-written sentences (no spaCy load)."""

from __future__ import annotations

import pytest

from eventscribe.model import AnnotatedDoc, PlaceMention
from eventscribe.stages.geoparse import GazetteerGeoparser, country_hints, country_place
from tests.unit.geoparse_helpers import km, make_doc

pytestmark = pytest.mark.unit

# True town locations (decimal degrees, from general geographic knowledge / Wikipedia).
IRAN_TOWNS = {
    "Tehran": (35.69, 51.39),
    "Tabriz": (38.08, 46.29),
    "Isfahan": (32.65, 51.67),
    "Karaj": (35.84, 50.94),
    "Zahedan": (29.50, 60.86),
    "Mamulan": (33.38, 47.97),
    "Gorgan": (36.84, 54.43),
    "Astaneh-ye Ashrafiyeh": (37.26, 49.94),
    "Ghaemshahr": (36.46, 52.86),
    "Babolsar": (36.70, 52.65),
    "Javanrud": (34.80, 46.52),
    "Dezful": (32.38, 48.40),
    "Dorud": (33.49, 49.06),
}


@pytest.fixture(scope="module")
def stage() -> GazetteerGeoparser:
    s = GazetteerGeoparser()
    s.warm_up()
    return s


def _by_text(adoc: AnnotatedDoc) -> dict[str, PlaceMention]:
    return {p.span.text: p for p in adoc.places}


@pytest.mark.parametrize("town", sorted(IRAN_TOWNS))
def test_geoparse_iranian_towns_within_25km(stage: GazetteerGeoparser, town: str) -> None:
    other = "Shiraz" if town != "Shiraz" else "Qom"
    text = f"Farmers blocked roads in {town} and {other} on Sunday, local reports said."
    out = _by_text(stage(make_doc(text, [(other, "GPE")])))
    assert town in out, f"{town} not recognised"
    p = out[town].place
    assert p is not None and p.country_code == "IR"
    lat, lon = IRAN_TOWNS[town]
    assert km(lat, lon, p.lat, p.lon) < 25
    assert p.precision == 1


def test_geoparse_town_list_with_person_mislabel(stage: GazetteerGeoparser) -> None:
    text = ("Strikes were reported in Tehran, Tabriz, Gorgan, Dorud and Javanrud as Iranian "
            "bazaar merchants closed their shops.")
    adoc = make_doc(text, [("Tehran", "GPE"), ("Tabriz", "GPE"), ("Gorgan", "PERSON"),
                           ("Iranian", "NORP")])
    out = _by_text(stage(adoc))
    assert {"Tehran", "Tabriz", "Gorgan", "Dorud", "Javanrud"} <= set(out)
    assert all(out[t].place is not None and out[t].place.country_code == "IR"
               for t in ("Gorgan", "Dorud", "Javanrud"))
    assert "Iranian" not in out
    assert [p.span.start for p in stage(adoc).places] == sorted(
        p.span.start for p in stage(adoc).places)


def test_geoparse_camp_ashraf_and_short_form(stage: GazetteerGeoparser) -> None:
    text = ("Iraqi troops raided Camp Ashraf in Diyala province in 2009. Residents of Ashraf "
            "said the raid lasted two days.")
    adoc = make_doc(text, [("Iraqi", "NORP"), ("Camp Ashraf", "FAC"), ("Diyala", "GPE")])
    out = _by_text(stage(adoc))
    camp = out["Camp Ashraf"].place
    assert camp is not None and camp.country_code == "IQ" and camp.admin1 == "Diyala"
    assert km(33.63, 44.60, camp.lat, camp.lon) < 10
    short = out["Ashraf"]
    assert short.place == camp  # not Behshahr, whose old name is Ashraf
    assert "Camp Ashraf" in short.provenance.reason
    assert any(s.text == "Camp Ashraf" for s in short.provenance.evidence)
    assert "Ashraf" not in {p.span.text for p in out.values() if p.span.text != "Ashraf"}


def test_geoparse_paris_texas_versus_paris(stage: GazetteerGeoparser) -> None:
    tx = stage(make_doc("A tornado damaged homes in Paris, Texas, on Monday night.",
                        [("Paris", "GPE"), ("Texas", "GPE")]))
    p = _by_text(tx)["Paris"]
    assert p.place is not None and p.place.country_code == "US" and p.place.admin1 == "Texas"
    assert "Texas" in p.provenance.reason
    fr = stage(make_doc("Thousands marched in Paris against the pension reform.",
                        [("Paris", "GPE")]))
    q = _by_text(fr)["Paris"]
    assert q.place is not None and q.place.country_code == "FR"


def test_geoparse_ap_state_abbreviation(stage: GazetteerGeoparser) -> None:
    out = _by_text(stage(make_doc("Flooding closed schools in Paris, Tenn., on Friday.",
                                  [("Paris", "GPE")])))
    assert out["Paris"].place is not None and out["Paris"].place.admin1 == "Tennessee"
    assert out["Tenn."].place is not None and out["Tenn."].place.precision == 3


def test_geoparse_country_abbreviations(stage: GazetteerGeoparser) -> None:
    text = "The U.S. and Britain condemned the attack, while the UAE called for calm."
    out = _by_text(stage(make_doc(text, [("U.S.", "GPE"), ("Britain", "GPE"), ("UAE", "GPE")])))
    assert out["U.S."].place is not None and out["U.S."].place.country_code == "US"
    assert out["Britain"].place is not None and out["Britain"].place.country_code == "GB"
    assert out["UAE"].place is not None and out["UAE"].place.country_code == "AE"
    assert all(p.place is not None and p.place.precision == 4 for p in out.values())


def test_geoparse_unresolvable_toponym_keeps_others(stage: GazetteerGeoparser) -> None:
    text = "Gunmen attacked Qzxwvillo and Maiduguri overnight, Nigerian police said."
    out = _by_text(stage(make_doc(text, [("Qzxwvillo", "GPE"), ("Maiduguri", "GPE"),
                                         ("Nigerian", "NORP")])))
    bad = out["Qzxwvillo"]
    assert bad.place is None and bad.candidates == 0
    assert "no gazetteer entry" in bad.provenance.reason
    good = out["Maiduguri"].place
    assert good is not None and good.country_code == "NG"


def test_geoparse_person_names_are_not_places(stage: GazetteerGeoparser) -> None:
    text = "Supreme Leader Ali Khamenei met President Hassan Rouhani in Tehran."
    out = _by_text(stage(make_doc(text, [("Ali Khamenei", "PERSON"),
                                         ("Hassan Rouhani", "PERSON"), ("Tehran", "GPE")])))
    assert set(out) == {"Tehran"}


def test_geoparse_common_words_are_not_places(stage: GazetteerGeoparser) -> None:
    text = "Police said the man used a mobile phone. Reading the statement, officials left."
    assert stage(make_doc(text)).places == ()


def test_geoparse_city_preferred_over_namesake_province(stage: GazetteerGeoparser) -> None:
    out = _by_text(stage(make_doc("Students rallied in Isfahan.", [("Isfahan", "GPE")])))
    p = out["Isfahan"].place
    assert p is not None and p.feature_code is not None and p.feature_code.startswith("PPL")
    prov = _by_text(stage(make_doc("Rain fell across Isfahan Province.",
                                   [("Isfahan Province", "GPE")])))
    q = prov["Isfahan Province"].place
    assert q is not None and q.precision == 3


def test_geoparse_context_picks_country(stage: GazetteerGeoparser) -> None:
    # Hyderabad: India (larger) and Pakistan; Karachi in the same sentence decides.
    text = "Protests spread from Karachi to Hyderabad after the verdict."
    out = _by_text(stage(make_doc(text, [("Karachi", "GPE"), ("Hyderabad", "GPE")])))
    p = out["Hyderabad"].place
    assert p is not None and p.country_code == "PK"
    assert "PK" in out["Hyderabad"].provenance.reason
    assert any(s.text == "Karachi" for s in out["Hyderabad"].provenance.evidence)


def test_geoparse_provenance_is_complete(stage: GazetteerGeoparser) -> None:
    text = "Aid convoys reached Goma and Bunia in eastern DRC."
    adoc = stage(make_doc(text, [("Goma", "GPE"), ("Bunia", "GPE"), ("DRC", "GPE")]))
    assert "places" in adoc.provided
    for p in adoc.places:
        assert p.provenance.stage == "geoparse.gazetteer.v2"
        assert p.provenance.reason and 0.0 <= p.provenance.score <= 1.0
        assert p.provenance.evidence[0] == p.span
        assert all(s.verify(text) for s in p.provenance.evidence)
    assert {p.place.country_code for p in adoc.places if p.place} == {"CD"}


def test_geoparse_country_hints_and_country_place(stage: GazetteerGeoparser) -> None:
    text = "Syrian forces shelled Idlib and Aleppo, a monitor in Britain said."
    adoc = stage(make_doc(text, [("Syrian", "NORP"), ("Idlib", "GPE"), ("Aleppo", "GPE"),
                                 ("Britain", "GPE")]))
    hints = country_hints(adoc)
    assert next(iter(hints)) == "SY"
    assert abs(sum(hints.values()) - 1.0) < 1e-6
    assert hints["GB"] < hints["SY"]
    sy = country_place("SY")
    assert sy is not None and sy.precision == 4 and sy.country == "Syria"
    assert country_place("ZZ") is None


def test_geoparse_demonym_places_option() -> None:
    stage = GazetteerGeoparser(demonym_places=True)
    text = "Kenyan police arrested six people in Mombasa."
    out = _by_text(stage(make_doc(text, [("Kenyan", "NORP"), ("Mombasa", "GPE")])))
    assert out["Kenyan"].place is not None and out["Kenyan"].place.country_code == "KE"
    plain = _by_text(GazetteerGeoparser()(make_doc(text, [("Kenyan", "NORP"),
                                                          ("Mombasa", "GPE")])))
    assert "Kenyan" not in plain


def test_geoparse_area_word_extends_match(stage: GazetteerGeoparser) -> None:
    out = _by_text(stage(make_doc("Clashes were reported in Diyala province on Friday.")))
    p = out["Diyala province"].place
    assert p is not None and p.feature_code == "ADM1" and p.country_code == "IQ"


def test_geoparse_longer_gazetteer_name_beats_split_entity(stage: GazetteerGeoparser) -> None:
    text = "Shops closed in Rasht and Astaneh-ye Ashrafiyeh after the floods."
    out = _by_text(stage(make_doc(text, [("Rasht", "GPE"), ("Ashrafiyeh", "GPE")])))
    p = out["Astaneh-ye Ashrafiyeh"].place
    assert p is not None and km(37.26, 49.94, p.lat, p.lon) < 25
    assert "Ashrafiyeh" not in out


def test_geoparse_surname_tagged_gpe_is_dropped(stage: GazetteerGeoparser) -> None:
    text = "Posters of Khamenei were burned in Mashhad, and an IRGC office was attacked."
    out = _by_text(stage(make_doc(text, [("Khamenei", "GPE"), ("Mashhad", "GPE"),
                                         ("IRGC", "GPE")])))
    assert set(out) == {"Mashhad"}
