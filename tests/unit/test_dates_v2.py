"""Unit tests for the dates.rules.v2 additions: TimeML modifiers inside spans, bare plural
durations, "current", listed days, prefixed years, "the Nth day of", "the previous Friday",
holiday weeks, clause-opening weekdays, names that look like units, the coming quarter,
"N weeks ago" and "the day" referring back."""

from __future__ import annotations

from datetime import date

import pytest

from eventscribe.stages.dates import STAGE, find_expressions

pytestmark = pytest.mark.unit

MON = date(1998, 10, 26)  # a Monday


def spans(text: str, dct: date | None = MON) -> dict[str, str | None]:
    """Every expression found in ``text`` mapped to its timex."""
    return {text[s:e]: r.timex for s, e, r in find_expressions(text, dct)}


def test_dates_v2_stage_name() -> None:
    assert STAGE == "dates.rules.v2"


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("The talks lasted nearly two years.", "nearly two years", "P2Y"),
    ("They must wait at least 30 days before closing.", "at least 30 days", "P30D"),
    ("The meeting lasted over an hour.", "over an hour", "PT1H"),
    ("Net rose in the nine months to September.", "the nine months", "P9M"),
    ("Police arrived late Friday.", "late Friday", "1998-10-23"),
    ("The offer expires around Nov. 1.", "around Nov. 1", "1998-11-01"),
])
def test_dates_v2_modifiers_inside_span(text: str, expr: str, timex: str) -> None:
    assert spans(text).get(expr) == timex


@pytest.mark.parametrize(("text", "expr"), [
    ("It was over the past year that prices rose.", "the past year"),
    ("They signed a 14-day truce.", "14-day"),
    ("About five hours later, the rescue ended.", "five hours"),
])
def test_dates_v2_modifiers_left_outside(text: str, expr: str) -> None:
    assert expr in spans(text)


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("The government has fought the rebels for years.", "years", "PXY"),
    ("Troops will arrive within weeks.", "weeks", "PXW"),
    ("The mosque dominated the skyline for decades.", "decades", "PXY"),
    ("In the years that followed, the movement grew.", "years", "PXY"),
])
def test_dates_v2_bare_plural_durations(text: str, expr: str, timex: str) -> None:
    assert spans(text).get(expr) == timex


def test_dates_v2_bare_plural_before_an_event_is_not_a_duration() -> None:
    # "in the weeks before the shooting" is a stretch anchored on an event, not a vague length
    assert "weeks" not in spans("His car was seen in the weeks before the shooting.")


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("Prices fell because of current market conditions.", "current", "PRESENT_REF"),
    ("They bought at 50% of the then current price.", "then current", "PAST_REF"),
    ("Analysts see no change in the near term.", "the near term", "FUTURE_REF"),
])
def test_dates_v2_present_and_future_references(text: str, expr: str, timex: str) -> None:
    assert spans(text).get(expr) == timex


def test_dates_v2_current_with_a_unit_or_noun_sense_is_not_a_reference() -> None:
    found = spans("The current account deficit grew in the current year.")
    assert "current" not in found
    assert found.get("the current year") == "1998"


def test_dates_v2_listed_day_takes_the_month() -> None:
    found = spans("The summit is held on April 24 and 25.", date(1999, 2, 10))
    assert found.get("April 24") == "1999-04-24"
    assert found.get("25") == "1999-04-25"


def test_dates_v2_listed_number_that_counts_is_no_day() -> None:
    found = spans("Voting ran on May 3 and 25 people were hurt.")
    assert "25" not in found


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("Exiles shaped the post-1959 politics of the island.", "post-1959", "1959"),
    ("Today is the eighth day of the blockade.", "the eighth day", "1998-10-26"),
    ("It's the second day of the offensive.", "the second day", "1998-10-26"),
    ("Shares fell for a third straight day.", "a third straight day", "1998-10-26"),
    ("The index closed down 4.5% from the previous Friday.", "the previous Friday",
     "1998-10-16"),
    ("Pilgrims gathered as Easter week began.", "Easter week", "1998-W15"),
])
def test_dates_v2_more_expressions(text: str, expr: str, timex: str) -> None:
    assert spans(text).get(expr) == timex


def test_dates_v2_holiday_takes_the_nearest_occurrence() -> None:
    # six days before Easter 2000 (April 23): the coming one, not a year back
    assert spans("Crowds prayed as Easter approached.", date(2000, 4, 17)).get(
        "Easter") == "2000-04-23"


def test_dates_v2_weekday_opening_a_future_clause_is_the_coming_one() -> None:
    found = spans("On Tuesday, the league plans to air a new advertisement.")
    assert found.get("Tuesday") == "1998-10-27"
    # past tense in the clause keeps the most recent one
    assert spans("On Tuesday, the league aired a new advertisement.").get(
        "Tuesday") == "1998-10-20"
    # a plan stated in the past tense is no future wording
    assert spans("On Friday, the government planned to pay the claims.").get(
        "Friday") == "1998-10-23"


@pytest.mark.parametrize(("text", "expr"), [
    ("He said so on CBS's '60 Minutes' last night.", "60 Minutes"),
    ("Baker, speaking on ABC's \"This Week,\" said no.", "This Week"),
    ("Geremek said that for Poland, high noon comes today.", "noon"),
    ("The Communist Party daily Granma printed the letter.", "daily"),
])
def test_dates_v2_names_are_not_times(text: str, expr: str) -> None:
    assert expr not in spans(text)


def test_dates_v2_title_case_sentence_keeps_its_units() -> None:
    # a headline in title case: the capitalised unit is still a time expression
    assert "Last Week" in spans("Police Say Bomb Exploded Last Week In Market")


def test_dates_v2_the_coming_quarter() -> None:
    found = spans("Plants close partly during the fourth quarter.", date(2006, 8, 19))
    assert found.get("the fourth quarter") == "2006-Q4"
    found = spans("Output fell in the fourth quarter, the company said.", date(2006, 4, 19))
    assert found.get("the fourth quarter") == "2005-Q4"


def test_dates_v2_weeks_ago_names_the_day_with_a_week_range() -> None:
    ((_s, _e, res),) = find_expressions("He spoke two weeks ago.", MON)
    assert res.timex == "1998-10-12" and res.value is not None
    assert res.value.precision == "week"
    assert res.value.start == date(1998, 10, 9) and res.value.end == date(1998, 10, 15)


def test_dates_v2_the_day_refers_back_to_the_day_named() -> None:
    text = "Stocks fell on Friday. The index ended the day at a low."
    assert spans(text).get("the day") == "1998-10-23"
    assert spans("The index ended the day at a low.").get("the day") == "1998-10-26"


def test_dates_v2_bare_season_needs_no_determiner_but_spring_does() -> None:
    assert spans("Officials met at their autumn meetings.").get("autumn") == "1998-FA"
    assert "spring" not in spans("Water from the spring was clean.")


def test_dates_v2_present_scheduling_verb_means_the_coming_weekday() -> None:
    assert spans("Arafat and Netanyahu meet separately Monday with Albright.",
                 date(1998, 5, 1)).get("Monday") == "1998-05-04"
    # past tense keeps the most recent one
    assert spans("Arafat and Netanyahu met separately Monday with Albright.",
                 date(1998, 5, 1)).get("Monday") == "1998-04-27"


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("It ended the decades-long feud.", "decades-long", "PXY"),
    ("They left their third day-long meeting.", "day-long", "P1D"),
    ("Over the next couple of years prices will rise.", "the next couple of years", "P2Y"),
])
def test_dates_v2_long_adjectives_and_couples(text: str, expr: str, timex: str) -> None:
    assert spans(text).get(expr) == timex


def test_dates_v2_quarter_ended_month_is_the_calendar_quarter_of_most_months() -> None:
    dct = date(1989, 10, 30)
    assert spans("In the quarter ended July 31, it lost money.", dct).get(
        "the quarter") == "1989-Q2"
    assert spans("For the quarter ended Sept. 30, it earned more.", dct).get(
        "the quarter") == "1989-Q3"


def test_dates_v2_since_a_month_looks_back_and_or_so_ago() -> None:
    text = "The plan will let the carrier, on patrol since March, return home."
    assert spans(text, date(1990, 8, 13)).get("March") == "1990-03"
    assert spans("Then, a week or so ago, he wrote.", date(1991, 2, 25)).get(
        "a week or so ago") == "1991-02-18"


def test_dates_v2_a_period_that_ended_lies_in_the_past() -> None:
    found = spans("In the second quarter ended Oct. 31, it lost money.", date(1989, 10, 27))
    assert found.get("Oct. 31") == "1988-10-31"
    assert spans("The offer expires Oct. 31.", date(1989, 10, 27)).get("Oct. 31") == "1989-10-31"


def test_dates_v2_a_deadline_after_a_past_verb_of_lasting_looks_back() -> None:
    dct = date(2013, 3, 14)  # a Thursday
    assert spans("The ceasefire held until Wednesday night.", dct).get(
        "Wednesday night") == "2013-03-13TNI"
    assert spans("The government has continued to keep markets closed until Friday.", dct).get(
        "Friday") == "2013-03-15"


def test_dates_v2_a_year_earlier_compares_the_month_named() -> None:
    found = spans("Sales rose 5 percent in February from a year earlier.", date(2013, 3, 14))
    assert found.get("a year earlier") == "2012-02"
    found = spans("Net income rose in the third quarter from a year earlier.", date(2013, 3, 14))
    assert found.get("a year earlier") == "2011-Q3"


def test_dates_v2_one_day_as_someday() -> None:
    assert spans("Islam will one day be the second religion.").get("one day") == "FUTURE_REF"
    assert spans("He spent one day in jail.").get("one day") == "P1D"


def test_dates_v2_later_date_and_current_fiscal_year() -> None:
    dct = date(1989, 10, 26)
    assert spans("It may sell shares at a later date.", dct).get("a later date") == "FUTURE_REF"
    assert spans("Sales in the current fiscal year rose.", dct).get(
        "the current fiscal year") == "1989"


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("It rose after six straight days of losses.", "six straight days", "P6D"),
    ("It fell in the past five trading days.", "the past five trading days", "P5D"),
    ("It was the worst single-day decline.", "single-day", "P1D"),
    ("The slump will last for the time being.", "the time being", "PRESENT_REF"),
    ("It is good for the long term, analysts said.", "the long term", "FUTURE_REF"),
])
def test_dates_v2_market_report_durations_and_references(text: str, expr: str, timex: str) -> None:
    assert spans(text).get(expr) == timex


def test_dates_v2_long_term_as_an_adjective_is_no_reference() -> None:
    assert "the long-term" not in spans("We build on the long-term partnership.")


def test_dates_v2_the_end_of_a_month_keeps_its_determiner() -> None:
    found = spans("The deal closes at the end of November.", date(1989, 10, 30))
    assert found.get("the end of November") == "1989-11"


def test_dates_v2_adjectival_quarter_leaves_the_determiner_out() -> None:
    found = spans("It expects the third-quarter results to improve.", date(1989, 10, 30))
    assert found.get("third-quarter") == "1989-Q3"
