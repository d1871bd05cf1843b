"""The main jobs, shared by the CLI and the Python API: ingest into a store, extract to JSONL."""
from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from tqdm import tqdm

from . import ingest, pipeline
from .model import Article, IngestError, Result
from .profiles import load as load_profile
from .store import Store

log = logging.getLogger(__name__)
COMMIT_EVERY = 16  # articles per transaction


def _report(err: IngestError, sink: Callable[[str], None] | None) -> None:
    (sink or (lambda s: print(s, file=sys.stderr)))(f"error: {err}")


def ingest_articles(items: Iterable[Article | IngestError], store: Store, profile: str = "russia-ukraine",
                    progress: bool = True, on_error: Callable[[str], None] | None = None,
                    workers: int = 0, scheduler: str | None = None) -> dict:
    """Process articles (and report errors) into `store`, one transaction per batch.

    Articles already in the store are skipped before parsing. With `workers` > 0 (or a Dask
    `scheduler` address) batches are parsed on a Dask cluster; the store is written here.
    After the run, copy groups and story clusters are recomputed over everything stored."""
    prof = load_profile(profile)
    stats = {"read": 0, "new": 0, "skipped": 0, "errors": 0}
    bar = tqdm(desc="articles", unit="art", disable=not progress, file=sys.stderr)

    def batches() -> Iterator[list[Article]]:
        batch: list[Article] = []
        for item in items:
            if isinstance(item, IngestError):
                stats["errors"] += 1
                _report(item, on_error)
                store.add_errors([item])
                continue
            stats["read"] += 1
            batch.append(item)
            if len(batch) >= COMMIT_EVERY:
                yield from _new_only(batch)
                batch = []
        if batch:
            yield from _new_only(batch)

    def _new_only(batch: list[Article]) -> Iterator[list[Article]]:
        known = store.known(a.id for a in batch)
        todo = [a for a in batch if a.id not in known]
        stats["skipped"] += len(batch) - len(todo)
        bar.update(len(batch) - len(todo))
        if todo:
            yield todo

    if workers or scheduler:
        from . import scale

        done = scale.run(batches(), profile, workers=workers or 2, scheduler=scheduler)
    else:
        done = (list(pipeline.process(b, profile=prof)) for b in batches())
    for results in done:
        stats["new"] += store.add(results, profile=prof.name)
        bar.update(len(results))
    bar.close()
    regroup(store)
    return stats


def regroup(store: Store) -> None:
    """Recompute copy groups and stories over all stored articles."""
    arts = store.articles()
    ingest.group(arts)
    store.set_groups({a.id: (a.story, a.copy_of) for a in arts})


def ingest_paths(paths: list[str], db: str, profile: str = "russia-ukraine", fields: dict | None = None,
                 progress: bool = True, workers: int = 0, scheduler: str | None = None) -> dict:
    with Store(db) as store:
        return ingest_articles(ingest.read(paths, fields=fields), store, profile=profile, progress=progress,
                               workers=workers, scheduler=scheduler)


def read_extract_input(path: str | Path) -> Iterator[Article | IngestError]:
    """Input lines of `parley extract`: JSON objects with `id`, `text` and optional `published`, `url`,
    `title`, `outlet`. A bad line yields an IngestError naming file and line."""
    with open(path, encoding="utf-8", errors="strict") as fh:
        lineno = 0
        while True:
            try:
                line = fh.readline()
            except UnicodeDecodeError as exc:
                yield IngestError(f"{path}:{lineno + 1}", f"invalid UTF-8 ({exc.reason}); rest of file unreadable")
                return
            if not line:
                return
            lineno += 1
            if not line.strip():
                continue
            origin = f"{path}:{lineno}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield IngestError(origin, f"bad JSON: {exc.msg} at column {exc.colno}")
                continue
            if not isinstance(rec, dict):
                yield IngestError(origin, "a line must be a JSON object")
                continue
            text = rec.get("text")
            if not isinstance(text, str) or not text.strip():
                rid = str(rec["id"]) if rec.get("id") not in (None, "") else None
                yield IngestError(origin, f"record {rec.get('id')!r} has no text", record_id=rid)
                continue
            pub = rec.get("published") or rec.get("date")
            yield Article(text=text, id=str(rec.get("id") or ""), title=rec.get("title"),
                          published=str(pub)[:10] if pub else None, url=rec.get("url"),
                          outlet=rec.get("outlet") or rec.get("source"), origin=origin)


def extract(articles: list[Article], profile: str = "russia-ukraine", progress: bool = False) -> list[Result]:
    """Run the pipeline over articles taken as one corpus (stories group across them)."""
    ingest.group(articles)
    prof = load_profile(profile)
    it = pipeline.process(articles, profile=prof)
    return list(tqdm(it, total=len(articles), desc="articles", unit="art", disable=not progress, file=sys.stderr))


def extract_file(in_path: str, out_path: str, profile: str = "russia-ukraine", progress: bool = True,
                 on_error: Callable[[str], None] | None = None) -> dict:
    items = list(read_extract_input(in_path))
    articles = [a for a in items if isinstance(a, Article)]
    errors = [e for e in items if isinstance(e, IngestError)]
    for e in errors:
        _report(e, on_error)
    done = extract(articles, profile=profile, progress=progress)
    results = iter(done)
    Path(out_path).parent.mkdir(parents=True, exist_ok=True)
    with open(out_path, "w", encoding="utf-8") as out:
        for item in items:  # input order; a record with an id but no usable text gets an empty line
            if isinstance(item, Article):
                rec = next(results).to_json()
            elif item.record_id is not None:
                rec = {"id": item.record_id, "error": item.message, "story": None, "mentions": [],
                       "quotes": [], "events": [], "positions": [], "attributions": []}
            else:
                continue
            out.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
    return {"written": len(done), "errors": len(errors)}
