"""Where a value came from: stage (versioned), score, evidence spans and a human reason."""

from __future__ import annotations

from dataclasses import dataclass

from eventscribe.model.span import Span


@dataclass(frozen=True, slots=True)
class Provenance:
    """Why a value was chosen.

    ``stage`` is a versioned stage name such as ``"geoparse.gazetteer.v1"``; ``reason`` is one
    short sentence a reviewer can check against ``evidence``.
    """

    stage: str
    reason: str
    score: float = 1.0
    evidence: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "stage": self.stage,
            "score": round(self.score, 4),
            "reason": self.reason,
            "evidence": [s.to_dict() for s in self.evidence],
        }
