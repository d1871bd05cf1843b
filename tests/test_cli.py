"""The CLI end to end, on real articles from ../shared (read by path) and the bundled demo corpus."""
import json

import duckdb
import pytest
from conftest import jsonl

import parley
from parley.cli import main

SCHEMA_KEYS = {"id", "story", "mentions", "quotes", "events", "positions"}


@pytest.fixture(scope="module")
def dev3():
    return jsonl("gold/indomain-dev.jsonl")[:3]


def _write_input(path, gold, extra_lines=()):
    with open(path, "w", encoding="utf-8") as fh:
        for g in gold:
            fh.write(json.dumps({k: g.get(k) for k in ("id", "text", "published", "url", "title", "outlet")}) + "\n")
        for line in extra_lines:
            fh.write(line + "\n")


def test_extract_writes_one_valid_record_per_line(tmp_path, dev3, capsys):
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_input(inp, dev3, ['{"id": "broken", "text": ', '{"id": "empty", "text": "  "}'])
    assert main(["extract", str(inp), "--out", str(out), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert f"{inp}:4" in err and "bad JSON" in err and f"{inp}:5" in err
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in recs] == [g["id"] for g in dev3] + ["empty"]
    by_id = {g["id"]: g["text"] for g in dev3}
    for r in recs[:3]:
        assert SCHEMA_KEYS <= set(r)
        text = by_id[r["id"]]
        for m in r["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
        for q in r["quotes"]:
            assert text[q["start"]:q["end"]] == q["quote"]
        for rec in r["events"] + r["positions"]:
            assert rec["sentence"] in text
    # the three Jeddah reports share a story; all texts produce records
    assert sum(len(r["mentions"]) for r in recs[:3]) > 10
    assert sum(len(r["quotes"]) for r in recs[:3]) > 3


def test_ingest_query_export_and_reingest(tmp_path, capsys):
    arts = jsonl("corpus/diplomacy/articles.jsonl")[:6]
    folder = tmp_path / "in"
    folder.mkdir()
    with open(folder / "news.jsonl", "w", encoding="utf-8") as fh:
        for a in arts:
            fh.write(json.dumps(a) + "\n")
        fh.write("not json\n")
    (folder / "broken.html").write_bytes(b"\x00\x01\x02binary\xff\xfe")
    db = str(tmp_path / "p.duckdb")
    assert main(["ingest", str(folder), "--db", db, "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "news.jsonl:7" in err and "broken.html" in err
    con = duckdb.connect(db, read_only=True)
    n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    n_errors = con.execute("SELECT count(*) FROM errors").fetchone()[0]
    con.close()
    assert n_articles == len(arts) and n_errors == 2
    assert main(["ingest", str(folder), "--db", db, "--quiet"]) == 0  # again: nothing new
    assert "0 new" in capsys.readouterr().err
    for cmd in (["quotes"], ["events"], ["positions"], ["positions", "--evidence"], ["gaps"], ["stories"],
                ["quotes", "--format", "json"], ["events", "--export", "gdelt"], ["summary"]):
        assert main([*cmd, "--db", db]) == 0, cmd
    out = capsys.readouterr().out
    assert "Top speakers" in out
    assert main(["quotes", "--attributions", "--format", "json", "--db", db]) == 0
    attributed = json.loads(capsys.readouterr().out)
    assert attributed and all(r["evidence"] for r in attributed)
    assert main(["export", "--db", db, "--format", "parquet", "--out", str(tmp_path / "x")]) == 0
    assert (tmp_path / "x" / "quotes.parquet").exists() and (tmp_path / "x" / "attributions.parquet").exists()


def test_demo_prints_summary(tmp_path, capsys):
    db = str(tmp_path / "demo.duckdb")
    assert main(["demo", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "40 articles" in out
    for heading in ("Top speakers", "Events by PLOVER type", "Positions matrix"):
        assert heading in out


def test_python_api(tmp_path):
    recs = parley.extract(["Kremlin spokesman Dmitry Peskov said Russia is open to negotiations with Ukraine.",
                           {"id": "x2", "text": "Zelensky met Erdogan in Ankara on Tuesday.", "published": "2025-05-13"}])
    assert [r["id"] for r in recs][1] == "x2"
    assert any(m["actor"] == "Dmitry Peskov" and m["party"] == "RUS" for m in recs[0]["mentions"])
    q = recs[0]["quotes"]
    assert q and q[0]["kind"] == "indirect" and q[0]["speaker"] == "Dmitry Peskov"


def test_help_on_every_command(capsys):
    from parley.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name in sub.choices:
        with pytest.raises(SystemExit) as exc:
            main([name, "--help"])
        assert exc.value.code == 0
    assert "usage" in capsys.readouterr().out
