"""Unit tests for the SQLite store (real SQLite in a temp dir; no model loads)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from eventscribe.errors import EventscribeError
from eventscribe.model import Doc, Event, Span
from eventscribe.store import SCHEMA_VERSION, Store
from tests.unit.test_export_fixtures import TEXT, sample_doc, sample_events

pytestmark = pytest.mark.unit


def fixed_clock() -> datetime:
    return datetime(2023, 3, 7, 9, 30, tzinfo=UTC)


def docs_with_events(n: int) -> list[tuple[Doc, list[Event]]]:
    """``n`` distinct documents (different texts), each with the three sample events."""
    out = []
    for i in range(n):
        doc = sample_doc(TEXT + f"\nUpdate {i}: the road to Wajir reopened.")
        out.append((doc, sample_events(doc)))
    return out


def test_store_write_and_read_back(tmp_path: Path) -> None:
    (doc, events), = docs_with_events(1)
    with Store(tmp_path / "s.db", clock=fixed_clock) as st:
        assert st.write_document(doc, events, ["no date for the sit-in"], config_hash="cfg1")
        assert st.has_document(doc.id)
        c = st.counts()
        assert (c["documents"], c["events"], c["claims"]) == (1, 3, 4)
        # clash: trigger, event, actor, target, place, date, 3 claims + 3 attributions = 12;
        # arrests: trigger, actor, target, place, claim = 5; sit-in: trigger, actor = 2
        assert c["evidence"] == 12 + 5 + 2
        got = list(st.iter_events())
        assert [e["id"] for e in got] == [e.id for e in events]
        assert got[0]["doc"] == {
            "url": "https://courier.example.ke/news/mandera-attack",
            "title": "Militants attack police convoy near Mandera",
            "outlet": "Daily Courier",
            "published": "2023-03-06",
        }
        assert got[0]["counts"]["killed"]["best"] == 9
        assert got[0]["place"]["geonameid"] == 187896
        back = st.get_document(doc.id)
        assert back == doc
        assert st.get_document("nope") is None


def test_store_indexed_columns_and_evidence_rows(tmp_path: Path) -> None:
    (doc, events), = docs_with_events(1)
    path = tmp_path / "s.db"
    with Store(path) as st:
        st.write_document(doc, events)
    con = sqlite3.connect(path)
    row = con.execute(
        "SELECT acled_sub_event_type, date_start, date_end, lat, country_code, place_name,"
        " geonameid, killed_best FROM events WHERE id = ?",
        (events[0].id,),
    ).fetchone()
    assert row == ("Armed clash", "2023-03-04", "2023-03-04", 3.93726, "KE", "Mandera", 187896, 9)
    for start, end, text in con.execute("SELECT span_start, span_end, text FROM evidence"):
        assert doc.text[start:end] == text
    claims = con.execute(
        "SELECT kind, value, high, qualifier, attributed_to, evidence_start, evidence_end"
        " FROM claims ORDER BY id"
    ).fetchall()
    assert claims[2][:5] == ("injured", 12, 14, "range", "Kenya Red Cross")
    assert doc.text[claims[0][5] : claims[0][6]] == "11 officers"
    con.close()


def test_store_double_write_adds_nothing(tmp_path: Path) -> None:
    (doc, events), = docs_with_events(1)
    with Store(tmp_path / "s.db") as st:
        assert st.write_document(doc, events) is True
        before = st.counts()
        assert st.write_document(doc, events) is False
        assert st.write_document(doc, events[:1]) is False
        assert st.counts() == before


def test_store_crash_mid_document_leaves_nothing_and_rerun_completes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch = docs_with_events(3)
    path = tmp_path / "s.db"
    real_insert = Store._insert_event
    calls = {"n": 0}

    def crashing_insert(self: Store, ev: Event) -> None:
        calls["n"] += 1
        if calls["n"] == 5:  # second event of the second document
            raise KeyboardInterrupt("killed")
        real_insert(self, ev)

    st = Store(path)
    monkeypatch.setattr(Store, "_insert_event", crashing_insert)
    with pytest.raises(KeyboardInterrupt):
        for doc, events in batch:
            st.write_document(doc, events)
    st.close()
    monkeypatch.setattr(Store, "_insert_event", real_insert)

    with Store(path) as st2:
        assert st2.has_document(batch[0][0].id)
        assert not st2.has_document(batch[1][0].id)
        assert st2.counts()["events"] == 3 and st2.counts()["claims"] == 4
        assert st2.counts()["evidence"] == 19
        written = [
            st2.write_document(d, evs) for d, evs in batch if not st2.has_document(d.id)
        ]
        assert written == [True, True]
        c = st2.counts()
        assert (c["documents"], c["events"], c["claims"]) == (3, 9, 12)
        ids = [e["id"] for e in st2.iter_events()]
        assert len(ids) == len(set(ids)) == 9


def test_store_span_mismatch_is_e006_and_writes_nothing(tmp_path: Path) -> None:
    (doc, events), = docs_with_events(1)
    bad = replace(events[0], trigger=Span(0, 8, "Attacked"))  # text there is "Suspecte"
    with Store(tmp_path / "s.db") as st:
        with pytest.raises(EventscribeError) as err:
            st.write_document(doc, [events[1], bad])
        assert err.value.code == "E006"
        assert st.counts()["documents"] == 0 and st.counts()["events"] == 0


def test_store_schema_version_recorded_and_newer_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as st:
        assert st.schema_version == SCHEMA_VERSION
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (SCHEMA_VERSION + 1,))
    con.commit()
    con.close()
    for readonly in (False, True):
        with pytest.raises(EventscribeError) as err:
            Store(path, readonly=readonly)
        assert err.value.code == "E031"


def test_store_reopen_keeps_data(tmp_path: Path) -> None:
    (doc, events), = docs_with_events(1)
    path = tmp_path / "s.db"
    with Store(path) as st:
        st.write_document(doc, events)
    with Store(path) as st:
        assert st.counts()["events"] == 3 and st.schema_version == SCHEMA_VERSION


def test_store_non_sqlite_file_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    content = b"These are my notes about the Mandera attack, not a database.\n" * 20
    path.write_bytes(content)
    with pytest.raises(EventscribeError) as err:
        Store(path)
    assert err.value.code == "E032" and "not an SQLite database" in err.value.message
    assert path.read_bytes() == content


def test_store_damaged_database_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as st:
        for doc, events in docs_with_events(4):
            st.write_document(doc, events)
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    raw = bytearray(path.read_bytes())
    assert len(raw) > 3 * page
    raw[page : 3 * page] = b"\xa5" * (2 * page)  # smash pages 2-3 (sqlite_master stays)
    path.write_bytes(bytes(raw))
    with pytest.raises(EventscribeError) as err:
        Store(path)
    assert err.value.code == "E032"
    assert path.read_bytes() == bytes(raw)


def test_store_foreign_sqlite_database_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(EventscribeError) as err:
        Store(path)
    assert err.value.code == "E030"
    con = sqlite3.connect(path)
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    con.close()
    assert tables == ["recipes"]


def test_store_errors_deduplicated_and_runs_recorded(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db", clock=fixed_clock) as st:
        run = st.start_run("cfg1", {"stages": ["text.v1"]})
        st.write_error("in/a.txt", "E001", "empty document", run_id=run)
        st.write_error("in/a.txt", "E001", "empty document", run_id=run)
        st.write_error("in/b.jsonl:3", "E007", "invalid JSON", run_id=run)
        st.finish_run(run, {"documents": 0, "errors": 2})
        assert st.counts()["errors"] == 2
        errs = list(st.iter_errors())
        assert errs[0] == {
            "doc_key": "in/a.txt", "code": "E001", "message": "empty document",
            "at": "2023-03-07T09:30:00+00:00", "run_id": run,
        }
        (r,) = list(st.iter_runs())
        assert r["finished_at"] == "2023-03-07T09:30:00+00:00"
        assert r["counts"] == {"documents": 0, "errors": 2}


def test_store_wal_and_concurrent_reader(tmp_path: Path) -> None:
    batch = docs_with_events(2)
    path = tmp_path / "s.db"
    writer = Store(path)
    writer.write_document(*batch[0])
    assert writer._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert writer._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    writer._conn.execute("BEGIN IMMEDIATE")  # the writer holds the write lock
    writer._conn.execute("DELETE FROM evidence")
    with Store(path, readonly=True) as reader:
        assert reader.counts()["documents"] == 1
        assert reader.counts()["evidence"] > 0  # uncommitted delete is invisible
        with pytest.raises(sqlite3.OperationalError):
            reader._conn.execute("DELETE FROM errors")
    writer._conn.execute("ROLLBACK")
    writer.close()


def test_store_readonly_missing_file_refused(tmp_path: Path) -> None:
    with pytest.raises(EventscribeError) as err:
        Store(tmp_path / "missing.db", readonly=True)
    assert err.value.code == "E030"
    assert not (tmp_path / "missing.db").exists()
