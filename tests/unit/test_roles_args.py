"""Stated places and instruments of triggers (stages/roles_args.py), on sentences written for
these tests."""

from __future__ import annotations

import pytest

from eventscribe.model import Span
from eventscribe.stages.roles_args import (
    PLACE_NOUNS,
    WEAPON_NOUNS,
    is_place_noun,
    is_weapon_noun,
    trigger_arguments,
)

pytestmark = pytest.mark.unit


def args(sentence: str, trigger: str, ents: tuple[tuple[str, str], ...] = ()):
    """(role, head, text) of the arguments of ``trigger``; ``ents``: (text, label) pairs."""
    i = sentence.index(trigger)
    spans = []
    for text, label in ents:
        s = sentence.index(text)
        spans.append((s, s + len(text), label))
    out = trigger_arguments(
        sentence, Span.of(sentence, 0, len(sentence)), Span.of(sentence, i, i + len(trigger)),
        spans,
    )
    return [(a.role, a.head, a.span.text) for a in out]


def test_roles_args_common_noun_place_after_the_verb():
    out = args("A car bomb exploded outside a busy bus station on Tuesday.", "exploded")
    assert ("place", "station", "a busy bus station") in out


def test_roles_args_place_with_of_keeps_the_noun_head():
    out = args("Two men were shot in the northern town of Dalby.", "shot",
               ents=(("Dalby", "GPE"),))
    assert [a for a in out if a[0] == "place"] == [
        ("place", "town", "the northern town of Dalby")]


def test_roles_args_time_and_event_phrases_are_not_places():
    out = args("Five soldiers were killed in the attack in March.", "killed",
               ents=(("March", "DATE"),))
    assert [a for a in out if a[0] == "place"] == []


def test_roles_args_coordinated_and_apposed_places():
    out = args("Militants attacked posts in Karvan and Tolsk, Verania, overnight.", "attacked",
               ents=(("Karvan", "GPE"), ("Tolsk", "GPE"), ("Verania", "GPE")))
    heads = [a[1] for a in out if a[0] == "place"]
    assert heads == ["karvan", "tolsk", "verania"]


def test_roles_args_on_needs_a_road_like_place():
    assert [a[1] for a in args("Gunmen opened fire on the highway near the camp.", "opened fire")
            if a[0] == "place"] == ["highway"]
    assert [a for a in args("Rebels launched an attack on the embassy.", "attack")
            if a[0] == "place"] == []


def test_roles_args_sentence_initial_place_phrase():
    out = args("At the crowded market, three people were wounded.", "wounded")
    assert ("place", "market", "the crowded market") in out


def test_roles_args_place_before_a_noun_trigger():
    out = args("The Rivertown airport bombing shocked the country.", "bombing")
    assert ("place", "airport", "Rivertown airport") in out


def test_roles_args_instrument_after_with():
    out = args("A man attacked shoppers with a kitchen knife.", "attacked")
    assert ("instrument", "knife", "a kitchen knife") in out


def test_roles_args_instrument_list_after_a_throwing_verb():
    out = args("Fans clashed, hurling bottles, chairs and other objects.", "clashed")
    assert [a[1] for a in out if a[0] == "instrument"] == ["bottles", "chairs", "objects"]


def test_roles_args_no_instrument_without_a_weapon_word():
    out = args("Villagers attacked the thieves with great anger.", "attacked")
    assert [a for a in out if a[0] == "instrument"] == []


def test_roles_args_weapon_modifier_and_subject():
    assert ("instrument", "rocket", "rocket") in args(
        "A rocket attack hit the base.", "attack")
    assert ("instrument", "bomb", "The bomb") in args(
        "The bomb exploded at noon.", "exploded")


def test_roles_args_word_lists_are_lower_case_and_plural_aware():
    for table in (PLACE_NOUNS, WEAPON_NOUNS):
        assert all(w == w.lower() and w.strip() == w for w in table)
    assert is_place_noun("Villages") and is_weapon_noun("Grenades")
    assert not is_place_noun("attack") and not is_weapon_noun("people")


def test_roles_args_place_noun_with_its_name():
    out = args("The blast hit a shop on the main street Rue Colbert.", "blast",
               ents=(("Rue Colbert", "PERSON"),))
    assert ("place", "colbert", "the main street Rue Colbert") in out


def test_roles_args_sentence_initial_name():
    out = args("At Kings Cross, two guards were killed.", "killed")
    assert ("place", "cross", "Kings Cross") in out
    out = args("In 1995, two guards were killed.", "killed", ents=(("1995", "DATE"),))
    assert [a for a in out if a[0] == "place"] == []


def test_roles_args_aspectual_subject_is_the_instrument():
    out = args("The bombs began to explode before noon.", "explode")
    assert ("instrument", "bombs", "The bombs") in out


def test_roles_args_town_before_a_noun_trigger():
    out = args("A friend of the Boston bombing suspect was convicted.", "bombing",
               ents=(("Boston", "ORG"),))
    assert ("place", "boston", "Boston") in out


def test_roles_args_arabic_name_read_as_a_person_after_in():
    out = args("Fighters were killed in attacks in Tell al-Hawa and Deir Sunbul.", "attacks",
               ents=(("Tell al-Hawa", "PERSON"), ("Deir Sunbul", "PERSON")))
    assert [a[1] for a in out if a[0] == "place"] == ["al-hawa", "sunbul"]
    out = args("Protests erupted in Ahmed Salem's home town.", "Protests",
               ents=(("Ahmed Salem", "PERSON"),))
    assert [a[1] for a in out if a[0] == "place"] == ["town"]


def test_roles_args_month_is_no_initial_place():
    out = args("In April, two guards were killed.", "killed")
    assert [a for a in out if a[0] == "place"] == []


def test_roles_args_idioms_and_named_groups_are_no_places():
    assert [a for a in args("He was killed while in office.", "killed") if a[0] == "place"] == []
    out = args("Two fighters were killed in the Islamic State, officials said.", "killed",
               ents=(("Islamic State", "ORG"),))
    assert [a for a in out if a[0] == "place"] == []
    out = args("Two fighters were killed in the state, officials said.", "killed")
    assert [a[1] for a in out if a[0] == "place"] == ["state"]


def test_roles_args_hyphen_split_by_a_tokenized_source():
    out = args("A soldier was killed by troops in Nagorno - Karabakh .", "killed")
    assert ("place", "karabakh", "Nagorno - Karabakh") in out


@pytest.mark.parametrize(("phrase", "head"), [
    ("Car bomb", "bomb"), ("rockets fired from Gaza", "rockets"),
    ("Gunmen armed with rifles", "gunmen"), ("Suspected militants", "militants"),
    ("the IED planted by militants", "ied"), ("a car bomb's blast", "blast"),
])
def test_roles_args_phrase_head(phrase: str, head: str) -> None:
    from eventscribe.stages.roles_args import phrase_head

    assert phrase_head(phrase) == head


def test_roles_args_weapon_subjects_are_means_not_actors() -> None:
    from eventscribe.model import Actor, Event, EventType, Provenance, Span
    from eventscribe.stages.roles_args import weapons_as_means

    text = "A car bomb and gunmen attacked; an Israeli drone struck."
    trig = Span(text.index("attacked"), text.index("attacked") + 8, "attacked")

    def actor(s: str) -> Actor:
        i = text.index(s)
        return Actor(Span(i, i + len(s), s), s)

    ev = Event("ev_1", "d", EventType("Battles", "Armed clash", "FIGHT"), trig,
               Provenance("t", "r", 1.0, (trig,)),
               actors=(actor("A car bomb"), actor("gunmen"), actor("an Israeli drone")))
    keep, means = weapons_as_means(ev)
    assert [a.name for a in keep] == ["gunmen", "an Israeli drone"]  # aircraft stand for their crew
    assert [(m.role, m.span.text, m.trigger) for m in means] == [
        ("instrument", "A car bomb", trig)]


def test_roles_args_spaced_dash_ends_a_chunk() -> None:
    from eventscribe.stages.roles_tokens import chunk_start, tokenize

    text = "KIRKUK, Iraq - A car bomb exploded, al-Shabaab said."
    toks = tokenize(text, 0, len(text), ())
    j = next(k for k, t in enumerate(toks) if t.text == "exploded")
    assert text[toks[chunk_start(toks, j)].start:toks[j - 1].end] == "A car bomb"
    j = next(k for k, t in enumerate(toks) if t.text == "said")
    assert text[toks[chunk_start(toks, j)].start:toks[j - 1].end] == "al-Shabaab"
