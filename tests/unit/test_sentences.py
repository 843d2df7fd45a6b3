import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscribe.model import AnnotatedDoc, Doc
from eventscribe.stages.sentences import RuleSentencizer, split_sentences, trim

pytestmark = pytest.mark.unit


def texts(t: str) -> list[str]:
    return [trim(s).text for s in split_sentences(t)]


def test_sentences_split_on_terminal_punctuation():
    assert texts("Troops arrived. Residents fled! Why? Nobody knows.") == [
        "Troops arrived.", "Residents fled!", "Why?", "Nobody knows."]


def test_sentences_keep_abbreviations_and_initials_together():
    got = texts("The U.S. Embassy said Gen. J. Smith met Mr. Ali on Jan. 5. Talks ended.")
    assert got == ["The U.S. Embassy said Gen. J. Smith met Mr. Ali on Jan. 5.", "Talks ended."]


def test_sentences_split_at_line_breaks_and_bullets():
    got = texts("Headline here\n\nFirst paragraph ends.\n• bullet one\n• bullet two")
    assert (
        got == ["Headline here", "", "First paragraph ends.", "• bullet one", "• bullet two"]
        or [g for g in got if g]
        == ["Headline here", "First paragraph ends.", "• bullet one", "• bullet two"]
    )


def test_sentences_closing_quote_stays_with_its_sentence():
    got = texts("He said “we will return.” Police left.")
    assert got == ["He said “we will return.”", "Police left."]


def test_sentences_stage_provides_layer():
    a = RuleSentencizer()(AnnotatedDoc(Doc.from_text("One. Two.")))
    assert "sentences" in a.provided and len(a.sentences) == 2


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\n“”'U.S.Mr")), max_size=200))
def test_sentences_tile_the_text(text):
    spans = split_sentences(text)
    assert "".join(s.text for s in spans) == text
    pos = 0
    for s in spans:
        assert s.start == pos and s.end > s.start
        assert text[s.start:s.end] == s.text
        pos = s.end
