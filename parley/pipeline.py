"""The pipeline: articles → nlp → actors → quotes → events → positions → results.

Each stage is one module with one entry function over the shared `Context`:
    parley.nlp.parse(texts)          -> spaCy Docs
    parley.actors.resolve(ctx)       -> list[Mention]
    parley.quotes.extract(ctx)       -> list[Quote]
    parley.events.extract(ctx)       -> list[Event]
    parley.positions.extract(ctx)    -> list[Position]
Ingestion (`parley.ingest`) makes the Articles and groups them into copies and stories; the store
(`parley.store`) keeps the results.
"""
from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator

from . import actors, events, nlp, positions, quotes
from .context import Context
from .model import Article, Result

log = logging.getLogger(__name__)


def batched(items: Iterable, n: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(itertools.islice(it, n)):
        yield chunk


def process(articles: Iterable[Article], profile=None, kb=None,
            batch_size: int = nlp.BATCH_SIZE) -> Iterator[Result]:
    """Run every stage on each article; yields one Result per article, in input order.

    An article that makes a stage fail still yields a Result (with what the earlier stages
    found) and the failure is logged with the article id: one bad text never stops a batch.
    """
    from .profiles import load as load_profile

    profile = profile if profile is not None else load_profile()
    kb = kb if kb is not None else actors.load_kb()
    for chunk in batched(articles, batch_size):
        for article, doc in zip(chunk, nlp.parse([a.text for a in chunk], batch_size=batch_size)):
            yield run_stages(Context(article=article, doc=doc, kb=kb, profile=profile))


def run_stages(ctx: Context) -> Result:
    stages = (("mentions", actors.resolve), ("quotes", quotes.extract),
              ("events", events.extract), ("positions", positions.extract))
    for name, fn in stages:
        try:
            setattr(ctx, name, fn(ctx))
        except Exception:  # noqa: BLE001 - reported, the batch goes on
            log.exception("article %s: stage %s failed", ctx.article.id, name)
    return Result(article=ctx.article, mentions=ctx.mentions, quotes=ctx.quotes,
                  events=ctx.events, positions=ctx.positions, attributions=ctx.attributions)
