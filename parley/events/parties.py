"""Who a token stands for: party code, actor name and sector.

Order: the actors stage's resolved mention over the token, then the knowledge base (state name,
demonym, capital used as an actor), then the events gazetteer of countries and organisations.
Pronouns of the speaker ("we", "our") take the speaker's party; other pronouns take the nearest
earlier resolved mention of the right kind.
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import gazetteer

FIRST_PERSON = {"we", "us", "our", "ours", "i", "me", "my"}
PERSON_PRON = {"he", "him", "his", "she", "her", "hers"}
OTHER_PRON = {"they", "them", "their", "it", "its"}
_PLACE_PREPS = {"in", "at", "near", "from", "into", "across", "around", "outside", "inside", "through", "toward", "towards", "to"}


@dataclass
class Party:
    code: str
    actor: str = ""
    sector: str = ""
    start: int = -1
    kind: str = ""


class Resolver:
    def __init__(self, ctx) -> None:
        self.ctx = ctx
        self.kb = ctx.kb
        self.gaz = gazetteer()
        self.day = ctx.date
        self._mentions = sorted((m for m in ctx.mentions if m.party), key=lambda m: m.start)

    # -- single tokens -----------------------------------------------------------------------
    def mention(self, tok):
        start, end = tok.idx, tok.idx + len(tok.text)
        best = None
        for m in self.ctx.mentions:
            if m.start <= start and end <= m.end:
                if best is None or (m.end - m.start) < (best.end - best.start):
                    best = m
        return best

    def of_token(self, tok, speaker: Party | None = None) -> Party | None:
        low = tok.lower_
        if low in FIRST_PERSON and tok.pos_ == "PRON":
            return speaker
        m = self.mention(tok)
        if m is not None and m.party and (m.end - m.start) > len(tok.text) + 1 and tok.pos_ in ("ADJ", "PROPN") \
                and m.kind not in ("person",):
            # a phrase mention ("Ukrainian and American officials") over a demonym or state name:
            # the word's own state
            code = self._lookup(self._phrase(tok), tok) or self._lookup(tok.text, tok)
            if code:
                return Party(code, "", "", tok.idx, "state")
        if m is not None and m.party:
            return Party(m.party, m.actor if m.kind not in ("state", "metonym") else "", m.sector,
                         m.start, m.kind)
        if tok.pos_ == "PRON":
            if low in PERSON_PRON or low in OTHER_PRON:
                return self.clause_antecedent(tok) or self.antecedent(tok, person=low in PERSON_PRON)
            return None
        text = self._phrase(tok)
        for t in ([text, tok.text] if text != tok.text else [tok.text]):
            code = self._lookup(t, tok)
            if code:
                return Party(code, "", "", tok.idx, "state")
        return None

    def _phrase(self, tok) -> str:
        if tok.ent_iob_ in ("B", "I") and tok.ent_type_:
            doc = tok.doc
            i = tok.i
            while i > 0 and doc[i].ent_iob_ == "I":
                i -= 1
            j = tok.i + 1
            while j < len(doc) and doc[j].ent_iob_ == "I":
                j += 1
            return doc[i:j].text
        return tok.text

    def _lookup(self, text: str, tok) -> str:
        kb = self.kb
        if kb is not None:
            st = kb.state(text) or kb.demonym(text)
            if st is not None:
                return st.iso3
        code = self.gaz.country(text)
        if code:
            return code
        if kb is not None and tok.pos_ == "PROPN":
            st = kb.capital(text)
            if st is not None and not (tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPS):
                return st.iso3
            a = kb.lookup(text, self.day)
            if a is not None:
                p = a.party_on(self.day)
                if p:
                    return p
        return ""

    def clause_antecedent(self, tok) -> Party | None:
        """'Russia signalled that it was open ...': the subject of the clause above the pronoun."""
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        verb = tok.head
        if verb.dep_ not in ("ccomp", "advcl", "xcomp") or verb.head.i == verb.i:
            return None
        for c in verb.head.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("PROPN", "NOUN"):
                ps = self.of_phrase(c)
                return ps[0] if ps else None
        return None

    def antecedent(self, tok, person: bool) -> Party | None:
        if not person and tok.lower_ in ("it", "its"):
            p = self._subject_antecedent(tok)
            if p is not None:
                return p
        p = self._antecedent_mention(tok, person)
        if p is not None or person:
            return p
        # "Hungary has said it will ...": the nearest earlier state named in the sentence
        for t in reversed(list(tok.sent[: tok.i - tok.sent.start])):
            if t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "pobj", "compound"):
                code = self._lookup(self._phrase(t), t) or self._lookup(t.text, t)
                if code:
                    return Party(code, "", "", t.idx, "state")
        return None

    def _subject_antecedent(self, tok) -> Party | None:
        """'Russia was signalling to the United States that it was open ...': 'it' takes the
        nearest earlier subject of its sentence that names a state or body (the more salient role)."""
        for t in reversed(list(tok.sent[: tok.i - tok.sent.start])):
            if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("PROPN", "NOUN"):
                m = self.mention(t)
                if m is not None and m.party and m.kind != "person":
                    return Party(m.party, "", m.sector, m.start, m.kind)
        return None

    def _antecedent_mention(self, tok, person: bool) -> Party | None:
        return self.last_mention(tok, lambda m: person == (m.kind == "person"))

    def last_mention(self, tok, keep) -> Party | None:
        """The party of the last resolved mention before `tok` for which `keep(mention)` holds."""
        best = None
        for m in self._mentions:
            if m.start >= tok.idx:
                break
            if keep(m):
                best = m
        if best is None:
            return None
        return Party(best.party, best.actor if best.kind == "person" else "", best.sector,
                     best.start, best.kind)

    # -- phrases -----------------------------------------------------------------------------
    def of_phrase(self, head, speaker: Party | None = None, skip=frozenset()) -> list[Party]:
        """Parties named by the noun phrase headed by `head`: the head itself, coordinated heads,
        and modifiers (compound, amod, poss, appos, 'of'/'from' phrases), not relative clauses."""
        out: list[Party] = []
        seen_codes: set[str] = set()

        def add(p: Party | None) -> None:
            if p is not None and p.code and p.code not in seen_codes:
                seen_codes.add(p.code)
                out.append(p)

        def walk(t, depth: int) -> None:
            if t.i in skip or depth > 4:
                return
            p = self.of_token(t, speaker)
            add(p)
            if p is not None and p.kind == "person":
                return  # "Russian President Vladimir Putin": the person's party
            for c in t.children:
                if c.dep_ in ("compound", "amod", "poss", "appos", "conj", "nmod", "npadvmod"):
                    walk(c, depth + 1)
                elif c.dep_ == "prep" and c.lower_ in ("of", "from", "including", "between", "like"):
                    for g in c.children:
                        if g.dep_ == "pobj":
                            walk(g, depth + 1)
                elif c.dep_ == "acl" and c.lemma_ in ("lead", "head"):
                    for g in c.children:
                        if g.dep_ == "agent":
                            for h in g.children:
                                walk(h, depth + 1)

        walk(head, 0)
        return out
