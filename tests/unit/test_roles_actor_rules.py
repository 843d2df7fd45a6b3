"""Actor rules added for the roles evaluator: what is not an actor, relative clauses, countries.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from eventscribe.model import Span
from eventscribe.stages.roles import country_of
from eventscribe.stages.roles_patterns import pattern_roles

pytestmark = pytest.mark.unit


def roles(sentence: str, trigger: str, pos: str = "verb") -> tuple[list[str], list[str]]:
    i = sentence.index(trigger)
    acts, tars, _ = pattern_roles(
        sentence, Span.of(sentence, 0, len(sentence)), Span.of(sentence, i, i + len(trigger)),
        pos, (),
    )
    return [a.name for a in acts], [t.name for t in tars]


def test_roles_actor_time_possessor_is_not_the_attacker() -> None:
    acts, tars = roles("Police are investigating Saturday's attack on a bakery.", "attack", "noun")
    assert acts == [] and tars == ["bakery"]
    acts, _ = roles("Police are investigating the militia's attack on a bakery.", "attack", "noun")
    assert acts == ["militia"]  # the name drops the possessive; the span keeps it


def test_roles_actor_event_noun_subject_is_not_an_actor() -> None:
    acts, tars = roles("The market bombing killed three traders.", "killed")
    assert acts == [] and tars == ["three traders"]


def test_roles_actor_relative_clause_subject_is_the_antecedent() -> None:
    acts, tars = roles("Gunmen who stormed the hotel killed 12 guests.", "killed")
    assert acts == ["Gunmen"] and tars == ["12 guests"]
    acts, _ = roles("A device that exploded near the station killed two guards.", "killed")
    assert acts == ["device"]


def test_roles_actor_passive_light_verb_names_the_actor_of_a_noun() -> None:
    acts, _ = roles("The 1995 bombing was carried out by two brothers.", "bombing", "noun")
    assert acts == ["two brothers"]


def test_roles_actor_quantifier_only_before_a_figure() -> None:
    acts, _ = roles("Fears about the rebels grew as militants attacked the base.", "attacked")
    assert acts == ["militants"]


def test_roles_actor_place_after_a_verb_is_not_a_target() -> None:
    _, tars = roles("A bomb exploded at a checkpoint in the north.", "exploded")
    assert tars == []
    _, tars = roles("Troops fired mortars at the ridge.", "fired mortars")
    assert tars == ["ridge"]


def test_roles_actor_country() -> None:
    assert country_of("Iraqi security forces") == "IQ"
    assert country_of("the Government of Syria") == "SY"
    assert country_of("Nigeria's army") == "NG"
    assert country_of("Taliban fighters") == "AF"
    assert country_of("Sri Lankan troops") == "LK"
    assert country_of("unidentified gunmen") is None


def test_roles_actor_noun_trigger_constructions() -> None:
    acts, tars = roles("A battle between soldiers and rebels broke out.", "battle", "noun")
    assert acts == ["soldiers"] and tars == ["rebels"]
    _, tars = roles("The blast targeted a checkpoint near the bridge.", "blast", "noun")
    assert tars == ["checkpoint"]
    acts, _ = roles("The militia claimed responsibility for the raid on the camp.", "raid", "noun")
    assert acts == ["militia"]
    acts, _ = roles("The group launched a wave of attacks across the north.", "attacks", "noun")
    assert acts == ["group"]
    acts, _ = roles("The attack is believed to have been carried out by two gunmen.", "attack",
                    "noun")
    assert acts == ["two gunmen"]


def test_roles_actor_participle_with_by_needs_no_subject() -> None:
    acts, _ = roles("The suspect - shot dead by police - had fled the scene.", "shot dead")
    assert acts == ["police"]


def test_roles_actor_coordinated_and_listed_targets() -> None:
    _, tars = roles("Gunmen killed two teachers and a nurse in Kaduna.", "killed")
    assert tars == ["two teachers", "nurse"]
    _, tars = roles("Activists were arrested, including Ana Ruiz, a lawyer and two students.",
                    "arrested")
    assert tars == ["Activists", "Ana Ruiz", "lawyer", "two students"]


def test_roles_actor_places_figures_and_casualties_are_not_actors() -> None:
    acts, _ = roles("The Central Station bombing killed four people.", "bombing", "noun")
    assert acts == []
    acts, _ = roles("Two of the 12 attacked the guards.", "attacked")
    assert acts == []
    acts, _ = roles("Three of the attackers opened fire on the guards.", "opened fire")
    assert acts == ["Three of the attackers"]
    acts, _ = roles("Two gunmen opened fire on the guards.", "opened fire")
    assert acts == ["Two gunmen"]


def test_roles_actor_subject_across_a_parenthesis_and_progressive_noun_triggers() -> None:
    acts, tars = roles("A militia, including former soldiers, has burned a school.", "burned")
    assert acts == ["militia"] and tars == ["school"]
    acts, tars = roles("Jets have been bombing the town for weeks.", "bombing", "noun")
    assert acts == ["Jets"] and tars == ["town"]


def test_roles_actor_dashes_and_date_words_inside_phrases() -> None:
    _, tars = roles("The gunman, Ali Kaya – shot dead by police – had fled.", "shot dead")
    assert tars == ["Ali Kaya"]
    sentence = "Four died in an attack on the Christmas market."
    i = sentence.index("Christmas")
    _, tars, _ = pattern_roles(
        sentence, Span.of(sentence, 0, len(sentence)),
        Span.of(sentence, sentence.index("attack"), sentence.index("attack") + 6), "noun",
        ((i, i + len("Christmas"), "DATE"),),
    )
    assert [t.name for t in tars] == ["Christmas market"]


def test_roles_actor_time_words_are_not_actors() -> None:
    acts, _ = roles("Yesterday attacked the town, a witness said.", "attacked")
    assert acts == []
