"""Roles in context: who holds a role on a date, whether a title fits the person it names, and
whether a capital or building acts (metonym) or is only a place."""
from __future__ import annotations

import datetime as _dt

from spacy.tokens import Token

from .kb import Actor, KnowledgeBase, fold


def holders(kb: KnowledgeBase, typ: str, day: _dt.date | None, party: str = "",
            body: Actor | None = None) -> list[Actor]:
    """People holding a role of type `typ` (or one it stands for, e.g. "leader" → the state's
    president or prime minister) on `day`, optionally of a party and a body ("the Kremlin
    spokesman" → offices naming the Kremlin)."""
    types = [typ]
    if typ == "leader":
        st = kb.states.get(party)
        first = st.leader if st is not None and st.leader else "president"
        types = [first] + [t for t in ("president", "supreme_leader", "prime_minister", "monarch")
                           if t != first]
    keys = {fold(n) for n in ([body.name, *body.aliases] if body is not None else [])}
    for t in types:
        found = []
        for a, r in kb.holder_roles(t, day, party):
            if keys and not any(k in fold(r.office) for k in keys):
                continue
            if a not in found:
                found.append(a)
        if found:
            return found
    return []


def conflict(kb: KnowledgeBase, actor: Actor, typ: str, party: str, day: _dt.date | None) -> str:
    """The role `actor` held at `day` when a title (role type `typ`, of `party`) contradicts it;
    "" when the title fits or the base cannot tell. Only offices the lexicon marks `checked` and
    only parties that are states are judged; a role with unknown dates always fits, and so does one
    held before the day (news names people by the office they held at the time of the events told:
    "the impeachment of President Bill Clinton"). A role taken up only after the day does not."""
    if actor.kind != "person" or not actor.roles:
        return ""
    bad = False
    if party and party in kb.states and party != actor.party:
        bad = all((r.party or actor.party) != party for r in actor.roles)
    if not bad and typ in kb.lexicon.get("checked", []):
        possible = [r for r in actor.roles if day is None or r.start is None or r.start <= day]
        bad = not any(kb.compatible(typ, r.type) for r in possible)
    return (actor.role_on(day) or "no office") if bad else ""


def is_place(tok: Token, kb: KnowledgeBase) -> bool:
    """True when a capital or building named at `tok` (the head of its span) is a place in this
    sentence ("in Kyiv", "a trip to Moscow", "left Kiev", "speaking from Ankara") rather than the
    government acting ("Kyiv said", "talks between Kyiv and Moscow", "Moscow's position")."""
    lex = kb.lexicon
    preps = set(lex.get("place_preps") or [])
    motion = set(lex.get("motion") or [])
    seen = 0
    while tok.dep_ in ("conj", "appos") and tok.head is not tok and seen < 5:
        tok = tok.head  # "between Kyiv and Moscow": Moscow inherits from Kyiv
        seen += 1
    dep, head = tok.dep_, tok.head
    if dep == "pobj":
        p = head.lower_
        if p in preps:
            return True
        if p == "from":
            return head.head.pos_ in ("VERB", "AUX") and \
                head.head.lemma_ not in ("hear", "receive", "demand", "expect", "get")
        if p == "to":
            return head.head.lemma_ in motion or head.head.lower_ in motion
        return False
    if dep in ("dobj", "obj") and (head.lemma_ in motion or head.lower_ in motion):
        return True
    if dep in ("compound", "nmod", "amod"):
        # "Moscow-Washington meeting", "Moscow–Kyiv conflict": a pair of parties acts
        doc = tok.doc
        i = tok.i
        pair = (i + 2 < len(doc) and doc[i + 1].text in "-–—/" and doc[i + 2].text[:1].isupper()) or \
               (i >= 2 and doc[i - 1].text in "-–—/" and doc[i - 2].text[:1].isupper())
        if pair:
            return False
        if i + 1 < len(doc) and doc[i + 1].text in "-–—":
            return True  # "Kremlin-aligned", "Kyiv-based"
        voice = set(lex.get("voice_nouns") or [])
        return not (head.lower_ in voice or head.lemma_ in voice)
    doc = tok.doc
    nxt = doc[tok.i + 1].text if tok.i + 1 < len(doc) else ""
    line_start = tok.i == 0 or "\n" in doc[tok.i - 1].text_with_ws or doc[tok.i - 1].text in ("|", "\u2022")
    if dep == "npadvmod" or nxt in ("—", "–", "(") and (tok.text.isupper() or line_start) \
            or line_start and nxt in (",", ":") and tok.i + 2 < len(doc) and not doc[tok.i + 2].is_lower:
        return True  # datelines: "KYIV —", "MOSCOW (AP)", "Moscow, (APP)"
    return False
