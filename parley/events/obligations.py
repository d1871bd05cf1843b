"""Demands put in a frame of obligation rather than a modal: "the onus is now on Moscow to sign the
terms", "it is up to Moscow to respond", "now it's their turn to say yes". The speaker demands the
act of the party named (PLOVER REQUEST, mode from the act's words)."""
from __future__ import annotations

from .lexicon import Lexicon

FALL_VERBS = {"fall", "rest", "lie"}
FALL_PREPS = {"on", "upon", "to"}


def _infinitive(tok):
    for c in tok.children:
        if c.dep_ in ("xcomp", "advcl", "ccomp", "acl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return c
    return None


def frames(sent) -> list[tuple]:
    """(party phrase head, act verb) for each obligation frame in the sentence."""
    out = []
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        low = tok.lemma_.lower()
        if low in FALL_VERBS and tok.pos_ == "VERB":
            for p in tok.children:
                if p.dep_ == "prep" and p.lower_ in FALL_PREPS:
                    act = _infinitive(tok)
                    out += [(g, act) for g in p.children if g.dep_ == "pobj" and act is not None]
        elif low == "be" or tok.lower_ in ("'s", "’s"):
            act = _infinitive(tok)
            for c in tok.children:
                if c.dep_ == "attr" and c.lemma_.lower() == "turn":
                    act2 = act or _infinitive(c)
                    out += [(g, act2) for g in c.children if g.dep_ == "poss" and act2 is not None]
                if c.dep_ in ("prep", "advmod") and c.lower_ == "up" and act is not None:
                    out += [(g, act) for p in c.children if p.dep_ == "prep" and p.lower_ == "to"
                            for g in p.children if g.dep_ == "pobj"]
    return out


def mode_of(act, lex: Lexicon) -> str:
    for t in sorted(act.subtree, key=lambda x: x.i):
        m = lex.request_modes.get(t.lemma_.lower()) or lex.request_modes.get(t.lower_)
        if m:
            return m
    return ""
