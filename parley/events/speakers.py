"""Who speaks the clause of a trigger: a quote's speaker, the subject of a reporting verb above it,
and the parties of a coordinated or collective reporting subject ("Ukraine and the US said they ...")."""
from __future__ import annotations

from .clauses import _actor_like, _collective, _find_subject, _first, _span_text, _subject
from .lexicon import Lexicon
from .parties import Party, Resolver


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

