"""ingest stage: files, folders and web pages → clean `Article`s, grouped into copies and stories.

Entry points:
    read(paths, fields=None)     -> Iterator[Article | IngestError]   (readers.py, clean.py, dates.py)
    group(articles)              sets article.copy_of and article.story  (copies.py, stories.py)
    StoryIndex().add(article)    incremental story clustering as articles stream in
    alterations(canonical, copy) -> list[dict]  changed names/numbers/dates/negation (alterations.py)
    parley.ingest.fetch.fetch(urls_or_feeds, allow_private=False)  RSS/Atom feeds and URLs (fetch.py)
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import Article, IngestError
from .alterations import alterations
from .copies import group_copies
from .readers import READERS, BadInput, kind_of
from .stories import StoryIndex, cluster

log = logging.getLogger(__name__)

__all__ = ["read", "group", "alterations", "StoryIndex", "group_copies"]


def _expand(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """(file, format) for every file under the given paths, folders recursively in sorted order;
    in folders, hidden files and files of other types are left out."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p).parts
                if f.is_file() and not any(part.startswith(".") for part in rel):
                    k = kind_of(f)
                    if k:
                        yield f, k
        else:
            yield p, kind_of(p)


def read(paths: Iterable[str | Path] | str | Path, *, fields: dict | None = None) -> Iterator[Article | IngestError]:
    """Read files and folders (recursive) of .txt, .html/.htm, .jsonl/.json, .csv, .warc (any of
    them .gz). Yields Articles and, for each bad file or record, an IngestError naming the file
    and line/record; reading goes on with the rest. `fields` maps our field names (id, title, text,
    url, published, outlet/source, author) to the input's, for JSONL/JSON/CSV."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for path, kind in _expand(paths):
        if not path.exists():
            yield IngestError(str(path), "no such file or folder")
            continue
        if kind is None:
            kind = "txt"  # a named file of unknown type: try it as plain text
        reader = READERS[kind]
        try:
            it = reader(path, fields) if kind in ("jsonl", "json", "csv") else reader(path)
            for item in it:
                yield item
        except BadInput as exc:
            yield IngestError(str(path), str(exc))
        except PermissionError:
            yield IngestError(str(path), "permission denied")
        except (OSError, EOFError) as exc:
            yield IngestError(str(path), f"unreadable: {exc}")
        except Exception as exc:  # noqa: BLE001 - a bad file never stops the batch
            log.exception("reading %s", path)
            yield IngestError(str(path), f"unreadable ({type(exc).__name__}: {exc})")


def group(articles: list[Article]) -> None:
    """Set `copy_of` (copy groups: exact and near duplicates, canonical = fullest, earliest) and
    `story` (independent reports of one event) on every article, in place. Stories are clustered
    over the canonical articles; a copy joins its canonical's story."""
    if not articles:
        return
    group_copies(articles)
    canon = [a for a in articles if not a.copy_of]
    cluster(canon)
    story = {a.id: a.story for a in canon}
    for a in articles:
        if a.copy_of:
            a.story = story.get(a.copy_of)
