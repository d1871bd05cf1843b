"""events stage: PLOVER events from parsed sentences (made-up sentences and the dev gold by path)."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import jsonl

from parley import nlp
from parley.context import Context
from parley.events import extract, merge_story_events
from parley.events import dates
from parley.events.export import intensity, quad_class, to_gdelt_csv, to_plover
from parley.model import Article, Mention


def run(text: str, published: str | None = "2025-03-11", kb=None, mentions=None):
    art = Article(text=text, published=published)
    ctx = Context(article=art, doc=next(nlp.parse([text])), kb=kb)
    if mentions is not None:
        ctx.mentions = mentions
    return extract(ctx)


def by_type(evs, t):
    return [e for e in evs if e.type == t]


def test_symmetric_meeting_with_place_and_date():
    evs = run("Ukrainian and American officials met in Jeddah on Tuesday.")
    (ev,) = by_type(evs, "CONSULT")
    assert set(ev.source) == {"UKR", "USA"} and ev.target == []
    assert ev.location == "Jeddah" and ev.mode == "third-party"
    assert ev.date == "2025-03-11"
    assert ev.cameo == "044"


def test_venue_in_city_gives_the_city():
    evs = run("In a conference room at the Ritz-Carlton hotel in the city of Jeddah, the US and Ukraine held talks.")
    ev = by_type(evs, "CONSULT")[0]
    assert ev.location == "Jeddah"


def test_accuse_source_target_and_verbatim_sentence():
    text = "Lead paragraph.\nRussia accused Ukraine of violating the energy truce last week."
    evs = run(text)
    ev = by_type(evs, "ACCUSE")[0]
    assert ev.source == ["RUS"] and ev.target == ["UKR"] and ev.mode == "allege"
    assert text[ev.sentence_start:ev.sentence_end] == ev.sentence
    assert ev.date == "2025-03"
    assert ev.cameo.startswith("112")


def test_negated_request_is_marked_not_positive():
    evs = run("US officials have not tried to push Ukraine to the negotiating table.")
    reqs = by_type(evs, "REQUEST")
    assert reqs and all(e.negated for e in reqs)
    assert reqs[0].source == ["USA"] and reqs[0].target == ["UKR"]
    assert reqs[0].mode == "meet"


def test_future_and_hypothetical_markers():
    fut = run("Russia will release 1,000 prisoners to Ukraine.")
    assert fut and fut[0].future
    hyp = run("If Moscow agrees, Ukraine could halt strikes on Russian refineries.")
    assert not any(e.type == "AGREE" for e in hyp)  # the condition is no event


def test_reported_demand_becomes_request_of_the_speaker():
    text = "Zelensky said Russia must withdraw its troops."
    known = [Mention(0, 8, "Zelensky", actor="Volodymyr Zelenskyy", party="UKR", sector="GOV", kind="person")]
    (ev,) = run(text, mentions=known)
    assert (ev.type, ev.source, ev.target, ev.mode) == ("REQUEST", ["UKR"], ["RUS"], "yield")
    assert ev.source_actor == "Volodymyr Zelenskyy"
    # without the actors stage the speaker's party is unknown: no invented source
    (ev,) = run(text)
    assert ev.type == "REQUEST" and ev.source == [] and ev.target == ["RUS"]


def test_relative_dates():
    ref = dt.date(2025, 3, 11)  # a Tuesday
    assert dates.resolve("on Monday", ref) == "2025-03-10"
    assert dates.resolve("in early October", ref) == "2024-10"
    assert dates.resolve("a February 28 meeting", ref) == "2025-02-28"
    assert dates.resolve("last month", ref) == "2025-02"
    assert dates.resolve("nothing here", ref) is None
    assert dates.resolve("on Monday", None) is None


def test_story_merge_counts_articles_and_keeps_evidence():
    base = {"type": "CONSULT", "source": ["USA", "UKR"], "target": [], "date": "2025-03-11", "story": "s1"}
    recs = [dict(base, article_id="a1", url="u1", sentence="x"),
            dict(base, source=["UKR", "USA"], article_id="a2", url="u2", sentence="y"),
            dict(base, type="AGREE", article_id="a2", url="u2", sentence="y"),
            dict(base, story="s2", article_id="a3", url="u3", sentence="z")]
    merged = merge_story_events(recs)
    assert [m["count"] for m in merged] == [2, 1, 1]
    assert [e["url"] for e in merged[0]["evidence"]] == ["u1", "u2"]


def test_exports():
    ev = {"type": "ACCUSE", "mode": "allege", "source": ["RUS"], "target": ["UKR"], "cameo": "112",
          "date": "2025-03-20", "location": "Kyiv", "article_id": "a1", "url": "https://ex/1", "sentence": "s"}
    p = to_plover(ev)
    assert p["event_type"] == "ACCUSE" and p["quad_code"] == 3 and p["intensity"] == -3.5
    assert p["location"] == {"name": "Kyiv", "country": "UKR"} and p["source_urls"] == ["https://ex/1"]
    csv = to_gdelt_csv([ev]).splitlines()
    assert csv[0].startswith("GLOBALEVENTID\tSQLDATE") and "\t20250320\tRUS\t" in csv[1]
    assert quad_class("ASSAULT") == 4 and intensity("AID") == 10 and intensity("AID", negated=True) == 0


def test_dev_gold_jeddah_talks_found_in_real_text():
    rows = {r["id"]: r for r in jsonl("gold/indomain-dev.jsonl")}
    r = rows["seed-2"]
    evs = run(r["text"], r.get("published"))
    consult = [e for e in evs if e.type == "CONSULT" and set(e.source) == {"UKR", "USA"}]
    assert consult and any(e.location == "Jeddah" for e in consult)
    for e in evs:  # every event carries its verbatim sentence
        assert r["text"][e.sentence_start:e.sentence_end] == e.sentence


def test_refusal_and_threat_readings():
    rej = run("Israel will not release the prisoners.")
    assert rej and rej[0].type == "REJECT" and not rej[0].negated
    thr = run("Nigeria said it will withdraw its peacekeepers from Chad unless a ceasefire is arranged.")
    assert thr and thr[0].type == "THREATEN"
    acc = run("Poland has called for sanctions against Russia.")
    assert acc and acc[0].type == "ACCUSE" and acc[0].target == ["RUS"]


def test_content_of_a_trigger_is_not_a_second_event():
    evs = run("Russia and Ukraine agreed to exchange 1,000 prisoners each.")
    assert [e.type for e in evs] == ["AGREE"]
    assert set(evs[0].source) == {"RUS", "UKR"} and evs[0].target == []


def test_withdrawal_and_travel():
    evs = run("Russian troops withdrew from Kherson on Friday.")
    assert evs and evs[0].type == "RETREAT" and evs[0].mode == "withdraw" and evs[0].source == ["RUS"]
    assert evs[0].location == "Kherson" and evs[0].date == "2025-03-07"
    assert not [e for e in run("The Ukrainian negotiators returned to Kyiv on Monday.") if e.type == "RETREAT"]
