"""Named entities from spaCy's NER only (parser and tagger off), batched with ``nlp.pipe``."""

from __future__ import annotations

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


def chunk_bounds(adoc: AnnotatedDoc, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) character ranges that group whole sentences into chunks of about ``size``."""
    text = adoc.text
    if not adoc.sentences:
        return [(0, len(text))] if text else []
    bounds: list[tuple[int, int]] = []
    start = adoc.sentences[0].start
    for s in adoc.sentences:
        if s.end - start > size and s.start > start:
            bounds.append((start, s.start))
            start = s.start
    bounds.append((start, adoc.sentences[-1].end))
    return bounds


class SpacyNER(BaseStage):
    """spaCy NER over sentence-aligned chunks; entity offsets refer to ``Doc.text``."""

    name: ClassVar[str] = "ner.spacy.v1"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    provides: ClassVar[tuple[str, ...]] = ("entities",)
    batched: ClassVar[bool] = True

    def __init__(self, *, batch_size: int = 64) -> None:
        self.batch_size = batch_size
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
            for s, e in chunk_bounds(a):
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
                    Entity(Span.of(text, offset + ent.start_char, offset + ent.end_char), ent.label_)
                )
        for a, ents in zip(batch, found, strict=True):
            yield a.with_layer("entities", tuple(ents))
