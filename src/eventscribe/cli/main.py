"""The ``eventscribe`` command: one module per subcommand, gathered here."""

from __future__ import annotations

import click

from eventscribe import __version__
from eventscribe.cli.events_cmd import events, merge, split
from eventscribe.cli.export_cmd import export
from eventscribe.cli.extract_cmd import demo, extract
from eventscribe.cli.run_cmd import run


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventscribe")
def cli() -> None:
    """Structured, verifiable event records from news reports."""


cli.add_command(run)
cli.add_command(extract)
cli.add_command(export)
cli.add_command(demo)
cli.add_command(events)
cli.add_command(merge)
cli.add_command(split)


def _add_optional() -> None:
    """Subcommands that live in optional modules (evaluators)."""
    try:
        from eventscribe.cli.eval_cmd import eval_group
    except ImportError:  # pragma: no cover - evaluators not installed
        return
    cli.add_command(eval_group)


_add_optional()

if __name__ == "__main__":  # pragma: no cover
    cli()
