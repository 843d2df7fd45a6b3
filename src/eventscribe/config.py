"""Typed pipeline configuration; a run is fully described by one config and its hash."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

DEFAULT_STAGES: tuple[str, ...] = (
    "sentences.rules.v1",
    "ner.spacy.v1",
    "geoparse.gazetteer.v2",
    "dates.rules.v2",
    "counts.rules.v1",
    "events.assemble.v2",
)


@dataclass(frozen=True)
class PipelineConfig:
    """Which stages run, in order, and the batch size for the batched (spaCy) stage."""

    stages: tuple[str, ...] = DEFAULT_STAGES
    batch_size: int = 32
    max_chars: int = 2_000_000
    """Documents longer than this (after normalisation) get error E004."""
    options: dict[str, dict[str, object]] = field(default_factory=dict)

    def hash(self) -> str:
        blob = json.dumps(asdict(self), sort_keys=True, default=str).encode("utf-8")
        return hashlib.sha256(blob).hexdigest()[:16]
