"""Benchmark of the learned event-type classifier and its combination with the rules.

    .venv/bin/python benchmarks/bench_event_model.py [--sets plv,gsr,indomain] [--grid]

* plv (../shared/gold/events/plv-train.jsonl, 1,050 sentences, the training set): 5-fold
  cross-validation (folds as scripts/train_event_model.py). For each fold a model is trained on
  the other four and applied to the held-out fold: the classifier alone (its top class), the rules
  alone (the type of the sentence's first event; YIELD counts as CONCEDE or RETREAT) and the
  combined system (`parley.events.combine` with the shipped Policy). --grid also prints the
  combined figures for other policies (the shipped one was chosen from that grid).
* gsr (../shared/gold/events/plover-gsr.jsonl, 322 sentences, never trained on): the shipped model;
  rules alone, classifier alone and combined, scored by parley.eval.plover (type accuracy: the gold
  type among the sentence's events; strict: the first event's type; macro recall).
* indomain (../shared/gold/indomain-dev.jsonl): events F1 of rules alone and combined
  (parley.eval's events score); event-stage time (rules, classifier) against the parse time.
"""
from __future__ import annotations

import argparse
import collections
import copy
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
SHARED = ROOT.parent / "shared"

import train_event_model as tem  # noqa: E402

from parley import actors, nlp, quotes  # noqa: E402
from parley.context import Context  # noqa: E402
from parley.events import POLICY, Policy, classify, combine  # noqa: E402
from parley.events.extract import extract as rules  # noqa: E402
from parley.events.lexicon import load as load_lexicon  # noqa: E402
from parley.model import Article, Result  # noqa: E402


def run_rules(arts: list[Article], docs=None):
    """Parse (unless docs are given) and run actors, quotes and the rule-based events;
    (ctxs, events, timing)."""
    kb = actors.load_kb()
    ctxs, evs = [], []
    t_parse = t_rules = 0.0
    for n, a in enumerate(arts):
        t0 = time.perf_counter()
        doc = docs[n] if docs is not None else next(nlp.parse([a.text]))
        t1 = time.perf_counter()
        ctx = Context(article=a, doc=doc, kb=kb)
        ctx.mentions = actors.resolve(ctx)
        ctx.quotes = quotes.extract(ctx)
        t2 = time.perf_counter()
        evs.append(rules(ctx))
        t_parse += t1 - t0
        t_rules += time.perf_counter() - t2
        ctxs.append(ctx)
    return ctxs, evs, {"parse": t_parse, "rules": t_rules}


def cached(model, lex):
    memo: dict = {}

    def predict(sent):
        key = (id(sent.doc), sent.start)
        if key not in memo:
            memo[key] = model.predict(sent, lex)
        return memo[key]
    return predict


def combined(ctxs, evs, predicts, policy: Policy, lex):
    return [combine(c, copy.deepcopy(e), policy=policy, lex=lex, predict=p) for c, e, p in zip(ctxs, evs, predicts)]


def first_types(evs) -> list[str]:
    return [e[0].type if e else "(none)" for e in evs]


def plv_scores(gold: list[str], pred: list[str]) -> dict:
    ok = [g == p or (g == "YIELD" and p in ("CONCEDE", "RETREAT")) for g, p in zip(gold, pred)]
    return tem.scores(gold, [g if o else p for g, p, o in zip(gold, pred, ok)])


def short(s: dict) -> dict:
    return {k: v for k, v in s.items() if k != "recall_by_type"}


def bench_plv(grid: bool) -> dict:
    lex = load_lexicon()
    data = tem.Data()
    rows, labels = data.plv, data.labels
    ctxs, evs, _ = run_rules([Article(text=r["text"], id=str(i)) for i, r in enumerate(rows)], data.docs)
    models = data.fold_models()
    predicts = [cached(models[int(data.fold[i])], lex) for i in range(len(rows))]
    clf_pred = [models[int(data.fold[i])].predict(c.doc[:], lex)[0][0] for i, c in enumerate(ctxs)]
    out = {"n": len(rows), "classifier_alone_5fold": short(tem.scores(labels, clf_pred)),
           "classifier_alone_5fold_without_quad": short(data.cv(quad=False)),
           "rules_alone": short(plv_scores(labels, first_types(evs)))}
    comb = plv_scores(labels, first_types(combined(ctxs, evs, predicts, POLICY, lex)))
    out["combined_5fold"] = comb
    out["policy"] = POLICY.__dict__
    if grid:
        res = []
        for rt, keep, guard, add in itertools.product((0.6, 0.7, 0.8, 0.9, 1.01), (0.1, 0.2), (True, False),
                                                      (0.4, 0.6, 1.01)):
            pol = Policy(retype=rt, keep=keep, promote=POLICY.promote, add=add, guard=guard)
            s = plv_scores(labels, first_types(combined(ctxs, evs, predicts, pol, lex)))
            res.append((s["accuracy"], s["macro_recall"], pol))
        res.sort(key=lambda x: (-(x[0] + x[1]), x[2].retype))
        out["grid_top"] = [f"acc={a:.3f} macro={m:.3f} retype={p.retype} keep={p.keep} guard={p.guard} add={p.add}"
                           for a, m, p in res[:12]]
        out["grid_without_adding"] = [f"acc={a:.3f} macro={m:.3f} retype={p.retype} keep={p.keep} guard={p.guard}"
                                      for a, m, p in res if p.add > 1.0]
    return out


def _eval(set_name, gold_path, arts, evs) -> dict:
    from parley.eval import evaluate
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for a, e in zip(arts, evs):
            fh.write(json.dumps(Result(article=a, events=e).to_json()) + "\n")
    try:
        return evaluate(set_name, gold_path, fh.name)
    finally:
        Path(fh.name).unlink(missing_ok=True)


def _plover_figs(s: dict) -> dict:
    p = s["plover"]
    return {k: round(p[k], 3) for k in ("type_accuracy", "strict_accuracy", "macro_recall", "no_event")}


def bench_gsr() -> dict:
    from parley.eval.adapters import load_plover
    lex = load_lexicon()
    model = classify.load_model()
    gold_path = SHARED / "gold/events/plover-gsr.jsonl"
    gold = load_plover(gold_path)
    arts = [Article(text=g["text"], id=g["id"], published=g["published"]) for g in gold]
    ctxs, evs, _ = run_rules(arts)
    predicts = [cached(model, lex) for _ in ctxs]
    comb = combined(ctxs, evs, predicts, POLICY, lex)
    labels = [g["plover"]["type"] for g in gold]
    alone = []
    for c in ctxs:  # the classifier alone: its top class for the whole record
        t = model.predict(c.doc[:], lex)[0][0]
        alone.append(classify.split_yield(c.doc[:], lex, False) if t == "YIELD" else t)
    changed = [(g, a[0].type if a else "-", b[0].type if b else "-")
               for g, a, b in zip(labels, evs, comb) if a and b and a[0].type != b[0].type]
    return {"n": len(gold), "rules_alone": _plover_figs(_eval("plover", gold_path, arts, evs)),
            "combined": _plover_figs(_eval("plover", gold_path, arts, comb)),
            "combined_recall_by_type": {t: v["recall"] for t, v in
                                        _eval("plover", gold_path, arts, comb)["plover"]["recall_by_type"].items()},
            "classifier_alone": short(tem.scores(labels, alone)),
            "changed_first_type": {"n": len(changed), "fixed": sum(g == b for g, a, b in changed),
                                   "broken": sum(g == a for g, a, b in changed),
                                   "gold<-rules->combined": [f"{g}<-{a}->{b}: {n}" for (g, a, b), n in
                                                          collections.Counter(changed).most_common(15)]}}


def bench_indomain() -> dict:
    lex = load_lexicon()
    model = classify.load_model()
    gold_path = SHARED / "gold/indomain-dev.jsonl"
    rows = [json.loads(line) for line in open(gold_path, encoding="utf-8")]
    arts = [Article(text=r["text"], id=r["id"], published=r.get("published"), title=r.get("title"),
                    url=r.get("url")) for r in rows]
    ctxs, evs, timing = run_rules(arts)
    t0 = time.perf_counter()
    comb = [combine(c, copy.deepcopy(e), model=model, lex=lex) for c, e in zip(ctxs, evs)]
    t_clf = time.perf_counter() - t0
    figs = {}
    for name, e in (("rules_alone", evs), ("combined", comb)):
        s = _eval("indomain", gold_path, arts, e)["events"]
        figs[name] = {k: {m: (round(v, 3) if isinstance(v, float) else v) for m, v in s[k].items()}
                      for k in ("type_source_target", "type_per_sentence")}
    changed = sum(a.type != b.type for x, y in zip(evs, comb) for a, b in zip(x, y) if len(x) == len(y))
    return {"articles": len(rows), **figs, "events_retyped": changed,
            "time_s": {"parse": round(timing["parse"], 2), "rules": round(timing["rules"], 2),
                       "classifier": round(t_clf, 2)},
            "event_stage_share_of_parse": round((timing["rules"] + t_clf) / timing["parse"], 3),
            "classifier_ms_per_article": round(1000 * t_clf / len(rows), 2)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="plv,gsr,indomain")
    ap.add_argument("--grid", action="store_true")
    a = ap.parse_args()
    sets = a.sets.split(",")
    if "gsr" in sets:
        print("plover-gsr (held out):", json.dumps(bench_gsr(), indent=1), flush=True)
    if "indomain" in sets:
        print("in-domain dev:", json.dumps(bench_indomain(), indent=1), flush=True)
    if "plv" in sets:
        print("plv-train (5-fold CV):", json.dumps(bench_plv(a.grid), indent=1), flush=True)


if __name__ == "__main__":
    main()
