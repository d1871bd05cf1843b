"""nlp stage on real text: sentences respect line breaks; entities and parse are there."""
from conftest import jsonl

from parley import nlp


def test_sentences_never_cross_line_breaks():
    text = jsonl("gold/indomain-dev.jsonl")[0]["text"]
    doc = next(nlp.parse([text]))
    for sent in doc.sents:
        assert "\n" not in sent.text.strip(), sent.text
    # the dateline/headline line is a sentence of its own
    first = next(doc.sents).text.strip()
    assert "\n" not in first and len(first) < 40


def test_entities_and_dependencies_on_seed():
    from conftest import shared

    text = shared("corpus/seeds/004_a3a8e967821218ba.txt").read_text(encoding="utf-8")
    doc = next(nlp.parse([text]))
    people = {e.text for e in doc.ents if e.label_ == "PERSON"}
    assert {"Marco Rubio", "Andriy Yermak"} <= people
    said = [t for t in doc if t.lemma_ == "say" and any(c.dep_ == "nsubj" for c in t.children)]
    assert said, "reporting verbs have subjects in the parse"


def test_parse_keeps_order_and_count():
    texts = ["Putin met Erdogan in Sochi.", "", "Zelensky spoke.\n\nHe left."]
    docs = list(nlp.parse(texts, batch_size=2))
    assert [d.text for d in docs] == texts
