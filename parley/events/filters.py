"""Triggers that name no event of their own, read from the parse:

* an indirect question ("learn what Russia is willing to concede", "asked whether Kyiv would
  agree"): the clause is asked about, not asserted;
* commentary: a clause under a belief or speech verb of analysts, experts, observers ("Analysts
  believe Putin will demand ..."); PLOVER codes what parties do, not what commentators expect;
* hearsay: the content clause of a noun of report or belief ("the narrative that Ukrainians refuse
  to talk");
* a free relative ("What was agreed in Istanbul remains unclear"): a content, not an event;
* asking a question ("would ask if the Americans had insight"): no request of a party;
* declining to comment ("declined to outline a potential agreement", "refused to disclose the
  date"): a refusal to give information is no refusal of a proposal.
"""
from __future__ import annotations

from .lexicon import Lexicon

CLAUSE_TOPS = {"ccomp", "advcl", "relcl", "ROOT", "parataxis", "csubj", "acl"}
WH_WORDS = {"what", "whether", "how", "why", "who", "whom", "which", "where", "when"}
QUESTION_MARKS = {"whether", "if"}
OPINION_VERBS = {"believe", "think", "expect", "predict", "say", "argue", "warn", "suggest", "estimate",
                 "speculate", "assess", "write", "note", "doubt", "fear", "contend", "caution"}


def _clause_head(tok):
    t = tok
    for _ in range(10):
        if t.dep_ in CLAUSE_TOPS or t.head.i == t.i:
            return t
        t = t.head
    return t


def indirect_question(tok) -> bool:
    """The trigger's clause is the complement of a verb of asking/knowing and opens with a
    wh-word or 'whether'/'if'."""
    c = _clause_head(tok)
    if c.dep_ != "ccomp" or c.head.i == c.i:
        return False
    if any(ch.dep_ == "mark" and ch.lower_ in QUESTION_MARKS for ch in c.children):
        return True
    first = c.left_edge
    return first.lower_ in WH_WORDS and first.tag_ in ("WP", "WRB", "WDT", "IN") and first.i < c.i


def commentary(tok, lex: Lexicon) -> bool:
    """A verb of opinion or speech above the trigger has a commentator as its subject."""
    who = lex.words("commentators")
    t = tok
    for _ in range(12):
        if t.head.i == t.i:
            return False
        t = t.head
        low = t.lemma_.lower()
        if t.pos_ in ("VERB", "AUX") and (low in OPINION_VERBS or low in lex.words("speech_verbs")):
            for c in t.children:
                if c.dep_ in ("nsubj", "nsubjpass") and (c.lemma_.lower() in who or c.lower_ in who):
                    return True
    return False


def no_comment(tok, lex: Lexicon) -> bool:
    """'declined to comment / disclose / outline ...'."""
    words = lex.words("no_comment_verbs")
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in words for c in tok.children)


def asks_question(tok) -> bool:
    """'would ask if the Americans had insight', 'asked what Russia wants': a question, not a request."""
    for c in tok.children:
        if c.dep_ == "ccomp" and (any(g.dep_ == "mark" and g.lower_ in QUESTION_MARKS for g in c.children)
                                  or (c.left_edge.lower_ in WH_WORDS and c.left_edge.i < c.i)):
            return True
    return False


def hearsay(tok, lex: Lexicon) -> bool:
    """The clause is the content of a noun of report or belief: 'the Kremlin's narrative that
    Ukrainians refuse to talk' does not assert that they refuse."""
    c = _clause_head(tok)
    return c.dep_ in ("acl", "ccomp") and c.head.pos_ == "NOUN" and c.head.lemma_.lower() in lex.words("hearsay_nouns")


def free_relative(tok) -> bool:
    """'What was agreed in Istanbul': the clause names a content, it does not assert an event."""
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("ROOT", "csubj", "ccomp", "pobj", "dobj") and any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ in ("what", "whatever") and c.tag_ == "WP"
        for c in tok.children)


def not_an_event(tr, lex: Lexicon) -> str:
    """Why the trigger names no event ('' when it does)."""
    tok = tr.tok if tr.light is None else tr.light
    if free_relative(tok):
        return "free relative"
    if hearsay(tok, lex):
        return "hearsay"
    if indirect_question(tok):
        return "indirect question"
    if commentary(tok, lex):
        return "commentary"
    if tr.type == "REJECT" and no_comment(tok, lex):
        return "no comment"
    if tr.type == "REQUEST" and asks_question(tok):
        return "question"
    return ""
