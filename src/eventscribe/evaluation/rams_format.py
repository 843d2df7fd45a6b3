"""Reader for RAMS 1.0 JSON lines (one example per line: a five-sentence window, one event).

``sentences`` is a list of token lists; spans are inclusive ``[start, end]`` token indices into
the flattened list. ``evt_triggers`` is ``[[start, end, [[type, score], ...]], ...]`` and
``gold_evt_links`` is ``[[trigger span], [argument span], "evt089arg01victim"]``: the role is the
text after ``argNN``. The text is rebuilt by joining tokens with spaces and sentences with
newlines; character offsets refer to that text.

Bad records are skipped with a counted reason; unknown keys are ignored.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from eventscribe.evaluation.wikievents_format import (
    GoldArg,
    GoldDoc,
    GoldEvent,
    ReadResult,
    data_files,
)

_ROLE = re.compile(r"arg\d+(.+)$")


def role_name(label: str) -> str:
    """``evt089arg01victim`` -> ``victim`` (labels without ``argNN`` are returned lower-cased)."""
    m = _ROLE.search(label)
    return (m.group(1) if m else label).lower()


def parse_example(rec: dict[str, Any], skipped: Counter[str] | None = None) -> GoldDoc:
    """One RAMS record -> GoldDoc (raises ValueError/KeyError/TypeError when unusable).

    Triggers and argument links that cannot be read are left out and counted in ``skipped``.
    """
    dropped: Counter[str] = skipped if skipped is not None else Counter()
    sentences = rec["sentences"]
    if not isinstance(sentences, list) or not sentences:
        raise ValueError("no sentences")
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for si, sent in enumerate(sentences):
        if si:
            parts.append("\n")
            pos += 1
        for ti, tok in enumerate(sent):
            tok = str(tok)
            if ti:
                parts.append(" ")
                pos += 1
            parts.append(tok)
            offsets.append((pos, pos + len(tok)))
            pos += len(tok)
    text = "".join(parts)

    def chars(span: Any) -> tuple[int, int]:
        s, e = int(span[0]), int(span[1])
        if not 0 <= s <= e < len(offsets):
            raise ValueError("token span outside the example")
        return offsets[s][0], offsets[e][1]

    events: list[GoldEvent] = []
    links = rec.get("gold_evt_links") or []
    for trig in rec.get("evt_triggers") or ():
        try:
            ts, te = chars(trig)
            etype = str(trig[2][0][0])
        except (ValueError, KeyError, TypeError, IndexError):
            dropped["trigger with bad offsets or no type (left out)"] += 1
            continue
        args = []
        for link in links:
            try:
                if chars(link[0]) != (ts, te):
                    continue
                s, e = chars(link[1])
                args.append(GoldArg(role_name(str(link[2])), s, e))
            except (ValueError, KeyError, TypeError, IndexError):
                dropped["argument link with bad offsets (left out)"] += 1
                continue
        events.append(GoldEvent(etype, ts, te, tuple(args)))
    return GoldDoc(str(rec.get("doc_key", "")), text, tuple(events))


def read_rams(path: Path | str) -> ReadResult:
    """Every example in the RAMS JSON-lines file(s) at ``path`` (a file or a folder)."""
    docs: list[GoldDoc] = []
    skipped: Counter[str] = Counter()
    for f in data_files(Path(path), (".jsonlines", ".jsonl")):
        try:
            raw = f.read_text(encoding="utf-8", errors="replace")
        except OSError:
            skipped["unreadable file"] += 1
            continue
        for line in raw.splitlines():
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except ValueError:
                skipped["invalid JSON line"] += 1
                continue
            if not isinstance(rec, dict):
                skipped["record is not an object"] += 1
                continue
            try:
                doc = parse_example(rec, skipped)
            except (ValueError, KeyError, TypeError, IndexError):
                skipped["malformed sentences"] += 1
                continue
            if not doc.events:
                skipped["no usable event trigger"] += 1
                continue
            docs.append(doc)
    return ReadResult(docs, skipped)
