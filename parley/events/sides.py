"""The other side of an event when the sentence names none, read from the clause and the profile.

* A condition names it: "Kyiv accepted a truce on condition that Moscow does the same" → the party of
  the condition's subject (AGREE UKR → RUS).
* The event is about the fighting itself (a ceasefire, a truce, concessions, stopping the
  shooting): an offer, demand or refusal is addressed to the other side of the war, the conflict
  profile's `principals` ("Ukraine offered a truce on long-range strikes" → RUS); a third party's
  demand about the fighting goes to both ("the US is pressing for a comprehensive ceasefire").
* A belligerent's attack or threat with no target named is aimed at the other principal.
"""
from __future__ import annotations

from .lexicon import Lexicon
from .markers import _chain

CONDITION_MARKS = {"if", "unless", "provided", "once", "until"}
DIRECTED = {"AGREE", "REQUEST", "REJECT", "RETREAT", "CONCEDE"}


def condition_parties(tr, res, speaker, source: list[str]) -> list[str]:
    """Parties of the subject of an 'if / as long as / unless' clause on the trigger's clause."""
    out: list[str] = []
    for t in _chain(tr.tok if tr.light is None else tr.light)[:4]:
        for c in t.children:
            if c.dep_ != "advcl":
                continue
            marks = {g.lower_ for g in c.children if g.dep_ == "mark"}
            lead = " ".join(w.lower_ for w in c.doc[c.left_edge.i:c.left_edge.i + 3])
            if not (marks & CONDITION_MARKS or lead.startswith("as long as")):
                continue
            for g in c.children:
                if g.dep_ in ("nsubj", "nsubjpass"):
                    out += [p.code for p in res.of_phrase(g, speaker) if p.code and p.code not in source]
    return list(dict.fromkeys(out))


def about_fighting(tr, lex: Lexicon, skip: set[int]) -> bool:
    """The trigger or its complement names the fighting (ceasefire, truce, concessions, stop shooting)."""
    words = lex.words("hostilities_words")
    out = []
    for root in (tr.tok, tr.light):
        if root is None:
            continue
        frontier = [root]
        for _ in range(4):  # the trigger and its complement, not a clause deep below it ("readiness
            out += frontier  # to set up a body that checks the truce is kept")
            frontier = [c for t in frontier for c in t.children]
    return any((t.lemma_.lower() in words or t.lower_ in words) for t in out if t.i not in skip)


def adversaries(etype: str, source: list[str], profile) -> list[str]:
    """The other principal(s) of the conflict for a principal's move; both for a third party's demand."""
    principals = list(getattr(profile, "principals", None) or [])
    if len(source) != 1 or len(principals) < 2:
        return []
    if source[0] in principals:
        return [p for p in principals if p != source[0]]
    return principals if etype == "REQUEST" else []


HOSTILE = {"ASSAULT", "COERCE", "THREATEN"}


def other_side(tr, etype: str, source: list[str], res, speaker, lex: Lexicon, profile, skip: set[int]) -> list[str]:
    if etype in HOSTILE and source:
        # a belligerent's attack or threat with no target named is aimed at the other side
        principals = list(getattr(profile, "principals", None) or [])
        return [p for p in principals if p != source[0]] if len(source) == 1 and source[0] in principals else []
    if etype not in DIRECTED or not source:
        return []
    if etype == "AGREE":
        offer = offer_parties(tr, res, speaker, source)
        if offer:
            return offer[:2]
    cond = condition_parties(tr, res, speaker, source)
    if cond:
        return cond[:2]
    if about_fighting(tr, lex, skip):
        return adversaries(etype, source, profile)
    return []


OFFER_NOUNS = {"offer", "proposal", "plan", "deal", "initiative", "terms", "demand", "demands", "idea", "formula"}
RESPONSE_VERBS = {"accept", "agree", "approve", "endorse", "back", "support", "reject", "refuse", "welcome", "embrace"}


def offer_parties(tr, res, speaker, source: list[str]) -> list[str]:
    """'we made an offer that the Ukrainians have accepted': the offer goes to who accepted it, the
    acceptance to who made the offer."""
    tok = tr.tok
    out: list[str] = []
    if tok.dep_ == "relcl" and tok.lemma_.lower() in RESPONSE_VERBS and tok.head.lemma_.lower() in OFFER_NOUNS:
        noun = tok.head
        owners = [c for c in noun.children if c.dep_ == "poss"]
        if not owners and noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
            owners = [c for c in noun.head.children if c.dep_ in ("nsubj", "agent")]
        for o in owners:
            out += [p.code for p in res.of_phrase(o, speaker) if p.code]
    elif tok.lemma_.lower() in OFFER_NOUNS:
        for r in tok.children:
            if r.dep_ == "relcl" and r.lemma_.lower() in RESPONSE_VERBS:
                for s in r.children:
                    if s.dep_ == "nsubj":
                        out += [p.code for p in res.of_phrase(s, speaker) if p.code]
    return [c for c in dict.fromkeys(out) if c not in source]


MEDIATE = {"mediate", "mediating", "mediator", "mediators", "mediated", "mediation", "brokered", "broker"}


def mediators(sent, res) -> list[str]:
    """Third parties named as mediators: 'with Türkiye playing a mediating role', 'Qatar-mediated
    talks', 'talks mediated by X', 'the mediation of X', 'X's mediation'."""
    out: list[str] = []
    for t in sent:
        if t.lower_ not in MEDIATE and t.lemma_.lower() not in MEDIATE:
            continue
        cands = []
        if t.dep_ in ("amod", "compound") and t.head.lemma_.lower() == "role" and t.head.dep_ == "dobj":
            cands += [c for c in t.head.head.children if c.dep_ == "nsubj"]
        if t.lower_ in ("mediated", "brokered"):
            cands += [c for c in t.children if c.dep_ in ("npadvmod", "compound", "nmod")]
            cands += [h for a in t.children if a.dep_ == "agent" for h in a.children if h.dep_ == "pobj"]
        if t.lower_ == "mediation":
            cands += [c for c in t.children if c.dep_ == "poss"]
            cands += [h for a in t.children if a.dep_ == "prep" and a.lower_ in ("by", "of", "from")
                      for h in a.children if h.dep_ == "pobj"]
        for c in cands:
            out += [p.code for p in res.of_phrase(c) if p.code]
    return list(dict.fromkeys(out))


def named_principals(ctx, tok) -> list[str]:
    """The profile's principals ("both sides", "the two delegations" = Russia and Ukraine in a story
    about their war), when the article has named each of them before the token."""
    principals = list(getattr(ctx.profile, "principals", None) or [])
    seen = {m.party for m in ctx.mentions if m.start < tok.idx}
    return principals if len(principals) >= 2 and all(p in seen for p in principals) else []


ADDRESS_VERBS = {"tell", "signal", "inform", "convey", "assure", "notify", "write", "send", "communicate",
                 "promise", "pledge", "reassure", "say", "state", "declare", "indicate", "announce"}


def addressee(tok, res, speaker, source: list[str]) -> list[str]:
    """'Russia was signalling to the United States that it was open to talks', 'told Washington it
    would ...': the one spoken to is the other side of the move reported."""
    t = tok
    for _ in range(8):
        if t.head.i == t.i:
            return []
        t = t.head
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in ADDRESS_VERBS:
            heads = [c for c in t.children if c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "NOUN")]
            heads += [g for c in t.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                      for g in c.children if g.dep_ == "pobj"]
            out = [p.code for h in heads for p in res.of_phrase(h, speaker) if p.code and p.code not in source]
            return list(dict.fromkeys(out))[:2]
    return []


BACKING = {"support", "backing", "blessing", "help", "assistance", "encouragement"}


def backers(verb, res, speaker) -> list[str]:
    """'... with support from President Macron of France', 'with the backing of Washington': the
    parties backing the clause's subject."""
    out: list[str] = []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            for n in c.children:
                if n.dep_ == "pobj" and n.lemma_.lower() in BACKING:
                    for p in n.children:
                        if p.dep_ == "prep" and p.lower_ in ("from", "of", "by"):
                            out += [q.code for g in p.children if g.dep_ == "pobj"
                                    for q in res.of_phrase(g, speaker) if q.code]
    return list(dict.fromkeys(out))
