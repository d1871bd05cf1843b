"""Attributions that are not speech (their own layer), transcript turns and signed quotes
(made-up sentences)."""
from __future__ import annotations

from conftest import quote_context

from parley.context import Context
from parley.model import Result


def run(text: str) -> Context:
    return quote_context(text, "2025-03-01")


def test_beliefs_and_evidence_are_attributions_not_quotes():
    ctx = run("Analysts believe the ceasefire will not hold beyond the spring. Polls show most voters "
              "reject territorial concessions. The minister said the talks would resume in May.")
    assert [q.quote for q in ctx.quotes] == ["the talks would resume in May"]
    got = {q.quote: q for q in ctx.attributions}
    assert "the ceasefire will not hold beyond the spring" in got
    assert got["the ceasefire will not hold beyond the spring"].speaker_mention == "Analysts"
    assert "most voters reject territorial concessions" in got
    assert all(0 < a.confidence <= 1 for a in ctx.attributions)


def test_an_attribution_never_overlaps_a_quote():
    ctx = run('The envoy thinks that "nothing is agreed until everything is agreed," she said on Monday. '
              "Negotiators fear the deadline will slip, the deputy minister told reporters.")
    for a in ctx.attributions:
        assert all(a.end <= q.start or q.end <= a.start for q in ctx.quotes)


def test_attributions_are_written_by_extract_beside_the_schema_keys():
    ctx = run("Observers expect the summit to produce a joint statement on prisoners.")
    rec = Result(article=ctx.article, quotes=ctx.quotes, attributions=ctx.attributions).to_json()
    assert {"mentions", "quotes", "events", "positions", "attributions"} <= set(rec)
    assert rec["quotes"] == [] and rec["attributions"]


def test_source_phrase_keeps_the_apposition_and_the_mention_is_the_name():
    text = ("Maria Lind, a senior fellow at the Nordic Policy Institute who studies sanctions, said the "
            "measures had not changed Moscow's course.")
    (q,) = run(text).quotes
    assert q.speaker_mention == "Maria Lind"
    assert text[q.source_start:q.source_end].startswith("Maria Lind, a senior fellow at the Nordic Policy Institute")
    assert q.source_start <= q.speaker_start and q.speaker_end <= q.source_end


def test_transcript_turns_are_quotes_of_the_labelled_speaker():
    text = ("The press conference went as follows.\n\n"
            "PUTIN: We are ready to continue the dialogue, but only on our terms.\n\n"
            "REPORTER: And what about the sanctions, Mr President?\n\n"
            "PUTIN: They will not change our course, whatever they say in Brussels.")
    qs = run(text).quotes
    putin = [q for q in qs if q.speaker_mention == "PUTIN"]
    assert [q.quote for q in putin] == ["We are ready to continue the dialogue, but only on our terms.",
                                        "They will not change our course, whatever they say in Brussels."]
    assert all(q.kind == "direct" and q.party == "RUS" for q in putin)


def test_quoted_transcript_starts_after_the_label():
    text = ('The exchange was brief.\n\n"HOLT: Do you see those two proposals as equal?\n\n'
            '"MORRIS: No, I think the second one goes much further.\n\n"HOLT: Then why sign the first?"')
    qs = run(text).quotes
    assert [(q.quote, q.speaker_mention) for q in qs] == [
        ("Do you see those two proposals as equal?", "HOLT"),
        ("No, I think the second one goes much further.", "MORRIS"),
        ("Then why sign the first?", "HOLT")]


def test_one_off_and_promo_labels_are_not_speakers():
    text = ("UPDATE: The talks in Geneva have been postponed until next week.\n\n"
            "READ MORE: Kyiv says drones hit a refinery overnight.\n\n"
            "READ MORE: Talks stall over prisoner lists.")
    assert not [q for q in run(text).quotes if q.cue == ":"]


def test_a_signed_quote_belongs_to_the_name_after_the_dash():
    text = ("Readers wrote in after the debate.\n\n"
            "“He has no plan for the economy and no respect for the voters of this state.” ― Maria Gonzalez\n\n"
            "“I will vote for him again because he tells it straight.” — Tom Baker, a retiree from Ohio\n\n"
            "“Maybe we can build a fence around the whole campaign.”\u00a0―\u00a0Lena Novak.")
    qs = run(text).quotes
    assert [q.speaker_mention for q in qs] == ["Maria Gonzalez", "Tom Baker", "Lena Novak"]
    assert not any(q.floating for q in qs)


def test_a_person_labelled_line_is_their_reported_words():
    text = ("Sybiha: Ukraine is ready for a full ceasefire at sea\n\n"
            "Kyiv: Air raid sirens sounded across the capital overnight\n\n"
            "Photo: Olena Marchenko, staff photographer\n\n"
            "Peskov: Moscow remains open to talks on a new schedule.")
    qs = run(text).quotes
    assert [(q.quote, q.speaker, q.party, q.kind) for q in qs] == [
        ("Ukraine is ready for a full ceasefire at sea", "Andrii Sybiha", "UKR", "indirect"),
        ("Moscow remains open to talks on a new schedule", "Dmitry Peskov", "RUS", "indirect")]
