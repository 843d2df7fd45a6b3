"""Reader for the ECB+ corpus format (CAT XML documents in topic folders).

A corpus folder holds topic folders ``<topic>/`` with files ``<topic>_<n>ecb.xml`` and
``<topic>_<n>ecbplus.xml``. Within one topic the ``ecb`` and the ``ecbplus`` files report two
different real-world events (the two sub-topics), so the gold document clusters are
``(topic, "ecb" | "ecbplus")``.

Each file is ``<Document doc_name>`` with ``<token t_id sentence number>word</token>``
elements; the text is rebuilt from the tokens (one line per sentence, words joined with the
usual spacing around punctuation). In ``ecbplus`` files sentence 0 is the source URL: it is
taken out of the text and kept as :attr:`EcbDocument.url`; a publication date is read from it
when it has one (``/2013/05/03/``, ``20130504``, ``/2013/may/03/``). Markables, relations and
unknown elements are ignored here. A file that cannot be read is skipped and counted under a
reason in :attr:`EcbCorpus.skipped`, never fatal.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

_NAME = re.compile(r"^(?P<topic>\d+)_(?P<n>\d+)(?P<kind>ecbplus|ecb)\.xml$", re.IGNORECASE)
_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ve",
                    "'ll", "'d", "'m", "''", "'"}
_NO_SPACE_AFTER = {"(", "[", "{", "``", "$", "#"}
_MONTHS = {m: i + 1 for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
_URL_DATES = (
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[/_-](?P<m>[01]?\d)[/_-](?P<d>[0-3]?\d)(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)/(?P<mon>[a-z]{3})[a-z]*/(?P<d>[0-3]?\d)(?!\d)",
               re.IGNORECASE),
)


@dataclass(frozen=True, slots=True)
class EcbMention:
    """A gold event (action) mention: its sentence, words and gold coreference cluster.

    ``cluster`` is the ``note`` of the ``CROSS_DOC_COREF`` relation the mention is a source
    of; else the document and target of its ``INTRA_DOC_COREF``; else its own singleton key.
    """

    doc: str
    m_id: str
    sentence: int
    words: tuple[str, ...]
    cluster: str


@dataclass(frozen=True, slots=True)
class EcbDocument:
    """One ECB+ document: its gold cluster key, rebuilt text and (ecbplus) source URL."""

    name: str
    topic: str
    subtopic: str
    """``"ecb"`` or ``"ecbplus"``."""
    text: str
    url: str = ""
    published: date | None = None
    mentions: tuple[EcbMention, ...] = ()

    @property
    def gold_cluster(self) -> str:
        """The gold document cluster: topic and sub-topic (``"1/ecbplus"``)."""
        return f"{self.topic}/{self.subtopic}"


@dataclass
class EcbCorpus:
    """The documents read from a folder, in sorted path order, and what was skipped."""

    documents: list[EcbDocument] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)


def join_tokens(words: list[str]) -> str:
    """Words of one sentence as text, with no space before closing punctuation."""
    out = ""
    prev = ""
    for tok in words:
        w = {"``": '"', "''": '"'}.get(tok, tok)
        if out and prev not in _NO_SPACE_AFTER and tok not in _NO_SPACE_BEFORE \
                and tok.lower() not in _NO_SPACE_BEFORE:
            out += " "
        out += w
        prev = tok
    return out


def url_date(url: str) -> date | None:
    """A publication date written in a URL (``/2013/05/03/``, ``20130504``), or None."""
    for pat in _URL_DATES:
        for m in pat.finditer(url):
            g = m.groupdict()
            month = _MONTHS.get(g["mon"][:3].lower(), 0) if g.get("mon") else int(g["m"])
            try:
                return date(int(g["y"]), month, int(g["d"]))
            except ValueError:
                continue
    return None


def parse_document(xml_text: str, name: str) -> EcbDocument:
    """Parse one ECB+ file's XML (``name`` is its file name, which carries topic and kind).

    Raises:
        ValueError: for a name not in the ``<topic>_<n>ecb[plus].xml`` form, bad XML or a
            document without tokens.
    """
    m = _NAME.match(name)
    if m is None:
        raise ValueError("file name is not <topic>_<n>ecb.xml or <topic>_<n>ecbplus.xml")
    root = ET.fromstring(xml_text)
    sentences: dict[int, list[tuple[int, str]]] = {}
    for tok in root.iter("token"):
        try:
            sent = int(tok.get("sentence", ""))
        except ValueError:
            continue
        try:
            num = int(tok.get("number", "") or tok.get("t_id", "0"))
        except ValueError:
            num = 0
        sentences.setdefault(sent, []).append((num, tok.text or ""))
    if not sentences:
        raise ValueError("no tokens")
    kind = m.group("kind").lower()
    url = ""
    if kind == "ecbplus" and 0 in sentences:
        first = "".join(w for _, w in sorted(sentences[0]))
        if first.lower().startswith(("http", "www")):
            url = first
            del sentences[0]
    mentions = _mentions(root, name)
    lines = [join_tokens([w for _, w in sorted(toks, key=lambda t: t[0])])
             for _, toks in sorted(sentences.items())]
    text = "\n".join(ln for ln in lines if ln.strip())
    if not text.strip():
        raise ValueError("no text")
    return EcbDocument(name=name, topic=m.group("topic"), subtopic=kind, text=text, url=url,
                       published=url_date(url) if url else None, mentions=mentions)


def _mentions(root: ET.Element, name: str) -> tuple[EcbMention, ...]:
    """Gold action mentions (``ACTION_*``, ``NEG_ACTION_*`` markables with token anchors)."""
    tokens = {t.get("t_id"): (t.get("sentence"), t.text or "") for t in root.iter("token")}
    cluster: dict[str, str] = {}
    for rel in root.iter():
        if rel.tag not in ("CROSS_DOC_COREF", "INTRA_DOC_COREF"):
            continue
        target = rel.find("target")
        key = rel.get("note") if rel.tag == "CROSS_DOC_COREF" else None
        if not key:
            key = f"{name}#{target.get('m_id') if target is not None else rel.get('r_id')}"
        for src in rel.findall("source"):
            mid = src.get("m_id")
            if mid and (rel.tag == "CROSS_DOC_COREF" or mid not in cluster):
                cluster[mid] = key
    out: list[EcbMention] = []
    markables = root.find("Markables")
    for mk in markables if markables is not None else ():
        if not mk.tag.startswith(("ACTION_", "NEG_ACTION_")):
            continue
        anchors = [a.get("t_id") for a in mk.findall("token_anchor")]
        toks = [tokens[a] for a in anchors if a in tokens]
        mid = mk.get("m_id")
        if not toks or not mid:
            continue
        try:
            sent = int(toks[0][0] or "")
        except ValueError:
            continue
        out.append(EcbMention(doc=name, m_id=mid, sentence=sent,
                              words=tuple(w for _, w in toks),
                              cluster=cluster.get(mid, f"{name}#{mid}")))
    return tuple(out)


def read_sentence_index(path: Path) -> set[tuple[str, int]]:
    """(document file name, sentence number) pairs of ``ECBplus_coreference_sentences.csv``
    (``Topic,File,Sentence Number``; rows that do not parse are skipped)."""
    out: set[tuple[str, int]] = set()
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return out
    for line in lines[1:]:
        parts = [p.strip() for p in line.split(",")]
        if len(parts) < 3:
            continue
        try:
            out.add((f"{parts[0]}_{parts[1]}.xml", int(parts[2])))
        except ValueError:
            continue
    return out


def read_corpus(path: Path) -> EcbCorpus:
    """Every ``*ecb.xml`` / ``*ecbplus.xml`` file under ``path`` (a folder or one file)."""
    corpus = EcbCorpus()
    if path.is_file():
        files = [path]
    else:  # os.walk follows symlinked topic folders, which Path.rglob does not
        files = sorted(Path(root) / f for root, _dirs, names in os.walk(path, followlinks=True)
                       for f in names if f.lower().endswith(".xml"))
    for f in files:
        if _NAME.match(f.name) is None:
            corpus.skipped["not an ECB+ document file name"] += 1
            continue
        try:
            raw = f.read_text(encoding="utf-8", errors="replace")
        except OSError:
            corpus.skipped["unreadable file"] += 1
            continue
        try:
            doc = parse_document(raw, f.name)
        except ET.ParseError:
            corpus.skipped["malformed XML"] += 1
            continue
        except ValueError as e:
            corpus.skipped[str(e)] += 1
            continue
        corpus.files.append(f)
        corpus.documents.append(doc)
    return corpus
