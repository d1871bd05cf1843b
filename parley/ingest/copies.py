"""Copy groups: the same article republished — verbatim, scraped, syndicated, spun or machine-translated.

1. Exact duplicates: equal hash of the normalised text (case, punctuation and spacing ignored).
2. Near duplicates and rewrites: MinHash-LSH (datasketch) over each text's set of content words,
   over the content words of its lead (partial copies) and over its headline (title or URL slug)
   proposes candidate pairs. A pair is a copy when enough sentences of the shorter text have a
   counterpart in the other (word-set Jaccard ≥ SENT_JACCARD; rewording keeps most of a sentence's
   names, numbers and content words) and the leads match (a copy keeps the news; a follow-up that
   recycles background paragraphs does not), or when the headlines match and some sentences do.
   Independent reports of one event share only a few sentences (quotes), so they stay apart.
   Texts dated more than FAR_DAYS apart must be nearly the same to count as copies.
Groups are the connected components; the canonical member is the fullest and, among those nearly
as full, the earliest, then the most central. `article.copy_of` is set to the canonical id (None
on the canonical).
"""
from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Sequence

from ..model import Article

NUM_PERM = 128
LSH_THRESHOLD = 0.25  # candidate pairs: estimated Jaccard of the content-word sets of whole texts …
LEAD_WORDS = 60  # … or of their leads (a partial copy shares the lead of a much longer original)
LEAD_THRESHOLD = 0.5
SENT_JACCARD = 0.35  # two sentences say the same thing (word sets)
ALIGNED_SHARE = 0.4  # share of the shorter text's sentences found in the other → copy
HEADLINE_JACCARD = 0.7  # same headline (title or URL slug words) …
HEADLINE_ALIGNED = 0.1  # … and at least this share of sentences in common → copy (syndication, scraping)
HEADLINE_MIN_WORDS = 4
LEAD_SENTENCES = 3
FAR_DAYS = 7  # copies published further apart than this (both dated) must be of similar length and
FAR_ALIGNED = 0.7  # share this much: a later article recycling background is a follow-up, not a copy
FULL_ENOUGH = 0.9  # members at least this full (relative length) compete on date for canonical

_WORD = re.compile(r"\w+", re.UNICODE)
_SENT = re.compile(r"(?<=[.!?”\"])\s+|\n+")
STOP = frozenset("""a an the of to in on at by for from with and or but not no nor as is are was were be been
being it its this that these those he she they we you i his her their our your them him us me has have had
do does did will would can could may might shall should said says say also than then there here which who
whom whose what when where why how all any both each more most other some such only own same so too very
just about into over after before between through during against under again further once""".split())


def content_words(text: str) -> list[str]:
    return [w for w in (m.group(0).lower() for m in _WORD.finditer(text)) if w not in STOP]


def headline_words(a: Article) -> frozenset:
    """Content words of the headline: the title, else the slug of the URL's last path segment
    (republished copies keep one or the other)."""
    words = set(content_words(a.title)) if a.title else set()
    if len(words) < HEADLINE_MIN_WORDS and a.url:
        path = re.sub(r"^[a-z]+://[^/]+", "", a.url.split("?")[0].split("#")[0], flags=re.I).rstrip("/")
        slug = re.sub(r"\.\w{2,5}$", "", path.rsplit("/", 1)[-1])
        if slug.count("-") + slug.count("_") >= HEADLINE_MIN_WORDS:
            words = {w for w in content_words(slug.replace("_", " ").replace("-", " ")) if not w.isdigit()}
    return frozenset(words) if len(words) >= HEADLINE_MIN_WORDS else frozenset()


def text_hash(text: str) -> str:
    return hashlib.sha1(" ".join(m.group(0).lower() for m in _WORD.finditer(text)).encode()).hexdigest()


def sentences(text: str, min_words: int = 4) -> "Sentences":
    out = []
    for s in _SENT.split(text):
        w = frozenset(content_words(s))
        if len(w) >= min_words:
            out.append(w)
    return Sentences(out)


class Sentences(list):
    """A text's sentences as content-word sets, with an index word → sentence numbers."""

    def __init__(self, sents: Sequence[frozenset]):
        super().__init__(sents)
        self.index: dict[str, list[int]] = {}
        for k, t in enumerate(self):
            for w in t:
                self.index.setdefault(w, []).append(k)


def aligned_share(a: Sequence[frozenset], b: Sequence[frozenset], thr: float = SENT_JACCARD,
                  stop_below: float = 0.0) -> float:
    """Share of the shorter text's sentences that have a counterpart in the other text. With
    `stop_below`, returns 0.0 as soon as that share can no longer be reached."""
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    index = b.index if isinstance(b, Sentences) else Sentences(b).index
    need = stop_below * len(a)
    hits = 0
    for n, s in enumerate(a):
        overlap: dict[int, int] = {}
        for w in s:
            for k in index.get(w, ()):
                overlap[k] = overlap.get(k, 0) + 1
        if any(c / (len(s) + len(b[k]) - c) >= thr for k, c in overlap.items()):
            hits += 1
        elif hits + (len(a) - n - 1) < need:
            return 0.0
    return hits / len(a)


def leads_match(a: Sequence[frozenset], b: Sequence[frozenset], n: int = LEAD_SENTENCES) -> bool:
    """A copy keeps the news: one of the first sentences of one text is found in the other.
    (Two reports that share only recycled background paragraphs are not copies.)"""
    return aligned_share(a[:n], b) > 0 or aligned_share(b[:n], a) > 0


def is_copy(a: Article, b: Article) -> bool:
    if text_hash(a.text) == text_hash(b.text):
        return True
    sa, sb = sentences(a.text), sentences(b.text)
    need = ALIGNED_SHARE
    if _days_apart(a, b) > FAR_DAYS:
        if min(len(sa), len(sb)) < FAR_ALIGNED * max(len(sa), len(sb)):
            return False
        need = FAR_ALIGNED
    return aligned_share(sa, sb) >= need and leads_match(sa, sb)


def canonical_key(a: Article, longest: int, centrality: float = 0.0):
    """Sort key of a copy group's members, best canonical first: nearly as full as the fullest,
    then earliest, then the most central (the text the others share most with: the source the
    rewrites come from), then the longest."""
    full = len(a.text) >= FULL_ENOUGH * longest
    return (not full, str(a.published or "9999-99-99")[:10], -round(centrality, 3), -len(a.text), a.id)


def centrality(members: list[int], sents: dict[int, list[frozenset]], limit: int = 40) -> dict[int, float]:
    """Mean aligned share of each member with the others (large groups: against the first `limit`)."""
    out = {}
    others = members[:limit]
    for i in members:
        vals = [aligned_share(sents[i], sents[j]) for j in others if j != i]
        out[i] = sum(vals) / len(vals) if vals else 0.0
    return out


@functools.lru_cache(maxsize=1)
def _permutations():
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=7).permutations


def _minhash(words: set[str]):
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=7, permutations=_permutations(), scheme="affine32")
    m.update_batch([w.encode("utf-8") for w in words])
    return m


def _days_apart(a: Article, b: Article) -> int:
    da, db = a.date, b.date
    return abs((da - db).days) if da and db else 0


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _sents(cache: dict, articles: list[Article], i: int) -> list[frozenset]:
    if i not in cache:
        cache[i] = sentences(articles[i].text)
    return cache[i]


def group_copies(articles: list[Article]) -> dict[str, list[str]]:
    """Set `copy_of` on every article; returns {canonical id: [member ids]} for groups of 2+."""
    n = len(articles)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    by_hash: dict[str, int] = {}
    for i, a in enumerate(articles):
        h = text_hash(a.text)
        if h in by_hash:
            union(by_hash[h], i)
        else:
            by_hash[h] = i

    from datasketch import MinHashLSH  # imported here: slow to import, needed only when grouping

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    lead_lsh = MinHashLSH(threshold=LEAD_THRESHOLD, num_perm=NUM_PERM)
    head_lsh = MinHashLSH(threshold=HEADLINE_JACCARD, num_perm=NUM_PERM)
    sents: dict[int, list[frozenset]] = {}
    heads: dict[int, frozenset] = {}
    for i, a in enumerate(articles):
        words = content_words(a.text)
        if not words:
            continue
        m, lead = _minhash(set(words)), _minhash(set(words[:LEAD_WORDS]))
        heads[i] = headline_words(a)
        hm = _minhash(set(heads[i])) if heads[i] else None
        for j in sorted(set(lsh.query(m)) | set(lead_lsh.query(lead)) | set(head_lsh.query(hm) if hm else ())):
            if find(i) == find(j):
                continue
            same_head = bool(heads[i]) and _jaccard(heads[i], heads.get(j, frozenset())) >= HEADLINE_JACCARD
            need = HEADLINE_ALIGNED if same_head else ALIGNED_SHARE
            si, sj = _sents(sents, articles, i), _sents(sents, articles, j)
            if _days_apart(a, articles[j]) > FAR_DAYS:
                if min(len(si), len(sj)) < FAR_ALIGNED * max(len(si), len(sj)):
                    continue
                need = FAR_ALIGNED
            if aligned_share(si, sj, stop_below=need) >= need and (same_head or leads_match(si, sj)):
                union(i, j)
        lsh.insert(i, m)
        lead_lsh.insert(i, lead)
        if hm:
            head_lsh.insert(i, hm)

    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    out: dict[str, list[str]] = {}
    for members in groups.values():
        longest = max(len(articles[i].text) for i in members)
        cent = {}
        if len(members) > 2:
            for i in members:
                _sents(sents, articles, i)
            cent = centrality(members, sents)
        best = min(members, key=lambda i: canonical_key(articles[i], longest, cent.get(i, 0.0)))
        canon = articles[best]
        for i in members:
            a = articles[i]
            a.copy_of = None if a is canon or a.id == canon.id else canon.id
        if len(members) > 1:
            out[canon.id] = [articles[i].id for i in members]
    return out
