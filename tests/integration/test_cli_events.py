"""``eventscribe run`` merges reports across documents; ``events``, ``merge`` and ``split``."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventscribe.cli.main import cli

pytestmark = pytest.mark.integration

# Four hand-written reports: two of one raid (tolls differ), and an unrelated protest.
REPORTS = [
    {"id": "1", "outlet": "Daily Sun", "published": "2024-05-02",
     "title": "Gunmen kill 12 in Kaduna village",
     "text": "Gunmen killed 12 villagers in an attack on Kauru in Kaduna State on Wednesday, "
             "police said. The attackers also abducted 5 women, residents said."},
    {"id": "2", "outlet": "Punch", "published": "2024-05-02", "title": "Bandits attack Kauru",
     "text": "At least 10 people were killed when bandits attacked Kauru, Kaduna State, on "
             "Wednesday, the police said. Residents said the gunmen abducted five women."},
    {"id": "3", "outlet": "Guardian", "published": "2024-05-21", "title": "Students protest",
     "text": "Hundreds of students marched peacefully through Kano on Monday against rising "
             "school fees."},
]


def _jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _merged(runner: CliRunner, db: Path) -> list[dict[str, object]]:
    res = runner.invoke(cli, ["events", "--db", str(db), "--json"])
    assert res.exit_code == 0, res.output
    return [json.loads(line) for line in res.stdout.splitlines() if line.strip()]


def test_cli_events_run_merges_two_reports_of_one_raid(tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "e.db"
    res = runner.invoke(cli, ["run", str(_jsonl(tmp_path / "in.jsonl", REPORTS)), "--db",
                              str(db), "--quiet"])
    assert res.exit_code == 0, res.output
    merged = _merged(runner, db)
    raid = [m for m in merged if m["n_reports"] == 2]
    assert len(raid) == 1
    killed = raid[0]["counts"]["killed"]  # type: ignore[index]
    assert (killed["best"], killed["high"]) == (10, 12)
    assert len({c["doc_id"] for c in killed["claims"]}) == 2  # each claim keeps its report
    assert all(c["attributed_to"] and c["evidence"] for c in killed["claims"])
    shown = runner.invoke(cli, ["events", "--db", str(db), "--show-merges"])
    assert shown.exit_code == 0
    assert "same place (Kauru)" in shown.output and "[Punch]" in shown.output


def test_cli_events_order_of_runs_does_not_matter(tmp_path: Path) -> None:
    runner = CliRunner()
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    for i, row in enumerate(REPORTS):
        runner.invoke(cli, ["run", str(_jsonl(tmp_path / f"a{i}.jsonl", [row])), "--db",
                            str(one), "--quiet"])
    for i, row in enumerate(reversed(REPORTS)):
        runner.invoke(cli, ["run", str(_jsonl(tmp_path / f"b{i}.jsonl", [row])), "--db",
                            str(two), "--quiet"])
    key = lambda ms: sorted(json.dumps(m, sort_keys=True) for m in ms)  # noqa: E731
    assert key(_merged(runner, one)) == key(_merged(runner, two))


def test_cli_events_split_then_merge_are_audited_and_kept(tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "e.db"
    runner.invoke(cli, ["run", str(_jsonl(tmp_path / "in.jsonl", REPORTS[:2])), "--db", str(db),
                        "--quiet"])
    (raid,) = [m for m in _merged(runner, db) if m["n_reports"] == 2]
    first, second = raid["event_ids"]  # type: ignore[misc]
    res = runner.invoke(cli, ["split", "--db", str(db), second, "--note", "two raids"])
    assert res.exit_code == 0, res.output
    assert all(m["n_reports"] == 1 for m in _merged(runner, db))
    # a rerun of the same input does not undo the split
    runner.invoke(cli, ["run", str(tmp_path / "in.jsonl"), "--db", str(db), "--quiet"])
    assert all(m["n_reports"] == 1 for m in _merged(runner, db))
    res = runner.invoke(cli, ["merge", "--db", str(db), first, second])
    assert res.exit_code == 0, res.output
    assert [m["n_reports"] for m in _merged(runner, db)] == [2]
    rows = sqlite3.connect(db).execute("SELECT action FROM dedup_audit ORDER BY id").fetchall()
    assert [r[0] for r in rows] == ["split", "merge"]
    bad = runner.invoke(cli, ["merge", "--db", str(db), "ev_nope", first])
    assert bad.exit_code != 0 and "E056" in bad.output
