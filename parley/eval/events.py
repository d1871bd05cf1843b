"""Event scores: (type, source parties, target parties) P/R/F1 per article, type-per-sentence
P/R/F1, and agreement on negated/hypothetical events."""
from __future__ import annotations

from collections import Counter

from .adapters import plover_type
from .metrics import labels, prf
from .spans import greedy, locate, norm_ws, overlap

SENTENCE_AT = 0.5


def event_tuple(e: dict) -> tuple:
    return plover_type(e.get("type")), labels(e.get("source")), labels(e.get("target"))


def sentence_key(text: str, e: dict) -> tuple:
    """(span or None, whitespace-normalised sentence) of an event's evidence sentence."""
    sent = e.get("sentence") or ""
    s, t = e.get("sentence_start", -1), e.get("sentence_end", -1)
    span = locate(text, sent, s if isinstance(s, int) else -1, t if isinstance(t, int) else -1)
    return span, norm_ws(sent)


def same_sentence(a: tuple, b: tuple) -> float:
    """1.0 for equal sentences; else the span overlap when ≥ SENTENCE_AT; else 0."""
    if a[1] and a[1] == b[1]:
        return 1.0
    if a[0] and b[0]:
        ov = overlap(a[0], b[0])
        return ov if ov >= SENTENCE_AT else 0.0
    return 0.0


def _match_typed(gold: list[tuple], pred: list[tuple]) -> list[tuple[int, int, float]]:
    """gold/pred: (type, sentence key) items; one-to-one, same type and same sentence."""
    return greedy(len(gold), len(pred),
                  lambda gi, pi: same_sentence(gold[gi][1], pred[pi][1]) if gold[gi][0] == pred[pi][0] else 0.0)


def _unique(items: list[tuple]) -> list[tuple]:
    seen, out = set(), []
    for t, key in items:
        k = (t, key[0] or key[1])
        if k not in seen:
            seen.add(k)
            out.append((t, key))
    return out


def score(pairs: list[tuple[dict, dict]]) -> dict:
    c: Counter = Counter()
    for gold, rec in pairs:
        text = gold["text"]
        ge, pe = gold["events"], [e for e in rec.get("events") or [] if isinstance(e, dict)]
        g, p = Counter(map(event_tuple, ge)), Counter(map(event_tuple, pe))
        c["tup_tp"] += sum((g & p).values())
        c["tup_gold"] += sum(g.values())
        c["tup_pred"] += sum(p.values())
        gs = [(plover_type(e.get("type")), sentence_key(text, e)) for e in ge]
        ps = [(plover_type(e.get("type")), sentence_key(text, e)) for e in pe]
        gu, pu = _unique(gs), _unique(ps)
        c["sent_tp"] += len(_match_typed(gu, pu))
        c["sent_gold"] += len(gu)
        c["sent_pred"] += len(pu)
        neg = [gs[i] for i, e in enumerate(ge) if e.get("negated")]
        flagged = [ps[i] for i, e in enumerate(pe) if e.get("negated") or e.get("hypothetical")]
        c["gold_negated"] += len(neg)
        c["gold_hypothetical"] += sum(1 for e in ge if e.get("hypothetical"))
        c["pred_flagged"] += len(flagged)
        c["pred_flagged_gold_negated"] += len(_match_typed(neg, flagged))
    return {
        "type_source_target": prf(c["tup_tp"], c["tup_pred"], c["tup_gold"]),
        "type_per_sentence": prf(c["sent_tp"], c["sent_pred"], c["sent_gold"]),
        "negation": {"gold_negated": c["gold_negated"], "gold_hypothetical": c["gold_hypothetical"],
                     "pred_negated_or_hypothetical": c["pred_flagged"],
                     "pred_flagged_gold_negated": c["pred_flagged_gold_negated"]},
    }
