"""Requests read from a clause rather than a trigger: reported demands ("<speaker> said Russia must
withdraw") and obligations ("it is now up to Moscow to say yes"), each a REQUEST of the speaker to
the party obliged; and the mode of what a request or rejection is about."""
from __future__ import annotations

from ..model import Event
from . import filters, obligations, triggers
from .clauses import _first, _phrase_tokens, _subject
from .lexicon import Lexicon
from .markers import _markers
from .parties import Resolver
from .record import _date_for
from .speakers import _speaker
from .targets import _antecedent_not


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
    """'the onus is now on Moscow to sign the terms', 'it's their turn to say yes': REQUEST of the speaker
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
