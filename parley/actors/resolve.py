"""Resolve the people, bodies, states and metonyms of one parsed article to actors at its date.

Order: names of people (knowledge-base names, spaCy PERSON entities, surnames of people already
named), with the titles around them (checked against the roles they held: role conflicts);
role phrases ("the Kremlin spokesman", "Ukraine's foreign minister", "the Ukrainian delegation",
"a Ukrainian official", "the Trump administration"); bodies and metonyms ("the Kremlin",
"Kyiv said" but not "in Kyiv"); states and demonyms. Each token belongs to one mention.
"""
from __future__ import annotations

import datetime as _dt

from spacy.tokens import Doc

from ..model import Mention
from . import match as M
from .article import _Art
from .kb import KnowledgeBase
from .people import _infer_day, _people
from .phrases import _anaphors, _bodies, _role_phrases


def resolve_doc(doc: Doc, kb: KnowledgeBase, day: _dt.date | None, sent_of: list[int]) -> list[Mention]:
    """Mentions in `doc` at `day` (None: lenient), in text order; `sent_of[token]` = sentence index."""
    art = _Art(doc=doc, kb=kb, day=day, hits=M.find(doc, kb))
    art.taken = [0] * len(doc)
    for h in art.hits:
        art.by_start.setdefault(h.start, []).append(h)
        art.by_end.setdefault(h.end, []).append(h)
    _people(art)
    if day is None:
        art.ref_day = _infer_day(art)
    _role_phrases(art)
    _bodies(art)
    _anaphors(art)
    out = []
    for s, e, m, _ in sorted(art.mentions, key=lambda x: x[0]):
        m.sentence = sent_of[s] if s < len(sent_of) else -1
        out.append(m)
    return out
