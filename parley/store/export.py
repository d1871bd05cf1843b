"""Export every table to Parquet, CSV or JSON lines (one file per table)."""
from __future__ import annotations

from pathlib import Path

from .schema import TABLES

FORMATS = {"parquet": "(FORMAT PARQUET)", "csv": "(FORMAT CSV, HEADER)", "jsonl": "(FORMAT JSON)"}


def export(self, fmt: str, out_dir: str | Path, tables: list[str] | None = None) -> list[Path]:
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables or [*TABLES, "stories"]:
        path = out / f"{table}.{fmt}"
        cols = "* EXCLUDE (raw_html)" if table == "articles" else "*"
        self.con.execute(f"COPY (SELECT {cols} FROM {table}) TO '{path.as_posix()}' {FORMATS[fmt]}")
        written.append(path)
    return written
