"""Unit tests for decoding, normalisation and publication-date parsing."""

from __future__ import annotations

from datetime import date

import pytest

from eventscribe.errors import EventscribeError
from eventscribe.io.normalise import declared_charset, decode, looks_binary, normalise_text
from eventscribe.io.published import parse_published

pytestmark = pytest.mark.unit


def test_normalise_crlf_trailing_spaces_and_nfc() -> None:
    raw = "Protesters gathered in Cafe\u0301 Square  \r\nPolice fired tear gas.\t\r\n\r\n"
    out = normalise_text(raw)
    assert out == "Protesters gathered in Caf\u00e9 Square\nPolice fired tear gas."


def test_normalise_keeps_bullets_quotes_and_indentation() -> None:
    raw = "\u2022 \u201cWe will return,\u201d said the mayor of Goma \u2014 briefly.\n  indented"
    assert normalise_text(raw) == raw


def test_normalise_lone_cr_and_bom() -> None:
    assert normalise_text("\ufeffLine one\rLine two") == "Line one\nLine two"


def test_decode_strips_utf8_bom() -> None:
    assert decode("\ufeffKabul".encode()) == "Kabul"


def test_decode_invalid_utf8_is_e003() -> None:
    with pytest.raises(EventscribeError) as err:
        decode("Bogot\u00e1 march".encode("latin-1"))
    assert err.value.code == "E003"


def test_decode_declared_charset_used_only_when_allowed() -> None:
    raw = '<meta charset="iso-8859-1"><p>Bogot\u00e1</p>'.encode("latin-1")
    assert declared_charset(raw) == "iso8859-1"
    assert "Bogot\u00e1" in decode(raw, allow_declared=True)
    with pytest.raises(EventscribeError):
        decode(raw)


def test_decode_binary_is_e002() -> None:
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(EventscribeError) as err:
        decode(bytes(range(256)) * 4)
    assert err.value.code == "E002"


def test_decode_utf16_with_bom_is_text() -> None:
    raw = "Floods in Sylhet".encode("utf-16")
    assert not looks_binary(raw)
    assert decode(raw) == "Floods in Sylhet"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-06-03", date(2021, 6, 3)),
        ("2021/6/3", date(2021, 6, 3)),
        ("2021-06-03T23:15:00Z", date(2021, 6, 3)),
        ("2021-06-03 08:15:00+05:30", date(2021, 6, 3)),
        ("Thu, 03 Jun 2021 08:15:00 GMT", date(2021, 6, 3)),
        (None, None),
        ("  ", None),
        (date(2019, 1, 2), date(2019, 1, 2)),
    ],
)
def test_published_accepts_iso_and_rfc2822(value: object, expected: date | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "2021-02-30", "0201-06-03", "03/06/2021", 20210603])
def test_published_rejects_invalid_with_e009(value: object) -> None:
    with pytest.raises(EventscribeError) as err:
        parse_published(value)
    assert err.value.code == "E009"
