"""``eventscribe export``: stored events in other formats.

ACLED-like CSV, PLOVER JSONL, UCDP CSV, GeoJSON, Parquet.
"""

from __future__ import annotations

from pathlib import Path

import click

from eventscribe.errors import EventscribeError


@click.command()
@click.option("--db", "db_path", required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", required=True,
              type=click.Choice(["acled-csv", "plover-jsonl", "ucdp-csv", "geojson", "parquet",
                                 "jsonl"]))
@click.option("-o", "--output", "out", required=True, type=click.Path(path_type=Path))
def export(db_path: Path, fmt: str, out: Path) -> None:
    """Export the events in a database to one file."""
    from eventscribe.export import export_events
    from eventscribe.store.sqlite import Store

    try:
        store = Store(db_path, readonly=True)
    except EventscribeError as e:
        raise click.ClickException(str(e)) from e
    n = export_events(fmt, store.iter_events(), out)
    store.close()
    click.echo(f"{n} events -> {out} ({fmt})")
