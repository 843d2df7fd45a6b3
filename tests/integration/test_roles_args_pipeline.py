"""Stated places and instruments (stages/roles_args.event_arguments) on pipeline output."""

from __future__ import annotations

from datetime import date
from pathlib import Path

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


def test_roles_args_pipeline_events_carry_their_arguments(tmp_path: Path) -> None:
    from eventscribe.store import Store

    text = ("A car bomb exploded outside a police station in the town on Sunday, killing four "
            "people, police said.")
    doc = Doc.from_text(text, Source(published_at=date(2021, 3, 8), outlet="x"))
    (res,) = Pipeline().process([doc])
    assert res.events
    carried = {(a.role, a.head) for e in res.events for a in e.arguments}
    assert ("place", "station") in carried
    for e in res.events:
        d = e.to_dict()
        assert len(d["arguments"]) == len(e.arguments)
        for a in d["arguments"]:
            assert text[a["start"] : a["end"]] == a["text"]
            assert a["trigger"] is not None and a["role"] in ("place", "instrument")
    with Store(tmp_path / "ev.db") as store:  # spans are checked against the text on write
        store.write_document(doc, res.events)
        back = list(store.iter_events())
    assert any(back_e["arguments"] for back_e in back)
