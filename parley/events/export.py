"""Exports of event dicts (Event.to_json() plus `article_id`/`url`/`story`, or merged story events
from `merge_story_events`) for existing tooling: PLOVER JSON with POLECAT-like fields and a
GDELT-like CSV. Pure functions: the CLI decides where the output goes.
"""
from __future__ import annotations

import csv
import functools
import io
from pathlib import Path

import yaml

from ..model import stable_id
from .lexicon import gazetteer, load

GDELT_COLUMNS = ["GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor2Code", "Actor2Name",
                 "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                 "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "ActionGeo_FullName",
                 "ActionGeo_CountryCode", "PLOVERType", "PLOVERMode", "Negated", "SOURCEURL"]


@functools.lru_cache(maxsize=1)
def _scores() -> dict:
    path = Path(__file__).resolve().parent.parent / "data" / "lexicons" / "events_scores.yaml"
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def quad_class(etype: str) -> int:
    return int(_scores()["quad"].get(etype, 0))


def intensity(etype: str, mode: str = "", negated: bool = False) -> float:
    """Goldstein-like score of a PLOVER type (and mode) from the manual's table; 0 when negated."""
    sc = _scores()["score"]
    v = sc.get(f"{etype}:{mode}", sc.get(etype, 0.0))
    return 0.0 if negated else float(v)


def _urls(ev: dict) -> list[str]:
    urls = [e.get("url") for e in ev.get("evidence", []) if e.get("url")]
    if ev.get("url"):
        urls.insert(0, ev["url"])
    return list(dict.fromkeys(urls))


def _event_id(ev: dict) -> str:
    return "ev-" + stable_id(ev.get("story") or ev.get("article_id") or "", ev.get("type"),
                             ",".join(sorted(ev.get("source") or [])), ",".join(sorted(ev.get("target") or [])),
                             ev.get("date") or "", ev.get("sentence", "") if not ev.get("evidence") else "")


def to_plover(ev: dict) -> dict:
    """One event as a PLOVER/POLECAT-like record."""
    lex = load()
    cameo = ev.get("cameo") or ""
    loc = ev.get("location") or ""
    place = gazetteer().place(loc) if loc else None
    evidence = ev.get("evidence") or [{"article_id": ev.get("article_id"), "url": ev.get("url"),
                                       "sentence": ev.get("sentence", "")}]
    return {
        "event_id": ev.get("id") or _event_id(ev),
        "event_date": ev.get("date"),
        "event_type": ev.get("type"),
        "event_mode": ev.get("mode") or "",
        "event_context": ev.get("context") or (lex.context_for(cameo) if cameo else ""),
        "actor": ev.get("source_actor") or "",
        "actor_country": "|".join(ev.get("source") or []),
        "recipient": ev.get("target_actor") or "",
        "recipient_country": "|".join(ev.get("target") or []),
        "negated": bool(ev.get("negated")), "future": bool(ev.get("future")),
        "hypothetical": bool(ev.get("hypothetical")),
        "cameo_code": cameo,
        "quad_code": quad_class(ev.get("type", "")),
        "intensity": intensity(ev.get("type", ""), ev.get("mode", ""), bool(ev.get("negated"))),
        "location": {"name": loc, "country": place[1] if place else ""} if loc else None,
        "story_id": ev.get("story"),
        "mentions": ev.get("count", len(evidence)),
        "evidence": evidence,
        "source_urls": _urls(ev),
        "event_text": ev.get("sentence", ""),
        "trigger": ev.get("trigger", ""),
    }


def to_gdelt_row(ev: dict) -> dict:
    """One event as a GDELT-1.0-like row (column names as GDELT's, values from the event)."""
    cameo = ev.get("cameo") or ""
    loc = ev.get("location") or ""
    place = gazetteer().place(loc) if loc else None
    evidence = ev.get("evidence") or [{"article_id": ev.get("article_id"), "url": ev.get("url")}]
    urls = _urls(ev)
    n_art = len({e.get("article_id") for e in evidence}) or 1
    return {
        "GLOBALEVENTID": ev.get("id") or _event_id(ev),
        "SQLDATE": (ev.get("date") or "").replace("-", ""),
        "Actor1Code": ";".join(ev.get("source") or []),
        "Actor1Name": ev.get("source_actor") or "",
        "Actor2Code": ";".join(ev.get("target") or []),
        "Actor2Name": ev.get("target_actor") or "",
        "IsRootEvent": 1,
        "EventCode": cameo,
        "EventBaseCode": cameo[:3],
        "EventRootCode": cameo[:2],
        "QuadClass": quad_class(ev.get("type", "")),
        "GoldsteinScale": intensity(ev.get("type", ""), ev.get("mode", ""), bool(ev.get("negated"))),
        "NumMentions": ev.get("count", len(evidence)),
        "NumSources": len(urls) or 1,
        "NumArticles": n_art,
        "ActionGeo_FullName": loc,
        "ActionGeo_CountryCode": place[1] if place else "",
        "PLOVERType": ev.get("type", ""),
        "PLOVERMode": ev.get("mode", ""),
        "Negated": int(bool(ev.get("negated"))),
        "SOURCEURL": " ".join(urls),
    }


def to_gdelt_csv(events: list[dict], delimiter: str = "\t") -> str:
    """GDELT-like table (tab-separated by default, as GDELT's), with a header line."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=GDELT_COLUMNS, delimiter=delimiter, lineterminator="\n")
    w.writeheader()
    for ev in events:
        w.writerow(to_gdelt_row(ev))
    return buf.getvalue()
