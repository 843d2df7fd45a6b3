"""``eventscribe run``: read inputs, extract events, store them; resumable and idempotent."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from eventscribe.cli.common import console, parse_date
from eventscribe.errors import EventscribeError
from eventscribe.model import Doc


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--db", "db_path", required=True, type=click.Path(path_type=Path),
              help="SQLite database to write (created if missing).")
@click.option("--published", callback=parse_date, default=None,
              help="Publication date (YYYY-MM-DD) for documents that carry none.")
@click.option("--batch-size", default=32, show_default=True, help="Documents per NER batch.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--no-merge", is_flag=True,
              help="Skip cross-report dedup (pending events are merged by the next run).")
def run(inputs: tuple[Path, ...], db_path: Path, published: date | None, batch_size: int,
        quiet: bool, no_merge: bool) -> None:
    """Extract events from INPUTS (files, folders, .jsonl, .html) into a database.

    Documents already in the database (same content hash) are skipped, so a run that was
    killed can simply be started again. Per-document errors are recorded and listed at the
    end; the exit code is non-zero only on a fatal error. New events are then merged into
    the stored merged events (cross-report dedup, docs/dedup.md): only the groups they touch
    are re-clustered, and the result does not depend on the order documents arrive in.
    """
    from eventscribe.config import PipelineConfig
    from eventscribe.io.readers import iter_inputs
    from eventscribe.io.results import ReadError
    from eventscribe.pipeline import Pipeline
    from eventscribe.store.sqlite import Store

    for p in inputs:
        if not p.exists():
            raise click.ClickException(f"E008 no such file or folder: {p}")
    try:
        store = Store(db_path)
    except EventscribeError as e:
        raise click.ClickException(str(e)) from e
    config = PipelineConfig(batch_size=batch_size)
    pipeline = Pipeline(config)
    stats: Counter[str] = Counter()
    errors: list[tuple[str, str, str]] = []
    run_id = store.start_run(config.hash())

    def fresh_docs() -> Iterator[Doc]:
        for item in iter_inputs(list(inputs), published):
            if isinstance(item, ReadError):
                store.write_error(item.key, item.code, item.message, run_id=run_id)
                errors.append((item.key, item.code, item.message))
                stats["errors"] += 1
                continue
            stats["read"] += 1
            if store.has_document(item.id):
                stats["skipped"] += 1
                continue
            yield item

    with Progress(SpinnerColumn(), TextColumn("[progress.description]{task.description}"),
                  BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[events]} events"),
                  console=console, disable=quiet, transient=False) as progress:
        task = progress.add_task("extracting", total=None, events=0)
        for result in pipeline.process(fresh_docs()):
            key = result.doc.source.path or result.doc.source.url or result.doc.id
            if result.error is not None:
                store.write_error(key, result.error.code, result.error.message, run_id=run_id)
                errors.append((key, result.error.code, result.error.message))
                stats["errors"] += 1
            else:
                try:
                    written = store.write_document(result.doc, result.events, result.notes,
                                                   config_hash=config.hash(), run_id=run_id)
                except EventscribeError as e:  # e.g. E006 evidence mismatch: record, go on
                    store.write_error(key, e.code, e.message, run_id=run_id)
                    errors.append((key, e.code, e.message))
                    stats["errors"] += 1
                    written = False
                if written:
                    stats["documents"] += 1
                    stats["events"] += len(result.events)
            progress.update(task, advance=1, events=stats["events"])
    if not no_merge:
        from eventscribe.store.merged import merge_pending

        try:
            merged = merge_pending(store)
        except EventscribeError as e:
            store.close()
            raise click.ClickException(str(e)) from e
        stats["merged_pending"] = merged.pending
        stats["merged_events_rewritten"] = merged.merged_events_written
    store.finish_run(run_id, dict(stats))
    totals = store.counts()
    store.close()
    table = Table(title=f"eventscribe run -> {db_path}")
    table.add_column("what")
    table.add_column("count", justify="right")
    for k in ("read", "documents", "skipped", "events", "errors", "merged_events_rewritten"):
        table.add_row(k, str(stats[k]))
    for k, v in totals.items():
        table.add_row(f"total {k} in database", str(v))
    console.print(table)
    if errors:
        et = Table(title="per-document errors (the run went on)")
        for col in ("input", "code", "message"):
            et.add_column(col)
        for key, code, msg in errors[:50]:
            et.add_row(key, code, msg)
        console.print(et)
