"""quotes stage: quotation styles, attribution, indirect speech, speakers (made-up sentences)."""
from __future__ import annotations

import pytest
from conftest import extract_quotes

from parley.quotes import marks


def run(text: str, published: str = "2025-03-11"):
    return extract_quotes(text, published)


def spans(text: str) -> list[str]:
    return [text[m.start:m.end] for m in marks.find(text)]


# -- quotation marks ---------------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ('He said: "We are ready." Then left.', ["We are ready."]),
    ("He said: “We are ready.” Then left.", ["We are ready."]),
    ("Er sagte: „Wir sind bereit.“ Dann ging er.", ["Wir sind bereit."]),
    ("Il a dit : « Nous sommes prêts. » Puis il est parti.", ["Nous sommes prêts."]),
    ("He said: ‘We are ready for talks.’ Then he left.", ["We are ready for talks."]),
    ('"He told me \'no deal\' twice," she said.', ["He told me 'no deal' twice,"]),
    ("“He told me ‘no deal’ twice,” she said.", ["He told me ‘no deal’ twice,"]),
    # two single marks for one double mark (the New York Times archive style)
    ("''We are ready for talks,'' the envoy said.", ["We are ready for talks,"]),
    ("He called it a “victory’’ and left.", ["victory"]),
])
def test_every_quotation_style(text, expected):
    assert spans(text) == expected


def test_unclosed_quote_runs_to_paragraph_end_and_odd_marks_do_not_misalign():
    text = ('“We will continue the talks. We are ready\n'
            '“to meet again next week,” the envoy said.\n'
            'He called it a "good day.\n'
            'Later, "this is a second quote," an aide said.')
    got = spans(text)
    assert got[0] == "We will continue the talks. We are ready"
    assert got[1] == "to meet again next week,"
    assert got[-1] == "this is a second quote,"


def test_apostrophes_and_inches_are_not_quotes():
    assert spans("Ukraine's army and the players' union met; he is 5'10\" tall.") == []


# -- direct quotes -----------------------------------------------------------------------------
def test_direct_quote_with_named_speaker():
    text = ("Ukrainian negotiator Olena Hrytsenko arrived on Monday.\n"
            "“We will keep talking, but we will not kneel,” Hrytsenko said.")
    (q,) = run(text)
    assert q.kind == "direct"
    assert q.quote == "We will keep talking, but we will not kneel"
    assert q.speaker == "Olena Hrytsenko" and q.cue == "said"  # surname → earliest full name
    assert q.speaker_mention == "Hrytsenko" and text[q.speaker_start:q.speaker_end] == "Hrytsenko"


def test_quote_broken_by_he_said_is_two_quotes_with_one_speaker():
    text = ("Tomas Varga spoke in Geneva on Tuesday.\n"
            "“We will send the draft to the other capitals,” he said. “The next move belongs to them.”")
    qs = [q for q in run(text) if q.kind == "direct"]
    assert [q.quote for q in qs] == ["We will send the draft to the other capitals", "The next move belongs to them."]
    assert {q.speaker for q in qs} == {"Tomas Varga"}


def test_speaker_before_colon_and_quote_over_paragraphs():
    text = ("Dmitry Peskov told reporters:\n"
            "“Russia remains open to negotiations. We have said so many times.\n"
            "“But the other side must show that it wants them.”")
    qs = run(text)
    assert [q.kind for q in qs] == ["direct", "direct"]
    assert qs[0].quote.startswith("Russia remains open") and qs[1].quote.startswith("But the other side")
    assert all(q.speaker == "Dmitry Peskov" for q in qs)


def test_floating_quote_takes_previous_speaker():
    text = ("“We will not give up our land,” Peter Hollander said on Monday.\n"
            "The talks resumed later in Istanbul.\n"
            "“Our people want a just peace, not a pause.”")
    qs = run(text)
    assert qs[-1].floating and qs[-1].speaker == "Peter Hollander"
    assert qs[-1].speaker_mention == "" and qs[-1].speaker_start is None


def test_pronoun_resolves_to_compatible_person():
    text = ("Maria Kovalenko, a Ukrainian negotiator, met Dmitry Peskov on Monday. She left early.\n"
            "“Nothing was agreed,” she said.")
    (q,) = run(text)
    assert q.speaker == "Maria Kovalenko"


# -- indirect and mixed --------------------------------------------------------------------------
@pytest.mark.parametrize("text,content,cue", [
    ("Peskov said Russia is open to negotiations with Kyiv.", "Russia is open to negotiations with Kyiv", "said"),
    ("Peskov said that Russia is open to negotiations with Kyiv.", "Russia is open to negotiations with Kyiv", "said"),
    ("Russia is open to negotiations with Kyiv, Peskov told reporters.", "Russia is open to negotiations with Kyiv", "told"),
    ("Peskov told reporters that Russia is open to negotiations.", "Russia is open to negotiations", "told"),
    ("Peskov added that the meeting would take place next week.", "the meeting would take place next week", "added"),
    ("Peskov wrote on Telegram that the meeting would take place in Istanbul.",
     "the meeting would take place in Istanbul", "wrote"),
])
def test_indirect_speech(text, content, cue):
    text = "Kremlin spokesman Dmitry Peskov spoke on Monday.\n" + text
    qs = run(text)
    assert len(qs) == 1, qs
    q = qs[0]
    assert q.kind == "indirect" and q.quote == content and q.cue == cue
    assert q.speaker == "Dmitry Peskov"


def test_according_to():
    text = "Dmitry Peskov spoke on Monday.\nAccording to Peskov, the talks will resume next week in Istanbul."
    (q,) = run(text)
    assert q.kind == "indirect" and q.cue == "according to"
    assert q.quote == "the talks will resume next week in Istanbul" and q.speaker == "Dmitry Peskov"


def test_mixed_quote_is_one_record():
    text = "Dmitry Peskov said Moscow is “ready” for a summit but has heard “nothing concrete” from Kyiv."
    (q,) = run(text)
    assert q.kind == "mixed"
    assert q.quote == "Moscow is “ready” for a summit but has heard “nothing concrete” from Kyiv"


def test_anonymous_source_gets_party_from_demonym():
    text = "A senior Ukrainian official said the talks had stalled over territory."
    (q,) = run(text)
    assert q.speaker == "" and q.party == "UKR"
    assert q.speaker_mention == "A senior Ukrainian official"


def test_body_speaker():
    text = "In a statement, the Kremlin said the proposal was unacceptable."
    (q,) = run(text)
    assert q.quote == "the proposal was unacceptable" and q.party == "RUS"


def test_no_text_no_quotes():
    assert run("No quotation here at all.") == []


def test_described_as_fragment_is_mixed():
    text = "Foreign Minister Lena Arkwright described the meeting as “a useful first step for the region”."
    (q,) = run(text)
    assert q.kind == "mixed" and q.quote == "the meeting as “a useful first step for the region”"
    assert q.speaker == "Lena Arkwright"


def test_quoted_word_named_by_its_speaker_is_direct():
    text = "Dmitry Peskov spoke on Monday.\nPeskov called the report “absurd” and left."
    (q,) = run(text)
    assert q.kind == "direct" and q.quote == "absurd" and q.speaker == "Dmitry Peskov"


def test_what_was_not_said_and_promo_lines_are_not_quotes():
    assert run("Peskov did not say whether the talks would resume.") == []
    assert [q for q in run('WATCH: "Peace is possible this year" - a video report.') if q.kind == "direct"] == []


def test_name_in_apposition_is_the_speaker():
    text = "The Kremlin's spokesman, Dmitry Peskov, said the talks were useful."
    (q,) = run(text)
    assert q.speaker == "Dmitry Peskov" and q.speaker_mention == "Dmitry Peskov"
    assert q.quote == "the talks were useful"


def test_two_that_clauses_are_two_quotes_and_phrasal_cue():
    text = "Marco Rubio said that the talks were useful and that Russia must now respond."
    assert [q.quote for q in run(text)] == ["the talks were useful", "Russia must now respond"]
    (q,) = run("The city council has made clear that it is waiting for a better offer.")
    assert q.cue == "made clear" and q.quote == "it is waiting for a better offer"


def test_joint_speakers_get_both_parties():
    (q,) = run("Ukraine and the United States said they would hold another round of talks in May.")
    assert set(q.party.split("|")) == {"UKR", "USA"}


def test_label_before_colon_names_the_speaker():
    text = ("Vladimir Medinsky led the Russian delegation.\n"
            "Quote from Medinsky: \"Our delegation will stay in the city until Thursday.\"")
    (q,) = run(text)
    assert q.kind == "direct" and q.speaker == "Vladimir Medinsky" and q.speaker_mention == "Medinsky"


def test_quotation_after_that_stays_direct_and_headlines_are_not_quotes():
    text = ("Tomas Varnelis spoke in Paris.\n"
            "Varnelis stressed that “the agreement must be enforced, not merely signed”.")
    (q,) = run(text)
    assert q.kind == "direct" and q.cue == "stressed" and q.speaker == "Tomas Varnelis"
    assert run("“No Deal Until There’s a Deal”\nThe leaders met on Friday.") == []


def test_a_list_of_quoted_words_is_no_quotation():
    text = ('The banned words this year are "synergy," "pivot," "bandwidth" and "deep dive," '
            'the school said.\n'
            '"We are ready for talks," Hrytsenko said.')
    got = [q.quote for q in run(text) if q.kind == "direct"]
    assert got == ["We are ready for talks,"] or got == ["We are ready for talks"]


def test_titles_and_nicknames_in_marks_are_no_quotations():
    text = ('She told CBC\'s "The Current" that she was relieved, and drummer Tomasz "Tommy" Wilkowski '
            'thanked his fans.\n'
            '"We are ready for talks," Hrytsenko said.')
    got = [q.quote for q in run(text) if q.kind == "direct"]
    assert all("Current" not in g and "Tommy" not in g for g in got)
    assert any(g.startswith("We are ready for talks") for g in got)
