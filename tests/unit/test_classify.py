import pytest

from eventscribe.model import AnnotatedDoc, Doc
from eventscribe.stages.classify import find_triggers
from eventscribe.stages.sentences import split_sentences

pytestmark = pytest.mark.unit


def triggers(text):
    doc = Doc.from_text(text)
    a = AnnotatedDoc(doc).with_layer("sentences", split_sentences(text))
    return [(t.span.text, t.cls, t.realis) for t in find_triggers(a)]


def test_classify_finds_typed_triggers():
    got = triggers("A roadside bomb exploded in Gao. Police arrested four men.")
    assert ("roadside bomb", "remote_explosive", True) in got
    assert ("arrested", "arrest", True) in got


def test_classify_longest_specific_pattern_wins():
    got = triggers("A suicide bomber struck a mosque in Peshawar.")
    assert got[0][:2] == ("suicide bomber", "suicide_bomb")


def test_classify_future_and_feared_events_are_not_asserted():
    got = dict((t[0], t[2]) for t in triggers(
        "The opposition plans to protest on Friday. Police were on alert for riots."))
    assert got["protest"] is False
    assert got["riots"] is False


def test_classify_habitual_and_generic_mentions_are_not_asserted():
    got = triggers("The militia routinely attacks convoys, as well as many other attacks.")
    assert all(not realis for _, _, realis in got)


def test_classify_attributive_participle_is_not_a_trigger():
    got = triggers("Troops fired on crowds of protesting farmers.")
    assert not any(t[0] == "protesting" for t in got)


def test_classify_release_of_a_statement_is_not_a_release_event():
    got = triggers("The ministry released a statement. Rebels released 12 hostages.")
    assert [t[0] for t in got if t[1] == "release"] == ["released"]
    assert len([t for t in got if t[1] == "release"]) == 1


def test_classify_anaphor_continues_previous_event():
    got = triggers("Students marched in Dhaka. The largest actions took place in Chittagong.")
    assert ("The largest actions", "anaphor", True) in got


def test_classify_release_of_a_thing_named_before_is_no_release():
    assert not any(c == "release" for _, c, _ in triggers(
        "He is seen in this handout photo released on May 27."))
    assert any(c == "release" for _, c, _ in triggers("Five prisoners were released on May 27."))
