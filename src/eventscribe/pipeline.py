"""The ordered stages, checked for requires/provides when built, run in batches with
per-document error capture: one bad document never stops a run."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from eventscribe.config import PipelineConfig
from eventscribe.errors import EventscribeError
from eventscribe.model import AnnotatedDoc, Doc, Event, Source
from eventscribe.registry import stages as stage_registry

log = logging.getLogger(__name__)


def _register_builtin_stages() -> None:
    """Import the built-in stage modules and register them under their versioned names."""
    from eventscribe.stages.counts import CountExtractor
    from eventscribe.stages.dates import RuleDateTagger
    from eventscribe.stages.events import EventAssembler
    from eventscribe.stages.geoparse import GazetteerGeoparser
    from eventscribe.stages.ner import SpacyNER
    from eventscribe.stages.sentences import RuleSentencizer
    from eventscribe.stages.typing_stage import LearnedTyper

    for cls in (RuleSentencizer, SpacyNER, GazetteerGeoparser, RuleDateTagger, CountExtractor,
                EventAssembler, LearnedTyper):
        if cls.name not in stage_registry._items:
            stage_registry.register(cls.name)(cls)


@dataclass(frozen=True)
class DocResult:
    """What the pipeline made of one document: events and notes, or a coded error."""

    doc: Doc
    events: tuple[Event, ...] = ()
    notes: tuple[str, ...] = ()
    error: EventscribeError | None = None
    adoc: AnnotatedDoc | None = None
    """Every layer the stages made (sentences, entities, places, times, claims), for evaluators."""

    @property
    def ok(self) -> bool:
        return self.error is None


class Pipeline:
    """Runs stages in order over batches of documents."""

    def __init__(self, config: PipelineConfig | None = None) -> None:
        _register_builtin_stages()
        self.config = config or PipelineConfig()
        self.stages: list[Any] = []
        provided: set[str] = set()
        for name in self.config.stages:
            cls = stage_registry.get(name)
            missing = [r for r in cls.requires if r not in provided]
            if missing:
                raise ValueError(f"stage {name} requires {missing}, not provided by earlier stages")
            self.stages.append(cls(**self.config.options.get(name, {})))
            provided.update(cls.provides)
        self._warm = False

    def warm_up(self) -> None:
        if not self._warm:
            for s in self.stages:
                s.warm_up()
            self._warm = True

    def _check(self, doc: Doc) -> EventscribeError | None:
        if not doc.text.strip():
            return EventscribeError("E001", "the document has no text")
        if len(doc.text) > self.config.max_chars:
            return EventscribeError(
                "E004",
                f"{len(doc.text):,} characters is over the limit of {self.config.max_chars:,}",
            )
        return None

    def process(self, docs: Iterable[Doc]) -> Iterator[DocResult]:
        """Yield one DocResult per input document, in order."""
        self.warm_up()
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= self.config.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, docs: list[Doc]) -> Iterator[DocResult]:
        results: dict[int, DocResult] = {}
        live: list[tuple[int, AnnotatedDoc]] = []
        for i, d in enumerate(docs):
            err = self._check(d)
            if err:
                results[i] = DocResult(d, error=err)
            else:
                live.append((i, AnnotatedDoc(d)))
        for stage in self.stages:
            if not live:
                break
            if getattr(stage, "batched", False):
                live = self._safe_pipe(stage, live, results)
            else:
                nxt = []
                for i, a in live:
                    try:
                        nxt.append((i, stage(a)))
                    except EventscribeError as e:
                        results[i] = DocResult(a.doc, notes=a.notes, error=e)
                    except Exception as e:
                        log.exception("stage %s failed on %s", stage.name, a.doc.id)
                        results[i] = DocResult(
                            a.doc, error=EventscribeError("E020", f"{stage.name}: {e!r}")
                        )
                live = nxt
        for i, a in live:
            results[i] = DocResult(a.doc, events=a.events, notes=a.notes, adoc=a)
        for i in range(len(docs)):
            yield results[i]

    def _safe_pipe(
        self, stage: Any, live: list[tuple[int, AnnotatedDoc]], results: dict[int, DocResult]
    ) -> list[tuple[int, AnnotatedDoc]]:
        try:
            out = list(stage.pipe([a for _, a in live]))
            return [(i, a) for (i, _), a in zip(live, out, strict=True)]
        except Exception:
            nxt = []
            for i, a in live:
                try:
                    nxt.append((i, stage(a)))
                except Exception as e:
                    results[i] = DocResult(
                        a.doc, error=EventscribeError("E020", f"{stage.name}: {e!r}")
                    )
            return nxt

    def extract(
        self,
        text: str,
        published: date | str | None = None,
        url: str | None = None,
        *,
        outlet: str | None = None,
        title: str | None = None,
    ) -> list[Event]:
        """Events of one plain-text article (raises EventscribeError for unusable input)."""
        from eventscribe.io.normalise import normalise_text

        if isinstance(published, str):
            try:
                published = date.fromisoformat(published[:10])
            except ValueError as e:
                raise EventscribeError("E009", f"invalid publication date {published!r}") from e
        doc = Doc.from_text(
            normalise_text(text),
            Source(url=url, title=title, published_at=published, outlet=outlet),
        )
        (result,) = list(self.process([doc]))
        if result.error:
            raise result.error
        return list(result.events)


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The default pipeline, built once per process."""
    return Pipeline()
