"""``eventscribe eval dates PATH``: time expressions on TimeML gold (TempEval-3 style).

Two protocols:

* ``--gold-spans``: every gold TIMEX3 of type DATE or TIME is normalised in its sentence with
  :func:`eventscribe.stages.dates.normalise_span` against the DCT; plain dateparser
  (``languages=["en"]``, ``RELATIVE_BASE`` = DCT, default settings) reads the same spans as the
  baseline, in the same run.
* end to end (default): :func:`eventscribe.stages.dates.find_expressions` tags the raw text
  (sentences from the pipeline's splitter) and its expressions are matched with the gold
  TIMEX3 of every type.

Scores: ``value_accuracy`` is the share of scorable gold DATE/TIME values we got right, compared
at the gold value's granularity (see :mod:`eventscribe.evaluation.timex_values`); gold values
that are no calendar value (``PRESENT_REF``, ``P3D``, ``XXXX-03-22``) are ``n_excluded``.
``timex_per_s`` is per second of this process's CPU time (one core, insensitive to other load).
``strict_f1`` / ``relaxed_f1`` are span F1 (exact / overlapping); ``value_f1`` is TempEval-3's
attribute F1: relaxed span match whose (normalised) value is equal, over all system and gold
timexes.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from eventscribe.evaluation.common import emit_json, prf, rounded
from eventscribe.evaluation.timeml_format import TimeMLDoc, Timex, read_tml, tml_files
from eventscribe.evaluation.timex_values import (
    granularity,
    matches_at_gold_granularity,
    normalise_value,
)

SCORED_TYPES = ("DATE", "TIME")


@dataclass
class Tally:
    """Running counts for one protocol."""

    n_docs: int = 0
    n_gold: int = 0
    n_excluded: int = 0
    n_correct: int = 0
    n_correct_exact: int = 0
    n_pred: int = 0
    n_gold_all: int = 0
    strict_tp: int = 0
    relaxed_tp: int = 0
    value_tp: int = 0
    seconds: float = 0.0
    n_normalised: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    by_granularity: Counter[str] = field(default_factory=Counter)
    by_granularity_ok: Counter[str] = field(default_factory=Counter)
    by_cause: Counter[str] = field(default_factory=Counter)
    """End to end: every system and gold timex by outcome (see :func:`score_end_to_end`)."""
    by_cause_rule: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: list[dict[str, Any]] = field(default_factory=list)


def sentence_of(bounds: list[tuple[int, int]], start: int) -> tuple[int, int] | None:
    """The (start, end) of the sentence containing ``start``."""
    for s, e in bounds:
        if s <= start < e:
            return s, e
    return None


def _sentences(text: str) -> list[tuple[int, int]]:
    from eventscribe.stages.sentences import split_sentences

    return [(s.start, s.end) for s in split_sentences(text)] or [(0, len(text))]


def textual(doc: TimeMLDoc) -> list[Timex]:
    """The gold TIMEX3s that have text (empty, anchor-only ones like ``<TIMEX3 .../>`` have
    none to recognise or normalise)."""
    return [t for t in doc.timexes if t.text.strip()]


def scorable(t: Timex) -> bool:
    """True for a gold DATE/TIME timex whose value is a calendar value."""
    return granularity(t.value) is not None


def _record(tally: Tally, t: Timex, pred: str | None, doc: TimeMLDoc, errors: int) -> None:
    g = granularity(t.value) or "none"
    tally.by_granularity[g] += 1
    if matches_at_gold_granularity(pred, t.value):
        tally.n_correct += 1
        tally.by_granularity_ok[g] += 1
        if pred is not None and normalise_value(pred) == normalise_value(t.value):
            tally.n_correct_exact += 1
    elif len(tally.errors) < errors:
        tally.errors.append({"doc": doc.doc_id, "dct": doc.dct_value, "text": t.text,
                             "gold": t.value, "pred": pred})


def score_gold_spans(docs: list[TimeMLDoc], errors: int = 0) -> Tally:
    """Normalise every gold DATE/TIME span in its sentence; count values right."""
    from eventscribe.stages.dates import normalise_span

    tally = Tally()
    for doc in docs:
        tally.n_docs += 1
        bounds = _sentences(doc.text)
        for t in textual(doc):
            if t.type not in SCORED_TYPES:
                continue
            tally.n_gold += 1
            if not scorable(t):
                tally.n_excluded += 1
                continue
            sent = sentence_of(bounds, t.start) or (0, len(doc.text))
            t0 = time.process_time()
            res = normalise_span(doc.text, t.start, t.end, doc.dct, sent)
            tally.seconds += time.process_time() - t0
            tally.n_normalised += 1
            pred = res.timex if res is not None else None
            if pred is not None:
                tally.n_pred += 1
            _record(tally, t, pred, doc, errors)
    return tally


def _dateparser_value(text: str, dct: date | None, gold: str) -> str | None:
    import dateparser  # type: ignore[import-untyped]

    settings: dict[str, Any] = {"RETURN_AS_TIMEZONE_AWARE": False}
    if dct is not None:
        settings["RELATIVE_BASE"] = datetime(dct.year, dct.month, dct.day)
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:
        return None
    if parsed is None:
        return None
    if granularity(gold) == "time":
        return str(parsed.strftime("%Y-%m-%dT%H:%M"))
    return str(parsed.date().isoformat())


def score_baseline(docs: list[TimeMLDoc]) -> Tally:
    """Plain dateparser on the same gold spans (the floor)."""
    tally = Tally()
    for doc in docs:
        tally.n_docs += 1
        for t in textual(doc):
            if t.type not in SCORED_TYPES:
                continue
            tally.n_gold += 1
            if not scorable(t):
                tally.n_excluded += 1
                continue
            t0 = time.process_time()
            pred = _dateparser_value(t.text, doc.dct, t.value)
            tally.seconds += time.process_time() - t0
            tally.n_normalised += 1
            if pred is not None:
                tally.n_pred += 1
            _record(tally, t, pred, doc, 0)
    return tally


def _cause(tally: Tally, cause: str, rule: str) -> None:
    tally.by_cause[cause] += 1
    tally.by_cause_rule[cause, rule] += 1


def cause_breakdown(tally: Tally, top: int = 6) -> dict[str, Any]:
    """Counts by outcome - right, right_span_boundary (value right, span differs),
    wrong_value(_span_boundary), false_positive (no overlapping gold), missed (gold timex no
    expression overlaps) - each with its most frequent rules (the gold type for missed)."""
    out: dict[str, Any] = {}
    for cause, n in sorted(tally.by_cause.items()):
        rules = Counter({r: k for (c, r), k in tally.by_cause_rule.items() if c == cause})
        out[cause] = {"n": n, "top": dict(rules.most_common(top))}
    return out


def match_gold(found: list[tuple[int, int, Any]], gold: list[Timex]) -> list[int | None]:
    """One-to-one matching of system expressions with overlapping gold timexes: the index of
    each expression's gold timex, or None.

    Some TimeML sets annotate nested timexes (MEANTIME: the duration "from 2009 to 2011" and
    its endpoint dates), so an expression may overlap several: an exact-span gold is taken
    first (one pass over all expressions), then an overlapping one with the same value, then
    the first overlapping one still free.
    """
    out: list[int | None] = [None] * len(found)
    used: set[int] = set()
    for k, (s, e, _res) in enumerate(found):
        i = next((i for i, g in enumerate(gold) if (g.start, g.end) == (s, e)), None)
        if i is not None and i not in used:
            out[k] = i
            used.add(i)
    for k, (s, e, res) in enumerate(found):
        if out[k] is not None:
            continue
        over = [i for i, g in enumerate(gold) if i not in used and g.start < e and s < g.end]
        tx = normalise_value(res.timex) if res.timex else None
        same = [i for i in over if tx is not None and normalise_value(gold[i].value) == tx]
        if same or over:
            out[k] = (same or over)[0]
            used.add((same or over)[0])
    return out


def score_end_to_end(docs: list[TimeMLDoc], errors: int = 0) -> Tally:
    """Tag the raw text; match system and gold timexes by span (TempEval-3 style)."""
    from eventscribe.stages.dates import find_expressions, timeml_parts

    tally = Tally()
    for doc in docs:
        tally.n_docs += 1
        bounds = tuple(_sentences(doc.text))
        t0 = time.process_time()
        found = find_expressions(doc.text, doc.dct, bounds)
        tally.seconds += time.process_time() - t0
        # "the 11th anniversary" names an event with a base date; TimeML has no TIMEX3 for it;
        # a range's endpoints are TIMEX3s of their own (our parse's parts, never gold spans)
        found = timeml_parts([f for f in found if f[2].kind != "anniversary"])
        tally.n_normalised += len(found)
        tally.n_pred += len(found)
        gold = textual(doc)
        tally.n_gold_all += len(gold)
        matches = match_gold(found, gold)
        used = {i for i in matches if i is not None}
        for (s, e, res), match in zip(found, matches, strict=True):
            if match is None:
                _cause(tally, "false_positive", res.rule)
                continue
            g = gold[match]
            tally.relaxed_tp += 1
            exact = (s, e) == (g.start, g.end)
            tally.strict_tp += int(exact)
            tx = res.timex or ""
            right = bool(tx) and normalise_value(tx) == normalise_value(g.value)
            tally.value_tp += int(right)
            _cause(tally, ("right" if right else "wrong_value")
                   + ("" if exact else "_span_boundary"), res.rule)
        for i, g in enumerate(gold):
            if i not in used:
                _cause(tally, "missed", g.type or "?")
        pred_at = {i: f[2] for f, i in zip(found, matches, strict=True) if i is not None}
        for i, t in enumerate(gold):
            if t.type not in SCORED_TYPES:
                continue
            tally.n_gold += 1
            if not scorable(t):
                tally.n_excluded += 1
                continue
            r = pred_at.get(i)
            _record(tally, t, r.timex if r is not None else None, doc, errors)
    return tally


def summary(tally: Tally, end_to_end: bool) -> dict[str, Any]:
    """The JSON-ready scores of one tally."""
    n_scored = tally.n_gold - tally.n_excluded
    out: dict[str, Any] = {
        "n_docs": tally.n_docs,
        "n_gold": tally.n_gold,
        "n_excluded": tally.n_excluded,
        "n_scored": n_scored,
        "value_accuracy": tally.n_correct / n_scored if n_scored else 0.0,
        "value_accuracy_exact": tally.n_correct_exact / n_scored if n_scored else 0.0,
    }
    if end_to_end:
        sp, sr, sf = prf(tally.strict_tp, tally.n_pred, tally.n_gold_all)
        rp, rr, rf = prf(tally.relaxed_tp, tally.n_pred, tally.n_gold_all)
        vp, vr, vf = prf(tally.value_tp, tally.n_pred, tally.n_gold_all)
        out |= {"n_gold_all_types": tally.n_gold_all, "n_pred": tally.n_pred,
                "strict_precision": sp, "strict_recall": sr, "strict_f1": sf,
                "relaxed_precision": rp, "relaxed_recall": rr, "relaxed_f1": rf,
                "value_precision": vp, "value_recall": vr, "value_f1": vf}
    else:
        # spans are given: a span "is output" when a value (any) was produced for it
        _, _, cover_f = prf(tally.n_pred, tally.n_pred, tally.n_normalised)
        _, _, vf = prf(tally.n_correct, tally.n_pred, n_scored)
        out |= {"n_pred": tally.n_pred, "strict_f1": cover_f, "relaxed_f1": cover_f,
                "value_f1": vf}
    out["timex_per_s"] = tally.n_normalised / tally.seconds if tally.seconds else 0.0
    out["by_granularity"] = {
        g: {"n": n, "accuracy": round(tally.by_granularity_ok[g] / n, 4)}
        for g, n in sorted(tally.by_granularity.items())
    }
    return rounded(out)


def cat_as_timeml(path: Path) -> TimeMLDoc:
    """A MEANTIME (CAT XML) document as a TimeMLDoc: its rebuilt text cut after the last
    sentence with any annotation (MEANTIME annotates only the first sentences of an article),
    its TIMEX3 markables with tokens (the dateline's DCT included) and the DCT (from the
    dateline when the CREATION_TIME value is missing)."""
    from eventscribe.evaluation.event_dates import dateline_dct
    from eventscribe.evaluation.meantime_format import read_cat

    cat = read_cat(path)
    last = max((m.end for m in cat.markables.values()), default=0)
    cut = next((e for s, e in cat.sentences if s <= last <= e), last)
    doc = TimeMLDoc(str(path), cat.doc_id, cat.dct or dateline_dct(cat), cat.dct_value,
                    cat.text[:cut], problems=list(cat.problems))
    for m in sorted(cat.markables.values(), key=lambda m: m.start):
        if m.kind == "TIMEX3" and m.end <= cut:
            doc.timexes.append(Timex(m.m_id, m.attr("type"), m.attr("value"), m.start, m.end,
                                     m.text, m.attr("functionInDocument", "NONE"), m.attrs))
    return doc


def _is_cat(f: Path) -> bool:
    """True for a CAT XML file (tokens), False for TimeML (also TimeML saved as ``.xml``)."""
    if f.suffix.lower() != ".xml":
        return False
    with f.open("rb") as fh:
        return b"<token" in fh.read(4096)


def load(path: Path) -> tuple[list[TimeMLDoc], Counter[str]]:
    """Read every ``.tml`` under ``path`` (or, when there is none, every MEANTIME CAT ``.xml``);
    unreadable files are skipped with a counted reason."""
    from eventscribe.evaluation.meantime_format import cat_files

    docs: list[TimeMLDoc] = []
    skipped: Counter[str] = Counter()
    files = tml_files(path)
    if not files:
        files = cat_files(path)
    for f in files:
        try:
            cat = _is_cat(f)
            doc = cat_as_timeml(f) if cat else read_tml(f)
            if cat:
                skipped["MEANTIME CAT XML read (text up to the last annotated sentence)"] += 1
        except OSError:
            skipped["unreadable file"] += 1
            continue
        if not doc.text.strip():
            skipped["no <TEXT>"] += 1
            continue
        if doc.dct is None:
            skipped["docs without DCT (kept; relative values unresolved)"] += 1
        elif any(p.startswith("DCT value missing") for p in doc.problems):
            skipped["docs with the DCT read from its text or the document id (kept)"] += 1
        empty = len(doc.timexes) - len(textual(doc))
        if empty:
            skipped["empty TIMEX3 (no text; not scored)"] += empty
        docs.append(doc)
    return docs, skipped


def evaluate(path: Path, gold_spans: bool, baseline: bool = True,
             errors: int = 0) -> dict[str, Any]:
    """Run one protocol over ``path`` and return the result dict printed by ``--json``."""
    docs, skipped = load(path)
    if gold_spans:
        tally = score_gold_spans(docs, errors)
        result = {"protocol": "gold-spans", **summary(tally, False)}
        if baseline:
            base = summary(score_baseline(docs), False)
            result["baseline"] = {"name": "dateparser (languages=['en'], RELATIVE_BASE=DCT)",
                                  **{k: base[k] for k in ("n_gold", "n_excluded", "n_pred",
                                                          "value_accuracy", "timex_per_s",
                                                          "by_granularity")}}
    else:
        tally = score_end_to_end(docs, errors)
        result = {"protocol": "end-to-end", **summary(tally, True),
                  "by_cause": cause_breakdown(tally)}
    result["skipped"] = dict(skipped)
    if errors:
        result["errors"] = tally.errors
    return result


@click.command(name="dates")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--gold-spans", is_flag=True, help="Normalise the gold DATE/TIME spans only.")
@click.option("--baseline/--no-baseline", default=True, show_default=True,
              help="With --gold-spans: also score plain dateparser on the same spans.")
@click.option("--errors", type=int, default=0, help="List up to N wrong values.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def command(path: Path, gold_spans: bool, baseline: bool, errors: int, as_json: bool) -> None:
    """Score time-expression recognition and normalisation on TimeML (.tml) files."""
    result = evaluate(path, gold_spans, baseline, errors)
    if as_json:
        emit_json(result)
        return
    _print_table(result)


def _print_table(result: dict[str, Any]) -> None:
    from rich.table import Table

    from eventscribe.cli.common import console

    table = Table(title=f"eval dates ({result['protocol']})")
    table.add_column("metric")
    table.add_column("eventscribe", justify="right")
    base = result.get("baseline", {})
    if base:
        table.add_column("dateparser", justify="right")
    for k, v in result.items():
        if isinstance(v, dict | list):
            continue
        row = [k, str(v)]
        if base:
            row.append(str(base.get(k, "")))
        table.add_row(*row)
    console.print(table)
    for e in result.get("errors", []):
        console.print(f"{e['doc']} dct={e['dct']} {e['text']!r}: gold {e['gold']} pred {e['pred']}")
