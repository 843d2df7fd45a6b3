"""A deterministic synthetic news corpus for benchmarks (written for eventscribe, no real text).

Articles mix event sentences (attacks, protests, arrests, explosions, with counts, places,
dates and attributions) with background sentences, at realistic lengths (~500 words).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

PLACES = [
    ("Kaduna", "Nigeria"), ("Maiduguri", "Nigeria"), ("Mosul", "Iraq"), ("Basra", "Iraq"),
    ("Aleppo", "Syria"), ("Idlib", "Syria"), ("Kabul", "Afghanistan"), ("Kandahar", "Afghanistan"),
    ("Mogadishu", "Somalia"), ("Goma", "Democratic Republic of the Congo"), ("Tehran", "Iran"),
    ("Isfahan", "Iran"), ("Karachi", "Pakistan"), ("Peshawar", "Pakistan"), ("Bamako", "Mali"),
    ("Gao", "Mali"), ("Khartoum", "Sudan"), ("El Fasher", "Sudan"), ("Sanaa", "Yemen"),
    ("Aden", "Yemen"), ("Kharkiv", "Ukraine"), ("Caracas", "Venezuela"), ("Santiago", "Chile"),
    ("Dhaka", "Bangladesh"), ("Yangon", "Myanmar"), ("Mandalay", "Myanmar"), ("Lagos", "Nigeria"),
]
ACTORS = ["Gunmen", "Security forces", "Police", "Suspected militants", "Soldiers",
          "Rebel fighters", "Unidentified assailants", "Army troops"]
VICTIMS = ["villagers", "civilians", "worshippers", "students", "farmers", "passengers"]
SOURCES = ["police said", "a local official told reporters", "the health ministry said",
           "witnesses said", "according to a statement from the governor's office",
           "a spokesman for the army said"]
NUMBERS = ["three", "five", "seven", "12", "at least 9", "more than 20", "dozens of", "two",
           "at least 14", "about 30", "between 4 and 6"]
DAYS = ["on Monday", "on Tuesday", "late on Wednesday", "on Friday", "last week",
        "on Saturday night", "earlier this month", "yesterday"]
BACKGROUND = [
    "The region has seen repeated violence over the past decade, and residents say the security "
    "situation has worsened since the last elections.",
    "Aid agencies have warned that thousands of displaced families lack food, clean water and "
    "medical care as the rainy season approaches.",
    "Analysts say the conflict is driven by competition over land, grazing routes and political "
    "power, as well as by the spread of armed groups across porous borders.",
    "The government has repeatedly promised to restore order, but critics say promises of new "
    "investment in the area have not been kept.",
    "Local traders said markets had reopened, although many shops remained closed and prices for "
    "basic goods had risen sharply in recent weeks.",
    "Human rights groups have called for an independent investigation and for those responsible "
    "to be brought to justice.",
    "Officials did not respond to requests for comment, and it was not immediately possible to "
    "verify the figures independently.",
    "Schools in the district have been closed for several days and parents said they feared for "
    "the safety of their children.",
]


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    text: str
    published: str


def _event_sentences(rng: random.Random) -> list[str]:
    town, country = rng.choice(PLACES)
    town2, _ = rng.choice(PLACES)
    n = rng.choice(NUMBERS)
    return rng.choice([
        [f"{rng.choice(ACTORS)} attacked a village near {town}, {country}, {rng.choice(DAYS)}, "
         f"killing {n} {rng.choice(VICTIMS)}, {rng.choice(SOURCES)}.",
         f"{rng.choice(['Another', 'At least one', 'Two'])} people were wounded in the attack."],
        [f"Hundreds of protesters marched through {town} {rng.choice(DAYS)} to demand the release "
         f"of detained activists.",
         f"Police fired tear gas to disperse the crowd and arrested {n} people, "
         f"{rng.choice(SOURCES)}."],
        [f"A roadside bomb exploded near a market in {town} {rng.choice(DAYS)}, killing {n} "
         f"people and injuring several others, {rng.choice(SOURCES)}."],
        [f"An air strike hit a building in {town} {rng.choice(DAYS)}; {n} fighters were killed, "
         f"{rng.choice(SOURCES)}.",
         f"Clashes between the army and rebels were also reported in {town2}."],
        [f"Armed men abducted {n} {rng.choice(VICTIMS)} from a school in {town} "
         f"{rng.choice(DAYS)}, {rng.choice(SOURCES)}."],
    ])


def make_corpus(n_articles: int = 320, seed: int = 7) -> list[Article]:
    """``n_articles`` articles of about 450-600 words, the same for a given seed."""
    rng = random.Random(seed)
    out = []
    for i in range(n_articles):
        paras: list[str] = []
        words = 0
        while words < rng.randint(450, 600):
            if rng.random() < 0.45:
                para = " ".join(_event_sentences(rng))
            else:
                para = " ".join(rng.sample(BACKGROUND, 2))
            paras.append(para)
            words += len(para.split())
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        town, country = rng.choice(PLACES)
        title = f"Violence and protests reported in {town}, {country}"
        out.append(Article(f"bench-{i:04d}", title, title + "\n\n" + "\n\n".join(paras),
                           f"2023-{month:02d}-{day:02d}"))
    return out
