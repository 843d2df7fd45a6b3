"""``eventscribe eval geocode PATH [--gold-spans] [--json]``: toponym resolution on LGL-format gold.

Two protocols:

* ``--gold-spans``: the gold toponym spans are given; only resolution is measured (the
  protocol of Mordecai3's published table).
* default (end to end): sentences, spaCy NER and the geoparser run on the article text;
  predicted toponym spans are matched one-to-one to gold spans by character overlap (largest
  overlap first), giving toponym precision/recall/F1; a gold toponym whose span was missed
  counts as unresolved.

Resolution metrics are over **all** gold toponyms with coordinates (an unresolved or missed
toponym is wrong and counts :data:`MAX_KM` km): ``acc161`` (share within 161 km),
``exact_geonameid`` (over gold with an id), ``mean_km``, ``median_km`` and ``auc`` (Gritta et al.
2019: the area under the curve of sorted ``log(1 + km)`` errors normalised by ``log(20039)``;
0 is perfect, 1 is all antipodal). The same run measures a simple baseline: the largest
population among exact name/alternate-name matches (on the gold spans, or on spaCy's
GPE/LOC/FAC entities end to end), reported under ``baseline``.
"""

from __future__ import annotations

import itertools
import math
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from eventscribe.errors import EventscribeError
from eventscribe.evaluation.common import emit_json, haversine_km, prf, rounded
from eventscribe.evaluation.lgl_format import GoldArticle, GoldSet, GoldToponym, read_path
from eventscribe.model import AnnotatedDoc, Doc, Entity, Place, Source
from eventscribe.resources.gazetteer import Gazetteer

MAX_KM = 20039.0
"""Half the Earth's circumference: the error of an unresolved toponym."""
ACC_KM = 161.0
PLACE_LABELS = ("GPE", "LOC", "FAC")


@dataclass(frozen=True, slots=True)
class Pred:
    """A predicted toponym span and its place (None when unresolved)."""

    start: int
    end: int
    place: Place | None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Outcome:
    """One gold toponym with coordinates and what the system made of it."""

    article: int
    gold: GoldToponym
    pred: Pred | None
    km: float
    """Error in km; :data:`MAX_KM` when missed or unresolved."""


# ---------------------------------------------------------------- metrics


def auc_log_error(errors_km: Iterable[float]) -> float:
    """Gritta et al. (2019) AUC: trapezoid area under sorted log(1+km), normalised to [0, 1]."""
    errs = sorted(math.log1p(min(e, MAX_KM)) for e in errors_km)
    if not errs:
        return 0.0
    if len(errs) == 1:
        return errs[0] / math.log(MAX_KM)
    area = sum((a + b) / 2 for a, b in itertools.pairwise(errs))
    return area / (math.log(MAX_KM) * (len(errs) - 1))


def resolution_metrics(outcomes: list[Outcome]) -> dict[str, Any]:
    """acc161, exact_geonameid, mean/median km and AUC over all gold toponyms with coordinates."""
    kms = [o.km for o in outcomes]
    with_id = [o for o in outcomes if o.gold.geonameid is not None]
    exact = sum(
        1 for o in with_id
        if o.pred is not None and o.pred.place is not None
        and o.pred.place.geonameid == o.gold.geonameid
    )
    return {
        "n_scored": len(outcomes),
        "n_resolved": sum(1 for o in outcomes if o.pred is not None and o.pred.place is not None),
        "acc161": sum(1 for k in kms if k <= ACC_KM) / len(kms) if kms else 0.0,
        "exact_geonameid": exact / len(with_id) if with_id else None,
        "mean_km": statistics.fmean(kms) if kms else None,
        "median_km": statistics.median(kms) if kms else None,
        "auc": auc_log_error(kms),
    }


def match_spans(gold: tuple[GoldToponym, ...], preds: list[Pred]) -> dict[int, int]:
    """One-to-one gold index -> pred index by character overlap, largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > 0:
                pairs.append((-ov, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: dict[int, int] = {}
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            out[gi] = pi
            used_g.add(gi)
            used_p.add(pi)
    return out


def outcomes_for(idx: int, art: GoldArticle, preds: list[Pred]) -> tuple[list[Outcome], int]:
    """Outcomes of an article's gold toponyms with coordinates, and its matched-span count."""
    m = match_spans(art.toponyms, preds)
    out = []
    for gi, g in enumerate(art.toponyms):
        if not g.has_coords:
            continue
        assert g.lat is not None and g.lon is not None
        p = preds[m[gi]] if gi in m else None
        if p is None or p.place is None:
            km = MAX_KM
        else:
            km = haversine_km(g.lat, g.lon, p.place.lat, p.place.lon)
        out.append(Outcome(idx, g, p, km))
    return out, len(m)


# ---------------------------------------------------------------- systems


def _adoc(art: GoldArticle, *, sentences: bool = True) -> AnnotatedDoc:
    from eventscribe.stages.sentences import RuleSentencizer

    outlet = art.domain or (f"feed {art.feedid}" if art.feedid else None)
    src = Source(title=art.title or None, outlet=outlet, url=art.url or None,
                 published_at=art.published, external_id=art.docid)
    adoc = AnnotatedDoc(Doc.from_text(art.text, src))
    return RuleSentencizer()(adoc) if sentences else adoc


def _baseline_pick(gaz: Gazetteer, surface: str) -> Place | None:
    cands = gaz.candidates(surface)
    if not cands:
        return None
    best = max(cands, key=lambda c: (c.entry.population, -c.entry.index)).entry
    return gaz.to_place(best)


def _preds(adoc: AnnotatedDoc) -> list[Pred]:
    return [Pred(p.span.start, p.span.end, p.place, p.provenance.reason) for p in adoc.places]


class Runner:
    """Runs eventscribe and the baseline over a gold set.

    With ``outlet_prior`` (the default) a first pass over all documents learns each outlet's
    home region from its other documents (:func:`eventscribe.stages.geoparse.outlet_homes`),
    and a second pass resolves with it; documents without an outlet or URL get no home.
    """

    def __init__(self, *, outlet_prior: bool = True, demonyms: bool = True) -> None:
        self.outlet_prior = outlet_prior
        self.cpu_s = 0.0
        """CPU seconds of the last gold-span resolution (this machine's cores are shared)."""
        from eventscribe.stages.geoparse import GazetteerGeoparser

        t0 = time.perf_counter()
        # LGL-style annotation counts demonyms ("Iraqi") as toponyms of their country
        self.geo = GazetteerGeoparser(demonym_places=demonyms)
        self.geo.warm_up()
        self.load_s = time.perf_counter() - t0
        self.gaz = self.geo.gazetteer

    def gold_spans(self, arts: list[GoldArticle]) -> tuple[list[list[Pred]], float]:
        """eventscribe's readings of the gold spans, and the seconds spent resolving."""
        adocs = [_adoc(a, sentences=False) for a in arts]
        spans = [[(t.start, t.end) for t in a.toponyms] for a in arts]
        c0 = time.process_time()
        t0 = time.perf_counter()
        first = [self.geo.resolve_spans(d, sp) for d, sp in zip(adocs, spans, strict=True)]
        homes = self._homes(first)
        final = [
            self.geo.resolve_spans(d, sp, h) if h is not None else f
            for d, sp, h, f in zip(adocs, spans, homes, first, strict=True)
        ]
        secs = time.perf_counter() - t0
        self.cpu_s = time.process_time() - c0
        return [_preds(f) for f in final], secs

    def _homes(self, first: list[AnnotatedDoc]) -> list[Any]:
        from eventscribe.stages.geoparse import outlet_homes, outlet_key

        if not self.outlet_prior:
            return [None] * len(first)
        return outlet_homes([(outlet_key(d.doc.source), d) for d in first])

    def baseline_gold_spans(self, arts: list[GoldArticle]) -> list[list[Pred]]:
        """Largest population among exact name matches of each gold span."""
        return [[Pred(t.start, t.end, _baseline_pick(self.gaz, t.phrase)) for t in a.toponyms]
                for a in arts]

    def end_to_end(
        self, arts: list[GoldArticle], progress: Callable[[int], None] | None = None
    ) -> tuple[list[list[Pred]], list[list[Pred]], float]:
        """eventscribe's and the baseline's toponyms from raw text, and the seconds spent."""
        from eventscribe.stages.ner import SpacyNER

        ner = SpacyNER()
        ner.warm_up()
        base: list[list[Pred]] = []
        t0 = time.perf_counter()
        annotated: list[AnnotatedDoc] = []
        batch = 32
        for i in range(0, len(arts), batch):
            chunk = arts[i : i + batch]
            for adoc in ner.pipe([_adoc(a) for a in chunk]):
                annotated.append(adoc)
                base.append(self._baseline_entities(adoc.text, adoc.entities))
            if progress:
                progress(len(chunk))
        first = [self.geo(a) for a in annotated]
        homes = self._homes(first)
        final = [self.geo.geoparse(a, h) if h is not None else f
                 for a, h, f in zip(annotated, homes, first, strict=True)]
        return [_preds(f) for f in final], base, time.perf_counter() - t0

    def _baseline_entities(self, text: str, ents: tuple[Entity, ...]) -> list[Pred]:
        out = []
        for e in ents:
            if e.label not in PLACE_LABELS:
                continue
            s, t = e.span.start, e.span.end
            if text[s:t].lower().startswith("the "):
                s += 4
            out.append(Pred(s, t, _baseline_pick(self.gaz, text[s:t])))
        return out


# ---------------------------------------------------------------- report


def evaluate(path: str | Path, *, gold_spans: bool = False, limit: int | None = None,
             outlet_prior: bool = True,
             demonyms: bool = True) -> tuple[dict[str, Any], list[Outcome], GoldSet]:
    """Run the evaluation; returns the JSON result, eventscribe's outcomes and the gold set."""
    gs = read_path(path)
    arts = gs.articles[:limit] if limit else gs.articles
    runner = Runner(outlet_prior=outlet_prior, demonyms=demonyms)
    n_gold = sum(len(a.toponyms) for a in arts)
    if gold_spans:
        ours, secs = runner.gold_spans(arts)
        base = runner.baseline_gold_spans(arts)
    else:
        ours, base, secs = runner.end_to_end(arts)
    res: dict[str, Any] = {
        "protocol": "gold_spans" if gold_spans else "end_to_end",
        "outlet_prior": outlet_prior,
        "demonym_toponyms": demonyms,
        "n_docs": len(arts),
        "n_gold": n_gold,
        "n_gold_with_coords": sum(1 for a in arts for t in a.toponyms if t.has_coords),
    }
    results = {}
    all_out: list[Outcome] = []
    for label, preds in (("eventscribe", ours), ("baseline", base)):
        outs: list[Outcome] = []
        matched = 0
        for i, (a, p) in enumerate(zip(arts, preds, strict=True)):
            o, m = outcomes_for(i, a, p)
            outs.extend(o)
            matched += m
        r = resolution_metrics(outs)
        if not gold_spans:
            n_pred = sum(len(p) for p in preds)
            pr, rc, f1 = prf(matched, n_pred, n_gold)
            r.update(n_pred=n_pred, toponym_precision=pr, toponym_recall=rc, toponym_f1=f1)
        results[label] = rounded(r)
        if label == "eventscribe":
            all_out = outs
    res.update(results["eventscribe"])
    res["docs_per_s"] = round(len(arts) / secs, 2) if secs else None
    res["toponyms_per_s"] = round(n_gold / secs, 1) if secs else None
    if gold_spans and runner.cpu_s:
        res["toponyms_per_cpu_s"] = round(n_gold / runner.cpu_s, 1)
    res["gazetteer_load_s"] = round(runner.load_s, 3)
    res["baseline"] = results["baseline"]
    res["skipped"] = dict(gs.skipped)
    return res, all_out, gs


def _abbreviation(g: GoldToponym) -> bool:
    p = g.phrase
    return "." in p or (p.isupper() and len(p) <= 5)


def error_classes(outcomes: list[Outcome]) -> list[tuple[str, int, int, list[str]]]:
    """(class, n wrong, n total, examples) groups of errors, worst first."""
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        g = o.gold
        fc = g.fcode or g.fclass or "?"
        groups[f"gold feature {fc}"].append(o)
        groups[f"gold country {g.country or '?'}"].append(o)
        if _abbreviation(g):
            groups["abbreviation (dotted/all-caps)"].append(o)
        if g.name and g.phrase.lower() != g.name.lower() and not _abbreviation(g):
            groups["surface differs from gold name (adjective, alias)"].append(o)
        if o.pred is None:
            groups["span missed (not recognised)"].append(o)
        elif o.pred.place is None:
            groups["recognised, unresolved"].append(o)
        elif o.km > ACC_KM:
            if o.pred.place.name.lower() == (g.name or g.phrase).lower():
                groups["wrong namesake (same name, > 161 km)"].append(o)
            else:
                groups["other wrong entry (> 161 km)"].append(o)
    rows = []
    for name, outs in groups.items():
        bad = [o for o in outs if o.km > ACC_KM]
        if not bad:
            continue
        ex: Counter[str] = Counter()
        for o in bad:
            p = o.pred.place if o.pred is not None else None
            got = "missed" if o.pred is None else (
                "unresolved" if p is None else f"{p.name} ({p.country_code}, {p.feature_code})")
            ex[f"{o.gold.phrase} -> {got} [gold {o.gold.name or '?'} {o.gold.fcode}]"] += 1
        rows.append((name, len(bad), len(outs), [f"{k} x{v}" for k, v in ex.most_common(3)]))
    rows.sort(key=lambda r: (-r[1], r[0]))
    return rows


def print_table(res: dict[str, Any], outcomes: list[Outcome], top: int = 15) -> None:
    """A plain-text report: metrics side by side with the baseline, then the worst classes."""
    base = res["baseline"]
    keys = ["acc161", "exact_geonameid", "mean_km", "median_km", "auc", "n_resolved"]
    if res["protocol"] == "end_to_end":
        keys += ["toponym_precision", "toponym_recall", "toponym_f1", "n_pred"]
    click.echo(f"geocode ({res['protocol']}): {res['n_docs']} docs, {res['n_gold']} gold toponyms,"
               f" {res['n_scored']} with coordinates; {res['docs_per_s']} docs/s, "
               f"{res['toponyms_per_s']} toponyms/s; gazetteer load {res['gazetteer_load_s']} s")
    click.echo(f"{'metric':<20}{'eventscribe':>14}{'baseline':>14}")
    for k in keys:
        click.echo(f"{k:<20}{_fmt(res.get(k)):>14}{_fmt(base.get(k)):>14}")
    if res.get("skipped"):
        click.echo("skipped: " + "; ".join(f"{k} x{v}" for k, v in res["skipped"].items()))
    click.echo("\nworst error classes (wrong = over 161 km, missed or unresolved):")
    click.echo(f"{'class':<52}{'wrong':>7}{'of':>7}  examples")
    for name, bad, n, ex in error_classes(outcomes)[:top]:
        click.echo(f"{name[:51]:<52}{bad:>7}{n:>7}  {' | '.join(ex)}")


def _fmt(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.4f}" if abs(v) < 10 else f"{v:,.1f}"
    return str(v)


@click.command(name="geocode")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--gold-spans", is_flag=True, help="Resolve the gold toponym spans only.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--limit", type=int, default=None, help="Only the first N articles.")
@click.option("--no-outlet-prior", is_flag=True,
              help="Resolve each article alone (no home region learned from the outlet's "
                   "other articles).")
@click.option("--no-demonyms", is_flag=True,
              help="End to end, do not count demonyms ('Iraqi', 'Ohioans') as toponyms (LGL "
                   "annotates them; other sets may not).")
def command(path: Path, gold_spans: bool, as_json: bool, limit: int | None,
            no_outlet_prior: bool, no_demonyms: bool) -> None:
    """Geocoding accuracy on an LGL-format XML file (or a folder of them)."""
    try:
        res, outcomes, _ = evaluate(path, gold_spans=gold_spans, limit=limit,
                                    outlet_prior=not no_outlet_prior, demonyms=not no_demonyms)
    except EventscribeError as e:
        raise click.ClickException(str(e)) from e
    if as_json:
        emit_json(res)
    else:
        print_table(res, outcomes)
