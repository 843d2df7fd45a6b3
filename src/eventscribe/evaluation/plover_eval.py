"""`eventscribe eval types PATH --format plover-gsr`: PLOVER category, mode, actors and counts.

Each record's sentence goes through the pipeline and through the spaCy parser (for its main
predicate, subject and object). Category: the ``fast`` learned model (text + the predicate's
lemmas and PLOVER cues + pipeline signals; ``--cv K`` for an honest dev score, else the shipped
``types_plover_fast.npz``), or ``rules`` (the first pipeline event's PLOVER category, else the
strongest PLOVER cue family in the predicate, else NO_EVENT). Mode: the matching pipeline
event's mode, else a mode lexicon within the predicted category. Actors: the pipeline event's
actors/targets when its category matches, else the predicate's subject/object phrases; scored
by token overlap with the gold actorText (micro P/R/F1). dead/injured: the pipeline's best
killed/injured figure vs the gold, exact match, over records whose gold has one.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import click
import numpy as np
from numpy.typing import NDArray

from eventscribe.evaluation.common import prf, rounded
from eventscribe.evaluation.plover_format import read_plover

_REPORTING = {"say", "tell", "report", "announce", "state", "add", "claim", "note", "confirm",
              "quote", "write"}
_TARGET_PREPS = {"with", "to", "against", "on", "into", "from", "upon"}
_STRIP = {"det", "poss", "punct", "predet"}
_WORD = re.compile(r"[\w'.-]+")

# Mode lexicon within a category (the older PLOVER manual's mode names, as the GSR uses them;
# THREATEN modes from its table: restrict = boycotts, strikes, blockades, curfews; relations =
# suspend relations or talks), first match wins.
_MODES: tuple[tuple[str, str, str], ...] = (
    ("PROTEST", "strike-hun", r"hunger[- ]strik"), ("PROTEST", "strike-gen", r"\bstrik"),
    ("PROTEST", "riot-spon", r"\briot"), ("PROTEST", "obstruct", r"\bblock|occup|barricad"),
    ("PROTEST", "demo-org", r"\bstag|organi[sz]|\brall"),
    ("PROTEST", "demo-spon", r"demonstrat|protest|march"),
    ("CONSULT", "visit", r"hosted by|\bvisit|arriv|travel"), ("CONSULT", "host", r"\bhost"),
    ("CONSULT", "third-party", r"mediat|negotiator|talks"),
    ("CONSULT", "visit", r"\bmet\b|meeting"),
    ("COERCE", "curfew", r"curfew"), ("COERCE", "censor", r"censor|newspaper|publication"),
    ("COERCE", "arrest", r"arrest"), ("COERCE", "detain", r"detain|custody|\bheld\b"),
    ("COERCE", "destroy", r"demolish|destroy|blew up|bulldoz|\bburn"),
    ("COERCE", "confiscate", r"confiscat|seiz"),
    ("FIGHT", "deport", r"forced out|expel|deport|evict"),
    ("FIGHT", "heavy-weapons", r"artiller|shell|tanks?\b|invasion|invad|mortar|rocket|missile"),
    ("FIGHT", "firearms", r"\bfire|\bshot|\bgun|rifle"),
    ("ASSAULT", "suicide-attack", r"suicide"), ("ASSAULT", "explosives", r"bomb|explos|grenade"),
    ("ASSAULT", "assassinate", r"assassinat"), ("ASSAULT", "torture", r"tortur"),
    ("ASSAULT", "beat", r"\bbeat"), ("ASSAULT", "primitive", r"machete|knife|knives|stabb"),
    ("THREATEN", "ban", r"\bban"),
    ("THREATEN", "arrest", r"arrest|detain|imprison|\bjail"),
    ("THREATEN", "restrict",
     r"boycott|blockad|\bblock|strike|curfew|restrict|embargo|sanction|close"),
    ("THREATEN", "relations", r"relations|ties|contact|talks|negotiat|withdraw|\baid\b"),
    ("THREATEN", "territory", r"occup|seize|take control"),
    ("THREATEN", "violence", r"attack|force|war\b|military|kill|fight|blows|offensive|bomb"),
    ("MOBILIZE", "police", r"police"), ("MOBILIZE", "weapons", r"weapon|missile|shell|artiller"),
    ("MOBILIZE", "troops", r"troops|army|reservist|soldier"),
)
_MODE_RES = tuple((c, m, re.compile(p, re.IGNORECASE)) for c, m, p in _MODES)


@dataclass(frozen=True)
class Predicate:
    """The sentence's main predicate: its words, lemmas, subject and object phrases."""

    text: str
    lemmas: tuple[str, ...]
    source: str | None
    target: str | None
    modality: str = ""
    """"will" (intent: will, would, willing/prepared to), "must" (must, should, have to), "neg"
    (negated) or "" (asserted)."""


MODALITIES = ("will", "must", "neg")
_WILL = {"will", "would", "'ll", "shall", "going"}
_MUST = {"must", "should", "ought"}
_INTENT_ADJ = {"willing", "prepared", "ready", "determined", "set", "poised", "eager"}


def _modality(chain: list[Any]) -> str:
    toks = [c for v in chain[:2] for c in v.children]
    if any(c.dep_ == "neg" for c in toks):
        return "neg"
    lowers = {c.lower_ for c in toks if c.dep_ in ("aux", "auxpass")}
    if lowers & _MUST or any(v.lemma_ == "have" and any(c.dep_ == "xcomp" for c in v.children)
                             for v in chain[:1]):
        return "must"
    if lowers & _WILL or chain[0].lower_ in _INTENT_ADJ or any(
            c.lower_ in _INTENT_ADJ for c in toks if c.dep_ == "acomp"):
        return "will"
    return ""


def _drop(t: Any, tok: Any) -> bool:
    """Words left out of an actor phrase: determiners, punctuation, pronoun possessives and
    counts ("two", "more than 100"), which the PLOVER gold actor texts leave out too."""
    if t.dep_ in _STRIP and not (t.dep_ == "poss" and t.pos_ != "PRON"):
        return True
    if t.dep_ == "case" and t.head.pos_ == "PRON":
        return True
    a = t
    while a.i != tok.i:
        if a.dep_ in ("nummod", "quantmod"):
            return True
        a = a.head
    return False


def _phrase(tok: Any) -> str:
    words = [t for t in tok.subtree if not _drop(t, tok) and not
             (t.dep_ in ("relcl", "acl", "appos") or any(a.dep_ in ("relcl", "acl", "appos")
                                                         for a in t.ancestors if a.i > tok.i))]
    return " ".join(t.text for t in words).strip()


_ACTOR_ENTS = {"GPE", "ORG", "PERSON", "NORP", "LOC", "FAC"}
# Nouns that name actors (people, groups, institutions), for recipients without a named entity.
_ACTOR_NOUNS = frozenset("""
army authorities civilians rulers community council countries country court delegation demonstrators
detainees diplomats envoy faction factions farmers fighters forces government governments
group groups guerrillas inspectors leader leaders members militants militia militias minister
ministry monitors nation nations negotiators observers officers officials opposition parliament
party people police president prime prisoners protesters rebels refugees regime residents
soldiers students troops union villagers workers
""".split())
_RECIPIENT_PREPS = {"to", "with", "against", "on", "from", "upon", "by", "between", "for", "of",
                    "into"}
_RIGHT_MODS = {"relcl", "acl", "appos", "prep", "advcl", "punct"}


_TIME_WORDS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december today yesterday tomorrow week month year
""".split())


def _is_actor(tok: Any) -> bool:
    """A word that can name an actor: a proper noun (not a day or month) or an actor noun.
    (The parse runs without NER, so named entities are recognised by part of speech.)"""
    if tok.lower_ in _TIME_WORDS or tok.like_num:
        return False
    return bool(tok.ent_type_ in _ACTOR_ENTS or tok.pos_ == "PROPN"
                or tok.lemma_.lower() in _ACTOR_NOUNS or tok.lower_ in _ACTOR_NOUNS)


def _actor_phrase(tok: Any) -> str:
    """The noun phrase of an actor word without determiners, pronoun possessives, counts and
    the modifiers that follow it (relative clauses, prepositional phrases, appositions)."""
    def keep(t: Any) -> bool:
        if _drop(t, tok):
            return False
        a = t
        while a.i != tok.i:
            if a.dep_ in _RIGHT_MODS and a.i > tok.i:
                return False
            a = a.head
        return True

    return " ".join(t.text for t in tok.subtree if keep(t)).strip()


def _actor_in(noun: Any) -> Any | None:
    """An actor word in or under a non-actor noun: a named modifier ("the Indian proposal",
    "a US offer") or the object of one of its prepositions ("aid to X", "calls by X")."""
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "poss") and c.is_title and c.i > 0 and (
                c.pos_ in ("PROPN", "ADJ")) and c.lower_ not in _TIME_WORDS:
            return c
    for p in noun.children:
        if p.dep_ == "prep" and p.lower_ in _RECIPIENT_PREPS:
            for o in p.children:
                if o.dep_ == "pobj" and _is_actor(o):
                    return o
    return None


def _recipient(chain: list[Any]) -> str | None:
    """Who the action is directed at (PLOVER's recipient): an actor-like passive subject,
    indirect or direct object, else an actor inside such an object ("aid to X", "the Indian
    proposal"), else the subject of a complement clause ("demanded that X withdraw"), else an
    actor in a prepositional phrase of the verb. None when no actor-like word is found (a thing
    acted on, like "plans" or "security", is no recipient)."""
    for v in chain:
        kids = list(v.children)
        objs = [c for dep in ("nsubjpass", "dative", "dobj") for c in kids if c.dep_ == dep]
        for c in objs:
            if _is_actor(c):
                return _actor_phrase(c)
        for c in objs:
            inner = _actor_in(c)
            if inner is not None:
                return _actor_phrase(inner)
        for c in kids:
            if c.dep_ in ("ccomp", "xcomp"):
                for sbj in c.children:
                    if sbj.dep_ in ("nsubj", "nsubjpass") and _is_actor(sbj):
                        return _actor_phrase(sbj)
        for p in kids:
            if p.dep_ == "prep" and p.lower_ in _RECIPIENT_PREPS - {"by", "of"}:
                for o in p.children:
                    if o.dep_ == "pobj" and _is_actor(o):
                        return _actor_phrase(o)
    return None


def _source(chain: list[Any], reporter: Any | None) -> str | None:
    """Who acts: the first subject along the predicate chain (for a passive verb, the agent of
    its by-phrase when there is one); a pronoun subject of reported speech is the reporter
    ("Syria says it will ..." -> Syria)."""
    for v in chain:
        for c in v.children:
            if c.dep_ == "agent":
                for o in c.children:
                    if o.dep_ == "pobj":
                        return _phrase(o)
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            if subj[0].pos_ == "PRON" and reporter is not None:
                return _phrase(reporter)
            return _phrase(subj[0])
    return None


def _roles(chain: list[Any], reporter: Any | None, modality: str) -> tuple[str | None,
                                                                          str | None]:
    """(source, target) phrases of a predicate chain. ``reporter`` is the subject of a skipped
    reporting verb: when the reported clause is an obligation ("X said Y must ..."), X demands
    and Y is the recipient."""
    if reporter is not None and modality == "must":
        subj = [c for c in chain[0].children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and _is_actor(subj[0]):
            return _phrase(reporter), _actor_phrase(subj[0])
    return _source(chain, reporter), _recipient(chain)


def predicate_of(sdoc: Any) -> Predicate:
    """Main predicate of a parsed sentence (skipping a reporting verb to its complement)."""
    roots = [t for t in sdoc if t.dep_ == "ROOT"]
    if not roots:
        return Predicate("", (), None, None)
    root = roots[0]
    reporter = None
    if root.lemma_.lower() in _REPORTING:
        comp = [c for c in root.children if c.dep_ in ("ccomp", "xcomp")]
        if comp:
            subj = [c for c in root.children if c.dep_ == "nsubj"]
            reporter = subj[0] if subj and _is_actor(subj[0]) else None
            root = comp[0]
    chain = [root]
    frontier = [root]
    while frontier:
        nxt = [c for t in frontier for c in t.children if c.dep_ in ("xcomp", "ccomp", "conj")
               and c.pos_ in ("VERB", "AUX")]
        chain.extend(nxt[:2])
        frontier = nxt[:2]
        if len(chain) > 4:
            break
    words: list[Any] = []
    for v in chain:
        words.append(v)
        words.extend(c for c in v.children if c.dep_ in ("dobj", "prt", "neg", "attr", "acomp"))
    modality = _modality(chain)
    source, target = _roles(chain, reporter, modality)
    words.sort(key=lambda t: t.i)
    return Predicate(" ".join(t.text for t in words), tuple(t.lemma_.lower() for t in words),
                     source, target, modality)


def parse_predicates(texts: Sequence[str]) -> list[Predicate]:
    """Predicates of each text (first sentence with a verb root), with the spaCy parser."""
    from eventscribe.resources.nlp import NON_PARSE, load_nlp

    return [predicate_of(d) for d in load_nlp().pipe(list(texts), disable=list(NON_PARSE))]


def model_text(text: str, pred: Predicate) -> str:
    """The text the PLOVER model reads: the sentence plus predicate-lemma marker words."""
    marks = " ".join(f"zzpred{re.sub(r'[^a-z]', '', lem)}" for lem in pred.lemmas)
    mod = f" zzmod{pred.modality}" if pred.modality else ""
    return f"{text} {marks}{mod}".strip()


def predicate_signals(
    signals: NDArray[np.float32], preds: Sequence[Predicate]
) -> NDArray[np.float32]:
    """Pipeline signals, the PLOVER cue vector of each predicate phrase, and that vector again
    in the block of the predicate's modality (will / must / neg), so a linear model can tell
    "will withdraw" (THREATEN) from "withdrew" (RETREAT)."""
    from eventscribe.stages.typing_features import PLOVER_CUES, plover_cue_vector

    k = len(PLOVER_CUES)
    rows = []
    for p in preds:
        v = plover_cue_vector(p.text)
        blocks = [v] + [v if p.modality == m else np.zeros(k, np.float32) for m in MODALITIES]
        flags = np.array([float(p.modality == m) for m in MODALITIES], np.float32)
        rows.append(np.concatenate([*blocks, flags]))
    extra = np.stack(rows) if rows else np.zeros((0, k * 4 + 3), np.float32)
    return np.hstack([signals, extra]).astype(np.float32)


def predicate_phrase(text: str, pred: Predicate) -> str:
    """What the strong PLOVER model embeds: the predicate phrase with its modality as a word
    ("will give grant", "not accept refugees"), or the whole text when no predicate was found.
    The predicate carries the speech act; the whole sentence's embedding is mostly its topic."""
    if not pred.text:
        return text
    pre = {"will": "will ", "must": "must ", "neg": "not "}.get(pred.modality, "")
    return pre + pred.text


def featurise(texts: Sequence[str], variant: str = "fast",
              piped: Sequence[tuple[Any, tuple[Any, ...]]] | None = None,
              preds: Sequence[Predicate] | None = None) -> Any:
    """``Inputs`` of the PLOVER model for ``texts``: model text (sentence + predicate markers),
    pipeline and predicate signals, and for ``strong`` the predicate-phrase embeddings.
    ``piped``/``preds`` pass pipeline and parser output already computed."""
    from eventscribe.evaluation.types import run_pipeline
    from eventscribe.stages.typing_features import signal_vector
    from eventscribe.stages.typing_model import Inputs, embed_texts

    texts = list(texts)
    piped = run_pipeline(texts) if piped is None else piped
    preds = parse_predicates(texts) if preds is None else preds
    sig = np.stack([signal_vector(a, ev) for a, ev in piped]) if texts else np.zeros(
        (0, len(signal_vector(None))), np.float32)
    x = Inputs([model_text(t, p) for t, p in zip(texts, preds, strict=True)],
               predicate_signals(sig, preds))
    if variant == "strong":
        x.embeddings = embed_texts([predicate_phrase(t, p)
                                    for t, p in zip(texts, preds, strict=True)]) if texts else (
            np.zeros((0, 384), np.float32))  # all-MiniLM-L6-v2 width
    return x


@lru_cache(maxsize=2)
def example_inputs(variant: str = "fast") -> tuple[tuple[Any, ...], Any]:
    """The written PLOVER examples (resources/plover_examples.tsv) and their ``Inputs``,
    featurised exactly like gold sentences (pipeline, parse, predicate markers)."""
    from eventscribe.stages.typing_model import EXAMPLES, load_examples

    ex = load_examples(EXAMPLES.parent / "plover_examples.tsv")
    return ex, featurise([e.text for e in ex], variant)


def _tokens(s: str | None) -> set[str]:
    return {w.lower() for w in _WORD.findall(s or "") if w not in ("...",)}


# The pipeline's PLOVER modes follow the current manual; the GSR records use the older manual's
# names. Unambiguous renamings; "demo" (older: demo-org vs demo-spon) is left to the lexicon.
# At sentence level organisation is rarely visible, so a riot is spontaneous unless stated.
OLD_MODE_NAMES = {"hunger": "strike-hun", "riot": "riot-spon", "strike": "strike-gen",
                  "targeted": "assassinate", "demo": None}


def _mode(cat: str, text: str, events: Sequence[Any]) -> str | None:
    for e in events:
        if e.type.plover_category == cat and e.type.plover_mode:
            m = str(e.type.plover_mode)
            if m not in OLD_MODE_NAMES:
                return m
            if OLD_MODE_NAMES[m] is not None:
                return OLD_MODE_NAMES[m]
            break
    for c, m, r in _MODE_RES:
        if c == cat and r.search(text):
            return m
    return None


def _best(adoc: Any, kind: str) -> int | None:
    if adoc is None:
        return None
    from eventscribe.model.claims import summarise

    claims = tuple(c for c in adoc.claims if c.kind == kind)
    if not claims:
        return None
    summary = summarise(claims)
    best = getattr(summary, "best", None)
    return int(best) if best is not None else None


def evaluate_plover(path: str | Path, typer: str = "fast", cv: int = 0, seed: int = 0,
                    every: int = 1) -> dict[str, Any]:
    """Scores of the PLOVER typer on a PLOVER GSR file or folder (see the module docstring)."""
    from eventscribe.evaluation.types import label_scores, run_pipeline, subset_indices
    from eventscribe.stages.typing_features import PLOVER_CUES
    from eventscribe.stages.typing_rules import NO_EVENT

    t0 = time.perf_counter()
    data = read_plover(path)
    recs = data.records
    recs = [recs[i] for i in subset_indices([r.id for r in recs], every)]
    texts = [r.text for r in recs]
    gold = [r.category for r in recs]
    piped = run_pipeline(texts)
    preds = parse_predicates(texts)
    out: dict[str, Any] = {"format": "plover-gsr", "typer": typer, "n": len(recs),
                           "skipped": dict(data.skipped)}
    if typer == "rules":
        cat = []
        for (_, ev), p in zip(piped, preds, strict=True):
            if ev:
                cat.append(ev[0].type.plover_category)
                continue
            from eventscribe.stages.typing_features import plover_cue_vector

            v = plover_cue_vector(p.text)
            cat.append(PLOVER_CUES[int(v.argmax())][0][2:].upper() if v.max() > 0 else NO_EVENT)
        out["mode"] = "pipeline PLOVER category, else predicate cues"
    else:
        from eventscribe.stages.typing_model import (
            cross_validate,
            plover_config,
            plover_model_path,
            shipped_plover_model,
        )

        x = featurise(texts, typer, piped, preds)
        if cv and cv > 1:
            ex, ex_in = example_inputs(typer)
            res = cross_validate(x, gold, folds=cv, seed=seed, cfg=plover_config(typer),
                                 examples=ex, example_inputs=ex_in)
            out["mode"] = (f"{cv}-fold stratified cross-validation (seed {seed}): trained on the "
                           "other folds plus the written PLOVER examples")
        else:
            res = shipped_plover_model(typer).predict(x)
            out["mode"] = (f"shipped model {plover_model_path(typer).name} "
                           "(trained on the PLOVER GSR dev part)")
        cat = [c for c, _ in res]
    scores = label_scores(gold, cat)
    out["category_accuracy"] = scores["accuracy"]
    out["category_macro_f1"] = scores["macro_f1"]
    # mode
    mode_hits = mode_n = 0
    for r, c, (_, ev) in zip(recs, cat, piped, strict=True):
        if r.mode:
            mode_n += 1
            mode_hits += int(_mode(c, r.text, ev) == r.mode)
    out["mode_accuracy"] = mode_hits / mode_n if mode_n else None
    out["mode_n"] = mode_n
    # actors
    tot = {"actor": [0, 0, 0], "recipient": [0, 0, 0]}
    for r, c, (_, ev), p in zip(recs, cat, piped, preds, strict=True):
        match = [e for e in ev if e.type.plover_category == c]
        if match:
            src = " ".join(a.span.text for a in match[0].actors) or p.source
            tar = " ".join(a.span.text for a in match[0].targets) or p.target
        else:
            src, tar = p.source, p.target
        for key, pred_s, gold_l in (("actor", src, r.sources), ("recipient", tar, r.targets)):
            pt, gt = _tokens(pred_s), _tokens(" ".join(gold_l))
            tot[key][0] += len(pt & gt)
            tot[key][1] += len(pt)
            tot[key][2] += len(gt)
    for key, (tp, npred, ngold) in tot.items():
        p_, r_, f_ = prf(tp, npred, ngold)
        out[f"{key}_f1"] = f_
        out[f"{key}_precision"] = p_
        out[f"{key}_recall"] = r_
    # counts
    for kind, attr in (("killed", "dead"), ("injured", "injured")):
        pairs = [(getattr(r, attr), _best(a, kind)) for r, (a, _) in zip(recs, piped, strict=True)
                 if getattr(r, attr) is not None]
        out[f"{attr}_exact"] = (sum(1 for g, p in pairs if g == p) / len(pairs)) if pairs else None
        out[f"{attr}_n"] = len(pairs)
    out["confusions"] = [
        {"gold": g, "pred": p, "count": n}
        for (g, p), n in Counter((g, p) for g, p in zip(gold, cat, strict=True) if g != p)
        .most_common(10)
    ]
    out["per_label"] = scores["per_label"]
    out["seconds"] = round(time.perf_counter() - t0, 1)
    return out


def print_plover(res: dict[str, Any]) -> None:
    """A readable summary of ``evaluate_plover``'s result."""
    r = rounded({k: v for k, v in res.items() if not isinstance(v, (dict, list))})
    click.echo(f"plover-gsr typer={res['typer']}  ({res['mode']})")
    for k in ("category_accuracy", "category_macro_f1", "mode_accuracy", "actor_f1",
              "recipient_f1", "dead_exact", "injured_exact", "n", "mode_n", "dead_n",
              "injured_n"):
        click.echo(f"  {k:20} {r.get(k)}")
    click.echo(f"  {'category':14} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}")
    for lab, v in res["per_label"].items():
        click.echo(f"  {lab:14} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} "
                   f"{v['support']:4d}")
