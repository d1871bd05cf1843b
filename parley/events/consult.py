"""Meetings (CONSULT): who takes part (subject and objects, "between X and Y", the sides of talks
reported earlier, a mediator or host), where, in which mode (visit, phone call, third-party talks),
and a refused meeting (REJECT) or a wish to meet (AGREE, CAMEO 036)."""
from __future__ import annotations

from ..model import Event
from . import sides
from .clauses import _actor_like, _collective, _first, _wants
from .lexicon import Lexicon
from .markers import _markers, _verbal_negation
from .parties import Resolver
from .places import _consult_mode, _location
from .record import ArticleState, _event
from .targets import _between, _other_actor, _targets


def consult_events(tr, ctx, res: Resolver, lex: Lexicon, gaz, state: ArticleState, places, igos,
                   pred, roots, src, src_codes: set[str], subj, skip: set[int], speaker) -> list[Event]:
    """The events of a meeting trigger whose source candidates `src` (codes `src_codes`) and
    subject `subj` are read (`roots`: trigger and predicate; `skip`: the source phrases' tokens)."""
    e = tr.entry
    etype, mode, code = e.type, e.mode, e.cameo
    tok = tr.tok
    found = _targets(roots, res, speaker, src_codes, skip | {pred.i} - {tok.i}, gaz, limit=4, venue=True)
    found = [p for p in found if p.code not in src_codes]
    parts = [p.code for p in src] + [p.code for p in found]
    between = _between(tok, res, speaker)
    if len(between) >= 2:
        parts = between  # "hosted the round between Kyiv and Washington": the host is no party
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
