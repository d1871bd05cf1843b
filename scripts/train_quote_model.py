"""Train the attribution cue model on PolNeAR train → parley/data/models/quote_cues.json.

    .venv/bin/python scripts/train_quote_model.py [--gold ../shared/gold/quotes/polnear-train.jsonl]
        [--cache out/train_cache] [--out parley/data/models/quote_cues.json]

Every candidate of `parley.quotes.cue_model.candidates` on the spaCy parse of a training article is
labelled 1 when a gold attribution has its cue on the candidate's cue token and a content piece
overlapping the candidate's content by >= LABEL_AT (the scorer's overlap |a∩b| / max(|a|,|b|) and
its main threshold, 0.3), else 0. Only cue lemmas that head >= MIN_CUE gold attributions are kept
(the model's cue vocabulary).
A logistic regression (scikit-learn, training only) learns the feature weights; features seen fewer
than MIN_COUNT times are dropped. The decision threshold is the one that maximises candidate F1 on
a held-out fifth of the training articles (fit on the other four fifths), then the model is refit
on all of them. The attributions layer (what is not speech: `quotes.indirect.attributions`) gets
its own threshold, `attribution_threshold`: the one in ATTRIBUTION_GRID that maximises the
whole stage's F1 (quotes and attributions, overlap >= 0.3, as `parley eval polnear` scores them)
on that held-out fifth, run with the model fit on the other four fifths. The parses are cached
(DocBin) under --cache. Train only: the dev set is for measuring (benchmarks/bench_quotes.py).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parley import nlp  # noqa: E402
from parley.eval.spans import merge_adjacent, overlap, trim_quote  # noqa: E402
from parley.quotes import cue_model, direct, marks  # noqa: E402
from parley.quotes.lexicon import load as load_lexicon  # noqa: E402

MIN_COUNT = 3
MIN_CUE = 2
C_REG = 0.5
LABEL_AT = 0.3
ATTRIBUTION_GRID = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)


def read_gold(path: Path) -> list[dict]:
    out, seen = [], set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                if r["id"] not in seen:  # several annotators: the first annotation
                    seen.add(r["id"])
                    out.append(r)
    return out


def parsed(texts: list[str], cache: Path | None, name: str):
    return nlp.parse_cached(texts, cache / f"{name}.spacy" if cache else None)[0]


def quoted_mask(doc, text, lex):
    tix = direct.TokenIndex(doc)
    directs = direct.find(doc, text, marks.find(text), lex, tix)
    q = marks.mask(text, [d.mark.outer for d in directs])
    return lambda t: bool(q[t.idx])


def examples(rec: dict, doc, lex) -> list[tuple[list[str], int]]:
    text = rec["text"]
    cues = []  # (cue spans, trimmed content pieces)
    for a in rec.get("attributions") or []:
        pieces = [(x["start"], x["end"]) for x in a.get("content") or [] if x["end"] > x["start"]]
        pieces = [trim_quote(text, s, e) for s, e in merge_adjacent(pieces, text)]
        cues.append(([(x["start"], x["end"]) for x in a.get("cue") or []], pieces))
    out = []
    for c in cue_model.candidates(doc, text, lex, quoted_mask(doc, text, lex)):
        span = trim_quote(text, c.start, c.end)
        y = 0
        for spans, pieces in cues:
            if any(s <= c.cue.idx < e for s, e in spans) and \
                    any(overlap(span, p) >= LABEL_AT for p in pieces):
                y = 1
                break
        lemma = "according" if c.kind == "according" else c.cue.lemma_.lower()
        out.append((cue_model.features(c, lex, text), y, lemma))
    return out


def stage_f1(model: dict, arts: list[dict], docs, held: list[int], kb) -> float:
    """F1 at overlap 0.3 of the whole quote stage (quotes and attributions) on the held-out
    articles (`parley.eval.adapters.load("polnear", …)` records, in step with `docs`), run with
    `model` (written to a temporary file read through PARLEY_QUOTE_MODEL)."""
    import os
    import tempfile

    from parley import quotes
    from parley.context import Context
    from parley.eval import quotes as qscore
    from parley.model import Article

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.json"
        path.write_text(json.dumps(model), encoding="utf-8")
        old = os.environ.get("PARLEY_QUOTE_MODEL")
        os.environ["PARLEY_QUOTE_MODEL"] = str(path)
        try:
            pairs = []
            for k in held:
                ctx = Context(article=Article(id=arts[k]["id"], text=arts[k]["text"]), doc=docs[k], kb=kb)
                ctx.quotes = quotes.extract(ctx)
                pairs.append((arts[k], {"quotes": [q.to_json() for q in ctx.quotes],
                                        "attributions": [q.to_json() for q in ctx.attributions]}))
        finally:
            if old is None:
                os.environ.pop("PARLEY_QUOTE_MODEL", None)
            else:
                os.environ["PARLEY_QUOTE_MODEL"] = old
    return qscore.score(pairs, compare="none", layers=("quotes", "attributions"))["span>=0.3"]["f1"] or 0.0


def fit(X, y):
    from sklearn.linear_model import LogisticRegression
    m = LogisticRegression(C=C_REG, max_iter=2000, solver="liblinear", random_state=0)
    m.fit(X, y)
    return m


def best_threshold(y, p) -> tuple[float, float]:
    import numpy as np
    order = np.argsort(-p)
    ys = np.asarray(y)[order]
    tp = np.cumsum(ys)
    k = np.arange(1, len(ys) + 1)
    f1 = 2 * tp / (k + ys.sum())
    i = int(np.argmax(f1))
    return float(p[order][i]), float(f1[i])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(ROOT.parent / "shared/gold/quotes/polnear-train.jsonl"))
    ap.add_argument("--cache", default=str(ROOT / "out" / "train_cache"))
    ap.add_argument("--out", default=str(cue_model.MODEL_PATH))
    a = ap.parse_args(argv)
    from sklearn.feature_extraction import DictVectorizer
    import numpy as np

    t0 = time.time()
    lex = load_lexicon()
    gold = read_gold(Path(a.gold))
    docs = parsed([r["text"] for r in gold], Path(a.cache) if a.cache else None, "polnear-train")
    print(f"parsed {len(docs)} articles in {time.time() - t0:.0f}s", flush=True)
    rows = []
    for k, (r, d) in enumerate(zip(gold, docs)):
        for f, y, lemma in examples(r, d, lex):
            rows.append((f, y, k, lemma))
    # the cue vocabulary: lemmas that head a gold attribution at least MIN_CUE times
    pos = Counter(lemma for _, y, _, lemma in rows if y)
    cues = sorted(x for x, n in pos.items() if n >= MIN_CUE)
    vocab = set(cues)
    rows = [(f, y, k) for f, y, k, lemma in rows if lemma in vocab]
    counts = Counter(x for f, _, _ in rows for x in set(f))
    keep = {x for x, n in counts.items() if n >= MIN_COUNT}
    feats = [{x: 1 for x in f if x in keep} for f, _, _ in rows]
    y = np.array([r[1] for r in rows])
    art = np.array([r[2] for r in rows])
    print(f"{len(rows)} candidates, {y.sum()} positive, {len(keep)} features, {len(cues)} cue lemmas",
          flush=True)
    vec = DictVectorizer()
    X = vec.fit_transform(feats).tocsr().astype(np.float64)
    X.indices, X.indptr = X.indices.astype(np.int32), X.indptr.astype(np.int32)
    held = art % 5 == 0
    m = fit(X[~held], y[~held])
    thr, f1 = best_threshold(y[held], m.predict_proba(X[held])[:, 1])
    print(f"held-out fifth: best threshold {thr:.3f}, candidate F1 {f1:.3f}", flush=True)
    names = vec.get_feature_names_out()

    def as_model(m, **extra) -> dict:
        weights = {str(n): round(float(w), 4) for n, w in zip(names, m.coef_[0]) if abs(w) >= 1e-4}
        return {"about": "attribution cue model (parley.quotes.cue_model), logistic regression on PolNeAR "
                         "train; scripts/train_quote_model.py",
                "bias": round(float(m.intercept_[0]), 4), "threshold": round(thr, 4), "cues": cues,
                "weights": weights, **extra}

    from parley import actors
    from parley.eval import adapters

    arts = adapters.load("polnear", Path(a.gold))
    assert len(arts) == len(docs), "the gold articles and their parses are out of step"
    held_articles = [k for k in range(len(gold)) if k % 5 == 0]
    part, kb = as_model(m), actors.load_kb()
    f1s = {t: stage_f1(dict(part, attribution_threshold=t), arts, docs, held_articles, kb)
           for t in ATTRIBUTION_GRID}
    att = max(ATTRIBUTION_GRID, key=lambda t: (round(f1s[t], 6), t))
    print("held-out fifth, quote stage F1 by attribution threshold: "
          + ", ".join(f"{t:.2f} {f:.3f}" for t, f in f1s.items()) + f" -> {att:.2f}", flush=True)
    m = fit(X, y)
    model = as_model(m, attribution_threshold=att)
    weights = model["weights"]
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, indent=0), encoding="utf-8")
    print(f"wrote {a.out} ({len(weights)} weights) in {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
