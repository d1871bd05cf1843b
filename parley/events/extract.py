"""events stage: PLOVER events from the parse, the resolved actors and the quotes.

For each sentence: find triggers (triggers.py), then for each trigger its source (the clause's
subject, the speaker for "we", the possessor of a noun), its target (object, "with"/"to"/"against"
phrases), symmetric participants for meetings and joint agreements, the mode, the CAMEO code,
the markers negated / future / hypothetical from the parse, the date and the place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Event
from . import dates, filters, obligations, sides, triggers
from .markers import _chain, _demanded, _markers, _may, _unless, _verbal_negation, _will
from .places import LOC_PREPS, _consult_mode, _location, _places, sent_ents
from .lexicon import Lexicon, gazetteer, load
from .parties import FIRST_PERSON, Party, Resolver

SUBJ = ("nsubj", "nsubjpass", "csubj")
_WORDS = re.compile(r"\w+")
CLAUSE_DEPS = {"advcl", "relcl", "parataxis", "ccomp", "csubj", "conj", "mark", "punct"}
TARGET_SKIP = {"nsubj", "nsubjpass", "csubj", "advcl", "relcl", "parataxis", "mark", "punct", "cc",
               "aux", "auxpass", "neg", "det", "advmod", "npadvmod"}
SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE", "RETREAT", "ASSAULT"}
COLLECTIVE_HEADS = {"party", "parties", "side", "sides", "both", "two", "delegation", "delegations",
                    "country", "countries", "nation", "nations", "leader", "leaders", "team", "teams",
                    "negotiator", "negotiators"}


@dataclass
class ArticleState:
    participants: list[str] = field(default_factory=list)  # of the latest multi-party event
    actors: dict[str, str] = field(default_factory=dict)
    consult_location: str = ""
    cities: dict[str, str] = field(default_factory=dict)  # country -> city seen in the article


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


def _speaker(tok, ctx, res: Resolver, lex: Lexicon) -> Party | None:
    """Who speaks the clause holding the token: the quote's speaker, else the subject of a reporting
    verb above it in the sentence (or beside it: '..., Fidan said.')."""
    for q in ctx.quotes:
        if q.start <= tok.idx < q.end and q.party:
            return Party(q.party.split("|")[0], q.speaker, "", q.start, "person")
    t = tok
    for _ in range(12):
        if t.lemma_.lower() in lex.words("speech_verbs") and t.i != tok.i:
            s = _subject(t) or (_find_subject(t, lex) if t.dep_ == "conj" else None)
            if s is not None and not _first(s):
                ps = res.of_phrase(s)
                if ps:
                    return ps[0]
        if t.head.i == t.i:
            break
        t = t.head
    root = tok.sent.root
    for c in root.children:
        if c.lemma_.lower() in lex.words("speech_verbs") and c.dep_ in ("parataxis", "ccomp", "conj"):
            s = _subject(c)
            if s is not None:
                ps = res.of_phrase(s)
                if ps:
                    return ps[0]
    return None


def _unknown_speaker(tok, lex: Lexicon) -> Party | None:
    """The reporting verb's subject when it names an actor of no known party."""
    t = tok
    for _ in range(12):
        if t.lemma_.lower() in lex.words("speech_verbs") and t.i != tok.i:
            s = _subject(t)
            if s is not None and not _first(s) and _actor_like(s, suffix=False):
                return Party("", _span_text(s), "", s.idx, "")
        if t.head.i == t.i:
            break
        t = t.head
    return None


def _speech_subject_parties(tok, res: Resolver) -> list[str]:
    """Parties of the coordinated subject of the reporting verb above a pronoun."""
    t = tok.head
    for _ in range(4):
        if t.head.i == t.i:
            break
        if t.dep_ in ("ccomp",) and t.head.pos_ in ("VERB", "AUX"):
            s = _subject(t.head)
            if s is not None and any(c.dep_ == "conj" for c in s.children):
                return [p.code for p in res.of_phrase(s)]
            return []
        t = t.head
    return []


def _collective_antecedent(tok) -> bool:
    """'The parties stated that they ...': the pronoun's subject antecedent is a group word."""
    t = tok.head
    for _ in range(4):
        s = _subject(t)
        if s is not None and s.i != tok.i and _collective(s):
            return True
        if t.head.i == t.i:
            break
        t = t.head
    return False


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


def _targets(roots, res: Resolver, speaker, exclude_codes: set[str], skip: set[int], gaz, limit: int = 3,
             venue: bool = False):
    """Parties in the object and prepositional phrases below the given tokens, in text order
    (`venue`: a meeting, whose 'in <country>' anywhere below is its place, not a participant)."""
    found: list[Party] = []
    toks = []
    adjuncts = load().words("adjunct_nouns")
    root_ids = {r.i for r in roots if r is not None}

    def walk(t, depth):
        if t.i in skip or depth > 7:
            return
        toks.append(t)
        for c in t.children:
            if c.dep_ in TARGET_SKIP:
                continue
            if c.dep_ in ("ccomp", "conj") and any(g.dep_ in SUBJ for g in c.children):
                continue
            if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in adjuncts for g in c.children):
                continue  # "with support from France", "in the presence of the Saudi minister"
            if c.dep_ == "prep" and c.lower_ not in ("with", "between", "among", "by", "from") and t.pos_ == "NOUN" \
                    and t.lemma_.lower() in TALK_NOUNS and t.i not in root_ids:
                continue  # "open to talks on the Ukraine conflict": the topic, not the other side
            if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS and t.pos_ == "NOUN" and t.lemma_.lower() in TALK_NOUNS:
                continue  # "negotiations on Ukraine": the topic, not the other side
            if venue and c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "inside", "outside") \
                    and (not _actor_like1(t, suffix=False) or any(g.lower_ in ("both", "two") for g in t.children)) and any(
                    g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC", "FAC") and gaz.place(res._phrase(g)) is not None
                    for g in c.children):
                continue  # "a meeting ... in Saudi Arabia": the place (not "the team in Saudi Arabia")
            if c.dep_ == "prep" and c.lower_ in LOC_PREPS and t.pos_ in ("VERB", "AUX", "ADJ") or \
                    c.dep_ == "prep" and c.lower_ in LOC_PREPS and t.i in root_ids:
                # "in Jeddah" is the place, not the target; "in the war with Russia" is not skipped
                pobj = [g for g in c.children if g.dep_ == "pobj"]
                if pobj and (gaz.place(res._phrase(pobj[0])) is not None) and c.lower_ != "from":
                    continue
                if pobj and pobj[0].ent_type_ in ("GPE", "LOC", "FAC") and c.lower_ != "from":
                    continue
            walk(c, depth + 1)

    for r in roots:
        if r is not None:
            walk(r, 0)
    found_toks: list = []
    ranks = {t.i: _rank(t, roots) for t in toks}
    toks = [t for t in toks if ranks[t.i] < 9]
    for t in sorted(toks, key=lambda x: (ranks[x.i], x.i)):
        if t.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ", "X"):
            continue
        if t.pos_ == "PRON" and t.dep_ == "poss" and not _first(t):
            continue  # "their meeting": not a new party
        if t.pos_ == "PRON" and t.lower_ in ("him", "her", "them", "his", "their"):
            m = res.mention(t)
            p = res.of_token(t, speaker) if m is not None and m.party else _antecedent_not(res, t, exclude_codes)
        else:
            p = res.of_token(t, speaker)
        if p is None or not p.code or p.code in exclude_codes or any(f.code == p.code for f in found):
            continue
        if found and limit < 3 and not _coordinated(found_toks[0], t):
            break
        found.append(p)
        found_toks.append(t)
        if len(found) >= limit:
            break
    return found


TOPIC_PREPS = {"on", "in", "about", "over", "regarding", "concerning", "for"}
TALK_NOUNS = {"talk", "talks", "negotiation", "negotiations", "dialogue", "discussion", "discussions",
              "meeting", "summit", "agreement", "deal", "settlement", "peace", "plan", "proposal", "initiative",
              "process", "framework", "consultations", "contacts", "conference"}
TEMPORAL_PREPS = {"since", "after", "before", "during", "following", "amid", "until", "despite", "as"}


def _rank(tok, roots) -> int:
    """Where a target candidate stands: the object first, then 'with/to/against...' phrases,
    then anything else; phrases of time ('since the US cutoff') last."""
    root_ids = {r.i for r in roots if r is not None}
    t, path = tok, []
    for _ in range(10):
        if t.i in root_ids or t.head.i == t.i:
            break
        path.append(t)
        t = t.head
    if not path:
        return 0
    top = path[-1]
    if top.dep_ == "prep" and top.lower_ in TEMPORAL_PREPS:
        return 9  # never a target
    if top.dep_ in ("dobj", "dative", "nsubjpass", "attr", "oprd"):
        return 0
    if top.dep_ == "prep" and top.lower_ in ("with", "to", "against", "on", "toward", "towards", "at",
                                             "from", "for", "into", "over", "upon", "between"):
        return 1
    return 2


def _coordinated(a, b) -> bool:
    """b is coordinated with a ('the US and Ukraine', 'Russia and Ukraine')."""
    t = b
    for _ in range(4):
        if t.dep_ != "conj" or t.head.i == t.i:
            break
        t = t.head
        if t.i == a.i:
            return True
    return a.head.i == b.head.i and b.dep_ == "conj" 


def _other_actor(tok, pred, skip, res: Resolver) -> bool:
    """An actor the knowledge base does not know as the other side ('met President X')."""
    for r in ([tok] if tok.i == pred.i else [tok, pred]):
        for c in r.children:
            heads = [c] if c.dep_ in ("dobj", "dative") else \
                [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ in ("with", "between", "to") else []
            for h in heads:
                if h.i not in skip and (h.ent_type_ in ("PERSON", "ORG", "NORP") or _actor_like(h)) \
                        and not res.of_phrase(h):
                    return True  # an actor of no known party (a known one would be a participant)
    return False


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


TARGET_PREPS = {"with", "to", "against", "on", "at", "for", "from", "into", "toward", "towards", "upon", "over", "of", "by"}


def _target_actor(roots, skip: set[int]) -> bool:
    """Someone acted upon, named in the object or a 'to / against / with ...' phrase of the trigger,
    though of no known party ('attacked the rebels', 'accused the mayor')."""
    for r in roots:
        if r is None:
            continue
        heads = []
        for c in r.children:
            if c.i in skip:
                continue
            if c.dep_ in ("dobj", "dative", "nsubjpass", "attr", "oprd"):
                heads.append(c)
            elif c.dep_ in ("prep", "agent") and c.lower_ in TARGET_PREPS:
                heads += [g for g in c.children if g.dep_ == "pobj"]
            elif c.dep_ in ("xcomp", "ccomp", "acl", "relcl", "advcl", "conj", "pcomp"):
                heads += [g for g in c.children if g.dep_ in ("dobj", "nsubj", "nsubjpass", "dative")]
            elif c.dep_ == "poss" or (c.dep_ == "compound" and r.pos_ == "NOUN"):
                heads.append(c)
        for h in heads:
            for t in [h, *(g for g in h.children if g.dep_ in ("poss", "compound", "amod", "conj", "prep", "pobj"))]:
                if t.i not in skip and (_actor_like(t) or t.pos_ == "PROPN"):
                    return True
            for g in h.children:
                if g.dep_ == "prep":
                    if any(p.i not in skip and (_actor_like(p) or p.pos_ == "PROPN") for p in g.children if p.dep_ == "pobj"):
                        return True
    return False


def _within(t, top, n: int) -> bool:
    for _ in range(n):
        if t.head.i == top.i:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _left_party(tok, res: Resolver) -> Party | None:
    """The nearest party named before a root verb that has no subject of its own."""
    for t in reversed(list(tok.sent[: tok.i - tok.sent.start])):
        if t.pos_ in ("NOUN", "PROPN"):
            p = res.of_token(t)
            if p is None:
                ps = res.of_phrase(t)
                p = ps[0] if ps else None
            if p is not None and p.code:
                return p
    return None


def _between(tok, res: Resolver, speaker, deep: bool = False) -> list[str]:
    out: list[str] = []
    cands = list(tok.subtree) if deep else list(tok.children)
    for c in cands:
        if c.dep_ == "prep" and c.lower_ == "between" and (not deep or _within(c, tok, 5)):
            for g in c.children:
                if g.dep_ == "pobj":
                    for p in res.of_phrase(g, speaker):
                        if p.code not in out:
                            out.append(p.code)
    return out


def _antecedent_not(res: Resolver, tok, exclude: set[str]) -> Party | None:
    best = None
    for m in res._mentions:
        if m.start >= tok.idx:
            break
        if m.party not in exclude:
            best = m
    if best is None:
        return None
    return Party(best.party, best.actor if best.kind == "person" else "", best.sector, best.start, best.kind)


# -- markers ---------------------------------------------------------------------------------


# -- place -----------------------------------------------------------------------------------


# -- the stage -------------------------------------------------------------------------------
def _mode_from_content(tr, lex: Lexicon, subj) -> str:
    skip = _phrase_tokens(subj) if subj is not None else set()
    for t in sorted(tr.tok.subtree, key=lambda x: x.i):
        if t.i in skip or t.i == tr.tok.i:
            continue
        m = lex.request_modes.get(t.lemma_.lower()) or lex.request_modes.get(t.lower_)
        if m:
            return m
    m = lex.request_modes.get(tr.tok.lemma_.lower())
    return m or ""


def extract(ctx) -> list[Event]:
    lex = load()
    gaz = gazetteer()
    res = Resolver(ctx)
    state = ArticleState()
    igos = {"EU", "NATO", "UN", "G7", "G20", "OSCE", "AU", "ASEAN"}
    events: list[Event] = []
    text = ctx.text
    said: set[str] = set()
    for sent in ctx.sentences():
        words = " ".join(_WORDS.findall(sent.text.lower()))
        if words in said:
            continue  # a line repeated in the text (a title printed twice) reports nothing new
        said.add(words)
        places = _places(sent, res, gaz)
        for name, code, is_city, _ in places:
            if is_city:
                state.cities.setdefault(code, name)
        seen: set[tuple] = set()
        sent_events: list[Event] = []
        frames = obligations.frames(sent)
        demanded = {t.i for _, act in frames for t in act.subtree}
        for tr in triggers.find(sent, lex):
            if filters.not_an_event(tr, lex) or tr.tok.i in demanded:
                continue  # ("it falls on Russia to accept ...": the act is demanded, not done)
            depth = triggers._depth(tr.tok if tr.light is None else tr.light)
            for ev in _events_for(tr, ctx, res, lex, gaz, state, places, igos):
                key = (ev.type, tuple(sorted(ev.source)), tuple(sorted(ev.target)))
                if key in seen:
                    continue
                seen.add(key)
                ev.sentence = text[sent.start_char:sent.end_char]
                ev.sentence_start, ev.sentence_end = sent.start_char, sent.end_char
                sent_events.append((depth, len(sent_events), ev))
        for ev, tok in _demands(sent, ctx, res, lex, seen, text) + _obliged(sent, frames, ctx, res, lex, seen, text):
            sent_events.append((triggers._depth(tok), len(sent_events), ev))
        # the main clause's event first (readers and the PLOVER scorer take the first as the main one)
        events.extend(ev for _, _, ev in sorted(sent_events, key=lambda x: (x[0], x[1])))
    return events


def _date_for(tr, ctx) -> str | None:
    sent = tr.tok.sent
    sub = {t.i for t in tr.tok.subtree} | ({t.i for t in tr.light.subtree} if tr.light is not None else set())
    ents = [e for e in sent_ents(sent) if e.label_ in ("DATE", "TIME")]
    ents.sort(key=lambda e: (e.root.i not in sub and e.root.head.i not in sub, e.start))
    for e in ents:
        prev = sent.doc[e.start - 1].text if e.start > sent.start else ""
        d = dates.resolve(f"{prev} {e.text}", ctx.date)
        if d:
            return d
    return None


def _events_for(tr, ctx, res: Resolver, lex: Lexicon, gaz, state: ArticleState, places, igos):
    e = tr.entry
    etype, mode, code = e.type, e.mode, e.cameo
    tok = tr.tok
    pred = tr.light if tr.light is not None else tok
    if tr.frame == "adj":
        pred = _clause_head(tok) if tok.dep_ in ("acomp", "xcomp", "oprd") else tok
    speaker = _speaker(tok, ctx, res, lex)
    # source
    src: list[Party] = []
    tgt: list[Party] = []
    subj = None
    source_skip: set[int] = set()
    if tr.frame in ("verb", "adj", "light"):
        if _is_passive(pred) and etype not in ("CONSULT",) and not _adjectival(pred) and not (
                mode == "disarm" and _agent(pred) is None):  # "guerrillas have been demobilized"
            ag = _agent(pred)
            if ag is not None:
                src = res.of_phrase(ag, speaker)
                source_skip |= _phrase_tokens(ag)
            sp = next((c for c in pred.children if c.dep_ == "nsubjpass"), None)
            if sp is not None:
                tgt = res.of_phrase(sp, speaker)
                source_skip |= _phrase_tokens(sp)
        else:
            subj = _find_subject(pred, lex)
            if subj is not None:
                if _collective(subj) and not res.of_phrase(subj, speaker) and len(state.participants) >= 2:
                    src = [Party(c) for c in state.participants]
                elif etype == "CONSULT" and _collective(subj) and not res.of_phrase(subj, speaker):
                    src = [Party(c) for c in sides.named_principals(ctx, tok)]  # "both delegations met"
                else:
                    src = res.of_phrase(subj, speaker)
                if subj.i < pred.i or subj.head.i == pred.i:
                    source_skip |= _phrase_tokens(subj, pred)
                elif subj.dep_ in SUBJ:
                    source_skip |= _phrase_tokens(subj, pred)
    if tr.frame != "verb" and e.pos == "n":
        # a noun's own possessor / modifiers name its agent ("Russia's demands", "US proposal")
        own = []
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "amod"):
                own += res.of_phrase(c, speaker)
            elif c.dep_ == "prep" and c.lower_ in ("by", "from"):
                own += [p for g in c.children if g.dep_ == "pobj" for p in res.of_phrase(g, speaker)]
        if tr.light is not None and tr.light.lemma_.lower() in ("draw", "face", "receive"):
            # "Medinsky has drawn criticism from Ukrainian officials"
            tgt, src = src, [p for p in own]
            own = []
        elif own and (not src or tr.frame in ("subject", "prep", "root", "poss")):
            if etype == "CONSULT":
                src = src + own
            else:
                src = own
    if not src and etype == "CONSULT" and tr.frame == "prep" and tok.dep_ == "pobj" \
            and tok.head.head.pos_ in ("VERB", "AUX"):
        # "In a phone call with Biden, Zelensky listed ...": the clause's subject took part
        gs = _subject(tok.head.head)
        if gs is not None and not _first(gs):
            src = res.of_phrase(gs, speaker)[:1]
            skip_gov = _phrase_tokens(gs)
            source_skip |= skip_gov
    if not src and speaker is not None and (subj is None or _first(subj)):
        src = [speaker]
    if not src and subj is not None and _first(subj) and speaker is not None:
        src = [speaker]
    src_codes = {p.code for p in src}
    # targets
    roots = [tok] if pred.i == tok.i else [tok, pred]
    skip = set(source_skip)
    if subj is not None:
        skip |= _phrase_tokens(subj, pred)
    if etype == "CONSULT":
        found = _targets(roots, res, speaker, src_codes, skip | {pred.i} - {tok.i}, gaz, limit=4, venue=True)
        found = [p for p in found if p.code not in src_codes]
        parts = [p.code for p in src] + [p.code for p in found]
        between = _between(tok, res, speaker)
        if len(between) >= 2:
            parts = between  # "hosted the talks between the US and Ukraine": the host is no party
        mediator = tok.lemma_.lower() in lex.words("mediator_verbs") and bool(src)  # "Fidan chaired the talks"
        carry = subj is None or _first(subj) or _collective(subj) or tr.frame != "verb" or mediator
        if carry and len(set(parts)) < 2 and state.participants and (
                not parts or parts[0] in state.participants or mediator):
            parts = parts + [c for c in state.participants if c not in parts]
        third = [src[0].code] if mediator else []
        if len(set(parts)) >= 2:  # "with Türkiye playing a mediating role": the mediator takes part
            third += [c for c in sides.mediators(tok.sent, res) if c not in parts]
            parts = parts + third
        parts = list(dict.fromkeys(parts))
        loc = _location(tr, places, state)
        host = gaz.place(loc)[1] if loc and gaz.place(loc) else ""
        if len(parts) == 1 and host and host != parts[0] and (e.mode == "visit" or tok.lemma_ in ("visit", "trip")):
            parts = parts + [host]  # "arrived in Amman on a visit": Jordan hosts
        unknown_subject = subj is not None and not src and _actor_like(subj)  # "Taliban leaders met envoy X"
        if len(parts) < 2 and not (parts and (_other_actor(tok, pred, skip, res) or unknown_subject)):
            if parts or not (subj is not None and _actor_like(subj) and _other_actor(tok, pred, skip, res)):
                return []  # a meeting of actors of no known party is kept without parties
        loc = loc or state.consult_location
        loc_code = ""
        if loc:
            hit = gaz.place(loc)
            loc_code = hit[1] if hit else ""
        if loc_code in parts and len(parts) >= 3 and tok.lemma_.lower() not in ("chair", "mediate", "facilitate") \
                and not any(t.lemma_.lower() in ("mediate", "mediator", "mediation", "chair", "facilitate")
                            or t.lower_ in sides.MEDIATE for t in tok.sent):
            parts = [c for c in parts if c != loc_code]  # the host of talks between others
        mode = _consult_mode(parts, loc_code, tr, mode, igos)
        actors = [p.actor for p in src + found if p.actor]
        trip = {t.lemma_.lower() for t in tok.sent} & {"trip", "visit", "travel", "fly", "arrive"}
        if mode == "visit" and src and (e.mode == "visit" or (trip and loc_code in parts)) and \
                loc_code != src[0].code:
            host = loc_code if loc_code in parts else ""
            source = [src[0].code]
            target = [host] if host else [c for c in parts if c != src[0].code][:1]
        else:
            source, target = parts, []
        sides_of_talks = [c for c in parts if c not in third]  # "both sides" later: not the mediator
        if len(sides_of_talks) >= 2:
            state.participants = sides_of_talks
        if loc:
            state.consult_location = loc
        neg, fut, hyp = _markers(tr, lex)
        if neg and _verbal_negation(tr):  # "could not hold peace talks": a refusal to meet
            first = src[0].code if src else source[0]
            return [_event("REJECT", "meet", "", [first], [c for c in parts if c != first], "", "",
                           loc, tr, ctx, lex, False, fut, hyp)]
        if src and src[0].code and _wants(tr, lex):
            # "we want to have a constructive conversation": an intent to meet (PLOVER AGREE, CAMEO 036)
            first = src[0].code
            return [_event("AGREE", "", "036", [first], [c for c in parts if c != first], src[0].actor, "",
                           loc, tr, ctx, lex, neg, fut, hyp)]
        return [_event(etype, mode, code, source, target, "|".join(dict.fromkeys(actors)), "",
                       loc, tr, ctx, lex, neg, fut, hyp)]
    if etype in ("AGREE", "RETREAT") and e.pos == "n":
        between = _between(tok, res, speaker, deep=True)
        if len(between) >= 2:
            src, src_codes = [Party(c) for c in between], set(between)
    if etype == "AGREE" and tr.light is not None and tr.light.lemma_.lower() in lex.words("report_verbs") \
            and tok.lemma_.lower() in lex.words("agreement_nouns"):
        # "The White House has announced an agreement to cease combat": who agreed, not who announced
        between = _between(tok, res, speaker, deep=True)
        both = between if len(between) >= 2 else \
            sides.named_principals(ctx, tok) if sides.about_fighting(tr, lex, set()) else \
            state.participants if len(state.participants) >= 2 else []
        if both:
            src, src_codes = [Party(c) for c in both], set(both)
    if etype == "RETREAT" and tok.lemma_.lower() in lex.words("mutual_acts") and len(src_codes - {""}) < 2:
        # "an exchange of prisoners will take place": an exchange has two sides
        both = state.participants if len(state.participants) >= 2 else sides.named_principals(ctx, tok)
        if both and (not src_codes - {""} or src_codes & set(both)):
            src, src_codes = [Party(c) for c in both], set(both)
    joint = _speech_subject_parties(subj, res) if subj is not None and subj.lower_ in ("they", "we") else []
    if len(joint) >= 2:  # "Ukraine and the United States said they would ..."
        src, src_codes = [Party(c) for c in joint], set(joint)
    elif etype in SYMMETRIC and len(state.participants) >= 2 and (
            (not src and tr.frame in ("subject", "prep", "root"))
            or (not src and subj is None and etype == "AGREE" and tok.dep_ == "ROOT")
            or (subj is not None and subj.lower_ == "they" and (not src or _collective_antecedent(subj)))
            or (subj is not None and subj.lower_ in ("they", "we") and len(_speech_subject_parties(subj, res)) >= 2)
            or (etype == "AGREE" and "CONSULT" in tr.content and e.pos != "a"
                and (subj is None or (_first(subj) and subj.lower_ not in ("i", "me")) or _collective(subj))
                and src and src[0].code in state.participants)
            or (subj is not None and _first(subj) and subj.lower_ in ("we", "us") and tok.lemma_ == "agree"
                and src and src[0].code in state.participants)):
        src = [Party(c) for c in state.participants]
        src_codes = set(state.participants)
    if not tgt:
        tgt = _targets(roots, res, speaker, src_codes, skip, gaz, limit=2)
    if not src:
        if (etype in ("ASSAULT", "COERCE", "SANCTION") or mode == "investigate") and tgt:
            pass  # "three civilians were killed", "was put under investigation": the agent is unknown
        elif subj is None and tok.dep_ == "ROOT" and _left_party(tok, res):
            src = [_left_party(tok, res)]  # a subject the parser lost: the party named just before
        elif etype == "PROTEST" and places:
            src = [Party(places[0][1])]
        elif subj is not None and subj.pos_ in ("NOUN", "PROPN", "PRON") and not _bare_collective(subj) and (
                tgt or _actor_like(subj, suffix=etype in ("ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "THREATEN"))):
            src = [Party("", _span_text(subj))]  # an actor the knowledge base does not know
        else:
            return []
    source = list(dict.fromkeys(p.code for p in src if p.code))
    target = [p.code for p in tgt if p.code not in source][:2]
    if not target and etype in sides.DIRECTED:  # "signalling to the United States that it was open to talks"
        target = sides.addressee(tok if tr.light is None else tr.light, res, speaker, source)
    if not target:  # "agreed to a ceasefire if Russia complies", "offered a truce": the other side
        target = sides.other_side(tr, etype, source, res, speaker, lex, ctx.profile, skip)
    if not target and etype == "SUPPORT" and "CONSULT" in tr.content:
        # "welcomed the launch of negotiations (between X and Y)": support for the talks' parties
        between = _between(tok, res, speaker, deep=True) or list(state.participants)
        target = [c for c in between if c not in source]
    if not target and len(source) == 1 and etype in ("AGREE", "REJECT", "REQUEST") \
            and source[0] in state.participants and len(state.participants) == 2:
        target = [c for c in state.participants if c != source[0]]  # the other side of the talks
    # symmetric agreements: "Russia and Ukraine agreed", "the parties agreed"
    if len(source) >= 2 and etype in SYMMETRIC:
        target = []
        state.participants = source
    # retype: supporting a proposal is agreeing to it
    for rule in lex.retype:
        if etype in rule.get("from", []) and e.pos == "v" and tok.lemma_.lower() in rule.get("verbs", []):
            objs = {w.lower() for w in rule.get("objects", [])}
            if any(t.lemma_.lower() in objs or t.lower_ in objs for c in tok.children if c.dep_ in ("dobj", "prep")
                   for t in c.subtree):
                etype, code, mode = rule["to"], rule.get("cameo", ""), ""
    demanded = _demanded(tr, lex)
    if demanded and speaker is None:
        speaker = _unknown_speaker(tok, lex)
    if demanded and speaker is not None and etype not in ("REQUEST",) and (
            speaker.code not in source or (subj is not None and subj.pos_ != "PRON"
                                           and speaker.start != (src[0].start if src else -2))):
        content = lex.request_modes.get(tok.lemma_.lower()) or _mode_from_content(tr, lex, subj)
        etype, mode, code = "REQUEST", content, ""
        source, target = [speaker.code] if speaker.code else [], source
        src, tgt = [speaker], src
    if etype in ("REQUEST", "REJECT"):
        mode = mode or _mode_from_content(tr, lex, subj)
    if etype == "AGREE" and not code:
        code = "030"
    if etype == "AGREE" and _mode_from_content(tr, lex, subj) == "meet":
        code = "036"
    neg, fut, hyp = _markers(tr, lex)
    if etype in ("ASSAULT", "COERCE") and _no_longer(tr):
        # "Russia is no longer attacking energy facilities": the attacks stopped (PLOVER RETREAT ceasefire)
        etype, mode, code, neg = "RETREAT", "ceasefire", "", False
    ordered = [c for c in tr.content if c.lower() in lex.words("conflict_types")]
    if etype == "REQUEST" and tok.lemma_.lower() in ("order", "instruct", "command") and ordered:
        etype, code, mode = ordered[0], "", ""  # "ordered the newspaper to suspend publication": the act
    elif etype == "AID" and "ACCUSE" in tr.content:
        etype, code, mode = "ACCUSE", "", "investigate"  # "sent inspectors to investigate"
    elif etype == "REQUEST" and ("SANCTION" in tr.content or "ACCUSE" in tr.content):
        etype, code, mode = "ACCUSE", "", "disapprove"  # "called for sanctions against X"
    if etype == "CONSULT" and tok.lemma_ == "call" and any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in tok.children):
        etype, code, mode = "ACCUSE", "", "disapprove"  # "called the envoy a stupid guy"
    if neg and etype in ("AGREE", "CONSULT", "CONCEDE", "RETREAT", "AID", "SUPPORT", "COOPERATE") \
            and _verbal_negation(tr):
        # "could not hold peace talks", "will not accept": a refusal (PLOVER REJECT)
        mode = "meet" if etype == "CONSULT" or "CONSULT" in tr.content else \
            {"RETREAT": "yield", "CONCEDE": "yield", "AID": "assist", "COOPERATE": "assist"}.get(etype, "")
        etype, code, neg = "REJECT", "", False
        if len(source) > 1:
            source, target = source[:1], [c for c in source[1:] if c not in target] + target
    if tr.light is not None:
        for rule in lex.retype_light:
            if tr.light.lemma_.lower() in rule["verbs"] and etype in rule["from"]:
                etype, code, mode = rule["to"], rule.get("cameo", ""), ""
                break
    intent = tok.lemma_.lower() in lex.words("intention_verbs") or (
        tr.light is not None and tr.light.lemma_.lower() in lex.words("intention_verbs"))
    conflict = lex.words("conflict_types")
    if etype == "AGREE" and intent and any(c.lower() in conflict for c in tr.content):
        etype, code, mode = "THREATEN", "", ""  # "prepared to impose martial law"
    elif etype.lower() in conflict and fut and not hyp and _will(tr):
        etype, code, mode = "THREATEN", "", ""  # "would tighten the blockade"
    elif (fut or _may(tr)) and _unless(tr, with_if=etype.lower() in conflict) \
            and etype not in ("REQUEST", "ACCUSE", "THREATEN"):
        etype, code, mode, hyp = "THREATEN", "", "", False  # "will withdraw ... unless": an ultimatum
    if fut and not hyp and etype in FUTURE_AGREE and _will(tr) and tr.frame != "subject" \
            and " ".join((e.lemma, *e.extra)) not in lex.words("solidarity"):
        # PLOVER: promised material cooperation is an intention to cooperate (AGREE); a scheduled
        # event ("an exchange of prisoners will take place") is no party's promise, and "will stand
        # with Ukraine" is solidarity stated now (SUPPORT)
        etype, code, mode = "AGREE", lex.default_cameo.get(("AGREE", ""), "030"), ""
    if not target and len(source) <= 1 and etype.lower() in lex.words("needs_target") \
            and not (subj is not None and any(c.dep_ == "conj" for c in subj.children)) \
            and not _target_actor(roots, skip | _phrase_tokens(subj, pred) if subj is not None else skip):
        return []  # "Russian soldiers have been advancing", "we want to thank": no one acted upon
    loc = _location(tr, places, state)
    src_actor = "|".join(dict.fromkeys(p.actor for p in src if p.actor))
    tgt_actor = "|".join(dict.fromkeys(p.actor for p in tgt if p.actor and p.code in target))
    out = [_event(etype, mode, code, source, target, src_actor, tgt_actor, loc, tr, ctx, lex,
                  neg, fut, hyp)]
    backers = [c for c in sides.backers(pred, res, speaker) if c not in source]
    if backers and source and not neg:  # "proposed a truce, with support from France": France backs Ukraine
        out.append(_event("SUPPORT", "", "", backers, source[:1], "", src_actor, loc, tr, ctx, lex,
                          False, fut, hyp))
    return out


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


FUTURE_AGREE = {"AID", "SUPPORT", "COOPERATE", "RETREAT", "CONCEDE"}


def _event(etype, mode, code, source, target, src_actor, tgt_actor, loc, tr, ctx, lex, neg, fut, hyp):
    if etype == "CONSULT" and mode:
        code = ""  # the mode's own CAMEO code (phone 041, visit 042, third-party 044)
    cameo = lex.cameo_for(etype, mode, code)
    trig = tr.tok.text if tr.light is None else f"{tr.light.text} {tr.tok.text}"
    return Event(type=etype, source=list(source), target=list(target), sentence="", mode=mode,
                 context=lex.context_for(cameo), source_actor=src_actor, target_actor=tgt_actor,
                 location=loc, date=_date_for(tr, ctx), negated=neg, future=fut, hypothetical=hyp,
                 cameo=cameo, trigger=trig)


def _demands(sent, ctx, res: Resolver, lex: Lexicon, seen: set, text: str) -> list[tuple]:
    """Reported demands: '<speaker> said Russia must withdraw' -> REQUEST(speaker -> Russia)."""
    out = []
    modals = lex.words("demand_modals")
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        auxes = [c for c in tok.children if c.dep_ == "aux"]
        is_demand = any(a.lower_ in modals for a in auxes)
        if not is_demand and tok.lemma_ == "have" and any(c.dep_ == "xcomp" for c in tok.children):
            is_demand = False
        if not is_demand:
            continue
        subj = _subject(tok)
        if subj is None or filters.indirect_question(tok) or filters.commentary(tok, lex):
            continue
        speaker = _speaker(tok, ctx, res, lex)
        if speaker is None:
            continue
        ps = res.of_phrase(subj, speaker)
        targets = [p.code for p in ps if p.code != speaker.code]
        if not targets or _first(subj):
            continue
        mode = ""
        for t in sorted(tok.subtree, key=lambda x: x.i):
            if t.i in _phrase_tokens(subj):
                continue
            mode = lex.request_modes.get(t.lemma_.lower(), "")
            if mode:
                break
        key = ("REQUEST", (speaker.code,), tuple(sorted(targets)))
        if key in seen:
            continue
        seen.add(key)
        tr = triggers.Trigger(tok, None)
        neg = any(c.dep_ == "neg" for c in tok.children)
        cameo = lex.cameo_for("REQUEST", mode, "")
        out.append((Event(type="REQUEST", source=[speaker.code], target=targets,
                         sentence=text[sent.start_char:sent.end_char], mode=mode,
                         context=lex.context_for(cameo), source_actor=speaker.actor,
                         target_actor="|".join(p.actor for p in ps if p.actor),
                         date=_date_for(tr, ctx), negated=neg, cameo=cameo, trigger=tok.text,
                         sentence_start=sent.start_char, sentence_end=sent.end_char), tok))
    return out


def _obliged(sent, frames, ctx, res: Resolver, lex: Lexicon, seen: set, text: str) -> list[tuple]:
    """'it now falls on Russia to accept the terms', 'it's their turn to say yes': REQUEST of the speaker
    (`frames`: obligations.frames(sent))."""
    out = []
    for who, act in frames:
        speaker = _speaker(act, ctx, res, lex)
        if speaker is None or not speaker.code:
            continue
        ps = [p for p in res.of_phrase(who, speaker) if p.code and p.code != speaker.code]
        if who.pos_ == "PRON" and ps:
            # "Ukraine is willing to stop shooting, and now it's their turn": another party than the
            # subject of the clause it is contrasted with
            others = {p.code for c in sent if c.dep_ in ("nsubj", "nsubjpass") and c.i < who.i and c.pos_ == "PROPN"
                      for p in res.of_phrase(c, speaker)}
            if ps[0].code in others:
                alt = _antecedent_not(res, who, others | {speaker.code})
                ps = [alt] if alt is not None and alt.code else []
        key = ("REQUEST", (speaker.code,), tuple(sorted(p.code for p in ps)))
        if not ps or key in seen:
            continue
        seen.add(key)
        mode = obligations.mode_of(act, lex)
        cameo = lex.cameo_for("REQUEST", mode, "")
        tr = triggers.Trigger(act, None)
        neg, fut, hyp = _markers(tr, lex)
        out.append((Event(type="REQUEST", source=[speaker.code], target=[p.code for p in ps],
                          sentence=text[sent.start_char:sent.end_char], mode=mode,
                          context=lex.context_for(cameo), source_actor=speaker.actor,
                          target_actor="|".join(p.actor for p in ps if p.actor), date=_date_for(tr, ctx),
                          negated=neg, hypothetical=hyp, cameo=cameo, trigger=act.text,
                          sentence_start=sent.start_char, sentence_end=sent.end_char), act))
    return out
