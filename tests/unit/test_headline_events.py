"""Headline forms in the trigger lexicon, headline dates, plural demonyms and claim triggers."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from eventscribe.evaluation.roles import Predictions, _claim_triggers
from eventscribe.evaluation.ucdp import best_day
from eventscribe.model import DateValue, Span
from eventscribe.resources.lexicon import iter_trigger_matches, trigger_regex, trigger_rules
from eventscribe.stages.events import is_headline_length

pytestmark = pytest.mark.unit


def _classes(text: str) -> list[tuple[str, str]]:
    rules = trigger_rules()
    return [(m.group(0), rules[int(m.lastgroup[1:])].cls) for m in iter_trigger_matches(text)
            if m.lastgroup]


@pytest.mark.parametrize("text,word,cls", [
    ("Gunmen kill vaccinator in the north", "kill", "attack"),
    ("Bomb kills 5 near the market", "kills", "attack"),
    ("Police KILL suspected gunman", "KILL", "attack"),
    ("Double homicide in the old town", "homicide", "attack"),
    ("the assassination of the mayor", "assassination", "attack"),
    ("Army retakes key district from the rebels", "retakes key district", "gov_regains_territory"),
    ("troops pounded the town with artillery", "pounded the town with artillery", "shelling"),
])
def test_headline_events_lexicon_reads_headline_forms(text: str, word: str, cls: str) -> None:
    assert (word, cls) in _classes(text)


@pytest.mark.parametrize("text", [
    "They came to kill time.", "He didn't kill anyone.", "a plan to kill the bill",
    "He recaptured the mood of the eighties.",
])
def test_headline_events_lexicon_leaves_out_non_events(text: str) -> None:
    assert not any(cls in ("attack", "gov_regains_territory") for _, cls in _classes(text))


def test_headline_events_prefilter_agrees_with_full_regex_on_new_rows() -> None:
    text = "to kill, kill, kills; didn't kill; retook the town; homicides; pounds them with rockets"
    full = [(m.start(), m.end(), m.lastgroup) for m in trigger_regex().finditer(text)]
    fast = [(m.start(), m.end(), m.lastgroup) for m in iter_trigger_matches(text)]
    assert fast == full and len(full) >= 4


def test_headline_events_headline_length_texts() -> None:
    assert is_headline_length("Bomb kills 5 in Kabul")
    assert is_headline_length("Bomb kills 5 in Kabul\nDeath toll rises to 7")
    assert not is_headline_length("x" * 250)
    assert not is_headline_length("\n".join(["Bomb kills 5"] * 9))
    assert not is_headline_length("   ")
    body = "Gunmen killed five people in the old town on Monday, police said."
    assert not is_headline_length("\n".join([body] * 8))  # 8 short lines, over 500 characters
    assert is_headline_length("\n".join([body] * 3))


def test_headline_events_best_day_is_the_middle_of_the_range() -> None:
    assert best_day(DateValue(date(2020, 5, 8), date(2020, 5, 10), "week")) == date(2020, 5, 9)
    assert best_day(DateValue(date(2020, 5, 9), date(2020, 5, 9), "day")) == date(2020, 5, 9)
    assert best_day(DateValue(date(2020, 5, 9), date(2020, 5, 10), "week")) == date(2020, 5, 9)


def _claim(kind: str, text: str, start: int, end: int) -> SimpleNamespace:
    return SimpleNamespace(kind=kind, evidence=(Span.of(text, start, end),))


def test_headline_events_claim_words_become_violence_triggers() -> None:
    text = "An attack killed 3 people and 12 were injured."
    killed = _claim("killed", text, text.index("killed"), text.index(" people"))
    injured = _claim("injured", text, text.index("12"), text.index("."))
    arrested = _claim("arrested", text, 0, 9)
    pred = Predictions(triggers=[("violence", 3, 9), ("violence", 10, 16)])  # attack, killed
    _claim_triggers(pred, SimpleNamespace(claims=(killed, injured, arrested)), text)
    s = text.index("injured")
    assert pred.triggers == [("violence", 3, 9), ("violence", 10, 16), ("violence", s, s + 7)]


def test_headline_events_arrest_warrant_is_not_an_arrest() -> None:
    assert not any(c == "arrest" for _, c in _classes("A court issued arrest warrants for six."))
    assert ("arrest", "arrest") in _classes("Police came to arrest the mayor.")


@pytest.mark.parametrize("text,word", [
    ("Police shoot dead two robbers", "shoot dead"), ("Man stabs three at a station", "stabs"),
    ("Militants behead hostage", "behead"), ("Gunman guns down officer", "guns down"),
    ("He assaulted a guard", "assaulted"),
])
def test_headline_events_present_tense_attack_verbs(text: str, word: str) -> None:
    assert (word, "attack") in _classes(text)
