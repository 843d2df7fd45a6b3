"""Unit tests for the session-3 (v4) recognition fixes: ordinals and names that look like time
words, and weekdays listed after a coming one."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscribe.stages.dates import find_expressions

pytestmark = pytest.mark.unit

WED = date(2013, 3, 13)  # a Wednesday


def spans(text: str, dct: date | None = WED) -> dict[str, str | None]:
    """Every expression found in ``text`` mapped to its timex."""
    return {text[s:e]: r.timex for s, e, r in find_expressions(text, dct)}


@pytest.mark.parametrize("text", [
    "A second attempt to pass the bill failed.",
    "They made a second attempt at the summit.",
    "A second A380 is also travelling to the US.",
])
def test_dates_v4_a_second_before_a_noun_is_an_ordinal(text: str) -> None:
    assert not any(k.lower().endswith("second") for k in spans(text))


def test_dates_v4_a_second_before_a_preposition_stays_a_duration() -> None:
    assert spans("The lights went out for a second or two.").get("a second") == "PT1S"


@pytest.mark.parametrize("text", [
    "The Winter Olympics will be held in Sochi.",
    "The Summer Games opened in London.",
])
def test_dates_v4_a_capitalised_season_before_a_name_is_no_season(text: str) -> None:
    assert not any("inter" in k or "ummer" in k for k in spans(text))


def test_dates_v4_a_season_with_a_year_is_still_a_season() -> None:
    assert spans("Sales rose in Summer 2012.").get("Summer 2012") == "2012-SU"


@pytest.mark.parametrize("text", ["He read USA Today on the train.",
                                  "She appeared on NBC's Today show."])
def test_dates_v4_today_after_an_acronym_is_a_title(text: str) -> None:
    assert "Today" not in spans(text)


def test_dates_v4_today_lower_case_is_still_the_day() -> None:
    assert spans("The USA said today it would act.").get("today") == "2013-03-13"


def test_dates_v4_a_weekday_listed_after_a_coming_one_is_coming() -> None:
    found = spans("The EU leaders meet in Brussels on Thursday and Friday.")
    assert found["Thursday"] == "2013-03-14"
    assert found["Friday"] == "2013-03-15"


def test_dates_v4_listed_weekdays_in_the_past_resolve_on_their_own() -> None:
    found = spans("Statements were made Friday and Thursday by the lawyer.")
    assert found["Friday"] == "2013-03-08"
    assert found["Thursday"] == "2013-03-07"


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("The offer expires at midnight Friday.", "midnight Friday", "2013-03-15T24:00"),
    ("The festival runs Saturday.", "Saturday", "2013-03-16"),
    ("The offer had been due to expire Friday.", "Friday", "2013-03-08"),
])
def test_dates_v4_present_tense_deadline_verbs_point_ahead(text: str, expr: str,
                                                            timex: str) -> None:
    assert spans(text).get(expr) == timex


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("The economy grew 0.1 percent in the October-December quarter.",
     "the October-December quarter", "2012-Q4"),
    ("Profit rose in the July-September period of 2011.", "the July-September period of 2011",
     "2011-Q3"),
    ("Sales in the Jan.-March quarter fell.", "the Jan.-March quarter", "2013-Q1"),
])
def test_dates_v4_three_months_name_a_quarter(text: str, expr: str, timex: str) -> None:
    assert spans(text).get(expr) == timex


def test_dates_v4_two_months_are_no_quarter() -> None:
    assert "the May-June period" not in spans("In the May-June period prices fell.")


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("Inflation will fall in the second half of the year.", "the second half of the year",
     "2013-H2"),
    ("Sales rose in the first half of this year.", "the first half of this year", "2013-H1"),
    ("Troops will be in place by the end of the month.", "the end of the month", "2013-03"),
    ("The vote is at the end of the week.", "the end of the week", "2013-W11"),
])
def test_dates_v4_parts_of_the_publication_year_month_week(text: str, expr: str,
                                                           timex: str) -> None:
    assert spans(text).get(expr) == timex


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("They met at 9 o'clock.", "9 o'clock", "2013-03-13T09:00"),
    ("At 5 in the afternoon the bomb exploded.", "5 in the afternoon", "2013-03-13T17:00"),
    ("He arrived at 10 at night.", "10 at night", "2013-03-13T22:00"),
    ("The father will leave at 4 in the morning.", "4 in the morning", "2013-03-14T04:00"),
])
def test_dates_v4_clock_times_said_in_words(text: str, expr: str, timex: str) -> None:
    assert spans(text).get(expr) == timex


@pytest.mark.parametrize("text", ["The score was 3-2 at 4.", "He was arrested at 12."])
def test_dates_v4_a_bare_number_after_at_is_no_time(text: str) -> None:
    assert spans(text) == {}


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("But a minute and a half later, a pilot landed.", "a minute and a half", "PT1M30S"),
    ("The meeting lasted an hour and a half.", "an hour and a half", "PT1H30M"),
    ("He spent a year and a half in jail.", "a year and a half", "P1Y6M"),
])
def test_dates_v4_a_unit_and_a_half(text: str, expr: str, timex: str) -> None:
    assert spans(text).get(expr) == timex


def test_dates_v4_a_year_earlier_than_a_year_named_in_the_sentence() -> None:
    found = spans("It lost $1 billion in 2012, compared with a profit of $2 billion a year "
                  "earlier.")
    assert found["a year earlier"] == "2011"


def test_dates_v4_a_year_ago_stays_relative_to_publication() -> None:
    assert spans("It lost $1 billion in 2010, up from a loss a year ago.")["a year ago"] == "2012"


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("Japan entered recession after two consecutive quarters of negative growth.",
     "two consecutive quarters", "P2Q"),
    ("It became profitable after several quarters of losses.", "several quarters", "PXQ"),
    ("It must pay $100 million in interest every quarter.", "every quarter", "P1Q"),
    ("Growth may slow for two and a half quarters.", "two and a half quarters", "P2.5Q"),
    ("The war lasted a decade and a half.", "a decade and a half", "P15Y"),
])
def test_dates_v4_quarters_as_durations_and_sets(text: str, expr: str, timex: str) -> None:
    assert spans(text).get(expr) == timex


@pytest.mark.parametrize("text", ["Three quarters of voters backed the plan.",
                                  "About a quarter of the staff left."])
def test_dates_v4_fractions_are_no_quarters(text: str) -> None:
    assert spans(text) == {}


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("Voters go to the polls every four years.", "every four years", "P4Y"),
    ("Buses run every 10 minutes.", "every 10 minutes", "PT10M"),
    ("He visits every other week.", "every other week", "P2W"),
])
def test_dates_v4_every_n_units_is_a_set(text: str, expr: str, timex: str) -> None:
    assert spans(text).get(expr) == timex


@pytest.mark.parametrize(("text", "expr"), [
    ("Net rose 33% in the fiscal first quarter.", "the fiscal first quarter"),
    ("It earned $5 million for the fiscal-first quarter ended Sept. 30.",
     "the fiscal-first quarter"),
    ("It reported net for the fiscal second-quarter of $8.6 million.", "fiscal second-quarter"),
    ("Plants will be closed over the next year or so, a spokesman said.", "the next year or so"),
    ("Share may rise over the next two years or so.", "the next two years or so"),
])
def test_dates_v4_spans_keep_fiscal_and_or_so(text: str, expr: str) -> None:
    assert expr in spans(text)


@pytest.mark.parametrize("text", ["He lives at 2012 Main Street.",
                                  "The measure, known as Proposition 2012, failed.",
                                  "Its Windows 2000 software was hacked.",
                                  "The Russell 2000 index fell 2 percent."])
def test_dates_v4_numbered_names_and_addresses_are_no_years(text: str) -> None:
    assert spans(text) == {}


def test_dates_v4_a_year_before_a_street_with_a_cue_is_still_a_year() -> None:
    assert spans("The shop opened in 2012 on Main Street.").get("2012") == "2012"


@pytest.mark.parametrize("text", ["It will cut 789, or about a quarter, of its dealers.",
                                  "Sales fell by nearly a quarter."])
def test_dates_v4_about_a_quarter_is_a_share(text: str) -> None:
    assert spans(text) == {}


def test_dates_v4_a_quarter_of_time_stays_a_duration() -> None:
    assert spans("It took a quarter to recover.").get("a quarter") == "P1Q"


def test_dates_v4_a_holiday_in_past_wording_is_the_last_one() -> None:
    assert spans("The fireworks were on Independence Day.")["Independence Day"] == "2012-07-04"
    assert spans("Fireworks will light up Independence Day.")["Independence Day"] == "2013-07-04"


def test_dates_v4_up_to_before_a_date_is_a_preposition() -> None:
    found = spans("Shares fell in the run-up to Christmas.")
    assert found == {"Christmas": "2012-12-25"}
    assert "up to 72 hours" in spans("Suspects can be held for up to 72 hours.")


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("The meeting runs March 18-19.", "March 18-19", "2013-03-18/2013-03-19"),
    ("Voting will take place between March 8 and 10.", "between March 8 and 10",
     "2013-03-08/2013-03-10"),
    ("Fighting raged on Dec. 3-5.", "Dec. 3-5", "2012-12-03/2012-12-05"),
    ("The Fed will meet on Dec. 10-11.", "Dec. 10-11", "2013-12-10/2013-12-11"),
])
def test_dates_v4_a_yearless_day_range_takes_the_year_a_single_day_would(
        text: str, expr: str, timex: str) -> None:
    assert spans(text).get(expr) == timex


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("The deal is expected later in the week.", "later in the week", "2013-W11"),
    ("Earlier in the month, prices fell.", "Earlier in the month", "2013-03"),
])
def test_dates_v4_earlier_or_later_in_the_week_or_month(text: str, expr: str, timex: str) -> None:
    assert spans(text).get(expr) == timex


@pytest.mark.parametrize(("text", "timex"), [
    ("Costs fell to $118 billion last year, $19.8 billion less than the year previous.", "2011"),
    ("Last year was hard, but the year before was worse.", "2011"),
    ("Sales rose in 2008 and fell the year before.", "2007"),
])
def test_dates_v4_the_year_before_counts_from_last_year_too(text: str, timex: str) -> None:
    found = spans(text)
    key = next(k for k in found if k.lower().startswith("the year"))
    assert found[key] == timex


def test_dates_v4_morning_trading_is_the_morning_of_the_day_reported_on() -> None:
    text = ("Shares fell on Tuesday after the report. Analysts had expected more. "
            "The stock rose in morning trading, before declining later in the day.")
    found = spans(text)
    assert found["morning"] == "2013-03-12TMO"
    assert found["the day"] == "2013-03-12"
    assert spans("Shares rose in early trading.") == {}


@pytest.mark.parametrize(("text", "dct", "expr", "timex"), [
    ("Sales rebounded in the last week of March.", date(2009, 4, 1), "the last week of March",
     "2009-W13"),
    ("The first week of April is busy.", WED, "The first week of April", "2013-W14"),
    ("Talks will resume in the second week of January.", WED, "the second week of January",
     "2014-W02"),
    ("It fell in the last week of February 2012.", WED, "the last week of February 2012",
     "2012-W08"),
])
def test_dates_v4_nth_week_of_a_month(text: str, dct: date, expr: str, timex: str) -> None:
    assert spans(text, dct).get(expr) == timex


@pytest.mark.parametrize(("text", "timex"), [
    ("Protesters are gathering on Friday in the capital.", "2013-03-15"),
    ("The minister is visiting Paris on Friday.", "2013-03-15"),
    ("Voters head to the polls on Friday.", "2013-03-15"),
    ("The team plays Arsenal on Friday.", "2013-03-15"),
    ("Police are investigating the shooting on Friday.", "2013-03-08"),
    ("Obama's meeting on Friday went well.", "2013-03-08"),
])
def test_dates_v4_present_progressive_and_fixture_verbs_point_ahead(text: str,
                                                                    timex: str) -> None:
    assert spans(text)["Friday"] == timex


def test_dates_v4_a_year_outside_the_calendar_is_impossible_not_a_crash() -> None:
    found = find_expressions("Prices peaked in mid-0000.", WED)
    assert found and found[0][2].value is None and "E011" in found[0][2].reason


_WORDS = ("the a in on of since until last next this past early late mid first second week "
          "weeks month year years quarter day Monday Friday night morning March May Sept. 0000 "
          "9999 1 12 31 0 2013 0735 GMT p.m. and or to - , ago earlier later every other half "
          "fiscal FY Q4 spring Christmas Eve today anniversary 11th 's end of previous same "
          "October-December period trading now").split()


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12),
       st.sampled_from([WED, None, date(1, 1, 1), date(9999, 12, 31)]))
@settings(max_examples=300, deadline=None)
def test_dates_v4_any_word_salad_and_any_dct_never_raise(words: list[str],
                                                        dct: date | None) -> None:
    for s, e, res in find_expressions(" ".join(words), dct):
        assert 0 <= s < e and res.rule


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("The plane left at 10:30 local time Saturday.", "10:30", "2013-03-09T10:30"),
    ("The attack happened at 0300 local time.", "0300", "2013-03-13T03:00"),
    ("The game kicks off at 8 p.m. ET.", "8 p.m. ET", "2013-03-13T20:00"),
])
def test_dates_v4_local_time_and_short_zones(text: str, expr: str, timex: str) -> None:
    assert spans(text).get(expr) == timex


def test_dates_v4_a_bare_24_hour_time_needs_a_zone() -> None:
    assert spans("The vote was 10:30.") == {}
