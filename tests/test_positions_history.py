"""history and gaps: pure functions over stored position dicts."""
from __future__ import annotations

import datetime as dt

from parley import profiles
from parley.positions import gaps as g
from parley.positions import history as h


def pos(party, issue, stance, date, sentence="s", **kw):
    return {"party": party, "issue": issue, "stance": stance, "date": date, "sentence": sentence,
            "article_id": f"a-{date}", "url": f"https://example.org/{date}", **kw}


ROWS = [
    pos("UKR", "ceasefire.full", "oppose", "2024-06-01", "Kyiv rejects a freeze."),
    pos("UKR", "ceasefire.full", "conditional", "2025-03-11", "Ukraine agreed if Russia complies.",
        condition="Russia complies"),
    pos("UKR", "ceasefire.full", "conditional", dt.date(2025, 3, 12), "Again, if Russia complies."),
    pos("USA", "ceasefire.full", "support", "2025-03-11", "The US proposed a truce."),
    pos("RUS", "ceasefire.full", "conditional", "2025-03-13"),
    pos("RUS", "alliance.nato", "oppose", "2022-10"),
    pos("UKR", "alliance.nato", "support", None),
]


def test_history_lists_changes():
    rows = h.history(ROWS, party="UKR", issue="ceasefire.full")
    assert [r["stance"] for r in rows] == ["oppose", "conditional", "conditional"]
    assert rows[1]["change"] == "oppose → conditional" and rows[2]["change"] == ""
    ch = h.changes(ROWS)
    assert [c["summary"] for c in ch] == ["UKR on ceasefire.full: oppose → conditional, 2025-03-11"]
    assert ch[0]["sentence"] == "Ukraine agreed if Russia complies." and ch[0]["url"]


def test_history_prefix_and_month_dates():
    rows = h.history(ROWS, issue="alliance.*")
    assert [(r["party"], r["date"]) for r in rows] == [("RUS", "2022-10-01")]  # undated left out


def test_matrix_at_a_date():
    prof = profiles.load()
    m = g.matrix(ROWS, at="2025-03-12", profile=prof)
    ukr = m[("UKR", "ceasefire.full")]
    assert ukr["stance"] == "conditional" and ukr["evidence"] == 2 and ukr["since"] == "2025-03-11"
    assert ukr["age_days"] == 0 and ukr["condition"] == "Russia complies"
    assert {s["sentence"] for s in ukr["sources"]} == {"Ukraine agreed if Russia complies.", "Again, if Russia complies."}
    assert ("RUS", "ceasefire.full") not in m  # later than the date
    assert m[("USA", "ceasefire.full")]["age_days"] == 1
    early = g.matrix(ROWS, at=dt.date(2024, 12, 31), profile=prof)
    assert early[("UKR", "ceasefire.full")]["stance"] == "oppose"
    assert ("UKR", "alliance.nato") in g.matrix(ROWS, at=None, profile=prof)


def test_gaps_open_and_close():
    prof = profiles.load()
    rows = {r["issue"]: r for r in g.gaps(ROWS, at="2025-03-13", profile=prof)}
    cf = rows["ceasefire.full"]
    assert cf["status"] == "diverge"  # UKR and RUS both conditional: each its own condition
    assert [c["status"] for c in cf["changes"]] == ["unknown", "diverge"]
    assert g.status({"UKR": "support", "RUS": "support", "USA": "oppose"}, ["UKR", "RUS"]) == "agree"
    assert g.status({"UKR": "support", "USA": "oppose"}, ["UKR", "RUS"]) == "diverge"
    later = [ROWS[0], pos("RUS", "ceasefire.full", "oppose", "2024-07-01"),
             pos("RUS", "ceasefire.full", "support", "2025-04-01"), pos("UKR", "ceasefire.full", "support", "2025-04-02")]
    timeline = g.gaps(later, at=None, profile=prof, issue="ceasefire.full")[0]["changes"]
    assert [(c["date"], c["status"]) for c in timeline] == [
        ("2024-06-01", "unknown"), ("2024-07-01", "agree"), ("2025-04-01", "diverge"), ("2025-04-02", "agree")]
    assert rows["territory.recognition"]["status"] == "unknown"
    one = g.gaps(ROWS, at="2025-03-12", profile=prof, issue="ceasefire.full")
    assert len(one) == 1 and one[0]["status"] == "diverge" and one[0]["conditional"] == ["UKR"]


def test_sentence_dates():
    from parley.positions.dates import parse_date, sentence_date

    day = dt.date(2022, 11, 7)  # a Monday
    assert sentence_date("Zelensky said it in October 2022.", day) == "2022-10"
    assert sentence_date("He said so last month.", day) == "2022-10"
    assert sentence_date("On Monday, Peskov said Russia is open.", day) == "2022-11-07"
    assert sentence_date("On Friday, Peskov said Russia is open.", day) == "2022-11-04"
    assert sentence_date("In June, Zelensky asked for more.", day) == "2022-06"
    assert sentence_date("Nothing dated here.", day) == "2022-11-07"
    assert sentence_date("Nothing dated here.", None) is None
    assert parse_date("2022-10") == dt.date(2022, 10, 1) and parse_date("junk") is None
