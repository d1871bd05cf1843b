"""Dependency-parse helpers: cue verbs, their subjects, noun-phrase spans, clause spans."""
from __future__ import annotations

import re
from collections.abc import Iterator

import numpy as np
from spacy.tokens import Doc, Token

from .lexicon import Lexicon

SUBJ = ("nsubj", "nsubjpass", "csubj")
# Children that end a speaker's noun phrase: "Karlsson, who received…", "Fidan, the minister,".
NP_STOP = {"relcl", "appos", "punct", "parataxis", "advcl", "acl", "ccomp", "dep"}
PHRASE_STOP = {"parataxis", "advcl", "ccomp", "dep"}  # a source phrase keeps appositions and relative clauses
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


def lemma_tokens(doc: Doc, lemmas) -> Iterator[Token]:
    """In order, the tokens whose lower-cased lemma is in `lemmas`, and every "according",
    found on the document's arrays without making a Token of every word."""
    strings = doc.vocab.strings
    arr = doc.to_array(["LEMMA", "LOWER"])
    if not len(arr):
        return
    ok = [h for h in np.unique(arr[:, 0]).tolist() if strings[h].lower() in lemmas]
    hit = np.isin(arr[:, 0], np.array(ok, dtype=arr.dtype)) | (arr[:, 1] == np.uint64(strings["according"]))
    for i in np.flatnonzero(hit).tolist():
        yield doc[i]


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
    """The speaker token of a cue verb: its subject; for "adding"/"saying" participles, "by
    joking that" and conjoined verbs ("said … and added"), the subject of the verb they hang on;
    the agent of a passive ("were told by the minister that": the minister; not "was quoted by
    media as saying"); a name glued to a zero-width character ("Traeger\u200b said")."""
    seen = 0
    v = verb
    conj = True  # every step so far from a conjoined verb to its head: they share the subject
    while v is not None and seen < 4:
        subjs = [c for c in v.children if c.dep_ in SUBJ and c.dep_ != "csubj"]
        if len(subjs) > 1 and subjs[0].i + 1 < len(verb.doc) and verb.doc[subjs[0].i + 1].text == ":":
            subjs = subjs[1:]  # a label parsed as a subject: "Details: Kuleba noted …"
        agent = next((p for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"),
                     None)
        if agent is not None and v.i == verb.i and v.lemma_.lower() not in QUOTED_BY \
                and any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
            return agent  # "were told by the minister that …": the minister spoke
        if v.i == verb.i and subjs:
            owner = _acl_owner(verb, subjs[0])
            if owner is not None:
                return owner
        speech = SPEECH_HINT if lex is None else lex.speech
        if conj and v.i != verb.i and v.dep_ == "ccomp" and v.head.lemma_.lower() in speech \
                and verb.lemma_.lower() in speech:
            subjs = []  # "X said it was … but added …" parsed as "it was … and added": X's
        for c in subjs[:1]:
            # a participle's clause: only a subject that can speak ("Umerov asserted that
            # movements would breach …, emphasizing …" is Umerov's, not the movements'); a
            # conjoined verb shares its head's subject ("Authorities described … and said …")
            if v.i == verb.i or c.pos_ in ("PROPN", "PRON") or c.ent_type_ or v.lemma_ in SPEECH_HINT \
                    or (lex is not None and c.lemma_.lower() in lex.speakers) \
                    or (conj and c.pos_ == "NOUN" and v.dep_ != "ccomp" and agent is None) \
                    or (lex is not None and any(d.dep_ == "dobj" and d.lemma_.lower() in lex.statements
                                                for d in v.children)):  # "issued a statement, saying"
                return c
        if agent is not None:
            return agent
        if v.i == verb.i and not subjs:
            prev = _glued_name(verb) or _stranded_subject(verb) or _after_quote_owner(verb)
            if prev is not None:
                return prev
        conj = conj and v.dep_ == "conj"
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in VERBAL \
                and (lex is None or verb.lemma_.lower() in lex.speech):
            v = v.head.head  # "interrupted her by joking that …", "after saying that …, he left"
            seen += 1
            conj = False
            continue
        if v.dep_ in ("advcl", "xcomp", "conj", "acl", "ccomp") and v.head.i != v.i \
                and v.head.pos_ in VERBAL and (v.dep_ != "ccomp" or v.i != verb.i):
            v = v.head
            seen += 1
            continue
        break
    return None


# "X was quoted/cited by Y as saying": X spoke, Y reported it.
QUOTED_BY = ("quote", "cite")
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


def _glued_name(verb: Token) -> Token | None:
    """A name the tokenizer glued to a zero-width character just before the verb ("Traeger\u200b
    said"), which the parser then takes for punctuation."""
    if verb.i == 0:
        return None
    prev = verb.doc[verb.i - 1]
    if prev.dep_ in ("punct", "dep", "npadvmod") and prev.head.i == verb.i and prev.text[-1:] in ZERO_WIDTH \
            and prev.text.strip(ZERO_WIDTH)[:1].isupper():
        return prev
    return None


SUBJECT_PRONOUNS = ("i", "we", "you", "he", "she", "they", "it")


def _stranded_subject(verb: Token) -> Token | None:
    """The subject of a conjoined clause that the parser joined to the phrase before: in "asked
    him about his health and Gillis suggested …" it takes "Gillis" for a second object of "about"
    and "suggested" for a verb sharing the first clause's subject."""
    doc = verb.doc
    if verb.dep_ != "conj" or verb.i < 2:
        return None
    prev = doc[verb.i - 1]
    if prev.head.i == verb.i or prev.dep_ not in ("conj", "dobj", "pobj", "appos") or not (
            prev.pos_ == "PROPN" or prev.lower_ in SUBJECT_PRONOUNS):
        return None
    lo = prev.i
    while lo > 0 and doc[lo - 1].dep_ == "compound" and doc[lo - 1].head.i == prev.i:
        lo -= 1
    return prev if lo > 0 and doc[lo - 1].pos_ == "CCONJ" else None


CLOSING_MARKS = ("\"", "”", "’", "'", "»")


def _after_quote_owner(verb: Token) -> Token | None:
    """The speaker of an attribution after a quotation that the parser made a modifier:
    '"…," Pierre Gignac, the chief risk officer, mentioned in a commentary' ("mentioned" a
    participle of "Gignac"), '"…," team members dressed for a game say' ("say" of "game")."""
    if verb.dep_ != "acl":
        return None
    t = verb.head
    for _ in range(4):
        if t.pos_ in ("NOUN", "PROPN") and t.i < verb.i:
            lo = t.left_edge.i
            while lo < t.i and verb.doc[lo].is_punct:
                lo += 1  # the closing mark itself hangs on the name
            if lo > 0 and verb.doc[lo - 1].text in CLOSING_MARKS and verb.doc[lo - 1].tag_ == "''":
                return t
        if t.head.i == t.i:
            break
        t = t.head
    return None


def _acl_owner(verb: Token, subj: Token) -> Token | None:
    """The noun a misparse hides: in "The board decision allowing his release said …" the cue is
    taken for a clause of the participle ("allowing … said") and "his release" for its subject; the
    speaker is the noun the participle modifies, which has no verb of its own."""
    part = verb.head
    if verb.dep_ != "ccomp" or part.dep_ != "acl" or part.tag_ not in ("VBG", "VBN") \
            or not part.i < subj.i < verb.i:
        return None
    owner = part.head
    if owner.pos_ not in ("NOUN", "PROPN") or owner.dep_ not in ("ROOT", "nsubj") or owner.i > part.i:
        return None
    if owner.dep_ == "nsubj" and owner.head.pos_ in VERBAL:
        return None
    return owner


def np_bounds(head: Token, stop: set[str] = NP_STOP) -> tuple[int, int]:
    """Token range [first, last] of the noun phrase headed by `head`, without relative clauses,
    appositions and trailing punctuation (without the children whose relation is in `stop`;
    `PHRASE_STOP` keeps appositions and relative clauses: the whole source phrase)."""
    first = last = head.i
    for c in head.children:
        if c.dep_ in stop:
            continue
        sub = list(c.subtree)
        lo, hi = sub[0].i, sub[-1].i
        if c.i < head.i:
            first = min(first, lo)
        else:
            last = max(last, hi)
    # cut at any excluded child that starts inside the range (keep the head side)
    for c in head.children:
        if c.dep_ in stop and c.i > head.i and c.left_edge.i <= last:
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
    if exclude is None:
        return tok.left_edge.i, tok.right_edge.i  # the subtree's first and last tokens
    ex = {t.i for t in exclude.subtree}
    idx = {t.i for t in tok.subtree if t.i not in ex}
    lo = hi = tok.i  # the contiguous run that holds tok
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    return lo, hi


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


_CAPS_RUN = re.compile(r"[A-Z][\w'’&-]*(?:\s+(?:(?:of|and|for|on|the|&)\s+)*[A-Z][\w'’&-]*)*")
_MINOR = ("of", "and", "for", "on", "the", "&")


def spelt_out(text: str, initials: str) -> tuple[int, str] | None:
    """(start, name) of the first run of capitalised words, untagged or not, whose initials
    spell `initials`: "the Parliamentary Budget Officer" for "PBO", "the Society of Motor
    Manufacturers and Traders" for "SMMT"."""
    for m in _CAPS_RUN.finditer(text):
        words = [(w.start(), w.group(0)) for w in re.finditer(r"\S+", m.group(0))]
        caps = [(i, w) for i, (_, w) in enumerate(words) if w not in _MINOR]
        for k in range(len(caps) - len(initials) + 1):
            window = caps[k:k + len(initials)]
            if "".join(w[0] for _, w in window) == initials:
                lo, hi = window[0][0], window[-1][0]
                start = m.start() + words[lo][0]
                end = m.start() + words[hi][0] + len(words[hi][1])
                return start, text[start:end]
    return None
