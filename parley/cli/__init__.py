"""`parley` command line. Every command has --help; every store command takes --db FILE
(default parley.duckdb in the current directory)."""
from __future__ import annotations

import argparse
import logging
import sys

from ..store import DEFAULT_DB
from . import commands


def _common(p: argparse.ArgumentParser, db: bool = True, fmt: bool = False) -> None:
    if db:
        p.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB store file (default: {DEFAULT_DB})")
    if fmt:
        p.add_argument("--format", default="table", choices=["table", "csv", "json", "jsonl"],
                       help="output format (default: table)")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="parley", description="Who said, proposed, demanded, agreed and refused "
                                 "what in a conflict's diplomacy: a sourced, queryable record built from news.")
    ap.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("demo", help="ingest the bundled Wikinews demo corpus and print a summary")
    _common(p)
    p.add_argument("--profile", default="russia-ukraine", help="conflict profile name or YAML file")
    p.set_defaults(fn=commands.demo)

    p = sub.add_parser("ingest", help="read files/folders (.txt .html .jsonl .json .csv .warc, gzipped too) into the store")
    p.add_argument("paths", nargs="+", metavar="PATH")
    _common(p)
    p.add_argument("--profile", default="russia-ukraine", help="conflict profile name or YAML file")
    p.add_argument("--field", action="append", default=[], metavar="OURS=THEIRS",
                   help="map a JSONL/CSV field name, e.g. --field text=body --field published=date")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--workers", type=int, default=0, help="parse on N local Dask worker processes")
    p.add_argument("--scheduler", help="address of a Dask distributed scheduler to parse on")
    p.set_defaults(fn=commands.ingest)

    p = sub.add_parser("fetch", help="fetch RSS/Atom feeds or URLs (a URL, a feed, or a file of URLs) into the store")
    p.add_argument("sources", nargs="+", metavar="URL|FEED|FILE")
    _common(p)
    p.add_argument("--profile", default="russia-ukraine")
    p.add_argument("--allow-private", action="store_true", help="allow private and loopback addresses")
    p.set_defaults(fn=commands.fetch)

    p = sub.add_parser("extract", help="extract records from a JSONL file without a store (gold-schema output)")
    p.add_argument("input", metavar="IN.jsonl")
    p.add_argument("--out", required=True, metavar="OUT.jsonl")
    p.add_argument("--profile", default="russia-ukraine")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(fn=commands.extract)

    p = sub.add_parser("eval", help="score predictions against gold (sets: indomain, ggt, polnear, plover)")
    p.add_argument("set", choices=["indomain", "ggt", "polnear", "plover"])
    p.add_argument("--gold", required=True)
    p.add_argument("--pred", required=True)
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.set_defaults(fn=commands.evaluate)

    p = sub.add_parser("inputs", help="write the extract input lines for a gold set (to run extract on it)")
    p.add_argument("set", choices=["indomain", "ggt", "polnear", "plover"])
    p.add_argument("--gold", required=True)
    p.add_argument("--out", required=True)
    p.set_defaults(fn=commands.inputs)

    p = sub.add_parser("quotes", help="quotes, one per story, with their sources")
    _common(p, fmt=True)
    p.add_argument("--speaker"), p.add_argument("--party"), p.add_argument("--issue")
    p.add_argument("--kind", choices=["direct", "indirect", "mixed"])
    p.add_argument("--attributions", action="store_true",
                   help="attributions that are not speech instead (beliefs, evidence: 'X believes …')")
    p.add_argument("--min-confidence", type=float,
                   help="only records the learned cue model found with at least this probability (0-1)")
    p.add_argument("--since"), p.add_argument("--until")
    p.add_argument("--limit", type=int, default=200)
    p.set_defaults(fn=commands.quotes)

    p = sub.add_parser("events", help="PLOVER events, one per story, with their sources")
    _common(p, fmt=True)
    p.add_argument("--type"), p.add_argument("--party"), p.add_argument("--since"), p.add_argument("--until")
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--export", choices=["plover", "gdelt"], help="write PLOVER JSON or GDELT-like CSV to stdout")
    p.set_defaults(fn=commands.events)

    p = sub.add_parser("positions", help="the positions matrix (parties × issues) at a date")
    _common(p, fmt=True)
    p.add_argument("--at", help="date (YYYY-MM-DD); default: everything stored")
    p.add_argument("--party"), p.add_argument("--issue")
    p.add_argument("--profile", default="russia-ukraine")
    p.add_argument("--evidence", action="store_true", help="list the evidence records instead of the matrix")
    p.set_defaults(fn=commands.positions)

    p = sub.add_parser("gaps", help="per issue: do the parties agree, diverge, or is it unknown")
    _common(p, fmt=True)
    p.add_argument("--at"), p.add_argument("--issue")
    p.add_argument("--profile", default="russia-ukraine")
    p.set_defaults(fn=commands.gaps)

    p = sub.add_parser("history", help="dated stances of a party on an issue, and their changes")
    _common(p, fmt=True)
    p.add_argument("--party"), p.add_argument("--issue")
    p.set_defaults(fn=commands.history)

    p = sub.add_parser("stories", help="story clusters with sizes, outlets, date span")
    _common(p, fmt=True)
    p.add_argument("--altered", action="store_true", help="show copies whose facts differ from the canonical text")
    p.set_defaults(fn=commands.stories)

    p = sub.add_parser("actors", help="the actor knowledge base: show, import, role conflicts")
    _common(p, fmt=True)
    p.add_argument("action", nargs="?", choices=["show", "import"], help="show NAME | import FILE")
    p.add_argument("arg", nargs="?", metavar="NAME|FILE")
    p.add_argument("--out", help="with import: YAML file to write (default: user actors folder)")
    p.add_argument("--conflicts", action="store_true", help="list mentions whose role contradicts the knowledge base")
    p.set_defaults(fn=commands.actors)

    p = sub.add_parser("profile", help="conflict profiles: list, validate")
    p.add_argument("action", choices=["list", "validate"])
    p.add_argument("file", nargs="?")
    p.set_defaults(fn=commands.profile)

    p = sub.add_parser("export", help="export all tables as Parquet, CSV or JSONL")
    _common(p)
    p.add_argument("--format", required=True, choices=["parquet", "csv", "jsonl"])
    p.add_argument("--out", default="export", help="output folder (default: ./export)")
    p.set_defaults(fn=commands.export)

    p = sub.add_parser("serve", help="web dashboard over the store (http://127.0.0.1:8000)")
    _common(p)
    p.add_argument("--host", default="127.0.0.1"), p.add_argument("--port", type=int, default=8000)
    p.add_argument("--profile", default="russia-ukraine")
    p.set_defaults(fn=commands.serve)

    p = sub.add_parser("summary", help="print the store's summary")
    _common(p)
    p.add_argument("--profile", default="russia-ukraine")
    p.set_defaults(fn=commands.summary)
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if not getattr(args, "fn", None):
        ap.print_help()
        return 2
    try:
        return args.fn(args) or 0
    except (FileNotFoundError, ValueError) as exc:
        print(f"parley {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
