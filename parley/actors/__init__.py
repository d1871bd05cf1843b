"""actors stage: resolve people, bodies, states and metonyms to an actor, party and sector at the
article's date. Entry function: `resolve(ctx) -> list[Mention]`."""
from __future__ import annotations

from ..context import Context
from ..model import Mention
from .kb import KnowledgeBase, load_kb

__all__ = ["resolve", "load_kb", "KnowledgeBase"]

_PLACE_PREPS = {"in", "at", "near", "from", "into", "across", "around", "outside", "inside"}


def resolve(ctx: Context) -> list[Mention]:
    """Baseline: NER spans looked up in the knowledge base; surnames after a full mention;
    capitals that act (not after a place preposition) as their state's government."""
    kb = ctx.kb or load_kb()
    day = ctx.date
    out: list[Mention] = []
    seen: dict[str, object] = {}
    for ent in ctx.doc.ents:
        sent = ctx.sentence_index(ent.start_char)
        if ent.label_ == "PERSON":
            actor = kb.lookup(ent.text, day) or seen.get(ent.text.split()[-1])
            m = Mention(ent.start_char, ent.end_char, ent.text, kind="person", sentence=sent)
            if actor is not None:
                m.actor, m.party, m.sector = actor.name, actor.party_on(day), actor.sector
                seen[ent.text.split()[-1]] = actor
            else:
                m.actor = ent.text
            out.append(m)
        elif ent.label_ in ("GPE", "ORG", "PERSON"):
            st = kb.capital(ent.text)
            head = ent.root
            if st is not None and not (head.dep_ == "pobj" and head.head.lower_ in _PLACE_PREPS):
                out.append(Mention(ent.start_char, ent.end_char, ent.text,
                                   actor=f"Government of {st.name}", party=st.iso3, sector="GOV",
                                   kind="metonym", sentence=sent))
            else:
                actor = kb.lookup(ent.text, day)
                if actor is not None:
                    out.append(Mention(ent.start_char, ent.end_char, ent.text, actor=actor.name,
                                       party=actor.party_on(day), sector=actor.sector,
                                       kind=actor.kind, sentence=sent))
    return out
