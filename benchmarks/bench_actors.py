"""Actors stage benchmark: parse the dev gold texts (parley.nlp), resolve actors, score mentions
with the project's scorer (parley.eval.mentions), time resolve vs the spaCy parse, and check the
knowledge base against the NGEC actor-resolution cases.

    .venv/bin/python benchmarks/bench_actors.py [--gold ../shared/gold/indomain-dev.jsonl] [-v]
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parley import actors, nlp  # noqa: E402
from parley.context import Context  # noqa: E402
from parley.eval.mentions import score  # noqa: E402
from parley.eval.metrics import fold  # noqa: E402
from parley.eval.spans import overlap  # noqa: E402
from parley.model import Article  # noqa: E402

SHARED = ROOT.parent / "shared"


def run(gold_path: Path, verbose: bool = False) -> dict:
    rows = [json.loads(ln) for ln in open(gold_path, encoding="utf-8") if ln.strip()]
    seen, gold = set(), []
    for r in rows:  # documents annotated twice: the first annotation counts (as in parley.eval)
        if r["id"] not in seen:
            seen.add(r["id"])
            gold.append(r)
    kb = actors.load_kb()
    nlp.load()
    warm = next(nlp.parse(["Warm-up: Kyiv said Mr. Peskov met the Ukrainian delegation."]))
    t0 = time.perf_counter()
    actors.resolve(Context(article=Article(text=warm.text), doc=warm, kb=kb))  # builds the matcher
    t_matcher = time.perf_counter() - t0
    t_parse = t_resolve = 0.0
    pairs = []
    for g in gold:
        art = Article(text=g["text"], id=g["id"], published=g.get("published"))
        t0 = time.perf_counter()
        doc = next(nlp.parse([art.text]))
        t1 = time.perf_counter()
        ctx = Context(article=art, doc=doc, kb=kb)
        ms = actors.resolve(ctx)
        t2 = time.perf_counter()
        t_parse += t1 - t0
        t_resolve += t2 - t1
        pred = {"mentions": [m.to_json() for m in ms]}
        pairs.append((g, pred))
        if verbose:
            _diff(g, pred["mentions"])
    res = score(pairs)
    rc = res["role_conflict"]
    res["role_conflict"]["false_flags"] = rc["pred"] - rc["tp"]
    res["timing"] = {"articles": len(gold), "matcher_build_once_s": round(t_matcher, 3),
                     "parse_s": round(t_parse, 3), "resolve_s": round(t_resolve, 3),
                     "resolve_per_article_ms": round(1000 * t_resolve / len(gold), 2),
                     "resolve_vs_parse": round(t_resolve / t_parse, 4)}
    return res


def _diff(g: dict, pm: list[dict]) -> None:
    for m in g["mentions"]:
        best = max(pm, key=lambda p: overlap((m["start"], m["end"]), (p["start"], p["end"])), default=None)
        ov = overlap((m["start"], m["end"]), (best["start"], best["end"])) if best else 0
        if ov < 0.5:
            print(f"MISS {g['id']:9} {m['text']!r:32} {m['actor']} {m['party']}")
        elif fold(best["actor"]) != fold(m["actor"]) or best["party"] != m["party"] \
                or bool(best.get("role_conflict")) != bool(m.get("role_conflict")):
            print(f"DIFF {g['id']:9} {m['text']!r:32} gold={m['actor']}/{m['party']}"
                  f"{'/RC' if m.get('role_conflict') else ''} pred={best['actor']}/{best['party']}"
                  f"{'/RC:' + best.get('expected_role', '') if best.get('role_conflict') else ''}")


# -- NGEC actor-resolution cases: the knowledge base on names out of context ------------------

def _ngec_day(args: list, kwargs: dict) -> _dt.date | None:
    v = kwargs.get("query_date") or (args[2] if len(args) > 2 else "")
    if not v or v == "today":
        return _dt.date(2026, 1, 1) if v == "today" else None
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y"):
        try:
            return _dt.datetime.strptime(v, fmt).date()
        except ValueError:
            pass
    return None


def _phrase(kb, name: str, day) -> tuple[str | None, str | None]:
    """(party, actor) for a name out of context: the base's look-up, else the resolver run on the
    phrase as a text (demonyms, titles, bodies: "Armenian Prime Minister", "four Saudi men")."""
    a = kb.lookup(name, day)
    if a is not None:
        return a.party_on(day), a.name
    st = kb.state(name)
    if st is not None:
        return st.iso3, st.name
    doc = next(nlp.parse([name]))
    art = Article(text=name, published=day.isoformat() if day else None)
    ms = actors.resolve(Context(article=art, doc=doc, kb=kb))
    ms = [m for m in ms if m.party or m.actor]
    if not ms:
        return None, None
    m = max(ms, key=lambda m: (m.end - m.start, m.kind == "person"))
    return m.party or None, m.actor or None


def ngec(path: Path) -> dict:
    """Cases where the NGEC coder names a country or a Wikipedia title for a name: does the base
    (and the resolver on the phrase) give the same party / canonical name? Worldwide cases, many
    outside this profile's base: unknown names count as misses."""
    kb = actors.load_kb()
    n_c = ok_c = n_w = ok_w = known = 0
    for ln in open(path, encoding="utf-8"):
        case = json.loads(ln)
        if case["method"] not in ("agent_to_code", "query_wiki", "search_nat") or not case["args"]:
            continue
        name, exp = case["args"][0], case["expect"]
        day = _ngec_day(case["args"], case.get("kwargs") or {})
        party, title = _phrase(kb, name, day)
        known += party is not None
        for key in ("code['country']", "cc"):
            e = exp.get(key)
            if e and e["op"] == "Eq" and e["value"] and e["value"] not in ("IGO", "UNO", "EUR"):
                n_c += 1
                ok_c += party == e["value"]
        for key in ("code['wiki']", "wiki['title']"):
            e = exp.get(key)
            if e and e["op"] == "Eq" and e["value"]:
                n_w += 1
                ok_w += fold(title or "") == fold(e["value"])
    return {"country_cases": n_c, "country_correct": ok_c, "country_accuracy": round(ok_c / n_c, 3) if n_c else None,
            "title_cases": n_w, "title_correct": ok_w, "title_accuracy": round(ok_w / n_w, 3) if n_w else None,
            "names_known": known}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=str(SHARED / "gold" / "indomain-dev.jsonl"))
    ap.add_argument("--ngec", default=str(SHARED / "gold" / "actors" / "ngec-actor-resolution.jsonl"))
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    t0 = time.perf_counter()
    kb = actors.load_kb()
    t_kb = time.perf_counter() - t0
    people = sum(1 for x in kb.actors.values() if x.kind == "person")
    print(json.dumps({"kb": {"actors": len(kb.actors), "people": people,
                             "people_with_dated_roles": sum(1 for x in kb.actors.values()
                                                            if x.kind == "person" and any(r.dated for r in x.roles)),
                             "states": len(kb.states), "load_s": round(t_kb, 3)}}, indent=1))
    print(json.dumps(run(Path(a.gold), a.verbose), indent=1))
    if Path(a.ngec).exists():
        print(json.dumps({"ngec": ngec(Path(a.ngec))}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
