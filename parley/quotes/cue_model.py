"""A learned attribution finder: which verbs of the parse attribute content, and which content.

For every verb outside quotation marks, `candidates` proposes its possible content spans from the
dependency parse (its clausal complement, its object, a prepositional object, or — for
"C, X said" — the clause it hangs on); `features` describes each (cue lemma, dependency labels,
subject kind, span type and shape, punctuation); a logistic model trained on PolNeAR
(`scripts/train_quote_model.py`, weights in `parley/data/models/quote_cues.json`) scores them and
`find` keeps each verb's best candidate above the model's threshold. Inference is pure Python
(a sum of feature weights), no scikit-learn at run time.
"""
from __future__ import annotations

import functools
import json
import math
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token

from .lexicon import Lexicon, default_path, raw
from .syntax import VERBAL, according_to, content_span, lemma_tokens, subject, subtree_bounds

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "models" / "quote_cues.json"
PREPS = ("for", "to", "on", "about", "of", "against", "with", "at", "over", "in")
MARKS = ("\"", "“", "”", "«", "»", "„")


@dataclass
class Candidate:
    cue: Token
    kind: str  # comp | xcomp | pre | obj | prep | head | according
    first: int  # content token range [first, last]
    last: int
    start: int  # content character span
    end: int
    speaker: Token | None
    head: Token | None = None  # the content's head token


def _content(doc: Doc, text: str, first: int, last: int) -> tuple[int, int] | None:
    return content_span(doc, text, first, last, shortest=2)


def _add(out: list, t: Token, kind: str, first: int, last: int, text: str, who, head: Token) -> None:
    span = _content(t.doc, text, first, last)
    if span is not None:
        out.append(Candidate(t, kind, first, last, span[0], span[1], who, head))


def _edges(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i


def _sentence_starts(doc: Doc) -> list[int]:
    """Token index → index of its sentence's first token."""
    starts = doc.to_array("SENT_START").astype(np.int64) == 1
    starts[:1] = True
    return np.maximum.accumulate(np.where(starts, np.arange(len(doc)), 0)).tolist()


def candidates(doc: Doc, text: str, lex: Lexicon, inside=None, cues=None) -> list[Candidate]:
    """Every (cue, content) pair the parse allows, for verbs outside quotation marks (with `cues`,
    only verbs of those lemmas)."""
    out: list[Candidate] = []
    sstart = None
    for t in doc if cues is None else lemma_tokens(doc, cues):
        if inside is not None and inside(t):
            continue
        if t.lower_ == "according":
            who = according_to(t)
            head = t.head
            if who is None or head.i == t.i or head.pos_ not in VERBAL:
                continue
            first, last = subtree_bounds(head, exclude=t)
            _add(out, t, "according", first, last, text, who, head)
            continue
        if t.pos_ not in VERBAL and not t.tag_.startswith("VB"):
            continue
        if t.lemma_.lower() in ("be", "have", "do") and t.dep_ in ("aux", "auxpass"):
            continue
        who = subject(t, lex)
        for c in t.children:
            if c.dep_ in ("ccomp", "xcomp") and c.i > t.i:
                lo, hi = _edges(c)
                _add(out, t, "comp" if c.dep_ == "ccomp" else "xcomp", lo, hi, text, who, c)
            elif c.dep_ == "ccomp" and c.i < t.i:  # "C, X said" parsed with C as the complement
                lo, hi = _edges(c)
                _add(out, t, "pre", lo, hi, text, who, c)
            elif c.dep_ in ("dobj", "pcomp") and c.i > t.i:
                lo, hi = _edges(c)
                for d in t.children:  # "described the talks as …"
                    if d.dep_ == "prep" and d.lower_ == "as" and d.i > hi:
                        hi = max(hi, d.right_edge.i)
                _add(out, t, "obj", lo, hi, text, who, c)
            elif c.dep_ == "prep" and c.lower_ in PREPS and c.i > t.i:
                obj = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    lo, hi = _edges(obj)
                    _add(out, t, "prep", lo, hi, text, who, obj)
        # "C, X said": the cue hangs on the content's verb
        h = t.head
        if t.dep_ in ("parataxis", "advcl", "ccomp", "conj") and h.i < t.i and h.pos_ in VERBAL \
                and (inside is None or not inside(h)):
            first, last = subtree_bounds(h, exclude=t)
            last = min(last, t.left_edge.i - 1)
            if sstart is None:
                sstart = _sentence_starts(doc)
            first = max(first, sstart[t.i])
            if last >= first:
                _add(out, t, "head", first, last, text, who, h)
    return out


def _kind(tok: Token | None, lex: Lexicon) -> str:
    if tok is None:
        return "none"
    low = tok.lower_
    if tok.pos_ == "PRON":
        return "pron_" + low if low in lex.pronouns else "pron"
    if tok.ent_type_:
        return "ent_" + tok.ent_type_
    if tok.lemma_.lower() in lex.speakers:
        return "spk"
    return tok.pos_


def features(c: Candidate, lex: Lexicon, text: str) -> list[str]:
    t, doc = c.cue, c.cue.doc
    lemma = t.lemma_.lower()
    k = c.kind
    n = c.last - c.first + 1
    f = [f"k={k}", f"l={lemma}", f"lk={lemma}|{k}", f"tag={t.tag_}", f"dep={t.dep_}", f"depk={t.dep_}|{k}",
         f"hd={t.head.pos_}|{t.dep_}" if t.head.i != t.i else "root",
         f"spk={_kind(c.speaker, lex)}", f"spkk={_kind(c.speaker, lex)}|{k}",
         f"len={min(n, 40) // 4}|{k}"]
    if lemma in lex.speech:
        f += ["speech", f"speech|{k}"]
    if lemma in lex.belief:
        f += ["belief", f"belief|{k}"]
    if lemma in lex.evidence:
        f.append(f"evid|{k}|{_kind(c.speaker, lex)}")
    if c.speaker is not None:
        f.append(f"spl={c.speaker.lemma_.lower()}" if c.speaker.lemma_.lower() in lex.speakers
                 or c.speaker.pos_ == "PRON" else "spl=other")
    ch = {x.dep_ for x in t.children}
    for d in ("neg", "aux", "auxpass", "nsubjpass", "dative", "dobj", "ccomp", "xcomp", "prt", "advmod",
              "npadvmod", "agent"):
        if d in ch:
            f.append(f"ch={d}|{k}")
    for x in t.children:
        if x.dep_ in ("aux", "auxpass", "prt") or x.dep_ == "prep" and k == "prep":
            f.append(f"w={x.dep_}:{x.lower_}|{k}")
    first, last = c.first, c.last
    head = c.head
    f += [f"ch_pos={head.pos_}|{k}", f"ch_dep={head.dep_}|{k}", f"ch_tag={head.tag_}|{k}",
          f"ld={lemma}|{t.dep_}", f"ls={lemma}|{_kind(c.speaker, lex)}"]
    if k in ("obj", "prep", "xcomp"):
        f.append(f"chl={lemma}|{head.lemma_.lower()}")
    ft = doc[first]
    f.append(f"first={ft.lower_ if ft.is_stop or ft.is_punct else ft.pos_}|{k}")
    if any(x.dep_ in ("nsubj", "nsubjpass") for x in head.children):
        f.append(f"ch_subj|{k}")
    if any(x.dep_ == "mark" and x.lower_ == "that" for x in head.children):
        f.append(f"that|{k}")
    content = text[c.start:c.end]
    if any(m in content for m in MARKS):
        f.append(f"quoted|{k}")
    if c.end <= t.idx:  # content before the cue
        between = doc[last + 1:t.i]
        f.append(f"gap={min(len(between), 6)}|{k}")
        if any(x.text in (",", "—", "–") for x in between):
            f.append(f"comma|{k}")
        if c.speaker is not None and c.speaker.i < t.i:
            f.append("inverted=no")
        elif c.speaker is not None:
            f.append("inverted=yes")
    if t.i > 0 and doc[t.i - 1].is_punct:
        f.append(f"prev_p={doc[t.i - 1].text}|{k}")
    if t.i + 1 < len(doc) and doc[t.i + 1].is_punct:
        f.append(f"next_p={doc[t.i + 1].text}|{k}")
    f.append(f"sentpos={'start' if t.i == 0 or doc[t.i - 1].is_sent_start or t.is_sent_start else 'mid'}|{k}")
    return f


MODES = ("speech", "broad", "off")


def mode() -> str:
    """`attribution_model` of the quote lexicon (quotes.yaml or PARLEY_QUOTE_LEXICON): "speech"
    (default) keeps the schema's notion of reported speech, "broad" PolNeAR's wider notion of
    attribution, "off" the rules alone."""
    return _mode(str(default_path()))


@functools.lru_cache(maxsize=4)
def _mode(path: str) -> str:
    v = raw(path).get("attribution_model", "speech")
    m = "off" if v is False else str(v or "speech").lower()  # YAML reads a bare off as false
    if m not in MODES:
        raise ValueError(f"{path}: attribution_model must be one of {', '.join(MODES)}, not {m!r}")
    return m


def load(path: str | None = None) -> dict | None:
    """The model file (`path`, else PARLEY_QUOTE_MODEL, else the shipped one); None if absent."""
    return _load(str(path or os.environ.get("PARLEY_QUOTE_MODEL") or MODEL_PATH))


@functools.lru_cache(maxsize=4)
def _load(path: str) -> dict | None:
    p = Path(path)
    if not p.exists():
        return None
    with open(p, encoding="utf-8") as fh:
        return json.load(fh)


def score(model: dict, feats: list[str]) -> float:
    w = model["weights"]
    z = model["bias"] + sum(w.get(x, 0.0) for x in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def find(doc: Doc, text: str, lex: Lexicon, inside=None, model: dict | None = None,
         threshold: float | None = None, lemmas=None, skip=(), kinds=None) -> list[tuple[Candidate, float]]:
    """Each cue's best-scoring candidate with its probability, when above the threshold; with
    `lemmas`, only cues of those lemmas ("according" always) and with `kinds` only candidates of
    those kinds; cue tokens in `skip` are left out."""
    model = model if model is not None else load()
    if model is None:
        return []
    thr = model.get("threshold", 0.5) if threshold is None else threshold
    cues = model.get("_cueset")
    if cues is None:
        cues = model["_cueset"] = frozenset(model.get("cues") or ())
    if lemmas is not None:
        cues = (cues or frozenset(lemmas)) & frozenset(lemmas)
    best: dict[int, tuple[Candidate, float]] = {}
    for c, p in _scored(doc, text, lex, inside, model, cues):
        if c.cue.i in skip or (kinds is not None and c.kind not in kinds):
            continue
        if p >= thr and (c.cue.i not in best or p > best[c.cue.i][1]):
            best[c.cue.i] = (c, p)
    return [best[i] for i in sorted(best)]


def forget(doc: Doc) -> None:
    """Drops the candidates `find` keeps on the document (a new quote-stage run starts afresh)."""
    doc.user_data.pop("parley_cue_scores", None)


def _scored(doc: Doc, text: str, lex: Lexicon, inside, model: dict, cues) -> list[tuple[Candidate, float]]:
    """Every candidate of the model's cue words with its probability, computed once per document
    and quotation mask (the speech and attribution passes of one article share it; `forget`
    drops it), then only those of `cues`."""
    key = (id(model), id(inside))
    memo = doc.user_data.get("parley_cue_scores")
    if memo is not None and memo[0] == key and memo[1] is text:
        out = memo[2]
    else:
        allowed = model["_cueset"] or None
        out = [(c, score(model, features(c, lex, text))) for c in candidates(doc, text, lex, inside, allowed)]
        doc.user_data["parley_cue_scores"] = (key, text, out)
    return out if cues is None or cues == model["_cueset"] else \
        [(c, p) for c, p in out if c.kind == "according" or c.cue.lemma_.lower() in cues]
