"""Sources and targets of a trigger's event, by the trigger's frame and type: the clause's subject
(the agent of a passive, the possessor of a noun, the speaker for "we"), the sides of talks for
symmetric acts, the objects and "with / to / against" phrases, the other side of an offer, an
addressee; then the type rules (retype.py) and the check that a directed act has a target.
Meetings (CONSULT) are read in consult.py."""
from __future__ import annotations

from . import sides
from .clauses import (_actor_like, _adjectival, _agent, _bare_collective, _clause_head, _collective, _find_subject,
                      _first, _is_passive, _phrase_tokens, _span_text, _subject)
from .consult import consult_events
from .lexicon import Lexicon
from .lookup import lookup
from .parties import Party, Resolver
from .places import _location
from .record import ArticleState, _event
from .retype import Draft, adjust
from .speakers import _collective_antecedent, _speaker, _speech_subject_parties
from .targets import _between, _left_party, _target_actor, _targets

SUBJ = ("nsubj", "nsubjpass", "csubj")
FORCE = ("ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "THREATEN")
SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE", "RETREAT", "ASSAULT"}


def _joint_matter(pred, lex: Lexicon) -> bool:
    """What a subject-less agreement is about can be the talks' business: nothing named, or a passive
    subject that is an agreement, a truce or an act of the lexicon ("a ceasefire was agreed", "a
    prisoner exchange was agreed"), not a thing of one party ("a bill was proposed")."""
    things = [c for c in pred.children if c.dep_ == "nsubjpass"]
    if not things:
        return True
    words = lex.words("agreement_nouns") | lex.words("hostilities_words")
    return any(t.lemma_.lower() in words or t.lower_ in words or lookup(t, lex) is not None
               for o in things for t in [o, *(c for c in o.children if c.dep_ == "compound")])


def events_for(tr, ctx, res: Resolver, lex: Lexicon, gaz, state: ArticleState, places, igos):
    """The events of one trigger (none when it has no source, or a directed act no target)."""
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
        return consult_events(tr, ctx, res, lex, gaz, state, places, igos, pred, roots, src, src_codes, subj, skip,
                              speaker)
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
            or (not src and subj is None and etype == "AGREE" and tok.dep_ == "ROOT" and _joint_matter(pred, lex))
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
        tgt = _targets(roots, res, speaker, src_codes, skip, gaz, limit=2, premises=etype != "PROTEST")
    if not src:
        if (etype in ("ASSAULT", "COERCE", "SANCTION") or mode == "investigate") and tgt:
            pass  # "three civilians were killed", "was put under investigation": the agent is unknown
        elif subj is None and tok.dep_ == "ROOT" and _left_party(tok, res):
            src = [_left_party(tok, res)]  # a subject the parser lost: the party named just before
        elif etype == "PROTEST" and places:
            src = [Party(places[0][1])]
        elif subj is not None and subj.pos_ in ("NOUN", "PROPN", "PRON") and not _bare_collective(subj) and (
                tgt or _actor_like(subj, suffix=etype in FORCE)):
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
    d = Draft(etype, mode, code, src, tgt, source, target, speaker)
    adjust(d, tr, subj, lex)
    etype, mode, code, neg, fut, hyp = d.etype, d.mode, d.code, d.neg, d.fut, d.hyp
    src, tgt, source, target, speaker = d.src, d.tgt, d.source, d.target, d.speaker
    if not target and (len(source) <= 1 or etype not in SYMMETRIC) and etype.lower() in lex.words("needs_target") \
            and not (subj is not None and any(c.dep_ == "conj" for c in subj.children)) \
            and not _target_actor(roots, skip | _phrase_tokens(subj, pred) if subj is not None else skip) \
            and not (etype == "AID" and any(p[3] in {t.i for t in pred.subtree} for p in places)):
        # (but aid "for those affected in Yemen" goes to the place's people)
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

