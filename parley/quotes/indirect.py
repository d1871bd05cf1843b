"""Indirect (reported) speech from the dependency parse.

"X said (that) C", "X told reporters C", "C, X said", "X added/noted/warned … C",
"X wrote on Telegram that C" (a reporting verb with a clausal complement and a subject), and
"according to X, C" / "C, according to X". The content span is the complement clause without the
complementiser "that"; cues inside quotation marks are ignored. Also:
* an attribution set inside the content splits it: "C1, X said, C2", "C1, according to X, C2",
  "C1, X added, and C2" (each piece however short), and "As X noted, C";
* a content ends before a participle attribution of its own (", adding that …");
* "X urged/told Y to C", "X called on Y to C" (`directive_verbs`) → "to C"; "X called Y C" → C;
  "his claim that C" (`claim_nouns`, with an owner) → C;
* no content: indirect questions ("declined to say why …"), passive "was told" (nobody named
  said it), and link lines ("READ MORE: X says …").

After the rules, the learned cue model (`cue_model`, trained on PolNeAR) proposes attributions on
the verbs the rules left alone; `attribution_model` in the quote lexicon decides which are kept:
"speech" (default) only reported speech in the schema's sense (a reporting verb that can take
indirect content, not negated, clausal content; an evidence verb only with a subject that can
speak), the rest going to `attributions`; "broad" everything the model finds, as quotes; "off" none.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from . import cue_model
from .lexicon import Lexicon
from .content import (Reported, before_participle, complement_clauses, content, continued, finite, interrupted, n_words,
                      own_clause, question, strip_cc, told_passive)
from .forms import claim, directive, naming, promo, signed
from .syntax import SPEECH_HINT, VERBAL, according_to, is_cue, lemma_tokens, subject, subtree_bounds


SPEECH_KINDS = ("comp", "pre", "head")


def find(doc: Doc, text: str, lex: Lexicon, inside, belief: bool = False) -> list[Reported]:
    """Reported speech outside quotation marks (`inside(token)` is True within them): the rules
    below, then what the learned cue model (`cue_model`) finds on verbs the rules left alone.
    With `belief`, verbs of belief and intent ("analysts believe") count for the rules too."""
    out = _rules(doc, text, lex, inside, belief) + signed(doc, text, lex, inside)
    out += _learned(doc, text, lex, inside, out)
    return [r for r in map(_outside, out) if r is not None and not promo(text, r, lex)]


def _outside(r: Reported) -> Reported | None:
    """Content never holds its own cue or speaker: "a memo, which Kovalenko proposed should go to
    donors" keeps what follows the cue ("should go to donors"), or nothing when that is under two
    words; a speaker inside the content is no speaker (the cue's subject was misread)."""
    cue = r.cue
    if r.start <= cue.idx < r.end:
        text = cue.doc.text
        s = cue.idx + len(cue.text)
        while s < r.end and not text[s].isalnum():
            s += 1
        if len(text[s:r.end].split()) < 2:
            return None
        r = replace(r, start=s)
    if r.speaker is not None and r.start <= r.speaker.idx < r.end:
        r = replace(r, speaker=None)
    return r


def attributions(doc: Doc, text: str, lex: Lexicon, inside, speech: list[Reported]) -> list[Reported]:
    """Attribution that is not reported speech, on the verbs `find` left alone: what the learned
    cue model finds there (beliefs, intentions, evidence, evaluations: "analysts believe C",
    "polls show C", "X criticized C"). Empty unless `attribution_model` is "speech" (in "broad"
    `find` already returns these as quotes; "off" has no model)."""
    if cue_model.mode() != "speech":
        return []
    used = {r.cue.i for r in speech}
    model = cue_model.load()
    thr = model.get("attribution_threshold") if model else None  # chosen for it by the training script
    out = []
    for c, p in cue_model.find(doc, text, lex, inside, model=model, threshold=thr, skip=used):
        if c.speaker is not None and inside(c.speaker):
            continue
        cue_text = "according to" if c.kind == "according" else c.cue.text
        out.append(Reported(c.start, c.end, c.cue, cue_text, c.speaker, p))
    return [r for r in map(_outside, out) if r is not None and not promo(text, r, lex)]


def _speech(c: cue_model.Candidate, lex: Lexicon) -> bool:
    """The schema's notion of reported speech, as the rules apply it: a reporting verb that can
    take indirect content, not negated, with clausal content (an evidence verb only with a
    subject that can speak)."""
    if c.kind == "according":
        return True
    t, lemma = c.cue, c.cue.lemma_.lower()
    if lemma not in lex.speech or lemma in lex.not_indirect or c.kind not in SPEECH_KINDS:
        return False
    if any(x.dep_ == "neg" for x in t.children):
        return False
    if told_passive(t):
        return False
    if c.kind == "comp" and c.head is not None and question(c.head, t):
        return False  # "declined to say why …"
    who = c.speaker
    if lemma in lex.evidence and not (who is not None and (who.pos_ in ("PROPN", "PRON") or who.ent_type_
                                                         or who.lemma_.lower() in lex.speakers)):
        return False
    return True


def _learned(doc: Doc, text: str, lex: Lexicon, inside, rules: list[Reported]) -> list[Reported]:
    m = cue_model.mode()
    if m == "off":
        return []
    broad = m == "broad"
    used = {r.cue.i for r in rules}
    lemmas, kinds = (None, None) if broad else (lex.speech - lex.not_indirect, SPEECH_KINDS + ("according",))
    out = []
    for c, _p in cue_model.find(doc, text, lex, inside, lemmas=lemmas, skip=used, kinds=kinds):
        if c.speaker is not None and inside(c.speaker):
            continue
        if not broad and not _speech(c, lex):
            continue
        cue_text = "according to" if c.kind == "according" else c.cue.text
        out.append(Reported(c.start, c.end, c.cue, cue_text, c.speaker))
    return out


def _rules(doc: Doc, text: str, lex: Lexicon, inside, belief: bool = False) -> list[Reported]:
    out: list[Reported] = []
    directs = lex.directives  # "urged X to C"
    claims = lex.claims  # "his claim that C"
    words = set(claims) | set(directs) | set(lex.speech) | set(lex.phrases) | (set(lex.belief) if belief else set())
    for t in lemma_tokens(doc, words):  # nothing else can start an attribution below
        if inside(t):
            continue
        if t.pos_ == "NOUN" and t.lemma_.lower() in claims:
            who = next((c for c in t.children if c.dep_ == "poss"), None)
            h = t.head
            if who is None or inside(who) or (t.dep_ == "dobj" and h.lemma_.lower() in lex.objects
                                              and is_cue(h, lex)):
                continue  # no owner; "reiterated his claim that C": the verb's object rule
            span = claim(doc, text, t)
            if span:
                out.append(Reported(*span, t, t.text, who))
            continue
        if t.lower_ == "according":
            who = according_to(t)
            if who is None or inside(who):
                continue
            head = t.head
            if head.i == t.i or head.pos_ not in VERBAL:
                continue
            first, last = subtree_bounds(head, exclude=t)
            # "The harsh truth, according to experts, is …": the part before it is a piece too
            lo = t.left_edge.i
            if first > t.i and head.left_edge.i < lo and doc[lo - 1].text in (",", "—", "–"):
                before = content(doc, text, head.left_edge.i, lo - 1)
                if before:
                    out.append(Reported(*before, t, "according to", who))
            span = content(doc, text, first, last)
            if span:
                out.append(Reported(*span, t, "according to", who))
            continue
        lemma = t.lemma_.lower()
        if lemma in directs and t.pos_ in VERBAL and not any(c.dep_ == "neg" for c in t.children):
            d = directive(doc, text, t, directs[lemma])
            who = subject(t, lex) if d else None
            if d and who is not None and not inside(who):
                out.append(Reported(*d[0], t, d[1], who))
                continue
        if not (is_cue(t, lex, belief=belief) or (t.lemma_.lower() in lex.phrases and t.pos_ in VERBAL)):
            continue
        speech = is_cue(t, lex)
        who = subject(t, lex)
        if who is None or inside(who):
            continue
        if not speech and who.lower_ in ("i", "we", "you"):
            continue
        if told_passive(t):
            continue  # "he was told C", "we're told": the subject heard it, nobody named said it
        lemma = t.lemma_.lower()
        if lemma in lex.not_indirect or any(c.dep_ == "neg" for c in t.children):
            continue  # questions, and what someone did not say
        if lemma in lex.evidence and not (who.pos_ in ("PROPN", "PRON") or who.ent_type_
                                          or who.lemma_.lower() in lex.speakers):
            continue  # "the data suggest …" is evidence, not speech
        cue_text = t.text
        if lemma in lex.naming:  # 'called the plan a bandage solution'
            span = naming(doc, text, t)
            if span:
                out.append(Reported(*span, t, cue_text, who))
                continue
        # phrasal cues: "made clear that", "called for X", "pointed out that"
        parts = lex.phrases.get(lemma, [])
        prt = next((c for c in t.children if c.lower_ in parts and c.dep_ in ("prt", "prep", "acomp",
                                                                               "oprd", "dobj", "ccomp")), None)
        if parts and prt is None:
            if lemma not in lex.speech:
                continue
        elif prt is not None:
            cue_text = text[t.idx:prt.idx + len(prt.text)]
            if prt.dep_ == "prep":
                obj = next((c for c in prt.children if c.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    span = content(doc, text, *subtree_bounds(obj))
                    if span and n_words(text, *span) >= 2:
                        out.append(Reported(*span, t, cue_text, who))
                continue
        comp = [c for c in t.children if c.dep_ == "ccomp" and (prt is None or c.i != prt.i)]
        if not comp and lemma in SPEECH_HINT:  # "said legalizing it could put …" (xcomp misparse)
            comp = [c for c in t.children if c.dep_ == "xcomp" and c.i == t.i + 1 and c.tag_ == "VBG"
                    and not any(a.dep_ == "aux" for a in c.children) and c.right_edge.i - c.i >= 3]
        comp = [c for c in comp if text[c.left_edge.idx:c.right_edge.idx + len(c.right_edge.text)].lower()
                not in lex.promo]  # "READ MORE: X says C"
        if not comp and prt is not None:
            comp = [c for c in prt.children if c.dep_ == "ccomp"]
        if comp and question(comp[0], t):
            continue  # "declined to say why …", "explained how …": a question or topic, no content
        if comp:
            cue_end = (prt or t).idx + len((prt or t).text)
            clauses = complement_clauses(comp[0])
            if comp[0].i > t.i:
                # what follows the content in the cue's clause belongs to it ("said she's
                # excited about the study because it provides evidence")
                tail = max(x.i for x in t.subtree)
                end = clauses[-1][1]
                k = end + 1
                while k <= tail and not is_cue(doc[k], lex) and doc[k].lower_ != "according" \
                        and doc[k].text not in (";", ":"):
                    k += 1
                while k - 1 > end and (doc[k - 1].is_punct or doc[k - 1].dep_ == "cc"):
                    k -= 1  # "said it was too early but added …"
                clauses[-1] = (clauses[-1][0], max(end, k - 1))
            # a participle attribution closes the content: 'that X, stating that Y' / 'adding …'
            clauses = [(a, before_participle(doc, lex, a, b)) for a, b in clauses]
            clauses = [(a, strip_cc(doc, a, b)) for a, b in clauses]
            # "C1, officials said, as rescuers searched …": a second complement after the cue
            later = [c for c in t.children if c.i > t.i and (c.dep_ == "ccomp" and finite(c) or own_clause(c, lex))] \
                if comp[0].i < t.i else []
            if later and doc[later[0].left_edge.i - 1].text == ",":
                clauses.append((later[0].left_edge.i, later[0].right_edge.i))
            for first, last in clauses:
                span = content(doc, text, first, last)
                if span and (span[0] >= cue_end or span[1] <= t.idx):
                    out.append(Reported(*span, t, cue_text, who))
            continue
        obj = [c for c in t.children if c.dep_ in ("dobj", "pcomp")]
        if obj and lemma in lex.objects:
            span = claim(doc, text, obj[0]) if obj[0].lemma_.lower() in claims else None
            if span:  # "reiterated his claim that C"
                out.append(Reported(*span, t, cue_text, who))
                continue
            first, last = subtree_bounds(obj[0])
            if obj[0].i < t.i and obj[0].tag_ in ("WDT", "WP"):
                # "a statement, which Russia described as useful": what follows "as"
                prep = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > t.i), None)
                span = content(doc, text, prep.i + 1, prep.right_edge.i) if prep is not None \
                    and prep.right_edge.i > prep.i else None
                if span:
                    out.append(Reported(*span, t, cue_text, who))
                continue
            # "described the talks as …"
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "as" and c.i > last:
                    last = max(last, c.right_edge.i)
            span = content(doc, text, first, last)
            if span and n_words(text, *span) >= 2:
                out.append(Reported(*span, t, cue_text, who))
            continue
        # "C, X said": the cue hangs on the content's verb
        if speech and t.dep_ in ("parataxis", "advcl", "ccomp") and t.head.pos_ in VERBAL \
                and t.head.i < t.i and not inside(t.head) and not is_cue(t.head, lex, belief=True):
            if any(c.dep_ in ("dobj", "xcomp") for c in t.children):
                continue
            first, last = subtree_bounds(t.head, exclude=t)
            last = min(last, t.left_edge.i - 1)
            # the content ends with a comma right before the attribution: "C, X said"
            if last < first or doc[last].text not in (",", "—", "–") and not (
                    last + 1 < len(doc) and doc[last + 1].text in (",", "—", "–")):
                continue
            if any(is_cue(x, lex) and x.dep_ not in ("amod",) for x in doc[first:last + 1]
                   if x.i != t.head.i and not inside(x)):
                continue
            span = content(doc, text, first, last)
            if span:
                out.append(Reported(*span, t, t.text, who))
                # "C, the airline added, and had passed all checks": the clause goes on after it
                after = continued(doc, text, t, lex)
                if after:
                    out.append(Reported(*after, t, t.text, who))
            continue
        # "As X noted, C": the attribution opens the content's clause
        if speech and t.dep_ == "advcl" and t.head.i > t.i and t.head.pos_ in VERBAL \
                and not inside(t.head) and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children):
            r = t.right_edge.i
            while r > t.i and doc[r].is_punct:
                r -= 1
            if t.head.left_edge.i == t.left_edge.i and r + 1 < len(doc) and doc[r + 1].text == "," \
                    and not any(c.dep_ in ("dobj", "ccomp") for c in t.children):
                span = content(doc, text, r + 2, t.head.right_edge.i)
                if span and n_words(text, *span) >= 3:
                    out.append(Reported(*span, t, t.text, who))
            continue
        # "C1, X said, C2": the attribution set off by commas inside the content's clause
        if speech and who is not None and t.dep_ in ("parataxis", "advcl") and t.head.i > t.i \
                and not inside(t.head):
            out.extend(interrupted(doc, text, t, who))
    return out


