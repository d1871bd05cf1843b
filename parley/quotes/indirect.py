"""Indirect (reported) speech from the dependency parse.

"X said (that) C", "X told reporters C", "C, X said", "X added/noted/warned … C",
"X wrote on Telegram that C" (a reporting verb with a clausal complement and a subject), and
"according to X, C" / "C, according to X". The content span is the complement clause without the
complementiser "that"; cues inside quotation marks are ignored.

After the rules, the learned cue model (`cue_model`, trained on PolNeAR) proposes attributions on
the verbs the rules left alone; `attribution_model` in the quote lexicon decides which are kept:
"speech" (default) only reported speech in the schema's sense (a reporting verb that can take
indirect content, not negated, clausal content; an evidence verb only with a subject that can
speak), "broad" everything the model finds, "off" none.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from . import cue_model
from .lexicon import Lexicon
from .syntax import VERBAL, according_to, content_span, is_cue, subject, subtree_bounds


SPEECH_KINDS = ("comp", "pre", "head")
INTERRUPTED_MIN_WORDS = 4  # "Russia, he said, would …": a bare subject before the cue is no quote


@dataclass
class Reported:
    start: int
    end: int
    cue: Token
    cue_text: str
    speaker: Token | None


def _content(doc: Doc, text: str, first: int, last: int) -> tuple[int, int] | None:
    return content_span(doc, text, first, last, shortest=3)


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
    """Reported speech outside quotation marks (`inside(token)` is True within them): the rules
    below, then what the learned cue model (`cue_model`) finds on verbs the rules left alone.
    With `belief`, verbs of belief and intent ("analysts believe") count for the rules too."""
    out = _rules(doc, text, lex, inside, belief)
    return out + _learned(doc, text, lex, inside, out)


def _speech(c: cue_model.Candidate, lex: Lexicon) -> bool:
    """The schema's notion of reported speech, as the rules apply it: a reporting verb that can
    take indirect content, not negated, with clausal content (an evidence verb only with a
    subject that can speak)."""
    if c.kind == "according":
        return True
    t, lemma = c.cue, c.cue.lemma_.lower()
    if lemma not in lex.speech or lemma in lex.not_indirect or c.kind not in SPEECH_KINDS:
        return False
    if any(x.dep_ == "neg" for x in t.children):
        return False
    who = c.speaker
    if lemma in lex.evidence and not (who is not None and (who.pos_ in ("PROPN", "PRON") or who.ent_type_
                                                         or who.lemma_.lower() in lex.speakers)):
        return False
    return True


def _learned(doc: Doc, text: str, lex: Lexicon, inside, rules: list[Reported]) -> list[Reported]:
    m = cue_model.mode()
    if m == "off":
        return []
    broad = m == "broad"
    used = {r.cue.i for r in rules}
    lemmas, kinds = (None, None) if broad else (lex.speech - lex.not_indirect, SPEECH_KINDS + ("according",))
    out = []
    for c, _p in cue_model.find(doc, text, lex, inside, lemmas=lemmas, skip=used, kinds=kinds):
        if c.speaker is not None and inside(c.speaker):
            continue
        if not broad and not _speech(c, lex):
            continue
        cue_text = "according to" if c.kind == "according" else c.cue.text
        out.append(Reported(c.start, c.end, c.cue, cue_text, c.speaker))
    return out


def _rules(doc: Doc, text: str, lex: Lexicon, inside, belief: bool = False) -> list[Reported]:
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
            continue
        # "C1, X said, C2": the attribution set off by commas inside the content's clause
        if speech and who is not None and t.dep_ in ("parataxis", "advcl") and t.head.i > t.i \
                and not inside(t.head):
            out.extend(_interrupted(doc, text, t, who))
    return out


def _interrupted(doc: Doc, text: str, t: Token, who: Token) -> list[Reported]:
    """The content around a parenthetical attribution: the part after it, and the part before it
    when that is a clause of its own (not just the subject)."""
    h = t.head
    lo, hi = t.left_edge.i, t.right_edge.i
    while lo < t.i and doc[lo].is_punct:
        lo += 1
    while hi > t.i and doc[hi].is_punct:
        hi -= 1
    first, last = h.left_edge.i, h.right_edge.i
    if not (first < lo and hi < last) or doc[lo - 1].text not in (",", "—", "–") \
            or hi + 1 >= len(doc) or doc[hi + 1].text not in (",", "—", "–"):
        return []
    if any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in t.children):
        return []
    out = []
    before = _content(doc, text, first, lo - 1)
    after = _content(doc, text, hi + 1, last)
    if before and _n_words(text, *before) >= INTERRUPTED_MIN_WORDS:
        out.append(Reported(*before, t, t.text, who))
    if after and _n_words(text, *after) >= 2:
        out.append(Reported(*after, t, t.text, who))
    return out
