"""The actors stage on the dev gold (real articles read by path): the role conflict of seed 1 is
flagged and no correct role is. Accuracy figures are in benchmarks/bench_actors.py."""
from __future__ import annotations

from conftest import jsonl

from parley import actors, nlp
from parley.context import Context
from parley.model import Article


def test_role_conflicts_on_dev():
    gold = jsonl("gold/indomain-dev.jsonl")
    kb = actors.load_kb()
    flagged, expected = set(), set()
    for g, doc in zip(gold, nlp.parse([g["text"] for g in gold])):
        ctx = Context(article=Article(text=g["text"], id=g["id"], published=g.get("published")), doc=doc, kb=kb)
        for m in actors.resolve(ctx):
            assert g["text"][m.start:m.end] == m.text
            if m.role_conflict:
                flagged.add((g["id"], m.start, m.end))
        expected |= {(g["id"], m["start"], m["end"]) for m in g["mentions"] if m.get("role_conflict")}
    assert expected and flagged == expected
