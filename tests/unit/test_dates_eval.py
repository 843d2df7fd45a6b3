"""Unit tests for the date evaluators: TimeML and CAT XML readers, value comparison, scoring.

All samples are written here by hand (no gold text).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventscribe.evaluation.event_dates import gold_pairs
from eventscribe.evaluation.meantime_format import parse_cat
from eventscribe.evaluation.timeml_format import parse_day, parse_tml, tml_files
from eventscribe.evaluation.timex_values import (
    granularity,
    matches_at_gold_granularity,
    normalise_value,
    value_range,
)

pytestmark = pytest.mark.unit

TML = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>TEST0001</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2021-03-10" functionInDocument="CREATION_TIME">'
    "20210310</TIMEX3></DCT>\n<TEXT>\n"
    'Ferry crews <EVENT eid="e1" class="OCCURRENCE">struck</EVENT> on '
    '<TIMEX3 tid="t1" type="DATE" value="2021-03-09">Tuesday</TIMEX3> &amp; again in '
    '<TIMEX3 tid="t2" type="DATE" value="2020-12">December</TIMEX3>.\n'
    'Talks lasted <TIMEX3 tid="t3" type="DURATION" value="P3D">three days</TIMEX3>; '
    '<TIMEX3 tid="t4" type="DATE" value="PRESENT_REF">now</TIMEX3> '
    '<TIMEX3 type="DATE">odd</TIMEX3> they wait.\n</TEXT>\n'
    '<MAKEINSTANCE eiid="ei1" eventID="e1" tense="PAST"/>\n'
    '<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>\n'
    '<TLINK lid="l2" eventInstanceID="ei1"/>\n</TimeML>\n'
)


def test_timeml_format_reads_dct_text_offsets_and_links() -> None:
    doc = parse_tml(TML, "x.tml")
    assert doc.doc_id == "TEST0001" and doc.dct == date(2021, 3, 10)
    assert [t.tid for t in doc.timexes] == ["t1", "t2", "t3", "t4", ""]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
    assert doc.timexes[0].text == "Tuesday" and "&" in doc.text  # entity decoded
    assert doc.timexes[4].value == "" and any("without tid" in p for p in doc.problems)
    assert doc.events[0].text == "struck"
    links = [(lk.reltype, lk.source, lk.target) for lk in doc.tlinks]
    assert links == [("IS_INCLUDED", "e1", "t1")]
    assert any("incomplete TLINK" in p for p in doc.problems)


def test_timeml_format_survives_broken_markup() -> None:
    doc = parse_tml("<TimeML><TEXT>On <TIMEX3 tid='t1' type='DATE' value='2020'>2020</TIMEX3> "
                    "it <EVENT eid='e1'>rained</TEXT>", "bad.tml")
    assert doc.dct is None and "no usable DCT" in doc.problems
    assert doc.timexes[0].text == "2020" and any("unclosed" in p for p in doc.problems)
    empty = parse_tml("not xml at all", "e.tml")
    assert empty.text == "" and "no <TEXT> element" in empty.problems


def test_timeml_format_finds_files_recursively_and_skips_forks(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "one.tml").write_text(TML)
    (tmp_path / "a" / "._one.tml").write_text("junk")
    assert [p.name for p in tml_files(tmp_path)] == ["one.tml"]
    assert parse_day("19980108") == date(1998, 1, 8) and parse_day("1998-02-30") is None


CAT = """<?xml version="1.0" ?><Document doc_name="test_doc">
<token t_id="1" sentence="0" number="0">Plant</token>
<token t_id="2" sentence="0" number="1">closes</token>
<token t_id="3" sentence="1" number="2">May</token>
<token t_id="4" sentence="1" number="3">4</token>
<token t_id="5" sentence="1" number="4">,</token>
<token t_id="6" sentence="1" number="5">2010</token>
<token t_id="7" sentence="2" number="6">Workers</token>
<token t_id="8" sentence="2" number="7">left</token>
<token t_id="9" sentence="2" number="8">on</token>
<token t_id="10" sentence="2" number="9">Monday</token>
<token t_id="11" sentence="2" number="10">.</token>
<Markables>
<TIMEX3 m_id="20" type="DATE" value="2010-05-04" functionInDocument="CREATION_TIME">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 m_id="21" type="DATE" value="2010-05-03"><token_anchor t_id="10"/></TIMEX3>
<TIMEX3 m_id="22" type="DURATION" value="P1D"><token_anchor t_id="9"/></TIMEX3>
<EVENT_MENTION m_id="30" pred="leave"><token_anchor t_id="8"/></EVENT_MENTION>
<EVENT_MENTION m_id="31" pred="close"><token_anchor t_id="2"/></EVENT_MENTION>
<ENTITY m_id="40"/>
</Markables>
<Relations>
<TLINK r_id="1" reltype="IS_INCLUDED"><source m_id="30"/><target m_id="21"/></TLINK>
<TLINK r_id="2" reltype="INCLUDES"><source m_id="20"/><target m_id="31"/></TLINK>
<TLINK r_id="3" reltype="BEFORE"><source m_id="31"/><target m_id="21"/></TLINK>
<TLINK r_id="4" reltype="SIMULTANEOUS"><source m_id="30"/><target m_id="22"/></TLINK>
<TLINK r_id="5" reltype="SIMULTANEOUS"><source m_id="30"/></TLINK>
</Relations>
</Document>
"""


def test_meantime_format_rebuilds_text_and_spans() -> None:
    doc = parse_cat(CAT, "t.xml")
    assert doc.text == "Plant closes\nMay 4, 2010\nWorkers left on Monday."
    assert doc.dct == date(2010, 5, 4)
    assert doc.markables["21"].text == "Monday" and doc.markables["20"].text == "May 4, 2010"
    assert len(doc.sentences) == 3 and doc.text[slice(*doc.sentences[1])] == "May 4, 2010"
    assert any("without source or target" in p for p in doc.problems)


def test_meantime_format_pairs_events_with_dates_both_directions() -> None:
    pairs, skipped = gold_pairs(parse_cat(CAT, "t.xml"))
    assert [(e.text, t.attr("value")) for e, t in pairs] == [
        ("closes", "2010-05-04"), ("left", "2010-05-03")]
    assert skipped["linked timex is not a DATE"] == 1


def test_meantime_format_bad_xml_is_a_problem_not_a_crash() -> None:
    doc = parse_cat(b"<Document><token", "bad.xml")
    assert doc.text == "" and doc.problems and doc.problems[0].startswith("not well-formed")


@pytest.mark.parametrize(("value", "gran"), [
    ("1998-01-08", "day"), ("1998-01-08T18:30", "time"), ("1998-W02", "week"),
    ("1998-W02-WE", "weekend"), ("1998-01", "month"), ("1998-Q1", "quarter"),
    ("1998-H2", "half"), ("1998-SU", "season"), ("1998", "year"), ("199X", "decade"),
    ("19XX", "century"), ("PRESENT_REF", None), ("P3D", None), ("XXXX-03-22", None),
    ("1998-13", None), ("", None),
])
def test_timex_values_granularity(value: str, gran: str | None) -> None:
    assert granularity(value) == gran


@pytest.mark.parametrize(("pred", "gold", "right"), [
    ("2013-03-15", "2013-03", True),       # finer prediction, compared at the month
    ("2013-03", "2013-03-15", False),      # coarser never matches
    ("1998-01-08", "1998-W02", True),      # a day in that ISO week
    ("1998-02-10", "1998-Q1", True),
    ("1998-W01", "1998-01", True),         # week 1 of 1998 has its Thursday in January
    ("1998-01-08T18:00:00", "1998-01-08T18:00", True),
    ("1998-01-08TEV", "1998-01-08T18:00", False),
    ("2009-07-28/2009-07-29", "2009-07-28", True),
    ("1996", "199X", True), ("1889", "19", False), (None, "1998", False),
    ("PRESENT_REF", "1998", False),
])
def test_timex_values_match_at_gold_granularity(pred: str | None, gold: str, right: bool) -> None:
    assert matches_at_gold_granularity(pred, gold) is right


def test_timex_values_ranges() -> None:
    assert value_range("1998-W02") == (date(1998, 1, 5), date(1998, 1, 11), "week")
    assert value_range("1998-WI") == (date(1998, 12, 1), date(1999, 2, 28), "season")
    assert value_range("1998-Q4")[:2] == (date(1998, 10, 1), date(1998, 12, 31))  # type: ignore[index]
    assert value_range("1998-02-30") is None and value_range("P1D") is None
    assert normalise_value(" 1998-01-08t18:00:00 ") == "1998-01-08T18:00"


def test_eval_dates_cli_json_on_a_tiny_folder(tmp_path: Path) -> None:
    from eventscribe.cli.main import cli

    (tmp_path / "doc.tml").write_text(TML)
    (tmp_path / "empty.tml").write_text("<TimeML></TimeML>")
    runner = CliRunner()
    res = runner.invoke(cli, ["eval", "dates", str(tmp_path), "--gold-spans", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    # DATE/TIME spans: Tuesday, December, now, and the value-less one
    assert out["n_gold"] == 4 and out["n_excluded"] == 2
    assert out["value_accuracy"] == 1.0
    assert out["skipped"] == {"no <TEXT>": 1}
    assert {"value_accuracy", "timex_per_s", "n_excluded"} <= out["baseline"].keys()
    res = runner.invoke(cli, ["eval", "dates", str(tmp_path), "--json"])
    e2e = json.loads(res.stdout)
    assert e2e["protocol"] == "end-to-end" and e2e["n_gold_all_types"] == 5
    assert 0 < e2e["strict_f1"] <= e2e["relaxed_f1"] <= 1 and e2e["value_f1"] > 0


def test_eval_event_dates_cli_json(tmp_path: Path) -> None:
    from eventscribe.cli.main import cli

    (tmp_path / "a.xml").write_text(CAT)
    res = CliRunner().invoke(cli, ["eval", "event-dates", str(tmp_path), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["n"] == 2 and out["n_linked_to_dct"] == 1
    # "left on Monday" is dated by its own expression; "closes" falls back to the DCT week
    assert out["accuracy"] == 1.0 and out["n_governed"] == 1 and out["n_fallback"] == 1


def test_eval_dates_empty_timexes_are_skipped_not_scored(tmp_path: Path) -> None:
    from eventscribe.evaluation.dates import evaluate

    tml = TML.replace("</TEXT>", '<TIMEX3 tid="t9" type="DATE" value="2021-03-01"/></TEXT>')
    (tmp_path / "d.tml").write_text(tml)
    out = evaluate(tmp_path, gold_spans=True, baseline=False)
    assert out["n_gold"] == 4 and out["skipped"] == {"empty TIMEX3 (no text; not scored)": 1}


def test_timeml_format_dct_from_element_text_or_document_id() -> None:
    src = ('<TimeML><DOCID>XYZ</DOCID><DCT><TIMEX3 tid="t0" type="DATE" '
           'functionInDocument="CREATION_TIME">02/06/1998</TIMEX3></DCT><TEXT>Hi.</TEXT></TimeML>')
    doc = parse_tml(src)
    assert doc.dct == date(1998, 2, 6) and any("DCT element" in p for p in doc.problems)
    src = ('<TimeML><DOCID>AFP_ENG_20130305.0107</DOCID><DCT><TIMEX3 tid="t0" type="DATE" '
           'value="" functionInDocument="CREATION_TIME"/></DCT><TEXT>Hi.</TEXT></TimeML>')
    doc = parse_tml(src)
    assert doc.dct == date(2013, 3, 5) and any("document id" in p for p in doc.problems)


def test_eval_dates_end_to_end_breaks_errors_down_by_cause(tmp_path: Path) -> None:
    from eventscribe.evaluation.dates import evaluate

    (tmp_path / "doc.tml").write_text(TML)
    out = evaluate(tmp_path, gold_spans=False)
    causes = out["by_cause"]
    # every system expression and every gold timex lands in exactly one outcome
    system = sum(v["n"] for k, v in causes.items() if k != "missed")
    gold = sum(v["n"] for k, v in causes.items() if k != "false_positive")
    assert system == out["n_pred"] and gold == out["n_gold_all_types"]
    # "odd" is a gold TIMEX3 no rule can find
    assert causes["missed"]["n"] >= 1 and causes["missed"]["top"]["DATE"] >= 1
    assert causes["right"]["top"].get("weekday") == 1


def test_eval_dates_reads_meantime_cat_xml_when_there_is_no_tml(tmp_path: Path) -> None:
    from eventscribe.evaluation.dates import evaluate

    (tmp_path / "a.xml").write_text(CAT)
    out = evaluate(tmp_path, gold_spans=False)
    assert out["n_docs"] == 1 and out["n_gold_all_types"] == 3
    assert sum("MEANTIME" in k for k in out["skipped"]) == 1
    # the dateline date and "Monday" (2010-05-03 before a Tuesday DCT) are found and right
    assert out["by_cause"]["right"]["n"] == 2
    spans_out = evaluate(tmp_path, gold_spans=True, baseline=False)
    assert spans_out["n_gold"] == 2 and spans_out["value_accuracy"] == 1.0


def test_eval_dates_timeml_saved_as_xml_is_read_as_timeml(tmp_path: Path) -> None:
    from eventscribe.evaluation.dates import evaluate

    (tmp_path / "doc.xml").write_text(TML)
    out = evaluate(tmp_path, gold_spans=True, baseline=False)
    assert out["n_gold"] == 4 and out["value_accuracy"] == 1.0
    assert not any("MEANTIME" in k for k in out["skipped"])
