"""Reader for the CASE 2021 task-2 format: a TSV with header ``id, EventSnippet, SubType``.

Rows are one per line and not CSV-quoted (snippets contain raw quotes), so each line is split
on tabs. A file or a folder (every ``*.tsv`` inside, sorted) is accepted. Bad rows are skipped
and counted by reason, never fatal.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from eventscribe.errors import EventscribeError


@dataclass(frozen=True, slots=True)
class Snippet:
    """One gold snippet: its id, text and label (``None`` when the file has no label column)."""

    id: str
    text: str
    label: str | None


@dataclass
class Case2021Set:
    """Snippets read from one or more files, plus skipped-row reasons."""

    snippets: list[Snippet] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    files: list[Path] = field(default_factory=list)


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*.tsv") if p.is_file())
    return [path]


def parse_lines(lines: list[str], out: Case2021Set) -> None:
    """Parse the lines of one file (header first) into ``out``."""
    if not lines:
        out.skipped["empty file"] += 1
        return
    header = [h.strip().lower() for h in lines[0].split("\t")]
    try:
        i_text = header.index("eventsnippet")
    except ValueError:
        out.skipped["no EventSnippet column"] += 1
        return
    i_id = header.index("id") if "id" in header else None
    i_lab = header.index("subtype") if "subtype" in header else None
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) <= i_text:
            out.skipped["too few columns"] += 1
            continue
        text = cols[i_text].strip()
        if not text:
            out.skipped["empty snippet"] += 1
            continue
        label = cols[i_lab].strip() if i_lab is not None and len(cols) > i_lab else ""
        if i_lab is not None and not label:
            out.skipped["missing label"] += 1
            continue
        sid = cols[i_id].strip() if i_id is not None and len(cols) > i_id else str(n)
        out.snippets.append(Snippet(sid or str(n), text, label.upper() or None))


def read_case2021(path: str | Path) -> Case2021Set:
    """All snippets of a CASE 2021 TSV file or folder (raises E040 if nothing is readable)."""
    p = Path(path)
    if not p.exists():
        raise EventscribeError("E040", f"{p}: no such file or folder")
    out = Case2021Set()
    for f in _files(p):
        try:
            text = f.read_text(encoding="utf-8-sig", errors="replace")
        except OSError as e:
            out.skipped[f"unreadable file ({e.__class__.__name__})"] += 1
            continue
        out.files.append(f)
        parse_lines(text.splitlines(), out)
    if not out.files:
        raise EventscribeError("E040", f"{p}: no .tsv file found")
    return out
