"""Quote scores: span P/R/F1, speaker accuracy, per-kind recall, speaker-span (source) P/R/F1."""
from __future__ import annotations

from collections import Counter

from .metrics import prf, ratio
from .names import same_lenient, same_strict
from .spans import greedy_match, overlap, trim_quote

THRESHOLDS = (("span>=0.3", 0.3), ("span>=0.8", 0.8), ("exact", 1.0 - 1e-9))
SPEAKER_AT = 0.3  # speaker and source are judged on quote pairs matched at this overlap
SOURCE_AT = 0.5


def _int_span(text: str, s, e) -> tuple[int, int] | None:
    if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text):
        return s, e
    return None


def pred_quotes(text: str, record: dict, layers: tuple[str, ...] = ("quotes",), phrase: bool = False) -> list[dict]:
    """The predicted quotes of a record (the records under each key in `layers`) with valid
    spans, trimmed like the gold spans. Their source is the speaker mention's span, or with
    `phrase` the whole source phrase (source_start/end) where given."""
    out = []
    for q in (q for layer in layers for q in record.get(layer) or []):
        span = _int_span(text, q.get("start"), q.get("end"))
        if span is None:
            continue
        s, e = trim_quote(text, *span)
        out.append({"start": s, "end": e, "speaker": q.get("speaker") or "",
                    "speaker_mention": q.get("speaker_mention") or "",
                    "source": (phrase and _int_span(text, q.get("source_start"), q.get("source_end")))
                    or _int_span(text, q.get("speaker_start"), q.get("speaker_end"))})
    return out


def speaker_ok(gold: dict, pred: dict, compare: str) -> bool:
    if compare == "lenient":
        return same_lenient(gold["speaker"], pred["speaker"] or pred["speaker_mention"])
    return same_strict(gold["speaker"], pred["speaker"])


def score(pairs: list[tuple[dict, dict]], compare: str = "strict", layers: tuple[str, ...] = ("quotes",),
          phrase: bool = False) -> dict:
    """pairs: (normalised gold article, prediction record or {}). compare: "strict" (speaker names
    equal after folding), "lenient" (`names.same_lenient`, pred speaker_mention as fallback) or
    "none" (the gold has no speaker names: no speaker accuracy). layers: the prediction keys
    scored ("quotes", or ("quotes", "attributions") for a gold set of attribution at large).
    phrase: sources are compared as whole source phrases (PolNeAR), not speaker mentions (GGT)."""
    c: Counter = Counter()
    kinds: dict[str, Counter] = {}
    for gold, rec in pairs:
        text = gold["text"]
        gq, pq = gold["quotes"], pred_quotes(text, rec, layers, phrase)
        c["gold"] += len(gq)
        c["pred"] += len(pq)
        c["gold_src"] += sum(1 for q in gq if q.get("source"))
        c["pred_src"] += sum(1 for q in pq if q["source"])
        gs = sorted({q["source"] for q in gq if q.get("source")})
        ps = sorted({q["source"] for q in pq if q["source"]})
        c["gold_spans"] += len(gs)
        c["pred_spans"] += len(ps)
        for _, _, ov in greedy_match(gs, ps):
            c["spans_ov"] += ov >= SOURCE_AT
            c["spans_exact"] += ov >= 1.0
        matched = greedy_match([(q["start"], q["end"]) for q in gq], [(q["start"], q["end"]) for q in pq])
        for q in gq:
            kinds.setdefault(q.get("kind") or "?", Counter())["gold"] += 1
        for gi, pi, ov in matched:
            g, p = gq[gi], pq[pi]
            for name, thr in THRESHOLDS:
                if ov >= thr:
                    c[name] += 1
            k = kinds[g.get("kind") or "?"]
            k["hit@0.3"] += ov >= 0.3
            k["hit@0.8"] += ov >= 0.8
            if ov < SPEAKER_AT:
                continue
            if g.get("speaker") and compare != "none":
                c["spk_n"] += 1
                c["spk_ok"] += speaker_ok(g, p, compare)
            if g.get("source") and p["source"]:
                c["src_ov"] += overlap(g["source"], p["source"]) >= SOURCE_AT
                c["src_exact"] += g["source"] == p["source"]
    out = {name: prf(c[name], c["pred"], c["gold"]) for name, _ in THRESHOLDS}
    if compare != "none":
        out["speaker"] = {"compare": compare, "matched_with_gold_speaker": c["spk_n"], "correct": c["spk_ok"],
                          "accuracy": ratio(c["spk_ok"], c["spk_n"])}
    out["recall_by_kind"] = {k: {"gold": v["gold"], "r@0.3": ratio(v["hit@0.3"], v["gold"]),
                                 "r@0.8": ratio(v["hit@0.8"], v["gold"])} for k, v in sorted(kinds.items())}
    if c["gold_src"]:
        out["source"] = {"overlap>=0.5": prf(c["src_ov"], c["pred_src"], c["gold_src"]),
                         "exact": prf(c["src_exact"], c["pred_src"], c["gold_src"])}
        out["source_spans"] = {"overlap>=0.5": prf(c["spans_ov"], c["pred_spans"], c["gold_spans"]),
                               "exact": prf(c["spans_exact"], c["pred_spans"], c["gold_spans"])}
    return out
