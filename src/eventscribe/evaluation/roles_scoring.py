"""Scoring for ``eval roles``: gold families and roles, head words, and argument matching.

Gold event types and roles are mapped to evaluation *families* and *roles* (docs/roles.md has
the tables). Triggers match by family and overlapping span; arguments are (family, role, head
word) within a document, one-to-one, exact roles first; in the violence family ``target`` and
``victim`` are interchangeable. :mod:`eventscribe.evaluation.roles` makes the predictions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from eventscribe.evaluation.common import prf
from eventscribe.evaluation.wikievents_format import GoldDoc
from eventscribe.stages.roles_phrases import head_word

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
    found = list(_WORD.finditer(evidence))
    words: list[str] = [m.group(0) for m in found]
    # a comma or semicolon ends the counted phrase ("eight women, a girl and four men")
    ends = {k for k in range(1, len(found))
            if any(ch in ",;" for ch in evidence[found[k - 1].end() : found[k].start()])}
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
               and not words[j].lower().endswith("ly") and j not in ends):
            np_.append(words[j])
            j += 1
        if np_:
            return head_word(" ".join(np_))
        return words[j - 1 if j > i + 1 and _NUMBER.match(words[j - 1]) else i].lower()
    return None


@dataclass
class Predictions:
    """Triggers (family, start, end) and arguments (family, role, head) of one document."""

    triggers: list[tuple[str, int, int]] = field(default_factory=list)
    args: set[tuple[str, str, str]] = field(default_factory=set)
    no_event: bool = False


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
