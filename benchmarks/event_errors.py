"""Event errors per sentence: gold vs predicted (type, source, target), grouped by cause.

    .venv/bin/python benchmarks/event_errors.py [--set indomain|plover|diplomacy|demo] [--cache DIR]
        [--show causes|sentences|none] [--cause parties/target] [--limit N] [--fresh] [--rules]

Runs nlp.parse → actors.resolve → quotes.extract once per gold set (parses, mentions and quotes
are cached under --cache, default out/event_errors-cache, so a rerun only runs the events stage),
then `parley.events.extract`, and scores with the same scorers as `parley eval`
(`parley.eval.events.score` for indomain, `parley.eval.plover.score` for plover).

For indomain it aligns gold and predicted events by sentence (the scorer's sentence matching) and
prints every unmatched tuple with its cause:
  over-generation  a predicted event in a sentence with no gold event (commentary, speech verbs)
  duplicate        more predicted events of a type in a sentence than gold ones
  type             the sentence has gold events, none of the predicted type
  parties/source   right type and sentence, wrong source parties (target right)
  parties/target   right type and sentence, wrong target parties (source right)
  parties/split    the same parties split differently between source and target
  parties/both     source and target both wrong
  missed           a gold event in a sentence with no predicted event of its type
`--set diplomacy` / `--set demo` (no event gold) print the predictions on the diplomacy corpus or the
bundled Wikinews demo corpus for reading.
Needs ../shared beside the project. Development tool: not part of the package.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parley import actors, events, quotes  # noqa: E402
from parley.context import Context  # noqa: E402
from parley.eval import events as ev_score  # noqa: E402
from parley.eval import plover as plover_score  # noqa: E402
from parley.eval.adapters import load, plover_type  # noqa: E402
from parley.model import Result  # noqa: E402
from devcache import article, cached_docs, cached_list  # noqa: E402
from parley.profiles import load as load_profile  # noqa: E402

SHARED = Path(os.environ.get("PARLEY_SHARED", ROOT.parent / "shared"))
GOLD = {"indomain": SHARED / "gold/indomain-dev.jsonl", "plover": SHARED / "gold/events/plover-gsr.jsonl",
        "diplomacy": SHARED / "corpus/diplomacy/articles.jsonl",
        "demo": ROOT / "parley/data/demo/wikinews-demo.jsonl"}


def _golds(name: str) -> list[dict]:
    if name in ("diplomacy", "demo"):
        with open(GOLD[name], encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    return load(name, GOLD[name])


def prepared(name: str, golds: list[dict], cache: Path, fresh: bool):
    """Contexts with parse, mentions and quotes (cached); the events stage runs on them."""
    docs, secs = cached_docs(name, [g["text"] for g in golds], cache, fresh)
    fresh = fresh or secs is not None
    kb = actors.load_kb()
    profile = load_profile()

    def compute():
        stages = []
        for g, doc in zip(golds, docs):
            ctx = Context(article=article(g), doc=doc, kb=kb, profile=profile)
            ctx.mentions = actors.resolve(ctx)
            ctx.quotes = quotes.extract(ctx)
            stages.append((ctx.mentions, ctx.quotes))
        return stages
    stages = cached_list(cache / f"{name}.stages.pkl", len(golds), fresh, compute)
    out = []
    for g, doc, (ms, qs) in zip(golds, docs, stages):
        out.append(Context(article=article(g), doc=doc, kb=kb, profile=profile, mentions=ms, quotes=qs))
    return out


def run(name: str, cache: Path, fresh: bool = False, rules: bool = False):
    """(gold records, predicted records) of a set, events stage run fresh (`rules`: the rule-based
    extractor alone, without the sentence classifier's re-typing)."""
    from parley.events.extract import extract as rules_extract
    golds = _golds(name)
    pairs = []
    for g, ctx in zip(golds, prepared(name, golds, cache, fresh)):
        ctx.events = rules_extract(ctx) if rules else events.extract(ctx)
        rec = Result(article=ctx.article, mentions=ctx.mentions, quotes=ctx.quotes, events=ctx.events).to_json()
        pairs.append((g, rec))
    return pairs


def tup(e: dict) -> tuple:
    t, s, g = ev_score.event_tuple(e)
    return t, tuple(sorted(s)), tuple(sorted(g))


def fmt(t: tuple) -> str:
    return f"{t[0]:<9} {'+'.join(t[1]) or '-':<12} -> {'+'.join(t[2]) or '-'}"


def sentence_groups(text: str, ge: list[dict], pe: list[dict]) -> list[tuple[str, list, list]]:
    """[(sentence, gold tuples, predicted (tuple, event))] with the scorer's sentence matching."""
    groups: list[list] = []  # [key, sentence, gold, pred]
    for e in ge:
        k = ev_score.sentence_key(text, e)
        for gr in groups:
            if ev_score.same_sentence(gr[0], k):
                gr[2].append(tup(e))
                break
        else:
            groups.append([k, e.get("sentence", ""), [tup(e)], []])
    for e in pe:
        k = ev_score.sentence_key(text, e)
        best, best_ov = None, 0.0
        for gr in groups:
            ov = ev_score.same_sentence(gr[0], k)
            if ov > best_ov:
                best, best_ov = gr, ov
        if best is None:
            best = [k, e.get("sentence", ""), [], []]
            groups.append(best)
        best[3].append((tup(e), e))
    groups.sort(key=lambda gr: gr[0][0][0] if gr[0][0] else 10**9)
    return [(s, g, p) for _, s, g, p in groups]


def causes(gold: list[tuple], pred: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """Unmatched gold and predicted tuples of one sentence with their causes."""
    g_left, p_left = list(gold), []
    for t in pred:
        if t in g_left:
            g_left.remove(t)
        else:
            p_left.append(t)
    fp, fn = [], []
    gtypes = Counter(t[0] for t in gold)
    for t in p_left:
        same = [x for x in g_left if x[0] == t[0]]
        if not gold:
            c = "over-generation"
        elif not gtypes[t[0]]:
            c = "type"
        elif not same:
            c = "duplicate"
        else:
            x = same[0]
            if set(x[1]) | set(x[2]) == set(t[1]) | set(t[2]):
                c = "parties/split"
            elif x[1] == t[1]:
                c = "parties/target"
            elif x[2] == t[2]:
                c = "parties/source"
            else:
                c = "parties/both"
            g_left.remove(x)
            fn.append((x, c + " (gold side)"))
        fp.append((t, c))
    for x in g_left:
        fn.append((x, "missed" if x[0] not in {t[0] for t in pred} else "missed (type predicted)"))
    return fp, fn


def report_indomain(pairs, show: str, only: str | None, limit: int) -> None:
    sc = ev_score.score(pairs)
    for k in ("type_source_target", "type_per_sentence"):
        print(k, json.dumps(sc[k]))
    print("negation", json.dumps(sc["negation"]))
    per: dict[str, Counter] = defaultdict(Counter)
    for g, rec in pairs:
        gc, pc = Counter(map(tup, g["events"])), Counter(map(tup, rec.get("events") or []))
        for t, n in gc.items():
            per[t[0]]["gold"] += n
        for t, n in pc.items():
            per[t[0]]["pred"] += n
        for t, n in (gc & pc).items():
            per[t[0]]["tp"] += n
    print("per type (tp/pred/gold):", ", ".join(f"{t} {c['tp']}/{c['pred']}/{c['gold']}"
                                               for t, c in sorted(per.items(), key=lambda kv: -kv[1]["gold"])))
    by_cause: dict[str, list] = defaultdict(list)
    counts: Counter = Counter()
    for g, rec in pairs:
        text = g["text"]
        pe = [e for e in rec.get("events") or []]
        for sent, gt, pt in sentence_groups(text, g["events"], pe):
            fp, fn = causes(gt, [t for t, _ in pt])
            trig = {tup(e): e.get("trigger", "") for _, e in pt}
            for t, c in fp:
                counts["FP " + c] += 1
                by_cause["FP " + c].append((g["id"], sent, gt, pt, t, trig.get(t, "")))
            for t, c in fn:
                counts["FN " + c] += 1
                by_cause["FN " + c].append((g["id"], sent, gt, pt, t, ""))
            if show == "sentences" and (fp or fn):
                print(f"\n[{g['id']}] {sent[:220]}")
                for t in gt:
                    print("   gold ", fmt(t))
                for t, e in pt:
                    flags = "".join(f" {k}" for k in ("negated", "future", "hypothetical") if e.get(k))
                    print("   pred ", fmt(t), f"  ({e.get('trigger')}{flags})")
    print("\nunmatched by cause:")
    for c, n in counts.most_common():
        print(f"  {n:4d}  {c}")
    if show != "causes":
        return
    for c, items in sorted(by_cause.items(), key=lambda kv: -len(kv[1])):
        if only and not c.endswith(only) and only not in c:
            continue
        print(f"\n=== {c} ({len(items)})")
        for aid, sent, gt, pt, t, trig in items[:limit]:
            print(f"[{aid}] {sent[:200]}")
            print(f"    {'pred' if c.startswith('FP') else 'gold'}: {fmt(t)}  {trig}")
            print("    gold:", "; ".join(fmt(x) for x in gt) or "-")
            print("    pred:", "; ".join(fmt(x) for x, _ in pt) or "-")


def report_plover(pairs, show: str, limit: int) -> None:
    sc = plover_score.score(pairs)
    print(f"type_accuracy {sc['type_accuracy']:.3f}  macro_recall {sc['macro_recall']:.3f}  "
          f"strict {sc['strict_accuracy']:.3f}")
    if show == "none":
        return
    n = 0
    for g, rec in pairs:
        types = plover_score.pred_types(rec)
        gt = plover_type(g["plover"]["type"])
        if gt not in types and n < limit:
            n += 1
            print(f"  {gt:<9} pred {types}  {g['text'][:160]}")


def report_diplomacy(pairs, limit: int) -> None:
    n = 0
    for g, rec in pairs[:limit]:
        print(f"\n## {g.get('id')} {g.get('published')}")
        for e in rec["events"]:
            n += 1
            flags = "".join(f" {k}" for k in ("negated", "future", "hypothetical") if e.get(k))
            print(f"  {fmt(tup(e))}  ({e.get('trigger')}{flags})  {e['sentence'][:130]}")
    print(f"\n{n} events in {min(limit, len(pairs))} articles")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="indomain", choices=list(GOLD))
    ap.add_argument("--cache", default=str(ROOT / "out" / "event_errors-cache"))
    ap.add_argument("--show", default="causes", choices=["causes", "sentences", "none"])
    ap.add_argument("--cause", default=None, help="only causes containing this text")
    ap.add_argument("--limit", type=int, default=30, help="examples per group")
    ap.add_argument("--fresh", action="store_true", help="rerun parse, actors and quotes")
    ap.add_argument("--rules", action="store_true", help="rules only, without the sentence classifier")
    a = ap.parse_args(argv)
    pairs = run(a.set, Path(a.cache), a.fresh, a.rules)
    if a.set == "indomain":
        report_indomain(pairs, a.show, a.cause, a.limit)
    elif a.set == "plover":
        report_plover(pairs, a.show, a.limit)
    else:
        report_diplomacy(pairs, a.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
