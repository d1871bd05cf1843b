"""Printing rows as an aligned table, CSV or JSON."""
from __future__ import annotations

import csv
import datetime as _dt
import json
import sys
from typing import IO


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return "|".join(_cell(x) for x in v)
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v.isoformat()
    if isinstance(v, dict):
        return json.dumps(v, default=str, ensure_ascii=False)
    return str(v)


def emit(rows: list[dict], fmt: str = "table", columns: list[str] | None = None,
         width: int = 70, out: IO | None = None) -> None:
    out = out or sys.stdout
    columns = columns or (list(rows[0]) if rows else [])
    if fmt == "json":
        out.write(json.dumps(rows, default=str, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, default=str, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        w = csv.writer(out)
        w.writerow(columns)
        for r in rows:
            w.writerow([_cell(r.get(c)) for c in columns])
    else:
        table(rows, columns, width, out)


def table(rows: list[dict], columns: list[str], width: int = 70, out: IO | None = None) -> None:
    out = out or sys.stdout
    if not rows:
        out.write("(none)\n")
        return
    cells = [[_cell(r.get(c)).replace("\n", " ") for c in columns] for r in rows]
    cells = [[c if len(c) <= width else c[: width - 1] + "…" for c in row] for row in cells]
    widths = [max(len(h), *(len(row[i]) for row in cells)) for i, h in enumerate(columns)]
    out.write("  ".join(h.ljust(w) for h, w in zip(columns, widths)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() + "\n")
