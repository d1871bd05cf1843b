"""One article while its actors are resolved: the matches, the mentions found so far, the tokens
they take, and the small helpers the resolver's passes share."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..model import Mention
from . import match as M
from .kb import Actor, KnowledgeBase, State

_POSS = {"'s", "’s", "'", "’"}
_DEFINITE = {"the", "this", "that", "its", "his", "her", "their", "our", "these", "those"}
_OTHER_ENTS = {"ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"}
_STOP_LEFT = {",", ";", ":", "(", ")", "\"", "“", "”", "—", "–"}


@dataclass
class Title:
    typ: str = ""
    party: str = ""
    body: Actor | None = None
    not_current: bool = False
    sector: str = ""
    start: int = -1  # token span of the whole title phrase
    end: int = -1


@dataclass
class _Art:
    doc: Doc
    kb: KnowledgeBase
    day: _dt.date | None
    hits: list[M.Hit]
    by_start: dict[int, list[M.Hit]] = field(default_factory=dict)
    by_end: dict[int, list[M.Hit]] = field(default_factory=dict)
    taken: list[int] = field(default_factory=list)  # token -> mention index + 1 (0 = free)
    mentions: list[tuple[int, int, Mention, str]] = field(default_factory=list)  # (tok s, tok e, m, title type)
    people: list[Actor] = field(default_factory=list)  # named in full in this article
    person_toks: set[int] = field(default_factory=set)  # tokens of every person name found
    ref_day: _dt.date | None = None  # with no article date: a day the article's titles agree on
    titled: list[tuple[Actor, str]] = field(default_factory=list)  # (person, title type) as written


def _free(art: _Art, s: int, e: int) -> bool:
    return all(not art.taken[i] for i in range(s, e))


def _add(art: _Art, s: int, e: int, m: Mention, typ: str = "") -> None:
    art.mentions.append((s, e, m, typ))
    for i in range(s, e):
        art.taken[i] = len(art.mentions)
    if m.kind == "person":
        a = art.kb.actors.get(m.actor)
        if a is not None and a not in art.people:
            art.people.append(a)


def _mention(doc: Doc, s: int, e: int, **kw) -> Mention:
    span = doc[s:e]
    return Mention(start=span.start_char, end=span.end_char, text=span.text, **kw)


def _person_mention(art: _Art, s: int, e: int, a: Actor | None, text_name: str = "") -> Mention:
    day = art.day
    if a is None:
        return _mention(art.doc, s, e, actor=text_name, kind="person")
    return _mention(art.doc, s, e, actor=a.canonical, party=a.party_on(day), sector=a.sector_on(day),
                    kind="person")


def _covering(art: _Art, h: M.Hit, reach: int = 8) -> list[M.Hit]:
    """Hits that start at or before `h` (within `reach` tokens) and end at or after it."""
    return [x for i in range(max(0, h.start - reach), h.start + 1) for x in art.by_start.get(i, ())
            if x.end >= h.end and x is not h]


def _hits_in(art: _Art, s: int, e: int, labels: set[str]) -> list[M.Hit]:
    return [h for i in range(s, e) for h in art.by_start.get(i, ()) if h.label in labels and h.end <= e]


def _state_of(art: _Art, h: M.Hit) -> State | None:
    kb = art.kb
    text = art.doc[h.start:h.end].text
    if h.label == M.STATE:
        return kb.state(text)
    if h.label == M.DEMONYM:
        return kb.demonym(text)
    if h.label == M.CAPITAL:
        return kb.capital(text)
    return None


def _body_of(art: _Art, h: M.Hit) -> Actor | None:
    if h.label != M.ACTOR:
        return None
    for a in art.kb.candidates(art.doc[h.start:h.end].text):
        if a.kind != "person":
            return a
    return None


def _trim_left(doc: Doc, left: int, limit: int) -> int:
    """Drop words that cannot open a noun phrase ("in which US envoys" → "US envoys")."""
    while left < limit and (doc[left].pos_ in ("ADP", "PRON", "SCONJ", "CCONJ", "VERB", "AUX", "ADV", "PUNCT",
                                               "PART", "INTJ", "SYM")
                            and doc[left].tag_ not in ("PRP$", "WP$") or doc[left].lower_ in ("which", "that", "who")):
        left += 1
    return left


def _core(doc: Doc, a: int, b: int) -> int:
    """Length of an entity without a leading "the" and a trailing possessive."""
    while b > a and doc[b - 1].text in _POSS:
        b -= 1
    if b > a and doc[a].lower_ == "the":
        a += 1
    return b - a


def _dateline(doc: Doc, s: int) -> bool:
    return s == 0 or "\n" in doc[s - 1].text_with_ws or doc[s].is_sent_start
