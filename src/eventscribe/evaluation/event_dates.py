"""``eventscribe eval event-dates PATH``: the date users see on events, scored on MEANTIME.

For every gold event mention linked by a TLINK to a DATE timex with a calendar value, where the
link says the event happens at or within that time (event SIMULTANEOUS / IS_INCLUDED / DURING
the timex, or the timex SIMULTANEOUS / INCLUDES / DURING_INV the event), eventscribe dates the
event exactly as the pipeline does for an event mention in its sentence:

1. the document text (rebuilt from the gold tokens) is split into sentences by the pipeline's
   splitter and tagged by the date stage (``dates.rules.v2``, no spaCy entities);
2. :func:`eventscribe.stages.dates.assign_event_date` is called with the gold event mention's
   character span as the trigger;
3. when nothing governs it, :func:`eventscribe.stages.dates.fallback_event_date` gives the
   documented assumption (the week up to the publication date).

An event counts as right when that date range contains the gold value's whole range (a day
inside the assigned week, a month inside an assigned year, ...). ``accuracy`` is that share.
"""

from __future__ import annotations

import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import click

from eventscribe.evaluation.common import emit_json, rounded
from eventscribe.evaluation.meantime_format import CatDoc, CatMarkable, cat_files, read_cat
from eventscribe.evaluation.timex_values import value_range

# link types, read from the event's side, that place the event at or within the timex
EVENT_WITHIN = frozenset(("SIMULTANEOUS", "IS_INCLUDED", "DURING"))
TIMEX_AROUND = frozenset(("SIMULTANEOUS", "INCLUDES", "DURING_INV", "DURING"))


def gold_pairs(doc: CatDoc) -> tuple[list[tuple[CatMarkable, CatMarkable]], Counter[str]]:
    """(event mention, DATE timex) pairs the TLINKs place together; reasons for the rest."""
    skipped: Counter[str] = Counter()
    pairs: dict[str, tuple[CatMarkable, CatMarkable]] = {}
    mk = doc.markables
    for r in doc.relations:
        if r.kind != "TLINK":
            continue
        a, b = mk.get(r.source), mk.get(r.target)
        if a is None or b is None:
            continue
        if a.kind == "EVENT_MENTION" and b.kind == "TIMEX3" and r.reltype in EVENT_WITHIN:
            ev, tx = a, b
        elif a.kind == "TIMEX3" and b.kind == "EVENT_MENTION" and r.reltype in TIMEX_AROUND:
            ev, tx = b, a
        else:
            continue
        if tx.attr("type").upper() != "DATE":
            skipped["linked timex is not a DATE"] += 1
            continue
        if value_range(tx.attr("value")) is None:
            skipped["gold value is not a calendar value"] += 1
            continue
        if ev.m_id in pairs:
            skipped["event linked to a second DATE (the narrower kept)"] += 1
            old = value_range(pairs[ev.m_id][1].attr("value"))
            new = value_range(tx.attr("value"))
            assert old is not None and new is not None
            if (new[1] - new[0]) >= (old[1] - old[0]):
                continue
        pairs[ev.m_id] = (ev, tx)
    return sorted(pairs.values(), key=lambda p: p[0].start), skipped


def dateline_dct(doc: CatDoc) -> date | None:
    """The DCT when the CREATION_TIME value is missing or unreadable: the CREATION_TIME
    timex's text, else the first sentence that is only a full date (a Wikinews dateline),
    read by the date rules without an anchor."""
    from eventscribe.stages.dates import find_expressions

    texts = [m.text for m in doc.markables.values()
             if m.kind == "TIMEX3" and m.attr("functionInDocument") == "CREATION_TIME"]
    texts += [doc.text[s:e] for s, e in doc.sentences[:3]]
    for t in texts:
        found = find_expressions(t, None)
        if len(found) == 1 and found[0][2].value is not None:
            s, e, res = found[0]
            v = res.value
            assert v is not None
            if v.precision == "day" and v.start == v.end and len(t.strip()) - (e - s) <= 3:
                return v.start
    return None


def score_doc(doc: CatDoc, tally: Counter[str], errors: list[dict[str, Any]],
              max_errors: int) -> None:
    """Date every linked gold event as the pipeline would; count containments."""
    from eventscribe.model import AnnotatedDoc, Doc, Source, Span
    from eventscribe.stages.dates import RuleDateTagger, assign_event_date, fallback_event_date
    from eventscribe.stages.sentences import split_sentences

    pairs, skipped = gold_pairs(doc)
    tally.update({f"skipped: {k}": v for k, v in skipped.items()})
    if not pairs:
        return
    dct = doc.dct
    if dct is None:
        dct = dateline_dct(doc)
        tally["docs with DCT read from the dateline"] += int(dct is not None)
    d = Doc.from_text(doc.text, Source(title=doc.doc_id, published_at=dct))
    adoc = AnnotatedDoc(doc=d, sentences=split_sentences(doc.text))
    t0 = time.process_time()
    adoc = RuleDateTagger(use_entities=False)(adoc)
    for ev, tx in pairs:
        gr = value_range(tx.attr("value"))
        assert gr is not None
        trigger = Span.of(doc.text, ev.start, ev.end)
        da = assign_event_date(adoc, trigger)
        how = "governing expression"
        if da is None:
            da = fallback_event_date(dct)
            how = "fallback"
        target = "dct" if tx.attr("functionInDocument") == "CREATION_TIME" else "text"
        tally["n"] += 1
        tally[f"n_{target}"] += 1
        tally[f"n_{how}"] += 1
        if da is None:
            tally["undated"] += 1
            ok = False
        else:
            v = da.value
            ok = v.start <= gr[0] and gr[1] <= v.end
            overlap = v.start <= gr[1] and gr[0] <= v.end
            tally["overlap"] += int(overlap)
            tally["within_gold"] += int(gr[0] <= v.start and v.end <= gr[1])
        tally["contains"] += int(ok)
        tally[f"contains_{target}"] += int(ok)
        tally[f"contains_{how}"] += int(ok)
        if not ok and len(errors) < max_errors:
            errors.append({"doc": doc.doc_id, "event": ev.text, "timex": tx.text,
                           "gold": tx.attr("value"),
                           "assigned": None if da is None else da.value.to_dict(),
                           "reason": None if da is None else da.provenance.reason})
    tally["_seconds"] += int((time.process_time() - t0) * 1e6)


def evaluate(path: Path, max_errors: int = 0) -> dict[str, Any]:
    """Score every CAT XML file under ``path``; return the ``--json`` result."""
    tally: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    n_docs = 0
    for f in cat_files(path):
        try:
            doc = read_cat(f)
        except OSError:
            tally["skipped: unreadable file"] += 1
            continue
        if not doc.text:
            tally["skipped: no tokens"] += 1
            continue
        n_docs += 1
        score_doc(doc, tally, errors, max_errors)
    n = tally["n"]

    def share(k: str, d: str = "n") -> float:
        return tally[k] / tally[d] if tally[d] else 0.0

    result: dict[str, Any] = rounded({
        "n_docs": n_docs,
        "n": n,
        "accuracy": share("contains"),
        "overlap": share("overlap"),
        "within_gold": share("within_gold"),
        "n_linked_to_dct": tally["n_dct"],
        "accuracy_linked_to_dct": share("contains_dct", "n_dct"),
        "n_linked_to_text_timex": tally["n_text"],
        "accuracy_linked_to_text_timex": share("contains_text", "n_text"),
        "n_governed": tally["n_governing expression"],
        "accuracy_governed": share("contains_governing expression", "n_governing expression"),
        "n_fallback": tally["n_fallback"],
        "accuracy_fallback": share("contains_fallback", "n_fallback"),
        "n_undated": tally["undated"],
        "events_per_s": n / (tally["_seconds"] / 1e6) if tally["_seconds"] else 0.0,
    })
    result["skipped"] = {k.removeprefix("skipped: "): v for k, v in sorted(tally.items())
                         if k.startswith("skipped: ")}
    result["docs_with_dct_from_dateline"] = tally["docs with DCT read from the dateline"]
    if max_errors:
        result["errors"] = errors
    return result


@click.command(name="event-dates")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--errors", type=int, default=0, help="List up to N wrongly dated events.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def command(path: Path, errors: int, as_json: bool) -> None:
    """Score event dates (TLINKed gold events on MEANTIME-style CAT XML files)."""
    result = evaluate(path, errors)
    if as_json:
        emit_json(result)
        return
    from rich.table import Table

    from eventscribe.cli.common import console

    table = Table(title="eval event-dates")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for k, v in result.items():
        if not isinstance(v, dict | list):
            table.add_row(k, str(v))
    console.print(table)
    for e in result.get("errors", []):
        console.print(f"{e['doc']}: {e['event']!r} gold {e['gold']} ({e['timex']!r}) "
                      f"assigned {e['assigned']} - {e['reason']}")
