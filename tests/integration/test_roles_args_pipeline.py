"""Stated places and instruments (stages/roles_args.event_arguments) on pipeline output."""

from __future__ import annotations

from datetime import date

import pytest

from eventscribe.model import Doc, Source
from eventscribe.pipeline import Pipeline
from eventscribe.stages.roles_args import event_arguments

pytestmark = pytest.mark.integration


def test_roles_args_pipeline_place_and_instrument_of_an_event() -> None:
    text = ("Gunmen armed with rifles attacked a checkpoint near the central market on Monday, "
            "killing three policemen, officials said.")
    (res,) = Pipeline().process(
        [Doc.from_text(text, Source(published_at=date(2021, 3, 2), outlet="x"))])
    assert res.events and res.adoc is not None
    found = {(a.role, a.head) for e in res.events for _, a in event_arguments(res.adoc, e)}
    assert ("instrument", "rifles") in found
    assert ("place", "market") in found
    for e in res.events:
        for _, a in event_arguments(res.adoc, e):
            assert text[a.span.start : a.span.end] == a.span.text  # evidence is the text's own
