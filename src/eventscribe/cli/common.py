"""Shared CLI helpers: option parsing and console output."""

from __future__ import annotations

from datetime import date

import click
from rich.console import Console

console = Console(stderr=True, width=160)


def parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    """click callback: an ISO date (YYYY-MM-DD) or None."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None
