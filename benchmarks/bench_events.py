"""Benchmark of the events stage.

    .venv/bin/python benchmarks/bench_events.py [--plover] [--indomain] [--show N]

* PLOVER gold (../shared/gold/events/plover-gsr.jsonl, 322 sentences; old names mapped
  DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE, FIGHT->ASSAULT): each sentence is run through
  nlp, actors, quotes and events as an article. "strict" accuracy: the type of the sentence's first
  event is the gold type (a sentence without an event counts as wrong); "any": the gold type is among
  its events' types (parley.eval's `type_accuracy`). Per-type recall (strict) is macro-averaged.
  When parley.eval is importable its scores (evaluate("plover"/"indomain", ...)) are printed too.
* --plv: the same strict type accuracy on ../shared/gold/events/plv-train.jsonl (1,050 sentences of
  another PLOVER-style set, never used to build the lexicon's rules beyond general vocabulary;
  its label YIELD counts as CONCEDE or RETREAT): a check that the lexicon generalises.
* In-domain dev (../shared/gold/indomain-dev.jsonl): events matched per article on
  (type, sorted source parties, sorted target parties), each gold event used once; precision,
  recall, F1. Negated gold events must come out negated. Also timing: event stage vs parse.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

from parley import actors, events, nlp, quotes  # noqa: E402
from parley.context import Context  # noqa: E402
from parley.model import Article  # noqa: E402

OLD = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def run(articles, timing=None):
    try:
        kb = actors.load_kb()
    except Exception as exc:  # noqa: BLE001 - the actor KB is being edited: run without it
        print("warning: actor KB failed to load:", exc, "- loading the files that load", file=sys.stderr)
        from parley.actors.kb import default_paths
        kb = actors.KnowledgeBase()
        for path in default_paths():
            try:
                kb.add_file(path)
            except Exception:  # noqa: BLE001
                pass
    from parley.profiles import load as load_profile
    profile = load_profile()  # as the pipeline: the default conflict profile (principals, aliases)
    out = []
    t_parse = t_ev = 0.0
    for a in articles:
        t0 = time.perf_counter()
        doc = next(nlp.parse([a.text]))
        t1 = time.perf_counter()
        ctx = Context(article=a, doc=doc, kb=kb, profile=profile)
        try:
            ctx.mentions = actors.resolve(ctx)
        except Exception:  # noqa: BLE001
            ctx.mentions = []
        try:
            ctx.quotes = quotes.extract(ctx)
        except Exception:  # noqa: BLE001
            ctx.quotes = []
        t2 = time.perf_counter()
        evs = events.extract(ctx)
        t3 = time.perf_counter()
        t_parse += t1 - t0
        t_ev += t3 - t2
        out.append(evs)
    if timing is not None:
        timing.update(parse=t_parse, events=t_ev)
    return out


def _official(set_name: str, gold: Path, arts, preds) -> dict | None:
    """parley.eval's scores for the same predictions (None when parley.eval is missing)."""
    try:
        from parley.eval import evaluate
        from parley.model import Result
    except Exception:  # noqa: BLE001
        return None
    import tempfile
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for a, evs in zip(arts, preds):
            fh.write(json.dumps(Result(article=a, events=evs).to_json()) + "\n")
    try:
        return evaluate(set_name, gold, fh.name)
    except Exception as exc:  # noqa: BLE001
        return {"error": str(exc)}
    finally:
        Path(fh.name).unlink(missing_ok=True)


def bench_plover(show: int = 0) -> dict:
    gold_path = SHARED / "gold/events/plover-gsr.jsonl"
    rows = [json.loads(line) for line in open(gold_path, encoding="utf-8")]
    ids: dict[str, int] = {}
    arts = []
    for r in rows:  # a repeated gold id gets "#2" (as parley.eval's inputs())
        ids[r["id"]] = ids.get(r["id"], 0) + 1
        rid = r["id"] if ids[r["id"]] == 1 else f"{r['id']}#{ids[r['id']]}"
        arts.append(Article(text=r["text"], id=rid, published=r.get("date")))
    preds = run(arts)
    per = collections.Counter()
    hit = collections.Counter()
    correct = anyhit = 0
    confusion = collections.Counter()
    for r, evs in zip(rows, preds):
        gold = OLD.get(r["event"], r["event"])
        per[gold] += 1
        pred = evs[0].type if evs else "NONE"
        if pred == gold:
            correct += 1
            hit[gold] += 1
        else:
            confusion[(gold, pred)] += 1
            if show:
                print(f"  {gold:9} <- {pred:9} {r['text'][:150]}")
        if any(e.type == gold for e in evs):
            anyhit += 1
    n = len(rows)
    recalls = {t: hit[t] / per[t] for t in per}
    res = {"n": n, "strict_type_accuracy": round(correct / n, 3),
           "strict_macro_recall": round(sum(recalls.values()) / len(recalls), 3),
           "any_event_type_accuracy": round(anyhit / n, 3), "per_type_recall": {k: round(v, 2) for k, v in sorted(recalls.items())},
           "top_confusions": [f"{g}->{p}:{c}" for (g, p), c in confusion.most_common(12)]}
    off = _official("plover", gold_path, arts, preds)
    if off is not None:
        pl = off.get("plover", off)
        res["parley.eval"] = {k: pl.get(k) for k in ("type_accuracy", "strict_accuracy", "no_event", "macro_recall")} \
            if isinstance(pl, dict) else off
    return res


def bench_plv() -> dict:
    rows = [json.loads(line) for line in open(SHARED / "gold/events/plv-train.jsonl", encoding="utf-8")]
    preds = run([Article(text=r["text"], id=str(i)) for i, r in enumerate(rows)])
    per, hit = collections.Counter(), collections.Counter()
    for r, evs in zip(rows, preds):
        g = r["gold_root"]
        ok = {"YIELD": {"CONCEDE", "RETREAT"}}.get(g, {g})
        per[g] += 1
        hit[g] += bool(evs) and evs[0].type in ok
    rec = {t: round(hit[t] / per[t], 2) for t in sorted(per)}
    return {"n": len(rows), "strict_type_accuracy": round(sum(hit.values()) / len(rows), 3),
            "macro_recall": round(sum(hit[t] / per[t] for t in per) / len(per), 3), "per_type_recall": rec}


def _key(e: dict) -> tuple:
    return (e["type"], tuple(sorted(e.get("source") or [])), tuple(sorted(e.get("target") or [])))


def bench_indomain(show: int = 0) -> dict:
    gold_path = SHARED / "gold/indomain-dev.jsonl"
    rows = [json.loads(line) for line in open(gold_path, encoding="utf-8")]
    arts = [Article(text=r["text"], id=r["id"], published=r.get("published"), title=r.get("title"),
                    url=r.get("url")) for r in rows]
    timing: dict = {}
    preds = run(arts, timing)
    tp = fp = fn = 0
    neg_gold = neg_ok = 0
    tp_type = fp_type = fn_type = 0
    for r, evs in zip(rows, preds):
        gold = [_key(e) for e in r["events"]]
        pred = [_key(e.to_json()) for e in evs]
        g_left = collections.Counter(gold)
        for p in pred:
            if g_left[p] > 0:
                g_left[p] -= 1
                tp += 1
            else:
                fp += 1
                if show:
                    print(f"  FP {r['id']} {p}")
        fn += sum(g_left.values())
        if show:
            for k, c in g_left.items():
                for _ in range(c):
                    print(f"  FN {r['id']} {k}")
        # type-only (sentence-free) counts
        gt = collections.Counter(k[0] for k in gold)
        pt = collections.Counter(k[0] for k in pred)
        tp_type += sum((gt & pt).values())
        fp_type += sum((pt - gt).values())
        fn_type += sum((gt - pt).values())
        for ge in r["events"]:
            if ge.get("negated"):
                neg_gold += 1
                same = [e for e in evs if e.sentence.strip() == ge["sentence"].strip() and e.type == ge["type"]]
                if not any(not e.negated for e in same):
                    neg_ok += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    rcl = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * rcl / (p + rcl) if p + rcl else 0.0
    off = _official("indomain", gold_path, arts, preds)
    official = off.get("events", off) if isinstance(off, dict) else None
    return {"parley.eval_events": official, "articles": len(rows), "gold_events": tp + fn, "pred_events": tp + fp, "precision": round(p, 3),
            "recall": round(rcl, 3), "f1": round(f1, 3),
            "negated_gold": neg_gold, "negated_not_emitted_positive": neg_ok,
            "event_stage_s": round(timing["events"], 3), "parse_s": round(timing["parse"], 3),
            "event_share_of_parse": round(timing["events"] / timing["parse"], 4)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--plover", action="store_true")
    ap.add_argument("--indomain", action="store_true")
    ap.add_argument("--plv", action="store_true")
    ap.add_argument("--show", type=int, default=0)
    a = ap.parse_args()
    both = not (a.plover or a.indomain or a.plv)
    if a.plv:
        print("plv-train:", json.dumps(bench_plv(), indent=1))
    if a.plover or both:
        print("PLOVER gold:", json.dumps(bench_plover(a.show), indent=1))
    if a.indomain or both:
        print("in-domain dev:", json.dumps(bench_indomain(a.show), indent=1))


if __name__ == "__main__":
    main()
