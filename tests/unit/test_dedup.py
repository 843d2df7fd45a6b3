"""Unit tests for dedup.py: blocking, scoring, clustering, properties (no model loads)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscribe.dedup import (
    EventRecord,
    are_candidates,
    candidate_pairs,
    cluster,
    cluster_id,
    dedup,
    record_from_dict,
    score_pair,
    term_weights,
    type_family,
)
from tests.unit.dedup_helpers import Spec, report_dict

pytestmark = pytest.mark.unit


def groups(specs: list[Spec]) -> list[list[int]]:
    """Clusters as lists of spec indexes."""
    evs = [report_dict(s, i) for i, s in enumerate(specs)]
    index = {e["id"]: i for i, e in enumerate(evs)}
    return sorted(sorted(index[x] for x in c) for c in dedup(evs).clusters)


def test_dedup_two_reports_of_one_attack_merge_with_reason() -> None:
    a = report_dict(Spec("Daily Sun", killed=12), 0)
    b = report_dict(Spec("Punch", killed=12, words="attacked the village overnight"), 1)
    result = dedup([a, b])
    assert len(result.clusters) == 1
    (link,) = result.links
    assert "same place (Kauru)" in link.reason and "both say 12 killed" in link.reason
    assert "same day (2024-05-01)" in link.reason


def test_dedup_two_shootings_in_one_town_a_fortnight_apart_kept_apart() -> None:
    assert groups([Spec("A", day=1), Spec("B", day=15)]) == [[0], [1]]


def test_dedup_towns_far_apart_in_other_provinces_vetoed() -> None:
    m = score_pair(record_from_dict(report_dict(Spec("A", place="kauru"), 0)),
                   record_from_dict(report_dict(Spec("B", place="kano"), 1)))
    assert not m.mergeable and m.veto is not None and "provinces" in m.veto


def test_dedup_text_alone_never_merges() -> None:
    specs = [Spec("A", place=None, day=None), Spec("B", place=None, day=None)]
    evs = [report_dict(s, i) for i, s in enumerate(specs)]
    m = score_pair(record_from_dict(evs[0]), record_from_dict(evs[1]))
    assert m.score >= 3.0  # identical wording
    assert not m.mergeable
    assert len(dedup(evs).clusters) == 2


def test_dedup_report_without_place_merges_on_date_and_actors_at_lower_confidence() -> None:
    specs = [Spec("A", killed=7), Spec("B", place=None, killed=7)]
    evs = [report_dict(s, i) for i, s in enumerate(specs)]
    result = dedup(evs)
    assert len(result.clusters) == 1
    assert result.links[0].reason.startswith("lower confidence")


def test_dedup_events_of_one_report_never_merge() -> None:
    a = report_dict(Spec("A"), 0)
    b = dict(a, id="ev_other")
    assert score_pair(record_from_dict(a), record_from_dict(b)).veto == "two events of one report"


def test_dedup_country_level_report_meets_town_level_report() -> None:
    a, b = report_dict(Spec("A", killed=4), 0), report_dict(Spec("B", place="nigeria",
                                                                    killed=4), 1)
    ra, rb = record_from_dict(a), record_from_dict(b)
    assert are_candidates(ra, rb)
    assert len(dedup([a, b]).clusters) == 1


def test_dedup_different_families_are_not_candidates() -> None:
    ra = record_from_dict(report_dict(Spec("A", kind="attack"), 0))
    rb = record_from_dict(report_dict(Spec("B", kind="protest"), 1))
    assert not are_candidates(ra, rb)
    assert type_family("Riots", "Mob violence") == "violence"
    assert type_family("Protests", "Peaceful protest") == "protest"


def test_dedup_manual_split_and_merge_are_respected() -> None:
    evs = [report_dict(Spec("A", killed=3), 0), report_dict(Spec("B", killed=3), 1),
           report_dict(Spec("C", day=20), 2)]
    ids = [e["id"] for e in evs]
    recs = [record_from_dict(e) for e in evs]
    assert len(cluster(recs).clusters) == 2
    split = cluster(recs, cannot_link=[(ids[0], ids[1])])
    assert len(split.clusters) == 3
    joined = cluster(recs, must_link=[(ids[0], ids[2])])
    # the hand-made merge holds; B's date veto against C now keeps B out of A's cluster
    assert tuple(sorted((ids[0], ids[2]))) in joined.clusters and len(joined.clusters) == 2
    assert any(lk.by == "manual" for lk in joined.links)
    clash = cluster(recs, must_link=[(ids[0], ids[1])], cannot_link=[(ids[0], ids[1])])
    assert clash.conflicts and len(clash.clusters) == 3


def test_dedup_term_weights_are_unit_length_and_drop_stopwords() -> None:
    w = dict(term_weights(["The gunmen attacked the village", "gunmen fled"]))
    assert "the" not in w and "gunmen" in w
    assert abs(sum(v * v for v in w.values()) - 1.0) < 1e-9
    assert w["gunmen"] > w["village"]


def test_dedup_cluster_id_is_smallest_member() -> None:
    assert cluster_id(["ev_b", "ev_a"]) == "mev_a"


# ---- properties -------------------------------------------------------------------------

spec_st = st.builds(
    Spec,
    outlet=st.sampled_from(["A", "B", "C", "D"]),
    kind=st.sampled_from(["attack", "clash", "protest"]),
    place=st.sampled_from(["kauru", "zaria", "kaduna_state", "nigeria", None]),
    day=st.one_of(st.none(), st.integers(1, 12)),
    span_days=st.sampled_from([0, 0, 1, 6]),
    killed=st.one_of(st.none(), st.sampled_from([2, 3, 12, 40])),
    actor=st.sampled_from(["gunmen", "soldiers", "police"]),
    words=st.sampled_from(["attacked the village at night", "stormed the market",
                           "attacked the market at dawn"]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(spec_st, min_size=2, max_size=9), st.randoms(use_true_random=False))
def test_dedup_order_independent_and_idempotent(specs: list[Spec], rnd: random.Random) -> None:
    evs = [report_dict(s, i) for i, s in enumerate(specs)]
    base = dedup(evs)
    shuffled = list(evs)
    rnd.shuffle(shuffled)
    again = dedup(shuffled)
    assert again.clusters == base.clusters
    assert again.links == base.links
    # idempotent: deduplicating the same reports again (even twice over) changes nothing
    assert dedup(evs + shuffled).clusters == base.clusters


@settings(max_examples=40, deadline=None)
@given(st.lists(spec_st, min_size=2, max_size=8))
def test_dedup_candidate_pairs_match_the_pairwise_predicate(specs: list[Spec]) -> None:
    recs = [record_from_dict(report_dict(s, i)) for i, s in enumerate(specs)]
    got = set(candidate_pairs(recs))
    want = {(i, j) for i in range(len(recs)) for j in range(i + 1, len(recs))
            if are_candidates(recs[i], recs[j])}
    assert got == want


@settings(max_examples=40, deadline=None)
@given(st.lists(spec_st, min_size=2, max_size=8))
def test_dedup_every_mergeable_pair_is_a_candidate(specs: list[Spec]) -> None:
    recs = [record_from_dict(report_dict(s, i)) for i, s in enumerate(specs)]
    for i, a in enumerate(recs):
        for b in recs[i + 1:]:
            if score_pair(a, b).mergeable:
                assert are_candidates(a, b), (a, b)


_WORDS = ("boko", "haram", "police", "army", "gunmen", "unidentified", "security", "forces")


def _named(i: int, words: frozenset[str], placed: bool) -> EventRecord:
    day = 738_000
    place = ({"country": "NG", "admin1": "Kaduna", "admin2": "Kauru", "geonameid": 1,
              "place_precision": 1, "lat": 10.6, "lon": 8.2} if placed else {})
    return EventRecord(id=f"ev_{i}", doc_id=f"d{i}", family="violence",
                       event_type="Violence against civilians", sub_type="Attack",
                       start=day, end=day, names=words, **place)  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.frozensets(st.sampled_from(_WORDS), max_size=6),
       st.frozensets(st.sampled_from(_WORDS), max_size=6),
       st.sampled_from([(False, False), (False, True), (True, False)]))
def test_dedup_placeless_pairs_with_name_jaccard_half_are_candidates(
        x: frozenset[str], y: frozenset[str], placed: tuple[bool, bool]) -> None:
    a, b = _named(0, x, placed[0]), _named(1, y, placed[1])
    if x and y and 2 * len(x & y) >= len(x | y):
        assert are_candidates(a, b), (x, y, placed)


def test_dedup_placeless_records_sharing_one_actor_word_of_many_do_not_meet() -> None:
    a = _named(0, frozenset({"boko", "haram", "police"}), False)
    b = _named(1, frozenset({"police", "security", "forces"}), True)
    assert not are_candidates(a, b)
    c = _named(2, frozenset({"boko", "haram", "army"}), True)
    assert are_candidates(a, c)
