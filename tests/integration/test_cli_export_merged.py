"""`eventscribe export` at both levels: two outlets' reports of one bombing become one row."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventscribe.cli.main import cli

pytestmark = pytest.mark.integration

FEED = [
    {"id": "a1", "url": "https://example-news.test/a1", "outlet": "Example News",
     "title": "Car bomb kills 11 in Kirkuk market", "published": "2021-03-05",
     "text": "Car bomb kills 11 in Kirkuk market\n\nKIRKUK, Iraq - A car bomb exploded in a "
             "crowded market in Kirkuk on Thursday, killing 11 people and wounding 30, police "
             "said. No group claimed responsibility."},
    {"id": "b1", "url": "https://daily-wire.test/b1", "outlet": "Daily Wire",
     "title": "Market blast in Kirkuk", "published": "2021-03-06",
     "text": "Market blast in Kirkuk\n\nAt least nine people were killed when a car bomb "
             "exploded at a market in Kirkuk on Thursday, Amnesty International said. Local "
             "officials said 25 people were wounded."},
    {"id": "c1", "url": "https://example-news.test/c1", "outlet": "Example News",
     "title": "Protest in Basra", "published": "2021-03-06",
     "text": "Protest in Basra\n\nHundreds of people protested in Basra on Friday against "
             "power cuts, witnesses said."},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("merged")
    feed = d / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in FEED), encoding="utf-8")
    out = d / "ev.db"
    r = CliRunner().invoke(cli, ["run", str(feed), "--db", str(out), "--quiet"])
    assert r.exit_code == 0, r.output
    return out


def _acled(db: Path, tmp: Path, *extra: str) -> list[dict[str, str]]:
    out = tmp / f"rows{len(extra)}.csv"
    r = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "acled-csv",
                                 "-o", str(out), *extra])
    assert r.exit_code == 0, r.output
    with out.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_cli_export_merged_one_row_per_real_event(db: Path, tmp_path: Path) -> None:
    reports = _acled(db, tmp_path, "--level", "reports")
    merged = _acled(db, tmp_path)
    bombs = [r for r in merged if r["location"] == "Kirkuk"]
    assert len(bombs) == 1 and len(merged) < len(reports)
    bomb = bombs[0]
    assert bomb["source"] == "Example News; Daily Wire"
    # both outlets' tolls are kept; the conservative best is the lower one
    assert "11" in bomb["notes"] and "at least 9" in bomb["notes"]
    assert bomb["fatalities"] == "9"
    claims = json.loads(bomb["claims_json"])["killed"]["claims"]
    assert {c["doc_id"] for c in claims} == {r["doc_id"] for r in reports
                                            if r["location"] == "Kirkuk"}


def test_cli_export_merged_min_reports(db: Path, tmp_path: Path) -> None:
    confirmed = _acled(db, tmp_path, "--min-reports", "2")
    assert [r["location"] for r in confirmed] == ["Kirkuk"]
