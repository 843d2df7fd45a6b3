"""Parquet export (pyarrow): one typed row per event plus the full event JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from eventscribe.export.common import (
    EventDict,
    count,
    date_range,
    doc_meta,
    identity_columns,
    outlet_name,
)
from eventscribe.registry import exporters


def parquet_schema() -> Any:
    """The column types of the Parquet export."""
    import pyarrow as pa

    return pa.schema(
        [
            ("id", pa.string()), ("doc_id", pa.string()),
            ("event_type", pa.string()), ("sub_event_type", pa.string()),
            ("plover_category", pa.string()), ("plover_mode", pa.string()),
            ("trigger_start", pa.int32()), ("trigger_end", pa.int32()), ("trigger", pa.string()),
            ("actor1", pa.string()), ("actor2", pa.string()),
            ("date_start", pa.date32()), ("date_end", pa.date32()),
            ("date_precision", pa.string()),
            ("place", pa.string()), ("geonameid", pa.int64()),
            ("latitude", pa.float64()), ("longitude", pa.float64()),
            ("country_code", pa.string()), ("admin1", pa.string()), ("admin2", pa.string()),
            ("place_precision", pa.int8()),
            ("killed_best", pa.int64()), ("killed_low", pa.int64()), ("killed_high", pa.int64()),
            ("injured_best", pa.int64()), ("arrested_best", pa.int64()),
            ("abducted_best", pa.int64()),
            ("confidence", pa.float64()),
            ("url", pa.string()), ("title", pa.string()), ("outlet", pa.string()),
            ("published", pa.date32()),
            ("json", pa.string()),
        ]
    )


def parquet_row(ev: EventDict) -> dict[str, Any]:
    """One row of the Parquet export."""
    place = ev.get("place") or {}
    start, end, precision = date_range(ev)
    actors = ev.get("actors") or []
    targets = ev.get("targets") or []
    meta = doc_meta(ev)
    return {
        **identity_columns(ev),
        "trigger_start": ev["trigger"]["start"],
        "trigger_end": ev["trigger"]["end"],
        "trigger": ev["trigger"]["text"],
        "actor1": actors[0]["name"] if actors else None,
        "actor2": targets[0]["name"] if targets else None,
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "place": place.get("name"),
        "geonameid": place.get("geonameid"),
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "country_code": place.get("country_code"),
        "admin1": place.get("admin1"),
        "admin2": place.get("admin2"),
        "place_precision": place.get("precision"),
        "killed_best": count(ev, "killed"),
        "killed_low": count(ev, "killed", "low"),
        "killed_high": count(ev, "killed", "high"),
        "injured_best": count(ev, "injured"),
        "arrested_best": count(ev, "arrested"),
        "abducted_best": count(ev, "abducted"),
        "confidence": ev.get("confidence"),
        "url": meta["url"],
        "title": meta["title"],
        "outlet": outlet_name(ev) or None,
        "published": date.fromisoformat(meta["published"]) if meta["published"] else None,
        "json": json.dumps(ev, ensure_ascii=False, sort_keys=True),
    }


@exporters.register("parquet")
def export_parquet(events: Iterable[EventDict], out: Path) -> int:
    """Parquet file, one row per event; returns the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [parquet_row(ev) for ev in events]
    table = pa.Table.from_pylist(rows, schema=parquet_schema())
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, out)
    return int(table.num_rows)
