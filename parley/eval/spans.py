"""Character spans: overlap, one-to-one greedy matching, quote-span trimming, sentence location."""
from __future__ import annotations

import re
from typing import Callable

Span = tuple[int, int]

# Double quotation marks are stripped from either end on their own; single marks only in pairs
# (a lone trailing apostrophe is a plural possessive, "the players'").
DOUBLE_MARKS = '"“”„‟«»‹›〝〞＂'
SINGLE_MARKS = "'‘’‚‛"
TRAILING_PUNCT = ",.;:"
_THAT = re.compile(r"that\s+")  # lower-case: a complementiser, not a quote opening "That …"


def overlap(a: Span, b: Span) -> float:
    """|a ∩ b| / max(|a|, |b|) of half-open character spans; 0.0 for empty spans."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    longest = max(a[1] - a[0], b[1] - b[0])
    if inter <= 0 or longest <= 0:
        return 0.0
    return inter / longest


def greedy(n_gold: int, n_pred: int, score: Callable[[int, int], float],
           min_score: float = 1e-9) -> list[tuple[int, int, float]]:
    """One-to-one greedy matching: all (gold, pred) index pairs with score ≥ min_score (and > 0),
    taken in descending score order (ties: gold index, then pred index), each side used once.
    Returns (gold index, pred index, score) triples."""
    pairs = []
    for gi in range(n_gold):
        for pi in range(n_pred):
            sc = score(gi, pi)
            if sc >= min_score and sc > 0:
                pairs.append((-sc, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for neg, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi, -neg))
    return out


def greedy_match(gold: list[Span], pred: list[Span], min_overlap: float = 1e-9) -> list[tuple[int, int, float]]:
    """`greedy` by span overlap: (gold index, pred index, overlap) triples."""
    return greedy(len(gold), len(pred), lambda gi, pi: overlap(gold[gi], pred[pi]), min_overlap)


def trim_quote(text: str, start: int, end: int) -> Span:
    """The quote span in the schema's form: surrounding whitespace, quotation marks, trailing
    , . ; : and, unless the span opens with a quotation mark, a leading lower-case "that "
    removed (repeatedly, in any order). Spans that would become empty are returned unchanged."""
    s, e = max(0, start), min(len(text), end)
    lead = text[s:e].lstrip()[:1]
    quoted = bool(lead) and (lead in DOUBLE_MARKS or lead in SINGLE_MARKS)
    while True:
        s0, e0 = s, e
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s] in DOUBLE_MARKS:
            s += 1
        while e > s and (text[e - 1] in DOUBLE_MARKS or text[e - 1] in TRAILING_PUNCT):
            e -= 1
        if e - s >= 2 and text[s] in SINGLE_MARKS and text[e - 1] in SINGLE_MARKS:
            s, e = s + 1, e - 1
        m = None if quoted else _THAT.match(text, s, e)
        if m and m.end() < e:
            s = m.end()
        if (s, e) == (s0, e0):
            break
    return (s, e) if e > s else (start, end)


def hull(spans: list[Span]) -> Span | None:
    """The smallest span covering all the given spans (None for none)."""
    if not spans:
        return None
    return min(s for s, _ in spans), max(e for _, e in spans)


def merge_adjacent(spans: list[Span], text: str, max_gap: int = 3) -> list[Span]:
    """Sorts spans and merges neighbours separated only by ≤ max_gap whitespace/punctuation
    characters (a quotation split at a sentence or paragraph break is still one quotation)."""
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out:
            gap = text[out[-1][1]:s]
            if s <= out[-1][1] or (len(gap) <= max_gap and not any(c.isalnum() for c in gap)):
                out[-1][1] = max(out[-1][1], e)
                continue
        out.append([s, e])
    return [(s, e) for s, e in out]


def norm_ws(s: str) -> str:
    return " ".join((s or "").split())


def locate(text: str, sentence: str, start: int = -1, end: int = -1) -> Span | None:
    """Where an evidence sentence sits in the article text: the given offsets if they hold it,
    else its first exact occurrence, else its first occurrence up to whitespace; None if absent."""
    if not sentence or not text:
        return None
    if 0 <= start < end <= len(text) and norm_ws(text[start:end]) == norm_ws(sentence):
        return start, end
    i = text.find(sentence)
    if i >= 0:
        return i, i + len(sentence)
    words = sentence.split()
    if not words:
        return None
    m = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return (m.start(), m.end()) if m else None
