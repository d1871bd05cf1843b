"""Readers of every input format, and bad input: a clear error naming file and line, the batch goes on."""
from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from parley.ingest import read
from parley.model import Article, IngestError

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "ingest"))
from render import render  # noqa: E402

TEXT = ("Foreign ministers met in Geneva on Tuesday to discuss a ceasefire.\n\n"
        "The talks lasted six hours, officials said.\nShare this article\nRead more")


def arts(items):
    return [a for a in items if isinstance(a, Article)]


def errs(items):
    return [e for e in items if isinstance(e, IngestError)]


def test_txt_with_header_lines(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Title: Talks in Geneva\nDate: 12 March 2025\nURL: https://www.example.com/x\nSource: Example Post\n\n"
                 + TEXT, encoding="utf-8")
    [a] = read([p])
    assert a.title == "Talks in Geneva" and a.published == "2025-03-12"
    assert a.url == "https://www.example.com/x" and a.outlet == "Example Post"
    assert a.text.startswith("Foreign ministers met in Geneva")
    assert "Share this article" not in a.text and "Read more" not in a.text
    assert "\n" in a.text  # paragraph line breaks kept
    assert a.id.startswith("a-") and a.origin == str(p)


def test_txt_without_header_has_no_invented_date(tmp_path):
    p = tmp_path / "b.txt"
    p.write_text("On Tuesday the delegations met again and agreed to keep talking.", encoding="utf-8")
    [a] = read([p])
    assert a.published is None and a.title is None


def test_seed_text_files_are_cleaned(tmp_path):
    from conftest import shared

    items = list(read([shared("corpus/seeds")]))
    assert len(arts(items)) == 2 and not errs(items)
    nyt = next(a for a in items if "Jeddah" in a.text)
    for junk in ("Spread the love", "Source link", "Leave a Reply", "Required fields are marked"):
        assert junk not in nyt.text
    assert "Reporting was contributed by" in nyt.text  # the last real line stays


def test_html_page(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(render("Talks in Geneva\n" + TEXT.replace("\n\n", "\n") * 3, title="Talks in Geneva",
                        published="2025-03-11", url="https://news.example.org/2025/03/11/geneva/",
                        author="Jane Roe"), encoding="utf-8")
    [a] = read([p])
    assert a.title == "Talks in Geneva" and a.published == "2025-03-11" and a.author == "Jane Roe"
    assert a.url == "https://news.example.org/2025/03/11/geneva/" and a.outlet == "Example News"
    assert a.raw_html and "<nav>" in a.raw_html
    assert "Foreign ministers met in Geneva" in a.text
    for junk in ("Leave a Reply", "newsletter", "Privacy Policy", "Spread the love", "Breaking News"):
        assert junk.lower() not in a.text.lower()


def test_jsonl_json_csv_and_field_mapping(tmp_path):
    rec = {"id": "r1", "title": "T", "text": TEXT, "url": "https://x.org/2024/06/14/a", "published": None,
           "source": "X Daily"}
    (tmp_path / "a.jsonl").write_text(json.dumps(rec) + "\n\n" + json.dumps({**rec, "id": "r2"}) + "\n")
    (tmp_path / "b.json").write_text(json.dumps([{**rec, "id": "r3", "published": "2024-06-15"}]))
    (tmp_path / "c.csv").write_text("key,headline,body,link,day\nr4,H,\"" + TEXT.replace('"', '""') +
                                    "\",https://y.org/p,2023-01-02\n", encoding="utf-8")
    items = list(read([tmp_path / "a.jsonl", tmp_path / "b.json"]))
    by_id = {a.id: a for a in arts(items)}
    assert set(by_id) == {"r1", "r2", "r3"} and not errs(items)
    assert by_id["r1"].published == "2024-06-14"  # from the URL
    assert by_id["r3"].published == "2024-06-15" and by_id["r1"].outlet == "X Daily"
    assert by_id["r1"].origin.endswith("a.jsonl:1") and by_id["r2"].origin.endswith("a.jsonl:3")
    fields = {"id": "key", "title": "headline", "text": "body", "url": "link", "published": "day"}
    [c] = read([tmp_path / "c.csv"], fields=fields)
    assert (c.id, c.title, c.url, c.published, c.outlet) == ("r4", "H", "https://y.org/p", "2023-01-02", "y.org")


def test_article_without_id_gets_content_hash(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": TEXT}) + "\n" + json.dumps({"text": TEXT + " "}) + "\n")
    a, b = read([tmp_path / "a.jsonl"])
    assert a.id == b.id and a.id.startswith("a-")


def test_gzipped_inputs_and_folders(tmp_path):
    d = tmp_path / "in" / "sub"
    d.mkdir(parents=True)
    with gzip.open(d / "a.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "text": TEXT}) + "\n")
    with gzip.open(d / "b.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write(TEXT)
    (tmp_path / "in" / "notes.pdf").write_bytes(b"%PDF-1.4")  # unknown type inside a folder: left out
    (tmp_path / "in" / ".hidden.txt").write_text(TEXT)
    items = list(read([tmp_path / "in"]))
    assert len(arts(items)) == 2 and not errs(items)


def _warc(path: Path, pages: list[tuple[str, str]], gz: bool = True) -> None:
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")),
                                                http_headers=headers))


def test_warc(tmp_path):
    page = render("Talks\n" + TEXT * 3, title="Talks", url="https://news.example.org/2022/03/29/talks/")
    _warc(tmp_path / "a.warc.gz", [("https://news.example.org/2022/03/29/talks/", page)] * 2)
    items = list(read([tmp_path / "a.warc.gz"]))
    assert len(arts(items)) == 2 and not errs(items)
    a = arts(items)[0]
    assert a.url == "https://news.example.org/2022/03/29/talks/" and a.raw_html and "#record" in a.origin


# --- bad input: each case gives an IngestError naming the file; the rest of the batch is read ---
def _good(tmp_path) -> Path:
    p = tmp_path / "good.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


@pytest.mark.parametrize("name,content,expect", [
    ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "binary"),
    ("empty.txt", b"   \n\n", "empty"),
    ("junk_only.txt", b"Share this article\nRead more\n", "no text left"),
    ("latin1.txt", "Caf\u00e9 talks in Gen\u00e8ve".encode("latin-1"), "invalid UTF-8"),
    ("bad.html", b"<html><body><p>caf\xe9</p></body></html>", "invalid UTF-8"),
    ("bin.html", b"\x00\x01\x02" * 100, "binary"),
    ("nothing.html", b"<html><body><nav>Home</nav></body></html>", "no main text"),
    ("bad.json", b"{not json", "bad JSON"),
    ("bad.warc", b"WARC/1.0\r\nthis is not a warc header\r\n\r\n", "malformed WARC"),
])
def test_bad_file_then_batch_goes_on(tmp_path, name, content, expect):
    bad = tmp_path / name
    bad.write_bytes(content)
    items = list(read([bad, _good(tmp_path)]))
    [e] = errs(items)
    assert e.origin.startswith(str(bad)) and expect.lower() in e.message.lower(), e
    assert len(arts(items)) == 1


def test_truncated_gzip_keeps_what_was_read(tmp_path):
    data = gzip.compress("".join(json.dumps({"id": f"t{i}", "text": f"{TEXT} {i}"}) + "\n"
                                 for i in range(200)).encode())
    p = tmp_path / "cut.jsonl.gz"
    p.write_bytes(data[: len(data) // 2])
    t = tmp_path / "cut.txt.gz"
    t.write_bytes(gzip.compress(TEXT.encode())[:20])
    items = list(read([p, t, _good(tmp_path)]))
    e1, e2 = errs(items)
    assert "gzip" in e1.message and e1.origin.startswith(str(p) + ":")
    assert "gzip" in e2.message and e2.origin == str(t)
    assert 10 < len(arts(items)) < 200


def test_bad_jsonl_lines(tmp_path):
    p = tmp_path / "mixed.jsonl"
    with open(p, "wb") as fh:
        fh.write(json.dumps({"id": "ok1", "text": TEXT}).encode() + b"\n")
        fh.write(b'{"id": "broken", "text": \n')
        fh.write(json.dumps({"id": "notext", "title": "x"}).encode() + b"\n")
        fh.write(b'{"id": "enc", "text": "caf\xe9"}\n')
        fh.write(b"[1, 2]\n")
        fh.write(json.dumps({"id": "ok2", "text": TEXT + " again"}).encode() + b"\n")
    items = list(read([p]))
    assert [a.id for a in arts(items)] == ["ok1", "ok2"]
    es = errs(items)
    assert [e.origin.rsplit(":", 1)[1] for e in es] == ["2", "3", "4", "5"]
    assert "bad JSON" in es[0].message and es[1].record_id == "notext" and "UTF-8" in es[2].message


def test_50mb_single_line(tmp_path):
    p = tmp_path / "huge.jsonl"
    with open(p, "wb") as fh:
        fh.write(json.dumps({"id": "before", "text": TEXT}).encode() + b"\n")
        fh.write(b'{"id": "huge", "text": "' + b"a" * (50 * 1024 * 1024) + b'"}\n')
        fh.write(json.dumps({"id": "after", "text": TEXT + " x"}).encode() + b"\n")
    items = list(read([p]))
    assert [a.id for a in arts(items)] == ["before", "after"]
    [e] = errs(items)
    assert e.origin == f"{p}:2" and "too long" in e.message


def test_missing_path(tmp_path):
    items = list(read([tmp_path / "nope.txt", _good(tmp_path)]))
    assert "no such file" in errs(items)[0].message and len(arts(items)) == 1


def test_malformed_warc_variants(tmp_path):
    page = render("Talks\n" + TEXT * 3, title="Talks")
    _warc(tmp_path / "ok.warc", [("https://news.example.org/a", page)], gz=False)
    data = (tmp_path / "ok.warc").read_bytes()
    (tmp_path / "cut.warc").write_bytes(data[: len(data) - 400])
    (tmp_path / "text.warc").write_bytes(b"hello, this is not an archive at all\n")
    (tmp_path / "gz.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    items = list(read([tmp_path / "cut.warc", tmp_path / "text.warc", tmp_path / "gz.warc.gz", _good(tmp_path)]))
    assert len(arts(items)) >= 1 and isinstance(items[-1], Article)
    bad = {Path(e.origin.split("#")[0]).name for e in errs(items)}
    assert bad == {"cut.warc", "text.warc", "gz.warc.gz"}


def test_json_lines_named_json(tmp_path):
    p = tmp_path / "lines.json"
    p.write_text(json.dumps({"id": "j1", "text": TEXT}) + "\n" + json.dumps({"id": "j2", "text": TEXT + "!"}) + "\n")
    assert [a.id for a in read([p])] == ["j1", "j2"]


def test_50mb_single_line_in_text_and_csv(tmp_path):
    big = b"word " * (10 * 1024 * 1024)  # 50 MB, no newline
    (tmp_path / "huge.txt").write_bytes(big)
    with open(tmp_path / "huge.csv", "wb") as fh:
        fh.write(b"id,text\nc1,First row of text here.\nc2,\"" + big + b"\"\nc3,Third row of text here.\n")
    items = list(read([tmp_path / "huge.txt", tmp_path / "huge.csv", _good(tmp_path)]))
    es = errs(items)
    assert es[0].origin == str(tmp_path / "huge.txt") and "larger than" in es[0].message
    assert es[1].origin.startswith(str(tmp_path / "huge.csv") + ":") and "CSV" in es[1].message
    assert [a.id for a in arts(items)][:1] == ["c1"] and isinstance(items[-1], Article)
