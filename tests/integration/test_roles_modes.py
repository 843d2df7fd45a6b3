"""Both role modes of the assembler run end to end and agree on a plain sentence."""

from __future__ import annotations

from datetime import date

import pytest

from eventscribe.config import PipelineConfig
from eventscribe.model import Doc, Source
from eventscribe.pipeline import Pipeline

pytestmark = pytest.mark.integration

TEXT = ("Suspected militants attacked a police convoy near Garissa on Tuesday, killing four "
        "officers, the county commissioner said.")


def _roles(config: PipelineConfig) -> tuple[list[str], list[str], str]:
    doc = Doc.from_text(TEXT, Source(outlet="test", published_at=date(2022, 6, 9)))
    result = next(Pipeline(config).process([doc]))
    assert result.ok and result.events
    ev = result.events[0]
    return [a.name for a in ev.actors], [t.name for t in ev.targets], ev.type.acled_sub_event_type


def test_roles_modes_patterns_default_and_parse_option_agree():
    acts_p, tars_p, sub_p = _roles(PipelineConfig())
    acts_d, _tars_d, sub_d = _roles(
        PipelineConfig(options={"events.assemble.v2": {"roles": "parse"}})
    )
    assert acts_p == ["Suspected militants"] and "police convoy" in tars_p
    assert acts_d == acts_p and sub_d == sub_p


def test_roles_modes_unknown_mode_is_refused():
    with pytest.raises(ValueError):
        Pipeline(PipelineConfig(options={"events.assemble.v2": {"roles": "guess"}}))
