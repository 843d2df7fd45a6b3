"""Exporters, registered by name in :data:`eventscribe.registry.exporters`.

Each is ``(events: Iterable[dict], out: Path) -> int`` over event dicts
(``Event.to_dict()`` plus ``"doc": {url, title, outlet, published}``), returning rows written.
Importing this package registers the built-in ones: jsonl (the event JSON itself), acled-csv,
ucdp-csv, plover-jsonl, geojson, parquet.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventscribe.export import csv_formats, json_formats, parquet
from eventscribe.registry import exporters

BUILTIN = ("jsonl", "acled-csv", "ucdp-csv", "plover-jsonl", "geojson", "parquet")
SUFFIXES = {
    "jsonl": ".jsonl",
    "acled-csv": ".acled.csv",
    "ucdp-csv": ".ucdp.csv",
    "plover-jsonl": ".plover.jsonl",
    "geojson": ".geojson",
    "parquet": ".parquet",
}
"""Suggested file suffix per built-in format."""


def export(name: str, events: Iterable[dict[str, Any]], out: str | Path) -> int:
    """Run the exporter registered as ``name``; returns the number of rows/features written."""
    fn = exporters.get(name)
    return int(fn(events, Path(out)))


export_events = export
EXPORT_SUFFIX = SUFFIXES


__all__ = [
    "BUILTIN",
    "EXPORT_SUFFIX",
    "SUFFIXES",
    "csv_formats",
    "export",
    "export_events",
    "exporters",
    "json_formats",
    "parquet",
]
