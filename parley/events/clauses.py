"""The trigger's clause as the events stage reads it: its subject (through control, coordination and
relative clauses), passive agents, the tokens of a phrase, collective and first-person subjects,
words that name actors, and the intent / "no longer" frames around a trigger."""
from __future__ import annotations

from itertools import islice

from .lexicon import Lexicon
from .markers import _chain
from .parties import FIRST_PERSON

SUBJ = ("nsubj", "nsubjpass", "csubj")
COLLECTIVE_HEADS = {"party", "parties", "side", "sides", "both", "two", "delegation", "delegations",
                    "country", "countries", "nation", "nations", "leader", "leaders", "team", "teams",
                    "negotiator", "negotiators"}



def _clause_head(tok):
    """Climb xcomp/aux links to the verb whose subject and modals govern the trigger."""
    t = tok
    for _ in range(6):
        if t.dep_ in ("xcomp", "acomp", "oprd") and t.head.i != t.i:
            t = t.head
        else:
            break
    return t


def _subject(verb):
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "expl") and c.dep_ != "expl":
            return c
    return None


OBJECT_CONTROL = {"urge", "ask", "tell", "persuade", "force", "order", "allow", "help", "encourage", "invite",
                  "push", "pressure", "press", "call", "require", "compel", "instruct", "convince", "enable",
                  "permit", "get", "lead", "cause", "want", "expect", "need", "advise", "warn", "forbid",
                  "prevent", "oblige", "authorize", "authorise", "empower", "leave", "let", "make"}


def _find_subject(tok, lex: Lexicon):
    """The subject of the clause the trigger is in, following control and coordination."""
    t = tok
    for _ in range(6):
        s = _subject(t)
        if s is not None:
            if s.lower_ in ("who", "which", "that") and t.dep_ == "relcl":
                return t.head
            return s
        if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.head.pos_ == "NOUN":
            # "the part neighbouring states played in helping", "Turkey's part in brokering": the noun's actor
            noun = t.head.head
            own = [c for c in noun.children if c.dep_ == "poss"] + [
                g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
            own = [o for o in own if o.pos_ in ("NOUN", "PROPN", "PRON")]
            if own:
                return own[0]
        if t.dep_ in ("xcomp", "conj", "acomp", "oprd", "advcl", "pcomp") and t.head.i != t.i:
            if t.dep_ == "xcomp":
                # object control: "urged Ukraine to negotiate" -> Ukraine
                objs = [c for c in t.head.children if c.dep_ == "dobj"]
                if objs and t.head.lemma_.lower() in OBJECT_CONTROL:
                    return objs[0]
            t = t.head
            continue
        if t.dep_ == "relcl":
            return t.head
        if t.dep_ == "acl" and t.tag_ in ("VBG", "VBN"):
            t = t.head  # "issued a declaration demanding ...": the declaration's issuer
            continue
        if t.dep_ == "pobj" and t.head.dep_ == "prep":
            t = t.head.head
            continue
        if t.dep_ in ("dobj", "attr", "prep") and t.head.i != t.i:
            t = t.head
            continue
        break
    return None


def _is_passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _adjectival(verb) -> bool:
    """'is committed to', 'is opposed to', 'is prepared to': a state of the subject, not a passive."""
    if _agent(verb) is not None:
        return False
    return any(c.dep_ in ("xcomp",) or (c.dep_ == "prep" and c.lower_ == "to" and c.i > verb.i
                                        and verb.lemma_.lower() in ADJECTIVAL) for c in verb.children)


ADJECTIVAL = {"commit", "oppose", "prepare", "dedicate", "devote", "determine", "resolve", "incline", "open",
              "attach", "accustom", "opposed", "committed", "prepared", "dedicated", "devoted", "used"}


def _agent(verb):
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None



def _bare_collective(tok) -> bool:
    """'the parties', 'both sides' (not 'leaders of the coalition')."""
    return _collective(tok) and not any(c.dep_ in ("prep", "compound", "amod", "poss") for c in tok.children)


def _first(tok) -> bool:
    return tok.lower_ in FIRST_PERSON and tok.pos_ == "PRON"


def _collective(head) -> bool:
    if head is None:
        return False
    if head.lower_ in COLLECTIVE_HEADS or head.lemma_.lower() in COLLECTIVE_HEADS:
        return True
    return any(c.lower_ in ("both", "two") for c in head.children)


def _phrase_tokens(head, inside=None) -> set[int]:
    """The phrase's tokens; with `inside` (a trigger in a relative clause of the phrase, "Rubio, who
    will meet with G7 ministers"), without the clause that holds the trigger."""
    out = {t.i for t in head.subtree}
    if inside is not None and inside.i in out and inside.i != head.i:
        for c in head.children:
            sub = {t.i for t in c.subtree}
            if inside.i in sub:
                out -= sub
    return out



def _within(t, top, n: int) -> bool:
    """`top` is one of the first `n` heads above `t`."""
    return any(a.i == top.i for a in islice(t.ancestors, n))



def _wants(tr, lex: Lexicon) -> bool:
    """The trigger is the complement of a verb or adjective of wish or intent of the same subject
    ('want to have talks', 'hopes to meet', 'eager to talk')."""
    t = tr.light if tr.light is not None else tr.tok
    for _ in range(3):
        if t.dep_ not in ("xcomp", "acomp") or t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in lex.words("intent_to_meet"):
            return True
    return False


def _no_longer(tr) -> bool:
    """'no longer' on the trigger's verb chain."""
    for t in _chain(tr.tok if tr.light is None else tr.light)[:3]:
        for c in t.children:
            if c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) or \
                    c.lower_ == "no" and c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ == "longer":
                return True
    return False



ACTOR_NOUNS = {"government", "police", "army", "troops", "forces", "rebels", "militants", "officials",
               "protesters", "demonstrators", "students", "workers", "parliament", "president",
               "minister", "ministry", "court", "opposition", "party", "guerrillas", "soldiers",
               "authorities", "leaders", "leader", "military", "regime", "insurgents", "fighters",
               "union", "unions", "prisoners", "group", "groups", "activists", "crowd", "crowds",
               "thousands", "hundreds", "villagers", "residents", "farmers", "security", "embassy",
               "delegation", "spokesman", "spokeswoman", "prime", "junta", "cabinet", "council",
               "assembly", "congress", "senate", "administration", "agency", "commission", "navy",
               "gunmen", "separatists", "mob", "coalition", "alliance", "organization", "movement",
               "ngo", "minister", "leader", "leaders", "ministers", "judge", "state", "states", "country",
               "countries", "team", "members", "staff", "company", "firm", "newspaper", "media", "donor",
               "donors", "taliban", "hezbollah", "hamas", "militia", "militias", "cartel", "mission",
               "elders", "wing", "faction", "forum", "camp", "side", "tribe", "clan", "chief", "chiefs"}


AGENT_SUFFIXES = ("er", "or", "ist", "ant", "ian", "ee")
NOT_AGENTS = {"number", "power", "matter", "border", "order", "water", "letter", "paper", "member",
              "center", "centre", "quarter", "corridor", "sector", "factor", "error", "minister", "manner",
              "chapter", "proposer", "computer", "summer", "winter", "number", "register", "transfer",
              "partner", "river", "tower", "other", "offer", "tanker", "banner", "charter", "disaster",
              "ceasefire", "territory", "plant", "grant", "variant", "weather", "monster", "shelter",
              "poster", "cancer", "finger", "marker", "leader"}


def _actor_like(tok, suffix: bool = True) -> bool:
    if any(c.dep_ == "conj" and _actor_like1(c, suffix) for c in tok.children):
        return True
    return _actor_like1(tok, suffix)


def _actor_like1(tok, suffix: bool = True) -> bool:
    if tok.pos_ == "PRON":
        return tok.lower_ in ("he", "she", "they", "it")
    low = tok.lemma_.lower()
    if suffix and tok.pos_ == "NOUN" and len(low) > 5 and low.endswith(AGENT_SUFFIXES) and low not in NOT_AGENTS:
        return True  # attackers, bombers, jihadists, lawmakers ...
    return tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or tok.lemma_.lower() in ACTOR_NOUNS \
        or tok.lower_ in ACTOR_NOUNS


def _span_text(tok) -> str:
    toks = [t for t in tok.subtree if t.dep_ not in ("relcl", "punct") and t.i <= tok.i + 3]
    return tok.doc[min(t.i for t in toks):max(t.i for t in toks) + 1].text if toks else tok.text

