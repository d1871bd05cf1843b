"""Normalisation, the junk-line filter (on the real excerpts of ../shared) and publication dates."""
from __future__ import annotations

import re
from conftest import jsonl

from parley.ingest.clean import clean, normalise, rules, strip_date_prefix
from parley.ingest.dates import date_from_text, date_from_url, parse_date


def _removed(text: str) -> list[str]:
    kept = set(clean(text)[0].split("\n"))
    return [ln for ln in strip_date_prefix(normalise(text))[0].split("\n") if ln.strip() and ln not in kept]


def test_normalise_keeps_paragraphs():
    t = normalise("Cafe\u0301  talks\u00a0 here.\r\n\r\n\r\n\tSecond\u200b paragraph.  \nThird line")
    assert t == "Caf\u00e9 talks here.\n\nSecond paragraph.\nThird line"


def test_junk_lines_of_real_excerpts_are_removed():
    by_id = {r["id"]: r for r in jsonl("corpus/diplomacy/articles.jsonl")}
    copies = {r["id"]: r for r in jsonl("corpus/copies/clusters.jsonl")}
    gone = "\n".join(_removed(by_id["seed-2"]["text"]))
    for junk in ("Spread the love", "Source link", "Leave a Reply", "Required fields are marked"):
        assert junk in gone
    # view counters after a scraped article
    assert sum(1 for ln in _removed(by_id["idx-0071"]["text"]) if ln.endswith("view")) >= 5
    # a headline ticker under "Breaking News"
    assert any("solar eclipse" in ln for ln in _removed(by_id["idx-0100"]["text"]))
    # an icon-font line, "Advertisement" lines, a breadcrumb
    assert any("bookmarkicon" in ln for ln in _removed(by_id["idx-0088"]["text"]))
    assert "ADVERTISEMENT" in _removed(by_id["idx-0060"]["text"])
    assert any("»" in ln for ln in _removed(by_id["idx-0069"]["text"]))
    # paywall and footer boilerplate of a scraped copy
    paywall = "\n".join(_removed(copies["cp-ap-2025-03-13-2"]["text"]))
    for junk in ("Already a subscriber", "article limit", "Cookie Policy", "Examiner Echo"):
        assert junk in paywall


def test_no_article_sentence_is_removed():
    """Across every excerpt, no line that reads like a sentence of the article is dropped."""
    rows = jsonl("corpus/diplomacy/articles.jsonl") + jsonl("corpus/copies/clusters.jsonl")
    for r in rows:
        for ln in _removed(r["text"]):
            words = ln.split()
            sentence_like = len(words) >= 14 and re.search(r"[.!?\"”]$", ln) and "»" not in ln
            assert not sentence_like or "published" in ln or "email" in ln, (r["id"], ln)


def test_scraper_date_marker_is_taken_off():
    text, date = clean(" date 2025-05-16 Negotiations between the delegations concluded in Istanbul.")
    assert date == "2025-05-16" and text.startswith("Negotiations")


def test_junk_rules_are_data():
    r = rules()
    assert r.is_junk("Read more: Five things to know") and r.is_junk("Share on Facebook")
    assert r.is_junk("12 comments") and r.is_junk("2 min read") and r.is_junk("Facebook Twitter WhatsApp Email")
    assert not r.is_junk("Russia said it would share its terms with the United States.")
    assert not r.is_junk("Advertisers boycotted the network.")


def test_parse_date_forms_and_no_guessing():
    assert parse_date("2025-03-11T10:00:00Z") == "2025-03-11"
    assert parse_date("12 March 2025") == "2025-03-12" and parse_date("March 12, 2025") == "2025-03-12"
    assert parse_date("Sept. 5, 2024") == "2024-09-05" and parse_date("27.12.2022") == "2022-12-27"
    for relative in ("today", "yesterday", "Tuesday", "2 days ago", "2023-02", "", None):
        assert parse_date(relative) is None


def test_dates_from_urls_and_text_heads():
    assert date_from_url("https://global.example/2024/12/08/envoys-meet-again") == "2024-12-08"
    assert date_from_url("https://s.example/amp/20240126/ministers-hold-call.html") == "2024-01-26"
    assert date_from_url("https://www.hotsr.example/news/2025/mar/14/truce-plan-update/") == "2025-03-14"
    assert date_from_url("https://x.example/news/1298918") is None
    assert date_from_text("Briefs\n\n09:41 27.12.2022\n\nKyiv hopes for a new round of talks") == "2022-12-27"
    # a date inside a caption sentence is the photo's, not the article's
    assert date_from_text("Drone image taken on May 9th, 2023, shows the castle beside the river where "
                          "the conference will be held.") is None


def test_dates_of_real_excerpts_match_their_metadata():
    """Where an excerpt has a published date and its URL or head carries one, they agree."""
    from parley.ingest.readers import make_article

    agree = total = 0
    for r in jsonl("corpus/diplomacy/articles.jsonl"):
        if not r.get("published"):
            continue
        a = make_article(r["text"], origin=r["id"], url=r.get("url"))  # metadata date withheld
        if a.published:
            total += 1
            agree += a.published == r["published"]
    assert total >= 20 and agree / total >= 0.9
