import pytest

from eventscribe.errors import EventscribeError
from eventscribe.model import Claim, Doc, Provenance, Span, summarise

pytestmark = pytest.mark.unit


def test_model_span_of_checks_bounds():
    with pytest.raises(EventscribeError) as e:
        Span.of("abc", 1, 9)
    assert e.value.code == "E006"
    assert Span.of("abcdef", 2, 4).text == "cd"


def test_model_span_rejects_mismatched_text():
    with pytest.raises(EventscribeError):
        Span(0, 3, "ab")


def test_model_doc_id_is_content_hash():
    assert Doc.from_text("same text").id == Doc.from_text("same text").id
    assert Doc.from_text("same text").id != Doc.from_text("other text").id


def test_model_outlet_falls_back_to_url_host():
    from eventscribe.model import Source
    assert Doc.from_text("x", Source(url="https://www.example.org/a")).outlet_name == "example.org"
    assert Doc.from_text("x").outlet_name == "the report"


def _claim(value, qualifier, who, high=None, group=None):
    sp = Span(0, 1, "x")
    return Claim(
        "killed", value, qualifier, who, (sp,), Provenance("t", "r"), high=high, group=group
    )


def test_model_summary_keeps_disagreement_without_averaging():
    s = summarise((_claim(11, "exact", "outlet"), _claim(9, "at_least", "Amnesty International")))
    assert (s.best, s.low, s.high) == (9, 9, 11)


def test_model_summary_uses_range_high():
    s = summarise((_claim(5, "range", "police", high=7),))
    assert (s.best, s.low, s.high) == (5, 5, 7)


def test_model_summary_adds_groups_from_one_source():
    s = summarise((_claim(3, "exact", "army", group="soldiers"),
                   _claim(5, "exact", "army", group="civilians")))
    assert s.best == 8


def test_model_summary_none_without_claims():
    assert summarise(()) is None
