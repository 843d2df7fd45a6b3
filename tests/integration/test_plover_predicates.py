"""The PLOVER evaluator's parse of a sentence: predicate phrase, modality, actor and recipient
(sentences written for this test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventscribe.evaluation.plover_eval import parse_predicates

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def preds() -> dict[str, object]:
    texts = {
        "demand": "The dockers' union demanded that the government withdraw the new port law.",
        "reported_must": "The envoy said the militias must leave the city before the talks.",
        "pronoun": "Norway said it will give Ghana a loan of two million dollars.",
        "passive": "A convoy of refugees was attacked by gunmen near the border on Monday.",
        "thing": "The ministry suspended the delivery of fuel on Friday.",
        "inside": "The council rejected the Italian proposal for a new bridge.",
    }
    return dict(zip(texts, parse_predicates(list(texts.values())), strict=True))


def test_plover_predicates_complement_subject_is_the_recipient(preds: dict[str, object]) -> None:
    p = preds["demand"]
    assert p.source == "dockers ' union" or "union" in (p.source or "")
    assert p.target == "government"


def test_plover_predicates_reported_obligation_is_a_demand_of_the_reporter(
        preds: dict[str, object]) -> None:
    p = preds["reported_must"]
    assert p.modality == "must"
    assert p.source == "envoy" and p.target == "militias"


def test_plover_predicates_pronoun_subject_resolves_to_reporter(preds: dict[str, object]) -> None:
    p = preds["pronoun"]
    assert p.modality == "will" and p.source == "Norway" and p.target == "Ghana"


def test_plover_predicates_passive_agent_acts_on_the_subject(preds: dict[str, object]) -> None:
    p = preds["passive"]
    assert (p.source or "").startswith("gunmen") and p.target == "refugees"


def test_plover_predicates_no_recipient_for_a_thing(preds: dict[str, object]) -> None:
    assert preds["thing"].target is None
    assert preds["inside"].target == "Italian"


@pytest.mark.parametrize("typer", ["fast", "strong"])
def test_plover_predicates_cli_reads_any_path_and_empty_sets(tmp_path: Path, typer: str) -> None:
    """The plover-gsr evaluator runs the shipped models on a written sample (bad records are
    counted, not fatal) and on a file with no records."""
    import json

    from click.testing import CliRunner

    from eventscribe.evaluation.types import command

    sample = [
        {"event": "DOCUMENT", "text": "header"},
        {"id": "1", "event": "PROTEST", "mode": "demo-org", "source": [{"actorText": "nurses"}],
         "text": "Thousands of nurses marched in the capital to demand higher pay."},
        {"id": "2", "event": "ASSAULT", "text": ""},
        {"id": "3", "event": "FIGHT", "dead": "4",
         "text": "Artillery shelled the rebel positions overnight, killing 4 fighters."},
    ]
    path = tmp_path / "mini.json"
    path.write_text(json.dumps(sample), encoding="utf-8")
    empty = tmp_path / "empty.json"
    empty.write_text(json.dumps(sample[:1]), encoding="utf-8")
    for p, n in ((path, 2), (empty, 0)):
        res = CliRunner().invoke(command, [str(p), "--format", "plover-gsr", "--typer", typer,
                                           "--json"])
        assert res.exit_code == 0, res.output
        out = json.loads(res.output.strip().splitlines()[-1])
        assert out["n"] == n and out["typer"] == typer
        assert out["skipped"] == ({"no text": 1} if n else {})
