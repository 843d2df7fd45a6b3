"""eventscribe: structured, verifiable event records from news reports."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from eventscribe.model import Event
    from eventscribe.pipeline import Pipeline

__all__ = ["Pipeline", "__version__", "extract"]


def extract(
    text: str,
    published: date | str | None = None,
    url: str | None = None,
    *,
    outlet: str | None = None,
    title: str | None = None,
) -> list[Event]:
    """Extract events from one article's text.

    Args:
        text: the article text (plain text; use ``eventscribe.io`` readers for HTML).
        published: publication date (``date`` or ISO string); relative dates stay unresolved
            without it.
        url: the article's URL, used as the outlet name when ``outlet`` is not given.
        outlet: who publishes the text; counts with no other source are attributed to it.
        title: the headline, if separate from ``text``.

    Returns:
        The events, each with ``to_dict()`` giving the JSON contract of docs/formats.md.
    """
    from eventscribe.pipeline import default_pipeline

    return default_pipeline().extract(
        text, published=published, url=url, outlet=outlet, title=title
    )


def __getattr__(name: str) -> object:
    if name == "Pipeline":
        from eventscribe.pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)
