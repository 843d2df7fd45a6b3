"""``eventscribe eval roles PATH --format wikievents|rams``: triggers and argument roles.

For the event kinds eventscribe covers, gold events and arguments are mapped to evaluation
*families* and *roles* (tables below; docs/roles.md explains them), and compared with what the
pipeline returns. The same scores are computed, in the same run, for a baseline of spaCy
dependency rules written in this module (:func:`baseline_predictions`), so the gain is visible.

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
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from eventscribe.evaluation.common import emit_json, prf
from eventscribe.evaluation.wikievents_format import GoldDoc, ReadResult

ROLES: tuple[str, ...] = (
    "attacker", "target", "victim", "instrument", "place", "detainee", "jailer", "demonstrator",
)
FAMILIES: tuple[str, ...] = ("violence", "arrest", "release", "protest", "damage", "abduction")

# gold type (lower-case, dotted) prefix -> family; the first matching prefix wins
_GOLD_TYPES: tuple[tuple[str, str | None], ...] = (
    ("conflict.attack.stealrobhijack", None),  # robbery: not an event kind eventscribe codes
    ("conflict.attack", "violence"),
    ("life.die.nonviolentdeath", None),
    ("life.die", "violence"),
    ("life.injure.illness", None),
    ("life.injure", "violence"),
    ("justice.arrestjaildetain", "arrest"),
    ("justice.releaseparole", "release"),
    ("conflict.demonstrate", "protest"),
    ("artifactexistence.damagedestroydisabledismantle.disabledefuse", None),
    ("artifactexistence.damagedestroydisabledismantle.dismantle", None),
    ("artifactexistence.damagedestroy", "damage"),
)
# gold role (lower-case) -> evaluation role; roles not listed are not scored
_GOLD_ROLES: dict[str, str] = {
    "attacker": "attacker", "killer": "attacker", "injurer": "attacker", "damager": "attacker",
    "destroyer": "attacker", "damagerdestroyer": "attacker",
    "target": "target", "artifact": "target",
    "victim": "victim",
    "instrument": "instrument", "explosivedevice": "instrument",
    "place": "place",
    "detainee": "detainee", "jailer": "jailer",
    "defendant": "detainee", "judgecourt": "jailer", "releaser": "jailer",
    "demonstrator": "demonstrator",
}
# eventscribe class -> family
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


INFERRED_PLACE = "no place stated"
"""Reason prefix of a place eventscribe infers (the country most mentioned): not an argument."""


def gold_family(event_type: str) -> str | None:
    """Evaluation family of a gold event type (None: not an event kind eventscribe covers)."""
    t = event_type.lower()
    for prefix, fam in _GOLD_TYPES:
        if t.startswith(prefix):
            return fam
    return None


def gold_role(role: str) -> str | None:
    """Evaluation role of a gold role name (None: not scored)."""
    return _GOLD_ROLES.get(role.lower())


# ---------------------------------------------------------------- head words

_WORD = re.compile(r"\d{1,3}(?:,\d{3})+|[A-Za-z0-9][A-Za-z0-9'’.&-]*")
_CUT = re.compile(
    r",|;|\(|\s(?:of|in|at|from|on|near|who|which|that|with|for|during|after|outside|inside|"
    r"including|and|or)\s",
    re.IGNORECASE,
)


def head_word(phrase: str) -> str | None:
    """Head of a noun phrase: the last word before a post-modifier ("members of the forces" ->
    "members"); lower-cased, possessive and final full stop dropped. None for no word."""
    words = _WORD.findall(phrase)
    if not words:
        return None
    first = phrase.find(words[0]) + len(words[0])
    cut = _CUT.search(phrase, first)
    if cut:
        words = _WORD.findall(phrase[: cut.start()]) or words
    h = words[-1].lower()
    h = re.sub(r"(?:'s|’s|')$", "", h).rstrip(".")
    return h or None


_NUMBER = re.compile(
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousands?|"
    r"dozens?|scores|several)$",
    re.IGNORECASE,
)
_NOT_NOUN = frozenset(
    "of other more the them those were was have has had are is being been killed dead "
    "died wounded injured hurt arrested detained abducted kidnapped in at on and who from "
    "during including people's reportedly".split()
)


def counted_noun(evidence: str) -> str | None:
    """Head of who was counted in a count's evidence: the noun after the figure ("killing 12
    people" -> "people"), else the figure itself ("11 were killed" -> "11")."""
    words = _WORD.findall(evidence)
    for i, w in enumerate(words):
        if not _NUMBER.match(w):
            continue
        j = i + 1
        while j < len(words) and _NUMBER.match(words[j]):
            j += 1
        if j < len(words) and words[j].lower() == "of":
            j += 1
        while j < len(words) and words[j].lower() in ("other", "more", "the", "those"):
            j += 1
        np_: list[str] = []
        while (j < len(words) and words[j].lower() not in _NOT_NOUN and len(np_) < 4
               and not words[j].lower().endswith("ly")):
            np_.append(words[j])
            j += 1
        if np_:
            return head_word(" ".join(np_))
        return words[j - 1 if j > i + 1 and _NUMBER.match(words[j - 1]) else i].lower()
    return None


# ---------------------------------------------------------------- predictions


@dataclass
class Predictions:
    """Triggers (family, start, end) and arguments (family, role, head) of one document."""

    triggers: list[tuple[str, int, int]] = field(default_factory=list)
    args: set[tuple[str, str, str]] = field(default_factory=set)
    no_event: bool = False


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


def _nearest_family(span: Any, trig_fams: list[tuple[Any, str | None]], default: str) -> str:
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
    except Exception:  # noqa: BLE001 - the reason is a report, never a failure
        triggers = ()
    if any(not t.realis for t in triggers):
        return "event words only in non-factual use (future, feared, prevented, generic)"
    return "no event trigger or casualty count"


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
        except Exception:  # noqa: BLE001 - per-trigger classes are a refinement only
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
        if fam is None:
            continue
        trig_fams = [
            (sp, CLASS_FAMILY.get(span_class.get((sp.start, sp.end), ""), fam)) for sp in spans
        ]
        for a in e.actors:
            afam = _nearest_family(a.span, trig_fams, fam)
            if afam in ("violence", "damage") and head_word(a.span.text) in WEAPONS:
                _add(pred, afam, "instrument", a.span.text)  # "a roadside bomb killed ..."
            elif afam in _ACTOR_ROLE:
                _add(pred, afam, _ACTOR_ROLE[afam], a.span.text)
        for a in e.targets:
            afam = _nearest_family(a.span, trig_fams, fam)
            if afam in _TARGET_ROLE:
                role = _TARGET_ROLE[afam]
                if role == "target" and afam == "violence" and a.sector in _PERSON_SECTORS:
                    role = "victim"
                _add(pred, afam, role, a.span.text)
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


def baseline_predictions(texts: list[str], families: list[frozenset[str] | None]) -> list[Predictions]:
    """The dependency-rule baseline on each text (spaCy's full small English pipeline)."""
    from eventscribe.resources.nlp import load_nlp

    nlp = load_nlp()
    return [
        baseline_doc(sdoc, fams)
        for sdoc, fams in zip(nlp.pipe(texts, batch_size=16), families, strict=True)
    ]


# ---------------------------------------------------------------- scoring


@dataclass
class Tally:
    """Counts behind the scores of one system."""

    trig_tp: int = 0
    trig_pred: int = 0
    trig_gold: int = 0
    arg_tp: int = 0
    arg_tp_coref: int = 0
    arg_pred: int = 0
    arg_gold: int = 0
    no_event: int = 0
    role_gold: Counter[str] = field(default_factory=Counter)
    role_pred: Counter[str] = field(default_factory=Counter)
    role_tp_gold: Counter[str] = field(default_factory=Counter)
    role_tp_pred: Counter[str] = field(default_factory=Counter)

    def result(self) -> dict[str, Any]:
        tp, tr, tf = prf(self.trig_tp, self.trig_pred, self.trig_gold)
        ap, ar, af = prf(self.arg_tp, self.arg_pred, self.arg_gold)
        _, _, afc = prf(self.arg_tp_coref, self.arg_pred, self.arg_gold)
        per_role = {}
        for r in ROLES:
            p = self.role_tp_pred[r] / self.role_pred[r] if self.role_pred[r] else 0.0
            rc = self.role_tp_gold[r] / self.role_gold[r] if self.role_gold[r] else 0.0
            per_role[r] = {
                "n_gold": self.role_gold[r], "n_pred": self.role_pred[r],
                "precision": round(p, 4), "recall": round(rc, 4),
                "f1": round(2 * p * rc / (p + rc), 4) if p + rc else 0.0,
            }
        return {
            "trigger_precision": round(tp, 4), "trigger_recall": round(tr, 4),
            "trigger_f1": round(tf, 4),
            "arg_precision": round(ap, 4), "arg_recall": round(ar, 4), "arg_f1": round(af, 4),
            "arg_f1_coref": round(afc, 4),
            "n_trigger_pred": self.trig_pred, "n_arg_pred": self.arg_pred,
            "docs_without_events": self.no_event,
            "per_role": per_role,
        }


@dataclass(frozen=True)
class GoldItems:
    """The scored gold of one document."""

    triggers: tuple[tuple[str, int, int], ...]
    args: tuple[tuple[str, str, str, frozenset[str]], ...]
    """(family, role, mention head, heads of all coreferent mentions)."""
    families: frozenset[str]


def gold_items(doc: GoldDoc) -> GoldItems:
    """Scored triggers and arguments of one gold document (duplicates merged)."""
    trigs: dict[tuple[str, int, int], None] = {}
    args: dict[tuple[str, str, str], set[str]] = {}
    labels: dict[tuple[str, str, str], str] = {}
    for ev in doc.events:
        fam = gold_family(ev.type)
        if fam is None:
            continue
        trigs[(fam, ev.trigger_start, ev.trigger_end)] = None
        for a in ev.args:
            role = gold_role(a.role)
            h = head_word(doc.text[a.start : a.end])
            if role is None or h is None:
                continue
            merged = "target/victim" if fam == "violence" and role in ("target", "victim") else role
            key = (fam, merged, h)
            heads = args.setdefault(key, {h})
            labels.setdefault(key, role)
            for s, e in a.coref:
                ch = head_word(doc.text[s:e])
                if ch:
                    heads.add(ch)
    return GoldItems(
        tuple(trigs),
        tuple((k[0], labels[k], k[2], frozenset(v)) for k, v in args.items()),
        frozenset(t[0] for t in trigs),
    )


def _compatible(fam: str, pred_role: str, gold_role_: str) -> bool:
    if pred_role == gold_role_:
        return True
    return fam == "violence" and {pred_role, gold_role_} == {"target", "victim"}


def _dedupe_pred(args: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    out = sorted(set(args))
    have = set(out)
    # one entity both target and victim of the violence family is one prediction (the victim)
    return [a for a in out if not (a[0] == "violence" and a[1] == "target"
                                   and ("violence", "victim", a[2]) in have)]


def score_doc(gold: GoldItems, pred: Predictions, tally: Tally,
              restrict: frozenset[str] | None = None) -> None:
    """Add one document's matches to ``tally`` (``restrict``: score only these families)."""
    ptrig = [t for t in dict.fromkeys(pred.triggers) if restrict is None or t[0] in restrict]
    used: set[int] = set()
    for fam, s, e in ptrig:
        for i, (gf, gs, ge) in enumerate(gold.triggers):
            if i not in used and gf == fam and s < ge and gs < e:
                used.add(i)
                tally.trig_tp += 1
                break
    tally.trig_pred += len(ptrig)
    tally.trig_gold += len(gold.triggers)
    pargs = [a for a in _dedupe_pred(pred.args) if restrict is None or a[0] in restrict]
    tally.arg_pred += len(pargs)
    tally.arg_gold += len(gold.args)
    for g in gold.args:
        tally.role_gold[g[1]] += 1
    for a in pargs:
        tally.role_pred[a[1]] += 1
    for coref in (False, True):
        taken: set[int] = set()
        paired: set[int] = set()
        for exact in (True, False):
            for j, (fam, role, h) in enumerate(pargs):
                if j in paired:
                    continue
                for i, (gf, grole, gh, gheads) in enumerate(gold.args):
                    if i in taken or gf != fam:
                        continue
                    if not (h == gh or (coref and h in gheads)):
                        continue
                    if not (role == grole if exact else _compatible(fam, role, grole)):
                        continue
                    taken.add(i)
                    paired.add(j)
                    if coref:
                        tally.arg_tp_coref += 1
                    else:
                        tally.arg_tp += 1
                        tally.role_tp_gold[grole] += 1
                        tally.role_tp_pred[role] += 1
                    break


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
    for (d, g), fams, res in zip(docs, restrict, pipe.process(inputs), strict=True):
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
