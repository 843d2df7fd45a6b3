"""Dedup at scale: synthetic event sets of 10k and 100k report events, timed on one core.

Each synthetic real-world event is reported 1-4 times with jittered places (same admin1,
nearby coordinates, sometimes only the country), dates (same day, a range, sometimes none),
tolls and wording; events are spread over countries of 10 provinces each, two years and six
type families. The world grows with the set (40 countries at 100k events, 4 at 10k), so
the density of events per area and day is the same at both sizes and the ratio measures the
algorithm; denser data costs more per event (larger blocks), see docs/dedup.md. Prints
seconds, events/s, clusters vs truth and the peak RSS; ``main()`` returns the figures merged
into ``make bench``'s JSON line.
"""

from __future__ import annotations

import gc
import json
import random
import resource
import sys
import time
from datetime import date
from typing import Any

TYPES = [
    ("Violence against civilians", "Attack"), ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Protests", "Peaceful protest"), ("Riots", "Violent demonstration"),
    ("Strategic developments", "Arrests"),
]
WORDS = ("gunmen militants police protesters soldiers village market convoy checkpoint "
         "attack raid clash march rally bomb blast arrest detained killed wounded town "
         "district mosque church school road bridge camp border army rebels students "
         "workers farmers herders bandits officials governor minister").split()
ACTORS = ["Boko Haram", "Al-Shabaab", "police", "army", "protesters", "students", "ISWAP",
          "bandits", "militia", "unidentified gunmen", "farmers", "security forces"]


def synthetic_events(n: int, seed: int = 7) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """About ``n`` report event dicts and the true event of each (event id -> truth id)."""
    rng = random.Random(seed)
    events: list[dict[str, Any]] = []
    truth: dict[str, int] = {}
    t = 0
    n_countries = max(1, round(40 * n / 100_000))  # constant density: 10x events, 10x area
    day0 = date(2023, 1, 1).toordinal()
    while len(events) < n:
        t += 1
        cc = f"C{rng.randrange(n_countries):03d}"
        a1 = f"A{rng.randrange(10)}"
        lat, lon = rng.uniform(-30, 30), rng.uniform(-60, 60)
        etype, sub = rng.choice(TYPES)
        day = day0 + rng.randrange(730)
        killed = rng.choice([0, 0, 1, 2, 3, 5, 8, 12, 20, 36])
        words = rng.sample(WORDS, 8)
        actors = rng.sample(ACTORS, 2)
        gid = rng.randrange(10**6)
        for _ in range(rng.choice([1, 1, 2, 2, 3, 4])):
            if len(events) >= n:
                break
            eid = f"ev_{len(events):08d}{rng.randrange(10**6):06d}"
            r = rng.random()
            place: dict[str, Any] | None
            if r < 0.03:
                place = None
            elif r < 0.10:
                place = {"name": cc, "geonameid": None, "lat": 0.0, "lon": 0.0,
                         "country_code": cc, "admin1": None, "admin2": None, "precision": 4}
            else:
                place = {"name": f"town{gid}", "geonameid": gid, "lat": lat + rng.gauss(0, .02),
                         "lon": lon + rng.gauss(0, .02), "country_code": cc, "admin1": a1,
                         "admin2": f"{a1}-{gid % 7}", "precision": 1}
            r = rng.random()
            dt: dict[str, Any] | None
            if r < 0.03:
                dt = None
            else:
                s = day - (rng.randrange(2) if r < 0.2 else 0)
                e = s + (rng.choice([0, 0, 1, 6]) if r < 0.3 else 0)
                dt = {"start": date.fromordinal(s).isoformat(),
                      "end": date.fromordinal(e).isoformat(), "precision": "day"}
            k = max(0, killed + rng.choice([0, 0, 0, -1, 1, 2]))
            text = " ".join(rng.sample(words, 6))
            events.append({
                "id": eid, "doc_id": f"doc{len(events)}",
                "type": {"acled_event_type": etype, "acled_sub_event_type": sub},
                "trigger": {"start": 0, "end": 6, "text": words[0]},
                "actors": [{"name": actors[0], "text": actors[0]}],
                "targets": [{"name": actors[1], "text": actors[1]}],
                "place": place, "date": dt,
                "counts": {"killed": {"best": k, "low": k, "high": k, "claims": []} if k else None},
                "evidence": [{"start": 0, "end": len(text), "text": text}],
                "confidence": 0.6,
            })
            truth[eid] = t
    return events, truth


def pair_f1(clusters: tuple[tuple[str, ...], ...], truth: dict[str, int]) -> float:
    """Pairwise F1 of predicted clusters against the true events."""
    def pairs(groups: list[list[str]]) -> set[tuple[str, str]]:
        out = set()
        for g in groups:
            g = sorted(g)
            out.update((a, b) for i, a in enumerate(g) for b in g[i + 1:])
        return out

    by_t: dict[int, list[str]] = {}
    for e, t in truth.items():
        by_t.setdefault(t, []).append(e)
    gp, pp = pairs(list(by_t.values())), pairs([list(c) for c in clusters])
    tp = len(gp & pp)
    p = tp / len(pp) if pp else 0.0
    r = tp / len(gp) if gp else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n: int, repeat: int = 1) -> dict[str, Any]:
    """Time dedup (records, blocking, scoring, clustering) on ``n`` synthetic events.

    ``s`` is CPU seconds of this process (dedup is single-threaded, so this is the one-core
    cost, and it does not count time other jobs on a shared machine take); ``wall_s`` is the
    elapsed time. Each is the best of ``repeat`` runs. The generated input is moved out of the
    garbage collector's view first (``gc.freeze``): it is not part of the work measured.
    """
    from eventscribe.dedup import dedup

    events, truth = synthetic_events(n)
    gc.collect()
    gc.freeze()
    cpu = wall = float("inf")
    try:
        for _ in range(repeat):
            c0, w0 = time.process_time(), time.perf_counter()
            result = dedup(events)
            cpu = min(cpu, time.process_time() - c0)
            wall = min(wall, time.perf_counter() - w0)
    finally:
        gc.unfreeze()
    return {"n": n, "s": round(cpu, 2), "wall_s": round(wall, 2),
            "clusters": len(result.clusters), "true_events": len(set(truth.values())),
            "pair_f1": round(pair_f1(result.clusters, truth), 4)}


def main(sizes: tuple[int, int] = (10_000, 100_000)) -> dict[str, Any]:
    """Run both sizes, print them, and return the figures for bench.py's JSON line."""
    # best of 3 runs for the small set and of 2 for the big one (the big one takes ~10x longer)
    small, big = run(sizes[0], repeat=3), run(sizes[1], repeat=2)
    for r in (small, big):
        print(f"dedup {r['n']:>7,} events: {r['s']:>7.2f} s CPU ({r['wall_s']:.2f} s wall) "
              f"{r['n'] / r['s']:>9,.0f} events/s  {r['clusters']:,} clusters "
              f"({r['true_events']:,} true, pair F1 {r['pair_f1']})")
    ratio = round(big["s"] / small["s"], 2) if small["s"] else None
    print(f"dedup ratio {sizes[1] // sizes[0]}x events: {ratio}   peak RSS: {peak_rss_mb():.0f} MB")
    return {"dedup_10k_s": small["s"], "dedup_100k_s": big["s"], "dedup_ratio": ratio,
            "dedup_10k_wall_s": small["wall_s"], "dedup_100k_wall_s": big["wall_s"],
            "dedup_pair_f1": big["pair_f1"], "dedup_peak_rss_mb": round(peak_rss_mb())}


if __name__ == "__main__":
    sizes = tuple(int(a) for a in sys.argv[1:3]) if len(sys.argv) > 2 else (10_000, 100_000)
    print(json.dumps(main(sizes)))  # type: ignore[arg-type]
