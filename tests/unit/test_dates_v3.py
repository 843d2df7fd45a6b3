"""Unit tests for the session-3 date rules: weeks named by a day, seasons of spoken years,
month names that name a march or an event."""

from __future__ import annotations

from datetime import date

import pytest

from eventscribe.stages.dates import find_expressions

pytestmark = pytest.mark.unit

THU = date(2000, 2, 24)  # a Thursday


def spans(text: str, dct: date | None = THU) -> dict[str, str | None]:
    """Every expression found in ``text`` mapped to its timex."""
    return {text[s:e]: r.timex for s, e, r in find_expressions(text, dct)}


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("The hearing is set for the week of March 6, lawyers said.", "the week of March 6",
     "2000-W10"),
    ("It closed the week of Monday, Jan. 3, 2000.", "the week of Monday, Jan. 3, 2000",
     "2000-W01"),
])
def test_dates_v3_the_week_of_a_day_is_its_iso_week(text: str, expr: str, timex: str) -> None:
    assert spans(text).get(expr) == timex


def test_dates_v3_the_week_of_without_a_dct_stays_unresolved() -> None:
    found = spans("The hearing is set for the week of March 6.", None)
    assert "the week of March 6" in found
    assert found["the week of March 6"] is None


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("Prices fell in the winter of nineteen ninety-four.",
     "the winter of nineteen ninety-four", "1994-WI"),
    ("It began in the fall of nineteen eighty-nine.", "the fall of nineteen eighty-nine",
     "1989-FA"),
])
def test_dates_v3_season_of_a_spoken_year(text: str, expr: str, timex: str) -> None:
    assert spans(text).get(expr) == timex


@pytest.mark.parametrize("text", [
    "Thousands joined the annual March for Life on Capitol Hill.",
    "She led the ``March of the Combatant Mothers,'' he said.",
])
def test_dates_v3_month_name_of_a_march_is_no_month(text: str) -> None:
    assert "March" not in spans(text)


def test_dates_v3_bare_month_before_lower_case_words_is_still_a_month() -> None:
    assert spans("Sales rose in March for the third month.").get("March") == "1999-03"


@pytest.mark.parametrize(("text", "expr"), [
    ("Sales should rise 8.5% annually through 1992.", "annually"),
    ("The plant would produce about 10,000 units annually.", "annually"),
    ("It will pay $5 million yearly, the company said.", "yearly"),
])
def test_dates_v3_rate_of_a_quantity_is_no_set(text: str, expr: str) -> None:
    assert expr not in spans(text)


@pytest.mark.parametrize(("text", "expr"), [
    ("The commemorations are held here annually for Marti.", "annually"),
    ("Demonstrators gather daily outside the home.", "daily"),
])
def test_dates_v3_set_adverb_without_a_quantity_stays(text: str, expr: str) -> None:
    assert spans(text).get(expr) is not None


@pytest.mark.parametrize(("text", "expr"), [
    ("The case is for today's youth what the blockade was for us.", "today"),
    ("Fathers face barriers in today's world, she said.", "today"),
    ("If I were choosing the people of tomorrow, I would choose them.", "tomorrow"),
])
def test_dates_v3_generic_today_is_no_day(text: str, expr: str) -> None:
    assert expr not in spans(text)


def test_dates_v3_today_before_a_specific_noun_is_the_day() -> None:
    found = spans("The offer, advertised in today's editions, expires Friday.")
    assert found.get("today") == "2000-02-24"
    assert spans("The talks resume tomorrow, he said.").get("tomorrow") == "2000-02-25"
