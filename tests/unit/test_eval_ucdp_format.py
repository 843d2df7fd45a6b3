"""UCDP GED CSV reader and the headline death-number test, on a sample written for these tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventscribe.evaluation.ucdp import states_deaths
from eventscribe.evaluation.ucdp_format import country_code, headline_parts, read_ged

pytestmark = pytest.mark.unit

CSV = (
    "id,country,source_headline,source_date,latitude,longitude,date_start,date_end,best,low,high,"
    "extra\n"
    '1,Mali,"Gunmen kill 4 in Gao;Four dead in Gao","2020-01-02;2020-01-03",16.27,-0.04,'
    "2020-01-01,2020-01-01,4,4,5,x\n"
    '3,DR Congo (Zaire),"A headline with a\nline break",,not-a-number,29.1,2019-05-05,,2,,,\n'
    "5,Syria,,2012-01-01,33.5,36.3,2012-01-01,2012-01-01,1,1,1,\n"
)


def test_ucdp_reader_rows_with_headlines(tmp_path: Path) -> None:
    f = tmp_path / "ged.csv"
    f.write_text(CSV, "utf-8")
    read = read_ged(tmp_path)  # a folder works too
    assert read.skipped == {"no source_headline": 1}
    a, b = read.rows
    assert a.headlines == ("Gunmen kill 4 in Gao", "Four dead in Gao")
    assert a.published == date(2020, 1, 2)
    assert (a.country_code, a.lat, a.lon, a.best, a.low, a.high) == ("ML", 16.27, -0.04, 4, 4, 5)
    assert b.headlines == ("A headline with a\nline break",)
    assert b.published is None and b.lat is None and b.lon == 29.1
    assert b.country_code == "CD" and b.date_end is None and b.low is None


def test_ucdp_reader_file_without_headline_column(tmp_path: Path) -> None:
    f = tmp_path / "other.csv"
    f.write_text("a,b\n1,2\n", "utf-8")
    assert read_ged(f).rows == [] and read_ged(f).skipped


def test_ucdp_country_names() -> None:
    assert country_code("Russia (Soviet Union)") == "RU"
    assert country_code("Myanmar (Burma)") == "MM"
    assert country_code("Bosnia-Herzegovina") == "BA"
    assert country_code("Afghanistan") == "AF"
    assert country_code("Atlantis") is None and country_code("") is None


def test_ucdp_states_deaths() -> None:
    assert states_deaths("15 Afghan Taliban killed in 24 hours: MoI")
    assert states_deaths("Mogadishu blast death toll rises to five")
    assert states_deaths("Dozens killed in troubled eastern province")
    assert not states_deaths("Jammu and Kashmir Timeline 2017")
    assert not states_deaths("Executions 2007")
    assert not states_deaths("Final death toll for 29/12/2012")
    assert not states_deaths("Troops advance on the town")
    assert headline_parts(" a ; ;b ") == ("a", "b")
