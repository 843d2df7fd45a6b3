"""Feed dumps (RSS 2.0, RSS 1.0/RDF, Atom): one document per item."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date

from eventscribe.errors import EventscribeError
from eventscribe.io.docs import make_doc
from eventscribe.io.normalise import decode, normalise_text, require_text
from eventscribe.io.published import parse_published
from eventscribe.io.results import ReadError, ReadResult

FEED_EXTRACTOR = "feed.v1"
_BLOCK_END = re.compile(r"(?i)<br\s*/?>|</(?:p|div|li|h[1-6]|blockquote|tr)\s*>")
_NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "rss1": "http://purl.org/rss/1.0/",
}


def html_fragment_text(fragment: str) -> str:
    """Plain text of a small HTML fragment (a feed item's body): block ends become newlines."""
    import lxml.html

    marked = _BLOCK_END.sub(lambda m: m.group(0) + "\n", fragment)
    if "<" not in marked:
        return normalise_text(marked)
    root = lxml.html.fragment_fromstring(marked, create_parent="div")
    lines = [line.strip() for line in root.text_content().split("\n")]
    return normalise_text("\n".join(line for line in lines if line))


def _text(el: ET.Element | None) -> str | None:
    if el is None:
        return None
    value = "".join(el.itertext()).strip()
    return value or None


def _atom_link(entry: ET.Element) -> str | None:
    for link in entry.findall("atom:link", _NS):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href")
    return None


def _items(root: ET.Element) -> Iterator[dict[str, str | None]]:
    if root.tag == f"{{{_NS['atom']}}}feed":
        for e in root.findall("atom:entry", _NS):
            yield {
                "id": _text(e.find("atom:id", _NS)),
                "title": _text(e.find("atom:title", _NS)),
                "link": _atom_link(e),
                "date": _text(e.find("atom:published", _NS)) or _text(e.find("atom:updated", _NS)),
                "body": _text(e.find("atom:content", _NS)) or _text(e.find("atom:summary", _NS)),
            }
        return
    items = root.findall("./channel/item") + root.findall("rss1:item", _NS)
    for it in items:
        yield {
            "id": _text(it.find("guid")),
            "title": _text(it.find("title")) or _text(it.find("rss1:title", _NS)),
            "link": _text(it.find("link")) or _text(it.find("rss1:link", _NS)),
            "date": _text(it.find("pubDate")) or _text(it.find("dc:date", _NS)),
            "body": _text(it.find("content:encoded", _NS))
            or _text(it.find("description"))
            or _text(it.find("rss1:description", _NS)),
        }


def iter_feed(raw: bytes, path: str, *, default_published: date | None) -> Iterator[ReadResult]:
    """Documents from an RSS/Atom dump; an item without a body is an error for that item only.

    The document text is the item's body (``content:encoded``, ``description``, Atom
    ``content``/``summary``) converted to plain text; the title is kept as metadata.
    """
    try:
        if b"<!ENTITY" in raw[:65536]:
            raise EventscribeError("E007", "feed declares XML entities; refused")
        root = ET.fromstring(decode(raw, allow_declared=True))
    except ET.ParseError as exc:
        yield ReadError(path, None, "E007", f"malformed XML feed: {exc}")
        return
    except EventscribeError as exc:
        yield ReadError.of(path, exc)
        return
    channel = root.find("./channel")
    outlet = _text(channel.find("title")) if channel is not None else None
    if root.tag == f"{{{_NS['atom']}}}feed":
        outlet = _text(root.find("atom:title", _NS))
    found = False
    for i, item in enumerate(_items(root), start=1):
        found = True
        item_path = f"{path}#item{i}"
        try:
            text = require_text(html_fragment_text(item["body"] or ""), "feed item")
            doc = make_doc(
                text,
                raw=(item["body"] or "").encode("utf-8"),
                extractor=FEED_EXTRACTOR,
                path=item_path,
                url=item["link"],
                title=item["title"],
                outlet=outlet,
                published=parse_published(item["date"]) or default_published,
                external_id=item["id"],
            )
        except EventscribeError as exc:
            yield ReadError.of(item_path, exc)
            continue
        yield doc
    if not found:
        yield ReadError(path, None, "E007", "XML file is not an RSS or Atom feed with items")
