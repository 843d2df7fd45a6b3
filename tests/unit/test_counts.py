"""Counts stage: table-driven sentences, rules, and an evidence property."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscribe.model import AnnotatedDoc, Doc, Source, Span
from eventscribe.stages.counts import CEILING, CountExtractor
from eventscribe.stages.numbers import number_in_text

pytestmark = pytest.mark.unit

DATA = Path(__file__).resolve().parents[1] / "data" / "count_sentences.jsonl"
CASES: list[dict[str, Any]] = [json.loads(x) for x in DATA.read_text("utf-8").splitlines() if x]
STAGE = CountExtractor()


def run(text: str, outlet: str = "Example Wire", sentences: tuple[Span, ...] = ()) -> AnnotatedDoc:
    doc = Doc.from_text(text, Source(outlet=outlet))
    return STAGE(AnnotatedDoc(doc=doc, sentences=sentences))


def as_rows(adoc: AnnotatedDoc) -> list[dict[str, Any]]:
    return [
        {
            "kind": c.kind,
            "value": c.value,
            "qualifier": c.qualifier,
            "high": c.high,
            "attributed_to": c.attributed_to,
            "group": c.group,
            "evidence": c.evidence[0].text,
        }
        for c in adoc.claims
    ]


def test_counts_data_file_is_large_and_varied():
    assert len(CASES) >= 60
    kinds = {c["kind"] for case in CASES for c in case["claims"]}
    assert kinds == {"killed", "injured", "arrested", "abducted"}
    assert sum(1 for case in CASES if not case["claims"]) >= 8  # negatives too


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_counts_sentence_table(case: dict[str, Any]):
    adoc = run(case["text"])
    assert as_rows(adoc) == case["claims"]
    assert len(adoc.notes) == case.get("rejected", 0)
    for c in adoc.claims:
        for sp in c.evidence:
            assert sp.verify(adoc.text)


def test_counts_stage_contract():
    assert CountExtractor.name == "counts.rules.v1"
    assert CountExtractor.requires == ("sentences", "entities")
    assert CountExtractor.provides == ("claims",)
    out = run("Nothing happened here.")
    assert "claims" in out.provided and out.claims == ()


def test_counts_ellipsis_keeps_kinds_apart():
    adoc = run("The raid left 4 guards being shot and 9 tourists being kidnapped near Aswan.")
    rows = [(c.kind, c.value, c.evidence[0].text) for c in adoc.claims]
    assert ("abducted", 9, "9 tourists being kidnapped") in rows
    assert all(k != "killed" for k, _, _ in rows)


def test_counts_never_mix_kinds_in_one_clause():
    adoc = run("The militia attack killing 6 and wounding 15 shocked Bunia.")
    assert [(c.kind, c.value) for c in adoc.claims] == [("killed", 6), ("injured", 15)]


def test_counts_per_group_parts_share_the_clause():
    adoc = run("Four police officers and 9 protesters were injured in Santiago.")
    a, b = adoc.claims
    assert (a.group, b.group) == ("police officers", "protesters")
    assert a.evidence[1] == b.evidence[1]
    assert a.provenance.reason.startswith("part:") and b.provenance.reason.startswith("part:")


def test_counts_subset_is_tagged():
    adoc = run("The cyclone killed 31 people, including 12 children, in Beira.")
    total, part = adoc.claims
    assert (total.value, total.group) == (31, None)
    assert (part.value, part.group) == (12, "children")
    assert part.provenance.reason.startswith("subset:")


def test_counts_toll_update_is_tagged():
    adoc = run("The death toll from the quake in Herat has risen to 1,053, officials said.")
    (c,) = adoc.claims
    assert (c.kind, c.value) == ("killed", 1053)
    assert c.provenance.reason.startswith("update:")


def test_counts_absurd_number_is_a_note_not_a_claim():
    adoc = run("Officials claimed 20000000 people were killed in the county.")
    assert adoc.claims == ()
    assert len(adoc.notes) == 1 and adoc.notes[0].startswith("E010 absurd number rejected")
    assert "20000000" in adoc.notes[0]


def test_counts_ceiling_is_inclusive():
    adoc = run(f"Some {CEILING:,} people were displaced and {CEILING:,} were detained.")
    assert [c.value for c in adoc.claims] == [CEILING]


@pytest.mark.parametrize(
    "text",
    [
        "A 45-year-old teacher spoke at the rally in Harare.",
        "The 3-day curfew was lifted in Dhaka on 12 March.",
        "Talks under Resolution 1701 continued in 2006.",
        "The convoy took Highway 7 and arrived at 14:30.",
        "Prices rose 12% and the police budget grew by $40 million.",
        "He finished 2nd in the 2019 race and was one of the favourites.",
        "Call +44 20 7946 0958 to speak to the embassy.",
        "A 40-day mourning period began for the victims.",
    ],
)
def test_counts_not_counts(text: str):
    assert run(text).claims == ()


def test_counts_uses_given_sentences_and_prefilter():
    text = "Calm returned to Goma. Rebels killed 8 soldiers. Shops reopened."
    sents = (Span.of(text, 0, 22), Span.of(text, 23, 48), Span.of(text, 49, len(text)))
    adoc = run(text, sentences=sents)
    (c,) = adoc.claims
    assert c.evidence[0].text == "killed 8 soldiers"
    assert sents[1].contains(c.evidence[0])


def test_counts_claims_sorted_by_position():
    text = "Police arrested 7 students. Earlier, gunmen had kidnapped 3 nurses in Zaria."
    adoc = run(text)
    starts = [c.evidence[0].start for c in adoc.claims]
    assert starts == sorted(starts) and len(starts) == 2


# --- property: every figure in a claim is written in its evidence ---------------------------

NUMBERS = st.sampled_from(
    ["3", "12", "1,200", "forty", "twenty-one", "two hundred", "a dozen", "dozens", "hundreds",
     "several", "at least 9", "more than 40", "about 70", "between 5 and 8", "up to 30"]
)
GROUPS = st.sampled_from(["", " people", " soldiers", " villagers", " migrant workers"])
TEMPLATES = st.sampled_from(
    ["Gunmen killed {n}{g} in Maiduguri.", "{N}{g} were wounded in the blast in Quetta.",
     "Police detained {n}{g} in Caracas, witnesses said.", "{N}{g} were abducted near Kidal.",
     "The clashes left {n}{g} dead in Tripoli.", "Troops arrested {n}{g} and killed {n}{g}."]
)


@settings(max_examples=60, deadline=None)
@given(TEMPLATES, NUMBERS, GROUPS)
def test_counts_property_figures_appear_in_evidence(template: str, n: str, g: str):
    text = template.format(n=n, N=n[0].upper() + n[1:], g=g)
    adoc = run(text)
    assert adoc.claims, text
    for c in adoc.claims:
        ev = c.evidence[0]
        assert ev.verify(text)
        assert number_in_text(c.value, ev.text), (c, text)
        if c.high is not None:
            assert number_in_text(c.high, ev.text)
            assert c.qualifier == "range"


def test_counts_example_article_if_available():
    shared = Path(__file__).resolve().parents[3] / "shared"
    path = shared / "examples" / "camp-ashraf-anniversary.txt"
    if not path.exists():
        pytest.skip("shared example article not available")
    adoc = run(path.read_text("utf-8"), outlet="example outlet")
    rows = {(c.kind, c.value, c.qualifier, c.attributed_to) for c in adoc.claims}
    assert ("killed", 9, "at_least", "Amnesty International") in rows
    assert ("killed", 11, "exact", "example outlet") in rows


@pytest.mark.parametrize("text,kind,value", [
    ("Gunmen kill 20 villagers in the north", "killed", 20),
    ("Bomb kills 5 at a market", "killed", 5),
    ("20 militants killed in airstrikes", "killed", 20),
    ("Death toll rises to 30 after blast", "killed", 30),
    ("Clashes leave 12 dead in the capital", "killed", 12),
    ("Landslide claims 20 lives", "killed", 20),
    ("Four dead, 56 wounded in shopping blast", "injured", 56),
])
def test_counts_headline_style(text: str, kind: str, value: int):
    rows = as_rows(run(text))
    assert any(r["kind"] == kind and r["value"] == value for r in rows), rows
