"""Gold-set adapters: each gold file becomes a list of normalised gold articles, and the matching
`parley extract` input lines; predictions are read from `parley extract` output.

Normalised gold article: {"id", "text", "published", "url", "title", "outlet", "event_group",
"quotes": [{"start", "end", "kind", "speaker", "source"}], "mentions", "events", "positions",
"plover"} (absent parts are empty lists / None). Quote spans are in the schema's form (see
`spans.trim_quote`); "source" is the (start, end) of the speaker's mention or None.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from .spans import DOUBLE_MARKS, hull, merge_adjacent, trim_quote

SETS = ("indomain", "ggt", "polnear", "plover")

# PLOVER 0.5 names of the gold-standard records → PLOVER 2.0 types used by the schema.
PLOVER_OLD = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def plover_type(name: str | None) -> str:
    t = (name or "").strip().upper()
    return PLOVER_OLD.get(t, t)


def read_jsonl(path) -> Iterator[tuple[int, dict]]:
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{n}: bad JSON line ({e.msg})") from None
            if not isinstance(rec, dict):
                raise ValueError(f"{path}:{n}: not a JSON object")
            yield n, rec


def read_pred(path) -> dict[str, dict]:
    """`parley extract` output by id (the first line of an id wins; lines without an id are
    ignored). Missing parts of a record read as empty."""
    out: dict[str, dict] = {}
    for _, rec in read_jsonl(path):
        rid = rec.get("id")
        if rid is not None and str(rid) not in out:
            out[str(rid)] = rec
    return out


def quote_kind(text: str, start: int, end: int) -> str:
    """Kind of a gold quote given only its raw span: it opens with a quotation mark → direct;
    it contains one → mixed; else indirect."""
    raw = text[start:end].strip()
    if raw[:1] in DOUBLE_MARKS or raw[:1] in "‘":
        return "direct"
    return "mixed" if any(c in DOUBLE_MARKS or c == "‘" for c in raw) else "indirect"


def _span(v) -> tuple[int, int] | None:
    if isinstance(v, (list, tuple)) and len(v) == 2 and all(isinstance(x, int) for x in v) and v[1] > v[0]:
        return int(v[0]), int(v[1])
    return None


def _article(rec: dict, **kw) -> dict:
    base = {"id": str(rec["id"]), "text": rec.get("text") or "", "published": None, "url": rec.get("url"),
            "title": rec.get("title"), "outlet": rec.get("outlet"), "event_group": None,
            "quotes": [], "mentions": [], "events": [], "positions": [], "plover": None}
    base.update(kw)
    return base


def load_indomain(path) -> list[dict]:
    out = []
    for _, r in read_jsonl(path):
        text = r.get("text") or ""
        quotes = []
        for q in r.get("quotes") or []:
            s, e = trim_quote(text, q["start"], q["end"])
            src = _span([q.get("speaker_start"), q.get("speaker_end")])
            quotes.append({"start": s, "end": e, "kind": q.get("kind") or "", "speaker": q.get("speaker") or "",
                           "source": src})
        out.append(_article(r, published=r.get("published"), event_group=r.get("event_group"), quotes=quotes,
                            mentions=list(r.get("mentions") or []), events=list(r.get("events") or []),
                            positions=list(r.get("positions") or [])))
    return out


def load_ggt(path) -> list[dict]:
    """GGT: `quote_span` (quotation marks included for direct quotes) → trimmed span; `reference`
    (the full name the annotators resolved) → speaker; `speaker_span` → source. Quotes without a
    `quote_span` (one record has its text misplaced in `verb`) are left out."""
    out = []
    for _, r in read_jsonl(path):
        text = r.get("text") or ""
        quotes = []
        for q in r.get("quotes") or []:
            span = _span(q.get("quote_span"))
            if not span:
                continue
            s, e = trim_quote(text, *span)
            quotes.append({"start": s, "end": e, "kind": quote_kind(text, *span),
                           "speaker": q.get("reference") or "", "source": _span(q.get("speaker_span")),
                           "floating": bool(q.get("is_floating"))})
        out.append(_article(r, quotes=quotes))
    return out


def load_polnear(path) -> list[dict]:
    """PolNeAR: each attribution's content pieces are merged where only whitespace/punctuation
    separates them (`spans.merge_adjacent`); each remaining piece is one gold quote (the schema
    splits a quote interrupted by "he said"), trimmed like GGT spans. All pieces of an
    attribution share its source: the hull of its source spans (None when it has none).
    Documents annotated by several annotators appear once, with the first annotation in the file."""
    out, seen = [], set()
    for _, r in read_jsonl(path):
        rid = str(r["id"])
        if rid in seen:
            continue
        seen.add(rid)
        text = r.get("text") or ""
        quotes = []
        for a in r.get("attributions") or []:
            source = hull([(x["start"], x["end"]) for x in a.get("source") or [] if x["end"] > x["start"]])
            pieces = [(x["start"], x["end"]) for x in a.get("content") or [] if x["end"] > x["start"]]
            for ps, pe in merge_adjacent(pieces, text):
                s, e = trim_quote(text, ps, pe)
                quotes.append({"start": s, "end": e, "kind": quote_kind(text, ps, pe), "speaker": "",
                               "source": source, "attribution": a.get("id")})
        out.append(_article(r, published=r.get("date"), outlet=r.get("publisher"), quotes=quotes))
    return out


def _codes(v) -> list[str]:
    if not isinstance(v, list):
        return []
    return [str(a.get("code") or "") for a in v if isinstance(a, dict) and a.get("code")]


def load_plover(path) -> list[dict]:
    """PLOVER GSR: one sentence per record; the id is the gold id, except that a later record
    repeating an id gets "#2", "#3"… (one id is used twice for different sentences)."""
    out, seen = [], {}
    for _, r in read_jsonl(path):
        rid = str(r["id"])
        seen[rid] = seen.get(rid, 0) + 1
        if seen[rid] > 1:
            rid = f"{rid}#{seen[rid]}"
        gold = {"type": plover_type(r.get("event")), "source": _codes(r.get("source")),
                "target": _codes(r.get("target"))}
        out.append(_article({**r, "id": rid, "url": None, "title": None, "outlet": None},
                            published=r.get("date"), plover=gold))
    return out


LOADERS = {"indomain": load_indomain, "ggt": load_ggt, "polnear": load_polnear, "plover": load_plover}


def load(set_name: str, gold_path) -> list[dict]:
    if set_name not in LOADERS:
        raise ValueError(f"unknown gold set {set_name!r} (one of {', '.join(SETS)})")
    if not Path(gold_path).exists():
        raise FileNotFoundError(f"gold file not found: {gold_path}")
    return LOADERS[set_name](gold_path)


def inputs(set_name: str, gold_path) -> Iterator[dict]:
    """The `parley extract` input lines for a gold set, one per gold article/sentence, same ids."""
    for g in load(set_name, gold_path):
        yield {k: g[k] for k in ("id", "text", "published", "url", "title", "outlet")}
