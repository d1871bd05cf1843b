"""What the events stage keeps across an article's sentences (ArticleState) and how it builds an
Event record: the CAMEO code of type and mode, the trigger text, the event's own date."""
from __future__ import annotations

from dataclasses import dataclass, field

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
    sub = {t.i for t in tr.tok.subtree} | ({t.i for t in tr.light.subtree} if tr.light is not None else set())
    ents = [e for e in sent_ents(sent) if e.label_ in ("DATE", "TIME")]
    ents.sort(key=lambda e: (e.root.i not in sub and e.root.head.i not in sub, e.start))
    for e in ents:
        prev = sent.doc[e.start - 1].text if e.start > sent.start else ""
        d = dates.resolve(f"{prev} {e.text}", ctx.date)
        if d:
            return d
    return None

