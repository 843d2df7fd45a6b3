"""Unit tests for the session-2 date rules: tense cues, reporting periods, spoken years,
centuries, holidays, anaphoric years, vague durations and clock time with a date."""

from __future__ import annotations

from datetime import date

import pytest

from eventscribe.stages.dates import find_expressions, normalise
from eventscribe.stages.dates_rules_more import holiday_date

pytestmark = pytest.mark.unit

THU = date(1999, 11, 4)  # a Thursday


def value_of(text: str, expr: str, dct: date | None) -> str | None:
    """The timex of the expression ``expr`` found in ``text``."""
    found = {text[s:e]: r for s, e, r in find_expressions(text, dct)}
    assert expr in found, list(found)
    return found[expr].timex


@pytest.mark.parametrize(("text", "expr", "dct", "timex"), [
    # months: past by default, coming month, future wording, deadlines
    ("Exports rose in September.", "September", THU, "1999-09"),
    ("The plant reopened in December.", "December", date(2000, 2, 1), "1999-12"),
    ("Final guidelines come out in early December.", "early December", THU, "1999-12"),
    ("The merger is expected to close in February.", "February", THU, "2000-02"),
    ("The loan must be repaid by March.", "March", THU, "2000-03"),
    ("Revenue fell sharply in March.", "March", THU, "1999-03"),
    # month-days: nearest, unless past wording and the nearest is far ahead
    ("The offer was extended to Nov. 20.", "Nov. 20", THU, "1999-11-20"),
    ("The doctor was shot on Oct. 23 at home.", "Oct. 23", date(2000, 5, 6), "1999-10-23"),
    ("The boy must return by Jan. 14.", "Jan. 14", date(2000, 1, 6), "2000-01-14"),
    # weekdays: past by default, future wording, deadlines, possessives
    ("The minister said Tuesday that talks failed.", "Tuesday", THU, "1999-11-02"),
    ("The minister will visit Tuesday.", "Tuesday", THU, "1999-11-09"),
    ("Officials postponed any action until Tuesday morning.", "Tuesday morning", THU,
     "1999-11-09TMO"),
    ("They will appeal Monday's ruling.", "Monday", THU, "1999-11-01"),
    # seasons
    ("Marches are planned this summer.", "this summer", date(1998, 3, 22), "1998-SU"),
])
def test_dates_more_tense_and_defaults(text: str, expr: str, dct: date, timex: str) -> None:
    assert value_of(text, expr, dct) == timex


def test_dates_more_reporting_quarter_and_year_ago() -> None:
    text = ("Acme said third-quarter net income rose to $5 million. "
            "Net income was $3 million a year earlier. "
            "In the year-ago quarter, sales were flat. "
            "The latest period included a charge.")
    dct = date(1989, 10, 26)
    found = {text[s:e]: r.timex for s, e, r in find_expressions(text, dct)}
    assert found["a year earlier"] == "1988-Q3"
    assert found["the year-ago quarter"] == "1988-Q3"
    assert found["The latest period"] == "1989-Q3"


def test_dates_more_year_ago_without_a_named_quarter_uses_the_last_completed() -> None:
    assert normalise("the year-earlier period", date(1989, 10, 26)).timex == "1988-Q3"  # type: ignore[union-attr]
    # a year-long comparison stays a year
    text = "For the nine months, net was $9 million, up from year-earlier results."
    assert value_of(text, "year-earlier", date(1989, 10, 26)) == "1988"


@pytest.mark.parametrize(("expr", "dct", "timex"), [
    ("nineteen ninety-six", THU, "1996"),
    ("January nineteen ninety-seven", THU, "1997-01"),
    ("the year two thousand", THU, "2000"),
    ("the 20th century", THU, "19"),
    ("the eleventh century", THU, "10"),
    ("the full year", THU, "1999"),
    ("the fiscal year", THU, "1999"),
    ("Thanksgiving Day", date(2000, 1, 7), "1999-11-25"),
    ("Christmas Eve", THU, "1999-12-24"),  # nearest: 50 days ahead (x2) beats 315 back
    ("Christmas 2003", THU, "2003-12-25"),
    ("recent weeks", THU, "PXW"),
    ("a couple of years", THU, "P2Y"),
    ("2 1/2 years", THU, "P2Y6M"),
    ("the last twenty four hours", THU, "PT24H"),
    ("the past two quarters", THU, "P2Q"),
    ("recent quarters", THU, "PXQ"),
    ("5 p.m. EST Nov. 9", THU, "1999-11-09T17:00"),
])
def test_dates_more_expressions(expr: str, dct: date, timex: str) -> None:
    res = normalise(expr, dct)
    assert res is not None and res.timex == timex, res


def test_dates_more_future_holiday_with_future_wording() -> None:
    assert value_of("Stores will close on Christmas Day.", "Christmas Day", THU) == "1999-12-25"


def test_dates_more_anaphoric_years() -> None:
    text = "He fled in June 1998 and returned later that year. The following year he left."
    found = {text[s:e]: r.timex for s, e, r in find_expressions(text, THU)}
    assert found["later that year"] == "1998" and found["The following year"] == "1999"
    assert normalise("that year", THU) is None  # nothing to refer back to


def test_dates_more_holiday_calendar() -> None:
    assert holiday_date("Thanksgiving", 1999) == date(1999, 11, 25)
    assert holiday_date("Easter", 2000) == date(2000, 4, 23)
    assert holiday_date("Election Day", 1998) == date(1998, 11, 3)
    assert holiday_date("Memorial Day", 2021) == date(2021, 5, 31)
    assert holiday_date("Groundhog Day", 2021) is None


def test_dates_more_relative_rules_need_a_dct() -> None:
    for expr in ("the year-ago quarter", "the latest period", "the full year", "Thanksgiving"):
        res = normalise(expr, None)
        assert res is not None and res.value is None and "publication date" in res.reason
    # absolute ones still resolve without a DCT
    assert normalise("nineteen ninety-six", None).timex == "1996"  # type: ignore[union-attr]


def test_dates_more_not_dates() -> None:
    assert normalise("previously", THU) is None
    assert [e for _, _, e in find_expressions("June Carter sang.", THU)] == []
    assert [e for _, _, e in find_expressions("May I ask?", THU)] == []


@pytest.mark.parametrize(("expr", "timex"), [
    ("each Thursday", "XXXX-WXX-4"), ("on Fridays", "XXXX-WXX-5"),
    ("Tuesday nights", "XXXX-WXX-2TNI"), ("every July", "XXXX-07"),
])
def test_dates_more_named_sets(expr: str, timex: str) -> None:
    res = normalise(expr, THU)
    assert res is not None and res.kind == "set" and res.timex == timex and res.value is None


def test_dates_more_reporting_quarter_ignores_quarters_ahead() -> None:
    text = ("Analysts expect a rebound in the third quarter of 1990. "
            "In the year-ago period, the company earned $3 million.")
    assert value_of(text, "the year-ago period", date(1989, 10, 26)) == "1988-Q3"


@pytest.mark.parametrize("text", [
    "Mr. Reupke, 52 years old, retired.", "It will be a second betrayal.",
    "They hold a quarter of the market.", "Iraq imports about three-quarters of its food.",
    "The plan saves $500 million a year in costs.", "It adds 700 seats a week on the route.",
])
def test_dates_more_ages_ordinals_fractions_rates_are_not_durations(text: str) -> None:
    assert find_expressions(text, THU) == []


def test_dates_more_plain_durations_still_found() -> None:
    assert value_of("The gain was the smallest in a year.", "a year", THU) == "P1Y"
    assert value_of("He waited for three years.", "three years", THU) == "P3Y"


def test_dates_more_year_named_by_its_end_is_a_period() -> None:
    res = normalise("the year ended March 31", THU)
    assert res is not None and res.kind == "duration" and res.timex == "P1Y"


def test_dates_more_in_n_years_with_future_wording_is_a_date() -> None:
    assert value_of("The notes will be redeemed in five years.", "five years", THU) == "2004"
    assert value_of("It was the first rise in five years.", "five years", THU) == "P5Y"


def test_dates_more_anaphoric_month() -> None:
    text = "In March the board rejected the bid. The following month, it put itself up for sale."
    assert value_of(text, "The following month", THU) == "1999-04"


def test_dates_more_year_end_is_its_last_day() -> None:
    dct = date(1989, 11, 2)
    assert value_of("The deal should close by year-end.", "year-end", dct) == "1989-12-31"
    assert value_of("Shares are up 5% since year-end.", "year-end", dct) == "1988-12-31"
    assert value_of("Talks end by the end of the year.", "the end of the year", dct) == "1989"


def test_dates_more_infinitive_after_a_decision_is_future() -> None:
    dct = date(1999, 2, 10)
    text = "NATO has decided to admit three countries in early March."
    assert value_of(text, "early March", dct) == "1999-03"
    assert value_of("Troops were withdrawn in early March.", "early March", dct) == "1998-03"


def test_dates_more_anaphoric_days_refer_to_the_last_day_named() -> None:
    text = "The judge ruled on Feb. 21. He appeared in court the next morning."
    assert value_of(text, "the next morning", date(2000, 2, 24)) == "2000-02-22TMO"
    text = "Gunmen attacked the camp on July 28, 2009. Later that day, troops withdrew."
    assert value_of(text, "Later that day", date(2020, 7, 29)) == "2009-07-28"
    assert find_expressions("He came that day.", THU) == []  # nothing to refer back to


def test_dates_more_plans_made_in_the_past_are_not_future() -> None:
    mon = date(1989, 10, 30)
    assert value_of("It had been due to expire Friday evening.", "Friday evening", mon) == (
        "1989-10-27TEV")
    assert value_of("The vote is scheduled for Friday.", "Friday", mon) == "1989-11-03"


def test_dates_more_latest_quarter_has_ended_and_two_quarters() -> None:
    text = "Fourth-quarter sales will rise. In the latest quarter, net fell."
    assert value_of(text, "the latest quarter", date(1989, 11, 2)) == "1989-Q3"
    assert normalise("the first two quarters of 1990", THU).timex == "1990-H1"  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "expr", "dct", "timex"), [
    ("The jet made its first flight Tuesday in Everett at 18:00 UTC.", "18:00 UTC",
     date(2009, 12, 16), "2009-12-15T18:00"),
    ("At 0800 UTC, central banks acted.", "0800 UTC", date(2008, 9, 18), "2008-09-18T08:00"),
    ("Markets stay closed until Friday.", "Friday", date(2008, 9, 18), "2008-09-19"),
    ("Until Thursday, they had not called him a suspect.", "Thursday", date(1999, 5, 7),
     "1999-05-06"),
    ("Franchises end after October of next year.", "October of next year", date(2009, 5, 15),
     "2010-10"),
    ("Shops close on Good Friday.", "Good Friday", date(2009, 5, 15), "2009-04-10"),
])
def test_dates_more_recent_news_forms(text: str, expr: str, dct: date, timex: str) -> None:
    assert value_of(text, expr, dct) == timex


def test_dates_more_named_days_are_not_weekdays() -> None:
    found = [t for _, _, t in find_expressions("Stocks crashed on Black Monday.", THU)]
    assert found == []


@pytest.mark.parametrize(("text", "expr", "dct", "timex"), [
    ("Sales fell 35% in January, compared to the same month a year ago.",
     "the same month a year ago", date(2009, 2, 3), "2008-01"),
    ("Sales rose 43% in February compared to the same period last year.",
     "the same period last year", date(2010, 3, 3), "2009-02"),
    ("GM lost $4.8 billion in the fourth quarter of 2005 and $8.6 billion for the entire year.",
     "the entire year", date(2006, 1, 27), "2005"),
])
def test_dates_more_periods_follow_the_sentence(text: str, expr: str, dct: date,
                                                timex: str) -> None:
    assert value_of(text, expr, dct) == timex


@pytest.mark.parametrize(("text", "expr", "dct", "timex"), [
    ("The Dow fell 3%, to end the day at 7,114.", "the day", date(2009, 2, 24), "2009-02-24"),
    ("It rid Detroit of the boxy cars of the 70s and 80s.", "80s", date(2007, 2, 9), "198"),
    ("Stocks hit the lowest level since '82, traders said.", "'82", date(2008, 10, 27), "1982"),
    ("The date is written 7/8/07 in the US.", "7/8/07", date(2007, 7, 9), "2007-07-08"),
    ("It was signed on 25/12/2019.", "25/12/2019", date(2020, 1, 1), "2019-12-25"),
])
def test_dates_more_market_days_decades_short_and_numeric_years(
    text: str, expr: str, dct: date, timex: str
) -> None:
    assert value_of(text, expr, dct) == timex


@pytest.mark.parametrize("text", [
    "Most of the residents are in their 70s.", "They met the day before the attack.",
    "He scored 3/4 of the points.", "The ratio was 12/31 at best",
])
def test_dates_more_not_market_days_ages_or_fractions(text: str) -> None:
    found = [(text[s:e], r.timex) for s, e, r in find_expressions(text, THU)]
    assert found == [] or all(r is None for _, r in found), found


def test_dates_more_start_of_the_year_and_clock_with_ordinal_day() -> None:
    dct = date(2009, 2, 20)
    assert value_of("The Dow has fallen 15% since the start of this year.",
                    "the start of this year", dct) == "2009-01-01"
    text = "Protests began at the start of the year."
    res = {text[s:e]: r for s, e, r in find_expressions(text, dct)}["the start of the year"]
    assert res.value is not None and res.value.start == date(2009, 1, 1)
    assert res.value.end == date(2009, 4, 30)
    assert value_of("He spoke at 16:15 UTC, June 1st.", "16:15 UTC, June 1st",
                    date(2009, 6, 4)) == "2009-06-01T16:15"
    assert value_of("The deal should be completed in October.", "October",
                    date(2009, 6, 5)) == "2009-10"


def test_dates_more_parts_of_day_and_midnight() -> None:
    assert value_of("In London at mid-afternoon yesterday, shares rose.",
                    "mid-afternoon yesterday", date(1989, 11, 2)) == "1989-11-01TAF"
    assert value_of("The offer was to expire at midnight Friday.", "midnight Friday",
                    date(1989, 10, 30)) == "1989-10-27T24:00"


def test_dates_more_late_in_the_day_is_the_publication_day() -> None:
    text = "The Dow rebounded late in the day after falling 250 points."
    assert value_of(text, "the day", date(2007, 8, 10)) == "2007-08-10"
