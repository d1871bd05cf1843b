"""Story scores: pairwise P/R/F1 of article pairs put in one story."""
from __future__ import annotations

from itertools import combinations

from .metrics import prf


def same_cluster_pairs(labels: dict[str, str | None]) -> set[frozenset]:
    """Unordered id pairs sharing a label; ids whose label is None/"" are singletons."""
    groups: dict[str, list[str]] = {}
    for i, lab in labels.items():
        if lab:
            groups.setdefault(str(lab), []).append(i)
    return {frozenset(p) for ids in groups.values() for p in combinations(sorted(ids), 2)}


def score(pairs: list[tuple[dict, dict]]) -> dict:
    gold = {g["id"]: g.get("event_group") for g, _ in pairs}
    pred = {g["id"]: rec.get("story") for g, rec in pairs}
    gp, pp = same_cluster_pairs(gold), same_cluster_pairs(pred)
    out = prf(len(gp & pp), len(pp), len(gp))
    out["articles"] = len(gold)
    out["gold_groups"] = len({v for v in gold.values() if v})
    return out
