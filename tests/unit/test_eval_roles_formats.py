"""WikiEvents and RAMS readers and the roles scoring, on tiny samples written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventscribe.evaluation.rams_format import read_rams, role_name
from eventscribe.evaluation.roles import (
    Predictions,
    Tally,
    counted_noun,
    gold_family,
    gold_items,
    gold_role,
    head_word,
    score_doc,
)
from eventscribe.evaluation.wikievents_format import read_wikievents

pytestmark = pytest.mark.unit


def _wiki_record() -> dict[str, object]:
    # two sentences; the offsets count a one-character separator the sentence texts leave out
    s1 = [["Gunmen", 0, 6], ["attacked", 7, 15], ["a", 16, 17], ["bus", 18, 21], ["in", 22, 24],
          ["Gao", 25, 28], [".", 28, 29]]
    s2 = [["Two", 30, 33], ["passengers", 34, 44], ["died", 45, 49], [".", 49, 50]]
    return {
        "doc_id": "doc1",
        "text": "ignored",
        "sentences": [[s1, "Gunmen attacked a bus in Gao."], [s2, "Two passengers died."]],
        "entity_mentions": [
            {"id": "T1", "start": 0, "end": 1}, {"id": "T2", "start": 3, "end": 4},
            {"id": "T3", "start": 5, "end": 6}, {"id": "T4", "start": 7, "end": 9},
        ],
        "event_mentions": [
            {"event_type": "Conflict.Attack.Unspecified", "trigger": {"start": 1, "end": 2},
             "arguments": [{"entity_id": "T1", "role": "Attacker"},
                           {"entity_id": "T2", "role": "Target"},
                           {"entity_id": "T3", "role": "Place"},
                           {"entity_id": "T9", "role": "Place"}]},
            {"event_type": "Life.Die.Unspecified", "trigger": {"start": 9, "end": 10},
             "arguments": [{"entity_id": "T4", "role": "Victim"}]},
            {"event_type": "Contact.Meet.Unspecified", "trigger": {"start": 0, "end": 1},
             "arguments": []},
        ],
        "unknown_key": 1,
    }


def test_wikievents_reader_rebuilds_text_and_offsets(tmp_path: Path) -> None:
    f = tmp_path / "dev.jsonl"
    f.write_text(json.dumps(_wiki_record()) + "\nnot json\n{\"doc_id\": 3}\n", "utf-8")
    rr = read_wikievents(f)
    assert len(rr.docs) == 1
    assert rr.skipped == {"invalid JSON line": 1, "record without sentences": 1,
                          "argument with an unknown entity or no role (left out)": 1}
    doc = rr.docs[0]
    assert doc.text == "Gunmen attacked a bus in Gao.\nTwo passengers died."
    attack, die, _ = doc.events
    assert doc.text[attack.trigger_start : attack.trigger_end] == "attacked"
    assert [doc.text[a.start : a.end] for a in attack.args] == ["Gunmen", "bus", "Gao"]
    assert doc.text[die.args[0].start : die.args[0].end] == "Two passengers"


def test_wikievents_reader_reads_coref_beside_the_file(tmp_path: Path) -> None:
    (tmp_path / "coref").mkdir()
    (tmp_path / "dev.jsonl").write_text(json.dumps(_wiki_record()) + "\n", "utf-8")
    (tmp_path / "coref" / "dev.jsonlines").write_text(
        json.dumps({"doc_key": "doc1", "clusters": [["T2", "T4"]]}) + "\n", "utf-8")
    doc = read_wikievents(tmp_path).docs[0]  # a folder works too
    target = doc.events[0].args[1]
    assert [doc.text[s:e] for s, e in target.coref] == ["Two passengers"]


def test_rams_reader_spans_and_roles(tmp_path: Path) -> None:
    rec = {
        "doc_key": "ex1",
        "sentences": [["Rebels", "shelled", "Aleppo", "."], ["Five", "died", "."]],
        "evt_triggers": [[1, 1, [["conflict.attack.n/a", 1.0]]]],
        "gold_evt_links": [[[1, 1], [0, 0], "evt001arg01attacker"],
                           [[1, 1], [2, 2], "evt001arg04place"],
                           [[1, 1], [40, 41], "evt001arg02target"]],
    }
    bad = {"doc_key": "ex2", "sentences": [], "evt_triggers": []}
    f = tmp_path / "dev.jsonlines"
    f.write_text(json.dumps(rec) + "\n" + json.dumps(bad) + "\n[1]\n", "utf-8")
    rr = read_rams(f)
    assert len(rr.docs) == 1 and rr.skipped == {
        "malformed sentences": 1, "record is not an object": 1,
        "argument link with bad offsets (left out)": 1}
    doc = rr.docs[0]
    assert doc.text == "Rebels shelled Aleppo .\nFive died ."
    (ev,) = doc.events
    assert ev.type == "conflict.attack.n/a"
    assert [(a.role, doc.text[a.start : a.end]) for a in ev.args] == [
        ("attacker", "Rebels"), ("place", "Aleppo")]  # the out-of-range link is dropped
    assert role_name("evt089arg01victim") == "victim"


def test_roles_type_and_role_mapping() -> None:
    assert gold_family("Conflict.Attack.DetonateExplode") == "violence"
    assert gold_family("life.die.deathcausedbyviolentevents") == "violence"
    assert gold_family("life.die.nonviolentdeath") is None
    assert gold_family("conflict.attack.stealrobhijack") is None
    assert gold_family("Justice.ArrestJailDetain.Unspecified") == "arrest"
    assert gold_family("Contact.Contact.Meet") is None
    assert gold_role("Killer") == "attacker" and gold_role("ExplosiveDevice") == "instrument"
    assert gold_role("Topic") is None


def test_roles_head_word_and_counted_noun() -> None:
    assert head_word("members of the Afghan security forces") == "members"
    assert head_word("the Taliban's fighters") == "fighters"
    assert head_word("Deir ez-Zor") == "ez-zor"
    assert head_word("  ") is None
    assert head_word("two soldiers instantly") == "soldiers"
    assert counted_noun("killing at least 12 people") == "people"
    assert counted_noun("11 were killed") == "11"


def test_roles_scoring_counts_matches_and_target_victim_are_interchangeable(
    tmp_path: Path,
) -> None:
    f = tmp_path / "dev.jsonl"
    f.write_text(json.dumps(_wiki_record()) + "\n", "utf-8")
    gold = gold_items(read_wikievents(f).docs[0])
    assert {(g[1], g[2]) for g in gold.args} == {
        ("attacker", "gunmen"), ("target", "bus"), ("place", "gao"), ("victim", "passengers")}
    pred = Predictions(
        triggers=[("violence", 7, 15), ("protest", 45, 49)],
        args={("violence", "attacker", "gunmen"), ("violence", "victim", "bus"),
              ("violence", "attacker", "gao")},
    )
    t = Tally()
    score_doc(gold, pred, t)
    assert (t.trig_tp, t.trig_pred, t.trig_gold) == (1, 2, 2)
    assert (t.arg_tp, t.arg_pred, t.arg_gold) == (2, 3, 4)
    r = t.result()
    assert r["per_role"]["target"]["recall"] == 1.0  # matched by the predicted victim
    assert r["per_role"]["place"]["recall"] == 0.0  # right head, wrong role: no match


def test_roles_counted_noun_stops_at_a_comma() -> None:
    assert counted_noun("eight women, a girl and four men injured") == "women"
    assert counted_noun("at least 5, officials said") == "5"
