"""The gazetteer: a compact GeoNames-based index built by scripts/build_gazetteer.py.

Load once with :meth:`Gazetteer.load` (cached). Rows are parsed lazily, so loading costs one
gzip read and one dict per index; see docs/gazetteer.md for the file format and measurements.
"""

from __future__ import annotations

import bisect
import gzip
import itertools
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from eventscribe.model.place import (
    PRECISION_COUNTRY,
    PRECISION_DISTRICT,
    PRECISION_PROVINCE,
    PRECISION_TOWN,
    Place,
)
from eventscribe.resources.names import fold, name_key, translit_key

MatchKind = Literal["primary", "alternate", "translit"]

_FCLASS = {"CONT": "L", "PCLI": "A", "ADM1": "A", "ADM2": "A", "CMPRF": "S", "MILB": "S",
           "AIRB": "S"}


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One gazetteer row. ``index`` is its row number in this build (not stable across builds)."""

    index: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country_code: str
    admin1_code: str
    admin2: str
    feature_code: str
    population: int

    @property
    def feature_class(self) -> str:
        return _FCLASS.get(self.feature_code, "P" if self.feature_code.startswith("PPL") else "S")

    @property
    def precision(self) -> int:
        """1 town/site, 2 district, 3 province, 4 country (continents count as countries)."""
        if self.feature_code in ("PCLI", "CONT"):
            return PRECISION_COUNTRY
        if self.feature_code == "ADM1":
            return PRECISION_PROVINCE
        if self.feature_code == "ADM2":
            return PRECISION_DISTRICT
        return PRECISION_TOWN

    @property
    def is_area(self) -> bool:
        return self.feature_code in ("CONT", "PCLI", "ADM1", "ADM2")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry found for a name, and how the name matched it."""

    entry: GazEntry
    match: MatchKind


def default_data_dir() -> Path:
    """The packaged ``resources/data`` directory."""
    return Path(str(resources.files("eventscribe.resources") / "data"))


def _read_gz(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return f.read().split("\n")


class SortedIndex:
    """``key<TAB>value`` lines sorted by key, searched by bisection.

    Keeping the lines as they are read (no dict of 600,000 keys) halves the load time and
    saves memory; a lookup is about 20 string comparisons. Keys never contain a tab or a
    character below it, so the order of the lines is the order of their keys.
    """

    __slots__ = ("_cache", "_lines")
    CACHE_SIZE = 100_000

    def __init__(self, lines: list[str]) -> None:
        body = lines[1:]  # header
        while body and not body[-1]:
            body.pop()
        self._lines = body
        self._cache: dict[str, str | None] = {}

    def __len__(self) -> int:
        return len(self._lines)

    def get(self, key: str) -> str | None:
        """The value of ``key``, or None (recent answers are cached)."""
        try:
            return self._cache[key]
        except KeyError:
            pass
        probe = key + "\t"
        i = bisect.bisect_left(self._lines, probe)
        value = None
        if i < len(self._lines) and self._lines[i].startswith(probe):
            value = self._lines[i][len(probe) :]
        if len(self._cache) >= self.CACHE_SIZE:
            self._cache.clear()
        self._cache[key] = value
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def is_sorted(self) -> bool:
        """True when the lines are in key order (checked by the integrity tests)."""
        return all(a < b for a, b in itertools.pairwise(self._lines))


class Gazetteer:
    """Name and id lookups over the generated index. Use :meth:`load`; instances are read-only."""

    def __init__(self, data_dir: Path) -> None:
        self._rows = _read_gz(data_dir / "gaz_entries.tsv.gz")[1:]
        if self._rows and not self._rows[-1]:
            self._rows.pop()
        self._names = SortedIndex(_read_gz(data_dir / "gaz_names.tsv.gz"))
        self._data_dir = data_dir
        self._translit: SortedIndex | None = None
        self._by_id: dict[int, int] | None = None
        self._lock = threading.Lock()
        self._cache: dict[int, GazEntry] = {}
        self.demonyms: dict[str, str] = {}
        self.not_places: frozenset[str] = frozenset()
        self._abbrev: dict[str, str] = {}
        self._admin1: dict[tuple[str, str], int] = {}
        self._countries: dict[str, int] = {}
        self._area_keys: dict[str, list[tuple[str, str]]] = {}
        self._read_extra()
        self._index_areas()

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Gazetteer:
        """The gazetteer of ``data_dir`` (default: the packaged one), loaded once per process."""
        return _load_cached(str(data_dir or default_data_dir()))

    def _read_extra(self) -> None:
        dem: dict[str, str] = {}
        notp: set[str] = set()
        abbr: dict[str, str] = {}
        for ln in _read_gz(self._data_dir / "gaz_extra.tsv.gz")[1:]:
            if not ln:
                continue
            kind, name, target = ln.split("\t")
            if kind == "demonym":
                dem[fold(name)] = target
            elif kind == "notplace":
                notp.add(name_key(name))
            elif kind == "abbrev":
                abbr[name] = target
        self.demonyms = dem
        self.not_places = frozenset(notp)
        self._abbrev = abbr

    def _index_areas(self) -> None:
        areas: dict[str, list[tuple[str, str]]] = {}
        for i, row in enumerate(self._rows):
            f = row.split("\t", 9)
            code = f[7]
            if code == "PCLI":
                self._countries[f[4]] = i
            elif code == "ADM1":
                self._admin1[(f[4], f[5])] = i
            elif code == "ADM2" or code.startswith("PPL"):
                break  # admin2, sites and towns come after the countries and admin1
            else:
                continue
            k = name_key(f[1])
            if len(k) >= 4 and k not in self.not_places:
                areas.setdefault(k, []).append((f[4], f[5]))
        self._area_keys = areas

    def area_names(self, name: str) -> list[tuple[str, str]]:
        """(country, admin1 code) of the countries ("", admin1 empty) and admin1 areas whose own
        name is ``name``; used as document context ("Texas" in "Texas Rangers")."""
        return self._area_keys.get(name_key(name), [])

    def __len__(self) -> int:
        return len(self._rows)

    def entry(self, index: int) -> GazEntry:
        """The entry at row ``index``."""
        e = self._cache.get(index)
        if e is None:
            f = self._rows[index].split("\t")
            e = GazEntry(
                index=index,
                geonameid=int(f[0]) if f[0] else None,
                name=f[1],
                lat=float(f[2]),
                lon=float(f[3]),
                country_code=f[4],
                admin1_code=f[5],
                admin2=f[6],
                feature_code=f[7],
                population=int(f[8]),
            )
            if len(self._cache) < 50_000:
                self._cache[index] = e
        return e

    def _decode(self, value: str, default: MatchKind) -> list[Candidate]:
        out = []
        for tok in value.split(","):
            if tok.endswith("a"):
                out.append(Candidate(self.entry(int(tok[:-1])), "alternate"))
            else:
                out.append(Candidate(self.entry(int(tok)), default))
        return out

    def has_key(self, key: str) -> bool:
        """True when ``key`` (a :func:`name_key`) names some entry."""
        return key in self._names

    def candidates(self, name: str, *, translit: bool = False) -> list[Candidate]:
        """Entries whose names match ``name`` after normalisation.

        With ``translit=True`` and no normalised match, looser romanisation variants are tried
        (gh/q, ou/u, doubled letters...). Order: by row (countries, admin1, admin2, sites, towns).
        """
        v = self._names.get(name_key(name))
        if v is not None:
            return self._decode(v, "primary")
        if translit:
            tv = self._translit_index().get(translit_key(name))
            if tv is not None:
                return [Candidate(c.entry, "translit") for c in self._decode(tv, "translit")]
        return []

    def abbreviation(self, surface: str) -> GazEntry | None:
        """The entry a dotted abbreviation stands for, matched exactly as written ("Tenn.")."""
        target = self._abbrev.get(surface)
        if target is None:
            return None
        cc, code, name = target.split("|")
        for c in self.candidates(name):
            if c.entry.country_code == cc and c.entry.feature_code == code:
                return c.entry
        return None

    def demonym_country(self, surface: str) -> GazEntry | None:
        """The country a demonym names ("Iranian", "Iranians", "Sri Lankan")."""
        f = fold(surface)
        cc = self.demonyms.get(f)
        if cc is None and f.endswith("s"):
            cc = self.demonyms.get(f[:-1])
        return None if cc is None else self.country(cc)

    def inhabitant_places(self, surface: str) -> list[Candidate]:
        """Areas and large towns an inhabitant name refers to ("Ohioans", "Texan", "Londoner").

        Tries the usual English suffixes (-n, -an, -ian, -er, Texan -> Texas) and keeps
        countries, admin1 areas and towns of 100,000+ whose own name matches.
        """
        f = fold(surface)
        if f.endswith("s"):
            f = f[:-1]
        bases = []
        if f.endswith("n"):
            bases += [f[:-1], f[:-1] + "s"]
            if f.endswith("an"):
                bases.append(f[:-2])
            if f.endswith("ian"):
                bases += [f[:-3] + "o", f[:-3]]
        if f.endswith("er"):
            bases.append(f[:-2])
        for b in bases:
            if len(b) < 3:
                continue
            out = [c for c in self.candidates(b) if c.match == "primary" and (
                c.entry.feature_code in ("PCLI", "ADM1", "CONT")
                or c.entry.population >= 100_000)]
            if out:
                return out
        return []

    def _translit_index(self) -> SortedIndex:
        if self._translit is None:
            with self._lock:
                if self._translit is None:
                    self._translit = SortedIndex(_read_gz(self._data_dir / "gaz_translit.tsv.gz"))
        return self._translit

    def by_geonameid(self, geonameid: int) -> GazEntry | None:
        """The entry with this GeoNames id, if any."""
        if self._by_id is None:
            with self._lock:
                if self._by_id is None:
                    ids: dict[int, int] = {}
                    for i, row in enumerate(self._rows):
                        g = row[: row.index("\t")]
                        if g:
                            ids.setdefault(int(g), i)
                    self._by_id = ids
        idx = self._by_id.get(geonameid)
        return None if idx is None else self.entry(idx)

    def country(self, cc: str) -> GazEntry | None:
        """The country entry for an ISO code."""
        i = self._countries.get(cc)
        return None if i is None else self.entry(i)

    def country_name(self, cc: str) -> str | None:
        """Country name for an ISO code."""
        e = self.country(cc)
        return e.name if e else None

    def admin1(self, cc: str, code: str) -> GazEntry | None:
        """The admin1 entry for a country code and GeoNames admin1 code."""
        i = self._admin1.get((cc, code))
        return None if i is None else self.entry(i)

    def admin1_code_by_name(self, cc: str, name: str) -> str | None:
        """The admin1 code of the area named ``name`` (its gazetteer name) in country ``cc``."""
        for (c, code), i in self._admin1.items():
            if c == cc and self.entry(i).name == name:
                return code
        return None

    def admin1_name(self, cc: str, code: str) -> str | None:
        """Admin1 name for a country code and GeoNames admin1 code."""
        e = self.admin1(cc, code)
        return e.name if e else None

    def to_place(self, e: GazEntry) -> Place:
        """The model :class:`Place` for an entry, with country and admin names filled in."""
        return Place(
            name=e.name,
            geonameid=e.geonameid,
            lat=e.lat,
            lon=e.lon,
            country_code=e.country_code,
            country=self.country_name(e.country_code),
            admin1=None if e.feature_code in ("PCLI", "CONT") else self.admin1_name(e.country_code,
                                                                          e.admin1_code),
            admin2=e.admin2 or None,
            feature_class=e.feature_class,
            feature_code=e.feature_code,
            population=e.population,
            precision=e.precision,
        )


@lru_cache(maxsize=4)
def _load_cached(data_dir: str) -> Gazetteer:
    return Gazetteer(Path(data_dir))
