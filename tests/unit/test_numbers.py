"""Number mentions: digits, words, vague words, qualifiers, ranges and non-counts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscribe.stages.numbers import (
    VAGUE_SMALL,
    find_numbers,
    number_in_text,
    parse_word_number,
    tokenize,
)

pytestmark = pytest.mark.unit


def figures(text: str) -> list[tuple[int, int | None, str, str]]:
    return [(m.value, m.high, m.qualifier, text[m.start : m.end])
            for m in find_numbers(tokenize(text))]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("7", 7), ("1,200", 1200), ("12,345,678", 12345678), ("twenty-three", 23),
        ("a hundred", 100), ("two hundred and fifty", 250), ("one thousand two hundred", 1200),
        ("nine hundred ninety nine", 999), ("three million", 3_000_000), ("1.5 million", 1_500_000),
        ("two dozen", 24), ("a dozen", 12), ("half a dozen", 6), ("Forty-Four", 44),
    ],
)
def test_numbers_parse_values(text: str, value: int):
    got = figures(text)
    assert [g[0] for g in got] == [value]
    assert got[0][3] == text


@pytest.mark.parametrize(
    ("text", "value"),
    [("dozens", 12), ("scores", 20), ("hundreds", 100), ("thousands", 1000),
     ("tens of thousands", 10_000), ("hundreds of thousands", 100_000), ("several", VAGUE_SMALL),
     ("a few", VAGUE_SMALL)],
)
def test_numbers_vague_words(text: str, value: int):
    assert figures(text) == [(value, None, "vague", text)]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [("at least 9", "at_least"), ("no fewer than 9", "at_least"), ("9 or more", "at_least"),
     ("more than 9", "more_than"), ("over 9", "more_than"), ("up to 9", "up_to"),
     ("as many as 9", "up_to"), ("about 9", "about"), ("around 9", "about"),
     ("nearly 9", "about"), ("almost 9", "about"), ("some 9", "about"),
     ("approximately 9", "about"), ("roughly 9", "about")],
)
def test_numbers_qualifiers(text: str, qualifier: str):
    assert figures(text) == [(9, None, qualifier, text)]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("between 5 and 7", 5, 7), ("5 to 7", 5, 7), ("5-7", 5, 7), ("two or three", 2, 3),
     ("between ten and twenty", 10, 20)],
)
def test_numbers_ranges(text: str, low: int, high: int):
    assert figures(text) == [(low, high, "range", text)]


def test_numbers_range_needs_increasing_ends():
    assert [f[2] for f in figures("7 to 5")] == ["exact", "exact"]


@pytest.mark.parametrize(
    "text",
    ["a 36-year-old", "two-day", "72-day", "the 11th", "Resolution 2254", "Route 9", "in 2009",
     "10:30", "$5", "5%", "12 percent", "one of the", "2.5", "19/7/2012", "07700 900123",
     "no one", "July 28", "24 hours", "3 km"],
)
def test_numbers_non_counts(text: str):
    assert figures(text) == []


def test_numbers_parse_word_number_stops_at_non_number():
    toks = tokenize("seventy two soldiers")
    assert parse_word_number(toks, 0) == (72, 2)
    assert parse_word_number(tokenize("soldiers"), 0) is None


@settings(max_examples=80, deadline=None)
@given(st.integers(min_value=1, max_value=9_999_999))
def test_numbers_digits_round_trip(n: int):
    text = f"{n:,} people"
    (m,) = find_numbers(tokenize(text))
    assert m.value == n and number_in_text(n, text[m.num_start : m.num_end])


UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


@settings(max_examples=80, deadline=None)
@given(st.integers(min_value=1, max_value=9), st.integers(min_value=2, max_value=9),
       st.integers(min_value=1, max_value=9))
def test_numbers_words_compose(h: int, t: int, u: int):
    text = f"{UNITS[h - 1]} hundred and {TENS[t - 2]}-{UNITS[u - 1]}"
    assert [f[0] for f in figures(text)] == [h * 100 + t * 10 + u]
