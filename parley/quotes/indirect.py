"""Indirect (reported) speech from the dependency parse.

"X said (that) C", "X told reporters C", "C, X said", "X added/noted/warned … C",
"X wrote on Telegram that C" (a reporting verb with a clausal complement and a subject), and
"according to X, C" / "C, according to X". The content span is the complement clause without the
complementiser "that"; cues inside quotation marks are ignored.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import Lexicon
from .syntax import VERBAL, according_to, char_span, is_cue, subject, subtree_bounds, trim


@dataclass
class Reported:
    start: int
    end: int
    cue: Token
    cue_text: str
    speaker: Token | None


def _content(doc: Doc, text: str, first: int, last: int) -> tuple[int, int] | None:
    while first <= last and (doc[first].dep_ == "mark" and doc[first].lower_ in ("that", "whether", "if")
                             or doc[first].is_punct and doc[first].text not in "\"“‘'«„"):
        first += 1
    while last >= first and doc[last].is_punct and doc[last].text not in "\"”’'»?!":
        last -= 1
    if last < first:
        return None
    s, e = trim(text, *char_span(doc, first, last))
    if e - s < 3:
        return None
    return s, e




def _clauses(c: Token) -> list[tuple[int, int]]:
    """Token ranges of a complement clause; "that A and that B" gives two."""
    split = [x for x in c.children if x.dep_ == "conj" and x.i > c.i
             and any(m.dep_ == "mark" for m in x.children)]
    if not split:
        return [subtree_bounds(c)]
    out = []
    lo = c.left_edge.i
    for x in split:
        hi = x.left_edge.i - 1
        while hi > lo and (c.doc[hi].dep_ == "cc" or c.doc[hi].is_punct):
            hi -= 1
        out.append((lo, hi))
        lo = x.left_edge.i
    out.append((lo, c.right_edge.i))
    return out


def _n_words(text: str, s: int, e: int) -> int:
    return len(text[s:e].split())


def find(doc: Doc, text: str, lex: Lexicon, inside, belief: bool = False) -> list[Reported]:
    """Reported speech outside quotation marks (`inside(token)` is True within them); with
    `belief`, verbs of belief and intent ("analysts believe") count too."""
    out: list[Reported] = []
    for t in doc:
        if inside(t):
            continue
        if t.lower_ == "according":
            who = according_to(t)
            if who is None or inside(who):
                continue
            head = t.head
            if head.i == t.i or head.pos_ not in VERBAL:
                continue
            first, last = subtree_bounds(head, exclude=t)
            span = _content(doc, text, first, last)
            if span:
                out.append(Reported(*span, t, "according to", who))
            continue
        if not (is_cue(t, lex, belief=belief) or (t.lemma_.lower() in lex.phrases and t.pos_ in VERBAL)):
            continue
        speech = is_cue(t, lex)
        who = subject(t, lex)
        if who is None or inside(who):
            continue
        if not speech and who.lower_ in ("i", "we", "you"):
            continue
        lemma = t.lemma_.lower()
        if lemma in lex.not_indirect or any(c.dep_ == "neg" for c in t.children):
            continue  # questions, and what someone did not say
        if lemma in lex.evidence and not (who.pos_ in ("PROPN", "PRON") or who.ent_type_
                                          or who.lemma_.lower() in lex.speakers):
            continue  # "the data suggest …" is evidence, not speech
        cue_text = t.text
        # phrasal cues: "made clear that", "called for X", "pointed out that"
        parts = lex.phrases.get(lemma, [])
        prt = next((c for c in t.children if c.lower_ in parts and c.dep_ in ("prt", "prep", "acomp",
                                                                               "oprd", "dobj", "ccomp")), None)
        if parts and prt is None:
            if lemma not in lex.speech:
                continue
        elif prt is not None:
            cue_text = text[t.idx:prt.idx + len(prt.text)]
            if prt.dep_ == "prep":
                obj = next((c for c in prt.children if c.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    span = _content(doc, text, *subtree_bounds(obj))
                    if span and _n_words(text, *span) >= 2:
                        out.append(Reported(*span, t, cue_text, who))
                continue
        comp = [c for c in t.children if c.dep_ == "ccomp" and (prt is None or c.i != prt.i)]
        if not comp and prt is not None:
            comp = [c for c in prt.children if c.dep_ == "ccomp"]
        if comp:
            cue_end = (prt or t).idx + len((prt or t).text)
            clauses = _clauses(comp[0])
            if comp[0].i > t.i:
                # what follows the content in the cue's clause belongs to it ("said she's
                # excited about the study because it provides evidence")
                tail = max(x.i for x in t.subtree)
                end = clauses[-1][1]
                k = end + 1
                while k <= tail and not is_cue(doc[k], lex) and doc[k].lower_ != "according" \
                        and doc[k].text not in (";", ":"):
                    k += 1
                while k - 1 > end and doc[k - 1].is_punct:
                    k -= 1
                clauses[-1] = (clauses[-1][0], max(end, k - 1))
            for first, last in clauses:
                span = _content(doc, text, first, last)
                if span and (span[0] >= cue_end or span[1] <= t.idx):
                    out.append(Reported(*span, t, cue_text, who))
            continue
        obj = [c for c in t.children if c.dep_ in ("dobj", "pcomp")]
        if obj and lemma in lex.objects:
            first, last = subtree_bounds(obj[0])
            # "described the talks as …"
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "as" and c.i > last:
                    last = max(last, c.right_edge.i)
            span = _content(doc, text, first, last)
            if span and _n_words(text, *span) >= 2:
                out.append(Reported(*span, t, cue_text, who))
            continue
        # "C, X said": the cue hangs on the content's verb
        if speech and t.dep_ in ("parataxis", "advcl", "ccomp") and t.head.pos_ in VERBAL \
                and t.head.i < t.i and not inside(t.head) and not is_cue(t.head, lex, belief=True):
            if any(c.dep_ in ("dobj", "xcomp") for c in t.children):
                continue
            first, last = subtree_bounds(t.head, exclude=t)
            last = min(last, t.left_edge.i - 1)
            # the content ends with a comma right before the attribution: "C, X said"
            if last < first or doc[last].text not in (",", "—", "–") and not (
                    last + 1 < len(doc) and doc[last + 1].text in (",", "—", "–")):
                continue
            if any(is_cue(x, lex) and x.dep_ not in ("amod",) for x in doc[first:last + 1]
                   if x.i != t.head.i and not inside(x)):
                continue
            span = _content(doc, text, first, last)
            if span:
                out.append(Reported(*span, t, t.text, who))
    return out
