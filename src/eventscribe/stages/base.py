"""The stage contract: a versioned name, declared requires/provides, a pure ``__call__``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar, Protocol, runtime_checkable

from eventscribe.model import AnnotatedDoc


@runtime_checkable
class Stage(Protocol):
    """A pipeline stage.

    ``__init__`` stores config only; ``warm_up`` loads models and indexes once; ``__call__``
    is pure (no network, database or clock) and returns a new AnnotatedDoc.
    """

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    provides: ClassVar[tuple[str, ...]]

    def warm_up(self) -> None: ...

    def __call__(self, adoc: AnnotatedDoc) -> AnnotatedDoc: ...


class BaseStage:
    """Convenience base: no-op warm_up and a ``pipe`` that maps ``__call__`` over a batch."""

    name: ClassVar[str] = "base.v0"
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()

    def warm_up(self) -> None:
        return None

    def __call__(self, adoc: AnnotatedDoc) -> AnnotatedDoc:  # pragma: no cover - abstract
        raise NotImplementedError

    def pipe(self, adocs: Iterable[AnnotatedDoc]) -> Iterator[AnnotatedDoc]:
        for a in adocs:
            yield self(a)
