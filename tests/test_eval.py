"""parley.eval: scorers on small hand-made records, adapters on the real gold files (by path)."""
from __future__ import annotations

import json

import pytest
from conftest import jsonl, shared

from parley import eval as ev
from parley.eval import adapters, mentions, spans, stories

TEXT = ('Foreign Minister Ana Petrova said on Monday that the talks would resume in Geneva. '
        '"We are ready to meet them halfway," Petrova told reporters. Moscow rejected the plan.')


def _write(path, records):
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def _span(sub, text=TEXT):
    i = text.index(sub)
    return i, i + len(sub)


def _gold_article(aid="t-1", group=None):
    qs, qe = _span("the talks would resume in Geneva")
    ds, de = _span("We are ready to meet them halfway")
    ms, me = _span("Ana Petrova")
    ps, pe = _span("Petrova told")
    ks, ke = _span("Moscow")
    sent2 = "Moscow rejected the plan."
    return {
        "id": aid, "text": TEXT, "published": "2025-03-10", "event_group": group,
        "mentions": [
            {"start": ms, "end": me, "text": "Ana Petrova", "actor": "Ana Petrova", "party": "UKR"},
            {"start": ps, "end": ps + 7, "text": "Petrova", "actor": "Ana Petrova", "party": "UKR"},
            {"start": ks, "end": ke, "text": "Moscow", "actor": "Government of Russia", "party": "RUS"},
        ],
        "quotes": [
            {"start": qs, "end": qe, "quote": TEXT[qs:qe], "kind": "indirect", "speaker": "Ana Petrova"},
            {"start": ds, "end": de, "quote": TEXT[ds:de], "kind": "direct", "speaker": "Ana Petrova"},
        ],
        "events": [
            {"type": "REJECT", "source": ["RUS"], "target": [], "negated": False, "hypothetical": False,
             "sentence": sent2},
            {"type": "CONSULT", "source": ["UKR"], "target": ["RUS"], "negated": False, "hypothetical": True,
             "sentence": TEXT[:TEXT.index(" \"We")]},
        ],
        "positions": [{"party": "UKR", "issue": "talks.resume", "stance": "support", "sentence": TEXT[:82]}],
    }


def _perfect(g, story=None):
    p = {k: v for k, v in g.items() if k not in ("text", "event_group")}
    p["story"] = story
    return p


# ---------------------------------------------------------------- spans

def test_overlap_and_greedy_one_to_one():
    assert spans.overlap((0, 10), (0, 10)) == 1.0
    assert spans.overlap((0, 10), (5, 10)) == 0.5
    assert spans.overlap((0, 10), (10, 20)) == 0.0
    # the pred span (0, 10) is best for gold 0; gold 1 gets the other one
    m = spans.greedy_match([(0, 10), (0, 12)], [(0, 10), (2, 12)])
    assert sorted((g, p) for g, p, _ in m) == [(0, 0), (1, 1)]


def test_trim_quote_strips_marks_punct_and_that():
    t = 'He said, "We will not give up," and added that talks must go on.'
    s, e = spans.trim_quote(t, *_span('"We will not give up,"', t))
    assert t[s:e] == "We will not give up"
    s, e = spans.trim_quote(t, *_span("that talks must go on.", t))
    assert t[s:e] == "talks must go on"
    t2 = "the players' union"
    assert spans.trim_quote(t2, 0, 12) == (0, 12)  # lone trailing apostrophe stays


# ---------------------------------------------------------------- whole evaluation on toy records

def test_perfect_prediction_scores_one(tmp_path):
    g = _gold_article()
    gold = _write(tmp_path / "gold.jsonl", [g, _gold_article("t-2", "grp"), _gold_article("t-3", "grp")])
    pred = _write(tmp_path / "pred.jsonl", [_perfect(g), _perfect(_gold_article("t-2"), "s1"),
                                           _perfect(_gold_article("t-3"), "s1")])
    s = ev.evaluate("indomain", gold, pred)
    for key in ("span>=0.3", "span>=0.8", "exact"):
        assert s["quotes"][key]["f1"] == 1.0
    assert s["quotes"]["speaker"]["accuracy"] == 1.0
    assert s["mentions"]["all"]["actor_accuracy"] == 1.0
    assert s["mentions"]["named_person"]["gold"] == 6  # "Ana Petrova", "Petrova" in 3 articles; not "Moscow"
    assert s["events"]["type_source_target"]["f1"] == 1.0
    assert s["events"]["type_per_sentence"]["f1"] == 1.0
    assert s["positions"]["party_issue_stance"]["f1"] == 1.0
    assert s["stories"]["f1"] == 1.0
    report = ev.format_report(s)
    for word in ("QUOTES", "MENTIONS", "EVENTS", "POSITIONS", "STORIES", "span>=0.8", "1.000"):
        assert word in report


def test_shifted_spans_count_at_lower_threshold_only(tmp_path):
    g = _gold_article()
    p = _perfect(g)
    q = dict(p["quotes"][0])  # "the talks would resume in Geneva": 32 chars
    q["start"] += 14  # keep 18 of 32 chars: overlap 0.56
    p["quotes"] = [q, p["quotes"][1]]
    p["quotes"][1] = dict(p["quotes"][1], speaker="Someone Else")
    s = ev.evaluate("indomain", _write(tmp_path / "g.jsonl", [g]), _write(tmp_path / "p.jsonl", [p]))["quotes"]
    assert s["span>=0.3"]["tp"] == 2 and s["span>=0.8"]["tp"] == 1 and s["exact"]["tp"] == 1
    assert s["speaker"]["accuracy"] == 0.5
    assert s["recall_by_kind"]["indirect"]["r@0.8"] == 0.0 and s["recall_by_kind"]["direct"]["r@0.8"] == 1.0


def test_missing_predictions_count_as_empty(tmp_path):
    gold = _write(tmp_path / "g.jsonl", [_gold_article("a"), _gold_article("b")])
    pred = _write(tmp_path / "p.jsonl", [_perfect(_gold_article("a")), {"id": "zzz", "quotes": []}])
    s = ev.evaluate("indomain", gold, pred)
    assert s["articles"] == {"gold": 2, "predicted": 1, "missing": 1, "unmatched_predictions": 1}
    assert s["quotes"]["span>=0.3"]["p"] == 1.0 and s["quotes"]["span>=0.3"]["r"] == 0.5
    assert s["mentions"]["all"]["coverage"] == 0.5
    assert s["events"]["type_source_target"]["r"] == 0.5


def test_bad_prediction_line_names_file_and_line(tmp_path):
    gold = _write(tmp_path / "g.jsonl", [_gold_article()])
    pred = tmp_path / "p.jsonl"
    pred.write_text('{"id": "t-1"}\n{not json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"p\.jsonl:2"):
        ev.evaluate("indomain", gold, pred)


def test_mentions_actor_party_and_named_person(tmp_path):
    g = _gold_article()
    p = _perfect(g)
    wrong = dict(p["mentions"][1], actor="Ana Petrov", party="UKR", start=p["mentions"][1]["start"] + 1)
    p["mentions"] = [p["mentions"][0], wrong]  # Moscow not found
    s = ev.evaluate("indomain", _write(tmp_path / "g.jsonl", [g]), _write(tmp_path / "p.jsonl", [p]))["mentions"]
    assert s["all"]["found"] == 2 and s["all"]["coverage"] == pytest.approx(2 / 3)
    assert s["all"]["actor_accuracy"] == pytest.approx(1 / 3)
    assert s["all"]["party_accuracy"] == pytest.approx(2 / 3)
    assert s["named_person"]["actor_accuracy"] == 0.5
    assert mentions.is_named_person("Mr. Rubio", "Marco Rubio")
    assert mentions.is_named_person("Andrey Gnatov", "Andrii Hnatov")  # transliteration variant
    assert not mentions.is_named_person("the Russian leader", "Vladimir Putin")
    assert not mentions.is_named_person("the Kremlin", "Kremlin")
    assert not mentions.is_named_person("Russia", "Government of Russia")
    assert not mentions.is_named_person("he", "Marco Rubio")


def test_events_multiset_sentences_and_negation(tmp_path):
    g = _gold_article()
    p = _perfect(g)
    rej = dict(p["events"][0], source=["rus"], sentence="  Moscow  rejected the plan. ")  # spacing differs
    extra = dict(rej, type="ACCUSE", negated=True)
    p["events"] = [rej, rej, extra]  # the duplicate REJECT counts once as tp (multiset)
    s = ev.evaluate("indomain", _write(tmp_path / "g.jsonl", [g]), _write(tmp_path / "p.jsonl", [p]))["events"]
    assert s["type_source_target"]["tp"] == 1 and s["type_source_target"]["pred"] == 3
    assert s["type_per_sentence"]["tp"] == 1 and s["type_per_sentence"]["pred"] == 2
    assert s["negation"]["pred_negated_or_hypothetical"] == 1 and s["negation"]["pred_flagged_gold_negated"] == 0


def test_positions_set_semantics(tmp_path):
    g = _gold_article()
    p = _perfect(g)
    p["positions"] = [dict(g["positions"][0], stance="oppose")] * 2
    s = ev.evaluate("indomain", _write(tmp_path / "g.jsonl", [g]), _write(tmp_path / "p.jsonl", [p]))["positions"]
    assert s["party_issue_stance"]["tp"] == 0 and s["party_issue_stance"]["pred"] == 1
    assert s["party_issue"]["f1"] == 1.0


def test_story_pairwise_f1_toy():
    gold = [({"id": i, "event_group": grp}, {"story": st}) for i, grp, st in [
        ("a", "G1", "s1"), ("b", "G1", "s1"), ("c", "G1", "s2"), ("d", None, "s2"), ("e", None, None)]]
    s = stories.score(gold)
    # gold pairs ab ac bc; predicted ab cd: one shared
    assert (s["tp"], s["pred"], s["gold"]) == (1, 2, 3)
    assert s["p"] == 0.5 and s["r"] == pytest.approx(1 / 3) and s["f1"] == pytest.approx(0.4)


# ---------------------------------------------------------------- PLOVER

def test_plover_old_names_and_accuracy(tmp_path):
    assert [adapters.plover_type(t) for t in ("DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT", "agree")] == \
        ["REQUEST", "ACCUSE", "ACCUSE", "ASSAULT", "AGREE"]
    recs = [{"id": "P-1", "date": "2000-01-01", "event": "DEMAND", "text": "Rebels demanded a truce.",
             "source": [{"code": "REB"}], "target": ""},
            {"id": "P-2", "date": "2000-01-01", "event": "FIGHT", "text": "Troops shelled the town.",
             "source": [{"code": "MIL"}], "target": None},
            {"id": "P-2", "date": "2000-01-01", "event": "AGREE", "text": "The two sides agreed to talk."}]
    gold = _write(tmp_path / "g.jsonl", recs)
    assert [r["id"] for r in ev.inputs("plover", gold)] == ["P-1", "P-2", "P-2#2"]
    pred = _write(tmp_path / "p.jsonl", [
        {"id": "P-1", "events": [{"type": "REQUEST"}]},
        {"id": "P-2", "events": [{"type": "COERCE"}, {"type": "ASSAULT"}]},
        {"id": "P-2#2", "events": []}])
    s = ev.evaluate("plover", gold, pred)["plover"]
    assert s["type_accuracy"] == pytest.approx(2 / 3) and s["strict_accuracy"] == pytest.approx(1 / 3)
    assert s["recall_by_type"]["ASSAULT"]["recall"] == 1.0
    assert s["macro_recall"] == pytest.approx(2 / 3)
    assert s["confusions"] == {"AGREE": {"(none)": 1}}
    assert "AGREE → (none) 1" in ev.format_report(ev.evaluate("plover", gold, pred))


# ---------------------------------------------------------------- real gold files (by path)

def test_ggt_marks_stripped_on_real_line(tmp_path):
    rec = jsonl("gold/quotes/ggt.jsonl")[0]
    text = rec["text"]
    raw = next(q for q in rec["quotes"] if q["quote_span"] and text[q["quote_span"][0]] == '"')
    rs, re_ = raw["quote_span"]
    assert text[re_ - 2:re_] in (',"', '."')
    gold = _write(tmp_path / "ggt.jsonl", [rec])
    art = adapters.load("ggt", gold)[0]
    q = next(x for x in art["quotes"] if rs < x["start"] < re_)
    assert (q["start"], q["end"]) == (rs + 1, re_ - 2) and q["kind"] == "direct"
    assert q["speaker"] == raw["reference"]
    # a prediction carrying the raw span (marks included) and only the surname still matches exactly
    pred = _write(tmp_path / "p.jsonl", [{"id": rec["id"], "quotes": [
        {"start": rs, "end": re_, "kind": "direct", "speaker": "",
         "speaker_mention": raw["reference"].split()[-1]}]}])
    s = ev.evaluate("ggt", gold, pred)["quotes"]
    assert s["exact"]["tp"] == 1 and s["speaker"]["accuracy"] == 1.0


def test_ggt_and_polnear_gold_perfect_when_predicted_from_gold(tmp_path):
    for name, rel in (("ggt", "gold/quotes/ggt.jsonl"), ("polnear", "gold/quotes/polnear-dev.jsonl")):
        path = shared(rel)
        preds = [{"id": a["id"], "quotes": [
            {"start": q["start"], "end": q["end"], "kind": q["kind"], "speaker": q["speaker"],
             "speaker_start": q["source"][0] if q["source"] else None,
             "speaker_end": q["source"][1] if q["source"] else None} for q in a["quotes"]]}
            for a in adapters.load(name, path)]
        s = ev.evaluate(name, path, _write(tmp_path / f"{name}.jsonl", preds))["quotes"]
        assert s["exact"]["f1"] == 1.0, name
        assert s["source"]["exact"]["r"] == 1.0, name


def test_polnear_content_pieces_and_sources():
    arts = adapters.load("polnear", shared("gold/quotes/polnear-dev.jsonl"))
    raw = jsonl("gold/quotes/polnear-dev.jsonl")
    assert len(arts) == len({r["id"] for r in raw})
    n_attr = sum(len(r["attributions"]) for r in {r["id"]: r for r in reversed(raw)}.values())
    n_quotes = sum(len(a["quotes"]) for a in arts)
    assert n_quotes >= n_attr - 1  # one attribution has no content; split ones give several pieces
    for a in arts:
        for q in a["quotes"]:
            piece = a["text"][q["start"]:q["end"]]
            assert piece and piece[0] not in '"“' and piece[-1] not in '"”,'


@pytest.mark.parametrize("name,rel", [("indomain", "gold/indomain-dev.jsonl"), ("ggt", "gold/quotes/ggt.jsonl"),
                                      ("polnear", "gold/quotes/polnear-dev.jsonl"),
                                      ("plover", "gold/events/plover-gsr.jsonl")])
def test_inputs_one_line_per_gold_record(name, rel):
    raw = jsonl(rel)
    lines = list(ev.inputs(name, shared(rel)))
    ids = [r["id"] for r in lines]
    assert len(ids) == len(set(ids))
    assert {i.split("#")[0] for i in ids} == {str(r["id"]) for r in raw}
    if name != "polnear":  # polnear: documents annotated twice are one input
        assert len(lines) == len(raw)
    for line in lines:
        assert set(line) == {"id", "text", "published", "url", "title", "outlet"} and line["text"]
    if name == "plover":
        assert [line["text"] for line in lines] == [r["text"] for r in raw]
        assert all(line["published"] == r["date"] for line, r in zip(lines, raw))


def test_indomain_gold_against_itself(tmp_path, dev_gold):
    pred = _write(tmp_path / "p.jsonl", [dict(r, story=r.get("event_group") or r["id"]) for r in dev_gold])
    s = ev.evaluate("indomain", shared("gold/indomain-dev.jsonl"), pred)
    assert s["quotes"]["exact"]["f1"] == 1.0 and s["events"]["type_source_target"]["f1"] == 1.0
    assert s["mentions"]["all"]["actor_accuracy"] == 1.0 and s["stories"]["f1"] == 1.0


def test_lenient_speaker_names_ignore_spelling_of_spaces_and_hyphens():
    from parley.eval.names import same_lenient
    assert same_lenient("Kim Jong-un", "Kim Jong Un") and same_lenient("Trudeau", "Justin Trudeau")
    assert not same_lenient("Kim Jong-un", "Kim Yo-jong")


def test_polnear_scores_attribution_at_large_and_whole_source_phrases(tmp_path):
    text = ("Ann Lee, a lawyer for the union, said the deal was unfair. "
            "Ann Lee, a lawyer for the union, believes the court will agree.")
    phrase = "Ann Lee, a lawyer for the union"
    src1 = (0, len(phrase))
    src2 = (text.index(phrase, 1), text.index(phrase, 1) + len(phrase))
    c1, c2 = _span("the deal was unfair", text), _span("the court will agree", text)
    gold = _write(tmp_path / "g.jsonl", [{"id": "d1", "text": text, "attributions": [
        {"id": "E1", "source": [{"start": src1[0], "end": src1[1]}], "cue": [], "content": [{"start": c1[0], "end": c1[1]}]},
        {"id": "E2", "source": [{"start": src2[0], "end": src2[1]}], "cue": [], "content": [{"start": c2[0], "end": c2[1]}]}]}])
    name1 = (0, 7)
    pred = _write(tmp_path / "p.jsonl", [{"id": "d1", "quotes": [
        {"start": c1[0], "end": c1[1], "kind": "indirect", "speaker_start": name1[0], "speaker_end": name1[1],
         "source_start": src1[0], "source_end": src1[1]}],
        "attributions": [{"start": c2[0], "end": c2[1], "kind": "indirect", "speaker_start": src2[0],
                          "speaker_end": src2[0] + 7}]}])
    s = ev.evaluate("polnear", gold, pred)
    assert s["quotes"]["exact"]["r"] == 0.5  # speech only
    att = s["attribution"]
    assert att["exact"]["f1"] == 1.0
    # the first source is given as the whole phrase; the second only as the name (7 of 31 chars)
    assert att["source"]["exact"]["tp"] == 1 and att["source"]["overlap>=0.5"]["tp"] == 1
    assert att["source_spans"]["exact"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1, "pred": 2, "gold": 2}
