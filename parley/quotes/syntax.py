"""Dependency-parse helpers: cue verbs, their subjects, noun-phrase spans, clause spans."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import Lexicon

SUBJ = ("nsubj", "nsubjpass", "csubj")
# Children that end a speaker's noun phrase: "Karlsson, who received…", "Fidan, the minister,".
NP_STOP = {"relcl", "appos", "punct", "parataxis", "advcl", "acl", "ccomp", "dep"}
VERBAL = ("VERB", "AUX")
SPEECH_HINT = {"say", "tell", "add", "note", "state", "write", "assert", "insist", "argue", "claim",
               "stress", "explain", "announce", "confirm", "declare"}
PUNCT_EDGE = set(" \n\t\u00a0,;:.-—–()[]\"'“”‘’«»")


def is_cue(tok: Token, lex: Lexicon, belief: bool = False) -> bool:
    """A reporting verb (or, with `belief`, a verb of belief/intent)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in VERBAL and not (tok.tag_.startswith("VB")):
        return False
    if lemma == "be" or lemma == "have":
        return False
    return lemma in lex.speech or (belief and lemma in lex.belief)


def according_to(tok: Token) -> Token | None:
    """For "according" in "according to X": the token X (the pobj of "to")."""
    if tok.lower_ != "according":
        return None
    for c in tok.children:
        if c.lower_ == "to":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "to":
        for p in nxt.children:
            if p.dep_ == "pobj":
                return p
    return None


def subject(verb: Token, lex: Lexicon | None = None) -> Token | None:
    """The speaker token of a cue verb: its subject; for "adding"/"saying" participles and
    conjoined verbs ("said … and added"), the subject of the verb they hang on; the agent of a
    passive ("was told by X" is not speech, so only "by" with said/stated…)."""
    seen = 0
    v = verb
    while v is not None and seen < 4:
        subjs = [c for c in v.children if c.dep_ in SUBJ and c.dep_ != "csubj"]
        if len(subjs) > 1 and subjs[0].i + 1 < len(verb.doc) and verb.doc[subjs[0].i + 1].text == ":":
            subjs = subjs[1:]  # a label parsed as a subject: "Details: Kuleba noted …"
        for c in subjs[:1]:
            # a participle's clause: only a subject that can speak ("Umerov asserted that
            # movements would breach …, emphasizing …" is Umerov's, not the movements')
            if v.i == verb.i or c.pos_ in ("PROPN", "PRON") or c.ent_type_ or v.lemma_ in SPEECH_HINT \
                    or (lex is not None and c.lemma_.lower() in lex.speakers):
                return c
        for c in v.children:
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p
        if v.dep_ in ("advcl", "xcomp", "conj", "acl", "ccomp") and v.head.i != v.i \
                and v.head.pos_ in VERBAL and (v.dep_ != "ccomp" or v.i != verb.i):
            v = v.head
            seen += 1
            continue
        break
    return None


def np_bounds(head: Token) -> tuple[int, int]:
    """Token range [first, last] of the noun phrase headed by `head`, without relative clauses,
    appositions and trailing punctuation."""
    first = last = head.i
    for c in head.children:
        if c.dep_ in NP_STOP:
            continue
        sub = list(c.subtree)
        lo, hi = sub[0].i, sub[-1].i
        if c.i < head.i:
            first = min(first, lo)
        else:
            last = max(last, hi)
    # cut at any excluded child that starts inside the range (keep the head side)
    for c in head.children:
        if c.dep_ in NP_STOP and c.i > head.i and c.left_edge.i <= last:
            last = max(head.i, c.left_edge.i - 1)
    doc = head.doc
    # hyphenated names split by the tokenizer: "Wilson-Raybould"
    while last + 2 < len(doc) and doc[last].whitespace_ == "" and doc[last + 1].text in "-‐" \
            and doc[last + 1].whitespace_ == "" and doc[last + 2].is_alpha:
        last += 2
    # never across a line break; no dateline or number before a name ("2025-05-16 Ukrainian …")
    for k in range(last, first, -1):
        if "\n" in doc[k - 1].whitespace_ or "\n" in doc[k - 1].text:
            first = k
            break
    while first < last and (doc[first].is_punct or doc[first].like_num
                            or any(ch.isdigit() for ch in doc[first].text)):
        first += 1
    while last > first and (doc[last].is_punct or doc[last].lower_ in ("and", "or")):
        last -= 1
    return first, last


def char_span(doc: Doc, first: int, last: int) -> tuple[int, int]:
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip whitespace and edge punctuation (keeps closing ?!. inside sentences? no: those are
    content; only separators are removed)."""
    while s < e and text[s] in PUNCT_EDGE and text[s] not in "\"“‘'«„":
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-("):
        e -= 1
    return s, e


def subtree_bounds(tok: Token, exclude: Token | None = None) -> tuple[int, int]:
    """Token range of `tok`'s subtree; with `exclude`, the part on tok's side of that child."""
    toks = [t for t in tok.subtree]
    if exclude is not None:
        ex = {t.i for t in exclude.subtree}
        toks = [t for t in toks if t.i not in ex]
        # keep the contiguous run that holds tok
        idx = {t.i for t in toks}
        lo = hi = tok.i
        while lo - 1 in idx:
            lo -= 1
        while hi + 1 in idx:
            hi += 1
        return lo, hi
    return toks[0].i, toks[-1].i


OPEN_MARKS = "\"“‘'«„"


def content_span(doc: Doc, text: str, first: int, last: int, shortest: int = 3) -> tuple[int, int] | None:
    """The reported content of tokens first..last: without a leading "that/whether/if" or
    punctuation (an opening quotation mark stays) and trailing punctuation (closing marks, ? and !
    stay); None when under `shortest` characters."""
    while first <= last and (doc[first].dep_ == "mark" and doc[first].lower_ in ("that", "whether", "if")
                             or doc[first].is_punct and doc[first].text not in OPEN_MARKS):
        first += 1
    while last >= first and doc[last].is_punct and doc[last].text not in "\"”’'»?!":
        last -= 1
    if last < first:
        return None
    s, e = trim(text, *char_span(doc, first, last))
    return (s, e) if e - s >= shortest else None
