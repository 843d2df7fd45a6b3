"""Named entities from spaCy's NER only (parser and tagger off), batched with ``nlp.pipe``.

Sentences that cannot hold a name are not sent to the model: no capital letter after their
first word, and a first word that is a common sentence opener ("The", "It", "But", ...). The
entity types eventscribe reads (people, organisations, groups, places) are written with capitals
in English news, so these sentences lose nothing it uses, and the model's time goes to the rest.
``make bench`` prints the share of text skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from eventscribe.model import AnnotatedDoc, Entity, Span
from eventscribe.resources.nlp import NON_NER, load_nlp
from eventscribe.stages.base import BaseStage

# Texts are cut at sentence boundaries into chunks of about this many characters, so a very
# long article never becomes one huge spaCy Doc and batches stay even.
CHUNK_CHARS = 8_000
KEEP_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "DATE", "TIME", "CARDINAL", "LAW"}
)


_OPENERS = frozenset(
    "the a an it its they their there this that these those he she his her we our i you "
    "in on at of for from to by with as after before during while when where if but and or so "
    "yet however meanwhile also some many most all several one two three no not such other "
    "each every both more less what which who how why".split()
)
_FIRST_WORD = re.compile(r"\W*(\w+)")
_UPPER_AFTER = re.compile(r"[A-Z]")


def may_hold_names(sentence: str) -> bool:
    """False only for a sentence with no capital after a common opening word (see module doc)."""
    m = _FIRST_WORD.match(sentence)
    if m is None:
        return False
    if _UPPER_AFTER.search(sentence, m.end()):
        return True
    return m.group(1).lower() not in _OPENERS


def chunk_bounds(
    adoc: AnnotatedDoc, size: int = CHUNK_CHARS, *, skip_nameless: bool = False
) -> list[tuple[int, int]]:
    """(start, end) character ranges that group whole sentences into chunks of about ``size``.

    With ``skip_nameless``, sentences that :func:`may_hold_names` rejects are left out, and a
    chunk never spans across one.
    """
    text = adoc.text
    if not adoc.sentences:
        return [(0, len(text))] if text else []
    bounds: list[tuple[int, int]] = []
    start: int | None = None
    end = 0
    for s in adoc.sentences:
        if skip_nameless and not may_hold_names(s.text):
            if start is not None:
                bounds.append((start, end))
                start = None
            continue
        if start is None:
            start = s.start
        elif s.end - start > size:
            bounds.append((start, end))
            start = s.start
        end = s.end
    if start is not None:
        bounds.append((start, end))
    return bounds


class SpacyNER(BaseStage):
    """spaCy NER over sentence-aligned chunks; entity offsets refer to ``Doc.text``."""

    name: ClassVar[str] = "ner.spacy.v1"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    provides: ClassVar[tuple[str, ...]] = ("entities",)
    batched: ClassVar[bool] = True

    def __init__(self, *, batch_size: int = 64, skip_nameless: bool = True) -> None:
        self.batch_size = batch_size
        self.skip_nameless = skip_nameless
        self._nlp: Any = None

    def warm_up(self) -> None:
        if self._nlp is None:
            self._nlp = load_nlp()

    def __call__(self, adoc: AnnotatedDoc) -> AnnotatedDoc:
        return next(iter(self.pipe([adoc])))

    def pipe(self, adocs: Iterable[AnnotatedDoc]) -> Iterator[AnnotatedDoc]:
        self.warm_up()
        batch = list(adocs)
        jobs: list[tuple[int, int]] = []  # (doc index, chunk start)
        texts: list[str] = []
        for i, a in enumerate(batch):
            for s, e in chunk_bounds(a, skip_nameless=self.skip_nameless):
                jobs.append((i, s))
                texts.append(a.text[s:e])
        found: list[list[Entity]] = [[] for _ in batch]
        for (i, offset), sdoc in zip(
            jobs, self._nlp.pipe(texts, batch_size=self.batch_size, disable=list(NON_NER)),
            strict=True,
        ):
            text = batch[i].text
            for ent in sdoc.ents:
                if ent.label_ not in KEEP_LABELS:
                    continue
                found[i].append(
                    Entity(
                        Span.of(text, offset + ent.start_char, offset + ent.end_char), ent.label_
                    )
                )
        for a, ents in zip(batch, found, strict=True):
            yield a.with_layer("entities", tuple(ents))
