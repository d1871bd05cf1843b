"""parley: a sourced, queryable record of who said, proposed, demanded, agreed and refused what,
to whom, when, on which negotiation issue — built from news about a conflict's diplomacy.

Python API (mirrors the CLI):
    >>> import parley
    >>> records = parley.extract(["Peskov said Russia is open to negotiations."])   # gold-schema dicts
    >>> store = parley.open("parley.duckdb")
    >>> stats = store.ingest(["articles/"])          # files and folders, like `parley ingest`
    >>> store.quotes(speaker="Peskov")
"""
from __future__ import annotations

from collections.abc import Iterable

__version__ = "0.1.0"
__all__ = ["extract", "open", "Article"]

from .model import Article  # noqa: E402


def extract(texts: Iterable, profile: str = "russia-ukraine") -> list[dict]:
    """Extract mentions, quotes, events and positions from texts taken as one corpus.

    Each item is a string, a dict with `text` (and optional `id`, `published`, `url`, `title`,
    `outlet`), or an Article. Returns one gold-schema dict per item, in order."""
    from . import jobs

    arts = []
    for t in texts:
        if isinstance(t, Article):
            arts.append(t)
        elif isinstance(t, str):
            arts.append(Article(text=t))
        else:
            arts.append(Article(text=t["text"], id=str(t.get("id") or ""), title=t.get("title"),
                                published=t.get("published"), url=t.get("url"), outlet=t.get("outlet")))
    return [r.to_json() for r in jobs.extract(arts, profile=profile)]


def open(db: str = "parley.duckdb", read_only: bool = False):  # noqa: A001 - mirrors `parley --db`
    """Open a store: `.ingest(paths)`, `.quotes()`, `.events()`, `.positions()`, `.stories()`,
    `.summary()`, `.export()`."""
    from .store import Store

    return Store(db, read_only=read_only)
