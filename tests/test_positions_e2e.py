"""End to end: the whole diplomacy corpus through the pipeline, then the gap matrix of 11 March
2025 (the day of the Jeddah talks, the second seed article); about a minute, in the default run."""
from __future__ import annotations

import pytest

from parley import profiles
from parley.model import Article
from parley.positions import gaps, history


@pytest.fixture(scope="session")
def corpus_positions(diplomacy):
    from parley.pipeline import process
    from test_positions import _kb

    arts = [Article(id=r["id"], text=r["text"], published=r.get("published"), title=r.get("title"),
                    url=r.get("url"), outlet=r.get("outlet")) for r in diplomacy]
    texts = {a.id: a.text for a in arts}
    rows = []
    for res in process(arts, profile=profiles.load(), kb=_kb()):
        for p in res.positions:
            rows.append({**p.to_json(), "article_id": res.article.id, "url": res.article.url})
    return rows, texts


def test_matrix_on_the_day_of_the_seed_talks(corpus_positions, dev_gold):
    rows, texts = corpus_positions
    prof = profiles.load()
    seeds = {g["id"]: g for g in dev_gold if g["id"].startswith("seed-")}
    seed_issues = {p["issue"] for g in seeds.values() for p in g["positions"]}
    m = gaps.matrix(rows, at="2025-03-11", profile=prof)
    for party in ("UKR", "RUS", "USA"):
        cells = [c for (pa, iss), c in m.items() if pa == party and iss in seed_issues]
        assert cells, f"{party} has no stance on the seed issues at 2025-03-11"
    # the cease-fire, the first issue of the day, has all three
    assert {"UKR", "RUS", "USA"} <= {pa for (pa, iss) in m if iss == "ceasefire.full"}
    # every cell is traceable to verbatim sentences of dated articles on or before the day
    for cell in m.values():
        assert cell["evidence"] == len(cell["sources"]) > 0
        for s in cell["sources"]:
            assert s["sentence"] in texts[s["article_id"]]
            assert s["date"] <= "2025-03-11"
    status = {r["issue"]: r["status"] for r in gaps.gaps(rows, at="2025-03-11", profile=prof)}
    assert status["ceasefire.full"] in ("agree", "diverge")


def test_history_over_the_corpus(corpus_positions):
    rows, _ = corpus_positions
    hist = history.history(rows, party="UKR")
    assert hist and all(r["party"] == "UKR" for r in hist)
    assert [r["date"] for r in hist if r["issue"] == hist[0]["issue"]] == \
        sorted(r["date"] for r in hist if r["issue"] == hist[0]["issue"])
