"""Every quote and attribution span is verbatim text, on every corpus in ../shared (all gold texts + corpus files).

The default run takes a sample of each corpus; the full sweep is marked slow
(`pytest -m slow tests/test_quotes_corpora.py`).
"""
from __future__ import annotations

import csv
import json

import pytest
from conftest import shared

from parley import actors, nlp, quotes
from parley.context import Context
from parley.model import Article
from parley.quotes.marks import DOUBLE

JSONL = ("gold/indomain-dev.jsonl", "gold/quotes/ggt.jsonl", "gold/quotes/polnear-dev.jsonl",
         "gold/quotes/polnear-train.jsonl", "corpus/diplomacy/articles.jsonl", "corpus/copies/clusters.jsonl")


def texts(rel: str) -> list[str]:
    p = shared(rel)
    if p.is_dir():
        out = []
        for f in sorted(p.iterdir()):
            if f.suffix == ".txt":
                out.append(f.read_text(encoding="utf-8"))
            elif f.suffix == ".csv":
                csv.field_size_limit(10**8)
                with open(f, encoding="utf-8", newline="") as fh:
                    out.extend(r.get("text") or "" for r in csv.DictReader(fh))
        return out
    with open(p, encoding="utf-8") as fh:
        return [json.loads(line).get("text") or "" for line in fh if line.strip()]


def check(corpus: list[str]) -> int:
    base = actors.load_kb()
    n = 0
    for text, doc in zip(corpus, nlp.parse(corpus)):
        ctx = Context(article=Article(text=text), doc=doc, kb=base)
        ctx.mentions = actors.resolve(ctx)
        qs = quotes.extract(ctx)
        for q in qs + ctx.attributions:
            n += 1
            assert 0 <= q.start < q.end <= len(text)
            assert text[q.start:q.end] == q.quote, (q.start, q.end, q.quote[:60])
            assert q.kind in ("direct", "indirect", "mixed")
            if q.kind == "direct":
                assert q.quote[:1] not in DOUBLE and q.quote.strip() == q.quote
            if q.speaker_start is not None:
                assert text[q.speaker_start:q.speaker_end] == q.speaker_mention
            if q.source_start is not None:  # the source phrase holds the mention, not the quote
                assert q.source_start <= q.speaker_start and q.speaker_end <= q.source_end
                assert q.source_end <= q.start or q.end <= q.source_start
        for a in ctx.attributions:  # attributions lie outside every quote
            assert all(a.end <= q.start or q.end <= a.start for q in qs)
    return n


CORPORA = [*JSONL, "corpus/seeds", "corpus/wikinews"]


@pytest.mark.parametrize("rel", CORPORA)
def test_quote_spans_verbatim_sample(rel):
    corpus = texts(rel)
    step = max(1, len(corpus) // 6)
    sample = corpus[::step][:6]
    check(sample)


@pytest.mark.slow
@pytest.mark.parametrize("rel", CORPORA)
def test_quote_spans_verbatim_every_text(rel):
    assert check(texts(rel)) >= 0

