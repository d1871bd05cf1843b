"""Markers of an event from the parse: negated ("did not push", "failed to reach"), future
("will travel", "would resume"; not the habitual "would sometimes attack"), hypothetical ("if agreed", "could", "potentially"), conditions
("unless", "until") and demands put on the clause ("must withdraw", "would have to make")."""
from __future__ import annotations

from .lexicon import Lexicon

MODAL_FUTURE = {"will", "'ll", "shall", "wo", "would", "may"}
MODAL_HYPO = {"could", "might"}
OCCUR = {"take", "begin", "start", "continue", "end", "resume", "last", "proceed", "go", "happen", "occur",
         "convene", "reconvene", "commence", "finish", "conclude", "open", "close", "get"}


def _chain(tok):
    """The trigger and the verbs above it within its clause (xcomp/aux/acomp links, noun heads)."""
    out = [tok]
    t = tok
    for _ in range(6):
        if (t.dep_ in ("xcomp", "acomp", "oprd", "dobj", "attr", "pobj", "prep", "pcomp", "acl",
                       "nsubjpass", "compound", "conj")
                or t.dep_ == "nsubj" and t.pos_ == "NOUN" and t.i == tok.i and t.head.lemma_.lower() in OCCUR) \
                and t.head.i != t.i:
            # a noun trigger as subject of a verb of occurrence takes its markers ("the talks will take
            # place", "the operation will continue"), not those of other verbs ("did not produce a deal")
            t = t.head
            out.append(t)
            if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("xcomp", "conj"):
                break
        else:
            break
    return out


def _markers(tr, lex: Lexicon) -> tuple[bool, bool, bool]:
    neg = fut = hyp = False
    chain = _chain(tr.tok)
    if tr.light is not None and tr.light.i not in {c.i for c in chain}:
        chain.append(tr.light)
    negw = lex.words("negation")
    for t in chain:
        for c in t.children:
            low = c.lower_
            if c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and low in ("no", "never")):
                neg = True
            if low == "longer" and any(g.lower_ == "no" for g in c.children):
                neg = True  # "is no longer attacking"
            if c.dep_ in ("aux", "auxpass"):
                if (low in MODAL_FUTURE or c.lemma_.lower() in ("will", "shall")) and not (
                        low == "would" and _habitual(t)):
                    fut = True
                if low in MODAL_HYPO:
                    hyp = True
                if low == "would":
                    fut = not _habitual(t)
            if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children):
                hyp = True
            if c.dep_ == "advmod" and low in ("potentially", "possibly", "perhaps", "hypothetically"):
                hyp = True
        if t.dep_ == "pcomp" and t.head.lower_ == "without":
            neg = True  # "left without announcing any agreement"
        if t.lemma_.lower() in ("plan", "intend", "expect", "aim", "prepare", "schedule", "set", "due") \
                and t.i != tr.tok.i:
            fut = True
        if t.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in t.children):
            hyp = True
        if t.i != tr.tok.i and t.lemma_.lower() in ("refuse", "fail", "decline") and "refuse" in negw:
            neg = True
    if tr.tok.lower_ in ("no",):
        neg = True
    low_sent = tr.tok.sent.text.lower()
    if any(w in low_sent for w in ("in the coming days", "next week", "tomorrow", "next month",
                                   "later this week", "later this month", "in the coming weeks")):
        fut = True
    return neg, fut, hyp


HABITUAL = {"sometimes", "often", "usually", "regularly", "routinely", "frequently", "occasionally", "always",
            "repeatedly", "typically", "generally"}


def _habitual(verb) -> bool:
    """'would sometimes kill', 'would often meet': the past habitual 'would', no future."""
    return any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in verb.children)


def _will(tr) -> bool:
    """An explicit will/would/shall/'ll on the trigger's clause (not 'may', not a time phrase, not the
    habitual 'would sometimes')."""
    for t in _chain(tr.tok if tr.light is None else tr.light)[:3]:
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall", "would", "wo") and not (
                    c.lower_ == "would" and _habitual(t)):
                return True
    return False


def _unless(tr, with_if: bool = False) -> bool:
    marks = ("unless", "until", "if") if with_if else ("unless", "until")
    for t in _chain(tr.tok if tr.light is None else tr.light)[:3]:
        for c in t.children:
            if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in marks for g in c.children):
                return True
    return False


def _may(tr) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("may", "might", "could")
               for t in _chain(tr.tok if tr.light is None else tr.light)[:3] for c in t.children)


def _verbal_negation(tr) -> bool:
    """'not'/'never' on the verb chain (not 'no willingness', which negates a noun)."""
    for t in _chain(tr.tok if tr.light is None else tr.light)[:4]:
        if t.pos_ in ("VERB", "AUX", "ADJ") and any(c.dep_ == "neg" for c in t.children):
            return True
        if t.i != tr.tok.i and t.lemma_.lower() in ("fail", "refuse", "decline"):
            return True
    return False


def _demanded(tr, lex: Lexicon) -> bool:
    """The trigger's clause is under a demand modal: 'Russia must withdraw', 'would have to make'."""
    modals = lex.words("demand_modals")
    for t in _chain(tr.tok if tr.light is None else tr.light)[:3]:
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in modals:
                return True
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in ("have", "need") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            return True
    return False
