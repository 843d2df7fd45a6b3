"""Unit tests for the rule-based time-expression tagger (hand-built docs, no model loads)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscribe.model import AnnotatedDoc, Doc, Source, Span, TimeMention
from eventscribe.stages.dates import RuleDateTagger, normalise

pytestmark = pytest.mark.unit

WED = date(2023, 3, 15)  # a Wednesday


def tag(text: str, published: date | None) -> tuple[TimeMention, ...]:
    """Run the tagger over ``text`` as one sentence."""
    doc = Doc.from_text(text, Source(published_at=published))
    adoc = AnnotatedDoc(doc=doc, sentences=(Span.of(text, 0, len(text)),))
    return RuleDateTagger()(adoc).times


def only(text: str, expr: str, published: date | None) -> TimeMention:
    """The single mention whose text is ``expr``."""
    hits = [t for t in tag(text, published) if t.span.text == expr]
    assert len(hits) == 1, [t.span.text for t in tag(text, published)]
    return hits[0]


# (sentence, expression, DCT, start, end, precision, timex)
CASES = [
    ("During the July 28-29 attack in 2009, soldiers stormed the camp.", "July 28-29",
     date(2020, 7, 29), date(2009, 7, 28), date(2009, 7, 29), "day", "2009-07-28/2009-07-29"),
    ("Fighting raged in Marawi on 23-24 May, the army said.", "23-24 May", date(2017, 6, 10),
     date(2017, 5, 23), date(2017, 5, 24), "day", "2017-05-23/2017-05-24"),
    ("Rebels held the town between 3 and 5 March, a UN report said.", "between 3 and 5 March",
     date(2021, 4, 1), date(2021, 3, 3), date(2021, 3, 5), "day", "2021-03-03/2021-03-05"),
    ("Protests continued from May 1 to May 3 in Santiago.", "from May 1 to May 3",
     date(2019, 5, 10), date(2019, 5, 1), date(2019, 5, 3), "day", "2019-05-01/2019-05-03"),
    ("M23 fighters entered Goma on 20 November 2012.", "20 November 2012", WED,
     date(2012, 11, 20), date(2012, 11, 20), "day", "2012-11-20"),
    ("The truce in Yemen began on April 2, 2022, mediators said.", "April 2, 2022", WED,
     date(2022, 4, 2), date(2022, 4, 2), "day", "2022-04-02"),
    ("A bulletin dated 2015-04-25 listed aftershocks near Kathmandu.", "2015-04-25", WED,
     date(2015, 4, 25), date(2015, 4, 25), "day", "2015-04-25"),
    ("Gunmen attacked a bus in Balochistan on Tuesday.", "Tuesday", WED,
     date(2023, 3, 14), date(2023, 3, 14), "day", "2023-03-14"),
    ("Police in Lagos said on Wednesday that six suspects were held.", "Wednesday", WED,
     WED, WED, "day", "2023-03-15"),
    ("Farmers blocked roads near Lille last Wednesday.", "last Wednesday", WED,
     date(2023, 3, 8), date(2023, 3, 8), "day", "2023-03-08"),
    ("Clashes in Khartoum last week killed dozens.", "last week", WED,
     date(2023, 3, 6), date(2023, 3, 12), "week", "2023-W10"),
    ("Strikes have closed ports in Chile this month.", "this month", WED,
     date(2023, 3, 1), date(2023, 3, 31), "month", "2023-03"),
    ("Floods hit Sindh earlier this month.", "earlier this month", WED,
     date(2023, 3, 1), WED, "month", "2023-03"),
    ("Kenyan police arrested 40 people last year.", "last year", WED,
     date(2022, 1, 1), date(2022, 12, 31), "year", "2022"),
    ("A car bomb exploded in Kirkuk yesterday.", "yesterday", WED,
     date(2023, 3, 14), date(2023, 3, 14), "day", "2023-03-14"),
    ("Teachers march in La Paz today.", "today", WED, WED, WED, "day", "2023-03-15"),
    ("Voting in the Kano by-election closed in December.", "December", WED,
     date(2022, 12, 1), date(2022, 12, 31), "month", "2022-12"),
    ("Riots broke out in Dakar in March.", "March", WED,
     date(2023, 3, 1), date(2023, 3, 31), "month", "2023-03"),
    ("Landslides struck Kerala in early June, officials said.", "early June", date(2023, 7, 1),
     date(2023, 6, 1), date(2023, 6, 10), "month", "2023-06"),
    ("The militia was formed in mid-1996 in eastern Zaire.", "mid-1996", WED,
     date(1996, 5, 1), date(1996, 8, 31), "year", "1996"),
    ("Troops withdrew from Tigray in June last year.", "June last year", WED,
     date(2022, 6, 1), date(2022, 6, 30), "month", "2022-06"),
    ("Fishermen in Ghana protested last June.", "last June", WED,
     date(2022, 6, 1), date(2022, 6, 30), "month", "2022-06"),
    ("The mine in Sonora had closed by the end of 2019.", "the end of 2019", WED,
     date(2019, 9, 1), date(2019, 12, 31), "year", "2019"),
    ("Exports from Chittagong fell in the first quarter.", "the first quarter", date(2023, 5, 10),
     date(2023, 1, 1), date(2023, 3, 31), "quarter", "2023-Q1"),
    ("Copper output in Zambia slipped in Q3 2019.", "Q3 2019", WED,
     date(2019, 7, 1), date(2019, 9, 30), "quarter", "2019-Q3"),
    ("The ministry's budget for fiscal 1998 was cut.", "fiscal 1998", WED,
     date(1998, 1, 1), date(1998, 12, 31), "year", "1998"),
    ("Thousands fled Algeria in the 1990s.", "the 1990s", WED,
     date(1990, 1, 1), date(1999, 12, 31), "decade", "199"),
    ("Wildfires swept Evia last summer.", "last summer", WED,
     date(2022, 6, 1), date(2022, 8, 31), "quarter", "2022-SU"),
    ("The uprising in Homs began in the spring of 2011.", "the spring of 2011", WED,
     date(2011, 3, 1), date(2011, 5, 31), "quarter", "2011-SP"),
    ("Militants seized the port in October 2016.", "October 2016", WED,
     date(2016, 10, 1), date(2016, 10, 31), "month", "2016-10"),
    ("Two years ago the dam in Derna burst.", "Two years ago", WED,
     date(2021, 1, 1), date(2021, 12, 31), "year", "2021"),
    ("Monks were detained in Mandalay in 2009.", "2009", WED,
     date(2009, 1, 1), date(2009, 12, 31), "year", "2009"),
    ("The panel cited its 2010 report on Darfur.", "2010", WED,
     date(2010, 1, 1), date(2010, 12, 31), "year", "2010"),
]


@pytest.mark.parametrize(("text", "expr", "dct", "start", "end", "precision", "timex"), CASES)
def test_dates_normalises_expression(
    text: str, expr: str, dct: date, start: date, end: date, precision: str, timex: str
) -> None:
    t = only(text, expr, dct)
    assert t.value is not None, t.provenance.reason
    assert (t.value.start, t.value.end, t.value.precision, t.value.timex) == (
        start, end, precision, timex)
    assert t.value.anchor == dct
    assert t.span.verify(text) and t.provenance.evidence == (t.span,)


def test_dates_tonight_is_a_time_on_the_dct() -> None:
    t = only("Curfew begins in Port-au-Prince tonight.", "tonight", WED)
    assert t.kind == "time" and t.value is not None
    assert t.value.start == WED and t.value.timex == "2023-03-15TNI"


def test_dates_weekday_with_future_wording_looks_ahead() -> None:
    t = only("Parliament in Nairobi will vote on Friday.", "Friday", WED)
    assert t.value is not None and t.value.start == date(2023, 3, 17)
    assert "future" in t.provenance.reason


def test_dates_next_week_is_allowed_and_marked_future() -> None:
    t = only("Talks in Doha resume next week.", "next week", WED)
    assert t.value is not None and t.value.start == date(2023, 3, 20)
    assert "after the publication date" in t.provenance.reason


def test_dates_anniversary_gives_base_event_year() -> None:
    text = "Mourners in Srebrenica marked the 25th anniversary of the massacre."
    t = only(text, "the 25th anniversary", date(2020, 7, 11))
    assert t.kind == "anniversary" and t.value is not None
    assert (t.value.start, t.value.end, t.value.precision) == (
        date(1995, 1, 1), date(1995, 12, 31), "year")
    assert "2020" in t.provenance.reason and "1995" in t.provenance.reason


def test_dates_anniversary_uses_month_day_in_sentence() -> None:
    text = "Crowds in Cairo held the 10th anniversary of the August 14 crackdown."
    t = only(text, "the 10th anniversary", date(2023, 8, 14))
    assert t.value is not None and t.value.start == date(2013, 8, 14)
    assert t.value.precision == "day"
    d = only(text, "August 14", date(2023, 8, 14))
    assert d.value is not None and d.value.start == date(2013, 8, 14)


def test_dates_duration_has_timex_but_no_range() -> None:
    t = only("Prisoners in Ankara ended a 72-day hunger strike.", "72-day", WED)
    assert t.kind == "duration" and t.value is None
    res = normalise("three years", WED)
    assert res is not None and res.timex == "P3Y" and res.kind == "duration"


@pytest.mark.parametrize(
    ("expr", "dct", "timex"),
    [("the third quarter", date(2023, 5, 2), "2023-Q3"), ("the 1980s", WED, "198"),
     ("the first quarter", date(2023, 5, 2), "2023-Q1"),
     ("the fourth quarter", date(2023, 5, 2), "2022-Q4"),
     ("now", WED, "PRESENT_REF"), ("every day", WED, "P1D"),
     ("10 p.m. Tuesday", WED, "2023-03-14T22:00"), ("six weeks ago", WED, "2023-02-01"),
     ("the first half of 2014", WED, "2014-H1"), ("FY2019", WED, "2019")],
)
def test_dates_normalise_standalone(expr: str, dct: date, timex: str) -> None:
    res = normalise(expr, dct)
    assert res is not None and res.timex == timex


# --- no publication date -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expr"),
    [("Gunmen attacked a market in Maiduguri on Tuesday.", "Tuesday"),
     ("Riots spread across Lyon last year.", "last year"),
     ("The strike in Seoul started in December.", "December"),
     ("Soldiers entered Juba yesterday.", "yesterday")],
)
def test_dates_relative_without_dct_has_no_value(text: str, expr: str) -> None:
    t = only(text, expr, None)
    assert t.value is None
    assert t.provenance.reason.startswith("relative expression without a publication date")


def test_dates_absolute_without_dct_still_resolves() -> None:
    t = only("Troops shelled Bakhmut on 28 July 2009.", "28 July 2009", None)
    assert t.value is not None and t.value.start == date(2009, 7, 28) and t.value.anchor is None


# --- bad input -----------------------------------------------------------------------------


def test_dates_impossible_date_is_rejected_with_reason() -> None:
    t = only("Officials claimed the vote took place on 31 February 2020.", "31 February 2020", WED)
    assert t.value is None and "impossible" in t.provenance.reason
    assert "E011" in t.provenance.reason


def test_dates_absurd_future_year_is_flagged() -> None:
    t = only("The junta promised elections in 3025.", "3025", WED)
    assert t.value is None
    assert "year 3025 is after the publication date" in t.provenance.reason


@pytest.mark.parametrize(
    "text",
    ["Militants killed 11 and detained 36 others in Borno.",
     "The ransom of $2009 was paid in Port Harcourt.",
     "Some 2009 people fled the fighting near Kidal.",
     "Worshippers left Friday prayers in Peshawar peacefully.",
     "Officials in Quito said they may reopen the border.",
     "Share prices fall when clashes erupt near the refinery.",
     "Security Council resolution 2231 was discussed."],
)
def test_dates_non_dates_are_not_tagged(text: str) -> None:
    assert tag(text, WED) == ()


def test_dates_fall_of_a_city_is_not_a_season() -> None:
    assert [t.span.text for t in tag("Analysts recalled the fall of Kabul.", WED)] == []


# --- stage contract and properties ------------------------------------------------------------


def test_dates_stage_contract() -> None:
    tagger = RuleDateTagger()
    assert tagger.name == "dates.rules.v2"
    assert tagger.requires == ("sentences",) and tagger.provides == ("times",)
    text = "Rebels shelled Aleppo on Monday. Aid arrived on 3 May 2016."
    doc = Doc.from_text(text, Source(published_at=WED))
    adoc = AnnotatedDoc(doc=doc, sentences=(Span.of(text, 0, 32), Span.of(text, 33, len(text))))
    out = tagger(adoc)
    assert "times" in out.provided and adoc.times == ()
    assert [t.span.text for t in out.times] == ["Monday", "3 May 2016"]
    assert all(t.provenance.stage == "dates.rules.v2" for t in out.times)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="0123456789 ,.-abcdefMJNDayonurlthisweekQ'", max_size=60))
def test_dates_spans_always_round_trip(text: str) -> None:
    for t in tag(text, WED):
        assert t.span.verify(text)
        assert t.value is None or t.value.start <= t.value.end
