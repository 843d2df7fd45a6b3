"""Reader for TimeML 1.2 ``.tml`` files (TimeBank, AQUAINT, TempEval-3 style).

The raw text is the content of ``<TEXT>`` with every tag removed and XML entities decoded; all
offsets refer to it. The reader is a tolerant tag scanner, not an XML parser: a file with
unbalanced tags, unknown elements or missing attributes still yields what can be read, and the
problems are listed in :attr:`TimeMLDoc.problems` instead of raising.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

_TAG = re.compile(r"<(/?)([A-Za-z_][\w.:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>", re.S)
_ATTR = re.compile(r"([\w.:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_TEXT_OPEN = re.compile(r"<TEXT\b[^>]*>", re.I)
_TEXT_CLOSE = re.compile(r"</TEXT\s*>", re.I)
_DCT_BLOCK = re.compile(r"<DCT\b[^>]*>(.*?)</DCT\s*>", re.I | re.S)
_ISO_DAY = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3 in the text: id, type, value and its character span in the raw text."""

    tid: str
    type: str
    value: str
    start: int
    end: int
    text: str
    function: str = "NONE"
    attrs: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class TimeMLEvent:
    """An EVENT in the text."""

    eid: str
    cls: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TLink:
    """A TLINK between two ids (``eid``/``tid``; instance ids are mapped to their event)."""

    lid: str
    reltype: str
    source: str
    target: str


@dataclass(slots=True)
class TimeMLDoc:
    """One TimeML document: DCT, raw text, timexes, events, instances and temporal links."""

    path: str
    doc_id: str = ""
    dct: date | None = None
    dct_value: str = ""
    text: str = ""
    timexes: list[Timex] = field(default_factory=list)
    events: list[TimeMLEvent] = field(default_factory=list)
    instances: dict[str, str] = field(default_factory=dict)
    tlinks: list[TLink] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def attributes(raw: str) -> dict[str, str]:
    """The attributes of a tag's inside (``tid="t1" type="DATE"``), entities decoded."""
    return {m.group(1): html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
            for m in _ATTR.finditer(raw)}


def parse_day(value: str) -> date | None:
    """The day a TIMEX3 value or DCT string names (``1998-01-08``, ``19980108``, with a time)."""
    m = _ISO_DAY.match(value.strip())
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def parse_tml(source: str, path: str = "<string>") -> TimeMLDoc:
    """Read one TimeML document from its source text (never raises on bad markup)."""
    doc = TimeMLDoc(path=path)
    m = re.search(r"<DOCID>\s*(.*?)\s*</DOCID>", source, re.S)
    doc.doc_id = m.group(1).strip() if m else Path(path).stem
    _read_dct(source, doc)
    open_m = _TEXT_OPEN.search(source)
    if open_m is None:
        doc.problems.append("no <TEXT> element")
        body_start, body_end = 0, 0
    else:
        body_start = open_m.end()
        close_m = _TEXT_CLOSE.search(source, body_start)
        if close_m is None:
            doc.problems.append("<TEXT> is not closed")
        body_end = close_m.start() if close_m else len(source)
    _read_text(source, body_start, body_end, doc)
    _read_links(source, doc)
    return doc


def _read_dct(source: str, doc: TimeMLDoc) -> None:
    candidates: list[dict[str, str]] = []
    block = _DCT_BLOCK.search(source)
    if block is not None:
        candidates += [attributes(t.group(3)) for t in _TAG.finditer(block.group(1))
                       if t.group(2) == "TIMEX3" and not t.group(1)]
    for t in _TAG.finditer(source):
        if t.group(2) == "TIMEX3" and "CREATION_TIME" in t.group(3):
            candidates.append(attributes(t.group(3)))
            break
    for a in candidates:
        value = a.get("value", "")
        day = parse_day(value)
        if day is not None:
            doc.dct, doc.dct_value = day, value
            return
    day, where = _fallback_dct(source, block.group(1) if block is not None else "", doc.doc_id)
    if day is not None:
        doc.dct, doc.dct_value = day, day.isoformat()
        doc.problems.append(f"DCT value missing; read from {where}")
        return
    doc.problems.append("no usable DCT")


_US_DAY = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
_ID_DAY = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")


def _fallback_dct(source: str, dct_block: str, doc_id: str) -> tuple[date | None, str]:
    """A DCT when no CREATION_TIME value is usable: the DCT element's text ("02/06/1998",
    "1998-02-06", "February 6, 1998"), else a YYYYMMDD in the document id (news ids such as
    ``APW19980811.0474`` or ``AFP_ENG_20130305.0107`` carry the publication day)."""
    text = html.unescape(_TAG.sub(" ", dct_block)).strip()
    if text:
        day = parse_day(text)
        m = _US_DAY.search(text)
        if day is None and m is not None:
            y = int(m.group(3))
            y = y + (1900 if y >= 50 else 2000) if y < 100 else y
            try:
                day = date(y, int(m.group(1)), int(m.group(2)))
            except ValueError:
                day = None
        if day is None:
            from eventscribe.stages.dates import find_expressions

            found = [f for f in find_expressions(text, None) if f[2].value is not None
                     and f[2].value.precision == "day"]
            day = found[0][2].value.start if found else None  # type: ignore[union-attr]
        if day is not None:
            return day, "the DCT element's text"
    m = _ID_DAY.search(doc_id)
    if m is not None:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), "the document id"
        except ValueError:
            pass
    return None, ""


def _read_text(source: str, lo: int, hi: int, doc: TimeMLDoc) -> None:
    parts: list[str] = []
    length = 0
    stack: list[tuple[str, dict[str, str], int]] = []
    pos = lo
    for t in _TAG.finditer(source, lo, hi):
        chunk = html.unescape(source[pos : t.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = t.end()
        closing, name, inside, selfclose = t.group(1), t.group(2), t.group(3), t.group(4)
        if closing:
            idx = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == name), None)
            if idx is None:
                doc.problems.append(f"stray </{name}>")
                continue
            _, attrs, start = stack.pop(idx)
            _close(doc, name, attrs, start, length, parts)
        elif selfclose:
            _close(doc, name, attributes(inside), length, length, parts)
        else:
            stack.append((name, attributes(inside), length))
    tail = html.unescape(source[pos:hi])
    parts.append(tail)
    for name, _, _ in stack:
        doc.problems.append(f"unclosed <{name}>")
    doc.text = "".join(parts)


def _close(doc: TimeMLDoc, name: str, attrs: dict[str, str], start: int, end: int,
           parts: list[str]) -> None:
    if name not in ("TIMEX3", "EVENT"):
        return
    text = "".join(parts)[start:end] if end > start else ""
    if name == "TIMEX3":
        tid = attrs.get("tid", "")
        if not tid:
            doc.problems.append(f"TIMEX3 without tid at {start}")
        doc.timexes.append(Timex(tid, attrs.get("type", "").upper(), attrs.get("value", ""),
                                 start, end, text, attrs.get("functionInDocument", "NONE"),
                                 tuple(sorted(attrs.items()))))
    else:
        doc.events.append(TimeMLEvent(attrs.get("eid", ""), attrs.get("class", ""), start, end,
                                      text))


def _read_links(source: str, doc: TimeMLDoc) -> None:
    links: list[dict[str, str]] = []
    for t in _TAG.finditer(source):
        name = t.group(2)
        if t.group(1) or name not in ("MAKEINSTANCE", "TLINK"):
            continue
        a = attributes(t.group(3))
        if name == "MAKEINSTANCE":
            if a.get("eiid") and a.get("eventID"):
                doc.instances[a["eiid"]] = a["eventID"]
        else:
            links.append(a)
    for a in links:
        src = a.get("eventInstanceID") or a.get("timeID") or ""
        tgt = a.get("relatedToEventInstance") or a.get("relatedToTime") or ""
        if not src or not tgt or not a.get("relType"):
            doc.problems.append(f"incomplete TLINK {a.get('lid', '?')}")
            continue
        doc.tlinks.append(TLink(a.get("lid", ""), a["relType"].upper(),
                                doc.instances.get(src, src), doc.instances.get(tgt, tgt)))


def read_tml(path: str | Path) -> TimeMLDoc:
    """Read a ``.tml`` file (UTF-8, undecodable bytes replaced)."""
    p = Path(path)
    return parse_tml(p.read_text(encoding="utf-8", errors="replace"), str(p))


def tml_files(path: str | Path) -> list[Path]:
    """The ``.tml`` files at ``path`` (a file, or a folder searched recursively), sorted.

    macOS resource forks (``._name.tml``) are skipped.
    """
    p = Path(path)
    if p.is_file():
        return [p]
    return sorted(f for f in p.rglob("*.tml") if f.is_file() and not f.name.startswith("._"))
