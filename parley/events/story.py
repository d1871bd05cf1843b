"""Story-level dedup: the same event reported by several articles of a story is one event."""
from __future__ import annotations


def _key(ev: dict) -> tuple:
    return (ev.get("story") or ev.get("article_id") or ev.get("article") or "", ev.get("type", ""),
            tuple(sorted(ev.get("source") or [])), tuple(sorted(ev.get("target") or [])),
            ev.get("date") or "")


def merge_story_events(records: list[dict]) -> list[dict]:
    """Group event dicts (each with `article_id`/`article`, `story`, `url`, and the Event fields) by
    story and (type, source, target, date). Returns one merged event per group, the first report's
    fields plus `evidence` (article id, url, sentence of each report) and `count` (number of distinct
    articles). Negated events never merge with positive ones."""
    groups: dict[tuple, dict] = {}
    order: list[tuple] = []
    for ev in records:
        k = _key(ev) + (bool(ev.get("negated")),)
        aid = ev.get("article_id") or ev.get("article") or ""
        item = {"article_id": aid, "url": ev.get("url"), "sentence": ev.get("sentence", "")}
        g = groups.get(k)
        if g is None:
            g = {k2: v for k2, v in ev.items() if k2 not in ("article_id", "article", "url")}
            g["evidence"], g["count"] = [], 0
            groups[k] = g
            order.append(k)
        if not any(e["article_id"] == aid and e["sentence"] == item["sentence"] for e in g["evidence"]):
            g["evidence"].append(item)
        for field in ("location", "mode", "cameo", "source_actor", "target_actor", "date"):
            if not g.get(field) and ev.get(field):
                g[field] = ev[field]
        g["count"] = len({e["article_id"] for e in g["evidence"]})
    return [groups[k] for k in order]
