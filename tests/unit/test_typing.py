"""Unit tests for typing: features, the learned model, the CASE 2021 table and the gold readers.
All data here is written for these tests (no gold text)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from eventscribe.evaluation.case2021_format import Case2021Set, parse_lines, read_case2021
from eventscribe.evaluation.plover_format import PloverSet, cameo_to_plover, parse_records
from eventscribe.evaluation.types import label_scores, subset_indices
from eventscribe.resources.lexicon import event_classes
from eventscribe.stages import typing_model as tm
from eventscribe.stages.typing_features import (
    CUE_NAMES,
    Vocab,
    char_ngrams,
    cue_vector,
    signal_names,
    signal_vector,
    word_ngrams,
)
from eventscribe.stages.typing_rules import (
    NO_EVENT,
    case2021_label_of,
    case2021_labels,
    other_label,
    rules_case2021_label,
)

pytestmark = pytest.mark.unit


def _cue(text: str) -> dict[str, float]:
    return dict(zip(CUE_NAMES, cue_vector(text).tolist(), strict=True))


def test_typing_cues_tell_who_takes_territory() -> None:
    a = _cue("Government troops recaptured the village from the militants.")
    b = _cue("The rebels seized the town from the army.")
    assert a["state_takes"] > 0 and a["from_nonstate"] > 0 and a["nonstate_takes"] == 0
    assert b["nonstate_takes"] > 0 and b["from_state"] > 0 and b["state_takes"] == 0


def test_typing_cues_tell_protest_violence_from_force_on_protesters() -> None:
    a = _cue("Demonstrators threw stones at the police station.")
    b = _cue("Police opened fire on the demonstrators, and two protesters were killed.")
    assert a["crowd_violence"] > 0 and a["force_on_crowd"] == 0
    assert b["force_on_crowd"] > 0 and b["crowd_casualties"] > 0


def test_typing_ngrams_and_tfidf_rows_are_l2_normalised() -> None:
    assert word_ngrams("Air strikes hit") == ["air", "strikes", "hit", "air strikes", "strikes hit"]
    assert " ai" in char_ngrams("air") and "air " in char_ngrams("air")
    docs = [word_ngrams(t) for t in ("troops clashed", "troops marched", "rain fell")]
    v = Vocab.fit(docs, min_df=1, max_features=100)
    m = v.transform(docs).toarray()
    assert np.allclose(np.linalg.norm(m, axis=1), 1.0)
    assert v.transform([["unknown"]]).nnz == 0


def test_typing_signal_vector_without_pipeline_marks_no_event() -> None:
    v = signal_vector(None)
    assert v.shape == (len(signal_names()),)
    assert v[signal_names().index("no_event")] == 1.0 and v.sum() == 1.0


def _toy() -> tuple[tm.Inputs, list[str], list[tm.Example]]:
    texts = ["troops clashed with rebels near the town", "rebels fought soldiers in the hills",
             "students marched peacefully in the capital", "workers rallied outside parliament",
             "an earthquake destroyed homes", "floods swept away villages"] * 3
    y = ["ARMED_CLASH", "ARMED_CLASH", "PEACE_PROTEST", "PEACE_PROTEST",
         "NATURAL_DISASTER", "NATURAL_DISASTER"] * 3
    sig = np.zeros((len(texts), len(signal_names())), np.float32)
    ex = [tm.Example("ARMED_CLASH", "example", "soldiers and militants exchanged fire"),
          tm.Example("OTHER", "definition", "other events")]
    return tm.Inputs(texts, sig), y, ex


def test_typing_model_save_load_gives_the_same_predictions(tmp_path: Path) -> None:
    x, y, ex = _toy()
    m = tm.train(x, y, tm.TrainConfig(variant="fast", word_min_df=1, char_min_df=1), examples=ex)
    assert set(m.labels) == {"ARMED_CLASH", "PEACE_PROTEST", "NATURAL_DISASTER", "OTHER"}
    path = tmp_path / "m.npz"
    m.save(path)
    assert b"troops" not in path.read_bytes()  # no text in the file (n-grams are CRC32 keys)
    m2 = tm.TypeModel.load(path)
    probe = tm.Inputs(["rebels clashed with troops", "a flood hit the valley"],
                      np.zeros((2, len(signal_names())), np.float32))
    assert [p for p, _ in m.predict(probe)] == [p for p, _ in m2.predict(probe)]
    assert [p for p, _ in m2.predict(probe)] == ["ARMED_CLASH", "NATURAL_DISASTER"]
    assert np.allclose(m.predict_proba(probe), m2.predict_proba(probe), atol=1e-2)


def test_typing_model_load_errors_are_coded(tmp_path: Path) -> None:
    from eventscribe.errors import EventscribeError

    with pytest.raises(EventscribeError) as e:
        tm.TypeModel.load(tmp_path / "missing.npz")
    assert e.value.code == "E051"


def test_typing_cross_validation_never_trains_on_the_held_row(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    x, y, ex = _toy()
    seen: list[set[str]] = []
    real_train = tm.train

    def spy(xx, yy, cfg=None, examples=None, example_embeddings=None):  # type: ignore[no-untyped-def]
        seen.append(set(xx.texts))
        return real_train(xx, yy, cfg, examples, example_embeddings)

    monkeypatch.setattr(tm, "train", spy)
    # make every row unique so membership is checkable
    x = tm.Inputs([f"{t} row{i}" for i, t in enumerate(x.texts)], x.signals)
    folds = tm.fold_indices(y, 3, seed=0)
    preds = tm.cross_validate(x, y, folds=3, seed=0,
                              cfg=tm.TrainConfig(variant="fast", word_min_df=1, char_min_df=1),
                              examples=ex)
    assert len(preds) == len(y) and len(seen) == 3
    for held, trained in zip(folds, seen, strict=True):
        assert not {x.texts[i] for i in held} & trained
    assert sorted(i for f in folds for i in f) == list(range(len(y)))


def test_typing_case2021_table_covers_all_labels_and_classes() -> None:
    table = case2021_labels()
    assert len(table) == 30
    assert {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"} <= set(table)
    for name, ec in event_classes().items():
        lab = case2021_label_of(ec.type)
        assert lab in table, name
        assert table[lab].source == "pipeline", name
    for row in table.values():
        if row.type is not None:
            assert case2021_label_of(row.type) == row.label


def test_typing_other_detectors_and_honest_no_event() -> None:
    assert other_label("A magnitude 6 earthquake shook the coast.")[0] == "NATURAL_DISASTER"
    assert other_label("A bus collided with a truck on the highway.")[0] == "MAN_MADE_DISASTER"
    lab, why = other_label("The shops were open and the streets were quiet.")
    assert lab == NO_EVENT and "no event" in why
    clash = event_classes()["armed_clash"].type
    assert rules_case2021_label("Troops clashed with rebels.", [clash])[0] == "ARMED_CLASH"
    assert rules_case2021_label("The group claimed responsibility for the clash.",
                                [clash])[0] == "ATTRIB"


def test_typing_case2021_reader_splits_on_tabs_and_counts_bad_rows(tmp_path: Path) -> None:
    lines = ["id\tEventSnippet\tSubType", '1\tHe said "stop" twice\tDIPLO', "2\t\tARREST",
             "3\tno label here\t", "4", "", "5\tRiot police moved in\tprotest_with_inter"]
    out = Case2021Set()
    parse_lines(lines, out)
    assert [(s.id, s.text, s.label) for s in out.snippets] == [
        ("1", 'He said "stop" twice', "DIPLO"), ("5", "Riot police moved in", "PROTEST_WITH_INTER")]
    assert out.skipped == {"empty snippet": 1, "missing label": 1, "too few columns": 1}
    (tmp_path / "a.tsv").write_text("\n".join(lines), encoding="utf-8")
    assert len(read_case2021(tmp_path).snippets) == 2  # a folder works too


def test_typing_plover_reader_normalises_actor_shapes_and_counts() -> None:
    data = [
        {"event": "DOCUMENT", "text": "licence"},
        {"id": "a", "event": "ASSAULT", "text": "Gunmen killed two.", "mode": "",
         "source": [{"actorText": "Gunmen"}], "target": "villagers", "dead": "2"},
        {"id": "b", "event": "consult", "text": "Leaders met.", "source": ["A", "B"],
         "target": None, "injured": "n/a"},
        {"id": "c", "event": "AGREE"},
        "junk",
    ]
    out = PloverSet()
    parse_records(data, out)
    a, b = out.records
    assert (a.category, a.mode, a.sources, a.targets, a.dead) == (
        "ASSAULT", None, ("Gunmen",), ("villagers",), 2)
    assert (b.category, b.sources, b.targets, b.injured) == ("CONSULT", ("A", "B"), (), None)
    assert out.skipped == {"no text": 1, "record is not an object": 1}
    assert json.dumps(data)  # the inline sample stays JSON-serialisable


def test_typing_cameo_codes_map_to_plover_categories() -> None:
    assert cameo_to_plover("036") == "AGREE"
    assert cameo_to_plover("0841") == "RETREAT" and cameo_to_plover("081") == "CONCEDE"
    assert cameo_to_plover("190") == "FIGHT" and cameo_to_plover("111") == "DISAPPROVE"
    assert cameo_to_plover("010") is None


def test_typing_label_scores_weighted_and_macro() -> None:
    gold = ["A", "A", "B", "C"]
    pred = ["A", "B", "B", NO_EVENT]
    s = label_scores(gold, pred)
    assert s["accuracy"] == 0.5 and s["n"] == 4
    assert s["per_label"]["A"]["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert s["per_label"]["B"]["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert s["per_label"]["C"]["f1"] == 0.0
    assert s["weighted_f1"] == pytest.approx((2 / 3 * 2 + 2 / 3) / 4, abs=1e-4)
    assert s["macro_f1"] == pytest.approx((2 / 3 + 2 / 3) / 3, abs=1e-4)


def test_typing_subset_is_deterministic_and_proper() -> None:
    ids = [str(i) for i in range(300)]
    a, b = subset_indices(ids, 3), subset_indices(ids, 3)
    assert a == b and 50 < len(a) < 150
    assert subset_indices(ids, 1) == list(range(300))


def test_typing_cross_validation_refuses_too_few_records() -> None:
    from eventscribe.errors import EventscribeError

    x, y, ex = _toy()
    with pytest.raises(EventscribeError) as e:
        tm.cross_validate(x.subset([0, 2, 4]), [y[0], y[2], y[4]], folds=5, examples=ex,
                          cfg=tm.TrainConfig(variant="fast"))
    assert e.value.code == "E053"
