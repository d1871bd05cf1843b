"""What the events stage keeps across an article's sentences (ArticleState) and how it builds an
Event record: the CAMEO code of type and mode, the trigger text, the event's own date."""
from __future__ import annotations

from dataclasses import dataclass, field
import datetime as _dt

from ..model import Event
from . import dates
from .places import sent_ents


@dataclass
class ArticleState:
    participants: list[str] = field(default_factory=list)  # of the latest multi-party event
    actors: dict[str, str] = field(default_factory=dict)
    consult_location: str = ""
    cities: dict[str, str] = field(default_factory=dict)  # country -> city seen in the article


def _event(etype, mode, code, source, target, src_actor, tgt_actor, loc, tr, ctx, lex, neg, fut, hyp):
    if etype == "CONSULT" and mode:
        code = ""  # the mode's own CAMEO code (phone 041, visit 042, third-party 044)
    cameo = lex.cameo_for(etype, mode, code)
    trig = tr.tok.text if tr.light is None else f"{tr.light.text} {tr.tok.text}"
    return Event(type=etype, source=list(source), target=list(target), sentence="", mode=mode,
                 context=lex.context_for(cameo), source_actor=src_actor, target_actor=tgt_actor,
                 location=loc, date=_date_for(tr, ctx), negated=neg, future=fut, hypothetical=hyp,
                 cameo=cameo, trigger=trig)



def _date_for(tr, ctx) -> str | None:
    sent = tr.tok.sent
    ents = [e for e in sent_ents(sent) if e.label_ in ("DATE", "TIME")]
    if not ents:
        return None
    sub = {t.i for t in tr.tok.subtree} | ({t.i for t in tr.light.subtree} if tr.light is not None else set())
    ents.sort(key=lambda e: (e.root.i not in sub and e.root.head.i not in sub, e.start))
    for e in ents:
        prev = sent.doc[e.start - 1].text if e.start > sent.start else ""
        d = dates.resolve(f"{prev} {e.text}", ctx.date)
        if d:
            return d
    return None


ANCHORS = {"since", "after", "before", "until", "till", "following", "from"}


def historical(tr, ctx) -> bool:
    """A date on the trigger itself (its modifier, or "in / on <date>" below it) puts it more than a year before the article ("launched its
    operation on February 24, 2022" in a 2025 report): background the report recalls (PLOVER's
    'historical' auxiliary mode), not news. A date after 'since', 'after', 'until' ... anchors a
    span ("the first meeting since 2019") and dates nothing."""
    ref = ctx.date
    if ref is None:
        return False
    heads = [tr.tok] if tr.light is None else [tr.tok, tr.light]
    if not any(c.ent_type_ == "DATE" or c.dep_ == "prep" and any(g.ent_type_ == "DATE" for g in c.children)
               for h in heads for c in h.children):
        return False  # (no date on the trigger: the common case, decided without the sentence's entities)
    sent = tr.tok.sent
    own = {h.i for h in heads}
    for e in sent_ents(sent):
        head = e.root.head
        if head.dep_ == "prep" and head.lower_ in ("in", "on", "during", "of"):
            head = head.head  # "in 2022", "on February 24, 2022"
        if e.label_ != "DATE" or head.i not in own or e.root.i in own:
            continue
        prev = sent.doc[e.start - 1] if e.start > sent.start else None
        if prev is not None and prev.lower_ in ANCHORS or e.root.head.lower_ in ANCHORS:
            continue
        d = dates.resolve(f"{prev.text if prev is not None else ''} {e.text}", ref)
        if not d:
            continue
        parts = [int(x) for x in d.split("-")]
        when = _dt.date(parts[0], parts[1] if len(parts) > 1 else 12, parts[2] if len(parts) > 2 else 28)
        if (ref - when).days > 366:
            return True
    return False

