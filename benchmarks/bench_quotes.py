"""Quote-stage benchmark: predictions on the three quote gold sets, scored by `parley.eval`.

    .venv/bin/python benchmarks/bench_quotes.py [--sets indomain ggt polnear] [--out out/bench_quotes]
        [--cache DIR]

Runs the real stages (nlp.parse → actors.resolve → quotes.extract) on each gold set's texts, writes
`<set>.pred.jsonl` (`Result.to_json()` lines) and prints span F1 at 0.3 / 0.8 overlap, speaker
accuracy, source (speaker-span) F1 and the quote stage's time as a share of the parse time.
`--cache DIR` keeps the spaCy parses (DocBin) between runs, for development only.
Needs ../shared beside the project.

Measured 2026-12-06, session 4 (rules + learned cue model, `attribution_model: speech`, the
default; model trained by `scripts/train_quote_model.py` on PolNeAR train only; 2-core machine,
shared; the quote stage includes the attributions layer):
  set       F1@0.3  F1@0.8  exact  speaker  source F1@0.5  quotes / parse time
  indomain  0.881   0.797   0.770  0.944    -              7.1% (a small set: one-off loading)
  ggt       0.905   0.855   0.839  0.918    0.740          6.4%
  polnear   0.658   0.578   0.544  -        0.635          8.1%
  polnear, quotes and attributions (PolNeAR's notion of attribution; the attributions layer at
  the model's attribution_threshold, 0.2, chosen on a held-out fifth of PolNeAR train):
            0.765   0.627   0.577  -        0.717; distinct source spans 0.778 (exact 0.710)
(speaker: indomain strict name match; ggt lenient = same last name, as `parley.eval` scores it;
PolNeAR sources are whole source phrases, `source_start/end`.)
The same with the quote lexicon's `attribution_model` set otherwise (PARLEY_QUOTE_LEXICON=FILE;
measured before the attributions layer and source phrases):
  off (rules only)   indomain 0.868 / 0.782   ggt 0.902 / 0.852   polnear 0.651 / 0.571 (src 0.546)
  broad (PolNeAR's   indomain 0.754 / 0.660   ggt 0.751 / 0.704   polnear 0.750 / 0.628 (src 0.629)
  notion: beliefs, evidence, intentions, questions are attributions too)
Why quotes alone cannot serve all three (hence the separate attributions layer, scored with the
quotes on PolNeAR only): of PolNeAR dev's 2476 content pieces only ~62% have a speech cue (direct 21%, reporting verb 39%, "according to" 2%); the rest are other verbs (20%:
"criticized", "endorsed", "cited"), beliefs (7%), nouns (5%: "his claim that"), questions (4%).
Every class of what `broad` adds costs GGT and in-domain precision (PolNeAR hits / GGT false
quotes: beliefs 99 / 164, other verbs 142 / 213, questions and criticism 67 / 68, objects of
speech verbs 35 / 58), because GGT and the schema annotate speech only.
2026-11-22 (before): indomain 0.873 / 0.776, ggt 0.891 / 0.833, polnear 0.631 / 0.554 (src 0.527).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parley import actors, quotes  # noqa: E402
from parley.context import Context  # noqa: E402
from parley.eval import evaluate, inputs  # noqa: E402
from parley.model import Article, Result  # noqa: E402
from devcache import cached_docs  # noqa: E402

SHARED = Path(os.environ.get("PARLEY_SHARED", ROOT.parent / "shared"))
GOLD = {"indomain": SHARED / "gold/indomain-dev.jsonl", "ggt": SHARED / "gold/quotes/ggt.jsonl",
        "polnear": SHARED / "gold/quotes/polnear-dev.jsonl"}


def parse(texts: list[str], cache: Path | None, name: str):
    return cached_docs(name, texts, cache)


def run(name: str, out_dir: Path, cache: Path | None) -> dict:
    recs = list(inputs(name, GOLD[name]))
    docs, parse_secs = parse([r["text"] for r in recs], cache, name)
    kb = actors.load_kb()
    t_act = t_q = 0.0
    pred_path = out_dir / f"{name}.pred.jsonl"
    with open(pred_path, "w", encoding="utf-8") as fh:
        for r, doc in zip(recs, docs):
            art = Article(text=r["text"], id=r["id"], title=r.get("title"), published=r.get("published"),
                          url=r.get("url"), outlet=r.get("outlet"))
            ctx = Context(article=art, doc=doc, kb=kb)
            t0 = time.perf_counter()
            ctx.mentions = actors.resolve(ctx)
            t1 = time.perf_counter()
            ctx.quotes = quotes.extract(ctx)
            t2 = time.perf_counter()
            t_act += t1 - t0
            t_q += t2 - t1
            for q in ctx.quotes:
                assert art.text[q.start:q.end] == q.quote
            rec = Result(article=art, mentions=ctx.mentions, quotes=ctx.quotes, attributions=ctx.attributions)
            fh.write(json.dumps(rec.to_json(), ensure_ascii=False) + "\n")
    scores = evaluate(name, GOLD[name], pred_path)
    scores["timing"] = {"parse_s": parse_secs, "actors_s": t_act, "quotes_s": t_q,
                        "quotes_share_of_parse": (t_q / parse_secs) if parse_secs else None}
    return scores


def summary(name: str, s: dict) -> str:
    q = s["quotes"]

    def f(x):
        return "-" if x is None else f"{x:.3f}"

    line = (f"{name:9s} gold {q['span>=0.3']['gold']:5d} pred {q['span>=0.3']['pred']:5d}  "
            f"F1@0.3 {f(q['span>=0.3']['f1'])} (P {f(q['span>=0.3']['p'])} R {f(q['span>=0.3']['r'])})  "
            f"F1@0.8 {f(q['span>=0.8']['f1'])}  exact {f(q['exact']['f1'])}")
    spk = q.get("speaker") or {}
    if spk.get("matched_with_gold_speaker"):
        line += f"  speaker {f(spk.get('accuracy'))} ({spk['matched_with_gold_speaker']})"
    if "source" in q:
        line += f"  source F1@0.5 {f(q['source']['overlap>=0.5']['f1'])} exact {f(q['source']['exact']['f1'])}"
    a = s.get("attribution")
    if a:
        line += (f"\n{'':9s} quotes and attributions: F1@0.3 {f(a['span>=0.3']['f1'])} (P {f(a['span>=0.3']['p'])} "
                 f"R {f(a['span>=0.3']['r'])})  F1@0.8 {f(a['span>=0.8']['f1'])}  source F1@0.5 "
                 f"{f(a['source']['overlap>=0.5']['f1'])}  distinct source spans F1@0.5 "
                 f"{f(a['source_spans']['overlap>=0.5']['f1'])} exact {f(a['source_spans']['exact']['f1'])}\n{'':9s}")
    t = s["timing"]
    if t["parse_s"]:
        line += f"  quotes {t['quotes_s']:.2f}s = {100 * t['quotes_share_of_parse']:.1f}% of parse {t['parse_s']:.1f}s"
    else:
        line += f"  quotes {t['quotes_s']:.2f}s (parse cached)"
    return line


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="+", default=["indomain", "ggt", "polnear"], choices=list(GOLD))
    ap.add_argument("--out", default=str(ROOT / "out" / "bench_quotes"))
    ap.add_argument("--cache", default=None, help="keep spaCy parses here between runs (development)")
    ap.add_argument("--json", action="store_true", help="print the full scores as JSON")
    a = ap.parse_args(argv)
    out_dir = Path(a.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    cache = Path(a.cache) if a.cache else None
    for name in a.sets:
        s = run(name, out_dir, cache)
        (out_dir / f"{name}.scores.json").write_text(json.dumps(s, indent=1))
        print(json.dumps(s, indent=1) if a.json else summary(name, s), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
