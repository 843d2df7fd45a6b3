"""`types.learned.v1`: an opt-in stage that re-types events with the learned CASE 2021 model.

Not in the default pipeline (see docs/typing.md for its cost). Add it after the event
assembler::

    PipelineConfig(stages=DEFAULT_STAGES + ("types.learned.v1",),
                   options={"types.learned.v1": {"variant": "fast", "min_confidence": 0.6}})

For each event it reads the sentence of the event's trigger (and the pipeline's signals inside
that sentence), predicts a CASE 2021 label and, when the label has an ACLED sub-type
(resources/case2021_labels.tsv), the probability is at least ``min_confidence`` and it differs
from the rules' type, returns the event with the learned type. The new type's provenance names
this stage, the probability and the rules' type; every other field is kept. Labels outside
ACLED (disasters, crime, diplomacy, attribution) only add a note.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

import numpy as np

from eventscribe.model import AnnotatedDoc, Event, Provenance, Span
from eventscribe.stages.base import BaseStage

STAGE = "types.learned.v1"


class LearnedTyper(BaseStage):
    """Re-types events with the shipped learned model (``fast`` or ``strong``)."""

    name: ClassVar[str] = STAGE
    requires: ClassVar[tuple[str, ...]] = ("sentences", "events")
    provides: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self, variant: str = "fast", min_confidence: float = 0.6) -> None:
        if variant not in ("fast", "strong"):
            raise ValueError(f"variant must be 'fast' or 'strong', not {variant!r}")
        if not 0.0 <= min_confidence <= 1.0:
            raise ValueError("min_confidence must be within [0, 1]")
        self.variant = variant
        self.min_confidence = min_confidence

    def warm_up(self) -> None:
        from eventscribe.stages.typing_model import shipped_model

        shipped_model(self.variant)
        if self.variant == "strong":
            from eventscribe.resources.embed import load_encoder

            load_encoder()

    def __call__(self, adoc: AnnotatedDoc) -> AnnotatedDoc:
        if not adoc.events:
            return adoc
        return adoc.with_layer("events", retype(adoc, self.variant, self.min_confidence))


def _sentence(adoc: AnnotatedDoc, e: Event) -> Span:
    si = adoc.sentence_index(e.trigger.start)
    return adoc.sentences[si] if si >= 0 else e.trigger


def retype(adoc: AnnotatedDoc, variant: str = "fast",
           min_confidence: float = 0.6) -> tuple[Event, ...]:
    """The events of ``adoc`` with learned types where the model is confident (see module)."""
    from eventscribe.stages.classify import find_triggers
    from eventscribe.stages.typing_features import signal_vector
    from eventscribe.stages.typing_model import Inputs, shipped_model
    from eventscribe.stages.typing_rules import case2021_labels

    model = shipped_model(variant)
    triggers = find_triggers(adoc)
    spans = [_sentence(adoc, e) for e in adoc.events]
    sig = np.stack([signal_vector(adoc, (e,), (s.start, s.end), triggers)
                    for e, s in zip(adoc.events, spans, strict=True)])
    preds = model.predict(Inputs([s.text for s in spans], sig))
    table = case2021_labels()
    out = []
    for e, s, (label, prob) in zip(adoc.events, spans, preds, strict=True):
        row = table.get(label)
        if row is None or prob < min_confidence:
            out.append(e)
            continue
        if row.type is None:
            note = f"learned {variant} model reads this sentence as {label} ({prob:.2f})"
            out.append(replace(e, notes=(*e.notes, note)))
            continue
        if row.type.acled_sub_event_type == e.type.acled_sub_event_type:
            out.append(e)
            continue
        old = e.type.acled_sub_event_type
        prov = Provenance(
            stage=STAGE,
            reason=(f"learned {variant} model: {label} with probability {prob:.2f} on the "
                    f"event's sentence; the rules said {old}"),
            score=round(prob, 4),
            evidence=(s,),
        )
        out.append(replace(e, type=row.type, type_provenance=prov,
                           notes=(*e.notes, f"rules type was {old} ({e.type_provenance.reason})")))
    return tuple(out)
