"""``eventscribe export``: stored events in other formats.

ACLED-like CSV, PLOVER JSONL, UCDP CSV, GeoJSON, Parquet, and the event JSON itself. By default
one row per **merged event** (one real-world event, every report's claims); ``--level reports``
writes one row per report event instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from eventscribe.cli.common import console
from eventscribe.errors import EventscribeError


def _merged_rows(store: Any, min_reports: int) -> Iterator[dict[str, Any]]:
    from eventscribe.export.merged import merged_as_event
    from eventscribe.store.merged import iter_merged_with_reports

    for merged, reports in iter_merged_with_reports(store, min_reports=min_reports):
        yield merged_as_event(merged, reports)


@click.command()
@click.option("--db", "db_path", required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", required=True,
              type=click.Choice(["acled-csv", "plover-jsonl", "ucdp-csv", "geojson", "parquet",
                                 "jsonl"]))
@click.option("-o", "--output", "out", required=True, type=click.Path(path_type=Path))
@click.option("--level", type=click.Choice(["merged", "reports"]), default="merged",
              show_default=True,
              help="merged: one row per real-world event, with every report's claims "
                   "(pending events are merged first); reports: one row per report event.")
@click.option("--min-reports", default=1, show_default=True,
              help="With --level merged: only events confirmed by at least this many reports.")
def export(db_path: Path, fmt: str, out: Path, level: str, min_reports: int) -> None:
    """Export the events in a database to one file."""
    from eventscribe.export import export_events
    from eventscribe.store.sqlite import Store

    try:
        store = Store(db_path, readonly=level == "reports")
    except EventscribeError as e:
        raise click.ClickException(str(e)) from e
    try:
        if level == "reports":
            rows: Any = store.iter_events()
        else:
            from eventscribe.store.merged import merge_pending

            report = merge_pending(store)
            if report.pending:
                console.print(f"merged {report.pending} pending event(s) first")
            rows = _merged_rows(store, min_reports)
        n = export_events(fmt, rows, out)
    except EventscribeError as e:
        raise click.ClickException(str(e)) from e
    finally:
        store.close()
    noun = "merged events" if level == "merged" else "report events"
    click.echo(f"{n} {noun} -> {out} ({fmt})")
