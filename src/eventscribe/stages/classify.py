"""Event trigger detection and realis filtering (is this event asserted as having happened?)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventscribe.model import AnnotatedDoc, Span
from eventscribe.resources.lexicon import iter_trigger_matches, trigger_rules

STAGE = "classify.lexicon.v1"


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word or phrase that evokes an event, with its class and whether it is asserted."""

    span: Span
    cls: str
    pos: str
    sentence: int
    realis: bool
    reason: str
    anaphoric: bool = False


# Cues in the words just before a trigger that make it non-factual (future, hypothetical, feared,
# prevented, habitual or generic). Each is a general English construction, not tied to a text.
_IRREALIS_BEFORE = re.compile(
    r"\b(?:will|would|could|might|may|shall|should|must|can|cannot|to prevent|prevent(?:ed|ing)?|"
    r"plan(?:s|ned|ning)? to|threat(?:en(?:ed|s)?)? to|vow(?:ed|s)? to|hop(?:e|ed|es|ing) to|"
    r"call(?:ed|s|ing)? for|ban(?:ned)? (?:on )?|fear(?:s|ed)? (?:of )?|"
    r"warn(?:ed|s)? (?:of|against)|"
    r"alert for|risk of|threat of|aim(?:ed|s)? to|tr(?:y|ied|ies) to|attempt(?:ed|s)? to|"
    r"routinely|usually|often|regularly|frequently|never|no|not|n't|without|"
    r"many other|other|any|future|possible|potential|alleged plot|against)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_IRREALIS_WORDS_ONLY = re.compile(r"\b(?:if|unless|whether)\b", re.IGNORECASE)
# Anaphoric event mentions that continue the previous event
# ("the biggest activities happened in ...").
_ANAPHOR = re.compile(
    r"\b(?:(?:the|these|those|such|similar)\s+(?:\w+\s+)?(?:activities|actions|acts|incidents|"
    r"operations)|this was happening|this happened|these happened)\b",
    re.IGNORECASE,
)
_ATTRIBUTIVE = re.compile(r"\b(?:of|the|a|an|by|many|some|several)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+(?!(?:at|in|on|against|for|with|to|into|outside|near)\b)[a-z]+")
# "released a statement/report/video" is not the release of people.
_RELEASE_NON_PEOPLE = re.compile(
    r"\s+(?:a|an|the|its|their|his|her)?\s*(?:\w+\s+)?(?:statement|report|video|footage|"
    r"figures|data|photos?|images?|results?|list|budget|album|film|plan|details|funds)",
    re.IGNORECASE,
)


_NON_PEOPLE_BEFORE = re.compile(
    r"\b(?:statement|report|video|footage|figures|data|photos?|images?|results?|list|budget|"
    r"album|film|plan|details|funds|documents?|transcripts?|recordings?)\s+(?:was\s+|were\s+)?$",
    re.IGNORECASE,
)


def _realis(text: str, sentence: Span, span: Span) -> tuple[bool, str]:
    window_start = max(sentence.start, span.start - 60)
    before = text[window_start : span.start]
    # only the current clause counts: cut at the last clause boundary
    cut = max(before.rfind(","), before.rfind(";"), before.rfind(":"), before.rfind("“"))
    clause = before[cut + 1 :] if cut >= 0 else before
    m = _IRREALIS_BEFORE.search(clause)
    if m:
        cue = m.group(0).strip()
        return False, f"not asserted as having happened: '{cue}' precedes the trigger"
    return True, "asserted in the text"


def find_triggers(adoc: AnnotatedDoc) -> tuple[Trigger, ...]:
    """Trigger matches from the lexicon, longest-first without overlaps, with realis flags."""
    text = adoc.text
    rules = trigger_rules()
    out: list[Trigger] = []
    for m in iter_trigger_matches(text):
        group = m.lastgroup
        if group is None:
            continue
        rule = rules[int(group[1:])]
        span = Span.of(text, m.start(), m.end())
        if rule.cls == "release" and (
            _RELEASE_NON_PEOPLE.match(text, m.end())
            or _NON_PEOPLE_BEFORE.search(text, max(0, m.start() - 30), m.start())
        ):
            continue  # "released a statement", "a handout photo released on Monday"
        if (
            rule.pos == "verb"
            and _ATTRIBUTIVE.search(text, max(0, m.start() - 12), m.start())
            and m.group(0).lower().endswith("ing")
            and _NOUN_AFTER.match(text, m.end())
        ):
            continue  # "crowds of protesting residents": a participle used as an adjective
        si = adoc.sentence_index(m.start())
        if si < 0:
            continue
        sent = adoc.sentences[si]
        realis, why = _realis(text, sent, span)
        out.append(Trigger(span, rule.cls, rule.pos, si, realis, why))
    # anaphoric mentions: only in sentences without a trigger of their own
    with_trigger = {t.sentence for t in out if t.realis}
    for m in _ANAPHOR.finditer(text):
        si = adoc.sentence_index(m.start())
        if si < 0 or si in with_trigger:
            continue
        out.append(
            Trigger(
                Span.of(text, m.start(), m.end()),
                "anaphor",
                "noun",
                si,
                True,
                "refers back to the previous event",
                anaphoric=True,
            )
        )
    out.sort(key=lambda t: t.span.start)
    return tuple(out)
