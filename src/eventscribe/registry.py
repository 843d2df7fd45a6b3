"""Name -> implementation registries for stages, readers and exporters.

Registration happens at import of the defining module (explicit imports in
:mod:`eventscribe.pipeline` and :mod:`eventscribe.export`), and third parties can add
their own through the ``eventscribe.stages`` / ``eventscribe.exporters`` entry-point groups.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    """A small named registry with entry-point discovery."""

    def __init__(self, group: str) -> None:
        self.group = group
        self._items: dict[str, T] = {}
        self._loaded_entry_points = False

    def register(self, name: str) -> Callable[[T], T]:
        def deco(obj: T) -> T:
            if name in self._items and self._items[name] is not obj:
                raise ValueError(f"{self.group}: {name!r} registered twice")
            self._items[name] = obj
            return obj

        return deco

    def _load_entry_points(self) -> None:
        if self._loaded_entry_points:
            return
        self._loaded_entry_points = True
        for ep in entry_points(group=self.group):
            self._items.setdefault(ep.name, ep.load())

    def get(self, name: str) -> T:
        if name not in self._items:
            self._load_entry_points()
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(sorted(self._items))
            raise KeyError(f"{self.group}: unknown name {name!r} (known: {known})") from None

    def names(self) -> list[str]:
        self._load_entry_points()
        return sorted(self._items)


stages: Registry[Any] = Registry("eventscribe.stages")
exporters: Registry[Any] = Registry("eventscribe.exporters")
readers: Registry[Any] = Registry("eventscribe.readers")
