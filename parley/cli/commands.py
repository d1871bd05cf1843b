"""Handlers of the `parley` subcommands (each takes the parsed arguments, returns an exit code)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .. import jobs
from ..store import Store
from .output import emit, table

DEMO = Path(__file__).resolve().parents[1] / "data" / "demo" / "wikinews-demo.jsonl"


def _fields(pairs: list[str]) -> dict | None:
    out = {}
    for p in pairs:
        if "=" not in p:
            raise ValueError(f"--field takes OURS=THEIRS, got {p!r}")
        k, v = p.split("=", 1)
        out[k.strip()] = v.strip()
    return out or None


def _stats(stats: dict) -> None:
    print(f"read {stats['read']} articles: {stats['new']} new, {stats['skipped']} already stored, "
          f"{stats['errors']} errors", file=sys.stderr)


def demo(args) -> int:
    stats = jobs.ingest_paths([str(DEMO)], args.db, profile=args.profile)
    _stats(stats)
    return summary(args)


def ingest(args) -> int:
    stats = jobs.ingest_paths(args.paths, args.db, profile=args.profile, fields=_fields(args.field),
                              progress=not args.quiet, workers=args.workers, scheduler=args.scheduler)
    _stats(stats)
    return 0 if stats["read"] or not stats["errors"] else 1


def fetch(args) -> int:
    from ..ingest import fetch as fetch_mod

    with Store(args.db) as store:
        stats = jobs.ingest_articles(fetch_mod.fetch(args.sources, allow_private=args.allow_private), store,
                                     profile=args.profile)
    _stats(stats)
    return 0


def extract(args) -> int:
    stats = jobs.extract_file(args.input, args.out, profile=args.profile, progress=not args.quiet)
    print(f"wrote {stats['written']} records to {args.out} ({stats['errors']} bad input lines)", file=sys.stderr)
    return 0


def evaluate(args) -> int:
    from .. import eval as ev

    scores = ev.evaluate(args.set, args.gold, args.pred)
    print(json.dumps(scores, indent=1, default=str) if args.json else ev.format_report(scores))
    return 0


def inputs(args) -> int:
    from .. import eval as ev

    n = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for rec in ev.inputs(args.set, args.gold):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    print(f"wrote {n} input lines to {args.out}", file=sys.stderr)
    return 0


def quotes(args) -> int:
    with Store(args.db, read_only=True) as s:
        rows = s.quotes(speaker=args.speaker, party=args.party, issue=args.issue, since=args.since,
                        until=args.until, kind=args.kind, limit=args.limit,
                        attributions=args.attributions, min_confidence=args.min_confidence)
    emit(rows, args.format, ["date", "speaker", "party", "kind", "quote", "count", "sources"]
         if args.format == "table" else None)
    return 0


def events(args) -> int:
    with Store(args.db, read_only=True) as s:
        rows = s.events(type=args.type, party=args.party, since=args.since, until=args.until, limit=args.limit)
    if args.export:
        from ..events import export as ex
        from ..model import jsonable

        rows = jsonable(rows)
        if args.export == "plover":
            sys.stdout.write(json.dumps([ex.to_plover(r) for r in rows], default=str, indent=1) + "\n")
        else:
            sys.stdout.write(ex.to_gdelt_csv(rows))
        return 0
    emit(rows, args.format, ["date", "type", "mode", "source", "target", "location", "count", "sentence"]
         if args.format == "table" else None)
    return 0


def _profile(name: str):
    from ..profiles import load

    return load(name)


def positions(args) -> int:
    from ..positions import gaps as g

    with Store(args.db, read_only=True) as s:
        rows = s.positions(party=args.party, issue=args.issue, at=args.at)
    if args.evidence:
        emit(rows, args.format, ["date", "party", "issue", "stance", "actor", "sentence", "url"]
             if args.format == "table" else None)
        return 0
    prof = _profile(args.profile)
    cells = g.matrix(rows, at=args.at, profile=prof)
    emit(matrix_rows(cells, prof), args.format)
    return 0


def matrix_rows(cells: dict, prof) -> list[dict]:
    """Parties × issues as rows (one per issue) for printing."""
    parties = list(prof.parties)
    for (party, _issue) in cells:
        if party not in parties:
            parties.append(party)
    out = []
    for issue in [i.id for i in prof.issues]:
        row = {"issue": issue}
        for p in parties:
            c = cells.get((p, issue))
            row[p] = f"{c['stance']} ({c['evidence']})" if c else ""
        if any(row[p] for p in parties):
            out.append(row)
    keep = ["issue"] + [p for p in parties if any(r[p] for r in out)]
    return [{k: r[k] for k in keep} for r in out]


def gaps(args) -> int:
    from ..positions import gaps as g

    with Store(args.db, read_only=True) as s:
        rows = s.positions(issue=args.issue, at=args.at)
    out = g.gaps(rows, at=args.at, profile=_profile(args.profile), issue=args.issue)
    if args.format == "table":  # the full change lists go to csv/json; the table shows the timeline
        out = [{k: v for k, v in r.items() if k != "changes"} for r in out]
    emit(out, args.format)
    return 0


def history(args) -> int:
    from ..positions import history as h

    with Store(args.db, read_only=True) as s:
        rows = s.positions(party=args.party, issue=args.issue)
    emit(h.history(rows, party=args.party, issue=args.issue), args.format)
    return 0


def stories(args) -> int:
    with Store(args.db, read_only=True) as s:
        if args.altered:
            from ..ingest import alterations

            arts = {a.id: a for a in s.articles()}
            rows = []
            for a in arts.values():
                if a.copy_of and a.copy_of in arts:
                    for alt in alterations(arts[a.copy_of], a):
                        rows.append({"copy": a.id, "outlet": a.outlet, "canonical": a.copy_of, **alt})
            emit(rows, args.format)
            return 0
        emit(s.stories(), args.format, ["story", "articles", "outlets", "first", "last", "title"]
             if args.format == "table" else None)
    return 0


def actors(args) -> int:
    from .. import actors as act

    if args.conflicts:
        with Store(args.db, read_only=True) as s:
            rows = s.rows("SELECT m.text, m.actor, m.expected_role, m.article_id, a.published, a.url "
                          "FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.role_conflict "
                          "ORDER BY a.published NULLS LAST")
        emit(rows, args.format)
        return 0
    if args.action == "show" and args.arg:
        info = act.show(act.load_kb(), args.arg)
        if info is None:
            print(f"no actor named {args.arg!r}", file=sys.stderr)
            return 1
        print(json.dumps(info, indent=1, default=str, ensure_ascii=False))
        return 0
    if args.action == "import" and args.arg:
        n = act.import_file(args.arg, args.out)
        print(f"imported {n} actors from {args.arg}", file=sys.stderr)
        return 0
    print("usage: parley actors show NAME | import FILE | --conflicts", file=sys.stderr)
    return 2


def profile(args) -> int:
    from .. import profiles

    if args.action == "list":
        for name in profiles.available():
            print(name)
        return 0
    if not args.file:
        print("usage: parley profile validate FILE", file=sys.stderr)
        return 2
    problems = profiles.validate(args.file)
    for p in problems:
        print(f"{args.file}: {p}")
    if not problems:
        print(f"{args.file}: valid")
    return 1 if problems else 0


def export(args) -> int:
    with Store(args.db, read_only=True) as s:
        for p in s.export(args.format, args.out):
            print(p)
    return 0


def summary(args) -> int:
    with Store(args.db, read_only=True) as s:
        sm = s.summary()
        pos = s.positions()
    print(f"\n{sm['articles']} articles in {sm['stories']} stories; {sm['mentions']} actor mentions, "
          f"{sm['quotes']} quotes, {sm['attributions']} other attributions, {sm['events']} events, "
          f"{sm['positions']} positions, {sm['errors']} input errors\n")
    print("Top speakers")
    table(sm["top_speakers"], ["speaker", "party", "quotes", "sample"], width=80)
    print("\nEvents by PLOVER type")
    table(sm["events_by_type"], ["type", "n"])
    prof = _profile(args.profile)
    from ..positions import gaps as g

    print(f"\nPositions matrix ({prof.name}; stance and evidence count)")
    rows = matrix_rows(g.matrix(pos, at=None, profile=prof), prof)
    table(rows, list(rows[0]) if rows else [])
    return 0


def serve(args) -> int:
    import uvicorn

    from ..web import create_app

    Store(args.db, read_only=True).close()  # a clear error now if the store is missing
    uvicorn.run(create_app(args.db, profile=args.profile), host=args.host, port=args.port, log_level="warning")
    return 0
