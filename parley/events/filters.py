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
  date"): a refusal to give information is no refusal of a proposal;
* a wh-clause under a preposition ("results depend on how the talks progress", "advised the
  envoys on how to deal with Washington"): asked about, like an indirect question;
* an infinitive of a noun of opportunity ("now is not the time to hold talks", "a chance to
  negotiate"): what could be done, not what was done;
* an act under consideration ("are considering a swap in which both sides would free 300
  detainees", "weighing sanctions"): contemplated, not done;
* an interview: speaking or talking to the press ("Speaking to Agence France-Presse, the president
  said", "in a conversation with journalists"): no consultation between parties;
* a planned act: the infinitive of a noun of plan ("was developing plans to attack American
  diplomats", "a plot to kill the ambassador"): planned, not done (announcing a plan is read by the
  light verbs as an intent or a threat);
* a background anchor: a clause of "since" ("the first meeting since his forces invaded Ukraine")
  or a noun after a preposition of time measured from it ("more than two years after the
  invasion"): an earlier event that dates the news, not news of its own;
* a labelled line of source, photo or background ("Source: the minister's statement after the
  talks", "Background: the third meeting ... focused on ..."): no new event is reported.
"""
from __future__ import annotations

import re
from itertools import chain, islice

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


def wh_complement(tok) -> bool:
    """The trigger's clause is the object of a preposition and opens with a wh-word or 'whether':
    'depend on how the negotiations progress', 'advised them on how to talk with Kyiv'."""
    opens = WH_WORDS | QUESTION_MARKS
    # everything inside the asked-about clause ("how to ... communicate that ..."): 8 levels up
    return any(t.dep_ == "pcomp" and t.left_edge.i < t.i and t.left_edge.lower_ in opens
               for t in islice(chain([tok], tok.ancestors), 8))


def opportunity(tok, lex: Lexicon) -> bool:
    """The trigger's verb is an infinitive modifying a noun of opportunity or time ('the time to
    have talks', 'a chance to negotiate', 'the right to respond'): a possibility, not an event."""
    v = tok
    for _ in range(3):
        if v.pos_ in ("VERB", "AUX") or v.head.i == v.i:
            break
        v = v.head
    if v.dep_ not in ("relcl", "acl") or v.head.pos_ not in ("NOUN", "PROPN"):
        return False
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
    return to and v.head.lemma_.lower() in lex.words("opportunity_nouns")


def contemplated(tok, lex: Lexicon) -> bool:
    """The trigger is inside the object or complement of a verb of contemplation ('considering an
    exchange', 'weighing whether to impose sanctions'), not behind a 'that' clause of fact."""
    words = lex.words("contemplation_verbs")
    t = tok
    for _ in range(8):
        if t.head.i == t.i:
            return False
        below, t = t, t.head
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in words:
            return below.dep_ in ("dobj", "xcomp", "ccomp", "pcomp", "prep") and not any(
                c.dep_ == "mark" and c.lower_ == "that" for c in below.children)
        if below.dep_ in ("advcl", "parataxis") or (below.dep_ == "conj" and t.pos_ in ("VERB", "AUX")):
            return False
    return False


def label_line(sent, lex: Lexicon, text: str) -> bool:
    """The sentence is in a line labelled as source, photo caption or background ('Source: ...');
    `text`: the document's text (sent.doc.text is rebuilt at each call)."""
    start = text.rfind("\n", 0, sent.start_char) + 1
    head, colon, _ = text[start:start + 40].partition(":")
    return bool(colon) and " ".join(head.lower().split()) in lex.words("label_lines")


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


def _press(phrase, lex: Lexicon) -> bool:
    """The phrase names the press: a word of the press ("reporters", "the state news agency") or a
    news organisation's name ("Agence France-Presse", "Martin Smith of PBS")."""
    words = lex.words("press_words")
    toks = list(phrase.subtree)
    if any(t.lower_ in words or t.lemma_.lower() in words for t in toks):
        return True
    text = " " + " ".join(t.lower_ for t in toks) + " "
    text = re.sub(r" - ", "-", text)
    return any(f" {n} " in text for n in lex.words("press_names"))


def interview(tr, lex: Lexicon) -> bool:
    """A meeting trigger whose other side is the press: 'Speaking to Agence France-Presse, he said',
    'spoke with reporters', 'in a conversation with journalists', 'told PBS'."""
    for r in {tr.tok, tr.light if tr.light is not None else tr.tok}:
        for c in r.children:
            if c.dep_ in ("dobj", "dative") and _press(c, lex):
                return True
            if c.dep_ == "prep" and c.lower_ in ("to", "with") and any(
                    g.dep_ == "pobj" and _press(g, lex) for g in c.children):
                return True
    return False


def planned(tok, lex: Lexicon) -> bool:
    """The trigger is the infinitive of a noun of plan ('developing plans to attack', 'a plot to
    kill'), directly or as the verb it coordinates with ('plans to attack and destroy')."""
    v = tok
    if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX"):
        v = v.head
    if v.dep_ not in ("acl", "relcl") or v.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) \
        and v.head.lemma_.lower() in lex.words("plan_nouns")


DURATIONS = {"year", "month", "week", "day", "decade", "hour", "minute", "century", "time"}


def background(tr) -> bool:
    """'since his forces invaded Ukraine' (a verb's clause marked 'since'), 'two years after the
    invasion' (a noun after a preposition of time with a duration): the anchor of a time span."""
    tok = tr.tok if tr.light is None else tr.light
    c = _clause_head(tok)
    if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children):
        return True
    t = tr.tok
    if t.dep_ == "pobj" and t.head.lower_ in ("after", "since", "before"):
        return any(d.dep_ == "npadvmod" and d.lemma_.lower() in DURATIONS for d in t.head.children)
    return False


def not_an_event(tr, lex: Lexicon) -> str:
    """Why the trigger names no event ('' when it does)."""
    tok = tr.tok if tr.light is None else tr.light
    if free_relative(tok):
        return "free relative"
    if hearsay(tok, lex):
        return "hearsay"
    if indirect_question(tok) or wh_complement(tok):
        return "indirect question"
    if opportunity(tok, lex):
        return "opportunity"
    if background(tr):
        return "background"
    if tr.light is None and planned(tok, lex):
        return "planned"
    if tr.type == "CONSULT" and interview(tr, lex):
        return "interview"
    if contemplated(tok, lex):
        return "contemplated"
    if commentary(tok, lex):
        return "commentary"
    if tr.type == "REJECT" and no_comment(tok, lex):
        return "no comment"
    if tr.type == "REQUEST" and asks_question(tok):
        return "question"
    return ""
