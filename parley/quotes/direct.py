"""Direct quotes: quoted spans that are someone's words, and the cue that attributes them.

A quoted span is a quotation (not a quoted fragment or title) when it opens its sentence or
paragraph, or follows a colon, comma, dash or reporting verb, or runs to the paragraph's end.
Its attribution is the nearest reporting verb (or "according to") outside quotation marks in the
sentences the quote opens and closes in, within its paragraph; with none there, a colon-ended
attribution in the paragraph before, or the attribution of another quote of the same paragraph.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from . import transcript
from .lexicon import Lexicon
from .marks import Marked, mask, paragraphs
from .syntax import according_to, is_cue, subject

FRAG_WORDS = 5  # a quoted clause this long, with a subject, is someone's words
LEAD_OK = set(":,—–-([")


@dataclass
class Attribution:
    cue: Token | None = None  # the cue token ("said", "according")
    cue_text: str = ""
    speaker: Token | None = None  # head token of the speaker's noun phrase
    inherited: bool = False


@dataclass
class Direct:
    mark: Marked
    para: int
    attribution: Attribution | None = None
    fragment: bool = False
    extra: dict = field(default_factory=dict)


class TokenIndex:
    """Character offset → token index, and token → its sentence (spaCy's Token.sent scans the
    document on every call)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = [t.idx for t in doc]
        self.sents = list(doc.sents)
        self.sent_starts = [s.start for s in self.sents]

    def at(self, char: int) -> int:
        i = bisect.bisect_right(self.starts, char) - 1
        return max(0, min(i, len(self.doc) - 1))

    def sent(self, i: int):
        """The sentence (Span) holding token i."""
        return self.sents[max(0, bisect.bisect_right(self.sent_starts, i) - 1)]


def _prev_char(text: str, i: int, lo: int) -> str:
    j = i - 1
    while j >= lo and text[j].isspace():
        j -= 1
    return text[j] if j >= lo else ""


def _is_quotation(text: str, m: Marked, lo: int, doc: Doc, tix: TokenIndex, lex: Lexicon,
                  sent_starts: set[int]) -> bool:
    if m.close is None:
        return True
    prev = _prev_char(text, m.open, lo)
    if prev == "" or prev in LEAD_OK or prev in ".?!…\"”":
        return True
    ti = tix.at(m.open)
    if doc[ti].idx == m.open and doc[ti].is_sent_start:
        return True
    # the word before the mark is a reporting verb: 'Rubio said "we…"'
    j = ti - 1
    while j >= 0 and (doc[j].is_space or doc[j].idx >= m.open):
        j -= 1
    if j >= 1 and doc[j].lower_ == "that" and is_cue(doc[j - 1], lex):
        j -= 1  # 'stating that “…”'
    if j >= 0 and is_cue(doc[j], lex) and doc[j].lower_ not in ("call", "called", "calling", "calls"):
        return True
    # before the open mark is a sentence start in the parse
    if any(lo <= s <= m.open and not text[s:m.open].strip() for s in sent_starts):
        return True
    return False


def find(doc: Doc, text: str, marked: list[Marked], lex: Lexicon, tix: TokenIndex) -> list[Direct]:
    paras = paragraphs(text)
    pstarts = [p[0] for p in paras]
    sent_starts = {s.start_char for s in tix.sents}
    out = []
    listed = _word_lists(text, marked)
    for m in marked:
        if m.open in listed:
            continue  # a list of quoted words: 'the list includes "grapple," "optics" and "yeet"'
        pi = max(0, bisect.bisect_right(pstarts, m.open) - 1)
        lo, hi = paras[pi]
        if sum(ch.isalnum() for ch in text[m.start:m.end]) < 2 or _promo(text, lo, m, lex):
            continue
        alone = not text[lo:m.open].strip() and (m.close is None or not text[m.close + 1:hi].strip(" .\t"))
        if alone and (m.single or _title_case(text[m.start:m.end])):
            continue  # a subheading: 'They owned us', “No Deal Until There’s a Deal”
        d = Direct(mark=m, para=pi)
        d.fragment = not _is_quotation(text, m, lo, doc, tix, lex, sent_starts)
        if d.fragment and _name_like(text[m.start:m.end]):
            continue  # a title or nickname: NBC's "Today" show, Riefian "Ifan" Fajarsyah
        out.append(d)
    out = _turns(doc, text, out, paras, tix, lex)
    quoted = mask(text, [d.mark.outer for d in out])

    def inside(t: Token) -> bool:
        return bool(quoted[t.idx])

    for d in out:
        if "turn" in d.extra:
            d.attribution = Attribution(None, ":", d.extra["turn"])
            continue
        if d.fragment:
            d.attribution = _governing(doc, text, d, lex, tix, inside)
            continue
        d.attribution = _attribute(doc, text, d, paras, lex, tix, inside)
    # quotes of one paragraph without their own cue share the paragraph's attribution
    by_para: dict[int, list[Direct]] = {}
    for d in out:
        if not d.fragment:
            by_para.setdefault(d.para, []).append(d)
    for ds in by_para.values():
        for k, d in enumerate(ds):
            if d.attribution is None:
                src = next((x for x in reversed(ds[:k]) if x.attribution and not x.attribution.inherited), None)
                if src is None:
                    src = next((x for x in ds[k + 1:] if x.attribution and not x.attribution.inherited), None)
                if src is not None:
                    a = src.attribution
                    d.attribution = Attribution(a.cue, a.cue_text, a.speaker, inherited=True)
    return out


def _turns(doc: Doc, text: str, out: list[Direct], paras, tix: TokenIndex, lex: Lexicon) -> list[Direct]:
    """Transcript turns ("PUTIN: We are ready …") are quotes of the labelled speaker: a quotation
    opening with the label starts after it; an unquoted turn becomes one quote, the quotations
    inside it part of it."""
    turns = transcript.labels(doc, text, paras, tix.at, lex.promo)
    if not turns:
        return out
    kept = []
    for d in out:
        t = turns.get(d.para)
        if t is not None and d.mark.start <= t[0] < d.mark.end:  # the quotation opens with the label
            d.mark = Marked(t[0], d.mark.end, d.mark.open, d.mark.close, d.mark.single)
            d.fragment, d.extra["turn"] = False, t[1]
            turns.pop(d.para)
        elif t is not None and d.mark.open >= t[0]:
            continue  # a quotation inside an unquoted turn: part of the turn
        kept.append(d)
    for pi, (start, who) in turns.items():
        end = paras[pi][1]
        d = Direct(mark=Marked(start, end, start, None), para=pi, extra={"turn": who})
        kept.append(d)
    kept.sort(key=lambda d: d.mark.open)
    return kept


_SIGNATURE = re.compile(r"[^\S\n]*[―—–-][^\S\n]*(?=[A-Z])")


def _signature(doc: Doc, text: str, o_end: int, hi: int, tix: TokenIndex, inside) -> Attribution | None:
    """A name signed after the quote, ending its paragraph: '“…” ― Maria Gonzalez', '“…” —
    Tom Baker, a retiree from Ohio'."""
    m = _SIGNATURE.match(text, o_end, hi)
    if m is None:
        return None
    j = tix.at(m.end())
    names = []
    while j < len(doc) and doc[j].idx < hi and doc[j].pos_ == "PROPN" and not inside(doc[j]):
        names.append(doc[j])
        j += 1
    rest = text[names[-1].idx + len(names[-1].text):hi].strip() if names else ""
    if not names or len(names) > 5 or (rest and rest != "." and not rest.startswith(",")):
        return None
    who = names[-1]
    while who.head.i != who.i and who.dep_ in ("compound", "flat") and who.head.pos_ == "PROPN":
        who = who.head
    return Attribution(None, text[m.start():m.end()].strip(), who)


_LIST_GAP = re.compile(r"^[\s,;]*(?:(?:and|or|as well as)\s+)?$")


def _word_lists(text: str, marked: list[Marked], short: int = 4, run: int = 3) -> set[int]:
    """Open offsets of quoted items that are words or names in a list, not quotations: a run of
    at least `run` closed quotes of at most `short` words each, separated only by commas,
    "and" or "or"."""
    out: set[int] = set()
    cur: list[Marked] = []

    def flush() -> None:
        if len(cur) >= run:
            out.update(x.open for x in cur)
        cur.clear()

    for m in marked:
        ok = m.close is not None and len(text[m.start:m.end].split()) <= short
        if not ok:
            flush()
            continue
        if cur and not _LIST_GAP.match(text[cur[-1].close + 1:m.open]):
            flush()
        cur.append(m)
    flush()
    return out


_MINOR = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "who", "with", "by", "is", "be"}


def _name_like(s: str) -> bool:
    """A short quoted fragment that is a name or title: every word capitalised but the minor
    ones, at most six words, no closing punctuation ("Face the Nation", "Today")."""
    words = s.split()
    if not 0 < len(words) <= 6 or s.rstrip()[-1:] in ".?!,;:":
        return False
    return all(w[:1].isupper() or w.lower() in _MINOR for w in words) and words[0][:1].isupper()


def _title_case(s: str) -> bool:
    """A short headline in Title Case ("No Deal Until There’s a Deal")."""
    words = [w for w in s.split() if w[:1].isalpha()]
    return 0 < len(words) <= 12 and sum(w[0].isupper() for w in words) >= 0.7 * len(words) \
        and not s.rstrip().endswith((".", "?", "!", ","))


def _promo(text: str, lo: int, m: Marked, lex: Lexicon) -> bool:
    """The paragraph is a link or promo line ("READ MORE: …", "WATCH: …")."""
    head = text[lo:m.open]
    if ":" not in head:
        return False
    label = head.split(":", 1)[0].strip().lower()
    return label in lex.promo


def _governing(doc: Doc, text: str, d: Direct, lex: Lexicon, tix: TokenIndex, inside) -> Attribution | None:
    """A quoted fragment's own speaker: the subject of the reporting or naming verb it depends on
    ('Trudeau called the allegation "false"', 'describing the scene as "chaos all around"')."""
    t = doc[tix.at(d.mark.start)]
    for _ in range(6):
        if t.head.i == t.i:
            return None
        if t.dep_ == "pobj" and t.head.lower_ != "as":
            return None  # 'said on CBS’ “Face the Nation”' names a show, not words
        t = t.head
        if not inside(t) and t.pos_ in ("VERB", "AUX"):
            break
    else:
        return None
    long_words = len(text[d.mark.start:d.mark.end].split()) >= FRAG_WORDS
    if inside(t) or not (is_cue(t, lex) or t.lemma_.lower() in lex.naming or long_words):
        return None
    who = subject(t, lex)
    if who is None or inside(who):
        return None
    return Attribution(t, t.text, who)


def _opens_attribution(doc: Doc, j: int, lex: Lexicon, tix: TokenIndex) -> bool:
    """The sentence at token j opens with an attribution: "Lincicome asked …", "said Smith"."""
    sent_end = tix.sent(j).end
    for k in range(j, min(j + 5, sent_end)):
        t = doc[k]
        if is_cue(t, lex):
            who = subject(t, lex)
            return k == j or (who is not None and j <= who.i < k)
        if t.pos_ not in ("PROPN", "PRON", "DET", "NOUN", "ADJ", "PUNCT") or t.text in ".?!":
            return False
    return False


def _cue_of(tok: Token, lex: Lexicon) -> tuple[Token, str, Token | None] | None:
    if tok.lower_ == "according":
        who = according_to(tok)
        if who is not None:
            return tok, "according to", who
        return None
    if is_cue(tok, lex):
        return tok, tok.text, subject(tok, lex)
    return None


_NOMINATIVE = {"he", "she", "they", "we", "i"}


def _adjacent_speaker(doc: Doc, cue: Token, inside) -> Token | None:
    """The name or pronoun right next to a reporting verb the parse gave no subject:
    '"…," DeBoer said of the captain' (the name mis-parsed), '"…," said Hadwin'."""
    j = cue.i - 1
    while j >= 0 and doc[j].pos_ in ("ADV", "AUX", "PART") and not doc[j].text[:1].isupper() and cue.i - j <= 3:
        j -= 1
    cands = [j] if j >= 0 else []
    if cue.i + 1 < len(doc):
        cands.append(cue.i + 1)
    for k in cands:
        t = doc[k]
        if inside(t) or "\n" in t.whitespace_ and k < cue.i:
            continue
        # a capitalised word mid-sentence tagged as a verb or auxiliary is a name the tagger
        # missed: '"…," DeBoer said'
        mistagged = t.text[:1].isupper() and t.is_alpha and not t.is_sent_start and k < cue.i \
            and t.pos_ in ("AUX", "VERB", "NOUN", "ADJ")
        if (t.pos_ == "PROPN" and t.text[:1].isupper()) or t.lower_ in _NOMINATIVE or mistagged:
            while t.dep_ in ("compound", "flat") and t.head.pos_ == "PROPN" and t.head.i != t.i \
                    and abs(t.head.i - t.i) <= 3:
                t = t.head
            return t
    return None


def _attribute(doc: Doc, text: str, d: Direct, paras, lex: Lexicon, tix: TokenIndex, inside) -> Attribution | None:
    m = d.mark
    lo, hi = paras[d.para]
    o_start, o_end = m.outer
    # the sentences the quote opens and closes in, within the paragraph
    s1 = tix.sent(tix.at(o_start))
    s2 = tix.sent(tix.at(max(o_start, o_end - 1)))
    a, b = max(lo, s1.start_char), min(hi, s2.end_char)
    signed = _signature(doc, text, o_end, hi, tix, inside)
    if signed is not None:
        return signed
    # a closing mark at a sentence end: the attribution may follow in the next sentence
    # only if that sentence is short and starts lower-case ('"…?" he asked.')
    if b < hi and m.close is not None:
        j = tix.at(b)
        while j < len(doc) and (doc[j].idx < b or doc[j].is_space):
            j += 1
        if j < len(doc) and doc[j].idx < hi and (doc[j].text[:1].islower() or _opens_attribution(doc, j, lex, tix)):
            b = min(hi, tix.sent(j).end_char)
    cands = []
    for t in doc[tix.at(a):tix.at(max(a, b - 1)) + 1]:
        if t.idx < a or t.idx >= b or inside(t):
            continue
        c = _cue_of(t, lex)
        if c is None:
            continue
        cue, cue_text, who = c
        if who is not None and inside(who):
            who = None
        if who is None and cue_text != "according to":
            who = _adjacent_speaker(doc, cue, inside)
        dist = (o_start - t.idx) if t.idx < o_start else (t.idx - o_end)
        if who is None:
            dist += 1000
        cands.append((dist, t.i, cue, cue_text, who))
    if cands:
        cands.sort(key=lambda x: (x[0], x[1]))
        _, _, cue, cue_text, who = cands[0]
        if who is not None or len(cands) == 1:
            return Attribution(cue, cue_text, who)
    # a label before a colon: 'Quote from Medinsky: "…"', 'Kuleba on Instagram: "…"'
    head = text[max(lo, s1.start_char):o_start].rstrip()
    if head.endswith(":") and 0 < len(head.split()) <= 6:
        names = [t for t in doc[tix.at(max(lo, s1.start_char)):tix.at(o_start)]
                 if t.pos_ == "PROPN" and t.idx < o_start and not inside(t)]
        if names:
            who = names[-1]
            while who.head.i != who.i and who.dep_ in ("compound", "flat") and who.head.pos_ == "PROPN":
                who = who.head
            label = text[max(lo, s1.start_char):names[0].idx].strip()
            return Attribution(None, label, who)
    # "X said:" closing the paragraph before
    if d.para > 0 and text[o_start - 1:o_start] != "" and not text[lo:o_start].strip():
        plo, phi = paras[d.para - 1]
        if text[plo:phi].rstrip().endswith(":"):
            last = tix.sent(tix.at(phi - 1))
            for t in reversed(list(last)):
                if t.idx >= plo and not inside(t):
                    c = _cue_of(t, lex)
                    if c is not None and c[2] is not None:
                        return Attribution(c[0], c[1], c[2])
    return None
