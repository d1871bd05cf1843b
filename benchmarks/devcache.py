"""Development caches for the benchmark scripts: spaCy parses kept as DocBin files between runs.

`cached_docs(name, texts, cache, fresh)` returns (docs, parse seconds or None when read from the
cache; `parley.nlp.parse_cached` keeps the file); `cached_list` pickles per-article results;
`article(g)` builds the Article of a gold record. Not part of the package.
"""
from __future__ import annotations

import pickle
import time
from pathlib import Path

from parley import nlp
from parley.model import Article


def cached_docs(name: str, texts: list[str], cache: Path | None, fresh: bool = False):
    path = cache / f"{name}.spacy" if cache is not None else None
    if fresh and path is not None and path.exists():
        path.unlink()
    t0 = time.perf_counter()
    docs, parsed = nlp.parse_cached(texts, path)
    return docs, (time.perf_counter() - t0 if parsed else None)


def cached_list(path: Path, n: int, fresh: bool, compute) -> list:
    """A per-article list (mentions, stage results) pickled at `path`; `compute()` when the file
    is missing, `fresh` is set or its length is not `n`."""
    if path.exists() and not fresh:
        items = pickle.loads(path.read_bytes())
        if len(items) == n:
            return items
    items = compute()
    path.write_bytes(pickle.dumps(items))
    return items


def article(g: dict) -> Article:
    return Article(text=g["text"], id=g.get("id", ""), title=g.get("title"), published=g.get("published"),
                   url=g.get("url"), outlet=g.get("outlet"))
