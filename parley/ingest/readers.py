"""Readers of the input formats: .txt, .html/.htm, .jsonl/.json, .csv, .warc(.gz), any of them gzipped.

Each reader yields `Article`s and, for bad input, `IngestError`s naming the file and line/record;
a bad record never stops the rest of the file, a bad file never stops the batch.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from ..model import Article, IngestError
from . import html as htmlx
from .clean import clean
from .dates import date_from_text, date_from_url, parse_date

MAX_LINE_BYTES = 8 * 1024 * 1024  # one JSONL/CSV record
MAX_DOC_BYTES = 16 * 1024 * 1024  # one .txt/.html document
MAX_JSON_BYTES = 256 * 1024 * 1024  # a whole .json file (parsed at once)
FIELDS = {"id": "id", "title": "title", "text": "text", "url": "url", "published": "published",
          "outlet": "source", "author": "author"}
ALIASES = {"published": ("date", "published_at", "pubdate"), "outlet": ("outlet", "site", "publisher"),
           "text": ("body", "content"), "title": ("headline",)}
MIN_HTML_WORDS = 5  # less main text than this: a page without an article (index, error, menu)
_HEADER = re.compile(r"^(title|date|published|url|source|outlet|author)\s*:\s*(.*)$", re.I)


class BadInput(Exception):
    """A problem with one file or record; becomes an IngestError."""


def kind_of(path: Path) -> str | None:
    """The format of a path by its extension (".gz" looked through), or None."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
        if not suffixes:
            return None
    ext = suffixes[-1] if suffixes else ""
    if ext in (".warc", ".arc"):
        return "warc"
    return {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".xhtml": "html",
            ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv"}.get(ext)


def open_bytes(path: Path):
    """A binary stream of the file, gunzipped when it is gzip (by magic bytes, whatever the name)."""
    fh = open(path, "rb")
    if fh.peek(2)[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=fh, mode="rb")
    return fh


def read_all(path: Path, limit: int) -> bytes:
    with open_bytes(path) as fh:
        try:
            data = fh.read(limit + 1)
        except (EOFError, OSError, zlib.error) as exc:
            raise BadInput(f"truncated or corrupt gzip data ({exc})") from exc
    if len(data) > limit:
        raise BadInput(f"larger than {limit // (1024 * 1024)} MB; not read")
    return data


def check_text_bytes(data: bytes) -> str:
    if b"\x00" in data[:65536]:
        raise BadInput("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise BadInput(f"invalid UTF-8 at line {line}, byte {exc.start}: {exc.reason}") from exc


def host(url: str | None) -> str | None:
    if not url:
        return None
    h = urlsplit(url if "://" in url else "//" + url).hostname or ""
    return h[4:] if h.startswith("www.") else (h or None)


def make_article(text: str, *, origin: str, id: str | None = None, title=None, published=None,
                 url=None, outlet=None, author=None, raw_html=None, extra=None) -> Article:
    """Clean the text, settle the date (metadata → text marker → URL → head of text), build."""
    if not isinstance(text, str):
        raise BadInput("text is not a string")
    body, marker_date = clean(text)
    if not body.strip():
        raise BadInput("empty text" if not text.strip() else "no text left after removing junk lines")
    date = parse_date(published) or parse_date(marker_date) or date_from_url(url) or date_from_text(body)
    title = clean(str(title))[0] or None if title else None
    return Article(text=body, id=str(id) if id not in (None, "") else "", title=title, published=date,
                   url=url or None, outlet=outlet or host(url), author=author or None, origin=origin,
                   raw_html=raw_html, extra=extra or {})


# --- plain text ---------------------------------------------------------------------------------
def read_txt(path: Path) -> Iterator[Article | IngestError]:
    text = check_text_bytes(read_all(path, MAX_DOC_BYTES))
    meta: dict[str, str] = {}
    lines = text.split("\n")
    i = 0
    while i < len(lines) and i < 10:
        m = _HEADER.match(lines[i].strip())
        if not m:
            break
        meta[m.group(1).lower()] = m.group(2).strip()
        i += 1
    body = "\n".join(lines[i:])
    yield make_article(body, origin=str(path), title=meta.get("title"),
                       published=meta.get("date") or meta.get("published"), url=meta.get("url"),
                       outlet=meta.get("source") or meta.get("outlet"), author=meta.get("author"))


# --- HTML ---------------------------------------------------------------------------------------
def article_from_html(page: str, *, origin: str, url: str | None = None) -> Article:
    d = htmlx.extract(page, url)
    if len(d["text"].split()) < MIN_HTML_WORDS:
        raise BadInput("no main text found in the HTML page")
    return make_article(d["text"], origin=origin, title=d["title"], published=d["published"],
                        url=d["url"] or url, outlet=d["site"] or host(d["url"] or url), author=d["author"],
                        raw_html=page)


def read_html(path: Path) -> Iterator[Article | IngestError]:
    data = read_all(path, MAX_DOC_BYTES)
    if b"\x00" in data[:65536]:
        raise BadInput("binary file (NUL bytes), not HTML")
    try:
        page = htmlx.decode(data)
    except UnicodeDecodeError as exc:
        raise BadInput(f"invalid UTF-8 at byte {exc.start} ({exc.reason}) and no other charset declared") from exc
    yield article_from_html(page, origin=str(path))


# --- records (JSONL / JSON / CSV) ---------------------------------------------------------------
def field_map(fields: dict | None) -> dict:
    m = dict(FIELDS)
    for ours, theirs in (fields or {}).items():
        if ours == "source":
            ours = "outlet"
        m[ours] = theirs
    return m


def from_record(rec, fmap: dict, origin: str) -> Article | IngestError:
    if not isinstance(rec, dict):
        return IngestError(origin, f"a record must be an object, got {type(rec).__name__}")

    def get(ours):
        v = rec.get(fmap[ours])
        if v in (None, "") and fmap[ours] == FIELDS.get(ours):  # default names: try common aliases
            for alt in ALIASES.get(ours, ()):
                if rec.get(alt) not in (None, ""):
                    return rec[alt]
        return v

    rid = get("id")
    rid = str(rid) if rid not in (None, "") else None
    text = get("text")
    if text in (None, ""):
        return IngestError(origin, f"record {rid or ''} has no {fmap['text']!r} field text".replace("  ", " "),
                           record_id=rid)
    used = set(fmap.values()) | {alt for alts in ALIASES.values() for alt in alts}
    extra = {k: v for k, v in rec.items() if k not in used and isinstance(v, (str, int, float, bool))
             and len(str(v)) <= 1000}  # other scalar fields of the record (e.g. labels) ride along
    try:
        return make_article(text, origin=origin, id=rid, title=get("title"), published=get("published"),
                            url=get("url"), outlet=get("outlet"), author=get("author"), extra=extra)
    except BadInput as exc:
        return IngestError(origin, f"record {rid}: {exc}" if rid else str(exc), record_id=rid)


def _lines(stream, path: Path) -> Iterator[tuple[int, bytes | None, str | None]]:
    """(line number, bytes, None) per line, or (n, None, error) for an over-long line (skipped
    without holding it in memory) or a truncated gzip stream (then stops)."""
    n = 0
    while True:
        try:
            line = stream.readline(MAX_LINE_BYTES + 1)
        except (EOFError, OSError, zlib.error) as exc:
            yield n + 1, None, f"truncated or corrupt gzip data ({exc}); rest of file lost"
            return
        if not line:
            return
        n += 1
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            size = len(line)
            try:
                while True:
                    chunk = stream.readline(MAX_LINE_BYTES)
                    size += len(chunk)
                    if not chunk or chunk.endswith(b"\n"):
                        break
            except (EOFError, OSError, zlib.error):
                pass
            yield n, None, (f"line too long ({size / 1024 / 1024:.0f} MB, limit "
                            f"{MAX_LINE_BYTES // (1024 * 1024)} MB); skipped")
            continue
        yield n, line, None


def read_jsonl(path: Path, fields: dict | None = None) -> Iterator[Article | IngestError]:
    fmap = field_map(fields)
    with open_bytes(path) as stream:
        for n, line, err in _lines(stream, path):
            origin = f"{path}:{n}"
            if err:
                yield IngestError(origin, err)
                continue
            if not line.strip():
                continue
            if b"\x00" in line:
                yield IngestError(origin, "binary data (NUL bytes) on this line")
                continue
            try:
                s = line.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield IngestError(origin, f"invalid UTF-8 at column {exc.start + 1}: {exc.reason}")
                continue
            try:
                rec = json.loads(s)
            except json.JSONDecodeError as exc:
                yield IngestError(origin, f"bad JSON: {exc.msg} at column {exc.colno}")
                continue
            yield from_record(rec, fmap, origin)


def read_json(path: Path, fields: dict | None = None) -> Iterator[Article | IngestError]:
    data = check_text_bytes(read_all(path, MAX_JSON_BYTES))
    try:
        doc = json.loads(data)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and data.lstrip().startswith("{"):  # JSON Lines named .json
            yield from read_jsonl(path, fields)
            return
        raise BadInput(f"bad JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    if isinstance(doc, dict):
        recs = next((doc[k] for k in ("articles", "items", "data", "records") if isinstance(doc.get(k), list)), [doc])
    elif isinstance(doc, list):
        recs = doc
    else:
        raise BadInput("JSON must be an object or a list of objects")
    fmap = field_map(fields)
    for i, rec in enumerate(recs, start=1):
        yield from_record(rec, fmap, f"{path}#record{i}")


def read_csv(path: Path, fields: dict | None = None) -> Iterator[Article | IngestError]:
    fmap = field_map(fields)
    csv.field_size_limit(MAX_LINE_BYTES)
    with open_bytes(path) as raw:
        head = raw.peek(65536)[:65536] if hasattr(raw, "peek") else b""
        if b"\x00" in head:
            raise BadInput("binary file (NUL bytes), not CSV")
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="")
        reader = csv.DictReader(text)
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError as exc:
                yield IngestError(f"{path}:{reader.line_num + 1}", f"invalid UTF-8 ({exc.reason}); rest of file unreadable")
                return
            except (EOFError, OSError, zlib.error) as exc:
                yield IngestError(f"{path}:{reader.line_num + 1}", f"truncated or corrupt gzip data ({exc}); rest of file lost")
                return
            except csv.Error as exc:
                yield IngestError(f"{path}:{reader.line_num}", f"bad CSV row: {exc}")
                continue
            yield from_record(row, fmap, f"{path}:{reader.line_num}")


# --- WARC ---------------------------------------------------------------------------------------
def read_warc(path: Path) -> Iterator[Article | IngestError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    with open(path, "rb") as fh:
        it = iter(ArchiveIterator(fh))
        while True:
            try:
                rec = next(it)
            except StopIteration:
                if n == 0:
                    yield IngestError(str(path), "malformed WARC: no records found")
                return
            except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError) as exc:
                yield IngestError(f"{path}#record{n + 1}", f"malformed WARC record ({str(exc).strip()[:200]}); rest of file skipped")
                return
            n += 1
            origin = f"{path}#record{n}"
            fmt = getattr(rec, "format", "warc") or "warc"
            if fmt.startswith("warc"):
                missing = [h for h in ("WARC-Type", "WARC-Record-ID", "WARC-Date")
                           if not rec.rec_headers.get_header(h)]
            else:
                missing = [] if path.name.lower().endswith((".arc", ".arc.gz")) else ["WARC version line"]
            if missing:
                yield IngestError(origin, f"malformed WARC record (missing {', '.join(missing)}); rest of file skipped")
                return
            if rec.rec_type not in ("response", "resource"):
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI")
            if rec.rec_type == "response":
                if rec.http_headers is None:
                    continue
                status = rec.http_headers.get_statuscode()
                if status and not str(status).startswith("2"):
                    continue
                ctype = rec.http_headers.get_header("Content-Type") or ""
            else:
                ctype = rec.rec_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower() and "text/plain" not in ctype.lower():
                continue
            try:
                data = rec.content_stream().read(MAX_DOC_BYTES + 1)
                if len(data) > MAX_DOC_BYTES:
                    raise BadInput("record larger than the size limit; not read")
                if _truncated(rec, data):
                    yield IngestError(origin, "truncated WARC record (file ends inside it); rest of file lost")
                    return
                if "html" in ctype.lower():
                    yield article_from_html(htmlx.decode(data, ctype), origin=origin, url=url)
                else:
                    yield make_article(check_text_bytes(data), origin=origin, url=url)
            except (ArchiveLoadFailed, EOFError, OSError, zlib.error) as exc:
                yield IngestError(origin, f"malformed WARC record ({exc}); rest of file skipped")
                return
            except UnicodeDecodeError as exc:
                yield IngestError(origin, f"invalid UTF-8 in the page ({exc.reason})")
            except BadInput as exc:
                yield IngestError(origin, str(exc))


def _truncated(rec, data: bytes) -> bool:
    """True when a record's payload is shorter than its Content-Length promises."""
    hh = rec.http_headers
    if hh is None:
        return rec.length is not None and len(data) < rec.length
    if hh.get_header("Content-Encoding") or hh.get_header("Transfer-Encoding"):
        return False  # decoded payload: lengths are not comparable
    total = getattr(hh, "total_len", None)
    return bool(rec.length and total is not None and len(data) < rec.length - total)


READERS = {"txt": read_txt, "html": read_html, "jsonl": read_jsonl, "json": read_json, "csv": read_csv,
           "warc": read_warc}
