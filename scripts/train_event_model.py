"""Train the PLOVER event-type classifier shipped in parley/data/models/event_type.npz.

    .venv/bin/python scripts/train_event_model.py [--cv] [--no-lexicon] [--out PATH]

Training data (training sets only; plover-gsr.jsonl, the held-out set, is never read here):
* ../shared/gold/events/plv-train.jsonl: 1,050 PLOVER-style sentences, label `gold_root` (YIELD
  kept as one class) -> the type model;
* ../shared/gold/events/conflibert-cameo-train.jsonl: 1,349 sentences with a CAMEO quad class ->
  the quad model, whose probabilities are features of the type model. 470 of its sentences are
  also in plv-train, so the quad features of each plv-train sentence come from a quad model
  trained without the sentences of its fold ("cross-fitting"; the same 5 folds as the CV), else
  the type model would learn to trust memorised quads. The shipped quad model uses all of it.
Features: `parley.events.classify.features` on the spaCy parse (the pipeline's own nlp.parse).
Models: multinomial logistic regression (scikit-learn, training only); the weights are saved as
numpy arrays and read at run time without scikit-learn. --cv prints 5-fold cross-validated
accuracy / macro recall (with and without the quad model) before training. Deterministic.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
PLV = SHARED / "gold/events/plv-train.jsonl"
CFB = SHARED / "gold/events/conflibert-cameo-train.jsonl"

from parley import nlp  # noqa: E402
from parley.events import classify  # noqa: E402
from parley.events.lexicon import load as load_lexicon  # noqa: E402

C_DEFAULT = 3.0
C_QUAD = 1.0
MIN_COUNT = 2
SEED = 13


def load_plv(path=PLV) -> list[dict]:
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def load_cfb(path=CFB) -> list[dict]:
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def parse(texts: list[str]):
    return list(nlp.parse(texts))


def featurize(docs, lexicon: bool = True) -> list[list[str]]:
    lex = load_lexicon() if lexicon else None
    return [classify.features(d[:], lex) for d in docs]


def vocabulary(feats: list[list[str]], min_count: int = MIN_COUNT) -> list[str]:
    c = collections.Counter(f for fs in feats for f in fs)
    return sorted(f for f, n in c.items() if n >= min_count)


def matrix(feats: list[list[str]], vocab: list[str]):
    from scipy.sparse import csr_matrix
    index = {f: i for i, f in enumerate(vocab)}
    rows, cols = [], []
    for r, fs in enumerate(feats):
        for f in fs:
            if f in index:
                rows.append(r)
                cols.append(index[f])
    return csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(feats), len(vocab)))


def fit(feats: list[list[str]], labels: list[str], C: float = C_DEFAULT, balanced: bool = True,
        lexicon: bool = True) -> classify.Model:
    from sklearn.linear_model import LogisticRegression
    vocab = vocabulary(feats)
    X = matrix(feats, vocab)
    clf = LogisticRegression(C=C, max_iter=3000, class_weight="balanced" if balanced else None,
                             random_state=SEED)
    clf.fit(X, labels)
    classes = [str(c) for c in clf.classes_]
    return classify.Model(classes=classes, index={f: i for i, f in enumerate(vocab)},
                          coef=clf.coef_.T.astype(np.float32), intercept=clf.intercept_.astype(np.float32),
                          lexicon=lexicon)


def folds(labels: list[str], k: int = 5) -> list[np.ndarray]:
    """Stratified fold index of each item (deterministic)."""
    from sklearn.model_selection import StratifiedKFold
    out = np.zeros(len(labels), dtype=int)
    for n, (_, test) in enumerate(StratifiedKFold(k, shuffle=True, random_state=SEED).split(labels, labels)):
        out[test] = n
    return out


def scores(gold: list[str], pred: list[str]) -> dict:
    per = collections.Counter(gold)
    hit = collections.Counter(g for g, p in zip(gold, pred) if g == p)
    rec = {t: round(hit[t] / per[t], 3) for t in sorted(per)}
    return {"n": len(gold), "accuracy": round(sum(hit.values()) / len(gold), 3),
            "macro_recall": round(sum(hit[t] / per[t] for t in per) / len(per), 3), "recall_by_type": rec}


class Data:
    """Parsed and featurised training sets, folds, and the cross-fitted quad models."""

    def __init__(self, k: int = 5, lexicon: bool = True):
        self.plv, self.cfb = load_plv(), load_cfb()
        self.labels = [r["gold_root"] for r in self.plv]
        self.docs = parse([r["text"] for r in self.plv])
        self.feats = featurize(self.docs, lexicon)
        self.cfb_feats = featurize(parse([r["text"] for r in self.cfb]), lexicon)
        self.cfb_labels = [f"Q{r['label']}" for r in self.cfb]
        self.fold = folds(self.labels, k)
        self.k, self.lexicon = k, lexicon
        fold_of = {_key(r["text"]): int(self.fold[i]) for i, r in enumerate(self.plv)}
        cfb_fold = [fold_of.get(_key(r["text"]), -1) for r in self.cfb]
        self.quads = {}
        for n in range(k):  # quad model n never saw a sentence of plv fold n
            keep = [i for i, f in enumerate(cfb_fold) if f != n]
            self.quads[n] = fit([self.cfb_feats[i] for i in keep], [self.cfb_labels[i] for i in keep], C=C_QUAD,
                                lexicon=lexicon)
        self.quad_all = fit(self.cfb_feats, self.cfb_labels, C=C_QUAD, lexicon=lexicon)
        self.stacked = [f + classify.quad_features(self.quads[int(self.fold[i])], f) for i, f in enumerate(self.feats)]

    def model(self, items=None, quad: bool = True, C: float = C_DEFAULT, balanced: bool = True,
              test_fold: int | None = None) -> classify.Model:
        """The type model trained on `items` (all by default); for a CV fold, the quad model
        attached is the one that never saw the test fold."""
        items = range(len(self.labels)) if items is None else items
        fs = self.stacked if quad else self.feats
        m = fit([fs[i] for i in items], [self.labels[i] for i in items], C=C, balanced=balanced, lexicon=self.lexicon)
        if quad:
            m.quad = self.quad_all if test_fold is None else self.quads[test_fold]
        return m

    def fold_models(self, **kw) -> list[classify.Model]:
        return [self.model([i for i in range(len(self.labels)) if self.fold[i] != n], test_fold=n, **kw)
                for n in range(self.k)]

    def cv(self, **kw) -> dict:
        models = self.fold_models(**kw)
        pred = []
        for i, d in enumerate(self.docs):
            m = models[int(self.fold[i])]
            fs = self.feats[i] + (classify.quad_features(m.quad, self.feats[i]) if m.quad is not None else [])
            pred.append(m.classes[int(m.proba(fs).argmax())])
        return scores(self.labels, pred)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cv", action="store_true", help="print 5-fold CV figures for a few settings first")
    ap.add_argument("--no-lexicon", action="store_true", help="words and parse only (no trigger-lexicon features)")
    ap.add_argument("--no-quad", action="store_true", help="without the quad model's features")
    ap.add_argument("--C", type=float, default=C_DEFAULT)
    ap.add_argument("--out", default=str(classify.MODEL_PATH))
    a = ap.parse_args()
    data = Data(lexicon=not a.no_lexicon)
    if a.cv:
        for quad in (True, False):
            for C in (1.0, 3.0, 10.0):
                s = data.cv(quad=quad, C=C)
                print(f"lexicon={data.lexicon!s:5} quad={quad!s:5} C={C:<4} 5-fold accuracy={s['accuracy']:.3f} "
                      f"macro_recall={s['macro_recall']:.3f}", flush=True)
    m = data.model(quad=not a.no_quad, C=a.C)
    classify.save(a.out, m, C=a.C, trained_on="plv-train.jsonl + conflibert-cameo-train.jsonl (quad)",
                  n=len(data.labels))
    print(f"wrote {a.out}: {len(m.classes)} classes, {len(m.index)} features"
          f"{f' + quad model ({len(m.quad.index)} features)' if m.quad is not None else ''}, "
          f"{Path(a.out).stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
