"""The people an article names, for speaker resolution: every person mention (actors stage,
then spaCy entities, then surnames the tagger missed and one-name people it missed altogether)
with the full name a surname stands for; who is a clause subject, and whom a sentence with no
person subject introduces; captions, promo lines and photo credits (their people do not speak);
parties of names and descriptions. `Speaker` is what a speaker mention resolves to."""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, POS
from spacy.parts_of_speech import PROPN
from spacy.tokens import Token

from .genders import given_name_genders, kin_named, lexicon_words, noun_gender
from .lexicon import Lexicon
from .syntax import spelt_out

_POSS = re.compile(r"(?:'s|’s|'|’)$")
# where a person stands in a photo: ", left," "(right)" "Open this photo in gallery"
_POSITION = re.compile(r"(?:, (?:left|right|centre|center|second from (?:left|right)),|"
                       r"\((?:left|right|centre|center)\)|^Open this photo in gallery)", re.IGNORECASE)
# promotional lines between paragraphs: a video or a link, not the story ("WATCH: X warns …")
_PROMO = re.compile(r"^\s*(?:WATCH|READ MORE|RELATED|LISTEN|SEE ALSO|MORE|VIDEO|PHOTOS?)\s*:")


def doc_pos(doc, i: int) -> int:
    return doc[i].idx


@dataclass
class Speaker:
    name: str
    party: str
    gender: str = ""  # m f p(lural) n(euter/body) or ""
    person: bool = False
    head: str = ""  # head lemma of the mention that named it ("official", "minister")
    anonymous: bool = False
    pos: int = 0  # character offset where it was named
    span: tuple[int, int] | None = None  # the name, when given apart from the subject (apposition)
    guess: bool = False  # a person only by guess: one capitalised word no tagger or list knows


# zero-width characters left in web text ("Traeger\u200b said")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def _clean_name(s: str, lex: Lexicon) -> str:
    s = _POSS.sub("", s.translate(_INVISIBLE).strip())
    words = s.split()
    while words and words[0].lower().rstrip(".") in lex.honorifics:
        words = words[1:]
    return " ".join(words)


class People:
    """Mixin of the speaker resolver (needs ctx, doc, kb, lex, direct, ents, _cache, _genders)."""

    def _lookup(self, name: str, day=None):
        """The knowledge base's actor for a name (memoised per article)."""
        if name not in self._cache:
            self._cache[name] = self.kb.lookup(name, self.ctx.date) if self.kb is not None else None
        return self._cache[name]

    # -- people of the article -------------------------------------------------------------
    def _persons(self) -> list[tuple[int, int, str, str, str]]:
        """(start, end, full name, party, gender) of every person named, in order; a surname
        alone takes the earliest full name it ends."""
        ents = []
        for m in self.ctx.mentions:
            if m.kind == "person":
                actor = _clean_name(m.actor, self.lex) if m.actor == m.text else m.actor
                ents.append((m.start, m.end, m.text, actor, m.party))
        have = {(s, e) for s, e, *_ in ents}
        for ent in self.ents:
            if ent.label_ == "PERSON" and (ent.start_char, ent.end_char) not in have \
                    and not (len(ent) == 1 and ent[0].pos_ != "PROPN"):  # "Struck by …", "Story continues"
                ents.append((ent.start_char, ent.end_char, ent.text, "", ""))
        ents += self._missed_names(ents)
        ents += self._untagged_people(ents)
        ents.sort()
        full: dict[str, tuple[str, str]] = {}
        first: dict[str, tuple[str, str]] = {}
        given = given_name_genders()
        for _ in range(2):  # a surname before the full name still takes the full name
            out = []
            for s, e, text, actor, party in ents:
                name = _clean_name(text, self.lex)
                unknown = not actor or actor == text or actor == name
                while unknown and len(name.split()) > 1 and name.split()[0].lower() in self.lex.titles:
                    name = name.split(None, 1)[1]  # "Chief Na'moks", "Coach Smith" (untitled)
                if " of " in name and unknown and len(name.split(" of ")[0].split()) > 1:
                    name, actor = name.split(" of ")[0], ""  # "Jingyi Pan of IG": the name before "of"
                if name.split() and name.split()[-1].lower().strip(".") in self.lex.titles and unknown:
                    continue  # a title tagged as a name: "Yellowhead MP"
                if not name or "/" in name or any(ch.isdigit() for ch in name) or self._credit(s, e):
                    continue
                words = name.split()
                if len(words) == 1 and (words[0].lower() in full or (words[0].lower() in first
                                                                      and words[0].lower() not in given)):
                    # a given name alone is someone else named by first name ("his father,
                    # Joseph, says" is not Joseph Boinnet); other words go to the full name
                    actor, party = full.get(words[0].lower()) or first[words[0].lower()]
                elif len(words) == 1 and words[0].lower() in given and kin_named(self.ctx.text, s):
                    # "Spindler's father, Joseph, says": a relative, not the Joseph named before
                    out.append((s, e, name, "", ""))
                    continue
                elif len(words) == 1 and actor and actor != text and not self._plausible(actor):
                    actor, party = name, ""
                elif (not actor or actor == text) and self.kb is not None \
                        and (len(words) > 1 or words[0].lower() not in given):
                    a = self._lookup(name, self.ctx.date)
                    if a is not None and (len(words) > 1 or self._plausible(a.name)):
                        actor, party = a.name, party or a.party_on(self.ctx.date)
                if actor and actor != text and " " in actor:
                    best = actor
                elif len(words) > 1:
                    best = actor if actor and " " in actor else name
                else:
                    key = words[-1].lower()
                    best = full.get(key, first.get(key, (actor or name, party)))[0]
                if len(words) > 1 or (best and " " in best):
                    full.setdefault(words[-1].lower(), (best, party))
                    full.setdefault(best.split()[-1].lower(), (best, party))
                    first.setdefault(best.split()[0].lower(), (best, party))
                out.append((s, e, best, party or full.get(words[-1].lower(), ("", ""))[1], ""))
        self._full, self._first = full, first
        genders = self._genders(out)
        self._gender = genders
        subj = [self._is_subject(s, e) for s, e, *_ in out]
        self.subjects = [(s, n, p, genders.get(n, "")) for (s, e, n, p, _), ok in zip(out, subj) if ok]
        self.introduced = self._introduced(out, subj, genders)
        return [(s, e, n, p, genders.get(n, "")) for s, e, n, p, _ in out]

    def _introduced(self, persons, subj: list[bool], genders: dict[str, str]) -> list[tuple]:
        """(sentence, pos, name, party, gender) of people introduced outside the subject of a
        sentence whose subject is no person: "Exercise also helped accountant Jane Doe, 50.",
        "For Jane Doe, Friday is a big day.", "I asked barber John Doe, who …". The sentence is
        about them, so a "she said" shortly after can be theirs. Only the first person so named
        in the sentence, by a clean name whose full name is known; a sentence with a person, or
        he/she/they before the name, as subject is about its subject."""
        busy: set[int] = set()
        for (s, *_), ok in zip(persons, subj):
            if ok:
                busy.add(self.ctx.sentence_index(s))
        out = []
        text = self.ctx.text
        for (s, e, n, p, _), ok in zip(persons, subj):
            si = self.ctx.sentence_index(s)
            if ok or si < 0 or si in busy:
                continue
            busy.add(si)  # the first person named in the sentence only
            words = text[s:e].split()
            if self.direct[s] or self._caption(s) or len(n.split()) < 2 \
                    or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
                continue
            span = self.doc.char_span(s, e, alignment_mode="expand")
            if span is None or span.root.dep_ == "conj" or any(
                    c.dep_ == "conj" and (c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"))
                    for c in span.root.children):
                continue  # "a meeting between Zelenskyy and Putin": no one of the two is the topic
                # ("For Jane Doe and thousands of other refugees, …" is about her)
            sent = self.ctx.sentences()[si]
            if any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("he", "she", "they")
                   and not self.direct[t.idx] and t.idx < s for t in sent):
                continue  # "He met Jane Doe": about him ("For Jane Doe, it is a day she …" is hers)
            out.append((si, s, n, p, genders.get(n, "")))
        return out

    def _missed_names(self, ents) -> list[tuple[int, int, str, str, str]]:
        """A person's surname the tagger missed at one place but tagged elsewhere in the article
        ("Okonkwo scored twice …" before "… for Okonkwo"): one name, one sense per
        article. Only a proper noun heading a clause subject, outside any other entity."""
        surnames = {}
        for s, e, text, actor, party in ents:
            words = self.ctx.text[s:e].split()
            last = _POSS.sub("", words[-1]) if words else ""
            if len(words) > 1 and last[:1].isupper() and len(last) > 2:
                surnames[last] = True  # "Jeanine Durning’s": Durning
        if not surnames:
            return []
        covered = bytearray(len(self.ctx.text) + 1)
        for s, e, *_ in ents:
            covered[s:e] = b"\x01" * (e - s)
        out = []
        text = self.ctx.text
        pat = re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(n) for n in sorted(surnames, key=len, reverse=True))
                         + r")(?![\w-])")
        for m in pat.finditer(text):
            if covered[m.start()] or self.direct[m.start()]:
                continue
            span = self.doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            t = span.root
            # "For Espinos, who …, he is …": the person a sentence opens on
            opening = t.dep_ == "pobj" and t.head.is_sent_start and t.head.lower_ in ("for", "to")
            if t.pos_ not in ("PROPN", "NOUN") or t.ent_type_ not in ("", "PERSON", "ORG") \
                    or (t.dep_ not in ("nsubj", "nsubjpass") and not opening):
                continue
            out.append((m.start(), m.end(), m.group(0), "", ""))
        return out

    def _untagged_people(self, ents) -> list[tuple[int, int, str, str, str]]:
        """People the tagger missed altogether, known by one name ("Wenna, a resident of the valley,
        was cooking when she heard …", "Okonkwo has scored twice since Leeds signed him"): a capitalised proper noun heading a clause subject, in no entity, with an
        apposition naming a person ("a resident") or he/she/him/his/her later in its sentence."""
        covered = bytearray(len(self.ctx.text) + 1)
        for s, e, *_ in ents:
            covered[s:e] = b"\x01" * (e - s)
        out = []
        for t in self._proper_subjects():
            if t.ent_type_ \
                    or not t.text[:1].isupper() or len(t.text) < 3 or not t.text.replace("'", "").replace("’", "").isalpha() \
                    or covered[t.idx] or self.direct[t.idx]:
                continue
            if any(c.dep_ == "compound" and c.ent_type_ for c in t.children):
                continue
            lo = min([t.i] + [c.i for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                              and c.i == t.i - 1])
            appos = [c for c in t.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
            person_noun = any(self._person_noun(c) for c in appos)
            pron = False
            sent = self.ctx.sentences()[self.ctx.sentence_index(t.idx)]
            for u in self.doc[t.i + 1:sent.end]:
                if self.direct[u.idx]:
                    continue
                if u.ent_type_ in ("PERSON",) or covered[u.idx]:
                    break
                if u.lower_ in ("he", "she", "him", "his", "her", "himself", "herself"):
                    pron = True
                    break
            if person_noun or pron:
                s, e = self.doc[lo].idx, t.idx + len(t.text)
                out.append((s, e, self.ctx.text[s:e], "", ""))
        return out

    def _proper_subjects(self) -> list[Token]:
        """Proper nouns heading a clause subject (found on the token arrays: iterating a whole
        Doc's tokens costs more than all the rest of the resolver)."""
        strings = self.doc.vocab.strings
        arr = self.doc.to_array([DEP, POS])
        subj = np.isin(arr[:, 0], [strings["nsubj"], strings["nsubjpass"]]) & (arr[:, 1] == PROPN)
        return [self.doc[int(i)] for i in np.flatnonzero(subj)]

    def _person_noun(self, t: Token) -> bool:
        """A noun naming a person: a title, an anonymous-source head, a gendered noun or a noun
        of agent ("resident", "coach", "teacher")."""
        lemma = t.lemma_.lower()
        if lemma in self.lex.bodies or lemma in lexicon_words("speaking_things"):
            return False
        return (lemma in self.lex.titles or lemma in self.lex.anonymous or bool(noun_gender(lemma))
                or lemma in lexicon_words("group_nouns")
                or (len(lemma) > 4 and lemma.endswith(("er", "or", "ist", "ian", "ant", "ent", "ee"))))

    def _credit(self, s: int, e: int) -> bool:
        """A photo or agency credit: "(Tijana Martin / The Canadian Press)", "Jane Doe/Reuters"."""
        text = self.ctx.text
        if "/" in text[max(0, s - 2):s] + text[e:e + 2]:
            return True
        o, c = text.rfind("(", max(0, s - 60), s), text.find(")", e, e + 60)
        if o >= 0 and c >= 0 and "\n" not in text[o:c]:
            inner = text[o:c].lower()
            return "/" in inner or any(w in inner for w in self.lex.credits)
        return False

    def _is_subject(self, s: int, e: int) -> bool:
        """The name heads (or sits in) a clause subject, or opens its sentence."""
        span = self.doc.char_span(s, e, alignment_mode="expand")
        if span is None or len(span) == 0 or self._caption(s):
            return False
        if span.root.dep_ == "poss" and span.root.head.pos_ == "NOUN":
            return False  # "says Wise's dad": the dad is the subject
        if self._next_to_cue(span):
            return True
        t = span.root
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        if nxt is not None and t.head.i == nxt.i and nxt.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return True  # "…, McNeely was afraid" whatever the parser called the name
        for _ in range(6):
            if t.dep_ in ("nsubj", "nsubjpass"):
                return True
            if t.head.i == t.i or t.head.pos_ in ("VERB", "AUX") or t.dep_ in ("pobj", "dobj", "poss"):
                break
            t = t.head
        return span[0].is_sent_start or (span.start > 0 and span.doc[span.start - 1].is_sent_start
                                           and span.doc[span.start - 1].is_punct)

    def _caption(self, pos: int) -> bool:
        """`pos` is in a photo caption: a paragraph holding a credit in parentheses ("… at
        Windsor station. ( THE CANADIAN PRESS FILE PHOTO )"). Its people are pictured, not
        speaking."""
        text = self.ctx.text
        lo = text.rfind("\n", 0, pos) + 1
        hi = text.find("\n", pos)
        hi = len(text) if hi < 0 else hi
        if _POSITION.search(text[lo:hi]) or _PROMO.match(text[lo:hi]):
            return True  # "Judy, centre, and Jaidaa, left, ham it up"; "WATCH: RCMP warns …"
        for m in re.finditer(r"\(([^()\n]{3,80})\)", text[lo:hi]):
            inner = m.group(1).lower()
            if "/" in inner or any(re.search(r"\b" + re.escape(w) + r"\b", inner) for w in self.lex.credits):
                return True
        return False

    def _next_to_cue(self, span) -> bool:
        """A name right before a reporting verb ("Josh Matlow told HuffPost …", "Eglinski, an MP,
        said"), or right after one in an inverted attribution ("…," said Hadwin): the speaker,
        whatever the parse made of it."""
        doc, speech = span.doc, self.lex.speech
        j = span.end
        if j < len(doc) and doc[j].text in (",", "—", "–"):  # an apposition: "Eglinski, Yellowhead MP, said"
            k = j + 1
            while k < min(len(doc), j + 12) and doc[k].text not in (",", "—", "–") and "\n" not in doc[k].text:
                k += 1
            j = k + 1 if k < len(doc) and doc[k].text == doc[j].text else j
        while j < len(doc) and doc[j].pos_ in ("AUX", "ADV", "PART") and j < span.end + 4:
            j += 1  # "has said", "also said", "later told"
        if j < len(doc) and doc[j].lemma_.lower() in speech and doc[j].tag_.startswith("VB"):
            return True
        k = span.start - 1
        return (k >= 0 and doc[k].lemma_.lower() in speech and doc[k].tag_.startswith("VB")
                and k >= 1 and doc[k - 1].text in (",", "”", '"', "’", "'"))

    def _plausible(self, actor: str) -> bool:
        """A surname alone stands for a known actor only if the article names that actor in
        full or names the actor's state (so "Kim" in a Canadian story is not Kim Jong Un)."""
        key = ("plausible", actor)
        if key not in self._cache:
            self._cache[key] = self._plausible_now(actor)
        return self._cache[key]

    def _plausible_now(self, actor: str) -> bool:
        text = self.ctx.text
        if actor in text:
            return True
        if self.kb is None:
            return False
        a = self._lookup(actor, self.ctx.date)
        if a is None:
            return False
        st = self.kb.states.get(a.party_on(self.ctx.date) or a.party)
        if st is None:
            return False
        names = [st.name, *st.aliases, *st.demonyms, st.capital]
        return any(n and re.search(r"\b" + re.escape(n) + r"\b", text) for n in names)

    def _expand_org(self, name: str, pos: int) -> str:
        """A short or initialled body name → its earlier full name ("EDC" → "Export Development
        Canada", "Samsung" → "Samsung Electronics Co.")."""
        key = ("expand", name)
        if key not in self._cache:  # the first entity spelling it out, wherever it is
            self._cache[key] = None
            if ("bodies",) not in self._cache:  # (start, text) of the entities that may name a body
                self._cache[("bodies",)] = [(e.start_char, e.text) for e in self.ents
                                            if e.label_ in ("ORG", "GPE", "NORP")]
            for start, text in self._cache[("bodies",)]:
                if text == name:
                    continue
                t = text[4:] if text.lower().startswith("the ") else text
                initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w’'-]*", t) if w[0].isupper())
                if t.startswith(name + " ") or (len(name) >= 2 and name.isupper() and initials == name):
                    self._cache[key] = (start, t)
                    break
            if self._cache[key] is None and 2 <= len(name) <= 6 and name.isupper() and name.isalpha():
                self._cache[key] = spelt_out(self.ctx.text, name)
        found = self._cache[key]
        return found[1] if found is not None and found[0] < pos else name

    def party_of(self, name: str) -> str:
        if self.kb is None or not name:
            return ""
        a = self._lookup(name, self.ctx.date)
        return a.party_on(self.ctx.date) if a is not None else ""

    def _np_party(self, tokens: list[Token]) -> str:
        """Party named inside an anonymous description: demonym or state ("a senior Ukrainian
        official", "U.S. officials", "a source in Ukrainian diplomatic circles")."""
        if self.kb is None:
            return ""
        for t in tokens:
            st = self.kb.demonym(t.text) or self.kb.state(t.text)
            if st is not None:
                return st.iso3
            m = self.ctx.mention_at(t.idx, t.idx + len(t.text))
            if m is not None and m.party and m.start <= t.idx < m.end and m.kind in ("state", "metonym"):
                return m.party
        return ""

    # -- resolution ------------------------------------------------------------------------
