"""Shared test helpers.

Tests that read the evaluation data beside the project (`../shared`, copyrighted news read by path,
never copied) skip with a clear reason when it is absent — but fail when CI=true, where it must be.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PARLEY_SHARED", ROOT.parent / "shared"))


def shared(rel: str) -> Path:
    """Path of a file under ../shared; skips the test (fails under CI=true) when it is missing."""
    p = SHARED / rel
    if not p.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{p} is missing: CI runs with ../shared beside the clone")
        pytest.skip(f"{p} not found: these tests need ../shared beside the project (not in a user's clone)")
    return p


def jsonl(rel: str) -> list[dict]:
    with open(shared(rel), encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def dev_gold() -> list[dict]:
    return jsonl("gold/indomain-dev.jsonl")


@pytest.fixture(scope="session")
def diplomacy() -> list[dict]:
    return jsonl("corpus/diplomacy/articles.jsonl")


def quote_context(text: str, published: str = "2025-03-11"):
    """One text through nlp → actors → quotes: the Context with its quotes and attributions;
    every quote, attribution and speaker span verbatim."""
    from parley import actors, nlp, quotes
    from parley.context import Context
    from parley.model import Article

    ctx = Context(article=Article(text=text, published=published), doc=next(nlp.parse([text])),
                  kb=actors.load_kb())
    ctx.mentions = actors.resolve(ctx)
    ctx.quotes = quotes.extract(ctx)
    for q in ctx.quotes + ctx.attributions:
        assert text[q.start:q.end] == q.quote
        if q.speaker_start is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_mention
    return ctx


def extract_quotes(text: str, published: str = "2025-03-11") -> list:
    """The quotes of `quote_context`."""
    return quote_context(text, published).quotes
