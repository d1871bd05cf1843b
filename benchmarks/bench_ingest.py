"""Ingest benchmarks: story grouping, copy grouping, HTML extraction speed.

    .venv/bin/python benchmarks/bench_ingest.py [--shared ../shared]

1. Stories: the whole of corpus/diplomacy/articles.jsonl is read through `parley.ingest.read` and
   grouped (`parley.ingest.group`); pairwise precision/recall/F1 over the articles that carry an
   `event_group`, and how many other articles (distractors) landed in those articles' stories.
2. Copies: corpus/copies/clusters.jsonl grouped the same way; pairwise P/R/F1 of the copy groups
   (articles sharing a canonical) against the file's `cluster` field; and the stories it forms.
3. HTML: a page rendered around seed 2 (nav, share widgets, newsletter, comment form, footer) is
   extracted repeatedly on one core: pages/s, and whether any junk line survives in the text.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "ingest"))

import datasketch  # noqa: E402,F401 - imported before timing group()
import parley.ingest as ingest  # noqa: E402
from parley.ingest.clean import rules  # noqa: E402
from parley.model import Article  # noqa: E402

SEED2 = "corpus/seeds/004_a3a8e967821218ba.txt"
JUNK_LINES = ["Spread the love", "Source link", "Leave a Reply", "Your email address will not be published",
              "Share this article", "Sign up for our newsletter", "Subscribe", "Read more", "Breaking News",
              "Privacy Policy", "All rights reserved", "Post Comment", "Accept all", "Facebook", "Related story"]


def pairwise(labels: dict[str, str], gold: dict[str, str]) -> dict:
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(gold), 2):
        same, should = labels[a] == labels[b], gold[a] == gold[b]
        tp += same and should
        fp += same and not should
        fn += should and not same
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
            "pairs": tp + fn}


def read_jsonl(path: Path) -> tuple[list[Article], dict[str, dict]]:
    recs = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                recs[r["id"]] = r
    arts = [a for a in ingest.read([path]) if isinstance(a, Article)]
    return arts, recs


def bench_stories(shared: Path) -> dict:
    arts, recs = read_jsonl(shared / "corpus/diplomacy/articles.jsonl")
    t0 = time.perf_counter()
    ingest.group(arts)
    secs = time.perf_counter() - t0
    story = {a.id: a.story for a in arts}
    gold = {i: r["event_group"] for i, r in recs.items() if r.get("event_group")}
    scores = pairwise(story, gold)
    gold_stories = {story[i] for i in gold}
    distractors = sorted(a.id for a in arts if a.id not in gold and a.story in gold_stories)
    fresh = [Article(**{**a.__dict__, "story": None, "copy_of": None}) for a in arts]
    index = ingest.StoryIndex()
    incremental = {a.id: index.add(a) for a in fresh}  # file order, one article at a time
    scores["incremental"] = pairwise(incremental, gold)
    scores.update(articles=len(arts), grouped_articles=len(gold), events=len(set(gold.values())),
                  stories=len(set(story.values())), distractors_merged=len(distractors),
                  distractor_ids=distractors, seconds=round(secs, 2))
    return scores


def bench_copies(shared: Path) -> dict:
    arts, recs = read_jsonl(shared / "corpus/copies/clusters.jsonl")
    ingest.group(arts)
    copy_group = {a.id: a.copy_of or a.id for a in arts}
    story = {a.id: a.story for a in arts}
    gold = {i: r["cluster"] for i, r in recs.items()}
    scores = {"copies": pairwise(copy_group, gold), "stories": pairwise(story, gold),
              "copy_groups": len(set(copy_group.values())), "clusters": len(set(gold.values()))}
    by_id = {a.id: a for a in arts}
    alts = defaultdict(int)
    for a in arts:
        if a.copy_of:
            for alt in ingest.alterations(by_id[a.copy_of], a):
                alts[alt["kind"]] += 1
    scores["alterations"] = dict(alts)
    return scores


def bench_html(shared: Path, seconds: float = 3.0) -> dict:
    from render import render_file

    from parley.ingest.readers import article_from_html

    page = render_file(shared / SEED2, title="Envoys Open a New Round of Talks in the Gulf")
    art = article_from_html(page, origin="seed2.html", url="https://news.example.org/2025/03/11/talks-begin/")
    leftover = [j for j in JUNK_LINES if j.lower() in art.text.lower()]
    leftover += [ln for ln in art.text.split("\n") if rules().is_junk(ln)]
    n, t0 = 0, time.process_time()
    while time.process_time() - t0 < seconds:
        article_from_html(page, origin="seed2.html")
        n += 1
    cpu = time.process_time() - t0
    return {"pages": n, "pages_per_cpu_second": round(n / cpu, 1), "page_kb": round(len(page) / 1024, 1),
            "text_chars": len(art.text), "published": art.published, "title": art.title,
            "junk_lines_left": leftover}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.environ.get("PARLEY_SHARED", str(ROOT.parent / "shared")))
    ap.add_argument("--seconds", type=float, default=3.0, help="CPU seconds for the HTML speed test")
    args = ap.parse_args()
    shared = Path(args.shared)
    s = bench_stories(shared)
    print(f"stories  (diplomacy/articles.jsonl, {s['articles']} articles, {s['grouped_articles']} with event_group "
          f"in {s['events']} events): pairwise P {s['precision']} R {s['recall']} F1 {s['f1']} over {s['pairs']} "
          f"gold pairs; {s['stories']} stories; distractors merged into gold stories: {s['distractors_merged']} "
          f"{s['distractor_ids']}; group() {s['seconds']} s; incremental StoryIndex.add in file order: "
          f"F1 {s['incremental']['f1']}")
    c = bench_copies(shared)
    cp, st = c["copies"], c["stories"]
    print(f"copies   (copies/clusters.jsonl, {c['clusters']} clusters): copy groups pairwise P {cp['precision']} "
          f"R {cp['recall']} F1 {cp['f1']} ({c['copy_groups']} groups); as stories P {st['precision']} "
          f"R {st['recall']} F1 {st['f1']}; alterations reported: {c['alterations']}")
    h = bench_html(shared, args.seconds)
    print(f"html     (seed 2 rendered, {h['page_kb']} KB page → {h['text_chars']} chars, published {h['published']}): "
          f"{h['pages_per_cpu_second']} pages/s/core ({h['pages']} pages); junk lines left: {h['junk_lines_left'] or 'none'}")


if __name__ == "__main__":
    main()
