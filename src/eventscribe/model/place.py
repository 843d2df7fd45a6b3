"""Places: gazetteer records and their mentions in a text."""

from __future__ import annotations

import math
from dataclasses import dataclass

from eventscribe.model.provenance import Provenance
from eventscribe.model.span import Span

# Precision codes used in the event JSON (and mapped to ACLED geo_precision / UCDP where_prec
# / PLOVER resolution by the exporters): 1 = the town or site itself, 2 = a district (admin2)
# or an area near a named town, 3 = a province (admin1), 4 = a country.
PRECISION_TOWN = 1
PRECISION_DISTRICT = 2
PRECISION_PROVINCE = 3
PRECISION_COUNTRY = 4
EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return EARTH_RADIUS_KM * 2 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved gazetteer entry (GeoNames-based)."""

    name: str
    geonameid: int | None
    lat: float
    lon: float
    country_code: str
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    feature_class: str | None = None
    feature_code: str | None = None
    population: int = 0
    precision: int = PRECISION_TOWN

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "geonameid": self.geonameid,
            "lat": round(self.lat, 5),
            "lon": round(self.lon, 5),
            "country_code": self.country_code,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "feature_class": self.feature_class,
            "feature_code": self.feature_code,
            "population": self.population,
            "precision": self.precision,
        }


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym in the text and what it resolved to (``place`` is None when unresolved)."""

    span: Span
    place: Place | None
    provenance: Provenance
    candidates: int = 0
"""How many gazetteer candidates were considered."""
