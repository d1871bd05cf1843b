"""HTML pages → main text and metadata (trafilatura), then the project's own cleaning.

trafilatura keeps the article body and drops navigation, footers, comment sections and share
widgets; its metadata gives title, date (htmldate, original publication date, no guessing), author,
site name and canonical URL. The text then goes through `clean.clean` (normalisation + junk lines).
"""
from __future__ import annotations

import functools
import re

from .dates import date_from_url, parse_date

FALLBACK_BELOW = 250  # chars: shorter main text → retry with trafilatura's fallback extractors
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.I)


@functools.lru_cache(maxsize=1)
def _config():
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no signal-based timeout (threads, servers)
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "100")
    return config


def decode(data: bytes, content_type: str | None = None) -> str:
    """Bytes of a page → str: the charset of the Content-Type header or of the page's <meta> if
    any, else strict UTF-8 (raises UnicodeDecodeError)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    m = re.search(r"charset\s*=\s*[\"']?([\w:.-]+)", content_type or "", re.I)
    if m:
        enc = m.group(1).lower()
    else:
        m = _CHARSET.search(data[:4096])
        enc = m.group(1).decode("ascii", "replace").lower() if m else "utf-8"
    if enc in ("utf-8", "utf8"):
        return data.decode("utf-8")
    try:
        return data.decode(enc)
    except LookupError:
        return data.decode("utf-8")


def extract(html: str, url: str | None = None) -> dict:
    """Main text and metadata of one page: {text, title, published, author, site, url}.
    `text` is "" when the page has no main text."""
    import trafilatura  # imported here: slow to import, needed only for HTML

    kw = dict(url=url, with_metadata=True, include_comments=False, include_tables=False,
              include_images=False, include_links=False, favor_precision=True, config=_config(),
              date_extraction_params={"extensive_search": False, "original_date": True,
                                      "outputformat": "%Y-%m-%d"})
    doc = trafilatura.bare_extraction(html, fast=True, **kw)
    if doc is None or len(doc.text or "") < FALLBACK_BELOW:  # odd page: let the fallback extractors try
        doc = trafilatura.bare_extraction(html, fast=False, **kw) or doc
    if doc is None:
        return {"text": "", "title": None, "published": None, "author": None, "site": None, "url": url}
    d = doc if isinstance(doc, dict) else doc.as_dict()
    page_url = d.get("url") or url
    published = parse_date(d.get("date")) or date_from_url(page_url) or date_from_url(url)
    return {"text": d.get("text") or "", "title": d.get("title") or None, "published": published,
            "author": d.get("author") or None, "site": d.get("sitename") or d.get("hostname") or None,
            "url": page_url}
