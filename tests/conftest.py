"""Shared fixtures: the repository root, the bundled example, and an evidence checker."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "camp-ashraf-anniversary.txt"
GOLD = ROOT.parent / "shared" / "gold"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def evidence_entries(obj: Any) -> list[dict[str, Any]]:
    """Every {start, end, text} dict anywhere inside an event dict."""
    out: list[dict[str, Any]] = []
    if isinstance(obj, dict):
        if {"start", "end", "text"} <= obj.keys() and isinstance(obj.get("start"), int):
            out.append(obj)
        for v in obj.values():
            out.extend(evidence_entries(v))
    elif isinstance(obj, list):
        for v in obj:
            out.extend(evidence_entries(v))
    return out


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    if not GOLD.is_dir():
        pytest.skip("../shared/gold is not beside this checkout (a user's clone has none)")
    return GOLD
