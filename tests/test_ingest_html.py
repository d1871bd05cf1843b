"""HTML extraction on a page rendered at test time around seed 2 (read by path): main text, metadata,
and no junk line (share widgets, comment form, newsletter, nav, footer, ticker) in the stored text."""
from __future__ import annotations

import sys
from pathlib import Path

from conftest import shared

from parley.ingest import read
from parley.ingest.clean import rules
from parley.model import Article

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "ingest"))
from render import render_file  # noqa: E402

JUNK = ["Spread the love", "Source link", "Leave a Reply", "Your email address will not be published",
        "Share this article", "Sign up for our newsletter", "Subscribe", "Read more", "Breaking News",
        "Privacy Policy", "All rights reserved", "Post Comment", "Accept all", "Great article", "Related story"]


def test_seed2_rendition_has_no_junk(tmp_path):
    seed = shared("corpus/seeds/004_a3a8e967821218ba.txt")
    page = tmp_path / "seed2.html"
    page.write_text(render_file(seed, title="Envoys Open a New Round of Gulf Talks With Wide Differences",
                                url="https://news.example.org/2025/03/11/talks-begin/"), encoding="utf-8")
    [a] = read([page])
    assert isinstance(a, Article)
    assert a.title == "Envoys Open a New Round of Gulf Talks With Wide Differences"
    assert a.published == "2025-03-11" and a.outlet == "Example News" and a.author == "Staff Writer"
    assert a.url == "https://news.example.org/2025/03/11/talks-begin/"
    for junk in JUNK:
        assert junk.lower() not in a.text.lower(), junk
    assert not [ln for ln in a.text.split("\n") if rules().is_junk(ln)]
    # the whole body is there, paragraph by paragraph
    body = [ln for ln in seed.read_text(encoding="utf-8").split("\n") if len(ln.split()) > 12]
    assert all(ln.strip() in a.text for ln in body)
    assert a.raw_html.startswith("<!DOCTYPE html>")


def test_page_without_date_keeps_date_missing(tmp_path):
    p = tmp_path / "nodate.html"
    p.write_text("<html><head><title>Talks</title></head><body><article><h1>Talks</h1>"
                 "<p>The foreign ministers met on Tuesday and agreed to meet again soon, officials said.</p>"
                 "<p>They discussed a prisoner exchange and the safety of shipping in the Black Sea.</p>"
                 "</article></body></html>", encoding="utf-8")
    [a] = read([p])
    assert a.published is None
