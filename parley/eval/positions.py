"""Position scores: (party, issue, stance) and (party, issue) P/R/F1, sets per article."""
from __future__ import annotations

from collections import Counter

from .metrics import fold, prf


def keys(positions: list[dict]) -> tuple[set, set]:
    full = {(fold(p.get("party")), fold(p.get("issue")), fold(p.get("stance"))) for p in positions
            if isinstance(p, dict)}
    return full, {k[:2] for k in full}


def score(pairs: list[tuple[dict, dict]]) -> dict:
    c: Counter = Counter()
    for gold, rec in pairs:
        g3, g2 = keys(gold["positions"])
        p3, p2 = keys(rec.get("positions") or [])
        c.update(tp3=len(g3 & p3), g3=len(g3), p3=len(p3), tp2=len(g2 & p2), g2=len(g2), p2=len(p2))
    return {"party_issue_stance": prf(c["tp3"], c["p3"], c["g3"]),
            "party_issue": prf(c["tp2"], c["p2"], c["g2"])}
