"""Speaker labels at a paragraph's start: one to four capitalised words and a colon.

* Transcript turns (`labels`): "PUTIN: We are ready …", "Vladimir Putin: Good afternoon …", or
  the same inside a quotation that opens the paragraph. Labels count only in a dialogue, where
  some label opens at least two paragraphs of the article, so one-off labels ("UPDATE:",
  "Kyiv:") are left alone, and only when their words are proper nouns or written in capitals
  (not "Moderator", "Question", which name no one).
* Headline lines (`headlines`): outside a dialogue, "Peskov: Moscow stays open to talks" reports
  the words of a person the caller knows (the actor knowledge base).
Labels with a word of the quote lexicon's promo_labels ("READ MORE", "WATCH BELOW") are never
speakers.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Token

_LABEL = re.compile(r"[ \t]*[\"“«„]?[ \t]*((?:[A-Z][A-Za-z.'’-]*)(?: [A-Z][A-Za-z.'’-]*){0,3}):[ \t]+(?=\S)")
MIN_TURNS = 2
MIN_WORDS = 3  # a turn this long at least ("PUTIN: Thank you." is left alone)
OPENING_MARKS = "\"“«„'‘"


def _labelled(text: str, paras: list[tuple[int, int]], promo) -> dict[int, re.Match]:
    """{paragraph index: label match} for the paragraphs opening with a label that is no promo
    and followed by MIN_WORDS words at least."""
    promo_words = {w for p in promo for w in p.split()}
    out = {}
    for pi, (lo, hi) in enumerate(paras):
        m = _LABEL.match(text, lo, hi)
        if m is not None and len(text[m.end():hi].split()) >= MIN_WORDS \
                and not any(w in promo_words for w in m.group(1).lower().split()):
            out[pi] = m
    return out


def _label_tokens(doc: Doc, m: re.Match, at) -> list[Token]:
    return [t for t in doc[at(m.start(1)):at(m.end(1) - 1) + 1] if t.idx < m.end(1) and not t.is_punct]


def labels(doc: Doc, text: str, paras: list[tuple[int, int]], at, promo=()) -> dict[int, tuple[int, Token]]:
    """{paragraph index: (where the turn's words begin, the label's head token)} for each
    paragraph that opens with a dialogue speaker's label. `at(char)` is the token index there."""
    found = {}
    for pi, m in _labelled(text, paras, promo).items():
        toks = _label_tokens(doc, m, at)
        if toks and len(toks[-1].text) >= 2 and all(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" or t.is_upper
                                                    for t in toks):
            found[pi] = (m.group(1), m.end(), toks[-1])
    counts = Counter(label for label, _, _ in found.values())
    if not counts or max(counts.values()) < MIN_TURNS:
        return {}
    return {pi: (end, head) for pi, (_, end, head) in found.items()}


def headlines(doc: Doc, text: str, paras: list[tuple[int, int]], at, known, promo=()) -> list[tuple[int, int, Token]]:
    """(start, end, label head) of each headline line (call it outside a dialogue, where
    `labels` found nothing): its label of at most three words opens the paragraph unquoted,
    `known(label)` says it names a person, and its words do not open with a quotation mark (a
    quotation is the direct quotes' business)."""
    out = []
    for pi, m in _labelled(text, paras, promo).items():
        lo, hi = paras[pi]
        if len(m.group(1).split()) > 3 or text[lo:m.start(1)].strip() or text[m.end()] in OPENING_MARKS \
                or not known(m.group(1)):
            continue
        end = hi
        while end > m.end() and text[end - 1] in " \t.;:,":
            end -= 1
        toks = _label_tokens(doc, m, at)
        if toks and len(text[m.end():end].split()) >= MIN_WORDS:
            out.append((m.end(), end, toks[-1]))
    return out
