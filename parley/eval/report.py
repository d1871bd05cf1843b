"""A readable plain-text report of an `evaluate()` result: every figure, grouped by section."""
from __future__ import annotations

PRF = ("p", "r", "f1", "tp", "pred", "gold")
SECTIONS = ("quotes", "attribution", "mentions", "events", "positions", "stories", "plover")


def _fmt(v) -> str:
    if v is None:
        return "n/a"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def _is_prf(v) -> bool:
    return isinstance(v, dict) and all(k in v for k in PRF)


def _is_table(v) -> bool:
    return (isinstance(v, dict) and bool(v)
            and all(isinstance(x, dict) and x and not _is_prf(x) for x in v.values())
            and all(not isinstance(y, dict) for x in v.values() for y in x.values()))


def _is_flat(v) -> bool:
    return isinstance(v, dict) and bool(v) and not _is_prf(v) and all(not isinstance(x, dict) for x in v.values())


def _grid(header: list[str], rows: list[list[str]], indent: str) -> list[str]:
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]

    def line(r: list[str]) -> str:
        return indent + "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))

    return [line(header), indent + "  ".join("-" * w for w in widths)] + [line(r) for r in rows]


def _prf_rows(items: list[tuple[str, dict]], indent: str) -> list[str]:
    rows = [[k, _fmt(v["p"]), _fmt(v["r"]), _fmt(v["f1"]), _fmt(v["tp"]), _fmt(v["pred"]), _fmt(v["gold"])]
            for k, v in items]
    return _grid(["", "P", "R", "F1", "tp", "pred", "gold"], rows, indent)


def _section(title: str, d: dict, indent: str = "") -> list[str]:
    out = [f"{indent}{title}"]
    sub = indent + "  "
    if _is_prf(d):
        d = dict(d)
        out += _prf_rows([("pairs", {k: d.pop(k) for k in PRF})], sub)
    prfs = [(k, v) for k, v in d.items() if _is_prf(v)]
    if prfs:
        out += _prf_rows(prfs, sub)
    for k, v in d.items():
        if not isinstance(v, dict):
            out.append(f"{sub}{k}: {_fmt(v)}")
    flat = [(k, v) for k, v in d.items() if _is_flat(v)]
    shapes: dict[tuple, list] = {}
    for k, v in flat:
        shapes.setdefault(tuple(v), []).append((k, v))
    for cols, group in shapes.items():
        if len(group) > 1:
            out += _grid([""] + list(cols), [[k] + [_fmt(v[c]) for c in cols] for k, v in group], sub)
        else:
            k, v = group[0]
            out.append(f"{sub}{k}: " + ", ".join(f"{c} {_fmt(x)}" for c, x in v.items()))
    for k, v in d.items():
        if not isinstance(v, dict) or _is_prf(v) or _is_flat(v):
            continue
        if k == "confusions":
            out.append(f"{sub}confusions (gold → first predicted type, missed sentences only):")
            out += [f"{sub}  {g} → " + ", ".join(f"{p} {n}" for p, n in c.items()) for g, c in v.items()]
        elif _is_table(v):
            cols = list(dict.fromkeys(c for x in v.values() for c in x))
            out.append(f"{sub}{k}:")
            out += _grid([""] + cols, [[r] + [_fmt(x.get(c)) for c in cols] for r, x in v.items()], sub + "  ")
        else:
            out += _section(f"{k}:", v, sub)
    return out


def format_report(scores: dict) -> str:
    a = scores.get("articles", {})
    lines = [f"parley eval — set {scores.get('set')}",
             f"gold: {scores.get('gold_file')}", f"pred: {scores.get('pred_file')}",
             f"records: {a.get('gold')} gold, {a.get('predicted')} predicted, {a.get('missing')} missing "
             f"(scored as empty), {a.get('unmatched_predictions', 0)} predictions without gold"]
    for name in SECTIONS:
        if isinstance(scores.get(name), dict):
            lines.append("")
            lines += _section(name.upper(), scores[name])
    return "\n".join(lines) + "\n"
