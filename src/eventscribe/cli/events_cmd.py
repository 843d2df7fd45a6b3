"""``eventscribe events`` (merged events), ``eventscribe merge`` and ``eventscribe split``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.table import Table

from eventscribe.cli.common import console
from eventscribe.errors import EventscribeError

_DB = click.option("--db", "db_path", required=True,
                   type=click.Path(path_type=Path, exists=True, dir_okay=False),
                   help="eventscribe SQLite database.")


def _open(db_path: Path) -> Any:
    from eventscribe.store.merged import merge_pending
    from eventscribe.store.sqlite import Store

    try:
        store = Store(db_path)
        report = merge_pending(store)
    except EventscribeError as e:
        raise click.ClickException(str(e)) from e
    if report.pending or report.repaired_components:
        console.print(f"merged {report.pending} pending event(s) "
                      f"(repaired {report.repaired_components} component(s))")
    return store


def _counts(m: dict[str, Any]) -> str:
    parts = []
    for kind, c in (m.get("counts") or {}).items():
        if c:
            rng = f" [{c['low']}-{c['high']}]" if c["low"] != c["high"] else ""
            parts.append(f"{kind} {c['best']}{rng}")
    return ", ".join(parts)


@click.command()
@_DB
@click.option("--show-merges", is_flag=True, help="List each merged event's reports and reasons.")
@click.option("--min-reports", default=1, show_default=True,
              help="Only merged events with at least this many reports.")
@click.option("--json", "as_json", is_flag=True, help="One merged event JSON object per line.")
@click.option("--audit", is_flag=True, help="Also list the manual merge/split decisions.")
def events(db_path: Path, show_merges: bool, min_reports: int, as_json: bool,
           audit: bool) -> None:
    """List merged events (one real-world event, all its reports and claims).

    Pending events (new, or left by an interrupted run) are merged first.
    """
    from eventscribe.store.merged import iter_audit, iter_merged

    store = _open(db_path)
    try:
        merged = list(iter_merged(store, min_reports=min_reports))
        decisions = list(iter_audit(store)) if audit else []
    finally:
        store.close()
    if as_json:
        for m in merged:
            sys.stdout.write(json.dumps(m, ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(merged)} merged events in {db_path}")
    for col in ("id", "type", "place", "date", "counts", "reports"):
        table.add_column(col)
    for m in merged:
        place = (m.get("place") or {}).get("name") or ""
        dt = m.get("date") or {}
        when = f"{dt.get('start')}..{dt.get('end')}" if dt else ""
        table.add_row(m["id"], str(m["type"].get("acled_sub_event_type")), place, when,
                      _counts(m), str(m["n_reports"]))
    console.print(table)
    if show_merges:
        for m in merged:
            if m["n_reports"] < 2:
                continue
            click.echo(f"{m['id']}  ({m['n_reports']} reports, {m['merge_confidence']})")
            for r in m["reports"]:
                doc = r.get("doc") or {}
                src = doc.get("outlet") or doc.get("url") or doc.get("title") or r["doc_id"]
                click.echo(f"  {r['event_id']}  {r['type']}  {r['place'] or '-'}  "
                           f"{r['date'] or '-'}  [{src}]")
            for lk in m["merges"]:
                click.echo(f"    {lk['by']}: {lk['a']} + {lk['b']}: {lk['reason']}")
            for note in m.get("notes") or ():
                click.echo(f"    note: {note}")
    if audit:
        for d in decisions:
            click.echo(f"audit #{d['id']} {d['at']} {d['action']} {d['event_a']} "
                       f"{d['event_b']} {d['note'] or ''}")


@click.command()
@_DB
@click.argument("ids", nargs=-1, required=True)
@click.option("--note", default=None, help="Why (kept in the audit table).")
def merge(db_path: Path, ids: tuple[str, ...], note: str | None) -> None:
    """Merge events or merged events (ev_... / mev_... ids) by hand; later runs keep it."""
    from eventscribe.store.merged import record_merge

    store = _open(db_path)
    try:
        report = record_merge(store, ids, note=note)
    except EventscribeError as e:
        raise click.ClickException(str(e)) from e
    finally:
        store.close()
    for c in report.conflicts:
        console.print(f"[yellow]{c}[/yellow]")
    click.echo(f"merged {len(ids)} ids; {report.merged_events_written} merged event(s) rewritten")


@click.command()
@_DB
@click.argument("event_ids", nargs=-1, required=True)
@click.option("--note", default=None, help="Why (kept in the audit table).")
def split(db_path: Path, event_ids: tuple[str, ...], note: str | None) -> None:
    """Take report events (ev_... ids) out of their merged events; later runs keep it."""
    from eventscribe.store.merged import record_split

    store = _open(db_path)
    try:
        report = record_split(store, event_ids, note=note)
    except EventscribeError as e:
        raise click.ClickException(str(e)) from e
    finally:
        store.close()
    click.echo(f"split {len(event_ids)} event(s); "
               f"{report.merged_events_written} merged event(s) rewritten")
