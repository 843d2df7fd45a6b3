"""ECB+ reader, document clustering and the dedup metrics, on tiny hand-written samples."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from eventscribe.dedup_docs import DocFeatures, attach_fragments, cluster_documents
from eventscribe.evaluation.dedup import b_cubed, pairwise
from eventscribe.evaluation.ecbplus_format import join_tokens, parse_document, read_corpus, url_date

pytestmark = pytest.mark.unit

SAMPLE_PLUS = """<Document doc_name="4_2ecbplus.xml" doc_id="X">
<token t_id="1" sentence="0" number="0">http</token>
<token t_id="2" sentence="0" number="1">:</token>
<token t_id="3" sentence="0" number="2">/</token>
<token t_id="4" sentence="0" number="3">/</token>
<token t_id="5" sentence="0" number="4">news.example.org/2019/03/07/flood</token>
<token t_id="6" sentence="1" number="0">River</token>
<token t_id="7" sentence="1" number="1">floods</token>
<token t_id="8" sentence="1" number="2">town</token>
<token t_id="9" sentence="1" number="3">,</token>
<token t_id="10" sentence="1" number="4">officials</token>
<token t_id="11" sentence="1" number="5">say</token>
<token t_id="12" sentence="1" number="6">.</token>
<Markables><ACTION_OCCURRENCE m_id="1"><token_anchor t_id="7"/></ACTION_OCCURRENCE></Markables>
<Relations/><Unknown/>
</Document>"""

SAMPLE_ECB = """<Document doc_name="4_1ecb.xml">
<token t_id="1" sentence="0" number="0">``</token>
<token t_id="2" sentence="0" number="1">We</token>
<token t_id="3" sentence="0" number="2">do</token>
<token t_id="4" sentence="0" number="3">n't</token>
<token t_id="5" sentence="0" number="4">know</token>
<token t_id="6" sentence="0" number="5">(</token>
<token t_id="7" sentence="0" number="6">yet</token>
<token t_id="8" sentence="0" number="7">)</token>
<token t_id="9" sentence="0" number="8">''</token>
</Document>"""


def test_dedup_eval_reader_takes_url_out_and_dates_it() -> None:
    doc = parse_document(SAMPLE_PLUS, "4_2ecbplus.xml")
    assert doc.topic == "4" and doc.subtopic == "ecbplus" and doc.gold_cluster == "4/ecbplus"
    assert doc.url.startswith("http://news.example.org")
    assert doc.published == date(2019, 3, 7)
    assert doc.text == "River floods town, officials say."


def test_dedup_eval_reader_joins_tokens_with_usual_spacing() -> None:
    doc = parse_document(SAMPLE_ECB, "4_1ecb.xml")
    assert doc.subtopic == "ecb" and doc.url == "" and doc.published is None
    assert doc.text == '"We don\'t know (yet)"'
    assert join_tokens(["a", ",", "b", "'s"]) == "a, b's"


def test_dedup_eval_url_dates() -> None:
    assert url_date("http://x.org/2013/may/03/local/a") == date(2013, 5, 3)
    assert url_date("http://x.org/la-me-0504-rehab-20130504") == date(2013, 5, 4)
    assert url_date("http://x.org/story/4ebd2f5d6.html") is None
    assert url_date("http://x.org/2013/13/45/") is None


def test_dedup_eval_reader_skips_bad_files_with_reasons(tmp_path: Path) -> None:
    t = tmp_path / "4"
    t.mkdir()
    (t / "4_2ecbplus.xml").write_text(SAMPLE_PLUS, encoding="utf-8")
    (t / "4_1ecb.xml").write_text(SAMPLE_ECB, encoding="utf-8")
    (t / "4_3ecb.xml").write_text("<Document><token", encoding="utf-8")
    (t / "4_4ecb.xml").write_text("<Document></Document>", encoding="utf-8")
    (t / "notes.xml").write_text("<x/>", encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert [d.name for d in corpus.documents] == ["4_1ecb.xml", "4_2ecbplus.xml"]
    assert corpus.skipped == {"malformed XML": 1, "no tokens": 1,
                              "not an ECB+ document file name": 1}


def test_dedup_eval_b_cubed_and_pairwise() -> None:
    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    assert b_cubed({"a": 0, "b": 0, "c": 1, "d": 1}, gold) == (1.0, 1.0, 1.0)
    p, r, f = b_cubed({"a": 0, "b": 0, "c": 0, "d": 0}, gold)
    assert (p, r) == (0.5, 1.0) and abs(f - 2 / 3) < 1e-9
    assert pairwise({"a": 0, "b": 1, "c": 2, "d": 3}, gold) == (0.0, 0.0, 0.0)
    assert pairwise({"a": 0, "b": 0, "c": 0, "d": 1}, gold)[0] == pytest.approx(1 / 3)


FLOOD = ["The river burst its banks and flooded Millbrook on Tuesday, officials said. "
         "Hundreds of homes in Millbrook were evacuated as the river rose.",
         "Floodwater from the river swamped Millbrook; officials evacuated hundreds of homes "
         "after the river burst its banks on Tuesday.",
         "Millbrook residents returned after the river flood; officials said the banks burst "
         "on Tuesday and hundreds of homes were evacuated."]
MERGER = ["Acme Corp agreed to buy Zenith Labs for 2 billion dollars, the companies announced. "
          "The Acme deal for Zenith is expected to close next year.",
          "Zenith Labs will be bought by Acme Corp in a 2 billion dollar deal, the companies "
          "said; the Acme purchase of Zenith closes next year.",
          "Acme Corp's 2 billion dollar takeover of Zenith Labs was announced by the companies; "
          "the Zenith deal should close next year."]


def test_dedup_docs_two_events_two_clusters_in_any_order() -> None:
    docs = [DocFeatures(f"f{i}", t) for i, t in enumerate(FLOOD)] + \
           [DocFeatures(f"m{i}", t) for i, t in enumerate(MERGER)]
    got = cluster_documents(docs)
    assert len({got[f"f{i}"] for i in range(3)}) == 1
    assert len({got[f"m{i}"] for i in range(3)}) == 1
    assert got["f0"] != got["m0"]
    shuffled = list(docs)
    random.Random(3).shuffle(shuffled)
    again = cluster_documents(shuffled)
    assert {k: again[k] == again["f0"] for k in again} == {k: got[k] == got["f0"] for k in got}


def test_dedup_docs_no_documents_no_clusters() -> None:
    from eventscribe.dedup_docs import tfidf_baseline

    assert cluster_documents([]) == {} and tfidf_baseline([]) == {}
    assert cluster_documents([DocFeatures("a", "")]) == {"a": 0}


def test_dedup_docs_fragments_join_their_nearest_large_cluster() -> None:
    import numpy as np

    sim = np.array([[1, .9, .9, .9, .2, .01],
                    [.9, 1, .9, .9, .2, .01],
                    [.9, .9, 1, .9, .1, .01],
                    [.9, .9, .9, 1, .1, .01],
                    [.2, .2, .1, .1, 1, .01],
                    [.01, .01, .01, .01, .01, 1]])
    labels = attach_fragments(sim, [0, 0, 0, 0, 1, 2], max_size=1, threshold=0.08)
    assert labels[4] == labels[0] and labels[5] != labels[0]


SAMPLE_MENTIONS = """<Document doc_name="4_3ecb.xml">
<token t_id="1" sentence="0" number="0">Troops</token>
<token t_id="2" sentence="0" number="1">stormed</token>
<token t_id="3" sentence="0" number="2">the</token>
<token t_id="4" sentence="0" number="3">camp</token>
<token t_id="5" sentence="1" number="0">The</token>
<token t_id="6" sentence="1" number="1">raid</token>
<token t_id="7" sentence="1" number="2">ended</token>
<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="6"/></ACTION_OCCURRENCE>
<NEG_ACTION_OCCURRENCE m_id="3"><token_anchor t_id="7"/></NEG_ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="4"><token_anchor t_id="1"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="9" instance_id="ACT1"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT1"><source m_id="1"/><source m_id="2"/><target m_id="9"/>
</CROSS_DOC_COREF>
</Relations>
</Document>"""


def test_dedup_eval_reader_gold_action_mentions_and_clusters(tmp_path: Path) -> None:
    from eventscribe.evaluation.ecbplus_format import read_sentence_index

    doc = parse_document(SAMPLE_MENTIONS, "4_3ecb.xml")
    got = {(m.m_id, m.sentence, m.words, m.cluster) for m in doc.mentions}
    assert got == {("1", 0, ("stormed",), "ACT1"), ("2", 1, ("raid",), "ACT1"),
                   ("3", 1, ("ended",), "4_3ecb.xml#3")}
    csv = tmp_path / "ECBplus_coreference_sentences.csv"
    csv.write_text("Topic,File,Sentence Number\n4,3ecb,1\nbad,row\n4,3ecb,x\n", encoding="utf-8")
    assert read_sentence_index(csv) == {("4_3ecb.xml", 1)}


def test_dedup_eval_conll_metrics_on_a_worked_example() -> None:
    from eventscribe.evaluation.dedup_conll import b3, ceaf_e, conll, muc

    key = [{"a", "b", "c"}, {"d"}]
    response = [{"a", "b"}, {"c", "d"}]
    assert muc(key, response) == (0.5, 0.5, 0.5)
    p, r, _ = b3(key, response)
    assert p == pytest.approx(0.75) and r == pytest.approx(2 / 3)
    assert ceaf_e(key, response)[2] == pytest.approx((0.8 + 2 / 3) / 2)
    perfect = conll({"a": "x", "b": "x", "c": "y"}, {"a": "1", "b": "1", "c": "2"})
    assert perfect["conll_f1"] == pytest.approx(1.0)


def test_dedup_eval_same_stem_heads() -> None:
    from eventscribe.evaluation.dedup_conll import head_stem, stem

    assert stem("killed") == stem("kills") == stem("killing") == "kill"
    assert stem("stopped") == "stop" and stem("carried") == "carry"
    assert head_stem(("was", "arrested")) == stem("arrest")
