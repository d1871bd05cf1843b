"""Targets of a trigger: parties in its object and prepositional phrases (not places, topics of talks
or phrases of time), ranked object first; "between X and Y"; someone acted upon of no known party;
the party named before a subject-less verb; an earlier mention of another party than given ones."""
from __future__ import annotations

from .clauses import _actor_like, _actor_like1, _first, _within
from .lexicon import load
from .parties import Party, Resolver
from .places import LOC_PREPS

SUBJ = ("nsubj", "nsubjpass", "csubj")
TARGET_SKIP = {"nsubj", "nsubjpass", "csubj", "advcl", "relcl", "parataxis", "mark", "punct", "cc",
               "aux", "auxpass", "neg", "det", "advmod", "npadvmod"}


def _targets(roots, res: Resolver, speaker, exclude_codes: set[str], skip: set[int], gaz, limit: int = 3,
             venue: bool = False, premises: bool = False):
    """Parties in the object and prepositional phrases below the given tokens, in text order
    (`venue`: a meeting, whose 'in <country>' anywhere below is its place, not a participant;
    `premises`: 'in / at / inside' a building is where the act took place, and the building's
    nationality ("murdered in the Saudi consulate") no target)."""
    found: list[Party] = []
    toks = []
    adjuncts = load().words("adjunct_nouns")
    buildings = load().words("venue_nouns") if premises else set()
    root_ids = {r.i for r in roots if r is not None}

    def walk(t, depth):
        if t.i in skip or depth > 7:
            return
        toks.append(t)
        for c in t.children:
            if c.dep_ == "advcl":
                # "cut its support for Kyiv to pressure Zelensky": the parser reads "for Kyiv to ..." as
                # one clause; the "for" phrase is still the act's beneficiary
                for g in c.children:
                    if g.dep_ == "mark" and g.lower_ == "for" and g.i < c.i:
                        toks.extend(p for p in g.children if p.dep_ == "pobj" and p.i not in skip)
            if c.dep_ in TARGET_SKIP:
                continue
            if c.dep_ in ("ccomp", "conj") and any(g.dep_ in SUBJ for g in c.children):
                continue
            if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in adjuncts and _backer(g)
                                        for g in c.children):
                continue  # "with support from France", "in the presence of the Saudi minister"
            if c.dep_ == "prep" and c.lower_ not in ("with", "between", "among", "by", "from") and t.pos_ == "NOUN" \
                    and t.lemma_.lower() in TALK_NOUNS and t.i not in root_ids:
                continue  # "open to talks on the Ukraine conflict": the topic, not the other side
            if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS and t.pos_ == "NOUN" and t.lemma_.lower() in TALK_NOUNS:
                continue  # "negotiations on Ukraine": the topic, not the other side
            if buildings and c.dep_ == "prep" and c.lower_ in ("in", "at", "inside") and any(
                    g.dep_ == "pobj" and g.lemma_.lower() in buildings for g in c.children):
                continue
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


def _backer(noun) -> bool:
    """The adjunct noun names its own party ('support from France', 'the presence of the minister',
    "France's backing"), unlike 'military assistance to Ukraine'."""
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("from", "of", "by")) for c in noun.children)


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
    """The last mention before `tok` whose party is not excluded."""
    return res.last_mention(tok, lambda m: m.party not in exclude)
