"""Reader for PLOVER gold-standard records (the PLOVER GSR JSON format).

A file holds a JSON array of records (a folder: every ``*.json`` inside, sorted). The licence
header record (``"event": "DOCUMENT"``) is skipped. ``source``/``target`` may be a list of
``{actorText, code, sector}`` objects, a list of strings, a bare string or missing; all become a
tuple of actor texts. ``dead``/``injured`` are strings in the gold; they become ints when they
parse as one. Bad records are skipped and counted by reason; unknown keys are ignored.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventscribe.errors import EventscribeError


@dataclass(frozen=True, slots=True)
class PloverRecord:
    """One gold record: a sentence, its PLOVER category and mode, actors and counts."""

    id: str
    text: str
    category: str
    mode: str | None
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    dead: int | None = None
    injured: int | None = None


@dataclass
class PloverSet:
    """Records read from one or more files, plus skipped-record reasons."""

    records: list[PloverRecord] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    files: list[Path] = field(default_factory=list)


def _actors(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    out = []
    for a in items:
        t = a.get("actorText") if isinstance(a, dict) else a
        if isinstance(t, str) and t.strip():
            out.append(t.strip())
    return tuple(out)


def _count(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d[\d,]*)\s*", value)
        if m:
            return int(m.group(1).replace(",", ""))
    return None


def parse_records(data: Any, out: PloverSet) -> None:
    """Add the records of one parsed JSON document to ``out``."""
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        out.skipped["not a JSON array"] += 1
        return
    for i, r in enumerate(data):
        if not isinstance(r, dict):
            out.skipped["record is not an object"] += 1
            continue
        cat = r.get("event")
        if cat == "DOCUMENT":
            continue
        text = r.get("text")
        if not isinstance(text, str) or not text.strip():
            out.skipped["no text"] += 1
            continue
        if not isinstance(cat, str) or not cat.strip():
            out.skipped["no event category"] += 1
            continue
        mode = r.get("mode")
        out.records.append(PloverRecord(
            id=str(r.get("id") or f"record-{i}"),
            text=text,
            category=cat.strip().upper(),
            mode=mode.strip() if isinstance(mode, str) and mode.strip() else None,
            sources=_actors(r.get("source")),
            targets=_actors(r.get("target")),
            dead=_count(r.get("dead")),
            injured=_count(r.get("injured")),
        ))


def read_plover(path: str | Path) -> PloverSet:
    """All records of a PLOVER GSR JSON file or folder (E040 if nothing is readable)."""
    p = Path(path)
    if not p.exists():
        raise EventscribeError("E040", f"{p}: no such file or folder")
    files = sorted(f for f in p.rglob("*.json") if f.is_file()) if p.is_dir() else [p]
    out = PloverSet()
    for f in files:
        try:
            data = json.loads(f.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            out.skipped[f"unreadable JSON ({e.__class__.__name__})"] += 1
            continue
        out.files.append(f)
        parse_records(data, out)
    if not out.files:
        why = ", ".join(out.skipped) or "no .json file"
        raise EventscribeError("E040", f"{p}: no readable PLOVER JSON ({why})")
    return out


# CAMEO root -> the PLOVER category names used by the PLOVER GSR (08 splits, see below).
_CAMEO_ROOT = {
    "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
    "08": "CONCEDE", "09": "INVESTIGATE", "10": "DEMAND", "11": "DISAPPROVE", "12": "REJECT",
    "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE",
    "18": "ASSAULT", "19": "FIGHT", "20": "ASSAULT",
}
# CAMEO 084-087 and 0813/0814 (release, return, ease sanctions, allow access, de-escalate,
# ease curfew/emergency) are RETREAT in the CAMEO2PLOVER table; the rest of 08 is CONCEDE.
_RETREAT_08 = ("084", "085", "086", "087", "0813", "0814")


def cameo_to_plover(code: str) -> str | None:
    """The PLOVER category of a CAMEO event code, or None for codes outside 03-20."""
    code = code.strip()
    if code.startswith("08") and code.startswith(_RETREAT_08):
        return "RETREAT"
    return _CAMEO_ROOT.get(code[:2])


def read_petrarch_plover(path: str | Path) -> list[tuple[str, str]]:
    """(sentence text, PLOVER category) pairs from PETRARCH validation records: sentences whose
    codings all map to one category (through ``cameo_to_plover``); others are left out."""
    import xml.etree.ElementTree as ET

    try:
        root = ET.parse(str(path)).getroot()
    except (OSError, ET.ParseError) as e:
        raise EventscribeError("E040", f"{path}: {e}") from e
    out = []
    for s in root.iter("Sentence"):
        text_el = s.find("Text")
        text = " ".join((text_el.text or "").split()) if text_el is not None else ""
        cats = {cameo_to_plover(c.get("eventcode", "")) for c in s.iter("EventCoding")}
        if text and len(cats) == 1 and None not in cats:
            out.append((text, cats.pop() or ""))
    return out
