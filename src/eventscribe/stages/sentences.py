"""Rule-based sentence splitting whose spans tile the text (every character in one sentence)."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import ClassVar

from eventscribe.model import AnnotatedDoc, Span
from eventscribe.stages.base import BaseStage

# Tokens that end in a period without ending a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt maj cmdr adm gov sen rep rev st jr sr co corp inc ltd
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun no nos vs etc
    approx est dept univ ave blvd mt ft pres vol fig al""".split()
)
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then whitespace.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_NEWLINES = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*[•\-\*–·▪●]\s)|\n")
_NEXT_START = re.compile(r"\s+([\"'“‘(\[]?)([A-Z0-9•\-–])")


def _is_abbreviation(text: str, end: int) -> bool:
    """True when the period at ``text[end-1]`` closes an abbreviation or an initial."""
    i = end - 1
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    word = text[i : end - 1]
    if not word:
        return False
    if word.lower() in _ABBREVIATIONS:
        return True
    # single initials ("J. Smith") and dotted acronyms ("U.S.", "U.N.")
    if len(word) == 1 and word.isupper():
        return True
    return i >= 2 and text[i - 1] == "." and text[i - 2].isalpha()


def split_offsets(text: str) -> list[int]:
    """Sentence start offsets (always starting with 0) for ``text``."""
    cuts: set[int] = set()
    for m in _NEWLINES.finditer(text):
        cuts.add(m.end())
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        punct = text[m.start()]
        if punct == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start() + 1):
            continue
        nxt = _NEXT_START.match(text, end)
        if nxt is None:
            continue
        cuts.add(nxt.start(1) if nxt.group(1) else nxt.start(2))
    starts = sorted(c for c in cuts if 0 < c < len(text))
    return [0, *starts]


def split_sentences(text: str) -> tuple[Span, ...]:
    """Spans tiling ``text``: contiguous, non-overlapping, covering every character.

    Each span includes its trailing whitespace; use :func:`trim` for display.
    """
    if not text:
        return ()
    starts = split_offsets(text)
    bounds = [*starts, len(text)]
    spans = []
    for a, b in pairwise(bounds):
        if b > a:
            spans.append(Span.of(text, a, b))
    return tuple(spans)


def trim(span: Span) -> Span:
    """The span without leading and trailing whitespace."""
    t = span.text
    lead = len(t) - len(t.lstrip())
    tail = len(t.rstrip())
    if tail <= lead:
        return Span(span.start, span.start, "")
    return Span(span.start + lead, span.start + tail, t[lead:tail])


class RuleSentencizer(BaseStage):
    """Splits on line breaks and terminal punctuation, aware of abbreviations and initials."""

    name: ClassVar[str] = "sentences.rules.v1"
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ("sentences",)

    def __call__(self, adoc: AnnotatedDoc) -> AnnotatedDoc:
        return adoc.with_layer("sentences", split_sentences(adoc.text))
