"""geoparse: local-news behaviours (document region, outlet home, datelines, streets, counties).

Hand-written sentences; coordinates are real-world positions from general knowledge.
"""

from __future__ import annotations

import pytest

from eventscribe.model import AnnotatedDoc, Doc, Source
from eventscribe.stages.geoparse import GazetteerGeoparser, outlet_homes, outlet_key
from eventscribe.stages.geoparse_match import street_mentions
from eventscribe.stages.geoparse_rank import Home
from tests.unit.geoparse_helpers import km, make_doc, places_by_text, warm_geoparser

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def stage() -> GazetteerGeoparser:
    return warm_geoparser()



def test_geoparse_local_state_in_organisation_pulls_namesake(stage: GazetteerGeoparser) -> None:
    text = ("A fire destroyed a barn near Paris on Sunday. The Texas Department of Public Safety "
            "said the roads to Reno and Clarksville were closed.")
    out = places_by_text(stage(make_doc(text, [("Paris", "GPE"), ("Reno", "GPE"),
                                         ("Clarksville", "GPE")])))
    p = out["Paris"].place
    assert p is not None and p.country_code == "US"
    assert km(33.66, -95.56, p.lat, p.lon) < 50  # Paris, Texas


def test_geoparse_local_outlet_home_pulls_ambiguous_name(stage: GazetteerGeoparser) -> None:
    adoc = make_doc("The council met in Dublin on Tuesday to discuss the budget.",
                    [("Dublin", "GPE")])
    alone = stage(adoc).places[0].place
    assert alone is not None and alone.country_code == "IE"
    home = Home("US", "OH", 1.0)
    local = stage.geoparse(adoc, home).places[0].place
    assert local is not None and local.country_code == "US" and local.admin1 == "Ohio"


def test_geoparse_local_outlet_homes_leave_one_out(stage: GazetteerGeoparser) -> None:
    texts = [
        "Police in Worthington and Westerville arrested two men.",
        "A new school opened in Hilliard and Grove City.",
        "Traffic on the roads of Delaware County and Reynoldsburg was slow.",
        "Dublin residents will vote in May.",
    ]
    docs = []
    for t in texts:
        d = AnnotatedDoc(Doc.from_text(t, Source(url="http://www.columbus-local.test/a")))
        names = [w for w in ("Worthington", "Westerville", "Hilliard", "Grove City",
                             "Delaware County", "Reynoldsburg", "Dublin") if w in t]
        spans = [(t.index(w), t.index(w) + len(w)) for w in names]
        docs.append(stage.resolve_spans(d, spans))
    keys = [outlet_key(d.doc.source) for d in docs]
    assert keys == ["columbus-local.test"] * 4
    homes = outlet_homes(list(zip(keys, docs, strict=True)))
    assert homes[3] is not None and (homes[3].country_code, homes[3].admin1) == ("US", "OH")
    # an outlet with a single document learns nothing
    assert outlet_homes([("solo.test", docs[0])]) == [None]


def test_geoparse_local_dateline_and_county_list(stage: GazetteerGeoparser) -> None:
    text = ("XENIA — A storm hit the area on Monday. Warnings were issued for Greene, Clark "
            "and Montgomery counties, officials said.")
    out = places_by_text(stage(make_doc(text)))
    assert "XENIA" in out and out["XENIA"].place is not None
    assert km(39.68, -83.93, out["XENIA"].place.lat, out["XENIA"].place.lon) < 30
    for name in ("Greene", "Clark", "Montgomery"):
        p = out[name].place
        assert p is not None and p.feature_code == "ADM2" and p.admin1 == "Ohio", name


def test_geoparse_local_streets_are_unresolved_toponyms() -> None:
    text = ("The crash happened on Main Street near Highway 19 and W. Dresser Road. "
            "Traffic on the Florida Highway was slow; St. Paul was quiet.")
    found = [m.text for m in street_mentions(text)]
    assert found == ["Main Street", "Highway 19", "W. Dresser Road", "Florida Highway"]
    from eventscribe.resources.gazetteer import Gazetteer

    with_gaz = [m.text for m in street_mentions(text, Gazetteer.load())]
    assert "Florida Highway" not in with_gaz  # named after a state: the state is the toponym
    assert all(not m.candidates for m in street_mentions(text))


def test_geoparse_local_inhabitants_and_bare_counties(stage: GazetteerGeoparser) -> None:
    text = "Ohioans and Texans voted. Officials in Gwinnett said the count went on."
    spans = [(0, 7), (12, 18), (39, 47)]
    out = stage.resolve_spans(make_doc(text), spans).places
    got = {p.span.text: p.place for p in out}
    assert got["Ohioans"] is not None and got["Ohioans"].feature_code == "ADM1"
    assert got["Ohioans"].name == "Ohio"
    assert got["Texans"] is not None and got["Texans"].name == "Texas"
    assert got["Gwinnett"] is not None and got["Gwinnett"].name == "Gwinnett County"


def test_geoparse_local_weak_matches_need_a_local_reading(stage: GazetteerGeoparser) -> None:
    # "Justice" is a town name in several states; here it is a common noun in a headline-like
    # phrase with no locative word, and nothing else in the text is in its state.
    text = "Officials said Justice Department lawyers met in Springfield, Massachusetts."
    out = places_by_text(stage(make_doc(text, [("Justice Department", "ORG"),
                                         ("Springfield", "GPE"), ("Massachusetts", "GPE")])))
    assert "Justice" not in out
    assert out["Springfield"].place is not None
    assert out["Springfield"].place.admin1 == "Massachusetts"


def test_geoparse_local_abbreviation_after_party_letter(stage: GazetteerGeoparser) -> None:
    text = "Rep. Jane Roe, D-N.Y., chairs the committee."
    out = places_by_text(stage(make_doc(text, [("Jane Roe", "PERSON")])))
    assert out["N.Y."].place is not None and out["N.Y."].place.name == "New York"


def test_geoparse_local_party_home_and_person_context(stage: GazetteerGeoparser) -> None:
    text = ("Delegates Ricky Moye, D-Raleigh, and Harold Michael, D-Hardy, backed the bill in "
            "Charleston. Sheriff Welch said the roads in Beckley were open.")
    ents = [("Ricky Moye", "PERSON"), ("Harold Michael", "PERSON"), ("Charleston", "GPE"),
            ("Welch", "PERSON"), ("Beckley", "GPE")]
    out = places_by_text(stage(make_doc(text, ents)))
    assert out["Raleigh"].place is not None and out["Raleigh"].place.admin1 == "West Virginia"
    assert out["Hardy"].place is not None and out["Hardy"].place.name == "Hardy County"
    assert "Welch" not in out  # a person: title before, verb of speech after


def test_geoparse_local_demonyms_as_toponyms_option() -> None:
    text = "The American Farm Bureau and Iraqi officials met Ohioans in Columbus."
    ents = [("American Farm Bureau", "ORG"), ("Iraqi", "NORP"), ("Ohioans", "NORP"),
            ("Columbus", "GPE")]
    plain = places_by_text(GazetteerGeoparser()(make_doc(text, ents)))
    assert set(plain) == {"Columbus"}
    lgl = places_by_text(GazetteerGeoparser(demonym_places=True)(make_doc(text, ents)))
    assert lgl["American"].place is not None and lgl["American"].place.country_code == "US"
    assert lgl["Iraqi"].place is not None and lgl["Iraqi"].place.country_code == "IQ"
    assert lgl["Ohioans"].place is not None and lgl["Ohioans"].place.name == "Ohio"


def test_geoparse_local_unresolvable_toponym_keeps_the_others(stage: GazetteerGeoparser) -> None:
    text = "Protests spread from Qwxzland to Tabriz and Karaj on Monday."
    out = places_by_text(stage(make_doc(text, [("Qwxzland", "GPE"), ("Tabriz", "GPE"),
                                         ("Karaj", "GPE")])))
    assert out["Qwxzland"].place is None
    assert "left unresolved" in out["Qwxzland"].provenance.reason
    assert out["Tabriz"].place is not None and out["Karaj"].place is not None
    assert out["Tabriz"].place.country_code == out["Karaj"].place.country_code == "IR"
