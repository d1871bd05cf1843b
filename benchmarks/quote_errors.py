"""Quote errors with context: wrong speakers grouped by cause, false and missed quotes.

    .venv/bin/python benchmarks/quote_errors.py [--set ggt|indomain|polnear] [--cache DIR]
        [--show speaker|fp|fn|all] [--cause pronoun] [--limit N] [--fresh-mentions]

Runs nlp.parse → actors.resolve → quotes.extract on a gold set's texts (the spaCy parses and the
actors stage's mentions are cached under --cache, default out/quote_errors-cache, so a rerun only
runs the quote stage; --fresh-mentions reruns the actors stage), scores the quotes with
`parley.eval.quotes.score` (the same scorer as `parley eval`) and prints:

* the figures (span F1 at 0.3 / 0.8, speaker accuracy, source F1);
* every wrong speaker of a matched quote with its context, grouped by cause:
  floating (no attribution), pronoun ("he said"), description ("the senator said"), organisation
  (predicted a body or state), wrong NP (the predicted speaker span is not the gold one), name
  (right span, wrong or unresolved name);
* false quotes (predicted, unmatched) and missed quotes (gold, unmatched).
Needs ../shared beside the project. Development tool: not part of the package.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parley import actors, quotes  # noqa: E402
from parley.context import Context  # noqa: E402
from parley.eval.adapters import load  # noqa: E402
from parley.eval.names import PRONOUNS  # noqa: E402
from parley.eval.quotes import pred_quotes, score, speaker_ok  # noqa: E402
from parley.eval.spans import greedy_match, overlap  # noqa: E402
from parley.model import Result  # noqa: E402
from devcache import article, cached_docs, cached_list  # noqa: E402

SHARED = Path(os.environ.get("PARLEY_SHARED", ROOT.parent / "shared"))
GOLD = {"indomain": SHARED / "gold/indomain-dev.jsonl", "ggt": SHARED / "gold/quotes/ggt.jsonl",
        "polnear": SHARED / "gold/quotes/polnear-dev.jsonl"}
COMPARE = {"indomain": "strict", "ggt": "lenient", "polnear": "none"}
DESCRIPTIVE_DETS = ("the ", "a ", "an ", "this ", "that ")


def parsed(name: str, golds: list[dict], cache: Path, fresh_mentions: bool):
    """(docs, mentions per article), both cached."""
    docs, _ = cached_docs(name, [g["text"] for g in golds], cache)
    kb = actors.load_kb()
    mentions = cached_list(cache / f"{name}.mentions.pkl", len(golds), fresh_mentions,
                           lambda: [actors.resolve(Context(article=article(g), doc=doc, kb=kb))
                                    for g, doc in zip(golds, docs)])
    return docs, mentions, kb


def context(text: str, s: int, e: int, before: int = 160, after: int = 100) -> str:
    a, b = max(0, s - before), min(len(text), e + after)
    return (text[a:s] + "[[" + text[s:e] + "]]" + text[e:b]).replace("\n", " | ")


def cause(g: dict, p: dict, q) -> str:
    """Why a matched quote got the wrong speaker (the predicted Quote q)."""
    mention = (q.speaker_mention or "").strip()
    low = mention.lower()
    if not mention:
        return "floating" if q.floating or not q.cue else "cue-no-subject"
    if low in PRONOUNS or low in ("his", "hers", "their", "its"):
        return "pronoun"
    if q.speaker.startswith("Government of") or (q.party and not q.speaker) and not mention[:1].isupper():
        return "organisation"
    if g.get("source") and p.get("source") and overlap(g["source"], p["source"]) < 0.5:
        return "wrong-np"
    if low.startswith(DESCRIPTIVE_DETS) or not mention[:1].isupper():
        return "description"
    return "name"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="ggt", choices=list(GOLD))
    ap.add_argument("--cache", default=str(ROOT / "out" / "quote_errors-cache"))
    ap.add_argument("--show", default="speaker", choices=["speaker", "fp", "fn", "all", "none"])
    ap.add_argument("--cause", default=None, help="only this speaker-error cause")
    ap.add_argument("--limit", type=int, default=25, help="examples per group")
    ap.add_argument("--fresh-mentions", action="store_true")
    a = ap.parse_args(argv)

    golds = load(a.set, GOLD[a.set])
    docs, mentions, kb = parsed(a.set, golds, Path(a.cache), a.fresh_mentions)
    compare = COMPARE[a.set]
    pairs, groups, fps, fns = [], defaultdict(list), [], []
    for g, doc, ms in zip(golds, docs, mentions):
        ctx = Context(article=article(g), doc=doc, kb=kb, mentions=ms)
        qs = quotes.extract(ctx)
        rec = Result(article=ctx.article, mentions=ms, quotes=qs).to_json()
        pairs.append((g, rec))
        text = g["text"]
        pq = pred_quotes(text, rec)
        gq = g["quotes"]
        matched = greedy_match([(x["start"], x["end"]) for x in gq], [(x["start"], x["end"]) for x in pq])
        mg, mp = set(), set()
        for gi, pi, ov in matched:
            if ov < 0.3:
                continue
            mg.add(gi)
            mp.add(pi)
            gg, pp = gq[gi], pq[pi]
            if gg.get("speaker") and compare != "none" and not speaker_ok(gg, pp, compare):
                q = qs[pi]
                groups[cause(gg, pp, q)].append((g["id"], text, gg, q))
        fps += [(g["id"], text, pq[i], qs[i]) for i in range(len(pq)) if i not in mp]
        fns += [(g["id"], text, gq[i]) for i in range(len(gq)) if i not in mg]

    s = score(pairs, compare)
    for k in ("span>=0.3", "span>=0.8", "exact"):
        print(f"{k:10s} P {s[k]['p']:.3f} R {s[k]['r']:.3f} F1 {s[k]['f1']:.3f}")
    if "speaker" in s:
        sp = s["speaker"]
        print(f"speaker   {sp['accuracy']:.3f} ({sp['correct']}/{sp['matched_with_gold_speaker']})")
    if "source" in s:
        print(f"source    F1@0.5 {s['source']['overlap>=0.5']['f1']:.3f}")
    print("recall by kind:", {k: v["r@0.3"] for k, v in s["recall_by_kind"].items()})
    print("speaker errors by cause:", dict(Counter({k: len(v) for k, v in groups.items()}).most_common()))
    print(f"false quotes {len(fps)}, missed quotes {len(fns)}")

    if a.show in ("speaker", "all"):
        for c, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            if a.cause and c != a.cause:
                continue
            print(f"\n=== {c} ({len(items)})")
            for rid, text, gg, q in items[:a.limit]:
                print(f"- [{rid[:8]}] gold {gg['speaker']!r} pred {q.speaker!r} via {q.speaker_mention!r}"
                      f" (cue {q.cue!r}{', floating' if q.floating else ''})")
                print("   ", context(text, q.start, q.end))
    if a.show in ("fp", "all"):
        print(f"\n=== false quotes ({len(fps)})")
        for rid, text, p, q in fps[:a.limit]:
            print(f"- [{rid[:8]}] {q.kind} cue {q.cue!r} speaker {q.speaker!r}")
            print("   ", context(text, p["start"], p["end"], 80, 40))
    if a.show in ("fn", "all"):
        print(f"\n=== missed quotes ({len(fns)})")
        for rid, text, gg in fns[:a.limit]:
            print(f"- [{rid[:8]}] {gg['kind']} speaker {gg['speaker']!r}")
            print("   ", context(text, gg["start"], gg["end"], 80, 40))
    return 0


if __name__ == "__main__":
    sys.exit(main())
