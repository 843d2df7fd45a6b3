"""Unit tests for the session-3 (v4) recognition fixes: ordinals and names that look like time
words, and weekdays listed after a coming one."""

from __future__ import annotations

from datetime import date

import pytest

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
