"""``eventscribe extract`` (one article -> JSON, no database) and ``eventscribe demo``."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click
from rich.table import Table

from eventscribe.cli.common import console, parse_date
from eventscribe.errors import EventscribeError


def _load_one(path: Path, published: date | None) -> list:  # type: ignore[type-arg]
    from eventscribe.io.readers import iter_inputs

    items = list(iter_inputs([path], published))
    if not items:
        raise click.ClickException(f"E008 {path}: no readable document (unsupported suffix?)")
    return items


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--published", callback=parse_date, default=None,
              help="Publication date (YYYY-MM-DD) when the article carries none.")
@click.option("--outlet", default=None, help="Who publishes the article (the default source).")
def extract(file: Path, published: date | None, outlet: str | None) -> None:
    """Print the events of one article FILE as a JSON list (no database)."""
    from dataclasses import replace

    from eventscribe.io.results import ReadError
    from eventscribe.pipeline import default_pipeline

    out: list[dict[str, object]] = []
    for item in _load_one(file, published):
        if isinstance(item, ReadError):
            raise click.ClickException(f"{item.code} {item.message}")
        if outlet:
            item = replace(item, source=replace(item.source, outlet=outlet))
        (result,) = list(default_pipeline().process([item]))
        if result.error:
            raise click.ClickException(str(result.error))
        out.extend(e.to_dict() for e in result.events)
        for note in result.notes:
            console.print(f"[yellow]note:[/yellow] {note}")
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--published", callback=parse_date, default=None)
@click.option("--out", "out_dir", default=Path("out"), type=click.Path(path_type=Path))
def demo(file: Path, published: date | None, out_dir: Path) -> None:
    """Run the whole job on one example article and write every export format to OUT."""
    from eventscribe.export import EXPORT_SUFFIX, export_events
    from eventscribe.io.readers import iter_inputs
    from eventscribe.io.results import ReadError
    from eventscribe.pipeline import Pipeline
    from eventscribe.store.sqlite import Store

    out_dir.mkdir(parents=True, exist_ok=True)
    db = out_dir / "events.db"
    store = Store(db)
    pipeline = Pipeline()
    for item in iter_inputs([file], published):
        if isinstance(item, ReadError):
            raise click.ClickException(f"{item.code} {item.message}")
        for result in pipeline.process([item]):
            if result.error:
                raise click.ClickException(str(result.error))
            store.write_document(result.doc, result.events, result.notes)
    events = list(store.iter_events())
    store.close()
    written = []
    for fmt, suffix in EXPORT_SUFFIX.items():
        path = out_dir / f"events{suffix}"
        n = export_events(fmt, events, path)
        written.append((fmt, path, n))
    table = Table(title=f"{len(events)} events from {file.name}")
    for col in ("type", "place", "date", "killed", "actors -> targets"):
        table.add_column(col, overflow="fold")
    for e in events:
        place = e["place"]["name"] if e.get("place") else "-"
        d = e.get("date") or {}
        dd = f"{d.get('start')}..{d.get('end')} ({d.get('precision')})" if d else "-"
        k = (e.get("counts") or {}).get("killed")
        killed = f"{k['best']} [{k['low']}-{k['high']}]" if k else ""
        roles = ", ".join(a["name"] for a in e["actors"][:2]) + " -> " + ", ".join(
            t["name"][:40] for t in e["targets"][:2])
        table.add_row(e["type"]["acled_sub_event_type"], place, dd, killed, roles)
    console.print(table)
    click.echo(f"database: {db}")
    for fmt, path, n in written:
        click.echo(f"{fmt:>13}: {path} ({n} rows)")


__all__ = ["EventscribeError", "demo", "extract"]
