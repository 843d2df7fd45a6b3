"""``eventscribe eval roles PATH --format wikievents|rams``: triggers and argument roles.

For the event kinds eventscribe covers, gold events and arguments are mapped to evaluation
*families* and *roles* (tables in :mod:`eventscribe.evaluation.roles_scoring` and
docs/roles.md), and compared with what the pipeline returns. The same scores are computed, in
the same run, for a baseline of spaCy dependency rules written in this module
(:func:`baseline_predictions`), so the gain is visible.

Scoring (per document, then summed):

* ``trigger_f1``: a predicted trigger (family, character span) matches a gold trigger of the same
  family whose span it overlaps; one-to-one.
* ``arg_f1``: an argument is (family, role, head word). Heads are compared as lower-case strings
  within one document (head-word match), so a predicted "Taliban" matches the gold "Taliban"
  of another sentence of the same document. ``target`` and ``victim`` of the violence family are
  interchangeable when matching (KAIROS/RAMS put people attacked under Attack.Target and people
  killed under Die.Victim; eventscribe has one list of targets); per-role figures count a match
  under the gold role (recall) and the predicted role (precision). ``arg_f1_coref`` also accepts
  the head of any coreferent mention of the gold entity (WikiEvents gives clusters).

RAMS annotates one event per example, so only predictions of that event's family are scored
there, and only examples of covered types are run.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from eventscribe.evaluation.common import emit_json
from eventscribe.evaluation.roles_scoring import (
    ROLES,
    GoldItems,
    Predictions,
    Tally,
    counted_noun,
    gold_family,
    gold_items,
    gold_role,
    score_doc,
)
from eventscribe.evaluation.wikievents_format import GoldDoc, ReadResult
from eventscribe.stages.roles_phrases import head_word

__all__ = [
    "ROLES", "GoldItems", "Predictions", "Tally", "baseline_doc", "command", "counted_noun",
    "evaluate", "gold_family", "gold_items", "gold_role", "head_word", "score_doc",
    "system_predictions",
]

CLASS_FAMILY: dict[str, str] = {
    **dict.fromkeys(
        ("attack", "armed_clash", "gov_regains_territory", "nsa_overtakes_territory",
         "air_strike", "drone_strike", "shelling", "remote_explosive", "suicide_bomb", "grenade",
         "chemical_weapon", "sexual_violence", "excessive_force", "mob_violence"), "violence"),
    "abduction": "abduction",
    **dict.fromkeys(
        ("peaceful_protest", "hunger_strike", "labour_strike", "protest_with_intervention",
         "violent_demonstration"), "protest"),
    "arrest": "arrest",
    "release": "release",
    "property_destruction": "damage",
    "protest_vandalism": "damage",
}
# eventscribe's actors/targets -> role, per family
_ACTOR_ROLE = {"violence": "attacker", "damage": "attacker", "abduction": "attacker",
               "arrest": "jailer", "release": "jailer", "protest": "demonstrator"}
_TARGET_ROLE = {"violence": "target", "damage": "target", "abduction": "victim",
                "arrest": "detainee", "release": "detainee"}
_CLAIM_ROLE = {"killed": ("violence", "victim"), "injured": ("violence", "victim"),
               "arrested": ("arrest", "detainee"), "abducted": ("abduction", "victim")}
_PERSON_SECTORS = frozenset({"civilian", "military", "police", "security", "rebel", "militia",
                             "protester", "rioter", "government"})
WEAPONS = frozenset(
    "bomb bombs ied ieds grenade grenades rocket rockets missile missiles mortar mortars "
    "explosive explosives device devices landmine landmines mine mines drone drones shell shells "
    "artillery vest vests car-bomb gun guns rifle rifles knife knives machete machetes".split()
)

CRAFT = frozenset("planes warplanes jets aircraft helicopters gunships fighter-jets".split())
"""Aircraft that carry out a strike: the means when they are the actor (KAIROS and RAMS code the
aircraft as Instrument); a shot-down aircraft stays a target."""

INFERRED_PLACE = ("no place stated", "no place named")
"""Reason prefixes of a place eventscribe infers (the country most mentioned, the country of a
demonym): not an argument of the text."""


# ---------------------------------------------------------------- predictions


_PRONOUNS = frozenset("he she it they we i you him her them us me who which that this these "
                      "those there".split())


def _add(pred: Predictions, fam: str, role: str, phrase: str | None) -> None:
    h = head_word(phrase) if phrase else None
    if h and h not in _PRONOUNS:
        pred.args.add((fam, role, h))


def _type_class(etype: Any) -> str | None:
    from eventscribe.resources.lexicon import event_classes

    for name, ec in event_classes().items():
        if ec.type == etype:
            return name
    for name, ec in event_classes().items():
        if ec.type.acled_sub_event_type == etype.acled_sub_event_type:
            return name
    return None


def _nearest_family(span: Any, trig_fams: Sequence[tuple[Any, str | None]], default: str) -> str:
    """Family of the event trigger nearest to a participant's span: an arrest folded into an
    attack keeps its own roles ("police detained five men": jailer and detainee)."""
    best: tuple[int, str] | None = None
    for sp, tf in trig_fams:
        if tf is None:
            continue
        d = max(0, sp.start - span.end, span.start - sp.end)
        if best is None or d < best[0]:
            best = (d, tf)
    return best[1] if best is not None else default


def no_event_reason(result: Any) -> str:
    """Why the pipeline returned no event for a document (its triggers, read again)."""
    try:
        from eventscribe.stages.classify import find_triggers

        triggers = find_triggers(result.adoc) if result.adoc is not None else ()
    except Exception:  # the reason is a report, never a failure
        triggers = ()
    if any(not t.realis for t in triggers):
        return "event words only in non-factual use (future, feared, prevented, generic)"
    return "no event trigger or casualty count"


_HARM_WORD = re.compile(
    r"\b(?:kill(?:ed|s|ing)?|dead|died|dies|deaths?|death toll|lives|bodies|injur(?:ed|ies|y|ing)|"
    r"wound(?:ed|s|ing)?|hurt|maim(?:ed|ing)?)\b",
    re.IGNORECASE,
)


def _claim_triggers(pred: Predictions, event: Any, text: str) -> None:
    """The death or injury word of each killed/injured count claim, as a violence trigger.

    eventscribe states that people died or were hurt as count claims of an event, not as events
    of their own; the word that says so ("12 were *injured*") is what KAIROS and RAMS annotate
    as a Life.Die / Life.Injure trigger. A word overlapping a trigger already predicted is not
    added again.
    """
    for c in event.claims:
        if c.kind not in ("killed", "injured") or not c.evidence:
            continue
        ev = c.evidence[0]
        m = _HARM_WORD.search(text, ev.start, ev.end)
        if m is None:
            continue
        s, e = m.start(), m.end()
        if any(f == "violence" and ps < e and s < pe for f, ps, pe in pred.triggers):
            continue
        pred.triggers.append(("violence", s, e))


def _stated_arguments(pred: Predictions, event: Any, span_class: dict[tuple[int, int], str],
                      fam: str) -> None:
    """Places and instruments the text states for each trigger (common nouns included), as the
    event carries them (``Event.arguments``, filled by
    :func:`eventscribe.stages.roles_args.stated_arguments`)."""
    for arg in event.arguments:
        sp = arg.trigger if arg.trigger is not None else event.trigger
        tfam = CLASS_FAMILY.get(span_class.get((sp.start, sp.end), ""), fam)
        if arg.role == "place":
            _add(pred, tfam, "place", arg.span.text)
        elif tfam in ("violence", "damage"):
            _add(pred, tfam, "instrument", arg.span.text)


def system_predictions(result: Any) -> Predictions:
    """Triggers and arguments of one pipeline result (``DocResult``)."""
    pred = Predictions()
    events = tuple(result.events or ())
    if not events:
        pred.no_event = True
        return pred
    span_class: dict[tuple[int, int], str] = {}
    if result.adoc is not None:
        try:
            from eventscribe.stages.classify import find_triggers

            for t in find_triggers(result.adoc):
                span_class[(t.span.start, t.span.end)] = t.cls
        except Exception:  # per-trigger classes are a refinement only
            span_class = {}
    text = result.doc.text
    for e in events:
        cls = _type_class(e.type)
        fam = CLASS_FAMILY.get(cls or "")
        spans = e.type_provenance.evidence or (e.trigger,)
        for sp in spans:
            tfam = CLASS_FAMILY.get(span_class.get((sp.start, sp.end), ""), fam)
            if tfam:
                pred.triggers.append((tfam, sp.start, sp.end))
            h = head_word(text[sp.start : sp.end])
            if tfam in ("violence", "damage") and (
                h in WEAPONS
            ):
                pred.args.add((tfam, "instrument", h))
        _claim_triggers(pred, e, text)
        if fam is None:
            continue
        trig_fams = [
            (sp, CLASS_FAMILY.get(span_class.get((sp.start, sp.end), ""), fam)) for sp in spans
        ]
        for a in e.actors:
            afam = _nearest_family(a.span, trig_fams, fam)
            if afam in ("violence", "damage") and head_word(a.span.text) in WEAPONS | CRAFT:
                # "a roadside bomb killed ...", "Russian war planes bombed ..."
                _add(pred, afam, "instrument", a.span.text)
            elif afam in _ACTOR_ROLE:
                _add(pred, afam, _ACTOR_ROLE[afam], a.span.text)
        for a in e.targets:
            afam = _nearest_family(a.span, trig_fams, fam)
            if afam in ("violence", "damage") and head_word(a.span.text) in WEAPONS:
                _add(pred, afam, "instrument", a.span.text)  # "bombs were detonated"
            elif afam in _TARGET_ROLE:
                role = _TARGET_ROLE[afam]
                if role == "target" and afam == "violence" and a.sector in _PERSON_SECTORS:
                    role = "victim"
                _add(pred, afam, role, a.span.text)
        _stated_arguments(pred, e, span_class, fam)
        if (e.place is not None and e.place.provenance.evidence
                and not e.place.provenance.reason.startswith(INFERRED_PLACE)):
            sp = e.place.provenance.evidence[0]
            _add(pred, fam, "place", text[sp.start : sp.end])
        for c in e.claims:
            fr = _CLAIM_ROLE.get(c.kind)
            if fr is None:
                continue
            h = head_word(c.group) if c.group else None
            if h is None and c.evidence:
                h = counted_noun(c.evidence[0].text)
            if h:
                pred.args.add((fr[0], fr[1], h))
    return pred


# ---------------------------------------------------------------- baseline: dependency rules

_BASE_LEMMAS: dict[str, str] = {
    **dict.fromkeys(
        "attack assault raid kill murder shoot stab explode detonate bomb bombing blast explosion "
        "strike airstrike shell shelling clash fight ambush injure wound die death massacre "
        "execute".split(), "violence"),
    **dict.fromkeys("arrest detain detention jail imprison".split(), "arrest"),
    **dict.fromkeys("release free".split(), "release"),
    **dict.fromkeys("protest demonstrate demonstration rally march".split(), "protest"),
    **dict.fromkeys("destroy damage burn torch demolish loot".split(), "damage"),
    **dict.fromkeys("abduct kidnap abduction kidnapping".split(), "abduction"),
}
_HARM = frozenset("kill murder shoot stab injure wound die death massacre execute".split())
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


def _agent_role(fam: str) -> str:
    return _ACTOR_ROLE.get(fam, "attacker")


def _patient_role(fam: str, lemma: str) -> str:
    if fam == "violence":
        return "victim" if lemma in _HARM else "target"
    return _TARGET_ROLE.get(fam, "target")


def _with_conj(tok: Any) -> list[Any]:
    return [tok, *(c for c in tok.children if c.dep_ == "conj")]


def baseline_doc(sdoc: Any, families: frozenset[str] | None = None) -> Predictions:
    """Triggers by lemma and roles by dependency relations on one parsed spaCy ``Doc``.

    Verbs: subject -> agent role (attacker, jailer, demonstrator), object or passive subject ->
    patient role (victim for harm verbs, else target; detainee), ``by`` agent -> agent role.
    Nouns: ``by X`` / possessor -> agent, ``on/against/of X`` -> patient. Both: ``in/at/near X``
    with a place entity -> place, ``with X`` -> instrument.
    """
    pred = Predictions()
    for tok in sdoc:
        if tok.pos_ not in ("VERB", "NOUN"):
            continue
        fam = _BASE_LEMMAS.get(tok.lemma_.lower())
        if fam is None or (families is not None and fam not in families):
            continue
        pred.triggers.append((fam, tok.idx, tok.idx + len(tok.text)))
        agent, patient = _agent_role(fam), _patient_role(fam, tok.lemma_.lower())
        for c in tok.children:
            role: str | None = None
            heads: list[Any] = []
            if tok.pos_ == "VERB":
                if c.dep_ in ("nsubj", "csubj"):
                    role = patient if tok.lemma_.lower() == "die" else agent
                    heads = _with_conj(c)
                elif c.dep_ in ("nsubjpass", "dobj", "obj"):
                    role, heads = patient, _with_conj(c)
                elif c.dep_ == "agent":
                    role = agent
                    heads = [g for p in c.children if p.dep_ == "pobj" for g in _with_conj(p)]
            else:
                if c.dep_ == "poss":
                    role, heads = agent, [c]
                elif c.dep_ == "prep" and c.lower_ == "by":
                    role = agent
                    heads = [g for p in c.children if p.dep_ == "pobj" for g in _with_conj(p)]
                elif c.dep_ == "prep" and c.lower_ in ("on", "against", "of"):
                    role = patient
                    heads = [g for p in c.children if p.dep_ == "pobj" for g in _with_conj(p)]
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "outside"):
                role = "place"
                heads = [g for g in c.children if g.dep_ == "pobj" and g.ent_type_ in _PLACE_ENTS]
            elif c.dep_ == "prep" and c.lower_ == "with" and fam in ("violence", "damage"):
                role = "instrument"
                heads = [g for g in c.children if g.dep_ == "pobj"]
            for h in heads:
                if role and h.pos_ != "PRON":
                    hw = head_word(h.text)
                    if hw:
                        pred.args.add((fam, role, hw))
    return pred


def baseline_predictions(
    texts: list[str], families: list[frozenset[str] | None]
) -> list[Predictions]:
    """The dependency-rule baseline on each text (spaCy's full small English pipeline)."""
    from eventscribe.resources.nlp import load_nlp

    nlp = load_nlp()
    return [
        baseline_doc(sdoc, fams)
        for sdoc, fams in zip(nlp.pipe(texts, batch_size=16), families, strict=True)
    ]


# ---------------------------------------------------------------- running


def read(path: Path | str, fmt: str) -> ReadResult:
    """Read gold documents in ``fmt`` ("wikievents" or "rams")."""
    if fmt == "wikievents":
        from eventscribe.evaluation.wikievents_format import read_wikievents

        return read_wikievents(path)
    if fmt == "rams":
        from eventscribe.evaluation.rams_format import read_rams

        return read_rams(path)
    raise ValueError(f"unknown format {fmt!r}")


def evaluate(path: Path | str, fmt: str, *, limit: int | None = None,
             baseline: bool = True) -> dict[str, Any]:
    """Scores of eventscribe (and the dependency baseline) on the gold at ``path``."""
    from eventscribe.model import Doc, Source
    from eventscribe.pipeline import Pipeline

    rr = read(path, fmt)
    skipped = Counter(rr.skipped)
    docs: list[tuple[GoldDoc, GoldItems]] = []
    for d in rr.docs:
        g = gold_items(d)
        if fmt == "rams" and not g.families:
            skipped["event type not covered"] += 1
            continue
        docs.append((d, g))
    if limit is not None:
        docs = docs[:limit]
    restrict = [g.families if fmt == "rams" else None for _, g in docs]
    system, base = Tally(), Tally()
    errors = 0
    no_event_reasons: Counter[str] = Counter()
    pipe = Pipeline()
    inputs = [Doc.from_text(d.text, Source(title=None, outlet="the report")) for d, _ in docs]
    for (_, g), fams, res in zip(docs, restrict, pipe.process(inputs), strict=True):
        if res.error is not None:
            errors += 1
            pred = Predictions(no_event=True)
            no_event_reasons[f"error {res.error.code}"] += 1
        else:
            pred = system_predictions(res)
            if pred.no_event:
                no_event_reasons[no_event_reason(res)] += 1
        system.no_event += pred.no_event
        score_doc(g, pred, system, fams)
    out: dict[str, Any] = {
        "format": fmt,
        "n_docs": len(docs),
        "n_gold_triggers": sum(len(g.triggers) for _, g in docs),
        "n_gold_args": sum(len(g.args) for _, g in docs),
        "skipped": dict(skipped),
        "pipeline_errors": errors,
        "no_event_reasons": dict(no_event_reasons),
        "eventscribe": system.result(),
    }
    if baseline:
        preds = baseline_predictions([d.text for d, _ in docs], restrict)
        for (_, g), fams, pred in zip(docs, restrict, preds, strict=True):
            base.no_event += not pred.triggers
            score_doc(g, pred, base, fams)
        out["baseline"] = base.result()
        out["arg_f1_gain"] = round(out["eventscribe"]["arg_f1"] - out["baseline"]["arg_f1"], 4)
    return out


def _print_table(res: dict[str, Any]) -> None:
    systems = [k for k in ("eventscribe", "baseline") if k in res]
    print(f"roles on {res['format']}: {res['n_docs']} documents, {res['n_gold_triggers']} gold "
          f"triggers, {res['n_gold_args']} gold arguments; skipped {res['skipped'] or 'none'}")
    print(f"{'metric':<22}" + "".join(f"{s:>14}" for s in systems))
    for m in ("trigger_precision", "trigger_recall", "trigger_f1", "arg_precision",
              "arg_recall", "arg_f1", "arg_f1_coref", "docs_without_events"):
        print(f"{m:<22}" + "".join(f"{res[s][m]:>14}" for s in systems))
    print(f"\n{'role':<14}{'n_gold':>7}" + "".join(f"{s[:10] + ' P/R/F':>24}" for s in systems))
    for r in ROLES:
        row = f"{r:<14}{res[systems[0]]['per_role'][r]['n_gold']:>7}"
        for s in systems:
            pr = res[s]["per_role"][r]
            row += f"{pr['precision']:>8.2f}{pr['recall']:>8.2f}{pr['f1']:>8.2f}"
        print(row)
    if "arg_f1_gain" in res:
        print(f"\narg_f1 gain over the dependency baseline: {res['arg_f1_gain']:+.4f}")


@click.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["wikievents", "rams"]), required=True,
              help="Gold format of PATH.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--limit", type=int, default=None, help="Score only the first N documents.")
@click.option("--no-baseline", is_flag=True, help="Skip the dependency-rule baseline.")
def command(path: Path, fmt: str, as_json: bool, limit: int | None, no_baseline: bool) -> None:
    """Trigger and argument-role F1 on WikiEvents or RAMS, with a dependency-rule baseline."""
    res = evaluate(path, fmt, limit=limit, baseline=not no_baseline)
    if as_json:
        emit_json(res)
    else:
        _print_table(res)
