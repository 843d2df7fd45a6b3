"""Reader for MEANTIME / NewsReader CAT XML (tokens, markables, relations).

The text is rebuilt from ``<token t_id sentence number>``: tokens of one sentence are joined
with a space except before closing punctuation (``,`` ``.`` ``)`` ``'s`` ``n't`` ...) and after
opening punctuation (``(`` ``$`` ...); sentences are joined with a newline. Each markable's span
runs from its first to its last anchored token. Unknown elements are ignored; a markable whose
tokens are missing is skipped and counted in :attr:`CatDoc.problems`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eventscribe.evaluation.timeml_format import parse_day

_NO_SPACE_BEFORE = frozenset(",.;:!?)]}%'\"") | frozenset(("'s", "'S", "n't", "'re", "'ve",
                                                          "'ll", "'d", "'m", "’s", "''"))
_NO_SPACE_AFTER = frozenset(("(", "[", "{", "$", "``", "£", "€", "#"))


@dataclass(frozen=True, slots=True)
class CatMarkable:
    """A markable (TIMEX3, EVENT_MENTION, ENTITY_MENTION, ...) with its character span."""

    m_id: str
    kind: str
    start: int
    end: int
    text: str
    sentence: int
    attrs: tuple[tuple[str, str], ...] = ()

    def attr(self, name: str, default: str = "") -> str:
        """One attribute's value."""
        return next((v for k, v in self.attrs if k == name), default)


@dataclass(frozen=True, slots=True)
class CatRelation:
    """A relation (TLINK, HAS_PARTICIPANT, ...) from one markable id to another."""

    r_id: str
    kind: str
    reltype: str
    source: str
    target: str


@dataclass(slots=True)
class CatDoc:
    """One CAT XML document."""

    path: str
    doc_id: str = ""
    text: str = ""
    sentences: list[tuple[int, int]] = field(default_factory=list)
    markables: dict[str, CatMarkable] = field(default_factory=dict)
    relations: list[CatRelation] = field(default_factory=list)
    dct: date | None = None
    dct_value: str = ""
    problems: list[str] = field(default_factory=list)

    def timexes(self) -> list[CatMarkable]:
        """The TIMEX3 markables that have tokens (the DCT included)."""
        return [m for m in self.markables.values() if m.kind == "TIMEX3"]


def _rebuild(tokens: list[tuple[int, int, str, str]]) -> tuple[str, dict[str, tuple[int, int, int]],
                                                                 list[tuple[int, int]]]:
    """Text, t_id -> (start, end, sentence), sentence spans from (sentence, number, t_id, word)."""
    parts: list[str] = []
    pos = 0
    offsets: dict[str, tuple[int, int, int]] = {}
    sentences: list[tuple[int, int]] = []
    current: int | None = None
    sent_start = 0
    prev_word = ""
    for sent, _num, tid, word in tokens:
        if current is None or sent != current:
            if current is not None:
                sentences.append((sent_start, pos))
                parts.append("\n")
                pos += 1
            current, sent_start, prev_word = sent, pos, ""
        elif prev_word and word not in _NO_SPACE_BEFORE and prev_word not in _NO_SPACE_AFTER:
            parts.append(" ")
            pos += 1
        offsets[tid] = (pos, pos + len(word), sent)
        parts.append(word)
        pos += len(word)
        prev_word = word
    if current is not None:
        sentences.append((sent_start, pos))
    return "".join(parts), offsets, sentences


def parse_cat(source: str | bytes, path: str = "<string>") -> CatDoc:
    """Read one CAT XML document; a file that is not XML gives a doc with a problem noted."""
    doc = CatDoc(path=path, doc_id=Path(path).stem)
    try:
        root = ET.fromstring(source)
    except ET.ParseError as exc:
        doc.problems.append(f"not well-formed XML: {exc}")
        return doc
    doc.doc_id = root.get("doc_name") or root.get("doc_id") or doc.doc_id
    tokens: list[tuple[int, int, str, str]] = []
    for i, tok in enumerate(root.iter("token")):
        tid = tok.get("t_id")
        if not tid:
            doc.problems.append("token without t_id")
            continue
        try:
            sent = int(tok.get("sentence") or 0)
            num = int(tok.get("number") or i)
        except ValueError:
            sent, num = 0, i
        tokens.append((sent, num, tid, (tok.text or "").strip() or "_"))
    tokens.sort(key=lambda t: (t[0], t[1]))
    doc.text, offsets, doc.sentences = _rebuild(tokens)
    markables = root.find("Markables")
    for el in markables if markables is not None else ():
        m_id = el.get("m_id")
        if not m_id:
            continue
        anchors = [offsets[a.get("t_id", "")] for a in el.iter("token_anchor")
                   if a.get("t_id", "") in offsets]
        if not anchors:
            if el.tag == "TIMEX3" and el.get("functionInDocument") == "CREATION_TIME":
                _set_dct(doc, el.get("value", ""))
            continue  # entity/instance-level markables have no tokens
        start = min(a[0] for a in anchors)
        end = max(a[1] for a in anchors)
        mk = CatMarkable(m_id, el.tag, start, end, doc.text[start:end], anchors[0][2],
                         tuple(sorted((k, v) for k, v in el.attrib.items())))
        doc.markables[m_id] = mk
        if el.tag == "TIMEX3" and el.get("functionInDocument") == "CREATION_TIME":
            _set_dct(doc, el.get("value", ""))
    relations = root.find("Relations")
    for el in relations if relations is not None else ():
        src, tgt = el.find("source"), el.find("target")
        if src is None or tgt is None or not src.get("m_id") or not tgt.get("m_id"):
            doc.problems.append(f"{el.tag} {el.get('r_id', '?')} without source or target")
            continue
        doc.relations.append(CatRelation(el.get("r_id", ""), el.tag,
                                         (el.get("reltype") or "").upper(),
                                         src.get("m_id", ""), tgt.get("m_id", "")))
    if doc.dct is None:
        doc.problems.append("no usable DCT")
    return doc


def _set_dct(doc: CatDoc, value: str) -> None:
    day = parse_day(value)
    if day is not None and doc.dct is None:
        doc.dct, doc.dct_value = day, value


def read_cat(path: str | Path) -> CatDoc:
    """Read a CAT XML file."""
    p = Path(path)
    return parse_cat(p.read_bytes(), str(p))


def cat_files(path: str | Path) -> list[Path]:
    """The ``.xml`` files at ``path`` (a file, or a folder searched recursively), sorted."""
    p = Path(path)
    if p.is_file():
        return [p]
    return sorted(f for f in p.rglob("*.xml") if f.is_file() and not f.name.startswith("._"))
