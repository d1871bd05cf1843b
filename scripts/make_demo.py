"""Rebuild the bundled demo corpus from the Wikinews CSVs in ../shared/corpus/wikinews/.

Wikinews texts are CC BY 2.5: they are the only texts the project may bundle. This picks the ~40
articles that most involve states, officials and diplomacy (the demo's subject) and writes
parley/data/demo/wikinews-demo.jsonl. Run: .venv/bin/python scripts/make_demo.py
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT.parent / "shared" / "corpus" / "wikinews"
OUT = ROOT / "parley" / "data" / "demo" / "wikinews-demo.jsonl"
N = 40

OFFICIALS = re.compile(r"\b(minister|president|talks|negotiat\w*|ceasefire|sanctions?|summit|diplomat\w*|"
                       r"treaty|agreement|embassy|envoy|troops|secretary of state)\b", re.I)
STATES = re.compile(r"\b(Russia|Ukraine|United States|U\.S\.|China|Iran|Turkey|Israel|North Korea|South Korea|"
                    r"Syria|Venezuela|Saudi Arabia|France|Germany|United Kingdom|UK|NATO|European Union|Libya|"
                    r"Greece|Egypt|Iraq|India|Pakistan|Japan)\b")
SKIP = re.compile(r"interview|campaign trail|discusses|tells Wikinews|talks to", re.I)


def main() -> int:
    csv.field_size_limit(10**9)
    rows = []
    for f in sorted(SRC.glob("wikinews_*.csv")):
        with open(f, encoding="utf-8", newline="") as fh:
            rows += list(csv.DictReader(fh))
    scored = []
    for r in rows:
        text = r["text"].strip()
        if SKIP.search(r["title"]) or not 600 <= len(text) <= 7000:
            continue
        states = set(STATES.findall(text))
        if len(states) < 2:
            continue
        score = len(OFFICIALS.findall(text)) + 3 * len(states) + min(text.count('"') + text.count("“"), 8)
        scored.append((score, r["date"], r))
    scored.sort(key=lambda x: (-x[0], x[1]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as out:
        for _, _, r in sorted(scored[:N], key=lambda x: x[1]):
            rec = {"id": "wn-" + hashlib.sha1(r["url"].encode()).hexdigest()[:10], "title": r["title"],
                   "published": r["date"], "url": r["url"], "outlet": "Wikinews", "text": r["text"].strip(),
                   "license": "CC BY 2.5"}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {min(N, len(scored))} articles to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
