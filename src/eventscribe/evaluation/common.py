"""Small pieces every evaluator shares: distances, F1, JSON output and timing."""

from __future__ import annotations

import json
import math
import sys
from typing import Any


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


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
