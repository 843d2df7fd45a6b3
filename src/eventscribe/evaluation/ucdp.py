"""``eventscribe eval ucdp PATH``: events from UCDP GED source headlines, scored against the row.

For each GED row with a ``source_headline``, the headline (its ``;``-joined parts one per line)
is run through the pipeline with ``published`` = the first ``source_date``. The row's
*primary event* is the first violent event that states a death toll, else the first violent
event, else the first event. Metrics (definitions in docs/roles.md, "UCDP"):

* ``country_accuracy``: the primary event's place is in the GED country (all rows; a row with no
  event or no place counts as a miss). GED codes events in the Gaza Strip and the West Bank
  under the country "Israel" (with the territory as ``adm_1``), so a place in the Palestinian
  territories (GeoNames PS) matches a GED row of Israel (``SAME_GED_COUNTRY``).
* ``acc161``: the primary event's coordinates within 161 km of GED latitude/longitude (rows
  with gold coordinates; no event or no place is a miss).
* ``date_within_1d``: the middle day of the primary event's date range (``best_day``) within
  one day of GED ``date_start`` (rows with a gold date and a publication date; no event is a miss).
* ``country_accuracy_on_events``: the same on the rows where eventscribe found an event (a
  variant: it shows how often a found event is placed in the right country).
* ``deaths_exact``: eventscribe's killed ``best`` equals GED ``best``, on rows whose headline
  states a number next to a death word (``states_deaths``, a regex independent of the
  extractor); no figure is a miss.

Variants, reported beside them and never in their place: ``date_overlap`` (the predicted range
overlaps GED's ``[date_start, date_end]``), ``deaths_within_low_high`` (GED low <= ours <= GED
high) and ``deaths_consistent`` (GED best <= ours: GED often splits one headline's toll across
several events, so its best is a part of the headline figure), and
``country_accuracy_same_iso`` (plain ISO code equality, without the Israel/PS convention).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import click

from eventscribe.evaluation.common import emit_json, haversine_km
from eventscribe.evaluation.ucdp_format import GedRow, read_ged

_NUM = (r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|"
        r"thousands?|dozens?|scores|a dozen)")
_DEATH = (r"(?:kill\w*|dead|die[ds]?|dying|deaths?|toll|perish\w*|slain|slay\w*|massacr\w*|"
          r"lives|bodies|fatalit\w*|execut\w*|murder\w*|behead\w*|lynch\w*)")
_STATES = re.compile(
    rf"\b{_NUM}\b(?:\W+\w+){{0,6}}?\W+{_DEATH}\b|\b{_DEATH}\b(?:\W+\w+){{0,6}}?\W+{_NUM}\b",
    re.IGNORECASE,
)


SAME_GED_COUNTRY: dict[str, frozenset[str]] = {"IL": frozenset({"IL", "PS"})}
"""GED country (ISO code) -> the codes of the territories GED codes under it."""


def same_country(ours: str, ged: str) -> bool:
    """Whether a place's country code matches a GED row's country (see ``SAME_GED_COUNTRY``)."""
    return ours == ged or ours in SAME_GED_COUNTRY.get(ged, frozenset())


def states_deaths(headline: str) -> bool:
    """Whether a headline states a number near a death word ("15 Taliban killed", "toll
    rises to 40"). Four-digit years and numeric dates (29/12/2012) are not numbers here."""
    text = re.sub(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b", " ", headline)  # 29/12/2012
    text = re.sub(r"\b(?:1[89]|20)\d\d\b", " ", text)
    return any(_STATES.search(p) for p in text.split(";"))


def primary_event(events: tuple[Any, ...]) -> Any | None:
    """The event a GED row is compared with (see the module docstring)."""
    from eventscribe.evaluation.roles import CLASS_FAMILY, _type_class

    violent = [e for e in events if CLASS_FAMILY.get(_type_class(e.type) or "") == "violence"]
    with_toll = [e for e in violent if any(c.kind == "killed" for c in e.claims)]
    for pool in (with_toll, violent, list(events)):
        if pool:
            return pool[0]
    return None


def killed_best(events: tuple[Any, ...], primary: Any | None) -> int | None:
    """Killed ``best`` of the primary event, else of the first event that has one."""
    from eventscribe.model.claims import summarise

    for e in ([primary] if primary is not None else []) + list(events):
        s = summarise(tuple(c for c in e.claims if c.kind == "killed"))
        if s is not None:
            return s.best
    return None


def best_day(value: Any) -> date:
    """The one day a predicted date range stands for: its middle day (the earlier of two).

    A stated day is itself; an assumed range ("the 3 days up to publication") is read at its
    centre, which is never farther than half the range from any day in it. The last day, which
    ``date_within_1d_end`` keeps as a variant, favours the publication day.
    """
    d: date = value.start + timedelta(days=(value.end - value.start).days // 2)
    return d


def _headline_text(row: GedRow) -> str:
    return "\n".join(row.headlines)


def evaluate(path: Path | str, *, limit: int | None = None) -> dict[str, Any]:
    """Scores on the GED rows with a headline at ``path``."""
    from eventscribe.io.normalise import normalise_text
    from eventscribe.model import Doc, Source
    from eventscribe.pipeline import Pipeline

    read = read_ged(path)
    rows = read.rows[:limit] if limit is not None else read.rows
    docs = [
        Doc.from_text(normalise_text(_headline_text(r)),
                      Source(published_at=r.published, outlet="the source", external_id=r.id))
        for r in rows
    ]
    n: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    no_event_reasons: Counter[str] = Counter()
    for row, res in zip(rows, Pipeline().process(docs), strict=True):
        events = tuple(res.events) if res.error is None else ()
        if res.error is not None:
            no_event_reasons[f"error {res.error.code}"] += 1
        elif not events:
            from eventscribe.evaluation.roles import no_event_reason

            no_event_reasons[no_event_reason(res)] += 1
        ev = primary_event(events)
        place = ev.place.place if ev is not None and ev.place is not None else None
        if row.country_code is not None:
            n["country"] += 1
            ok = place is not None and same_country(place.country_code, row.country_code)
            hit["country"] += ok
            hit["country_iso"] += place is not None and place.country_code == row.country_code
            n["country_ev"] += ev is not None
            hit["country_ev"] += ev is not None and ok
        if row.lat is not None and row.lon is not None:
            n["acc161"] += 1
            hit["acc161"] += place is not None and (
                haversine_km(place.lat, place.lon, row.lat, row.lon) <= 161.0)
        if row.date_start is not None and row.published is not None:
            n["date"] += 1
            dv = ev.date.value if ev is not None and ev.date is not None else None
            hit["date"] += dv is not None and abs((best_day(dv) - row.date_start).days) <= 1
            hit["date_end"] += dv is not None and abs((dv.end - row.date_start).days) <= 1
            end = row.date_end or row.date_start
            hit["date_overlap"] += dv is not None and dv.start <= end and row.date_start <= dv.end
        if row.best is not None and states_deaths(_headline_text(row)):
            n["deaths"] += 1
            ours = killed_best(events, ev)
            hit["deaths"] += ours == row.best
            lo = row.low if row.low is not None else row.best
            hi = row.high if row.high is not None else row.best
            hit["deaths_low_high"] += ours is not None and lo <= ours <= hi
            hit["deaths_consistent"] += ours is not None and row.best <= ours

    def ratio(h: str, d: str) -> float:
        return round(hit[h] / n[d], 4) if n[d] else 0.0

    return {
        "n": len(rows),
        "skipped": dict(read.skipped),
        "no_event": sum(no_event_reasons.values()),
        "no_event_reasons": dict(no_event_reasons),
        "country_accuracy": ratio("country", "country"),
        "country_accuracy_on_events": ratio("country_ev", "country_ev"),
        "country_accuracy_same_iso": ratio("country_iso", "country"),
        "n_with_event": n["country_ev"],
        "n_country": n["country"],
        "acc161": ratio("acc161", "acc161"),
        "n_coords": n["acc161"],
        "date_within_1d": ratio("date", "date"),
        "date_within_1d_end": ratio("date_end", "date"),
        "date_overlap": ratio("date_overlap", "date"),
        "n_dates": n["date"],
        "deaths_exact": ratio("deaths", "deaths"),
        "deaths_within_low_high": ratio("deaths_low_high", "deaths"),
        "deaths_consistent": ratio("deaths_consistent", "deaths"),
        "n_deaths_stated": n["deaths"],
        "deaths_exact_hits": hit["deaths"],
    }


_LABELS = (
    ("country_accuracy", "n_country"), ("country_accuracy_same_iso", "n_country"),
    ("country_accuracy_on_events", "n_with_event"),
    ("acc161", "n_coords"), ("date_within_1d", "n_dates"),
    ("date_within_1d_end", "n_dates"), ("date_overlap", "n_dates"),
    ("deaths_exact", "n_deaths_stated"),
    ("deaths_within_low_high", "n_deaths_stated"), ("deaths_consistent", "n_deaths_stated"),
)


@click.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--limit", type=int, default=None,
              help="Score only the first N rows with a headline.")
def command(path: Path, as_json: bool, limit: int | None) -> None:
    """Country, acc@161 km, date and death-toll scores on UCDP GED source headlines."""
    res = evaluate(path, limit=limit)
    if as_json:
        emit_json(res)
        return
    print(f"UCDP GED headlines: {res['n']} rows scored; skipped {res['skipped'] or 'none'}; "
          f"no event in {res['no_event']} ({res['no_event_reasons'] or 'none'})")
    print(f"{'metric':<26}{'score':>8}{'rows':>8}")
    for metric, denom in _LABELS:
        print(f"{metric:<26}{res[metric]:>8.4f}{res[denom]:>8}")
