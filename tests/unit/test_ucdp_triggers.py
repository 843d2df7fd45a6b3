"""Headline trigger forms of conflict reports: casualties, martyrs, targeting, 'X vs Y',
pushing the enemy back, 'Warplanes shell ...'; and look-alikes that are no events."""

from __future__ import annotations

import pytest

from eventscribe.resources.lexicon import iter_trigger_matches, trigger_rules

pytestmark = pytest.mark.unit


def _classes(text: str) -> list[tuple[str, str]]:
    rules = trigger_rules()
    return [(m.group(0), rules[int(m.lastgroup[1:])].cls) for m in iter_trigger_matches(text)
            if m.lastgroup]


@pytest.mark.parametrize("text,cls", [
    ("Heavy casualties among the rebels near the river", "attack"),
    ("Twelve civilian casualties reported after the raid on the market", "attack"),
    ("Martyrs and wounded after warplanes hit the village", "attack"),
    ("Three men martyred in the countryside", "attack"),
    ("Dozens of fighters decimated by the army", "attack"),
    ("Gunmen targeting Qaryat town overnight", "attack"),
    ("Unknown militiamen target the checkpoint", "attack"),
    ("Army units pushed the militants back from the hills", "armed_clash"),
    ("Troops vs rebels near the border", "armed_clash"),
    ("Warplanes shell the mountains again", "shelling"),
    ("Preliminary death toll for Monday", "attack"),
    ("Police find the charred remains of a man near the road", "attack"),
    ("Comerciante é assassinado a tiros no centro", "attack"),
    ("Hallan tres cuerpos en un camino", "attack"),
    ("Deux civils tués dans une embuscade", "attack"),
    ("Beni : 5 morts dans une attaque", "attack"),
])
def test_ucdp_triggers_headline_forms(text: str, cls: str) -> None:
    assert cls in [c for _, c in _classes(text)], _classes(text)


@pytest.mark.parametrize("text", [
    "The senator targets Main Street banks in her speech",
    "The company will shell out millions for the deal",
    "A monument to the martyrs of the revolution",
    "Casualty reports for the month are published online",
    "They pushed back the deadline to June",
    "The death toll of road accidents is falling",
    "The council meets on Tues. and Thurs. in the Mortimer hall",
])
def test_ucdp_triggers_look_alikes_are_not_events(text: str) -> None:
    assert _classes(text) == [], _classes(text)
