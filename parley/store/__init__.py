"""store stage: results into an embedded DuckDB file; queries; Parquet/CSV/JSONL export.

Entry: `Store(path)`. `add(results)` writes one batch in one transaction, so an interrupted run
loses nothing already committed and a re-run completes it; an article already stored (same id,
i.e. same normalised text) is skipped, so re-ingesting stores it once.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

import duckdb
import pyarrow as pa

from ..model import Article, IngestError, Result, stable_id
from .schema import RECORD_TABLES, TABLES, ddl

DEFAULT_DB = "parley.duckdb"


def _iso(v):
    if v in (None, ""):
        return None
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v if isinstance(v, _dt.date) else v.date()
    s = str(v)[:10]
    if len(s) == 7:  # "YYYY-MM": a month-precise date counts from its first day
        s += "-01"
    elif len(s) == 4:
        s += "-01-01"
    try:
        return _dt.date.fromisoformat(s)
    except ValueError:
        return None


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise FileNotFoundError(f"{self.path}: no such store (run `parley ingest` or `parley demo` first)")
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            for stmt in ddl():
                self.con.execute(stmt)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------
    def known(self, ids: Iterable[str]) -> set[str]:
        ids = list(set(ids))
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
        return {r[0] for r in rows}

    def add(self, results: list[Result], profile: str = "") -> int:
        """Store a batch of results in one transaction; returns how many articles were new."""
        seen = self.known(r.article.id for r in results)  # one look-up per batch
        new = []
        for r in results:
            if r.article.id not in seen:
                seen.add(r.article.id)
                new.append(r)
        if not new:
            return 0
        now = _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)
        rows: dict[str, list[dict]] = {t: [] for t in ("articles", *RECORD_TABLES)}
        for r in new:
            a = r.article
            rows["articles"].append({"id": a.id, "title": a.title, "published": _iso(a.published), "url": a.url,
                                     "outlet": a.outlet, "author": a.author, "origin": a.origin,
                                     "story": a.story, "copy_of": a.copy_of, "text": a.text,
                                     "raw_html": a.raw_html, "ingested_at": now})
            for name, recs in (("mentions", r.mentions), ("quotes", r.quotes), ("events", r.events),
                               ("positions", r.positions), ("attributions", r.attributions)):
                for rec in recs:
                    d = asdict(rec)
                    d["article_id"] = a.id
                    if name == "positions":
                        d["profile"] = profile
                    if "date" in d:
                        d["date"] = _iso(d["date"])
                    d["id"] = stable_id(name, a.id, *[d.get(c) for c, _ in TABLES[name][2:]])
                    rows[name].append(d)
        self.con.begin()
        try:
            for table, recs in rows.items():
                self._insert(table, recs)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        return len(new)

    def _insert(self, table: str, recs: list[dict]) -> None:
        if not recs:
            return
        cols = [c for c, _ in TABLES[table]]
        arrow = pa.Table.from_pylist([{c: r.get(c) for c in cols} for r in recs])
        self.con.register("_batch", arrow)
        try:
            names = ", ".join(f'"{c}"' for c in cols)
            self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _batch")
        finally:
            self.con.unregister("_batch")

    def add_errors(self, errors: Iterable[IngestError]) -> None:
        now = _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)
        recs = [{"origin": e.origin, "message": e.message, "at": now} for e in errors]
        self._insert("errors", recs)

    def set_groups(self, groups: dict[str, tuple[str | None, str | None]]) -> None:
        """Update story and copy-group ids: {article_id: (story, copy_of)}."""
        if not groups:
            return
        tbl = pa.Table.from_pylist([{"id": k, "story": s, "copy_of": c} for k, (s, c) in groups.items()])
        self.con.register("_groups", tbl)
        try:
            self.con.execute("UPDATE articles SET story = g.story, copy_of = g.copy_of FROM _groups g "
                             "WHERE articles.id = g.id")
        finally:
            self.con.unregister("_groups")

    def ingest(self, paths: list[str | Path], profile: str = "russia-ukraine", fields: dict | None = None,
               progress: bool = False, workers: int = 0) -> dict:
        """Read files/folders into this store (as `parley ingest`); returns counts."""
        from .. import ingest, jobs

        return jobs.ingest_articles(ingest.read([str(p) for p in paths], fields=fields), self, profile=profile,
                                    progress=progress, workers=workers)

    # -- reading ---------------------------------------------------------------------------
    def rows(self, sql: str, params: list | None = None) -> list[dict]:
        cur = self.con.execute(sql, params or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]

    def articles(self) -> list[Article]:
        out = []
        for r in self.rows("SELECT id, title, published, url, outlet, author, origin, story, copy_of, text "
                           "FROM articles ORDER BY published NULLS LAST, id"):
            r["published"] = r["published"].isoformat() if r["published"] else None
            out.append(Article(**r))
        return out

    def count(self, table: str) -> int:
        """Rows in a table; 0 for a table a store made by an earlier version lacks (opened read-only)."""
        if not self.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                                [table]).fetchone()[0]:
            return 0
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


from . import export as _export, queries as _queries  # noqa: E402

Store.quotes = _queries.quotes
Store.events = _queries.events
Store.positions = _queries.positions
Store.stories = _queries.stories
Store.summary = _queries.summary
Store.export = _export.export
