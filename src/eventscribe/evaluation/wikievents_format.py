"""Reader for WikiEvents (KAIROS) JSONL, and the gold records the roles evaluator scores.

One document per line: ``doc_id``, ``sentences`` (``[[[token, char_start, char_end], ...],
sentence_text]``), ``entity_mentions`` (``id``, ``start``/``end`` token offsets into the
flattened token list, end exclusive), ``event_mentions`` (``event_type``, ``trigger {start, end}``,
``arguments [{entity_id, role}]``). The ``text`` field of the release omits the separators the
character offsets count, so the text is rebuilt from the sentences: each sentence is placed at its
first token's offset and the gaps are filled with newlines. Entity coreference clusters come
from ``coref/<name>.jsonlines`` beside the data file when present.

Bad records are skipped with a counted reason; unknown keys are ignored.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class GoldArg:
    """One gold argument: its role (as the set names it) and character span(s)."""

    role: str
    start: int
    end: int
    coref: tuple[tuple[int, int], ...] = ()
    """Other mentions of the same entity (character spans), when the set gives coreference."""


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold event mention: its type (as the set names it), trigger span and arguments."""

    type: str
    trigger_start: int
    trigger_end: int
    args: tuple[GoldArg, ...]


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """A document (or a RAMS example) with its gold events."""

    id: str
    text: str
    events: tuple[GoldEvent, ...]


@dataclass
class ReadResult:
    """Documents read, and the reasons for records that were skipped."""

    docs: list[GoldDoc]
    skipped: Counter[str]


def data_files(path: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """The data files under ``path`` (a file, or a folder searched recursively), sorted."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        return []
    return sorted(
        p for p in path.rglob("*")
        if p.is_file() and p.suffix in suffixes and "coref" not in p.parent.name
        and not p.name.startswith(".")
    )


def _rebuild_text(sentences: list[Any]) -> tuple[str, list[tuple[int, int]]]:
    """Text with every sentence at its first token's offset; token char offsets in order."""
    toks: list[tuple[int, int]] = []
    pieces: list[tuple[int, str]] = []
    for sent in sentences:
        tokens, stext = sent[0], sent[1]
        if not tokens or not isinstance(stext, str):
            raise ValueError("sentence without tokens or text")
        for t in tokens:
            toks.append((int(t[1]), int(t[2])))
        pieces.append((int(tokens[0][1]), stext))
    n = max(max(e for _, e in toks), max(o + len(s) for o, s in pieces))
    buf = ["\n"] * n
    for o, s in pieces:
        buf[o : o + len(s)] = list(s)
    text = "".join(buf[:n])
    return text, toks


def _coref(path: Path) -> dict[str, dict[str, int]]:
    """doc id -> entity id -> cluster number, from ``coref/<stem>.jsonlines`` beside ``path``."""
    cands = [path.parent / "coref" / f"{path.stem}.jsonlines", path.parent / "coref" / path.name]
    out: dict[str, dict[str, int]] = {}
    for c in cands:
        if not c.is_file():
            continue
        for line in c.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                rec = json.loads(line)
                clusters = rec["clusters"]
                key = str(rec["doc_key"])
            except (ValueError, KeyError, TypeError):
                continue
            table = out.setdefault(key, {})
            for i, cl in enumerate(clusters):
                for eid in cl if isinstance(cl, list) else ():
                    table[str(eid)] = i
        break
    return out


def parse_doc(rec: dict[str, Any], coref: dict[str, int] | None = None,
              skipped: Counter[str] | None = None) -> GoldDoc:
    """One WikiEvents record -> GoldDoc (raises ValueError/KeyError/TypeError when unusable).

    Events and arguments that cannot be read are left out and counted in ``skipped``.
    """
    dropped: Counter[str] = skipped if skipped is not None else Counter()
    text, toks = _rebuild_text(rec["sentences"])

    def chars(s: int, e: int) -> tuple[int, int]:
        if not 0 <= s < e <= len(toks):
            raise ValueError("token offsets outside the document")
        return toks[s][0], toks[e - 1][1]

    ents: dict[str, tuple[int, int]] = {}
    for m in rec.get("entity_mentions") or ():
        try:
            ents[str(m["id"])] = chars(int(m["start"]), int(m["end"]))
        except (ValueError, KeyError, TypeError):
            continue
    clusters: dict[int, list[tuple[int, int]]] = {}
    for eid, cluster in (coref or {}).items():
        if eid in ents:
            clusters.setdefault(cluster, []).append(ents[eid])
    events = []
    for ev in rec.get("event_mentions") or ():
        try:
            trig = ev["trigger"]
            ts, te = chars(int(trig["start"]), int(trig["end"]))
            etype = str(ev["event_type"])
        except (ValueError, KeyError, TypeError):
            dropped["event with a bad trigger or type (left out)"] += 1
            continue
        args = []
        for a in ev.get("arguments") or ():
            try:
                eid = str(a["entity_id"])
                s, e = ents[eid]
                role = str(a["role"])
            except (KeyError, TypeError):
                dropped["argument with an unknown entity or no role (left out)"] += 1
                continue
            ci = (coref or {}).get(eid)
            others = (
                tuple(sp for sp in clusters.get(ci, ()) if sp != (s, e)) if ci is not None else ()
            )
            args.append(GoldArg(role, s, e, others))
        events.append(GoldEvent(etype, ts, te, tuple(args)))
    return GoldDoc(str(rec.get("doc_id", "")), text, tuple(events))


def read_wikievents(path: Path | str) -> ReadResult:
    """Every document in the WikiEvents JSONL file(s) at ``path`` (a file or a folder)."""
    docs: list[GoldDoc] = []
    skipped: Counter[str] = Counter()
    for f in data_files(Path(path), (".jsonl",)):
        coref = _coref(f)
        for line in _lines(f, skipped):
            try:
                rec = json.loads(line)
            except ValueError:
                skipped["invalid JSON line"] += 1
                continue
            if not isinstance(rec, dict) or "sentences" not in rec:
                skipped["record without sentences"] += 1
                continue
            try:
                doc = parse_doc(rec, coref.get(str(rec.get("doc_id", ""))), skipped)
            except (ValueError, KeyError, TypeError, IndexError):
                skipped["malformed sentences or offsets"] += 1
                continue
            if not doc.text.strip():
                skipped["empty text"] += 1
                continue
            docs.append(doc)
    return ReadResult(docs, skipped)


def _lines(f: Path, skipped: Counter[str]) -> Iterator[str]:
    try:
        raw = f.read_text(encoding="utf-8", errors="replace")
    except OSError:
        skipped["unreadable file"] += 1
        return
    for line in raw.splitlines():
        if line.strip():
            yield line
