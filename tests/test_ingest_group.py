"""Copy groups, story clusters and alterations, on the shared excerpts (read by path)."""
from __future__ import annotations

import itertools
import json

from conftest import shared

from parley.ingest import StoryIndex, alterations, group, read
from parley.ingest.copies import group_copies
from parley.model import Article


def _read(rel: str) -> dict[str, Article]:
    return {a.id: a for a in read([shared(rel)]) if isinstance(a, Article)}


def _pairs_f1(labels: dict, gold: dict) -> float:
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(gold), 2):
        same, should = labels[a] == labels[b], gold[a] == gold[b]
        tp, fp, fn = tp + (same and should), fp + (same and not should), fn + (should and not same)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def test_exact_duplicates_share_a_canonical():
    a = Article(text="Talks resumed in Geneva.\nThe ministers met for six hours.", id="x1", published="2025-01-02")
    b = Article(text="Talks  resumed in GENEVA!\nThe ministers met for six hours", id="x2", published="2025-01-01")
    c = Article(text="A different story about grain exports through the Black Sea corridor.", id="x3")
    group([a, b, c])
    assert b.copy_of is None and a.copy_of == "x2"  # equally full: the earliest is canonical
    assert a.story == b.story != c.story and c.copy_of is None


def test_copy_groups_of_republished_stories():
    arts = _read("corpus/copies/clusters.jsonl")
    with open(shared("corpus/copies/clusters.jsonl"), encoding="utf-8") as fh:
        recs = {r["id"]: r for r in map(json.loads, fh)}
    gold = {i: recs[i]["cluster"] for i in arts}
    group_copies(list(arts.values()))
    canon = {i: a.copy_of or i for i, a in arts.items()}
    # no copy group mixes two stories
    for i, c in canon.items():
        assert gold[i] == gold[c], (i, c)
    # verbatim, syndicated, spun and machine-translated copies are found
    assert canon["cp-nbc-2025-02-18-2"] == canon["cp-nbc-2025-02-18-1"]
    assert canon["cp-cnn-2022-11-07-4"] == canon["cp-cnn-2022-11-07-1"]  # spun copy with altered facts
    assert canon["cp-cnn-2022-11-07-7"] == canon["cp-cnn-2022-11-07-1"]  # word-by-word synonym spinner
    assert canon["cp-ap-2025-03-13-8"] == canon["cp-ap-2025-03-13-1"]  # garbled translation teaser
    # a scraped copy sharing little text but the original's headline (URL slug)
    assert canon["cp-nbc-2025-02-18-5"] == canon["cp-nbc-2025-02-18-1"]
    # the canonical of a group is its reference text (fullest, most central)
    assert canon["cp-cnn-2022-11-07-3"] == "cp-cnn-2022-11-07-1"
    assert canon["cp-nyt-2025-03-11-2"] == "cp-nyt-2025-03-11-1"
    assert _pairs_f1(canon, gold) >= 0.85


def test_stories_group_independent_reports_of_one_event():
    arts = _read("corpus/diplomacy/articles.jsonl")
    with open(shared("corpus/diplomacy/articles.jsonl"), encoding="utf-8") as fh:
        gold = {r["id"]: r["event_group"] for r in map(json.loads, fh) if r.get("event_group")}
    group(list(arts.values()))
    story = {i: a.story for i, a in arts.items()}
    assert all(s and s.startswith("s-") for s in story.values())
    # the Jeddah talks of 11 March 2025 as told by several outlets: one story
    assert len({story[i] for i, g in gold.items() if g == "jeddah-2025-03-11"}) == 1
    # different events stay apart
    events = {g: story[i] for i, g in gold.items()}
    assert len(set(events.values())) == len(events)
    # the Jeddah meeting of August 2023 is another story than the one of March 2025
    assert story["idx-0091"] != story["seed-2"]
    assert _pairs_f1(story, gold) >= 0.85


def test_story_ids_are_stable_across_input_order():
    arts = list(_read("corpus/diplomacy/articles.jsonl").values())
    group(arts)
    first = {a.id: a.story for a in arts}
    rev = [Article(**{**a.__dict__, "story": None, "copy_of": None}) for a in reversed(arts)]
    group(rev)
    assert {a.id: a.story for a in rev} == first


def test_story_index_is_incremental():
    arts = _read("corpus/diplomacy/articles.jsonl")
    index = StoryIndex()
    ids = ["idx-0027", "idx-0091", "idx-0030", "idx-0092"]  # Riyadh 2025 and Jeddah 2023, interleaved
    got = [index.add(arts[i]) for i in ids]
    assert got[0] == got[2] and got[1] == got[3] and got[0] != got[1]
    assert arts["idx-0030"].story == got[0]
    rebuilt = index.rebuild()
    assert rebuilt["idx-0027"] == rebuilt["idx-0030"] != rebuilt["idx-0091"]


def test_alterations_of_the_spun_seed():
    recs = _read("corpus/copies/clusters.jsonl")
    original, spun = recs["cp-cnn-2022-11-07-1"], recs["cp-cnn-2022-11-07-4"]
    alts = alterations(original, spun)
    names = [a for a in alts if a["kind"] == "name"]
    assert any("Zelensky" in a["canonical_span"] and "Putin" in a["copy_span"] for a in names)
    for a in alts:  # verbatim evidence on both sides
        assert original.text[a["canonical_start"]:a["canonical_end"]] == a["canonical_span"]
        assert spun.text[a["copy_start"]:a["copy_end"]] == a["copy_span"]
        assert a["canonical_sentence"] in original.text and a["copy_sentence"] in spun.text
    # a verbatim copy has no alterations
    assert alterations(recs["cp-nbc-2025-02-18-1"], recs["cp-nbc-2025-02-18-2"]) == []


def test_alterations_numbers_dates_negation():
    can = Article(text="Putin agreed on Thursday to a 30-day ceasefire in Moscow.\n"
                       "The delegations said the technical talks will continue in Riyadh.")
    cop = Article(text="Putin agreed on Friday to a 60-day ceasefire in Moscow.\n"
                       "The delegations said the technical talks will not continue in Riyadh.")
    kinds = {a["kind"]: a for a in alterations(can, cop)}
    assert set(kinds) == {"number", "date", "negation"}
    assert kinds["number"]["canonical_span"] == "30-day" and kinds["number"]["copy_span"] == "60-day"
    assert kinds["date"]["copy_span"] == "Friday" and kinds["negation"]["copy_span"] == "not"


def test_follow_up_recycling_background_is_not_a_copy():
    background = ("The opposition leader fell ill on a flight from Tomsk to Moscow last month.\n"
                  "His aides said the illness was caused by something he drank at the airport.\n"
                  "The plane made an emergency landing in Omsk, where he was treated in hospital.\n"
                  "Doctors in Omsk said at the time they had found no trace of any poison.\n")
    first = Article(id="f1", published="2020-08-22",
                    text="The opposition leader was flown from Omsk to a Berlin clinic today.\n" + background)
    later = Article(id="f2", published="2020-09-05",
                    text="The German government said the opposition leader had been poisoned with a nerve agent.\n"
                         "Military laboratory tests had found the agent in samples taken at the Berlin clinic.\n"
                         "The chancellor called on Moscow to answer very serious questions about the case.\n"
                         "The Kremlin denied any involvement and said it had seen no evidence from Berlin.\n"
                         + background)
    syndicated = Article(id="f3", published="2020-08-22",
                         text="The opposition leader was flown from Omsk to a Berlin clinic on Saturday.\n" + background)
    group([first, later, syndicated])
    assert syndicated.copy_of == "f1" or first.copy_of == "f3"
    assert later.copy_of is None and first.copy_of != "f2"
