"""A learned PLOVER event-type classifier over one sentence of the parse.

Features come from the spaCy Doc the pipeline already has (no second parse): lemmas and lemma
bigrams with named entities reduced to their label, verb frames from the dependency parse (verb,
verb+object, verb+preposition, verb+complement, negation, modal; the main clause's verb and its
complement), and the trigger lexicon's reading of the sentence (types of lexicon words, of the kept
triggers and of their content; the first triggers' words, heads, negation and modals). A multinomial
logistic regression trained by `scripts/train_event_model.py` on the PLOVER-style training set
(`plv-train.jsonl`) gives the weights. A second, coarser model trained on the CAMEO quad classes of
`conflibert-cameo-train.jsonl` (statement, verbal/material cooperation, verbal/material conflict)
adds its reading as features. Both ship in `parley/data/models/event_type.npz`; inference is a
sparse sum in numpy (no scikit-learn at run time).

The training set's YIELD (older PLOVER) is one class here; `split_yield` tells CONCEDE (verbal,
promised) from RETREAT (material, done) with the lexicon and the future marker.
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import triggers
from .lexicon import Lexicon

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "models" / "event_type.npz"
ENT_LABELS = {"GPE", "NORP", "PERSON", "ORG", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "MONEY",
              "QUANTITY", "PERCENT", "ORDINAL", "EVENT", "LAW"}
VERB_DEPS = {"dobj": "O", "xcomp": "X", "ccomp": "C", "prt": "P", "acomp": "A", "attr": "T", "dative": "D"}
MODALS = {"will", "would", "shall", "could", "may", "might", "must", "should", "can", "to"}


def _norm(tok) -> str:
    """A token as a feature word: entity label for named things and numbers, else its lemma."""
    if tok.ent_type_ in ENT_LABELS and (tok.pos_ in ("PROPN", "NUM") or tok.ent_type_ in ("DATE", "TIME",
                                                                                         "CARDINAL", "MONEY")):
        return "E_" + tok.ent_type_
    if tok.like_num:
        return "E_NUM"
    return tok.lemma_.lower() or tok.lower_


def features(span, lex: Lexicon | None = None) -> list[str]:
    """Feature strings of a sentence (a spaCy Span or Doc); repeats removed."""
    out: list[str] = []
    words = []
    for tok in span:
        if tok.is_punct or tok.is_space:
            continue
        w = _norm(tok)
        if words and words[-1] == w and w.startswith("E_"):
            continue  # "Sergei Lavrov": one PERSON
        words.append(w)
    out += ["w:" + w for w in words if not w.startswith("E_")]
    out += [f"b:{a}_{b}" for a, b in zip(words, words[1:])]
    for tok in span:
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ == "aux" or tok.dep_ == "auxpass":
            continue
        v = tok.lemma_.lower()
        top = "R" if tok.dep_ == "ROOT" else "v"
        out.append(f"{top}:{v}")
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        if passive:
            out.append(f"vpass:{v}")
        for c in tok.children:
            if c.dep_ in VERB_DEPS:
                out.append(f"v{VERB_DEPS[c.dep_]}:{v}_{_norm(c)}")
            elif c.dep_ in ("prep", "agent"):
                out.append(f"vp:{v}_{c.lower_}")
                for g in c.children:
                    if g.dep_ == "pobj":
                        out.append(f"vpo:{v}_{c.lower_}_{_norm(g)}")
            elif c.dep_ == "neg":
                out.append(f"neg:{v}")
                out.append("neg")
            elif c.dep_ == "aux" and c.lower_ in MODALS:
                out.append(f"mod:{c.lower_}")
                out.append(f"modv:{c.lower_}_{v}")
    root = span.root  # the main clause: "agreed to release", "refused to hold talks"
    out.append(f"rtag:{root.tag_}")
    for c in root.children:
        if c.dep_ in ("xcomp", "ccomp"):
            out.append(f"rc:{root.lemma_.lower()}_{c.lemma_.lower()}")
            out += [f"rco:{c.lemma_.lower()}_{_norm(g)}" for g in c.children if g.dep_ == "dobj"]
    if lex is not None:
        out += _lexicon_features(span, lex)
    return list(dict.fromkeys(out))


def _lexicon_features(span, lex: Lexicon) -> list[str]:
    out = []
    for tok in span:
        e = triggers.lookup(tok, lex)
        if e is not None:
            out += [f"lx:{e.type}", f"lxm:{e.type}_{e.mode}"]
    try:
        found = triggers.find(span, lex)
    except Exception:  # noqa: BLE001 - the rules' reading is a feature, never a failure
        found = []
    for n, tr in enumerate(found):
        out.append(f"tr:{tr.type}")
        if n == 0:
            out.append(f"tr0:{tr.type}")
        out += [f"tc:{tr.type}_{c}" for c in tr.content]
        if n < 2:  # the main triggers themselves: word, light verb, head, negation and modals
            t = tr.tok
            out.append(f"t{n}l:{t.lemma_.lower()}")
            if tr.light is not None:
                out.append(f"t{n}light:{tr.light.lemma_.lower()}_{t.lemma_.lower()}")
            if t.head.i != t.i:
                out.append(f"t{n}h:{t.head.lemma_.lower()}")
            out += [f"t{n}{c.dep_}:{c.lower_}" for c in t.children if c.dep_ in ("neg", "aux")]
    if not found:
        out.append("tr:none")
    return out


@dataclass
class Model:
    classes: list[str]
    index: dict[str, int]
    coef: np.ndarray  # (n_features, n_classes)
    intercept: np.ndarray  # (n_classes,)
    lexicon: bool  # trained with the lexicon features
    quad: "Model | None" = None  # CAMEO quad-class model whose reading is a feature of this one

    def features(self, span, lex: Lexicon | None) -> list[str]:
        fs = features(span, lex if self.lexicon else None)
        return fs + quad_features(self.quad, fs) if self.quad is not None else fs

    def proba(self, feats: list[str]) -> np.ndarray:
        """Class probabilities (softmax) for a feature list; unknown features are ignored."""
        idx = [self.index[f] for f in feats if f in self.index]
        z = self.intercept + (self.coef[idx].sum(axis=0) if idx else 0.0)
        z = z - z.max()
        p = np.exp(z)
        return p / p.sum()

    def predict(self, span, lex: Lexicon | None) -> list[tuple[str, float]]:
        """(type, probability) of a sentence, most probable first."""
        p = self.proba(self.features(span, lex))
        order = np.argsort(-p)
        return [(self.classes[i], float(p[i])) for i in order]


def quad_features(quad: Model, feats: list[str]) -> list[str]:
    """The quad model's reading as features: classes above 0.5 and above 0.2."""
    p = quad.proba(feats)
    return [f"qhi:{c}" for c, v in zip(quad.classes, p) if v > 0.5] + \
        [f"qmid:{c}" for c, v in zip(quad.classes, p) if v > 0.2]


def _arrays(m: Model, prefix: str = "") -> dict:
    vocab = sorted(m.index, key=m.index.get)
    return {prefix + "classes": np.array(m.classes), prefix + "vocab": np.array(vocab),
            prefix + "coef": np.asarray(m.coef, dtype=np.float32),
            prefix + "intercept": np.asarray(m.intercept, dtype=np.float32), prefix + "lexicon": np.array(m.lexicon)}


def save(path, model: Model, **meta) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    arrays = _arrays(model)
    if model.quad is not None:
        arrays.update(_arrays(model.quad, "quad_"))
    np.savez_compressed(path, **arrays, **{"meta_" + k: np.array(v) for k, v in meta.items()})


def _model(z, prefix: str = "") -> Model:
    vocab = [str(v) for v in z[prefix + "vocab"]]
    return Model(classes=[str(c) for c in z[prefix + "classes"]], index={f: i for i, f in enumerate(vocab)},
                 coef=z[prefix + "coef"].astype(np.float32), intercept=z[prefix + "intercept"].astype(np.float32),
                 lexicon=bool(z[prefix + "lexicon"]))


def read(path) -> Model:
    with np.load(path, allow_pickle=False) as z:
        m = _model(z)
        if "quad_vocab" in z.files:
            m.quad = _model(z, "quad_")
        return m


@functools.lru_cache(maxsize=2)
def load_model(path: str | None = None) -> Model | None:
    """The shipped model (or PARLEY_EVENT_MODEL); None when the file is absent (rules alone)."""
    p = Path(path or os.environ.get("PARLEY_EVENT_MODEL") or MODEL_PATH)
    return read(p) if p.exists() else None


def split_yield(span, lex: Lexicon, future: bool) -> str:
    """CONCEDE or RETREAT for a YIELD reading: a lexicon word of either type decides (the first
    found, verbs before nouns); promised or announced yielding is CONCEDE (PLOVER manual), done
    yielding RETREAT."""
    if future:
        return "CONCEDE"
    for pos in ("VERB", "NOUN"):
        for tok in span:
            if tok.pos_ != pos:
                continue
            e = triggers.lookup(tok, lex)
            if e is not None and e.type in ("CONCEDE", "RETREAT"):
                return e.type
    return "RETREAT"
