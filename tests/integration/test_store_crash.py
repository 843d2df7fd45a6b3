"""Integration: a writer process killed mid-document leaves no partial document; a rerun
finishes the batch without duplicates."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from eventscribe.store import Store

pytestmark = pytest.mark.integration

UNIT_DIR = Path(__file__).resolve().parents[1] / "unit"

WRITER = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {unit_dir!r})
    from test_export_fixtures import TEXT, sample_doc, sample_events
    from eventscribe.store import Store

    crash_at = int(sys.argv[2])
    calls = 0
    real = Store._insert_event

    def insert(self, ev):
        global calls
        calls += 1
        if calls == crash_at:
            os._exit(9)  # hard kill: no rollback, no close, no atexit
        real(self, ev)

    Store._insert_event = insert
    st = Store(sys.argv[1])
    for i in range(4):
        doc = sample_doc(TEXT + f"\\nUpdate {{i}}: the road to Wajir reopened.")
        if not st.has_document(doc.id):
            st.write_document(doc, sample_events(doc))
    st.close()
    """
)


def run_writer(script: Path, db: Path, crash_at: int) -> int:
    return subprocess.run(
        [sys.executable, str(script), str(db), str(crash_at)], check=False, timeout=120
    ).returncode


def test_store_killed_writer_then_rerun(tmp_path: Path) -> None:
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(unit_dir=str(UNIT_DIR)), encoding="utf-8")
    db = tmp_path / "events.db"
    assert run_writer(script, db, crash_at=8) == 9  # dies on the 2nd event of the 3rd document
    with Store(db, readonly=True) as st:
        c = st.counts()
        assert (c["documents"], c["events"], c["claims"], c["evidence"]) == (2, 6, 8, 38)
    assert run_writer(script, db, crash_at=0) == 0
    assert run_writer(script, db, crash_at=0) == 0  # a third run adds nothing
    with Store(db) as st:
        c = st.counts()
        assert (c["documents"], c["events"], c["claims"], c["evidence"]) == (4, 12, 16, 76)
        ids = [e["id"] for e in st.iter_events()]
        assert len(set(ids)) == 12
