"""Reader for the LGL geocoding gold format (LGL, TR-News and other sets in the same XML).

``<articles><article docid>`` holds ``<feedid>``, ``<title>``, ``<domain>``, ``<url>``,
``<dltime>`` (download time, about the publication time; may be empty), ``<text>`` and
``<toponyms>`` of ``<toponym>``: ``<start>``, ``<end>`` (character offsets into the parsed text),
``<phrase>`` and an optional ``<gaztag geonameid>`` with ``<name>``, ``<lat>``, ``<lon>``,
``<fclass>``, ``<fcode>``, ``<country>``, ``<admin1>``. Any of these may be missing or empty;
unknown elements are ignored. A toponym that cannot be used is skipped and counted under a
reason in :attr:`GoldSet.skipped`; an XML syntax error raises ``E040`` naming the line.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eventscribe.errors import EventscribeError


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One gold toponym: its span and, when annotated, its gazetteer reading."""

    start: int
    end: int
    phrase: str
    geonameid: int | None = None
    name: str = ""
    lat: float | None = None
    lon: float | None = None
    fclass: str = ""
    fcode: str = ""
    country: str = ""
    admin1: str = ""

    @property
    def has_coords(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One article with its gold toponyms (sorted by start)."""

    docid: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    title: str = ""
    domain: str = ""
    url: str = ""
    feedid: str = ""
    published: date | None = None


@dataclass
class GoldSet:
    """All articles of a file and the reasons anything was skipped."""

    articles: list[GoldArticle]
    skipped: Counter[str] = field(default_factory=Counter)


_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _txt(el: ET.Element | None, tag: str) -> str:
    if el is None:
        return ""
    c = el.find(tag)
    return (c.text or "").strip() if c is not None else ""


def _int(s: str) -> int | None:
    try:
        return int(s.strip())
    except (ValueError, AttributeError):
        return None


def _float(s: str) -> float | None:
    try:
        v = float(s.strip())
    except (ValueError, AttributeError):
        return None
    return v if v == v and abs(v) != float("inf") else None


def parse_date(s: str) -> date | None:
    """The date part of a ``dltime`` such as ``2009-03-20 12:24:52.002364-05`` (None if absent)."""
    m = _DATE.search(s or "")
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _toponym(el: ET.Element, text: str, skipped: Counter[str]) -> GoldToponym | None:
    start, end = _int(_txt(el, "start")), _int(_txt(el, "end"))
    phrase_el = el.find("phrase")
    phrase = (phrase_el.text or "") if phrase_el is not None else ""
    if start is None or end is None:
        if phrase and phrase in text:  # no offsets: first occurrence of the phrase
            start = text.index(phrase)
            end = start + len(phrase)
            skipped["offsets missing, phrase located in text"] += 1
        else:
            skipped["toponym without usable offsets"] += 1
            return None
    if not 0 <= start < end <= len(text):
        skipped["toponym offsets outside the text"] += 1
        return None
    if phrase and text[start:end] != phrase:
        # tolerate a small shift (e.g. a CRLF counted twice upstream)
        near = text.find(phrase, max(0, start - 20), end + 20)
        if near < 0:
            skipped["phrase differs from text[start:end]"] += 1
            return None
        start, end = near, near + len(phrase)
    phrase = text[start:end]
    g = el.find("gaztag")
    if g is None:
        return GoldToponym(start, end, phrase)
    lat, lon = _float(_txt(g, "lat")), _float(_txt(g, "lon"))
    if (lat is None) != (lon is None) or (
        lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180)
    ):
        skipped["gaztag with invalid coordinates (treated as no location)"] += 1
        lat = lon = None
    return GoldToponym(
        start, end, phrase,
        geonameid=_int(g.get("geonameid") or ""),
        name=_txt(g, "name"), lat=lat, lon=lon,
        fclass=_txt(g, "fclass"), fcode=_txt(g, "fcode"),
        country=_txt(g, "country"), admin1=_txt(g, "admin1"),
    )


def parse_lgl(source: str | Path | bytes) -> GoldSet:
    """Read an LGL-format file (a path) or its content (bytes).

    Raises:
        EventscribeError: ``E040`` when the XML is malformed (the message names the line) or the
            file cannot be read.
    """
    where = "input" if isinstance(source, bytes) else str(source)
    try:
        if isinstance(source, bytes):
            root = ET.fromstring(source)
        else:
            root = ET.parse(str(source)).getroot()
    except ET.ParseError as e:
        line, col = getattr(e, "position", (0, 0))
        raise EventscribeError("E040", f"{where}: malformed XML at line {line}, column {col}: "
                               f"{e}") from None
    except OSError as e:
        raise EventscribeError("E040", f"cannot read {where}: {e}") from None
    out = GoldSet([])
    arts = [root] if root.tag == "article" else root.iter("article")
    for n, a in enumerate(arts, start=1):
        text_el = a.find("text")
        text = (text_el.text or "") if text_el is not None else ""
        docid = a.get("docid") or _txt(a, "docid") or f"#{n}"
        if not text.strip():
            out.skipped["article without text"] += 1
            continue
        tops: list[GoldToponym] = []
        holder = a.find("toponyms")
        for t in (holder.findall("toponym") if holder is not None else []):
            gt = _toponym(t, text, out.skipped)
            if gt is not None:
                tops.append(gt)
        tops.sort(key=lambda t: (t.start, t.end))
        out.articles.append(GoldArticle(
            docid=docid, text=text, toponyms=tuple(tops), title=_txt(a, "title"),
            domain=_txt(a, "domain"), url=_txt(a, "url"), feedid=_txt(a, "feedid"),
            published=parse_date(_txt(a, "dltime")),
        ))
    return out


def read_path(path: str | Path) -> GoldSet:
    """Read a file, or every ``*.xml`` file of a folder (sorted), as one :class:`GoldSet`.

    In a folder, a malformed file is skipped and counted (its error names the line) unless
    every file is malformed; a single malformed file raises ``E040``.
    """
    p = Path(path)
    if p.is_dir():
        files = sorted(p.rglob("*.xml"))
        if not files:
            raise EventscribeError("E040", f"{p}: no .xml files in this folder")
        merged = GoldSet([])
        errors = []
        for f in files:
            try:
                g = parse_lgl(f)
            except EventscribeError as e:  # one broken file does not stop the folder
                errors.append(e.message)
                merged.skipped[f"malformed file skipped: {e.message}"] += 1
                continue
            merged.articles.extend(g.articles)
            merged.skipped.update(g.skipped)
        if errors and not merged.articles:
            raise EventscribeError("E040", "; ".join(errors))
        return merged
    return parse_lgl(p)
