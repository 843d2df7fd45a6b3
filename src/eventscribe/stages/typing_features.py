"""Features for the learned event sub-type classifier: TF-IDF word and character n-grams, cue
indicators written from the public ACLED/PLOVER definitions, the pipeline's own signals, and
(optionally) a sentence embedding. Pure functions; no file, network or clock access."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix  # type: ignore[import-untyped]

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

_STATE = (r"(?:army|troops|soldiers|military|security forces|police|government forces|regime|"
          r"armed forces|national guard|gendarmes?|forces loyal|pro-government|peshmerga|"
          r"government|state forces|saa|idf|marines|commandos|units)")
_NONSTATE = (r"(?:militants?|insurgents?|rebels?|jihadis?t?s?|isis|isil|islamic state|daesh|"
             r"taliban|al-?shabaa?b|boko haram|houthis?|militias?|gunmen|terrorists?|al-?qaeda|"
             r"hts|nusra|separatists?|armed groups?|extremists?|opposition fighters|"
             r"opposition|jihadist group)")
_TAKE = (r"(?:seiz\w*|captur\w*|recaptur\w*|retook|retaken|regain\w*|took (?:over|control|back)|"
         r"taken (?:over|control)|liberat\w*|freed|drove|driven|pushed|clear\w*|overr[au]n|"
         r"entered|gained control|control of)")
_CROWD = (r"(?:protesters?|demonstrators?|rioters?|crowds?|marchers|activists|students|"
          r"youths|demonstration|protests?|sit-ins?|rally)")
_FORCES = (r"(?:police\w*|security forces|troops|soldiers|officers|authorities|riot police|"
           r"forces|army|military|regime|militia\w*)")
_GAP = r"\W+(?:[\w'-]+\W+){0,7}?"

# Cue families: each a general English construction that separates ACLED-style sub-types
# (definitions paraphrased from the public ACLED codebook and the PLOVER manual).
CUES: tuple[tuple[str, str], ...] = (
    ("air", r"air ?strikes?|air raids?|war ?planes?|fighter jets?|jets|aircraft|helicopters?|"
            r"gunships?|drones?|uavs?|aerial|sorties|air ?force|bombers?|bombard(?:ed|ment)"),
    ("artillery", r"shell(?:s|ed|ing)?|artillery|mortars?|rockets?|missiles?|howitzers?|"
                  r"projectiles?|katyushas?|grads?|barrages?|cannons?|tank fire"),
    ("grenade", r"grenades?|rpgs?"),
    ("suicide", r"suicide|self-detonat\w*|blew (?:himself|herself|themselves) up|"
                r"explosive (?:vest|belt)s?|vbieds?|martyrdom operation"),
    ("ied", r"ieds?|improvised explosive|roadside bombs?|land ?mines?|mines?|explosive devices?|"
            r"car bombs?|booby[- ]trap\w*|bomb (?:was )?planted|magnetic bombs?|sticky bombs?|"
            r"remote(?:ly)?[- ]detonat\w*|planted"),
    ("explosion", r"explosions?|blasts?|explod\w*|detonat\w*|bomb(?:s|ing|ings|ed)?"),
    ("chemical", r"chemical|chlorine|sarin|mustard gas|toxic gas(?:es)?|poison(?:ous)? gas|"
                 r"nerve agents?|gas attacks?|suffocat\w*|toxic substances?"),
    ("disrupted", r"defus\w*|dismantl\w*|caches?|bomb disposal|foiled|thwarted|"
                  r"(?:seized|confiscated|recovered|found|discovered|uncovered|seizure of) "
                  r"(?:\w+ ){0,4}(?:weapons|explosives|arms|ammunition|rifles|guns|devices|ieds|"
                  r"mines|bombs|rockets|grenades|missiles|depot|stockpile)|"
                  r"(?:weapons|arms|ammunition|explosives) (?:were )?(?:seized|found|recovered)|"
                  r"intercepted|shot down|neutrali[sz]ed"),
    ("clash", r"clash(?:es|ed)?|fighting|battles?|firefights?|gunfights?|gun battles?|"
              r"exchange(?:d)? (?:of )?fire|fought|skirmish\w*|ambush\w*|engaged|confrontations?|"
              r"offensive|heavy fighting|repelled|repulsed"),
    ("regain", r"recaptur\w*|retook|retaken|regain\w*|liberat\w*|took back|retake|"
               r"restored (?:control|security)|(?:cleared|purged|freed) (?:\w+ ){0,3}(?:of|from)|"
               r"back under (?:the )?control|advanced|advance|pushed back|expelled"),
    ("seize", r"seiz(?:ed|es|ing|ure)|captur(?:ed|es|ing)|overr[au]n|took (?:over|control)|"
              r"taken (?:over|control)|fell to|fall of|control of|overtook|occupied|stormed"),
    ("withdraw", r"withdr[ae]w\w*|pulled out|pull-?out|handed (?:over|control)|hand(?:ed)?over|"
                 r"vacat\w*|retreat\w*|without (?:any )?(?:resistance|a fight|fighting)|"
                 r"evacuat\w*|transferr?\w* (?:control|to)|left the|abandon\w*"),
    ("base", r"headquarters|hq|(?:set up|established?|opened|built|erected|new) "
             r"(?:\w+ ){0,3}(?:base|camp|checkpoint|office|post|outpost|position)s?|"
             r"bases?|outposts?|checkpoints?|garrison\w*|stationed"),
    ("change", r"deploy\w*|reinforc\w*|defect\w*|dispatch\w*|mobili[sz]\w*|redeploy\w*|"
               r"sent (?:\w+ ){0,2}(?:troops|forces|reinforcements|fighters)|fortif\w*|formed|"
               r"merg\w*|curfew|state of emergency|martial law|bann?\w*|dissolv\w*|relocat\w*|"
               r"build-?up|drills?|exercises?|recruit\w*|join(?:ed)?|split|"
               r"new (?:unit|force|brigade)"
               r"|appointed|convoy|amassed|massing|positioned|military equipment"),
    ("agreement", r"agreements?|agreed|deals?|accords?|cease-?fires?|truces?|signed|"
                  r"peace (?:talks|process|plan)|negotiat\w*|prisoner (?:swap|exchange)|"
                  r"exchange of (?:prisoners|detainees|bodies)|swap|memorandum|reconcil\w*|"
                  r"surrender\w*|amnesty|handover of"),
    ("diplo", r"ministers?|visit\w*|talks|meetings?|met (?:with)?|summit|diplomat\w*|embass\w*|"
              r"ambassadors?|bilateral|foreign|sanctions?|condemn\w*|envoy|delegation|"
              r"relations|cooperation|urged|called on|statement|spokesm[ae]n|president"),
    ("attrib", r"claim(?:ed|s)? (?:\w+ ){0,2}responsibility|responsibility for|"
               r"(?:claimed|claim) (?:the|an|this|that) (?:\w+ )?(?:attack|bombing|blast)|"
               r"blamed|accus\w*|attribut\w*|denied (?:any )?(?:involvement|responsibility)|"
               r"behind the (?:attack|bombing|blast)|suspected (?:of|to be behind)|"
               r"(?:amaq|propaganda|news agency|statement|claim)"),
    ("arrest", r"arrest\w*|detain\w*|detention|custody|apprehend\w*|nabbed|jailed|remand\w*|"
               r"held by police|round(?:ed)? up|rounded|booked|charged|sentenced|prison"),
    ("abduct", r"abduct\w*|kidnap\w*|hostages?|disappear\w*|missing|captive|taken away|"
               r"whereabouts|ransom"),
    ("sexual", r"rap(?:e|ed|es|ing|ist)|sexual\w*|sexually|molest\w*|gang-?rap\w*|"
               r"sexual(?:ly)? (?:assault|abuse)\w*|indecent"),
    ("mob", r"mobs?|vigilant\w*|lynch\w*|angry (?:crowd|residents|villagers|people)|"
            r"mob justice|jungle justice|"
            r"beaten (?:\w+ ){0,3}by (?:villagers|residents|locals|a crowd)|"
            r"set upon|communal|sectarian violence|looters?"),
    ("protest", r"protest\w*|demonstrat\w*|rall(?:y|ies|ied)|march\w*|sit-?ins?|strikes?|"
                r"striking|picket\w*|chant\w*|placards?|slogans?|banners?|vigils?|petition"),
    ("force", r"tear ?gas|teargas|water cannons?|rubber bullets|live (?:rounds|bullets|ammunition|"
              r"fire)|batons?|dispers\w*|(?:fired|opened fire|shot) (?:\w+ ){0,2}(?:on|at|into) "
              r"(?:\w+ ){0,2}(?:protesters|demonstrators|crowds?|students|marchers)|"
              r"crack(?:ed)? ?down|brutal\w*|beat(?:en|ing)? (?:\w+ ){0,2}(?:protesters|"
              r"demonstrators)|stun grenades|pellets?|riot police|break up|broke up|charged"),
    ("riot", r"riot\w*|stones?|rocks|petrol bombs?|molotov\w*|torch\w*|set (?:on )?fire|"
             r"clashed with (?:the )?(?:police|security)|vandal\w*|hurl\w*|pelt\w*|"
             r"burn(?:ed|t|ing)? (?:\w+ ){0,2}(?:tyres|tires|vehicles|cars|buildings|shops)|"
             r"turned violent|violent|unrest|barricades?|smash\w*|ransack\w*|injur\w* (?:\w+ )?"
             r"(?:police|officers|policemen)"),
    ("property", r"set (?:on )?fire|arson\w*|torch\w*|burn(?:ed|t|ing)?|destroy\w*|demolish\w*|"
                 r"loot\w*|vandal\w*|damag\w*|razed|ransack\w*|blew up|bulldoz\w*|sabotag\w*"),
    ("natural", r"earthquakes?|quakes?|floods?|flooding|cyclones?|hurricanes?|typhoons?|storms?|"
                r"landslides?|mudslides?|droughts?|tsunamis?|wild ?fires?|bush ?fires?|"
                r"forest fires?|"
                r"volcan\w*|heavy rain\w*|rainfall|monsoon|tornado\w*|avalanche\w*|heat ?waves?|"
                r"epidemic|pandemic|outbreak|covid|coronavirus|cholera|ebola|locusts?|"
                r"magnitude|disaster|weather|lightning|famine|infect\w*|cases"),
    ("manmade", r"fire broke out|blaze|collaps\w*|crash\w*|derail\w*|accident\w*|gas leak|"
                r"leak\w*|spill\w*|capsiz\w*|sank|sinking|boat|ferry|stampede|fire|plane|"
                r"collided|collision|factory|plant|refinery|pipeline|tanker|train|bus|"
                r"electrocut\w*|poisoning|mine (?:collapse|accident)|short circuit|negligence"),
    ("crime", r"drugs?|cartels?|traffick\w*|smuggl\w*|gangs?|gangsters?|cocaine|heroin|"
              r"narcotic\w*|mafia|robber\w*|extort\w*|money laundering|bandits?|criminals?|"
              r"crime|robbed|theft|thieves|fraud|contraband|illegal|police raid"),
    ("attack", r"gunmen|shot dead|opened fire|killed|murder\w*|massacr\w*|stabb?\w*|"
               r"execut\w*|behead\w*|assassinat\w*|shooting|gunned down|attack\w*|"
               r"unidentified (?:gunmen|assailants|attackers)|assailants?|hacked"),
    ("displaced", r"fled|flee\w*|displac\w*|refugees?|mass graves?|humanitarian|expelled|"
                  r"tunnels?|bodies (?:were )?(?:found|discovered|exhumed)|exodus|migrants?|"
                  r"aid|evacuees"),
    ("state", r"army|troops|soldiers|military|security forces|police|government forces|"
              r"regime|armed forces|national guard|gendarm\w*|army's|forces loyal|"
              r"pro-government|coalition|peshmerga|sdf|saa|idf"),
    ("nonstate", r"militants?|insurgents?|rebels?|jihadis?t?s?|isis|isil|islamic state|daesh|"
                 r"taliban|al-?shabaa?b|boko haram|houthis?|militias?|gunmen|terrorists?|"
                 r"al-?qaeda|hts|nusra|fighters|separatists?|armed groups?|extremists?|"
                 r"opposition|ansar|aqap|pkk|ypg"),
    ("civilian", r"civilians?|villagers?|residents?|women|children|farmers?|students?|"
                 r"worshippers|passengers|shoppers|tourists?|family|teachers?|journalists?"),
    ("state_takes", _STATE + _GAP + _TAKE),
    ("nonstate_takes", _NONSTATE + _GAP + _TAKE),
    ("from_state", _TAKE + _GAP + r"from (?:the )?(?:\w+ ){0,3}(?:" + _STATE + ")"),
    ("from_nonstate", _TAKE + _GAP + r"from (?:the )?(?:\w+ ){0,3}(?:" + _NONSTATE + ")"),
    ("crowd_violence", _CROWD + _GAP + r"(?:threw|throw\w*|hurl\w*|torch\w*|burn\w*|set fire|"
     r"attack\w*|storm\w*|clash\w*|smash\w*|pelt\w*|loot\w*|vandal\w*|damag\w*|"
     r"broke into|stoned|fought)"),
    ("force_on_crowd", _FORCES + _GAP + r"(?:fired|fire|shot|shoot\w*|beat\w*|beaten|kill\w*|"
     r"opened fire|attack\w*|hit|hits|suppress\w*|crush\w*|used|assault\w*|charged|"
     r"crack\w* down)" + _GAP + _CROWD),
    ("crowd_casualties", _CROWD + _GAP + r"(?:were |was |have been |had been )?(?:killed|shot|"
     r"died|injured|wounded|dead|beaten|hurt)"),
    ("crowd_detained", r"(?:detain\w*|arrest\w*|dispers\w*|round\w* up|block\w*)" + _GAP
     + _CROWD + "|" + _CROWD + _GAP + r"(?:were |was |have been )?(?:detained|arrested|dispersed)"),
    ("number", r"\d+|dozens|hundreds|scores"),
    ("casualty", r"killed|dead|died|deaths?|injur\w*|wounded|casualties|bodies|fatalities"),
)
# PLOVER's verbal categories (definitions paraphrased from the public PLOVER manual).
PLOVER_CUES: tuple[tuple[str, str], ...] = (
    ("p_agree", r"agre\w*|sign\w*|accords?|deals?|pacts?|treat(?:y|ies)|promis\w*|offer\w*|"
                r"pledg\w*|accept\w*|commit\w*|intend\w*|will cooperate|settle\w*"),
    ("p_consult", r"visit\w*|met|meet\w*|talks|host\w*|negotiat\w*|discuss\w*|conferences?|"
                  r"summits?|telephone\w*|mediat\w*|consult\w*|envoys?|delegations?"),
    ("p_support", r"prais\w*|endors\w*|support\w*|defend\w*|welcom\w*|back(?:ed|s|ing)|"
                  r"approv\w*|diplomatic (?:ties|relations)|recogni[sz]\w*|congratulat\w*|"
                  r"embass(?:y|ies)"),
    ("p_cooperate", r"joint\w*|shar\w*|cooperat\w*|together|exercises|war games|collaborat\w*"),
    ("p_aid", r"aid|assistance|gave|giv\w*|provid\w*|donat\w*|humanitarian|relief|"
              r"peacekeep\w*|loans?|grants?|supplies|food|medicine"),
    ("p_concede", r"lift\w*|eas(?:e|ed|es|ing)|allow\w*|relax\w*|shorten\w*|permit\w*|"
                  r"yield\w*|conced\w*|pardon\w*|amnesty|steps to|freedoms?|reforms?"),
    ("p_retreat", r"withdr\w*|surrender\w*|releas\w*|freed|pull\w* out|retreat\w*|"
                  r"open\w* (?:the |its )?(?:\w+ )?(?:borders?|bridge|crossing)|blockade|siege|"
                  r"demobili\w*|disarm\w*|arrived"),
    ("p_investigate", r"investigat\w*|inquir\w*|probe\w*|hearings?|inspect\w*|examin\w*|"
                      r"look into|questioning|inquiry"),
    ("p_demand", r"demand\w*|order\w*|urg\w*|call\w* (?:on|for|upon)|insist\w*|ask\w*|"
                 r"request\w*|appeal\w*|press\w* for"),
    ("p_disapprove", r"accus\w*|critici[sz]\w*|condemn\w*|blam\w*|complain\w*|denounc\w*|"
                     r"summon\w*|deplor\w*|rebuk\w*|charg\w*|objected"),
    ("p_reject", r"reject\w*|refus\w*|den(?:y|ied|ies|ial)|veto\w*|turn\w* down|dismiss\w*|"
                 r"declin\w*|rebuff\w*|oppos\w*"),
    ("p_threaten", r"threat\w*|warn\w*|ultimatum|unless|boycott\w*|would (?:\w+ )?"
                   r"(?:retaliate|cut|break|withdraw|boycott|attack)|if .{0,40} not"),
    ("p_protest", r"demonstrat\w*|protest\w*|march\w*|rall(?:y|ies|ied)|strikes?|hunger strike|"
                  r"riot\w*|sit-ins?|picket\w*"),
    ("p_mobilize", r"mobili[sz]\w*|reservists|alert|readiness|deploy\w*|patrols?|prepar\w*|"
                   r"massing|build-?up|reinforc\w*"),
    ("p_sanction", r"sanction\w*|embargo\w*|expel\w*|suspen\w*|sever\w*|broke off|"
                   r"break (?:off )?(?:ties|relations)|recall\w*|freez\w*|froze|"
                   r"cut (?:off )?(?:aid|ties)|halt\w*"),
    ("p_coerce", r"arrest\w*|detain\w*|curfews?|censor\w*|bann?\w*|seiz\w*|confiscat\w*|"
                 r"demolish\w*|bulldoz\w*|deport\w*|blew up|destroy\w*|raid\w*|crack\w* down|"
                 r"jail\w*|imprison\w*|suspend publication"),
    ("p_assault", r"bomb\w*|kill\w*|assassinat\w*|tortur\w*|beat\w*|abduct\w*|kidnap\w*|"
                  r"massacr\w*|attack\w*|wound\w*|machetes?|shot|stabb\w*|rap(?:e|ed)"),
    ("p_fight", r"fight\w*|battl\w*|clash\w*|shell\w*|invad\w*|invasion|offensive|retook|"
                r"retaken|captur\w*|air ?strikes?|artillery|fired|opened fire|occup\w*|forced out"),
)
_PLOVER_RES = tuple(re.compile(r"(?<![\w-])(?:" + p + r")(?![\w])", re.IGNORECASE)
                    for _, p in PLOVER_CUES)
_CUE_RES = tuple(re.compile(r"(?<![\w-])(?:" + p + r")(?![\w])", re.IGNORECASE) for _, p in CUES)
CUE_NAMES = tuple(n for n, _ in CUES)


def words(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return _WORD.findall(text.lower())


def word_ngrams(text: str) -> list[str]:
    """Word unigrams and bigrams."""
    w = words(text)
    return w + [f"{a} {b}" for a, b in pairwise(w)]


def char_ngrams(text: str, lo: int = 3, hi: int = 5) -> list[str]:
    """Character n-grams inside space-padded words (like scikit-learn's ``char_wb``)."""
    out: list[str] = []
    for w in words(text):
        p = f" {w} "
        for n in range(lo, hi + 1):
            if len(p) < n:
                break
            out.extend(p[i : i + n] for i in range(len(p) - n + 1))
    return out


def plover_cue_vector(text: str) -> NDArray[np.float32]:
    """log(1 + count) of each PLOVER cue family in the text."""
    return np.array([math.log1p(len(r.findall(text))) for r in _PLOVER_RES], dtype=np.float32)


def cue_vector(text: str, cue_set: str = "acled") -> NDArray[np.float32]:
    """log(1 + count) of each cue family in the text (``cue_set`` "acled" or "acled+plover")."""
    res = _CUE_RES + _PLOVER_RES if cue_set == "acled+plover" else _CUE_RES
    return np.array([math.log1p(len(r.findall(text))) for r in res], dtype=np.float32)


@dataclass(frozen=True)
class Vocab:
    """A TF-IDF vocabulary: term -> column, with idf weights (smooth idf, sublinear tf)."""

    index: dict[str, int]
    idf: NDArray[np.float32]

    @classmethod
    def fit(cls, docs: Sequence[list[str]], min_df: int, max_features: int) -> Vocab:
        """Terms in at least ``min_df`` docs, the ``max_features`` most frequent by df."""
        df: Counter[str] = Counter()
        for d in docs:
            df.update(set(d))
        terms = sorted((t for t, c in df.items() if c >= min_df), key=lambda t: (-df[t], t))
        terms = sorted(terms[:max_features])
        n = len(docs)
        idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in terms], dtype=np.float32)
        return cls({t: i for i, t in enumerate(terms)}, idf)

    def transform(self, docs: Iterable[list[str]]) -> csr_matrix:
        """Rows of L2-normalised sublinear TF-IDF."""
        return tfidf_rows(docs, self.index.get, self.idf)


def tfidf_rows(docs: Iterable[list[str]], column: Callable[[str], int | None],
               idf: NDArray[np.float32]) -> csr_matrix:
    """L2-normalised sublinear TF-IDF rows; ``column(term)`` gives a term's column or None."""
    data: list[float] = []
    cols: list[int] = []
    ptr = [0]
    for d in docs:
        c: Counter[int] = Counter()
        for t in d:
            j = column(t)
            if j is not None:
                c[j] += 1
        row = sorted((j, (1.0 + math.log(k)) * float(idf[j])) for j, k in c.items())
        norm = math.sqrt(sum(v * v for _, v in row)) or 1.0
        cols.extend(j for j, _ in row)
        data.extend(v / norm for _, v in row)
        ptr.append(len(cols))
    return csr_matrix((np.array(data, dtype=np.float32), np.array(cols, dtype=np.int32),
                       np.array(ptr, dtype=np.int32)), shape=(len(ptr) - 1, len(idf)))

SECTORS = ("military", "security", "police", "rebel", "militia", "protester", "rioter",
           "civilian", "government", "political", "media", "business", "religious", "criminal")
ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "DATE", "CARDINAL")
CLAIM_KINDS = ("killed", "injured", "arrested", "abducted")


def _classes() -> tuple[str, ...]:
    from eventscribe.resources.lexicon import event_classes

    return tuple(sorted(event_classes()))


@lru_cache(maxsize=1)
def signal_names() -> tuple[str, ...]:
    """Names of the pipeline-signal columns, in order."""
    cl = _classes()
    return (
        tuple(f"first:{c}" for c in cl) + tuple(f"event:{c}" for c in cl)
        + tuple(f"trigger:{c}" for c in cl) + tuple(f"claim:{k}" for k in CLAIM_KINDS)
        + tuple(f"actor:{s}" for s in SECTORS) + tuple(f"target:{s}" for s in SECTORS)
        + tuple(f"ent:{e}" for e in ENTITY_LABELS) + ("no_event",)
    )


def _class_of(event: object) -> str | None:
    from eventscribe.resources.lexicon import event_classes

    et = getattr(event, "type", None)
    for name, ec in event_classes().items():
        if ec.type == et:
            return name
    return None


def signal_vector(adoc: object | None, events: Sequence[object] = (),
                  window: tuple[int, int] | None = None,
                  triggers: Sequence[object] | None = None) -> NDArray[np.float32]:
    """The pipeline's own signals for one document: the class of its first event, all event
    classes, realis trigger classes, claim kinds, actor/target sectors, entity labels (log counts).
    ``window`` (start, end) keeps only triggers, claims and entities inside it (one event's
    sentence); ``triggers`` passes precomputed ``find_triggers`` output. ``adoc`` None (no
    pipeline run) gives a zero vector with ``no_event`` set."""
    names = signal_names()
    col = {n: i for i, n in enumerate(names)}
    v = np.zeros(len(names), dtype=np.float32)
    if adoc is None:
        v[col["no_event"]] = 1.0
        return v
    lo, hi = window if window is not None else (0, len(getattr(adoc, "text", "")) + 1)

    def inside(span: object) -> bool:
        start = getattr(span, "start", -1)
        return lo <= start < hi

    if triggers is None:
        from eventscribe.stages.classify import find_triggers

        triggers = find_triggers(adoc)  # type: ignore[arg-type]
    c: Counter[str] = Counter()
    for t in triggers:
        if getattr(t, "realis", False) and not getattr(t, "anaphoric", False) and inside(
                getattr(t, "span", None)):
            c[f"trigger:{getattr(t, 'cls', '')}"] += 1
    for i, e in enumerate(events):
        name = _class_of(e)
        if name:
            c[f"event:{name}"] += 1
            if i == 0:
                c[f"first:{name}"] += 1
        for a in getattr(e, "actors", ()):
            if a.sector in SECTORS:
                c[f"actor:{a.sector}"] += 1
        for a in getattr(e, "targets", ()):
            if a.sector in SECTORS:
                c[f"target:{a.sector}"] += 1
    for cl in getattr(adoc, "claims", ()):
        if not cl.evidence or inside(cl.evidence[0]):
            c[f"claim:{cl.kind}"] += 1
    for ent in getattr(adoc, "entities", ()):
        if ent.label in ENTITY_LABELS and inside(ent.span):
            c[f"ent:{ent.label}"] += 1
    if not events:
        c["no_event"] = 1
    for k, n in c.items():
        if k in col:
            v[col[k]] = math.log1p(n)
    return v
