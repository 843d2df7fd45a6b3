"""``eventscribe eval``: one subcommand per gold-set format, each in its own module.

Evaluator modules are imported lazily, so ``eventscribe --help`` stays fast and a missing
optional dependency breaks only its own evaluator.
"""

from __future__ import annotations

import importlib
import importlib.util

import click

# subcommand name -> module exposing a click command called ``command``
EVALUATORS: dict[str, str] = {
    "geocode": "eventscribe.evaluation.geocode",
    "dates": "eventscribe.evaluation.dates",
    "event-dates": "eventscribe.evaluation.event_dates",
    "types": "eventscribe.evaluation.types",
    "roles": "eventscribe.evaluation.roles",
    "ucdp": "eventscribe.evaluation.ucdp",
    "dedup": "eventscribe.evaluation.dedup",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name, mod in EVALUATORS.items() if _available(mod))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        mod = EVALUATORS.get(cmd_name)
        if mod is None or not _available(mod):
            return None
        command: click.Command = importlib.import_module(mod).command
        command.name = cmd_name
        return command


def _available(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


@click.group(name="eval", cls=_LazyGroup)
def eval_group() -> None:
    """Score eventscribe on gold data in its native format (any path; see docs/evaluation.md)."""
