"""Lexicon lookup of a token: which entry of the trigger lexicon (`parley/data/lexicons/events.yaml`)
a word is, by part of speech, lemma and plain stems, the particle or preposition an entry needs,
and the cue words of ambiguous entries."""
from __future__ import annotations

import threading

from .lexicon import Entry, Lexicon

POS = {"VERB": "v", "AUX": "v", "NOUN": "n", "PROPN": "n", "ADJ": "a"}


def forms(tok) -> set[str]:
    """The token's lemma and plain stems of its form (the tagger's lemma is sometimes wrong:
    "staged" -> "stag")."""
    low = tok.lower_
    out = {tok.lemma_.lower(), low}
    for suf in ("ing", "ed", "es", "d", "s"):
        if low.endswith(suf) and len(low) > len(suf) + 2:
            out.add(low[: -len(suf)])
    return out


def _light(tok, lex: Lexicon) -> bool:
    return bool(forms(tok) & lex.words("light_verbs"))


def _words_near(tok) -> set[str]:
    """Lemmas and lower-case forms of the token's children and grandchildren via prepositions."""
    out: set[str] = set()
    for c in tok.children:
        out.update((c.lower_, c.lemma_.lower()))
        if c.dep_ in ("prep", "dobj", "xcomp", "prt", "compound", "amod", "pobj", "acomp", "advmod"):
            for g in c.children:
                out.update((g.lower_, g.lemma_.lower()))
    return out


PARTICLES = {"in", "on", "for", "out", "up", "down", "off", "with", "to", "back", "over", "away", "by",
             "upon", "of", "into", "about", "forward", "aside"}


def _particle_ok(tok, word: str) -> bool:
    """A verb's particle or preposition must be its own: a particle, or the preposition right after
    the verb ("called on the EU", not "called Erdogan on Monday")."""
    for c in tok.children:
        if c.lower_ == word and (c.dep_ == "prt" or (c.dep_ in ("prep", "agent", "dative") and c.i <= tok.i + 2
                                                       and c.i > tok.i)
                                 or (c.dep_ in ("prep", "advmod") and word in ("out", "off", "back", "down", "away")
                                     and c.i > tok.i)):
            return True
    return False


def _fits(e: Entry, tok, near: set[str]) -> bool:
    for w in e.extra:
        if e.pos == "v" and w in PARTICLES:
            if not _particle_ok(tok, w):
                return False
        elif w not in near:
            return False
    return True


# Per thread: the last sentence's words, and the last document's lookups (its doc and lexicon kept).
_LOCAL = threading.local()


def _sent_words(tok) -> frozenset:
    """Lower-case forms and lemmas of the token's sentence (kept for the sentence's next tokens)."""
    doc, start, end, words = getattr(_LOCAL, "last", (None, -1, -1, frozenset()))
    if doc is not tok.doc or not start <= tok.i < end:
        sent = tok.sent
        words = frozenset(w for t in sent for w in (t.lower_, t.lemma_.lower()))
        _LOCAL.last = (tok.doc, sent.start, sent.end, words)
    return words


def _choose(entries: list[Entry], tok, lex: Lexicon) -> Entry | None:
    near = _words_near(tok)
    fits = [e for e in entries if _fits(e, tok, near)]
    if not fits:
        return None
    best_len = max(len(e.extra) for e in fits)
    fits = [e for e in fits if len(e.extra) == best_len]
    types = []
    for e in fits:
        if e.type not in types:
            types.append(e.type)
    key = " ".join([fits[0].lemma, *fits[0].extra])
    if len(types) == 1 and not (lex.ambiguous.get(key) or lex.ambiguous.get(fits[0].lemma)):
        return fits[0]
    rules = lex.ambiguous.get(key) or lex.ambiguous.get(fits[0].lemma)
    if rules:
        sent_words = _sent_words(tok)
        for r in rules:
            cues = {str(c).lower() for c in r.get("cues", [])}
            if (not cues or cues & sent_words) and r["type"] in types:
                return next(e for e in fits if e.type == r["type"])
        if all(r.get("cues") for r in rules):
            return None  # a word that is an event only with its cues ("prevented the demonstration")
    return fits[0]


def _heads(lex: Lexicon) -> frozenset:
    """The words that key some entry of the lexicon (computed once per lexicon)."""
    heads = getattr(lex, "_heads", None)
    if heads is None:
        heads = frozenset(w for _, w in lex.entries)
        lex._heads = heads
    return heads


def lookup(tok, lex: Lexicon) -> Entry | None:
    """The token's entry in the lexicon (None when it is none); the triggers and the sentence classifier
    ask for the same tokens, so the last document's answers are kept."""
    doc = tok.doc
    kept = getattr(_LOCAL, "memo", None)
    if kept is None or kept[0] is not doc or kept[1] is not lex:
        kept = _LOCAL.memo = (doc, lex, {})
    memo = kept[2]
    if tok.i not in memo:
        memo[tok.i] = _lookup(tok, lex)
    return memo[tok.i]


def _lookup(tok, lex: Lexicon) -> Entry | None:
    pos = POS.get(tok.pos_)
    if pos is None:
        return None
    heads = _heads(lex)
    lemma, low = tok.lemma_.lower(), tok.lower_
    stems = forms(tok) if pos == "v" else ()
    if lemma not in heads and low not in heads and not any(f in heads for f in stems):
        return None  # no entry of any part of speech starts with the word (most tokens)
    keys = [(pos, lemma), (pos, low)]
    if pos == "v":
        keys += [(pos, f) for f in sorted(stems) if (pos, f) not in keys]
    if pos == "n" and tok.tag_ in ("VBG",):
        keys.append(("v", tok.lemma_.lower()))
    for k in keys:
        entries = lex.entries.get(k)
        if entries:
            e = _choose(entries, tok, lex)
            if e is not None:
                return e
    # a noun the tagger took for a verb, or the reverse ("talks", "calls")
    alt = {"v": "n", "n": "v"}.get(pos)
    if alt and tok.tag_ in ("NNS", "NN", "VBZ") and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "ROOT"):
        for k in ((alt, tok.lower_),):
            entries = lex.entries.get(k)
            if entries:
                e = _choose(entries, tok, lex)
                if e is not None and alt == "n" and tok.dep_ != "ROOT":
                    return e
    return None
