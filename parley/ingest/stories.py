"""Stories: independent reports of the same real-world event, grouped by what they share.

Each article is a TF-IDF vector of its content words (names, places, numbers and key terms;
sublinear term frequency; terms in more than half of the articles carry no weight; document
frequencies of a general-news background corpus, parley/data/lexicons/ingest_background_df.tsv,
are added in so that a small batch still tells common words from rare ones). Two articles
are close when their cosine similarity is high; a story is a group whose members are, on average,
at least THRESHOLD similar to each other (average linkage), and whose known publication dates lie
within WINDOW_DAYS of each other (reports of one event appear within days; the same place and the
same people meeting again months later make a different story).

`StoryIndex.add(article)` assigns one article as it arrives (to the story it is on average most
similar to, or a new one); `StoryIndex.rebuild()` re-clusters everything added so far in one batch
(agglomerative, average linkage), which is what `parley.ingest.group` uses. Story ids are
"s-" + a hash of the id of the story's earliest member, so they are stable across runs.
"""
from __future__ import annotations

import functools
import heapq
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

from ..model import Article, stable_id
from .copies import STOP

THRESHOLD = 0.15  # average cosine similarity within a story
WINDOW_DAYS = 3  # the dated members of a story lie within this many days of each other
MAX_DF = 0.5  # terms found in more than this share of articles are ignored …
MIN_DOCS_MAX_DF = 5  # … once there are at least this many articles
FLOOR = 0.02  # pair similarities below this are treated as 0 (keeps the batch sparse) …
NEIGHBOURS = 40  # … and so are those beyond an article's 40 closest neighbours
BACKGROUND = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "ingest_background_df.tsv"
_TOKEN = re.compile(r"[^\W_]{2,}", re.UNICODE)


def terms(text: str) -> Counter:
    return Counter(w for w in (m.group(0).lower() for m in _TOKEN.finditer(text)) if w not in STOP)


@functools.lru_cache(maxsize=1)
def load_background(path: str | None = None) -> tuple[int, dict[str, int]]:
    """(number of documents, {word: documents}) of the background corpus (general news), which
    tells common words from rare ones when only a few articles are clustered."""
    p = Path(path) if path else BACKGROUND
    if not p.exists():
        return 0, {}
    n, df = 0, {}
    for line in p.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        w, _, c = line.partition("\t")
        if w == "__documents__":
            n = int(c)
        elif c.isdigit():
            df[w] = int(c)
    return n, df


def story_id(member_id: str) -> str:
    return "s-" + stable_id(member_id)


def _order(a: Article):
    return (str(a.published or "9999-99-99")[:10], a.id)


class StoryIndex:
    """Story clustering, incremental (`add`) or in one batch (`rebuild`)."""

    def __init__(self, threshold: float = THRESHOLD, window_days: int = WINDOW_DAYS,
                 background: bool = True):
        self.background = load_background() if background else (0, {})
        self.threshold = threshold
        self.window = window_days
        self.articles: list[Article] = []
        self.tf: list[Counter] = []
        self.df: Counter = Counter()
        self.story_of: list[str] = []
        self.members: dict[str, list[int]] = defaultdict(list)
        self.postings: dict[str, set[str]] = defaultdict(set)  # term → stories holding it
        self._cache: dict[int, tuple[int, dict[str, float]]] = {}

    # --- vectors ----------------------------------------------------------------------------
    def _idf(self, term: str) -> float:
        n, df = len(self.articles), self.df.get(term, 0)
        if n >= MIN_DOCS_MAX_DF and df > MAX_DF * n:
            return 0.0
        bg_n, bg_df = self.background
        return math.log((1 + n + bg_n) / (1 + df + bg_df.get(term, 0))) + 1.0

    def _vector(self, i: int) -> dict[str, float]:
        v = {t: (1.0 + math.log(c)) * self._idf(t) for t, c in self.tf[i].items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items() if x}

    def _cached_vector(self, i: int) -> dict[str, float]:
        """A member's vector, recomputed once the collection has grown by a tenth since."""
        n = len(self.articles)
        hit = self._cache.get(i)
        if hit is None or n > hit[0] * 1.1 + 1:
            hit = self._cache[i] = (n, self._vector(i))
        return hit[1]

    @staticmethod
    def _cos(u: dict, v: dict) -> float:
        if len(u) > len(v):
            u, v = v, u
        return sum(x * v.get(t, 0.0) for t, x in u.items())

    def _dates_ok(self, idx: list[int]) -> bool:
        ds = [a.date for a in (self.articles[i] for i in idx) if a.date]
        return not ds or (max(ds) - min(ds)).days <= self.window

    # --- incremental --------------------------------------------------------------------------
    def add(self, article: Article) -> str:
        """Assign one article to a story (an existing one or a new one); returns the story id and
        sets `article.story`."""
        i = len(self.articles)
        self.articles.append(article)
        self.tf.append(terms(" ".join(filter(None, [article.title, article.text]))))
        self.df.update(self.tf[i].keys())
        vec = self._vector(i)
        strong = sorted(vec, key=vec.get, reverse=True)[:30]
        candidates = set().union(*(self.postings.get(t, set()) for t in strong)) if strong else set()
        best, best_sim = None, self.threshold
        for sid in sorted(candidates):
            idx = self.members[sid]
            if not self._dates_ok(idx + [i]):
                continue
            sim = sum(self._cos(vec, self._cached_vector(j)) for j in idx) / len(idx)
            if sim >= best_sim:
                best, best_sim = sid, sim
        sid = best or story_id(article.id)
        self.story_of.append(sid)
        self.members[sid].append(i)
        for t in vec:
            self.postings[t].add(sid)
        article.story = sid
        return sid

    # --- batch --------------------------------------------------------------------------------
    def rebuild(self) -> dict[str, str]:
        """Re-cluster all articles added so far (average-linkage agglomerative clustering under the
        date-window constraint); sets `article.story` and returns {article id: story id}."""
        n = len(self.articles)
        if n == 0:
            return {}
        vecs = [self._vector(i) for i in range(n)]
        sums = _similar_pairs(vecs, FLOOR)  # cluster → cluster → sum of similarities
        size = {i: 1 for i in range(n)}
        members = {i: [i] for i in range(n)}
        span = {i: (a.date, a.date) for i, a in enumerate(self.articles)}
        heap = [(-s, i, j) for i in sums for j, s in sums[i].items() if i < j and s >= self.threshold]
        heapq.heapify(heap)
        while heap:
            neg, a, b = heapq.heappop(heap)
            if a not in size or b not in size:
                continue
            cur = sums[a].get(b, 0.0) / (size[a] * size[b])
            if abs(cur + neg) > 1e-12:  # stale entry
                continue
            merged = _merge_span(span[a], span[b])
            if merged is False or (merged[0] and (merged[1] - merged[0]).days > self.window):
                continue
            # merge b into a
            for c, s in sums.pop(b).items():
                sums[c].pop(b, None)
                if c == a:
                    continue
                sums[a][c] = sums[a].get(c, 0.0) + s
                sums[c][a] = sums[a][c]
            sums[a].pop(b, None)
            size[a] += size.pop(b)
            members[a] += members.pop(b)
            span[a] = merged
            for c, s in sums[a].items():
                avg = s / (size[a] * size[c])
                if avg >= self.threshold:
                    heapq.heappush(heap, (-avg, min(a, c), max(a, c)))
        out: dict[str, str] = {}
        self.members = defaultdict(list)
        self.postings = defaultdict(set)
        self.story_of = [""] * n
        for idx in members.values():
            first = min((self.articles[i] for i in idx), key=_order)
            sid = story_id(first.id)
            for i in idx:
                self.articles[i].story = sid
                self.story_of[i] = sid
                out[self.articles[i].id] = sid
                for t in vecs[i]:
                    self.postings[t].add(sid)
            self.members[sid] = sorted(idx)
        return out


def _similar_pairs(vecs: list[dict[str, float]], floor: float, block: int = 512) -> dict[int, dict[int, float]]:
    """{i: {j: cosine}} for all pairs with cosine ≥ floor (sparse matrix product, in row blocks)."""
    import numpy as np
    from scipy import sparse

    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, v in enumerate(vecs):
        for t, x in v.items():
            rows.append(i)
            cols.append(vocab.setdefault(t, len(vocab)))
            vals.append(x)
    n = len(vecs)
    out: dict[int, dict[int, float]] = defaultdict(dict)
    if not vals:
        return out
    X = sparse.csr_matrix((np.asarray(vals, dtype=np.float32), (rows, cols)), shape=(n, len(vocab)))
    XT = X.T.tocsc()
    for lo in range(0, n, block):
        S = (X[lo:lo + block] @ XT).toarray()
        for r in range(S.shape[0]):
            i = lo + r
            row = S[r]
            row[i] = 0.0
            js = np.nonzero(row >= floor)[0]
            if len(js) > NEIGHBOURS:  # keep each article's closest neighbours: memory stays flat
                js = js[np.argpartition(row[js], -NEIGHBOURS)[-NEIGHBOURS:]]
            for j in js.tolist():
                out[i][j] = out[j][i] = float(row[j])
    return out


def _merge_span(x, y):
    lo = [d for d in (x[0], y[0]) if d]
    hi = [d for d in (x[1], y[1]) if d]
    if not lo:
        return (None, None)
    return (min(lo), max(hi))


def cluster(articles: list[Article], threshold: float = THRESHOLD, window_days: int = WINDOW_DAYS,
            background: bool = True) -> dict[str, str]:
    """Batch story clustering of `articles` (sets `article.story`); returns {article id: story id}."""
    index = StoryIndex(threshold=threshold, window_days=window_days, background=background)
    for a in sorted(articles, key=_order):
        index.articles.append(a)
        index.tf.append(terms(" ".join(filter(None, [a.title, a.text]))))
        index.df.update(index.tf[-1].keys())
    return index.rebuild()


__all__ = ["StoryIndex", "cluster", "story_id", "terms"]
