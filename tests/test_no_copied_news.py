"""The repository holds no text copied from the copyrighted news in ../shared (tests read those
texts by path). Every 8-word run of the project's own files (code, tests, data, docs) is checked
against the news texts and the event-coded news sentences; the Wikinews demo corpus (CC BY) is
ours to ship and is not checked. Official titles, page boilerplate and the issues' own example
phrases are allowed."""
from __future__ import annotations

import json
import re
import subprocess

from conftest import ROOT, shared

N = 8
NEWS = ["gold/indomain-dev.jsonl", "gold/quotes/ggt.jsonl", "gold/quotes/polnear-dev.jsonl",
        "corpus/diplomacy/articles.jsonl", "corpus/copies/clusters.jsonl", "gold/events/plover-gsr.jsonl",
        "gold/events/plv-train.jsonl", "gold/events/conflibert-cameo-train.jsonl"]
SKIP = ("parley/data/demo/", "parley/data/models/")
TEXT = (".py", ".yaml", ".yml", ".md", ".txt", ".csv", ".html", ".jinja", ".toml", ".sh", ".cfg")
ALLOWED = [  # titles of offices, comment-form boilerplate, phrases quoted in the project's issues
    "secretary of the national security and defense council of ukraine",
    "adviser to the head of the office of the president of ukraine",
    "director general of the international atomic energy agency",
    "source link leave a reply your email address will not be published required fields are marked",
    "at the ritz carlton hotel in the city of jeddah",
    "peskov said russia is open to negotiations with ukraine",
]


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def shingles(ws: list[str]) -> set[int]:
    return {hash(" ".join(ws[i:i + N])) for i in range(len(ws) - N + 1)}


def test_no_news_text_in_the_repository():
    news: set[int] = set()
    for rel in NEWS:
        with open(shared(rel), encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    news |= shingles(words(rec.get("text") or rec.get("sentence") or ""))
    for p in shared("corpus/seeds").iterdir():
        news |= shingles(words(p.read_text(encoding="utf-8", errors="ignore")))
    allowed = set().union(*(shingles(words(a)) for a in ALLOWED))
    files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.split()
    found = []
    for f in files:
        if f.startswith(SKIP) or not f.endswith(TEXT) or not (ROOT / f).is_file():
            continue
        ws = words((ROOT / f).read_text(encoding="utf-8", errors="ignore"))
        for i in range(len(ws) - N + 1):
            h = hash(" ".join(ws[i:i + N]))
            if h in news and h not in allowed:
                found.append(f"{f}: {' '.join(ws[i:i + N])}")
                break
    assert not found, "text copied from ../shared news:\n" + "\n".join(found)
