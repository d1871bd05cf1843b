"""Where reported content begins and ends (used by `indirect`): complement clauses split at
"that A and that B", an attribution inside the content ("C1, X said, C2"), a clause that goes on
after it ("C, X added, and C2"), a participle attribution that closes it (", adding …"), a
dangling conjunction; and what has no content: indirect questions ("declined to say why …") and
the addressee's passive ("was told")."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import Lexicon
from .syntax import OPEN_MARKS, content_span, is_cue, subtree_bounds

INTERRUPTED_MIN_WORDS = 1  # "Russia, he said, would …": the subject before the cue is a piece too


@dataclass
class Reported:
    start: int
    end: int
    cue: Token
    cue_text: str
    speaker: Token | None
    p: float | None = None  # the learned cue model's probability, when it found it


def content(doc: Doc, text: str, first: int, last: int) -> tuple[int, int] | None:
    return content_span(doc, text, first, last, shortest=3)


def complement_clauses(c: Token) -> list[tuple[int, int]]:
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


def n_words(text: str, s: int, e: int) -> int:
    return len(text[s:e].split())


def strip_cc(doc: Doc, first: int, last: int) -> int:
    """`last` without a dangling conjunction ("the talks were difficult but")."""
    while last > first and (doc[last].dep_ == "cc" or doc[last].is_punct and doc[last].text not in "\"”’'»?!"):
        last -= 1
    return last


def before_participle(doc: Doc, lex: Lexicon, first: int, last: int) -> int:
    """`last`, or where the content ends before a participle attribution by the same speaker
    inside first..last: ', stating/adding …' (a quote broken by a cue is two quotes)."""
    for k in range(first + 2, last + 1):
        x = doc[k]
        if x.dep_ == "conj" and is_cue(x, lex) and k + 2 <= last and doc[k + 1].text in (",", ":") \
                and doc[k + 2].text in OPEN_MARKS and not any(c.dep_ == "nsubj" for c in x.children):
            j = x.left_edge.i - 1  # 'said it was too early but added, "…"': the quotation is its own
            while j > first and (doc[j].is_punct or doc[j].dep_ == "cc"):
                j -= 1
            return j
        if x.tag_ != "VBG" or not is_cue(x, lex) or x.dep_ not in ("advcl", "xcomp", "conj", "acl"):
            continue
        j = x.left_edge.i - 1
        while j > first and doc[j].text in "\"”’'" and doc[j].is_punct:
            j -= 1
        if doc[j].text in (",", "—", "–"):
            while j > first and (doc[j].is_punct or doc[j].dep_ == "cc"):
                j -= 1
            return j
    return last


def own_clause(c: Token, lex: Lexicon) -> bool:
    """A finite adverbial clause with its own subject ("as rescuers searched …", "because Russia
    has shown …"), not the speaker's own doing ("after meeting Rubio", "eyes welling up") or a
    further cue."""
    return c.dep_ == "advcl" and not is_cue(c, lex) and finite(c) \
        and any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)


def finite(c: Token) -> bool:
    """A finite clause head ("searched", "has shown"), not a participle ("eyes welling up")."""
    return c.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(x.dep_ in ("aux", "auxpass") for x in c.children)


def continued(doc: Doc, text: str, t: Token, lex: Lexicon) -> tuple[int, int] | None:
    """After "C, X said": the rest of C's clause when it goes on after the attribution
    (", and had passed all checks", ", mainly because …", ", as rescuers searched …"), whether
    parsed on C's verb or, as a conjunct, on the cue."""
    h = t.head
    stop = min([c.i for c in t.children if c.dep_ in ("cc", "conj") and c.i > t.i] + [len(doc)])
    # "officials said, as rescuers searched …": a clause set off after the cue goes on with C
    tail = [c for c in t.children if c.i > t.i and own_clause(c, lex) and doc[c.left_edge.i - 1].text == ","]
    if tail:
        stop = min(stop, tail[0].left_edge.i - 1)
    own = [c for c in t.children if c.i < stop]
    k = max([t.i] + [c.right_edge.i for c in own])
    while k > t.i and doc[k].is_punct:
        k -= 1
    k += 1
    end = max(h.right_edge.i, t.right_edge.i if stop < len(doc) else -1)
    while end > k and doc[end].is_punct:
        end -= 1
    if k + 2 >= len(doc) or k >= end or doc[k].text not in (",", "—", "–"):
        return None
    nxt = doc[k + 1] if doc[k + 1].dep_ != "cc" else doc[k + 2]
    if nxt.lower_ == "according" or is_cue(nxt, lex) or nxt.sent.start != t.sent.start:
        return None  # ", adding …", ", according to …": an attribution of its own
    if stop < len(doc) and doc[k + 1].dep_ == "cc":
        conj = next((c for c in t.children if c.dep_ == "conj" and c.i > k), None)
        if conj is not None and (is_cue(conj, lex) or any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)):
            return None  # "C, he said, and added …", "C, he said, and the others agreed"
    if doc[k + 1].dep_ != "cc" and not any(x.dep_ in ("nsubj", "nsubjpass") for x in doc[k + 1:end + 1]):
        return None  # ", after meeting Rubio": no clause of its own, perhaps the speaker's doing
    span = content(doc, text, k + 1, end)
    return span if span and n_words(text, *span) >= 3 else None


def interrupted(doc: Doc, text: str, t: Token, who: Token) -> list[Reported]:
    """The content around a parenthetical attribution: the part after it, and the part before it
    (however short: "[[Russia]], he said, [[would never accept]]" is two pieces, as GGT and
    PolNeAR annotate it)."""
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
    before = content(doc, text, first, lo - 1)
    after = content(doc, text, hi + 1, last)
    if before and n_words(text, *before) >= INTERRUPTED_MIN_WORDS:
        out.append(Reported(*before, t, t.text, who))
    if after and n_words(text, *after) >= 2:
        out.append(Reported(*after, t, t.text, who))
    return out


ADDRESSEE_PASSIVE = ("tell", "inform", "assure", "reassure", "advise", "warn", "promise", "remind", "brief",
                     "notify")


def told_passive(t: Token) -> bool:
    """A passive cue whose subject is the addressee, with no agent: "was told", "having been
    told", "had been diagnosed and told"."""
    if t.lemma_.lower() not in ADDRESSEE_PASSIVE or any(c.dep_ in ("agent", "nsubj", "dobj", "dative")
                                                        for c in t.children):
        return False
    if t.tag_ == "VBN" and any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children):
        return True
    h = t.head  # "had been diagnosed … and told"
    return t.dep_ == "conj" and t.tag_ in ("VBN", "VBD") and h.tag_ == "VBN" \
        and any(c.dep_ == "auxpass" for c in h.children)


WH = ("whether", "if", "why", "how", "what", "when", "where", "who", "whom", "which")


def question(c: Token, cue: Token) -> bool:
    """A complement clause after its cue that is an indirect question: "whether/if …",
    "why/how/what …" (not a relative pronoun before the cue: "the plan which X said …")."""
    first = c.left_edge
    if first.i < cue.i:
        return False
    if first.lower_ in ("whether", "if") and first.dep_ == "mark" and first.head.i == c.i:
        return True
    return first.lower_ in WH and first.tag_ in ("WRB", "WP", "WDT") and first.head.i == c.i
