"""Peak memory and throughput of `ingest` on N articles (default 5,000).

Articles are the bundled/shared Wikinews texts, each made distinct by a numbered closing line, so
the store really holds N articles. Prints articles/s and peak RSS (target: < 1.5 GiB at 5,000).
Run: .venv/bin/python benchmarks/bench_memory.py [N]
"""
from __future__ import annotations

import csv
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def texts() -> list[dict]:
    src = ROOT.parent / "shared" / "corpus" / "wikinews"
    rows: list[dict] = []
    if src.exists():
        csv.field_size_limit(10**9)
        for f in sorted(src.glob("*.csv")):
            with open(f, encoding="utf-8", newline="") as fh:
                rows += [r for r in csv.DictReader(fh) if len(r["text"]) < 20000]
    else:
        with open(ROOT / "parley" / "data" / "demo" / "wikinews-demo.jsonl", encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh]
    return rows


def main(n: int = 5000) -> None:
    from parley import jobs

    base = texts()
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "many.jsonl"
        with open(inp, "w", encoding="utf-8") as out:
            for i in range(n):
                r = base[i % len(base)]
                out.write(json.dumps({"title": r["title"], "published": r.get("date") or r.get("published"),
                                      "text": r["text"] + f"\n\nCopy {i}.", "outlet": "Wikinews"}) + "\n")
        t0 = time.time()
        stats = jobs.ingest_paths([str(inp)], str(Path(tmp) / "p.duckdb"), progress=True)
        dt = time.time() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB → MiB on Linux
    print(json.dumps({"articles": n, "new": stats["new"], "seconds": round(dt, 1),
                      "articles_per_s": round(n / dt, 2), "peak_rss_mib": round(peak)}))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
