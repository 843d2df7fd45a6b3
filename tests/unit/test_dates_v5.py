"""Unit tests for the v5 date changes: range endpoints as TimeML parts, nested-gold matching in
the evaluator, and day numbers written as ordinals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscribe.evaluation.dates import match_gold
from eventscribe.evaluation.timeml_format import Timex
from eventscribe.stages.dates import find_expressions, normalise_span, timeml_parts
from eventscribe.stages.dates_calendar import Resolution

pytestmark = pytest.mark.unit

FRI = date(2013, 3, 15)  # a Friday


def spans(text: str, dct: date | None = FRI) -> dict[str, str | None]:
    """Every expression found in ``text`` mapped to its timex."""
    return {text[s:e]: r.timex for s, e, r in find_expressions(text, dct)}


def parts(text: str, dct: date | None = FRI) -> dict[str, str | None]:
    """The expressions as TimeML annotates them (range endpoints apart)."""
    return {text[s:e]: r.timex for s, e, r in timeml_parts(find_expressions(text, dct))}


def test_dates_v5_range_keeps_one_value_and_exposes_its_endpoints() -> None:
    text = "Shares were bought from Aug. 26 to Oct. 20, the filing said."
    (s, e, res), = find_expressions(text, FRI)
    assert text[s:e] == "from Aug. 26 to Oct. 20"
    assert res.timex == "2012-08-26/2012-10-20"
    assert [(text[a:b], p.timex) for a, b, p in res.parts] == [
        ("Aug. 26", "2012-08-26"), ("Oct. 20", "2012-10-20")]
    assert all(p.value is not None and p.value.precision == "day" for _, _, p in res.parts)


@pytest.mark.parametrize(("text", "want"), [
    ("Voting takes place between 3 and 5 March 2014.",
     {"3": "2014-03-03", "5 March 2014": "2014-03-05"}),
    ("The offer runs from May 1 through May 3, 2014.",
     {"May 1": "2014-05-01", "May 3, 2014": "2014-05-03"}),
    ("The fair was held between March 8 and 10.",
     {"March 8": "2013-03-08", "10": "2013-03-10"}),
])
def test_dates_v5_range_parts_take_the_range_year(text: str, want: dict[str, str]) -> None:
    assert parts(text) == want


def test_dates_v5_hyphenated_day_range_stays_one_expression() -> None:
    text = "The talks were held July 28-29, 2012 in Geneva."
    assert parts(text) == {"July 28-29, 2012": "2012-07-28/2012-07-29"}


def test_dates_v5_gold_span_on_a_range_endpoint_gets_that_day() -> None:
    text = "Shares were bought from Aug. 26 to Oct. 20, 1989, the filing said."
    start = text.index("Aug. 26")
    res = normalise_span(text, start, start + len("Aug. 26"), date(1989, 11, 1))
    assert res is not None and res.timex == "1989-08-26"
    start = text.index("Oct. 20")
    res = normalise_span(text, start, start + len("Oct. 20"), date(1989, 11, 1))
    assert res is not None and res.timex == "1989-10-20"


def _tx(start: int, end: int, value: str, kind: str = "DATE") -> Timex:
    return Timex(f"t{start}", kind, value, start, end, "x" * (end - start))


def test_eval_dates_match_gold_prefers_the_nested_exact_timex() -> None:
    # gold: a duration over "from 2009 to 2011" (5..22) and its endpoints (10..14, 18..22)
    gold = [_tx(5, 22, "P2Y", "DURATION"), _tx(10, 14, "2009"), _tx(18, 22, "2011")]
    found = [(10, 14, _res("2009")), (18, 22, _res("2011"))]
    assert match_gold(found, gold) == [1, 2]


def test_eval_dates_match_gold_prefers_equal_value_then_first_free() -> None:
    gold = [_tx(0, 10, "2001"), _tx(5, 15, "2002")]
    assert match_gold([(3, 12, _res("2002"))], gold) == [1]
    assert match_gold([(3, 12, _res("1999")), (4, 13, _res("1999"))], gold) == [0, 1]
    assert match_gold([(20, 25, _res("2002"))], gold) == [None]


def _res(timex: str) -> Resolution:
    return Resolution(timex, None, "date", "test", "written for the test")


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("The talks began on March eighth.", "March eighth", "2013-03-08"),
    ("The vote is set for the twenty-first of May.", "the twenty-first of May", "2013-05-21"),
    ("He returned on Feb. twenty-eighth.", "Feb. twenty-eighth", "2013-02-28"),
    ("The deadline is June thirtieth, 2014.", "June thirtieth, 2014", "2014-06-30"),
    ("He arrived on March the 8th.", "March the 8th", "2013-03-08"),
    ("The bombing on the eleventh of March killed 191.", "the eleventh of March", "2013-03-11"),
    ("It was the first of the month.", "the first of the month", "2013-03-01"),
    ("The rent is due on the 1st of next month.", "the 1st of next month", "2013-04-01"),
    ("Wages were paid on the 20th of last month.", "the 20th of last month", "2013-02-20"),
])
def test_dates_v5_day_written_as_an_ordinal(text: str, expr: str, timex: str) -> None:
    assert spans(text).get(expr) == timex


@pytest.mark.parametrize(("text", "timex"), [
    ("The attack happened on the 3rd.", "2013-03-03"),
    ("Police said the shooting took place on the 14th.", "2013-03-14"),
    ("The summit will open on the 22nd.", "2013-03-22"),
    ("The ceasefire will expire on the 2nd, officials said.", "2013-04-02"),
    ("Voting ended on the 30th, officials said.", "2013-01-30"),  # February has no 30th
    ("Voting ended on the 20th, officials said.", "2013-02-20"),
    ("Protests began on March 3, 2011 and peaked on the 14th.", "2011-03-14"),
    ("Protests began in June and peaked on the 14th.", "2012-06-14"),
])
def test_dates_v5_bare_ordinal_after_a_preposition_is_a_day(text: str, timex: str) -> None:
    found = {k: v for k, v in spans(text).items() if k.startswith("the ")}
    assert list(found.values()) == [timex]


@pytest.mark.parametrize("text", [
    "He lives on the 14th floor.",
    "The 14th Dalai Lama spoke.",
    "He finished 14th in the race.",
    "The bill was passed in March first-quarter results.",
    "He scored on the 3rd attempt.",
])
def test_dates_v5_ordinal_before_a_noun_is_no_day(text: str) -> None:
    assert not any(r.rule in ("ordinal-day", "bare-ordinal-day")
                   for _, _, r in find_expressions(text, FRI))


def test_dates_v5_bare_ordinal_without_dct_stays_unresolved() -> None:
    (_s, _e, res), = find_expressions("The attack happened on the 3rd.", None)
    assert res.value is None and "publication date" in res.reason


def test_dates_v5_ordinal_day_that_does_not_exist_is_impossible() -> None:
    (_s, _e, res), = find_expressions("The talks began on February thirtieth.", FRI)
    assert res.value is None and "E011" in res.reason


def test_dates_lexicon_ordinal_value_reads_twenty_compounds() -> None:
    from eventscribe.stages.dates_lexicon import ordinal_value

    assert [ordinal_value(w) for w in ("twenty-first", "Twenty First", "thirty-first")] == [
        21, 21, 31]


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("The report is dated 2013/03/12.", "2013/03/12", "2013-03-12"),
    ("The report is dated 12.03.2013.", "12.03.2013", "2013-03-12"),
    ("The order dated 12.25.2012 was void.", "12.25.2012", "2012-12-25"),
    ("The decree of 31.02.2013 was annulled.", "31.02.2013", None),
])
def test_dates_v5_numeric_dates_year_first_or_dotted(text: str, expr: str,
                                                     timex: str | None) -> None:
    assert expr in spans(text) and spans(text)[expr] == timex


@pytest.mark.parametrize("text", [
    "The decree of 03-12-2013 was annulled.",  # US or European: left unread
    "He earned 1.500.2013 euros.",
    "Version 4.12.3 was released.",
])
def test_dates_v5_ambiguous_numbers_are_no_numeric_date(text: str) -> None:
    assert not any(r.rule == "numeric-date" for _, _, r in find_expressions(text, FRI))


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("The attack came a fortnight ago.", "a fortnight ago", "2013-03-01"),
    ("Clashes eased over the past fortnight.", "the past fortnight", "P2W"),
    ("It lasted two fortnights.", "two fortnights", "P4W"),
])
def test_dates_v5_fortnight_is_two_weeks(text: str, expr: str, timex: str) -> None:
    assert spans(text).get(expr) == timex


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("The meeting starts at half past three.", "half past three", "2013-03-15T03:30"),
    ("The meeting starts at a quarter to five.", "a quarter to five", "2013-03-15T04:45"),
    ("The blast came at ten past nine in the evening.", "ten past nine in the evening",
     "2013-03-15T21:10"),
    ("He was arrested on Tuesday. At half past three he was freed.", "half past three",
     "2013-03-12T03:30"),
])
def test_dates_v5_clock_time_said_past_or_to_the_hour(text: str, expr: str, timex: str) -> None:
    assert spans(text).get(expr) == timex


def test_dates_v5_a_quarter_to_a_quantity_is_no_clock_time() -> None:
    text = "Sales fell by a quarter to five million units."
    assert not any(r.kind == "time" for _, _, r in find_expressions(text, FRI))


_WORDS = ("the on by from to through between and of next last month fortnight fortnights ago "
          "a half quarter past three twelve 14th 31st 3rd first thirtieth twenty-first eighth "
          "March Feb. June 30 29 3 2014 0000 9999 12.03.2013 31.02.2013 2013/02/30 at night "
          "morning , . floor").split()


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12),
       st.sampled_from([FRI, None, date(1, 1, 1), date(1, 2, 15), date(9999, 12, 31)]))
@settings(max_examples=300, deadline=None)
def test_dates_v5_word_salad_never_raises_and_parts_lie_inside(words: list[str],
                                                              dct: date | None) -> None:
    for s, e, res in find_expressions(" ".join(words), dct):
        assert 0 <= s < e and res.rule
        for ps, pe, part in res.parts:
            assert s <= ps < pe <= e
            assert part.value is not None and res.value is not None
            assert res.value.start <= part.value.start <= part.value.end <= res.value.end


@pytest.mark.parametrize("text", [
    "The car was travelling at 100 miles an hour.",
    "Winds gusted to 60 kilometres an hour.",
    "The ferry sailed at 20 knots an hour.",
])
def test_dates_v5_speed_is_no_time_expression(text: str) -> None:
    assert find_expressions(text, FRI) == []


def test_dates_v5_distance_then_ago_is_still_a_date() -> None:
    assert spans("They walked for miles a day ago.").get("a day ago") == "2013-03-14"


@pytest.mark.parametrize("text", [
    "Britain's Mail on Sunday said the deal was off.",
    "He told the Sunday Telegraph that he would run.",
    "Kenya's Sunday Nation newspaper said the police fired.",
    "Speaking to the Sunday Herald, he denied it.",
])
def test_dates_v5_weekday_in_a_newspaper_name_is_no_date(text: str) -> None:
    assert find_expressions(text, FRI) == []


@pytest.mark.parametrize(("text", "timex"), [
    ("The vote on Sunday went ahead.", "2013-03-10"),
    ("His visit on Monday was brief.", "2013-03-11"),
    ("The bill passed on a 230-190 vote Wednesday.", "2013-03-13"),
    ("Voters vote on Sunday.", "2013-03-17"),
    ("Leaders of the two countries meet Monday.", "2013-03-18"),
    ("Leaders meet Monday in Paris.", "2013-03-18"),
])
def test_dates_v5_scheduling_word_after_a_determiner_is_a_noun(text: str, timex: str) -> None:
    assert [r.timex for _, _, r in find_expressions(text, FRI)] == [timex]


@pytest.mark.parametrize("text", [
    "The report covers the period from January 2010 to June 2012.",
    "In the period since the coup, the army has tightened control.",
    "In the period between the two wars, the city grew.",
])
def test_dates_v5_the_period_described_or_outside_results_is_no_quarter(text: str) -> None:
    assert not any(r.rule == "reporting-period" for _, _, r in find_expressions(text, FRI))


def test_dates_v5_the_period_in_a_results_sentence_is_the_reporting_quarter() -> None:
    assert spans("Net income for the period was $3 million.").get("the period") == "2012-Q4"


@pytest.mark.parametrize(("text", "expr"), [
    ("The transition period will last two years.", "two years"),
    ("It won't last two weeks.", "two weeks"),
    ("Talks are expected to last two days.", "two days"),
    ("Prices fell over the last two years.", "the last two years"),
])
def test_dates_v5_the_verb_last_stays_outside_a_duration(text: str, expr: str) -> None:
    assert list(spans(text)) == [expr]


def test_dates_v5_the_financial_year_is_the_fiscal_year() -> None:
    assert spans("Profit for the financial year rose 5 percent.") == {
        "the financial year": "2013"}


@pytest.mark.parametrize(("text", "timex"), [
    ("The militants took control of the town on 10 June.", "2012-06-10"),
    ("The army withdrew from the town on 10 June.", "2012-06-10"),
    ("The summit, which came after months of talks, will be held on June 10.", "2013-06-10"),
])
def test_dates_v5_irregular_simple_past_is_a_past_cue(text: str, timex: str) -> None:
    assert [r.timex for _, _, r in find_expressions(text, FRI)] == [timex]


@pytest.mark.parametrize(("text", "timex"), [
    ("The president said the election would be held by July 31.", "2013-07-31"),
    ("Rebels must leave by July 31.", "2013-07-31"),
    ("The rebels had until July 31 to leave.", "2012-07-31"),
])
def test_dates_v5_yearless_date_after_a_deadline_word(text: str, timex: str) -> None:
    assert [r.timex for _, _, r in find_expressions(text, FRI)] == [timex]


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("The rally is this coming Sunday, March 17.", "this coming Sunday, March 17", "2013-03-17"),
    ("The rally was last Thursday, Jan. 6.", "last Thursday, Jan. 6", "2013-01-06"),
])
def test_dates_v5_weekday_with_a_modifier_in_apposition_is_one_expression(
        text: str, expr: str, timex: str) -> None:
    assert spans(text) == {expr: timex}


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("The previous day, 12 were killed.", "The previous day", "2013-03-14"),
    ("He was arrested on Monday. The previous day, 12 were killed.", "The previous day",
     "2013-03-10"),
])
def test_dates_v5_relative_day_counts_from_the_dct_when_no_day_is_named(
        text: str, expr: str, timex: str) -> None:
    assert spans(text).get(expr) == timex


def test_dates_v5_that_day_without_antecedent_stays_unread() -> None:
    assert spans("That day, everything changed.") == {}


@pytest.mark.parametrize(("text", "expr", "timex"), [
    ("Sales fell at the end of last week.", "the end of last week", "2013-W10"),
    ("Troops arrive in the middle of next month.", "the middle of next month", "2013-04"),
    ("Talks start at the beginning of this month.", "the beginning of this month", "2013-03"),
])
def test_dates_v5_part_of_a_relative_unit(text: str, expr: str, timex: str) -> None:
    assert spans(text) == {expr: timex}


def test_dates_v5_clock_time_with_a_dot() -> None:
    assert spans("The match kicks off at 7.45pm.") == {"7.45pm": "2013-03-15T19:45"}


_RANGE_TML = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>TEST0005</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2021-11-01" functionInDocument="CREATION_TIME">'
    "20211101</TIMEX3></DCT>\n<TEXT>\n"
    'The ferry ran from <TIMEX3 tid="t1" type="DATE" value="2021-08-26">Aug. 26</TIMEX3> to '
    '<TIMEX3 tid="t2" type="DATE" value="2021-10-20">Oct. 20</TIMEX3>, the operator said.\n'
    "</TEXT>\n</TimeML>\n"
)


def test_eval_dates_end_to_end_scores_range_endpoints_apart(tmp_path: Path) -> None:
    from eventscribe.evaluation.dates import evaluate

    (tmp_path / "range.tml").write_text(_RANGE_TML)
    r = evaluate(tmp_path, gold_spans=False)
    assert r["n_pred"] == 2 and r["n_gold_all_types"] == 2
    assert r["strict_f1"] == 1.0 and r["value_f1"] == 1.0
    spans_ = evaluate(tmp_path, gold_spans=True, baseline=False)
    assert spans_["value_accuracy"] == 1.0


@pytest.mark.parametrize(("text", "dct", "value"), [
    ("Final report on those killed on 10/8/2012", date(2012, 8, 11), "2012-08-10"),
    ("The filing dated 12/05/1998 said so.", date(1998, 12, 5), "1998-12-05"),
    ("They met on 7/8/07.", date(2007, 7, 9), "2007-07-08"),
    ("Talks were set for 3/4/2020.", date(2020, 3, 1), "2020-03-04"),
    ("He was killed on 25/12/2019.", date(2019, 12, 27), "2019-12-25"),
])
def test_dates_v5_ambiguous_numeric_dates_read_on_or_before_publication(
        text: str, dct: date, value: str) -> None:
    found = spans(text, dct)
    numeric = {k: v for k, v in found.items() if "/" in k}
    assert list(numeric.values()) == [value], found
