"""Unit tests for the exporters: build events by hand, export, read back with csv/json/pyarrow."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from eventscribe.export import BUILTIN, export
from eventscribe.export.common import (
    claim_phrase,
    interaction,
    plover_resolution,
    ucdp_date_prec,
    ucdp_where_prec,
)
from eventscribe.export.csv_formats import ACLED_COLUMNS, UCDP_COLUMNS
from eventscribe.registry import exporters
from eventscribe.store import Store
from tests.unit.test_export_fixtures import sample_doc, sample_event_dicts, sample_events

pytestmark = pytest.mark.unit

DOC = sample_doc()


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def test_export_all_formats_registered() -> None:
    assert set(BUILTIN) <= set(exporters.names())
    with pytest.raises(KeyError):
        exporters.get("acled-xlsx")


def test_export_acled_csv_columns_and_values(tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    assert export("acled-csv", sample_event_dicts(), out) == 3
    header, rows = read_csv(out)
    assert header == ACLED_COLUMNS
    clash, arrest, protest = rows
    assert clash["event_id_cnty"].startswith("KEN") and clash["event_id_cnty"][3:].isdigit()
    assert clash["event_date"] == "2023-03-04"
    assert (clash["year"], clash["time_precision"]) == ("2023", "1")
    assert (clash["event_type"], clash["sub_event_type"]) == ("Battles", "Armed clash")
    assert (clash["actor1"], clash["inter1"], clash["actor2"], clash["inter2"]) == (
        "Unidentified militants", "2", "Police of Kenya", "1",
    )
    assert clash["interaction"] == "12"
    assert (clash["country"], clash["iso"], clash["location"]) == ("Kenya", "404", "Mandera")
    assert (float(clash["latitude"]), float(clash["longitude"])) == (3.93726, 41.85688)
    assert clash["geo_precision"] == "1" and clash["source"] == "Daily Courier"
    assert clash["fatalities"] == "9"  # the lowest figure any source gives, not 11 or 10
    assert "killed: 11 officers (the county commissioner); at least 9 (Kenya Red Cross)" in (
        clash["notes"]
    )
    assert "injured: 12-14 (Kenya Red Cross)" in clash["notes"]
    claims = json.loads(clash["claims_json"])
    assert [c["value"] for c in claims["killed"]["claims"]] == [11, 9]
    assert arrest["time_precision"] == "2"
    assert (arrest["geo_precision"], arrest["fatalities"]) == ("3", "0")
    assert "only the country (Kenya) is known" in arrest["notes"]
    assert (arrest["date_start"], arrest["date_end"]) == ("2023-02-27", "2023-03-05")
    assert arrest["interaction"] == "10"
    assert protest["event_date"] == protest["location"] == protest["geo_precision"] == ""
    assert protest["inter1"] == "6" and protest["event_id_cnty"].startswith("XXX")


def test_export_acled_id_is_stable_across_exports(tmp_path: Path) -> None:
    evs = sample_event_dicts()
    export("acled-csv", evs, tmp_path / "a.csv")
    export("acled-csv", list(reversed(evs)), tmp_path / "b.csv")
    a = {r["event_id"]: r["event_id_cnty"] for r in read_csv(tmp_path / "a.csv")[1]}
    b = {r["event_id"]: r["event_id_cnty"] for r in read_csv(tmp_path / "b.csv")[1]}
    assert a == b and len(set(a.values())) == 3


def test_export_ucdp_csv_columns_and_values(tmp_path: Path) -> None:
    out = tmp_path / "u.csv"
    assert export("ucdp-csv", sample_event_dicts(), out) == 3
    header, (clash, arrest, protest) = read_csv(out)
    assert header == UCDP_COLUMNS
    assert (clash["date_prec"], clash["where_prec"]) == ("1", "1")
    assert (clash["best"], clash["low"], clash["high"]) == ("9", "9", "11")
    assert (clash["side_a"], clash["side_b"]) == ("Unidentified militants", "Police of Kenya")
    assert clash["where_description"] == "Mandera, Kenya"
    assert clash["source_article"] == "https://courier.example.ke/news/mandera-attack"
    assert (clash["source_office"], clash["source_date"]) == ("Daily Courier", "2023-03-06")
    assert clash["source_headline"] == "Militants attack police convoy near Mandera"
    assert (arrest["date_prec"], arrest["where_prec"], arrest["best"]) == ("3", "6", "")
    assert (protest["date_prec"], protest["where_prec"]) == ("", "")


def test_export_plover_jsonl_records_and_evidence_offsets(tmp_path: Path) -> None:
    evs = sample_event_dicts()
    evs[2]["actors"] = []
    out = tmp_path / "p.jsonl"
    assert export("plover-jsonl", evs, out) == 3
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    clash, arrest, protest = recs
    assert (clash["actor"], clash["recipient"], clash["event"], clash["mode"]) == (
        "Unidentified militants", "Police of Kenya", "ASSAULT", "firearms",
    )
    assert (clash["date"], clash["enddate"]) == ("2023-03-04", "2023-03-04")
    assert clash["size"] == {"dead": 9, "injured": 12, "arrested": None}
    loc = clash["event_loc"]
    assert (loc["geonameid"], loc["resolution"], loc["extracted_place"]) == (187896, 4, "Mandera")
    assert arrest["event_loc"]["resolution"] == 1 and arrest["size"]["arrested"] == 3
    assert protest["actor"] == "unknown" and protest["event_loc"] is None
    assert clash["cite_info"]["url"].endswith("mandera-attack")
    assert len(clash["claims"]) == 3
    assert {c["kind"] for c in clash["claims"]} == {"killed", "injured"}
    fields = {e["field"] for e in clash["evidence"]}
    assert {"trigger", "actor", "target", "place", "date", "count.killed"} <= fields
    for rec in recs:
        ti = rec["text_info"]
        assert DOC.text[ti["start"] : ti["end"]] == ti["text"]
        for e in rec["evidence"]:
            assert DOC.text[e["start"] : e["end"]] == e["text"]
        for c in rec["claims"]:
            for e in c["evidence"]:
                assert DOC.text[e["start"] : e["end"]] == e["text"]


def test_export_jsonl_is_the_event_contract(tmp_path: Path) -> None:
    evs = sample_event_dicts()
    out = tmp_path / "e.jsonl"
    assert export("jsonl", evs, out) == 3
    back = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert back == evs and back[0]["doc"]["outlet"] == "Daily Courier"


def test_export_geojson_points_and_unlocated(tmp_path: Path) -> None:
    out = tmp_path / "e.geojson"
    assert export("geojson", sample_event_dicts(), out) == 2
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and fc["unlocated"] == 1
    first = fc["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [41.85688, 3.93726]}
    props = first["properties"]
    assert props["sub_event_type"] == "Armed clash"
    assert (props["killed"], props["killed_high"]) == (9, 11)
    assert all(not isinstance(v, (dict, list)) for v in props.values())


def test_export_parquet_typed_columns_and_json(tmp_path: Path) -> None:
    evs = sample_event_dicts()
    out = tmp_path / "e.parquet"
    assert export("parquet", evs, out) == 3
    table = pq.read_table(out)
    assert table.schema.field("date_start").type == pa.date32()
    assert table.schema.field("latitude").type == pa.float64()
    assert table.schema.field("killed_best").type == pa.int64()
    rows = table.to_pylist()
    assert rows[0]["date_start"] == date(2023, 3, 4) and rows[0]["killed_high"] == 11
    assert rows[0]["published"] == date(2023, 3, 6)
    assert rows[2]["latitude"] is None and rows[2]["killed_best"] is None
    assert [json.loads(r["json"]) for r in rows] == evs
    for r in rows:
        assert DOC.text[r["trigger_start"] : r["trigger_end"]] == r["trigger"]


@pytest.mark.parametrize("name", BUILTIN)
def test_export_empty_input_writes_valid_file(tmp_path: Path, name: str) -> None:
    out = tmp_path / f"empty.{name}"
    assert export(name, [], out) == 0
    assert out.exists()
    if name == "parquet":
        assert pq.read_table(out).num_rows == 0
    elif name == "geojson":
        assert json.loads(out.read_text())["features"] == []


def test_export_from_store_round_trip(tmp_path: Path) -> None:
    events = sample_events(DOC)
    with Store(tmp_path / "s.db") as st:
        st.write_document(DOC, events)
        stored = list(st.iter_events())
    assert stored == sample_event_dicts(DOC)
    export("acled-csv", stored, tmp_path / "a.csv")
    _, rows = read_csv(tmp_path / "a.csv")
    assert [r["event_id"] for r in rows] == [e.id for e in events]


def test_export_outlet_falls_back_to_url_host(tmp_path: Path) -> None:
    evs = sample_event_dicts(sample_doc(outlet=None))
    export("ucdp-csv", evs, tmp_path / "u.csv")
    assert read_csv(tmp_path / "u.csv")[1][0]["source_office"] == "courier.example.ke"


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        (date(2023, 3, 4), date(2023, 3, 4), "day", 1),
        (date(2023, 3, 4), date(2023, 3, 6), "day", 2),
        (date(2023, 2, 27), date(2023, 3, 5), "week", 3),
        (date(2023, 3, 1), date(2023, 3, 31), "month", 4),
        (date(2023, 1, 1), date(2023, 3, 31), "quarter", 5),
        (date(2023, 1, 1), date(2023, 12, 31), "year", 5),
    ],
)
def test_export_ucdp_date_prec(start: date, end: date, precision: str, expected: int) -> None:
    assert ucdp_date_prec(start, end, precision) == expected


@pytest.mark.parametrize(
    ("place", "resolution", "where_prec"),
    [
        ({"precision": 1, "feature_class": "S", "feature_code": "CMP"}, 5, 1),
        ({"precision": 1, "feature_class": "P", "feature_code": "PPL"}, 4, 1),
        ({"precision": 2, "feature_class": "A", "feature_code": "ADM2"}, 3, 3),
        ({"precision": 2, "feature_class": "P", "feature_code": "PPL"}, 3, 2),
        ({"precision": 3, "feature_class": "A", "feature_code": "ADM1"}, 2, 4),
        ({"precision": 4, "feature_class": "A", "feature_code": "PCLI"}, 1, 6),
    ],
)
def test_export_place_precision_mappings(
    place: dict[str, Any], resolution: int, where_prec: int
) -> None:
    assert plover_resolution(place) == resolution
    assert ucdp_where_prec(place) == where_prec


def test_export_claim_phrase_and_interaction() -> None:
    assert claim_phrase({"value": 40, "qualifier": "about", "attributed_to": "UNHCR"}) == (
        "about 40 (UNHCR)"
    )
    assert claim_phrase({"value": 12, "qualifier": "vague", "attributed_to": "AP"}) == (
        "12 (vague figure) (AP)"
    )
    assert interaction(7, 1) == "17"
    assert interaction(None, 3) == "30"
    assert interaction(None, None) == ""
