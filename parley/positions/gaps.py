"""The gap matrix: parties × issues at a date, and where parties agree, diverge or are unknown.

Pure functions over position dicts as stored (party, issue, stance, date, sentence, article_id,
url…). The stance in force for a (party, issue) at a date is the stance of its latest dated
evidence on or before that date (several the same day: `history.day_stance`). With no date
(`at=None`) every position counts, undated ones last.
"""
from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable

from .dates import parse_date
from .history import day_stance, select

FAR = _dt.date(1, 1, 1)


def _cell(group: list[dict], at: _dt.date | None) -> dict:
    """The stance in force from one (party, issue)'s positions."""
    by_day: dict[_dt.date, list[dict]] = defaultdict(list)
    for p in group:
        by_day[p["day"] or FAR].append(p)
    days = sorted(by_day)
    latest = days[-1]
    stance = day_stance(by_day[latest])
    # the run of days with this stance up to the latest: its evidence
    run_start, evidence = latest, []
    for day in reversed(days):
        if day_stance(by_day[day]) != stance:
            break
        run_start = day
        evidence.extend(p for p in by_day[day] if p["stance"] == stance)
    last = latest if latest != FAR else None
    age = (at - last).days if (at is not None and last is not None) else None
    sources = [{"date": p["day"].isoformat() if p["day"] else None, "actor": p.get("actor") or "",
                "sentence": p.get("sentence") or "", "article_id": p.get("article_id") or "",
                "url": p.get("url") or "", "hedged": bool(p.get("hedged")), "condition": p.get("condition") or ""}
               for p in evidence]
    cond = next((s["condition"] for s in sources if s["condition"]), "")
    return {"party": group[0]["party"], "issue": group[0]["issue"], "stance": stance,
            "since": run_start.isoformat() if run_start != FAR else None,
            "last": last.isoformat() if last else None, "age_days": age, "evidence": len(evidence),
            "condition": cond, "sources": sources}


def matrix(positions: Iterable, at: _dt.date | str | None = None, profile=None) -> dict[tuple[str, str], dict]:
    """{(party, issue): cell} with cell = stance in force, since, last evidence date, age in days
    at `at`, evidence count and the evidence (sentence, article, url). Issues outside the profile
    are left out when a profile is given."""
    day = parse_date(at)
    rows = select(positions, at=day)
    if day is None and at not in (None, ""):
        raise ValueError(f"not a date: {at!r}")
    known = set(profile.issue_ids) if profile is not None else None
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for p in rows:
        if not p.get("party") or not p.get("issue") or (known is not None and p["issue"] not in known):
            continue
        groups[(p["party"], p["issue"])].append(p)
    return {k: _cell(g, day) for k, g in sorted(groups.items())}


def status(stances: dict[str, str], principals: Iterable[str] = ()) -> str:
    """agree / diverge / unknown for one issue from {party: stance}: judged between the principal
    parties when two of them have a stance, else between all parties with one. Parties agree when
    they all support or all oppose; conditions (each party its own) leave a gap: diverge."""
    main = {p: s for p, s in stances.items() if p in set(principals)}
    pool = main if len(main) >= 2 else stances
    if len(pool) < 2:
        return "unknown"
    kinds = set(pool.values())
    return "agree" if len(kinds) == 1 and "conditional" not in kinds else "diverge"


def gaps(positions: Iterable, at: _dt.date | str | None = None, profile=None,
         issue: str | None = None) -> list[dict]:
    """Per issue: the status at `at` (agree / diverge / unknown), who stands where, and the
    timeline of how the gap opened and closed (status changes at each dated position)."""
    positions = list(positions)
    day = parse_date(at)
    principals = list(getattr(profile, "principals", []) or [])
    issues = profile.issue_ids if profile is not None else sorted({(p.get("issue") if isinstance(p, dict)
                                                                    else p.issue) for p in positions})
    if issue:
        issues = [i for i in issues if i == issue or (issue.endswith(("*", ".")) and i.startswith(issue.rstrip("*")))]
    rows = []
    for iss in issues:
        mine = select(positions, issue=iss)
        cells = matrix(mine, at=day, profile=None)
        stances = {pa: c["stance"] for (pa, _), c in cells.items()}
        timeline, last = [], None
        for d in sorted({p["day"] for p in mine if p["day"] is not None and (day is None or p["day"] <= day)}):
            st = status({pa: c["stance"] for (pa, _), c in matrix(mine, at=d).items()}, principals)
            if st != last:
                timeline.append({"date": d.isoformat(), "status": st})
                last = st
        prof_issue = profile.issue(iss) if profile is not None else None
        rows.append({
            "issue": iss, "proposition": prof_issue.proposition if prof_issue else "",
            "status": status(stances, principals),
            "parties": "; ".join(f"{pa} {s}" for pa, s in sorted(stances.items())),
            "support": sorted(pa for pa, s in stances.items() if s == "support"),
            "oppose": sorted(pa for pa, s in stances.items() if s == "oppose"),
            "conditional": sorted(pa for pa, s in stances.items() if s == "conditional"),
            "evidence": sum(c["evidence"] for c in cells.values()),
            "timeline": " → ".join(f"{t['status']} ({t['date']})" for t in timeline),
            "changes": timeline,
        })
    return rows
