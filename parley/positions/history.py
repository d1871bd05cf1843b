"""Position history: per (party, issue) the dated sequence of stances, and the changes in it.

Pure functions over position dicts as stored (party, issue, stance, date, actor, condition, hedged,
sentence, article_id, url…). Undated positions are left out of a history (they cannot be placed).
"""
from __future__ import annotations

import datetime as _dt
from collections import Counter, defaultdict
from collections.abc import Iterable

from .dates import parse_date

RANK = {"conditional": 3, "oppose": 2, "support": 1}


def _get(p, key, default=None):
    return p.get(key, default) if isinstance(p, dict) else getattr(p, key, default)


def select(positions: Iterable, party: str | None = None, issue: str | None = None,
           at: _dt.date | str | None = None) -> list[dict]:
    """Positions for a party / issue (an issue ending in '*' or '.' is a prefix), dated on or before
    `at` when given; each as a dict with its date parsed (`day`)."""
    limit = parse_date(at)
    out = []
    for p in positions:
        d = dict(p) if isinstance(p, dict) else {k: getattr(p, k) for k in
                                                 ("party", "issue", "stance", "date", "actor", "condition",
                                                  "hedged", "sentence", "cue", "sentence_start", "sentence_end")}
        if party and (d.get("party") or "").upper() != party.upper():
            continue
        iss = d.get("issue") or ""
        if issue and not (iss == issue or (issue.endswith(("*", ".")) and iss.startswith(issue.rstrip("*")))):
            continue
        d["day"] = parse_date(d.get("date"))
        if limit is not None and (d["day"] is None or d["day"] > limit):
            continue
        out.append(d)
    return out


def day_stance(group: list[dict]) -> str:
    """The stance of several positions of one party on one issue on one day: the most attested,
    first-hand evidence before hedged; ties go to the more specific (conditional > oppose > support)."""
    firm = [p for p in group if not p.get("hedged")] or group
    counts = Counter(p["stance"] for p in firm)
    return max(counts, key=lambda s: (counts[s], RANK.get(s, 0)))


def history(positions: Iterable, party: str | None = None, issue: str | None = None) -> list[dict]:
    """One row per (party, issue, day): the stance that day, the previous one, whether it changed,
    the evidence count and one evidence sentence with its source. Sorted by party, issue, day."""
    groups: dict[tuple, dict[_dt.date, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for p in select(positions, party, issue):
        if p["day"] is not None:
            groups[(p["party"], p["issue"])][p["day"]].append(p)
    rows = []
    for (pa, iss), days in sorted(groups.items()):
        prev = None
        for day in sorted(days):
            group = days[day]
            stance = day_stance(group)
            ev = next((p for p in group if p["stance"] == stance and not p.get("hedged")),
                      next(p for p in group if p["stance"] == stance))
            changed = prev is not None and stance != prev
            rows.append({"party": pa, "issue": iss, "date": day.isoformat(), "stance": stance,
                         "previous": prev or "", "change": f"{prev} → {stance}" if changed else "",
                         "evidence": len(group), "actor": ev.get("actor") or "",
                         "condition": ev.get("condition") or "", "hedged": bool(ev.get("hedged")),
                         "sentence": ev.get("sentence") or "", "article_id": ev.get("article_id") or "",
                         "url": ev.get("url") or ""})
            prev = stance
    return rows


def changes(positions: Iterable, party: str | None = None, issue: str | None = None) -> list[dict]:
    """The detected changes only, each with a one-line summary
    ("UKR on ceasefire.full: oppose → conditional, 2025-03-11")."""
    out = []
    for r in history(positions, party, issue):
        if r["change"]:
            out.append({**r, "summary": f"{r['party']} on {r['issue']}: {r['change']}, {r['date']}"})
    return out
