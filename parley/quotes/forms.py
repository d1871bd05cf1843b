"""Reported forms beyond "X said C" (used by `indirect`): a claim noun with its owner ("his claim
that C"), a directive ("urged X to C", "called on X to C"), naming ('called the plan a bandage
solution'), a pull quote signed at its paragraph's end, and link lines that are no content
("READ MORE: X says …")."""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

from .content import Reported, content, n_words
from .lexicon import Lexicon
from .syntax import OPEN_MARKS, subtree_bounds


def claim(doc: Doc, text: str, n: Token) -> tuple[int, int] | None:
    """The "that" clause of a statement noun ("his claim that C") → C."""
    cl = next((c for c in n.children if c.dep_ in ("acl", "ccomp", "appos") and c.i > n.i
               and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if cl is None:
        return None
    span = content(doc, text, *subtree_bounds(cl))
    return span if span and n_words(text, *span) >= 3 else None


def directive(doc: Doc, text: str, t: Token, preps: list[str]) -> tuple[tuple[int, int], str] | None:
    """A request or instruction to an addressee: "urged X to C", "told X to C", "called on X to
    C" → the infinitive clause C ("to C") and the cue text."""
    x = next((c for c in t.children if c.dep_ == "xcomp" and c.i > t.i
              and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if x is None:
        return None
    cue_end = t
    if preps:
        p = next((c for c in t.children if c.dep_ in ("prep", "prt") and c.lower_ in preps and c.i < x.i
                  and any(o.dep_ == "pobj" for o in c.children)), None)
        if p is None:
            return None
        cue_end = p
    elif not any(c.dep_ in ("dobj", "dative") and t.i < c.i < x.i for c in t.children):
        return None
    span = content(doc, text, *subtree_bounds(x))
    if span is None or n_words(text, *span) < 2:
        return None
    return span, text[t.idx:cue_end.idx + len(cue_end.text)]


def naming(doc: Doc, text: str, t: Token) -> tuple[int, int] | None:
    """'called the plan a bandage solution': the predicate the subject gives the object (with
    the prepositional phrases right after it: "the clearest point at the intersection")."""
    o = next((c for c in t.children if c.dep_ == "oprd" and c.i > t.i), None)
    if o is None or not any(c.dep_ == "dobj" and t.i < c.i < o.i for c in t.children):
        return None
    first, last = subtree_bounds(o)
    for c in sorted(t.children, key=lambda c: c.i):
        if c.dep_ == "prep" and c.left_edge.i == last + 1:
            last = c.right_edge.i
    span = content(doc, text, first, last)
    if span and text[span[0]] in OPEN_MARKS and text[span[1] - 1] in "\"”’'»":
        return None  # 'called the report “absurd”': the quotation is the direct quote
    return span


def promo(text: str, r: "Reported", lex: Lexicon) -> bool:
    """The content is a link or promo label, or in a link line ("READ MORE: X says …")."""
    if text[r.start:r.end].strip(" :").lower() in lex.promo:
        return True
    lo = text.rfind("\n", 0, r.start) + 1
    head = text[lo:r.start]
    return ":" in head and head.split(":", 1)[0].strip().lower() in lex.promo


SIGNED = re.compile(r"[.!?)]\s+([A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})(?:,[^.!?\n]{1,60})?\.\s*$")


def signed(doc: Doc, text: str, lex: Lexicon, inside) -> list[Reported]:
    """A pull quote signed by a name at its paragraph's end: "It's very bad for our seniors.
    Rod Peters, Lake Cowichan mayor." → the words before the name, spoken by the name (not a
    byline or credit on a line of its own: "Jane Doe, The Canadian Press.")."""
    out: list[Reported] = []
    starts = None
    for m in re.finditer(r"[^\n]+", text):
        sm = SIGNED.search(m.group())
        if sm is None:
            continue
        n0 = m.start() + sm.start(1)
        sign = text[n0:m.end()].lower()
        if any(w in sign for w in lex.credits):
            continue
        if starts is None:
            starts = doc.to_array("IDX").tolist()
        i = bisect.bisect_left(starts, n0)
        if i >= len(doc) or doc[i].idx != n0 or not doc[i].is_sent_start or doc[i].pos_ != "PROPN" \
                or inside(doc[i]):
            continue
        j = i
        while j + 1 < len(doc) and doc[j + 1].idx < m.end() and doc[j + 1].pos_ == "PROPN":
            j += 1
        if any(t.pos_ in ("VERB", "AUX") for t in doc[i:bisect.bisect_left(starts, m.end())]):
            continue  # a sentence of its own, not a signature
        span = content(doc, text, bisect.bisect_left(starts, m.start()), i - 1)
        if span and n_words(text, *span) >= 6 and not inside(doc[bisect.bisect_left(starts, span[0])]):
            out.append(Reported(*span, doc[j], "", doc[j]))
    return out
