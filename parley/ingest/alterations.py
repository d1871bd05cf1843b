"""Altered copies: what a copy changed in names, numbers, dates and negation against its canonical.

Sentences of the copy are aligned with the canonical's (best content-word overlap); each aligned
pair is compared word by word (difflib). A replaced stretch that swaps one name for another (not a
spelling variant such as Kiev/Kyiv), a number or date that differs, or a negation that appears or
disappears is reported, with both sentences and spans as offsets into each article's text.
"""
from __future__ import annotations

import difflib
import re

from rapidfuzz import fuzz

from ..model import Article
from .copies import content_words

ALIGN_MIN = 0.3  # content-word Jaccard for two sentences to be aligned
SPELLING = 70  # rapidfuzz ratio at or above which two names are spellings of one name
_TOK = re.compile(r"\w+(?:[.,'’-]\w+)*|n't", re.UNICODE)
_SENT_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
NEGATION = frozenset("not no never n't without neither nor none nobody nothing cannot".split())
MONTHS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
today yesterday tomorrow""".split())
NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve twenty thirty forty
fifty hundred thousand million billion trillion dozen""".split())
TITLES = frozenset("""mr mrs ms dr president prime minister secretary foreign defense defence state national
security adviser advisor spokesman spokeswoman spokesperson chief general minister's the a an he she it they
his her their in on at of and but ukrainian russian american us u.s british french german european read more
source photo video""".split())


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(0), start + m.start(), start + m.end()) for m in _TOK.finditer(text[start:end])]


def _norm(w: str) -> str:
    return w.lower().replace("’", "'").replace(",", "")


def _is_number(w: str) -> bool:
    return any(c.isdigit() for c in w) and not _is_year(w) or w.lower() in NUMBER_WORDS


def _is_neg(w: str) -> bool:
    return w in NEGATION or w.endswith("n't")


def _is_year(w: str) -> bool:
    return bool(re.fullmatch(r"(19|20)\d\d", w))


def _is_date(w: str) -> bool:
    return (w[:1].isupper() and w.lower() in MONTHS) or _is_year(w)


def _is_name(w: str, pos: int) -> bool:
    return pos > 0 and w[:1].isupper() and w.lower() not in TITLES and not _is_date(w)


def align(canonical: str, copy: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(canonical sentence span, copy sentence span) pairs: each copy sentence with its best match."""
    cs = [(s, set(content_words(canonical[s[0]:s[1]]))) for s in split_sentences(canonical)]
    out = []
    for span in split_sentences(copy):
        words = set(content_words(copy[span[0]:span[1]]))
        if len(words) < 3:
            continue
        best, best_j = None, ALIGN_MIN
        for cspan, cw in cs:
            inter = len(words & cw)
            j = inter / (len(words | cw) or 1)
            if j >= best_j:
                best, best_j = cspan, j
        if best:
            out.append((best, span))
    return out


def _record(kind, can: Article, cspan, ctoks, cop: Article, pspan, ptoks, detail) -> dict:
    cs = (ctoks[0][1], ctoks[-1][2]) if ctoks else (cspan[0], cspan[0])
    ps = (ptoks[0][1], ptoks[-1][2]) if ptoks else (pspan[0], pspan[0])
    return {"kind": kind, "detail": detail,
            "canonical_sentence": can.text[cspan[0]:cspan[1]], "canonical_start": cs[0], "canonical_end": cs[1],
            "canonical_span": can.text[cs[0]:cs[1]],
            "copy_sentence": cop.text[pspan[0]:pspan[1]], "copy_start": ps[0], "copy_end": ps[1],
            "copy_span": cop.text[ps[0]:ps[1]]}


def _compare(can: Article, cspan, cop: Article, pspan) -> list[dict]:
    ct = _tokens(can.text, *cspan)
    pt = _tokens(cop.text, *pspan)
    cw, pw = [_norm(t[0]) for t in ct], [_norm(t[0]) for t in pt]
    c_all, p_all = set(cw), set(pw)
    out = []
    sm = difflib.SequenceMatcher(a=cw, b=pw, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        if op in ("delete", "insert") and (i2 == len(ct) or j2 == len(pt)):
            continue  # a sentence cut short by the copy (or the canonical), not a changed fact
        a, b = ct[i1:i2], pt[j1:j2]
        a_names = [t for k, t in enumerate(a, start=i1) if _is_name(t[0], k)]
        b_names = [t for k, t in enumerate(b, start=j1) if _is_name(t[0], k)]
        if op == "replace" and a_names and b_names:
            an = " ".join(t[0] for t in a_names)
            bn = " ".join(t[0] for t in b_names)
            if fuzz.ratio(an.lower(), bn.lower()) < SPELLING and not any(_norm(t[0]) in p_all for t in a_names):
                out.append(_record("name", can, cspan, a_names, cop, pspan, b_names, f"{an!r} → {bn!r}"))
        for kind, test in (("number", _is_number), ("date", _is_date)):
            a_x = [t for t in a if test(t[0]) and _norm(t[0]) not in p_all]
            b_x = [t for t in b if test(t[0]) and _norm(t[0]) not in c_all]
            if a_x or b_x:
                detail = (f"{' '.join(t[0] for t in a_x) or '—'} → {' '.join(t[0] for t in b_x) or '—'}")
                out.append(_record(kind, can, cspan, a_x, cop, pspan, b_x, detail))
        a_neg = [t for t in a if _is_neg(_norm(t[0]))]
        b_neg = [t for t in b if _is_neg(_norm(t[0]))]
        na = sum(1 for w in cw if _is_neg(w))
        nb = sum(1 for w in pw if _is_neg(w))
        if (a_neg or b_neg) and na != nb:
            detail = "negation dropped" if na > nb else "negation added"
            out.append(_record("negation", can, cspan, a_neg, cop, pspan, b_neg, detail))
    return out


def alterations(canonical: Article, copy: Article) -> list[dict]:
    """Sentence-aligned differences in names, numbers, dates and negation between `copy` and its
    `canonical`. Each dict: kind (name|number|date|negation), detail, canonical_sentence,
    canonical_start/end/span, copy_sentence, copy_start/end/span (offsets into each text)."""
    out, seen = [], set()
    for cspan, pspan in align(canonical.text, copy.text):
        for rec in _compare(canonical, cspan, copy, pspan):
            key = (rec["kind"], rec["canonical_span"].lower(), rec["copy_span"].lower())
            if key not in seen:
                seen.add(key)
                out.append(rec)
    return out
