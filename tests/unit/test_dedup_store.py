"""Merged events in the SQLite store: incremental merging, manual decisions, repair."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventscribe.dedup import dedup
from eventscribe.errors import EventscribeError
from eventscribe.store import SCHEMA_VERSION, Store
from eventscribe.store.merged import (
    iter_audit,
    iter_merged,
    merge_pending,
    pending_ids,
    record_merge,
    record_split,
)
from eventscribe.store.migrations import MIGRATIONS
from tests.unit.dedup_helpers import Spec, make_report
from tests.unit.test_dedup import spec_st

pytestmark = pytest.mark.unit


def state(store: Store) -> tuple[list[tuple[str, ...]], list[str]]:
    """Clusters (sorted member tuples) and the merged JSON, for comparisons."""
    rows = store._conn.execute("SELECT merged_id, event_id FROM event_clusters").fetchall()
    by: dict[str, list[str]] = {}
    for mid, eid in rows:
        by.setdefault(mid, []).append(eid)
    clusters = sorted(tuple(sorted(v)) for v in by.values())
    merged = sorted(json.dumps(m, sort_keys=True) for m in iter_merged(store))
    return clusters, merged


def write(store: Store, specs: list[Spec], serials: list[int]) -> None:
    for spec, n in zip(specs, serials, strict=True):
        doc, ev = make_report(spec, n)
        store.write_document(doc, [ev])


KAURU = [Spec("A", killed=12), Spec("B", killed=10), Spec("C", day=20),
         Spec("D", place="zaria", killed=12)]


def test_dedup_store_merges_after_writing_and_keeps_every_claim(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as st_:
        write(st_, KAURU[:2], [0, 1])
        assert len(pending_ids(st_)) == 2
        rep = merge_pending(st_)
        assert rep.pending == 2 and not pending_ids(st_)
        (m,) = [m for m in iter_merged(st_) if m["n_reports"] == 2]
        killed = m["counts"]["killed"]
        assert (killed["best"], killed["low"], killed["high"]) == (10, 10, 12)
        assert sorted(c["attributed_to"] for c in killed["claims"]) == ["A", "B"]
        assert all(c["doc_id"] and c["event_id"] for c in killed["claims"])
        assert m["place"]["name"] == "Kauru" and m["date"]["start"] == "2024-05-01"
        assert m["merges"][0]["reason"].startswith("same type (Attack)")


def test_dedup_store_second_merge_changes_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as st_:
        write(st_, KAURU, [0, 1, 2, 3])
        merge_pending(st_)
        before = state(st_)
        rep = merge_pending(st_)
        assert rep.pending == 0 and rep.merged_events_written == 0
        assert state(st_) == before


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(spec_st, min_size=2, max_size=7), st.randoms(use_true_random=False))
def test_dedup_store_incremental_equals_batch_in_any_order(
        tmp_path_factory: pytest.TempPathFactory, specs: list[Spec], rnd: random.Random) -> None:
    base = tmp_path_factory.mktemp("inc")
    serials = list(range(len(specs)))
    with Store(base / "batch.db") as batch:
        write(batch, specs, serials)
        merge_pending(batch)
        want = state(batch)
    order = list(range(len(specs)))
    rnd.shuffle(order)
    with Store(base / "inc.db") as inc:
        for i in order:  # one document per run, in another order
            write(inc, [specs[i]], [i])
            merge_pending(inc)
        assert state(inc) == want
    # and the batch equals the pure function's clustering
    evs = [make_report(s, i)[1].to_dict() for i, s in enumerate(specs)]
    assert sorted(dedup(evs).clusters) == want[0]


def test_dedup_store_manual_decisions_are_audited_and_survive_later_runs(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as st_:
        write(st_, KAURU[:3], [0, 1, 2])
        merge_pending(st_)
        pair = next(m for m in iter_merged(st_) if m["n_reports"] == 2)
        a, b = pair["event_ids"]
        record_split(st_, [b], note="different raids")
        assert all(m["n_reports"] == 1 for m in iter_merged(st_))
        lone = next(m for m in iter_merged(st_) if m["date"]["start"] == "2024-05-20")
        record_merge(st_, [lone["id"], a], note="same raid, misdated")
        merged = [m for m in iter_merged(st_) if m["n_reports"] == 2]
        assert len(merged) == 1 and merged[0]["merges"][0]["by"] == "manual"
        # a later run with one more report of the raid keeps both decisions
        write(st_, [Spec("E", killed=12)], [9])
        merge_pending(st_)
        clusters, _ = state(st_)
        assert not any(a in c and b in c for c in clusters)
        assert any(a in c and lone["event_ids"][0] in c for c in clusters)
        actions = [d["action"] for d in iter_audit(st_)]
        assert actions == ["split", "merge"]


def test_dedup_store_bad_manual_ids_are_refused(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as st_:
        write(st_, KAURU[:1], [0])
        merge_pending(st_)
        with pytest.raises(EventscribeError) as e:
            record_merge(st_, ["ev_nope", "ev_nada"])
        assert e.value.code == "E056"
        (m,) = iter_merged(st_)
        with pytest.raises(EventscribeError) as e:
            record_split(st_, m["event_ids"])
        assert e.value.code == "E058"


def test_dedup_store_repairs_missing_merged_rows(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as st_:
        write(st_, KAURU[:2], [0, 1])
        merge_pending(st_)
        want = state(st_)
    con = sqlite3.connect(path)
    con.execute("DELETE FROM merged_events")  # as if a tool or a crash lost them
    con.commit()
    con.close()
    with Store(path) as st_:
        rep = merge_pending(st_)
        assert rep.repaired_components == 1
        assert state(st_) == want
    con = sqlite3.connect(path)
    con.execute("UPDATE merged_events SET json = '{\"id\": '")  # a damaged record
    con.commit()
    con.close()
    with Store(path) as st_:
        assert merge_pending(st_).repaired_components == 1
        assert state(st_) == want


def test_dedup_store_pending_events_of_a_killed_run_are_merged_next_time(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as st_:
        write(st_, KAURU[:2], [0, 1])  # killed before merging
    with Store(path) as st_:
        assert len(pending_ids(st_)) == 2
        merge_pending(st_)
        assert [m["n_reports"] for m in iter_merged(st_)] == [2]


def test_dedup_store_v1_database_is_migrated_to_v2(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    con.executescript(MIGRATIONS[0])
    con.execute("INSERT INTO meta(key, value) VALUES ('schema_version', '1')")
    con.commit()
    con.close()
    with Store(path) as st_:
        assert st_.schema_version == SCHEMA_VERSION == 2
        write(st_, KAURU[:1], [0])
        assert merge_pending(st_).pending == 1
