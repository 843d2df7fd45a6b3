"""The summary rule: conservative best, low/high range, parts, subsets and updates."""

from __future__ import annotations

import pytest

from eventscribe.model import AnnotatedDoc, Claim, Doc, Provenance, Source, Span, summarise
from eventscribe.stages.counts import CountExtractor

pytestmark = pytest.mark.unit

TEXT = "x" * 200


def claim(value: int, who: str, *, at: int = 0, qualifier: str = "exact", high: int | None = None,
          group: str | None = None, reason: str = "rule", clause: tuple[int, int] | None = None,
          ) -> Claim:
    ev: tuple[Span, ...] = (Span.of(TEXT, at, at + 5),)
    if clause is not None:
        ev = (*ev, Span.of(TEXT, *clause))
    return Claim("killed", value, qualifier, who, ev,  # type: ignore[arg-type]
                 Provenance("t", reason), high=high, group=group)


def triple(*cs: Claim) -> tuple[int, int, int]:
    s = summarise(cs)
    assert s is not None
    return s.best, s.low, s.high


def test_claims_summary_sources_disagree():
    assert triple(claim(11, "outlet"), claim(9, "Amnesty International", at=50,
                                             qualifier="at_least")) == (9, 9, 11)


def test_claims_summary_never_averages():
    s = summarise((claim(10, "a"), claim(30, "b", at=20)))
    assert s is not None and (s.best, s.low, s.high) == (10, 10, 30) and "averaged" in s.reason


def test_claims_summary_range_high():
    assert triple(claim(5, "police", qualifier="range", high=7)) == (5, 5, 7)


def test_claims_summary_parts_of_one_statement_add_up():
    parts = (claim(3, "army", group="soldiers", reason="part: x", clause=(0, 40)),
             claim(5, "army", at=20, group="civilians", reason="part: y", clause=(0, 40)))
    assert triple(*parts) == (8, 8, 8)


def test_claims_summary_groups_in_different_statements_not_added():
    # a headline and the body restate one count with different words
    assert triple(claim(12, "outlet", group="soldiers"),
                  claim(12, "outlet", at=100, group="troops")) == (12, 12, 12)


def test_claims_summary_total_and_its_parts_not_double_counted():
    cs = (claim(8, "army"),
          claim(3, "army", at=60, group="soldiers", reason="part: a", clause=(60, 100)),
          claim(5, "army", at=80, group="civilians", reason="part: b", clause=(60, 100)))
    assert triple(*cs) == (8, 8, 8)


def test_claims_summary_subset_dropped():
    assert triple(claim(31, "outlet"), claim(12, "outlet", at=30, group="children",
                                             reason="subset: including")) == (31, 31, 31)


def test_claims_summary_subset_alone_is_kept():
    assert triple(claim(12, "outlet", group="children", reason="subset: including")) == (12, 12, 12)


def test_claims_summary_update_supersedes_earlier_figures_of_that_source():
    cs = (claim(7, "officials"), claim(12, "officials", at=80, reason="update: toll rose"),
          claim(10, "Red Cross", at=150))
    s = summarise(cs)
    assert s is not None and (s.best, s.low, s.high) == (10, 10, 12)
    assert "update" in s.reason


def test_claims_summary_empty():
    assert summarise(()) is None


def test_claims_summary_end_to_end_with_the_stage():
    text = ("Three soldiers and five civilians were killed in Gedo, the army said. "
            "A local elder said at least 6 people were killed.")
    adoc = CountExtractor()(AnnotatedDoc(doc=Doc.from_text(text, Source(outlet="Wire"))))
    s = summarise(tuple(c for c in adoc.claims if c.kind == "killed"))
    assert s is not None and (s.best, s.low, s.high) == (6, 6, 8)
