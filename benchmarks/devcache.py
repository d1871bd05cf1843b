"""Development caches for the benchmark scripts: spaCy parses kept as DocBin files between runs.

`cached_docs(name, texts, cache, fresh)` returns (docs, parse seconds or None when read from the
cache); a cache whose texts differ from the current ones is parsed again. `article(g)` builds
the Article of a gold record. Not part of the package.
"""
from __future__ import annotations

import time
from pathlib import Path

from parley import nlp
from parley.model import Article


def cached_docs(name: str, texts: list[str], cache: Path | None, fresh: bool = False):
    from spacy.tokens import DocBin
    t0 = time.perf_counter()
    path = cache / f"{name}.spacy" if cache is not None else None
    if path is not None and path.exists() and not fresh:
        docs = list(DocBin().from_disk(path).get_docs(nlp.load().vocab))
        if [d.text for d in docs] == [t[:nlp.MAX_CHARS] for t in texts]:
            return docs, None
    docs = list(nlp.parse(texts))
    secs = time.perf_counter() - t0
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = DocBin(store_user_data=False)
        for d in docs:
            db.add(d)
        db.to_disk(path)
    return docs, secs


def article(g: dict) -> Article:
    return Article(text=g["text"], id=g.get("id", ""), title=g.get("title"), published=g.get("published"),
                   url=g.get("url"), outlet=g.get("outlet"))
