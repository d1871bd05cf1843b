"""Transcript turns: paragraphs that open with a speaker label ("PUTIN: We are ready …",
"Vladimir Putin: Good afternoon …", or the same inside a quotation that opens the paragraph).

A label is one to four capitalised words and a colon at the paragraph's start. Labels count only
in a dialogue, where some label opens at least two paragraphs of the article, so one-off labels
("UPDATE:", "READ MORE:", "Kyiv:") are left alone, and only when their words are proper nouns
or written in capitals (not "Moderator", "Question", which name no one).
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Token

_LABEL = re.compile(r"[ \t]*[\"“«„]?[ \t]*((?:[A-Z][A-Za-z.'’-]*)(?: [A-Z][A-Za-z.'’-]*){0,3}):[ \t]+(?=\S)")
MIN_TURNS = 2
MIN_WORDS = 3  # a turn this long at least ("PUTIN: Thank you." is left alone)


def labels(doc: Doc, text: str, paras: list[tuple[int, int]], at, promo=()) -> dict[int, tuple[int, Token]]:
    """{paragraph index: (where the turn's words begin, the label's head token)} for each
    paragraph that opens with a dialogue speaker's label. `at(char)` is the token index there;
    labels with a word of `promo` ("READ MORE", "WATCH BELOW": the quote lexicon's
    promo_labels) are no speakers."""
    promo_words = {w for p in promo for w in p.split()}
    found = {}
    for pi, (lo, hi) in enumerate(paras):
        m = _LABEL.match(text, lo, hi)
        if m is None or len(text[m.end():hi].split()) < MIN_WORDS \
                or any(w in promo_words for w in m.group(1).lower().split()):
            continue
        toks = [t for t in doc[at(m.start(1)):at(m.end(1) - 1) + 1] if t.idx < m.end(1) and not t.is_punct]
        if toks and len(toks[-1].text) >= 2 and all(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" or t.is_upper
                                                    for t in toks):
            found[pi] = (m.group(1), m.end(), toks[-1])
    counts = Counter(label for label, _, _ in found.values())
    if not counts or max(counts.values()) < MIN_TURNS:
        return {}
    return {pi: (end, head) for pi, (_, end, head) in found.items()}


def headlines(doc: Doc, text: str, paras: list[tuple[int, int]], at, known, promo=()) -> list[tuple[int, int, Token]]:
    """Outside a dialogue, a paragraph "Peskov: Moscow stays open to talks" (a
    headline or summary line) reports the labelled person's words: (start, end, label head) of
    each, when `known(label)` says the label names a person (the actor knowledge base) and the
    words do not open with a quotation mark (a quotation is the direct quotes' business)."""
    if labels(doc, text, paras, at, promo):
        return []
    promo_words = {w for p in promo for w in p.split()}
    out = []
    for lo, hi in paras:
        m = _LABEL.match(text, lo, hi)
        if m is None or len(m.group(1).split()) > 3 or text[lo:m.start(1)].strip() \
                or any(w in promo_words for w in m.group(1).lower().split()) or not known(m.group(1)):
            continue
        end = hi
        while end > m.end() and text[end - 1] in " \t.;:,":
            end -= 1
        if len(text[m.end():end].split()) < MIN_WORDS or text[m.end()] in "\"“«„'‘":
            continue
        toks = [t for t in doc[at(m.start(1)):at(m.end(1) - 1) + 1] if t.idx < m.end(1) and not t.is_punct]
        if toks:
            out.append((m.end(), end, toks[-1]))
    return out
