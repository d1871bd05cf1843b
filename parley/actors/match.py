"""Gazetteer matching: every knowledge-base name, state, demonym, capital and lexicon phrase found
in a parsed text, as token spans. One spaCy PhraseMatcher (on NORM, so "Ukraine’s" matches
"Ukraine's") is built per knowledge base and vocabulary and cached."""
from __future__ import annotations

from dataclasses import dataclass

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .kb import KnowledgeBase, fold

# match labels
ACTOR, STATE, DEMONYM, CAPITAL, TITLE, GROUP, DELEG, GOVT, BODYTYPE = (
    "ACTOR", "STATE", "DEMONYM", "CAPITAL", "TITLE", "GROUP", "DELEG", "GOVT", "BODYTYPE")
PROPER = {ACTOR, STATE, DEMONYM, CAPITAL}


@dataclass
class Hit:
    start: int  # token indices
    end: int
    label: str
    key: str  # folded phrase


_CACHE: dict[tuple, PhraseMatcher] = {}


def _phrases(kb: KnowledgeBase) -> dict[str, set[str]]:
    lex = kb.lexicon
    out: dict[str, set[str]] = {k: set() for k in (ACTOR, STATE, DEMONYM, CAPITAL, TITLE, GROUP,
                                                     DELEG, GOVT, BODYTYPE)}
    for a in kb.actors.values():
        out[ACTOR].update([a.name, *a.aliases])
    for st in kb.states.values():
        out[STATE].update([st.name, *st.aliases])
        out[DEMONYM].update(st.demonyms)
        out[CAPITAL].update([st.capital, *st.capital_aliases])
    for words in (lex.get("titles") or {}).values():
        out[TITLE].update(words)
    for words in (lex.get("groups") or {}).values():
        out[GROUP].update(words)
    out[DELEG].update(lex.get("delegation") or [])
    out[GOVT].update(lex.get("government") or [])
    for bt in (lex.get("body_types") or {}).values():
        out[BODYTYPE].update(bt.get("words") or [])
    return out


def matcher(kb: KnowledgeBase, vocab) -> PhraseMatcher:
    key = (id(kb), kb.version, id(vocab))
    m = _CACHE.get(key)
    if m is None:
        tok = spacy.blank("en", vocab=vocab).tokenizer
        m = PhraseMatcher(vocab, attr="NORM")
        for label, phrases in _phrases(kb).items():
            docs = [tok(p) for p in sorted(p for p in phrases if p and p.strip())]
            m.add(label, docs)
        _CACHE.clear()
        _CACHE[key] = m
    return m


def _case_ok(text: str, phrase_label: str) -> bool:
    """Proper names must look like names: capitalised (or all caps), an all-caps acronym only
    as all caps ("WHO", not "who")."""
    if phrase_label not in PROPER:
        return True
    first = text.lstrip("[(\"'“‘")[:1]
    return bool(first) and (first.isupper() or first.isdigit() or not first.isalpha())


def find(doc: Doc, kb: KnowledgeBase) -> list[Hit]:
    """All matches, as Hits (overlapping ones kept; the resolver chooses)."""
    m = matcher(kb, doc.vocab)
    strings = doc.vocab.strings
    hits = []
    for match_id, s, e in m(doc):
        label = strings[match_id]
        span = doc[s:e]
        text = span.text
        if not _case_ok(text, label):
            continue
        key = fold(text)
        if label in PROPER:
            # an acronym in the base matches only as written in capitals
            if text.isalpha() and text.islower():
                continue
            if label == ACTOR:
                names = [n for a in kb.candidates(text) for n in (a.name, *a.aliases) if fold(n) == key]
                if names and all(n.isupper() for n in names if n.isalpha()) and not text.isupper() \
                        and any(n.isupper() for n in names):
                    continue
        hits.append(Hit(s, e, label, key))
    return hits
