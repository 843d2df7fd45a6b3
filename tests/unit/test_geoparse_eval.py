"""The LGL-format reader and the geocoding metrics, on tiny samples written for these tests."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pytest

from eventscribe.errors import EventscribeError
from eventscribe.evaluation.geocode import (
    MAX_KM,
    Outcome,
    Pred,
    auc_log_error,
    match_spans,
    outcomes_for,
    resolution_metrics,
)
from eventscribe.evaluation.lgl_format import GoldToponym, parse_date, parse_lgl
from eventscribe.model import Place

pytestmark = pytest.mark.unit

SAMPLE = b"""<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="a1">
    <feedid>7</feedid>
    <title>Flood in Springfield</title>
    <domain>example-news.test</domain>
    <url>http://example-news.test/story</url>
    <dltime>2011-05-02 08:00:00.1-05</dltime>
    <text><![CDATA[Water rose in Springfield, Illinois, and near Peoria.]]></text>
    <extra>ignored</extra>
    <toponyms count="4">
      <toponym><start>14</start><end>25</end><phrase>Springfield</phrase>
        <gaztag geonameid="4250542"><name>Springfield</name><fclass>P</fclass>
          <fcode>PPLA</fcode><lat>39.80</lat><lon>-89.64</lon>
          <country geonameid="6252001">United States</country><admin1>Illinois</admin1>
        </gaztag></toponym>
      <toponym><start>27</start><end>35</end><phrase>Illinois</phrase>
        <gaztag geonameid=""><name>Illinois</name><lat>40.0</lat><lon>-89.0</lon></gaztag>
      </toponym>
      <toponym><start>46</start><end>52</end><phrase>Peoria</phrase></toponym>
      <toponym><start>90</start><end>99</end><phrase>Nowhere</phrase></toponym>
    </toponyms>
  </article>
  <article docid="a2"><dltime></dltime><text></text></article>
  <article docid="a3"><text><![CDATA[Quiet day in Dover.]]></text>
    <toponyms><toponym><start>x</start><end></end><phrase>Dover</phrase>
      <gaztag geonameid="1"><lat>north</lat><lon>1.3</lon></gaztag></toponym></toponyms>
  </article>
</articles>
"""


def test_geoparse_eval_reader_reads_fields_and_skips_bad_records() -> None:
    gs = parse_lgl(SAMPLE)
    assert [a.docid for a in gs.articles] == ["a1", "a3"]
    a1 = gs.articles[0]
    assert a1.published == date(2011, 5, 2) and a1.domain == "example-news.test"
    assert [t.phrase for t in a1.toponyms] == ["Springfield", "Illinois", "Peoria"]
    spring, illinois, peoria = a1.toponyms
    assert spring.geonameid == 4250542 and spring.fcode == "PPLA" and spring.admin1 == "Illinois"
    assert illinois.geonameid is None and illinois.has_coords  # empty id, coordinates kept
    assert not peoria.has_coords
    for t in a1.toponyms:
        assert a1.text[t.start : t.end] == t.phrase
    assert gs.skipped["article without text"] == 1
    assert gs.skipped["toponym offsets outside the text"] == 1
    # no offsets: the phrase is located; the unparsable latitude drops the location only
    dover = gs.articles[1].toponyms[0]
    assert (dover.start, dover.end) == (13, 18) and not dover.has_coords
    assert gs.skipped["gaztag with invalid coordinates (treated as no location)"] == 1


def test_geoparse_eval_reader_malformed_xml_names_the_line() -> None:
    with pytest.raises(EventscribeError) as ei:
        parse_lgl(b"<articles>\n<article docid='1'>\n<text>open\n</articles>")
    assert ei.value.code == "E040" and "line 4" in ei.value.message


def test_geoparse_eval_reader_dates() -> None:
    assert parse_date("2009-03-20 12:24:52.002364-05") == date(2009, 3, 20)
    assert parse_date("") is None and parse_date("2009-13-40") is None


def _place(lat: float, lon: float, gid: int | None = None) -> Place:
    return Place(name="x", geonameid=gid, lat=lat, lon=lon, country_code="US")


def test_geoparse_eval_span_matching_is_one_to_one_by_overlap() -> None:
    gold = (GoldToponym(0, 10, "New Orleans"), GoldToponym(20, 25, "Texas"))
    preds = [Pred(0, 3, None), Pred(4, 10, None), Pred(30, 35, None)]
    assert match_spans(gold, preds) == {0: 1}


def test_geoparse_eval_unresolved_and_missed_count_as_wrong() -> None:
    from eventscribe.evaluation.lgl_format import GoldArticle

    art = GoldArticle("d", "x" * 40, (
        GoldToponym(0, 5, "xxxxx", geonameid=1, lat=30.0, lon=-90.0),
        GoldToponym(10, 15, "xxxxx", geonameid=2, lat=30.0, lon=-90.0),
        GoldToponym(20, 25, "xxxxx", geonameid=3, lat=30.0, lon=-90.0),
        GoldToponym(30, 35, "xxxxx"),  # no location: not scored
    ))
    preds = [Pred(0, 5, _place(30.5, -90.0, 1)), Pred(10, 15, None)]
    outs, matched = outcomes_for(0, art, preds)
    assert matched == 2 and len(outs) == 3
    assert [round(o.km) for o in outs] == [56, round(MAX_KM), round(MAX_KM)]
    m = resolution_metrics(outs)
    assert m["acc161"] == pytest.approx(1 / 3) and m["exact_geonameid"] == pytest.approx(1 / 3)
    assert m["n_resolved"] == 1


def test_geoparse_eval_auc_bounds() -> None:
    assert auc_log_error([0.0, 0.0]) == 0.0
    assert auc_log_error([MAX_KM, MAX_KM]) == pytest.approx(1.0, rel=1e-4)
    mixed = auc_log_error([0.0, MAX_KM])
    assert mixed == pytest.approx(0.5, rel=1e-4)
    assert 0 < auc_log_error([10.0, 100.0, 1000.0]) < math.log1p(1000) / math.log(MAX_KM)


def test_geoparse_eval_outcome_is_frozen() -> None:
    o = Outcome(0, GoldToponym(0, 1, "x"), None, MAX_KM)
    with pytest.raises(AttributeError):
        o.km = 0.0  # type: ignore[misc]


def test_geoparse_eval_folder_skips_a_malformed_file(tmp_path: Path) -> None:
    from eventscribe.evaluation.lgl_format import read_path

    (tmp_path / "a.xml").write_bytes(SAMPLE)
    (tmp_path / "b.xml").write_bytes(b"<articles>\n<article>\n<text>x</articles>")
    gs = read_path(tmp_path)
    assert [a.docid for a in gs.articles] == ["a1", "a3"]
    assert any("line 3" in k for k in gs.skipped)
    with pytest.raises(EventscribeError):
        read_path(tmp_path / "b.xml")
