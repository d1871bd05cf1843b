"""Scale-out: process article batches on a Dask distributed cluster (local processes by default,
or an existing scheduler address). The store is written by the calling process only, one
transaction per batch, so a lost worker loses no stored batch."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from .model import Article, Result


def process_batch(articles: list[Article], profile: str) -> list[Result]:
    """Run on a worker: the whole pipeline over one batch (the spaCy model loads once per worker)."""
    from . import pipeline
    from .profiles import load

    return list(pipeline.process(articles, profile=load(profile)))


def run(batches: Iterable[list[Article]], profile: str, workers: int = 2, scheduler: str | None = None,
        on_done: Callable[[list[Result]], None] | None = None) -> Iterator[list[Result]]:
    """Yield each batch's results as it completes (at most 2 × workers batches in flight)."""
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, memory_limit="3GiB")
        client = Client(cluster)
    try:
        it = iter(batches)
        pending = as_completed()
        for _ in range(2 * workers):
            b = next(it, None)
            if b is None:
                break
            pending.add(client.submit(process_batch, b, profile, pure=False))
        for fut in pending:
            yield fut.result()
            b = next(it, None)
            if b is not None:
                pending.add(client.submit(process_batch, b, profile, pure=False))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
