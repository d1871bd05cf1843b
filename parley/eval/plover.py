"""PLOVER gold-standard sentences: event-type accuracy, per-type recall, confusions."""
from __future__ import annotations

from collections import Counter

from .adapters import plover_type
from .metrics import ratio

NONE = "(none)"


def pred_types(rec: dict) -> list[str]:
    """Predicted event types of a sentence, in output order, without repeats."""
    out: list[str] = []
    for e in rec.get("events") or []:
        t = plover_type(e.get("type")) if isinstance(e, dict) else ""
        if t and t not in out:
            out.append(t)
    return out


def score(pairs: list[tuple[dict, dict]]) -> dict:
    """Type accuracy: the gold type is among the sentence's predicted types. Strict accuracy:
    the first predicted type (the pipeline's most confident) is the gold type."""
    n = hit = strict = no_event = 0
    per: dict[str, Counter] = {}
    confusion: dict[str, Counter] = {}
    for gold, rec in pairs:
        g = gold["plover"]["type"]
        types = pred_types(rec)
        n += 1
        hit += g in types
        strict += bool(types) and types[0] == g
        no_event += not types
        per.setdefault(g, Counter()).update(gold=1, hit=g in types)
        if g not in types:
            confusion.setdefault(g, Counter())[types[0] if types else NONE] += 1
    recall = {t: {"gold": c["gold"], "recall": ratio(c["hit"], c["gold"])} for t, c in sorted(per.items())}
    rs = [v["recall"] for v in recall.values() if v["recall"] is not None]
    return {
        "sentences": n,
        "type_accuracy": ratio(hit, n),
        "strict_accuracy": ratio(strict, n),
        "no_event": ratio(no_event, n),
        "macro_recall": sum(rs) / len(rs) if rs else None,
        "recall_by_type": recall,
        "confusions": {t: dict(c.most_common()) for t, c in sorted(confusion.items())},
    }
