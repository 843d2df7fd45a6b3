"""The CLI as a user runs it: a mixed batch with bad inputs, a second run, every export."""

from __future__ import annotations

import csv
import json
import sqlite3

import pytest
from click.testing import CliRunner

from eventscribe.cli.main import cli
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    d = tmp_path_factory.mktemp("inputs")
    (d / "a-example.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (d / "b-empty.txt").write_text("   \n", encoding="utf-8")
    (d / "c-binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (d / "d-latin1.txt").write_bytes("Caf\xe9 bombing in Kabul killed 3.".encode("latin-1"))
    (d / "e-noarticle.html").write_text("<html><body><nav>Home</nav></body></html>")
    (d / "f-absurd.txt").write_text(
        "Officials said 10000000000 people were killed in Gao on Monday. A rally is planned "
        "for the year 3025.", encoding="utf-8")
    (d / "g-noevent.txt").write_text("The museum reopened its east wing to visitors.")
    lines = [
        json.dumps({"id": "1", "url": "https://news.example/1", "outlet": "Example News",
                    "published": "2022-05-20", "title": "Shelling",
                    "text": "Russian shelling of Kharkiv killed two civilians on Thursday."}),
        "{not json",
        json.dumps({"id": "3", "published": "not a date", "text": "Police arrested 4 men."}),
    ]
    (d / "h-feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return d


def _rows(db, table):
    with sqlite3.connect(db) as con:
        return con.execute(f"select count(*) from {table}").fetchone()[0]


def test_cli_run_batch_survives_bad_inputs_and_is_idempotent(batch, tmp_path):
    db = tmp_path / "ev.db"
    runner = CliRunner()
    r1 = runner.invoke(cli, ["run", str(batch), "--db", str(db), "--published", "2020-07-29",
                             "--quiet"])
    assert r1.exit_code == 0, r1.output
    docs, events, errors = _rows(db, "documents"), _rows(db, "events"), _rows(db, "errors")
    assert docs >= 3 and events >= 20
    with sqlite3.connect(db) as con:
        codes = {c for (c,) in con.execute("select code from errors")}
    assert {"E001", "E002", "E003", "E005", "E007", "E009"} <= codes
    r2 = runner.invoke(cli, ["run", str(batch), "--db", str(db), "--quiet"])
    assert r2.exit_code == 0, r2.output
    assert (_rows(db, "documents"), _rows(db, "events"), _rows(db, "errors")) == (
        docs, events, errors)


def test_cli_absurd_numbers_and_dates_give_no_claims(batch, tmp_path):
    r = CliRunner().invoke(cli, ["extract", str(batch / "f-absurd.txt"),
                                 "--published", "2020-07-29"])
    assert r.exit_code == 0, r.output
    start = r.output.index("[")
    events = json.loads(r.output[start:])
    for e in events:
        for c in e["counts"].values():
            assert not c or all(cl["value"] < 10_000_000 for cl in c["claims"])
        assert not e["date"] or e["date"]["start"] < "2100"
    assert "E010" in r.output


def test_cli_exports_open(batch, tmp_path):
    import pyarrow.parquet as pq

    db = tmp_path / "ev.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["run", str(batch / "a-example.txt"), "--db", str(db),
                               "--published", "2020-07-29", "--quiet"]).exit_code == 0
    n = _rows(db, "events")
    outs = {}
    for fmt, name in [("acled-csv", "e.csv"), ("ucdp-csv", "u.csv"), ("plover-jsonl", "p.jsonl"),
                      ("geojson", "g.geojson"), ("parquet", "e.parquet")]:
        out = tmp_path / name
        r = runner.invoke(cli, ["export", "--db", str(db), "--format", fmt, "-o", str(out)])
        assert r.exit_code == 0, r.output
        outs[fmt] = out
    with open(outs["acled-csv"], newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == n and {"event_id_cnty", "fatalities", "notes", "latitude"} <= rows[0].keys()
    assert any(r["fatalities"] == "9" for r in rows)
    plover = [json.loads(x) for x in outs["plover-jsonl"].read_text().splitlines()]
    assert len(plover) == n and all("event_loc" in p for p in plover)
    gj = json.loads(outs["geojson"].read_text())
    assert gj["type"] == "FeatureCollection" and gj["features"]
    assert pq.read_table(outs["parquet"]).num_rows == n


def test_cli_version():
    r = CliRunner().invoke(cli, ["--version"])
    assert r.exit_code == 0 and "eventscribe" in r.output
