"""Indirect speech: the rules plus the learned cue model (made-up sentences and real gold text)."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from conftest import ROOT, jsonl

from parley import nlp, quotes
from parley.context import Context
from parley.model import Article
from parley.quotes import cue_model
from parley.quotes.lexicon import load as load_lexicon


def run(text: str) -> list:
    ctx = Context(article=Article(text=text), doc=next(nlp.parse([text])))
    out = quotes.extract(ctx)
    for q in out:
        assert text[q.start:q.end] == q.quote
    return out


@pytest.fixture
def broad(tmp_path, monkeypatch):
    """The quote lexicon with `attribution_model: broad` (PolNeAR's notion of attribution)."""
    src = (ROOT / "parley/data/lexicons/quotes.yaml").read_text(encoding="utf-8")
    assert "\nattribution_model: speech" in src
    p = tmp_path / "quotes.yaml"
    p.write_text(src.replace("\nattribution_model: speech", "\nattribution_model: broad"), encoding="utf-8")
    monkeypatch.setenv("PARLEY_QUOTE_LEXICON", str(p))
    return p


def test_model_ships_as_plain_weights_and_needs_no_sklearn():
    model = cue_model.load()
    assert model is not None, "parley/data/models/quote_cues.json is missing (scripts/train_quote_model.py)"
    assert 0 < model["threshold"] < 1 and len(model["weights"]) > 500 and "say" in model["cues"]
    assert cue_model.MODEL_PATH.stat().st_size < 3_000_000
    code = textwrap.dedent("""
        import sys
        from parley import nlp
        from parley.context import Context
        from parley.model import Article
        from parley import quotes
        t = "The talks were useful, the delegation said."
        quotes.extract(Context(article=Article(text=t), doc=next(nlp.parse([t]))))
        assert not any(m == "sklearn" or m.startswith("sklearn.") for m in sys.modules), "sklearn imported"
    """)
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_candidates_are_verbatim_clauses_of_the_parse():
    t = "Officials said the talks would resume. The economy is weak, analysts warned."
    doc = next(nlp.parse([t]))
    cands = cue_model.candidates(doc, t, load_lexicon())
    got = {(c.cue.text, c.kind, t[c.start:c.end]) for c in cands}
    assert ("said", "comp", "the talks would resume") in got
    assert any(cue == "warned" and span == "The economy is weak" for cue, _, span in got)
    for c in cands:
        assert 0 <= c.start < c.end <= len(t)


def test_speech_mode_adds_reported_speech_the_rules_miss():
    t = "The minister dismissed reports saying that the talks had collapsed."
    q = [x for x in run(t) if x.kind == "indirect"]
    assert [x.quote for x in q] == ["the talks had collapsed"] and q[0].cue == "saying"


def test_attribution_set_off_by_commas_inside_the_content():
    q = run("The deal on minerals with the Americans, Peskov said on Monday, was not acceptable to Moscow.")
    assert [(x.quote, x.cue, x.speaker_mention) for x in q] == [
        ("The deal on minerals with the Americans", "said", "Peskov"),
        ("was not acceptable to Moscow", "said", "Peskov")]
    # the part before the attribution is a piece of its own however short (GGT and PolNeAR both
    # annotate "[[Too often]], he says, they get it" so)
    q = run("Russia, he added, would never accept such terms.")
    assert [(x.quote, x.cue) for x in q] == [("Russia", "added"), ("would never accept such terms", "added")]


def test_according_to_set_off_inside_the_content():
    q = run("The real problem, according to the ministry, is the shortage of shells.")
    assert [(x.quote, x.cue, x.speaker_mention) for x in q] == [
        ("The real problem", "according to", "the ministry"),
        ("is the shortage of shells", "according to", "the ministry")]
    assert [x.quote for x in run("According to the ministry, the talks failed.")] == ["the talks failed"]


@pytest.mark.parametrize("text,quote,cue", [
    ("Zelensky urged Western allies to speed up deliveries of air defence systems.",
     "to speed up deliveries of air defence systems", "urged"),
    ("Macron called on Putin to accept an unconditional ceasefire.", "to accept an unconditional ceasefire",
     "called on"),
])
def test_request_to_an_addressee_reports_its_infinitive(text, quote, cue):
    assert [(x.quote, x.cue) for x in run(text)] == [(quote, cue)]


@pytest.mark.parametrize("text", [
    "The ministry asked journalists to leave the room.",  # a request, not reported words
    "The programme encourages schools to offer milk to students.",
    "Analysts examined the claim that Ukraine had attacked the power plant.",  # nobody's claim
    "READ MORE: Zelensky says the war will end this year",  # a link line
])
def test_requests_unowned_claims_and_link_lines_are_not_quotes(text):
    assert run(text) == []


def test_naming_verb_reports_what_the_object_is_called():
    q = run("Peskov called the proposal a dangerous provocation by the West.")
    assert [(x.quote, x.cue, x.speaker_mention) for x in q] == [
        ("a dangerous provocation by the West", "called", "Peskov")]


def test_as_x_noted_opens_the_content():
    q = run("As the Kremlin noted on Monday, the talks will resume in Istanbul next week.")
    assert [(x.quote, x.cue) for x in q] == [("the talks will resume in Istanbul next week", "noted")]


@pytest.mark.parametrize("text,pieces", [
    ("The talks were useful, the envoy added, and would resume in Riyadh next week.",
     ["The talks were useful", "and would resume in Riyadh next week"]),
    ("Washington has not pushed Kyiv to negotiate, the sources said, mainly because Russia has shown "
     "no interest.", ["Washington has not pushed Kyiv to negotiate", "mainly because Russia has shown no interest"]),
    ("The death toll rose to 280 on Monday, officials said, as rescuers searched for more victims.",
     ["The death toll rose to 280 on Monday", "as rescuers searched for more victims"]),
])
def test_content_going_on_after_the_attribution(text, pieces):
    assert [x.quote for x in run(text)] == pieces


@pytest.mark.parametrize("text,quotes", [
    ("The talks failed, he said, after meeting Rubio.", ["The talks failed"]),
    ('"We will not give up," he said, eyes welling up with tears.', ["We will not give up"]),
])
def test_the_speakers_own_doing_after_the_attribution_is_no_piece(text, quotes):
    assert [x.quote for x in run(text)] == quotes


def test_pull_quote_signed_by_a_name_at_the_paragraph_end():
    text = ("Power was restored to most homes on Sunday.\n"
            "It is very hard for our older residents when the power is out for days. Maria Kowalska, "
            "deputy mayor.\n"
            "Olena Petrenko, The Canadian Press.")
    q = run(text)
    assert [(x.quote, x.speaker_mention) for x in q] == [
        ("It is very hard for our older residents when the power is out for days", "Maria Kowalska")]


@pytest.mark.parametrize("text", [
    "Rubio said the talks were useful, adding that more meetings would follow.",
    "Rubio said the talks were useful but added that more meetings would follow.",
])
def test_a_second_attribution_ends_the_first_content(text):
    assert [x.quote for x in run(text)] == ["the talks were useful", "more meetings would follow"]


@pytest.mark.parametrize("text", [
    "The ministry declined to say why the talks had been postponed.",  # an indirect question
    "She explained how the new checkpoint system works in practice.",
    "The envoy had been detained at the border and told he would be deported.",  # told, by nobody named
    "Kyiv, we are told, is ready to sign the minerals deal.",
])
def test_indirect_questions_and_passive_told_are_not_quotes(text):
    assert [q for q in run(text) if q.kind == "indirect"] == []


def test_active_told_stays_a_quote():
    assert [x.quote for x in run("He was arrested and told police he had acted alone.")] == ["he had acted alone"]


def test_owned_claim_reports_its_that_clause():
    q = run("Lavrov repeated his claim that Ukraine had attacked the power plant.")
    assert [(x.quote, x.cue) for x in q] == [("Ukraine had attacked the power plant", "claim")]


@pytest.mark.parametrize("text", [
    "Analysts think the talks will fail.",
    "Polls show most Ukrainians oppose territorial concessions.",
    "Rubio asked whether Russia was serious about peace.",
    "He did not say whether the meeting would take place.",
])
def test_speech_mode_keeps_beliefs_evidence_and_questions_out(text):
    assert run(text) == []


def test_broad_mode_takes_polnear_attributions(broad):
    assert cue_model.mode() == "broad"
    got = {q.quote for t in ("Analysts think the talks will fail.",
                             "Polls show most Ukrainians oppose territorial concessions.")
           for q in run(t)}
    assert got == {"the talks will fail", "most Ukrainians oppose territorial concessions"}


def test_off_mode_is_the_rules_alone(tmp_path, monkeypatch):
    p = tmp_path / "q.yaml"
    p.write_text((ROOT / "parley/data/lexicons/quotes.yaml").read_text(encoding="utf-8")
                 .replace("\nattribution_model: speech", "\nattribution_model: off"), encoding="utf-8")
    monkeypatch.setenv("PARLEY_QUOTE_LEXICON", str(p))
    assert run("The minister dismissed reports saying that the talks had collapsed.") == []


def test_training_labels_come_from_polnear_train_cues_and_contents():
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_quote_model as tr
    rec = jsonl("gold/quotes/polnear-train.jsonl")[0]
    doc = next(nlp.parse([rec["text"]]))
    ex = tr.examples(rec, doc, load_lexicon())
    pos = [lemma for _, y, lemma in ex if y]
    assert len(ex) > 20 and 0 < len(pos) < len(ex)
    assert all(isinstance(f, list) and f for f, _, _ in ex)


def _hits(gold: list, pred: list) -> int:
    from parley.eval.spans import greedy_match
    return sum(ov >= 0.3 for _, _, ov in greedy_match(gold, pred))


def test_model_finds_more_polnear_content_on_real_text(tmp_path, monkeypatch):
    """PolNeAR dev articles (by path): the learned model adds matching attributed content to the
    rules, and the broad notion more; every span verbatim. (Figures: benchmarks/bench_quotes.py.)"""
    from parley.eval.adapters import load_polnear
    from parley.eval.spans import trim_quote
    from conftest import shared
    gold = load_polnear(shared("gold/quotes/polnear-dev.jsonl"))[:8]
    docs = list(nlp.parse([g["text"] for g in gold]))
    src = (ROOT / "parley/data/lexicons/quotes.yaml").read_text(encoding="utf-8")
    hits = {}
    for m in ("off", "speech", "broad"):
        p = tmp_path / f"{m}.yaml"
        p.write_text(src.replace("\nattribution_model: speech", f"\nattribution_model: {m}"), encoding="utf-8")
        monkeypatch.setenv("PARLEY_QUOTE_LEXICON", str(p))
        hits[m] = 0
        for g, doc in zip(gold, docs):
            text = g["text"]
            qs = quotes.extract(Context(article=Article(text=text), doc=doc))
            assert all(text[q.start:q.end] == q.quote for q in qs)
            hits[m] += _hits([(q["start"], q["end"]) for q in g["quotes"]],
                             [trim_quote(text, q.start, q.end) for q in qs])
    assert hits["off"] <= hits["speech"] < hits["broad"], hits


def test_content_never_holds_its_own_cue_or_speaker():
    qs = run("The talks ended with a joint statement, which Russia described as constructive and useful.")
    assert [q.quote for q in qs] == ["constructive and useful"]
    qs = run("Officials circulated a memo, which Kovalenko proposed should go to the donors before the summit.")
    assert [q.quote for q in qs] == ["should go to the donors before the summit"]
    for q in qs:
        assert q.speaker_start is None or not (q.start <= q.speaker_start < q.end)
