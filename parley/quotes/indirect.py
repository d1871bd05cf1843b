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
speak), "broad" everything the model finds, "off" none.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from . import cue_model
from .lexicon import Lexicon, default_path
from .syntax import OPEN_MARKS, SPEECH_HINT, VERBAL, according_to, content_span, is_cue, subject, subtree_bounds


SPEECH_KINDS = ("comp", "pre", "head")
INTERRUPTED_MIN_WORDS = 1  # "Russia, he said, would …": the subject before the cue is a piece too


@dataclass
class Reported:
    start: int
    end: int
    cue: Token
    cue_text: str
    speaker: Token | None


def _content(doc: Doc, text: str, first: int, last: int) -> tuple[int, int] | None:
    return content_span(doc, text, first, last, shortest=3)


def _clauses(c: Token) -> list[tuple[int, int]]:
    """Token ranges of a complement clause; "that A and that B" gives two."""
    split = [x for x in c.children if x.dep_ == "conj" and x.i > c.i
             and any(m.dep_ == "mark" for m in x.children)]
    if not split:
        return [subtree_bounds(c)]
    out = []
    lo = c.left_edge.i
    for x in split:
        hi = x.left_edge.i - 1
        while hi > lo and (c.doc[hi].dep_ == "cc" or c.doc[hi].is_punct):
            hi -= 1
        out.append((lo, hi))
        lo = x.left_edge.i
    out.append((lo, c.right_edge.i))
    return out


def _n_words(text: str, s: int, e: int) -> int:
    return len(text[s:e].split())


def directives() -> dict[str, list[str]]:
    """`directive_verbs` of the quote lexicon: verb → the prepositions that name its addressee
    ("urged X to …": none, an object; "called on X to …": on)."""
    return _extra(str(default_path()))[0]


def claim_nouns() -> frozenset[str]:
    """`claim_nouns` of the quote lexicon: "his claim that …"."""
    return _extra(str(default_path()))[1]


@functools.lru_cache(maxsize=4)
def _extra(path: str) -> tuple[dict[str, list[str]], frozenset[str]]:
    """The quote lexicon's keys read by this module only (directive_verbs, claim_nouns)."""
    y = cue_model.raw_lexicon(path)
    d = y.get("directive_verbs") or {}
    if isinstance(d, list):
        d = {w: [] for w in d}
    return ({str(k).lower(): [str(x).lower() for x in (v or [])] for k, v in d.items()},
            frozenset(str(w).lower() for w in y.get("claim_nouns") or []))


def _claim(doc: Doc, text: str, n: Token) -> tuple[int, int] | None:
    """The "that" clause of a statement noun ("his claim that C") → C."""
    cl = next((c for c in n.children if c.dep_ in ("acl", "ccomp", "appos") and c.i > n.i
               and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if cl is None:
        return None
    span = _content(doc, text, *subtree_bounds(cl))
    return span if span and _n_words(text, *span) >= 3 else None


def _directive(doc: Doc, text: str, t: Token, preps: list[str]) -> tuple[tuple[int, int], str] | None:
    """A request or instruction to an addressee: "urged X to C", "told X to C", "called on X to
    C" → the infinitive clause C ("to C") and the cue text."""
    x = next((c for c in t.children if c.dep_ == "xcomp" and c.i > t.i
              and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if x is None:
        return None
    cue_end = t
    if preps:
        p = next((c for c in t.children if c.dep_ in ("prep", "prt") and c.lower_ in preps and c.i < x.i
                  and any(o.dep_ == "pobj" for o in c.children)), None)
        if p is None:
            return None
        cue_end = p
    elif not any(c.dep_ in ("dobj", "dative") and t.i < c.i < x.i for c in t.children):
        return None
    span = _content(doc, text, *subtree_bounds(x))
    if span is None or _n_words(text, *span) < 2:
        return None
    return span, text[t.idx:cue_end.idx + len(cue_end.text)]


def _naming(doc: Doc, text: str, t: Token) -> tuple[int, int] | None:
    """'called the plan a bandage solution': the predicate the subject gives the object (with
    the prepositional phrases right after it: "the clearest point at the intersection")."""
    o = next((c for c in t.children if c.dep_ == "oprd" and c.i > t.i), None)
    if o is None or not any(c.dep_ == "dobj" and t.i < c.i < o.i for c in t.children):
        return None
    first, last = subtree_bounds(o)
    for c in sorted(t.children, key=lambda c: c.i):
        if c.dep_ == "prep" and c.left_edge.i == last + 1:
            last = c.right_edge.i
    span = _content(doc, text, first, last)
    if span and text[span[0]] in OPEN_MARKS and text[span[1] - 1] in "\"”’'»":
        return None  # 'called the report “absurd”': the quotation is the direct quote
    return span


def _promo(text: str, r: "Reported", lex: Lexicon) -> bool:
    """The content is a link or promo label, or in a link line ("READ MORE: X says …")."""
    if text[r.start:r.end].strip(" :").lower() in lex.promo:
        return True
    lo = text.rfind("\n", 0, r.start) + 1
    head = text[lo:r.start]
    return ":" in head and head.split(":", 1)[0].strip().lower() in lex.promo


_SIGNED = re.compile(r"[.!?)]\s+([A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})(?:,[^.!?\n]{1,60})?\.\s*$")


def _signed(doc: Doc, text: str, lex: Lexicon, inside) -> list[Reported]:
    """A pull quote signed by a name at its paragraph's end: "It's very bad for our seniors.
    Rod Peters, Lake Cowichan mayor." → the words before the name, spoken by the name (not a
    byline or credit on a line of its own: "Jane Doe, The Canadian Press.")."""
    out: list[Reported] = []
    starts = None
    for m in re.finditer(r"[^\n]+", text):
        sm = _SIGNED.search(m.group())
        if sm is None:
            continue
        n0 = m.start() + sm.start(1)
        sign = text[n0:m.end()].lower()
        if any(w in sign for w in lex.credits):
            continue
        if starts is None:
            starts = [t.idx for t in doc]
        i = bisect.bisect_left(starts, n0)
        if i >= len(doc) or doc[i].idx != n0 or not doc[i].is_sent_start or doc[i].pos_ != "PROPN" \
                or inside(doc[i]):
            continue
        j = i
        while j + 1 < len(doc) and doc[j + 1].idx < m.end() and doc[j + 1].pos_ == "PROPN":
            j += 1
        if any(t.pos_ in ("VERB", "AUX") for t in doc[i:bisect.bisect_left(starts, m.end())]):
            continue  # a sentence of its own, not a signature
        span = _content(doc, text, bisect.bisect_left(starts, m.start()), i - 1)
        if span and _n_words(text, *span) >= 6 and not inside(doc[bisect.bisect_left(starts, span[0])]):
            out.append(Reported(*span, doc[j], "", doc[j]))
    return out


def find(doc: Doc, text: str, lex: Lexicon, inside, belief: bool = False) -> list[Reported]:
    """Reported speech outside quotation marks (`inside(token)` is True within them): the rules
    below, then what the learned cue model (`cue_model`) finds on verbs the rules left alone.
    With `belief`, verbs of belief and intent ("analysts believe") count for the rules too."""
    out = _rules(doc, text, lex, inside, belief) + _signed(doc, text, lex, inside)
    out += _learned(doc, text, lex, inside, out)
    return [r for r in out if not _promo(text, r, lex)]


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
    if _told_passive(t):
        return False
    if c.kind == "comp" and c.head is not None and _question(c.head, t):
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
    directs = directives()  # "urged X to C"
    claims = claim_nouns()  # "his claim that C"
    for t in doc:
        if inside(t):
            continue
        if t.pos_ == "NOUN" and t.lemma_.lower() in claims:
            who = next((c for c in t.children if c.dep_ == "poss"), None)
            h = t.head
            if who is None or inside(who) or (t.dep_ == "dobj" and h.lemma_.lower() in lex.objects
                                              and is_cue(h, lex)):
                continue  # no owner; "reiterated his claim that C": the verb's object rule
            span = _claim(doc, text, t)
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
                before = _content(doc, text, head.left_edge.i, lo - 1)
                if before:
                    out.append(Reported(*before, t, "according to", who))
            span = _content(doc, text, first, last)
            if span:
                out.append(Reported(*span, t, "according to", who))
            continue
        lemma = t.lemma_.lower()
        if lemma in directs and t.pos_ in VERBAL and not any(c.dep_ == "neg" for c in t.children):
            d = _directive(doc, text, t, directs[lemma])
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
        if _told_passive(t):
            continue  # "he was told C", "we're told": the subject heard it, nobody named said it
        lemma = t.lemma_.lower()
        if lemma in lex.not_indirect or any(c.dep_ == "neg" for c in t.children):
            continue  # questions, and what someone did not say
        if lemma in lex.evidence and not (who.pos_ in ("PROPN", "PRON") or who.ent_type_
                                          or who.lemma_.lower() in lex.speakers):
            continue  # "the data suggest …" is evidence, not speech
        cue_text = t.text
        if lemma in lex.naming:  # 'called the plan a bandage solution'
            span = _naming(doc, text, t)
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
                    span = _content(doc, text, *subtree_bounds(obj))
                    if span and _n_words(text, *span) >= 2:
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
        if comp and _question(comp[0], t):
            continue  # "declined to say why …", "explained how …": a question or topic, no content
        if comp:
            cue_end = (prt or t).idx + len((prt or t).text)
            clauses = _clauses(comp[0])
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
            clauses = [(a, _before_participle(doc, lex, a, b)) for a, b in clauses]
            clauses = [(a, _strip_cc(doc, a, b)) for a, b in clauses]
            # "C1, officials said, as rescuers searched …": a second complement after the cue
            later = [c for c in t.children if c.i > t.i and (c.dep_ == "ccomp" and _finite(c) or _own_clause(c, lex))] \
                if comp[0].i < t.i else []
            if later and doc[later[0].left_edge.i - 1].text == ",":
                clauses.append((later[0].left_edge.i, later[0].right_edge.i))
            for first, last in clauses:
                span = _content(doc, text, first, last)
                if span and (span[0] >= cue_end or span[1] <= t.idx):
                    out.append(Reported(*span, t, cue_text, who))
            continue
        obj = [c for c in t.children if c.dep_ in ("dobj", "pcomp")]
        if obj and lemma in lex.objects:
            span = _claim(doc, text, obj[0]) if obj[0].lemma_.lower() in claims else None
            if span:  # "reiterated his claim that C"
                out.append(Reported(*span, t, cue_text, who))
                continue
            first, last = subtree_bounds(obj[0])
            # "described the talks as …"
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "as" and c.i > last:
                    last = max(last, c.right_edge.i)
            span = _content(doc, text, first, last)
            if span and _n_words(text, *span) >= 2:
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
            span = _content(doc, text, first, last)
            if span:
                out.append(Reported(*span, t, t.text, who))
                # "C, the airline added, and had passed all checks": the clause goes on after it
                after = _continued(doc, text, t, lex)
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
                span = _content(doc, text, r + 2, t.head.right_edge.i)
                if span and _n_words(text, *span) >= 3:
                    out.append(Reported(*span, t, t.text, who))
            continue
        # "C1, X said, C2": the attribution set off by commas inside the content's clause
        if speech and who is not None and t.dep_ in ("parataxis", "advcl") and t.head.i > t.i \
                and not inside(t.head):
            out.extend(_interrupted(doc, text, t, who))
    return out


ADDRESSEE_PASSIVE = ("tell", "inform", "assure", "reassure", "advise", "warn", "promise", "remind", "brief",
                     "notify")


def _told_passive(t: Token) -> bool:
    """A passive cue whose subject is the addressee, with no agent: "was told", "having been
    told", "had been diagnosed and told"."""
    if t.lemma_.lower() not in ADDRESSEE_PASSIVE or any(c.dep_ in ("agent", "nsubj", "dobj", "dative")
                                                        for c in t.children):
        return False
    if t.tag_ == "VBN" and any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children):
        return True
    h = t.head  # "had been diagnosed … and told"
    return t.dep_ == "conj" and t.tag_ in ("VBN", "VBD") and h.tag_ == "VBN" \
        and any(c.dep_ == "auxpass" for c in h.children)


WH = ("whether", "if", "why", "how", "what", "when", "where", "who", "whom", "which")


def _question(c: Token, cue: Token) -> bool:
    """A complement clause after its cue that is an indirect question: "whether/if …",
    "why/how/what …" (not a relative pronoun before the cue: "the plan which X said …")."""
    first = c.left_edge
    if first.i < cue.i:
        return False
    if first.lower_ in ("whether", "if") and first.dep_ == "mark" and first.head.i == c.i:
        return True
    return first.lower_ in WH and first.tag_ in ("WRB", "WP", "WDT") and first.head.i == c.i


def _strip_cc(doc: Doc, first: int, last: int) -> int:
    """`last` without a dangling conjunction ("the talks were difficult but")."""
    while last > first and (doc[last].dep_ == "cc" or doc[last].is_punct and doc[last].text not in "\"”’'»?!"):
        last -= 1
    return last


def _before_participle(doc: Doc, lex: Lexicon, first: int, last: int) -> int:
    """`last`, or where the content ends before a participle attribution by the same speaker
    inside first..last: ', stating/adding …' (a quote broken by a cue is two quotes)."""
    for k in range(first + 2, last + 1):
        x = doc[k]
        if x.dep_ == "conj" and is_cue(x, lex) and k + 2 <= last and doc[k + 1].text in (",", ":") \
                and doc[k + 2].text in OPEN_MARKS and not any(c.dep_ == "nsubj" for c in x.children):
            j = x.left_edge.i - 1  # 'said it was too early but added, "…"': the quotation is its own
            while j > first and (doc[j].is_punct or doc[j].dep_ == "cc"):
                j -= 1
            return j
        if x.tag_ != "VBG" or not is_cue(x, lex) or x.dep_ not in ("advcl", "xcomp", "conj", "acl"):
            continue
        j = x.left_edge.i - 1
        while j > first and doc[j].text in "\"”’'" and doc[j].is_punct:
            j -= 1
        if doc[j].text in (",", "—", "–"):
            while j > first and (doc[j].is_punct or doc[j].dep_ == "cc"):
                j -= 1
            return j
    return last


def _own_clause(c: Token, lex: Lexicon) -> bool:
    """A finite adverbial clause with its own subject ("as rescuers searched …", "because Russia
    has shown …"), not the speaker's own doing ("after meeting Rubio", "eyes welling up") or a
    further cue."""
    return c.dep_ == "advcl" and not is_cue(c, lex) and _finite(c) \
        and any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)


def _finite(c: Token) -> bool:
    """A finite clause head ("searched", "has shown"), not a participle ("eyes welling up")."""
    return c.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(x.dep_ in ("aux", "auxpass") for x in c.children)


def _continued(doc: Doc, text: str, t: Token, lex: Lexicon) -> tuple[int, int] | None:
    """After "C, X said": the rest of C's clause when it goes on after the attribution
    (", and had passed all checks", ", mainly because …", ", as rescuers searched …"), whether
    parsed on C's verb or, as a conjunct, on the cue."""
    h = t.head
    stop = min([c.i for c in t.children if c.dep_ in ("cc", "conj") and c.i > t.i] + [len(doc)])
    # "officials said, as rescuers searched …": a clause set off after the cue goes on with C
    tail = [c for c in t.children if c.i > t.i and _own_clause(c, lex) and doc[c.left_edge.i - 1].text == ","]
    if tail:
        stop = min(stop, tail[0].left_edge.i - 1)
    own = [c for c in t.children if c.i < stop]
    k = max([t.i] + [c.right_edge.i for c in own])
    while k > t.i and doc[k].is_punct:
        k -= 1
    k += 1
    end = max(h.right_edge.i, t.right_edge.i if stop < len(doc) else -1)
    while end > k and doc[end].is_punct:
        end -= 1
    if k + 2 >= len(doc) or k >= end or doc[k].text not in (",", "—", "–"):
        return None
    nxt = doc[k + 1] if doc[k + 1].dep_ != "cc" else doc[k + 2]
    if nxt.lower_ == "according" or is_cue(nxt, lex) or nxt.sent.start != t.sent.start:
        return None  # ", adding …", ", according to …": an attribution of its own
    if stop < len(doc) and doc[k + 1].dep_ == "cc":
        conj = next((c for c in t.children if c.dep_ == "conj" and c.i > k), None)
        if conj is not None and (is_cue(conj, lex) or any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)):
            return None  # "C, he said, and added …", "C, he said, and the others agreed"
    if doc[k + 1].dep_ != "cc" and not any(x.dep_ in ("nsubj", "nsubjpass") for x in doc[k + 1:end + 1]):
        return None  # ", after meeting Rubio": no clause of its own, perhaps the speaker's doing
    span = _content(doc, text, k + 1, end)
    return span if span and _n_words(text, *span) >= 3 else None


def _interrupted(doc: Doc, text: str, t: Token, who: Token) -> list[Reported]:
    """The content around a parenthetical attribution: the part after it, and the part before it
    (however short: "[[Russia]], he said, [[would never accept]]" is two pieces, as GGT and
    PolNeAR annotate it)."""
    h = t.head
    lo, hi = t.left_edge.i, t.right_edge.i
    while lo < t.i and doc[lo].is_punct:
        lo += 1
    while hi > t.i and doc[hi].is_punct:
        hi -= 1
    first, last = h.left_edge.i, h.right_edge.i
    if not (first < lo and hi < last) or doc[lo - 1].text not in (",", "—", "–") \
            or hi + 1 >= len(doc) or doc[hi + 1].text not in (",", "—", "–"):
        return []
    if any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in t.children):
        return []
    out = []
    before = _content(doc, text, first, lo - 1)
    after = _content(doc, text, hi + 1, last)
    if before and _n_words(text, *before) >= INTERRUPTED_MIN_WORDS:
        out.append(Reported(*before, t, t.text, who))
    if after and _n_words(text, *after) >= 2:
        out.append(Reported(*after, t, t.text, who))
    return out
