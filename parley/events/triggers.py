"""Event triggers: which words of a sentence name an event, and of which PLOVER type.

A trigger is a verb, noun or adjective of the lexicon (`parley/data/lexicons/events.yaml`). Nouns are
events only in a frame: object of a light verb ("held talks"), subject of a clause ("talks took
place"), after a temporal/locative preposition ("after the talks") or as the root of a headline.
A trigger that is the complement of another trigger ("agreed to exchange", "called for talks") is
that trigger's content, not an event of its own.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

from .lexicon import Entry, Lexicon
from .lookup import POS, _light, lookup  # noqa: F401 - triggers.lookup is used by other modules
from .clauses import _actor_like1
from .senses import _appeal, _call, _owned_act, _prospect_of

# Links through which a trigger is the content of the trigger above it.
CONTENT_DEPS = {"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acl", "attr", "oprd", "compound",
                "amod", "nsubjpass", "dative", "acomp", "appos", "nmod", "advmod", "agent", "conj", "cc",
                "advcl"}


@dataclass
class Trigger:
    tok: object  # spaCy Token
    entry: Entry
    light: object = None  # the light verb carrying a noun trigger, if any
    frame: str = ""  # light | subject | prep | root | verb | adj
    content: list = field(default_factory=list)  # types of the triggers below it (its content)

    @property
    def type(self) -> str:
        return self.entry.type


def _objects(tok) -> list:
    objs = []
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "dative"):
            objs.append(c)
        elif c.dep_ in ("prt",):
            for g in c.children:
                if g.dep_ == "pobj":
                    objs.append(g)
        elif c.dep_ == "prep" and c.lower_ in ("for", "to", "of", "on", "with"):
            objs.extend(g for g in c.children if g.dep_ == "pobj")
    return objs


def _subtree_words(toks) -> set[str]:
    out: set[str] = set()
    for t in toks:
        for s in t.subtree:
            out.update((s.lower_, s.lemma_.lower()))
    return out


def _verb_ok(tok, e: Entry, lex: Lexicon) -> bool:
    lemma = e.lemma
    objs = _objects(tok)
    stops = lex.stop_objects.get(lemma)
    if stops and any(o.lemma_.lower() in stops or o.lower_ in stops for o in objs):
        return False
    if lemma in lex.words("need_direct_object") and not e.extra and not any(
            c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
        return False  # "returned to Geneva" is travel, "returned the prisoners" a release
    if (lemma in lex.words("need_object") or lemma in lex.words("need_object_extra")) and not e.extra:
        if not objs and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
            return False
    if lemma in lex.words("need_event_object") and not e.extra and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children) \
            and not any(lookup(o, lex) is not None for o in objs):
        return False  # "preparing defensive lines": no meeting or agreement being prepared
    if lemma in lex.words("need_noun_object") and not any(
            c.dep_ in ("dobj",) and c.pos_ in ("NOUN", "PROPN") for c in tok.children):
        return False
    if e.type == "REQUEST" and lemma in ("require", "necessitate") and any(
            c.dep_ == "nsubj" and c.pos_ == "NOUN" and not _actor_like1(c, suffix=False) for c in tok.children):
        return False  # "peace requires dialogue", "the pact requires ...": a condition, no one's request
    if e.type == "REQUEST" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) and any(
            c.lower_ in ("when", "if", "while", "once") for c in tok.children):
        return False  # "when asked about ...": a reporting frame
    if e.type == "REQUEST" and tok.tag_ == "VBN" and not any(
            c.dep_ in ("agent", "nsubjpass", "auxpass", "nsubj", "aux") for c in tok.children):
        return False  # "when asked to comment"
    if e.type == "RETREAT" and lemma in lex.words("mutual_acts") and not (_subtree_words(objs) & lex.words("captives")):
        return False  # "exchange something": a prisoner exchange needs its captives
    if e.type == "CONSULT" and lemma == "receive" and not any(
            o.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or o.lemma_.lower() in lex.words("visitor_nouns")
            for o in objs):
        return False  # "received signals from Moscow" is no visit received
    if e.type == "MOBILIZE" and lemma in ("strengthen", "step", "build", "beef", "reinforce", "boost", "increase") \
            and not (_subtree_words(objs) & lex.words("mobilize_objects")):
        return False  # "strengthen informational work"
    if e.type == "REJECT" and lemma == "deny" and any(
            c.dep_ in ("ccomp", "xcomp") or (c.dep_ in ("dobj", "pcomp") and c.tag_ == "VBG") for c in tok.children):
        return False  # "deny having received any signals": a statement of fact (CAMEO 016), no rejection
    if e.type == "AID" and lemma in ("help", "assist") and not e.extra and any(
            c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") and lookup(c, lex) is not None
            and lookup(c, lex).type != "AID" for c in tok.children) and not any(
            c.dep_ in ("dobj", "dative") or c.dep_ == "aux" and c.lower_ in ("will", "'ll", "would", "shall")
            for c in tok.children):
        return False  # "helped facilitate a meeting": the act helped, an event itself, is the event
        # (a promise to help is AGREE; "helping to integrate refugees" is aid)
    if e.type == "AID" and not e.extra and lemma not in ("help", "assist"):
        if not (_subtree_words(objs) & lex.words("aid_objects")):
            return False
    if e.type == "SANCTION" and lemma in ("suspend", "halt", "cut", "stop", "freeze", "pause", "close",
                                          "terminate", "quit", "exit", "shut", "restrict", "tighten",
                                          "revoke", "reduce", "end") and not e.extra:
        if not (_subtree_words(objs) & (lex.words("sanction_objects") | lex.words("aid_objects") | {"sanctions"})):
            return False
        if any(o.dep_ == "dobj" and o.lemma_.lower() in ("war", "conflict", "crisis") for o in objs):
            return False  # "to end the conflict sparked by the military invasion": no sanction
    return True


QUANTITY_NOUNS = {"day", "days", "week", "weeks", "series", "round", "rounds", "wave", "waves", "number",
                  "string", "spate", "flurry", "hours", "month", "months", "set", "couple", "dozens", "hundreds"}


def _noun_frame(tok, lex: Lexicon) -> tuple[str, object]:
    """How a noun trigger stands in its sentence: ('light', verb), ('subject', None),
    ('prep', None), ('root', None) or ('', None) when it is no event of its own."""
    head, dep = tok.head, tok.dep_
    if dep == "conj":
        # coordinated noun: same frame as the first conjunct
        t = tok
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        if t.i != tok.i:
            return _noun_frame(t, lex)
    if dep in ("dobj", "attr", "nsubjpass", "oprd") and head.pos_ in ("VERB", "AUX") \
            and _light(head, lex):
        return "light", head
    if dep == "pobj" and head.lower_ == "of" and head.head.dep_ in ("dobj", "attr") \
            and head.head.lemma_.lower() in QUANTITY_NOUNS and _light(head.head.head, lex):
        return "light", head.head.head  # "launched ten days of war games", "held a round of talks"
    if dep == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") \
            and _light(head.head, lex) and head.lower_ in ("into", "to", "in", "under") \
            and not any(c.dep_ == "dobj" for c in head.head.children):
        return "light", head.head  # "entered into negotiations" (not "carried leaders to the summit")
    if dep in ("nsubj", "nsubjpass"):
        return "subject", None
    if dep == "pobj" and head.lower_ in lex.words("event_preps"):
        return "prep", None
    if dep == "ROOT":
        return "root", None
    return "", None


def _is_content(tok, kept: dict[int, "Trigger"], lex: Lexicon):
    """True when the token sits below another trigger of its clause as that trigger's content."""
    t = tok
    path_preps = []
    steps = 0
    while t.dep_ in CONTENT_DEPS and t.head.i != t.i and steps < 8:
        if t.dep_ in ("conj", "cc") and t.pos_ in ("VERB", "AUX"):
            # "dressed down ... and accused him": two events; but "refused to allow planes to land
            # and evacuate": the second verb shares the first one's governor
            first = t.head
            if first.i in kept:
                return False
            t = first
            steps += 1
            continue
        if t.dep_ == "prep":
            path_preps.append(t.lower_)
        if t.dep_ == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            return False  # only a purpose clause ("staged rallies to demand ...") is content
        came_by = t.dep_
        t = t.head
        steps += 1
        trig = kept.get(t.i)
        if trig is None and came_by == "prep" and t.lemma_ == "be":
            # "Russia is open to negotiations": the parser hangs the adjective's phrase on the copula
            trig = next((kept[c.i] for c in t.children if c.dep_ == "acomp" and c.i in kept), None)
        if trig is not None:
            if any(p in lex.words("frame_preps") for p in path_preps):
                return False
            return trig
    return False


_LOCAL = threading.local()  # per thread: the doc and lexicon of the last sentences read, their triggers


def find(sent, lex: Lexicon) -> list[Trigger]:
    """The sentence's triggers, main clause first (the events stage and the sentence classifier read
    the same sentences: the last document's answers are kept; the list is not to be changed)."""
    doc = sent.doc
    kept = getattr(_LOCAL, "found", None)
    if kept is None or kept[0] is not doc or kept[1] is not lex:
        kept = _LOCAL.found = (doc, lex, {})
    key = (sent.start, sent.end)
    if key not in kept[2]:
        kept[2][key] = _find(sent, lex)
    return kept[2][key]


def _find(sent, lex: Lexicon) -> list[Trigger]:
    cands: list[Trigger] = []
    framed_out: list = []  # nouns of the lexicon that are no event of their own
    for tok in sent:
        e = lookup(tok, lex)
        if e is None or _in_condition(tok):
            continue
        pos = POS.get(tok.pos_)
        if e.pos == "v":
            if tok.tag_ == "VBG" and tok.dep_ in ("csubj", "nsubj", "csubjpass") and not any(
                    c.dep_ == "nsubj" and c.i != tok.i for c in tok.head.children):
                continue  # "rejecting any talks plays into ...": a generic act, not an event
            if tok.dep_ in ("amod", "compound") or tok.tag_ == "VBN" and tok.dep_ == "acl" and e.type != "ASSAULT":
                continue
            if not _verb_ok(tok, e, lex):
                continue
            e = _call(tok, e, lex)
            if e is None:
                continue
            # a light verb whose object is a noun trigger: the noun carries the event
            if _light(tok, lex) and any(
                    c.dep_ == "dobj" and lookup(c, lex) is not None and lookup(c, lex).pos == "n"
                    for c in tok.children):
                continue
            cands.append(Trigger(tok, e, frame="verb"))
        elif e.pos == "n":
            e = _appeal(tok, e, lex)
            if pos != "n" and tok.pos_ != "VERB" or tok.ent_type_ in ("DATE", "TIME"):
                continue  # ("in late February and March": a month, not a march)
            frame, light = _noun_frame(tok, lex)
            if not frame and e.type == "CONSULT" and _named_parties(tok):
                frame = "prep"  # "the outcomes of the meetings between X and Y": still a meeting
            prospect = any(c.dep_ == "amod" and c.lower_ in lex.words("prospect_modifiers") for c in tok.children) \
                or _prospect_of(tok, lex)
            if prospect:
                frame = ""  # "the potential exchange", "a possible meeting": a prospect, not an event
            if (not frame or frame == "subject") and not prospect and _owned_act(tok, e) \
                    and e.type in ("REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE") \
                    and e.lemma not in ("commitment", "plan", "initiative", "understanding", "framework") \
                    and any(c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")
                                                         for c in tok.children):
                frame = "poss"  # "Russia's demand that ...", "Russia's demands include ..."

            if not frame:
                framed_out.append((tok, e))
                continue
            if frame == "subject" and e.type not in ("CONSULT", "ASSAULT", "PROTEST", "RETREAT", "AGREE"):
                continue
            if frame == "subject" and e.type == "CONSULT" and (not _occurs(tok, lex) or _time_anchor(tok)):
                continue  # "the talks pose a challenge", "said before the talks began": references
            if frame == "subject" and e.type == "AGREE" and tok.head.lemma_ not in (
                    "include", "reach", "sign", "take", "come", "hold", "enter", "go"):
                continue
            if frame == "root" and (e.type not in ("CONSULT", "AGREE", "ASSAULT", "RETREAT")
                                    or sum(1 for t in sent if t.is_alpha) > 14):
                continue  # a noun as the root: only in a short headline
            if frame == "prep" and e.type not in ("CONSULT", "ASSAULT", "PROTEST", "RETREAT"):
                continue
            cands.append(Trigger(tok, e, light=light, frame=frame))
        else:
            if tok.dep_ not in ("acomp", "xcomp", "ROOT", "attr", "oprd", "ccomp", "advcl", "conj", "amod") \
                    or (tok.dep_ == "amod" and e.extra == ()):
                continue
            cands.append(Trigger(tok, e, frame="adj"))
    # content of another trigger: drop (the governing trigger keeps the meaning)
    kept: dict[int, Trigger] = {}
    carriers: dict[int, Trigger] = {}
    for tr in sorted(cands, key=lambda c: (_depth(c.light if c.light is not None else c.tok), c.light is None, c.tok.i)):
        carriers[tr.tok.i] = tr
        if tr.light is not None:
            carriers[tr.light.i] = tr
        gov = _is_content(tr.tok if tr.light is None else tr.light, carriers_without(carriers, tr), lex)
        if not gov:
            kept[tr.tok.i] = tr
        elif isinstance(gov, Trigger):
            gov.content.append(tr.type)  # the nearest trigger above holds this one as its content
    for tok, e in framed_out:  # "called for sanctions": the noun is the content of the call
        gov = _is_content(tok, carriers, lex)
        if isinstance(gov, Trigger):
            gov.content.append(e.type)
    return sorted(kept.values(), key=lambda c: (_depth(c.tok), c.tok.i))


def _time_anchor(tok) -> bool:
    """'... said before the talks began': the meeting dates another event; it is not reported."""
    verb = tok.head
    return verb.dep_ in ("advcl", "ccomp") and any(c.dep_ == "mark" and c.lower_ in ("before", "until", "till")
                                        for c in verb.children)


def _occurs(tok, lex: Lexicon) -> bool:
    """A meeting noun as subject names a meeting only when its verb says it happens ('talks took
    place / began / continue / ended / lasted / collapsed') or it is passive ('talks were held')."""
    head = tok.head
    words = lex.words("occurrence_verbs")
    if tok.dep_ == "nsubjpass" or head.lemma_.lower() in words or head.lower_ in words:
        return True
    return any(c.dep_ == "conj" and c.lemma_.lower() in words for c in head.children)


def _named_parties(tok) -> bool:
    """A meeting noun that names who met: 'between X and Y', 'with X', 'US-Russia talks'."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("between", "with"):
            return True
        if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("GPE", "NORP"):
            return True
    return False


def _in_condition(tok) -> bool:
    """True inside an 'if'/'unless' clause: a condition is not an event."""
    t = tok
    for _ in range(8):
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "before", "until", "once")
                                    for c in t.children):
            return True
        if t.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ in ("unless", "until", "once") for c in t.children):
            return True  # "Unless and until Ukraine accepts ...": a condition the parser took for a complement
        if t.head.i == t.i or t.dep_ in ("ccomp", "relcl"):
            return False
        t = t.head
    return False


def carriers_without(carriers: dict, tr: Trigger) -> dict:
    return {k: v for k, v in carriers.items() if v is not tr}


def _depth(tok) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d
