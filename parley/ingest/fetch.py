"""Fetch news from the web: RSS/Atom feeds, single pages and files of URLs.

`fetch(sources, allow_private=False, ...)` yields an `Article` per page (main text extracted as for
.html files, raw HTML kept) or an `IngestError` naming the URL. Politeness and safety:
  * timeouts on every request and a size cap on every body (streamed, cut at `max_bytes`);
  * robots.txt is read once per host and obeyed for our user agent;
  * at most one request per `delay` seconds to any one host;
  * hosts that resolve to private, loopback, link-local or reserved addresses are refused
    (also after redirects) unless `allow_private=True`.
"""
from __future__ import annotations

import ipaddress
import socket
import time
import urllib.robotparser
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx
from lxml import etree

from ..model import Article, IngestError
from .dates import parse_date
from .html import decode
from .readers import BadInput, article_from_html

USER_AGENT = "parley/0.1 (news diplomacy research; +https://github.com/parley)"
TIMEOUT = 15.0
MAX_BYTES = 5 * 1024 * 1024
DELAY = 1.0  # seconds between two requests to one host
MAX_REDIRECTS = 5
FEED_TYPES = ("rss", "atom", "xml")


class Refused(Exception):
    pass


def _is_public(host: str) -> bool:
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror as exc:
        raise Refused(f"cannot resolve host {host!r} ({exc})") from exc
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%")[0])
        if (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast
                or ip.is_unspecified):
            return False
    return True


class Fetcher:
    """One polite HTTP client: robots.txt, per-host delay, size cap, address checks."""

    def __init__(self, *, allow_private: bool = False, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES,
                 delay: float = DELAY, user_agent: str = USER_AGENT, client: httpx.Client | None = None):
        self.allow_private = allow_private
        self.max_bytes = max_bytes
        self.delay = delay
        self.user_agent = user_agent
        self.client = client or httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=False,
                                             headers={"User-Agent": user_agent})
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}

    def close(self) -> None:
        self.client.close()

    def _check(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise Refused(f"not an http(s) URL: {url}")
        if not self.allow_private and not _is_public(parts.hostname):
            raise Refused(f"{parts.hostname} is a private or loopback address (use --allow-private to allow)")

    def _wait(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = self.delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def _get(self, url: str) -> tuple[int, dict, bytes, str]:
        """GET with redirects followed by hand (each hop checked); returns status, headers, body, final URL."""
        for _ in range(MAX_REDIRECTS + 1):
            self._check(url)
            parts = urlsplit(url)
            self._wait(f"{parts.scheme}://{parts.netloc}")
            with self.client.stream("GET", url) as r:
                if r.is_redirect and "location" in r.headers:
                    url = urljoin(url, r.headers["location"])
                    continue
                declared = r.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise BadInput(f"larger than {self.max_bytes} bytes ({declared}); not fetched")
                body = bytearray()
                for chunk in r.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise BadInput(f"larger than {self.max_bytes} bytes; not fetched")
                return r.status_code, dict(r.headers), bytes(body), str(r.url)
        raise BadInput(f"more than {MAX_REDIRECTS} redirects")

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        base = f"{parts.scheme}://{parts.netloc}"
        rp = self._robots.get(base)
        if rp is None:
            rp = urllib.robotparser.RobotFileParser(base + "/robots.txt")
            try:
                status, _, body, _ = self._get(base + "/robots.txt")
            except (httpx.HTTPError, BadInput, Refused):
                status, body = 404, b""
            if status in (401, 403):
                rp.disallow_all = True
            elif status >= 500:
                rp.disallow_all = True
            elif status >= 400:
                rp.allow_all = True
            else:
                rp.parse(body.decode("utf-8", "replace").splitlines())
            self._robots[base] = rp
        return rp.can_fetch(self.user_agent, url)

    def get(self, url: str) -> tuple[dict, bytes, str]:
        self._check(url)
        if not self.allowed(url):
            raise Refused("disallowed by robots.txt")
        status, headers, body, final = self._get(url)
        if status >= 400:
            raise BadInput(f"HTTP {status}")
        return headers, body, final


def is_feed(headers: dict, body: bytes) -> bool:
    ctype = (headers.get("content-type") or "").lower()
    if any(t in ctype for t in ("rss", "atom")):
        return True
    head = body[:600].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head) or \
        head.startswith(b"<rss") or head.startswith(b"<feed")


def parse_feed(body: bytes, base_url: str) -> list[dict]:
    """Items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed: [{url, title, published}]."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    root = etree.fromstring(body, parser=parser)
    if root is None:
        raise BadInput("unreadable feed XML")
    items = []
    for el in root.iter():
        if not isinstance(el.tag, str) or etree.QName(el).localname not in ("item", "entry"):
            continue
        d = {"url": None, "title": None, "published": None}
        for child in el:
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname
            if name == "link":
                href = child.get("href")
                if href and child.get("rel", "alternate") == "alternate":
                    d["url"] = d["url"] or href
                elif (child.text or "").strip():
                    d["url"] = d["url"] or child.text.strip()
            elif name == "title":
                d["title"] = (child.text or "").strip() or None
            elif name in ("pubDate", "published", "date", "updated", "issued") and not d["published"]:
                d["published"] = _feed_date(child.text)
        if not d["url"]:
            about = el.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
            d["url"] = about
        if d["url"]:
            d["url"] = urljoin(base_url, d["url"])
            items.append(d)
    return items


def _feed_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(value.strip()).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return parse_date(value)


def _sources(items: Iterable[str] | str) -> Iterator[str]:
    if isinstance(items, str):
        items = [items]
    for s in items:
        s = str(s).strip()
        if "://" not in s and Path(s).is_file():
            for line in Path(s).read_text(encoding="utf-8").splitlines():
                line = line.strip()
                if line and not line.startswith("#"):
                    yield line
        else:
            yield s


def _page(fetcher: Fetcher, url: str, meta: dict | None = None) -> Article | IngestError:
    try:
        headers, body, final = fetcher.get(url)
        page = decode(body, headers.get("content-type"))
        art = article_from_html(page, origin=url, url=final)
    except (BadInput, Refused) as exc:
        return IngestError(url, str(exc))
    except UnicodeDecodeError as exc:
        return IngestError(url, f"invalid UTF-8 ({exc.reason}) and no other charset declared")
    except httpx.HTTPError as exc:
        return IngestError(url, f"fetch failed: {type(exc).__name__}: {exc}")
    if meta:
        art.published = art.published or meta.get("published")
        art.title = art.title or meta.get("title")
    return art


def fetch(urls_or_feed: Iterable[str] | str, *, allow_private: bool = False, timeout: float = TIMEOUT,
          max_bytes: int = MAX_BYTES, delay: float = DELAY, user_agent: str = USER_AGENT,
          max_items: int | None = None) -> Iterator[Article | IngestError]:
    """Fetch pages and feeds: each source is a page URL, a feed URL (every item is fetched) or a
    local file with one URL per line. Yields Articles and IngestErrors (one per failed URL)."""
    fetcher = Fetcher(allow_private=allow_private, timeout=timeout, max_bytes=max_bytes, delay=delay,
                      user_agent=user_agent)
    try:
        for src in _sources(urls_or_feed):
            try:
                headers, body, final = fetcher.get(src)
            except (BadInput, Refused) as exc:
                yield IngestError(src, str(exc))
                continue
            except httpx.HTTPError as exc:
                yield IngestError(src, f"fetch failed: {type(exc).__name__}: {exc}")
                continue
            if is_feed(headers, body):
                try:
                    items = parse_feed(body, final)
                except (BadInput, etree.XMLSyntaxError) as exc:
                    yield IngestError(src, f"bad feed: {exc}")
                    continue
                for item in items[:max_items]:
                    yield _page(fetcher, item["url"], item)
            else:
                try:
                    art = article_from_html(decode(body, headers.get("content-type")), origin=src, url=final)
                except BadInput as exc:
                    yield IngestError(src, str(exc))
                except UnicodeDecodeError as exc:
                    yield IngestError(src, f"invalid UTF-8 ({exc.reason}) and no other charset declared")
                else:
                    yield art
    finally:
        fetcher.close()
