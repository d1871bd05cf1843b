"""The DuckDB store: one transaction per batch, re-ingest stores once, queries dedup per story."""
import duckdb
import pytest

from parley.model import Article, Event, IngestError, Position, Quote, Result
from parley.store import Store


def _result(text, story="s1", outlet="A", quote="we are ready for dialogue"):
    a = Article(text=text, published="2025-03-11", outlet=outlet, url=f"https://{outlet}.example/x", story=story)
    i = text.lower().index(quote)
    return Result(a, quotes=[Quote(i, i + len(quote), text[i:i + len(quote)], "direct", speaker="Volodymyr Zelenskyy", party="UKR",
                                   cue="said")],
                  events=[Event("CONSULT", ["UKR", "USA"], [], text, date="2025-03-11")],
                  positions=[Position("UKR", "talks.direct", "support", text, date="2025-03-11",
                                      sentence_start=0, sentence_end=len(text))])


def test_reingest_stores_once_and_story_dedup(tmp_path):
    db = tmp_path / "p.duckdb"
    r1 = _result('"We are ready for dialogue," Zelensky said on Tuesday.')
    r2 = _result('Zelensky said: "We are ready for dialogue." Talks went on.', outlet="B")
    with Store(db) as s:
        assert s.add([r1, r2]) == 2
        assert s.add([r1]) == 0  # same article again: stored once
        assert s.count("articles") == 2
        q = s.quotes(speaker="Zelensky")
        assert len(q) == 1 and q[0]["count"] == 2 and set(q[0]["sources"]) == {"A", "B"}
        ev = s.events(party="USA")
        assert len(ev) == 1 and ev[0]["count"] == 2 and len(ev[0]["evidence"]) == 2
        assert s.quotes(issue="talks")[0]["count"] == 2
        assert s.positions(at="2025-03-10") == []
        assert len(s.positions(at="2025-03-11")) == 2


def test_failed_batch_loses_nothing_committed(tmp_path, monkeypatch):
    db = tmp_path / "p.duckdb"
    with Store(db) as s:
        s.add([_result('"We are ready for dialogue," Zelensky said.')])
        orig = s._insert

        def boom(table, recs):
            if table == "events":
                raise RuntimeError("disk full")
            orig(table, recs)

        monkeypatch.setattr(s, "_insert", boom)
        with pytest.raises(RuntimeError):
            s.add([_result('Zelensky said: "We are ready for dialogue."', outlet="B")])
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM quotes").fetchone()[0] == 1
    con.close()


def test_errors_and_export(tmp_path):
    with Store(tmp_path / "p.duckdb") as s:
        s.add([_result('"We are ready for dialogue," Zelensky said.')])
        s.add_errors([IngestError("bad.jsonl:3", "bad JSON: Expecting value at column 1")])
        assert s.rows("SELECT origin FROM errors") == [{"origin": "bad.jsonl:3"}]
        for fmt in ("parquet", "csv", "jsonl"):
            paths = s.export(fmt, tmp_path / fmt)
            assert {p.stem for p in paths} >= {"articles", "quotes", "events", "positions", "stories"}
            assert all(p.stat().st_size > 0 for p in paths if p.stem in ("articles", "quotes", "errors"))
    back = duckdb.sql(f"SELECT quote FROM '{tmp_path / 'parquet' / 'quotes.parquet'}'").fetchall()
    assert back == [("We are ready for dialogue",)]


def test_read_only_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such store"):
        Store(tmp_path / "none.duckdb", read_only=True)


def test_undated_report_takes_its_story_date_flagged_estimated(tmp_path):
    dated = _result('"We are ready for dialogue," Zelensky said on Tuesday.')
    undated = _result('Zelensky said: "We are ready for dialogue." Talks went on.', outlet="B")
    undated.article.published = None
    for p in undated.positions:
        p.date = None
    alone = _result('"We are ready for dialogue," Zelensky said again.', story="s2", outlet="C")
    alone.article.published = None
    for p in alone.positions:
        p.date = None
    with Store(tmp_path / "p.duckdb") as s:
        s.add([dated, undated, alone])
        rows = s.positions(at="2025-03-11")
        by_outlet = {r["outlet"]: r for r in rows}
        assert set(by_outlet) == {"A", "B"}  # the lone undated report has no date to place it
        assert not by_outlet["A"]["date_estimated"]
        assert by_outlet["B"]["date_estimated"] and str(by_outlet["B"]["date"]) == "2025-03-11"
        assert s.positions(at="2025-03-10") == []


def test_attributions_are_stored_and_queried_apart_from_quotes(tmp_path):
    text = "Analysts believe the ceasefire will not hold. Zelensky said talks would resume."
    r = _result(text, quote="talks would resume")
    i = text.index("the ceasefire")
    r.attributions = [Quote(i, i + 27, text[i:i + 27], "indirect", speaker_mention="Analysts", cue="believe",
                            speaker_start=0, speaker_end=8, source_start=0, source_end=8, confidence=0.31)]
    with Store(tmp_path / "p.duckdb") as s:
        s.add([r])
        assert [q["quote"] for q in s.quotes()] == ["talks would resume"]
        (a,) = s.quotes(attributions=True)
        assert a["quote"] == "the ceasefire will not hold" and a["evidence"][0]["start"] == i
        assert s.summary()["attributions"] == 1
        assert s.quotes(attributions=True, min_confidence=0.5) == []
        assert len(s.quotes(min_confidence=0.5)) == 1  # found by the rules: no confidence, kept


def test_a_store_from_an_earlier_version_gets_the_new_columns_and_tables(tmp_path):
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute('CREATE TABLE quotes (id VARCHAR, article_id VARCHAR, sentence INTEGER, start INTEGER, "end" INTEGER, '
                'quote VARCHAR, kind VARCHAR, speaker_mention VARCHAR, speaker_start INTEGER, speaker_end INTEGER, '
                'speaker VARCHAR, party VARCHAR, cue VARCHAR, floating BOOLEAN)')
    con.execute("INSERT INTO quotes (id, article_id, quote) VALUES ('q0', 'old', 'kept')")
    con.close()
    with Store(db) as s:
        s.add([_result('"We are ready for dialogue," Zelensky said.')])
        assert s.count("quotes") == 2 and s.count("attributions") == 0
        assert s.rows("SELECT quote FROM quotes WHERE id = 'q0'") == [{"quote": "kept"}]
