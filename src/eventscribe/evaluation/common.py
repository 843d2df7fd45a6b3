"""Small pieces every evaluator shares: distances, F1, JSON output and timing."""

from __future__ import annotations

import json
import math
import sys
from typing import Any

from eventscribe.model.place import haversine_km

__all__ = ["emit_json", "haversine_km", "prf", "rounded"]


def prf(tp: float, n_pred: float, n_gold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 from true positives and the two totals (0 when undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def emit_json(obj: dict[str, Any]) -> None:
    """Print one JSON object on one line (the ``--json`` contract of every evaluator)."""
    sys.stdout.write(json.dumps(obj, sort_keys=False, default=_default) + "\n")


def _default(o: Any) -> Any:
    if isinstance(o, float) and (math.isnan(o) or math.isinf(o)):
        return None
    return str(o)


def rounded(obj: dict[str, Any], digits: int = 4) -> dict[str, Any]:
    """Round the float values of a flat result dict for printing."""
    return {k: (round(v, digits) if isinstance(v, float) else v) for k, v in obj.items()}
