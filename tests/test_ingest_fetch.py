"""Fetching feeds and pages, against a local HTTP server on 127.0.0.1 started by the test (no outside network)."""
from __future__ import annotations

import http.server
import sys
import threading
import time
from pathlib import Path

import pytest

from parley.ingest.fetch import fetch, parse_feed
from parley.model import Article, IngestError

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "ingest"))
from render import render  # noqa: E402

BODY = ("Negotiators from both delegations met in Istanbul on Friday and agreed to exchange prisoners.\n"
        "The talks lasted less than two hours, a spokesman said, and no ceasefire was agreed.\n") * 3


def _pages() -> dict[str, tuple[str, bytes]]:
    rss = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example</title>
<item><title>Talks in Istanbul</title><link>/news/a.html</link><pubDate>Fri, 16 May 2025 18:00:00 GMT</pubDate></item>
<item><title>Members only</title><link>/private/b.html</link></item>
<item><title>Gone</title><link>/news/missing.html</link></item>
</channel></rss>"""
    atom = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>E</title>
<entry><title>Talks</title><link rel="alternate" href="http://h.example/news/a.html"/><published>2025-05-16T10:00:00Z</published></entry>
</feed>"""
    page = render("Talks in Istanbul\n" + BODY, title="Talks in Istanbul", published="2025-05-16",
                  url="http://news.example.org/news/a.html")
    return {
        "/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /private/\n"),
        "/feed.xml": ("application/rss+xml", rss.encode()),
        "/atom.xml": ("application/atom+xml", atom.encode()),
        "/news/a.html": ("text/html; charset=utf-8", page.encode()),
        "/private/b.html": ("text/html; charset=utf-8", page.encode()),
        "/slow.html": ("text/html", b"<html><body><p>late</p></body></html>"),
        "/big.html": ("text/html", b"<html><body>" + b"<p>word word word.</p>" * 20000 + b"</body></html>"),
    }


class _Handler(http.server.BaseHTTPRequestHandler):
    pages: dict = {}
    hits: list = []

    def do_GET(self):  # noqa: N802
        self.hits.append((time.monotonic(), self.path))
        if self.path == "/slow.html":
            time.sleep(0.6)
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/news/a.html")
            self.end_headers()
            return
        if self.path not in self.pages:
            self.send_error(404)
            return
        ctype, body = self.pages[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (size cap, timeout)
            pass

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    _Handler.pages = _pages()
    _Handler.hits = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", _Handler.hits
    httpd.shutdown()
    httpd.server_close()


def test_feed_items_are_fetched_obeying_robots(server):
    base, hits = server
    items = list(fetch(base + "/feed.xml", allow_private=True, delay=0))
    arts = [a for a in items if isinstance(a, Article)]
    errs = {e.origin.rsplit("/", 1)[1]: e.message for e in items if isinstance(e, IngestError)}
    assert len(arts) == 1
    a = arts[0]
    assert a.published == "2025-05-16" and a.title == "Talks in Istanbul" and "Istanbul on Friday" in a.text
    assert a.raw_html and "<nav>" in a.raw_html and a.origin == base + "/news/a.html"
    assert "robots.txt" in errs["b.html"] and "404" in errs["missing.html"]
    assert not any(path.startswith("/private/") for _, path in hits)  # never requested


def test_private_addresses_are_refused_by_default(server):
    base, hits = server
    [e] = list(fetch(base + "/news/a.html"))
    assert isinstance(e, IngestError) and "private or loopback" in e.message
    assert hits == []


def test_size_cap_redirects_and_url_files(server, tmp_path):
    base, _ = server
    [big] = list(fetch(base + "/big.html", allow_private=True, delay=0, max_bytes=50_000))
    assert isinstance(big, IngestError) and "larger than" in big.message
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# my list\n{base}/moved\n\n{base}/news/a.html\n", encoding="utf-8")
    items = list(fetch(str(urls), allow_private=True, delay=0))
    assert [type(x).__name__ for x in items] == ["Article", "Article"]
    assert items[0].url == items[1].url  # the redirect was followed to the page


def test_per_host_rate_limit(server):
    base, hits = server
    list(fetch([base + "/news/a.html", base + "/news/a.html", base + "/news/a.html"], allow_private=True, delay=0.15))
    times = [t for t, _ in hits]
    assert len(times) == 4  # robots.txt once, then the three pages
    assert min(b - a for a, b in zip(times, times[1:])) >= 0.12


def test_atom_feed_parsing():
    body = _pages()["/atom.xml"][1]
    [item] = parse_feed(body, "http://h.example/atom.xml")
    assert item == {"url": "http://h.example/news/a.html", "title": "Talks", "published": "2025-05-16"}


def test_timeout(server):
    base, _ = server
    [e] = list(fetch(base + "/slow.html", allow_private=True, delay=0, timeout=0.2))
    assert isinstance(e, IngestError) and "Timeout" in e.message
