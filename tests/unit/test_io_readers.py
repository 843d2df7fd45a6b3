"""Unit tests for iter_inputs: every format, every bad-input case, and the batch going on."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest

from eventscribe.io import ReadError, iter_inputs
from eventscribe.model import Doc, content_id

pytestmark = pytest.mark.unit

ARTICLE = (
    "Gunmen attacked a police post in Zamfara State on Sunday, killing four officers, "
    "a police spokesman said.\r\nResidents said the attackers fled on motorcycles.  \r\n"
)
HTML_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Landslide buries homes in Sindhupalchok</title>
<meta property="og:title" content="Landslide buries homes in Sindhupalchok">
<meta property="og:url" content="https://news.example.np/landslide">
<meta property="og:site_name" content="Valley Times">
<meta property="article:published_time" content="2022-07-14T06:30:00+05:45"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Landslide buries homes in Sindhupalchok</h1>
<p>At least nine people were killed and twelve others went missing after a landslide buried
homes in Sindhupalchok district early on Thursday, officials said.</p>
<p>Rescue teams from the Nepal Army reached the village by noon and were digging through mud
with shovels as heavy rain continued to fall across the hills.</p></article>
<footer>Copyright Valley Times</footer></body></html>"""


def _docs(results: list[Doc | ReadError]) -> list[Doc]:
    return [r for r in results if isinstance(r, Doc)]


def _errors(results: list[Doc | ReadError]) -> list[ReadError]:
    return [r for r in results if isinstance(r, ReadError)]


def test_io_text_file_normalised_with_hash_ids(tmp_path: Path) -> None:
    f = tmp_path / "zamfara.txt"
    raw = b"\xef\xbb\xbf" + ARTICLE.encode()
    f.write_bytes(raw)
    (doc,) = list(iter_inputs([f], published=date(2023, 3, 5)))
    assert isinstance(doc, Doc)
    assert doc.text.startswith("Gunmen attacked")
    assert "\r" not in doc.text and not doc.text.endswith(("\n", " "))
    assert "motorcycles.\n" not in doc.text and doc.text.endswith("motorcycles.")
    assert doc.id == content_id(doc.text)
    assert doc.source.raw_sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.source.extractor == "text.v1"
    assert doc.source.published_at == date(2023, 3, 5)
    assert doc.source.path == str(f)


def test_io_html_extracts_article_and_metadata(tmp_path: Path) -> None:
    f = tmp_path / "nepal.html"
    f.write_text(HTML_PAGE, encoding="utf-8")
    (doc,) = list(iter_inputs([f], published=date(2000, 1, 1)))
    assert isinstance(doc, Doc)
    assert "At least nine people were killed" in doc.text
    assert "Copyright" not in doc.text and "Home | World" not in doc.text
    assert doc.source.title == "Landslide buries homes in Sindhupalchok"
    assert doc.source.url == "https://news.example.np/landslide"
    assert doc.source.outlet == "Valley Times"
    assert doc.source.published_at == date(2022, 7, 14)  # the page's own date beats --published
    assert doc.source.extractor == "trafilatura 2.3.1"
    i = doc.text.index("Sindhupalchok district")
    assert doc.text[i : i + 13] == "Sindhupalchok"


def test_io_html_without_article_is_e005(tmp_path: Path) -> None:
    f = tmp_path / "menu.html"
    f.write_text(
        "<html><body><nav><ul><li><a href='/a'>Sport</a></li><li><a href='/b'>Weather</a></li>"
        "</ul></nav></body></html>",
        encoding="utf-8",
    )
    (err,) = list(iter_inputs([f]))
    assert isinstance(err, ReadError) and err.code == "E005"


def test_io_html_declared_latin1_decodes(tmp_path: Path) -> None:
    page = HTML_PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace(
        "Thursday", "Thursday in Jiri, near the Bhot\u00e9 river"
    )
    f = tmp_path / "latin.htm"
    f.write_bytes(page.encode("latin-1"))
    (doc,) = list(iter_inputs([f]))
    assert isinstance(doc, Doc) and "Bhot\u00e9" in doc.text


def test_io_bad_inputs_each_get_a_code_and_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_text("  \n\t\n", encoding="utf-8")
    (tmp_path / "b_binary.txt").write_bytes(b"GIF89a\x00\x01\x02\x03" * 50)
    (tmp_path / "c_latin1.txt").write_bytes("Manifestaci\u00f3n en Bogot\u00e1".encode("latin-1"))
    (tmp_path / "d_good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "e_bad.json").write_text("{not json", encoding="utf-8")
    results = list(iter_inputs([tmp_path]))
    codes = {Path(e.path).name: e.code for e in _errors(results)}
    assert codes == {
        "a_empty.txt": "E001",
        "b_binary.txt": "E002",
        "c_latin1.txt": "E003",
        "e_bad.json": "E007",
    }
    assert len(_docs(results)) == 1


def test_io_huge_sparse_file_rejected_without_reading(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:
        fh.truncate(50_000_000)  # sparse: 50 MB of size, no data blocks
    (err,) = list(iter_inputs([f]))
    assert isinstance(err, ReadError) and err.code == "E004"
    assert "50000000" in err.message


def test_io_max_bytes_limit_is_configurable(tmp_path: Path) -> None:
    f = tmp_path / "short.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    assert isinstance(next(iter_inputs([f], max_bytes=50)), ReadError)
    assert isinstance(next(iter_inputs([f], max_bytes=10_000)), Doc)


def test_io_jsonl_bad_line_is_error_for_that_line_only(tmp_path: Path) -> None:
    rows = [
        {"id": "r1", "url": "https://example.ke/a", "title": "Clash in Marsabit",
         "published": "2021-11-02", "outlet": "Coast Daily",
         "text": "Two herders were killed in a clash over water in Marsabit on Monday."},
        "{broken",
        {"id": "r3", "text": "Police arrested 14 traders in Mombasa.", "published": "2021-13-40"},
        {"id": "r4", "title": "no body"},
        {"id": "r5", "html": HTML_PAGE, "outlet": "Own Outlet"},
        {"id": "r6", "text": "Students marched through Kisumu demanding lower fees."},
    ]
    f = tmp_path / "batch.jsonl"
    lines = [r if isinstance(r, str) else json.dumps(r) for r in rows]
    f.write_text("\n".join(lines[:2]) + "\n\n" + "\n".join(lines[2:]) + "\n", encoding="utf-8")
    results = list(iter_inputs([f], published=date(2021, 11, 5)))
    errs = {e.line: e.code for e in _errors(results)}
    assert errs == {2: "E007", 4: "E009", 5: "E007"}
    docs = {d.source.external_id: d for d in _docs(results)}
    assert set(docs) == {"r1", "r5", "r6"}
    assert docs["r1"].source.published_at == date(2021, 11, 2)
    assert docs["r1"].source.outlet == "Coast Daily"
    assert docs["r1"].source.path == f"{f}:1"
    assert docs["r6"].source.published_at == date(2021, 11, 5)  # from --published
    assert docs["r5"].source.outlet == "Own Outlet"  # record beats page metadata
    assert docs["r5"].source.title == "Landslide buries homes in Sindhupalchok"


def test_io_jsonl_overlong_line_skipped(tmp_path: Path) -> None:
    f = tmp_path / "big.jsonl"
    long = json.dumps({"id": "x", "text": "Shelling hit Kharkiv. " * 200})
    short = json.dumps({"id": "y", "text": "A grenade attack in Bujumbura wounded three."})
    f.write_text(long + "\n" + short + "\n", encoding="utf-8")
    results = list(iter_inputs([f], max_bytes=1000))
    assert [(e.line, e.code) for e in _errors(results)] == [(1, "E004")]
    assert [d.source.external_id for d in _docs(results)] == ["y"]


def test_io_json_list_and_object(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": "Troops regained Marawi.", "published": "2017-10-17"}))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": "Riot in Lahore."}, 5, {"text": ""}]))
    results = list(iter_inputs([one, many]))
    assert [d.text for d in _docs(results)] == ["Troops regained Marawi.", "Riot in Lahore."]
    assert [(e.path.rsplit("/", 1)[-1], e.code) for e in _errors(results)] == [
        ("many.json[1]", "E007"),
        ("many.json[2]", "E001"),
    ]


def test_io_folder_recursive_sorted_skips_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.md").write_text("Second story from Accra.", encoding="utf-8")
    (tmp_path / "1.txt").write_text("First story from Lagos.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden story.", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("Git story.", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\x00")
    results = list(iter_inputs([tmp_path]))
    texts = [d.text for d in _docs(results)]
    assert texts == ["First story from Lagos.", "Second story from Accra."]
    assert _errors(results) == []


def test_io_missing_and_unsupported_paths_are_e008(tmp_path: Path) -> None:
    odd = tmp_path / "data.csv"
    odd.write_text("a,b\n")
    results = list(iter_inputs([tmp_path / "nope.txt", odd]))
    assert [e.code for e in _errors(results)] == ["E008", "E008"]


def test_io_rss_and_atom_feeds(tmp_path: Path) -> None:
    rss = tmp_path / "feed.rss"
    rss.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Andes Wire</title>
<item><title>Miners block highway</title><link>https://andes.example/1</link>
<pubDate>Tue, 08 Mar 2022 14:00:00 -0500</pubDate>
<content:encoded><![CDATA[<p>Hundreds of miners blocked the highway near Arequipa.</p>
<p>Police used tear gas.</p>]]></content:encoded></item>
<item><title>Empty</title><description></description></item>
<item><title>Bad date</title><pubDate>someday</pubDate>
<description>Farmers marched in Cusco.</description></item>
</channel></rss>""",
        encoding="utf-8",
    )
    atom = tmp_path / "feed.atom"
    atom.write_text(
        """<feed xmlns="http://www.w3.org/2005/Atom"><title>Delta Desk</title>
<entry><id>tag:d,1</id><title>Pipeline blast</title><link href="https://delta.example/p"/>
<updated>2020-02-01T10:00:00Z</updated><summary>A pipeline exploded in Bayelsa.</summary></entry>
</feed>""",
        encoding="utf-8",
    )
    results = list(iter_inputs([rss, atom]))
    docs = _docs(results)
    assert docs[0].text == (
        "Hundreds of miners blocked the highway near Arequipa.\nPolice used tear gas."
    )
    assert docs[0].source.published_at == date(2022, 3, 8)
    assert docs[0].source.outlet == "Andes Wire" and docs[0].source.url == "https://andes.example/1"
    assert docs[1].source.outlet == "Delta Desk" and docs[1].source.external_id == "tag:d,1"
    assert docs[1].source.published_at == date(2020, 2, 1)
    assert [e.code for e in _errors(results)] == ["E001", "E009"]
